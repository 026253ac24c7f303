"""The Excel summary calculates by itself: formulas over the inputs and named parameter cells,
each with the value werkzorg computed stored beside it."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.items import ITEM_IDS
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.text.labels import item_label
from werkzorg_calc.write.excel.summary import write_excel

PEILDATUM = date(2018, 6, 30)


@pytest.fixture
def result(worked_cases: CaseTable) -> Result:
    """The worked example with a 12-month projection."""
    return calculate(worked_cases, v1_parameters(), PEILDATUM, 12)


@pytest.fixture
def written(result: Result, worked_cases: CaseTable, tmp_path: Path) -> Path:
    """The summary workbook with live formulas."""
    path = tmp_path / "live.xlsx"
    write_excel(result, path, cases=worked_cases)
    return path


def _columns(sheet: Worksheet) -> dict[str, int]:
    return {str(cell.value): int(cell.column or 0) for cell in sheet[1]}


def test_every_line_item_is_a_formula_over_its_row_and_named_parameters(written: Path) -> None:
    """Line-item cells are formulas; the jobcoach one multiplies the row's hours by the rate."""
    sheet = openpyxl.load_workbook(written)["Per casus"]
    columns = _columns(sheet)
    for row in range(2, 6):
        for item in ITEM_IDS:
            cell = sheet.cell(row, columns[item_label(item)])
            assert cell.data_type == "f", (item, row)
    hours = openpyxl.utils.get_column_letter(columns["jobcoach_uren"])
    assert sheet.cell(2, columns["Jobcoach"]).value == f"=0-{hours}2*jobcoach_hour_rate"
    assert "counselling_cost_per_trajectory" in str(
        sheet.cell(3, columns["Trajectbegeleiding"]).value
    )


def test_defined_names_point_at_the_parameter_values(written: Path) -> None:
    """Each parameter has a defined name on the Parameters sheet holding the value used."""
    book = openpyxl.load_workbook(written, data_only=True)
    values = {}
    for name in ("jobcoach_hour_rate", "deadweight", "payers_counselling", "peildatum", "horizon"):
        sheet, cell = next(iter(book.defined_names[name].destinations))
        values[name] = book[sheet][cell.replace("$", "")].value
    assert values == {
        "jobcoach_hour_rate": 89.02,
        "deadweight": 0,
        "payers_counselling": "health_insurer",
        "peildatum": datetime(2018, 6, 30),
        "horizon": 12,
    }


def test_stored_values_are_the_tools_own_numbers(result: Result, written: Path) -> None:
    """Read without calculating, each line item, case sum and stakeholder figure is the Result's."""
    book = openpyxl.load_workbook(written, data_only=True)
    cases = book["Per casus"]
    columns = _columns(cases)
    items = result.items.to_dict(orient="records")
    nets = result.cases["net"].tolist()
    for position in range(4):
        for item in ITEM_IDS:
            stored = cases.cell(position + 2, columns[item_label(item)]).value
            assert stored == items[position][item] + 0.0, (position, item)
        assert cases.cell(position + 2, columns["Saldo"]).value == nets[position]
    parties = {row[0]: row[1:] for row in book["Per partij"].iter_rows(min_row=2, values_only=True)}
    insurer = result.stakeholders.to_dict(orient="index")["health_insurer"]
    assert list(parties["Zorgverzekeraar"]) == pytest.approx(list(insurer.values()), abs=1e-9)
    # worked example, horizon 12: 21,658.21 + 500.00 (T1: V-01's contribution received back)
    assert parties["Totaal"][2] == pytest.approx(22158.21, abs=0.005)


def test_no_formula_is_left_without_a_stored_value(written: Path) -> None:
    """In the saved XML every <f> is followed by a filled <v>, so viewers show numbers."""
    with zipfile.ZipFile(written) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        formulas = 0
        for name in sheets:
            xml = archive.read(name).decode("utf-8")
            formulas += xml.count("</f>")
            assert re.search(r"</f><v ?/>|</f><v></v>(?!</c>)", xml) is None, name
            assert re.search(r"</f>(?!<v>)", xml) is None, name
    assert formulas > 150


