"""Results → Excel workbooks a policy advisor can forward and a controller can recalculate.

The summary workbook calculates by itself. ``Per casus`` holds each case's inputs and works out
every line item with an Excel formula over the inputs on its own row and the named parameter
cells of ``Parameters`` (``jobcoach_hour_rate``, ``deadweight``, …); ``Per partij`` and
``Samenvatting`` add those cells up with formulas. Change a parameter value in Excel or
LibreOffice, recalculate, and every figure that depends on it follows.

Every formula cell also stores the value werkzorg computed, so a reader that does not calculate
(a previewer, pandas, a phone) still shows the numbers. openpyxl writes a formula with an empty
value (``<f>…</f><v/>``) and has no way to set it, so after saving we fill in each formula
cell's ``<v>`` in the sheet XML, streaming row by row. The same pass makes the package
reproducible: fixed zip entry dates and a fixed ``modified`` time in ``docProps/core.xml``
(openpyxl stamps it with the time of saving), unless a timestamp is asked for.

Written in openpyxl's streaming (write-only) mode, to a temporary file beside the target that is
renamed into place only when complete. The case rows, the one part that grows with the file, are
serialised here rather than cell by cell by openpyxl (``Sheet.fast_rows``): 100,000 cases take
seconds instead of minutes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter

from werkzorg_calc.domain.columns import BY_FIELD, MONEY_FIELDS, STATUSES
from werkzorg_calc.domain.items import COST_IDS, ITEM_IDS, SAVING_IDS
from werkzorg_calc.domain.parameters import parameter_info
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.domain.target import Z95
from werkzorg_calc.engine.calc import MONEY_PARAMETERS
from werkzorg_calc.engine.compare import BASE_NAME, Comparison
from werkzorg_calc.engine.explain import (
    MONTHLY_IDS,
    assumption_note,
    effective_parameter,
    monthly_amounts,
    projection_factors,
    projection_months,
    used_inputs,
)
from werkzorg_calc.engine.provenance import Provenance, build_provenance
from werkzorg_calc.text.labels import Lang, item_label, stakeholder_label, status_label, text
from werkzorg_calc.text.wording import changed_parameters_line, price_level, verdict
from werkzorg_calc.write.excel.finish import SheetExtras, finish_package
from werkzorg_calc.write.excel.sheet import (
    DATE,
    DECIMAL,
    EURO,
    FIXED_TIME,
    MONTHS,
    PERCENT,
    Formula,
    Names,
    Noted,
    Sheet,
    new_workbook,
    parameter_name,
    quoted,
    sheet_title,
)
from werkzorg_calc.write.safe_write import atomic_target, check_target

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.result import Result
    from werkzorg_calc.domain.target import TargetResult

_SPOOL_BYTES = 32 * 1024 * 1024  # case rows stay in memory up to this size, then go to disk


def write_excel(
    result: Result,
    path: Path,
    *,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
    cases: CaseTable | None = None,
    provenance: Provenance | None = None,
) -> None:
    """Write the summary workbook of one result to ``path`` atomically.

    With ``cases`` (the table ``result`` was calculated from) the sheet ``Per casus`` holds
    every input and calculates each line item with a live formula; without it the line items
    are the tool's values and only the sums above them are formulas. ``provenance`` (default:
    built from the result) fills the sheet ``Verantwoording``; its ``created`` time, if any,
    is the workbook's time stamp.
    """
    check_target(path, force=force, inputs=inputs)  # refuse before any work is done
    provenance = provenance or build_provenance(result)
    layout = _CaseLayout(result, cases, lang)
    # The workbook is built inside: openpyxl spools sheets to temporary files, so nothing is
    # spooled when the target folder turns out not to be writable.
    with (
        atomic_target(path, force=force, inputs=inputs) as temporary,
        tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8") as spool,
    ):
        workbook = new_workbook(provenance.created)
        names = Names(workbook)
        sheets = [_summary(workbook, result, lang, live=_Live(layout, names))]
        sheets.append(_stakeholders(workbook, result, lang, layout))
        if result.groups is not None:
            sheets.append(_groups(workbook, result, lang))
        sheets.append(_cases(workbook, result, lang, layout, spool))
        sheets.append(_parameters(workbook, result, lang, names))
        sheets.append(_checks(workbook, result, lang))
        sheets.append(_provenance(workbook, provenance, lang))
        workbook.save(temporary)
        _finish(temporary, sheets, provenance.created)


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
    with atomic_target(path, force=force, inputs=inputs) as temporary:
        workbook = new_workbook(None)
        sheets = [_overview(workbook, comparison, lang)]
        used = {text("overview_sheet", lang).lower()}
        runs = [(text("base", lang), comparison.base)]
        runs += [(scenario.name, result) for scenario, result in comparison.scenarios]
        for name, result in runs:
            title = sheet_title(name, used)
            sheets.append(_summary(workbook, result, lang, title=title))
        workbook.save(temporary)
        _finish(temporary, sheets, None)


# --- Per casus: the layout every formula refers to -------------------------------------------


@dataclass(frozen=True, slots=True)
class _Column:
    key: str
    label: str
    width: float
    format: str | None


class _CaseLayout:
    """The columns of ``Per casus`` and the values and formulas of each case's row."""

    def __init__(self, result: Result, cases: CaseTable | None, lang: Lang) -> None:
        self.result, self.lang, self.live = result, lang, cases is not None
        self.title = text("case_sheet", lang)
        self.yes, self.no = text("yes", lang), text("no", lang)
        self.columns = self._columns(len(result.sources) > 1)
        self.letters = {
            column.key: get_column_letter(number)
            for number, column in enumerate(self.columns, start=1)
        }
        self.count = len(result.cases)
        self.last_row = max(self.count + 1, 2)  # an empty table still gives a valid range
        self.cases = cases

    def _columns(self, several_files: bool) -> list[_Column]:
        lang = self.lang

        def label(key: str) -> str:
            return text(key, lang)

        columns = [
            _Column("case_id", label("case"), 14, None),
            *([_Column("file", label("file"), 24, None)] if several_files else []),
            _Column("row", label("in_input_row"), 8, None),
            _Column("status", label("status"), 15, None),
            _Column("municipality", label("municipality"), 16, None),
            _Column("trajectory_start", label("trajectory_start"), 12, DATE),
            _Column("job_start", label("job_start"), 12, DATE),
            _Column("job_end", label("job_end"), 12, DATE),
            _Column("hours_per_week", label("hours_per_week"), 9, DECIMAL),
        ]
        if self.live:
            for field in _INPUT_FIELDS:
                header = BY_FIELD[field].header if lang == "nl" else field
                number_format = EURO if field in MONEY_FIELDS else DECIMAL
                columns.append(
                    _Column(
                        f"in_{field}",
                        header,
                        14,
                        None if field == "benefit_type" else number_format,
                    )
                )
        columns += [
            _Column("work_months", label("work_months"), 10, MONTHS),
            _Column("working", label("working"), 10, None),
            _Column("durable", label("durable"), 10, None),
            _Column("projection_months", label("projection_months_case"), 10, None),
            _Column("projection_factor", label("projection_factor"), 12, MONTHS),
            _Column("benefit_payer", label("benefit_payer"), 14, None),
        ]
        if self.live:
            columns += [
                _Column(
                    f"m_{item}", text("per_month_of", lang, item=item_label(item, lang)), 14, EURO
                )
                for item in MONTHLY_IDS
            ]
        columns += [_Column(item, item_label(item, lang), 16, EURO) for item in ITEM_IDS]
        columns += [_Column(key, label(key), 16, EURO) for key in ("savings", "costs", "net")]
        columns += [
            _Column(f"p_{item}", text("projected_of", lang, item=item_label(item, lang)), 16, EURO)
            for item in MONTHLY_IDS
        ]
        columns.append(_Column("imputed", label("imputed"), 30, None))
        return columns

    def ref(self, key: str, row: int) -> str:
        """A cell on this sheet, relative (``AB12``)."""
        return f"{self.letters[key]}{row}"

    def range(self, key: str) -> str:
        """The whole column of cases, from another sheet: ``'Per casus'!$AB$2:$AB$30``."""
        letter = self.letters[key]
        return f"{quoted(self.title)}!${letter}$2:${letter}${self.last_row}"

    def rows(self) -> Iterator[list[object]]:
        """The cells of every case's row, in column order (whole columns, zipped once)."""
        result = self.result
        count = len(result.cases)
        cases = _records(result.cases)
        imputed = _records(result.imputed)
        items = _records(result.items[list(ITEM_IDS)])
        projected = _records(result.projected[list(MONTHLY_IDS)])
        payers = result.payers["benefit"].tolist()
        months = projection_months(result).tolist()
        factors = projection_factors(result).tolist()
        inputs: list[dict[str, Any]] = [{}] * count
        used: list[dict[str, Any]] = [{}] * count
        monthly: list[dict[str, Any]] = [{}] * count
        if self.cases is not None:
            used_frame = used_inputs(result, self.cases)
            inputs = _records(self.cases.frame[list(_INPUT_FIELDS)])
            used = _records(used_frame)
            monthly = _records(monthly_amounts(result, used_frame))
        for position in range(count):
            number = position + 2
            case = _Case(
                number,
                cases[position],
                imputed[position],
                payers[position],
                months[position],
                factors[position],
                items[position],
                projected[position],
                inputs[position],
                used[position],
                monthly[position],
            )
            cells = self._fixed(case)
            if self.live:
                cells.update(self._inputs(case))
            cells.update(self._derived(case))
            cells.update(self._items(case))
            yield [cells.get(column.key) for column in self.columns]

    def _fixed(self, case: _Case) -> dict[str, object]:
        row = case.row
        assumed = ", ".join(field for field, flag in case.imputed.items() if flag)
        return {
            "case_id": row["case_id"],
            "file": row["file"],
            "row": int(row["row"]),
            "status": status_label(str(row["status"]), self.lang),
            "municipality": row["municipality"],
            "trajectory_start": row["trajectory_start"],
            "job_start": row["job_start"],
            "job_end": row["job_end"],
            "hours_per_week": row["hours_per_week"],
            "imputed": assumed or None,
        }

    def _inputs(self, case: _Case) -> dict[str, object]:
        """Input cells as the sum used them; an imputed value is a formula or a note saying why."""
        result, lang = self.result, self.lang
        factor = result.price_factors.get("cases")
        cells: dict[str, object] = {}
        for field in _INPUT_FIELDS:
            given = case.inputs[field]
            if _missing(given):
                given = None
            elif field in MONEY_FIELDS and factor is not None:
                given = given * factor  # the same product calc.py uses
            cells[f"in_{field}"] = given
        imputed, used = case.imputed, case.used

        def note(field: str) -> str:
            return assumption_note(result, field, lang)

        if imputed["benefit_before"]:
            cells["in_benefit_before"] = Formula(
                parameter_name("benefit_default_month"),
                float(used["benefit_before"]),
                note("benefit_before"),
            )
        if imputed["mhc_after"]:
            cells["in_mhc_after"] = Formula(
                f"{self.ref('in_mhc_before', case.number)}*(1-mhc_reduction_when_working)",
                float(used["mhc_after"]),
                note("mhc_after"),
            )
        if imputed["mhc_before"]:
            cells["in_mhc_before"] = Noted(0.0, note("mhc_before"))
        if imputed["counselling_hours"]:
            cells["in_counselling_hours"] = Noted(None, note("counselling_hours"))
        return cells

    def _derived(self, case: _Case) -> dict[str, object]:
        """Months, working, durable, projection and the benefit's payer for one case."""
        row, payer = case.row, case.payer
        values: dict[str, object] = {
            "work_months": float(row["work_months"]),
            "working": self.yes if row["working_at_peildatum"] else self.no,
            "durable": self.yes if row["durable"] else self.no,
            "projection_months": int(case.months),
            "projection_factor": float(case.factor),
            "benefit_payer": "" if _missing(payer) else str(payer),
        }
        if not self.live:
            return values
        number = case.number

        def r(key: str) -> str:
            return self.ref(key, number)

        start, end, hours = r("job_start"), r("job_end"), r("hours_per_week")
        work, working = r("work_months"), r("working")
        n, kind = r("projection_months"), r("in_benefit_type")
        yes, no = f'"{self.yes}"', f'"{self.no}"'
        formulas = {
            "work_months": f'IF({start}="",0,MAX(0,IF(AND({end}<>"",{end}<peildatum),{end},'
            f"peildatum)-{start})/30.4375)",
            "working": f'IF(AND({start}<>"",{start}<=peildatum,OR({end}="",{end}>peildatum)),'
            f"{yes},{no})",
            "durable": f"IF(AND({working}={yes},{work}>=durable_months,"
            f'OR({hours}="",{hours}>=durable_min_hours)),{yes},{no})',
            "projection_months": f"IF({working}={yes},INT(MIN(horizon,"
            f'IF({end}="",horizon,MAX(0,{end}-peildatum)/30.4375))),0)',
            "projection_factor": f"IF({n}=0,0,IF(maandfactor=1,{n},"
            f"maandfactor*(1-maandfactor^{n})/(1-maandfactor)))",
            "benefit_payer": f'IF({kind}="geen","",IF(OR({kind}="",{kind}="participatiewet"),'
            f'"municipality","uwv"))',
        }
        return {key: Formula(formulas[key], value) for key, value in values.items()}

    def _items(self, case: _Case) -> dict[str, object]:
        """Monthly amounts, line items, the case's sums and the projected parts."""
        number, row = case.number, case.row

        def r(key: str) -> str:
            return self.ref(key, number)

        items = {item: _money(case.items[item]) for item in ITEM_IDS}
        projected = {item: _money(case.projected[item]) for item in MONTHLY_IDS}
        cells: dict[str, object] = {
            "savings": Formula(
                f"SUM({r(SAVING_IDS[0])}:{r(SAVING_IDS[-1])})", _money(row["savings"])
            ),
            "costs": Formula(f"0-SUM({r(COST_IDS[0])}:{r(COST_IDS[-1])})", _money(row["costs"])),
            "net": Formula(f"{r('savings')}-{r('costs')}", _money(row["net"])),
        }
        if not self.live:
            cells.update(items)
            cells.update({f"p_{item}": value for item, value in projected.items()})
            return cells
        months = f"({r('work_months')}+{r('projection_factor')})"
        kind, after = r("in_benefit_type"), r("in_benefit_after")
        keep = "(1-deadweight)"
        monthly = {
            "benefit": f'IF({kind}="geen",0,({r("in_benefit_before")}-{after})*{keep})',
            "benefit_administration": f'IF(AND({kind}<>"geen",{after}=0),'
            f"benefit_admin_cost_year/12*{keep},0)",
            "wmo": f"({r('in_wmo_before')}-{r('in_wmo_after')})*{keep}",
            "mental_health_care": f"({r('in_mhc_before')}-{r('in_mhc_after')})*{keep}",
            "wage_subsidy": f"0-{r('in_wage_subsidy_month')}",
        }
        for item in MONTHLY_IDS:
            cells[f"m_{item}"] = Formula(monthly[item], _money(case.monthly[item]))
            cells[item] = Formula(f"{r(f'm_{item}')}*{months}", items[item])
            cells[f"p_{item}"] = Formula(
                f"{r(f'm_{item}')}*{r('projection_factor')}", projected[item]
            )
        hours = r("in_counselling_hours")
        one_off = {
            "counselling": f'0-IF({hours}="",counselling_cost_per_trajectory,'
            f"{hours}*counselling_hour_rate)",
            "jobcoach": f"0-{r('in_jobcoach_hours')}*jobcoach_hour_rate",
            "mediation": f"0-{r('in_mediation_cost')}",
            "no_risk": f"0-{r('in_no_risk_cost')}",
            "insurer_contribution": f"0-{r('in_insurer_contribution')}",
        }
        for item, formula in one_off.items():
            cells[item] = Formula(formula, items[item])
        return cells


