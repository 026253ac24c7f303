"""Scenarios side by side on the worked example, with the differences worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.conftest import PEILDATUM
from tests.paths import SCENARIOS
from tests.v1 import v1_set
from werkzorg_calc.cli import app
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import ParameterError
from werkzorg_calc.domain.parameters import Override, default_parameters, default_set
from werkzorg_calc.domain.scenario import Scenario
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.compare import compare
from werkzorg_calc.engine.provenance import build_provenance
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.read.parameter_files import read_scenario
from werkzorg_calc.text.issues import error_messages
from werkzorg_calc.write.json_document import comparison_to_dict

CENT = 0.005
COUNSELLING = 30 * 89.02 + 8000 + 45 * 89.02 + 8000  # 22,676.50 for the four cases


def _scenario(name: str, *overrides: tuple[str, object], horizon: int | None = None) -> Scenario:
    return Scenario(
        name=name,
        description=f"{name} test",
        overrides=tuple(Override(key, value, f"{name}.toml") for key, value in overrides),
        horizon=horizon,
    )


def test_payer_scenario_moves_costs_between_pockets(worked_cases: CaseTable) -> None:
    """Care provider pays counselling: the insurer's net rises by 22,676.50 − 500.00, the total
    stays (T1: the receipt of V-01's 500.00 contribution moves with the counselling)."""
    scenario = _scenario("ggz", ("payers.counselling", "care_provider"))
    result = compare(worked_cases, v1_set(), [scenario], PEILDATUM)
    difference = result.differences["ggz"]
    assert difference["net_health_insurer"] == pytest.approx(COUNSELLING - 500)
    assert difference["net_care_provider"] == pytest.approx(-(COUNSELLING - 500))
    assert difference["net"] == pytest.approx(0.0, abs=1e-9)
    overview = result.overview["ggz"]
    # Insurer: savings 3,411.99 − costs (23,176.50 − 22,676.50 = 500) = 2,911.99.
    assert overview["net_health_insurer"] == pytest.approx(2911.99, abs=CENT)


def test_deadweight_and_horizon_scenarios(worked_cases: CaseTable) -> None:
    """Deadweight 0.25 takes 6,008.00 of savings; 12 months' projection adds 32,287.69 net."""
    scenarios = [
        _scenario("dw", ("deadweight", 0.25)),
        _scenario("jaar", horizon=12),
    ]
    result = compare(worked_cases, v1_set(), scenarios, PEILDATUM)
    assert result.names == ["basis", "dw", "jaar"]
    assert result.overview.at["savings", "basis"] == pytest.approx(24032.02, abs=CENT)
    # 24,032.02 × 0.25 = 6,008.00
    assert result.differences.at["savings", "dw"] == pytest.approx(-6008.00, abs=CENT)
    assert result.differences.at["costs", "dw"] == 0.0
    # Horizon 12 net 21,658.21 − realised −10,629.48 = 32,287.69 (worked example).
    assert result.differences.at["net", "jaar"] == pytest.approx(32287.69, abs=0.01)
    assert result.overview.at["target_met", "jaar"] is False
    assert result.scenarios[1][1].horizon == 12


def test_names_must_be_unique(worked_cases: CaseTable) -> None:
    """Two scenarios with one name, or one named 'basis', are refused before any work."""
    with pytest.raises(ParameterError) as caught:
        compare(worked_cases, default_set(), [_scenario("a"), _scenario("a")], PEILDATUM)
    assert error_messages(caught.value) == ("scenarionaam 'a' komt vaker voor",)
    with pytest.raises(ParameterError) as caught:
        compare(worked_cases, default_set(), [_scenario("basis")], PEILDATUM)
    assert "'basis' is de naam van de uitgangssituatie" in error_messages(caught.value)[0]


def test_shipped_scenarios_read_and_cite_their_reasons() -> None:
    """The three example scenarios parse, have a description and change something."""
    folder = SCENARIOS
    scenarios = [read_scenario(path) for path in sorted(folder.glob("*.toml"))]
    assert [s.name for s in scenarios] == ["conservatief", "ggz-betaalt", "vijf-jaar"]
    assert all(len(s.description) > 40 for s in scenarios)
    assert all(s.overrides or s.horizon for s in scenarios)
    assert scenarios[2].horizon == 60


def test_cli_json_equals_the_api(worked_csv: Path, tmp_path: Path) -> None:
    """werkzorg compare --format json is comparison_to_dict of the library's comparison."""
    scenario_file = tmp_path / "dw.toml"
    scenario_file.write_text('name = "dw"\ndescription = "test"\ndeadweight = 0.25\n')
    args = ["compare", str(worked_csv), str(scenario_file), "--peildatum", "2018-06-30"]
    outcome = CliRunner().invoke(app, [*args, "--format", "json"])
    assert outcome.exit_code == 0, outcome.output
    comparison = compare(
        load_cases(worked_csv, PEILDATUM), default_set(), [read_scenario(scenario_file)], PEILDATUM
    )
    # The command's provenance names the scenario file too, so the run can be repeated.
    provenance = build_provenance(
        comparison.base, set_items=[], command="compare", arguments=[str(scenario_file)]
    )
    expected = comparison_to_dict(comparison, provenance)
    assert json.loads(outcome.stdout) == json.loads(json.dumps(expected))
    # With the v2 defaults, deadweight 0.25 instead of 0.568182 keeps more of the gross savings:
    # difference = gross savings × (0.568182 − 0.25).
    base = calculate(load_cases(worked_csv, PEILDATUM), default_parameters(), PEILDATUM)
    assert json.loads(outcome.stdout)["scenarios"][0]["difference"]["savings"] == pytest.approx(
        base.gross.money.savings * (0.568182 - 0.25), abs=CENT
    )


def test_each_scenario_horizon_is_a_row_and_unlike_horizons_are_warned(
    worked_cases: CaseTable, tmp_path: Path
) -> None:
    """Horizon 12 against a base of 0: a row in the overview, a warning everywhere.

    Hand-worked (worked-example.md, v1 values): the base nets −10,629.48, the same cases with a
    12-month projection 21,658.21; T1 adds back V-01's 500.00 insurer contribution counted twice
    in v1, so −10,129.48 and 22,158.21. The difference is the projection, not a policy.
    """
    longer = _scenario("lang", horizon=12)
    same = _scenario("gelijk", ("deadweight", 0.25))
    comparison = compare(worked_cases, v1_set(), [longer, same], PEILDATUM)
    assert list(comparison.overview.loc["horizon_months"]) == [0, 12, 0]
    assert comparison.unlike() == [("lang", 12)]
    assert comparison.overview.at["net", "lang"] == pytest.approx(22_158.21, abs=CENT)
    assert comparison.overview.at["net", "basis"] == pytest.approx(-10_129.48, abs=CENT)
    document = comparison_to_dict(comparison)
    assert document["like_for_like"] is False
    assert document["scenarios"][0]["difference"]["horizon_months"] == 12
    assert comparison_to_dict(compare(worked_cases, default_set(), [same], PEILDATUM))[
        "like_for_like"
    ]


def test_compare_warns_in_the_terminal_and_the_workbook(worked_csv: Path, tmp_path: Path) -> None:
    scenario = tmp_path / "lang.toml"
    scenario.write_text('name = "lang"\ndescription = "Vijf jaar."\nhorizon = 60\n', "utf-8")
    output = tmp_path / "vergelijk.xlsx"
    args = ["compare", str(worked_csv), str(scenario), "--peildatum", "2018-06-30"]
    outcome = CliRunner().invoke(app, [*args, "--output", str(output)])
    assert outcome.exit_code == 0, outcome.output
    out = " ".join(outcome.stdout.split())
    assert (
        "niet gelijk vergelijkbaar: lang projecteert 60 maanden na de peildatum, de basis 0" in out
    )
    assert "Proj." in out
    sheet = openpyxl.load_workbook(output)["Overzicht"]
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    assert any(cell.startswith("niet gelijk vergelijkbaar: lang") for cell in cells)
    assert "Projectie (maanden na peildatum)" in cells


def test_the_html_comparison_has_the_horizon_row_and_the_warning(
    worked_csv: Path, tmp_path: Path
) -> None:
    scenario = tmp_path / "lang.toml"
    scenario.write_text('name = "lang"\ndescription = "Vijf jaar."\nhorizon = 60\n', "utf-8")
    page = tmp_path / "vergelijk.html"
    args = ["compare", str(worked_csv), str(scenario), "--peildatum", "2018-06-30"]
    outcome = CliRunner().invoke(app, [*args, "--output", str(page)])
    assert outcome.exit_code == 0, outcome.output
    html = page.read_text(encoding="utf-8")
    assert "niet gelijk vergelijkbaar: lang projecteert 60 maanden" in html
    assert (
        'Projectie (maanden na peildatum)</th><td class="num">0</td>'
        '<td class="num">60</td><td class="num">+60</td>'
    ) in html
