"""Dutch labels for parties and fields everywhere in the summary; months to one decimal."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from tests.conftest import PEILDATUM
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.text.labels import status_label
from werkzorg_calc.write.excel.summary import write_excel


def _book(cases: CaseTable, path: Path) -> openpyxl.Workbook:
    write_excel(calculate(cases, default_parameters(), PEILDATUM), path, cases=cases)
    return openpyxl.load_workbook(path)


def _column(sheet: Worksheet, header: str) -> list[object]:
    headers = [cell.value for cell in sheet[1]]
    index = headers.index(header)
    return [row[index] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_payers_and_fields_are_named_in_dutch(worked_cases: CaseTable, tmp_path: Path) -> None:
    """V-03 (WIA) gets its benefit from UWV; the others (Participatiewet, by default when
    uitkering_soort is empty) from the Gemeente."""
    book = _book(worked_cases, tmp_path / "s.xlsx")
    values = openpyxl.load_workbook(tmp_path / "s.xlsx", data_only=True)
    payers = _column(values["Per casus"], "Partij uitkering")
    assert payers == ["Gemeente", "Gemeente", "UWV", "Gemeente"]
    messages = [str(m) for m in _column(book["Controle"], "Melding") if m]
    # V-02's empty ggz_na is imputed: named as the case file names the column.
    assert "ggz_na: ontbrak in de invoer; aangenomen volgens de methode" in messages
    assert not any("mhc_after" in message for message in messages)


def test_months_show_one_decimal(worked_cases: CaseTable, tmp_path: Path) -> None:
    book = _book(worked_cases, tmp_path / "s.xlsx")
    sheet = book["Per casus"]
    headers = [cell.value for cell in sheet[1]]
    column = headers.index("Maanden werk") + 1
    assert sheet.cell(row=2, column=column).number_format == "0.0"


def test_in_bemiddeling_is_job_matching_in_english() -> None:
    assert status_label("in_bemiddeling", "en") == "job matching"
