"""Sheets that a careless reader would misread without a word.

Each test builds a workbook (with openpyxl, or by hand where the XML itself is the point)
and checks that the value is read right, or that a located error or warning says what is
wrong: sheet, Excel row and column letter, as a person sees them in Excel.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner, Result

from werkzorg_calc.cli import app
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import InputError, InputIssue
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.text.issues import issue_message

runner = CliRunner()
WIDE = {"COLUMNS": "400"}
PEILDATUM = date(2018, 6, 30)
HEADERS = ["casus_id", "status", "start_traject", "uitkering_voor", "gemeente", "opmerking"]
START = date(2018, 1, 15)


def write_cases(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    headers: Sequence[object] = HEADERS,
    adjust: Callable[[Workbook, Worksheet], None] | None = None,
    epoch: object = None,
) -> Path:
    """A workbook with sheet ``Casussen``: ``headers`` in row 1, ``rows`` below."""
    workbook = Workbook()
    if epoch is not None:
        workbook.epoch = epoch  # type: ignore[assignment]
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Casussen"
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    if adjust is not None:
        adjust(workbook, sheet)
    workbook.save(path)
    return path


def load(path: Path, peildatum: date = PEILDATUM) -> CaseTable:
    """Read and validate."""
    return load_cases(path, peildatum)


def load_error(path: Path, peildatum: date = PEILDATUM) -> InputError:
    """Read, expecting an InputError."""
    with pytest.raises(InputError) as caught:
        load_cases(path, peildatum)
    return caught.value


def errors(error: InputError) -> list[InputIssue]:
    """The issues of severity 'fout'."""
    return [issue for issue in error.issues if issue.severity == "fout"]


def invoke(args: list[str]) -> Result:
    """Run the command with a wide terminal."""
    return runner.invoke(app, args, env=WIDE)


def flat(text: str) -> str:
    """The text with every run of white space made one space."""
    return " ".join(text.split())


def refused(path: Path, tmp_path: Path, peildatum: str = "2018-06-30") -> str:
    """`calc --output` refuses the file: exit 1, no traceback, nothing written; the messages."""
    target = tmp_path / "uit.xlsx"
    outcome = invoke(["calc", str(path), "--peildatum", peildatum, "-o", str(target)])
    assert outcome.exit_code == 1, outcome.output
    assert "Traceback" not in outcome.output
    assert outcome.stdout == ""
    assert not target.exists()
    return flat(outcome.stderr)


def checked(path: Path, peildatum: str = "2018-06-30") -> str:
    """`check` accepts the file (exit 0); its printed warnings."""
    outcome = invoke(["check", str(path), "--peildatum", peildatum])
    assert outcome.exit_code == 0, outcome.output
    return flat(outcome.stdout)


def rewrite_sheet(path: Path, change: Callable[[bytes], bytes]) -> None:
    """Apply ``change`` to the XML of the first sheet of a saved workbook."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    name = "xl/worksheets/sheet1.xml"
    changed = change(parts[name])
    assert changed != parts[name]
    parts[name] = changed
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)
    path.write_bytes(buffer.getvalue())


# ---------------------------------------------------------------------------- formulas


def test_a_formula_without_a_stored_result_is_a_located_error(tmp_path: Path) -> None:
    """openpyxl writes '=700*2' with no result: refused at its cell, never read as empty."""
    path = write_cases(
        tmp_path / "formule.xlsx",
        [["F-1", "aangemeld", START, 1401.5], ["F-2", "aangemeld", START, "=700*2"]],
    )
    (issue,) = errors(load_error(path))
    assert (issue.sheet, issue.row, issue.column) == ("Casussen", 3, "D")
    assert issue_message(issue).startswith("uitkering_voor: formule zonder opgeslagen uitkomst")
    assert "Casussen 3 D fout uitkering_voor: formule zonder opgeslagen uitkomst" in refused(
        path, tmp_path
    )


def test_a_formula_with_its_stored_result_reads_the_result(tmp_path: Path) -> None:
    """A formula saved by Excel carries its result: that number is read."""
    path = write_cases(tmp_path / "formule.xlsx", [["F-1", "aangemeld", START, 1]])
    rewrite_sheet(path, lambda xml: xml.replace(b"<v>1</v>", b"<f>700*2</f><v>1400</v>"))
    assert load(path).frame["benefit_before"].tolist() == [1400.0]


