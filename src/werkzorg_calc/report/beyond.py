"""Terminal renderables of the views beyond the business case; each fits 80 columns.

They read ``Result.beyond`` and compute nothing: the settlement table ("wie betaalt wie") with a
one-line explanation per rule, the payback months, the cashable split, the welfare view with its
transfer ledger, the case bootstrap and the "how does this compare" panel.
"""

from __future__ import annotations

import math

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from werkzorg_calc.domain.beyond import Beyond
from werkzorg_calc.domain.result import Result
from werkzorg_calc.text.beyond_labels import BeyondKey, actor_label, beyond_text, flow_label
from werkzorg_calc.text.formatting import euro, number, percent
from werkzorg_calc.text.labels import Lang, text


def _money(value: float | None, lang: Lang) -> Text:
    if value is None or not math.isfinite(value):
        return Text("-")
    return Text(euro(value, lang), style="red" if round(value, 2) < 0 else "")


def _table(title: str) -> Table:
    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)


def settlement_table(beyond: Beyond, lang: Lang = "nl") -> Group:
    """Per party its net now and the transfer of each rule (+ receives, − pays), and the rules."""
    settlement = beyond.settlement
    basis: BeyondKey = (
        "settlement_basis_cashable" if settlement.basis == "cashable" else "settlement_basis_all"
    )
    table = _table(f"{beyond_text('settlement_title', lang)} ({beyond_text(basis, lang)})")
    table.add_column(text("stakeholder", lang))
    keys: tuple[BeyondKey, ...] = ("net_now", "s1", "s2", "s3")
    for key in keys:
        table.add_column(beyond_text(key, lang), justify="right", no_wrap=True)
    s1, s2 = settlement.costs_follow_benefits, settlement.surplus_follows_investment
    for party in settlement.parties:
        table.add_row(
            actor_label(party, lang),
            _money(settlement.savings[party] - settlement.costs[party], lang),
            _money(s1[party] if s1 is not None else None, lang),
            _money(s2[party] if s2 is not None else None, lang),
            _money(settlement.shapley[party], lang),
        )
    words = Text(
        "\n".join(beyond_text(key, lang) for key in ("s1_words", "s2_words", "s3_words")),
        style="dim",
    )
    return Group(table, words)


def payback_lines(beyond: Beyond, lang: Lang = "nl") -> Text:
    """One line: the payback month per party and in total."""
    months = beyond.payback.months
    parts = []
    for party, month in months.items():
        name = beyond_text("total", lang) if party == "total" else actor_label(party, lang)
        shown = str(month) if month is not None else beyond_text("payback_none", lang)
        parts.append(f"{name} {shown}")
    line = Text(f"{beyond_text('payback_title', lang)}: ", style="bold")
    line.append(" · ".join(parts))
    line.append("\n" + beyond_text("payback_words", lang), style="dim")
    return line


def cashable_table(result: Result, beyond: Beyond, lang: Lang = "nl") -> Group:
    """Cashable and non-cashable savings per stakeholder with a saving."""
    table = _table(beyond_text("cashable_title", lang))
    table.add_column(text("stakeholder", lang))
    table.add_column(beyond_text("cashable", lang), justify="right", no_wrap=True)
    table.add_column(beyond_text("non_cashable", lang), justify="right", no_wrap=True)
    frame = beyond.cashable
    for party in frame.index:
        cashable, rest = float(frame["cashable"][party]), float(frame["non_cashable"][party])
        if cashable or rest:
            table.add_row(actor_label(str(party), lang), _money(cashable, lang), _money(rest, lang))
    share = result.parameters.mhc_cashable_share
    words = Text(beyond_text("cashable_words", lang, share=percent(share, 0, lang)), style="dim")
    return Group(table, words)


