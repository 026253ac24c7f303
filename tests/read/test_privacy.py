"""The BSN count per column: the array path for number columns agrees with the general one."""

from __future__ import annotations

from datetime import date, datetime

from werkzorg_calc.read.privacy import _bsn_count
from werkzorg_calc.read.table import table_columns


def test_a_float_column_counts_bsns_as_the_general_path_does() -> None:
    """111222333 passes the 11-proef (9+8+7+12+10+8+9+6 = 69, 69 - 3 = 66 = 6 x 11), 111222334
    does not; 24.0 hours would pass padded to 000000024 but has too few digits; 111222333.5 is
    not whole. Filled: 6 of 7 cells (one empty); BSNs: the two 111222333.0."""
    column = (111222333.0, 111222334.0, None, 24.0, 111222333.0, 111222333.5, 1.0)
    assert _bsn_count(column) == (6, 2)
    # The same values with one int among them take the general path (Counter): same counts.
    assert _bsn_count((*column, 7)) == (7, 2)


def test_a_date_column_has_no_bsn_and_counts_its_filled_cells() -> None:
    column = (datetime(2018, 1, 1), None, date(2018, 2, 1))
    assert _bsn_count(column) == (2, 0)


def test_table_columns_pads_short_rows_with_empty_cells() -> None:
    """A CSV row may end early: its missing cells are ``None``, as an empty cell."""
    rows = [(1, "a", 2.0), (2,), (3, "c")]
    assert table_columns(rows) == [(1, 2, 3), ("a", None, "c"), (2.0, None, None)]
    assert table_columns([(1, 2), (3, 4)]) == [(1, 3), (2, 4)]
    assert table_columns([]) == []
