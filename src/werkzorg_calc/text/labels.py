"""Human-facing labels in Dutch (the default) and English (``--lang en``).

Codes, JSON keys and the Python API stay English whatever the language; only what a person reads
in the terminal or in Excel is looked up here, so a translation is one table, not a hunt.
"""

from __future__ import annotations

from typing import Final, Literal

from werkzorg_calc.text.explain_words import ASSUMPTION, FORMULA_WORDS
from werkzorg_calc.text.html_labels import HTML_TEXT
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.plural import fill
from werkzorg_calc.text.sentences import SENTENCES

Lang = Literal["nl", "en"]
LANGUAGES: Final[tuple[Lang, ...]] = ("nl", "en")


_TEXT: Final[dict[LabelKey, tuple[str, str]]] = {
    "title": (
        "werkzorg · maatschappelijke business case per casus",
        "werkzorg · social business case per case",
    ),
    "file": ("Bestand", "File"),
    "files": ("Bestanden", "Files"),
    "sheet": ("blad", "sheet"),
    "sheet_title": ("Blad", "Sheet"),
    "peildatum": ("Peildatum", "Reference date"),
    "cases": ("Casussen", "Cases"),
    "case_count": ("{n:casus|casussen}", "{n:case|cases}"),
    "period": ("Periode", "Period"),
    "realised_until": ("gerealiseerd tot de peildatum", "realised up to the reference date"),
    "plus_projection": ("+ projectie {n:maand|maanden}", "+ projection of {n:month|months}"),
    "parameters": ("Parameters", "Parameters"),
    "defaults": ("standaardwaarden", "defaults"),
    "default_was": ("standaard", "default"),
    "price_level": ("Prijspeil", "Price level"),
    "nominal": (
        "bedragen zoals opgegeven (eigen prijsjaar)",
        "amounts as given (their own price year)",
    ),
    "prices_of": ("prijzen {year} (CPI, CBS)", "{year} prices (CPI, Statistics Netherlands)"),
    "target_title": ("Doel van de pilot", "Pilot target"),
    "met": ("Doel gehaald", "Target met"),
    "not_met": ("Doel niet gehaald", "Target not met"),
    "no_participants": (
        "Doel niet gehaald: geen deelnemers in het bestand",
        "Target not met: no participants in the file",
    ),
    "durable_at_work": ("duurzaam aan het werk", "durably at work"),
    "placed_word": ("geplaatst", "placed"),
    "of": ("van", "of"),
    "interval": ("95%-interval", "95% interval"),
    "goal": ("doel", "target"),
    "at_least": ("en minstens", "and at least"),
    "participants_line": ("{n:deelnemer|deelnemers}", "{n:participant|participants}"),
    "placed_line": (
        "Geplaatst (werkt op peildatum): {placed} · duurzaam (≥ {months} maanden en "
        "≥ {hours} uur per week): {durable}",
        "Placed (working at the reference date): {placed} · durable (≥ {months} months and "
        "≥ {hours} hours a week): {durable}",
    ),
    "per_stakeholder": ("Per partij", "Per stakeholder"),
    "stakeholder": ("Partij", "Stakeholder"),
    "savings": ("Besparing", "Savings"),
    "costs": ("Kosten", "Costs"),
    "net": ("Saldo", "Net"),
    "total": ("Totaal", "Total"),
    "ratio": ("Baten/kosten-verhouding", "Benefit-cost ratio"),
    "not_applicable": ("n.v.t.", "n/a"),
    "no_costs": ("n.v.t. (geen kosten)", "n/a (no costs)"),
    "net_per_participant": ("Saldo per deelnemer", "Net per participant"),
    "per_placed": ("per geplaatste", "per placed participant"),
    "parts_title": (
        "Gerealiseerd + projectie {n} mnd (contante waarde)",
        "Realised + {n}-month projection (present value)",
    ),
    "part": ("Deel", "Part"),
    "realised": ("Gerealiseerd", "Realised"),
    "projected": ("Geprojecteerd", "Projected"),
    "per_case": (
        "Per casus (op grootte van het saldo, + of −, grootste eerst)",
        "Per case (by size of the net, + or −, largest first)",
    ),
    "per_case_limited": (
        "Per casus ({limit} van {n}, op grootte van het saldo, + of −; --cases all toont alle)",
        "Per case ({limit} of {n}, by size of the net, + or −; --cases all shows every case)",
    ),
    "case": ("Casus", "Case"),
    "status": ("Status", "Status"),
    "months_short": ("Mnd", "Mths"),
    "durable_short": ("Duurz.", "Dur."),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "note": ("let op", "note"),
    "per_group": ("Per {by}", "Per {by}"),
    "participants_short": ("Deeln.", "Part."),
    "placed_short": ("Gepl.", "Placed"),
    "durable_count_short": ("Duurz.", "Dur."),
    "target_short": ("Doel", "Target"),
    "unknown_group": ("(onbekend)", "(unknown)"),
    "input": ("Invoer", "Input"),
    "check_ok": (
        "Geen fouten: {n:casus kan|casussen kunnen} worden berekend.",
        "No errors: {n:case|cases} can be calculated.",
    ),
    "error": ("fout", "error"),
    "errors_found": (
        "{n:fout|fouten} gevonden; er is niets berekend.",
        "{n:error|errors} found; nothing was calculated.",
    ),
    "row": ("Rij", "Row"),
    "column": ("Kolom", "Column"),
    "kind": ("Soort", "Kind"),
    "message": ("Melding", "Message"),
    "issue_summary_title": (
        "Per soort melding ({n:melding|meldingen} in {kinds:soort|soorten})",
        "By kind of message ({n:message|messages} of {kinds:kind|kinds})",
    ),
    "issue_count": ("Aantal", "Count"),
    "first_row": ("Eerste rij", "First row"),
    "first_message": ("Melding (de eerste)", "Message (the first)"),
    "scenario": ("Scenario", "Scenario"),
    "totals_title": ("Totalen", "Totals"),
    "ratio_short": ("B/K", "B/C"),
    "horizon_short": ("Proj.", "Proj."),
    "base": ("basis", "base"),
    "key_figure": ("Kengetal", "Figure"),
    "target_share_row": ("Aandeel duurzaam", "Share durable"),
    "target_met_row": ("Doel gehaald", "Target met"),
    "net_of": ("Saldo {name}", "Net {name}"),
    "parameter": ("Parameter", "Parameter"),
    "value": ("Waarde", "Value"),
    "unit": ("Eenheid", "Unit"),
    "price_year": ("Prijsjaar", "Price year"),
    "evidence": ("Bewijs", "Evidence"),
    "source": ("Bron", "Source"),
    "origin": ("Herkomst", "Set in"),
    "description": ("Omschrijving", "Description"),
    "range": ("Bereik", "Range"),
    "written": ("Excel-samenvatting geschreven: {path}", "Excel summary written: {path}"),
    # werkzorg sensitivity and werkzorg simulate
    "sensitivity_title": (
        "werkzorg · gevoeligheid: elke parameter op de grenzen van zijn bereik",
        "werkzorg · sensitivity: each parameter at the ends of its range",
    ),
    "simulation_title": (
        "werkzorg · simulatie: alle onzekere parameters tegelijk getrokken",
        "werkzorg · simulation: all uncertain parameters drawn together",
    ),
    "net_at_values": ("Saldo bij de gekozen waarden", "Net at the chosen values"),
    "nothing_uncertain": (
        "Geen onzekere parameters: elke verdeling is 'fixed'.",
        "No uncertain parameters: every distribution is 'fixed'.",
    ),
    "tornado_title": (
        "Tornado: verandering van het totale saldo",
        "Tornado: change in the total net",
    ),
    "change_at_low": ("Δ bij laag", "Δ at low"),
    "change_at_high": ("Δ bij hoog", "Δ at high"),
    "tornado_legend": (
        "{low} bij de lage waarde · {high} bij de hoge waarde; Δ: verandering van het saldo "
        "ten opzichte van de gekozen waarden, de andere parameters gelijk",
        "{low} at the low value · {high} at the high value; Δ: change in the net from the "
        "chosen values, the other parameters unchanged",
    ),
    "change_per_stakeholder": (
        "Verandering van het saldo per partij",
        "Change in the net per stakeholder",
    ),
    "break_even_title": (
        "Omslagpunten: de waarde waarbij het saldo 0 wordt",
        "Break-even values: where the net becomes 0",
    ),
    "crosses_zero": ("wordt 0", "becomes 0"),
    "break_even_legend": (
        "steeds + / steeds −: het saldo wordt binnen het bereik geen 0 (blijft positief / "
        "negatief); steeds 0: het saldo is 0 over het hele bereik",
        "always + / always −: the net does not reach 0 within the range (stays positive / "
        "negative); always 0: the net is 0 over the whole range",
    ),
    "more_crossings": (
        "{parameter}, {target}: het saldo wordt ook 0 bij",
        "{parameter}, {target}: the net is also 0 at",
    ),
    "distributions_title": ("Verdelingen van de getrokken parameters", "Distributions drawn"),
    "distribution": ("Verdeling", "Distribution"),
    "arguments": ("Argumenten", "Arguments"),
    "simulation_settings": (
        "Trekkingen {draws} · seed {seed} · {n:onzekere parameter|onzekere parameters}",
        "Draws {draws} · seed {seed} · {n:uncertain parameter|uncertain parameters}",
    ),
    "simulation_table_title": (
        "Saldo in euro over {draws} {count:~trekking|trekkingen}",
        "Net in euro over {draws} {count:~draw|draws}",
    ),
    "silent_stakeholders": (
        "Niet getoond: {names} (geen posten; saldo steeds € 0).",
        "Not shown: {names} (no items; net always € 0).",
    ),
    "deterministic": ("Basis", "Base"),
    "mean": ("Gemiddeld", "Mean"),
    "sd": ("Standaardafwijking", "Standard deviation"),
    "p5": ("P5", "P5"),
    "p50": ("P50", "P50"),
    "p95": ("P95", "P95"),
    "chance_positive": ("Kans > 0", "P(> 0)"),
    "simulation_legend": (
        "Basis: het saldo met de gekozen waarden; 90% van de trekkingen ligt tussen P5 en P95; "
        "Kans > 0: het aandeel trekkingen met een positief saldo. Alleen de parameters zijn "
        "onzeker; de casussen tellen zoals ze zijn vastgelegd.",
        "Base: the net at the chosen values; 90% of the draws lie between P5 and P95; "
        "P(> 0): the share of draws with a positive net. Only the parameters are uncertain; "
        "the cases count as recorded.",
    ),
    "off_centre": (
        "Het gemiddelde wijkt af van de basis omdat deze parameters gemiddeld anders worden "
        "getrokken dan hun gekozen waarde (gekozen → gemiddeld getrokken): {items}",
        "The mean differs from the base because these parameters are drawn, on average, away "
        "from their chosen value (chosen → mean drawn): {items}",
    ),
    "bootstrap_line": (
        "Doel: {count} van {participants} {what} ({share}); bootstrap over de deelnemers "
        "({replicates} keer): 95%-interval {low}–{high}; kans dat het doel ({goal}) gehaald "
        "wordt: {chance}",
        "Target: {count} of {participants} {what} ({share}); bootstrap over the participants "
        "({replicates} times): 95% interval {low}–{high}; chance the target ({goal}) is met: "
        "{chance}",
    ),
    "plot_written": ("Grafiek geschreven: {path}", "Chart written: {path}"),
    "excel_written": ("Excel-bestand geschreven: {path}", "Excel file written: {path}"),
    "tornado_sheet": ("Tornado", "Tornado"),
    "break_even_sheet": ("Omslagpunten", "Break-even"),
    "distribution_sheet": ("Verdelingen", "Distributions"),
    "simulation_sheet": ("Simulatie", "Simulation"),
    "histogram_sheet": ("Histogrammen", "Histograms"),
    "draws_sheet": ("Trekkingen", "Draws"),
    "low": ("Laag", "Low"),
    "high": ("Hoog", "High"),
    "net_low": ("Saldo bij laag", "Net at low"),
    "net_high": ("Saldo bij hoog", "Net at high"),
    "swing": ("Uitslag", "Swing"),
    "break_even_value": ("Omslagwaarde", "Break-even value"),
    "crossings": ("Aantal nulpunten", "Crossings"),
    "other_values": ("Andere nulpunten", "Other crossings"),
    "outcome": ("Uitkomst", "Outcome"),
    "justification": ("Onderbouwing", "Justification"),
    "target_col": ("Saldo van", "Net of"),
    "bin_low": ("Van", "From"),
    "bin_high": ("Tot", "To"),
    "count": ("Aantal", "Count"),
    "draw": ("Trekking", "Draw"),
    "draws": ("Trekkingen", "Draws"),
    "seed": ("Seed", "Seed"),
    "bootstrap_low": ("Bootstrap 95%-interval, onder", "Bootstrap 95% interval, low"),
    "bootstrap_high": ("Bootstrap 95%-interval, boven", "Bootstrap 95% interval, high"),
    "chance_met": ("Kans dat het doel gehaald wordt", "Chance the target is met"),
    "tornado_chart": (
        "Verandering van het totale saldo bij laag en hoog",
        "Change in the total net at low and high",
    ),
    "histogram_chart": (
        "Saldo {target}: {draws} {count:~trekking|trekkingen}",
        "Net {target}: {draws} {count:~draw|draws}",
    ),
    "draws_capped": (
        "De eerste {shown} van {total} trekkingen (een werkblad heeft een grens aan het "
        "aantal rijen; de Python-API geeft ze allemaal)",
        "The first {shown} of {total} draws (a sheet has a row limit; the Python API gives "
        "them all)",
    ),
    "euro_axis": ("euro", "euro"),
    "share_of_draws": ("aandeel trekkingen", "share of draws"),
    # Excel only
    "summary_sheet": ("Samenvatting", "Summary"),
    "stakeholder_sheet": ("Per partij", "Per stakeholder"),
    "case_sheet": ("Per casus", "Per case"),
    "parameter_sheet": ("Parameters", "Parameters"),
    "check_sheet": ("Controle", "Checks"),
    "group_sheet": ("Per groep", "Per group"),
    "overview_sheet": ("Overzicht", "Overview"),
    "chart_title": ("Besparing en kosten per partij", "Savings and costs per stakeholder"),
    "projection_months": ("Projectie (maanden na peildatum)", "Projection (months after date)"),
    "changed_parameters": ("Afwijkende parameters", "Changed parameters"),
    "none_defaults": ("geen (standaardwaarden)", "none (defaults)"),
    "target_header": ("Doel", "Target"),
    "participants": ("Deelnemers", "Participants"),
    "placed_full": ("Geplaatst (werkt op peildatum)", "Placed (working at reference date)"),
    "durable_full": ("Duurzaam aan het werk", "Durably at work"),
    "share": ("Aandeel", "Share"),
    "interval_low": ("95%-interval (Wilson), onder", "95% interval (Wilson), low"),
    "interval_high": ("95%-interval (Wilson), boven", "95% interval (Wilson), high"),
    "target_share": ("Doel (aandeel)", "Target (share)"),
    "totals": ("Totalen", "Totals"),
    "in_input_row": ("Rij in invoer", "Input row"),
    "municipality": ("Gemeente", "Municipality"),
    "trajectory_start": ("Start traject", "Trajectory start"),
    "job_start": ("Start werk", "Job start"),
    "job_end": ("Einde werk", "Job end"),
    "hours_per_week": ("Uren per week", "Hours per week"),
    "work_months": ("Maanden werk", "Months worked"),
    "working": ("Werkt op peildatum", "Working at reference date"),
    "durable": ("Duurzaam", "Durable"),
    "imputed": ("Aangenomen waarden", "Imputed values"),
    "warning": ("waarschuwing", "warning"),
    "imputed_kind": ("aangenomen", "imputed"),
    "derived_kind": ("afgeleid", "derived"),
    "derived_message": (
        "{field}: leeg in de invoer; afgeleid volgens regel {rule} ({article}): {amount} per "
        "maand, gemiddeld over de werkmaanden",
        "{field}: empty in the input; derived by rule {rule} ({article}): {amount} a month, "
        "mean over the work months",
    ),
    "imputed_message": (
        "{field}: ontbrak in de invoer; aangenomen volgens de methode",
        "{field}: missing in the input; imputed by the method",
    ),
    "no_messages": ("geen meldingen", "no messages"),
    "default": ("Standaard", "Default"),
    "description_col": ("Omschrijving", "Description"),
    # werkzorg explain
    "explain_case_title": ("Uitleg van casus {case}", "Explanation of case {case}"),
    "explain_item_title": ("Uitleg van de post {item}", "Explanation of the item {item}"),
    "place": ("Plaats", "Place"),
    "formula": ("Formule", "Formula"),
    "in_words": ("In woorden", "In words"),
    "calculation": ("Berekening", "Calculation"),
    "inputs": ("Invoer", "Inputs"),
    "cell": ("Cel", "Cell"),
    "in_file": ("In het bestand", "In the file"),
    "used": ("Gerekend met", "Used in the sum"),
    "amount": ("Bedrag", "Amount"),
    "nobody": ("niemand", "nobody"),
    "empty": ("leeg", "empty"),
    "column_missing": ("kolom ontbreekt", "no such column"),
    "months_line": (
        "Maanden werk tot de peildatum: {months} · werkt op peildatum: {working} · "
        "duurzaam: {durable}",
        "Months worked up to the reference date: {months} · working at the reference date: "
        "{working} · durable: {durable}",
    ),
    "projection_line": (
        "Projectie: {n} van {horizon:maand|maanden}{capped}; q = (retention_per_year / "
        "(1 + discount_rate))^(1/12) = ({r} / (1 + {d}))^(1/12) = {q}; Σ q^m = {factor}",
        "Projection: {n} of {horizon:month|months}{capped}; q = (retention_per_year / "
        "(1 + discount_rate))^(1/12) = ({r} / (1 + {d}))^(1/12) = {q}; Σ q^m = {factor}",
    ),
    "capped": (" (begrensd door einde_werk)", " (capped by the job end)"),
    "month": ("Maand", "Month"),
    "survival": ("S(m) baan houdt", "S(m) job holds"),
    "discounting": ("D(m) disconto", "D(m) discount"),
    "weight": ("S(m)·D(m)", "S(m)·D(m)"),
    "more_months": ("… nog {n:maand|maanden}", "… {n:more month|more months}"),
    "per_month_word": ("per maand", "per month"),
    "months_counted": ("maanden", "months"),
    "symbol_months": ("werkmaanden", "work_months"),
    "without_hours": ("zonder uren", "without hours"),
    "no_benefit": ("geen uitkering (uitkering_soort = geen)", "no benefit (benefit_type = geen)"),
    "benefit_continues": (
        "uitkering loopt door (uitkering_na ≠ 0): geen uitvoeringskosten bespaard",
        "the benefit continues (benefit_after ≠ 0): no administration saved",
    ),
    "imputed_short": ("aangenomen", "imputed"),
    "nothing_imputed": ("niets aangenomen", "nothing imputed"),
    "parameters_used": ("Parameters", "Parameters"),
    "case_total_line": (
        "Casus {case}: besparing {savings} · kosten {costs} · saldo {net}",
        "Case {case}: savings {savings} · costs {costs} · net {net}",
    ),
    "item_total_line": (
        "Totaal {item}: {total} (gerealiseerd {realised}, geprojecteerd {projected})",
        "Total {item}: {total} (realised {realised}, projected {projected})",
    ),
    "by_payer": ("Per partij", "Per stakeholder"),
    "price_indexed": ("× prijsfactor {factor} (CPI)", "× price factor {factor} (CPI)"),
    "empty_zero": ("leeg: telt als 0", "empty: counts as 0"),
    "empty_participatiewet": ("leeg: participatiewet", "empty: participatiewet"),
    # provenance
    "provenance_title": ("Verantwoording", "Provenance"),
    "program": ("Programma", "Program"),
    "created": ("Gemaakt op", "Created"),
    "not_recorded": (
        "niet vastgelegd (dan is de uitvoer reproduceerbaar; --timestamp legt het vast)",
        "not recorded (so the output is reproducible; --timestamp records it)",
    ),
    "header_row": ("Kopregel", "Header row"),
    "parameter_set": ("Parameterset (SHA-256)", "Parameter set (SHA-256)"),
    "command": ("Opdracht", "Command"),
    "horizon_months": ("Projectie (maanden)", "Projection (months)"),
    "overrides": ("Afwijkend van de standaard", "Changed from the default"),
    "provenance_note": (
        "Elke post op blad Per casus is een formule over de invoer op dezelfde rij en de "
        "benoemde cellen op blad Parameters (kolom Waarde); wijzig een waarde en herbereken.",
        "Every item on the Per case sheet is a formula over the inputs on its row and the "
        "named cells on the Parameters sheet (column Value); change a value and recalculate.",
    ),
    # Excel, live formulas
    "provenance_sheet": ("Verantwoording", "Provenance"),
    "projection_months_case": ("Projectiemaanden", "Projection months"),
    "projection_factor": ("Projectiefactor werk Σq^m", "Projection factor work Σq^m"),
    "projection_factor_benefit": (
        "Projectiefactor uitkering Σq^m",
        "Projection factor benefit Σq^m",
    ),
    "benefit_payer": ("Partij uitkering", "Benefit payer"),
    "counselling_payer": ("Partij trajectbegeleiding", "Counselling payer"),
    "per_month_of": ("{item} per maand", "{item} per month"),
    "projected_of": ("{item}, projectie", "{item}, projected"),
    "month_factor": ("Maandfactor projectie q (werk)", "Monthly projection factor q (work)"),
    "month_factor_benefit": (
        "Maandfactor projectie q (uitkering)",
        "Monthly projection factor q (benefit)",
    ),
    "gross_result": ("Bruto resultaat (zonder deadweight)", "Gross result (no deadweight)"),
    "net_headline": ("Netto resultaat na deadweight", "Net result after deadweight"),
    "common_horizon": ("Gemeenschappelijke horizon", "Common horizon"),
    "price_factor": ("Prijsfactor", "Price factor"),
}
_TEXT.update(HTML_TEXT)
_TEXT.update(
    SENTENCES
)  # the longer sentences of the runs  # the HTML report's words live in their own module

