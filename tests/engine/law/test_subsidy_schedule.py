"""W1 month by month on arrays: hand-worked months and exact parity with the decimal engine."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from werkzorg_calc.engine.law.subsidy_schedule import wage_subsidy_schedule
from werkzorg_calc.engine.law.wage_subsidy import wage_subsidy


def test_the_wml_switch_from_month_to_hour_inside_one_work_period() -> None:
    """60%, 32 of 36 h from 2024-12-10 to 2025-02-01: Dec 2024 (13.68/h, charges 0.235):
    WML+VB round2(2304.8064) = 2304.81, lw 1382.89, base 921.92, × 1.235 × 32/36 = 1012.06;
    Jan 2025 (14.06/h, 0.25): 2368.83, lw 1421.30, base 947.53 → 1052.81."""
    schedule = wage_subsidy_schedule(
        pd.Series([0.6]),
        pd.Series([32.0]),
        36,
        pd.to_datetime(pd.Series(["2024-12-10"])),
        pd.to_datetime(pd.Series(["2025-02-01"])),
    )
    assert schedule.wage_subsidy[0].tolist() == [1012.06, 1052.81]
    assert schedule.wml_vb[0].tolist() == [2304.81, 2368.83]
    # Weighted by days: (1012.06 × 22 + 1052.81 × 31) / 53
    assert schedule.mean_wage_subsidy()[0] == (1012.06 * 22 + 1052.81 * 31) / 53
    assert schedule.missing == ()


def test_no_loonwaarde_or_no_hours_derives_nothing() -> None:
    """Without either input the months stay empty (the typed cell, if any, counts)."""
    schedule = wage_subsidy_schedule(
        pd.Series([np.nan, 0.5]),
        pd.Series([20.0, np.nan]),
        38,
        pd.to_datetime(pd.Series(["2020-01-01", "2020-01-01"])),
        pd.to_datetime(pd.Series(["2020-03-01", "2020-03-01"])),
    )
    assert np.isnan(schedule.mean_wage_subsidy()).all()


@settings(max_examples=60, deadline=None)
@given(
    percent=st.integers(min_value=0, max_value=100),
    quarter_hours=st.integers(min_value=4, max_value=144),
    fulltime=st.sampled_from([32, 36, 38, 40]),
    day=st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 12, 1)),
)
def test_the_array_schedule_equals_the_decimal_engine(
    percent: int, quarter_hours: int, fulltime: int, day: date
) -> None:
    """Any whole-percent loonwaarde, hours in quarters, any month: exactly wage_subsidy's cents."""
    hours = min(quarter_hours / 4, fulltime)
    first = day.replace(day=1)
    schedule = wage_subsidy_schedule(
        pd.Series([percent / 100]),
        pd.Series([hours]),
        fulltime,
        pd.to_datetime(pd.Series([first.isoformat()])),
        pd.to_datetime(pd.Series([(pd.Timestamp(first) + pd.DateOffset(days=1)).isoformat()])),
    )
    expected = wage_subsidy(
        hours=Decimal(str(hours)),
        fulltime_hours=fulltime,
        loonwaarde=Decimal(percent) / 100,
        day=first,
    ).wage_subsidy_month
    assert Decimal(str(schedule.wage_subsidy[0, 0])) == expected
