"""The werkzorg command: wiring, exit codes, stdout/stderr, and JSON equal to the API."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import PEILDATUM
from tests.paths import EXAMPLE
from werkzorg_calc.cli import app
from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.write.json_document import result_to_dict

runner = CliRunner()
EXAMPLE_CSV = EXAMPLE.with_suffix(".csv")


def test_calc_on_the_example_states_the_verdict() -> None:
    """The bundled example at 2018-06-30: target not met, with the stakeholder table."""
    outcome = runner.invoke(app, ["calc", str(EXAMPLE), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 0, outcome.output
    assert "Doel niet gehaald: 4 van 29 duurzaam aan het werk" in outcome.stdout
    assert "Peildatum   30-06-2018" in outcome.stdout
    assert "Zorgverzekeraar" in outcome.stdout
    assert "Per casus (20 van 29, op grootte van het saldo, + of −" in outcome.stdout
    assert "\x1b[" not in outcome.stdout  # not a terminal: plain text


def test_the_csv_example_gives_the_same_json_as_the_workbook() -> None:
    """The Dutch CSV and the workbook hold the same cases: same figures."""
    outputs = []
    for path in (EXAMPLE, EXAMPLE_CSV):
        args = ["calc", str(path), "--peildatum", "2018-06-30", "--format", "json"]
        outcome = runner.invoke(app, args)
        assert outcome.exit_code == 0, outcome.output
        outputs.append(json.loads(outcome.stdout))
    for data in outputs:
        del data["source"], data["sources"], data["provenance"]
        for case in data["cases"]:
            del case["file"]
        for warning in data["warnings"]:
            warning["file"] = warning["sheet"] = None
    assert outputs[0] == outputs[1]


def test_json_equals_the_python_api(worked_csv: Path) -> None:
    """The CLI's JSON is exactly result_to_dict of the library's own result."""
    args = ["calc", str(worked_csv), "--peildatum", "2018-06-30", "--horizon", "12", "-f", "json"]
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    expected = result_to_dict(
        calculate(load_cases(worked_csv, PEILDATUM), default_parameters(), PEILDATUM, 12)
    )
    assert json.loads(outcome.stdout) == json.loads(json.dumps(expected))


def test_bad_input_gives_a_located_dutch_table_and_exit_1(tmp_path: Path) -> None:
    """Two bad cells: both reported with row and column, no traceback, exit 1."""
    path = tmp_path / "fout.csv"
    path.write_text(
        "casus_id;status;start_traject;uitkering_voor\n"
        "A-1;werkt niet;2018-01-01;100\n"
        "A-2;aangemeld;31-02-2018;-5\n",
        encoding="utf-8",
    )
    outcome = runner.invoke(app, ["calc", str(path), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 1
    assert "Traceback" not in outcome.output
    text = " ".join(outcome.stderr.split())
    assert "3 fouten gevonden; er is niets berekend." in text
    assert "onbekende status" in text
    assert "deze datum bestaat niet" in text
    assert "mag niet negatief zijn" in text
    assert outcome.stdout == ""


def test_wrong_usage_exits_2() -> None:
    """A peildatum that is neither JJJJ-MM-DD nor DD-MM-JJJJ is a usage error: exit 2."""
    outcome = runner.invoke(app, ["calc", str(EXAMPLE), "--peildatum", "30/06/2018"])
    assert outcome.exit_code == 2
    assert "JJJJ-MM-DD" in outcome.output


def test_output_writes_a_workbook_and_refuses_to_overwrite(tmp_path: Path) -> None:
    """--output writes the summary; a second run needs --force; the input is never a target."""
    target = tmp_path / "samenvatting.xlsx"
    args = ["calc", str(EXAMPLE), "--peildatum", "2018-06-30", "-o", str(target)]
    assert runner.invoke(app, args).exit_code == 0
    assert target.read_bytes().startswith(b"PK")
    again = runner.invoke(app, args)
    assert again.exit_code == 1
    assert "bestaat al; gebruik --force" in again.stderr
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    onto_input = runner.invoke(
        app, ["calc", str(EXAMPLE), "--peildatum", "2018-06-30", "-o", str(EXAMPLE), "--force"]
    )
    assert onto_input.exit_code == 1
    assert "invoerbestand" in onto_input.stderr


def test_a_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    """When the input is bad, the requested output file does not appear."""
    bad = tmp_path / "leeg.csv"
    bad.write_text("casus_id;status;start_traject\n", encoding="utf-8")
    bad.write_text("casus_id;status;start_traject\nX;onzin;2018-01-01\n", encoding="utf-8")
    target = tmp_path / "uit.xlsx"
    outcome = runner.invoke(app, ["calc", str(bad), "-o", str(target)])
    assert outcome.exit_code == 1
    assert list(tmp_path.iterdir()) == [bad]


def test_cases_all_lists_every_case() -> None:
    """--cases all shows all 29 cases; --cases 3 shows three."""
    args = ["calc", str(EXAMPLE), "--peildatum", "2018-06-30"]
    every = runner.invoke(app, [*args, "--cases", "all"]).stdout
    assert all(f"WBZ-{number:03d}" in every for number in range(1, 30))
    three = runner.invoke(app, [*args, "--cases", "3"]).stdout
    assert sum(f"WBZ-{number:03d}" in three for number in range(1, 30)) == 3


def test_version_and_help() -> None:
    """--version prints the version; --help lists calc."""
    assert runner.invoke(app, ["--version"]).stdout.startswith("werkzorg ")
    assert "calc" in runner.invoke(app, ["--help"]).stdout


def test_python_dash_m_runs_the_command() -> None:
    """python -m werkzorg_calc is the same command."""
    completed = subprocess.run(
        [sys.executable, "-m", "werkzorg_calc", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout.startswith("werkzorg ")
