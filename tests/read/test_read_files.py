"""Reading case files from disk with ``load_cases``: layouts, notations, and located problems.

Every test writes its own workbook or CSV into ``tmp_path``; row numbers and column letters
in the assertions are the ones a person sees when opening that file in Excel.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import InputError, InputIssue
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.text.issues import issue_message, issue_place

PEILDATUM = date(2018, 6, 30)

# The canonical Dutch headers used by most tests, in columns A..J.
HEADERS = [
    "casus_id",  # A
    "status",  # B
    "start_traject",  # C
    "start_werk",  # D
    "einde_werk",  # E
    "uren_per_week",  # F
    "uitkering_voor",  # G
    "uitkering_na",  # H
    "gemeente",  # I
    "opmerking",  # J
]

Row = Sequence[object]


def case(
    case_id: object,
    status: object = "aangemeld",
    start_traject: object = date(2018, 1, 15),
    *,
    start_werk: object = None,
    einde_werk: object = None,
    uren: object = None,
    voor: object = None,
    na: object = None,
    gemeente: object = None,
    opmerking: object = None,
) -> list[object]:
    """One data row in the order of ``HEADERS``."""
    return [
        case_id,
        status,
        start_traject,
        start_werk,
        einde_werk,
        uren,
        voor,
        na,
        gemeente,
        opmerking,
    ]


def write_xlsx(path: Path, *sheets: tuple[str, Sequence[Row]]) -> Path:
    """Write a workbook with the given (title, rows) sheets, in that order."""
    workbook = Workbook()
    default = workbook.worksheets[0]
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    workbook.remove(default)
    workbook.save(path)
    return path


def write_cases(path: Path, rows: Sequence[Row], headers: Sequence[object] = HEADERS) -> Path:
    """A workbook with one sheet ``Casussen``: the header in row 1 and ``rows`` below it."""
    return write_xlsx(path, ("Casussen", [list(headers), *rows]))


def write_csv(path: Path, lines: Sequence[str], encoding: str = "utf-8", bom: bool = False) -> Path:
    """Write CSV lines with CRLF endings in an explicit encoding, as Excel does."""
    data = "".join(line + "\r\n" for line in lines).encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def load(path: Path, *, allow_bsn: bool = False) -> CaseTable:
    """Load at the standard peildatum."""
    return load_cases(path, PEILDATUM, allow_bsn=allow_bsn)


def load_error(path: Path, *, allow_bsn: bool = False) -> InputError:
    """Load, expecting an ``InputError``, and return it."""
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM, allow_bsn=allow_bsn)
    return caught.value


def errors(error: InputError) -> list[InputIssue]:
    """The issues of severity ``fout``."""
    return [issue for issue in error.issues if issue.severity == "fout"]


def places(issues: Sequence[InputIssue]) -> list[tuple[int | None, str | None]]:
    """(row, column letter) of each issue, in the order given."""
    return [(issue.row, issue.column) for issue in issues]


def all_text(issues: Sequence[InputIssue]) -> str:
    """Everything a person could be shown about the issues, in one string."""
    return "\n".join(f"{issue_place(issue)} {issue_message(issue)}" for issue in issues)


def elf_proef(text: str) -> bool:
    """The Dutch 11-proef for a citizen service number, written out independently."""
    digits = [int(char) for char in text]
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return len(digits) == 9 and sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


def valid_bsns(count: int, start: int = 23_456_780) -> Iterator[str]:
    """``count`` distinct 9-digit numbers that pass the 11-proef."""
    found = 0
    candidate = start
    while found < count:
        candidate += 1
        text = f"{candidate:09d}"
        if elf_proef(text):
            found += 1
            yield text


def dates(frame: pd.DataFrame, column: str) -> list[date | None]:
    """A date column of the frame as plain dates (None for NaT)."""
    return [None if pd.isna(value) else value.date() for value in frame[column]]


# ---------------------------------------------------------------------------- headers


def test_canonical_dutch_headers_are_read_into_typed_columns(tmp_path: Path) -> None:
    """A sheet with the canonical Dutch headers gives typed fields, Excel rows and letters."""
    path = write_cases(
        tmp_path / "cases.xlsx",
        [
            case(
                "V-01",
                "aan_het_werk",
                date(2017, 10, 2),
                start_werk=date(2017, 12, 1),
                uren=32,
                voor=1401.5,
                na=0,
                gemeente="Dordrecht",
            ),
            case("V-02", "uitgevallen", date(2018, 2, 1)),
        ],
    )
    table = load(path)
    frame = table.frame
    assert frame["case_id"].tolist() == ["V-01", "V-02"]
    assert frame["status"].tolist() == ["aan_het_werk", "uitgevallen"]
    assert dates(frame, "trajectory_start") == [date(2017, 10, 2), date(2018, 2, 1)]
    assert dates(frame, "job_start") == [date(2017, 12, 1), None]
    assert frame["hours_per_week"].iloc[0] == 32.0
    assert pd.isna(frame["hours_per_week"].iloc[1])
    assert frame["benefit_before"].iloc[0] == 1401.5
    assert frame["benefit_after"].iloc[0] == 0.0
    assert frame["municipality"].tolist() == ["Dordrecht", None]
    assert frame["row"].tolist() == [2, 3]
    assert table.source.sheet == "Casussen"
    assert table.source.header_row == 1
    assert table.source.cases == 2
    assert dict(table.source.columns) == {
        "case_id": "A",
        "status": "B",
        "trajectory_start": "C",
        "job_start": "D",
        "job_end": "E",
        "hours_per_week": "F",
        "benefit_before": "G",
        "benefit_after": "H",
        "municipality": "I",
        "note": "J",
    }
    assert table.warnings == ()


def test_english_aliases_are_read_like_the_dutch_headers(tmp_path: Path) -> None:
    """Every English alias of the contract maps to its field, with the same values."""
    headers = [
        "case_id", "status", "trajectory_start", "job_start", "job_end", "hours_per_week",
        "benefit_before", "benefit_after", "benefit_type", "wmo_before", "wmo_after",
        "mhc_before", "mhc_after", "jobcoach_hours", "counselling_hours", "mediation_cost",
        "wage_subsidy_month", "no_risk_cost", "insurer_contribution", "municipality", "note",
    ]  # fmt: skip
    values: list[object] = [
        "E-1", "aan_het_werk", date(2017, 10, 2), date(2017, 12, 1), None, 32,
        1000, 100, "ww", 480, 240, 750, 400, 40, 30, 1200, 650, 300, 500, "Zwijndrecht",
        "vrije tekst",
    ]  # fmt: skip
    table = load(write_cases(tmp_path / "english.xlsx", [values], headers))
    record = table.frame.iloc[0]
    assert record["case_id"] == "E-1"
    assert record["benefit_type"] == "ww"
    assert record["municipality"] == "Zwijndrecht"
    numbers = {
        "hours_per_week": 32, "benefit_before": 1000, "benefit_after": 100, "wmo_before": 480,
        "wmo_after": 240, "mhc_before": 750, "mhc_after": 400, "jobcoach_hours": 40,
        "counselling_hours": 30, "mediation_cost": 1200, "wage_subsidy_month": 650,
        "no_risk_cost": 300, "insurer_contribution": 500,
    }  # fmt: skip
    assert {field: record[field] for field in numbers} == numbers
    assert set(table.source.columns) == set(headers)
    assert table.warnings == ()


def test_headers_match_ignoring_case_spaces_hyphens_and_accents(tmp_path: Path) -> None:
    """`  Casus ID `, `Start-Traject` and `uitkéring_voor` are the canonical columns."""
    headers = [
        "  Casus ID ",
        "STATUS",
        "Start-Traject",
        "uitkéring_voor",
        "Uren per Week",
        "GGZ-voor",
    ]
    table = load(
        write_cases(
            tmp_path / "messy.xlsx", [["M-1", "aangemeld", date(2018, 1, 2), 900, 20, 75]], headers
        )
    )
    assert dict(table.source.columns) == {
        "case_id": "A",
        "status": "B",
        "trajectory_start": "C",
        "benefit_before": "D",
        "hours_per_week": "E",
        "mhc_before": "F",
    }
    assert table.frame["benefit_before"].tolist() == [900.0]
    assert table.frame["mhc_before"].tolist() == [75.0]
    assert table.warnings == ()


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("Aan het werk", "aan_het_werk"),
        ("geplaatst", "aan_het_werk"),
        ("  Werkend ", "aan_het_werk"),
        ("aan-het-werk", "aan_het_werk"),
        ("INTAKE", "aangemeld"),
        ("Aanmelding", "aangemeld"),
        ("in bemiddeling", "in_bemiddeling"),
        ("Bemiddeling", "in_bemiddeling"),
        ("solliciterend", "solliciteert"),
        ("Solliciteren", "solliciteert"),
        ("uitval", "uitgevallen"),
        ("GESTOPT", "uitgevallen"),
    ],
)
def test_status_spellings_are_accepted(tmp_path: Path, written: str, status: str) -> None:
    """Each accepted spelling of a status, in any case, reads as the canonical status."""
    start_werk = date(2018, 3, 1) if status == "aan_het_werk" else None
    path = write_cases(tmp_path / "status.xlsx", [case("S-1", written, start_werk=start_werk)])
    assert load(path).frame["status"].tolist() == [status]


def test_missing_required_columns_are_all_named(tmp_path: Path) -> None:
    """A header row without status and start_traject is refused naming both missing columns."""
    path = write_cases(tmp_path / "short.xlsx", [["R-1", 1000]], ["casus_id", "uitkering_voor"])
    error = load_error(path)
    messages = [issue_message(issue) for issue in errors(error)]
    assert "verplichte kolom status ontbreekt" in messages
    assert "verplichte kolom start_traject ontbreekt" in messages
    assert len(messages) == 2


def test_a_column_given_twice_is_an_error_naming_both_letters(tmp_path: Path) -> None:
    """Two headers for the same field (Dutch and English) are refused, naming both columns."""
    headers = ["casus_id", "status", "start_traject", "uitkering_voor", "benefit_before"]
    path = write_cases(
        tmp_path / "twice.xlsx", [["T-1", "aangemeld", date(2018, 1, 2), 1, 2]], headers
    )
    (issue,) = errors(load_error(path))
    assert (issue.row, issue.column) == (1, "E")
    assert "kolommen D en E" in issue_message(issue)


# ---------------------------------------------------------------------------- dates in workbooks


def test_real_excel_dates_and_text_dates_read_the_same(tmp_path: Path) -> None:
    """A date cell, a datetime cell, and ISO or Dutch text give the same date."""
    rows = [
        case("D-1", start_traject=date(2018, 3, 1)),
        case("D-2", start_traject=datetime(2018, 3, 1, 0, 0)),
        case("D-3", start_traject="2018-03-01"),
        case("D-4", start_traject="1-3-2018"),
        case("D-5", start_traject="01-03-2018"),
    ]
    table = load(write_cases(tmp_path / "dates.xlsx", rows))
    assert dates(table.frame, "trajectory_start") == [date(2018, 3, 1)] * 5
    assert str(table.frame["trajectory_start"].dtype) == "datetime64[ns]"


def test_ambiguous_text_date_in_a_workbook_is_a_located_error(tmp_path: Path) -> None:
    """`04/03/2018` as text is refused at its own cell, without echoing it."""
    path = write_cases(tmp_path / "slash.xlsx", [case("D-1"), case("D-2", start_werk="04/03/2018")])
    (issue,) = errors(load_error(path))
    assert (issue.row, issue.column) == (3, "D")
    assert issue_message(issue).startswith("start_werk: ")
    assert "dubbelzinnig" in issue_message(issue)
    assert "04/03/2018" not in issue_message(issue)


def test_a_date_serial_number_is_read_as_a_date_and_said(tmp_path: Path) -> None:
    """A serial number without date format (43160) is day 43160 after 1899-12-30, with a warning."""
    path = write_cases(tmp_path / "serial.xlsx", [case("D-1", start_traject=43160)])
    table = load(path)
    # 43160 days after 1899-12-30 is 2018-03-01 (Excel's own reading of the number).
    assert table.frame["trajectory_start"].tolist() == [pd.Timestamp("2018-03-01")]
    (warning,) = [w for w in table.warnings if "Excel-datum" in issue_message(w)]
    assert (warning.column, warning.severity) == ("C", "waarschuwing")
    assert "rij 2" in issue_message(warning)


def test_a_number_far_from_any_plausible_date_is_refused(tmp_path: Path) -> None:
    """A number such as 12 in a date column is not a date serial we accept: a located error."""
    path = write_cases(tmp_path / "serial.xlsx", [case("D-1", start_traject=12)])
    (issue,) = errors(load_error(path))
    assert (issue.row, issue.column) == (2, "C")
    assert "datum" in issue_message(issue)


def test_an_excel_error_value_is_a_located_error(tmp_path: Path) -> None:
    """A cell holding `#N/A` (a failed formula) is refused, not read as empty."""
    path = write_cases(tmp_path / "na.xlsx", [case("N-1", voor="#N/A")])
    (issue,) = errors(load_error(path))
    assert (issue.row, issue.column) == (2, "G")
    assert "Excel-foutwaarde" in issue_message(issue)


# ---------------------------------------------------------------------------- layout of the sheet


def test_header_below_a_title_counts_rows_from_the_real_excel_row(tmp_path: Path) -> None:
    """With a title in row 1 and the header in row 3, data rows and messages use rows 4, 5, …."""
    rows: list[Row] = [
        ["Casusoverzicht Drechtsteden, peildatum 30-6-2018"],
        [],
        HEADERS,
        case("H-1"),
        case("H-2", uren=75),
    ]
    path = write_xlsx(tmp_path / "title.xlsx", ("Casussen", rows))
    (issue,) = errors(load_error(path))
    assert (issue.row, issue.column) == (5, "F")
    assert issue_place(issue) == "Casussen!F5"
    assert issue_message(issue).startswith("uren_per_week: mag hoogstens 60")


def test_header_below_a_title_gives_row_numbers_on_the_frame(tmp_path: Path) -> None:
    """The returned cases carry their Excel row, counted from the top of the sheet."""
    rows: list[Row] = [["Casusoverzicht"], [], HEADERS, case("H-1"), case("H-2")]
    table = load(write_xlsx(tmp_path / "title.xlsx", ("Casussen", rows)))
    assert table.source.header_row == 3
    assert table.frame["row"].tolist() == [4, 5]


def test_table_starting_in_column_b_keeps_excel_letters(tmp_path: Path) -> None:
    """When column A is empty, a problem in the hours column is reported in G, not F."""
    rows: list[Row] = [[None, *HEADERS], [None, *case("B-1")], [None, *case("B-2", uren=0)]]
    path = write_xlsx(tmp_path / "shifted.xlsx", ("Casussen", rows))
    (issue,) = errors(load_error(path))
    assert (issue.row, issue.column) == (3, "G")
    assert issue_message(issue).startswith("uren_per_week: moet groter dan 0")


def test_a_sheet_named_casussen_wins_over_an_earlier_case_sheet(tmp_path: Path) -> None:
    """A later sheet named Casussen is read even when an earlier sheet has a casus_id header."""
    path = write_xlsx(
        tmp_path / "two.xlsx",
        ("Oud", [HEADERS, case("OUD-1"), case("OUD-2")]),
        ("Casussen", [HEADERS, case("NIEUW-1")]),
    )
    table = load(path)
    assert table.source.sheet == "Casussen"
    assert table.frame["case_id"].tolist() == ["NIEUW-1"]


def test_the_first_sheet_with_a_case_header_is_read(tmp_path: Path) -> None:
    """Without a Casussen sheet, sheets without a casus_id header (notes) are passed over."""
    path = write_xlsx(
        tmp_path / "notes.xlsx",
        ("Toelichting", [["Dit bestand bevat de casussen van 2018."], ["status", "uitleg"]]),
        ("Lijst", [["Titel"], HEADERS, case("L-1")]),
        ("Later", [HEADERS, case("LATER-1")]),
    )
    table = load(path)
    assert table.source.sheet == "Lijst"
    assert table.source.header_row == 2
    assert table.frame["case_id"].tolist() == ["L-1"]


def test_a_workbook_without_a_case_header_is_refused(tmp_path: Path) -> None:
    """No sheet with a casus_id header: one Dutch error for the whole file."""
    path = write_xlsx(tmp_path / "none.xlsx", ("Blad1", [["naam", "status"], ["x", "y"]]))
    (issue,) = load_error(path).issues
    assert (issue.row, issue.column) == (None, None)
    assert "geen blad gevonden met een kolom casus_id" in issue_message(issue)


def test_unknown_columns_are_named_once_in_a_warning(tmp_path: Path) -> None:
    """Columns the contract does not know are listed, with letters, in one warning."""
    headers = [*HEADERS, "Leeftijd", "Klantmanager"]
    path = write_cases(tmp_path / "extra.xlsx", [[*case("U-1"), 34, "Jansen"]], headers)
    table = load(path)
    (warning,) = table.warnings
    assert warning.severity == "waarschuwing"
    assert (warning.row, warning.column) == (1, None)
    assert "K (Leeftijd)" in issue_message(warning)
    assert "L (Klantmanager)" in issue_message(warning)
    assert "Jansen" not in issue_message(warning)
    assert "Leeftijd" not in table.frame.columns
    assert table.frame["case_id"].tolist() == ["U-1"]


def test_data_under_a_column_without_header_is_named_in_a_warning(tmp_path: Path) -> None:
    """Values in a column whose header cell is empty are not used, and a warning says so."""
    path = write_cases(tmp_path / "nohead.xlsx", [[*case("U-1"), None, "iets"]])
    table = load(path)
    (warning,) = table.warnings
    assert (warning.severity, warning.row, warning.column) == ("waarschuwing", 1, "L")
    assert "iets" not in issue_message(warning)


def test_note_text_never_reaches_messages_or_the_frame(tmp_path: Path) -> None:
    """The opmerking column is known but its text is never echoed nor returned."""
    note = "woont bij moeder, depressie, tel 0612345678"
    good = write_cases(tmp_path / "good.xlsx", [case("O-1", opmerking=note)])
    table = load(good)
    assert "note" not in table.frame.columns
    assert "opmerking" not in table.frame.columns
    assert note not in table.frame.astype(str).to_string()
    assert table.warnings == ()

    bad = write_cases(
        tmp_path / "bad.xlsx",
        [case("O-1", opmerking=note), case("O-2", status="vakantie", uren=99, opmerking=note)],
    )
    error = load_error(bad)
    assert len(errors(error)) == 2
    text = all_text(error.issues)
    assert note not in text
    assert "0612345678" not in text
    assert "vakantie" not in text
    assert all(issue.column != "J" for issue in error.issues)


def _with_float_ids(path: Path) -> None:
    """Rewrite a saved workbook so the numeric ids are stored as ``1001.0``, as some tools do."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"<v>1001</v>", b"<v>1001.0</v>")
    assert b"<v>1001.0</v>" in parts[sheet]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def test_numeric_ids_come_back_as_text_without_point_zero(tmp_path: Path) -> None:
    """An id stored as the float 1001.0 (or the integer 1002) comes back as "1001" ("1002")."""
    path = write_cases(tmp_path / "ids.xlsx", [case(1001), case(1002), case("1003")])
    _with_float_ids(path)
    assert load(path).frame["case_id"].tolist() == ["1001", "1002", "1003"]