def test_imputed_inputs_carry_a_note_saying_why(written: Path) -> None:
    """V-04's missing uitkering_voor is =benefit_default_month with a note; V-02's ggz_na too."""
    sheet = openpyxl.load_workbook(written)["Per casus"]
    columns = _columns(sheet)
    before = sheet.cell(5, columns["uitkering_voor"])
    assert before.value == "=benefit_default_month"
    assert before.comment is not None and "benefit_default_month" in before.comment.text
    after = sheet.cell(3, columns["ggz_na"])
    mhc_before = openpyxl.utils.get_column_letter(columns["ggz_voor"])
    assert after.value == f"={mhc_before}3*(1-mhc_reduction_when_working)"
    assert after.comment is not None and "mhc_reduction_when_working" in after.comment.text
    hours = sheet.cell(3, columns["trajectbegeleiding_uren"])
    assert hours.value is None
    assert hours.comment is not None and "per traject" in hours.comment.text
    assert sheet.cell(2, columns["uitkering_voor"]).comment is None  # given, nothing assumed


def test_summary_and_stakeholders_sum_the_case_sheet(written: Path) -> None:
    """Per partij sums Per casus by payer; Samenvatting refers to Per partij."""
    book = openpyxl.load_workbook(written)
    municipality = str(book["Per partij"]["B2"].value)
    assert municipality.startswith("=SUMIF('Per casus'!")
    costs = str(book["Per partij"]["C2"].value)
    # C1's payer per case is a column of Per casus; jobcoach's payer is still a parameter.
    assert costs.startswith("=0-(SUMIF('Per casus'!") and 'payers_jobcoach="municipality"' in costs
    summary = {
        row[0].value: row[1].value for row in book["Samenvatting"].iter_rows() if row[0].value
    }
    assert summary["Totaal"] == "='Per partij'!B7"
    assert str(summary["Deelnemers"]).startswith("=COUNTA('Per casus'!$A$2:$A$5")
    # The projection's monthly factors are method: on Parameters, not on the front sheet.
    assert not any(str(key).startswith("Maandfactor") for key in summary)
    parameters = {
        row[0].value: row[2].value for row in book["Parameters"].iter_rows() if row[0].value
    }
    # R1: one month factor per curve; retention_per_year (v1), when set, sets both
    assert parameters["Maandfactor projectie q (werk)"] == (
        '=(IF(retention_per_year="",retention_work_per_year,retention_per_year)'
        "/(1+discount_rate))^(1/12)"
    )
    assert parameters["Maandfactor projectie q (uitkering)"] == (
        '=(IF(retention_per_year="",retention_benefit_per_year,retention_per_year)'
        "/(1+discount_rate))^(1/12)"
    )
    # The headline verdict is a formula over the named target cells, not static text.
    verdict = str(book["Samenvatting"]["A2"].value)
    assert verdict.startswith("=IF(doel_deelnemers=0,")
    assert "doel_gehaald" in verdict
    assert "doel_aandeel" in verdict
    link = str(book["Samenvatting"]["A3"].value)
    assert link.startswith('=HYPERLINK("#\'Controle\'!A1","Aangenomen waarden: ')


def test_without_the_case_table_items_are_values_and_sums_stay_formulas(
    result: Result, tmp_path: Path
) -> None:
    """Called without cases, line items are plain values; Per partij still adds them up."""
    path = tmp_path / "statisch.xlsx"
    write_excel(result, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Per casus"]
    columns = _columns(sheet)
    assert "uitkering_voor" not in columns
    assert sheet.cell(2, columns["Uitkering bespaard"]).value == result.items.at[0, "benefit"]
    assert book["Per partij"]["B2"].data_type == "f"
    stored = openpyxl.load_workbook(path, data_only=True)["Per partij"]["D7"].value
    assert stored == pytest.approx(result.totals.all.net, abs=1e-9)


def test_english_workbook_uses_english_sheet_names_in_its_formulas(
    result: Result, worked_cases: CaseTable, tmp_path: Path
) -> None:
    """With lang="en" the formulas refer to 'Per case' and 'Per stakeholder'."""
    path = tmp_path / "en.xlsx"
    write_excel(result, path, cases=worked_cases, lang="en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[-1] == "Provenance"
    assert book["Per stakeholder"]["B2"].value.startswith("=SUMIF('Per case'!")
    assert book["Per case"]["A1"].value == "Case"
