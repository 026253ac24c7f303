"""Results → Excel workbooks a policy advisor can forward; writes, computes nothing.

Written in openpyxl's streaming (write-only) mode so 100,000 cases stay cheap, to a temporary
file beside the target that is renamed into place only when complete.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from werkzorg_calc.columns import STATUSES
from werkzorg_calc.compare import BASE_NAME, Comparison
from werkzorg_calc.items import ITEM_IDS
from werkzorg_calc.labels import Lang, item_label, stakeholder_label, status_label, text
from werkzorg_calc.parameters import parameter_info
from werkzorg_calc.wording import verdict

from .safe_write import atomic_target, check_target

if TYPE_CHECKING:
    from werkzorg_calc.result import Result
    from werkzorg_calc.target import TargetResult

EURO = '"€" #,##0.00;"€" -#,##0.00'
DATE = "DD-MM-YYYY"
DECIMAL = "0.00"
PERCENT = "0.0%"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# A fixed timestamp keeps the workbook identical between runs on the same input.
_FIXED_TIME = datetime(2000, 1, 1)
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def write_excel(
    result: Result,
    path: Path,
    *,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
) -> None:
    """Write the summary workbook of one result to ``path`` atomically."""
    check_target(path, force=force, inputs=inputs)  # refuse before any work is done
    workbook = _new_workbook()
    _summary(workbook, result, lang)
    _stakeholders(workbook, result, lang)
    if result.groups is not None:
        _groups(workbook, result, lang)
    _cases(workbook, result, lang)
    _parameters(workbook, result, lang)
    _checks(workbook, result, lang)
    with atomic_target(path, force=force, inputs=inputs) as temporary:
        workbook.save(temporary)


def write_comparison_excel(
    comparison: Comparison,
    path: Path,
    *,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
) -> None:
    """An overview sheet with every run side by side, then one sheet per run."""
    check_target(path, force=force, inputs=inputs)
    workbook = _new_workbook()
    _overview(workbook, comparison, lang)
    used = {text("overview_sheet", lang).lower()}
    runs = [(text("base", lang), comparison.base)]
    runs += [(scenario.name, result) for scenario, result in comparison.scenarios]
    for name, result in runs:
        title = _sheet_title(name, used)
        _summary(workbook, result, lang, title=title)
    with atomic_target(path, force=force, inputs=inputs) as temporary:
        workbook.save(temporary)


def _new_workbook() -> Workbook:
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "werkzorg"
    workbook.properties.created = _FIXED_TIME
    workbook.properties.modified = _FIXED_TIME
    return workbook


def _sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters."""
    base = _SHEET_NAME_BAD.sub("_", name).strip("'") or "scenario"
    title = base[:31]
    number = 2
    while title.lower() in used:
        suffix = f" ({number})"
        title = base[: 31 - len(suffix)] + suffix
        number += 1
    used.add(title.lower())
    return title


class _Sheet:
    """Appends rows to a write-only sheet, giving each cell its style and safe text."""

    def __init__(self, workbook: Workbook, title: str, widths: Sequence[float]) -> None:
        # Any: openpyxl's stubs describe the ordinary sheet, not the write-only one we get.
        self.sheet: Any = workbook.create_sheet(title)
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.rows = 0
        self.header_row = 1

    def row(
        self, values: Iterable[Any], formats: Sequence[str | None] = (), bold: bool = False
    ) -> None:
        """Append one row; text that looks like a formula is stored as text."""
        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(self.sheet, value=_cell_value(value))
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                # Text that looks like a formula stays text (no formula injection).
                cell.data_type = "s"
                cell.quotePrefix = True
            number_format = formats[index] if index < len(formats) else None
            if number_format and cell.value is not None:
                cell.number_format = number_format
            if bold:
                cell.font = Font(bold=True)
            cells.append(cell)
        self.sheet.append(cells)
        self.rows += 1

    def table_header(self, labels: Sequence[str]) -> None:
        """Bold header row; freeze it and put an autofilter on the table below it.

        A write-only sheet writes its view settings with the first row, so the panes are
        frozen before anything is appended.
        """
        if self.rows == 0:
            self.sheet.freeze_panes = "A2"
        self.row(labels, bold=True)
        self.header_row = self.rows

    def finish_table(self, columns: int) -> None:
        """Put the autofilter over the header and every row appended since."""
        last = get_column_letter(columns)
        self.sheet.auto_filter.ref = f"A{self.header_row}:{last}{max(self.rows, self.header_row)}"