@dataclass(frozen=True, slots=True)
class _Case:
    """One case's values from every frame, as plain dictionaries."""

    number: int
    row: dict[str, Any]
    imputed: dict[str, Any]
    payer: object
    months: float
    factor: float
    items: dict[str, Any]
    projected: dict[str, Any]
    inputs: dict[str, Any]
    used: dict[str, Any]
    monthly: dict[str, Any]


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(key): value for key, value in row.items()} for row in frame.to_dict("records")]


_INPUT_FIELDS = (
    "benefit_before",
    "benefit_after",
    "benefit_type",
    "wmo_before",
    "wmo_after",
    "mhc_before",
    "mhc_after",
    "jobcoach_hours",
    "counselling_hours",
    "mediation_cost",
    "wage_subsidy_month",
    "no_risk_cost",
    "insurer_contribution",
)


def _missing(value: Any) -> bool:
    """None, NaN or NaT: an empty cell."""
    return not isinstance(value, str) and (value is None or bool(pd.isna(value)))


def _money(value: object) -> float:
    """A computed amount as a cell value; ``+ 0.0`` turns -0.0 into 0.0."""
    assert isinstance(value, int | float)
    return float(value) + 0.0


# --- Samenvatting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Live:
    """What the summary's formulas refer to: the case layout and the defined names."""

    layout: _CaseLayout
    names: Names


