"""The werkzorg command beyond a single run: parameters, --set, --by, several files, compare.

Files are written into ``tmp_path``; only the bundled example workbook and scenarios are read
from ``examples/``. Error messages are checked on stderr, results on stdout.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from tests.conftest import WORKED_CSV
from tests.paths import ROOT
from werkzorg_calc.cli import app
from werkzorg_calc.domain.parameters import default_parameters

runner = CliRunner()
EXAMPLE = ROOT / "examples" / "drechtsteden-2018.xlsx"
SCENARIOS = sorted((ROOT / "examples" / "scenarios").glob("*.toml"))
SCENARIO_NAMES = ["conservatief", "ggz-betaalt", "vijf-jaar"]
PEIL = ["--peildatum", "2018-06-30"]
# The worked example's gross savings (deadweight 0) with the v2 defaults: v1's 24,032.02 less
# V-02's GGZ at G1's 0.20 instead of 0.45: 900 × (0.45 − 0.20) × 2.891170 = 650.51, so
# 23,381.51. No dated norm enters: every case that worked has its uitkering_voor.
WORKED_GROSS = 24_032.02 - 900 * (0.45 - 0.20) * 88 / 30.4375
KEEP = 1 - 0.568182  # N1: the net keeps 1 − deadweight of the savings


def invoke(*args: str | Path) -> Result:
    """Run werkzorg with ``args`` (paths are turned into text)."""
    return runner.invoke(app, [str(arg) for arg in args])


def calc_json(*args: str | Path) -> dict[str, Any]:
    """Run ``calc ... -f json`` and return the parsed document; the run must succeed."""
    outcome = invoke("calc", *args, *PEIL, "--format", "json")
    assert outcome.exit_code == 0, outcome.output
    data: dict[str, Any] = json.loads(outcome.stdout)
    return data


def one_line(text: str) -> str:
    """``text`` with all whitespace runs (including terminal line breaks) as one space."""
    return " ".join(text.split())


def split_worked(directory: Path, second_ids: tuple[str, ...] = ("V-03", "V-04")) -> list[Path]:
    """The worked example in two CSV files: V-01 and V-02, then the rows ``second_ids``."""
    header, *rows = WORKED_CSV.splitlines()
    by_id = {row.split(";", 1)[0]: row for row in rows}
    first = directory / "eerste.csv"
    second = directory / "tweede.csv"
    first.write_text("\n".join([header, by_id["V-01"], by_id["V-02"]]) + "\n", encoding="utf-8")
    second.write_text(
        "\n".join([header, *(by_id[case] for case in second_ids)]) + "\n", encoding="utf-8"
    )
    return [first, second]


# --- werkzorg params --------------------------------------------------------------------------


def test_params_lists_every_parameter_key() -> None:
    """``werkzorg params`` shows each key in full, so it can be copied into --set."""
    outcome = invoke("params")
    assert outcome.exit_code == 0, outcome.output
    for key in default_parameters().flat():
        assert key in outcome.stdout, key


def test_params_json_has_every_key_with_provenance() -> None:
    """``params -f json`` gives every key with its value, unit, evidence and no origin."""
    outcome = invoke("params", "--format", "json")
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.stdout)
    assert data.keys() == default_parameters().flat().keys()
    assert data["deadweight"]["value"] == 0.568182  # N1: SCION, 0.25 / 0.44
    assert data["discount_rate"]["evidence"] == "hard"
    assert all(entry["origin"] is None for entry in data.values())


def test_params_shows_a_set_value_and_its_origin() -> None:
    """A --set value is shown in the JSON listing with ``--set key`` as origin."""
    outcome = invoke("params", "--set", "deadweight=0,3", "--format", "json")
    assert outcome.exit_code == 0, outcome.output
    entry = json.loads(outcome.stdout)["deadweight"]
    assert entry["value"] == 0.3
    assert entry["origin"] == "--set deadweight"


def test_an_exported_parameter_file_is_accepted_by_calc(tmp_path: Path, worked_csv: Path) -> None:
    """``params --export`` writes a file that ``calc --params`` reads, with unchanged totals."""
    exported = tmp_path / "x.toml"
    outcome = invoke("params", "--export", exported)
    assert outcome.exit_code == 0, outcome.output
    assert exported.is_file()
    data = calc_json(worked_csv, "--params", exported)
    assert data["changed_parameters"] == {}
    assert data["gross"]["savings"] == pytest.approx(WORKED_GROSS, abs=0.01)
    assert data["totals"]["savings"] == pytest.approx(WORKED_GROSS * KEEP, abs=0.01)


def test_an_edited_export_changes_the_run_and_names_the_line(
    tmp_path: Path, worked_csv: Path
) -> None:
    """Editing one value in the exported file changes it, with file and line as origin."""
    exported = tmp_path / "x.toml"
    assert invoke("params", "--export", exported).exit_code == 0
    lines = exported.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("deadweight ="))
    lines[number - 1] = "deadweight = 0.25"
    exported.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = calc_json(worked_csv, "--params", exported)
    assert data["changed_parameters"] == {"deadweight": 0.25}
    assert data["parameter_origins"] == {"deadweight": f"{exported}, regel {number}"}


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    """An existing export target is left alone unless --force is given."""
    target = tmp_path / "x.toml"
    target.write_text("# mijn eigen werk\n", encoding="utf-8")
    refused = invoke("params", "--export", target)
    assert refused.exit_code == 1
    assert "--force" in one_line(refused.stderr)
    assert target.read_text(encoding="utf-8") == "# mijn eigen werk\n"
    forced = invoke("params", "--export", target, "--force")
    assert forced.exit_code == 0, forced.output
    assert "deadweight = 0.568182" in target.read_text(encoding="utf-8")


# --- calc --set -------------------------------------------------------------------------------


def test_set_deadweight_scales_the_savings(worked_csv: Path) -> None:
    """``--set deadweight=0.25`` leaves 75% of the savings and records where it was set."""
    base = calc_json(worked_csv)
    changed = calc_json(worked_csv, "--set", "deadweight=0.25")
    assert base["totals"]["savings"] == pytest.approx(WORKED_GROSS * KEEP, abs=0.01)
    assert changed["totals"]["savings"] == pytest.approx(0.75 * WORKED_GROSS, abs=0.01)
    assert changed["gross"]["savings"] == pytest.approx(base["gross"]["savings"], abs=1e-9)
    assert changed["totals"]["costs"] == pytest.approx(base["totals"]["costs"], abs=0.01)
    assert changed["parameter_origins"] == {"deadweight": "--set deadweight"}
    assert changed["changed_parameters"] == {"deadweight": 0.25}


def test_set_with_an_unknown_key_fails_naming_it(worked_csv: Path) -> None:
    """``--set onbekend=1`` is a usage error: exit 2 and a message naming the key and --set."""
    outcome = invoke("calc", worked_csv, *PEIL, "--set", "onbekend=1")
    assert outcome.exit_code == 2
    message = one_line(outcome.stderr)
    assert "onbekend" in message
    assert "--set" in message
    assert outcome.stdout == ""
    assert "Traceback" not in outcome.output


def test_a_parameters_sheet_in_the_case_workbook_is_used(tmp_path: Path) -> None:
    """A Parameters sheet next to the cases changes the run and is named as the origin."""
    workbook = openpyxl.Workbook()
    cases = workbook.active
    assert cases is not None
    cases.title = "Casussen"
    header, *rows = WORKED_CSV.splitlines()
    for line in [header, *rows]:
        cases.append([cell.replace(",", ".") or None for cell in line.split(";")])
    sheet = workbook.create_sheet("Parameters")
    sheet.append(["parameter", "waarde"])
    sheet.append(["deadweight", 0.25])
    path = tmp_path / "casussen.xlsx"
    workbook.save(path)
    data = calc_json(path)
    assert data["totals"]["savings"] == pytest.approx(0.75 * WORKED_GROSS, abs=0.01)
    assert data["parameter_origins"] == {"deadweight": f"{path}, blad Parameters, rij 2"}


# --- grouping and several files ---------------------------------------------------------------


def test_by_gemeente_splits_the_example_into_groups_that_add_up() -> None:
    """Groups per municipality hold all 29 participants and their nets add up to the total."""
    data = calc_json(EXAMPLE, "--by", "gemeente")
    assert data["group_by"] == "gemeente"
    groups = data["groups"]
    assert len(groups) > 1
    assert sum(group["participants"] for group in groups) == 29
    assert sum(group["net"] for group in groups) == pytest.approx(data["totals"]["net"])
    assert sum(group["savings"] for group in groups) == pytest.approx(data["totals"]["savings"])


def test_two_case_files_are_one_population_grouped_by_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two files with distinct ids: both sources, groups per file, cases from both."""
    monkeypatch.chdir(tmp_path)
    first, second = split_worked(Path())
    data = calc_json(first, second)
    assert [source["file"] for source in data["sources"]] == [str(first), str(second)]
    assert data["group_by"] == "bestand"
    assert {case["file"] for case in data["cases"]} == {str(first), str(second)}
    assert sorted(case["case_id"] for case in data["cases"]) == ["V-01", "V-02", "V-03", "V-04"]
    assert [group["group"] for group in data["groups"]] == [str(first), str(second)]
    assert data["totals"]["savings"] == pytest.approx(WORKED_GROSS * KEEP, abs=0.01)


