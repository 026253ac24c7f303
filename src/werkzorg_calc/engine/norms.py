"""The dated bijstand norm behind an empty ``uitkering_voor`` (method v2, rule L1), on columns.

Realised months: the norm is integrated per day over the days worked, so a case that crosses
a half-year gets each half-year's own norm. Projected month m: the norm valid on the first day
of the m-th calendar month after the peildatum's month; past the table's end the last row is
carried forward, and said. Nothing is indexed with the CPI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from werkzorg_calc.domain.legal import (
    BIJSTAND_COUPLE,
    BIJSTAND_SINGLE,
    LegalRow,
    last_row,
    rows_for,
)

Floats = NDArray[np.float64]
NORM_KEY = {
    "alleenstaand": BIJSTAND_SINGLE,
    "gehuwd": BIJSTAND_COUPLE,
    "samenwonend": BIJSTAND_COUPLE,
}


def norm_keys(household: pd.Series) -> pd.Series:
    """The table key of each case's norm; an empty household is a single person's."""
    return household.fillna("alleenstaand").map(NORM_KEY)


@dataclass(frozen=True)
class NormIntegral:
    """Σ over the days of [start, end) of the norm, per case; which rows were used.

    ``uncovered`` is True where some day of the interval has no row with a value (a located
    error for the caller); ``lines`` the table lines used, for the unverified-row warnings.
    """

    total: Floats
    days: Floats
    uncovered: NDArray[np.bool_]
    lines: frozenset[int]


def integrate(keys: pd.Series, start: pd.Series, end: pd.Series) -> NormIntegral:
    """Integrate each case's norm over its days [start, end) (NaT or end ≤ start: 0 days).

    One overlap per case and table period (a few dozen periods), so no loop over cases.
    """
    n = len(keys)
    total, days = np.zeros(n), np.zeros(n)
    uncovered = np.zeros(n, dtype=bool)
    lines: set[int] = set()
    first = np.asarray(start.to_numpy(dtype="datetime64[D]"))
    stop = np.asarray(end.to_numpy(dtype="datetime64[D]"))
    valid = ~np.isnat(first) & ~np.isnat(stop) & (stop > first)
    length = np.where(valid, (stop - first).astype("int64", copy=False), 0).astype("float64")
    for key in pd.unique(keys.dropna()):
        mine = (keys.to_numpy() == key) & valid
        if not mine.any():
            continue
        covered = np.zeros(n)
        for row in rows_for(str(key)):
            if row.value is None:
                continue
            begin = np.datetime64(row.valid_from, "D")
            finish = np.datetime64(row.valid_to, "D") + np.timedelta64(1, "D")
            overlap = (np.minimum(stop, finish) - np.maximum(first, begin)).astype("int64")
            overlap = np.where(mine, np.clip(overlap, 0, None), 0).astype("float64")
            if overlap.any():
                lines.add(row.line)
            covered += overlap
            total += overlap * float(row.value)
        days += np.where(mine, covered, 0.0)
        uncovered |= mine & (covered < length)
    return NormIntegral(total, days, uncovered, frozenset(lines))


def month_starts(peildatum: date, months: int) -> pd.DatetimeIndex:
    """The first day of the 1st … ``months``-th calendar month after the peildatum's month."""
    first = pd.Timestamp(peildatum).to_period("M") + 1
    return pd.period_range(first, periods=months, freq="M").to_timestamp()


@dataclass(frozen=True)
class ProjectedNorms:
    """The norm of projected month 1 … N per key, with the rows used and carried forward."""

    values: dict[str, Floats]
    lines: frozenset[int]
    carried: tuple[LegalRow, ...]


def projected_norms(keys: pd.Series, peildatum: date, months: int) -> ProjectedNorms:
    """Per key, the norm of each projected month; past the table the last row, said."""
    days = month_starts(peildatum, months)
    values: dict[str, Floats] = {}
    lines: set[int] = set()
    carried: list[LegalRow] = []
    for key in (str(k) for k in pd.unique(keys.dropna())):
        norm = np.full(months, np.nan)
        for row in rows_for(key):
            if row.value is None:
                continue
            inside = (days >= pd.Timestamp(row.valid_from)) & (days <= pd.Timestamp(row.valid_to))
            if inside.any():
                lines.add(row.line)
            norm[inside] = float(row.value)
        if np.isnan(norm).any():
            last = last_row(key)
            past = np.isnan(norm) & (days > pd.Timestamp(last.valid_to))
            if past.any():
                norm[past] = float(last.value or 0)
                carried.append(last)
                lines.add(last.line)
        values[key] = norm
    return ProjectedNorms(values, frozenset(lines), tuple(carried))


def weighted_norm_sum(
    keys: pd.Series, norms: ProjectedNorms, months: pd.Series, q: float
) -> Floats:
    """Σ_{m=1..N} norm(m)·q^m per case, N its whole projected months (a cumulative sum)."""
    out = np.zeros(len(keys))
    count = months.to_numpy(dtype=np.int64)
    for key, norm in norms.values.items():
        weights = q ** np.arange(1, len(norm) + 1)
        cumulative = np.concatenate([[0.0], np.cumsum(np.nan_to_num(norm) * weights)])
        mine = keys.to_numpy() == key
        out[mine] = cumulative[np.clip(count[mine], 0, len(norm))]
    return out
