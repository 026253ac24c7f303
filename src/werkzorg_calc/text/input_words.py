"""The words of every problem with a case file: why a cell is refused, and what else is wrong.

Each code maps to its Dutch and its English template; ``text/issues.py`` fills and renders them.
"""

from __future__ import annotations

from typing import Final

# Why a value is refused: for a cell ("{field}: …") and for a parameter ("parameter 'x' …").
REASONS: Final[dict[str, tuple[str, str]]] = {
    "required": ("verplicht veld is leeg", "required field is empty"),
    "value_missing": ("ontbreekt", "is missing"),
    "excel_error_value": (
        "de cel bevat een Excel-foutwaarde (zoals #N/B)",
        "the cell holds an Excel error value (such as #N/A)",
    ),
    "text_expected": ("verwacht tekst", "text expected"),
    "text_too_long": (
        "tekst te lang (hoogstens {limit} tekens)",
        "text too long (at most {limit} characters)",
    ),
    "status_unknown": (
        "onbekende status; gebruik aangemeld, in_bemiddeling, solliciteert, aan_het_werk of "
        "uitgevallen",
        "unknown status; use aangemeld, in_bemiddeling, solliciteert, aan_het_werk or uitgevallen",
    ),
    "status_unknown_close": (
        "onbekende status; bedoelt u {suggestion}? gebruik aangemeld, in_bemiddeling, "
        "solliciteert, aan_het_werk of uitgevallen",
        "unknown status; did you mean {suggestion}? use aangemeld, in_bemiddeling, solliciteert, "
        "aan_het_werk or uitgevallen",
    ),
    "benefit_type_unknown": (
        "onbekende uitkeringssoort; gebruik participatiewet, ww, wia, wajong of geen",
        "unknown benefit type; use participatiewet, ww, wia, wajong or geen",
    ),
    "household_unknown": (
        "onbekend huishouden; gebruik alleenstaand, gehuwd of samenwonend",
        "unknown household; use alleenstaand, gehuwd or samenwonend",
    ),
    "share_out_of_range": (
        "een aandeel tussen 0 en 1 (schrijf 0,6 of 60%)",
        "a share between 0 and 1 (write 0.6 or 60%)",
    ),
    "date_expected": (
        "verwacht een datum; geef de cel de celopmaak Datum of schrijf 2018-03-01",
        "a date expected; give the cell the Date format or write 2018-03-01",
    ),
    "date_ambiguous": (
        "datum met / of . is dubbelzinnig (dag of maand eerst?); schrijf 2024-03-04 of 4-3-2024",
        "a date with / or . is ambiguous (day or month first?); write 2024-03-04 or 4-3-2024",
    ),
    "date_invalid": (
        "geen datum; schrijf jjjj-mm-dd (2018-03-01) of d-m-jjjj (1-3-2018)",
        "not a date; write yyyy-mm-dd (2018-03-01) or d-m-yyyy (1-3-2018)",
    ),
    "date_nonexistent": ("deze datum bestaat niet", "this date does not exist"),
    "date_out_of_range": (
        "datum buiten 1900–2200; is het jaartal verkeerd getypt?",
        "date outside 1900–2200; was the year mistyped?",
    ),
    "number_expected": ("verwacht een getal", "a number expected"),
    "number_ambiguous": (
        "getal is dubbelzinnig (duizendtal of decimaal?); schrijf 1401 of 1401,50 zonder "
        "scheidingsteken",
        "the number is ambiguous (thousands or decimals?); write 1401 or 1401.50 without a "
        "separator",
    ),
    "number_not_finite": ("verwacht een eindig getal", "a finite number expected"),
    "number_negative": ("mag niet negatief zijn", "must not be negative"),
    "number_at_least": ("moet minstens {limit} zijn", "must be at least {limit}"),
    "number_above": ("moet groter dan {limit} zijn", "must be greater than {limit}"),
    "number_at_most": ("mag hoogstens {limit} zijn", "must be at most {limit}"),
    "number_below": ("moet kleiner dan {limit} zijn", "must be less than {limit}"),
    "integer_expected": ("moet een geheel getal zijn", "must be a whole number"),
    "unknown_name": ("onbekende naam", "unknown name"),
    "one_of": (
        "moet een van deze waarden zijn: {expected}",
        "must be one of these values: {expected}",
    ),
    "invalid_value": ("ongeldige waarde", "invalid value"),
}