def welfare_table(beyond: Beyond, lang: Lang = "nl") -> Group:
    """Real effects, transfers and net per actor, the total, and the transfer ledger."""
    welfare = beyond.welfare
    table = _table(beyond_text("welfare_title", lang))
    table.add_column(beyond_text("actor", lang), footer=beyond_text("welfare_total", lang))
    table.add_column(beyond_text("real", lang), justify="right", no_wrap=True)
    table.add_column(beyond_text("transfers", lang), justify="right", no_wrap=True)
    table.add_column(text("net", lang), justify="right", no_wrap=True)
    for actor, row in welfare.actors.iterrows():
        table.add_row(
            actor_label(str(actor), lang),
            _money(row["real"], lang),
            _money(row["transfers"], lang),
            _money(row["net"], lang),
        )
    table.add_row(
        Text(beyond_text("welfare_total", lang), style="bold"),
        _money(welfare.total, lang),
        _money(welfare.transfer_identity, lang),
        _money(welfare.total, lang),
    )
    ledger = _table(beyond_text("ledger_title", lang))
    ledger.add_column(beyond_text("from", lang))
    ledger.add_column(beyond_text("to", lang))
    ledger.add_column("", overflow="fold")
    ledger.add_column(beyond_text("amount", lang), justify="right", no_wrap=True)
    for source, target, amount, label in welfare.transfers.itertuples(index=False):
        ledger.add_row(
            actor_label(str(source), lang),
            actor_label(str(target), lang),
            flow_label(str(label), lang),
            _money(float(amount), lang),
        )
    note = Text(beyond_text("welfare_note", lang), style="dim")
    return Group(table, note, ledger)


def bootstrap_lines(beyond: Beyond, lang: Lang = "nl") -> Text:
    """The case bootstrap's two intervals and which uncertainty they cover."""
    boot = beyond.bootstrap
    if boot is None:
        return Text("")
    low, high = boot.total_net
    share_low, share_high = boot.durable_share
    line = Text(f"{beyond_text('bootstrap_title', lang)}: ", style="bold")
    line.append(
        f"{beyond_text('total_net', lang).lower()} {euro(low, lang)} … {euro(high, lang)}; "
        f"{beyond_text('durable_share', lang).lower()} {percent(share_low, 0, lang)} … "
        f"{percent(share_high, 0, lang)}"
    )
    words = beyond_text("bootstrap_words", lang, draws=number(boot.draws, 0, lang), seed=boot.seed)
    line.append("\n" + words, style="dim")
    return line


def comparison_panel(beyond: Beyond, lang: Lang = "nl") -> Group:
    """Q1: this result beside the published reference figures, with their price years."""
    table = _table(beyond_text("compare_title", lang))
    table.add_column("", overflow="fold")
    keys: tuple[BeyondKey, ...] = ("ours", "reference", "ratio", "price_year")
    for key in keys:
        table.add_column(beyond_text(key, lang), justify="right", no_wrap=True)
    for check, row in beyond.plausibility.panel.iterrows():
        ratio = float(row["ratio"])
        table.add_row(
            beyond_text(str(check), lang),  # type: ignore[arg-type]
            _money(float(row["ours"]), lang),
            _money(float(row["reference"]), lang),
            Text(f"{number(ratio, 2, lang)}×" if math.isfinite(ratio) else "-"),
            str(int(row["price_year"])),
        )
    return Group(table, Text(beyond_text("compare_words", lang), style="dim"))


def optimism_table(beyond: Beyond, lang: Lang = "nl") -> Table | None:
    """The optimism-bias view per stakeholder and in total (only when it was asked for)."""
    frame = beyond.optimism
    if frame is None:
        return None
    table = _table(beyond_text("optimism_title", lang))
    table.add_column(text("stakeholder", lang))
    for key in ("savings", "costs", "net"):
        table.add_column(text(key, lang), justify="right", no_wrap=True)
    for name, row in frame.iterrows():
        label = beyond_text("total", lang) if name == "total" else actor_label(str(name), lang)
        table.add_row(label, *(_money(float(row[k]), lang) for k in ("savings", "costs", "net")))
    return table


def beyond_report(result: Result, lang: Lang = "nl") -> list[RenderableType]:
    """Every view beyond the business case, in reading order (empty without ``beyond``)."""
    beyond = result.beyond
    if beyond is None:
        return []
    optimism = optimism_table(beyond, lang)
    extra: list[RenderableType] = [optimism, Text("")] if optimism is not None else []
    return [
        *extra,
        settlement_table(beyond, lang),
        Text(""),
        payback_lines(beyond, lang),
        Text(""),
        cashable_table(result, beyond, lang),
        Text(""),
        welfare_table(beyond, lang),
        Text(""),
        bootstrap_lines(beyond, lang),
        Text(""),
        comparison_panel(beyond, lang),
        Text(""),
    ]
