"""The terminal view of one settlement amount explained (``werkzorg explain --settlement``)."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from werkzorg_calc.engine.settlement_explain import SettlementExplanation
from werkzorg_calc.text.beyond_labels import actor_label, beyond_text
from werkzorg_calc.text.formatting import euro, number
from werkzorg_calc.text.labels import Lang


def settlement_view(explanation: SettlementExplanation, lang: Lang = "nl") -> Group:
    """S1 and S2 written out with the party's numbers, S3 as every coalition's term."""
    e = explanation
    name = actor_label(e.party, lang)

    def m(value: float) -> str:
        return euro(value, lang)

    lines = [
        Text(f"{beyond_text('settlement_title', lang)}: {name}", style="bold"),
        Text(f"s = {m(e.savings)} · c = {m(e.costs)} · n = {m(e.net)}"),
        Text(f"S = {m(e.total_savings)} · C = {m(e.total_costs)} · Σ s⁺ = {m(e.positive_savings)}"),
        Text(""),
        Text(beyond_text("s1_words", lang), style="dim"),
    ]
    if e.costs_follow_benefits is not None:
        lines.append(
            Text(
                f"T = c − C × s⁺ / Σ s⁺ = {m(e.costs)} − {m(e.total_costs)} × "
                f"{m(max(e.savings, 0.0))} / {m(e.positive_savings)} = {m(e.costs_follow_benefits)}"
            )
        )
    lines.append(Text(beyond_text("s2_words", lang), style="dim"))
    if e.surplus_follows_investment is not None:
        lines.append(
            Text(
                f"T = N × c / C − n = {m(e.total_savings - e.total_costs)} × {m(e.costs)} / "
                f"{m(e.total_costs)} − {m(e.net)} = {m(e.surplus_follows_investment)}"
            )
        )
    lines.append(Text(beyond_text("s3_words", lang), style="dim"))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("K")
    table.add_column("w", justify="right")
    table.add_column("v(K ∪ i) − v(K)", justify="right")
    for term in e.coalitions:
        members = ", ".join(actor_label(p, lang) for p in term.members) or "∅"
        table.add_row(members, number(term.weight, 4, lang), m(term.marginal))
    closing = Text(
        f"φ = Σ w × (v(K ∪ i) − v(K)) = {m(e.shapley_value)}; T = φ − n = {m(e.shapley)}"
    )
    return Group(*lines, table, closing)
