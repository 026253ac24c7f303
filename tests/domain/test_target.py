"""The pilot target: counts, the Wilson interval and the verdict at its edges."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PEILDATUM
from tests.tables import make_table
from tests.v1 import v1_parameters
from werkzorg_calc.domain.parameters import with_overrides
from werkzorg_calc.domain.target import TargetResult, wilson_interval
from werkzorg_calc.engine.calc import calculate

DURABLE: dict[str, Any] = {"status": "aan_het_werk", "job_start": "2017-11-01"}  # 8 months
SHORT: dict[str, Any] = {"status": "aan_het_werk", "job_start": "2018-05-01"}  # 2 months
WAITING: dict[str, Any] = {"status": "in_bemiddeling"}


def _target(rows: list[dict[str, Any]], **overrides: object) -> TargetResult:
    params = with_overrides(v1_parameters(), overrides, "test")
    return calculate(make_table(rows), params, PEILDATUM).target


def test_wilson_interval_of_the_worked_example() -> None:
    """1 of 4: the worked example's interval 0.0456–0.6994."""
    low, high = wilson_interval(1, 4) or (0.0, 0.0)
    assert low == pytest.approx(0.0456, abs=5e-5)
    assert high == pytest.approx(0.6994, abs=5e-5)


def test_wilson_interval_by_hand() -> None:
    """10 of 20 with z = 1.96: centre 0.5, half-width 1.96·√(0.0125 + 0.0024)/1.192."""
    z = 1.959963984540054
    denominator = 1 + z * z / 20
    half = z * ((0.5 * 0.5 / 20 + z * z / 1600) ** 0.5) / denominator
    low, high = wilson_interval(10, 20) or (0.0, 0.0)
    assert low == pytest.approx(0.5 - half)
    assert high == pytest.approx(0.5 + half)
    assert (low, high) == pytest.approx((0.2993, 0.7007), abs=1e-4)


def test_no_participants_has_no_share_and_is_not_met() -> None:
    """An empty case list: share and interval are None, the target is not met."""
    target = _target([])
    assert target.participants == 0
    assert target.share is None and target.interval95 is None
    assert target.met is False
    assert target.by_status == dict.fromkeys(target.by_status, 0)


def test_exactly_half_meets_the_target() -> None:
    """2 durable of 4 is exactly 50%: met."""
    target = _target([DURABLE, DURABLE, WAITING, SHORT])
    assert (target.durable, target.participants, target.share) == (2, 4, 0.5)
    assert target.met is True


def test_just_under_half_does_not_meet_the_target() -> None:
    """2 durable of 5 is 40%: not met."""
    target = _target([DURABLE, DURABLE, WAITING, SHORT, WAITING])
    assert target.share == pytest.approx(0.4)
    assert target.met is False


def test_a_share_like_three_tenths_compares_exactly() -> None:
    """3 of 10 against target 0.3 is met: no floating-point doubt at the boundary."""
    target = _target([DURABLE] * 3 + [WAITING] * 7, target_share=0.3)
    assert target.met is True


def test_target_count_must_also_be_reached() -> None:
    """2 of 4 meets 50% but not a target count of 3."""
    target = _target([DURABLE, DURABLE, WAITING, SHORT], target_count=3)
    assert target.met is False
    assert target.target_count == 3


def test_few_hours_are_not_durable() -> None:
    """Eight months of work at 8 hours a week is placed but not durable (< 12 hours)."""
    target = _target([{**DURABLE, "hours_per_week": 8.0}, {**DURABLE, "hours_per_week": 12.0}])
    assert (target.placed, target.durable) == (2, 1)


def test_basis_placed_counts_everyone_at_work() -> None:
    """With target_basis = placed, short jobs count too: 2 of 4 placed is met."""
    target = _target([DURABLE, SHORT, WAITING, WAITING], target_basis="placed")
    assert (target.count, target.placed, target.durable) == (2, 2, 1)
    assert target.met is True


def test_counts_per_status() -> None:
    """Counts per status list every status, zero included."""
    target = _target([DURABLE, SHORT, WAITING, {"status": "uitgevallen"}])
    assert target.by_status == {
        "aangemeld": 0,
        "in_bemiddeling": 1,
        "solliciteert": 0,
        "aan_het_werk": 2,
        "uitgevallen": 1,
    }
