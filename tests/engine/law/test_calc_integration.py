"""calculate derives uitkering_na (B1) and loonkostensubsidie_pm (W1) for empty cells, by hand."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from werkzorg_calc.cli import app
from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.explain import explain_case
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.text.issues import issue_message

PEIL = date(2026, 5, 31)
# A: single, net 1,000 from 2026-01-01: work months 1–5 (Jan–May 2026), all with the disregard:
#    1401.50 − (1000 − 250) = 651.50 every month → uitkering_na 651.50 (derived).
#    Loonwaarde 60%, 32 h, full-time 38 (default): WML+VB = round2(14.71 × 38 × 13/3 × 1.08)
#    = round2(2616.0264) = 2616.03; lw = round2(1569.618) = 1569.62; base = min(1046.41,
#    round2(1831.221) = 1831.22) = 1046.41; × 1.25 × 32 / 38 = 1101.4842… → 1101.48 (derived).
# B: the same, but uitkering_na typed 500 (differs by 151.50 > € 1: a warning, 500 counts) and
#    loonkostensubsidie_pm typed 1101.00 (within € 1 of 1101.48: no warning, 1101.00 counts).
# C: a WW case with net earnings: B1 is a bijstand rule, nothing derived.
CSV = """\
casus_id;status;start_traject;start_werk;uren_per_week;uitkering_voor;uitkering_na;uitkering_soort;loonkostensubsidie_pm;huishouden;netto_loon_pm;loonwaarde
A;aan_het_werk;2025-10-01;2026-01-01;32;1401,50;;participatiewet;;alleenstaand;1000;60%
B;aan_het_werk;2025-10-01;2026-01-01;32;1401,50;500;participatiewet;1101;alleenstaand;1000;60%
C;aan_het_werk;2025-10-01;2026-01-01;32;1800;;ww;;;1000;
"""


def _at(frame: pd.DataFrame, row: int, column: str) -> float:
    """One cell as a float (pandas' stubs type a cell as a wide union)."""
    return float(frame[column].to_numpy(dtype="float64")[row])


@pytest.fixture
def law_csv(tmp_path: Path) -> Path:
    path = tmp_path / "law.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_empty_cells_are_derived_and_typed_ones_kept(law_csv: Path) -> None:
    """A gets 651.50 and 1101.48 from the law; B keeps its typed amounts; C derives nothing."""
    result = calculate(load_cases(law_csv, PEIL), default_parameters(), PEIL)
    derived = result.derived
    assert _at(derived, 0, "benefit_after") == pytest.approx(651.50)
    assert _at(derived, 0, "wage_subsidy_month") == pytest.approx(1101.48)
    assert derived.iloc[1:].isna().all().all()
    # 2026-01-01 up to the peildatum 2026-05-31: 31 + 28 + 31 + 30 + 30 = 150 days
    months = _at(result.cases, 0, "work_months")
    assert months == pytest.approx(150 / 30.4375)
    # Benefit saved: (1401.50 − 651.50) × months × (1 − deadweight); wage subsidy −1101.48 × months
    keep = 1 - default_parameters().deadweight
    assert _at(result.realised, 0, "benefit") == pytest.approx(750.00 * months * keep)
    assert _at(result.realised, 0, "wage_subsidy") == pytest.approx(-1101.48 * months)
    assert _at(result.realised, 1, "benefit") == pytest.approx(901.50 * months * keep)
    assert _at(result.realised, 1, "wage_subsidy") == pytest.approx(-1101.00 * months)


def test_a_disagreement_of_more_than_a_euro_warns_with_case_values_and_rule(law_csv: Path) -> None:
    """B's uitkering_na 500 against B1's 651.50: one warning; its LKS (0.48 apart): none."""
    result = calculate(load_cases(law_csv, PEIL), default_parameters(), PEIL)
    messages = [issue_message(issue, "nl") for issue in result.warnings]
    disagreement = [m for m in messages if m.startswith("casus B:")]
    assert disagreement == [
        "casus B: uitkering_na ingevuld € 500,00, volgens regel B1 (Participatiewet art. 31 lid "
        "2 onder n (norm: art. 21)) € 651,50 per maand; het ingevulde bedrag telt"
    ]
    marks = [m for m in messages if "afgeleid volgens regel" in m]
    assert len(marks) == 2 and all("in 1 rij (2)" in m for m in marks)
    # 2026's hourly WML (line 72) is used by A's W1 and is not verified: said once (L1).
    unverified = [m for m in messages if "nog niet geverifieerd" in m]
    assert unverified == [
        "wettelijk bedrag wml_hour_adult 01-01-2026 t/m 30-06-2026 (legal-norms.csv regel 72) "
        "is gebruikt maar nog niet geverifieerd"
    ]
    english = [issue_message(issue, "en") for issue in result.warnings]
    assert any(m.startswith("case B: uitkering_na typed as € 500.00, by rule B1") for m in english)


def test_the_derivation_reaches_json_and_explain(law_csv: Path) -> None:
    """JSON marks the derived fields per case; explain shows every month and the article."""
    outcome = CliRunner().invoke(
        app, ["calc", str(law_csv), "--peildatum", "2026-05-31", "--format", "json"]
    )
    assert outcome.exit_code == 0, outcome.output
    cases = json.loads(outcome.stdout)["cases"]
    assert cases[0]["derived"] == ["benefit_after", "wage_subsidy_month"]
    assert cases[1]["derived"] == []
    cases_table = load_cases(law_csv, PEIL)
    explanation = explain_case(calculate(cases_table, default_parameters(), PEIL), cases_table, "A")
    benefit = next(item for item in explanation.items if item.item == "benefit")
    after = next(use for use in benefit.inputs if use.field == "benefit_after")
    assert after.used == pytest.approx(651.50)
    assert after.note is not None
    assert "regel B1 (Participatiewet art. 31 lid 2 onder n" in after.note
    assert "01-2026 € 651,50" in after.note and "05-2026 € 651,50" in after.note


def test_the_excel_check_sheet_marks_each_derived_value(law_csv: Path, tmp_path: Path) -> None:
    """The workbook's message sheet has an 'afgeleid' row per derived case and field."""
    out = tmp_path / "out.xlsx"
    outcome = CliRunner().invoke(
        app, ["calc", str(law_csv), "--peildatum", "2026-05-31", "--output", str(out)]
    )
    assert outcome.exit_code == 0, outcome.output
    rows = [
        [cell for cell in row if cell is not None]
        for sheet in load_workbook(out).worksheets
        for row in sheet.iter_rows(values_only=True)
    ]
    marks = [row for row in rows if row and row[0] == "afgeleid"]
    assert len(marks) == 2
    assert any("regel B1" in str(row[-1]) and "€ 651,50" in str(row[-1]) for row in marks)
    assert any("regel W1" in str(row[-1]) and "€ 1.101,48" in str(row[-1]) for row in marks)


def test_check_says_what_the_law_derives_and_where_it_disagrees(law_csv: Path) -> None:
    """``werkzorg check`` names B's disagreement and the derived rows, still exit 0."""
    outcome = CliRunner().invoke(app, ["check", str(law_csv), "--peildatum", "2026-05-31"])
    assert outcome.exit_code == 0, outcome.output
    words = " ".join(outcome.output.split())
    assert "casus B: uitkering_na ingevuld € 500,00" in words
    assert "loonkostensubsidie_pm afgeleid volgens regel W1" in words


def test_the_html_report_marks_each_derived_value(law_csv: Path, tmp_path: Path) -> None:
    """The HTML case table says which fields the law filled in, and by which rule."""
    out = tmp_path / "rapport.html"
    outcome = CliRunner().invoke(
        app, ["calc", str(law_csv), "--peildatum", "2026-05-31", "--output", str(out)]
    )
    assert outcome.exit_code == 0, outcome.output
    page = out.read_text(encoding="utf-8")
    assert "benefit_after (afgeleid, B1)" in page
    assert "wage_subsidy_month (afgeleid, W1)" in page
