"""Payback month (method v2, P1): when the cumulative net of a party, and of all, turns ≥ 0.

Event time runs from each case's ``start_traject``; month n covers (n − 1, n] × 30.4375 days.
One-off costs fall at t = 0, realised monthly items accrue per day over the realised work
interval, projected month m falls at peildatum + m months (with its weight ``q^m`` on the
item's own retention curve). The curve is
built on whole columns: a cases × months share matrix per kind of amount, multiplied by each
party's amounts per case. The last cumulative equals the view's net; that is checked.
"""

from __future__ import annotations

import math

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
    realised_f = realised_share(times, day)
    # Each projected item spreads over its months by the weights of its own retention curve.
    curves = {item.id: str(getattr(item, "curve", None) or "work") for item in ITEMS}
    projected_f = {
        curve: projected_share(times, day, monthly_weight(result, curve))
        for curve in sorted({curves[item] for item in monthly})
    }
    payers = result.payers.to_numpy()
    columns: dict[str, np.ndarray] = {}
    for party in parties:
        own = payers == party
        realised = result.realised.where(own, 0.0)
        projected = result.projected.where(own, 0.0)
        fixed = float(realised[one_off].to_numpy().sum())
        per_case_realised = realised[monthly].sum(axis=1).to_numpy()
        curve_sums = [
            projected[[i for i in monthly if curves[i] == curve]].sum(axis=1).to_numpy() @ share
            for curve, share in projected_f.items()
        ]
        columns[party] = fixed + per_case_realised @ realised_f + np.sum(curve_sums, axis=0)
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
