"""Reading a CSV case file as Dutch or English Excel writes it."""

from __future__ import annotations

import csv
import io

from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read.cells import DecimalStyle
from werkzorg_calc.read.table import HEADER_SEARCH_ROWS, RawTable, is_header_row

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


def read_delimited(data: bytes, display: str, digest: str) -> RawTable:
    """Read ``;``-separated (decimal comma) or ``,``-separated (decimal point) text."""
    if b"\x00" in data:
        raise InputError.about_file(display, "not_text")
    text = _decode(data, display)
    first_line = text.split("\n", 1)[0]
    separator = _separator(first_line)
    decimal: DecimalStyle = "comma" if separator == ";" else "point"
    records = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        for number, record in enumerate(records, start=1):
            if is_header_row(tuple(record)):
                rows: list[tuple[int, tuple[object, ...]]] = [
                    (row_number, tuple([cell if cell.strip() else None for cell in cells]))
                    for row_number, cells in enumerate(records, start=number + 1)
                ]
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
