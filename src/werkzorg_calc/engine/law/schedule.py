"""B1 for a whole table of cases, month by month over each case's work period, on arrays.

For ``n`` cases and at most ``K`` calendar months of work, every quantity is an ``(n, K)``
array: month ``k`` (1-based) of case ``i`` is the ``k``-th calendar month from the month of
its ``start`` (work month 1 is the first calendar month with earnings, as in B1). The norm and
the disregard maximum are looked up for every cell at once (``lookup_column`` on the flattened
grid), so norms change per half-year inside a work period and the disregard stops after month
six without a loop over cases or months.

The arithmetic is done in whole cents (``int64``): the table's amounts and the earnings are
cents, ``round2(0.25 × net)`` half up is ``(25 × cents + 50) // 100``, and the rest is adding
and subtracting cents. That is the decimal rule of ``residual_benefit`` exactly (a test holds
the two against each other), at array speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import numpy as np
import pandas as pd

from werkzorg_calc.domain.legal import (
    BIJSTAND_COUPLE,
    BIJSTAND_SINGLE,
    DISREGARD_MAX,
    lookup_column,
)
from werkzorg_calc.engine.law.residual_benefit import DISREGARD_MONTHS, norm_household

DAYS_PER_MONTH: Final = 30.4375
MAX_MONTHS: Final = 600  # fifty years of work: beyond that a date is a typing error


@dataclass(frozen=True)
class MissingNorm:
    """A benefit month the table does not cover: the case's position, the day and the key."""

    position: int
    day: date
    key: str


@dataclass(frozen=True)
class BenefitSchedule:
    """Residual benefit per case and calendar month of work (``(n, K)`` arrays).

    ``benefit_after``, ``norm`` and ``disregard`` are euros (NaN outside a case's period or
    where the table has no row); ``days`` the days worked in the month; ``norm_line`` and
    ``disregard_line`` the table lines used (0: none).
    """

    first_day: np.ndarray
    work_month: np.ndarray
    days: np.ndarray
    norm: np.ndarray
    disregard: np.ndarray
    benefit_after: np.ndarray
    norm_line: np.ndarray
    disregard_line: np.ndarray
    missing: tuple[MissingNorm, ...]

    @property
    def months_worked(self) -> np.ndarray:
        """Σ days worked / 30.4375 per case (the method's months of work)."""
        months: np.ndarray = self.days.sum(axis=1) / DAYS_PER_MONTH
        return months

    def mean_benefit_after(self) -> np.ndarray:
        """The residual benefit per case weighted by days worked in each month (NaN: no days).

        ``mean × months_worked`` is the exact Σ over months of benefit × days / 30.4375, so a
        per-case monthly figure reproduces the month-by-month total.
        """
        return days_weighted_mean(self.benefit_after, self.days)

    def last_benefit_after(self) -> np.ndarray:
        """The residual benefit of each case's last month of work (NaN: no months)."""
        has = self.days > 0
        last = np.where(has.any(axis=1), has.shape[1] - 1 - np.argmax(has[:, ::-1], axis=1), 0)
        rows = np.arange(has.shape[0])
        value: np.ndarray = np.where(has.any(axis=1), self.benefit_after[rows, last], np.nan)
        return value


@dataclass(frozen=True)
class MonthGrid:
    """The calendar months of each case's period ``[start, end)`` as ``(n, K)`` arrays."""

    first_day: np.ndarray  # datetime64[D], the first day of each calendar month
    days: np.ndarray  # int64, days of the period inside that month
    inside: np.ndarray  # bool, the month holds at least one day of the period
    work_month: np.ndarray  # int64, 1 for the month of ``start``, 2 for the next, …


def month_grid(start: pd.Series, end: pd.Series) -> MonthGrid:
    """Calendar months of ``[start, end)`` per case (NaT or ``end ≤ start``: no months)."""
    n = len(start)
    begin = pd.to_datetime(start).to_numpy(dtype="datetime64[D]")
    stop = pd.to_datetime(end).to_numpy(dtype="datetime64[D]")
    ok = ~np.isnat(begin) & ~np.isnat(stop) & (stop > begin)
    epoch = np.datetime64("1970-01-01")
    first_month = np.where(ok, begin, epoch).astype("datetime64[M]")
    last_month = np.where(ok, stop - np.timedelta64(1, "D"), epoch).astype("datetime64[M]")
    spans = np.where(ok, (last_month - first_month).astype(np.int64) + 1, 0)
    width = int(min(spans.max(initial=0), MAX_MONTHS))
    months = first_month[:, None] + np.arange(width)  # (n, K) calendar months
    first_day = months.astype("datetime64[D]")
    next_day = (months + 1).astype("datetime64[D]")
    overlap_from = np.maximum(first_day, begin[:, None])
    overlap_to = np.minimum(next_day, stop[:, None])
    days = np.where(ok[:, None], (overlap_to - overlap_from).astype(np.int64), 0).clip(min=0)
    work_month = np.broadcast_to(np.arange(1, width + 1), (n, width))
    return MonthGrid(first_day, days, days > 0, work_month)


