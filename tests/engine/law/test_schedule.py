"""B1 month by month for a table of cases, on arrays, against hand work and the decimal engine."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkzorg_calc.engine.law.residual_benefit import residual_benefit
from werkzorg_calc.engine.law.schedule import BenefitSchedule, residual_benefit_schedule


def _schedule(
    households: list[str | None], nets: list[float], starts: list[str], ends: list[str]
) -> BenefitSchedule:
    return residual_benefit_schedule(
        pd.Series(households, dtype="object"),
        pd.Series(nets, dtype="float64"),
        pd.to_datetime(pd.Series(starts)),
        pd.to_datetime(pd.Series(ends)),
    )


def test_a_half_year_boundary_and_the_end_of_the_disregard_inside_one_work_period() -> None:
    """Single, net 1,000, work 2025-11-15 up to 2026-08-01:
    months 1–2 (2025-11, 12; norm 1369.06, 25% = 250 ≤ 278): 1369.06 − 750 = 619.06;
    months 3–6 (2026-01 … 04; norm 1401.50): 651.50; months 7–8 (05, 06): 1401.50 − 1000 = 401.50;
    month 9 (2026-07; norm 1419.46): 419.46."""
    schedule = _schedule(["alleenstaand"], [1000.0], ["2025-11-15"], ["2026-08-01"])
    expected = [619.06, 619.06, 651.50, 651.50, 651.50, 651.50, 401.50, 401.50, 419.46]
    assert schedule.benefit_after[0].tolist() == expected
    assert schedule.work_month[0].tolist() == list(range(1, 10))
    assert schedule.days[0].tolist() == [16, 31, 31, 28, 31, 30, 31, 30, 31]
    assert schedule.norm_line[0].tolist() == [23, 23, 24, 24, 24, 24, 24, 24, 25]
    # Days-weighted: (619.06×47 + 651.50×120 + 401.50×61 + 419.46×31) / 259
    # = (29095.82 + 78180.00 + 24491.50 + 13003.26) / 259 = 144770.58 / 259
    assert schedule.mean_benefit_after()[0] == pytest_approx(144770.58 / 259)
    assert schedule.months_worked[0] == pytest_approx(259 / 30.4375)
    assert schedule.last_benefit_after()[0] == 419.46
    assert schedule.missing == ()


def pytest_approx(value: float) -> object:
    """Equal up to float rounding of the weighted sum."""
    return pytest.approx(value, rel=1e-12)


def test_cases_of_different_lengths_and_households_in_one_call() -> None:
    """An empty household is single; a couple gets its norm; no work gives no months.
    Couple 2018-03 (1417.32, max 202), net 800: 1417.32 − 600 = 817.32 (months 1–2)."""
    schedule = _schedule(
        [None, "gehuwd", "samenwonend"],
        [1000.0, 800.0, 800.0],
        ["2026-01-01", "2018-03-01", "2018-03-01"],
        ["2026-02-01", "2018-05-01", "2018-03-01"],  # the third ends as it starts: no work
    )
    assert schedule.benefit_after[0, 0] == 651.50
    assert np.isnan(schedule.benefit_after[0, 1])  # one month only
    assert schedule.benefit_after[1].tolist() == [817.32, 817.32]
    assert np.isnan(schedule.mean_benefit_after()[2])
    assert schedule.months_worked[2] == 0


def test_months_outside_the_table_are_listed_not_guessed() -> None:
    """A 2014 month has no norm and no maximum: both listed, the month left empty."""
    schedule = _schedule(["gehuwd"], [500.0], ["2014-12-01"], ["2015-02-01"])
    assert np.isnan(schedule.benefit_after[0, 0])
    assert schedule.benefit_after[0, 1] == 997.62  # 1372.62 − 500 + 125
    assert [(m.position, m.day, m.key) for m in schedule.missing] == [
        (0, date(2014, 12, 1), "bijstand_norm_couple"),
        (0, date(2014, 12, 1), "disregard_31_2_n_max"),
    ]


@settings(max_examples=60, deadline=None)
@given(
    cents=st.integers(min_value=0, max_value=300_000),
    start=st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 6, 30)),
    months=st.integers(min_value=1, max_value=9),
    couple=st.booleans(),
)
def test_the_array_schedule_equals_the_decimal_engine(
    cents: int, start: date, months: int, couple: bool
) -> None:
    """Every month of the array schedule is exactly what ``residual_benefit`` gives in decimal."""
    end = (pd.Timestamp(start) + pd.DateOffset(months=months)).date()
    end = min(end, date(2026, 12, 31))
    if end <= start:
        return
    household = "gehuwd" if couple else "alleenstaand"
    schedule = _schedule([household], [cents / 100], [start.isoformat()], [end.isoformat()])
    for k in range(schedule.benefit_after.shape[1]):
        if schedule.days[0, k] == 0:
            continue
        day = schedule.first_day[0, k].astype(date)
        expected = residual_benefit(household, day, Decimal(cents) / 100, k + 1).benefit_after
        assert Decimal(str(schedule.benefit_after[0, k])) == expected
