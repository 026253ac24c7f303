"""Words for the law engines (B1, W1) and the legal table, in Dutch and English.

The engines speak in ids (step names, left-out ids); a person reads these words.
"""

from __future__ import annotations

from typing import Final

from werkzorg_calc.text.labels import Lang
from werkzorg_calc.text.plural import fill

LEFT_OUT_WORDS: Final[dict[str, tuple[str, str]]] = {
    "age_27_rule": (
        "de regel voor jongeren onder 27 (geen vrijlating van art. 31-2-n, jongerennorm)",
        "the rule for people under 27 (no art. 31-2-n disregard, youth norm)",
    ),
    "single_parent_disregard_31_2_r": (
        "de vrijlating voor alleenstaande ouders (art. 31 lid 2 onder r)",
        "the single-parent disregard (art. 31(2)(r))",
    ),
    "medical_disregard_31_2_y": (
        "de vrijlating bij medische urenbeperking (art. 31 lid 2 onder y)",
        "the disregard for medically limited hours (art. 31(2)(y))",
    ),
    "kostendelersnorm": (
        "de kostendelersnorm (art. 22a)",
        "the cost-sharer norm (kostendelersnorm, art. 22a)",
    ),
    "toeslagen": (
        "toeslagen (huur-, zorg-, kindgebonden budget)",
        "benefits paid by the tax office (rent, health care, child budget)",
    ),
    "tax_credits": (
        "heffingskortingen (zoals de arbeidskorting)",
        "tax credits (such as the employed person's tax credit)",
    ),
}

# Headings and phrases of the law commands and ``werkzorg norms``.
WORDS: Final[dict[str, tuple[str, str]]] = {
    "step": ("Stap", "Step"),
    "formula": ("Formule", "Formula"),
    "value": ("Waarde", "Value"),
    "key": ("Sleutel", "Key"),
    "valid_from": ("Geldig vanaf", "Valid from"),
    "valid_to": ("Geldig t/m", "Valid to"),
    "unit": ("Eenheid", "Unit"),
    "verified": ("Geverifieerd", "Verified"),
    "source": ("Bron", "Source"),
    "line": ("Regel", "Line"),
    "table_rows": ("Gebruikte tabelregels (legal-norms.csv)", "Table rows used (legal-norms.csv)"),
    "article": ("Artikel", "Article"),
    "left_out": ("Niet meegenomen", "Left out"),
    "residual_title": (
        "Bijstand naast inkomsten (B1), werkmaand {k}: € {amount} per maand",
        "Residual bijstand (B1), work month {k}: € {amount} a month",
    ),
    "subsidy_title": (
        "Loonkostensubsidie (W1): € {amount} per maand",
        "Wage subsidy (W1): € {amount} a month",
    ),
    "norms_title": ("Wettelijke bedragen (legal-norms.csv)", "Legal amounts (legal-norms.csv)"),
    "no_rows": ("Geen rijen voor deze selectie.", "No rows for this selection."),
    "no_value": ("(geen bedrag)", "(no amount)"),
    "unverified": (
        "niet geverifieerd: {name} {start} t/m {end} (regel {line}) wordt gebruikt, "
        "maar is nog niet bevestigd",
        "not verified: {name} {start} to {end} (line {line}) is used but not yet confirmed",
    ),
    "unverified_mark": ("nee ⚠", "no ⚠"),
    "yes": ("ja", "yes"),
    "derived": ("afgeleid", "derived"),
    "derived_note_b1": (
        "afgeleid volgens regel B1 ({article}): norm − (netto loon − vrijlating), maand voor "
        "maand: {months}; gemiddeld naar gewerkte dagen {mean}",
        "derived by rule B1 ({article}): norm − (net earnings − disregard), month by month: "
        "{months}; mean by days worked {mean}",
    ),
    "derived_note_w1": (
        "afgeleid volgens regel W1 ({article}): min(WML+VB − loonwaarde, 70% WML+VB) × (1 + "
        "werkgeverslasten) × uren / voltijd, maand voor maand: {months}; gemiddeld naar gewerkte "
        "dagen {mean}",
        "derived by rule W1 ({article}): min(WML+VB − wage value, 70% WML+VB) × (1 + employer "
        "charges) × hours / full-time, month by month: {months}; mean by days worked {mean}",
    ),
    "rows_note": (
        "{n:rij|rijen}; een rij met ⚠ wordt gebruikt maar is nog niet geverifieerd.",
        "{n:row|rows}; a row marked ⚠ is used but not yet verified.",
    ),
}

