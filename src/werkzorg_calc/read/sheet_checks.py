"""Checks on the sheet as a whole that guard against silent misreads.

A cell can look empty to the reader while Excel shows a number (a formula saved without its
result), a value can belong to several rows (merged cells), a heading can spill into a second
row, a row can be hidden, and a date can be stored as a bare number. Each becomes a located
error or warning here instead of a wrong figure later.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import TypeGuard

from werkzorg_calc.domain.columns import BY_FIELD, HEADER_LOOKUP, normalise_name
from werkzorg_calc.domain.errors import InputIssue, Param
from werkzorg_calc.read.table import RawTable, column_letter, is_blank

Rows = list[tuple[int, tuple[object, ...]]]
Columns = Sequence[tuple[object, ...]]
_DATE_FIELDS = ("trajectory_start", "job_start", "job_end")
# Serial numbers of 1 Jan 1990 and 31 Dec 2099 in the 1900 system: a plausible case date.
_SERIAL_RANGE = (32_874, 73_415)


def _issue(
    raw: RawTable, row: int | None, column: str | None, code: str, **params: Param
) -> InputIssue:
    return InputIssue(raw.file, raw.sheet, row, column, code, params)


def _warning(
    raw: RawTable, row: int | None, column: str | None, code: str, **params: Param
) -> InputIssue:
    return InputIssue(raw.file, raw.sheet, row, column, code, params, "waarschuwing")


def sheet_issues(raw: RawTable, table: Rows, mapping: Mapping[str, int]) -> list[InputIssue]:
    """Formulas without a result, merged cells, hidden parts, second heading row."""
    findings = raw.findings
    issues = list(raw.notes)
    if not table:
        return issues
    first, last = table[0][0], table[-1][0]
    used = {index: field for field, index in mapping.items() if BY_FIELD[field].kind != "private"}
    for row, column in findings.formula_without_value:
        if first <= row <= last and column in used:
            issues.append(
                _issue(
                    raw,
                    row,
                    column_letter(column),
                    "formula_without_value",
                    field=BY_FIELD[used[column]].header,
                )
            )
    for min_row, max_row, min_col, max_col in findings.merged:
        if max_row >= raw.header_row and min_row <= last:
            cells = f"{column_letter(min_col)}{min_row}:{column_letter(max_col)}{max_row}"
            issues.append(
                _issue(
                    raw,
                    min_row,
                    column_letter(min_col),
                    "merged_cells",
                    cells=cells,
                )
            )
    hidden = sorted(row for row in findings.hidden_rows if first <= row <= last)
    if hidden:
        issues.append(_warning(raw, hidden[0], None, "hidden_rows", rows=tuple(hidden)))
    hidden_columns = sorted(set(findings.hidden_columns) & set(used))
    if hidden_columns:
        names = ", ".join(column_letter(column) for column in hidden_columns)
        issues.append(_warning(raw, raw.header_row, None, "hidden_columns", columns=names))
    if raw.sheet_hidden:
        issues.append(_warning(raw, None, None, "sheet_hidden"))
    issues.extend(_second_heading(raw, table, mapping))
    return issues


def _second_heading(raw: RawTable, table: Rows, mapping: Mapping[str, int]) -> list[InputIssue]:
    """A first data row without case id whose texts are column names: a heading split in two."""
    number, cells = table[0]
    id_index = mapping.get("case_id")
    if id_index is not None and id_index < len(cells) and not is_blank(cells[id_index]):
        return []
    texts = [cell for cell in cells if isinstance(cell, str) and cell.strip()]
    known = [text for text in texts if normalise_name(text) in HEADER_LOOKUP]
    if len(texts) >= 2 and (known or all(not any(c.isdigit() for c in text) for text in texts)):
        return [
            _issue(
                raw,
                number,
                None,
                "heading_two_rows",
                header_row=raw.header_row,
                second_row=number,
            )
        ]
    return []


def dates_from_numbers(
    raw: RawTable, table: Rows, columns: Columns, mapping: Mapping[str, int]
) -> tuple[Rows, Columns, list[InputIssue]]:
    """Read Excel date serial numbers in date columns as dates, and say so per column.

    A date cell whose number format was lost shows a number such as 43101; in a workbook it
    can only mean a day counted from the workbook's epoch (1900 or 1904), so we convert it
    when it lands between 1990 and 2099 and leave anything else to the validator's error.
    ``columns`` are the columns of ``table``; both come back, converted where a date was.
    """
    if raw.sheet is None:
        return table, columns, []
    epoch = datetime(1904, 1, 1) if raw.date1904 else datetime(1899, 12, 30)
    low, high = _SERIAL_RANGE
    if raw.date1904:
        low, high = low - 1462, high - 1462  # the 1904 system counts 1,462 days fewer
    numbers = [number for number, _ in table]
    converted: dict[str, list[int]] = {}
    changed = list(columns)
    for field in _DATE_FIELDS:
        index = mapping.get(field)
        # Only a date column that holds a number is walked, cell by cell.
        if index is None or index >= len(columns) or not _holds_numbers(columns[index]):
            continue
        column = list(columns[index])
        for position, value in enumerate(column):
            if _is_serial(value) and low <= value <= high and float(value).is_integer():
                column[position] = epoch + timedelta(days=int(value))
                converted.setdefault(field, []).append(numbers[position])
        changed[index] = tuple(column)
    issues = [
        _warning(
            raw,
            None,
            column_letter(mapping[field]),
            "dates_from_serial",
            field=BY_FIELD[field].header,
            count=len(numbers),
            rows=tuple(numbers),
        )
        for field, numbers in converted.items()
    ]
    if not converted:
        return table, columns, issues
    # The rows again from the columns, in C (a short CSV row comes back padded with None).
    return list(zip(numbers, zip(*changed, strict=True), strict=True)), changed, issues


def _is_serial(value: object) -> TypeGuard[int | float]:
    """A number (a bool is an int to Python, but never a date serial)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _holds_numbers(column: tuple[object, ...]) -> bool:
    """Whether any cell is a number, judged once per kind of cell."""
    return any(
        issubclass(kind, int | float) and kind is not bool for kind in set(map(type, column))
    )
