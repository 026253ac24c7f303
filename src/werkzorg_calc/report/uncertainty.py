"""Sensitivity and simulation results → Rich renderables (returned, not printed).

A tornado table with text bars (the change of the total net with each parameter at its low
and high value, largest swing first), the change per stakeholder, the break-even values, and
the simulation summary. Amounts in whole euros where a table would not fit 80 columns with
cents; every number in the language's notation (``formatting.py``).
"""

# Like report.py, this module builds rich renderables for the CLI.

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from werkzorg_calc.engine.uncertainty.display import (
    arguments_text,
    bootstrap_sentence,
    parameter_value,
    target_label,
    whole_euro,
)
from werkzorg_calc.engine.uncertainty.distributions import Distribution
from werkzorg_calc.engine.uncertainty.model import TARGETS
from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult
from werkzorg_calc.engine.uncertainty.simulate import SimulationResult
from werkzorg_calc.report.results import header
from werkzorg_calc.text.formatting import number, percent
from werkzorg_calc.text.labels import Lang, always_label, bound_label, stakeholder_label, text

HALF_BAR = 8  # characters on each side of the tornado's axis
LOW_MARK, HIGH_MARK = "░", "█"


def _amount(value: float, lang: Lang) -> Text:
    """Whole euros without the sign, for a table whose title says "in euro"."""
    rounded = round(value)
    return Text(
        number(float(rounded) if rounded else 0.0, 0, lang), style="red" if rounded < 0 else ""
    )


def _signed(value: float, lang: Lang) -> Text:
    shown = whole_euro(value, lang)
    if round(value) > 0:
        shown = shown.replace("€ ", "€ +")
    return Text(shown, style="red" if round(value) < 0 else "")


def tornado_bar(change_low: float, change_high: float, largest: float) -> Text:
    """Both changes as bars from a central axis: ░ at the low value, █ at the high value.

    Negative changes go left, positive right; the longer bar is drawn first so the shorter
    one stays visible on top of it.
    """
    cells = [" "] * (2 * HALF_BAR)
    styles = [""] * (2 * HALF_BAR)
    bars = sorted(
        ((change_low, LOW_MARK, "cyan"), (change_high, HIGH_MARK, "magenta")),
        key=lambda bar: -abs(bar[0]),
    )
    for change, mark, style in bars:
        length = round(abs(change) / largest * HALF_BAR) if largest > 0 else 0
        span = (
            range(HALF_BAR - length, HALF_BAR) if change < 0 else range(HALF_BAR, HALF_BAR + length)
        )
        for position in span:
            cells[position], styles[position] = mark, style
    bar = Text()
    for position, (cell, style) in enumerate(zip(cells, styles, strict=True)):
        if position == HALF_BAR:
            bar.append("│", style="dim")
        bar.append(cell, style=style)
    return bar


def _table(title: str) -> Table:
    return Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,  # no blank edge columns: the break-even table needs all 80
        pad_edge=False,
        collapse_padding=True,
    )


def _parameter_cell(key: str, low: float, high: float, lang: Lang) -> Text:
    cell = Text(key)
    cell.append(
        f"\n  {parameter_value(key, low, lang)} – {parameter_value(key, high, lang)}", style="dim"
    )
    return cell


