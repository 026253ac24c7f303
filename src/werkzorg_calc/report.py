"""``Result`` → Rich renderables for the terminal report (Dutch labels, Dutch money).

Everything here is returned, not printed; the CLI decides where it goes. Text from the input
file (case ids, file names) is wrapped in ``Text`` so markup in a cell is shown, not obeyed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .columns import STATUS_LABELS, STATUSES
from .errors import InputIssue
from .formatting import dutch_date, dutch_number, euro
from .parameters import parameter_info
from .result import Money, Result
from .stakeholders import STAKEHOLDER_LABELS
from .wording import verdict

# Short enough for an 80-column case table; "in bemiddeling" is the only long one.
_SHORT_STATUS = {**STATUS_LABELS, "in_bemiddeling": "bemiddeling"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
BAR_WIDTH = 10


def plain(value: object) -> Text:
    """Input text made safe to show: control characters removed, markup not interpreted."""
    return Text(_CONTROL.sub("", str(value)))


def _money_cell(value: float) -> Text:
    return Text(euro(value), style="red" if round(value, 2) < 0 else "")


def _bar(value: float, largest: float) -> Text:
    """A small bar; its length is |value| relative to the largest |value| in the table."""
    if largest <= 0:
        return Text("")
    length = round(abs(value) / largest * BAR_WIDTH)
    if value >= 0:
        return Text("█" * length, style="green")
    return Text("▒" * length, style="red")


def header(result: Result) -> Table:
    """File, peildatum, case count, period and the parameters that differ from the defaults."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    source = result.source
    where = plain(source.file)
    if source.sheet:
        where.append(f" (blad {source.sheet})")
    grid.add_row("Bestand", where)
    grid.add_row("Peildatum", dutch_date(result.peildatum))
    grid.add_row("Casussen", str(source.cases))
    period = "gerealiseerd tot de peildatum"
    if result.horizon:
        period += f" + projectie {result.horizon} maanden"
    grid.add_row("Periode", period)
    grid.add_row("Parameters", _changed(result))
    return grid


def _changed(result: Result) -> str:
    if not result.changed_parameters:
        return "standaardwaarden"
    info = parameter_info()
    parts = []
    for key, value in result.changed_parameters.items():
        default = info[key].default if key in info else "?"
        parts.append(f"{key} = {_value(value)} (standaard {_value(default)})")
    return "; ".join(parts)


def _value(value: object) -> str:
    if isinstance(value, float):
        return dutch_number(value, 4).rstrip("0").rstrip(",")
    return "-" if value in (None, "") else str(value)


def target_panel(result: Result) -> Panel:
    """The verdict in words, counts per status, placed and durable."""
    target = result.target
    params = result.parameters
    statuses = " · ".join(
        f"{target.by_status[status]} {STATUS_LABELS[status]}" for status in STATUSES
    )
    lines = Text()
    lines.append(verdict(result), style="bold green" if target.met else "bold red")
    lines.append(f"\n{target.participants} deelnemers: {statuses}")
    lines.append(
        f"\nGeplaatst (werkt op peildatum): {target.placed} · duurzaam "
        f"(≥ {_value(params.durable_months)} maanden en ≥ {_value(params.durable_min_hours)} "
        f"uur per week): {target.durable}"
    )
    return Panel(lines, title="Doel van de pilot", title_align="left", box=box.ROUNDED)


def stakeholder_table(result: Result) -> Table:
    """Savings, costs and net per stakeholder with a bar, and the totals as footer."""
    frame = result.stakeholders
    total = result.totals.all
    table = Table(
        title="Per partij",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_footer=True,
        pad_edge=False,
    )
    table.add_column("Partij", footer="Totaal")
    table.add_column("Besparing", justify="right", footer=euro(total.savings), no_wrap=True)
    table.add_column("Kosten", justify="right", footer=euro(total.costs), no_wrap=True)
    table.add_column("Saldo", justify="right", footer=_money_cell(total.net), no_wrap=True)
    table.add_column("", no_wrap=True)
    largest = float(frame["net"].abs().max()) if len(frame) else 0.0
    for name, row in frame.iterrows():
        table.add_row(
            STAKEHOLDER_LABELS[str(name)],
            euro(row["savings"]),
            euro(row["costs"]),
            _money_cell(row["net"]),
            _bar(row["net"], largest),
        )
    return table


