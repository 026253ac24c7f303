"""Sensitivity and simulation results → Excel, with native charts; writes, computes nothing.

Same conventions as ``excel_out.py`` (write-only workbooks, formats, safe text, atomic writes):
the sensitivity workbook has a tornado bar chart, the simulation workbook a histogram per
stakeholder whose net varies and for the total.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from werkzorg_calc.engine.provenance import Provenance, build_provenance
from werkzorg_calc.engine.uncertainty.display import arguments_text, is_money, parameter_value
from werkzorg_calc.engine.uncertainty.display import target_label as _target_label
from werkzorg_calc.engine.uncertainty.distributions import Distribution
from werkzorg_calc.engine.uncertainty.model import TARGETS
from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult
from werkzorg_calc.engine.uncertainty.simulate import SimulationResult
from werkzorg_calc.text.formatting import number
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.labels import Lang, always_label, bound_label, text
from werkzorg_calc.text.wording import changed_parameters_line, price_level
from werkzorg_calc.write.excel.reference_sheets import provenance_sheet
from werkzorg_calc.write.excel.sheet import DATE, EURO, PERCENT, Sheet, new_workbook
from werkzorg_calc.write.safe_write import atomic_target, check_target

MAX_DRAW_ROWS: Final = 100_000  # a sheet holds about a million rows; this keeps files small
HISTOGRAM_BINS: Final = 30
_BLOCK_ROWS: Final = HISTOGRAM_BINS + 4  # rows per histogram block; its chart fits beside


def _value_format(key: str) -> str | None:
    return EURO if is_money(key) else None


def write_sensitivity_excel(
    result: SensitivityResult,
    path: Path,
    *,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
    provenance: Provenance | None = None,
) -> None:
    """Tornado (table and bar chart), change per stakeholder, break-even values, distributions,
    and the provenance (as ``werkzorg calc`` writes it)."""
    provenance = provenance or build_provenance(result.base, command="sensitivity")
    _write(
        path,
        force=force,
        inputs=inputs,
        sheets=[
            lambda wb: _tornado(wb, result, lang),
            lambda wb: _changes(wb, result, lang),
            lambda wb: _break_even(wb, result, lang),
            lambda wb: _distributions(wb, result.distributions, lang),
            lambda wb: provenance_sheet(wb, provenance, lang),
        ],
    )


def write_simulation_excel(
    result: SimulationResult,
    path: Path,
    *,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
    provenance: Provenance | None = None,
) -> None:
    """Summary, histograms (with charts), the draws themselves, the distributions and the
    provenance."""
    if provenance is None:
        extra = ["--draws", str(result.draws), "--seed", str(result.seed)]
        provenance = build_provenance(result.base, command="simulate", extra=extra)
    _write(
        path,
        force=force,
        inputs=inputs,
        sheets=[
            lambda wb: _simulation(wb, result, lang),
            lambda wb: _histograms(wb, result, lang),
            lambda wb: _draws(wb, result, lang),
            lambda wb: _distributions(wb, result.distributions, lang),
            lambda wb: provenance_sheet(wb, provenance, lang),
        ],
    )


def _write(
    path: Path,
    *,
    force: bool,
    inputs: Sequence[Path],
    sheets: Sequence[Callable[[Workbook], object]],
) -> None:
    """Refuse a bad target first, then build the sheets and save atomically."""
    check_target(path, force=force, inputs=inputs)
    with atomic_target(path, force=force, inputs=inputs) as temporary:
        # Built inside the atomic write: a failure never leaves sheet spool files behind.
        workbook = new_workbook()
        for build in sheets:
            build(workbook)
        workbook.save(temporary)


def _run_rows(sheet: Sheet, result: SensitivityResult | SimulationResult, lang: Lang) -> None:
    base = result.base
    for source in base.sources:
        sheet.row([text("file", lang), source.file])
        sheet.row(["SHA-256", source.sha256])
    sheet.row([text("peildatum", lang), base.peildatum], [None, DATE])
    sheet.row([text("cases", lang), len(base.cases)])
    sheet.row([text("projection_months", lang), base.horizon])
    sheet.row([text("price_level", lang), price_level(base.price_year, lang)])
    changed = changed_parameters_line(base.changed_parameters, base.parameter_origins, lang)
    sheet.row([text("changed_parameters", lang), changed])


def _tornado(workbook: Workbook, result: SensitivityResult, lang: Lang) -> None:
    sheet = Sheet(workbook, text("tornado_sheet", lang), [32, 14, 14, 14, 16, 16, 16, 16, 16])
    sheet.row([text("sensitivity_title", lang)], bold=True)
    _run_rows(sheet, result, lang)
    sheet.row([])
    for target in TARGETS:
        sheet.row(
            [
                f"{text('net_at_values', lang)}: {_target_label(target, lang)}",
                float(result.base_net[target]),
            ],
            [None, EURO],
        )
    sheet.row([])
    labels = [
        text("parameter", lang),
        text("value", lang),
        text("low", lang),
        text("high", lang),
        text("net_low", lang),
        text("net_high", lang),
        text("change_at_low", lang),
        text("change_at_high", lang),
        text("swing", lang),
    ]
    sheet.row(labels, bold=True)
    first = sheet.rows + 1
    tornado = result.tornado
    for key, row in zip(tornado.index, tornado.to_dict("records"), strict=True):
        value_format = _value_format(str(key))
        sheet.row(
            [
                str(key),
                row["value"],
                row["low"],
                row["high"],
                row["net_low"],
                row["net_high"],
                row["change_low"],
                row["change_high"],
                row["swing"],
            ],
            [None, value_format, value_format, value_format, EURO, EURO, EURO, EURO, EURO],
        )
    last = sheet.rows
    if last < first:
        return
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: a tornado
    chart.grouping = "clustered"
    chart.overlap = 100
    chart.title = text("tornado_chart", lang)
    chart.x_axis.scaling.orientation = "maxMin"  # the largest swing on top
    chart.x_axis.tickLblPos = "low"  # parameter names at the left edge, not over the bars
    chart.y_axis.title = text("euro_axis", lang)
    chart.y_axis.numFmt = "#,##0"
    data = Reference(sheet.sheet, min_col=7, max_col=8, min_row=first - 1, max_row=last)
    categories = Reference(sheet.sheet, min_col=1, min_row=first, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.height, chart.width = 11, 22
    sheet.sheet.add_chart(chart, "K3")


def _changes(workbook: Workbook, result: SensitivityResult, lang: Lang) -> None:
    labels = [
        text("parameter", lang),
        bound_label("low", lang).capitalize() + "/" + bound_label("high", lang),
        text("value", lang),
        *(_target_label(target, lang) for target in TARGETS),
    ]
    sheet = Sheet(workbook, text("stakeholder_sheet", lang), [32, 10, 14] + [16] * len(TARGETS))
    sheet.table_header(labels)
    for key in result.parameters:
        value_format = _value_format(key)
        for bound in ("low", "high"):
            row = result.change(key, bound)
            sheet.row(
                [
                    key,
                    bound_label(bound, lang),
                    float(row["value"]),
                    *(float(row[target]) for target in TARGETS),
                ],
                [None, None, value_format] + [EURO] * len(TARGETS),
            )
    sheet.finish_table(len(labels))


def _break_even(workbook: Workbook, result: SensitivityResult, lang: Lang) -> None:
    labels = [
        text("parameter", lang),
        text("target_col", lang),
        text("break_even_value", lang),
        text("outcome", lang),
        text("crossings", lang),
        text("other_values", lang),
        text("net_low", lang),
        text("net_high", lang),
    ]
    sheet = Sheet(workbook, text("break_even_sheet", lang), [32, 18, 16, 16, 12, 24, 16, 16])
    sheet.table_header(labels)
    for key in result.parameters:
        value_format = _value_format(key)
        for target in TARGETS:
            row = result.crossing(key, target)
            status = str(row["status"])
            outcome = (
                text("crosses_zero", lang) if status == "crosses" else always_label(status, lang)
            )
            value = float(row["value"])
            sheet.row(
                [
                    key,
                    _target_label(target, lang),
                    None if status != "crosses" else value,
                    outcome,
                    int(row["crossings"]),
                    "; ".join(parameter_value(key, other, lang) for other in row["others"]) or None,
                    float(row["net_at_low"]),
                    float(row["net_at_high"]),
                ],
                [None, None, value_format, None, None, None, EURO, EURO],
            )
    sheet.finish_table(len(labels))
    sheet.row([])
    sheet.row([text("break_even_legend", lang)])


def _distributions(workbook: Workbook, distributions: tuple[Distribution, ...], lang: Lang) -> None:
    labels = [
        text("parameter", lang),
        text("distribution", lang),
        text("value", lang),
        text("low", lang),
        text("high", lang),
        text("arguments", lang),
        text("justification", lang),
        text("origin", lang),
    ]
    sheet = Sheet(workbook, text("distribution_sheet", lang), [32, 12, 14, 14, 14, 40, 80, 30])
    sheet.table_header(labels)
    for item in distributions:
        value_format = _value_format(item.key)
        arguments = arguments_text(item, lang)
        sheet.row(
            [
                item.key,
                item.kind,
                item.value,
                item.low,
                item.high,
                arguments,
                item.justification,
                item.origin,
            ],
            [None, None, value_format, value_format, value_format],
        )
    sheet.finish_table(len(labels))


def _simulation(workbook: Workbook, result: SimulationResult, lang: Lang) -> None:
    sheet = Sheet(workbook, text("simulation_sheet", lang), [36, 16, 16, 16, 16, 16, 16, 12])
    sheet.row([text("simulation_title", lang)], bold=True)
    _run_rows(sheet, result, lang)
    sheet.row([text("draws", lang), result.draws])
    sheet.row([text("seed", lang), result.seed])
    sheet.row([])
    columns: tuple[LabelKey, ...] = (
        "deterministic",
        "mean",
        "sd",
        "p5",
        "p50",
        "p95",
        "chance_positive",
    )
    sheet.row([text("stakeholder", lang), *(text(key, lang) for key in columns)], bold=True)
    formats = [None] + [EURO] * 6 + [PERCENT]
    for target, row in zip(result.summary.index, result.summary.to_dict("records"), strict=True):
        sheet.row([_target_label(str(target), lang), *(row[key] for key in columns)], formats)
    sheet.row([])
    sheet.row([text("simulation_legend", lang)])
    sheet.row([])
    target, base = result.target, result.base.target
    sheet.row([text("target_header", lang), text("value", lang)], bold=True)
    sheet.row([text("participants", lang), base.participants])
    counted: LabelKey = "durable_full" if base.basis == "durable" else "placed_full"
    sheet.row([text(counted, lang), base.count])
    sheet.row([text("share", lang), target.share], [None, PERCENT])
    sheet.row([text("bootstrap_low", lang), target.low], [None, PERCENT])
    sheet.row([text("bootstrap_high", lang), target.high], [None, PERCENT])
    sheet.row([text("target_share", lang), base.target_share], [None, PERCENT])
    sheet.row([text("chance_met", lang), target.chance_met], [None, PERCENT])


def _histograms(workbook: Workbook, result: SimulationResult, lang: Lang) -> None:
    """One block per target whose net varies (and always the total), each with its chart."""
    sheet = Sheet(workbook, text("histogram_sheet", lang), [24, 16, 16, 10, 10])
    draws = number(result.draws, 0, lang)
    for target in TARGETS:
        histogram = result.histogram(target, HISTOGRAM_BINS)
        if len(histogram) < 2 and target != "total":
            continue  # the same net in every draw: nothing to chart
        label = _target_label(target, lang)
        start = sheet.rows + 1
        sheet.row([f"{text('target_col', lang)} {label}"], bold=True)
        sheet.row(
            [
                text("euro_axis", lang),
                text("bin_low", lang),
                text("bin_high", lang),
                text("count", lang),
                text("share", lang),
            ],
            bold=True,
        )
        first = sheet.rows + 1
        for low, high, count, share in zip(
            histogram["low"].tolist(),
            histogram["high"].tolist(),
            histogram["count"].tolist(),
            histogram["share"].tolist(),
            strict=True,
        ):
            middle = number(round((low + high) / 2), 0, lang)
            sheet.row([middle, low, high, count, share], [None, EURO, EURO, None, PERCENT])
        chart = BarChart()
        chart.type = "col"
        chart.gapWidth = 0  # adjacent bars: a histogram
        chart.title = text("histogram_chart", lang, target=label, draws=draws, count=result.draws)
        chart.legend = None
        chart.y_axis.title = text("share_of_draws", lang)
        chart.y_axis.numFmt = "0%"
        chart.x_axis.title = text("euro_axis", lang)
        data = Reference(sheet.sheet, min_col=5, min_row=first, max_row=sheet.rows)
        chart.add_data(data, titles_from_data=False)
        chart.set_categories(Reference(sheet.sheet, min_col=1, min_row=first, max_row=sheet.rows))
        chart.height, chart.width = 8, 18
        sheet.sheet.add_chart(chart, f"G{start}")
        while sheet.rows < start + _BLOCK_ROWS:  # room for the chart before the next block
            sheet.row([])


def _draws(workbook: Workbook, result: SimulationResult, lang: Lang) -> None:
    keys = list(result.values.columns)
    labels = [
        text("draw", lang),
        *keys,
        *(f"{text('target_col', lang)} {_target_label(t, lang)}" for t in TARGETS),
    ]
    sheet = Sheet(workbook, text("draws_sheet", lang), [10] + [18] * (len(labels) - 1))
    sheet.table_header(labels)
    shown = min(result.draws, MAX_DRAW_ROWS)
    values = result.values.iloc[:shown].to_numpy().tolist()
    nets = result.nets.iloc[:shown].to_numpy().tolist()
    formats = [None, *(_value_format(key) for key in keys)] + [EURO] * len(TARGETS)
    for position, (drawn, net) in enumerate(zip(values, nets, strict=True), start=1):
        sheet.row([position, *drawn, *net], formats)
    sheet.finish_table(len(labels))
    if shown < result.draws:
        sheet.row([])
        sheet.row(
            [
                text(
                    "draws_capped",
                    lang,
                    shown=number(shown, 0, lang),
                    total=number(result.draws, 0, lang),
                )
            ]
        )