def test_float_id_and_text_id_are_the_same_id(tmp_path: Path) -> None:
    """1001.0 in one row and "1001" in another are one id, so a duplicate."""
    path = write_cases(tmp_path / "ids.xlsx", [case(1001), case("1001")])
    _with_float_ids(path)
    error = load_error(path)
    assert places(errors(error)) == [(2, "A"), (3, "A")]


# ---------------------------------------------------------------------------- CSV


def test_dutch_csv_in_windows_1252_with_decimal_comma(tmp_path: Path) -> None:
    """A `;` file from Dutch Excel (cp1252, decimal comma, day-first dates) reads correctly."""
    lines = [
        "casus_id;status;start_traject;start_werk;uren_per_week;uitkering_voor;uitkering_na;gemeente",
        "C-01;Aan het werk;1-3-2018;01-04-2018;24;1.401,50;310,25;Zoëterwoude",
        "C-02;intake;2018-02-15;;;1.401;;Hardinxveld",
        "C-03;solliciteert;15-1-2018;;;€ 1.234,56;;",
    ]
    path = write_csv(tmp_path / "nl.csv", lines, encoding="cp1252")
    assert "ë".encode("cp1252") in path.read_bytes()
    table = load(path)
    frame = table.frame
    assert frame["case_id"].tolist() == ["C-01", "C-02", "C-03"]
    assert frame["status"].tolist() == ["aan_het_werk", "aangemeld", "solliciteert"]
    assert dates(frame, "trajectory_start") == [
        date(2018, 3, 1),
        date(2018, 2, 15),
        date(2018, 1, 15),
    ]
    assert dates(frame, "job_start") == [date(2018, 4, 1), None, None]
    assert frame["benefit_before"].tolist() == [1401.5, 1401.0, 1234.56]
    assert frame["benefit_after"].iloc[0] == 310.25
    assert frame["municipality"].tolist() == ["Zoëterwoude", "Hardinxveld", None]
    assert frame["row"].tolist() == [2, 3, 4]
    assert table.source.sheet is None
    assert table.warnings == ()


