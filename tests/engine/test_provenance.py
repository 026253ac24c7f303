"""Provenance: files with their SHA-256, the parameter set's fingerprint, every change with its
origin, and a command line that really gives the same result again."""

from __future__ import annotations

import hashlib
import json
import shlex
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
from typer.testing import CliRunner

from werkzorg_calc.cli import app
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import default_parameters, with_overrides
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.provenance import build_provenance, parameters_hash, tool_version
from werkzorg_calc.write.json_document import result_to_dict

PEILDATUM = date(2018, 6, 30)
runner = CliRunner()


def _calc_json(*args: str) -> dict[str, Any]:
    outcome = runner.invoke(app, ["calc", *args, "--format", "json"])
    assert outcome.exit_code == 0, outcome.output
    data: dict[str, Any] = json.loads(outcome.stdout)
    return data


def test_inputs_and_settings_are_recorded(worked_csv: Path, worked_cases: CaseTable) -> None:
    """The file's real SHA-256, sheet, header row and case count; peildatum, horizon, version."""
    result = calculate(worked_cases, default_parameters(), PEILDATUM, 12)
    provenance = build_provenance(result)
    (source,) = provenance.inputs
    assert source.file == str(worked_csv)
    assert source.sha256 == hashlib.sha256(worked_csv.read_bytes()).hexdigest()
    assert (source.sheet, source.header_row, source.cases) == (None, 1, 4)
    assert (provenance.peildatum, provenance.horizon, provenance.price_year) == (
        PEILDATUM,
        12,
        None,
    )
    assert provenance.version == tool_version() != "onbekend"
    assert provenance.command == f"werkzorg calc {worked_csv} --peildatum 2018-06-30 --horizon 12"
    assert provenance.created is None


def test_the_parameter_fingerprint_follows_the_values() -> None:
    """Equal parameters give equal fingerprints; one changed value changes it."""
    defaults = default_parameters()
    same = with_overrides(defaults, {"deadweight": 0.568182}, "test")
    changed = with_overrides(defaults, {"deadweight": 0.25}, "test")
    assert parameters_hash(same) == parameters_hash(defaults)
    assert parameters_hash(changed) != parameters_hash(defaults)
    assert len(parameters_hash(defaults)) == 64


def test_every_override_is_listed_with_its_origin(worked_csv: Path, tmp_path: Path) -> None:
    """A TOML file and --set each name where the value was set; the default is beside it."""
    toml = tmp_path / "p.toml"
    toml.write_text("jobcoach_hour_rate = 95.0\n", encoding="utf-8")
    args = [str(worked_csv), "--peildatum", "2018-06-30", "--params", str(toml)]
    data = _calc_json(*args, "--set", "deadweight=0,25")
    changes = data["provenance"]["changed_parameters"]
    assert changes == [
        {
            "key": "jobcoach_hour_rate",
            "value": 95.0,
            "default": 89.02,
            "origin": f"{toml}, regel 1",
        },
        {"key": "deadweight", "value": 0.25, "default": 0.568182, "origin": "--set deadweight"},
    ]
    assert data["provenance"]["parameters_sha256"] == parameters_hash(
        with_overrides(default_parameters(), {"jobcoach_hour_rate": 95.0, "deadweight": 0.25}, "")
    )


def test_the_command_reproduces_the_run(worked_csv: Path, tmp_path: Path) -> None:
    """Running the recorded command gives the same JSON document, provenance included."""
    toml = tmp_path / "p.toml"
    toml.write_text("jobcoach_hour_rate = 95.0\n", encoding="utf-8")
    first = _calc_json(
        str(worked_csv),
        "--peildatum",
        "2018-06-30",
        "--horizon",
        "24",
        "--price-year",
        "2024",
        "--params",
        str(toml),
        "--set",
        "deadweight=0,25",
        "--set",
        "payers.counselling=care_provider",
    )
    command = shlex.split(first["provenance"]["command"])
    assert command[:2] == ["werkzorg", "calc"]
    second = _calc_json(*command[2:])
    assert second == first
    assert (
        first["totals"]["net"]
        != _calc_json(str(worked_csv), "--peildatum", "2018-06-30")["totals"]["net"]
    )


