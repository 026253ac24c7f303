"""Keeping citizen service numbers (BSN) out: a column of them is refused, never shown.

A BSN is nine digits passing the 11-proef (9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11).
One such value can be chance (1 in 11 random nine-digit numbers pass); a column where at
least half the filled values pass is treated as a BSN column.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import cast

import numpy as np

from werkzorg_calc.domain.errors import InputIssue, Severity
from werkzorg_calc.read.table import FLOAT_OR_EMPTY, TEXT_OR_EMPTY, RawTable, column_letter


def _located(
    raw: RawTable, row: int, column: str, code: str, severity: Severity = "fout"
) -> InputIssue:
    return InputIssue(raw.file, raw.sheet, row, column, code, {}, severity)


def _digits_only(text: str) -> str:
    """A BSN as people write it: 111 222 333, 111.222.333 or 111-222-333 are one number."""
    return text.strip().replace(" ", "").replace(".", "").replace("-", "").replace("\u00a0", "")


def _could_be_bsn(value: object) -> bool:
    """Cheap first sieve: nine-digit text, or a whole number of eight or nine digits."""
    if isinstance(value, str):
        return len(_digits_only(value)) == 9
    if isinstance(value, int | float) and not isinstance(value, bool):
        return 10_000_000 <= value < 1_000_000_000
    return False


def _is_bsn(value: object) -> bool:
    """True for a value that reads as a valid citizen service number (11-proef)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A BSN stored as a number keeps 8 or 9 digits (a leading 0 drops); 24 hours a week,
        # padded to 000000024, would otherwise pass the 11-proef.
        if not float(value).is_integer() or not 10_000_000 <= value < 1_000_000_000:
            return False
        text = f"{int(value):09d}"
    elif isinstance(value, str):
        text = _digits_only(value)
    else:
        return False
    if len(text) != 9 or not text.isascii() or not text.isdigit() or text == "000000000":
        return False
    digits = [int(char) for char in text]
    total = sum(digit * weight for digit, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - digits[8]) % 11 == 0


def _bsn_count(column: tuple[object, ...]) -> tuple[int, int]:
    """Filled cells, and cells that are a valid BSN, of one column.

    Most columns repeat a few values (statuses, norms): they are counted in C first and each
    distinct value is judged once; equal numbers count together (24 and 24.0), which cannot
    change a verdict. Only text of nine characters or more and whole numbers of eight or nine
    digits can be a BSN, so everything else is passed over by its type.
    """
    kinds = set(map(type, column))
    if kinds <= FLOAT_OR_EMPTY:
        return _number_bsn_count(column)
    if kinds <= TEXT_OR_EMPTY:
        counted = _text_bsn_count(column)
        if counted is not None:
            return counted
    if kinds <= _DATE_KINDS:  # a date is never a BSN
        return len(column) - column.count(None), 0
    return _distinct_bsn_count(column)


def _distinct_bsn_count(column: tuple[object, ...]) -> tuple[int, int]:
    """``_bsn_count`` for any column: each distinct value judged in Python, once."""
    filled = hits = 0
    for value, count in Counter(column).items():
        kind = type(value)
        if kind is str:
            text = cast(str, value)
            if not text.strip():
                continue
            if len(text) >= 9 and _is_bsn(text):
                hits += count
        elif value is None:
            continue
        elif (kind is float or kind is int) and _could_be_bsn(value) and _is_bsn(value):
            hits += count
        filled += count
    return filled, hits


_DATE_KINDS = frozenset({datetime, date, type(None)})


# The shape of every text ``_is_bsn`` can accept: nine digits among white space, points and
# dashes, matched on whole values joined by NUL. The sieve lets more through than ``_is_bsn``
# accepts, never fewer, and what it lets through is judged by ``_is_bsn``. No class overlaps
# the digits, so the search stays linear on any text (a cell of a million spaces included).
_SEPARATOR = "\x00"
_VALUE_START = r"(?:\A|(?<=\x00))"
_VALUE_END = r"(?=\x00|\Z)"
_BSN_SHAPE = re.compile(_VALUE_START + r"[\s.\-]*(?:[0-9][\s.\-]*){9}" + _VALUE_END)
_BLANK_TEXT = re.compile(_VALUE_START + r"\s*" + _VALUE_END)


def _text_bsn_count(column: tuple[object, ...]) -> tuple[int, int] | None:
    """``_bsn_count`` for a column of texts and empty cells (every CSV column).

    A column of case ids holds as many distinct texts as rows: instead of judging each in
    Python, the distinct texts are joined and searched once in C for the shape of a BSN and
    for blank texts. ``None`` when a text holds the separator itself (then the general path).
    """
    counts = Counter(column)
    empty = counts.pop(None, 0)
    texts = cast("list[str]", list(counts))
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != max(len(texts) - 1, 0):
        return None
    blank = sum(counts[match.group()] for match in _BLANK_TEXT.finditer(joined))
    hits = sum(
        counts[text]
        for text in (match.group() for match in _BSN_SHAPE.finditer(joined))
        if _is_bsn(text)
    )
    return len(column) - empty - blank, hits


def _number_bsn_count(column: tuple[object, ...]) -> tuple[int, int]:
    """``_bsn_count`` for a column of floats and empty cells (a workbook's amounts), on arrays.

    Only whole numbers of eight or nine digits can be a BSN; each distinct one is judged once.
    """
    numbers = np.array(column, dtype=np.float64)  # None becomes NaN, and is never a candidate
    candidates = numbers[(numbers >= 1e7) & (numbers < 1e9) & (numbers == np.floor(numbers))]
    values, counts = np.unique(candidates, return_counts=True)
    hits = sum(
        int(count) for value, count in zip(values, counts, strict=True) if _is_bsn(float(value))
    )
    return len(column) - column.count(None), hits


def bsn_issues(
    raw: RawTable,
    columns: Sequence[tuple[object, ...]],
    mapping: Mapping[str, int],
    *,
    allow_bsn: bool,
) -> list[InputIssue]:
    """Refuse columns whose values are mostly valid BSNs; never show the values.

    With ``allow_bsn`` such a column is ignored with a warning, except a column whose values
    are shown in the output (case id, municipality): that one is refused all the same.
    ``columns`` are the data rows' columns from column A (``table_columns``).
    """
    issues: list[InputIssue] = []
    shown_fields = {
        mapping[field]: field for field in ("case_id", "municipality") if field in mapping
    }
    for index, column in enumerate(columns):
        filled, hits = _bsn_count(column)
        if hits == 0 or hits * 2 < filled:
            continue
        letter = column_letter(index)
        if index in shown_fields:
            issues.append(_located(raw, raw.header_row, letter, "bsn_in_shown_column"))
        elif allow_bsn:
            issues.append(
                _located(
                    raw,
                    raw.header_row,
                    letter,
                    "bsn_column_ignored",
                    "waarschuwing",
                )
            )
        elif index in mapping.values():
            issues.append(_located(raw, raw.header_row, letter, "bsn_in_known_column"))
        else:
            issues.append(_located(raw, raw.header_row, letter, "bsn_column"))
    return issues
