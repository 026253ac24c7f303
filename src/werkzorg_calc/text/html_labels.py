"""Words of the HTML report (``-o rapport.html``), Dutch and English.

Kept beside ``labels.py`` so that table stays one screen of each kind; ``labels.py`` merges this
table into its own, and every key here is in ``label_keys.LabelKey`` too.
"""

from __future__ import annotations

from typing import Final

from werkzorg_calc.text.label_keys import LabelKey

HTML_TEXT: Final[dict[LabelKey, tuple[str, str]]] = {
    "html_title": (
        "Werk als Beste Zorg: maatschappelijke business case",
        "Work as the Best Care: social business case",
    ),
    "html_compare_title": (
        "Werk als Beste Zorg: scenario's vergeleken",
        "Work as the Best Care: scenarios compared",
    ),
    "html_simulate_title": (
        "Werk als Beste Zorg: onzekerheid van het saldo",
        "Work as the Best Care: uncertainty of the net",
    ),
    "html_verdict": ("Oordeel", "Verdict"),
    "html_share_chart": (
        "Aandeel {what} met 95%-interval tegen het doel van {goal}",
        "Share {what} with 95% interval against the target of {goal}",
    ),
    "html_share_sentence": (
        "{share} {what} (95%-interval {low}–{high}); het doel is {goal}.",
        "{share} {what} (95% interval {low}–{high}); the target is {goal}.",
    ),
    "html_money_title": ("Wie betaalt, wie bespaart", "Who pays, who saves"),
    "html_net_chart": ("Saldo per partij in euro", "Net per stakeholder in euro"),
    "html_net_sentence": (
        "Totaal saldo {total}: besparing {savings} tegen kosten {costs}.",
        "Total net {total}: savings {savings} against costs {costs}.",
    ),
    "html_pocket_title": (
        "Het verkeerde zakje: welke partij welke kosten draagt en welke besparing ontvangt",
        "The wrong pocket: which stakeholder bears which cost and receives which saving",
    ),
    "html_pocket_chart": (
        "Besparingen (rechts) en kosten (links) per partij, per post",
        "Savings (right) and costs (left) per stakeholder, per item",
    ),
    "html_item": ("Post", "Item"),
    "html_kind_saving": ("besparing", "saving"),
    "html_kind_cost": ("kosten", "cost"),
    "html_periods_title": ("Gerealiseerd en geprojecteerd", "Realised and projected"),
    "html_no_projection": (
        "Geen projectie: alle bedragen zijn gerealiseerd tot de peildatum (--horizon 0).",
        "No projection: every amount is realised up to the reference date (--horizon 0).",
    ),
    "html_projection_note": (
        "Projectie: {n} maanden na de peildatum voor wie dan nog werkt (behoud en "
        "disconto), apart van wat gerealiseerd is.",
        "Projection: {n} months after the reference date for those still working "
        "(retention and discounting), apart from what was realised.",
    ),
    "html_cases_title": ("Per casus", "Per case"),
    "html_cases_order": (
        "Gesorteerd op de grootte van het saldo (grootste eerst).",
        "Sorted by the size of the net (largest first).",
    ),
    "html_cases_capped": (
        "De {shown} grootste saldo's van {total} casussen; de samenvatting hierboven telt ze "
        "allemaal. Alle casussen staan in de Excel-samenvatting en de JSON-uitvoer.",
        "The {shown} largest nets of {total} cases; the summary above counts them all. Every "
        "case is in the Excel summary and the JSON output.",
    ),
    "html_imputed": ("Aangenomen", "Assumed"),
    "html_parameters_title": (
        "Parameters die het resultaat bepalen",
        "The parameters that drive the result",
    ),
    "html_parameters_note": (
        "Gewijzigde waarden staan bovenaan, met waar ze zijn gezet.",
        "Changed values come first, with where they were set.",
    ),
    "html_warnings_title": ("Meldingen en aannames", "Warnings and assumptions"),
    "html_no_warnings": ("Geen meldingen.", "No warnings."),
    "html_warnings_capped": (
        "De eerste {shown} van {total} meldingen.",
        "The first {shown} of {total} warnings.",
    ),
    "html_where": ("Plaats", "Where"),
    "html_inputs": ("Invoer", "Input"),
    "html_version": ("Versie", "Version"),
    "html_scenarios_title": ("Scenario's naast elkaar", "Scenarios side by side"),
    "html_difference": ("Verschil met de basis", "Difference from the base"),
    "html_scenario_chart": (
        "Saldo per partij in euro, per scenario",
        "Net per stakeholder in euro, per scenario",
    ),
    "html_scenario_verdicts": ("Doel per scenario", "Target per scenario"),
    "html_distribution_title": (
        "Spreiding van het saldo per partij",
        "Spread of the net per stakeholder",
    ),
    "html_range_chart": (
        "Saldo per partij: P5–P95 (balk), P50 (streep) en basis (ruit), in euro",
        "Net per stakeholder: P5–P95 (bar), P50 (line) and base (diamond), in euro",
    ),
    "html_chance_chart": (
        "Kans op een positief saldo per partij",
        "Chance of a positive net per stakeholder",
    ),
    "html_footer_note": (
        "Dit rapport laadt niets van elders en bevat geen BSN, opmerkingen of andere "
        "persoonsgegevens.",
        "This report loads nothing from elsewhere and holds no BSN, remarks or other "
        "personal data.",
    ),
    "html_contents": ("Inhoud", "Contents"),
    "html_lang": ("nl", "en"),
    "html_written": ("Rapport geschreven: {path}", "Report written: {path}"),
    "json_written": ("JSON-bestand geschreven: {path}", "JSON file written: {path}"),
}
