"""W1 for a whole table of cases, month by month over each work period, in whole cents.

The WML changes every half-year, the employer-charges surcharge per year, so the subsidy of
one placement changes inside its work period; each calendar month of work is derived with the
amounts valid on its first day, on ``(cases × months)`` arrays. Integer arithmetic makes it
the decimal rule of ``wage_subsidy`` exactly (a test holds the two against each other):
shares are taken in ten-thousandths (0.6 → 6000; a loonwaarde is set in whole percents),
hours in hundredths, and every round2 is a half-up integer division.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from werkzorg_calc.domain.legal import (
    LKS_CAP,
    LKS_CHARGES,
    WML_HOUR,
    WML_MONTH,
    lookup_column,
    rows_for,
)
from werkzorg_calc.engine.law.schedule import MissingNorm, days_weighted_mean, month_grid


def _half_up(numerator: np.ndarray, denominator: int) -> np.ndarray:
    """round(numerator / denominator), half up, for non-negative integers."""
    rounded: np.ndarray = (2 * numerator + denominator) // (2 * denominator)
    return rounded


def _scaled(values: np.ndarray, scale: int) -> np.ndarray:
    scaled: np.ndarray = np.rint(np.nan_to_num(values) * scale).astype(np.int64)
    return scaled


@dataclass(frozen=True)
class SubsidySchedule:
    """Wage subsidy per case and calendar month of work (euros; NaN outside or not covered)."""

    first_day: np.ndarray
    days: np.ndarray
    wml_vb: np.ndarray
    wage_subsidy: np.ndarray
    missing: tuple[MissingNorm, ...]

    def mean_wage_subsidy(self) -> np.ndarray:
        """Per case, weighted by the days worked in each month (NaN: no months)."""
        return days_weighted_mean(self.wage_subsidy, self.days)


def wage_subsidy_schedule(
    loonwaarde: pd.Series,
    hours: pd.Series,
    fulltime_hours: float,
    start: pd.Series,
    end: pd.Series,
) -> SubsidySchedule:
    """W1 month by month over ``[start, end)`` for every case with a loonwaarde and hours."""
    grid = month_grid(start, end)
    n, width = grid.days.shape
    flat = grid.first_day.ravel()
    hourly_from = min((row.valid_from for row in rows_for(WML_HOUR)), default=date.max)
    use_hour = (grid.first_day >= np.datetime64(hourly_from)).ravel()
    monthly, hourly = lookup_column(WML_MONTH, flat), lookup_column(WML_HOUR, flat)
    charges, cap = lookup_column(LKS_CHARGES, flat), lookup_column(LKS_CAP, flat)
    fulltime100 = round(fulltime_hours * 100)
    # WML+VB in cents: month × 1.08, or hour × fulltime × 13/3 × 1.08, each rounded half up.
    by_month = _half_up(_scaled(monthly.values, 100) * 108, 100)
    by_hour = _half_up(_scaled(hourly.values, 100) * fulltime100 * 13 * 108, 100 * 100 * 3)
    wml_vb = np.where(use_hour, by_hour, by_month).reshape(n, width)
    wml_missing = np.where(use_hour, hourly.missing, monthly.missing).reshape(n, width)
    share = _scaled(np.asarray(loonwaarde, dtype="float64"), 10_000)[:, None]
    worked100 = _scaled(np.asarray(hours, dtype="float64"), 100)[:, None]
    lw = _half_up(share * wml_vb, 10_000)
    cap_c = _half_up(_scaled(cap.values, 10_000).reshape(n, width) * wml_vb, 10_000)
    base = np.minimum(wml_vb - lw, cap_c)
    charge1000 = _scaled(charges.values, 1000).reshape(n, width)
    subsidy = _half_up(base * (1000 + charge1000) * worked100, 1000 * fulltime100)
    has_inputs = (~np.isnan(np.asarray(loonwaarde, dtype="float64")))[:, None] & (
        ~np.isnan(np.asarray(hours, dtype="float64"))
    )[:, None]
    wanted = grid.inside & has_inputs
    gaps = {
        "wml": wanted & wml_missing,
        LKS_CHARGES: wanted & charges.missing.reshape(n, width),
        LKS_CAP: wanted & cap.missing.reshape(n, width),
    }
    usable = wanted & ~gaps["wml"] & ~gaps[LKS_CHARGES] & ~gaps[LKS_CAP]
    hour_grid = use_hour.reshape(n, width)
    missing = tuple(
        MissingNorm(
            int(i),
            grid.first_day[i, k].astype(date),
            (WML_HOUR if hour_grid[i, k] else WML_MONTH) if name == "wml" else name,
        )
        for name, mask in gaps.items()
        for i, k in zip(*np.nonzero(mask), strict=True)
    )
    return SubsidySchedule(
        first_day=grid.first_day,
        days=grid.days.astype("float64"),
        wml_vb=np.where(usable, wml_vb / 100, np.nan),
        wage_subsidy=np.where(usable, subsidy / 100, np.nan),
        missing=missing,
    )
