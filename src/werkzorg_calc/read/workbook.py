"""Reading the case sheet of an ``.xlsx`` workbook with openpyxl in streaming mode.

Hostile or odd files are expected: the package is checked before parsing, the sheet's stated
size is ignored (a forged dimension would make the reader pad every row to 16,384 columns),
rows and columns are capped, and anything the parser raises becomes an ``InputError``.
"""

from __future__ import annotations

import importlib.util
import io
import os
from collections.abc import Iterator
from itertools import islice
from typing import Any

from defusedxml import DefusedXmlException

from werkzorg_calc.domain.columns import normalise_name
from werkzorg_calc.domain.errors import InputError, InputIssue, WerkzorgError
from werkzorg_calc.read.fast_xlsx import read_fast
from werkzorg_calc.read.package import check_package, declares_entities, scan_sheet
from werkzorg_calc.read.table import (
    HEADER_SEARCH_ROWS,
    MAX_DATA_ROWS,
    RawTable,
    is_blank,
    is_header_row,
)

_PREFERRED_SHEET = "casussen"
# openpyxl's own rule (openpyxl.xml.DEFUSEDXML), without importing openpyxl on the fast path.
DEFUSEDXML = (
    os.environ.get("OPENPYXL_DEFUSEDXML", "True") == "True"
    and importlib.util.find_spec("defusedxml") is not None
)
MAX_ROWS = MAX_DATA_ROWS  # rows read below the header, as for a CSV
MAX_COLUMNS = 200  # the contract has 21 columns; anything far right is not our table


def _find_header(rows: Iterator[tuple[object, ...]]) -> tuple[int, tuple[object, ...]] | None:
    for number, cells in enumerate(rows, start=1):
        if is_header_row(cells[:MAX_COLUMNS]):
            return number, cells[:MAX_COLUMNS]
        if number >= HEADER_SEARCH_ROWS:
            break
    return None


def read_workbook(data: bytes, display: str, digest: str) -> RawTable:
    """Find the case sheet (``Casussen`` first, else the first with a case id header)."""
    if not DEFUSEDXML:
        # Without defusedxml, openpyxl would expand XML entities: refuse rather than risk it.
        raise InputError.about_file(display, "defusedxml_missing")
    check_package(data, display)
    try:
        table = read_fast(data, display, digest, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
        if table is None:  # not plain enough for calamine: the streaming reader takes it
            return _read(data, display, digest)
        _beyond_the_limit(table.findings.last_value_row, table.header_row, display, table.sheet)
        return table
    except WerkzorgError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a Rust panic (pyo3 PanicException) is a BaseException
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise
        # A hostile file may make a parser raise anything at all. An entity declaration (the
        # "billion laughs" attack) or a DTD: Excel never writes one, and the parser refuses
        # it; name that cause rather than a generic failure.
        if isinstance(exc, DefusedXmlException) or declares_entities(data):
            raise InputError.about_file(display, "xml_entities") from None
        raise InputError.about_file(display, "workbook_unreadable") from None


def _read(data: bytes, display: str, digest: str) -> RawTable:
    import openpyxl  # only for the files the fast reader's guard sends here

    workbook = openpyxl.load_workbook(
        io.BytesIO(data), read_only=True, data_only=True, keep_links=False
    )
    try:
        sheets: list[Any] = sorted(
            workbook.worksheets, key=lambda ws: normalise_name(ws.title) != _PREFERRED_SHEET
        )
        for sheet in sheets:
            sheet.reset_dimensions()  # never trust the stated size
            rows = sheet.iter_rows(values_only=True)
            found = _find_header(rows)
            if found is None:
                continue
            header_row, headers = found
            data_rows, notes = _data_rows(rows, header_row, display, sheet.title)
            findings = scan_sheet(data, sheet._worksheet_path)
            _beyond_the_limit(findings.last_value_row, header_row, display, sheet.title)
            return RawTable(
                file=display,
                sheet=sheet.title,
                sha256=digest,
                header_row=header_row,
                headers=headers,
                rows=data_rows,
                decimal="unknown",
                findings=findings,
                sheet_hidden=sheet.sheet_state != "visible",
                date1904=bool(workbook.epoch.year == 1904),
                notes=tuple(notes),
            )
    finally:
        workbook.close()
    raise InputError.about_file(display, "no_case_sheet", limit=HEADER_SEARCH_ROWS)


def _beyond_the_limit(last: int | None, header_row: int, display: str, sheet: str | None) -> None:
    """A value further down than ``MAX_ROWS`` rows below the header is refused, not dropped."""
    if last is not None and last - header_row > MAX_ROWS:
        params = {"max_rows": MAX_ROWS, "last": last}
        raise InputError([InputIssue(display, sheet, last, None, "rows_beyond_limit", params)])


def _data_rows(
    rows: Iterator[tuple[object, ...]], header_row: int, display: str, sheet: str
) -> tuple[list[tuple[int, tuple[object, ...]]], list[InputIssue]]:
    """Rows below the header, at most ``MAX_ROWS``, each at most ``MAX_COLUMNS`` wide."""
    data_rows: list[tuple[int, tuple[object, ...]]] = []
    notes: list[InputIssue] = []
    far_right: list[int] = []
    # Pull no row past the limit: the streaming reader yields one empty row per missing row
    # number, so a row numbered in the billions would take hours. The byte scan tells us
    # whether anything lies further down (see _beyond_the_limit).
    for number, row in enumerate(islice(rows, MAX_ROWS), start=header_row + 1):
        cells = row
        if len(cells) > MAX_COLUMNS:
            if any(not is_blank(cell) for cell in cells[MAX_COLUMNS:]):
                far_right.append(number)
            cells = cells[:MAX_COLUMNS]
        data_rows.append((number, cells))
    if far_right:
        notes.append(
            InputIssue(
                display,
                sheet,
                far_right[0],
                None,
                "cells_far_right",
                {"limit": MAX_COLUMNS, "first": far_right[0]},
                "waarschuwing",
            )
        )
    return data_rows, notes