def _cell_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp or NaT
        return None if pd.isna(value) else value.to_pydatetime().date()
    return value


def _summary(workbook: Workbook, result: Result, lang: Lang, title: str | None = None) -> None:
    sheet = _Sheet(workbook, title or text("summary_sheet", lang), [36, 18, 18, 18])
    target, totals = result.target, result.totals
    sheet.row([text("title", lang)], bold=True)
    sheet.row([verdict(target, lang)], bold=True)
    sheet.row([])
    for source in result.sources:
        sheet.row([text("file", lang), source.file])
        sheet.row([text("sheet_title", lang), source.sheet or "-"])
        sheet.row(["SHA-256", source.sha256])
    sheet.row([text("peildatum", lang), result.peildatum], [None, DATE])
    sheet.row([text("cases", lang), len(result.cases)])
    sheet.row([text("projection_months", lang), result.horizon])
    level = (
        text("nominal", lang)
        if result.price_year is None
        else text("prices_of", lang, year=result.price_year)
    )
    sheet.row([text("price_level", lang), level])
    changed = "; ".join(
        f"{key} = {value} ({result.parameter_origins.get(key, '')})"
        for key, value in result.changed_parameters.items()
    )
    sheet.row([text("changed_parameters", lang), changed or text("none_defaults", lang)])
    sheet.row([])
    _target_rows(sheet, target, lang)
    sheet.row([])
    money = [None, EURO, EURO, EURO]
    sheet.row(
        [text("totals", lang), *(text(k, lang) for k in ("savings", "costs", "net"))], bold=True
    )
    for key, part in (
        ("realised", totals.realised),
        ("projected", totals.projected),
        ("total", totals.all),
    ):
        sheet.row([text(key, lang), part.savings, part.costs, part.net], money)
    sheet.row([text("ratio", lang), totals.benefit_cost_ratio], [None, DECIMAL])
    sheet.row([text("net_per_participant", lang), totals.net_per_participant], [None, EURO])
    sheet.row([text("per_placed", lang).capitalize(), totals.net_per_placed], [None, EURO])
    sheet.row([])
    sheet.row(
        [text("stakeholder", lang), *(text(k, lang) for k in ("savings", "costs", "net"))],
        bold=True,
    )
    first = sheet.rows + 1
    frame = result.stakeholders
    for name, savings, costs, net in zip(
        frame.index, frame["savings"], frame["costs"], frame["net"], strict=True
    ):
        sheet.row([stakeholder_label(str(name), lang), savings, costs, net], money)
    last = sheet.rows
    chart = BarChart()
    chart.type = "col"
    chart.title = text("chart_title", lang)
    chart.y_axis.title = "euro"
    chart.y_axis.numFmt = "#,##0"
    data = Reference(sheet.sheet, min_col=2, max_col=3, min_row=first - 1, max_row=last)
    labels = Reference(sheet.sheet, min_col=1, min_row=first, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.height, chart.width = 8, 16
    sheet.sheet.add_chart(chart, "F3")


def _target_rows(sheet: _Sheet, target: TargetResult, lang: Lang) -> None:
    sheet.row([text("target_header", lang), text("value", lang)], bold=True)
    sheet.row([text("participants", lang), target.participants])
    for status in STATUSES:
        sheet.row([f"  {status_label(status, lang)}", target.by_status[status]])
    sheet.row([text("placed_full", lang), target.placed])
    sheet.row([text("durable_full", lang), target.durable])
    sheet.row([text("share", lang), target.share], [None, PERCENT])
    low, high = target.interval95 if target.interval95 is not None else (None, None)
    sheet.row([text("interval_low", lang), low], [None, PERCENT])
    sheet.row([text("interval_high", lang), high], [None, PERCENT])
    sheet.row([text("target_share", lang), target.target_share], [None, PERCENT])
    sheet.row([text("met", lang), text("yes" if target.met else "no", lang)])


_PARTS = ("", "realised_", "projected_")


def _stakeholders(workbook: Workbook, result: Result, lang: Lang) -> None:
    measures = ("savings", "costs", "net")
    labels = [text("stakeholder", lang)]
    for prefix in _PARTS:
        for measure in measures:
            label = text(measure, lang)
            labels.append(label if not prefix else f"{text(prefix[:-1], lang)}: {label.lower()}")
    sheet = _Sheet(workbook, text("stakeholder_sheet", lang), [18] + [16] * (len(labels) - 1))
    sheet.table_header(labels)
    columns = [f"{prefix}{measure}" for prefix in _PARTS for measure in measures]
    formats = [None] + [EURO] * len(columns)
    frame = result.stakeholders
    for name, values in zip(frame.index, frame[columns].to_numpy().tolist(), strict=True):
        sheet.row([stakeholder_label(str(name), lang), *values], formats)
    sheet.finish_table(len(labels))
    totals = result.totals
    sheet.row(
        [
            text("total", lang),
            *(
                getattr(part, measure)
                for part in (totals.all, totals.realised, totals.projected)
                for measure in measures
            ),
        ],
        formats,
        bold=True,
    )


def _groups(workbook: Workbook, result: Result, lang: Lang) -> None:
    groups = result.groups
    assert groups is not None and result.group_by is not None
    by = text(f"group_{result.group_by}", lang).capitalize()
    stakeholders = [name for name in groups.columns if name not in _GROUP_FIXED]
    labels = [
        by,
        text("participants", lang),
        text("placed_full", lang),
        text("durable_full", lang),
        text("share", lang),
        text("met", lang),
        text("savings", lang),
        text("costs", lang),
        text("net", lang),
        *(text("net_of", lang, name=stakeholder_label(s, lang)) for s in stakeholders),
    ]
    sheet = _Sheet(workbook, text("group_sheet", lang), [22, 12, 12, 12, 10, 10] + [16] * 7)
    sheet.table_header(labels)
    formats = [None, None, None, None, PERCENT, None] + [EURO] * (3 + len(stakeholders))
    yes, no = text("yes", lang), text("no", lang)
    for name, row in zip(groups.index, groups.to_dict(orient="records"), strict=True):
        sheet.row(
            [
                name,
                row["participants"],
                row["placed"],
                row["durable"],
                row["share"],
                yes if row["met"] else no,
                row["savings"],
                row["costs"],
                row["net"],
                *(row[s] for s in stakeholders),
            ],
            formats,
        )
    sheet.finish_table(len(labels))


_GROUP_FIXED = ("participants", "placed", "durable", "share", "met", "savings", "costs", "net")


def _cases(workbook: Workbook, result: Result, lang: Lang) -> None:
    cases = result.cases
    several_files = len(result.sources) > 1
    labels = [
        text("case", lang),
        *([text("file", lang)] if several_files else []),
        text("in_input_row", lang),
        text("status", lang),
        text("municipality", lang),
        text("trajectory_start", lang),
        text("job_start", lang),
        text("job_end", lang),
        text("hours_per_week", lang),
        text("work_months", lang),
        text("working", lang),
        text("durable", lang),
        *(item_label(item, lang) for item in ITEM_IDS),
        text("savings", lang),
        text("costs", lang),
        text("net", lang),
        text("imputed", lang),
    ]
    lead = [14, *([24] if several_files else []), 8]
    widths = [*lead, 15, 16, 12, 12, 12, 9, 9, 10, 10] + [16] * (len(ITEM_IDS) + 3) + [30]
    sheet = _Sheet(workbook, text("case_sheet", lang), widths)
    sheet.table_header(labels)
    formats = [None] * (len(lead) + 2) + [DATE, DATE, DATE, DECIMAL, DECIMAL, None, None]
    formats += [EURO] * (len(ITEM_IDS) + 3)
    columns = [
        "case_id",
        *(["file"] if several_files else []),
        "row",
        "status",
        "municipality",
        "trajectory_start",
        "job_start",
        "job_end",
        "hours_per_week",
        "work_months",
        "working_at_peildatum",
        "durable",
    ]
    inputs = zip(*(cases[column].tolist() for column in columns), strict=True)
    items = result.items[list(ITEM_IDS)].to_numpy().tolist()
    sums = cases[["savings", "costs", "net"]].to_numpy().tolist()
    imputed_fields = list(result.imputed.columns)
    imputed = result.imputed.to_numpy().tolist()
    yes, no = text("yes", lang), text("no", lang)
    status_at = columns.index("status")
    flags_at = (columns.index("working_at_peildatum"), columns.index("durable"))
    for values, amounts, totals, flags in zip(inputs, items, sums, imputed, strict=True):
        row = list(values)
        row[status_at] = status_label(row[status_at], lang)
        for position in flags_at:
            row[position] = yes if row[position] else no
        assumed = ", ".join(f for f, flag in zip(imputed_fields, flags, strict=True) if flag)
        sheet.row([*row, *amounts, *totals, assumed or None], formats)
    sheet.finish_table(len(labels))


def _parameters(workbook: Workbook, result: Result, lang: Lang) -> None:
    labels = [
        text("parameter", lang),
        text("description_col", lang),
        text("value", lang),
        text("default", lang),
        text("unit", lang),
        text("price_year", lang),
        text("evidence", lang),
        text("source", lang),
        "URL",
        text("origin", lang),
    ]
    sheet = _Sheet(
        workbook, text("parameter_sheet", lang), [30, 50, 14, 14, 22, 10, 12, 60, 40, 40]
    )
    sheet.table_header(labels)
    info = parameter_info()
    for key, value in result.parameters.flat().items():
        meta = info[key]
        sheet.row(
            [
                key,
                meta.description,
                value,
                _typed(meta.default),
                meta.unit,
                meta.price_year,
                meta.evidence,
                meta.source,
                meta.url or None,
                result.parameter_origins.get(key),
            ]
        )
    sheet.finish_table(len(labels))


def _typed(value: str) -> float | str | None:
    """A default from the parameter file as a number where it is one."""
    if value == "":
        return None
    try:
        return float(value)
    except ValueError:
        return value


def _checks(workbook: Workbook, result: Result, lang: Lang) -> None:
    labels = [
        text("kind", lang),
        text("file", lang),
        text("sheet_title", lang),
        text("row", lang),
        text("column", lang),
        text("case", lang),
        text("message", lang),
    ]
    sheet = _Sheet(workbook, text("check_sheet", lang), [14, 30, 14, 8, 8, 14, 90])
    sheet.table_header(labels)
    for issue in result.warnings:
        sheet.row(
            [
                text("warning", lang),
                issue.file,
                issue.sheet,
                issue.row,
                issue.column,
                None,
                issue.message,
            ]
        )
    flagged = result.imputed.any(axis=1)
    cases = result.cases.loc[flagged]
    imputed = result.imputed.loc[flagged]
    sources = {source.file: source for source in result.sources}
    for (case_id, row, file), flags in zip(
        zip(cases["case_id"].tolist(), cases["row"].tolist(), cases["file"].tolist(), strict=True),
        imputed.to_numpy().tolist(),
        strict=True,
    ):
        source = sources[file]
        for field, flag in zip(imputed.columns, flags, strict=True):
            if flag:
                sheet.row(
                    [
                        text("imputed_kind", lang),
                        file,
                        source.sheet,
                        row,
                        source.columns.get(field),
                        case_id,
                        text("imputed_message", lang, field=field),
                    ]
                )
    if not result.warnings and not flagged.any():
        sheet.row(["-", None, None, None, None, None, text("no_messages", lang)])
    sheet.finish_table(len(labels))


def _overview(workbook: Workbook, comparison: Comparison, lang: Lang) -> None:
    names = comparison.names
    shown = [text("base", lang) if name == BASE_NAME else name for name in names]
    labels = [text("key_figure", lang), *shown, *(f"Δ {name}" for name in shown[1:])]
    sheet = _Sheet(workbook, text("overview_sheet", lang), [28] + [18] * (len(labels) - 1))
    sheet.table_header(labels)
    for key in comparison.overview.index:
        metric = str(key)
        values = [comparison.overview.at[metric, name] for name in names]
        if metric in comparison.differences.index:
            values += [comparison.differences.at[metric, name] for name in names[1:]]
        else:
            values += [None] * (len(names) - 1)
        number_format = {"benefit_cost_ratio": DECIMAL, "target_share": PERCENT}.get(metric, EURO)
        if metric == "target_met":
            values = [text("yes" if v else "no", lang) if v is not None else None for v in values]
            number_format = ""
        sheet.row([_metric_name(metric, lang), *values], [None] + [number_format] * len(values))
    sheet.finish_table(len(labels))
    sheet.row([])
    for scenario, _ in comparison.scenarios:
        sheet.row([scenario.name, scenario.description.strip(), scenario.file])


def _metric_name(metric: str, lang: Lang) -> str:
    if metric.startswith("net_"):
        return text("net_of", lang, name=stakeholder_label(metric.removeprefix("net_"), lang))
    keys = {
        "savings": "savings",
        "costs": "costs",
        "net": "net",
        "benefit_cost_ratio": "ratio",
        "target_share": "target_share_row",
        "target_met": "target_met_row",
    }
    return text(keys[metric], lang)