# Why an option of the law commands is refused (a usage error, exit 2).
USAGE: Final[dict[str, tuple[str, str]]] = {
    "not_a_number": ("geen getal", "not a number"),
    "not_negative": ("geef een getal van 0 of meer", "give a number of 0 or more"),
    "share_range": (
        "een aandeel tussen 0 en 1 (0.6 of 60%)",
        "a share between 0 and 1 (0.6 or 60%)",
    ),
    "household": (
        "kies single of couple (alleenstaand, gehuwd of samenwonend)",
        "choose single or couple (alleenstaand, gehuwd or samenwonend)",
    ),
    "fulltime_positive": ("voltijd uren moeten meer dan 0 zijn", "full-time hours must be above 0"),
    "hours_max": ("hoogstens het aantal voltijd uren", "at most the full-time hours"),
    "wml_positive": ("WML+VB moet meer dan 0 zijn", "WML+VB must be above 0"),
    "unknown_key": ("onbekende sleutel; kies uit: {keys}", "unknown key; choose from: {keys}"),
}


def usage_text(key: str, lang: Lang = "nl", **values: object) -> str:
    """Why an option is refused, in ``lang``."""
    label = _pick(USAGE[key], lang)
    return fill(label, lang, **values) if values else label


# What each step of B1 and W1 is, in words (the formula itself is shown beside it).
STEP_WORDS: Final[dict[str, tuple[str, str]]] = {
    "norm": ("bijstandsnorm", "bijstand norm"),
    "disregard_share": ("25% van het netto loon", "25% of net earnings"),
    "disregard_max": ("maximum vrijlating", "maximum disregard"),
    "disregard": ("vrijlating", "disregard"),
    "counted_earnings": ("inkomsten die tellen", "earnings counted"),
    "benefit_after": ("bijstand na plaatsing", "benefit after placement"),
    "wml_month": ("WML per maand (voltijd)", "minimum wage per month (full-time)"),
    "wml_hour": ("WML per uur", "minimum wage per hour"),
    "wml_vb": ("WML + vakantiebijslag (voltijd)", "minimum wage + holiday pay (full-time)"),
    "employer_charges": ("werkgeverslasten", "employer charges"),
    "cap_share": ("maximum als deel van WML+VB", "cap as share of WML+VB"),
    "loonwaarde_eur": ("loonwaarde in euro (voltijd)", "wage value in euros (full-time)"),
    "cap": ("maximum (70% van WML+VB)", "cap (70% of WML+VB)"),
    "base": ("grondslag", "base"),
    "wage_subsidy_month": ("loonkostensubsidie per maand", "wage subsidy per month"),
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "nl" else pair[1]


def law_text(key: str, lang: Lang = "nl", **values: object) -> str:
    """A heading or phrase of the law commands, placeholders filled from ``values``."""
    label = _pick(WORDS[key], lang)
    return fill(label, lang, **values) if values else label


def left_out_words(item: str, lang: Lang = "nl") -> str:
    """What one left-out rule is, in words."""
    return _pick(LEFT_OUT_WORDS[item], lang)


def left_out_note(items: tuple[str, ...], lang: Lang = "nl") -> str:
    """The closing note: what the engines leave out, in one sentence."""
    lead = "Niet meegenomen: " if lang == "nl" else "Left out: "
    return lead + "; ".join(left_out_words(item, lang) for item in items) + "."


def step_words(name: str, lang: Lang = "nl") -> str:
    """What a derivation step is, in words."""
    return _pick(STEP_WORDS[name], lang)


def verified_words(verified: str, lang: Lang = "nl") -> str:
    """``yes``/``derived``/``no`` as a person reads it; ``no`` is marked."""
    key = {"yes": "yes", "derived": "derived", "no": "unverified_mark"}[verified]
    return law_text(key, lang)
