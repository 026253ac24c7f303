"""Fractional months of 30.4375 days, the method's one unit of time."""

from __future__ import annotations

import pandas as pd

DAYS_PER_MONTH = 30.4375  # 365.25 / 12: months are fractional and calendar-neutral


def months_between(start: pd.Series, end: pd.Series) -> pd.Series:
    """``max(0, end − start)`` in months of 30.4375 days; NaT anywhere gives 0."""
    days = (end - start).dt.days.astype("float64")
    return (days.clip(lower=0) / DAYS_PER_MONTH).fillna(0.0)


def projection_factor(months: pd.Series, retention: float, discount: float) -> pd.Series:
    """Σ_{m=1..N} S(m)·D(m) per case, with S(m)·D(m) = q^m and q = (r / (1 + d))^(1/12).

    ``retention`` is one curve of R1 (``Parameters.retention_benefit`` or ``retention_work``).
    The geometric series has the closed form q(1 − q^N)/(1 − q), so no loop over months.
    """
    q = monthly_q(retention, discount)
    if q == 1:
        return months.astype("float64")
    factor: pd.Series = q * (1 - q**months) / (1 - q)
    return factor


def monthly_q(retention: float, discount: float) -> float:
    """The month factor q = (retention / (1 + discount))^(1/12) of one retention curve."""
    return float((retention / (1 + discount)) ** (1 / 12))


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
