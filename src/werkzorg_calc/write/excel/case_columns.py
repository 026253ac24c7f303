"""The cells of ``Per casus``, built column by column for a block of cases at a time.

Each column is made in one pass over the block (values from the result's frames with
``tolist``, formulas from a template with the row number put in), never one case at a time:
at 100,000 cases and 60 columns, a dictionary per case and a call per cell took most of the
writing time. A template writes its cell references with ``ROW`` where the row number goes.
Blocks keep memory bounded: the XML of one block is made, written and let go.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import compress
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

from werkzorg_calc.domain.columns import MONEY_FIELDS
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
from werkzorg_calc.text.labels import Lang, stakeholder_label, status_label
from werkzorg_calc.write.excel.sheet import (
    Column,
    Formula,
    FormulaColumn,
    Noted,
    excel_serials,
    parameter_name,
)

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.result import Result

ROW = "\x00"  # where a template's row number goes (never in a label or a formula)

INPUT_FIELDS = (
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


def money(column: pd.Series) -> list[float]:
    """Computed amounts as cell values; ``+ 0.0`` turns -0.0 into 0.0 (as ``money_value``)."""
    values: list[float] = (column.to_numpy(dtype=np.float64) + 0.0).tolist()
    return values


def _floats(column: pd.Series) -> list[float]:
    values: list[float] = column.to_numpy(dtype=np.float64).tolist()
    return values


def _labels(values: Iterable[Hashable], label: Callable[[Any], str]) -> list[str]:
    """``label`` of each value, worked out once per distinct value."""
    known: dict[Hashable, str] = {}
    return [
        known[value] if value in known else known.setdefault(value, label(value))
        for value in values
    ]


class _Templates:
    """Formula texts of one block: a template per column (or per case), numbers put in.

    A template is escaped for XML once, before the numbers go in (they need no escaping), so
    the sheet does not test every formula for ``<``, ``>`` and ``&``.
    """

    def __init__(self, numbers: list[str]) -> None:
        self.numbers = numbers
        self._parts: dict[str, list[str]] = {}

    def same(self, template: str) -> list[str]:
        """One template for every case of the block."""
        parts = escape(template).split(ROW)
        return [number.join(parts) for number in self.numbers]

    def each(self, templates: Iterable[str]) -> list[str]:
        """A template per case (few distinct ones: each is split once)."""
        cache = self._parts
        return [
            number.join(
                cache[template]
                if template in cache
                else cache.setdefault(template, escape(template).split(ROW))
            )
            for number, template in zip(self.numbers, templates, strict=True)
        ]


def _formulas(texts: Sequence[str], values: Sequence[object]) -> FormulaColumn:
    """A column of formula texts made by ``_Templates`` (escaped there)."""
    return FormulaColumn(texts, values, escaped=True)


class CaseColumns:
    """The cell values and formulas of ``Per casus``, for the cases from ``start`` to ``stop``."""

    def __init__(
        self,
        result: Result,
        cases: CaseTable | None,
        lang: Lang,
        letters: dict[str, str],
        words: tuple[str, str],
    ) -> None:
        self.result, self.cases, self.lang, self.letters = result, cases, lang, letters
        self.yes, self.no = words
        self.live = cases is not None
        self.used: pd.DataFrame | None = None
        self.monthly: pd.DataFrame | None = None
        if cases is not None:
            self.used = used_inputs(result, cases)
            self.monthly = monthly_amounts(result, self.used)

    def r(self, key: str) -> str:
        """A cell of this case's row, in a template: ``AB`` + the row number."""
        return self.letters[key] + ROW

    def block(self, start: int, stop: int) -> dict[str, Column]:
        """Every column of the cases ``start`` to ``stop`` (sheet rows ``start + 2`` on)."""
        numbers = [str(number) for number in range(start + 2, stop + 2)]
        templates = _Templates(numbers)
        span = slice(start, stop)
        cells = self._fixed(span)
        if self.live:
            cells.update(self._inputs(span, templates))
        cells.update(self._derived(span, templates))
        cells.update(self._items(span, templates))
        return cells

    def _fixed(self, span: slice) -> dict[str, Column]:
        result = self.result
        cases = result.cases.iloc[span]
        flags = result.imputed.iloc[span]
        fields = [str(field) for field in flags.columns]
        imputed = (
            [
                ", ".join(compress(fields, row)) or None
                for row in zip(*(flags[field].tolist() for field in flags.columns), strict=True)
            ]
            if fields
            else [None] * len(cases)
        )
        lang = self.lang
        cells: dict[str, Column] = {
            "case_id": cases["case_id"].tolist(),
            "row": [int(value) for value in cases["row"].tolist()],
            "status": _labels(
                cases["status"].tolist(), lambda status: status_label(str(status), lang)
            ),
            "municipality": cases["municipality"].tolist(),
            "trajectory_start": excel_serials(cases["trajectory_start"]),
            "job_start": excel_serials(cases["job_start"]),
            "job_end": excel_serials(cases["job_end"]),
            "hours_per_week": cases["hours_per_week"].tolist(),
            "imputed": imputed,
        }
        if "file" in self.letters:
            cells["file"] = cases["file"].tolist()
        return cells

    def _inputs(self, span: slice, templates: _Templates) -> dict[str, Column]:
        """Input cells as the sum used them; an imputed value is a formula or a note saying why."""
        result, lang = self.result, self.lang
        assert self.cases is not None and self.used is not None
        frame = self.cases.frame.iloc[span]
        factor = result.price_factors.get("cases")
        cells: dict[str, list[object]] = {}
        for field in INPUT_FIELDS:
            values, missing = frame[field].tolist(), frame[field].isna().tolist()
            if field in MONEY_FIELDS and factor is not None:
                # the same product calc.py uses
                cells[f"in_{field}"] = [
                    None if gone else value * factor
                    for value, gone in zip(values, missing, strict=True)
                ]
            else:
                cells[f"in_{field}"] = [
                    None if gone else value for value, gone in zip(values, missing, strict=True)
                ]
        flags = result.imputed.iloc[span]
        used = self.used.iloc[span]
        norms = result.cases["benefit_norm_month"].iloc[span]
        start = span.start

        def imputed(field: str) -> Iterable[int]:
            return (int(index) for index in np.flatnonzero(flags[field].to_numpy(dtype=bool)))

        def note(field: str, index: int) -> str:
            return assumption_note(result, field, lang, start + index)

        column = cells["in_benefit_before"]
        default = parameter_name("benefit_default_month")
        for index in imputed("benefit_before"):
            norm = norms.iloc[index]
            # The dated norm over the days worked (L1) is a per-day integral: written as its
            # derived number, so the formulas over it stay live.
            formula = default if pd.isna(norm) else f'IF({default}="",{float(norm)!r},{default})'
            column[index] = Formula(
                formula, float(used["benefit_before"].iloc[index]), note("benefit_before", index)
            )
        column = cells["in_mhc_after"]
        for index in imputed("mhc_after"):
            column[index] = Formula(
                f"{self.letters['in_mhc_before']}{templates.numbers[index]}*(1-mhc_reduction_when_working)",
                float(used["mhc_after"].iloc[index]),
                note("mhc_after", index),
            )
        for index in imputed("mhc_before"):
            cells["in_mhc_before"][index] = Noted(0.0, note("mhc_before", index))
        for index in imputed("counselling_hours"):
            cells["in_counselling_hours"][index] = Noted(None, note("counselling_hours", index))
        return dict(cells)

    def _derived(self, span: slice, templates: _Templates) -> dict[str, Column]:
        """Months, working, durable, projection and the benefit's payer of each case."""
        result, lang, yes, no = self.result, self.lang, self.yes, self.no
        cases = result.cases.iloc[span]
        payers = result.payers["benefit"].iloc[span]
        counselling_payers = [
            str(payer) for payer in result.payers["counselling"].iloc[span].tolist()
        ]
        values: dict[str, list[Any]] = {
            "work_months": _floats(cases["work_months"]),
            "working": [yes if flag else no for flag in cases["working_at_peildatum"].tolist()],
            "durable": [yes if flag else no for flag in cases["durable"].tolist()],
            "projection_months": [
                int(months) for months in projection_months(result).iloc[span].tolist()
            ],
            "projection_factor": _floats(projection_factors(result).iloc[span]),
            "projection_factor_benefit": _floats(benefit_projection_factors(result).iloc[span]),
            # The party by its name in the workbook's language, as everywhere else in it.
            "benefit_payer": _labels(
                payers.tolist(),
                lambda payer: "" if pd.isna(payer) else stakeholder_label(str(payer), lang),
            ),
            "counselling_payer": counselling_payers,
        }
        if not self.live:
            return dict(values)
        r = self.r
        start, end, hours = r("job_start"), r("job_end"), r("hours_per_week")
        work, working = r("work_months"), r("working")
        n, kind = r("projection_months"), r("in_benefit_type")
        said_yes, said_no = f'"{yes}"', f'"{no}"'
        formulas = {
            "work_months": f'IF({start}="",0,MAX(0,IF(AND({end}<>"",{end}<peildatum),{end},'
            f"peildatum)-{start})/30.4375)",
            "working": f'IF(AND({start}<>"",{start}<=peildatum,OR({end}="",{end}>peildatum)),'
            f"{said_yes},{said_no})",
            "durable": f"IF(AND({working}={said_yes},{work}>=durable_months,"
            f'OR({hours}="",{hours}>=durable_min_hours)),{said_yes},{said_no})',
            "projection_months": f"IF({working}={said_yes},INT(MIN(horizon,"
            f'IF({end}="",horizon,MAX(0,{end}-peildatum)/30.4375))),0)',
            "projection_factor": f"IF({n}=0,0,IF(maandfactor=1,{n},"
            f"maandfactor*(1-maandfactor^{n})/(1-maandfactor)))",
            "projection_factor_benefit": f"IF({n}=0,0,IF(maandfactor_uitkering=1,{n},"
            f"maandfactor_uitkering*(1-maandfactor_uitkering^{n})/(1-maandfactor_uitkering)))",
            "benefit_payer": f'IF({kind}="geen","",IF(OR({kind}="",{kind}="participatiewet"),'
            f'"{stakeholder_label("municipality", lang)}",'
            f'"{stakeholder_label("uwv", lang)}"))',
        }
        cells: dict[str, Column] = {
            key: _formulas(templates.same(formula), values[key])
            for key, formula in formulas.items()
        }
        # C1 is a dated rule (items.counselling_payer): its outcome, with the override live.
        cells["counselling_payer"] = _formulas(
            templates.each(
                f'IF(payers_counselling="","{payer}",payers_counselling)'
                for payer in counselling_payers
            ),
            counselling_payers,
        )
        return cells

    def _items(self, span: slice, templates: _Templates) -> dict[str, Column]:
        """Monthly amounts, line items, the case's sums and the projected parts."""
        result, r, lang = self.result, self.r, self.lang
        cases = result.cases.iloc[span]
        chosen = result.items_of(span)
        items = {item: money(chosen[item]) for item in ITEM_IDS}
        projected = {item: money(result.projected[item].iloc[span]) for item in MONTHLY_IDS}
        cells: dict[str, Column] = {
            "savings": _formulas(
                templates.same(f"SUM({r(SAVING_IDS[0])}:{r(SAVING_IDS[-1])})"),
                money(cases["savings"]),
            ),
            "costs": _formulas(
                templates.same(f"0-SUM({r(COST_IDS[0])}:{r(COST_IDS[-1])})"), money(cases["costs"])
            ),
            "net": _formulas(templates.same(f"{r('savings')}-{r('costs')}"), money(cases["net"])),
        }
        if not self.live:
            cells.update(items)
            cells.update({f"p_{item}": values for item, values in projected.items()})
            return cells
        assert self.monthly is not None
        work = r("work_months")
        kind, after = r("in_benefit_type"), r("in_benefit_after")
        keep = "(1-deadweight)"
        admin = (
            f'IF({r("benefit_payer")}="{stakeholder_label("uwv", lang)}",'
            "benefit_admin_cost_year_uwv,benefit_admin_cost_year)"
        )
        monthly = {
            "benefit": f'IF({kind}="geen",0,({r("in_benefit_before")}-{after})*{keep})',
            "benefit_administration": f'IF(AND({kind}<>"geen",{after}=0),{admin}/12*{keep},0)',
            "wmo": f"({r('in_wmo_before')}-{r('in_wmo_after')})*{keep}",
            "mental_health_care": f"({r('in_mhc_before')}-{r('in_mhc_after')})*{keep}",
            "wage_subsidy": f"0-{r('in_wage_subsidy_month')}",
        }
        norms = cases["benefit_norm_projected"].tolist()
        for item in MONTHLY_IDS:
            curve = BY_ID[item].curve == "benefit"
            factor = r("projection_factor_benefit" if curve else "projection_factor")
            cells[f"m_{item}"] = _formulas(
                templates.same(monthly[item]), money(self.monthly[item].iloc[span])
            )
            projection = f"{r(f'm_{item}')}*{factor}"
            if item == "benefit":
                # The dated norms of the projected months, weighted (L1): a derived number.
                texts = templates.each(
                    projection
                    if pd.isna(norm)
                    else f'IF(benefit_default_month="",({float(norm)!r}-{after})*{keep}*{factor},'
                    f"{projection})"
                    for norm in norms
                )
            else:
                texts = templates.same(projection)
            cells[f"p_{item}"] = _formulas(texts, projected[item])
            cells[item] = _formulas(
                templates.same(f"{r(f'm_{item}')}*{work}+{r(f'p_{item}')}"), items[item]
            )
        hours = r("in_counselling_hours")
        # T2: only a started trajectory; C1's dated rijk share, 0 with payers.counselling set
        started = [0 if status == "aangemeld" else 1 for status in cases["status"].tolist()]
        shares = _floats(result.inputs["rijk_share"].iloc[span])

        def total(begun: int) -> str:
            return (
                f'IF({hours}="",counselling_cost_per_trajectory*{begun},'
                f"{hours}*counselling_hour_rate)"
            )

        cells["counselling"] = _formulas(
            templates.each(
                f'0-{total(begun)}*IF(payers_counselling="",{1 - share!r},1)'
                for begun, share in zip(started, shares, strict=True)
            ),
            items["counselling"],
        )
        cells["counselling_rijk"] = _formulas(
            templates.each(
                f'0-{total(begun)}*IF(payers_counselling="",{share!r},0)'
                for begun, share in zip(started, shares, strict=True)
            ),
            items["counselling_rijk"],
        )
        one_off = {
            # J1: UWV's tariff is not in the table yet, so every case has the municipal rate.
            "jobcoach": f"0-{r('in_jobcoach_hours')}*jobcoach_hour_rate",
            "mediation": f"0-{r('in_mediation_cost')}",
            "no_risk": f"0-{r('in_no_risk_cost')}",
            "insurer_contribution": f"0-{r('in_insurer_contribution')}",
            "insurer_contribution_received": f"0+{r('in_insurer_contribution')}",
        }
        for item, formula in one_off.items():
            cells[item] = _formulas(templates.same(formula), items[item])
        return cells


def blocks(count: int, size: int) -> Sequence[tuple[int, int]]:
    """The cases ``0 … count`` in blocks of ``size``: ``[(0, size), (size, 2·size), …]``."""
    return [(start, min(start + size, count)) for start in range(0, count, size)]
