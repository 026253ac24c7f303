"""The Rust reader (python-calamine) only ever sees bytes the guard has passed.

calamine can end the process on an allocation it cannot make (a grid sized by a far cell) or a
panic, so every odd file must go to openpyxl's streaming reader instead, and whatever calamine
raises must still become a located ``InputError``.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.paths import EXAMPLE
from tests.read.hostile.test_resource_limits import (
    FORGED_DIMENSION,
    HEADER_ROW,
    LAUGHS,
    NS,
    SHARED_STRINGS,
    SHEET,
    case_row,
    forge_declared_size,
    package,
    sheet_xml,
)
from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read import fast_xlsx, workbook
from werkzorg_calc.read.package import prefix_search_spans, scan_sheet_xml
from werkzorg_calc.read.table import RawTable

LIMITS: dict[str, Any] = {"max_rows": workbook.MAX_ROWS, "max_columns": workbook.MAX_COLUMNS}


class _Refused:
    """Stands in for calamine: any use fails the test."""

    @staticmethod
    def from_filelike(_: object) -> None:
        raise AssertionError("calamine was handed a file the guard should have refused")


def _plain_package() -> bytes:
    return package(sheet_xml([HEADER_ROW, case_row(2), case_row(3, "A-2")]))


HOSTILE: dict[str, bytes] = {
    "a far cell below a forged dimension": package(
        sheet_xml(
            [HEADER_ROW, case_row(2), (1_100_000, '<c r="A1100000"><v>1</v></c>')],
            before=FORGED_DIMENSION,
        )
    ),
    "a cell in column XFD": package(
        sheet_xml([HEADER_ROW, case_row(2, extra='<c r="XFD2"><v>1</v></c>')])
    ),
    "a cell in column GS (the 201st)": package(
        sheet_xml([HEADER_ROW, case_row(2, extra='<c r="GS2"><v>1</v></c>')])
    ),
    "a cell in column BA (the 53rd, past the fast grid)": package(
        sheet_xml([HEADER_ROW, case_row(2, extra='<c r="BA2"><v>1</v></c>')])
    ),
    "a row at the grid's bound (the limit rounded up at its second digit)": package(
        sheet_xml([HEADER_ROW, case_row(2), case_row(1_100_000, "A-2")])
    ),
    "an entity declaration in the shared strings": package(
        sheet_xml([HEADER_ROW, case_row(2)]),
        {"xl/sharedStrings.xml": LAUGHS + SHARED_STRINGS.split("?>", 1)[1]},
    ),
    "an entity declaration in the sheet": package(
        sheet_xml([HEADER_ROW, case_row(2)], prolog='<?xml version="1.0"?>' + LAUGHS[21:])
    ),
    "a cell without its reference": package(
        sheet_xml([HEADER_ROW, (2, '<c t="inlineStr"><is><t>A-1</t></is></c>')])
    ),
    "a row without its number": package(
        sheet_xml([HEADER_ROW]).replace(
            "</sheetData>", '<row><c r="A2"><v>1</v></c></row></sheetData>'
        )
    ),
    "prefixed elements": package(
        f'<?xml version="1.0"?><x:worksheet xmlns:x="{NS}"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>casus_id</x:t></x:is></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    ),
    "a prefixed cell below a plain root": package(
        sheet_xml([HEADER_ROW, case_row(2, extra='<x:c r="D2"><x:v>1</x:v></x:c>')])
    ),
    "an error value": package(
        sheet_xml([HEADER_ROW, case_row(2, extra='<c r="D2" t="e"><v>#N/A</v></c>')])
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_an_odd_file_never_reaches_calamine(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each odd shape is sent to the streaming reader before calamine is even opened."""
    monkeypatch.setattr(fast_xlsx, "CalamineWorkbook", _Refused)
    assert fast_xlsx.read_fast(HOSTILE[name], "x.xlsx", "0", **LIMITS) is None


def test_prefixes_are_searched_outside_a_sheet_body_without_a_colon() -> None:
    """The body of cells is skipped only when it holds no colon; a range (A1:B2) outside it
    and the namespace declarations of the root do not matter. Whole sheet otherwise."""
    head = b'<worksheet xmlns="a" xmlns:r="b"><dimension ref="A1:B2"/>'
    body = b'<sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
    tail = b'</sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>'
    plain = head + body + tail
    assert prefix_search_spans(plain) == ((0, len(head) + 16), (len(head + body), len(plain)))
    for odd in (
        head + body.replace(b"<row", b"<x:row") + tail,  # a prefixed row in the body
        head + body.replace(b"<v>1", b"<v>12:30") + tail,  # a colon in a cell
        head.replace(b"<worksheet", b"<x:worksheet") + body.replace(b"sheetData", b"x:sheetData"),
        head + b"<sheetData/></worksheet>",  # no body to skip
    ):
        assert prefix_search_spans(odd) == ((0, len(odd)),)


