"""Sentences that state a result in words, shared by the terminal report and the Excel file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from werkzorg_calc.domain.target import TargetResult
from werkzorg_calc.text.formatting import euro, number, percent
from werkzorg_calc.text.labels import Lang, text

if TYPE_CHECKING:
    from werkzorg_calc.domain.result import Result


def verdict(target: TargetResult, lang: Lang = "nl") -> str:
    """The target in one sentence, e.g. ``Doel niet gehaald: 4 van 29 …, doel 50%``."""
    if target.participants == 0:
        return text("no_participants", lang)
    what = text("durable_at_work" if target.basis == "durable" else "placed_word", lang)
    head = text("met" if target.met else "not_met", lang)
    share = percent(target.share or 0.0, lang=lang)
    interval = ""
    if target.interval95 is not None:
        low, high = target.interval95
        interval = (
            f", {text('interval', lang)} {percent(low, lang=lang)}–{percent(high, lang=lang)}"
        )
    goal = f"{text('goal', lang)} {percent(target.target_share, lang=lang)}"
    if target.target_count is not None:
        goal += f" {text('at_least', lang)} {target.target_count}"
    of = text("of", lang)
    return f"{head}: {target.count} {of} {target.participants} {what} ({share}{interval}), {goal}"


def price_level(price_year: int | None, lang: Lang = "nl") -> str:
    """``bedragen zoals opgegeven`` or ``prijzen 2018 (CPI, CBS)``."""
    if price_year is None:
        return text("nominal", lang)
    return text("prices_of", lang, year=price_year)


def changed_parameters_line(
    changed: Mapping[str, object], origins: Mapping[str, str], lang: Lang = "nl"
) -> str:
    """``deadweight = 0.57 (--set deadweight); …`` or ``geen (standaardwaarden)``."""
    parts = [f"{key} = {value} ({origins.get(key, '')})" for key, value in changed.items()]
    return "; ".join(parts) or text("none_defaults", lang)


def headline_lines(result: Result, lang: Lang = "nl") -> tuple[str, str]:
    """N1 and H1 in words: the net headline with the gross result beside it, and the common
    horizon's net and benefit-cost ratio (the one to compare programmes by)."""
    deadweight = number(result.parameters.effective_deadweight, 2, lang)
    net = (
        f"{text('net_headline', lang)} ({deadweight}): {euro(result.totals.all.net, lang)} · "
        f"{text('gross_result', lang)}: {euro(result.gross.money.net, lang)}"
    )
    common = result.common_horizon
    ratio = (
        number(common.benefit_cost_ratio, 2, lang)
        if common.benefit_cost_ratio is not None
        else text("no_costs", lang)
    )
    months = f"{common.months} mnd" if lang == "nl" else f"{common.months} months"
    horizon = (
        f"{text('common_horizon', lang)} ({months}): {euro(common.money.net, lang)} · "
        f"{text('ratio', lang)}: {ratio}"
    )
    return net, horizon
