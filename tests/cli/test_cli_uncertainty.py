"""The sensitivity and simulate commands: wiring, exit codes, JSON equal to the API, files."""

from __future__ import annotations

import importlib
import json
import zipfile
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from rich.console import Console
from typer.testing import CliRunner

from tests.conftest import PEILDATUM
from tests.paths import EXAMPLE
from werkzorg_calc.cli import app
from werkzorg_calc.cli import uncertainty_commands as cli_uncertainty
from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.engine.uncertainty.sensitivity import sensitivity
from werkzorg_calc.engine.uncertainty.simulate import simulate
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.write import plot as plot_module
from werkzorg_calc.write.uncertainty_json import sensitivity_to_dict, simulation_to_dict

runner = CliRunner()
# The package exports the function simulate under the module's name; fetch the module itself.
simulate_module = importlib.import_module("werkzorg_calc.engine.uncertainty.simulate")
DAY = ["--peildatum", "2018-06-30"]


def _charts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist() if name.startswith("xl/charts/chart")]


def test_sensitivity_on_the_example_shows_tornado_and_break_even() -> None:
    """The bundled example: a Dutch tornado table, the break-even table, exit 0."""
    outcome = runner.invoke(app, ["sensitivity", str(EXAMPLE), *DAY, "--horizon", "12"])
    assert outcome.exit_code == 0, outcome.output
    text = outcome.stdout
    assert "Tornado: verandering van het totale saldo" in text
    assert "Omslagpunten: de waarde waarbij het saldo 0 wordt" in text
    assert "deadweight" in text and "€ -54.579" in text  # Dutch notation
    assert "37,2%" in text  # the municipality's break-even deadweight (N1's range 30–85%)
    assert "Traceback" not in outcome.output


def test_sensitivity_json_equals_the_python_api(worked_csv: Path) -> None:
    """The command's JSON is exactly sensitivity_to_dict of the library's own result."""
    args = ["sensitivity", str(worked_csv), *DAY, "--horizon", "12", "--format", "json"]
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    cases = load_cases(worked_csv, PEILDATUM)
    expected = sensitivity_to_dict(sensitivity(cases, default_parameters(), PEILDATUM, 12))
    assert json.loads(outcome.stdout) == json.loads(json.dumps(expected))


def test_simulate_json_equals_the_python_api(worked_csv: Path) -> None:
    """Same seed, same draws: the command's JSON is simulation_to_dict of the API's result."""
    args = ["simulate", str(worked_csv), *DAY, "--draws", "3000", "--seed", "7", "-f", "json"]
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    cases = load_cases(worked_csv, PEILDATUM)
    expected = simulation_to_dict(simulate(cases, None, PEILDATUM, draws=3000, seed=7))
    document = json.loads(outcome.stdout)
    assert document == json.loads(json.dumps(expected))
    assert document["kind"] == "simulation"
    assert set(document["net"]) == {
        "municipality",
        "uwv",
        "health_insurer",
        "care_provider",
        "rijk",
        "total",
    }
    assert set(document["net"]["total"]) == {
        "deterministic",
        "mean",
        "sd",
        "p5",
        "p50",
        "p95",
        "chance_positive",
    }


def test_simulate_table_is_reproducible_and_dutch() -> None:
    """The default run (10,000 draws, seed 42) prints the same table twice, in Dutch."""
    args = ["simulate", str(EXAMPLE), *DAY]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    assert "Trekkingen 10.000 · seed 42 · 10 onzekere parameters" in first.stdout
    assert "Saldo in euro over 10.000 trekkingen" in first.stdout
    assert "bootstrap over de deelnemers" in first.stdout


def test_simulate_in_english() -> None:
    """--lang en: English labels and English number notation."""
    outcome = runner.invoke(app, ["simulate", str(EXAMPLE), *DAY, "--lang", "en"])
    assert outcome.exit_code == 0, outcome.output
    assert "Net in euro over 10,000 draws" in outcome.stdout
    assert "Draws 10,000 · seed 42" in outcome.stdout


def test_sensitivity_excel_has_a_native_tornado_chart(tmp_path: Path) -> None:
    """--output writes the sheets and one bar chart drawn horizontally (a tornado)."""
    path = tmp_path / "gevoeligheid.xlsx"
    outcome = runner.invoke(app, ["sensitivity", str(EXAMPLE), *DAY, "--output", str(path)])
    assert outcome.exit_code == 0, outcome.output
    assert f"Excel-bestand geschreven: {path}" in " ".join(outcome.stdout.split())
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [
        "Tornado",
        "Per partij",
        "Omslagpunten",
        "Verdelingen",
        "Verantwoording",
    ]
    assert _charts(path) == ["xl/charts/chart1.xml"]
    with zipfile.ZipFile(path) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert '<barDir val="bar" />' in chart  # horizontal bars