def test_a_part_that_lies_about_its_size_never_reaches_calamine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A part longer than declared is noticed after one byte too many, not inflated."""
    monkeypatch.setattr(fast_xlsx, "CalamineWorkbook", _Refused)
    forged = forge_declared_size(_plain_package(), SHEET, 100)
    assert fast_xlsx.read_fast(forged, "x.xlsx", "0", **LIMITS) is None


def test_a_plain_workbook_is_read_by_calamine() -> None:
    """The plain layout goes the fast way and gives cells as openpyxl would."""
    table = fast_xlsx.read_fast(_plain_package(), "x.xlsx", "0", **LIMITS)
    assert table is not None
    assert table.headers == ("casus_id", "status", "start_traject")
    assert table.rows == [
        (2, ("A-1", "aangemeld", "2018-01-15")),
        (3, ("A-2", "aangemeld", "2018-01-15")),
    ]


def test_a_value_just_past_the_row_limit_is_refused_where_it_is() -> None:
    """Inside the grid's bound but past the limit: calamine reads it, the limit refuses it."""
    far = workbook.MAX_ROWS + 40
    data = package(sheet_xml([HEADER_ROW, case_row(2), case_row(far, "A-2")]))
    with pytest.raises(InputError) as caught:
        workbook.read_workbook(data, "x.xlsx", "0")
    (issue,) = caught.value.issues
    assert (issue.sheet, issue.row) == ("Casussen", far)
    assert issue.code == "rows_beyond_limit"


def test_a_rust_panic_becomes_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyo3 raises a panic as a BaseException; the reader still reports one located error."""

    class PanicException(BaseException):  # the name pyo3 gives it
        pass

    def panic(*_: object, **__: object) -> None:
        raise PanicException("index out of bounds")

    monkeypatch.setattr(workbook, "read_fast", panic)
    with pytest.raises(InputError) as caught:
        workbook.read_workbook(_plain_package(), "x.xlsx", "0")
    (issue,) = caught.value.issues
    assert issue.code == "workbook_unreadable"


def _plain(value: object) -> object:
    """A cell's content whatever its type: calamine's "" is None, 24.0 is 24, a date midnight."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


def _trimmed(table: RawTable) -> list[tuple[int, list[tuple[type, object]]]]:
    """Rows as (type, content) without the empty cells after the last value (calamine pads)."""
    rows = []
    for number, cells in table.rows:
        plain = [_plain(cell) for cell in cells]
        while plain and plain[-1] is None:
            plain.pop()
        rows.append((number, [(type(cell), cell) for cell in plain]))
    while rows and not rows[-1][1]:
        rows.pop()
    return rows


def _same_as_openpyxl(data: bytes) -> None:
    fast = fast_xlsx.read_fast(data, "x.xlsx", "0", **LIMITS)
    slow = workbook._read(data, "x.xlsx", "0")
    assert fast is not None
    assert (fast.sheet, fast.header_row, fast.headers) == (
        slow.sheet,
        slow.header_row,
        slow.headers,
    )
    assert (fast.findings, fast.date1904, fast.sheet_hidden) == (
        slow.findings,
        slow.date1904,
        slow.sheet_hidden,
    )
    assert _trimmed(fast) == _trimmed(slow)


def test_the_example_reads_the_same_by_both_readers() -> None:
    """Every cell of the bundled example has the same content from calamine and openpyxl."""
    _same_as_openpyxl(EXAMPLE.read_bytes())


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_a_libreoffice_saved_workbook_reads_the_same_by_both_readers(tmp_path: Path) -> None:
    """LibreOffice writes shared strings and its own styles; both readers agree on every cell."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "out"),
            str(EXAMPLE),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    _same_as_openpyxl((tmp_path / "out" / "drechtsteden-2018.xlsx").read_bytes())


def test_the_byte_scan_searches_where_the_spans_say() -> None:
    """The reader finds the spans once and hands them to the byte scan. A prefixed sheet with a
    formula in B2 that has no value (x:f, no x:v) and a value in A1: with its own spans (the
    whole sheet, for the body holds colons) the scan finds the formula at row 2, column B
    (index 1) and the last value in row 1, as without spans; with spans that cover nothing it
    finds neither, so the scan really searches where it is told."""
    sheet = (
        b'<x:worksheet xmlns:x="a"><x:sheetData>'
        b'<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
        b'<x:row r="2"><x:c r="B2"><x:f>A1*2</x:f></x:c></x:row>'
        b"</x:sheetData></x:worksheet>"
    )
    spans = prefix_search_spans(sheet)
    assert spans == ((0, len(sheet)),)
    found = scan_sheet_xml(sheet, spans)
    assert found == scan_sheet_xml(sheet)
    assert found.formula_without_value == ((2, 1),)
    assert found.last_value_row == 1
    nowhere = scan_sheet_xml(sheet, ((0, 0),))
    assert nowhere.formula_without_value == ()
    assert nowhere.last_value_row is None
