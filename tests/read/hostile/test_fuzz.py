"""Fuzzing the reader: whatever bytes arrive, ``load_cases`` answers or raises InputError.

Random bytes under both extensions, byte-level damage to a valid workbook, damage to the
XML inside a sound zip, and random cell values in a valid layout. Any exception other than
``InputError`` is a bug. A reader that would walk more rows than Excel has fails the test
at once instead of running for hours, and the XML damage is read under a memory ceiling.
"""

from __future__ import annotations

import csv
import io
import tracemalloc
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read.cases import load_cases

PEILDATUM = date(2018, 6, 30)
EXCEL_LAST_ROW = 1_048_576
MB = 1024 * 1024
HEADERS = [
    "casus_id",
    "status",
    "start_traject",
    "start_werk",
    "uren_per_week",
    "uitkering_voor",
    "uitkering_soort",
    "gemeente",
    "opmerking",
]
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class RowWalk(BaseException):
    """Raised past the reader's ``except Exception`` when it pulls too many rows."""


@pytest.fixture(scope="module", autouse=True)
def row_budget() -> Iterator[None]:
    """For this module, fail at once if the streaming reader yields more rows than Excel has."""
    # A private openpyxl method (absent from its stubs): the one place rows are yielded.
    original = ReadOnlyWorksheet._cells_by_row  # type: ignore[attr-defined]

    def counting(self: ReadOnlyWorksheet, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for count, row in enumerate(original(self, *args, **kwargs), start=1):
            if count > EXCEL_LAST_ROW:
                raise RowWalk(f"the reader pulled more than {EXCEL_LAST_ROW:,} rows")
            yield row

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)
        yield


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every example of the module (hypothesis reuses it)."""
    return tmp_path_factory.mktemp("fuzz")


def _seed() -> bytes:
    """A small valid case workbook with every kind of cell the reader handles."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Casussen"
    sheet.append(HEADERS)
    sheet.append(
        [
            "Z-1",
            "aan_het_werk",
            date(2017, 10, 2),
            date(2017, 12, 1),
            24,
            1401.5,
            "participatiewet",
            "Dordrecht",
            "vrije tekst",
        ]
    )
    sheet.append(["Z-2", "aangemeld", "15-1-2018", None, None, "1.401,50", "ww", None, None])
    sheet.append([1003, "uitgevallen", 43160, None, None, None, None, "Zwijndrecht", None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


SEED = _seed()
with zipfile.ZipFile(io.BytesIO(SEED)) as _archive:
    SEED_PARTS = {name: _archive.read(name) for name in _archive.namelist()}


def read_or_refuse(path: Path) -> CaseTable | InputError:
    """Load ``path``: a table, or an InputError whose every issue names this file."""
    try:
        table = load_cases(path, PEILDATUM)
    except InputError as error:
        assert error.issues
        assert all(issue.file == str(path) for issue in error.issues)
        assert any(issue.severity == "fout" for issue in error.issues)
        return error
    assert isinstance(table, CaseTable)
    assert len(table.frame) == table.source.cases
    return table


def rezip(parts: dict[str, bytes]) -> bytes:
    """A zip holding ``parts``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_the_seed_workbook_reads(tmp_path: Path) -> None:
    """The unmutated seed is a good file, so mutations start from something readable."""
    path = tmp_path / "seed.xlsx"
    path.write_bytes(SEED)
    table = read_or_refuse(path)
    assert isinstance(table, CaseTable)
    assert table.frame["case_id"].tolist() == ["Z-1", "Z-2", "1003"]


# ---------------------------------------------------------------------------- random bytes

PREFIXES = [
    b"",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\xef\xbb\xbf",
    b"casus_id;status;start_traject\r\n",
    b"casus_id,status,start_traject\n",
]


@FAST
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=3000),
    suffix=st.sampled_from([".xlsx", ".csv", ".xls", ""]),
)
def test_random_bytes_are_read_or_refused(
    workdir: Path, prefix: bytes, body: bytes, suffix: str
) -> None:
    """Any bytes under any extension: a table or an InputError, nothing else."""
    path = workdir / f"willekeurig{suffix}"
    path.write_bytes(prefix + body)
    read_or_refuse(path)


@FAST
@given(
    cells=st.lists(
        st.lists(st.text(max_size=12), min_size=0, max_size=len(HEADERS) + 2),
        max_size=6,
    ),
    separator=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_random_csv_cells_are_read_or_refused(
    workdir: Path, cells: list[list[str]], separator: str, encoding: str
) -> None:
    """A valid header over random cell text, in any separator and encoding Excel writes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(cells)
    path = workdir / "willekeurig.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    read_or_refuse(path)


# ---------------------------------------------------------------------------- damaged zips

Edit = tuple[str, float, int]


@FAST
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["flip", "cut", "insert", "delete"]),
            st.floats(min_value=0, max_value=1, allow_nan=False),
            st.integers(min_value=0, max_value=255),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_byte_damage_to_a_workbook_is_read_or_refused(workdir: Path, edits: list[Edit]) -> None:
    """Flipped, inserted, deleted bytes or a cut anywhere in the zip: never a crash."""
    data = bytearray(SEED)
    for kind, where, value in edits:
        position = min(int(where * len(data)), max(len(data) - 1, 0))
        if kind == "flip" and data:
            data[position] ^= value or 1
        elif kind == "cut":
            del data[position:]
        elif kind == "insert":
            data[position:position] = bytes([value]) * (1 + value % 7)
        elif data:
            del data[position : position + 1 + value % 16]
    path = workdir / "beschadigd.xlsx"
    path.write_bytes(bytes(data))
    read_or_refuse(path)


TOKENS = [
    "<",
    ">",
    "/",
    '"',
    "=",
    "&",
    "&amp;",
    "&#1;",
    "&#xFFFE;",
    "]]>",
    "<![CDATA[x]]>",
    "<row>",
    "</row>",
    '<row r="3">',
    "<c>",
    "</c>",
    '<c r="B2">',
    '<c r="XFD7">',
    '<c r="A0">',
    "<v>",
    "</v>",
    "<v>1E400</v>",
    "<v>-0</v>",
    "<v>NaN</v>",
    "<v></v>",
    "<f>1+1</f>",
    't="s"',
    't="b"',
    't="e"',
    't="d"',
    't="n"',
    't="str"',
    "<is><t>",
    "</t></is>",
    '<mergeCell ref="A1:B3"/>',
    'hidden="1"',
    "<!DOCTYPE x>",
    "<!-- -->",
    "<?pi?>",
    "9",
    "0",
    "-",
    ".",
    ",",
    "A",
    "Z",
    " ",
    "\t",
    "\n",
    "é",
    "€",
    "\u200b",
]
PARTS = [
    "xl/worksheets/sheet1.xml",
    "xl/workbook.xml",
    "xl/styles.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
]
XmlEdit = tuple[str, float, float, str]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    part=st.sampled_from(PARTS),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["insert", "replace", "delete", "repeat"]),
            st.floats(min_value=0, max_value=1, allow_nan=False),
            st.floats(min_value=0, max_value=0.05, allow_nan=False),
            st.sampled_from(TOKENS),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_damaged_xml_in_a_sound_zip_is_read_or_refused(
    workdir: Path, part: str, edits: list[XmlEdit]
) -> None:
    """Tags, entities, numbers and attributes mangled inside a part: bounded, never a crash."""
    text = SEED_PARTS[part].decode("utf-8")
    for kind, where, span, token in edits:
        start = int(where * len(text))
        end = min(len(text), start + int(span * len(text)))
        if kind == "insert":
            text = text[:start] + token + text[start:]
        elif kind == "replace":
            text = text[:start] + token + text[end:]
        elif kind == "delete":
            text = text[:start] + text[end:]
        else:
            text = text[:end] + text[start:end] * 3 + text[end:]
    path = workdir / "xml.xlsx"
    path.write_bytes(rezip({**SEED_PARTS, part: text.encode("utf-8")}))
    tracemalloc.start()
    try:
        read_or_refuse(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * MB


# ---------------------------------------------------------------------------- random cells


def _clean(text: str) -> str:
    """Text openpyxl can store (it refuses control characters other than tab and newline)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


CELL = st.one_of(
    st.none(),
    st.text(max_size=15).map(_clean),
    st.sampled_from(
        [
            "aangemeld",
            "aan_het_werk",
            "15-1-2018",
            "2018-01-15",
            "1.401,50",
            "#N/A",
            "=1+1",
            "04/03/2018",
            "31-02-2018",
            "   ",
            "123456782",
        ]
    ),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
)


@FAST
@given(rows=st.lists(st.lists(CELL, min_size=len(HEADERS), max_size=len(HEADERS)), max_size=5))
def test_random_cell_values_in_a_valid_layout_are_read_or_refused(
    workdir: Path, rows: list[list[object]]
) -> None:
    """Any mix of text, numbers, booleans, dates, formulas and blanks under the real header."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Casussen"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    path = workdir / "cellen.xlsx"
    workbook.save(path)
    outcome = read_or_refuse(path)
    if isinstance(outcome, CaseTable):
        assert len(outcome.frame) <= len(rows)
