"""The Excel summary, read back cell by cell; and the safe-writing guarantees."""

from __future__ import annotations

import errno
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PEILDATUM
from tests.tables import make_table
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import OutputError
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.text.issues import error_messages
from werkzorg_calc.write.excel.summary import write_excel

CENT = 0.005


@pytest.fixture
def result(worked_cases: CaseTable) -> Result:
    """The worked example at horizon 0."""
    return calculate(worked_cases, v1_parameters(), PEILDATUM)


@pytest.fixture
def workbook(result: Result, worked_cases: CaseTable, tmp_path: Path) -> openpyxl.Workbook:
    """The summary written with live formulas and opened again with their stored values."""
    path = tmp_path / "samenvatting.xlsx"
    write_excel(result, path, cases=worked_cases)
    return openpyxl.load_workbook(path, data_only=True)


def test_sheets_in_order(workbook: openpyxl.Workbook) -> None:
    """Nine sheets, in the order an advisor reads them."""
    assert workbook.sheetnames == [
        "Samenvatting",
        "Per partij",
        "Verrekening",
        "Terugverdienen",
        "Welvaart",
        "Per casus",
        "Parameters",
        "Controle",
        "Verantwoording",
    ]


def test_summary_sheet(workbook: openpyxl.Workbook) -> None:
    """Verdict, peildatum as a real date, totals with euro format, and a bar chart."""
    sheet = workbook["Samenvatting"]
    assert sheet["A2"].value == (
        "Doel niet gehaald: 1 van 4 duurzaam aan het werk (25%, 95%-interval 5%–70%), doel 50%"
    )
    labels = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    assert labels["Peildatum"][1].value == datetime(2018, 6, 30)
    assert labels["Peildatum"][1].number_format == "DD-MM-YYYY"
    total = labels["Totaal"]
    assert total[1].value == pytest.approx(24032.02, abs=CENT)
    assert total[2].value == pytest.approx(34161.49, abs=CENT)
    assert total[3].value == pytest.approx(-10129.48, abs=CENT)
    assert "€" in total[3].number_format
    assert labels["Doel gehaald"][1].value == "nee"
    assert labels["Deelnemers"][1].value == 4
    assert len(sheet._charts) == 1  # type: ignore[attr-defined]


def test_stakeholder_sheet(workbook: openpyxl.Workbook) -> None:
    """One row per stakeholder plus a total row; frozen header and autofilter."""
    sheet = workbook["Per partij"]
    assert sheet["A1"].value == "Partij" and sheet["D1"].value == "Saldo"
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Gemeente"][1:4] == pytest.approx((16199.73, 10684.99, 5514.73), abs=CENT)
    assert rows["Zorgverzekeraar"][3] == pytest.approx(-19264.51, abs=CENT)
    assert rows["UWV"][3] == pytest.approx(3620.30, abs=CENT)
    assert rows["GGZ-instelling"][1:4] == (0, 0, 0)
    assert rows["Totaal"][3] == pytest.approx(-10129.48, abs=CENT)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J6"


def test_case_sheet_one_column_per_item(workbook: openpyxl.Workbook) -> None:
    """V-01's row holds its inputs, each line item and the sums; V-02 lists its imputations."""
    sheet = workbook["Per casus"]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Casus", "Rij in invoer", "Status", "Gemeente"]
    assert "Uitkering bespaard" in header and "Loonkostensubsidie" in header
    v01 = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert v01["Casus"] == "V-01" and v01["Rij in invoer"] == 2
    assert v01["Start werk"] == datetime(2017, 12, 1)
    assert v01["Maanden werk"] == pytest.approx(211 / 30.4375)
    assert v01["Uitkering bespaard"] == pytest.approx(9715.53, abs=CENT)
    assert v01["Jobcoach"] == pytest.approx(-3560.80, abs=CENT)
    assert v01["Saldo"] == pytest.approx(3447.01, abs=CENT)
    assert v01["Duurzaam"] == "ja"
    v02 = dict(zip(header, [cell.value for cell in sheet[3]], strict=True))
    assert v02["Aangenomen waarden"] == "mhc_after, counselling_hours"
    assert sheet["E2"].number_format == "DD-MM-YYYY"
    assert sheet.max_row == 5
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")


def test_parameter_sheet_cites_sources(workbook: openpyxl.Workbook) -> None:
    """Every parameter with value, unit, price year, evidence grade and source."""
    sheet = workbook["Parameters"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    jobcoach = rows["jobcoach_hour_rate"]
    assert jobcoach[2] == 89.02 and jobcoach[5] == 2024 and jobcoach[6] == "aanname"
    assert "jobcoach" in str(jobcoach[7]).lower()
    assert rows["payers.counselling"][2] == "health_insurer"


def test_checks_sheet_lists_warnings_and_imputations(workbook: openpyxl.Workbook) -> None:
    """Grouped warnings, then one row per imputed cell, naming the case and column."""
    rows = list(workbook["Controle"].iter_rows(min_row=2, values_only=True))
    # three imputations and Q1's warning: 1,401.50 in 2018 is above that year's norm
    assert [row[0] for row in rows].count("waarschuwing") == 4
    imputed = [(row[5], row[3], row[4]) for row in rows if row[0] == "aangenomen"]
    assert imputed == [
        ("V-02", 3, "M"),
        ("V-02", 3, "O"),
        ("V-04", 5, "G"),
        ("V-04", 5, "O"),
    ]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    """A case id starting with = is written as text, never as a formula."""
    table = make_table([{"case_id": "=HYPERLINK(1)", "status": "aangemeld"}])
    path = tmp_path / "uit.xlsx"
    write_excel(calculate(table, v1_parameters(), PEILDATUM), path)
    cell = openpyxl.load_workbook(path)["Per casus"]["A2"]
    assert cell.value == "=HYPERLINK(1)"
    assert cell.data_type == "s"


def test_refuses_existing_file_and_the_input(result: Result, tmp_path: Path) -> None:
    """An existing output needs force; the input file is refused even with force."""
    path = tmp_path / "uit.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(OutputError) as caught:
        write_excel(result, path)
    assert error_messages(caught.value) == (
        f"{path} bestaat al; gebruik --force om het te overschrijven",
    )
    assert path.read_bytes() == b"old"
    write_excel(result, path, force=True)
    assert path.read_bytes().startswith(b"PK")
    with pytest.raises(OutputError, match="output_is_input"):
        write_excel(result, path, force=True, inputs=[path])


def test_a_failure_while_writing_leaves_nothing(
    result: Result, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If saving fails after writing part of the file, no target and no temporary remain."""
    real_save = openpyxl.Workbook.save

    def broken_save(self: openpyxl.Workbook, filename: str) -> None:
        real_save(self, filename)  # the temporary file now exists, then the disk "fills up"
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    before = sorted(tmp_path.iterdir())
    with pytest.raises(OutputError) as caught:
        write_excel(result, tmp_path / "uit.xlsx")
    assert "kan niet worden geschreven: de schijf is vol" in error_messages(caught.value)[0]
    assert "cannot be written: the disk is full" in error_messages(caught.value, "en")[0]
    assert sorted(tmp_path.iterdir()) == before
