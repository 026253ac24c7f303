"""An empty case workbook that makes good input easy (``werkzorg template``).

Canonical headers with a Dutch note on each, drop-down lists for the status, the benefit
type and the household, date, euro and percent formats, input checks on amounts and shares, a
filled ``Voorbeeld`` sheet and a ``Parameters`` sheet with the defaults and their sources. A
template filled in by hand passes ``werkzorg check``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from werkzorg_calc.domain.columns import (
    BENEFIT_TYPES,
    COLUMNS,
    HOUSEHOLDS,
    MONEY_FIELDS,
    STATUSES,
    Column,
)
from werkzorg_calc.domain.parameters import default_parameters, parameter_info
from werkzorg_calc.write.safe_write import atomic_target, check_target

TEMPLATE_ROWS = 1000  # rows prepared with formats and checks
_EURO = '"€" #,##0.00'
_DATE = "DD-MM-YYYY"
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

NOTES: dict[str, str] = {
    "casus_id": "Verplicht. Een pseudoniem per deelnemer (bijv. WBZ-001), uniek in het bestand. "
    "Nooit een BSN.",
    "status": "Verplicht. Kies uit de lijst: aangemeld, in_bemiddeling, solliciteert, "
    "aan_het_werk, uitgevallen.",
    "start_traject": "Verplicht. Datum van de aanmelding/start van het traject.",
    "start_werk": "Datum waarop het betaalde werk begon. Verplicht bij aan_het_werk en als "
    "einde_werk is ingevuld; niet na de peildatum.",
    "einde_werk": "Datum waarop het werk eindigde (leeg als het nog loopt); niet vóór start_werk.",
    "uren_per_week": "Gewerkte uren per week (meer dan 0, hoogstens 60). Telt mee voor "
    "'duurzaam' (standaard minstens 12).",
    "uitkering_voor": "Uitkering per maand vóór de plaatsing, in euro. Leeg: de bijstandsnorm "
    "van het huishouden die per dag gold wordt aangenomen.",
    "uitkering_na": "Uitkering per maand na de plaatsing (aanvulling). Leeg bij werk: 0 "
    "(volledige uitstroom), of bij participatiewet met netto_loon_pm: per maand afgeleid "
    "(regel B1, art. 31 lid 2 onder n).",
    "uitkering_soort": "Kies uit de lijst: participatiewet (gemeente), ww, wia, wajong (UWV) "
    "of geen. Leeg: participatiewet.",
    "huishouden": "Kies uit de lijst: alleenstaand (ook alleenstaande ouder), gehuwd of "
    "samenwonend. Bepaalt de bijstandsnorm als uitkering_voor leeg is. Leeg: alleenstaand.",
    "wmo_voor": "Wmo-ondersteuning per maand vóór de plaatsing, in euro. Leeg: 0.",
    "wmo_na": "Wmo-ondersteuning per maand na de plaatsing, in euro. Leeg: 0.",
    "ggz_voor": "GGZ-zorgkosten per maand vóór de plaatsing, in euro.",
    "ggz_na": "GGZ-zorgkosten per maand na de plaatsing. Leeg terwijl ggz_voor is ingevuld: "
    "20% lager aangenomen (liever de declaraties van de verzekeraar).",
    "jobcoach_uren": "Totaal aantal uren jobcoaching tot nu toe.",
    "trajectbegeleiding_uren": "Totaal aantal uren trajectbegeleiding. Leeg: een vaste prijs "
    "per traject (8.000 euro).",
    "bemiddeling_kosten": "Kosten van bemiddeling naar een werkgever, in euro (totaal).",
    "loonkostensubsidie_pm": "Loonkostensubsidie per maand zolang iemand werkt, in euro. Leeg "
    "met loonwaarde en uren_per_week: afgeleid (regel W1, art. 10d).",
    "no_risk_kosten": "Kosten van de no-riskpolis (ziektewet via UWV), in euro (totaal).",
    "verzekeraar_bijdrage": "Bijdrage van de zorgverzekeraar aan het traject, in euro (totaal).",
    "gemeente": "Gemeente van de deelnemer (voor subtotalen met --by gemeente).",
    "netto_loon_pm": "Netto inkomsten uit werk per maand, in euro. Bij participatiewet en "
    "lege uitkering_na leidt werkzorg de aanvullende bijstand per maand af (regel B1).",
    "brutoloon_pm": "Brutoloon per maand, in euro (loonkosten van de werkgever).",
    "loonwaarde": "Loonwaarde als percentage van het minimumloon (0% tot 100%), zoals "
    "vastgesteld. Met uren_per_week en lege loonkostensubsidie_pm leidt werkzorg de "
    "subsidie af (regel W1).",
    "opmerking": "Vrije tekst. Wordt nooit gelezen, getoond of weggeschreven: zet hier geen "
    "gegevens die de berekening nodig heeft.",
}

EXAMPLE_ROWS: list[dict[str, str | float | date]] = [
    {
        "casus_id": "V-01",
        "status": "aan_het_werk",
        "start_traject": date(2017, 10, 2),
        "start_werk": date(2017, 12, 1),
        "uren_per_week": 24,
        "uitkering_voor": 1401.50,
        "uitkering_na": 0,
        "uitkering_soort": "participatiewet",
        "wmo_voor": 480,
        "wmo_na": 240,
        "ggz_voor": 750,
        "ggz_na": 412.50,
        "jobcoach_uren": 40,
        "trajectbegeleiding_uren": 30,
        "bemiddeling_kosten": 1200,
        "loonkostensubsidie_pm": 650,
        "verzekeraar_bijdrage": 500,
        "gemeente": "Dordrecht",
    },
    {
        "casus_id": "V-02",
        "status": "aan_het_werk",
        "start_traject": date(2018, 1, 15),
        "start_werk": date(2018, 4, 3),
        "uren_per_week": 16,
        "uitkering_voor": 1401.50,
        "uitkering_na": 310.25,
        "ggz_voor": 900,
        "jobcoach_uren": 12,
        "gemeente": "Zwijndrecht",
    },
    {
        "casus_id": "V-03",
        "status": "in_bemiddeling",
        "start_traject": date(2017, 11, 1),
        "start_werk": date(2018, 1, 8),
        "einde_werk": date(2018, 3, 9),
        "uitkering_voor": 2002.13,
        "uitkering_soort": "wia",
        "ggz_voor": 600,
        "ggz_na": 650,
        "trajectbegeleiding_uren": 45,
        "no_risk_kosten": 800,
        "gemeente": "Papendrecht",
    },
    {
        "casus_id": "V-04",
        "status": "uitgevallen",
        "start_traject": date(2018, 2, 1),
        "bemiddeling_kosten": 350,
        "gemeente": "Sliedrecht",
    },
]


def _format(column: Column) -> str | None:
    if column.kind == "date":
        return _DATE
    if column.field in MONEY_FIELDS:
        return _EURO
    if column.kind in {"amount", "hours"}:
        return "0.0"
    if column.kind == "share":
        return "0%"
    return None


def _header(sheet: Worksheet, with_notes: bool) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        if with_notes:
            cell.comment = Comment(NOTES[column.header], "werkzorg", width=300, height=120)
        width = 14 if column.kind in {"date", "amount", "hours", "share"} else 18
        sheet.column_dimensions[get_column_letter(index)].width = max(width, len(column.header) + 2)
    sheet.freeze_panes = "A2"


def _case_sheet(sheet: Worksheet) -> None:
    _header(sheet, with_notes=True)
    last = TEMPLATE_ROWS + 1
    lists = {
        "status": ",".join(STATUSES),
        "benefit_type": ",".join(BENEFIT_TYPES),
        "household": ",".join(HOUSEHOLDS),
    }
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}2:{letter}{last}"
        number_format = _format(column)
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=index, max_col=index):
                cell.number_format = number_format
        check: DataValidation | None = None
        if column.field in lists:
            check = DataValidation(type="list", formula1=f'"{lists[column.field]}"')
            check.error = "Kies een waarde uit de lijst."
        elif column.kind == "amount":
            check = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
            check.error = "Vul een bedrag of aantal van 0 of meer in."
        elif column.kind == "share":
            check = DataValidation(type="decimal", operator="between", formula1="0", formula2="1")
            check.error = "Vul een percentage tussen 0% en 100% in."
        elif column.kind == "hours":
            check = DataValidation(type="decimal", operator="between", formula1="0", formula2="60")
            check.error = "Vul een aantal uren per week tussen 0 en 60 in."
        elif column.kind == "date":
            check = DataValidation(type="date", operator="greaterThan", formula1="32874")
            check.error = "Vul een datum in (na 1990)."
        if check is not None:
            check.showErrorMessage = True
            check.errorTitle = "werkzorg"
            check.add(cells)
            sheet.add_data_validation(check)


def _example_sheet(sheet: Worksheet) -> None:
    _header(sheet, with_notes=False)
    for row, case in enumerate(EXAMPLE_ROWS, start=2):
        for index, column in enumerate(COLUMNS, start=1):
            value = case.get(column.header)
            cell = sheet.cell(row=row, column=index, value=value)
            number_format = _format(column)
            if number_format and value is not None:
                cell.number_format = number_format


def _parameter_sheet(sheet: Worksheet) -> None:
    labels = ["parameter", "waarde", "eenheid", "prijsjaar", "bewijs", "omschrijving", "bron"]
    for index, label in enumerate(labels, start=1):
        cell = sheet.cell(row=1, column=index, value=label)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    info = parameter_info()
    for row, (key, value) in enumerate(default_parameters().flat().items(), start=2):
        meta = info[key]
        source = meta.source + (f" ({meta.url})" if meta.url else "")
        values: list[str | float | None] = [
            key,
            value,
            meta.unit,
            meta.price_year,
            meta.evidence,
            meta.description,
            source,
        ]
        for index, item in enumerate(values, start=1):
            sheet.cell(row=row, column=index, value=item)
    for letter, width in zip("ABCDEFG", [32, 14, 24, 10, 12, 60, 70], strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def write_template(path: Path, *, force: bool = False) -> None:
    """Write the empty case workbook to ``path`` (atomically; an existing file needs force)."""
    check_target(path, force=force)
    workbook = Workbook()
    cases = workbook.active
    assert cases is not None
    cases.title = "Casussen"
    _case_sheet(cases)
    _example_sheet(workbook.create_sheet("Voorbeeld"))
    _parameter_sheet(workbook.create_sheet("Parameters"))
    with atomic_target(path, force=force) as temporary:
        workbook.save(temporary)