_STAKEHOLDER_FIRST_ROW = 2  # on Per partij, below its header


def _partij(column: str, row: int, lang: Lang) -> str:
    return f"{quoted(text('stakeholder_sheet', lang))}!{column}{row}"


def _summary(
    workbook: Workbook,
    result: Result,
    lang: Lang,
    title: str | None = None,
    live: _Live | None = None,
) -> Sheet:
    """Verdict, run settings, target, totals and stakeholders; with ``live``, as formulas."""
    sheet = Sheet(workbook, title or text("summary_sheet", lang), [36, 18, 18, 18])
    sheet.row([text("title", lang)], bold=True)
    sheet.row([verdict(result.target, lang)], bold=True)
    sheet.row([])
    _run_rows(sheet, result, lang, live)
    sheet.row([])
    counts = _target_rows(sheet, result.target, lang, live.layout if live else None)
    sheet.row([])
    _total_rows(sheet, result, lang, counts)
    sheet.row([])
    _stakeholder_rows(sheet, result, lang, live is not None)
    return sheet


def _run_rows(sheet: Sheet, result: Result, lang: Lang, live: _Live | None) -> None:
    """Files, peildatum, horizon (named cells when live), price level, changed parameters."""
    for source in result.sources:
        sheet.row([text("file", lang), source.file])
        sheet.row([text("sheet_title", lang), source.sheet or "-"])
        sheet.row(["SHA-256", source.sha256])
    day = sheet.row([text("peildatum", lang), result.peildatum], [None, DATE])
    sheet.row([text("cases", lang), len(result.cases)])
    horizon = sheet.row([text("projection_months", lang), result.horizon])
    if live is not None:
        live.names.define("peildatum", sheet.title, "B", day)
        live.names.define("horizon", sheet.title, "B", horizon)
        params = result.parameters
        q = (params.retention_per_year / (1 + params.discount_rate)) ** (1 / 12)
        formula = Formula("(retention_per_year/(1+discount_rate))^(1/12)", q)
        factor = sheet.row([text("month_factor", lang), formula], [None, "0.000000000"])
        live.names.define("maandfactor", sheet.title, "B", factor)
    sheet.row([text("price_level", lang), price_level(result.price_year, lang)])
    changed = changed_parameters_line(result.changed_parameters, result.parameter_origins, lang)
    sheet.row([text("changed_parameters", lang), changed])