def test_a_formula_without_result_in_an_unused_column_is_harmless(tmp_path: Path) -> None:
    """Formulas in the note column or an unknown column are not read, so not refused."""
    headers = [*HEADERS, "eigen_berekening"]
    path = write_cases(
        tmp_path / "formule.xlsx",
        [["F-1", "aangemeld", START, 100, None, "=1+1", "=2+2"]],
        headers=headers,
    )
    table = load(path)
    assert table.frame["case_id"].tolist() == ["F-1"]
    assert all("formule" not in issue_message(warning) for warning in table.warnings)


NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _attributes_reordered(xml: bytes) -> bytes:
    """The formula cell written with its style before its reference, as XML allows."""
    return xml.replace(b'<c r="D2"><f>', b'<c s="0" r="D2"><f>')


def _without_reference(xml: bytes) -> bytes:
    """The formula cell without its optional ``r`` attribute (position by order)."""
    return xml.replace(b'<c r="D2"><f>', b"<c><f>")


def _prefixed(xml: bytes) -> bytes:
    """The whole sheet written with an ``x:`` namespace prefix, as the Open XML SDK does."""
    body = xml.replace(b'xmlns="' + NS + b'"', b'xmlns:x="' + NS + b'"')
    for tag in (b"worksheet", b"sheetPr", b"outlinePr", b"pageSetUpPr", b"dimension"):
        body = body.replace(b"<" + tag, b"<x:" + tag).replace(b"</" + tag, b"</x:" + tag)
    for tag in (b"sheetViews", b"sheetView", b"selection", b"sheetFormatPr", b"sheetData"):
        body = body.replace(b"<" + tag, b"<x:" + tag).replace(b"</" + tag, b"</x:" + tag)
    for tag in (b"row", b"c", b"is", b"t", b"v", b"f", b"pageMargins", b"mergeCells"):
        body = body.replace(b"<" + tag + b" ", b"<x:" + tag + b" ")
        body = body.replace(b"<" + tag + b">", b"<x:" + tag + b">")
        body = body.replace(b"</" + tag + b">", b"</x:" + tag + b">")
    return body.replace(b"<mergeCell ", b"<x:mergeCell ")


@pytest.mark.parametrize(
    "variant",
    [_attributes_reordered, _without_reference, _prefixed],
    ids=["style-before-reference", "no-reference", "namespace-prefix"],
)
def test_a_formula_without_result_is_found_however_the_cell_is_written(
    tmp_path: Path, variant: Callable[[bytes], bytes]
) -> None:
    """Valid spellings of the same cell XML must not turn the missing result into 'empty'."""
    path = write_cases(tmp_path / "formule.xlsx", [["F-1", "aangemeld", START, "=700*2"]])
    rewrite_sheet(path, variant)
    (issue,) = errors(load_error(path))
    assert (issue.row, issue.column) == (2, "D")
    assert "formule zonder opgeslagen uitkomst" in issue_message(issue)


# ---------------------------------------------------------------------------- merged cells


def _merge(range_: str) -> Callable[[Workbook, Worksheet], None]:
    def adjust(_: Workbook, sheet: Worksheet) -> None:
        sheet.merge_cells(range_)

    return adjust


def test_merged_cells_in_the_table_are_an_error_naming_the_range(tmp_path: Path) -> None:
    """D2:D3 merged gives one amount to two cases: refused, naming D2:D3."""
    path = write_cases(
        tmp_path / "samen.xlsx",
        [["M-1", "aangemeld", START, 900], ["M-2", "aangemeld", START, None]],
        adjust=_merge("D2:D3"),
    )
    (issue,) = errors(load_error(path))
    assert (issue.row, issue.column) == (2, "D")
    assert "samengevoegde cellen (D2:D3) in de tabel" in issue_message(issue)
    assert "Casussen 2 D fout samengevoegde cellen (D2:D3)" in refused(path, tmp_path)


