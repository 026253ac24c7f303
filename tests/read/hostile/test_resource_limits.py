"""Files built to exhaust memory or time: zip bombs, XML entities, forged sizes, far cells.

Every bomb is generated here, streamed to ``tmp_path`` in chunks so the test itself stays
small; none is stored in the repository. Memory is measured with ``tracemalloc`` (Python
allocations, which is where a parsed sheet or an inflated part would land); time is bounded
by counting the rows the reader pulls, never by a clock.
"""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from typer.testing import CliRunner, Result

from werkzorg_calc.cli import app
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import InputError, WerkzorgError
from werkzorg_calc.read import workbook as workbook_module
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.read.package import check_package, scan_sheet_xml
from werkzorg_calc.text.issues import error_messages, issue_message

runner = CliRunner()
WIDE = {"COLUMNS": "400"}
PEILDATUM = date(2018, 6, 30)
MB = 1024 * 1024
EXCEL_LAST_ROW = 1_048_576

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}">'
    '<sheets><sheet name="Casussen" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
SHARED_STRINGS = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}"></sst>'
SHEET = "xl/worksheets/sheet1.xml"
# Nine levels of ten: expanded, &lol9; would be 10**9 copies of "lol" (3 GB).
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{level} "' + (f"&lol{level - 1};" if level > 1 else "&lol;") * 10 + '">'
        for level in range(1, 10)
    )
    + "]>"
)


def text_cell(ref: str, value: str) -> str:
    """An inline-string cell."""
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


HEADER_ROW = (
    1,
    text_cell("A1", "casus_id") + text_cell("B1", "status") + text_cell("C1", "start_traject"),
)


def case_row(number: int, case_id: str = "A-1", extra: str = "") -> tuple[int, str]:
    """A valid case in row ``number``, with optional extra cells after column C."""
    cells = (
        text_cell(f"A{number}", case_id)
        + text_cell(f"B{number}", "aangemeld")
        + text_cell(f"C{number}", "2018-01-15")
    )
    return number, cells + extra


def sheet_xml(rows: list[tuple[int, str]], before: str = "", prolog: str = "") -> str:
    """A worksheet part: optional ``before`` (e.g. a dimension) and the given rows."""
    body = "".join(f'<row r="{number}">{cells}</row>' for number, cells in rows)
    declaration = prolog or '<?xml version="1.0" encoding="UTF-8"?>'
    return f'{declaration}<worksheet xmlns="{NS}">{before}<sheetData>{body}</sheetData></worksheet>'