def _total_rows(sheet: Sheet, result: Result, lang: Lang, counts: tuple[str, str] | None) -> None:
    """Realised, projected and total money, the ratio and the averages."""
    totals = result.totals
    money = [None, EURO, EURO, EURO]
    sheet.row(
        [text("totals", lang), *(text(k, lang) for k in ("savings", "costs", "net"))], bold=True
    )
    total_row = _STAKEHOLDER_FIRST_ROW + len(STAKEHOLDERS)
    parts = (
        ("realised", totals.realised, "EFG"),
        ("projected", totals.projected, "HIJ"),
        ("total", totals.all, "BCD"),
    )
    for key, part, columns in parts:
        values: list[object] = [part.savings, part.costs, part.net]
        if counts is not None:
            values = [
                Formula(_partij(column, total_row, lang), value)
                for column, value in zip(columns, values, strict=True)
            ]
        sheet.row([text(key, lang), *values], money)
    ratio: object = totals.benefit_cost_ratio
    per_participant: object = totals.net_per_participant
    per_placed: object = totals.net_per_placed
    if counts is not None:
        savings, costs, net = (_partij(c, total_row, lang) for c in "BCD")
        participants, placed = counts
        ratio = Formula(f'IF({costs}=0,"",{savings}/{costs})', ratio)
        per_participant = Formula(f'IF({participants}=0,"",{net}/{participants})', per_participant)
        per_placed = Formula(f'IF({placed}=0,"",{net}/{placed})', per_placed)
    sheet.row([text("ratio", lang), ratio], [None, DECIMAL])
    sheet.row([text("net_per_participant", lang), per_participant], [None, EURO])
    sheet.row([text("per_placed", lang).capitalize(), per_placed], [None, EURO])


