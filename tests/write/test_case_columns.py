"""``Per casus`` built column by column, a block of cases at a time."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import PEILDATUM
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.write.excel import case_sheet
from werkzorg_calc.write.excel.case_columns import CaseColumns, blocks
from werkzorg_calc.write.excel.case_sheet import CaseLayout
from werkzorg_calc.write.excel.sheet import FormulaColumn
from werkzorg_calc.write.excel.summary import write_excel


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_blocks_cover_every_case_once() -> None:
    assert blocks(5, 2) == [(0, 2), (2, 4), (4, 5)]
    assert blocks(4, 2) == [(0, 2), (2, 4)]
    assert blocks(0, 2) == []


def test_the_workbook_does_not_depend_on_the_block_size(
    worked_cases: CaseTable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The four worked cases in blocks of one and of three give the same bytes as in one
    block: row numbers, formulas, the notes of imputed cells (V-02, V-03) and their order."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    whole = tmp_path / "whole.xlsx"
    write_excel(result, whole, cases=worked_cases)
    for size in (1, 3):
        monkeypatch.setattr(case_sheet, "BLOCK", size)
        split = tmp_path / f"split-{size}.xlsx"
        write_excel(result, split, cases=worked_cases)
        assert _parts(split) == _parts(whole)


def test_a_later_block_refers_to_its_own_rows(worked_cases: CaseTable) -> None:
    """The third case (V-03) is on sheet row 4: its sums read row 4, and its net is its
    savings minus its costs from the result (the sheet's formula, the tool's value)."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    layout = CaseLayout(result, worked_cases, "nl")
    columns = CaseColumns(result, worked_cases, "nl", layout.letters, ("ja", "nee"))
    cells = columns.block(2, 4)
    net = cells["net"]
    assert isinstance(net, FormulaColumn)
    savings, costs = layout.letters["savings"], layout.letters["costs"]
    assert list(net.texts) == [f"{savings}4-{costs}4", f"{savings}5-{costs}5"]
    v03 = result.cases.iloc[2]
    assert net.values[0] == pytest.approx(v03["savings"] - v03["costs"])
    ids, rows = cells["case_id"], cells["row"]
    assert not isinstance(ids, FormulaColumn) and not isinstance(rows, FormulaColumn)
    assert list(ids) == ["V-03", "V-04"]
    assert list(rows) == [4, 5]  # the row in the input file: header + 3
    durable = cells["durable"]
    assert isinstance(durable, FormulaColumn)
    assert list(durable.values) == ["nee", "nee"]


def _number_formats(path: Path) -> list[str]:
    styles = _parts(path)["xl/styles.xml"].decode()
    return re.findall(r'formatCode="([^"]*)"', styles)


def test_without_cases_the_workbook_has_the_same_style_table(
    worked_cases: CaseTable, tmp_path: Path
) -> None:
    """No case, no row: the case sheet's number formats (months 0.0 and 0.000000, decimals) are
    still registered, so every other sheet's style ids are those of a workbook with cases."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    full = tmp_path / "vier.xlsx"
    write_excel(result, full, cases=worked_cases)
    empty_cases = CaseTable(worked_cases.frame.iloc[0:0], worked_cases.sources, ())
    empty = tmp_path / "geen.xlsx"
    write_excel(calculate(empty_cases, v1_parameters(), PEILDATUM), empty, cases=empty_cases)
    assert "0.000000" in _number_formats(full)
    assert _number_formats(empty) == _number_formats(full)


def test_the_case_sheet_adds_realised_and_projected_per_block_only(
    worked_cases: CaseTable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Result.items`` adds up every case; read once per item and block it made writing a
    national file quadratic. The case sheet, in blocks of one, reads it not at all."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    reads: list[int] = []
    everything = Result.items

    def counted(self: Result) -> pd.DataFrame:
        reads.append(1)
        return everything.fget(self)  # type: ignore[attr-defined, no-any-return]  # a property

    monkeypatch.setattr(Result, "items", property(counted))
    monkeypatch.setattr(case_sheet, "BLOCK", 1)
    write_excel(result, tmp_path / "per-blok.xlsx", cases=worked_cases)
    assert reads == []