def test_utf8_csv_with_bom_reads_the_first_header(tmp_path: Path) -> None:
    """A byte-order mark before `casus_id` does not hide the first header."""
    lines = [
        "casus_id;status;start_traject;uitkering_voor;gemeente",
        "B-1;aangemeld;1-3-2018;1.401,50;Alblasserdam-Noël",
    ]
    path = write_csv(tmp_path / "bom.csv", lines, bom=True)
    table = load(path)
    assert table.source.columns["case_id"] == "A"
    assert table.frame["case_id"].tolist() == ["B-1"]
    assert table.frame["benefit_before"].tolist() == [1401.5]
    assert table.frame["municipality"].tolist() == ["Alblasserdam-Noël"]


def test_comma_separated_csv_uses_the_decimal_point(tmp_path: Path) -> None:
    """A `,` file reads `1401.50` and a quoted `1,401.50` as 1401.5 and `1.401` as 1.401."""
    lines = [
        "case_id,status,trajectory_start,benefit_before,hours_per_week",
        'E-1,aangemeld,1-3-2018,1401.50,"32.5"',
        'E-2,aangemeld,2018-03-01,"1,401.50",1.401',
    ]
    table = load(write_csv(tmp_path / "en.csv", lines))
    assert table.frame["benefit_before"].tolist() == [1401.5, 1401.5]
    assert table.frame["hours_per_week"].tolist() == [32.5, 1.401]
    assert dates(table.frame, "trajectory_start") == [date(2018, 3, 1)] * 2