def _stakeholder_rows(sheet: Sheet, result: Result, lang: Lang, live: bool) -> None:
    """Savings, costs and net per stakeholder, and a bar chart of them."""
    sheet.row(
        [text("stakeholder", lang), *(text(k, lang) for k in ("savings", "costs", "net"))],
        bold=True,
    )
    first = sheet.rows + 1
    frame = result.stakeholders
    for position, (name, savings, costs, net) in enumerate(
        zip(frame.index, frame["savings"], frame["costs"], frame["net"], strict=True)
    ):
        amounts: list[object] = [savings, costs, net]
        if live:
            row = _STAKEHOLDER_FIRST_ROW + position
            amounts = [
                Formula(_partij(column, row, lang), value)
                for column, value in zip("BCD", amounts, strict=True)
            ]
        sheet.row([stakeholder_label(str(name), lang), *amounts], [None, EURO, EURO, EURO])
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


def _target_rows(
    sheet: Sheet, target: TargetResult, lang: Lang, layout: _CaseLayout | None
) -> tuple[str, str] | None:
    """The target block; with ``layout`` every figure counts the ``Per casus`` rows.

    Returns the cells holding the participants and the placed count, for the averages.
    """
    sheet.row([text("target_header", lang), text("value", lang)], bold=True)
    if layout is None:
        _static_target_rows(sheet, target, lang)
        return None
    yes, no = f'"{layout.yes}"', f'"{layout.no}"'
    number = sheet.rows + 1
    n = f"B{number}"
    sheet.row(
        [
            text("participants", lang),
            Formula(f"COUNTA({layout.range('case_id')})", target.participants),
        ]
    )
    for status in STATUSES:
        label = status_label(status, lang)
        formula = Formula(f'COUNTIF({layout.range("status")},"{label}")', target.by_status[status])
        sheet.row([f"  {label}", formula])
    placed = f"B{sheet.rows + 1}"
    sheet.row(
        [
            text("placed_full", lang),
            Formula(f"COUNTIF({layout.range('working')},{yes})", target.placed),
        ]
    )
    durable = f"B{sheet.rows + 1}"
    sheet.row(
        [
            text("durable_full", lang),
            Formula(f"COUNTIF({layout.range('durable')},{yes})", target.durable),
        ]
    )
    count = f'IF(target_basis="placed",{placed},{durable})'
    share = f"B{sheet.rows + 1}"
    sheet.row(
        [text("share", lang), Formula(f'IF({n}=0,"",{count}/{n})', target.share)], [None, PERCENT]
    )
    z = repr(Z95)
    root = f"{z}*SQRT({share}*(1-{share})/{n}+{z}^2/(4*{n}^2))"
    centre = f"{share}+{z}^2/(2*{n})"
    low, high = target.interval95 if target.interval95 is not None else (None, None)
    sheet.row(
        [
            text("interval_low", lang),
            Formula(f'IF({n}=0,"",MAX(0,({centre}-{root})/(1+{z}^2/{n})))', low),
        ],
        [None, PERCENT],
    )
    sheet.row(
        [
            text("interval_high", lang),
            Formula(f'IF({n}=0,"",MIN(1,({centre}+{root})/(1+{z}^2/{n})))', high),
        ],
        [None, PERCENT],
    )
    sheet.row(
        [text("target_share", lang), Formula("target_share", target.target_share)], [None, PERCENT]
    )
    met = (
        f"IF({n}=0,{no},IF(AND({count}/{n}>=target_share,"
        f'OR(target_count="",{count}>=target_count)),{yes},{no}))'
    )
    sheet.row([text("met", lang), Formula(met, layout.yes if target.met else layout.no)])
    return n, placed