def test_the_same_case_id_in_two_files_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case id in both files stops the run with exit 1 and names both files."""
    monkeypatch.chdir(tmp_path)
    first, second = split_worked(Path(), second_ids=("V-02", "V-03"))
    outcome = invoke("calc", first, second, *PEIL)
    assert outcome.exit_code == 1
    message = one_line(outcome.stderr)
    assert str(first) in message
    assert str(second) in message
    assert "casus_id komt ook voor in" in message
    assert outcome.stdout == ""


# --- language ---------------------------------------------------------------------------------


def test_lang_en_reports_in_english(worked_csv: Path) -> None:
    """``--lang en`` gives the verdict and the stakeholder table in English."""
    outcome = invoke("calc", worked_csv, *PEIL, "--lang", "en")
    assert outcome.exit_code == 0, outcome.output
    assert "Target not met" in outcome.stdout
    assert "Per stakeholder" in outcome.stdout
    assert "Doel niet gehaald" not in outcome.stdout


# --- compare ----------------------------------------------------------------------------------


def test_compare_lists_the_three_scenarios() -> None:
    """Comparing the example with the bundled scenarios shows each scenario by name."""
    assert len(SCENARIOS) == 3
    outcome = invoke("compare", EXAMPLE, *SCENARIOS, *PEIL)
    assert outcome.exit_code == 0, outcome.output
    for name in ["basis", *SCENARIO_NAMES]:
        assert name in outcome.stdout, name


def test_compare_json_has_the_base_and_three_scenarios() -> None:
    """``compare -f json`` has the base and one entry per scenario, in the given order."""
    outcome = invoke("compare", EXAMPLE, *SCENARIOS, *PEIL, "-f", "json")
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.stdout)
    assert data["base"]["name"] == "basis"
    assert [scenario["name"] for scenario in data["scenarios"]] == SCENARIO_NAMES
    by_name = {scenario["name"]: scenario for scenario in data["scenarios"]}
    # Changing who pays the counselling moves money between parties, not the total.
    assert by_name["ggz-betaalt"]["totals"]["net"] == pytest.approx(data["base"]["totals"]["net"])
    assert by_name["ggz-betaalt"]["parameter_origins"]["payers.counselling"].endswith(", regel 9")
    assert by_name["vijf-jaar"]["horizon_months"] == 60
    # Both look five years ahead; the cautious one keeps less of the savings.
    assert by_name["conservatief"]["horizon_months"] == 60
    assert by_name["conservatief"]["totals"]["savings"] < by_name["vijf-jaar"]["totals"]["savings"]


def test_compare_writes_an_overview_and_one_sheet_per_run(tmp_path: Path) -> None:
    """``compare --output`` writes an overview sheet plus one sheet per run (base, scenarios)."""
    target = tmp_path / "c.xlsx"
    outcome = invoke("compare", EXAMPLE, *SCENARIOS, *PEIL, "--output", target)
    assert outcome.exit_code == 0, outcome.output
    workbook = openpyxl.load_workbook(target, read_only=True)
    try:
        assert workbook.sheetnames == ["Overzicht", "basis", *SCENARIO_NAMES, "Verantwoording"]
    finally:
        workbook.close()


def test_compare_refuses_a_scenario_that_is_not_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scenario file with bad TOML stops the comparison with exit 1, naming the file."""
    monkeypatch.chdir(tmp_path)
    broken = Path("kapot.toml")
    broken.write_text('name = "kapot\ndeadweight = 0.5\n', encoding="utf-8")
    outcome = invoke("compare", EXAMPLE, SCENARIOS[0], broken, *PEIL)
    assert outcome.exit_code == 1
    message = one_line(outcome.stderr)
    assert "kapot.toml" in message
    assert "TOML" in message
    assert outcome.stdout == ""


