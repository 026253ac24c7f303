"""The views beyond the business case agree across the Python API, the JSON and the Excel file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PEILDATUM
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.write.excel.summary import write_excel
from werkzorg_calc.write.html import render_result
from werkzorg_calc.write.json_document import result_to_dict


def test_json_keys_as_the_spec(worked_cases: CaseTable) -> None:
    """``welfare``, ``settlement``, ``payback_month``, ``cashable``, ``bootstrap`` as in method v2's
    "JSON additions", with the API's unrounded figures."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    data = result_to_dict(result)
    welfare = data["welfare"]
    assert set(welfare) >= {"actors", "total", "transfer_identity", "transfers"}
    assert set(welfare["actors"]["participant"]) == {"real", "transfers", "net"}
    assert welfare["total"] == result.beyond.welfare.total
    assert set(welfare["transfers"][0]) == {"from", "to", "amount", "label"}
    assert abs(welfare["transfer_identity"]) < 1e-6
    settlement = data["settlement"]
    assert set(settlement) == {
        "basis",
        "costs_follow_benefits",
        "surplus_follows_investment",
        "shapley",
        "shapley_value",
    }
    assert settlement["costs_follow_benefits"] == dict(
        result.beyond.settlement.costs_follow_benefits or {}
    )
    s1 = settlement["costs_follow_benefits"]
    assert s1["municipality"] == pytest.approx(-12342.91, abs=0.005)
    assert data["payback_month"] == {
        "municipality": 5,
        "uwv": 3,
        "health_insurer": None,
        "total": None,
    }
    assert data["cashable"]["uwv"] == {
        "cashable": pytest.approx(3946.70, abs=0.005),
        "non_cashable": pytest.approx(473.59, abs=0.005),
    }
    boot = data["bootstrap"]
    assert set(boot) == {"draws", "seed", "total_net", "durable_share"}
    assert (boot["draws"], boot["seed"]) == (10_000, 42)
    assert len(boot["total_net"]) == 2


def test_excel_sheets_agree(worked_cases: CaseTable, tmp_path: Path) -> None:
    """Verrekening (S1, S2 as formulas over Per partij), Terugverdienen (with a chart) and Welvaart
    store the figures of the API."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    path = tmp_path / "uit.xlsx"
    write_excel(result, path, cases=worked_cases)
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    settle = values["Verrekening"]
    assert formulas["Verrekening"]["B2"].value == "='Per partij'!B2"
    assert str(formulas["Verrekening"]["E2"].value).startswith("=IF(SUMIF(")
    rules = result.beyond.settlement
    assert rules.costs_follow_benefits is not None
    assert settle["E2"].value == pytest.approx(rules.costs_follow_benefits["municipality"])
    assert settle["G4"].value == pytest.approx(rules.shapley["health_insurer"])
    total_row = 2 + len(result.stakeholders)  # below one row per stakeholder, rijk included
    assert settle[f"A{total_row}"].value == "Totaal"
    assert settle[f"E{total_row}"].value == pytest.approx(0.0, abs=1e-6)
    payback = values["Terugverdienen"]
    curve = result.beyond.payback.cumulative
    assert payback["B2"].value == pytest.approx(curve["municipality"].iloc[0])
    assert payback.cell(row=1 + len(curve), column=1).value == len(curve)
    with zipfile.ZipFile(path) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    # The summary's bar chart and the payback line chart over the sheet Terugverdienen.
    assert sum("<lineChart>" in chart and "Terugverdienen" in chart for chart in charts) == 1
    welfare = values["Welvaart"]
    assert welfare["A7"].value == "Deelnemer"
    participant = result.beyond.welfare.actors.at["participant", "net"]
    assert welfare["D7"].value == pytest.approx(participant)
    assert welfare["C9"].value == pytest.approx(0.0, abs=1e-6)
    assert formulas["Welvaart"]["C9"].value == "=SUM(C2:C8)"


def test_html_report_sections(worked_cases: CaseTable) -> None:
    """The HTML report shows the settlement table and the payback curve: one line per party with
    a flow and one for the total, and the months as the chart's text equivalent."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    page = render_result(result)
    assert '<section id="settlement"' in page and '<section id="payback"' in page
    payback = page[page.index('<section id="payback"') :]
    payback = payback[: payback.index("</section>")]
    assert payback.count("<polyline") == 4
    assert "niet binnen de periode" in payback
    assert 'data-amount="-12342.91"' in page