def test_dutch_csv_errors_are_located_by_line(tmp_path: Path) -> None:
    """In a CSV the row number is the line number, the letter the field's position."""
    lines = [
        "casus_id;status;start_traject;uitkering_voor",
        "C-1;aangemeld;1-3-2018;-1,50",
        "C-2;aangemeld;31-02-2018;12",
    ]
    error = load_error(write_csv(tmp_path / "bad.csv", lines))
    issues = errors(error)
    assert places(issues) == [(2, "D"), (3, "C")]
    assert issue_message(issues[0]) == "uitkering_voor: mag niet negatief zijn"
    assert issue_message(issues[1]) == "start_traject: deze datum bestaat niet"
    assert all(issue.sheet is None for issue in issues)
    assert issue_place(issues[0]) == "D2"


def test_dutch_csv_with_ambiguous_grouping_in_comma_style_is_thousands(tmp_path: Path) -> None:
    """In a `;` file `1.401` is the Dutch way to write 1401."""
    lines = ["casus_id;status;start_traject;uitkering_voor", "C-1;aangemeld;1-3-2018;1.401"]
    assert load(write_csv(tmp_path / "k.csv", lines)).frame["benefit_before"].tolist() == [1401.0]


def test_csv_without_header_line_is_refused(tmp_path: Path) -> None:
    """A CSV without a casus_id header line is one Dutch error."""
    path = write_csv(tmp_path / "x.csv", ["naam;status", "Jan;aangemeld"])
    (issue,) = load_error(path).issues
    assert "geen kopregel met casus_id" in issue_message(issue)


