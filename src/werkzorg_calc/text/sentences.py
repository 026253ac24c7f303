"""The longer sentences of a run (compare, simulate, the Excel front sheet), in Dutch and English.

Kept apart from ``labels.py`` so that module stays a table of short labels; ``labels.text``
finds these by the same keys.
"""

from __future__ import annotations

from typing import Final

from werkzorg_calc.text.label_keys import LabelKey

SENTENCES: Final[dict[LabelKey, tuple[str, str]]] = {
    "interval_difference": (
        "Waarom een ander interval dan werkzorg calc ({wilson_low}–{wilson_high})? calc geeft het "
        "Wilson-interval, een formule voor een aandeel van {participants} deelnemers; hier is het "
        "interval een bootstrap: de deelnemers {replicates} keer opnieuw getrokken. Bij weinig "
        "deelnemers verschillen ze: de bootstrap kent alleen de waargenomen uitkomsten en valt "
        "vaak smaller uit; Wilson is de maat voor het doel.",
        "Why another interval than werkzorg calc ({wilson_low}–{wilson_high})? calc gives the "
        "Wilson interval, a formula for a share of {participants} participants; here the "
        "interval is a bootstrap: the participants drawn again {replicates} times. With few "
        "participants they differ: the bootstrap knows only the observed outcomes and comes out "
        "often narrower; Wilson is the measure for the target.",
    ),
    "unlike_horizon": (
        "niet gelijk vergelijkbaar: {name} projecteert {months} maanden na de peildatum, de basis "
        "{base}; een langere periode geeft grotere bedragen, geen beter beleid",
        "not like for like: {name} projects {months} months after the peildatum, the base "
        "{base}; a longer period gives larger amounts, not a better policy",
    ),
    "month_factor_description": (
        "q = (behoud per jaar / (1 + disconteringsvoet))^(1/12): behoud en disconto per maand "
        "van de projectie",
        "q = (retention per year / (1 + discount rate))^(1/12): retention and discount per "
        "projected month",
    ),
    "check_counts": (
        "Aangenomen waarden: {imputed} · waarschuwingen: {warnings} (zie blad {sheet})",
        "Imputed values: {imputed} · warnings: {warnings} (see sheet {sheet})",
    ),
}
