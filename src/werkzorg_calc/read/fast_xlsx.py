"""Reading the case sheet with python-calamine (Rust), behind a guard on the raw bytes.

A Rust reader is about ten times faster than openpyxl, but it trusts the file more: it sizes
its grid from the cells it finds (a single cell in column XFD of row 1,048,576 asks for 17
billion cells), and an allocation that fails, or a panic, can end the whole process instead
of raising an exception. So calamine only ever sees a package that ``check_package`` has
passed and whose every XML part this module has inflated itself and found plain:

* each part inflates to exactly its declared size (nothing hides behind a small header);
* no part has a document type declaration (no entity can be defined, let alone expanded);
* the sheet uses the plain layout Excel, LibreOffice and openpyxl write (no namespace
  prefixes, every cell and row with its reference), so the references are the grid;
* no cell holds an error value such as ``#N/A`` (calamine hands those over as empty);
* the grid is small: no reference beyond column AZ (the 52nd) or beyond the row limit
  rounded up at its second digit (1,100,000 for 1,048,605), so calamine builds at most 57
  million cells (about 2 GB) even for a file made to be as bad as the guard lets through.

Anything else returns ``None`` and the caller reads the file with openpyxl's streaming
reader, which handles every odd file with its own bounds and messages.

The data cells are handed over as calamine gives them, which is the same content as openpyxl
in other types: an empty cell may be ``""``, a whole number ``24.0`` and a date a ``date``.
Everything downstream treats these alike (``is_blank``, ``case_id_text``, the column pass and
``CaseRow`` accept either); the header row is converted as openpyxl gives it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from defusedxml import ElementTree
from python_calamine import CalamineWorkbook

from werkzorg_calc.domain.columns import normalise_name
from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read.package import SheetFindings, prefix_search_spans, scan_sheet_xml
from werkzorg_calc.read.table import HEADER_SEARCH_ROWS, RawTable, is_header_row

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PREFERRED_SHEET = "casussen"

# Element names with a namespace prefix (calamine reads them, the patterns below would not).
_PREFIXED = re.compile(rb":(?:c|row|sheetData)[\s>/]")
# A good cell reference: column A..AZ (the 52nd), a row below the bound (see _grid). The
# contract has 25 columns; a sheet with cells further right is read by openpyxl instead.
_COLUMN = rb"(?:[A-Z]|A[A-Z])"


@dataclass(frozen=True, slots=True)
class _Sheet:
    name: str
    path: str
    hidden: bool


def _plain_parts(archive: zipfile.ZipFile) -> dict[str, bytes] | None:
    """Every XML part inflated, if each is its declared size and has no DTD; else None."""
    parts: dict[str, bytes] = {}
    for entry in archive.infolist():
        if not entry.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(entry) as part:
                data = part.read(entry.file_size + 1)  # one byte more shows a lie, unread
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            return None  # a bad checksum or method: the streaming reader says what is wrong
        # "<!" starts a DTD (and a comment or CDATA, which a sheet never needs): refused.
        # A sheet rarely holds a "!" at all, and that search runs at memchr speed.
        if len(data) != entry.file_size or (b"!" in data and b"<!" in data):
            return None
        parts[entry.filename] = data
    return parts


def _sheets(parts: dict[str, bytes]) -> tuple[list[_Sheet], bool] | None:
    """The worksheets in workbook order with their part names, and the 1904 date system."""
    workbook = ElementTree.fromstring(parts["xl/workbook.xml"])
    rels = parts.get("xl/_rels/workbook.xml.rels")
    if rels is None:
        return None
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in ElementTree.fromstring(rels).iter(f"{_PKG}Relationship")
    }
    sheets: list[_Sheet] = []
    for element in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(element.get(f"{_REL}id"))
        if not target:
            return None
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if path not in parts:
            return None
        state = element.get("state", "visible")
        sheets.append(_Sheet(element.get("name", ""), path, state != "visible"))
    properties = workbook.find(f"{_MAIN}workbookPr")
    date1904 = properties is not None and properties.get("date1904") in {"1", "true"}
    return sheets, date1904


def _number_below(bound: int) -> bytes:
    """A regex for the decimal numbers from 1 to just below ``bound``.

    ``bound`` has at most two significant digits (10**k, d*10**k or dd*10**k): 1,100,000 gives
    the numbers up to 1,099,999.
    """
    digits = str(bound)
    if len(digits) > 2 and set(digits[2:]) != {"0"}:
        raise ValueError(bound)
    size = len(digits)
    options = [f"[1-9]\\d{{0,{size - 2}}}"] if size > 1 else []  # fewer digits than the bound
    first, second = int(digits[0]), int(digits[1]) if size > 1 else 0
    if first > 1:  # as many digits, a smaller first one
        options.append(f"[1-{first - 1}]\\d{{{size - 1}}}")
    if second > 0:  # the same first digit, a smaller second one
        options.append(f"{first}[0-{second - 1}]\\d{{{size - 2}}}")
    return f"(?:{'|'.join(options)})".encode()


def _grid(max_row: int) -> tuple[re.Pattern[bytes], re.Pattern[bytes], int]:
    """Patterns for a cell or row tag NOT followed by a good reference, and the row bound.

    Every row number at most ``max_row`` is good; the bound is ``max_row`` rounded up at its
    second digit (1,048,605 → 1,100,000), so the grid calamine may build stays below
    52 columns × bound.
    """
    digits = str(max_row)
    bound = 10 if len(digits) < 2 else (int(digits[:2]) + 1) * 10 ** (len(digits) - 2)
    number = _number_below(bound)
    cell = rb'<c(?:>|/>|\s(?!r="' + _COLUMN + number + rb'"))'
    row = rb'<row(?:>|/>|\s(?!r="' + number + rb'"))'
    return re.compile(cell), re.compile(row), bound


def _small_grid(xml: bytes, max_row: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """True when the sheet is in the plain layout and every reference lies inside the grid.

    Four passes over the bytes: each pattern starts with a literal, so the search is fast.
    ``spans`` are the sheet's ``prefix_search_spans``.
    """
    cell, row, _ = _grid(max_row)
    prefixed = any(_PREFIXED.search(xml, low, high) for low, high in spans)
    # An error value (t="e") is empty to calamine: openpyxl shows it as #N/A and we refuse it.
    if prefixed or b't="e"' in xml:
        return False
    return not cell.search(xml) and not row.search(xml)


def _as_datetime(value: date) -> datetime:
    return datetime(value.year, value.month, value.day)


def _number(value: float) -> float | int:
    # openpyxl reads "24" as int and "24.5" as float; calamine gives floats. Excel writes
    # whole numbers below 10**15 without a point, larger ones in E-notation (a float).
    return int(value) if value.is_integer() and -1e15 < value < 1e15 else value


# calamine's values as openpyxl hands them over: empty cells None, dates as datetime, whole
# numbers as int.
_CONVERT: dict[type, Callable[[Any], object]] = {
    str: lambda value: value or None,
    float: _number,
    date: _as_datetime,
}


def _row(cells: list[Any], width: int) -> tuple[object, ...]:
    get = _CONVERT.get
    return tuple(
        [convert(cell) if (convert := get(type(cell))) else cell for cell in cells[:width]]
    )


def read_fast(
    data: bytes, display: str, digest: str, *, max_rows: int, max_columns: int
) -> RawTable | None:
    """The case table read by calamine, or None when the guard sends the file to openpyxl."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = _plain_parts(archive)
    if parts is None:
        return None
    found = _sheets(parts)
    if found is None:
        return None
    sheets, date1904 = found
    limit = max_rows + HEADER_SEARCH_ROWS
    # Where a prefixed name may stand, found once per sheet for the guard and the byte scan.
    spans = {sheet.path: prefix_search_spans(parts[sheet.path]) for sheet in sheets}
    if not all(_small_grid(parts[sheet.path], limit, spans[sheet.path]) for sheet in sheets):
        return None
    # The byte scan of each sheet now, so the inflated parts (a sheet at the row limit is about
    # 0.9 GB) are let go before calamine builds its grid: the two at once set the peak.
    scanned = {sheet.path: scan_sheet_xml(parts[sheet.path], spans[sheet.path]) for sheet in sheets}
    del parts
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        ordered = sorted(sheets, key=lambda sheet: normalise_name(sheet.name) != _PREFERRED_SHEET)
        for sheet in ordered:
            rows: Iterator[list[Any]] = iter(
                book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
            )
            for number, cells in enumerate(rows, start=1):
                header = _row(cells, max_columns)
                if is_header_row(header):
                    # The cells as calamine gives them (see the module notes): converting
                    # two million cells one by one would cost as much as the read itself.
                    data_rows = [
                        (row_number, tuple(row))
                        for row_number, row in enumerate(rows, start=number + 1)
                    ]
                    findings: SheetFindings = scanned[sheet.path]
                    return RawTable(
                        file=display,
                        sheet=sheet.name,
                        sha256=digest,
                        header_row=number,
                        headers=_trim(header),
                        rows=data_rows,
                        decimal="unknown",
                        findings=findings,
                        sheet_hidden=sheet.hidden,
                        date1904=date1904,
                    )
                if number >= HEADER_SEARCH_ROWS:
                    break
    finally:
        book.close()
    raise InputError.about_file(display, "no_case_sheet", limit=HEADER_SEARCH_ROWS)


def _trim(header: tuple[object, ...]) -> tuple[object, ...]:
    """The header without the empty cells calamine pads to the sheet's width."""
    end = len(header)
    while end and header[end - 1] is None:
        end -= 1
    return header[:end]
