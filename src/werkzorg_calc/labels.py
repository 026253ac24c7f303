"""Human-facing labels in Dutch (the default) and English (``--lang en``).

Codes, JSON keys and the Python API stay English whatever the language; only what a person reads
in the terminal or in Excel is looked up here, so a translation is one table, not a hunt.
"""

from __future__ import annotations

from typing import Final, Literal

Lang = Literal["nl", "en"]
LANGUAGES: Final[tuple[Lang, ...]] = ("nl", "en")

_TEXT: Final[dict[str, tuple[str, str]]] = {
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
    "period": ("Periode", "Period"),
    "realised_until": ("gerealiseerd tot de peildatum", "realised up to the reference date"),
    "plus_projection": ("+ projectie {n} maanden", "+ projection of {n} months"),
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
    "participants_line": ("{n} deelnemers", "{n} participants"),
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
    "per_case": ("Per casus", "Per case"),
    "per_case_limited": (
        "Per casus (de {limit} grootste saldo's van {n}; --cases all toont alle)",
        "Per case (the {limit} largest nets of {n}; --cases all shows every case)",
    ),
    "case": ("Casus", "Case"),
    "status": ("Status", "Status"),
    "months_short": ("Mnd", "Mths"),
    "durable_short": ("Duurz.", "Dur."),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "note": ("let op", "note"),
    "per_group": ("Per {by}", "Per {by}"),
    "group_gemeente": ("gemeente", "municipality"),
    "group_bestand": ("bestand", "file"),
    "participants_short": ("Deeln.", "Part."),
    "placed_short": ("Gepl.", "Placed"),
    "durable_count_short": ("Duurz.", "Dur."),
    "target_short": ("Doel", "Target"),
    "unknown_group": ("(onbekend)", "(unknown)"),
    "input": ("Invoer", "Input"),
    "check_ok": (
        "Geen fouten: {n} casussen kunnen worden berekend.",
        "No errors: {n} cases can be calculated.",
    ),
    "error": ("fout", "error"),
    "errors_found": (
        "{n} fout(en) gevonden; er is niets berekend.",
        "{n} error(s) found; nothing was calculated.",
    ),
    "row": ("Rij", "Row"),
    "column": ("Kolom", "Column"),
    "kind": ("Soort", "Kind"),
    "message": ("Melding", "Message"),
    "scenario": ("Scenario", "Scenario"),
    "totals_title": ("Totalen", "Totals"),
    "ratio_short": ("B/K", "B/C"),
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
    "imputed_message": (
        "{field}: ontbrak in de invoer; aangenomen volgens de methode",
        "{field}: missing in the input; imputed by the method",
    ),
    "no_messages": ("geen meldingen", "no messages"),
    "default": ("Standaard", "Default"),
    "description_col": ("Omschrijving", "Description"),
}

_STATUS: Final[dict[str, tuple[str, str]]] = {
    "aangemeld": ("aangemeld", "registered"),
    "in_bemiddeling": ("in bemiddeling", "in mediation"),
    "solliciteert": ("solliciteert", "applying"),
    "aan_het_werk": ("aan het werk", "at work"),
    "uitgevallen": ("uitgevallen", "dropped out"),
}

_STAKEHOLDER: Final[dict[str, tuple[str, str]]] = {
    "municipality": ("Gemeente", "Municipality"),
    "uwv": ("UWV", "UWV"),
    "health_insurer": ("Zorgverzekeraar", "Health insurer"),
    "care_provider": ("GGZ-instelling", "Care provider"),
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
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "nl" else pair[1]


def text(key: str, lang: Lang = "nl", **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    label = _pick(_TEXT[key], lang)
    return label.format(**values) if values else label


def status_label(status: str, lang: Lang = "nl") -> str:
    """``aan_het_werk`` → ``aan het werk`` / ``at work``."""
    return _pick(_STATUS[status], lang)


def stakeholder_label(stakeholder: str, lang: Lang = "nl") -> str:
    """``health_insurer`` → ``Zorgverzekeraar`` / ``Health insurer``."""
    return _pick(_STAKEHOLDER[stakeholder], lang)


def item_label(item: str, lang: Lang = "nl") -> str:
    """``benefit`` → ``Uitkering bespaard`` / ``Benefit saved``."""
    return _pick(_ITEM[item], lang)
