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
from dataclasses import dataclass, field

from werkzorg_calc.errors import InputError

MAX_ENTRIES = 5_000
MAX_ENTRY_BYTES = 768 * 1024 * 1024  # one XML part, uncompressed
MAX_TOTAL_BYTES = 1536 * 1024 * 1024  # the whole package, uncompressed
MAX_RATIO = 200  # real sheets compress about 10:1; a bomb 1000:1 or more
RATIO_FLOOR_BYTES = 1024 * 1024  # small parts may compress extremely well; only judge large ones

_CELL_WITH_FORMULA_ONLY = re.compile(
    rb'<c r="([A-Z]{1,3})(\d+)"[^>]*>\s*'  # a cell …
    rb"(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)\s*"  # … with a formula …
    rb"(?:<v\s*/>|<v>\s*</v>)?\s*</c>"  # … and no stored value
)
_MERGED = re.compile(rb'<mergeCell ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
_HIDDEN_ROW = re.compile(
    rb'<row [^>]*?\br="(\d+)"[^>]*?\bhidden="(?:1|true)"|'
    rb'<row [^>]*?\bhidden="(?:1|true)"[^>]*?\br="(\d+)"'
)
_HIDDEN_COLS = re.compile(
    rb'<col [^>]*?\bmin="(\d+)"[^>]*?\bmax="(\d+)"[^>]*?\bhidden="(?:1|true)"'
)


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


def check_package(data: bytes, display: str) -> None:
    """Refuse anything that is not a plain, sane workbook, before parsing any XML."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError.about_file(
            display, "het Excel-bestand is beschadigd of geen werkmap (geen geldige zip)"
        ) from None
    names = {entry.filename for entry in entries}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise InputError.about_file(
            display,
            "werkmap met macro's (.xlsm); werkzorg opent die niet. Sla het blad op als "
            "Excel-werkmap (.xlsx) zonder macro's",
        )
    if "xl/workbook.xml" not in names:
        raise InputError.about_file(
            display,
            "dit is een zip-bestand maar geen Excel-werkmap; sla het op als .xlsx of .csv",
        )
    if len(entries) > MAX_ENTRIES:
        raise InputError.about_file(
            display, f"het Excel-bestand bevat meer dan {MAX_ENTRIES} onderdelen"
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        too_large = entry.file_size > MAX_ENTRY_BYTES or total > MAX_TOTAL_BYTES
        ratio = entry.file_size / max(entry.compress_size, 1)
        if too_large or (entry.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO):
            raise InputError.about_file(
                display,
                "het Excel-bestand pakt uit tot een onredelijke omvang (mogelijk een zip-bom); "
                "het is niet geopend",
            )


def scan_sheet(data: bytes, sheet_path: str) -> SheetFindings:
    """Scan the sheet's XML bytes (already size-checked) for what streaming cannot see."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(sheet_path.lstrip("/"))
    formulas: tuple[tuple[int, int], ...] = ()
    if b"<f" in xml:
        formulas = tuple(
            (int(row), column_index(letters))
            for letters, row in _CELL_WITH_FORMULA_ONLY.findall(xml)
        )
    merged = tuple(
        (int(r1), int(r2), column_index(c1), column_index(c2))
        for c1, r1, c2, r2 in _MERGED.findall(xml)
    )
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[int, ...] = ()
    if b"hidden=" in xml:
        hidden_rows = tuple(int(first or second) for first, second in _HIDDEN_ROW.findall(xml))
        hidden_columns = tuple(
            index
            for low, high in _HIDDEN_COLS.findall(xml)
            for index in range(int(low) - 1, min(int(high), 16_384))
        )
    return SheetFindings(formulas, merged, hidden_rows, hidden_columns)
