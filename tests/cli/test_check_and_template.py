"""`werkzorg check` validates without writing; `werkzorg template` makes good input easy.

A template filled in by hand, the way a case manager would (open it, type two rows, save),
must pass `check`; its Voorbeeld sheet must compute like the worked example.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner, Result

from tests.paths import EXAMPLE
from werkzorg_calc.cli import app
from werkzorg_calc.domain.columns import BENEFIT_TYPES, COLUMNS, STATUSES
from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.write.json_document import result_to_dict

runner = CliRunner()
WIDE = {"COLUMNS": "400"}
PEILDATUM = date(2018, 6, 30)
HEADERS = [column.header for column in COLUMNS]

# The worked example of shared/spec/worked-example.md as a Dutch CSV (as in tests/conftest.py).
WORKED_CSV = """\
casus_id;status;start_traject;start_werk;einde_werk;uren_per_week;uitkering_voor;uitkering_na;uitkering_soort;wmo_voor;wmo_na;ggz_voor;ggz_na;jobcoach_uren;trajectbegeleiding_uren;bemiddeling_kosten;loonkostensubsidie_pm;no_risk_kosten;verzekeraar_bijdrage
V-01;aan_het_werk;2017-10-02;2017-12-01;;24;1401,50;0;participatiewet;480;240;750;412,50;40;30;1200;650;;500
V-02;aan_het_werk;2018-01-15;2018-04-03;;16;1401,50;310,25;;;;900;;12;;;;;
V-03;in_bemiddeling;2017-11-01;2018-01-08;2018-03-09;;2002,13;;wia;;;600;650;;45;;;800;
V-04;uitgevallen;2018-02-01;;;;;;;;;;;;;350;;;
"""


def invoke(args: list[str]) -> Result:
    """Run the command with a wide terminal."""
    return runner.invoke(app, args, env=WIDE)


def flat(text: str) -> str:
    """The text with every run of white space made one space."""
    return " ".join(text.split())


def snapshot(folder: Path) -> dict[Path, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and modification time."""
    return {
        path: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def template(tmp_path: Path) -> Path:
    """A fresh template written by `werkzorg template`."""
    path = tmp_path / "casussen.xlsx"
    outcome = invoke(["template", str(path)])
    assert outcome.exit_code == 0, outcome.output
    assert f"geschreven:{path}" in "".join(outcome.stderr.split())
    return path


# ---------------------------------------------------------------------------- check


def test_check_accepts_the_example_and_writes_nothing(tmp_path: Path) -> None:
    """The bundled example passes: exit 0, the case count, no file touched or added."""
    copy = tmp_path / "drechtsteden.xlsx"
    shutil.copy2(EXAMPLE, copy)
    before = snapshot(tmp_path)
    outcome = invoke(["check", str(copy), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 0, outcome.output
    assert "Geen fouten: 29 casussen kunnen worden berekend." in flat(outcome.stdout)
    assert outcome.stderr == ""
    assert snapshot(tmp_path) == before


def test_check_prints_warnings_and_still_passes(tmp_path: Path) -> None:
    """The example with an empty row and an unknown column: exit 0, both warnings shown."""
    workbook = openpyxl.load_workbook(EXAMPLE)
    sheet = workbook["Casussen"]
    sheet.insert_rows(5)
    sheet.cell(row=1, column=sheet.max_column + 1, value="contactpersoon")
    path = tmp_path / "waarschuwing.xlsx"
    workbook.save(path)
    before = snapshot(tmp_path)
    outcome = invoke(["check", str(path), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 0, outcome.output
    text = flat(outcome.stdout)
    assert "Casussen 5 - waarschuwing lege rij overgeslagen" in text
    assert "waarschuwing onbekende kolommen, niet gebruikt in de berekening:" in text
    assert "(contactpersoon)" in text
    assert "Geen fouten: 29 casussen kunnen worden berekend." in text
    assert snapshot(tmp_path) == before


def test_check_refuses_a_bad_file_with_the_same_table_as_calc(tmp_path: Path) -> None:
    """Bad cells: exit 1 from both commands, identical error tables, nothing written."""
    path = tmp_path / "fout.csv"
    path.write_text(
        "casus_id;status;start_traject;uitkering_voor\r\n"
        "A-1;werkt niet;2018-01-01;100\r\n"
        "A-2;aangemeld;31-02-2018;-5\r\n",
        encoding="utf-8",
    )
    before = snapshot(tmp_path)
    check = invoke(["check", str(path), "--peildatum", "2018-06-30"])
    calc = invoke(["calc", str(path), "--peildatum", "2018-06-30"])
    assert (check.exit_code, calc.exit_code) == (1, 1)
    assert check.stderr == calc.stderr
    assert check.stdout == ""
    text = flat(check.stderr)
    assert "- 2 B fout status: onbekende status" in text
    assert "- 3 C fout start_traject: deze datum bestaat niet" in text
    assert "3 fouten gevonden; er is niets berekend." in text
    assert "Traceback" not in check.output
    assert snapshot(tmp_path) == before


def test_check_reports_every_file_it_is_given(tmp_path: Path) -> None:
    """A good and a bad file together: exit 1, the bad one named, the good one not blamed."""
    good = tmp_path / "goed.csv"
    good.write_text("casus_id;status;start_traject\r\nG-1;aangemeld;2018-01-15\r\n", "utf-8")
    bad = tmp_path / "slecht.csv"
    bad.write_text("casus_id;status;start_traject\r\nS-1;onzin;2018-01-15\r\n", "utf-8")
    outcome = invoke(["check", str(good), str(bad), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 1
    squeezed = "".join(outcome.stderr.split())
    assert str(bad) in squeezed
    assert str(good) not in squeezed


# ---------------------------------------------------------------------------- template


def test_template_has_the_three_sheets_and_the_canonical_headers(template: Path) -> None:
    """Casussen, Voorbeeld, Parameters; every canonical header in order, each with a note."""
    workbook = openpyxl.load_workbook(template)
    assert workbook.sheetnames == ["Casussen", "Voorbeeld", "Parameters"]
    cases = workbook["Casussen"]
    header = [cell.value for cell in cases[1]][: len(HEADERS)]
    assert header == HEADERS
    for cell in cases[1][: len(HEADERS)]:
        assert cell.comment is not None, cell.coordinate
        assert len(cell.comment.text) > 20
    assert "BSN" in (cases["A1"].comment.text if cases["A1"].comment else "")
    assert [cell.value for cell in workbook["Voorbeeld"][1]][: len(HEADERS)] == HEADERS
    parameters = workbook["Parameters"]
    assert [cell.value for cell in parameters[1]][:2] == ["parameter", "waarde"]
    assert parameters.max_row > 10


def _validation_for(sheet: Worksheet, cell: str) -> DataValidation:
    """The data validation covering ``cell``."""
    found: list[DataValidation] = [
        dv for dv in sheet.data_validations.dataValidation if cell in dv.sqref
    ]
    assert len(found) == 1, cell
    return found[0]


def test_template_offers_lists_for_status_and_benefit_type(template: Path) -> None:
    """Drop-down lists hold exactly the allowed statuses and benefit types; amounts are ≥ 0."""
    sheet = openpyxl.load_workbook(template)["Casussen"]
    letter = {header: openpyxl.utils.get_column_letter(i) for i, header in enumerate(HEADERS, 1)}
    status = _validation_for(sheet, f"{letter['status']}2")
    assert status.type == "list"
    assert (status.formula1 or "").strip('"').split(",") == list(STATUSES)
    benefit = _validation_for(sheet, f"{letter['uitkering_soort']}500")
    assert benefit.type == "list"
    assert (benefit.formula1 or "").strip('"').split(",") == list(BENEFIT_TYPES)
    amount = _validation_for(sheet, f"{letter['uitkering_voor']}2")
    assert (amount.type, amount.operator, amount.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert sheet[f"{letter['start_traject']}2"].number_format == "DD-MM-YYYY"
    assert "€" in sheet[f"{letter['uitkering_voor']}2"].number_format


def test_template_refuses_to_overwrite_without_force(template: Path) -> None:
    """A second `template` on the same name: exit 1 and the file untouched; --force replaces."""
    template.write_bytes(b"eigen werk")
    outcome = invoke(["template", str(template)])
    assert outcome.exit_code == 1
    assert "bestaat al; gebruik --force om het te overschrijven" in flat(outcome.stderr)
    assert template.read_bytes() == b"eigen werk"
    forced = invoke(["template", str(template), "--force"])
    assert forced.exit_code == 0, forced.output
    assert template.read_bytes().startswith(b"PK")


def test_template_wants_an_xlsx_name(tmp_path: Path) -> None:
    """`werkzorg template casussen.csv` is wrong use: exit 2, nothing written."""
    outcome = invoke(["template", str(tmp_path / "casussen.csv")])
    assert outcome.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_a_fresh_template_is_an_empty_sheet(template: Path) -> None:
    """The empty template itself (1000 formatted rows, no data) has no cases: one clear error."""
    outcome = invoke(["check", str(template), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 1, outcome.output
    assert "blad Casussen is leeg" in outcome.output
    assert "Traceback" not in outcome.output


def test_a_template_filled_in_by_hand_passes_check(template: Path) -> None:
    """Two cases typed into Casussen and saved: `check` exit 0, two cases, no warning."""
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Casussen"]
    column = {header: index for index, header in enumerate(HEADERS, start=1)}
    rows: list[dict[str, str | float | date]] = [
        {
            "casus_id": "T-001",
            "status": "aan_het_werk",
            "start_traject": date(2018, 1, 8),
            "start_werk": date(2018, 3, 1),
            "uren_per_week": 20,
            "uitkering_voor": 1401.5,
            "uitkering_na": 0,
            "uitkering_soort": "participatiewet",
            "gemeente": "Dordrecht",
            "opmerking": "belt liever dan mailt",
        },
        {"casus_id": "T-002", "status": "aangemeld", "start_traject": date(2018, 5, 14)},
    ]
    for number, row in enumerate(rows, start=2):
        for header, value in row.items():
            sheet.cell(row=number, column=column[header], value=value)
    workbook.save(template)

    outcome = invoke(["check", str(template), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 0, outcome.output
    shown = flat(outcome.stdout)
    assert shown.endswith("Geen fouten: 2 casussen kunnen worden berekend.")
    # Only what the method fills in for the cells left empty is said; nothing is an error.
    assert " fout " not in shown
    assert "uitkering_voor ontbreekt in 1 rij (3)" in shown
    table = load_cases(template, PEILDATUM)
    assert table.frame["case_id"].tolist() == ["T-001", "T-002"]
    assert table.warnings == ()


def test_the_voorbeeld_sheet_computes_like_the_worked_example(
    template: Path, tmp_path: Path
) -> None:
    """Voorbeeld renamed to Casussen gives the four worked cases and the worked totals."""
    workbook = openpyxl.load_workbook(template)
    del workbook["Casussen"]
    workbook["Voorbeeld"].title = "Casussen"
    example = tmp_path / "voorbeeld.xlsx"
    workbook.save(example)
    outcome = invoke(["calc", str(example), "--peildatum", "2018-06-30", "-f", "json"])
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.stdout)
    assert sorted(case["case_id"] for case in data["cases"]) == ["V-01", "V-02", "V-03", "V-04"]

    worked = tmp_path / "worked.csv"
    worked.write_text(WORKED_CSV, encoding="utf-8")
    expected = result_to_dict(
        calculate(load_cases(worked, PEILDATUM), default_parameters(), PEILDATUM, 0)
    )
    for key in ("savings", "costs", "net"):
        assert data["totals"][key] == pytest.approx(expected["totals"][key], abs=1e-6)
