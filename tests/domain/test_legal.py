"""The dated legal table (rule L1): complete, without overlaps, and looked up by the day."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from werkzorg_calc.domain.legal import (
    BIJSTAND_COUPLE,
    BIJSTAND_SINGLE,
    DISREGARD_MAX,
    WML_HOUR,
    WML_MONTH,
    LegalTableError,
    legal_keys,
    legal_table,
    lookup,
    lookup_column,
    rows_for,
)


def _uncovered(key: str, first: date, last: date) -> list[date]:
    """Every day in [first, last] that no valued row of ``key`` covers."""
    rows = [row for row in rows_for(key) if row.value is not None]
    day, gaps = first, []
    while day <= last:
        if not any(row.covers(day) for row in rows):
            gaps.append(day)
        day += timedelta(days=1)
    return gaps


@pytest.mark.parametrize("key", [BIJSTAND_SINGLE, BIJSTAND_COUPLE, DISREGARD_MAX])
def test_bijstand_keys_cover_every_day_2015_to_2026(key: str) -> None:
    """Every half-year from 1 January 2015 to 31 December 2026 has a valued row."""
    assert _uncovered(key, date(2015, 1, 1), date(2026, 12, 31)) == []


def test_minimum_wage_covers_every_day_monthly_then_hourly() -> None:
    """The monthly WML up to 2023, the hourly WML from 2024 (when the law switched)."""
    assert _uncovered(WML_MONTH, date(2015, 1, 1), date(2023, 12, 31)) == []
    assert _uncovered(WML_HOUR, date(2024, 1, 1), date(2026, 12, 31)) == []


def test_no_two_rows_of_one_key_overlap() -> None:
    """A day is covered by at most one row of a key, so a lookup is never ambiguous."""
    for key in legal_keys():
        rows = sorted(rows_for(key), key=lambda row: row.valid_from)
        for earlier, later in itertools.pairwise(rows):
            assert earlier.valid_to < later.valid_from, (key, earlier.line, later.line)


def test_every_row_names_its_source_and_status() -> None:
    """No amount without a source; verified is one of the three words of the spec."""
    for row in legal_table():
        assert row.source, row.line
        assert row.verified in ("yes", "derived", "no"), row.line
        assert row.valid_from <= row.valid_to, row.line


def test_a_2018_case_gets_the_2018_norm() -> None:
    """The v1 flaw: a day in the first half of 2018 gets € 992,12, not the 2026 € 1.401,50."""
    row = lookup(BIJSTAND_SINGLE, date(2018, 3, 15))
    assert row.value == Decimal("992.12")
    assert (row.valid_from, row.valid_to) == (date(2018, 1, 1), date(2018, 6, 30))
    assert lookup(BIJSTAND_SINGLE, date(2018, 7, 1)).value == Decimal("996.56")
    assert lookup(BIJSTAND_SINGLE, date(2026, 1, 1)).value == Decimal("1401.50")


def test_a_date_before_the_table_is_a_named_error() -> None:
    """Never extrapolated: 31-12-2014 lies before the first row."""
    with pytest.raises(LegalTableError) as caught:
        lookup(BIJSTAND_SINGLE, date(2014, 12, 31))
    assert caught.value.reason == "no_row"
    assert "bijstand_norm_single" in str(caught.value)
    assert "31-12-2014" in str(caught.value)


def test_a_row_without_value_and_an_unknown_key_are_named_errors() -> None:
    """UWV's jobcoach tariff 2018 is not yet in the table: an error, not a zero."""
    with pytest.raises(LegalTableError) as empty:
        lookup("jobcoach_hour_rate_uwv", date(2018, 5, 1))
    assert empty.value.reason == "no_value"
    with pytest.raises(LegalTableError) as unknown:
        lookup("no_such_norm", date(2018, 5, 1))
    assert unknown.value.reason == "unknown_key"


def test_column_lookup_equals_the_single_lookup() -> None:
    """The vectorised lookup gives the same amounts, and NaN for a day outside the table."""
    days = [date(2017, 12, 31), date(2018, 1, 1), date(2018, 6, 30), date(2018, 7, 1)]
    column = lookup_column(BIJSTAND_SINGLE, pd.Series(pd.to_datetime([*days, date(2014, 1, 1)])))
    expected = [float(lookup(BIJSTAND_SINGLE, day).value or 0) for day in days]
    assert column.values[:4].tolist() == expected
    assert np.isnan(column.values[4])
    assert column.missing.tolist() == [False, False, False, False, True]
    assert column.line[1] == lookup(BIJSTAND_SINGLE, date(2018, 1, 1)).line
