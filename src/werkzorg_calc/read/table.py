"""A sheet as read from disk: header row and data rows, with Excel row numbers kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from werkzorg_calc.domain.columns import HEADER_LOOKUP, normalise_name
from werkzorg_calc.domain.errors import InputIssue
from werkzorg_calc.read.cells import DecimalStyle
from werkzorg_calc.read.package import SheetFindings

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls and password-protected .xlsx

# Excel shows these error values in a cell; openpyxl hands them over as text.
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)


@dataclass(frozen=True, slots=True)
class RawTable:
    """The case table of one file before validation.

    ``rows`` pairs each row's Excel row number with its cells from column A onwards, so any
    message can name the row and column letter a person sees when opening the file.
    """

    file: str
    sheet: str | None
    sha256: str
    header_row: int
    headers: tuple[object, ...]
    rows: list[tuple[int, tuple[object, ...]]]
    decimal: DecimalStyle
    findings: SheetFindings = field(default_factory=SheetFindings)
    sheet_hidden: bool = False
    date1904: bool = False
    notes: tuple[InputIssue, ...] = ()


# The header may sit below a title block; beyond this many rows we stop looking for it.
HEADER_SEARCH_ROWS = 30
# Rows read below the header, the same for a workbook and a CSV: every row an Excel sheet can
# hold (1,048,576 with the header in row 1). Memory allows it: a million cases take about
# 2.7 GB from CSV and more from .xlsx (docs/performance.md, "Row limits").
MAX_DATA_ROWS = 1_048_575


def is_header_row(cells: tuple[object, ...]) -> bool:
    """True when a row holds the case id header (``casus_id`` or an alias)."""
    for cell in cells:
        if isinstance(cell, str):
            column = HEADER_LOOKUP.get(normalise_name(cell))
            if column is not None and column.field == "case_id":
                return True
    return False


def column_letter(index: int) -> str:
    """Excel's letter for a 0-based column index: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def is_blank(value: object) -> bool:
    """True for an empty cell: nothing, or only white space."""
    return value is None or (isinstance(value, str) and not value.strip())


# The kinds of cell a whole column may hold for the column-wise paths to take it at once.
TEXT_OR_EMPTY: Final = frozenset({str, type(None)})  # every column of a CSV file
FLOAT_OR_EMPTY: Final = frozenset({float, type(None)})  # a workbook's amounts


def table_columns(rows: Sequence[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """The columns of ``rows``, a missing cell at the end of a short row as ``None``.

    Rows of one width (every workbook row from calamine) are transposed in C by ``zip``; a
    column list built cell by cell in Python costs about 20 ms per 100,000 rows per column.
    """
    width = max((len(cells) for cells in rows), default=0)
    if all(len(cells) == width for cells in rows):
        return list(zip(*rows, strict=True))
    padded = [cells + (None,) * (width - len(cells)) for cells in rows]
    return list(zip(*padded, strict=True))
