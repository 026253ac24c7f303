"""Labels of the views beyond the business case (welfare, settlement, payback, cashable, …).

Kept apart from ``labels.py`` (which is near the size limit); the keys are a ``Literal`` too, so
a misspelt key is a type error. Dutch first, English second, as in ``labels.py``.
"""

from __future__ import annotations

from typing import Final, Literal

from werkzorg_calc.text.labels import Lang, stakeholder_label

BeyondKey = Literal[
    "welfare_title",
    "welfare_note",
    "actor",
    "real",
    "transfers",
    "welfare_total",
    "ledger_title",
    "from",
    "to",
    "amount",
    "settlement_title",
    "settlement_basis_all",
    "settlement_basis_cashable",
    "net_now",
    "s1",
    "s2",
    "s3",
    "s1_words",
    "s2_words",
    "s3_words",
    "payback_title",
    "payback_words",
    "payback_none",
    "month",
    "cumulative_net",
    "cashable_title",
    "cashable",
    "non_cashable",
    "cashable_words",
    "bootstrap_title",
    "bootstrap_words",
    "total_net",
    "durable_share",
    "compare_title",
    "compare_words",
    "ours",
    "reference",
    "ratio",
    "price_year",
    "ggz_per_placed",
    "welfare_per_participant",
    "welfare_sheet",
    "settlement_sheet",
    "payback_sheet",
    "shapley_value",
    "total",
    "optimism_title",
    "no_flow",
]

_TEXT: Final[dict[BeyondKey, tuple[str, str]]] = {
    "welfare_title": ("Welvaartsbeeld (MKBA)", "Welfare view (social cost-benefit)"),
    "welfare_note": (
        "Reële effecten (productie, vrijgekomen zorg en uitvoering, min begeleiding) apart van "
        "overdrachten (uitkering, loon, premies, subsidie): overdrachten tellen op tot nul.",
        "Real effects (production, care and administration freed, minus counselling) apart from "
        "transfers (benefit, wage, charges, subsidy): transfers add up to zero.",
    ),
    "actor": ("Actor", "Actor"),
    "real": ("Reëel", "Real"),
    "transfers": ("Overdrachten", "Transfers"),
    "welfare_total": ("Maatschappelijk saldo", "Welfare result"),
    "ledger_title": ("Overdrachten (wie betaalt wie)", "Transfers (who pays whom)"),
    "from": ("Van", "From"),
    "to": ("Naar", "To"),
    "amount": ("Bedrag", "Amount"),
    "settlement_title": ("Verrekening: wie betaalt wie", "Settlement: who pays whom"),
    "settlement_basis_all": ("op alle besparingen", "on all savings"),
    "settlement_basis_cashable": (
        "op alleen verzilverbare besparingen",
        "on cashable savings only",
    ),
    "net_now": ("Saldo nu", "Net now"),
    "s1": ("S1 kosten", "S1 costs"),
    "s2": ("S2 saldo", "S2 surplus"),
    "s3": ("S3 Shapley", "S3 Shapley"),
    "s1_words": (
        "S1 kosten volgen baten: elke partij draagt de kosten naar haar aandeel in de besparing.",
        "S1 costs follow benefits: each party bears the costs by its share of the savings.",
    ),
    "s2_words": (
        "S2 saldo volgt investering: het saldo wordt verdeeld naar wat elke partij uitgaf.",
        "S2 surplus follows investment: the net is shared by what each party spent.",
    ),
    "s3_words": (
        "S3 Shapley: elke partij krijgt haar gemiddelde bijdrage over alle coalities.",
        "S3 Shapley: each party gets its average contribution over all coalitions.",
    ),
    "payback_title": ("Terugverdienmaand", "Payback month"),
    "payback_words": (
        "Eerste maand sinds de start van elk traject waarin het cumulatieve saldo ≥ 0 is.",
        "First month since each trajectory's start in which the cumulative net is ≥ 0.",
    ),
    "payback_none": ("niet binnen de periode", "not within the period"),
    "month": ("Maand", "Month"),
    "cumulative_net": ("Cumulatief saldo", "Cumulative net"),
    "cashable_title": ("Verzilverbaar", "Cashable"),
    "cashable": ("Verzilverbaar", "Cashable"),
    "non_cashable": ("Niet verzilverbaar", "Non-cashable"),
    "cashable_words": (
        "Uitkering en Wmo verzilverbaar, uitvoering niet, GGZ voor {share}.",
        "Benefit and Wmo cashable, administration not, GGZ for {share}.",
    ),
    "bootstrap_title": ("Casus-bootstrap", "Case bootstrap"),
    "bootstrap_words": (
        "95%-interval als andere deelnemers waren ingestroomd ({draws} trekkingen, seed "
        "{seed}); parameters vast (parameteronzekerheid: werkzorg simulate).",
        "95% interval had other participants enrolled ({draws} draws, seed {seed}); "
        "parameters fixed (parameter uncertainty: werkzorg simulate).",
    ),
    "total_net": ("Totaal saldo", "Total net"),
    "durable_share": ("Aandeel duurzaam", "Durable share"),
    "compare_title": ("Hoe verhoudt dit zich?", "How does this compare?"),
    "compare_words": (
        "Vergelijking, geen toets: andere prijsjaren en andere stelsels.",
        "A comparison, not a test: other price years and other systems.",
    ),
    "ours": ("Hier", "Here"),
    "reference": ("Referentie", "Reference"),
    "ratio": ("Verhouding", "Ratio"),
    "price_year": ("Prijsjaar", "Price year"),
    "ggz_per_placed": (
        "GGZ-besparing per geplaatste (VGZ: € 70.000 / ~60)",
        "GGZ saving per placed person (VGZ: € 70,000 / ~60)",
    ),
    "welfare_per_participant": (
        "Welvaartssaldo per deelnemer (Deense IPS-trial, 18 mnd)",
        "Welfare result per participant (Danish IPS trial, 18 mo)",
    ),
    "welfare_sheet": ("Welvaart", "Welfare"),
    "settlement_sheet": ("Verrekening", "Settlement"),
    "payback_sheet": ("Terugverdienen", "Payback"),
    "shapley_value": ("Shapley-waarde", "Shapley value"),
    "total": ("Totaal", "Total"),
    "no_flow": (
        "Deze partij heeft geen besparing of kosten: er is niets te verrekenen.",
        "This party has no savings or costs: there is nothing to settle.",
    ),
    "optimism_title": (
        "Met optimisme-correctie (kosten omhoog, besparingen omlaag naar bewijskracht)",
        "With optimism bias (costs up, savings down by strength of evidence)",
    ),
}