def test_a_merged_title_above_the_header_is_fine(tmp_path: Path) -> None:
    """A merged title block above the header row is not part of the table."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Casussen"
    sheet.append(["Casussen Drechtsteden 2018"])
    sheet.merge_cells("A1:F1")
    sheet.append(HEADERS)
    sheet.append(["M-1", "aangemeld", START, 900])
    path = tmp_path / "titel.xlsx"
    workbook.save(path)
    table = load(path)
    assert table.frame["row"].tolist() == [3]
    assert table.warnings == ()


def test_merged_cells_are_found_in_a_prefixed_sheet(tmp_path: Path) -> None:
    """The same merge, written with an ``x:`` namespace prefix, is still refused."""
    path = write_cases(
        tmp_path / "samen.xlsx",
        [["M-1", "aangemeld", START, 900], ["M-2", "aangemeld", START, None]],
        adjust=_merge("D2:D3"),
    )
    rewrite_sheet(path, _prefixed)
    (issue,) = errors(load_error(path))
    assert "samengevoegde cellen (D2:D3)" in issue_message(issue)


# ---------------------------------------------------------------------------- headings


def test_a_heading_over_two_rows_is_an_error(tmp_path: Path) -> None:
    """'uitkering' over 'voor' in the row below: refused at row 2, not read as a case."""
    headers = ["casus_id", "status", "start_traject", "uitkering", "uitkering"]
    path = write_cases(
        tmp_path / "kop.xlsx",
        [[None, None, None, "voor", "na"], ["K-1", "aangemeld", START, 900, 0]],
        headers=headers,
    )
    messages = [(issue.row, issue_message(issue)) for issue in errors(load_error(path))]
    assert (
        2,
        "de kop lijkt over twee rijen verdeeld (rij 1 en 2); zet elke kolomnaam in één cel "
        "van één kopregel",
    ) in messages
    assert "de kop lijkt over twee rijen verdeeld (rij 1 en 2)" in refused(path, tmp_path)


def test_duplicate_headers_are_an_error_naming_both_column_letters(tmp_path: Path) -> None:
    """status in B and again in D: refused at D1, naming both letters."""
    headers = ["casus_id", "status", "start_traject", "status", "gemeente"]
    path = write_cases(
        tmp_path / "kop.xlsx",
        [["K-1", "aangemeld", START, "uitgevallen", "Dordrecht"]],
        headers=headers,
    )
    text = refused(path, tmp_path)
    assert "Casussen 1 D fout kolom status staat er twee keer in (kolommen B en D)" in text


def test_data_under_a_blank_header_is_named_by_its_letter(tmp_path: Path) -> None:
    """A value under a heading left empty (column F) is not used, and the warning says F."""
    headers = ["casus_id", "status", "start_traject", None, "gemeente", None]
    path = write_cases(
        tmp_path / "kop.xlsx", [["K-1", "aangemeld", START, None, "Dordrecht", 12]], headers=headers
    )
    table = load(path)
    assert table.frame["case_id"].tolist() == ["K-1"]
    text = checked(path)
    assert "Casussen 1 F waarschuwing kolom heeft gegevens maar geen kop; niet gebruikt" in text
    assert "Casussen 1 D" not in text  # an empty column without heading is no news


# ---------------------------------------------------------------------------- hidden parts


def _hide_row(_: Workbook, sheet: Worksheet) -> None:
    sheet.row_dimensions[3].hidden = True


def _hide_column(_: Workbook, sheet: Worksheet) -> None:
    sheet.column_dimensions["D"].hidden = True


def _hide_sheet(workbook: Workbook, sheet: Worksheet) -> None:
    workbook.create_sheet("Uitleg", 0)
    sheet.sheet_state = "hidden"


ROWS = [
    ["H-1", "aangemeld", START, 900],
    ["H-2", "aangemeld", START, 800],
    ["H-3", "aangemeld", START, 700],
]


def test_a_hidden_row_still_counts_and_is_said(tmp_path: Path) -> None:
    """Row 3 hidden in Excel: read like the others, with a warning naming row 3."""
    path = write_cases(tmp_path / "verborgen.xlsx", ROWS, adjust=_hide_row)
    table = load(path)
    assert table.frame["case_id"].tolist() == ["H-1", "H-2", "H-3"]
    assert "Casussen 3 - waarschuwing verborgen rijen tellen mee: 3" in checked(path)


def test_a_hidden_column_as_excel_writes_it_is_said(tmp_path: Path) -> None:
    """Column D hidden (``<col min max hidden>``, Excel's order): a warning naming D."""
    path = write_cases(tmp_path / "verborgen.xlsx", ROWS)
    rewrite_sheet(
        path,
        lambda xml: xml.replace(
            b"<sheetData>",
            b'<cols><col min="4" max="4" width="0" hidden="1" customWidth="1"/></cols><sheetData>',
        ),
    )
    assert load(path).frame["benefit_before"].tolist() == [900.0, 800.0, 700.0]
    assert "Casussen 1 - waarschuwing verborgen kolommen tellen mee: D" in checked(path)


def test_a_hidden_column_as_openpyxl_or_libreoffice_writes_it_is_said(tmp_path: Path) -> None:
    """The same hidden column with ``hidden`` before ``min``/``max`` is said just the same."""
    path = write_cases(tmp_path / "verborgen.xlsx", ROWS, adjust=_hide_column)
    with zipfile.ZipFile(path) as archive:
        assert b'hidden="1"' in archive.read("xl/worksheets/sheet1.xml")
    warnings = [issue_message(warning) for warning in load(path).warnings]
    assert "verborgen kolommen tellen mee: D" in warnings


def test_a_hidden_case_sheet_is_read_and_said(tmp_path: Path) -> None:
    """The case sheet hidden behind a visible one: read, with a warning that it is hidden."""
    path = write_cases(tmp_path / "verborgen.xlsx", ROWS, adjust=_hide_sheet)
    table = load(path)
    assert table.source.sheet == "Casussen"
    assert len(table.frame) == 3
    assert "Casussen - - waarschuwing dit blad is verborgen in Excel" in checked(path)


# ---------------------------------------------------------------------------- empty rows


def test_a_whitespace_only_row_is_skipped_and_said(tmp_path: Path) -> None:
    """A row of spaces, a tab and a no-break space is no case: skipped with a warning."""
    path = write_cases(
        tmp_path / "leeg.xlsx",
        [ROWS[0], ["   ", "\t", "\u00a0", " "], ROWS[1]],
    )
    table = load(path)
    assert table.frame["row"].tolist() == [2, 4]
    assert "Casussen 3 - waarschuwing lege rij overgeslagen" in checked(path)


def test_data_below_a_gap_of_blank_rows_is_an_error_naming_the_rows(tmp_path: Path) -> None:
    """Two empty rows and then more data: refused, naming the empty rows and where data resumes."""
    path = write_cases(tmp_path / "gat.xlsx", [ROWS[0], ROWS[1], [], [], ROWS[2]])
    assert (
        "Casussen 4 - fout rijen 4–5 zijn leeg en daaronder staan nog gegevens (vanaf rij 6)"
        in refused(path, tmp_path)
    )


# ---------------------------------------------------------------------------- numbers and ids


@pytest.mark.parametrize(
    "text", ["1.401,50", "1,401.50", "€ 1.401,50", "1401,50", "1\u00a0401,50", " 1401.50 "]
)
def test_an_amount_stored_as_text_is_read_right(tmp_path: Path, text: str) -> None:
    """Dutch and English thousands separators in a text cell both mean 1401.50."""
    path = write_cases(tmp_path / "tekst.xlsx", [["N-1", "aangemeld", START, text]])
    assert load(path).frame["benefit_before"].tolist() == [1401.5]


def test_an_ambiguous_amount_stored_as_text_is_a_located_error(tmp_path: Path) -> None:
    """'1.401' in a workbook is 1401 or 1.401: refused at its cell, the value not echoed."""
    path = write_cases(tmp_path / "tekst.xlsx", [["N-1", "aangemeld", START, "1.401"]])
    (issue,) = errors(load_error(path))
    assert (issue.row, issue.column) == (2, "D")
    assert "dubbelzinnig" in issue_message(issue)
    assert "1.401" not in issue_message(issue)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["casus_id;status;start_traject;uitkering_voor", "N-1;aangemeld;15-1-2018;1.401,50"],
            1401.5,
        ),
        (["casus_id;status;start_traject;uitkering_voor", "N-1;aangemeld;15-1-2018;1.401"], 1401.0),
        (
            ["casus_id,status,start_traject,uitkering_voor", 'N-1,aangemeld,2018-01-15,"1,401.50"'],
            1401.5,
        ),
    ],
    ids=["dutch-csv", "dutch-csv-thousands", "english-csv"],
)
def test_amounts_in_csv_follow_the_files_own_convention(
    tmp_path: Path, lines: list[str], expected: float
) -> None:
    """A ';' CSV reads decimal commas, a ',' CSV decimal points, each with its thousands mark."""
    path = tmp_path / "cases.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    assert load(path).frame["benefit_before"].tolist() == [expected]


