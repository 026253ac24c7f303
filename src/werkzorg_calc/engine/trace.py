"""The per-case facts behind every amount (inputs used, monthly amounts, projection), as columns.

Shared by ``explain`` and the live Excel formulas, so both show the calculation's own numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from werkzorg_calc.domain.columns import MONEY_FIELDS
from werkzorg_calc.domain.items import ITEMS
from werkzorg_calc.engine.calc import months_between, projection_factor

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.result import Result


MONTHLY_IDS: tuple[str, ...] = tuple(item.id for item in ITEMS if item.projected)


# The case-file fields each line item reads (besides the dates that give the months).
ITEM_FIELDS: dict[str, tuple[str, ...]] = {
    "benefit": ("benefit_before", "benefit_after", "benefit_type"),
    "benefit_administration": ("benefit_after", "benefit_type"),
    "wmo": ("wmo_before", "wmo_after"),
    "mental_health_care": ("mhc_before", "mhc_after"),
    "counselling": ("counselling_hours",),
    "jobcoach": ("jobcoach_hours",),
    "mediation": ("mediation_cost",),
    "wage_subsidy": ("wage_subsidy_month",),
    "no_risk": ("no_risk_cost",),
    "insurer_contribution": ("insurer_contribution",),
}


TIMELINE_FIELDS = ("status", "trajectory_start", "job_start", "job_end", "hours_per_week")


def effective_parameter(result: Result, key: str) -> Any:
    """A parameter as the sum used it: money parameters times their CPI factor."""
    value = result.parameters.flat()[key]
    factor = result.price_factors.get(key)
    return value * factor if factor is not None else value


def cell_at(frame: pd.DataFrame, index: int, column: str) -> Any:
    """One cell of a frame, as an untyped value (pandas' stubs type it as a wide union)."""
    return frame.at[index, column]


def item_at(series: pd.Series, index: int) -> Any:
    return series.at[index]


def _check_table(result: Result, cases: CaseTable) -> None:
    if cases.frame["case_id"].tolist() != result.cases["case_id"].tolist():
        raise ValueError("the case table is not the one this result was calculated from")


def used_inputs(result: Result, cases: CaseTable) -> pd.DataFrame:
    """The case inputs the sum used, one row per case: price-indexed, empty cells filled.

    Follows ``calc.py``: amounts times the cases' CPI factor, then the imputations of
    ``method.md``; ``counselling_hours`` stays empty (NaN) where the per-trajectory cost counts.
    """
    _check_table(result, cases)
    # The law's derived amounts (B1, W1) fill their empty cells first, as in ``calculate``.
    frame = cases.frame.copy()
    for column in result.derived.columns:
        frame[column] = frame[column].fillna(result.derived[column])
    factor = result.price_factors.get("cases")
    money = {
        column: frame[column] * factor if factor is not None else frame[column]
        for column in MONEY_FIELDS
    }
    mhc_before, mhc_after = money["mhc_before"], money["mhc_after"]
    reduction = effective_parameter(result, "mhc_reduction_when_working")
    return pd.DataFrame(
        {
            "benefit_before": money["benefit_before"].fillna(
                effective_parameter(result, "benefit_default_month")
            ),
            "benefit_after": money["benefit_after"].fillna(0.0),
            "benefit_type": frame["benefit_type"].fillna("participatiewet"),
            "wmo_before": money["wmo_before"].fillna(0.0),
            "wmo_after": money["wmo_after"].fillna(0.0),
            "mhc_before": mhc_before.fillna(0.0),
            "mhc_after": mhc_after.where(mhc_after.notna(), mhc_before * (1 - reduction)).fillna(
                0.0
            ),
            "jobcoach_hours": frame["jobcoach_hours"].fillna(0.0),
            "counselling_hours": frame["counselling_hours"],
            "mediation_cost": money["mediation_cost"].fillna(0.0),
            "wage_subsidy_month": money["wage_subsidy_month"].fillna(0.0),
            "no_risk_cost": money["no_risk_cost"].fillna(0.0),
            "insurer_contribution": money["insurer_contribution"].fillna(0.0),
        }
    )


def monthly_amounts(result: Result, used: pd.DataFrame) -> pd.DataFrame:
    """The amount per month of work of the items that accrue monthly (savings after deadweight)."""
    keep = 1 - result.parameters.deadweight
    has_benefit = used["benefit_type"].ne("geen")
    full_outflow = (used["benefit_after"].eq(0) & has_benefit).astype("float64")
    admin_year = effective_parameter(result, "benefit_admin_cost_year")
    return pd.DataFrame(
        {
            "benefit": (used["benefit_before"] - used["benefit_after"]).where(has_benefit, 0.0)
            * keep,
            "benefit_administration": (admin_year / 12) * full_outflow * keep,
            "wmo": (used["wmo_before"] - used["wmo_after"]) * keep,
            "mental_health_care": (used["mhc_before"] - used["mhc_after"]) * keep,
            "wage_subsidy": -used["wage_subsidy_month"],
        }
    )


def projection_months(result: Result) -> pd.Series:
    """Whole months projected per case: up to the horizon, capped by a known job end."""
    cases = result.cases
    if result.horizon == 0:
        return pd.Series(0.0, index=cases.index)
    end = cases["job_end"]
    peil = pd.Series(pd.Timestamp(result.peildatum), index=cases.index)
    left = months_between(peil, end).where(end.notna(), float(result.horizon))
    months: pd.Series = (
        left.clip(upper=result.horizon).floordiv(1).where(cases["working_at_peildatum"], 0.0)
    )
    return months


def projection_factors(result: Result) -> pd.Series:
    """Σ_{m=1..N} q^m per case, N from ``projection_months`` (0 for a case not working)."""
    return projection_factor(projection_months(result), result.parameters)


# --- building the explanations --------------------------------------------------------------
