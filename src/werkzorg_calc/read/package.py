"""Looking inside an ``.xlsx`` package before any XML is parsed.

A workbook is a zip of XML files. Before openpyxl parses anything we check, from the zip's
own directory, that it is a workbook and not a macro workbook or another zip, and that the
declared sizes and compression ratios are sane (a zip bomb declares gigabytes in kilobytes).
Then we scan the case sheet's XML as bytes for things the streaming reader cannot see:
formulas without a stored result, merged cells, and hidden rows and columns.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from werkzorg_calc.domain.errors import InputError

MAX_ENTRIES = 5_000
# One XML part, uncompressed: a sheet at the row limit (1,048,576 rows of the contract's 25
# columns) is 0.84-0.93 GB as Excel, LibreOffice or openpyxl write it (32-37 bytes a cell), so
# a part may hold 60 bytes a cell of it; 768 MiB refused a full sheet as a zip bomb.
MAX_ENTRY_BYTES = 1536 * 1024 * 1024
MAX_TOTAL_BYTES = 2048 * 1024 * 1024  # the whole package, uncompressed
MAX_RATIO = 200  # real sheets compress about 10:1; a bomb 1000:1 or more
RATIO_FLOOR_BYTES = 1024 * 1024  # small parts may compress extremely well; only judge large ones
_PROLOG_BYTES = 64 * 1024  # a DOCTYPE with entity declarations stands before the first element

# Element names may carry a namespace prefix (x:c) and attributes come in any order, so each
# pattern finds an element first and reads its attributes apart.
_P = rb"(?:[A-Za-z_][\w.-]*:)?"
_ROW_OPEN = re.compile(rb"<" + _P + rb"row\b([^>]*?)(/?)>")
_ROW_CLOSE = re.compile(rb"</" + _P + rb"row>")
_CELL_OPEN = re.compile(rb"<" + _P + rb"c\b([^>]*?)(/?)>")
_CELL_CLOSE = re.compile(rb"</" + _P + rb"c>")
_FORMULA = re.compile(rb"<" + _P + rb"f\b")
_VALUE = re.compile(rb"<" + _P + rb"(?:v|is)\b[^>]*>\s*[^<\s]|<" + _P + rb"is\b")
_MERGED = re.compile(rb"<" + _P + rb"mergeCell\b([^>]*)>")
_COL = re.compile(rb"<" + _P + rb"col\b([^>]*)>")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_ROW_REF = re.compile(rb'\br="(\d+)"')
_RANGE = re.compile(rb'\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_MIN = re.compile(rb'\bmin="(\d+)"')
_MAX = re.compile(rb'\bmax="(\d+)"')


def column_index(letters: bytes | str) -> int:
    """0-based index of an Excel column: ``A`` → 0, ``AA`` → 26."""
    text = letters.decode() if isinstance(letters, bytes) else letters
    number = 0
    for char in text:
        number = number * 26 + (ord(char) - ord("A") + 1)
    return number - 1


@dataclass(frozen=True, slots=True)
class SheetFindings:
    """What the byte scan of one sheet found; rows are Excel row numbers, columns 0-based."""

    formula_without_value: tuple[tuple[int, int], ...] = ()
    merged: tuple[tuple[int, int, int, int], ...] = ()  # min_row, max_row, min_col, max_col
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[int, ...] = field(default=())
    last_value_row: int | None = None


def check_package(data: bytes, display: str) -> None:
    """Refuse anything that is not a plain, sane workbook, before parsing any XML."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    # NotImplementedError: a zip version or compression method Python cannot read.
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise InputError.about_file(display, "zip_damaged") from None
    names = {entry.filename for entry in entries}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise InputError.about_file(display, "macro_workbook")
    if "xl/workbook.xml" not in names:
        raise InputError.about_file(display, "zip_not_workbook")
    if len(entries) > MAX_ENTRIES:
        raise InputError.about_file(display, "too_many_parts", limit=MAX_ENTRIES)
    total = 0
    for entry in entries:
        total += entry.file_size
        too_large = entry.file_size > MAX_ENTRY_BYTES or total > MAX_TOTAL_BYTES
        ratio = entry.file_size / max(entry.compress_size, 1)
        if too_large or (entry.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO):
            raise InputError.about_file(display, "zip_bomb")


def sheet_names(data: bytes) -> tuple[str, ...] | None:
    """The sheet names ``xl/workbook.xml`` lists, or ``None`` when that part cannot be read.

    Call after ``check_package``; the part is a few hundred bytes, so asking "is there a sheet
    named X" costs nothing next to opening the workbook (openpyxl reads every shared string).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, NotImplementedError):
        return None
    except (ElementTree.ParseError, DefusedXmlException):
        return None
    return tuple(
        str(element.get("name", ""))
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] == "sheet"
    )


def declares_entities(data: bytes) -> bool:
    """Whether any XML part declares a DTD or entities (in its prolog, so its first bytes).

    Only the head of each part is inflated: a part that hides its real size stays small.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for entry in archive.infolist():
            try:
                with archive.open(entry) as part:
                    head = part.read(_PROLOG_BYTES)
            except Exception:  # noqa: S112 - a damaged part says nothing about entities
                continue
            if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
                return True
    return False


