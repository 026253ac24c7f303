"""Results → Rich renderables for the terminal (Dutch by default, English with ``lang="en"``).

Everything here is returned, not printed; the CLI decides where it goes. Text from the input
file (case ids, file names, municipalities) is wrapped in ``Text`` so markup in a cell is shown,
not obeyed, and control characters never reach the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from werkzorg_calc.domain.columns import STATUSES
from werkzorg_calc.domain.errors import InputIssue
from werkzorg_calc.domain.parameters import ParameterSet, parameter_info
from werkzorg_calc.domain.result import Money, Result
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.engine.calc import is_late_peildatum
from werkzorg_calc.engine.compare import BASE_NAME, Comparison
from werkzorg_calc.report.beyond import beyond_report
from werkzorg_calc.text.formatting import euro, number, percent, show_date
from werkzorg_calc.text.issues import issue_message, issue_place
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.labels import Lang, group_label, stakeholder_label, status_label, text
from werkzorg_calc.text.wording import headline_lines, price_level, verdict

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
BAR_WIDTH = 10


def plain(value: object) -> Text:
    """Input text made safe to show: control characters removed, markup not interpreted."""
    return Text(_CONTROL.sub("", str(value)))


def _money_cell(value: float, lang: Lang) -> Text:
    return Text(euro(value, lang), style="red" if round(value, 2) < 0 else "")


def _bar(value: float, largest: float) -> Text:
    """A small bar; its length is |value| relative to the largest |value| in the table."""
    if largest <= 0:
        return Text("")
    length = round(abs(value) / largest * BAR_WIDTH)
    if value >= 0:
        return Text("█" * length, style="green")
    return Text("▒" * length, style="red")


def _short_status(status: str, lang: Lang) -> str:
    # Short enough for an 80-column case table; "in bemiddeling" is the only long one.
    if status == "in_bemiddeling" and lang == "nl":
        return "bemiddeling"
    return status_label(status, lang)


def _value(value: object, lang: Lang = "nl") -> str:
    if isinstance(value, float):
        shown = number(value, 4, lang)
        mark = "," if lang == "nl" else "."
        return shown.rstrip("0").rstrip(mark) if mark in shown else shown
    return "-" if value in (None, "") else str(value)


def header(result: Result, lang: Lang = "nl") -> Table:
    """Files, peildatum, case count, period, price level and the changed parameters."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    label = text("file" if len(result.sources) == 1 else "files", lang)
    for number_, source in enumerate(result.sources):
        where = plain(source.file)
        if source.sheet:
            where.append(f" ({text('sheet', lang)} {source.sheet})")
        grid.add_row(label if number_ == 0 else "", where)
    grid.add_row(text("peildatum", lang), show_date(result.peildatum, lang))
    grid.add_row(text("cases", lang), str(len(result.cases)))
    period = text("realised_until", lang)
    if result.horizon:
        period += " " + text("plus_projection", lang, n=result.horizon)
    grid.add_row(text("period", lang), period)
    grid.add_row(text("price_level", lang), price_level(result.price_year, lang))
    grid.add_row(text("parameters", lang), _changed(result, lang))
    return grid


def _changed(result: Result, lang: Lang) -> Text:
    if not result.changed_parameters:
        return Text(text("defaults", lang))
    info = parameter_info()
    parts = []
    for key, value in result.changed_parameters.items():
        default = info[key].default if key in info else "?"
        origin = result.parameter_origins.get(key, "")
        parts.append(
            f"{key} = {_value(value, lang)} ({text('default_was', lang)} "
            f"{_value(_typed(default), lang)}; {origin})"
        )
    # One line per parameter; plain() drops control characters, newlines included.
    return Text("\n").join(plain(part) for part in parts)


def _typed(value: str) -> object:
    try:
        return float(value)
    except ValueError:
        return value


def target_panel(result: Result, lang: Lang = "nl") -> Panel:
    """The verdict in words, counts per status, placed and durable."""
    target = result.target
    params = result.parameters
    statuses = " · ".join(
        status_label(status, lang, count=target.by_status[status]) for status in STATUSES
    )
    lines = Text()
    lines.append(verdict(target, lang), style="bold green" if target.met else "bold red")
    lines.append(f"\n{text('participants_line', lang, n=target.participants)}: {statuses}")
    lines.append(
        "\n"
        + text(
            "placed_line",
            lang,
            placed=target.placed,
            months=_value(params.durable_months, lang),
            hours=_value(params.durable_min_hours, lang),
            durable=target.durable,
        )
    )
    return Panel(lines, title=text("target_title", lang), title_align="left", box=box.ROUNDED)