def totals_lines(result: Result) -> Text:
    """Benefit-cost ratio and the net per participant and per placed participant."""
    totals = result.totals
    ratio = (
        dutch_number(totals.benefit_cost_ratio)
        if totals.benefit_cost_ratio is not None
        else "n.v.t. (geen kosten)"
    )
    per_participant = (
        euro(totals.net_per_participant) if totals.net_per_participant is not None else "n.v.t."
    )
    per_placed = euro(totals.net_per_placed) if totals.net_per_placed is not None else "n.v.t."
    text = Text(f"Baten/kosten-verhouding: {ratio}\n")
    text.append(f"Saldo per deelnemer: {per_participant} · per geplaatste: {per_placed}")
    return text


def parts_table(result: Result) -> Table:
    """Realised and projected parts side by side (shown only when projecting)."""
    totals = result.totals
    table = Table(
        title=f"Gerealiseerd + projectie {result.horizon} mnd (contante waarde)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("Deel")
    for label in ("Besparing", "Kosten", "Saldo"):
        table.add_column(label, justify="right", no_wrap=True)
    rows: tuple[tuple[str, Money], ...] = (
        ("Gerealiseerd", totals.realised),
        ("Geprojecteerd", totals.projected),
        ("Totaal", totals.all),
    )
    for label, money in rows:
        table.add_row(label, euro(money.savings), euro(money.costs), _money_cell(money.net))
    return table


def case_table(result: Result, limit: int | None = 20) -> Table:
    """Cases with the largest absolute net first; ``limit=None`` shows every case."""
    cases = result.cases
    order = cases["net"].abs().sort_values(ascending=False, kind="stable").index
    shown = order if limit is None else order[:limit]
    title = "Per casus"
    if limit is not None and len(cases) > limit:
        title += f" (de {limit} grootste saldo's van {len(cases)}; --cases all toont alle)"
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("Casus", overflow="fold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Mnd", justify="right")
    table.add_column("Duurz.")
    for label in ("Besparing", "Kosten", "Saldo"):
        table.add_column(label, justify="right", no_wrap=True)
    rows = cases.loc[shown]
    for case_id, status, months, durable, savings, costs, net in zip(
        rows["case_id"].tolist(),
        rows["status"].tolist(),
        rows["work_months"].tolist(),
        rows["durable"].tolist(),
        rows["savings"].tolist(),
        rows["costs"].tolist(),
        rows["net"].tolist(),
        strict=True,
    ):
        table.add_row(
            plain(case_id),
            _SHORT_STATUS[status],
            dutch_number(months, 1),
            "ja" if durable else "nee",
            euro(savings),
            euro(costs),
            _money_cell(net),
        )
    return table


def issue_lines(issues: Sequence[InputIssue]) -> Text:
    """Warnings as lines: place, then the Dutch message."""
    text = Text()
    for number, issue in enumerate(issues):
        if number:
            text.append("\n")
        text.append("let op ", style="yellow")
        text.append(plain(f"{issue.place}: {issue.message}"))
    return text


def issue_table(issues: Sequence[InputIssue]) -> Table:
    """Every input problem as one row: (file,) sheet, row, column, kind, message.

    With one file, its name goes in the title so the message column keeps its width.
    """
    files = list(dict.fromkeys(issue.file for issue in issues))
    one_file = len(files) == 1
    title = plain(f"Invoer: {files[0]}") if one_file else None
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    if not one_file:
        table.add_column("Bestand", overflow="fold")
    table.add_column("Blad")
    table.add_column("Rij", justify="right")
    table.add_column("Kolom")
    table.add_column("Soort")
    table.add_column("Melding", overflow="fold", ratio=1)
    for issue in issues:
        cells: list[RenderableType] = [] if one_file else [plain(issue.file)]
        cells += [
            plain(issue.sheet or "-"),
            str(issue.row) if issue.row is not None else "-",
            issue.column or "-",
            Text(issue.severity, style="red" if issue.severity == "fout" else "yellow"),
            plain(issue.message),
        ]
        table.add_row(*cells)
    return table


def full_report(result: Result, case_limit: int | None = 20) -> Group:
    """The whole terminal report for ``werkzorg calc``."""
    parts: list[RenderableType] = [
        Text("werkzorg · maatschappelijke business case per casus", style="bold"),
        header(result),
        Text(""),
        target_panel(result),
        stakeholder_table(result),
        totals_lines(result),
        Text(""),
    ]
    if result.horizon:
        parts += [parts_table(result), Text("")]
    parts.append(case_table(result, case_limit))
    if result.warnings:
        parts.append(issue_lines(result.warnings))
    return Group(*parts)