# ---------------------------------------------------------------------------- many mistakes at once


def test_every_mistake_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    """A file with many different problems gives one InputError naming each cell, no values."""
    duplicate = "ZZ-DUBBEL-77"
    note = "cliënt heeft schulden, bsn 111222333"
    rows = [
        case(
            "OK-1",
            "aan_het_werk",
            date(2017, 10, 1),
            start_werk=date(2018, 1, 1),
            uren=32,
            voor=1400,
            opmerking=note,
        ),  # 2: fine
        case("F-3", start_traject="31-02-2018"),  # 3: impossible date
        case("F-4", voor=-123.45),  # 4: negative amount
        case("F-5", status="op vakantie"),  # 5: unknown status
        case("F-6", uren=75),  # 6: too many hours
        case(None, opmerking=note),  # 7: missing casus_id
        case(duplicate),  # 8: duplicate of row 9
        case(duplicate),  # 9: duplicate of row 8
        case("F-10", "solliciteert", start_werk=date(2018, 8, 1)),  # 10: start_werk after peil
        case("F-11", "aan_het_werk"),  # 11: at work without start_werk
        case(
            "F-12", "uitgevallen", start_werk=date(2018, 3, 1), einde_werk=date(2018, 2, 1)
        ),  # 12: einde before start
        case("F-13", start_traject=date(2018, 9, 1)),  # 13: future start_traject
        case(
            "F-14", "aan_het_werk", start_werk=date(2018, 1, 1), einde_werk=date(2018, 5, 1)
        ),  # 14: at work but job ended
        case("F-15", "in_bemiddeling", start_werk=date(2018, 1, 1)),  # 15: works by dates
        case("F-16", "aangemeld", einde_werk=date(2018, 5, 1)),  # 16: einde without start
    ]
    path = write_cases(tmp_path / "many.xlsx", rows)
    error = load_error(path)
    found = {(issue.row, issue.column): issue_message(issue) for issue in errors(error)}
    expected = {
        (3, "C"): "start_traject: deze datum bestaat niet",
        (4, "G"): "uitkering_voor: mag niet negatief zijn",
        (5, "B"): "status: onbekende status",
        (6, "F"): "uren_per_week: mag hoogstens 60",
        (7, "A"): "casus_id: verplicht veld is leeg",
        (8, "A"): "casus_id komt vaker voor (ook in rij 9)",
        (9, "A"): "casus_id komt vaker voor (ook in rij 8)",
        (10, "D"): "start_werk ligt na de peildatum (30-06-2018)",
        (11, "D"): "start_werk ontbreekt; verplicht bij status aan_het_werk",
        (12, "E"): "einde_werk ligt vóór start_werk",
        (13, "C"): "start_traject ligt na de peildatum (30-06-2018)",
        (14, "B"): "status is aan_het_werk, maar einde_werk ligt op of vóór de peildatum",
        (15, "B"): "werkt deze persoon op de peildatum (30-06-2018), maar de status is niet",
        (16, "D"): "start_werk ontbreekt terwijl einde_werk is ingevuld",
    }
    assert set(found) == set(expected)
    for place, fragment in expected.items():
        assert fragment in found[place], place
    assert len(errors(error)) == len(expected)
    assert all(issue.sheet == "Casussen" and issue.file == str(path) for issue in error.issues)
    assert places(error.issues) == sorted(
        places(error.issues), key=lambda p: (p[0] or 0, p[1] or "")
    )
    assert str(error).startswith(f"{len(expected)} errors in the input: ")
    text = all_text(error.issues)
    for value in (
        duplicate,
        note,
        "111222333",
        "31-02-2018",
        "op vakantie",
        "123,45",
        "123.45",
        "75",
    ):
        assert value not in text, value