def _static_target_rows(sheet: Sheet, target: TargetResult, lang: Lang) -> None:
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


# --- Per partij -------------------------------------------------------------------------------

_PARTS = ("", "realised_", "projected_")
_CHOSEN_PAYER = ("counselling", "jobcoach", "mediation")  # payer is a parameter
_FIXED_PAYER = {
    "wmo": "municipality",
    "mental_health_care": "health_insurer",
    "wage_subsidy": "municipality",
    "no_risk": "uwv",
    "insurer_contribution": "health_insurer",
}


def _stakeholder_formulas(stakeholder: str, layout: _CaseLayout) -> tuple[str, str, str, str]:
    """Savings and costs of one stakeholder, whole and projected, summed from ``Per casus``."""
    payer = layout.range("benefit_payer")

    def savings(prefix: str) -> str:
        terms = [
            f'SUMIF({payer},"{stakeholder}",{layout.range(prefix + item)})'
            for item in ("benefit", "benefit_administration")
        ]
        terms += [
            f"SUM({layout.range(prefix + item)})"
            for item in ("wmo", "mental_health_care")
            if _FIXED_PAYER[item] == stakeholder
        ]
        return "+".join(terms)

    costs = [
        f'IF({parameter_name("payers." + item)}="{stakeholder}",SUM({layout.range(item)}),0)'
        for item in _CHOSEN_PAYER
    ]
    costs += [
        f"SUM({layout.range(item)})" for item in COST_IDS if _FIXED_PAYER.get(item) == stakeholder
    ]
    projected_costs = "0"
    if stakeholder == _FIXED_PAYER["wage_subsidy"]:
        projected_costs = f"0-SUM({layout.range('p_wage_subsidy')})"
    return savings(""), "0-(" + "+".join(costs) + ")", savings("p_"), projected_costs


