"""A sheet as read from disk: header row and data rows, with Excel row numbers kept."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from werkzorg_calc.columns import HEADER_LOOKUP, normalise_name
from werkzorg_calc.errors import InputError, InputIssue

from .cells import DecimalStyle
from .package import SheetFindings

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


def is_header_row(cells: tuple[object, ...]) -> bool:
    """True when a row holds the case id header (``casus_id`` or an alias)."""
    for cell in cells:
        if isinstance(cell, str):
            column = HEADER_LOOKUP.get(normalise_name(cell))
            if column is not None and column.field == "case_id":
                return True
    return False


def _lock_file_message(path: Path) -> str:
    """Excel's owner file ``~$name.xlsx`` stands beside the real workbook while it is open."""
    tail = path.name[2:]
    candidates = sorted(
        other.name
        for other in path.parent.glob("*")
        if other.name != path.name and not other.name.startswith("~$") and other.name.endswith(tail)
    )
    real = f"; bedoelt u {candidates[0]}?" if candidates else ""
    return (
        "dit is het tijdelijke vergrendelingsbestand dat Excel maakt zolang een werkmap open "
        f"is, niet de werkmap zelf{real}"
    )


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


def read_raw(path: Path, display: str) -> RawTable:
    """Read the case table from an ``.xlsx`` or ``.csv`` file, deciding by the bytes.

    ``display`` is the file name as the user wrote it, used in every message.
    """
    if path.name.startswith("~$"):
        raise InputError.about_file(display, _lock_file_message(path))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError.about_file(display, "bestand niet gevonden") from None
    except IsADirectoryError:
        raise InputError.about_file(display, "dit is een map") from None
    except PermissionError:
        raise InputError.about_file(display, "geen leesrechten op dit bestand") from None
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError.about_file(display, "het bestand is leeg")
    if data.startswith(OLE_MAGIC):
        # Excel stores a password-protected .xlsx as an OLE file with an EncryptedPackage.
        encrypted = "EncryptedPackage".encode("utf-16-le") in data
        message = (
            "de werkmap is met een wachtwoord beveiligd; haal het wachtwoord eraf in Excel "
            "(Bestand > Info > Werkmap beveiligen) en probeer opnieuw. werkzorg vraagt nooit "
            "om een wachtwoord"
            if encrypted
            else "oud Excel-formaat (.xls); sla het op als Excel-werkmap (.xlsx)"
        )
        raise InputError.about_file(display, message)
    if data.startswith(ZIP_MAGIC):
        from .workbook import read_workbook

        return read_workbook(data, display, digest)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        raise InputError.about_file(display, "geen geldig Excel-bestand (.xlsx)")
    from .delimited import read_delimited

    return read_delimited(data, display, digest)
