"""From a path to a raw table: the format is decided by the bytes, then the right reader runs."""

from __future__ import annotations

import hashlib
from pathlib import Path

from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read.table import OLE_MAGIC, ZIP_MAGIC, RawTable


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
        from werkzorg_calc.read.workbook import read_workbook

        return read_workbook(data, display, digest)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        raise InputError.about_file(display, "geen geldig Excel-bestand (.xlsx)")
    from werkzorg_calc.read.delimited import read_delimited

    return read_delimited(data, display, digest)
