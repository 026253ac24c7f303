"""From a path to a raw table: the format is decided by the bytes, then the right reader runs."""

from __future__ import annotations

import hashlib
from pathlib import Path

from werkzorg_calc.domain.errors import InputError, InputIssue
from werkzorg_calc.read.table import OLE_MAGIC, ZIP_MAGIC, RawTable

_WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})


def _lock_file_error(path: Path, display: str) -> InputError:
    """Excel's owner file ``~$name.xlsx`` stands beside the real workbook while it is open."""
    tail = path.name[2:]
    candidates = sorted(
        other.name
        for other in path.parent.glob("*")
        if other.name != path.name and not other.name.startswith("~$") and other.name.endswith(tail)
    )
    if candidates:
        return InputError.about_file(display, "excel_lock_file_guess", candidate=candidates[0])
    return InputError.about_file(display, "excel_lock_file")


def _read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes, refused when it changed while we read it (still being saved)."""
    try:
        before = path.stat()
        data = path.read_bytes()
        after = path.stat()
    except FileNotFoundError:
        raise InputError.about_file(display, "file_not_found") from None
    except IsADirectoryError:
        raise InputError.about_file(display, "file_is_directory") from None
    except PermissionError:
        raise InputError.about_file(display, "file_not_readable") from None
    except OSError:
        raise InputError.about_file(display, "file_unreadable") from None
    changed = (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns)
    if changed or len(data) != after.st_size:
        raise InputError.about_file(display, "file_changed")
    return data


_CONTROL_BYTES = frozenset(range(9)) | frozenset(range(14, 32)) - {26}


def _looks_like_text(data: bytes) -> bool:
    """Text (UTF-8 or Windows-1252) has no control bytes besides tab, newline and return."""
    sample = data[:65_536]
    return not any(byte in _CONTROL_BYTES for byte in sample)


def read_raw(path: Path, display: str) -> RawTable:
    """Read the case table from an ``.xlsx`` or ``.csv`` file, deciding by the bytes.

    ``display`` is the file name as the user wrote it, used in every message.
    """
    if path.name.startswith("~$"):
        raise _lock_file_error(path, display)
    data = _read_bytes(path, display)
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError.about_file(display, "file_empty")
    if data.startswith(OLE_MAGIC):
        # Excel stores a password-protected .xlsx as an OLE file with an EncryptedPackage.
        encrypted = "EncryptedPackage".encode("utf-16-le") in data
        raise InputError.about_file(display, "workbook_encrypted" if encrypted else "legacy_xls")
    if data.startswith(ZIP_MAGIC):
        from werkzorg_calc.read.workbook import read_workbook

        return read_workbook(data, display, digest)
    from werkzorg_calc.read.delimited import read_delimited

    suffix = path.suffix.lower()
    if suffix not in _WORKBOOK_SUFFIXES:
        return read_delimited(data, display, digest)
    if not _looks_like_text(data):
        raise InputError.about_file(display, "not_xlsx")
    # A CSV saved as "cases.xlsx": read it as what it is when it is a sound case file, and say
    # so; otherwise name what it is rather than calling it a broken workbook.
    try:
        table = read_delimited(data, display, digest)
    except InputError:
        raise InputError.about_file(display, "text_named_xlsx", suffix=suffix) from None
    note = InputIssue(
        display, None, None, None, "text_named_xlsx_read", {"suffix": suffix}, "waarschuwing"
    )
    return RawTable(
        file=table.file,
        sheet=table.sheet,
        sha256=table.sha256,
        header_row=table.header_row,
        headers=table.headers,
        rows=table.rows,
        decimal=table.decimal,
        notes=(note, *table.notes),
    )
