"""The dated bijstand norm per day (method v2, L1), derived by hand from legal-norms.csv.

Table rows used: bijstand_norm_single 2018-01-01..2018-06-30 = 992.12, 2018-07-01..2018-12-31 =
996.56, 2019-01-01..2019-06-30 = 1025.55; 2026-07-01..2026-12-31 = 1419.46 (the last row).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from werkzorg_calc.engine.norms import (
    integrate,
    month_starts,
    norm_keys,
    projected_norms,
    weighted_norm_sum,
)


def _days(*values: str | None) -> pd.Series:
    return pd.to_datetime(pd.Series(values))


def test_a_case_crossing_a_half_year_gets_each_half_years_norm() -> None:
    """Work 2018-06-01 up to 2018-08-01: June 30 days × 992.12 + July 31 days × 996.56.

    = 29,763.60 + 30,893.36 = 60,656.96 over 61 days; as months of 30.4375 days that is a
    benefit of 60,656.96 / 30.4375 = 1,992.84 (the v1 price, 1,401.50 × 61 / 30.4375 =
    2,808.76, was 41% too high).
    """
    keys = norm_keys(pd.Series(["alleenstaand"]))
    got = integrate(keys, _days("2018-06-01"), _days("2018-08-01"))
    assert got.total[0] == pytest.approx(30 * 992.12 + 31 * 996.56, abs=1e-9)
    assert got.days[0] == 61
    assert got.total[0] / 30.4375 == pytest.approx(1992.84, abs=0.005)
    assert not got.uncovered[0]


def test_a_couple_reads_the_couple_norm() -> None:
    """gehuwd, 10 days in January 2018: 10 × 1,417.32 = 14,173.20."""
    keys = norm_keys(pd.Series(["gehuwd"]))
    got = integrate(keys, _days("2018-01-01"), _days("2018-01-11"))
    assert got.total[0] == pytest.approx(14173.20, abs=1e-9)


def test_a_date_before_the_table_is_uncovered() -> None:
    """Work from 2014-12-01: December 2014 has no row, so the interval is not covered."""
    keys = norm_keys(pd.Series([None, "samenwonend"]))
    got = integrate(keys, _days("2014-12-01", "2018-01-01"), _days("2015-02-01", "2018-01-02"))
    assert got.uncovered.tolist() == [True, False]
    assert got.days[0] == 31  # only January 2015 is in the table


def test_projected_months_take_the_norm_of_their_first_day() -> None:
    """Peildatum 2018-06-30, 12 months: July–December 2018 at 996.56, January–June 2019 at
    1,025.55; with q = 1 the sum is 6 × 996.56 + 6 × 1,025.55 = 5,979.36 + 6,153.30 = 12,132.66.
    """
    assert month_starts(date(2018, 6, 30), 2).tolist() == [
        pd.Timestamp("2018-07-01"),
        pd.Timestamp("2018-08-01"),
    ]
    keys = norm_keys(pd.Series(["alleenstaand", "alleenstaand"]))
    table = projected_norms(keys, date(2018, 6, 30), 12)
    sums = weighted_norm_sum(keys, table, pd.Series([12.0, 7.0]), q=1.0)
    assert sums[0] == pytest.approx(12132.66, abs=1e-9)
    assert sums[1] == pytest.approx(6 * 996.56 + 1025.55, abs=1e-9)
    assert table.carried == ()


def test_past_the_table_the_last_row_is_carried_and_said() -> None:
    """Peildatum 2026-10-15, 6 months: November 2026 … April 2027, all at 1,419.46 (the last
    row, carried forward for January–April 2027 and reported)."""
    keys = norm_keys(pd.Series(["alleenstaand"]))
    table = projected_norms(keys, date(2026, 10, 15), 6)
    assert table.values["bijstand_norm_single"].tolist() == [1419.46] * 6
    assert [row.valid_to for row in table.carried] == [date(2026, 12, 31)]