# Problems with a file, a sheet, a row or a column of a case file.
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # the file as a whole (read/raw.py, read/delimited.py)
    "file_not_found": ("bestand niet gevonden", "file not found"),
    "file_is_directory": ("dit is een map", "this is a folder"),
    "file_not_readable": ("geen leesrechten op dit bestand", "no permission to read this file"),
    "file_unreadable": (
        "het bestand kon niet worden gelezen (een leesfout van het systeem); staat het op een "
        "netwerkschijf of USB-stick die weg is?",
        "the file could not be read (a read error of the system); is it on a network drive or "
        "USB stick that has gone?",
    ),
    "file_changed": (
        "het bestand veranderde terwijl werkzorg het las (wordt het nog opgeslagen?); probeer "
        "opnieuw als het klaar is",
        "the file changed while werkzorg read it (is it still being saved?); try again when "
        "it is done",
    ),
    "file_empty": ("het bestand is leeg", "the file is empty"),
    "frame_multi_level_header": (
        "de tabel heeft kolomkoppen op meer dan één niveau; maak er één kopregel van",
        "the table has column headers on more than one level; make them one header row",
    ),
    "file_given_twice": (
        "dit bestand is al opgegeven ({other})",
        "this file is given twice ({other})",
    ),
    "same_content": (
        "dit bestand heeft precies dezelfde inhoud als {other}",
        "this file has exactly the same content as {other}",
    ),
    "excel_lock_file": (
        "dit is het tijdelijke vergrendelingsbestand dat Excel maakt zolang een werkmap open "
        "is, niet de werkmap zelf",
        "this is the temporary lock file Excel makes while a workbook is open, not the "
        "workbook itself",
    ),
    "excel_lock_file_guess": (
        "dit is het tijdelijke vergrendelingsbestand dat Excel maakt zolang een werkmap open "
        "is, niet de werkmap zelf; bedoelt u {candidate}?",
        "this is the temporary lock file Excel makes while a workbook is open, not the "
        "workbook itself; did you mean {candidate}?",
    ),
    "workbook_encrypted": (
        "de werkmap is met een wachtwoord beveiligd; haal het wachtwoord eraf in Excel "
        "(Bestand > Info > Werkmap beveiligen) en probeer opnieuw. werkzorg vraagt nooit "
        "om een wachtwoord",
        "the workbook is protected with a password; remove the password in Excel "
        "(File > Info > Protect Workbook) and try again. werkzorg never asks for a password",
    ),
    "legacy_xls": (
        "oud Excel-formaat (.xls); sla het op als Excel-werkmap (.xlsx)",
        "old Excel format (.xls); save it as an Excel workbook (.xlsx)",
    ),
    "not_xlsx": (
        "geen geldig Excel-bestand (.xlsx): de inhoud is geen werkmap en geen tekst",
        "not a valid Excel file (.xlsx): the content is neither a workbook nor text",
    ),
    "text_named_xlsx": (
        "dit is een tekstbestand (waarschijnlijk CSV) met de extensie {suffix}, geen "
        "Excel-werkmap; hernoem het naar .csv of sla het in Excel op als werkmap",
        "this is a text file (probably CSV) with the extension {suffix}, not an Excel "
        "workbook; rename it to .csv or save it as a workbook in Excel",
    ),
    "text_named_xlsx_read": (
        "dit is een tekstbestand (CSV) met de extensie {suffix}; gelezen als CSV. Hernoem het "
        "naar .csv",
        "this is a text file (CSV) with the extension {suffix}; read as CSV. Rename it to .csv",
    ),
    "encoding_unknown": (
        "onbekende tekenset; sla het bestand op als CSV UTF-8 of als Excel-werkmap",
        "unknown character set; save the file as CSV UTF-8 or as an Excel workbook",
    ),
    "not_text": (
        "geen tekstbestand (CSV) en geen Excel-werkmap",
        "neither a text file (CSV) nor an Excel workbook",
    ),
    "csv_malformed": ("het CSV-bestand is niet goed opgebouwd", "the CSV file is malformed"),
    "csv_no_header": (
        "geen kopregel met casus_id (of case_id) gevonden in de bovenste {limit} regels",
        "no header line with casus_id (or case_id) in the first {limit} lines",
    ),
    # the workbook package (read/package.py, read/workbook.py)
    "zip_damaged": (
        "het Excel-bestand is beschadigd of geen werkmap (geen geldige zip)",
        "the Excel file is damaged or not a workbook (not a valid zip)",
    ),
    "macro_workbook": (
        "werkmap met macro's (.xlsm); werkzorg opent die niet. Sla het blad op als "
        "Excel-werkmap (.xlsx) zonder macro's",
        "a workbook with macros (.xlsm); werkzorg does not open those. Save the sheet as an "
        "Excel workbook (.xlsx) without macros",
    ),
    "zip_not_workbook": (
        "dit is een zip-bestand maar geen Excel-werkmap; sla het op als .xlsx of .csv",
        "this is a zip file but not an Excel workbook; save it as .xlsx or .csv",
    ),
    "too_many_parts": (
        "het Excel-bestand bevat meer dan {limit} onderdelen",
        "the Excel file has more than {limit} parts",
    ),
    "zip_bomb": (
        "het Excel-bestand pakt uit tot een onredelijke omvang (mogelijk een zip-bom); "
        "het is niet geopend",
        "the Excel file unpacks to an unreasonable size (possibly a zip bomb); it was not opened",
    ),
    "xml_entities": (
        "de werkmap declareert XML-entiteiten, wat Excel nooit schrijft (een bekende aanval "
        "die het geheugen vult); uit veiligheid niet geopend. Open het in Excel of "
        "LibreOffice en sla het opnieuw op",
        "the workbook declares XML entities, which Excel never writes (a known attack that "
        "fills memory); refused for safety. Open it in Excel or LibreOffice and save it again",
    ),
    "workbook_unreadable": (
        "het Excel-bestand kon niet worden gelezen: het is beschadigd of niet door een "
        "spreadsheetprogramma gemaakt. Open het in Excel of LibreOffice en sla het opnieuw op",
        "the Excel file could not be read: it is damaged or was not made by a spreadsheet "
        "program. Open it in Excel or LibreOffice and save it again",
    ),
    "defusedxml_missing": (
        "defusedxml ontbreekt of staat uit (OPENPYXL_DEFUSEDXML); werkzorg leest geen "
        "Excel-bestanden zonder",
        "defusedxml is missing or switched off (OPENPYXL_DEFUSEDXML); werkzorg reads no Excel "
        "files without it",
    ),
    "no_case_sheet": (
        "geen blad gevonden met een kolom casus_id (of case_id) in de bovenste {limit} rijen",
        "no sheet with a column casus_id (or case_id) in the first {limit} rows",
    ),
    "rows_beyond_limit": (
        "meer dan {max_rows} rijen onder de kop: er staan gegevens in rij {last}; werkzorg leest "
        "niet zo ver (staat daar iets per ongeluk?)",
        "more than {max_rows} rows below the header: there is data in row {last}; werkzorg does "
        "not read that far (is something there by accident?)",
    ),
    "cells_far_right": (
        "cellen rechts van kolom {limit} genegeerd (rijen vanaf {first})",
        "cells right of column {limit} ignored (rows from {first})",
    ),
    # the header row (read/cases.py)
    "bsn_header": (
        "deze kolom bevat burgerservicenummers (BSN); verwijder de kolom of gebruik "
        "--allow-bsn (BSN's worden dan genegeerd)",
        "this column holds citizen service numbers (BSN); remove the column or use "
        "--allow-bsn (BSNs are then ignored)",
    ),
    "bsn_header_ignored": ("BSN-kolom genegeerd (--allow-bsn)", "BSN column ignored (--allow-bsn)"),
    "duplicate_header": (
        "kolom {header} staat er twee keer in (kolommen {first} en {second})",
        "column {header} appears twice (columns {first} and {second})",
    ),
    "header_near_match": (
        "onbekende kolom {header}; bedoelt u {suggestion}? Verbeter de kop, anders worden deze "
        "waarden niet gebruikt",
        "unknown column {header}; did you mean {suggestion}? Correct the header, or these values "
        "are not used",
    ),
    "sheet_empty": (
        "blad {sheet} is leeg: er staan geen casussen onder de kopregel",
        "sheet {sheet} is empty: there are no cases below the header row",
    ),
    "file_without_cases": (
        "het bestand is leeg: er staan geen casussen onder de kopregel",
        "the file is empty: there are no cases below the header row",
    ),
    "unknown_columns": (
        "onbekende kolommen, niet gebruikt in de berekening: {columns}",
        "unknown columns, not used in the calculation: {columns}",
    ),
    "required_column_missing": (
        "verplichte kolom {header} ontbreekt",
        "required column {header} is missing",
    ),
    "unlabelled_data": (
        "kolom heeft gegevens maar geen kop; niet gebruikt",
        "the column has data but no header; not used",
    ),
    # rows (read/cases.py)
    "empty_row_skipped": ("lege rij overgeslagen", "empty row skipped"),
    "empty_rows_gap": (
        "rijen {first}–{last} zijn leeg en daaronder staan nog gegevens (vanaf rij {next}); "
        "haal de lege rijen weg of verwijder wat onder de tabel staat",
        "rows {first}–{last} are empty and there is more data below (from row {next}); remove "
        "the empty rows or delete what lies below the table",
    ),
    # the sheet (read/sheet_checks.py)
    "formula_without_value": (
        "{field}: formule zonder opgeslagen uitkomst (het bestand is gemaakt door een "
        "programma dat niet rekent); open het in Excel of LibreOffice en sla het opnieuw op",
        "{field}: a formula without a stored result (the file was made by a program that does "
        "not calculate); open it in Excel or LibreOffice and save it again",
    ),
    "merged_cells": (
        "samengevoegde cellen ({cells}) in de tabel: één waarde hoort dan bij meer rijen of "
        "kolommen; maak de samenvoeging ongedaan en vul elke cel",
        "merged cells ({cells}) in the table: one value then belongs to several rows or "
        "columns; unmerge them and fill every cell",
    ),
    "hidden_rows": ("verborgen rijen tellen mee: {rows}", "hidden rows are counted: {rows}"),
    "hidden_columns": (
        "verborgen kolommen tellen mee: {columns}",
        "hidden columns are counted: {columns}",
    ),
    "sheet_hidden": ("dit blad is verborgen in Excel", "this sheet is hidden in Excel"),
    "heading_two_rows": (
        "de kop lijkt over twee rijen verdeeld (rij {header_row} en {second_row}); zet elke "
        "kolomnaam in één cel van één kopregel",
        "the header seems split over two rows (rows {header_row} and {second_row}); put every "
        "column name in one cell of one header row",
    ),
    "dates_from_serial": (
        "{field}: getallen gelezen als Excel-datum in {count:~rij|rijen} {rows}; geef de kolom "
        "de celopmaak Datum",
        "{field}: numbers read as Excel dates in {count:~row|rows} {rows}; give the column the "
        "Date format",
    ),
    # privacy (read/privacy.py)
    "bsn_in_shown_column": (
        "deze kolom lijkt burgerservicenummers (BSN) te bevatten; gebruik een pseudoniem (ook "
        "--allow-bsn staat dit niet toe: deze kolom komt in de uitvoer)",
        "this column seems to hold citizen service numbers (BSN); use a pseudonym (--allow-bsn "
        "does not allow this either: this column goes into the output)",
    ),
    "bsn_column_ignored": (
        "kolom met BSN's genegeerd (--allow-bsn)",
        "column with BSNs ignored (--allow-bsn)",
    ),
    "bsn_in_known_column": (
        "deze kolom lijkt BSN's te bevatten",
        "this column seems to hold BSNs",
    ),
    "bsn_column": (
        "deze kolom lijkt burgerservicenummers (BSN) te bevatten; verwijder de kolom of "
        "gebruik --allow-bsn (BSN's worden dan genegeerd)",
        "this column seems to hold citizen service numbers (BSN); remove the column or use "
        "--allow-bsn (BSNs are then ignored)",
    ),
    # rules across fields (read/consistency.py)
    "job_start_missing_at_work": (
        "start_werk ontbreekt; verplicht bij status aan_het_werk",
        "start_werk is missing; required with status aan_het_werk",
    ),
    "job_start_missing_with_end": (
        "start_werk ontbreekt terwijl einde_werk is ingevuld",
        "start_werk is missing while einde_werk is filled in",
    ),
    "job_start_after_peildatum": (
        "start_werk ligt na de peildatum ({peildatum})",
        "start_werk lies after the reference date ({peildatum})",
    ),
    "job_end_before_start": (
        "einde_werk ligt vóór start_werk",
        "einde_werk lies before start_werk",
    ),
    "trajectory_after_peildatum": (
        "start_traject ligt na de peildatum ({peildatum})",
        "start_traject lies after the reference date ({peildatum})",
    ),
    "at_work_but_ended": (
        "status is aan_het_werk, maar einde_werk ligt op of vóór de peildatum ({peildatum})",
        "the status is aan_het_werk, but einde_werk lies on or before the reference date "
        "({peildatum})",
    ),
    "working_but_status": (
        "volgens start_werk en einde_werk werkt deze persoon op de peildatum ({peildatum}), "
        "maar de status is niet aan_het_werk",
        "by start_werk and einde_werk this person works on the reference date ({peildatum}), "
        "but the status is not aan_het_werk",
    ),
    "duplicate_id": (
        "{header} komt vaker voor (ook in rij {others})",
        "{header} appears more than once (also in row {others})",
    ),
    "duplicate_id_across": (
        "casus_id komt ook voor in {places}",
        "casus_id also appears in {places}",
    ),
    # what the method fills in (engine/calc.py)
    "imputed_benefit_before": (
        "{field} ontbreekt in {count:rij|rijen} ({rows}): {amount_euro} per maand aangenomen "
        "(benefit_default_month)",
        "{field} is missing in {count:row|rows} ({rows}): {amount_euro} a month assumed "
        "(benefit_default_month)",
    ),
    "imputed_benefit_before_dated": (
        "{field} ontbreekt in {count:rij|rijen} ({rows}): de bijstandsnorm van het huishouden "
        "die per dag gold aangenomen (legal-norms.csv; regel L1)",
        "{field} is missing in {count:row|rows} ({rows}): the household's social assistance "
        "norm valid on each day assumed (legal-norms.csv; rule L1)",
    ),
    "benefit_above_norm": (
        "{field} ligt in {count:rij|rijen} ({rows}) boven de bijstandsnorm van het huishouden "
        "op start_werk (legal-norms.csv): klopt het huishouden, of is de aanvulling op "
        "deeltijdwerk vergeten?",
        "{field} lies above the household's social assistance norm at start_werk in "
        "{count:row|rows} ({rows}) (legal-norms.csv): is the household right, or was the top-up "
        "for part-time work forgotten?",
    ),
    "legal_norm_outside_table": (
        "uitkering_voor is leeg en de bijstandsnorm is nodig vanaf {day}, maar de tabel "
        "legal-norms.csv dekt niet elke gewerkte dag (2015-01-01 tot en met 2026-12-31); vul "
        "uitkering_voor in of zet benefit_default_month",
        "benefit_before is empty and the social assistance norm is needed from {day}, but the "
        "table legal-norms.csv does not cover every day worked (2015-01-01 to 2026-12-31); fill "
        "in benefit_before or set benefit_default_month",
    ),
    "legal_unverified": (
        "wettelijk bedrag {key} {valid_from} – {valid_to} is niet geverifieerd "
        "(legal-norms.csv, regel {line}): controleer het",
        "legal amount {key} {valid_from} – {valid_to} is not verified (legal-norms.csv, line "
        "{line}): check it",
    ),
    "legal_carried_forward": (
        "projectie voorbij het einde van legal-norms.csv: {key} na {last} is gelijk gehouden "
        "aan de laatste rij (de enige doorgetrokken waarde; geen index)",
        "projection past the end of legal-norms.csv: {key} after {last} is held at the last row "
        "(the only carried-forward value; no index)",
    ),
    "jobcoach_rate_fallback": (
        "UWV-jobcoachtarief (jobcoach_hour_rate_uwv) ontbreekt in de tabel voor "
        "{count:rij|rijen} ({rows}): het gemeentelijke tarief {amount_euro} per uur gerekend "
        "(regel J1)",
        "UWV's jobcoach tariff (jobcoach_hour_rate_uwv) is not in the table for "
        "{count:row|rows} ({rows}): the municipal rate {amount_euro} an hour charged (rule J1)",
    ),
    "imputed_mhc_after": (
        "{field} ontbreekt in {count:rij|rijen} ({rows}): ggz_voor × (1 − {share}) aangenomen "
        "(mhc_reduction_when_working)",
        "{field} is missing in {count:row|rows} ({rows}): ggz_voor × (1 − {share}) assumed "
        "(mhc_reduction_when_working)",
    ),
    "imputed_mhc_before": (
        "{field} ontbreekt in {count:rij|rijen} ({rows}): 0 aangenomen terwijl ggz_na is ingevuld",
        "{field} is missing in {count:row|rows} ({rows}): 0 assumed while ggz_na is filled in",
    ),
    "imputed_counselling_hours": (
        "{field} ontbreekt in {count:rij|rijen} ({rows}): {amount_euro} per gestart traject "
        "gerekend (counselling_cost_per_trajectory)",
        "{field} is missing in {count:row|rows} ({rows}): {amount_euro} per started trajectory "
        "charged (counselling_cost_per_trajectory)",
    ),
    # what the law derives (engine/law/apply.py, rules B1 and W1)
    "law_disagrees": (
        "casus {case}: {field} ingevuld {typed_euro}, volgens regel {rule} ({article}) "
        "{derived_euro} per maand; het ingevulde bedrag telt",
        "case {case}: {field} typed as {typed_euro}, by rule {rule} ({article}) {derived_euro} "
        "a month; the typed amount counts",
    ),
    "law_not_derived": (
        "{field} niet afgeleid (regel {rule}) in {count:rij|rijen} ({rows}): de tabel "
        "legal-norms.csv heeft geen bedrag voor {keys} van {start} t/m {end}",
        "{field} not derived (rule {rule}) in {count:row|rows} ({rows}): the table "
        "legal-norms.csv has no amount for {keys} from {start} to {end}",
    ),
    "law_row_unverified": (
        "wettelijk bedrag {key} {start} t/m {end} (legal-norms.csv regel {line}) is gebruikt "
        "maar nog niet geverifieerd",
        "legal amount {key} {start} to {end} (legal-norms.csv line {line}) is used but not yet "
        "verified",
    ),
    "law_derived_b1": (
        "{field} afgeleid volgens regel B1 ({article}) in {count:rij|rijen} ({rows}), maand "
        "voor maand over de werkperiode; niet meegenomen: jongeren onder 27, vrijlatingen art. "
        "31-2-r en 31-2-y, kostendelersnorm, toeslagen, heffingskortingen",
        "{field} derived by rule B1 ({article}) in {count:row|rows} ({rows}), month by month "
        "over the work period; left out: people under 27, the disregards of art. 31-2-r and "
        "31-2-y, the kostendelersnorm, toeslagen, tax credits",
    ),
    "law_derived_w1": (
        "{field} afgeleid volgens regel W1 ({article}) in {count:rij|rijen} ({rows}), maand "
        "voor maand over de werkperiode",
        "{field} derived by rule W1 ({article}) in {count:row|rows} ({rows}), month by month "
        "over the work period",
    ),
    "late_peildatum": (
        "de peildatum {peildatum} ligt {months:maand|maanden} na de laatste datum in het "
        "bestand ({latest}); wie nog aan het werk staat, telt tot de peildatum door. Bedoelt "
        "u een eerdere --peildatum?",
        "the reference date {peildatum} lies {months:month|months} after the last date in the "
        "file ({latest}); whoever is still at work counts until the reference date. Did you "
        "mean an earlier --peildatum?",
    ),
    # plausibility of the result (method v2, Q1; engine/plausibility.py)
    "ggz_saving_implausible": (
        "GGZ-besparing per geplaatste ({ours_euro}) ligt meer dan {band}× van VGZ's circa "
        "{reference_euro} ({total_euro} voor ongeveer {people} mensen); controleer ggz_voor, "
        "ggz_na en mhc_reduction_when_working",
        "GGZ saving per placed person ({ours_euro}) is more than {band}× off VGZ's about "
        "{reference_euro} ({total_euro} for about {people} people); check ggz_voor, ggz_na "
        "and mhc_reduction_when_working",
    ),
    # the case bootstrap at national scale (method v2, U1; engine/bootstrap.py)
    "bootstrap_draws_reduced": (
        "casus-bootstrap met {draws} in plaats van {spec_draws} trekkingen: bij {cases} "
        "casussen zou de standaard {spec_draws} × {cases} indexen trekken; geef "
        "--bootstrap-draws {spec_draws} om ze toch alle te trekken",
        "case bootstrap with {draws} instead of {spec_draws} draws: with {cases} cases the "
        "default would draw {spec_draws} × {cases} indices; give --bootstrap-draws "
        "{spec_draws} to draw them all the same",
    ),
}
