"""After openpyxl has saved a workbook: stored formula values and a reproducible package.

openpyxl writes a formula with an empty value (``<f>…</f><v/>``) and has no way to set it, so
each formula cell's ``<v>`` is filled in here, streaming the sheet XML row by row; rows that were
serialised beside openpyxl (the case rows) are put in before ``</sheetData>``. The zip is written
again with every entry dated 1980-01-01 and the document times fixed, so the same input gives
the same bytes.
"""

from __future__ import annotations

import codecs
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


@dataclass(frozen=True, slots=True)
class SheetExtras:
    """What one saved sheet still needs: values for its formula cells, rows to append."""

    cached: Sequence[tuple[str, object]]
    extra: IO[str] | None


_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v ?/></c>')
_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_CREATED = re.compile(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)")
_CHUNK = 1 << 20


def number_text(value: object) -> str:
    if isinstance(value, int):
        return str(value)
    assert isinstance(value, float)
    return repr(value + 0.0)


def stored_value(value: object) -> tuple[str, str]:
    """The type attribute and ``<v>`` text that store ``value`` as a formula's result."""
    if isinstance(value, bool):
        return ' t="b"', "1" if value else "0"
    if isinstance(value, int):
        return "", str(value)
    if isinstance(value, float) and math.isfinite(value):
        return "", repr(value + 0.0)
    if isinstance(value, str):
        return ' t="str"', escape(value)
    return ' t="str"', ""  # no value (a ratio without costs): an empty text result


def _fill_values(chunks: Iterable[str], values: Sequence[tuple[str, object]]) -> Iterator[str]:
    """Yield the sheet XML with each formula cell's ``<v>`` filled, in the order written."""
    pending = iter(values)

    def store(match: re.Match[str]) -> str:
        coordinate, attributes, formula = match.groups()
        expected, value = next(pending)
        if coordinate != expected:
            raise RuntimeError(f"formula cell {coordinate} found where {expected} was written")
        kind, stored = stored_value(value)
        return f'<c r="{coordinate}"{attributes}{kind}><f>{formula}</f><v>{stored}</v></c>'

    rest = ""
    for chunk in chunks:
        rest += chunk
        cut = rest.rfind("</row>")
        if cut < 0:
            continue
        cut += len("</row>")
        yield _FORMULA_CELL.sub(store, rest[:cut])
        rest = rest[cut:]
    yield _FORMULA_CELL.sub(store, rest)
    if next(pending, None) is not None:
        raise RuntimeError("not every formula cell was found in the saved sheet")


def _read_chunks(archive: zipfile.ZipFile, name: str) -> Iterator[str]:
    with archive.open(name) as handle:
        # Cut on bytes, decode whole characters: an incremental decoder keeps split sequences.
        decoder = codecs.getincrementaldecoder("utf-8")()
        while block := handle.read(_CHUNK):
            yield decoder.decode(block)
        yield decoder.decode(b"", final=True)


def _sheet_xml(source: zipfile.ZipFile, name: str, sheet: SheetExtras) -> Iterator[str]:
    """The saved sheet with stored values filled in and the extra rows put before its end."""
    for part in _fill_values(_read_chunks(source, name), sheet.cached):
        if sheet.extra is None or "</sheetData>" not in part:
            yield part
            continue
        head, _, tail = part.partition("</sheetData>")
        yield head
        sheet.extra.seek(0)
        while block := sheet.extra.read(_CHUNK):
            yield block
        yield "</sheetData>" + tail


def finish_package(path: Path, parts: Mapping[str, SheetExtras], created: datetime) -> None:
    """Store the computed value of every formula cell and make the package reproducible.

    The zip is written again with every entry dated 1980-01-01 and ``modified`` set to the
    same fixed time as ``created`` (or to ``created`` when a time stamp was asked for).
    """
    by_part = parts
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    finished = path.with_name(path.name + ".finished")
    try:
        with (
            zipfile.ZipFile(path) as source,
            zipfile.ZipFile(finished, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o600 << 16
                sheet = by_part.get(info.filename)
                if sheet is not None and (sheet.cached or sheet.extra is not None):
                    with target.open(entry, "w", force_zip64=sheet.extra is not None) as handle:
                        for part in _sheet_xml(source, info.filename, sheet):
                            handle.write(part.encode("utf-8"))
                    continue
                data = source.read(info.filename)
                if info.filename == "docProps/core.xml":
                    core = _MODIFIED.sub(rf"\g<1>{stamp}\g<2>", data.decode("utf-8"))
                    data = _CREATED.sub(rf"\g<1>{stamp}\g<2>", core).encode("utf-8")
                target.writestr(entry, data)
        finished.replace(path)
    finally:
        finished.unlink(missing_ok=True)