def scan_sheet(data: bytes, sheet_path: str) -> SheetFindings:
    """Scan the sheet's XML bytes (already size-checked) for what streaming cannot see.

    Rows are only walked when the sheet has formulas or hidden rows, so a plain sheet costs
    a few substring searches.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(sheet_path.lstrip("/"))
    return scan_sheet_xml(xml)


def prefix_search_spans(xml: bytes) -> tuple[tuple[int, int], ...]:
    """The parts of the sheet where a namespace prefix (x:c, x:f, x:row) must be searched for.

    The whole sheet, unless its ``<sheetData>`` body, where nearly all the bytes are, holds no
    colon at all: then only the parts before and after the body can hold a prefixed name (a
    prefixed ``<x:sheetData>`` is no ``<sheetData`` and leaves the whole sheet to search).
    Each search for a prefixed name costs a pass over the sheet (50-70 ms for 100,000 rows);
    the test for a colon runs at memchr speed. The cells rarely hold a colon: texts stand in
    the shared strings, a range such as A1:Y100001 stands outside the body.
    """
    start = xml.find(b"<sheetData")
    end = xml.find(b"</sheetData>", start) if start >= 0 else -1
    if end < 0 or xml.find(b":", start, end) >= 0:
        return ((0, len(xml)),)
    # Every prefixed pattern starts with the colon: one that starts before the body is no
    # longer than 16 bytes, so the first span reaches that far into it.
    return (0, min(start + _LONGEST_PREFIXED, end)), (end, len(xml))


_LONGEST_PREFIXED = 16


def found_in(xml: bytes, needle: bytes, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether ``needle`` occurs inside any of ``spans``."""
    return any(xml.find(needle, low, high) >= 0 for low, high in spans)


def scan_sheet_xml(xml: bytes, spans: tuple[tuple[int, int], ...] | None = None) -> SheetFindings:
    """``scan_sheet`` on the sheet's XML, already inflated (and size-checked).

    ``spans`` are ``prefix_search_spans(xml)`` when the caller has them already.
    """
    formulas: list[tuple[int, int]] = []
    hidden_rows: list[int] = []
    spans = prefix_search_spans(xml) if spans is None else spans
    # Each pattern starts with "<" (a namespace prefix may follow), so a regex search walks
    # the whole sheet slowly; a substring test first spares a plain sheet that walk.
    # LibreOffice writes hidden="false" on rows: only a true hidden row needs the walk.
    hidden = b'hidden="1"' in xml or b'hidden="true"' in xml
    if ((b"<f" in xml or found_in(xml, b":f", spans)) and _FORMULA.search(xml)) or hidden:
        formulas, hidden_rows = _walk_rows(xml)
    merged: list[tuple[int, int, int, int]] = []
    for attributes in _MERGED.findall(xml) if b"mergeCell" in xml else ():
        if match := _RANGE.search(attributes):
            c1, r1, c2, r2 = match.groups()
            merged.append((int(r1), int(r2 or r1), column_index(c1), column_index(c2 or c1)))
    hidden_columns: list[int] = []
    for attributes in _COL.findall(xml) if b"col " in xml else ():
        low, high = _MIN.search(attributes), _MAX.search(attributes)
        if _HIDDEN.search(attributes) and low and high:
            hidden_columns += range(int(low.group(1)) - 1, min(int(high.group(1)), 16_384))
    return SheetFindings(
        tuple(formulas),
        tuple(merged),
        tuple(hidden_rows),
        tuple(hidden_columns),
        _last_value_row(xml, spans),
    )


def _elements(
    opening: re.Pattern[bytes], closing: re.Pattern[bytes], xml: bytes
) -> Iterator[tuple[bytes, bytes | None]]:
    """The attributes and body of each element that ``opening`` starts (``None``: empty).

    A body ends at its closing tag, looked for only up to the next opening tag: a lazy
    ``<row>(.*?)</row>`` ran to the end of the sheet once for every unclosed tag, so a hostile
    sheet of 4,000 of them (88 kB) took 1.5 s and one of a few MB would take hours.
    """
    starts = list(opening.finditer(xml))
    for index, start in enumerate(starts):
        if start.group(2):  # <row .../>
            yield start.group(1), None
            continue
        limit = starts[index + 1].start() if index + 1 < len(starts) else len(xml)
        end = closing.search(xml, start.end(), limit)
        yield start.group(1), xml[start.end() : end.start()] if end else None


def _walk_rows(xml: bytes) -> tuple[list[tuple[int, int]], list[int]]:
    """Formula cells without a stored value, and hidden rows; references may be implied."""
    formulas: list[tuple[int, int]] = []
    hidden: list[int] = []
    row_number = 0
    for attributes, body in _elements(_ROW_OPEN, _ROW_CLOSE, xml):
        reference = _ROW_REF.search(attributes)
        row_number = int(reference.group(1)) if reference else row_number + 1
        if _HIDDEN.search(attributes):
            hidden.append(row_number)
        if not body or not _FORMULA.search(body):
            continue
        column = -1
        for cell_attributes, content in _elements(_CELL_OPEN, _CELL_CLOSE, body):
            cell = _CELL_REF.search(cell_attributes)
            column = column_index(cell.group(1)) if cell else column + 1
            if content and _FORMULA.search(content) and not _VALUE.search(content):
                formulas.append((row_number, column))
    return formulas, hidden


def _last_value_row(xml: bytes, spans: tuple[tuple[int, int], ...]) -> int | None:
    """The row number of the last cell that holds a value, found from the end of the sheet.

    ``spans`` (``prefix_search_spans``) are where prefixed names can stand.
    """

    def last(needle: bytes, before: int) -> int:
        return max(xml.rfind(needle, low, min(high, before)) for low, high in spans)

    end = max(
        xml.rfind(b"</v>"), xml.rfind(b"</is>"), last(b":v>", len(xml)), last(b":is>", len(xml))
    )
    if end < 0:
        return None
    start = max(xml.rfind(b"<row", 0, end), last(b":row ", end))
    if start < 0:
        return None
    reference = _ROW_REF.search(xml, start, xml.find(b">", start) + 1)
    return int(reference.group(1)) if reference else None
