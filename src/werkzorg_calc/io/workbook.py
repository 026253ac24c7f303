"""Reading the case sheet of an ``.xlsx`` workbook with openpyxl in streaming mode."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import openpyxl

from werkzorg_calc.columns import normalise_name
from werkzorg_calc.errors import InputError, InputIssue

from .raw import HEADER_SEARCH_ROWS, RawTable, is_header_row

_PREFERRED_SHEET = "casussen"


def _find_header(rows: Iterator[tuple[object, ...]]) -> tuple[int, tuple[object, ...]] | None:
    for number, cells in enumerate(rows, start=1):
        if is_header_row(cells):
            return number, cells
        if number >= HEADER_SEARCH_ROWS:
            break
    return None


def read_workbook(data: bytes, display: str, digest: str) -> RawTable:
    """Find the case sheet (``Casussen`` first, else the first with a case id header)."""
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise InputError(
            [
                InputIssue(
                    display,
                    None,
                    None,
                    None,
                    f"het Excel-bestand is beschadigd of geen werkmap ({type(exc).__name__})",
                )
            ]
        ) from None
    try:
        sheets: list[Any] = sorted(
            workbook.worksheets, key=lambda ws: normalise_name(ws.title) != _PREFERRED_SHEET
        )
        for sheet in sheets:
            rows = sheet.iter_rows(values_only=True)
            found = _find_header(rows)
            if found is None:
                continue
            header_row, headers = found
            data_rows = [(number, cells) for number, cells in enumerate(rows, start=header_row + 1)]
            return RawTable(
                file=display,
                sheet=sheet.title,
                sha256=digest,
                header_row=header_row,
                headers=headers,
                rows=data_rows,
                decimal="unknown",
            )
    finally:
        workbook.close()
    raise InputError(
        [
            InputIssue(
                display,
                None,
                None,
                None,
                "geen blad gevonden met een kolom casus_id (of case_id) in de bovenste "
                f"{HEADER_SEARCH_ROWS} rijen",
            )
        ]
    )
