"""Reading dates and numbers written as text, as the case-file contract allows them."""

from __future__ import annotations

from datetime import date

import pytest

from werkzorg_calc.read.cells import (
    CellValueError,
    DecimalStyle,
    parse_date_text,
    parse_number_text,
)
from werkzorg_calc.read.rows import case_id_text
from werkzorg_calc.text.issues import reason_text

# ---------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-03-01", date(2018, 3, 1)),
        ("1-3-2018", date(2018, 3, 1)),
        ("01-03-2018", date(2018, 3, 1)),
        ("31-12-2017", date(2017, 12, 31)),
        ("  2018-06-30  ", date(2018, 6, 30)),
        ("2018-03-01 00:00:00", date(2018, 3, 1)),
    ],
)
def test_parse_date_text_reads_iso_and_dutch_day_first(text: str, expected: date) -> None:
    """ISO dates and Dutch day-first dates (with or without leading zeros) are read as such."""
    assert parse_date_text(text) == expected


def test_dutch_date_is_day_first_not_month_first() -> None:
    """`4-3-2018` is 4 March (Dutch order), never 3 April."""
    assert parse_date_text("4-3-2018") == date(2018, 3, 4)


@pytest.mark.parametrize("text", ["04/03/2024", "4/3/2024", "04.03.2024", "2024/03/04"])
def test_slashed_or_dotted_date_is_refused_as_ambiguous(text: str) -> None:
    """A date with / or . could be day-first or month-first, so it is refused with advice."""
    with pytest.raises(CellValueError, match="ambiguous") as caught:
        parse_date_text(text)
    assert text not in str(caught.value)


@pytest.mark.parametrize("text", ["31-02-2024", "2018-02-30", "0-1-2018", "1-13-2018"])
def test_impossible_date_is_refused(text: str) -> None:
    """A date that does not exist on the calendar (31 February) is refused."""
    with pytest.raises(CellValueError, match="date_nonexistent"):
        parse_date_text(text)


@pytest.mark.parametrize("text", ["morgen", "", "   ", "2018", "1-3-18", "maart 2018", "43160"])
def test_garbage_date_text_is_refused(text: str) -> None:
    """Text that is no date in an accepted notation is refused with how to write one."""
    with pytest.raises(CellValueError, match="date_invalid") as caught:
        parse_date_text(text)
    assert "2018-03-01" in reason_text(caught.value.code, {})


# ---------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("1.401,50", "comma", 1401.50),
        ("1.401,50", "point", 1401.50),
        ("1.401,50", "unknown", 1401.50),
        ("1401,50", "comma", 1401.50),
        ("1401,50", "unknown", 1401.50),
        ("1,401.50", "point", 1401.50),
        ("1,401.50", "unknown", 1401.50),
        ("1401.50", "point", 1401.50),
        ("1401.50", "unknown", 1401.50),
        ("1401", "comma", 1401.0),
        ("1401", "point", 1401.0),
        ("1401", "unknown", 1401.0),
        ("1.401", "comma", 1401.0),
        ("1,401", "point", 1401.0),
        ("1.401", "point", 1.401),
        ("1,401", "comma", 1.401),
        ("12.345.678", "comma", 12345678.0),
        ("12,345,678", "point", 12345678.0),
        ("1.234.567,89", "comma", 1234567.89),
        (" 1 401,50 ", "comma", 1401.50),
        ("1\u00a0401,50", "comma", 1401.50),
        ("0,5", "comma", 0.5),
        (",5", "comma", 0.5),
    ],
)
def test_parse_number_text_reads_dutch_and_english_notation(
    text: str, style: DecimalStyle, expected: float
) -> None:
    """Numbers with a decimal comma or point, with or without thousands marks, are read."""
    assert parse_number_text(text, style) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("€ 1.234,56", "comma", 1234.56),
        ("€ 1.234,56", "unknown", 1234.56),
        ("€1.234,56", "comma", 1234.56),
        ("€\u00a01.234,56", "comma", 1234.56),
        ("€ 1,234.56", "point", 1234.56),
        ("€ 250", "comma", 250.0),
    ],
)
def test_euro_sign_in_front_is_ignored(text: str, style: DecimalStyle, expected: float) -> None:
    """An amount written as Dutch Excel shows currency (`€ 1.234,56`) is read as the number."""
    assert parse_number_text(text, style) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("-5", "comma", -5.0),
        ("-1.401,50", "comma", -1401.50),
        ("-1401,50", "unknown", -1401.50),
        ("-1,401.50", "point", -1401.50),
        ("-1.401", "comma", -1401.0),
        ("€ -1.234,56", "comma", -1234.56),
        ("-€ 1.234,56", "comma", -1234.56),
        ("+12,5", "comma", 12.5),
    ],
)
def test_signed_numbers_keep_their_sign(text: str, style: DecimalStyle, expected: float) -> None:
    """A minus sign (also around a euro sign) gives a negative number, so range checks see it."""
    assert parse_number_text(text, style) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["1.401", "1,401", "-1.401", "12.345.678", "€ 1.401"])
def test_grouped_number_without_known_style_is_refused(text: str) -> None:
    """`1.401` in a workbook text cell could be 1401 or 1,401, so it is refused, not guessed."""
    with pytest.raises(CellValueError, match="ambiguous") as caught:
        parse_number_text(text, "unknown")
    assert text.strip("€ -") not in str(caught.value)


@pytest.mark.parametrize(("text", "style"), [("1.401.501", "point"), ("1,401,501", "comma")])
def test_repeated_decimal_mark_is_refused(text: str, style: DecimalStyle) -> None:
    """Two decimal marks of the file's own style cannot be one number, so it is refused."""
    with pytest.raises(CellValueError, match="ambiguous"):
        parse_number_text(text, style)


@pytest.mark.parametrize(("text", "style"), [("0.500", "comma"), ("0,500", "point")])
def test_leading_zero_group_is_not_read_as_thousands(text: str, style: DecimalStyle) -> None:
    """`0.500` cannot be thousands grouping (no number is written 0.500 for 500): never 500."""
    value: float | None
    try:
        value = parse_number_text(text, style)
    except CellValueError:
        value = None  # refusing it is as good as reading 0.5
    assert value is None or value == pytest.approx(0.5)


@pytest.mark.parametrize(
    "text", ["", "   ", "€", "abc", "12abc", "1.2.3,4,5", "1,2,3", "--5", "12-5", "€ €"]
)
@pytest.mark.parametrize("style", ["comma", "point", "unknown"])
def test_text_that_is_no_number_is_refused(text: str, style: DecimalStyle) -> None:
    """Text that is no number in any notation is refused (code number_expected)."""
    with pytest.raises(CellValueError, match="number_expected"):
        parse_number_text(text, style)


# ---------------------------------------------------------------------------- case ids


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1001.0, "1001"),
        (1001, "1001"),
        ("  V-01 ", "V-01"),
        ("1001", "1001"),
        (1001.5, "1001.5"),
        (None, None),
        ("   ", None),
        (True, None),
    ],
)
def test_case_id_text_matches_what_a_person_typed(value: object, expected: str | None) -> None:
    """Excel's 1001.0 becomes "1001", text is trimmed, and blanks or booleans give no id."""
    assert case_id_text(value) == expected