def days_weighted_mean(values: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Σ value × days / Σ days per row over the months with a value (NaN: none)."""
    weight = np.where(np.isnan(values), 0.0, days)
    total = (np.nan_to_num(values) * weight).sum(axis=1)
    count = weight.sum(axis=1)
    mean: np.ndarray = np.divide(total, count, out=np.full(len(total), np.nan), where=count > 0)
    return mean


def _cents(values: np.ndarray) -> np.ndarray:
    cents: np.ndarray = np.rint(np.nan_to_num(values) * 100).astype(np.int64)
    return cents


def residual_benefit_schedule(
    household: pd.Series, net_earnings: pd.Series, start: pd.Series, end: pd.Series
) -> BenefitSchedule:
    """B1 month by month over ``[start, end)`` for every case (``end`` exclusive).

    ``household`` holds ``single``/``couple`` or case-file spellings (empty: single, the
    case file's default); ``net_earnings`` euros per month; ``start``/``end`` datetimes
    (NaT or ``end ≤ start``: no months). Months the table does not cover are listed in
    ``missing`` (and are NaN), so a caller can report every one at once.
    """
    grid = month_grid(start, end)
    n, width = grid.days.shape
    first_day, days, inside, work_month = grid.first_day, grid.days, grid.inside, grid.work_month

    # Map the few distinct spellings, not every case: factorize gives codes per case.
    codes, spellings = pd.factorize(pd.Series(household, dtype="object"), use_na_sentinel=True)
    known = np.array([norm_household(str(value)) for value in spellings] + ["single"], dtype=object)
    kinds = known[np.where(codes < 0, len(spellings), codes)]  # empty: single, the default
    couple = (kinds == "couple")[:, None] & inside
    flat = first_day.ravel()
    single_norm = lookup_column(BIJSTAND_SINGLE, flat)
    couple_norm = lookup_column(BIJSTAND_COUPLE, flat)
    maximum = lookup_column(DISREGARD_MAX, flat)
    shape = (n, width)
    norm = np.where(couple, couple_norm.values.reshape(shape), single_norm.values.reshape(shape))
    norm_line = np.where(couple, couple_norm.line.reshape(shape), single_norm.line.reshape(shape))
    in_disregard = inside & (work_month <= DISREGARD_MONTHS)
    max_values = maximum.values.reshape(shape)
    missing_norm = inside & np.isnan(norm)
    missing_max = in_disregard & np.isnan(max_values)

    net_c = _cents(np.asarray(net_earnings, dtype="float64"))[:, None]
    share_c = (net_c * 25 + 50) // 100  # round2(0.25 × net), half up, in cents
    disregard_c = np.where(in_disregard, np.minimum(share_c, _cents(max_values)), 0)
    benefit_c = np.maximum(0, _cents(norm) - net_c + disregard_c)
    usable = inside & ~missing_norm & ~missing_max
    missing = [
        MissingNorm(int(i), first_day[i, k].astype(date), key)
        for mask, key_of in ((missing_norm, "norm"), (missing_max, DISREGARD_MAX))
        for i, k in zip(*np.nonzero(mask), strict=True)
        for key in (
            (BIJSTAND_COUPLE if kinds[i] == "couple" else BIJSTAND_SINGLE)
            if key_of == "norm"
            else key_of,
        )
    ]
    return BenefitSchedule(
        first_day=first_day,
        work_month=np.where(inside, work_month, 0),
        days=days.astype("float64"),
        norm=np.where(inside, norm, np.nan),
        disregard=np.where(usable, disregard_c / 100, np.nan),
        benefit_after=np.where(usable, benefit_c / 100, np.nan),
        norm_line=np.where(inside, norm_line, 0),
        disregard_line=np.where(in_disregard, maximum.line.reshape(shape), 0),
        missing=tuple(missing),
    )
