"""The pilot target: how many participants work durably, with an honest interval."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import sqrt
from statistics import NormalDist

import pandas as pd

from werkzorg_calc.domain.columns import STATUSES
from werkzorg_calc.domain.parameters import Parameters

Z95 = NormalDist().inv_cdf(0.975)


@dataclass(frozen=True, slots=True)
class TargetResult:
    """Counts per status, placed and durable, the share with its 95% Wilson interval."""

    participants: int
    by_status: dict[str, int]
    placed: int
    durable: int
    basis: str
    count: int
    share: float | None
    interval95: tuple[float, float] | None
    target_share: float
    target_count: int | None
    met: bool


def wilson_interval(successes: int, trials: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval for a proportion; ``None`` when there are no trials.

    Chosen over the normal approximation because with a few dozen participants and shares
    near 0 or 1 the normal interval leaves [0, 1] or collapses to a point.
    """
    if trials == 0:
        return None
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def evaluate_target(
    status: pd.Series, working: pd.Series, durable: pd.Series, params: Parameters
) -> TargetResult:
    """Count participants, placed and durable cases, and decide whether the target is met."""
    participants = len(status)
    counts = status.value_counts()
    by_status: dict[str, int] = {name: int(counts.get(name, 0)) for name in STATUSES}
    placed = int(working.sum())
    durable_count = int(durable.sum())
    count = durable_count if params.target_basis == "durable" else placed
    share = count / participants if participants else None
    # Compare as exact fractions: 10 of 20 must meet a 0.5 target without float doubt.
    met = participants > 0 and Fraction(count, participants) >= Fraction(str(params.target_share))
    if params.target_count is not None:
        met = met and count >= params.target_count
    return TargetResult(
        participants=participants,
        by_status=by_status,
        placed=placed,
        durable=durable_count,
        basis=params.target_basis,
        count=count,
        share=share,
        interval95=wilson_interval(count, participants),
        target_share=params.target_share,
        target_count=params.target_count,
        met=met,
    )
