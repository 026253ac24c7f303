"""The uncertainty workbooks, read back cell by cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import PEILDATUM
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import OutputError
from werkzorg_calc.engine.uncertainty.sensitivity import sensitivity
from werkzorg_calc.engine.uncertainty.simulate import simulate
from werkzorg_calc.write.excel.uncertainty import write_sensitivity_excel, write_simulation_excel


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_tornado_sheet_rows_and_chart(worked_cases: CaseTable, tmp_path: Path) -> None:
    """One row per parameter, largest swing first, euros formatted; a tornado chart beside."""
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM)
    path = tmp_path / "gevoeligheid.xlsx"
    write_sensitivity_excel(result, path)
    sheet: Any = openpyxl.load_workbook(path)["Tornado"]
    rows = _rows(sheet)
    header = rows.index(
        (
            "Parameter",
            "Waarde",
            "Laag",
            "Hoog",
            "Saldo bij laag",
            "Saldo bij hoog",
            "Δ bij laag",
            "Δ bij hoog",
            "Uitslag",
        )
    )
    body = rows[header + 1 : header + 1 + len(result.parameters)]
    assert [row[0] for row in body] == result.parameters
    jobcoach = next(row for row in body if row[0] == "jobcoach_hour_rate")
    assert jobcoach[1:4] == (89.02, 70, 110)
    assert jobcoach[6] == pytest.approx(52 * 19.02)
    assert sheet.cell(header + 2, 5).number_format == '"€" #,##0.00;"€" -#,##0.00'
    assert len(sheet._charts) == 1


def test_break_even_sheet(worked_cases: CaseTable, tmp_path: Path) -> None:
    """Every parameter × target; the value only where the net becomes 0."""
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM)
    path = tmp_path / "gevoeligheid.xlsx"
    write_sensitivity_excel(result, path, lang="en")
    rows = _rows(openpyxl.load_workbook(path)["Break-even"])
    assert len(rows) == 1 + 6 * len(result.parameters) + 2  # header, rows, blank, legend
    municipality = next(r for r in rows if r[0] == "deadweight" and r[1] == "Municipality")
    assert municipality[2] == pytest.approx(1 - 10_684.99 / 16_199.73, abs=1e-6)
    assert municipality[3] == "becomes 0"
    uwv = next(r for r in rows if r[0] == "deadweight" and r[1] == "UWV")
    # UWV: 4,420.30 × (1 − d) − 800 = 0 at d = 1 − 800 / 4,420.30 = 0.819, inside the new
    # deadweight range 0.30–0.85 (it was "always +" within v1's 0–0.57)
    assert uwv[2] == pytest.approx(1 - 800 / 4420.30, abs=1e-6)
    assert uwv[3] == "becomes 0"


def test_simulation_workbook(worked_cases: CaseTable, tmp_path: Path) -> None:
    """Summary with the seed, histograms whose counts add up to the draws, the draws."""
    result = simulate(worked_cases, None, PEILDATUM, draws=700, seed=3)
    path = tmp_path / "simulatie.xlsx"
    write_simulation_excel(result, path)
    workbook = openpyxl.load_workbook(path)
    summary = {row[0]: row for row in _rows(workbook["Simulatie"]) if row[0]}
    assert summary["Seed"][1] == 3
    assert summary["Totaal"][2] == pytest.approx(result.statistics("total")["mean"])
    histogram = _rows(workbook["Histogrammen"])
    start = histogram.index(("Saldo van Totaal", None, None, None, None))
    counts = [row[3] for row in histogram[start + 2 : start + 32]]
    assert sum(counts) == 700
    draws = _rows(workbook["Trekkingen"])
    assert len(draws) == 701
    assert draws[1][0] == 1


def test_an_existing_file_is_refused(worked_cases: CaseTable, tmp_path: Path) -> None:
    """Without force an existing file stays as it was."""
    path = tmp_path / "bestaat.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(OutputError):
        write_sensitivity_excel(sensitivity(worked_cases, v1_parameters(), PEILDATUM), path)
    assert path.read_bytes() == b"old"