def stakeholder_table(result: Result, lang: Lang = "nl") -> Table:
    """Savings, costs and net per stakeholder with a bar, and the totals as footer."""
    frame = result.stakeholders
    total = result.totals.all
    table = Table(
        title=text("per_stakeholder", lang),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_footer=True,
        pad_edge=False,
    )
    table.add_column(text("stakeholder", lang), footer=text("total", lang))
    table.add_column(
        text("savings", lang), justify="right", footer=euro(total.savings, lang), no_wrap=True
    )
    table.add_column(
        text("costs", lang), justify="right", footer=euro(total.costs, lang), no_wrap=True
    )
    table.add_column(
        text("net", lang), justify="right", footer=_money_cell(total.net, lang), no_wrap=True
    )
    table.add_column("", no_wrap=True)
    largest = float(frame["net"].abs().max()) if len(frame) else 0.0
    for name, savings, costs, net in zip(
        frame.index, frame["savings"], frame["costs"], frame["net"], strict=True
    ):
        table.add_row(
            stakeholder_label(str(name), lang),
            euro(savings, lang),
            euro(costs, lang),
            _money_cell(net, lang),
            _bar(net, largest),
        )
    return table


def totals_lines(result: Result, lang: Lang = "nl") -> Text:
    """Benefit-cost ratio and the net per participant and per placed participant."""
    totals = result.totals
    na = text("not_applicable", lang)
    ratio = (
        number(totals.benefit_cost_ratio, 2, lang)
        if totals.benefit_cost_ratio is not None
        else text("no_costs", lang)
    )
    per_participant = (
        euro(totals.net_per_participant, lang) if totals.net_per_participant is not None else na
    )
    per_placed = euro(totals.net_per_placed, lang) if totals.net_per_placed is not None else na
    line = Text(f"{text('ratio', lang)}: {ratio}\n")
    line.append(
        f"{text('net_per_participant', lang)}: {per_participant} · "
        f"{text('per_placed', lang)}: {per_placed}\n"
    )
    # N1: the net (after deadweight) is the headline; the gross result stands beside it.
    net, horizon = headline_lines(result, lang)
    line.append(f"{net}\n{horizon}")
    return line


def parts_table(result: Result, lang: Lang = "nl") -> Table:
    """Realised and projected parts side by side (shown only when projecting)."""
    totals = result.totals
    table = Table(
        title=text("parts_title", lang, n=result.horizon),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column(text("part", lang))
    for key in ("savings", "costs", "net"):
        table.add_column(text(key, lang), justify="right", no_wrap=True)
    rows: tuple[tuple[LabelKey, Money], ...] = (
        ("realised", totals.realised),
        ("projected", totals.projected),
        ("total", totals.all),
    )
    for key, money in rows:
        table.add_row(
            text(key, lang),
            euro(money.savings, lang),
            euro(money.costs, lang),
            _money_cell(money.net, lang),
        )
    return table


def case_table(result: Result, limit: int | None = 20, lang: Lang = "nl") -> Table:
    """Cases with the largest absolute net first; ``limit=None`` shows every case."""
    cases = result.cases
    order = cases["net"].abs().sort_values(ascending=False, kind="stable").index
    shown = order if limit is None else order[:limit]
    title = text("per_case", lang)
    if limit is not None and len(cases) > limit:
        title = text("per_case_limited", lang, limit=limit, n=len(cases))
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column(text("case", lang), overflow="fold")
    table.add_column(text("status", lang), no_wrap=True)
    table.add_column(text("months_short", lang), justify="right")
    table.add_column(text("durable_short", lang))
    for key in ("savings", "costs", "net"):
        table.add_column(text(key, lang), justify="right", no_wrap=True)
    rows = cases.loc[shown]
    yes, no = text("yes", lang), text("no", lang)
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
            _short_status(status, lang),
            number(months, 1, lang),
            yes if durable else no,
            euro(savings, lang),
            euro(costs, lang),
            _money_cell(net, lang),
        )
    return table