# --- price year -------------------------------------------------------------------------------


def test_a_price_year_before_the_index_is_refused(worked_csv: Path) -> None:
    """``--price-year 1990`` has no CPI: exit 1 with a message about the price index."""
    outcome = invoke("calc", worked_csv, *PEIL, "--price-year", "1990")
    assert outcome.exit_code == 1, outcome.output
    assert "prijsindex" in one_line(outcome.stderr)


def test_a_price_year_after_the_index_is_refused(worked_csv: Path) -> None:
    """``--price-year 2100`` has no CPI either: exit 1 naming the available years."""
    outcome = invoke("calc", worked_csv, *PEIL, "--price-year", "2100")
    assert outcome.exit_code == 1, outcome.output
    message = one_line(outcome.stderr)
    assert "prijsjaar 2100: geen prijsindex" in message
    assert "beschikbaar 2015" in message


def test_a_price_year_with_imputed_inputs_writes_the_workbook(
    worked_csv: Path, tmp_path: Path
) -> None:
    """``--price-year 2024 -o``: V-02's empty ggz_na gets a note saying what was assumed. The
    dated benefit norm leaves ``benefit_default_month`` empty, and pricing that empty default
    (None × the CPI factor) used to end in an internal error."""
    target = tmp_path / "prijzen-2024.xlsx"
    outcome = invoke("calc", worked_csv, *PEIL, "--price-year", "2024", "-o", target)
    assert outcome.exit_code == 0, outcome.output
    sheet = openpyxl.load_workbook(target)["Per casus"]
    notes = [cell.comment.text for row in sheet.iter_rows() for cell in row if cell.comment]
    assert any("ggz" in note.lower() for note in notes), notes
