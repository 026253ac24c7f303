"""Reading a CSV case file as Dutch or English Excel writes it."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import islice

from werkzorg_calc.domain.errors import InputError, InputIssue
from werkzorg_calc.read.cells import DecimalStyle
from werkzorg_calc.read.table import (
    HEADER_SEARCH_ROWS,
    MAX_DATA_ROWS,
    RawTable,
    is_header_row,
)

_BOM = b"\xef\xbb\xbf"


_UNKNOWN_ENCODING = "encoding_unknown"


def _decode(data: bytes, display: str) -> str:
    """UTF-8 (with or without byte-order mark), else Windows-1252 as Dutch Excel writes it."""
    if data.startswith(_BOM):
        try:
            return data[len(_BOM) :].decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            # A mark that promises UTF-8 over other bytes: guessing could misread names.
            raise InputError.about_file(display, _UNKNOWN_ENCODING) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)" writes Windows-1252.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError.about_file(display, _UNKNOWN_ENCODING) from None


def _separator(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=lambda sep: counts[sep])


_UNSEEN = object()


# One line with its ending: \r\n, \r or \n, as a file opened with newline="" splits them.
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its ending, as ``csv`` reads them from a file.

    Not ``io.StringIO``: it copies the text into a buffer of four bytes a character (670 MB
    for a 167 MB national file) before the first line. A quoted field with a line break spans
    two lines here and ``csv`` joins them, as it does for a file.
    """
    return (line.group() for line in _LINE.finditer(text))


def _data_rows(
    records: Iterator[list[str]], first: int, display: str
) -> list[tuple[int, tuple[object, ...]]]:
    """The rows below the header, blank cells as ``None`` and equal texts as one object.

    A national file repeats the same few texts millions of times (statuses, norms, dates);
    the csv module makes a new string for each. Keeping one object per distinct text holds
    the table in a fraction of the memory, and the blank test runs once per distinct text.
    At most ``MAX_DATA_ROWS`` rows are read, as from a workbook; a value further down is
    refused with its row, blank lines there are not.
    """
    seen: dict[str, str | None] = {}
    look = seen.get
    rows: list[tuple[int, tuple[object, ...]]] = []
    append = rows.append
    for row_number, cells in enumerate(islice(records, MAX_DATA_ROWS), start=first):
        append(
            (
                row_number,
                tuple(
                    [
                        kept if (kept := look(cell, _UNSEEN)) is not _UNSEEN else _keep(seen, cell)
                        for cell in cells
                    ]
                ),
            )
        )
    for row_number, cells in enumerate(records, start=first + MAX_DATA_ROWS):
        if any(cell.strip() for cell in cells):
            params = {"max_rows": MAX_DATA_ROWS, "last": row_number}
            raise InputError(
                [InputIssue(display, None, row_number, None, "rows_beyond_limit", params)]
            )
    return rows


def _keep(seen: dict[str, str | None], cell: str) -> str | None:
    kept = cell if cell.strip() else None
    seen[cell] = kept
    return kept


def read_delimited(data: bytes, display: str, digest: str) -> RawTable:
    """Read ``;``-separated (decimal comma) or ``,``-separated (decimal point) text."""
    if b"\x00" in data:
        raise InputError.about_file(display, "not_text")
    text = _decode(data, display)
    first_line = text.split("\n", 1)[0]
    separator = _separator(first_line)
    decimal: DecimalStyle = "comma" if separator == ";" else "point"
    records = csv.reader(_lines(text), delimiter=separator)
    try:
        for number, record in enumerate(records, start=1):
            if is_header_row(tuple(record)):
                rows = _data_rows(records, number + 1, display)
                return RawTable(
                    file=display,
                    sheet=None,
                    sha256=digest,
                    header_row=number,
                    headers=tuple(record),
                    rows=rows,
                    decimal=decimal,
                )
            if number >= HEADER_SEARCH_ROWS:
                break
    except csv.Error:
        raise InputError.about_file(display, "csv_malformed") from None
    raise InputError.about_file(display, "csv_no_header", limit=HEADER_SEARCH_ROWS)