# ---------------------------------------------------------------------------- empty rows


def test_one_empty_row_inside_the_table_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """A single empty row is skipped, named in a warning, and the rows below it are read."""
    rows: list[Row] = [HEADERS, case("E-1"), [], case("E-2"), case("E-3")]
    table = load(write_xlsx(tmp_path / "gap.xlsx", ("Casussen", rows)))
    assert table.frame["case_id"].tolist() == ["E-1", "E-2", "E-3"]
    assert table.frame["row"].tolist() == [2, 4, 5]
    (warning,) = table.warnings
    assert (warning.severity, warning.row, warning.column) == ("waarschuwing", 3, None)
    assert issue_message(warning) == "lege rij overgeslagen"


def test_a_whitespace_only_row_counts_as_empty(tmp_path: Path) -> None:
    """A row of spaces only is an empty row, not a case with every field missing."""
    rows: list[Row] = [HEADERS, case("E-1"), ["  ", " "], case("E-2")]
    table = load(write_xlsx(tmp_path / "spaces.xlsx", ("Casussen", rows)))
    assert table.frame["case_id"].tolist() == ["E-1", "E-2"]
    assert [(w.severity, w.row) for w in table.warnings] == [("waarschuwing", 3)]


def test_data_after_two_empty_rows_is_an_error_naming_those_rows(tmp_path: Path) -> None:
    """Two consecutive empty rows followed by more data: an error naming the empty rows."""
    rows: list[Row] = [HEADERS, case("E-1"), case("E-2"), [], [], ["Totaal", 2]]
    error = load_error(write_xlsx(tmp_path / "below.xlsx", ("Casussen", rows)))
    (issue,) = errors(error)
    assert (issue.row, issue.column) == (4, None)
    assert "rijen 4–5 zijn leeg" in issue_message(issue)
    assert "vanaf rij 6" in issue_message(issue)
    assert "Totaal" not in issue_message(issue)


def test_trailing_empty_rows_are_fine(tmp_path: Path) -> None:
    """Empty (or whitespace-only) rows after the last case give neither error nor warning."""
    rows: list[Row] = [HEADERS, case("E-1"), case("E-2"), [], ["   "], [], [" "]]
    table = load(write_xlsx(tmp_path / "tail.xlsx", ("Casussen", rows)))
    assert table.frame["case_id"].tolist() == ["E-1", "E-2"]
    assert table.warnings == ()


def test_csv_empty_lines_follow_the_same_rules(tmp_path: Path) -> None:
    """In a CSV one empty line (or `;;;`) is skipped with a warning; trailing ones are fine."""
    lines = [
        "casus_id;status;start_traject",
        "C-1;aangemeld;1-3-2018",
        ";;",
        "C-2;aangemeld;1-3-2018",
        "",
        "",
    ]
    table = load(write_csv(tmp_path / "gap.csv", lines))
    assert table.frame["case_id"].tolist() == ["C-1", "C-2"]
    assert [(w.severity, w.row) for w in table.warnings] == [("waarschuwing", 3)]