def _stakeholders(workbook: Workbook, result: Result, lang: Lang, layout: _CaseLayout) -> Sheet:
    measures = ("savings", "costs", "net")
    labels = [text("stakeholder", lang)]
    for prefix in _PARTS:
        for measure in measures:
            label = text(measure, lang)
            labels.append(label if not prefix else f"{text(prefix[:-1], lang)}: {label.lower()}")
    sheet = Sheet(workbook, text("stakeholder_sheet", lang), [18] + [16] * (len(labels) - 1))
    sheet.table_header(labels)
    columns = [f"{prefix}{measure}" for prefix in _PARTS for measure in measures]
    formats = [None] + [EURO] * len(columns)
    frame = result.stakeholders
    for name in frame.index:
        number = sheet.rows + 1
        values = {column: _money(frame.at[name, column]) for column in columns}
        savings, costs, projected_savings, projected_costs = _stakeholder_formulas(
            str(name), layout
        )
        cells = [
            Formula(savings, values["savings"]),
            Formula(costs, values["costs"]),
            Formula(f"B{number}-C{number}", values["net"]),
            Formula(f"B{number}-H{number}", values["realised_savings"]),
            Formula(f"C{number}-I{number}", values["realised_costs"]),
            Formula(f"E{number}-F{number}", values["realised_net"]),
            Formula(projected_savings, values["projected_savings"]),
            Formula(projected_costs, values["projected_costs"]),
            Formula(f"H{number}-I{number}", values["projected_net"]),
        ]
        sheet.row([stakeholder_label(str(name), lang), *cells], formats)
    sheet.finish_table(len(labels))
    totals = result.totals
    first, last = _STAKEHOLDER_FIRST_ROW, sheet.rows
    parts = (totals.all, totals.realised, totals.projected)
    sums = [
        Formula(f"SUM({letter}{first}:{letter}{last})", _money(getattr(part, measure)))
        for letter, (part, measure) in zip(
            "BCDEFGHIJ", ((p, m) for p in parts for m in measures), strict=True
        )
    ]
    sheet.row([text("total", lang), *sums], formats, bold=True)
    return sheet


def _groups(workbook: Workbook, result: Result, lang: Lang) -> Sheet:
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
    sheet = Sheet(workbook, text("group_sheet", lang), [22, 12, 12, 12, 10, 10] + [16] * 7)
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
    return sheet


_GROUP_FIXED = ("participants", "placed", "durable", "share", "met", "savings", "costs", "net")


def _cases(
    workbook: Workbook, result: Result, lang: Lang, layout: _CaseLayout, spool: IO[str]
) -> Sheet:
    columns = layout.columns
    sheet = Sheet(workbook, layout.title, [column.width for column in columns])
    sheet.table_header([column.label for column in columns])
    sheet.fast_rows(layout.rows(), [column.format for column in columns], spool)
    sheet.finish_table(len(columns))
    return sheet


