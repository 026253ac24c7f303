"""compare, sensitivity and simulate carry the provenance calc carries: input hashes,
parameters, version and the command that repeats the run, in JSON and in Excel."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner, Result

from werkzorg_calc.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "drechtsteden-2018.xlsx"
SCENARIO = sorted((ROOT / "examples" / "scenarios").glob("*.toml"))[0]
PEIL = ["--peildatum", "2018-06-30"]
SHA = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()


def invoke(*args: object) -> Result:
    return runner.invoke(app, [str(arg) for arg in args])


def provenance_of(*args: object) -> dict[str, object]:
    outcome = invoke(*args, "-f", "json")
    assert outcome.exit_code == 0, outcome.output
    block = json.loads(outcome.stdout)["provenance"]
    assert isinstance(block, dict)
    return block


def test_calc_and_compare_share_the_input_hash_and_parameter_fingerprint() -> None:
    """Same file, same defaults: same sha256 and parameter set; the command says compare."""
    calc = provenance_of("calc", EXAMPLE, *PEIL)
    compare = provenance_of("compare", EXAMPLE, SCENARIO, *PEIL, "--set", "deadweight=0.5")
    inputs = compare["inputs"]
    assert isinstance(inputs, list) and inputs[0]["sha256"] == SHA == calc["inputs"][0]["sha256"]  # type: ignore[index]
    assert compare["program"] == calc["program"] == "werkzorg"
    assert compare["version"] == calc["version"]
    assert compare["command"] == (
        f"werkzorg compare {EXAMPLE} {SCENARIO} --peildatum 2018-06-30 --set deadweight=0.5"
    )
    assert compare["parameters_sha256"] != calc["parameters_sha256"]  # deadweight differs


def test_simulate_and_sensitivity_name_their_own_command() -> None:
    simulate = provenance_of("simulate", EXAMPLE, *PEIL, "--draws", "50", "--seed", "7")
    assert simulate["command"] == (
        f"werkzorg simulate {EXAMPLE} --peildatum 2018-06-30 --draws 50 --seed 7"
    )
    assert (
        simulate["parameters_sha256"] == provenance_of("calc", EXAMPLE, *PEIL)["parameters_sha256"]
    )
    sensitivity = provenance_of("sensitivity", EXAMPLE, *PEIL, "--horizon", "12")
    assert sensitivity["command"] == (
        f"werkzorg sensitivity {EXAMPLE} --peildatum 2018-06-30 --horizon 12"
    )


def test_the_excel_files_have_a_provenance_sheet(tmp_path: Path) -> None:
    """Verantwoording in the compare and simulate workbooks, with the input's SHA-256."""
    for name, args in (
        ("compare", ["compare", EXAMPLE, SCENARIO, *PEIL]),
        ("simulate", ["simulate", EXAMPLE, *PEIL, "--draws", "50"]),
    ):
        target = tmp_path / f"{name}.xlsx"
        assert invoke(*args, "-o", target).exit_code == 0
        sheet = openpyxl.load_workbook(target)["Verantwoording"]
        cells = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
        assert cells["SHA-256"] == SHA
        assert str(cells["Opdracht"]).startswith(f"werkzorg {name} {EXAMPLE}")