def test_simulate_excel_has_histogram_charts(tmp_path: Path) -> None:
    """--output writes a histogram chart per varying net and the draws themselves."""
    path = tmp_path / "simulatie.xlsx"
    args = ["simulate", str(EXAMPLE), *DAY, "--draws", "2000", "--output", str(path)]
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert workbook.sheetnames == [
        "Simulatie",
        "Histogrammen",
        "Trekkingen",
        "Verdelingen",
        "Verantwoording",
    ]
    rows = sum(1 for _ in workbook["Trekkingen"].iter_rows())
    assert rows == 2001  # header + one row per draw
    workbook.close()
    # municipality, UWV, health insurer and total vary; the care provider has no items
    assert len(_charts(path)) == 4


@pytest.mark.parametrize("draws", ["0", "-5", "veel"])
def test_bad_draws_is_a_usage_error(draws: str) -> None:
    """--draws must be a whole number of at least 1: exit 2 before any work."""
    outcome = runner.invoke(app, ["simulate", str(EXAMPLE), *DAY, "--draws", draws])
    assert outcome.exit_code == 2
    assert "--draws" in outcome.output


def test_plot_without_matplotlib_is_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No matplotlib: one Dutch line naming the extra to install, exit 1, no traceback."""
    monkeypatch.setattr(plot_module, "plotting_available", lambda: False)
    path = tmp_path / "tornado.png"
    outcome = runner.invoke(app, ["sensitivity", str(EXAMPLE), *DAY, "--plot", str(path)])
    assert outcome.exit_code == 1
    message = " ".join(outcome.stderr.split())
    assert "matplotlib" in message and "pip install 'werkzorg-calc[plot]'" in message
    assert "Traceback" not in outcome.output
    assert not path.exists()


@pytest.mark.parametrize("command", ["sensitivity", "simulate"])
def test_plot_writes_an_image(tmp_path: Path, command: str) -> None:
    """With matplotlib installed, --plot writes a PNG (tornado or histograms)."""
    pytest.importorskip("matplotlib")
    path = tmp_path / "grafiek.png"
    args = [command, str(EXAMPLE), *DAY, "--horizon", "12", "--plot", str(path)]
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_refuses_an_unknown_extension(tmp_path: Path) -> None:
    """A chart must be .png, .svg or .pdf: exit 1 before any work, naming the allowed kinds."""
    path = tmp_path / "grafiek.bmp"
    outcome = runner.invoke(app, ["sensitivity", str(EXAMPLE), *DAY, "--plot", str(path)])
    assert outcome.exit_code == 1
    assert "kies een grafiekbestand op .png, .svg, .pdf" in " ".join(outcome.stderr.split())
    assert not path.exists()


def test_an_existing_output_needs_force(tmp_path: Path) -> None:
    """An existing Excel file is not overwritten without --force (exit 1)."""
    path = tmp_path / "bestaat.xlsx"
    path.write_bytes(b"old")
    args = ["simulate", str(EXAMPLE), *DAY, "--draws", "10", "--output", str(path)]
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 1
    assert path.read_bytes() == b"old"
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0


def test_distributions_from_the_params_toml(tmp_path: Path) -> None:
    """[uncertainty.KEY] in --params changes what is drawn; the table says where it was set."""
    path = tmp_path / "onzeker.toml"
    path.write_text('[uncertainty.deadweight]\ndistribution = "fixed"\n', encoding="utf-8")
    args = ["simulate", str(EXAMPLE), *DAY, "--params", str(path), "-f", "json"]
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    document = json.loads(outcome.stdout)
    assert "deadweight" not in document["uncertain_parameters"]
    assert document["distributions"]["deadweight"]["origin"].endswith("onzeker.toml, regel 2")


def test_a_bad_distribution_is_an_input_error(tmp_path: Path) -> None:
    """A distribution that does not fit is reported with its origin: exit 1, no traceback."""
    path = tmp_path / "fout.toml"
    path.write_text('[uncertainty.deadweight]\ndistribution = "gamma"\n', encoding="utf-8")
    outcome = runner.invoke(app, ["sensitivity", str(EXAMPLE), *DAY, "--params", str(path)])
    assert outcome.exit_code == 1
    message = " ".join(outcome.stderr.split())
    assert "fout.toml, regel 2: uncertainty.deadweight" in message
    assert "Traceback" not in outcome.output


@pytest.mark.parametrize("command", ["sensitivity", "simulate"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    """--help describes the command and gives an example."""
    outcome = runner.invoke(app, [command, "--help"])
    assert outcome.exit_code == 0
    assert "Voorbeeld: werkzorg " + command in outcome.stdout


def test_a_long_run_in_a_terminal_shows_progress_and_the_same_numbers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With a terminal and many draws a progress bar runs on stderr; the numbers are the same."""
    args = ["simulate", str(EXAMPLE), *DAY, "--draws", "3000", "-f", "json"]
    plain = runner.invoke(app, args)
    screen = StringIO()
    monkeypatch.setattr(cli_uncertainty, "PROGRESS_FROM", 1)
    monkeypatch.setattr(
        cli_uncertainty,
        "stderr_console",
        lambda: Console(file=screen, force_terminal=True, width=80),
    )
    monkeypatch.setattr(simulate_module, "MAX_CHUNK", 500)  # six chunks, six updates
    shown = runner.invoke(app, args)
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout) == json.loads(plain.stdout)
    assert "trekkingen" in screen.getvalue()