# --- Parameters, Controle, Verantwoording ------------------------------------------------------


def _parameters(workbook: Workbook, result: Result, lang: Lang, names: Names) -> Sheet:
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
        text("price_factor", lang),
        text("used", lang),
    ]
    sheet = Sheet(
        workbook,
        text("parameter_sheet", lang),
        [30, 50, 14, 14, 22, 10, 12, 60, 40, 40, 12, 14],
    )
    sheet.table_header(labels)
    info = parameter_info()
    for key, value in result.parameters.flat().items():
        meta = info[key]
        number = sheet.rows + 1
        indexing: list[object] = []
        if key in MONEY_PARAMETERS:
            factor = result.price_factors.get(key, 1.0)
            indexing = [factor, Formula(f"C{number}*K{number}", effective_parameter(result, key))]
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
                *indexing,
            ],
            [None] * 10 + ["0.0000", None],
        )
        names.define(parameter_name(key), sheet.title, "L" if indexing else "C", number)
    sheet.finish_table(len(labels))
    return sheet


def _typed(value: str) -> float | str | None:
    """A default from the parameter file as a number where it is one."""
    if value == "":
        return None
    try:
        return float(value)
    except ValueError:
        return value


def _checks(workbook: Workbook, result: Result, lang: Lang) -> Sheet:
    labels = [
        text("kind", lang),
        text("file", lang),
        text("sheet_title", lang),
        text("row", lang),
        text("column", lang),
        text("case", lang),
        text("message", lang),
    ]
    sheet = Sheet(workbook, text("check_sheet", lang), [14, 30, 14, 8, 8, 14, 90])
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
    return sheet


def _provenance(workbook: Workbook, provenance: Provenance, lang: Lang) -> Sheet:
    sheet = Sheet(workbook, text("provenance_sheet", lang), [30, 70, 18, 40])
    sheet.row([text("provenance_title", lang)], bold=True)
    sheet.row([text("program", lang), f"{provenance.program} {provenance.version}"])
    sheet.row([text("created", lang), provenance.created_text or text("not_recorded", lang)])
    for item in provenance.inputs:
        sheet.row([text("file", lang), item.file])
        sheet.row(["SHA-256", item.sha256])
        sheet.row([text("sheet_title", lang), item.sheet or "-"])
        sheet.row([text("header_row", lang), item.header_row])
        sheet.row([text("cases", lang), item.cases])
    sheet.row([text("peildatum", lang), provenance.peildatum], [None, DATE])
    sheet.row([text("horizon_months", lang), provenance.horizon])
    sheet.row([text("price_level", lang), price_level(provenance.price_year, lang)])
    sheet.row([text("parameter_set", lang), provenance.parameters_sha256])
    sheet.row([text("command", lang), provenance.command])
    sheet.row([])
    sheet.row(
        [
            text("overrides", lang),
            text("value", lang),
            text("default", lang),
            text("origin", lang),
        ],
        bold=True,
    )
    for change in provenance.changes:
        sheet.row([change.key, _shown(change.value), _shown(change.default), change.origin])
    if not provenance.changes:
        sheet.row([text("none_defaults", lang)])
    sheet.row([])
    sheet.row([text("provenance_note", lang)])
    return sheet


def _shown(value: object) -> object:
    return value if isinstance(value, int | float | str) or value is None else str(value)


# --- the comparison overview --------------------------------------------------------------------


def _overview(workbook: Workbook, comparison: Comparison, lang: Lang) -> Sheet:
    names = comparison.names
    shown = [text("base", lang) if name == BASE_NAME else name for name in names]
    labels = [text("key_figure", lang), *shown, *(f"Δ {name}" for name in shown[1:])]
    sheet = Sheet(workbook, text("overview_sheet", lang), [28] + [18] * (len(labels) - 1))
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
    return sheet


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


def _finish(path: Path, sheets: Sequence[Sheet], created: datetime | None) -> None:
    """Fill in every formula cell's stored value and make the package reproducible."""
    parts = {
        sheet.sheet.path.lstrip("/"): SheetExtras(sheet.cached, sheet.extra) for sheet in sheets
    }
    finish_package(path, parts, created or FIXED_TIME)
