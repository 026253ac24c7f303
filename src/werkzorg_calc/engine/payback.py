"""Payback month (method v2, P1): when the cumulative net of a party, and of all, turns ≥ 0.

Event time runs from each case's ``start_traject``; month n covers (n − 1, n] × 30.4375 days.
One-off costs fall at t = 0, realised monthly items accrue per day over the realised work
interval, projected month m falls at peildatum + m months (with its weight ``q^m`` on the
item's own retention curve). The curve is
built on whole columns: a cases × months share matrix per kind of amount (a piece of 20,000
cases at a time, so a national file stays small), multiplied by each
party's amounts per case. The last cumulative equals the view's net; that is checked.
"""

from __future__ import annotations

import math
from typing import Final

import numpy as np
import pandas as pd

from werkzorg_calc.domain.beyond import TOLERANCE, IdentityError, Payback
from werkzorg_calc.domain.items import ITEMS
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.event_time import (
    DAYS_PER_MONTH,
    case_times,
    monthly_weight,
    projected_share,
    realised_share,
)

TOTAL = "total"
CHUNK_CASES: Final = 20_000  # cases per share matrix (× months × 8 bytes each)


def _last_month(result: Result) -> int:
    """The event month by which every case's last amount has fallen (at least 1)."""
    times = case_times(result)
    ends = np.maximum(times.work_to, times.peil + times.projected * DAYS_PER_MONTH)
    ends = np.where(times.projected > 0, ends, times.work_to)
    latest = float(ends.max()) if len(ends) else 0.0
    return max(1, math.ceil(latest / DAYS_PER_MONTH - 1e-9))


def payback(result: Result, parties: tuple[str, ...]) -> Payback:
    """The cumulative net per event month of each of ``parties`` and in total, and its month."""
    monthly = [item.id for item in ITEMS if item.projected]
    one_off = [item for item in result.realised.columns if item not in monthly]
    months = _last_month(result)
    day = np.arange(1, months + 1, dtype=np.float64) * DAYS_PER_MONTH
    times = case_times(result)
    # Each projected item spreads over its months by the weights of its own retention curve.
    curves = {item.id: str(getattr(item, "curve", None) or "work") for item in ITEMS}
    weights = {
        curve: monthly_weight(result, curve) for curve in sorted({curves[i] for i in monthly})
    }
    payers = result.payers.to_numpy()
    cases = len(result.cases)
    fixed = np.zeros(len(parties))
    realised_amounts = np.zeros((cases, len(parties)))
    projected_amounts = {curve: np.zeros((cases, len(parties))) for curve in weights}
    for j, party in enumerate(parties):
        own = payers == party
        realised = result.realised.where(own, 0.0)
        projected = result.projected.where(own, 0.0)
        fixed[j] = float(realised[one_off].to_numpy().sum())
        realised_amounts[:, j] = realised[monthly].sum(axis=1).to_numpy()
        for curve, amounts in projected_amounts.items():
            amounts[:, j] = (
                projected[[i for i in monthly if curves[i] == curve]].sum(axis=1).to_numpy()
            )
    # The share matrices are cases × months: a piece of cases at a time keeps a national file
    # (10^6 cases × 200 months would be 1.6 GB per matrix) to a few tens of MB.
    running = np.repeat(fixed[:, None], months, axis=1)
    for low in range(0, cases, CHUNK_CASES):
        piece = slice(low, low + CHUNK_CASES)
        some = times.rows(piece)
        running += realised_amounts[piece].T @ realised_share(some, day)
        for name, q in weights.items():
            running += projected_amounts[name][piece].T @ projected_share(some, day, q)
    columns = {party: running[j] for j, party in enumerate(parties)}
    cumulative = pd.DataFrame(columns, index=pd.RangeIndex(1, months + 1, name="month"))
    cumulative[TOTAL] = cumulative[list(parties)].sum(axis=1) if parties else 0.0
    nets = {str(name): float(value) for name, value in result.stakeholders["net"].items()}
    for party in parties:
        expected = nets[party]
        if abs(float(cumulative[party].iloc[-1]) - expected) > TOLERANCE * max(1.0, abs(expected)):
            raise IdentityError(f"terugverdienmaand: laatste cumulatief van {party} ≠ netto")
    found: dict[str, int | None] = {}
    for column in cumulative.columns:
        reached = np.flatnonzero(cumulative[column].to_numpy() >= -TOLERANCE)
        found[str(column)] = int(reached[0]) + 1 if len(reached) else None
    return Payback(cumulative=cumulative, months=found)