def test_a_python_run_becomes_set_options(worked_cases: CaseTable) -> None:
    """Overrides made in Python turn into --set items; running them gives the same totals."""
    params = with_overrides(default_parameters(), {"deadweight": 0.25, "durable_months": 2}, "me")
    result = calculate(worked_cases, params, PEILDATUM)
    command = build_provenance(result).command
    assert "--set deadweight=0.25 --set durable_months=2.0" in command
    data = _calc_json(*shlex.split(command)[2:])
    assert data["totals"]["net"] == result.totals.all.net
    assert data["target"]["durable"] == result.target.durable == 2


def test_the_peildatum_is_always_written_out(worked_csv: Path) -> None:
    """A run without --peildatum (today) records the date it used, so it can be repeated."""
    outcome = runner.invoke(app, ["calc", str(worked_csv), "--format", "json"])
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.stdout)
    assert f"--peildatum {data['peildatum']}" in data["provenance"]["command"]


def test_json_provenance_equals_the_library(worked_cases: CaseTable) -> None:
    """result_to_dict adds the provenance the library builds from the result."""
    result = calculate(worked_cases, default_parameters(), PEILDATUM)
    data = result_to_dict(result)
    assert data["provenance"] == build_provenance(result).to_dict()
    assert data["provenance"]["inputs"][0]["sha256"] == data["source"]["sha256"]


def test_terminal_footer_states_the_provenance(worked_csv: Path) -> None:
    """The calc report ends with the file's SHA-256, the fingerprint and the command."""
    outcome = runner.invoke(app, ["calc", str(worked_csv), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 0, outcome.output
    footer = outcome.stdout[outcome.stdout.index("Verantwoording") :]
    flat = "".join(footer.split())
    assert hashlib.sha256(worked_csv.read_bytes()).hexdigest() in flat
    assert "Parameterset(SHA-256)" + parameters_hash(default_parameters()) in flat
    assert "".join(f"werkzorg calc {worked_csv} --peildatum 2018-06-30".split()) in flat
    assert "niet vastgelegd" in footer
    assert max(len(line) for line in outcome.stdout.splitlines()) <= 80


def test_excel_has_a_provenance_sheet(worked_csv: Path, tmp_path: Path) -> None:
    """Verantwoording lists version, file and SHA-256, fingerprint, command and every override."""
    target = tmp_path / "uit.xlsx"
    args = ["calc", str(worked_csv), "--peildatum", "2018-06-30", "--set", "deadweight=0.25"]
    outcome = runner.invoke(app, [*args, "--output", str(target)])
    assert outcome.exit_code == 0, outcome.output
    rows = {
        row[0]: row[1:]
        for row in openpyxl.load_workbook(target)["Verantwoording"].iter_rows(values_only=True)
        if row and row[0]
    }
    assert rows["Programma"][0] == f"werkzorg {tool_version()}"
    assert rows["SHA-256"][0] == hashlib.sha256(worked_csv.read_bytes()).hexdigest()
    assert rows["Opdracht"][0] == (
        f"werkzorg calc {worked_csv} --peildatum 2018-06-30 --set deadweight=0.25"
    )
    assert rows["deadweight"][:3] == (0.25, 0.568182, "--set deadweight")
    assert rows["Casussen"][0] == 4


def test_timestamp_only_when_asked(worked_csv: Path) -> None:
    """--timestamp records the time of the run; without it the field is null."""
    plain = _calc_json(str(worked_csv), "--peildatum", "2018-06-30")
    stamped = _calc_json(str(worked_csv), "--peildatum", "2018-06-30", "--timestamp")
    assert plain["provenance"]["created"] is None
    created = datetime.fromisoformat(stamped["provenance"]["created"])
    assert created.tzinfo == UTC
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=5)
    assert created.microsecond == 0
