"""When each case's amounts fall: realised work days and projected months, on whole columns.

Shared by the welfare view (the wage over the same months as the benefit) and the payback month
(event time since each trajectory's start). It reads only the ``Result``'s case frame and
parameters and repeats the projection rule of ``calc.py`` (whole months after the peildatum, not
past a known end, working cases only; weight ``q^m`` with ``q = (r / (1 + d))^(1/12)``), so the
two modules do not import ``calc`` (which calls them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from werkzorg_calc.domain.result import Result

DAYS_PER_MONTH = 30.4375


def retention(result: Result, curve: str = "work") -> float:
    """The yearly retention of one curve of R1 (``work`` or ``benefit``), as the parameters
    resolve it (``retention_per_year`` overrides both)."""
    params = result.parameters
    return params.retention_benefit if curve == "benefit" else params.retention_work


def monthly_weight(result: Result, curve: str = "work") -> float:
    """q = (r / (1 + d))^(1/12), the weight of one more projected month on ``curve``."""
    discount: float = result.parameters.discount_rate
    return float((retention(result, curve) / (1 + discount)) ** (1 / 12))


@dataclass(frozen=True)
class CaseTimes:
    """Per case, in days since its trajectory start and in months of work.

    ``work_from``/``work_to``: the realised work interval [from, to) in event days;
    ``peil``: the peildatum in event days; ``projected``: whole projected months M;
    ``q``: the monthly weight of the projection.
    """

    work_from: NDArray[np.float64]
    work_to: NDArray[np.float64]
    peil: NDArray[np.float64]
    projected: NDArray[np.float64]
    q: float

    def rows(self, piece: slice) -> CaseTimes:
        """The same timing for the cases in ``piece`` only."""
        return replace(
            self,
            work_from=self.work_from[piece],
            work_to=self.work_to[piece],
            peil=self.peil[piece],
            projected=self.projected[piece],
        )

    def projected_weight(self) -> NDArray[np.float64]:
        """Σ_{m=1..M} q^m per case (the factor the projected amounts carry)."""
        return _geometric(self.q, self.projected)


def _geometric(q: float, months: NDArray[np.float64]) -> NDArray[np.float64]:
    if q == 1:
        return months.astype(np.float64)
    weight: NDArray[np.float64] = q * (1 - q**months) / (1 - q)
    return weight


def case_times(result: Result) -> CaseTimes:
    """The realised and projected timing of every case of ``result``."""
    cases = result.cases
    peil = pd.Timestamp(result.peildatum)
    origin = cases["trajectory_start"]
    start, end = cases["job_start"], cases["job_end"]
    ended_before = end.notna() & end.lt(peil)
    stop = end.where(ended_before, peil)

    def days(moment: pd.Series) -> NDArray[np.float64]:
        return np.asarray((moment - origin).dt.days.astype("float64").fillna(0.0).to_numpy())

    work_from = days(start)
    work_to = np.maximum(days(stop), work_from)
    placed = start.notna().to_numpy()
    work_to = np.where(placed, work_to, work_from)
    peil_days = days(pd.Series(peil, index=cases.index))
    months_left = ((end - peil).dt.days.clip(lower=0) / DAYS_PER_MONTH).where(
        end.notna(), float(result.horizon)
    )
    whole = months_left.clip(upper=result.horizon).floordiv(1)
    whole = whole.where(cases["working_at_peildatum"].astype(bool), 0.0)
    q = monthly_weight(result, "work")
    return CaseTimes(
        work_from=work_from,
        work_to=work_to,
        peil=peil_days,
        projected=np.asarray(whole.to_numpy(dtype="float64")),
        q=q,
    )


def realised_share(times: CaseTimes, day: NDArray[np.float64]) -> NDArray[np.float64]:
    """Share of each case's realised work accrued by event day ``day`` (cases × days)."""
    span = times.work_to - times.work_from
    done = np.clip(day[None, :] - times.work_from[:, None], 0.0, None)
    safe = np.where(span > 0, span, 1.0)
    share = np.where(span[:, None] > 0, np.minimum(done / safe[:, None], 1.0), 0.0)
    result: NDArray[np.float64] = share
    return result


def projected_share(
    times: CaseTimes, day: NDArray[np.float64], q: float | None = None
) -> NDArray[np.float64]:
    """Share of each case's projected amount accrued by event day ``day`` (cases × days).

    Projected month m falls at peildatum + m months; the months up to k carry
    Σ_{m≤k} q^m of Σ_{m≤M} q^m (``q`` defaults to the work curve's).
    """
    q = times.q if q is None else q
    elapsed = (day[None, :] - times.peil[:, None]) / DAYS_PER_MONTH + 1e-9
    k = np.clip(np.floor(elapsed), 0.0, times.projected[:, None])
    total = _geometric(q, times.projected)
    # k is a whole number of months: look Σ_{m≤k} q^m up rather than raise q to every power
    # of a cases × months matrix (the slowest step of the payback curve at a million cases).
    steps = _geometric(q, np.arange(int(times.projected.max(initial=0.0)) + 1, dtype=np.float64))
    part = steps[k.astype(np.intp)]
    safe = np.where(total > 0, total, 1.0)
    share: NDArray[np.float64] = np.where(total[:, None] > 0, part / safe[:, None], 0.0)
    return share
