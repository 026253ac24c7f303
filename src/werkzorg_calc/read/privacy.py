"""Keeping citizen service numbers (BSN) out: a column of them is refused, never shown.

A BSN is nine digits passing the 11-proef (9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11).
One such value can be chance (1 in 11 random nine-digit numbers pass); a column where at
least half the filled values pass is treated as a BSN column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime
from typing import cast

import numpy as np

from werkzorg_calc.domain.errors import InputIssue, Severity
from werkzorg_calc.read.table import FLOAT_OR_EMPTY, RawTable, column_letter, table_columns


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
    if kinds <= _DATE_KINDS:  # a date is never a BSN
        return len(column) - column.count(None), 0
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
    table: list[tuple[int, tuple[object, ...]]],
    mapping: Mapping[str, int],
    *,
    allow_bsn: bool,
) -> list[InputIssue]:
    """Refuse columns whose values are mostly valid BSNs; never show the values.

    With ``allow_bsn`` such a column is ignored with a warning, except a column whose values
    are shown in the output (case id, municipality): that one is refused all the same.
    """
    issues: list[InputIssue] = []
    shown_fields = {
        mapping[field]: field for field in ("case_id", "municipality") if field in mapping
    }
    for index, column in enumerate(table_columns([cells for _, cells in table])):
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
