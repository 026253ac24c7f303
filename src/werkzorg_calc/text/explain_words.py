"""The sentences of ``werkzorg explain``: each line item's formula, and each assumption, in words.

Kept apart from ``labels.py`` (the short labels) because these are paragraphs; ``labels.py``
looks them up by item id or field.
"""

from __future__ import annotations

from typing import Final

# The formula of each line item in words, keyed by item id (``werkzorg explain``).
FORMULA_WORDS: Final[dict[str, tuple[str, str]]] = {
    "benefit": (
        "De uitkering die niet meer wordt betaald: uitkering vóór min uitkering na, per maand, "
        "maal het deel dat zonder de aanpak niet was gebeurd (1 − deadweight), maal de maanden "
        "werk (plus de geprojecteerde maanden). Bij uitkering_soort geen: 0.",
        "The benefit no longer paid: benefit before minus benefit after, per month, times the "
        "share that would not have happened anyway (1 − deadweight), times the months worked "
        "(plus the projected months). With benefit_type geen: 0.",
    ),
    "benefit_administration": (
        "De uitvoeringskosten van een uitkering die helemaal stopt (uitkering_na = 0): de "
        "kosten per jaar gedeeld door 12, maal (1 − deadweight), maal de maanden werk (plus "
        "de geprojecteerde maanden).",
        "The cost of administering a benefit that stops altogether (benefit_after = 0): the "
        "cost per year divided by 12, times (1 − deadweight), times the months worked (plus "
        "the projected months).",
    ),
    "wmo": (
        "Wmo-ondersteuning die niet meer nodig is: Wmo vóór min Wmo na, per maand, maal "
        "(1 − deadweight), maal de maanden werk (plus de geprojecteerde maanden).",
        "Wmo support no longer needed: Wmo before minus Wmo after, per month, times "
        "(1 − deadweight), times the months worked (plus the projected months).",
    ),
    "mental_health_care": (
        "GGZ-zorg die niet meer nodig is: GGZ vóór min GGZ na, per maand, maal "
        "(1 − deadweight), maal de maanden werk (plus de geprojecteerde maanden). Meer zorg "
        "na plaatsing geeft een negatief bedrag.",
        "Mental-health care no longer needed: care before minus care after, per month, times "
        "(1 − deadweight), times the months worked (plus the projected months). More care "
        "after placement gives a negative amount.",
    ),
    "counselling": (
        "De trajectbegeleiding: de uren maal het uurtarief, of de vaste kosten per gestart "
        "traject als de uren ontbreken (niet bij status aangemeld). Eenmalig, ook als de "
        "deelnemer nooit werkte. Betaald volgens de regel op start_traject (C1).",
        "The trajectory counselling: hours times the hourly rate, or the fixed cost per "
        "started trajectory when the hours are missing (not for status registered). Once, "
        "also when the participant never worked. Paid by the rule valid at start (C1).",
    ),
    "counselling_rijk": (
        "Het rijksdeel van de trajectbegeleiding: de helft bij participatiewet-trajecten "
        "vanaf 1 maart 2023 (Subsidieregeling IPS-trajecten gemeentelijke doelgroep).",
        "Central government's share of the counselling: half of a participatiewet "
        "trajectory from 1 March 2023 (IPS subsidy scheme for municipal target groups).",
    ),
    "insurer_contribution_received": (
        "De bijdrage van de zorgverzekeraar, ontvangen door wie de trajectbegeleiding "
        "betaalt (T1): een negatieve kost, zodat de bijdrage niet dubbel telt.",
        "The insurer's contribution, received by whoever pays the counselling (T1): a "
        "negative cost, so the contribution is not counted twice.",
    ),
    "jobcoach": (
        "De jobcoach: de uren maal het uurtarief. Eenmalig (totaal tot nu).",
        "The jobcoach: hours times the hourly rate. Once (the total so far).",
    ),
    "mediation": (
        "De bemiddelingskosten zoals ingevuld. Eenmalig.",
        "The mediation cost as entered. Once.",
    ),
    "wage_subsidy": (
        "De loonkostensubsidie per maand maal de maanden werk (plus de geprojecteerde maanden).",
        "The wage subsidy per month times the months worked (plus the projected months).",
    ),
    "no_risk": (
        "De kosten van de no-riskpolis zoals ingevuld. Eenmalig.",
        "The cost of the no-risk policy as entered. Once.",
    ),
    "insurer_contribution": (
        "De bijdrage van de zorgverzekeraar zoals ingevuld. Eenmalig.",
        "The health insurer's contribution as entered. Once.",
    ),
}

# What was assumed for an empty cell, keyed by field.
ASSUMPTION: Final[dict[str, tuple[str, str]]] = {
    "benefit_before": (
        "uitkering_voor ontbrak: {amount} per maand aangenomen (benefit_default_month, de "
        "bijstandsnorm), zoals de methode voorschrijft",
        "benefit_before was missing: {amount} a month assumed (benefit_default_month, the "
        "social assistance norm), as the method prescribes",
    ),
    "benefit_before_dated": (
        "uitkering_voor ontbrak: de bijstandsnorm van het huishouden die op elke gewerkte dag "
        "gold, gemiddeld {amount} per maand (legal-norms.csv, regels {lines}; regel L1); "
        "afgeleid, niet geïndexeerd",
        "benefit_before was missing: the household's social assistance norm valid on each day "
        "worked, on average {amount} a month (legal-norms.csv, lines {lines}; rule L1); "
        "derived, never indexed",
    ),
    "mhc_after": (
        "ggz_na ontbrak: ggz_voor × (1 − {share}) aangenomen (mhc_reduction_when_working: "
        "minder GGZ-zorg bij werk)",
        "mhc_after was missing: mhc_before × (1 − {share}) assumed (mhc_reduction_when_working: "
        "less care when working)",
    ),
    "mhc_before": (
        "ggz_voor ontbrak terwijl ggz_na is ingevuld: 0 aangenomen (de rekenregel zegt leeg = 0)",
        "mhc_before was missing while mhc_after is given: 0 assumed (empty counts as 0)",
    ),
    "counselling_hours": (
        "trajectbegeleiding_uren ontbrak: {cost} per traject gerekend "
        "(counselling_cost_per_trajectory) in plaats van uren × tarief",
        "counselling_hours was missing: {cost} per trajectory charged "
        "(counselling_cost_per_trajectory) instead of hours × rate",
    ),
}