def test_csv_data_after_two_empty_lines_is_an_error(tmp_path: Path) -> None:
    """In a CSV, two empty lines then more text is an error naming the empty lines."""
    lines = ["casus_id;status;start_traject", "C-1;aangemeld;1-3-2018", "", "", "notitie;;"]
    (issue,) = errors(load_error(write_csv(tmp_path / "notes.csv", lines)))
    assert issue.row == 3
    assert "rijen 3–4" in issue_message(issue)


# ---------------------------------------------------------------------------- BSN


def test_elf_proef_helper_accepts_the_known_valid_number() -> None:
    """The test's own 11-proef accepts 111222333 and rejects its neighbour 111222334."""
    assert elf_proef("111222333")
    assert not elf_proef("111222334")
    assert all(elf_proef(text) for text in valid_bsns(20))


@pytest.mark.parametrize("header", ["bsn", "BSN ", "Burgerservicenummer", "burger service nummer"])
def test_a_bsn_header_refuses_the_file(tmp_path: Path, header: str) -> None:
    """A column headed like `bsn` is an error at that header cell, values never shown."""
    bsn = "111222333"
    path = write_cases(tmp_path / "bsn.xlsx", [[*case("P-1"), int(bsn)]], [*HEADERS, header])
    error = load_error(path)
    (issue,) = errors(error)
    assert (issue.row, issue.column) == (1, "K")
    assert "burgerservicenummers (BSN)" in issue_message(issue)
    assert "--allow-bsn" in issue_message(issue)
    assert bsn not in all_text(error.issues)


def test_a_bsn_header_with_allow_bsn_is_a_warning(tmp_path: Path) -> None:
    """With allow_bsn the BSN column is ignored with a warning and the cases are read."""
    bsns = list(valid_bsns(2))
    path = write_cases(
        tmp_path / "bsn.xlsx",
        [[*case("P-1"), int(bsns[0])], [*case("P-2"), bsns[1]]],
        [*HEADERS, "bsn"],
    )
    table = load(path, allow_bsn=True)
    assert table.frame["case_id"].tolist() == ["P-1", "P-2"]
    assert table.warnings
    assert all(w.severity == "waarschuwing" and w.column == "K" for w in table.warnings)
    shown = all_text(table.warnings) + table.frame.astype(str).to_string()
    assert all(bsn not in shown for bsn in bsns)


def test_bsn_values_under_an_unknown_header_refuse_the_file(tmp_path: Path) -> None:
    """9-digit numbers passing the 11-proef under any header: an error naming that column."""
    bsns = ["111222333", *valid_bsns(3)]
    rows = [[*case(f"P-{n}"), int(bsn)] for n, bsn in enumerate(bsns)]
    path = write_cases(tmp_path / "hidden.xlsx", rows, [*HEADERS, "klantnummer"])
    error = load_error(path)
    (issue,) = errors(error)
    assert (issue.row, issue.column) == (1, "K")
    assert "BSN" in issue_message(issue)
    text = all_text(error.issues)
    assert all(bsn not in text for bsn in bsns)


def test_bsn_values_as_csv_text_refuse_the_file(tmp_path: Path) -> None:
    """BSNs written as text in a CSV column are found as well, and not shown."""
    bsns = ["111222333", *valid_bsns(2)]
    lines = ["casus_id;status;start_traject;nummer"] + [
        f"C-{n};aangemeld;1-3-2018;{bsn}" for n, bsn in enumerate(bsns)
    ]
    error = load_error(write_csv(tmp_path / "bsn.csv", lines))
    (issue,) = errors(error)
    assert (issue.row, issue.column) == (1, "D")
    assert all(bsn not in all_text(error.issues) for bsn in bsns)


def test_bsn_values_under_an_unknown_header_with_allow_bsn_warn(tmp_path: Path) -> None:
    """With allow_bsn a BSN-valued extra column is ignored with a warning, never shown."""
    bsns = list(valid_bsns(3))
    rows = [[*case(f"P-{n}"), int(bsn)] for n, bsn in enumerate(bsns)]
    table = load(
        write_cases(tmp_path / "allowed.xlsx", rows, [*HEADERS, "klantnummer"]), allow_bsn=True
    )
    assert len(table.frame) == 3
    assert any(w.column == "K" and "BSN" in issue_message(w) for w in table.warnings)
    assert all(w.severity == "waarschuwing" for w in table.warnings)
    shown = all_text(table.warnings) + table.frame.astype(str).to_string()
    assert all(bsn not in shown for bsn in bsns)


def test_bsns_used_as_case_ids_are_refused_even_with_allow_bsn(tmp_path: Path) -> None:
    """A BSN as casus_id would be printed, so allow_bsn does not let it through."""
    bsns = list(valid_bsns(3))
    path = write_cases(tmp_path / "ids.xlsx", [case(bsn) for bsn in bsns])
    error = load_error(path, allow_bsn=True)
    (issue,) = errors(error)
    assert (issue.row, issue.column) == (1, "A")
    assert "pseudoniem" in issue_message(issue)
    assert all(bsn not in all_text(error.issues) for bsn in bsns)


