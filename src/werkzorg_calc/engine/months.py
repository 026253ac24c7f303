"""Fractional months of 30.4375 days, the method's one unit of time."""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import pandas as pd

DAYS_PER_MONTH = 30.4375  # 365.25 / 12: months are fractional and calendar-neutral


def months_between(start: pd.Series, end: pd.Series) -> pd.Series:
    """``max(0, end − start)`` in months of 30.4375 days; NaT anywhere gives 0."""
    days = (end - start).dt.days.astype("float64")
    return (days.clip(lower=0) / DAYS_PER_MONTH).fillna(0.0)


Q = TypeVar("Q", float, np.ndarray)


def projection_factor(months: pd.Series, retention: float, discount: float) -> pd.Series:
    """Σ_{m=1..N} S(m)·D(m) per case, with S(m)·D(m) = q^m and q = (r / (1 + d))^(1/12).

    ``retention`` is one curve of R1 (``Parameters.retention_benefit`` or ``retention_work``).
    """
    factor = geometric_sum(np.float64(monthly_q(retention, discount)), months.to_numpy("float64"))
    return pd.Series(factor, index=months.index)


def geometric_sum(q: np.floating | np.ndarray, months: np.ndarray) -> np.ndarray:
    """``Σ_{m=1..N} q^m`` in closed form ``q(1 − q^N)/(1 − q)`` (``N`` where ``q = 1``).

    The one definition of the projection's weight: ``calculate`` uses it with one ``q`` per
    curve, the uncertainty model with one ``q`` per draw (``q`` a column, ``months`` a row),
    so no loop over months and no second copy of the formula.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = q * (1 - q**months) / (1 - q)
    result: np.ndarray = np.where(q == 1, months, factor)
    return result


def monthly_q(retention: Q, discount: Q) -> Q:
    """The month factor q = (retention / (1 + discount))^(1/12) of one retention curve."""
    q: Q = (retention / (1 + discount)) ** (1 / 12)
    return q


def whole_projection_months(
    end: pd.Series, working: pd.Series, peil: pd.Timestamp, horizon: int
) -> pd.Series:
    """Whole months projected per case: up to the horizon, capped by a known job end."""
    if horizon == 0:
        return pd.Series(0.0, index=end.index)
    # A known future end of the job caps the projection: no savings past a known end.
    left = months_between(pd.Series(peil, index=end.index), end).where(end.notna(), float(horizon))
    months: pd.Series = left.clip(upper=horizon).floordiv(1).where(working, 0.0)
    return months