def group_table(result: Result, lang: Lang = "nl") -> Table | None:
    """The target and the net per municipality or per file (``--by``); the full subtotals
    (savings, costs, net per stakeholder) are in the JSON and the Excel sheet."""
    groups = result.groups
    if groups is None or result.group_by is None:
        return None
    by = group_label(result.group_by, lang)
    table = Table(
        title=text("per_group", lang, by=by),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column(by.capitalize(), overflow="fold")
    for key in ("participants_short", "placed_short", "durable_count_short"):
        table.add_column(text(key, lang), justify="right")
    table.add_column(text("target_short", lang), no_wrap=True)
    table.add_column(text("net", lang), justify="right", no_wrap=True)
    yes, no = text("yes", lang), text("no", lang)
    for name, row in zip(groups.index, groups.to_dict(orient="records"), strict=True):
        share = row["share"]
        goal = (
            f"{percent(share, lang=lang)} {yes if row['met'] else no}" if share is not None else "-"
        )
        table.add_row(
            plain(name),
            str(row["participants"]),
            str(row["placed"]),
            str(row["durable"]),
            goal,
            _money_cell(row["net"], lang),
        )
    return table


def issue_lines(issues: Sequence[InputIssue], lang: Lang = "nl") -> Text:
    """Warnings as lines: place, then the message."""
    lines = Text()
    for position, issue in enumerate(issues):
        if position:
            lines.append("\n")
        lines.append(f"{text('note', lang)} ", style="yellow")
        where = issue_place(issue, lang)
        place = "" if where == "-" else f"{where}: "  # a remark about the run, not a cell
        lines.append(plain(f"{place}{issue_message(issue, lang)}"))
    return lines


def issue_kind(issue: InputIssue, lang: Lang = "nl") -> tuple[str, str]:
    """The word for a problem's severity and its colour: ("fout", "red") or a warning's."""
    error = issue.severity == "fout"
    return text("error" if error else "warning", lang), "red" if error else "yellow"


def place_cells(issue: InputIssue) -> tuple[str, str, str]:
    """Sheet, Excel row and column letter of a problem as shown, "-" where it has none."""
    return (
        plain(issue.sheet or "-").plain,
        str(issue.row) if issue.row is not None else "-",
        issue.column or "-",
    )


def issue_table(issues: Sequence[InputIssue], lang: Lang = "nl") -> Table:
    """Every input problem as one row: (file,) sheet, row, column, kind, message.

    With one file, its name goes in the title so the message column keeps its width.
    """
    files = list(dict.fromkeys(issue.file for issue in issues))
    one_file = len(files) == 1
    title = plain(f"{text('input', lang)}: {files[0]}") if one_file else None
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    if not one_file:
        table.add_column(text("file", lang), overflow="fold")
    table.add_column(text("sheet_title", lang))
    table.add_column(text("row", lang), justify="right")
    table.add_column(text("column", lang))
    table.add_column(text("kind", lang))
    table.add_column(text("message", lang), overflow="fold", ratio=1)
    for issue in issues:
        cells: list[RenderableType] = [] if one_file else [plain(issue.file)]
        word, style = issue_kind(issue, lang)
        cells += [*place_cells(issue), Text(word, style=style), plain(issue_message(issue, lang))]
        table.add_row(*cells)
    return table


def full_report(
    result: Result,
    case_limit: int | None = 20,
    lang: Lang = "nl",
    footer: RenderableType | None = None,
) -> Group:
    """The whole terminal report for ``werkzorg calc``; ``footer`` (the provenance) ends it."""
    # A peildatum long after the file's last date changes every figure below: say so first.
    late = [issue for issue in result.warnings if is_late_peildatum(issue)]
    others = [issue for issue in result.warnings if not is_late_peildatum(issue)]
    parts: list[RenderableType] = [
        Text(text("title", lang), style="bold"),
        header(result, lang),
        Text(""),
    ]
    if late:
        parts += [issue_lines(late, lang), Text("")]
    parts += [
        target_panel(result, lang),
        stakeholder_table(result, lang),
        totals_lines(result, lang),
        Text(""),
    ]
    if result.horizon:
        parts += [parts_table(result, lang), Text("")]
    groups = group_table(result, lang)
    if groups is not None:
        parts += [groups, Text("")]
    parts += beyond_report(result, lang)
    parts.append(case_table(result, case_limit, lang))
    if others:
        parts.append(issue_lines(others, lang))
    if footer is not None:
        parts += [Text(""), footer]
    return Group(*parts)


def _signed_money(value: float, lang: Lang) -> Text:
    shown = euro(value, lang)
    return Text(shown.replace("€ ", "€ +") if round(value, 2) > 0 else shown, style="dim")


def _comparison_table(
    comparison: Comparison, title: str, columns: Sequence[tuple[str, str]], lang: Lang
) -> Table:
    """One row per run, and under each scenario a dim row with its difference from the base."""
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column(text("scenario", lang), overflow="fold")
    for _, label in columns:
        table.add_column(label, justify="right", no_wrap=True)
    overview, differences = comparison.overview, comparison.differences
    for name in comparison.names:
        label = text("base", lang) if name == BASE_NAME else name
        table.add_row(
            plain(label),
            *(_overview_cell(metric, overview.at[metric, name], lang) for metric, _ in columns),
        )
        if name == BASE_NAME:
            continue
        table.add_row(
            Text(f"  Δ {text('base', lang)}", style="dim"),
            *(
                _difference_cell(metric, differences.at[metric, name], lang)
                if metric in differences.index
                else Text("")
                for metric, _ in columns
            ),
        )
    return table


def _overview_cell(metric: str, value: object, lang: Lang) -> Text:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return Text("-")
    if metric == "target_met":
        return Text(text("yes" if value else "no", lang))
    assert isinstance(value, int | float)
    if metric == "horizon_months":
        return Text(str(int(value)))
    if metric == "benefit_cost_ratio":
        return Text(number(value, 2, lang))
    if metric == "target_share":
        return Text(percent(value, 1, lang))
    return _money_cell(value, lang)


def _difference_cell(metric: str, value: object, lang: Lang) -> Text:
    if not isinstance(value, int | float) or pd.isna(value):
        return Text("-", style="dim")
    if metric == "benefit_cost_ratio":
        shown = number(value, 2, lang)
        return Text(f"+{shown}" if round(value, 2) > 0 else shown, style="dim")
    if metric == "horizon_months":
        return Text(f"{int(value):+d}" if value else "0", style="dim")
    return _signed_money(value, lang)


def comparison_report(comparison: Comparison, lang: Lang = "nl") -> Group:
    """The base and every scenario: net per stakeholder, totals, ratio and target."""
    per_stakeholder = _comparison_table(
        comparison,
        text("net_of", lang, name=text("per_stakeholder", lang).lower()),
        [(f"net_{s}", stakeholder_label(s, lang)) for s in STAKEHOLDERS],
        lang,
    )
    totals = _comparison_table(
        comparison,
        text("totals_title", lang),
        [
            ("horizon_months", text("horizon_short", lang)),
            ("savings", text("savings", lang)),
            ("costs", text("costs", lang)),
            ("net", text("net", lang)),
            ("benefit_cost_ratio", text("ratio_short", lang)),
            ("target_met", text("target_short", lang)),
        ],
        lang,
    )
    described = Text()
    for scenario, result in comparison.scenarios:
        described.append(f"{scenario.name}", style="bold")
        described.append(plain(": " + " ".join(scenario.description.split())))
        months = f" ({text('plus_projection', lang, n=result.horizon)})" if result.horizon else ""
        described.append(months + "\n")
        described.append(f"  {verdict(result.target, lang)}\n")
    unlike = Text()
    for name, horizon in comparison.unlike():
        unlike.append(f"{text('note', lang)} ", style="yellow")
        base = comparison.base.horizon
        words = text("unlike_horizon", lang, name=name, months=horizon, base=base)
        unlike.append(plain(words) + "\n")
    return Group(
        Text(text("title", lang), style="bold"),
        header(comparison.base, lang),
        Text(""),
        unlike,
        per_stakeholder,
        totals,
        described,
    )


def parameter_table(parameters: ParameterSet, lang: Lang = "nl") -> Table:
    """Every parameter: value and unit, price year, evidence grade, description and source.

    One block per parameter (two columns) so the sources stay readable at 80 columns.
    """
    info = parameter_info()
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_lines=True)
    table.add_column(text("parameter", lang), no_wrap=True, style="bold")
    table.add_column(text("value", lang), overflow="fold", ratio=1)
    for key, value in parameters.values.flat().items():
        meta = info[key]
        details = Text()
        money = meta.unit.startswith("EUR") and isinstance(value, float)
        details.append(number(value, 2, lang) if money else _value(value, lang), style="bold")
        details.append(f" {meta.unit} · {text('price_year', lang).lower()} {meta.price_year}")
        details.append(f" · {meta.evidence}")
        if meta.low or meta.high:
            low, high = (_value(_typed(bound), lang) for bound in (meta.low, meta.high))
            details.append(f" · {text('range', lang).lower()} {low}–{high}")
        details.append("\n")
        details.append(plain(meta.description))
        details.append("\n")
        source = f"{text('source', lang)}: {meta.source}" + (f" ({meta.url})" if meta.url else "")
        shown_source = plain(source)
        shown_source.stylize("dim")
        details.append_text(shown_source)
        origin = parameters.origins.get(key)
        if origin:
            details.append("\n")
            shown_origin = plain(f"{text('origin', lang)}: {origin}")
            shown_origin.stylize("yellow")
            details.append_text(shown_origin)
        table.add_row(key, details)
    return table
