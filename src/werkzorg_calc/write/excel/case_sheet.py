"""The sheet ``Per casus``: each case's inputs and every line item as a live formula."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from werkzorg_calc.domain.columns import BY_FIELD, MONEY_FIELDS
from werkzorg_calc.domain.items import BY_ID, COST_IDS, ITEM_IDS, SAVING_IDS
from werkzorg_calc.engine.explain import assumption_note
from werkzorg_calc.engine.trace import (
    MONTHLY_IDS,
    benefit_projection_factors,
    monthly_amounts,
    projection_factors,
    projection_months,
    used_inputs,
)
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.labels import Lang, item_label, stakeholder_label, status_label, text
from werkzorg_calc.write.excel.sheet import (
    DATE,
    DECIMAL,
    EURO,
    MONTHS,
    MONTHS_SHOWN,
    Formula,
    Noted,
    Sheet,
    parameter_name,
    quoted,
)

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.result import Result


@dataclass(frozen=True, slots=True)
class CaseColumn:
    key: str
    label: str
    width: float
    format: str | None


class CaseLayout:
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

    def _columns(self, several_files: bool) -> list[CaseColumn]:
        lang = self.lang

        def label(key: LabelKey) -> str:
            return text(key, lang)

        columns = [
            CaseColumn("case_id", label("case"), 14, None),
            *([CaseColumn("file", label("file"), 24, None)] if several_files else []),
            CaseColumn("row", label("in_input_row"), 8, None),
            CaseColumn("status", label("status"), 15, None),
            CaseColumn("municipality", label("municipality"), 16, None),
            CaseColumn("trajectory_start", label("trajectory_start"), 12, DATE),
            CaseColumn("job_start", label("job_start"), 12, DATE),
            CaseColumn("job_end", label("job_end"), 12, DATE),
            CaseColumn("hours_per_week", label("hours_per_week"), 9, DECIMAL),
        ]
        if self.live:
            for field in _INPUT_FIELDS:
                header = BY_FIELD[field].header if lang == "nl" else field
                number_format = EURO if field in MONEY_FIELDS else DECIMAL
                columns.append(
                    CaseColumn(
                        f"in_{field}",
                        header,
                        14,
                        None if field == "benefit_type" else number_format,
                    )
                )
        columns += [
            CaseColumn("work_months", label("work_months"), 10, MONTHS_SHOWN),
            CaseColumn("working", label("working"), 10, None),
            CaseColumn("durable", label("durable"), 10, None),
            CaseColumn("projection_months", label("projection_months_case"), 10, None),
            CaseColumn("projection_factor", label("projection_factor"), 12, MONTHS),
            CaseColumn("projection_factor_benefit", label("projection_factor_benefit"), 12, MONTHS),
            CaseColumn("benefit_payer", label("benefit_payer"), 14, None),
            CaseColumn("counselling_payer", label("counselling_payer"), 14, None),
        ]
        if self.live:
            columns += [
                CaseColumn(
                    f"m_{item}", text("per_month_of", lang, item=item_label(item, lang)), 14, EURO
                )
                for item in MONTHLY_IDS
            ]
        columns += [CaseColumn(item, item_label(item, lang), 16, EURO) for item in ITEM_IDS]
        columns += [CaseColumn(key, label(key), 16, EURO) for key in ("savings", "costs", "net")]
        columns += [
            CaseColumn(
                f"p_{item}", text("projected_of", lang, item=item_label(item, lang)), 16, EURO
            )
            for item in MONTHLY_IDS
        ]
        columns.append(CaseColumn("imputed", label("imputed"), 30, None))
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
        benefit_factors = benefit_projection_factors(result).tolist()
        counselling_payers = result.payers["counselling"].tolist()
        shares = result.inputs["rijk_share"].tolist()
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
                benefit_factors[position],
                counselling_payers[position],
                float(shares[position]),
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
            if is_missing(given):
                given = None
            elif field in MONEY_FIELDS and factor is not None:
                given = given * factor  # the same product calc.py uses
            cells[f"in_{field}"] = given
        imputed, used = case.imputed, case.used

        def note(field: str) -> str:
            return assumption_note(result, field, lang, case.number - 2)

        if imputed["benefit_before"]:
            default = parameter_name("benefit_default_month")
            norm = case.row["benefit_norm_month"]
            # The dated norm over the days worked (L1) is a per-day integral: written as its
            # derived number, so the formulas over it stay live.
            formula = default if is_missing(norm) else f'IF({default}="",{float(norm)!r},{default})'
            cells["in_benefit_before"] = Formula(
                formula, float(used["benefit_before"]), note("benefit_before")
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
            "projection_factor_benefit": float(case.benefit_factor),
            # The party by its name in the workbook's language, as everywhere else in it.
            "benefit_payer": "" if is_missing(payer) else stakeholder_label(str(payer), self.lang),
            "counselling_payer": str(case.counselling_payer),
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
            "projection_factor_benefit": f"IF({n}=0,0,IF(maandfactor_uitkering=1,{n},"
            f"maandfactor_uitkering*(1-maandfactor_uitkering^{n})/(1-maandfactor_uitkering)))",
            # C1 is a dated rule (items.counselling_payer): its outcome, with the override live.
            "counselling_payer": f'IF(payers_counselling="","{case.counselling_payer}",'
            "payers_counselling)",
            "benefit_payer": f'IF({kind}="geen","",IF(OR({kind}="",{kind}="participatiewet"),'
            f'"{stakeholder_label("municipality", self.lang)}",'
            f'"{stakeholder_label("uwv", self.lang)}"))',
        }
        return {key: Formula(formulas[key], value) for key, value in values.items()}

    def _items(self, case: _Case) -> dict[str, object]:
        """Monthly amounts, line items, the case's sums and the projected parts."""
        number, row = case.number, case.row

        def r(key: str) -> str:
            return self.ref(key, number)

        items = {item: money_value(case.items[item]) for item in ITEM_IDS}
        projected = {item: money_value(case.projected[item]) for item in MONTHLY_IDS}
        cells: dict[str, object] = {
            "savings": Formula(
                f"SUM({r(SAVING_IDS[0])}:{r(SAVING_IDS[-1])})", money_value(row["savings"])
            ),
            "costs": Formula(
                f"0-SUM({r(COST_IDS[0])}:{r(COST_IDS[-1])})", money_value(row["costs"])
            ),
            "net": Formula(f"{r('savings')}-{r('costs')}", money_value(row["net"])),
        }
        if not self.live:
            cells.update(items)
            cells.update({f"p_{item}": value for item, value in projected.items()})
            return cells
        work = r("work_months")
        kind, after = r("in_benefit_type"), r("in_benefit_after")
        keep = "(1-deadweight)"
        admin = (
            f'IF({r("benefit_payer")}="{stakeholder_label("uwv", self.lang)}",'
            "benefit_admin_cost_year_uwv,benefit_admin_cost_year)"
        )
        monthly = {
            "benefit": f'IF({kind}="geen",0,({r("in_benefit_before")}-{after})*{keep})',
            "benefit_administration": f'IF(AND({kind}<>"geen",{after}=0),{admin}/12*{keep},0)',
            "wmo": f"({r('in_wmo_before')}-{r('in_wmo_after')})*{keep}",
            "mental_health_care": f"({r('in_mhc_before')}-{r('in_mhc_after')})*{keep}",
            "wage_subsidy": f"0-{r('in_wage_subsidy_month')}",
        }
        for item in MONTHLY_IDS:
            curve = BY_ID[item].curve == "benefit"
            factor = r("projection_factor_benefit" if curve else "projection_factor")
            cells[f"m_{item}"] = Formula(monthly[item], money_value(case.monthly[item]))
            projection = f"{r(f'm_{item}')}*{factor}"
            norm = row["benefit_norm_projected"]
            if item == "benefit" and not is_missing(norm):
                # The dated norms of the projected months, weighted (L1): a derived number.
                projection = (
                    f'IF(benefit_default_month="",({float(norm)!r}-{after})*{keep}*{factor},'
                    f"{projection})"
                )
            cells[f"p_{item}"] = Formula(projection, projected[item])
            cells[item] = Formula(f"{r(f'm_{item}')}*{work}+{r(f'p_{item}')}", items[item])
        hours = r("in_counselling_hours")
        started = 0 if row["status"] == "aangemeld" else 1  # T2: only a started trajectory
        total = (
            f'IF({hours}="",counselling_cost_per_trajectory*{started},'
            f"{hours}*counselling_hour_rate)"
        )
        share = case.rijk_share  # C1's dated rijk share, 0 with payers.counselling set
        one_off = {
            "counselling": f'0-{total}*IF(payers_counselling="",{1 - share!r},1)',
            "counselling_rijk": f'0-{total}*IF(payers_counselling="",{share!r},0)',
            # J1: UWV's tariff is not in the table yet, so every case has the municipal rate.
            "jobcoach": f"0-{r('in_jobcoach_hours')}*jobcoach_hour_rate",
            "mediation": f"0-{r('in_mediation_cost')}",
            "no_risk": f"0-{r('in_no_risk_cost')}",
            "insurer_contribution": f"0-{r('in_insurer_contribution')}",
            "insurer_contribution_received": f"0+{r('in_insurer_contribution')}",
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
    benefit_factor: float
    counselling_payer: object
    rijk_share: float
    items: dict[str, Any]
    projected: dict[str, Any]
    inputs: dict[str, Any]
    used: dict[str, Any]
    monthly: dict[str, Any]


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Each row as a dict of Python values (as ``to_dict("records")`` gives them).

    Column by column with ``tolist`` and zipped in C: ``to_dict`` boxes every value in Python,
    seven frames of 100,000 cases took about a second.
    """
    keys = [str(key) for key in frame.columns]
    columns = [frame.iloc[:, index].tolist() for index in range(frame.shape[1])]
    if not columns:
        return [{} for _ in range(len(frame))]
    return [dict(zip(keys, values, strict=True)) for values in zip(*columns, strict=True)]


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


def is_missing(value: Any) -> bool:
    """None, NaN or NaT: an empty cell."""
    return not isinstance(value, str) and (value is None or bool(pd.isna(value)))


def money_value(value: object) -> float:
    """A computed amount as a cell value; ``+ 0.0`` turns -0.0 into 0.0."""
    assert isinstance(value, int | float)
    return float(value) + 0.0


# --- Samenvatting ------------------------------------------------------------------------------


def case_sheet(
    workbook: Workbook, result: Result, lang: Lang, layout: CaseLayout, spool: IO[str]
) -> Sheet:
    columns = layout.columns
    sheet = Sheet(workbook, layout.title, [column.width for column in columns])
    sheet.table_header([column.label for column in columns])
    sheet.fast_rows(layout.rows(), [column.format for column in columns], spool)
    sheet.finish_table(len(columns))
    return sheet


# --- Parameters, Controle, Verantwoording ------------------------------------------------------
