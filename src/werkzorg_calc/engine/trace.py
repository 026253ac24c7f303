"""The per-case facts behind every amount (inputs used, monthly amounts, projection), as columns.

Shared by ``explain`` and the live Excel formulas, so both show the calculation's own numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from werkzorg_calc.domain.columns import MONEY_FIELDS
from werkzorg_calc.domain.items import ITEMS

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
    "counselling_rijk": ("counselling_hours",),
    "insurer_contribution_received": ("insurer_contribution",),
}


TIMELINE_FIELDS = ("status", "trajectory_start", "job_start", "job_end", "hours_per_week")


def effective_parameter(result: Result, key: str) -> Any:
    """A parameter as the sum used it: money parameters times their CPI factor.

    A parameter left empty (``benefit_default_month``: the dated norm applies) stays ``None``.
    """
    value = result.parameters.flat()[key]
    factor = result.price_factors.get(key)
    return value * factor if factor is not None and value is not None else value


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
    filled = result.inputs  # the calculation's own filled inputs: one rule, one place
    return pd.DataFrame(
        {
            "benefit_before": filled["benefit_before"],
            "benefit_after": filled["benefit_after"],
            "benefit_type": filled["benefit_type"],
            "wmo_before": filled["wmo_before"],
            "wmo_after": filled["wmo_after"],
            "mhc_before": filled["mhc_before"],
            "mhc_after": filled["mhc_after"],
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
    return result.monthly


def projection_months(result: Result) -> pd.Series:
    """Whole months projected per case: up to the horizon, capped by a known job end."""
    months: pd.Series = result.cases["projection_months"]
    return months


def projection_factors(result: Result) -> pd.Series:
    """Σ_{m=1..N} q^m per case of the work curve (R1), N from ``projection_months``."""
    factor: pd.Series = result.cases["projection_factor_work"]
    return factor


def benefit_projection_factors(result: Result) -> pd.Series:
    """Σ_{m=1..N} q^m per case of the benefit curve (R1)."""
    factor: pd.Series = result.cases["projection_factor_benefit"]
    return factor


# --- building the explanations --------------------------------------------------------------