_STATUS: Final[dict[str, tuple[str, str]]] = {
    "aangemeld": ("aangemeld", "registered"),
    "in_bemiddeling": ("in bemiddeling", "job matching"),
    "solliciteert": ("solliciteert", "applying"),  # plural: see _STATUS_PLURAL
    "aan_het_werk": ("aan het werk", "at work"),
    "uitgevallen": ("uitgevallen", "dropped out"),
}

_STAKEHOLDER: Final[dict[str, tuple[str, str]]] = {
    "municipality": ("Gemeente", "Municipality"),
    "uwv": ("UWV", "UWV"),
    "health_insurer": ("Zorgverzekeraar", "Health insurer"),
    "care_provider": ("GGZ-instelling", "Care provider"),
    "rijk": ("Rijk", "Central government"),
}

_ITEM: Final[dict[str, tuple[str, str]]] = {
    "benefit": ("Uitkering bespaard", "Benefit saved"),
    "benefit_administration": (
        "Uitvoeringskosten uitkering bespaard",
        "Benefit administration saved",
    ),
    "wmo": ("Wmo-kosten bespaard", "Wmo support saved"),
    "mental_health_care": ("GGZ-kosten bespaard", "Mental-health care saved"),
    "counselling": ("Trajectbegeleiding", "Trajectory counselling"),
    "jobcoach": ("Jobcoach", "Jobcoach"),
    "mediation": ("Bemiddeling", "Job mediation"),
    "wage_subsidy": ("Loonkostensubsidie", "Wage subsidy"),
    "no_risk": ("No-riskpolis", "No-risk policy"),
    "insurer_contribution": ("Bijdrage zorgverzekeraar", "Insurer contribution"),
    "counselling_rijk": ("Trajectbegeleiding, rijksdeel", "Counselling, central share"),
    "insurer_contribution_received": (
        "Bijdrage zorgverzekeraar ontvangen",
        "Insurer contribution received",
    ),
}


