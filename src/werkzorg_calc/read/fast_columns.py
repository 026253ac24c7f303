"""Column-wise validation of the cells that need no judgement; pydantic keeps the rest.

Nearly every cell of a large file is already what its column asks for: a finite number in
range, a date, a known status. This module walks each column once, turns those cells into the
value ``CaseRow`` would give them, and marks the position of every other cell (text to parse
that does not parse, an empty required cell, a value out of range, an Excel error value). A
row with a marked cell is validated by ``CaseRow`` as before, so its messages are exactly the
ones pydantic's validators give; the clean rows never meet pydantic. The two paths must agree
on every value: ``tests/read/test_fast_columns.py`` checks them against each other.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import cast

import numpy as np
import numpy.typing as npt

from werkzorg_calc.domain.columns import (
    BENEFIT_TYPE_LOOKUP,
    BY_FIELD,
    HOUSEHOLD_LOOKUP,
    NUMBER_FIELDS,
    STATUS_LOOKUP,
    normalise_name,
)
from werkzorg_calc.read.cells import CellValueError, DecimalStyle, parse_date_text
from werkzorg_calc.read.cells import parse_number_text as _parse_number
from werkzorg_calc.read.rows import MAX_AMOUNT, MAX_TEXT, case_id_text
from werkzorg_calc.read.table import (
    EXCEL_ERRORS,
    FLOAT_OR_EMPTY,
    TEXT_OR_EMPTY,
    is_blank,
)

Columns = Sequence[tuple[object, ...]]
_BAD = object()  # marks a cell the column pass leaves to pydantic
_MAX_HOURS = 60.0


def _bounds(field: str) -> tuple[float, float, bool]:
    """A number field's range as ``CaseRow`` has it: (low, high, low excluded).

    Hours are above 0 and at most 60; every amount is 0 up to the maximum amount.
    """
    if field == "hours_per_week":
        return 0.0, _MAX_HOURS, True
    return 0.0, float(MAX_AMOUNT), False


def _text(required: bool) -> Callable[[object], object]:
    def convert(value: object) -> object:
        if value is None:
            return _BAD if required else None
        if type(value) is str:
            text = value.strip()
            if not text:
                return _BAD if required else None
            if len(text) > MAX_TEXT or text in EXCEL_ERRORS:
                return _BAD
            return text
        if type(value) is int or (type(value) is float and value.is_integer()):
            if not -(10**MAX_TEXT) < value < 10**MAX_TEXT:
                return _BAD  # too long a text (and str() refuses past 4,300 digits)
            text = str(int(value))
            return text if len(text) <= MAX_TEXT else _BAD
        return _BAD

    return convert


def _choice(lookup: Mapping[str, str], required: bool) -> Callable[[object], object]:
    known: dict[str, object] = {}

    def convert(value: object) -> object:
        if value is None:
            return _BAD if required else None
        if type(value) is not str:
            return _BAD
        found = known.get(value)
        if found is None:
            if not value.strip():
                found = _BAD if required else None
            else:
                found = lookup.get(normalise_name(value), _BAD)
            known[value] = found
        return found

    return convert


def _within(day: date) -> object:
    """A date ``CaseRow`` accepts (1900-2200); any other goes the slow way for its message."""
    return day if 1900 <= day.year <= 2200 else _BAD


def _date(required: bool) -> Callable[[object], object]:
    def convert(value: object) -> object:
        if value is None:
            return _BAD if required else None
        if type(value) is datetime:
            return _within(value.date())
        if type(value) is date:
            return _within(value)
        if type(value) is str:
            found = known.get(value)
            if found is None:
                found = _date_text(value, required)
                known[value] = found
            return found
        return _BAD

    known: dict[str, object] = {}  # a CSV repeats a few hundred days: parse each once
    return convert


def _date_text(value: str, required: bool) -> object:
    if not value.strip():
        return _BAD if required else None
    try:
        return _within(parse_date_text(value))
    except CellValueError:
        return _BAD


# The commonest number text, which parse_number_text reads the same way: digits with at most
# one decimal mark of the file's own style (a workbook's text cell: whole numbers only).
_PLAIN_NUMBER: dict[DecimalStyle, re.Pattern[str]] = {
    "comma": re.compile(r"[0-9]+(?:,[0-9]+)?"),
    "point": re.compile(r"[0-9]+(?:\.[0-9]+)?"),
    "unknown": re.compile(r"[0-9]+"),
}


def _number(
    low: float, high: float, low_open: bool, style: DecimalStyle
) -> Callable[[object], object]:
    plain = _PLAIN_NUMBER[style]

    def convert(value: object) -> object:
        if value is None:
            return None
        if type(value) is float or type(value) is int:
            try:
                number = float(value)
            except OverflowError:  # an int beyond any float
                return _BAD
        elif type(value) is str:
            if plain.fullmatch(value):  # 1401,50 in a Dutch CSV: read as parse_number_text does
                number = float(value.replace(",", "."))
            elif not value.strip():
                return None
            else:
                try:
                    number = _parse_number(value, style)
                except CellValueError:
                    return _BAD
        else:
            return _BAD
        if not math.isfinite(number) or number > high or number < low:
            return _BAD
        if low_open and number == low:
            return _BAD
        return number

    return convert


def _out_of_range(cells: Sequence[object], field: str) -> npt.NDArray[np.intp]:
    """Positions of the floats outside the field's ``_bounds`` (``None`` is an empty cell);
    a NaN float (never empty, never in range) is out as well."""
    low, high, low_open = _bounds(field)
    numbers = np.array(cells, dtype=np.float64)  # None becomes NaN here
    above_low = numbers > low if low_open else numbers >= low
    outside = np.flatnonzero(~(above_low & (numbers <= high)))
    if not outside.size:
        return outside
    filled = np.array([cells[i] is not None for i in outside.tolist()], dtype=bool)
    located: npt.NDArray[np.intp] = outside[filled]
    return located


def _converters(style: DecimalStyle) -> dict[str, Callable[[object], object]]:
    converters: dict[str, Callable[[object], object]] = {
        "case_id": _text(required=True),
        "municipality": _text(required=False),
        "status": _choice(STATUS_LOOKUP, required=True),
        "benefit_type": _choice(BENEFIT_TYPE_LOOKUP, required=False),
        "household": _choice(HOUSEHOLD_LOOKUP, required=False),
        "trajectory_start": _date(required=True),
        "job_start": _date(required=False),
        "job_end": _date(required=False),
    }
    for field in NUMBER_FIELDS:
        converters[field] = _number(*_bounds(field), style)
    return converters


def validate_columns(
    columns: Columns, mapping: Mapping[str, int], style: DecimalStyle
) -> tuple[dict[str, list[object]], set[int]]:
    """Typed values per field for every row, and the positions of rows pydantic must see.

    ``columns`` are the table's columns (``table_columns``), one cell per data row. Values at
    a position in the returned set are meaningless; the caller validates those rows with
    ``CaseRow`` and uses its values and messages.
    """
    converters = _converters(style)
    values: dict[str, list[object]] = {}
    slow: set[int] = set()
    count = len(columns[0]) if columns else 0
    empty: tuple[object, ...] = (None,) * count
    for field, index in mapping.items():
        if BY_FIELD[field].kind == "private":
            continue
        cells_of = columns[index] if index < len(columns) else empty
        if field not in converters:
            # A column this pass does not know (wage_value_share, with its percent sign): every
            # row with a value in it is left to pydantic.
            slow.update(i for i, value in enumerate(cells_of) if not is_blank(value))
            continue
        convert = converters[field]
        kinds = set(map(type, cells_of))
        if kinds <= TEXT_OR_EMPTY:
            # A CSV column: text repeated many times (norms, hours, dates, statuses). Each
            # distinct text is judged once; text equals only text, so no 1 meets a True here.
            judged = {value: convert(value) for value in dict.fromkeys(cells_of)}
            column = [judged[value] for value in cells_of]
        elif field in NUMBER_FIELDS and kinds <= FLOAT_OR_EMPTY:
            # A workbook's amounts: floats and empty cells. The float is already the value
            # CaseRow gives; only the range is left to check, on the whole column at once.
            column = list(cells_of)
            slow.update(_out_of_range(cells_of, field).tolist())
        elif field in NUMBER_FIELDS:
            # The common cell, a float in range, is taken as it is without a call (NaN fails
            # every comparison and goes to the converter, which refuses it).
            low, high, low_open = _bounds(field)
            column = [
                v
                if type(v) is float and (low < v if low_open else low <= v) and v <= high
                else convert(v)
                for v in cells_of
            ]
        else:
            column = [convert(value) for value in cells_of]
        if _BAD in column:  # a scan in C; most columns have no bad cell at all
            slow.update(position for position, value in enumerate(column) if value is _BAD)
        values[field] = column
    for field in ("case_id", "status", "trajectory_start"):
        if field not in values:  # a missing required column: pydantic names it per row
            slow.update(range(count))
    return values, slow


def case_ids(column: Sequence[object], converted: Sequence[object] | None) -> list[str | None]:
    """Every row's case id as ``case_id_text`` gives it, for the search for repeated ids.

    ``converted`` is the case id column of ``validate_columns``: its text is already the id
    (both strip text and write 1001.0 as "1001"); only the cells it left to pydantic are read
    again, so an id that is refused for another reason still counts as a repeat.
    """
    if converted is None:
        return [case_id_text(cell) for cell in column]
    return [
        case_id_text(cell) if value is _BAD else cast(str, value)
        for cell, value in zip(column, converted, strict=True)
    ]