def test_small_whole_numbers_are_not_mistaken_for_bsns(tmp_path: Path) -> None:
    """Ordinary small numbers (24 hours a week, € 140 WMO) are no BSN, even zero-padded."""
    headers = [*HEADERS, "wmo_voor"]
    rows = [
        [*case("W-1", "aan_het_werk", start_werk=date(2018, 3, 1), uren=24), 140],
        [*case("W-2", "aan_het_werk", start_werk=date(2018, 3, 1), uren=36), 140],
    ]
    table = load(write_cases(tmp_path / "hours.xlsx", rows, headers))
    assert table.frame["hours_per_week"].tolist() == [24.0, 36.0]
    assert table.frame["wmo_before"].tolist() == [140.0, 140.0]
    assert table.warnings == ()


def test_nine_digit_numbers_failing_the_elf_proef_are_not_bsns(tmp_path: Path) -> None:
    """Nine-digit numbers that fail the 11-proef are an ordinary unknown column."""
    numbers = [n for n in range(111_222_334, 111_222_400) if not elf_proef(str(n))][:4]
    rows = [[*case(f"P-{n}"), number] for n, number in enumerate(numbers)]
    table = load(write_cases(tmp_path / "plain.xlsx", rows, [*HEADERS, "dossiernummer"]))
    (warning,) = table.warnings
    assert "K (dossiernummer)" in issue_message(warning)
    assert "BSN" not in issue_message(warning)


# ---------------------------------------------------------------------------- the input file


def test_reading_an_xlsx_never_changes_it(tmp_path: Path) -> None:
    """The workbook's bytes and modification time are the same after reading (also on errors)."""
    path = write_cases(tmp_path / "keep.xlsx", [case("K-1"), case("K-2", uren=99)])
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_error(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    fixed = write_cases(tmp_path / "fine.xlsx", [case("K-1")])
    before = (fixed.read_bytes(), fixed.stat().st_mtime_ns)
    table = load(fixed)
    assert (fixed.read_bytes(), fixed.stat().st_mtime_ns) == before
    assert len(table.source.sha256) == 64


def test_reading_a_csv_never_changes_it(tmp_path: Path) -> None:
    """The CSV's bytes and modification time are the same after reading."""
    lines = ["casus_id;status;start_traject", "C-1;aangemeld;1-3-2018", "", ""]
    path = write_csv(tmp_path / "keep.csv", lines, encoding="cp1252")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    """A path that does not exist gives a Dutch 'not found' error naming the file as given."""
    path = tmp_path / "bestaat-niet.xlsx"
    (issue,) = load_error(path).issues
    assert issue_message(issue) == "bestand niet gevonden"
    assert issue.file == str(path)
    assert (issue.row, issue.column) == (None, None)


def test_a_directory_is_an_input_error(tmp_path: Path) -> None:
    """A folder passed as the case file gives a Dutch error, not a traceback."""
    (issue,) = load_error(tmp_path).issues
    assert issue_message(issue) == "dit is een map"


@pytest.mark.parametrize(
    ("name", "data"), [("leeg.xlsx", b""), ("leeg.csv", b""), ("spaties.csv", b"  \r\n\r\n")]
)
def test_an_empty_file_is_an_input_error(tmp_path: Path, name: str, data: bytes) -> None:
    """An empty (or whitespace-only) file is refused with a Dutch message."""
    path = tmp_path / name
    path.write_bytes(data)
    (issue,) = load_error(path).issues
    assert issue_message(issue) == "het bestand is leeg"


def test_a_case_csv_named_xlsx_is_read_as_csv_with_a_warning(tmp_path: Path) -> None:
    """A sound case CSV saved under an .xlsx name is read as what it is, and the user is told."""
    path = tmp_path / "nep.xlsx"
    path.write_bytes(b"casus_id;status;start_traject\r\nC-1;aangemeld;1-3-2018\r\n")
    table = load_cases(path, PEILDATUM)
    assert table.frame["case_id"].tolist() == ["C-1"]
    (warning,) = [w for w in table.warnings if w.code == "text_named_xlsx_read"]
    assert warning.severity == "waarschuwing"
    assert issue_message(warning) == (
        "dit is een tekstbestand (CSV) met de extensie .xlsx; gelezen als CSV. Hernoem het "
        "naar .csv"
    )
    assert issue_message(warning, "en").startswith("this is a text file (CSV)")


def test_binary_bytes_named_xlsx_are_not_called_text(tmp_path: Path) -> None:
    """Bytes that are neither a zip nor text, named .xlsx: not a valid Excel file."""
    path = tmp_path / "nep.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (issue,) = load_error(path).issues
    assert issue.code == "not_xlsx"


def test_a_legacy_ole_file_is_an_input_error(tmp_path: Path) -> None:
    """An old .xls (or password-protected workbook) is refused with advice to save as .xlsx."""
    path = tmp_path / "oud.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    (issue,) = load_error(path).issues
    assert "oud Excel-formaat (.xls)" in issue_message(issue)
    assert "sla het op als Excel-werkmap (.xlsx)" in issue_message(issue)


def test_a_damaged_workbook_is_an_input_error(tmp_path: Path) -> None:
    """A zip that is no workbook (or a cut-off one) is refused with a Dutch message."""
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (issue,) = load_error(path).issues
    assert "beschadigd of geen werkmap" in issue_message(issue)