def package(sheet: str, parts: dict[str, str] | None = None) -> bytes:
    """A minimal workbook: one sheet ``Casussen``; ``parts`` replace parts by their path."""
    contents = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/sharedStrings.xml": SHARED_STRINGS,
        SHEET: sheet,
    }
    contents.update(parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in contents.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def streamed_package(
    path: Path, part: str, head: bytes, *, filler: bytes, repeats: int, tail: bytes
) -> Path:
    """A workbook whose ``part`` is ``head`` + ``filler`` × ``repeats`` + ``tail``, streamed."""
    # Compressed as it is written, one chunk at a time: a 300 MB part costs the test one
    # chunk of memory and leaves a file of a few hundred kilobytes.
    small = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/sharedStrings.xml": SHARED_STRINGS,
        SHEET: sheet_xml([HEADER_ROW, case_row(2)]),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in small.items():
            if name != part:
                archive.writestr(name, content)
        with archive.open(part, "w") as stream:
            stream.write(head)
            for _ in range(repeats):
                stream.write(filler)
            stream.write(tail)
    return path


def forge_declared_size(data: bytes, member: str, size: int) -> bytes:
    """The zip with the uncompressed size of ``member`` rewritten in both of its headers."""
    forged = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", forged, info.header_offset + 22, size)  # local file header
    position = 0
    while True:  # its central directory record
        position = forged.index(b"PK\x01\x02", position)
        name_length = struct.unpack_from("<H", forged, position + 28)[0]
        if forged[position + 46 : position + 46 + name_length] == member.encode():
            break
        position += 4
    struct.pack_into("<I", forged, position + 24, size)
    return bytes(forged)


def measured(action: Callable[[], Any]) -> tuple[Any, int]:
    """Run ``action`` under tracemalloc; its result (or InputError) and the peak in bytes."""
    tracemalloc.start()
    try:
        try:
            outcome = action()
        except InputError as error:
            outcome = error
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return outcome, peak


def load(path: Path) -> CaseTable:
    """Read at the standard peildatum."""
    return load_cases(path, PEILDATUM)


def message(path: Path) -> str:
    """The single message ``load_cases`` gives for ``path``."""
    with pytest.raises(InputError) as caught:
        load(path)
    (issue,) = caught.value.issues
    return issue_message(issue)


def invoke(args: list[str]) -> Result:
    """Run the command with a wide terminal."""
    return runner.invoke(app, args, env=WIDE)


def flat(text: str) -> str:
    """The text with every run of white space made one space."""
    return " ".join(text.split())


def refused_by_command(path: Path, tmp_path: Path, expected: str) -> tuple[Result, int]:
    """``calc --output`` on ``path``: exit 1, ``expected`` said, nothing written; run and peak."""
    target = tmp_path / "uit.xlsx"
    before = sorted(tmp_path.iterdir())
    outcome, peak = measured(
        lambda: invoke(["calc", str(path), "--peildatum", "2018-06-30", "-o", str(target)])
    )
    assert isinstance(outcome, Result)
    assert outcome.exit_code == 1, outcome.output
    assert "Traceback" not in outcome.output
    assert expected in flat(outcome.stderr)
    assert path.name in "".join(outcome.stderr.split())
    assert sorted(tmp_path.iterdir()) == before
    return outcome, peak


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records every call to ``openpyxl.load_workbook`` (the first step that parses XML)."""
    calls: list[object] = []
    original = openpyxl.load_workbook

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", recording)
    return calls


class RowWalk(BaseException):
    """Raised (past the reader's ``except Exception``) when it walks too many rows."""


@pytest.fixture
def row_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the streaming reader fail the test once more than Excel's last row is pulled."""
    # A private openpyxl method (absent from its stubs): the one place rows are yielded.
    original = ReadOnlyWorksheet._cells_by_row  # type: ignore[attr-defined]

    def counting(self: ReadOnlyWorksheet, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for count, row in enumerate(original(self, *args, **kwargs), start=1):
            if count > EXCEL_LAST_ROW:
                raise RowWalk(f"the reader pulled more than {EXCEL_LAST_ROW:,} rows")
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)


# ---------------------------------------------------------------------------- zip bombs


@pytest.fixture(scope="module")
def sheet_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook whose sheet part inflates to 300 MB of spaces (about 1000:1)."""
    path = tmp_path_factory.mktemp("bomb") / "bom.xlsx"
    return streamed_package(
        path, SHEET, b"<worksheet>", filler=b" " * MB, repeats=300, tail=b"</worksheet>"
    )


def test_a_zip_bomb_is_refused_before_any_xml_is_parsed(
    sheet_bomb: Path, parsed: list[object]
) -> None:
    """A 300 MB sheet in a 300 kB file: refused from the zip directory, in little memory."""
    assert sheet_bomb.stat().st_size < 2 * MB
    with zipfile.ZipFile(sheet_bomb) as archive:
        assert archive.getinfo(SHEET).file_size > 300 * MB
    outcome, peak = measured(lambda: load(sheet_bomb))
    assert isinstance(outcome, InputError)
    (issue,) = outcome.issues
    assert issue.file == str(sheet_bomb)
    assert "mogelijk een zip-bom" in issue_message(issue)
    assert peak < 50 * MB
    assert parsed == []


def test_the_command_refuses_a_zip_bomb_before_parsing(
    sheet_bomb: Path, tmp_path: Path, parsed: list[object]
) -> None:
    """`werkzorg calc` on the bomb: exit 1, no output file, and no XML parsed first."""
    _, peak = refused_by_command(sheet_bomb, tmp_path, "mogelijk een zip-bom")
    assert peak < 50 * MB
    assert parsed == []  # the package check comes before any reader, parameters included


def test_a_shared_strings_bomb_is_refused_by_the_command_in_little_memory(
    tmp_path: Path, parsed: list[object]
) -> None:
    """One 64 MB shared string (64 kB on disk) is refused by `calc` without being read."""
    path = streamed_package(
        tmp_path / "strings.xlsx",
        "xl/sharedStrings.xml",
        f'<sst xmlns="{NS}"><si><t>'.encode(),
        filler=b"x" * MB,
        repeats=64,
        tail=b"</t></si></sst>",
    )
    assert "mogelijk een zip-bom" in message(path)
    _, peak = refused_by_command(path, tmp_path, "mogelijk een zip-bom")
    assert peak < 50 * MB
    assert parsed == []


def test_a_forged_huge_declared_size_is_refused_unread(
    tmp_path: Path, parsed: list[object]
) -> None:
    """A sheet whose directory claims 2 GB is refused by its declared size alone."""
    data = package(sheet_xml([HEADER_ROW, case_row(2)]))
    path = tmp_path / "groot.xlsx"
    path.write_bytes(forge_declared_size(data, SHEET, 0x7FFF_FFF0))
    outcome, peak = measured(lambda: load(path))
    assert isinstance(outcome, InputError)
    assert "mogelijk een zip-bom" in issue_message(outcome.issues[0])
    assert peak < 10 * MB
    assert parsed == []


def test_a_part_that_hides_its_real_size_is_inflated_no_further_than_declared(
    sheet_bomb: Path, tmp_path: Path
) -> None:
    """A 300 MB part declared as 4 kB passes the size check, then fails its checksum, small."""
    path = tmp_path / "liegt.xlsx"
    path.write_bytes(forge_declared_size(sheet_bomb.read_bytes(), SHEET, 4096))
    outcome, peak = measured(lambda: load(path))
    assert isinstance(outcome, InputError)
    (issue,) = outcome.issues
    assert issue_message(issue).startswith("het Excel-bestand kon niet worden gelezen: ")
    assert peak < 50 * MB


def test_a_package_with_thousands_of_parts_is_refused(tmp_path: Path) -> None:
    """More than 5000 zip entries is refused before anything is opened."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        for number in range(5001):
            archive.writestr(f"xl/media/{number}.bin", b"")
    path = tmp_path / "veel.xlsx"
    path.write_bytes(buffer.getvalue())
    assert message(path) == "het Excel-bestand bevat meer dan 5000 onderdelen"


# ---------------------------------------------------------------------------- XML entities


def laughing(part: str) -> bytes:
    """A workbook with the billion-laughs entity declared and used in ``part``."""
    if part == "sheet":
        body = sheet_xml([HEADER_ROW, case_row(2, "&lol9;")], prolog=LAUGHS)
        return package(body)
    if part == "sharedStrings":
        strings = LAUGHS + f'<sst xmlns="{NS}"><si><t>&lol9;</t></si></sst>'
        return package(sheet_xml([HEADER_ROW, case_row(2)]), {"xl/sharedStrings.xml": strings})
    workbook = WORKBOOK.replace('<?xml version="1.0" encoding="UTF-8"?>', LAUGHS).replace(
        'name="Casussen"', 'name="&lol9;"'
    )
    return package(sheet_xml([HEADER_ROW, case_row(2)]), {"xl/workbook.xml": workbook})


@pytest.mark.parametrize("part", ["sheet", "sharedStrings", "workbook"])
def test_billion_laughs_is_refused_without_expanding(tmp_path: Path, part: str) -> None:
    """Entity declarations are refused by the XML parser: an InputError, in little memory."""
    path = tmp_path / "lach.xlsx"
    path.write_bytes(laughing(part))
    outcome, peak = measured(lambda: load(path))
    assert isinstance(outcome, InputError)
    (issue,) = outcome.issues
    assert issue.code == "xml_entities"
    assert issue_message(issue).startswith("de werkmap declareert XML-entiteiten")
    assert issue_message(issue, "en").startswith("the workbook declares XML entities")
    assert peak < 20 * MB


@pytest.mark.parametrize("part", ["sheet", "sharedStrings", "workbook"])
def test_the_command_refuses_billion_laughs_as_an_input_error(tmp_path: Path, part: str) -> None:
    """`werkzorg calc` on the entity attack: exit 1 (not an internal error), in little memory."""
    path = tmp_path / "lach.xlsx"
    path.write_bytes(laughing(part))
    _, peak = refused_by_command(path, tmp_path, "de werkmap declareert XML-entiteiten")
    assert peak < 50 * MB


def test_an_external_entity_never_reads_the_file_it_names(tmp_path: Path) -> None:
    """An XXE entity pointing at a local file is refused; the file's text appears nowhere."""
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIME-INHOUD-7731", encoding="utf-8")
    prolog = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
    path = tmp_path / "xxe.xlsx"
    path.write_bytes(package(sheet_xml([HEADER_ROW, case_row(2, "&e;")], prolog=prolog)))
    with pytest.raises(InputError) as caught:
        load(path)
    assert "GEHEIME-INHOUD" not in str([issue_message(issue) for issue in caught.value.issues])
    outcome = invoke(["calc", str(path), "--peildatum", "2018-06-30", "-f", "json"])
    assert outcome.exit_code == 1
    assert "GEHEIME-INHOUD" not in outcome.output


def test_without_defusedxml_no_workbook_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If openpyxl would parse without defusedxml, reading refuses with a clear message."""
    path = tmp_path / "gewoon.xlsx"
    path.write_bytes(package(sheet_xml([HEADER_ROW, case_row(2)])))
    assert isinstance(load(path), CaseTable)
    monkeypatch.setattr(workbook_module, "DEFUSEDXML", False)
    with pytest.raises(WerkzorgError, match="defusedxml_missing") as caught:
        load(path)
    assert "defusedxml ontbreekt" in error_messages(caught.value)[0]
    outcome = invoke(["check", str(path), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 1
    assert "defusedxml ontbreekt" in flat(outcome.stderr)


# ---------------------------------------------------------------------------- far cells

FORGED_DIMENSION = '<dimension ref="A1:XFD1048576"/>'


@pytest.mark.parametrize("far", ["XFD1048576"])
def test_a_forged_dimension_and_a_far_cell_stay_in_bounded_memory(
    tmp_path: Path, far: str, row_budget: None
) -> None:
    """Stated size A1:XFD1048576 and one far cell: no gigabytes, and a located answer."""
    far_row = int(far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    rows = [HEADER_ROW, case_row(2), (far_row, f'<c r="{far}"><v>1</v></c>')]
    path = tmp_path / "ver.xlsx"
    path.write_bytes(package(sheet_xml(rows, before=FORGED_DIMENSION)))
    outcome, peak = measured(lambda: load(path))
    assert peak < 200 * MB
    if isinstance(outcome, CaseTable):
        assert outcome.frame["case_id"].tolist() == ["A-1"]
    else:
        errors = [issue for issue in outcome.issues if issue.severity == "fout"]
        assert errors
        assert all((issue.sheet, issue.row) == ("Casussen", far_row) for issue in errors)
        assert "rijen onder de kop" in issue_message(errors[0])


def test_the_command_locates_a_value_below_the_last_row_excel_has(tmp_path: Path) -> None:
    """`werkzorg check` names the far row of a value beyond 1,048,575 rows below the header
    (row 2,000,000: no Excel sheet has it, only hand-made XML) instead of reading down to it."""
    rows = [HEADER_ROW, case_row(2), (2_000_000, '<c r="A2000000"><v>1</v></c>')]
    path = tmp_path / "ver.xlsx"
    path.write_bytes(package(sheet_xml(rows, before=FORGED_DIMENSION)))
    outcome = invoke(["check", str(path), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 1
    assert "Casussen 2000000 - fout meer dan 1.048.575 rijen onder de kop" in flat(outcome.stderr)


def test_a_far_right_cell_is_ignored_with_a_warning(tmp_path: Path) -> None:
    """A value in column XFD beside a case is left out and said, in little memory."""
    rows = [HEADER_ROW, case_row(2, extra='<c r="XFD2"><v>1</v></c>'), case_row(3, "A-2")]
    path = tmp_path / "rechts.xlsx"
    path.write_bytes(package(sheet_xml(rows, before=FORGED_DIMENSION)))
    outcome, peak = measured(lambda: load(path))
    assert isinstance(outcome, CaseTable)
    assert outcome.frame["case_id"].tolist() == ["A-1", "A-2"]
    (warning,) = outcome.warnings
    assert (warning.severity, warning.row) == ("waarschuwing", 2)
    assert "rechts van kolom 200 genegeerd" in issue_message(warning)
    assert peak < 50 * MB


def test_a_row_number_beyond_excel_does_not_walk_every_row_in_between(
    tmp_path: Path, row_budget: None
) -> None:
    """A row numbered 4,294,967,296 (Excel stops at 1,048,576) is answered without a long walk."""
    # The streaming reader yields one empty row for every missing row number, so a reader
    # that kept pulling rows past its own limit would spend hours here.
    far = 4_294_967_296
    rows = [HEADER_ROW, case_row(2), (far, f'<c r="A{far}"><v>1</v></c>')]
    path = tmp_path / "buiten.xlsx"
    path.write_bytes(package(sheet_xml(rows)))
    try:
        outcome: CaseTable | InputError = load(path)
    except InputError as error:
        outcome = error
    except RowWalk as walk:
        pytest.fail(f"reading did not stop at a sane row limit: {walk}")
    if isinstance(outcome, InputError):
        assert all(issue.file == str(path) for issue in outcome.issues)
        assert [(issue.sheet, issue.row) for issue in outcome.issues] == [("Casussen", far)]
    else:
        assert outcome.frame["case_id"].tolist() == ["A-1"]


# ---------------------------------------------------------------------------- long text


def test_a_case_id_of_100000_characters_is_a_located_error(tmp_path: Path) -> None:
    """A 100,000-character case id: error at A2 'tekst te lang', the text never echoed."""
    long_id = "Z" * 100_000
    path = tmp_path / "lang.xlsx"
    path.write_bytes(package(sheet_xml([HEADER_ROW, case_row(2, long_id)])))
    with pytest.raises(InputError) as caught:
        load(path)
    (issue,) = caught.value.issues
    assert (issue.sheet, issue.row, issue.column) == ("Casussen", 2, "A")
    assert issue_message(issue) == "casus_id: tekst te lang (hoogstens 200 tekens)"
    outcome = invoke(["calc", str(path), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 1
    assert "Casussen 2 A fout casus_id: tekst te lang" in flat(outcome.stderr)
    assert "Z" * 50 not in outcome.output


def test_a_header_of_100000_characters_is_shortened_in_its_warning(tmp_path: Path) -> None:
    """An unknown column with a huge heading is named by letter and a short label only."""
    header = (HEADER_ROW[0], HEADER_ROW[1] + text_cell("D1", "kop" * 33_334))
    path = tmp_path / "kop.xlsx"
    path.write_bytes(package(sheet_xml([header, case_row(2)])))
    table = load(path)
    (warning,) = table.warnings
    assert warning.column is None and warning.row == 1
    assert issue_message(warning).startswith(
        "onbekende kolommen, niet gebruikt in de berekening: D (kop"
    )
    assert len(issue_message(warning)) < 200


def _declared(data: bytes, member: str, size: int, compressed: int) -> bytes:
    """The zip with ``member``'s sizes rewritten in its central directory record, where the
    package check reads them."""
    forged = bytearray(data)
    position = 0
    while True:
        position = forged.index(b"PK\x01\x02", position)
        name_length = struct.unpack_from("<H", forged, position + 28)[0]
        if forged[position + 46 : position + 46 + name_length] == member.encode():
            break
        position += 4
    struct.pack_into("<II", forged, position + 20, compressed, size)
    return bytes(forged)


@pytest.mark.parametrize(
    ("size", "compressed", "refused"),
    [
        (1_048_576 * 25 * 37, 92_000_000, False),  # a sheet at the row limit, LibreOffice-style
        (1_048_576 * 25 * 60, 150_000_000, False),  # the same at 60 bytes a cell
        (1_700_000_000, 170_000_000, True),  # more than 1.5 GiB in one part
        (900_000_000, 4_000_000, True),  # 225:1, more than a sheet ever compresses
    ],
)
def test_a_sheet_at_the_row_limit_passes_the_package_check(
    size: int, compressed: int, refused: bool
) -> None:
    """Every row an Excel sheet holds must be readable (the row limit is the same for .xlsx and
    CSV): 1,048,576 rows of the contract's 25 columns are 0.97 GB at 37 bytes a cell, about 10:1
    compressed; a part past 1.5 GiB, or compressed past 200:1, is refused as a zip bomb."""
    data = _declared(package(sheet_xml([HEADER_ROW, case_row(2)])), SHEET, size, compressed)
    if refused:
        with pytest.raises(InputError) as caught:
            check_package(data, "x.xlsx")
        assert caught.value.issues[0].code == "zip_bomb"
    else:
        check_package(data, "x.xlsx")


def test_unclosed_row_tags_are_walked_once_each() -> None:
    """100,000 hidden rows that never close (2.2 MB): each row's body is looked for only up to
    the next row, so the walk ends (a lazy <row>(.*?)</row> searched to the end of the sheet
    for every tag: hours for this sheet) and every hidden row is found, numbered 1, 2, …"""
    xml = b"<worksheet><sheetData>" + b'<row hidden="1">' * 100_000 + b"</sheetData></worksheet>"
    findings = scan_sheet_xml(xml)
    assert findings.hidden_rows == tuple(range(1, 100_001))
    assert findings.formula_without_value == ()


def test_a_formula_without_value_is_found_in_a_closed_row_after_unclosed_ones() -> None:
    """Row 3 closes and holds a formula cell C3 without a stored value: found at (3, 2)."""
    xml = (
        b'<worksheet><sheetData><row r="1" hidden="1"><row r="2">'
        b'<row r="3"><c r="A3"><v>1</v></c><c r="C3"><f>A3*2</f></c></row>'
        b"</sheetData></worksheet>"
    )
    findings = scan_sheet_xml(xml)
    assert findings.formula_without_value == ((3, 2),)
    assert findings.hidden_rows == (1,)