def test_ids_stored_as_floats_come_back_as_the_ids_people_typed(tmp_path: Path) -> None:
    """1001.0 and 1.002E3 become "1001" and "1002"; the text id "007" keeps its zeros."""
    path = write_cases(
        tmp_path / "ids.xlsx",
        [[9991, "aangemeld", START], [9992, "aangemeld", START], ["007", "aangemeld", START]],
    )
    rewrite_sheet(
        path,
        lambda xml: xml.replace(b"<v>9991</v>", b"<v>1001.0</v>").replace(
            b"<v>9992</v>", b"<v>1.002E3</v>"
        ),
    )
    outcome = invoke(["calc", str(path), "--peildatum", "2018-06-30", "-f", "json"])
    assert outcome.exit_code == 0, outcome.output
    ids = [case["case_id"] for case in json.loads(outcome.stdout)["cases"]]
    assert sorted(ids) == ["007", "1001", "1002"]


# ---------------------------------------------------------------------------- dates


def test_ambiguous_and_impossible_dates_are_located_errors(tmp_path: Path) -> None:
    """'04/03/2024' (which day first?) and '31-02-2024' (no such day): refused at their cells."""
    path = write_cases(
        tmp_path / "datum.xlsx",
        [["D-1", "aangemeld", "04/03/2024"], ["D-2", "aangemeld", "31-02-2024"]],
    )
    found = errors(load_error(path, date(2024, 6, 30)))
    assert [(issue.row, issue.column) for issue in found] == [(2, "C"), (3, "C")]
    assert "dubbelzinnig" in issue_message(found[0])
    assert issue_message(found[1]) == "start_traject: deze datum bestaat niet"
    text = refused(path, tmp_path, "2024-06-30")
    assert "Casussen 2 C fout start_traject: datum met / of . is dubbelzinnig" in text
    assert "Casussen 3 C fout start_traject: deze datum bestaat niet" in text
    assert "04/03/2024" not in text
    assert "31-02-2024" not in text