def tornado_table(result: SensitivityResult, lang: Lang = "nl") -> Table:
    """One row per parameter (with its range), largest swing of the total net first."""
    tornado = result.tornado
    table = _table(text("tornado_title", lang))
    table.add_column(f"{text('parameter', lang)} ({text('range', lang).lower()})")
    table.add_column(text("change_at_low", lang), justify="right", no_wrap=True)
    table.add_column(text("change_at_high", lang), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    largest = float(tornado[["change_low", "change_high"]].abs().to_numpy().max(initial=0.0))
    for key, low, high, change_low, change_high in zip(
        tornado.index.tolist(),
        tornado["low"].tolist(),
        tornado["high"].tolist(),
        tornado["change_low"].tolist(),
        tornado["change_high"].tolist(),
        strict=True,
    ):
        table.add_row(
            _parameter_cell(str(key), low, high, lang),
            _signed(change_low, lang),
            _signed(change_high, lang),
            tornado_bar(change_low, change_high, largest),
        )
    return table


def silent_stakeholders(result: SensitivityResult) -> list[str]:
    """Stakeholders whose net is 0 over every parameter's whole range (they have no items)."""
    frame = result.break_even
    return [
        target
        for target in TARGETS
        if target != "total"
        and (frame.xs(target, level="target")["status"] == "zero").all()
        and not frame.empty
    ]


def _shown_stakeholders(result: SensitivityResult) -> list[str]:
    silent = silent_stakeholders(result)
    return [target for target in TARGETS if target != "total" and target not in silent]


def stakeholder_change_table(result: SensitivityResult, lang: Lang = "nl") -> Table:
    """The change in net per stakeholder at each parameter's low and high value."""
    table = _table(text("change_per_stakeholder", lang))
    table.add_column(text("parameter", lang))
    table.add_column("", no_wrap=True)
    stakeholders = _shown_stakeholders(result)
    for stakeholder in stakeholders:
        table.add_column(stakeholder_label(stakeholder, lang), justify="right", no_wrap=True)
    for key in result.parameters:
        for bound in ("low", "high"):
            row = result.change(key, bound)
            table.add_row(
                key if bound == "low" else "",
                bound_label(bound, lang),
                *(_signed(float(row[s]), lang) for s in stakeholders),
                end_section=bound == "high",
            )
    return table


def _break_even_cell(key: str, status: str, value: float, lang: Lang) -> Text:
    if status == "crosses":
        return Text(parameter_value(key, value, lang), style="bold")
    return Text(always_label(status, lang), style="dim")


def break_even_table(result: SensitivityResult, lang: Lang = "nl") -> Table:
    """Per parameter, the value at which the total net and each stakeholder's net is zero."""
    table = _table(text("break_even_title", lang))
    table.add_column(text("parameter", lang))
    order = ("total", *_shown_stakeholders(result))
    for target in order:
        table.add_column(target_label(target, lang), justify="right", no_wrap=True)
    for key in result.parameters:
        crossings = [result.crossing(key, target) for target in order]
        cells = [
            _break_even_cell(key, str(row["status"]), float(row["value"]), lang)
            for row in crossings
        ]
        table.add_row(key, *cells)
    return table


def _silent_line(result: SensitivityResult, lang: Lang) -> Text | None:
    silent = silent_stakeholders(result)
    if not silent:
        return None
    names = ", ".join(stakeholder_label(s, lang) for s in silent)
    return Text(text("silent_stakeholders", lang, names=names), style="dim")


def _base_line(result: SensitivityResult, lang: Lang) -> Text:
    parts = [
        f"{target_label(target, lang)} {whole_euro(float(result.base_net[target]), lang)}"
        for target in TARGETS
    ]
    return Text(f"{text('net_at_values', lang)}: " + " · ".join(parts))


def _several_crossings(result: SensitivityResult, lang: Lang) -> Text | None:
    frame = result.break_even
    several = frame[frame["crossings"] > 1]
    if several.empty:
        return None
    lines = Text()
    for (key, target), others in zip(several.index, several["others"], strict=True):
        shown = ", ".join(parameter_value(str(key), value, lang) for value in others)
        lines.append(
            text("more_crossings", lang, parameter=key, target=target_label(target, lang))
            + f": {shown}\n",
            style="yellow",
        )
    return lines


def sensitivity_report(result: SensitivityResult, lang: Lang = "nl") -> Group:
    """The whole terminal report of ``werkzorg sensitivity``."""
    parts: list[RenderableType] = [
        Text(text("sensitivity_title", lang), style="bold"),
        header(result.base, lang),
        Text(""),
        _base_line(result, lang),
        Text(""),
    ]
    if result.tornado.empty:
        parts.append(Text(text("nothing_uncertain", lang), style="yellow"))
        return Group(*parts)
    parts += [
        tornado_table(result, lang),
        Text(""),
        Text(text("tornado_legend", lang, low=LOW_MARK, high=HIGH_MARK), style="dim"),
        Text(""),
        stakeholder_change_table(result, lang),
        Text(""),
        break_even_table(result, lang),
        Text(""),
        Text(text("break_even_legend", lang), style="dim"),
    ]
    silent = _silent_line(result, lang)
    if silent is not None:
        parts.append(silent)
    crossings = _several_crossings(result, lang)
    if crossings is not None:
        parts.append(crossings)
    return Group(*parts)


def distribution_table(distributions: tuple[Distribution, ...], lang: Lang = "nl") -> Table:
    """The drawn parameters: distribution and its arguments; where it was set if not default."""
    table = _table(text("distributions_title", lang))
    table.add_column(text("parameter", lang), overflow="fold")
    table.add_column(text("distribution", lang), no_wrap=True)
    table.add_column(text("arguments", lang), overflow="fold")
    for item in distributions:
        if not item.uncertain:
            continue
        arguments = Text(arguments_text(item, lang))
        if item.origin != "standaardverdelingen":
            arguments.append(f" ({item.origin})", style="yellow")
        table.add_row(item.key, item.kind, arguments)
    return table


def simulation_table(result: SimulationResult, lang: Lang = "nl") -> Table:
    """Per stakeholder and in total: the deterministic net, mean, P5, P50, P95, chance > 0."""
    table = _table(
        text(
            "simulation_table_title",
            lang,
            draws=number(result.draws, 0, lang),
            count=result.draws,
        )
    )
    table.add_column(text("stakeholder", lang), no_wrap=True)
    for key in ("deterministic", "mean", "p5", "p50", "p95", "chance_positive"):
        table.add_column(text(key, lang), justify="right", no_wrap=True)
    summary = result.summary
    for target, row in zip(summary.index, summary.to_dict("records"), strict=True):
        table.add_row(
            target_label(str(target), lang),
            _amount(row["deterministic"], lang),
            _amount(row["mean"], lang),
            _amount(row["p5"], lang),
            _amount(row["p50"], lang),
            _amount(row["p95"], lang),
            percent(row["chance_positive"], 0, lang),
            end_section=target == "care_provider",
        )
    return table


def bootstrap_line(result: SimulationResult, lang: Lang = "nl") -> Text:
    """The pilot target's share with its bootstrap interval and the chance it is met."""
    target, base = result.target, result.base.target
    line = Text(bootstrap_sentence(result, lang))
    if base.interval95 is not None:
        # calc and simulate both show an interval for the same share; say which is which.
        wilson_low, wilson_high = base.interval95
        line.append("\n")
        line.append(
            text(
                "interval_difference",
                lang,
                wilson_low=percent(wilson_low, 0, lang),
                wilson_high=percent(wilson_high, 0, lang),
                participants=base.participants,
                replicates=number(target.replicates, 0, lang),
            ),
            style="dim",
        )
    return line


def _short(value: float, lang: Lang) -> str:
    """Two decimals for amounts, three for shares and rates."""
    return number(value, 2 if abs(value) >= 10 else 3, lang)


def _off_centre_note(result: SimulationResult, lang: Lang) -> list[RenderableType]:
    """Say which parameters are drawn away from their chosen value, if any."""
    shifted = result.off_centre()
    if not shifted:
        return []
    items = "; ".join(
        f"{key} {_short(value, lang)} → {_short(drawn, lang)}" for key, value, drawn in shifted
    )
    return [Text(""), Text(text("off_centre", lang, items=items), style="yellow")]


def simulation_report(result: SimulationResult, lang: Lang = "nl") -> Group:
    """The whole terminal report of ``werkzorg simulate``."""
    settings = text(
        "simulation_settings",
        lang,
        draws=number(result.draws, 0, lang),
        seed=result.seed,
        n=len(result.uncertain),
    )
    parts: list[RenderableType] = [
        Text(text("simulation_title", lang), style="bold"),
        header(result.base, lang),
        Text(settings),
        Text(""),
        simulation_table(result, lang),
        Text(""),
        Text(text("simulation_legend", lang), style="dim"),
        *_off_centre_note(result, lang),
        Text(""),
        bootstrap_line(result, lang),
        Text(""),
    ]
    if result.uncertain:
        parts.append(distribution_table(result.distributions, lang))
    else:
        parts.append(Text(text("nothing_uncertain", lang), style="yellow"))
    return Group(*parts)
