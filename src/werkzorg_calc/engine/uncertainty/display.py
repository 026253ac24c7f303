"""How parameter values and varied amounts are shown, shared by the terminal, Excel and charts.

Only for display; nothing here is used in a calculation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkzorg_calc.domain.parameters import parameter_info
from werkzorg_calc.engine.uncertainty.distributions import SHARE_KEYS, Distribution
from werkzorg_calc.text.formatting import euro, number, percent
from werkzorg_calc.text.labels import Lang, stakeholder_label, text

if TYPE_CHECKING:
    from werkzorg_calc.engine.uncertainty.simulate import SimulationResult


def is_money(key: str) -> bool:
    """Whether the parameter is an amount in euros."""
    return parameter_info()[key].unit.startswith("EUR")


def parameter_value(key: str, value: float, lang: Lang = "nl") -> str:
    """A parameter's value in its unit: ``€ 195,07``, ``34,0%`` (``2,25%`` for discounting)."""
    if is_money(key):
        return euro(value, lang)
    if key in SHARE_KEYS:
        return percent(value, 2 if key == "discount_rate" else 1, lang)
    return number(value, 2, lang)


def whole_euro(value: float, lang: Lang = "nl") -> str:
    """``-1234.56`` → ``€ -1.235``: for tables of simulated or varied amounts."""
    rounded = round(value)
    return f"€ {number(float(rounded) if rounded else 0.0, 0, lang)}"


def target_label(target: str, lang: Lang = "nl") -> str:
    """A stakeholder's name, or ``Totaal`` for ``total``."""
    return text("total", lang) if target == "total" else stakeholder_label(target, lang)


def arguments_text(item: Distribution, lang: Lang = "nl") -> str:
    """``mean € 89,02, sd € 10,00``; the sd of a share as a plain number (``sd 0,07``)."""
    shown = []
    for name, value in item.arguments.items():
        if name == "sd" and item.key in SHARE_KEYS:
            mark = "," if lang == "nl" else "."
            formatted = number(value, 4, lang).rstrip("0").rstrip(mark)
        else:
            formatted = parameter_value(item.key, value, lang)
        shown.append(f"{name} {formatted}")
    return ", ".join(shown)


def bootstrap_sentence(result: SimulationResult, lang: Lang = "nl") -> str:
    """The pilot target's bootstrap interval and the chance it is met, in one sentence."""
    target, base = result.target, result.base.target
    if target.share is None or target.low is None or target.high is None:
        return text("no_participants", lang)
    what = text("durable_at_work" if base.basis == "durable" else "placed_word", lang)
    return text(
        "bootstrap_line",
        lang,
        count=base.count,
        participants=base.participants,
        what=what,
        share=percent(target.share, 0, lang),
        low=percent(target.low, 0, lang),
        high=percent(target.high, 0, lang),
        replicates=number(target.replicates, 0, lang),
        goal=percent(base.target_share, 0, lang),
        chance=percent(target.chance_met or 0.0, 0, lang),
    )