# The word for a subtotal grouping (``--by``).
_GROUP: Final[dict[str, tuple[str, str]]] = {
    "gemeente": ("gemeente", "municipality"),
    "bestand": ("bestand", "file"),
}

# The low and the high end of a range.
_BOUND: Final[dict[str, tuple[str, str]]] = {
    "low": ("laag", "low"),
    "high": ("hoog", "high"),
}

# A net that keeps one sign over the whole range.
_ALWAYS: Final[dict[str, tuple[str, str]]] = {
    "positive": ("steeds +", "always +"),
    "negative": ("steeds −", "always −"),
    "zero": ("steeds 0", "always 0"),
}


# A status after a count of more than one: "1 solliciteert", "4 solliciteren".
_STATUS_PLURAL: Final[dict[str, tuple[str, str]]] = {"solliciteert": ("solliciteren", "applying")}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "nl" else pair[1]


def text(key: LabelKey, lang: Lang = "nl", **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    ``{n:deelnemer|deelnemers}`` picks the form that fits the count (``text.plural``).
    """
    label = _pick(_TEXT[key], lang)
    return fill(label, lang, **values) if values else label


def status_label(status: str, lang: Lang = "nl", count: int | None = None) -> str:
    """``aan_het_werk`` → ``aan het werk`` / ``at work``; with ``count``: ``4 solliciteren``."""
    if count is None:
        return _pick(_STATUS[status], lang)
    forms = _STATUS_PLURAL.get(status, _STATUS[status]) if count != 1 else _STATUS[status]
    return f"{count} {_pick(forms, lang)}"


def stakeholder_label(stakeholder: str, lang: Lang = "nl") -> str:
    """``health_insurer`` → ``Zorgverzekeraar`` / ``Health insurer``."""
    return _pick(_STAKEHOLDER[stakeholder], lang)


def item_label(item: str, lang: Lang = "nl") -> str:
    """``benefit`` → ``Uitkering bespaard`` / ``Benefit saved``."""
    return _pick(_ITEM[item], lang)


def formula_words(item: str, lang: Lang = "nl") -> str:
    """The formula of line item ``item`` in words."""
    return _pick(FORMULA_WORDS[item], lang)


def assumption_words(field: str, lang: Lang = "nl", **values: object) -> str:
    """What was assumed for an empty ``field``, with its values filled in."""
    return _pick(ASSUMPTION[field], lang).format(**values)


def group_label(group: str, lang: Lang = "nl") -> str:
    """``gemeente`` → ``gemeente`` / ``municipality``."""
    return _pick(_GROUP[group], lang)


def bound_label(bound: str, lang: Lang = "nl") -> str:
    """``low`` → ``laag`` / ``low``."""
    return _pick(_BOUND[bound], lang)


def always_label(sign: str, lang: Lang = "nl") -> str:
    """``positive`` → ``steeds +`` / ``always +``."""
    return _pick(_ALWAYS[sign], lang)


def label_families() -> dict[str, frozenset[str]]:
    """The ids each label family covers, so a test can hold them against the domain's ids."""
    return {
        "formula_words": frozenset(FORMULA_WORDS),
        "assumption": frozenset(ASSUMPTION),
        "group": frozenset(_GROUP),
        "bound": frozenset(_BOUND),
        "always": frozenset(_ALWAYS),
        "status": frozenset(_STATUS),
        "stakeholder": frozenset(_STAKEHOLDER),
        "item": frozenset(_ITEM),
    }