def test_ambiguous_and_impossible_dates_in_csv_are_located_by_line(tmp_path: Path) -> None:
    """The same two dates in a CSV: errors on lines 2 and 3, column C."""
    path = tmp_path / "datum.csv"
    path.write_text(
        "casus_id;status;start_traject\r\nD-1;aangemeld;04/03/2024\r\nD-2;aangemeld;31-02-2024\r\n",
        encoding="utf-8",
    )
    found = errors(load_error(path, date(2024, 6, 30)))
    assert [(issue.sheet, issue.row, issue.column) for issue in found] == [
        (None, 2, "C"),
        (None, 3, "C"),
    ]


def test_a_1904_workbook_gives_the_same_calendar_dates(tmp_path: Path) -> None:
    """A Mac 1904-based workbook stores other serial numbers for the same dates."""
    rows = [["E-1", "aan_het_werk", date(2017, 10, 2), None, None, None, date(2017, 12, 1)]]
    headers = [*HEADERS, "start_werk"]
    path = write_cases(tmp_path / "mac.xlsx", rows, headers=headers, epoch=CALENDAR_MAC_1904)
    with zipfile.ZipFile(path) as archive:
        assert b'date1904="1"' in archive.read("xl/workbook.xml")
    frame = load(path).frame
    assert frame["trajectory_start"].tolist() == [pd.Timestamp("2017-10-02")]
    assert frame["job_start"].tolist() == [pd.Timestamp("2017-12-01")]


def test_a_plain_number_in_a_1904_workbook_counts_from_1904(tmp_path: Path) -> None:
    """Serial 41698 without date format in a 1904 workbook is 2018-03-01, with a warning."""
    path = write_cases(
        tmp_path / "mac.xlsx", [["E-1", "aangemeld", 41698]], epoch=CALENDAR_MAC_1904
    )
    table = load(path)
    assert table.frame["trajectory_start"].tolist() == [pd.Timestamp("2018-03-01")]
    (warning,) = table.warnings
    assert (warning.column, warning.severity) == ("C", "waarschuwing")
    assert "getallen gelezen als Excel-datum in rij 2" in issue_message(warning)


def test_a_date_stored_as_a_plain_number_is_read_and_check_says_so(tmp_path: Path) -> None:
    """Serial 43160 is 2018-03-01; `werkzorg check` accepts it and prints the warning."""
    path = write_cases(tmp_path / "serieel.xlsx", [["S-1", "aangemeld", 43160]])
    assert load(path).frame["trajectory_start"].tolist() == [pd.Timestamp("2018-03-01")]
    text = checked(path)
    assert (
        "Casussen - C waarschuwing start_traject: getallen gelezen als Excel-datum in rij 2" in text
    )