_ACTOR: Final[dict[str, tuple[str, str]]] = {
    "rijk": ("Rijk", "Central government"),
    "participant": ("Deelnemer", "Participant"),
    "employer": ("Werkgever", "Employer"),
}

_TRANSFER: Final[dict[str, tuple[str, str]]] = {
    "benefit": ("uitkering niet betaald", "benefit not paid"),
    "net_wage": ("nettoloon", "net wage"),
    "wage_tax": ("loonheffing en werknemerspremies", "wage tax and employee premiums"),
    "employer_charges": ("werkgeverslasten", "employer charges"),
    "wage_subsidy": ("loonkostensubsidie", "wage subsidy"),
    "no_risk": ("no-riskpolis", "no-riskpolis"),
    "insurer_contribution": ("bijdrage verzekeraar", "insurer's contribution"),
    "production": ("productie", "production"),
    "benefit_administration": ("uitvoering uitkering", "benefit administration"),
    "wmo": ("Wmo-zorg", "Wmo care"),
    "mental_health_care": ("GGZ-zorg", "GGZ care"),
    "counselling": ("trajectbegeleiding", "counselling"),
    "jobcoach": ("jobcoach", "jobcoach"),
    "mediation": ("bemiddeling", "mediation"),
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "nl" else pair[1]


def beyond_text(key: BeyondKey, lang: Lang = "nl", **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    label = _pick(_TEXT[key], lang)
    return label.format(**values) if values else label


def actor_label(actor: str, lang: Lang = "nl") -> str:
    """A stakeholder's label, or one of the welfare view's extra actors (rijk, …)."""
    if actor in _ACTOR:
        return _pick(_ACTOR[actor], lang)
    return stakeholder_label(actor, lang)


def flow_label(label: str, lang: Lang = "nl") -> str:
    """A transfer's or real effect's name (``net_wage`` → ``nettoloon``)."""
    return _pick(_TRANSFER[label], lang) if label in _TRANSFER else label
