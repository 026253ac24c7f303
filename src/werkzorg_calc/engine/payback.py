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
from collections.abc import Callable
from typing import Final

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from werkzorg_calc.domain.beyond import TOLERANCE, IdentityError, Payback
from werkzorg_calc.domain.items import ITEMS
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.event_time import (
    DAYS_PER_MONTH,
    CaseTimes,
    case_times,
    monthly_weight,
    projected_share,
    realised_share,
)
from werkzorg_calc.engine.views import PayerCodes, owned_by, payer_codes

TOTAL = "total"
CHUNK_CASES: Final = 20_000  # cases per share matrix (× months × 8 bytes each)


def _last_month(result: Result) -> int:
    """The event month by which every case's last amount has fallen (at least 1)."""
    times = case_times(result)
    ends = np.maximum(times.work_to, times.peil + times.projected * DAYS_PER_MONTH)
    ends = np.where(times.projected > 0, ends, times.work_to)
    latest = float(ends.max()) if len(ends) else 0.0
    return max(1, math.ceil(latest / DAYS_PER_MONTH - 1e-9))


def _times(
    *,
    q: float,
    work: NDArray[np.float64] | None = None,
    projection: NDArray[np.float64] | None = None,
) -> CaseTimes:
    """Timing rows for the distinct (start, end) of work or (peildatum, months) of projection."""
    rows = work if work is not None else projection
    assert rows is not None
    zero = np.zeros(len(rows))
    return CaseTimes(
        work_from=work[:, 0] if work is not None else zero,
        work_to=work[:, 1] if work is not None else zero,
        peil=projection[:, 0] if projection is not None else zero,
        projected=projection[:, 1] if projection is not None else zero,
        q=q,
    )


def _accrued(
    keys: tuple[NDArray[np.float64], NDArray[np.float64]],
    amounts: NDArray[np.float64],
    share: Callable[[NDArray[np.float64]], NDArray[np.float64]],
) -> NDArray[np.float64] | float:
    """Σ over cases of each party's amount × the share of it accrued by each month.

    A case's share depends only on its two ``keys`` (its work interval, or its peildatum and
    projected months in event time), and a national file has far fewer distinct pairs than
    cases: the amounts are summed per pair first, then one share row is built per pair, a
    piece of ``CHUNK_CASES`` pairs at a time (pairs × months × 8 bytes).
    """
    # One complex number per pair: exact for any two floats, and hashed by pandas in one pass.
    inverse, distinct = pd.factorize(keys[0] + 1j * keys[1])
    pairs = np.column_stack((distinct.real, distinct.imag))
    summed = (
        np.stack(
            [
                np.bincount(inverse, weights=amounts[:, j], minlength=len(pairs))
                for j in range(amounts.shape[1])
            ],
            axis=1,
        )
        if amounts.shape[1]
        else np.zeros((len(pairs), 0))
    )
    total: NDArray[np.float64] | float = 0.0  # no cases: nothing accrues
    for low in range(0, len(pairs), CHUNK_CASES):
        piece = slice(low, low + CHUNK_CASES)
        total = total + summed[piece].T @ share(pairs[piece])
    return total


def _projected_by(
    day: NDArray[np.float64], q: float
) -> Callable[[NDArray[np.float64]], NDArray[np.float64]]:
    def share(key: NDArray[np.float64]) -> NDArray[np.float64]:
        return projected_share(_times(projection=key, q=q), day, q)

    return share


def _owned_sum(
    frame: pd.DataFrame, coded: PayerCodes, party: str, columns: list[str]
) -> NDArray[np.float64]:
    """Per case, the sum of ``columns`` of ``frame`` that ``party`` pays or saves.

    Added column by column in the order given, as ``frame[columns].sum(axis=1)`` adds them,
    so the sums are the same; only one column of every case exists at a time.
    """
    total = np.zeros(len(frame))
    owned = owned_by(coded, columns, party)
    for k, column in enumerate(columns):
        total += np.where(owned[:, k], frame[column].to_numpy(dtype=np.float64), 0.0)
    return total


def payback(result: Result, parties: tuple[str, ...], coded: PayerCodes | None = None) -> Payback:
    """The cumulative net per event month of each of ``parties`` and in total, and its month.

    ``coded`` is ``result.payers`` as codes, if the caller has them already.
    """
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
    coded = coded or payer_codes(result.payers)
    cases = len(result.cases)
    fixed = np.zeros(len(parties))
    realised_amounts = np.zeros((cases, len(parties)))
    projected_amounts = {curve: np.zeros((cases, len(parties))) for curve in weights}
    for j, party in enumerate(parties):
        # A party's items a column at a time: at a million cases a masked copy of every item
        # was 96 MB, and its monthly part another 60 MB, at once.
        fixed[j] = float(_owned_sum(result.realised, coded, party, one_off).sum())
        realised_amounts[:, j] = _owned_sum(result.realised, coded, party, monthly)
        for curve, amounts in projected_amounts.items():
            of_curve = [i for i in monthly if curves[i] == curve]
            amounts[:, j] = _owned_sum(result.projected, coded, party, of_curve)
    running = np.repeat(fixed[:, None], months, axis=1)
    running += _accrued(
        (times.work_from, times.work_to),
        realised_amounts,
        lambda key: realised_share(_times(work=key, q=times.q), day),
    )
    for name, q in weights.items():
        running += _accrued(
            (times.peil, times.projected),
            projected_amounts[name],
            _projected_by(day, q),
        )
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
