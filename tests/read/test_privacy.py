"""The BSN count per column: the array path for number columns agrees with the general one."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from werkzorg_calc.read.privacy import _bsn_count, _distinct_bsn_count
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


BSN_LIKE = st.sampled_from(
    [
        "111222333",  # passes the 11-proef (see above)
        " 111 222 333 ",
        "111.222.333",
        "111-222-333",
        "111\u00a0222\u00a0333",
        "\t111222333\n",
        "111222334",  # fails the 11-proef
        "1112223330",  # ten digits
        "11122233",
        "٠١٢٣٤٥٦٧٨",  # Arabic-Indic digits: isdigit, not ASCII
        "000000000",
        "",
        "   ",
        "\u00a0",
        "a\x00b",  # the separator itself: the general path
        "WBZ-00001",
    ]
)


@settings(max_examples=300, deadline=None)
@given(column=st.lists(st.one_of(st.none(), BSN_LIKE, st.text(max_size=12)), max_size=12))
def test_the_text_sieve_counts_as_judging_each_value_does(column: list[str | None]) -> None:
    """A column of texts (every CSV column) is searched in C; the counts must be those of
    judging every distinct value with ``_is_bsn`` in Python."""
    assert _bsn_count(tuple(column)) == _distinct_bsn_count(tuple(column))


def test_the_text_sieve_finds_bsns_among_case_ids() -> None:
    """Three of five filled cells are BSNs as people write them (111 222 333, 111.222.333,
    111222333); one blank text and one empty cell are not filled. 3 * 2 >= 5: a BSN column."""
    column = ("111 222 333", "WBZ-1", "111.222.333", "  ", None, "111222333", "WBZ-2")
    assert _bsn_count(column) == (5, 3)


def test_a_long_run_of_spaces_is_searched_in_linear_time() -> None:
    """A hostile cell of a million spaces and a nine-digit tail must not make the regex
    backtrack without end; the count is still right (not a BSN: 111222334 fails)."""
    column = (" " * 1_000_000 + "111222334", " " * 1_000_000 + "x")
    assert _bsn_count(column) == (2, 0)
