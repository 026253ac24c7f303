"""Two runs on the same input with the same options give the same bytes: JSON and workbooks."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from tests.paths import EXAMPLE, SCENARIOS
from werkzorg_calc.cli import app

runner = CliRunner()
SCENARIO = SCENARIOS / "conservatief.toml"
OPTIONS = ["--peildatum", "2018-06-30", "--horizon", "12", "--set", "deadweight=0.25"]


def _run(*args: str | Path) -> bytes:
    outcome = runner.invoke(app, [str(arg) for arg in args])
    assert outcome.exit_code == 0, outcome.output
    return outcome.stdout_bytes


def _core(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("docProps/core.xml").decode("utf-8")


def test_json_is_byte_identical() -> None:
    """calc --format json twice: the same bytes, with no time of the run in them."""
    first = _run("calc", EXAMPLE, *OPTIONS, "--format", "json")
    second = _run("calc", EXAMPLE, *OPTIONS, "--format", "json")
    assert first == second
    assert b'"created": null' in first


def test_workbook_is_byte_identical(tmp_path: Path) -> None:
    """calc --output twice: the same bytes; zip entries dated 1980-01-01, fixed modified time."""
    one, two = tmp_path / "een.xlsx", tmp_path / "twee.xlsx"
    _run("calc", EXAMPLE, *OPTIONS, "--output", one)
    _run("calc", EXAMPLE, *OPTIONS, "--output", two)
    assert one.read_bytes() == two.read_bytes()
    with zipfile.ZipFile(one) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "2000-01-01T00:00:00Z</dcterms:modified>" in _core(one)


def test_the_comparison_workbook_is_byte_identical(tmp_path: Path) -> None:
    """compare --output twice gives the same bytes too."""
    one, two = tmp_path / "een.xlsx", tmp_path / "twee.xlsx"
    _run("compare", EXAMPLE, SCENARIO, "--peildatum", "2018-06-30", "--output", one)
    _run("compare", EXAMPLE, SCENARIO, "--peildatum", "2018-06-30", "--output", two)
    assert one.read_bytes() == two.read_bytes()


def test_timestamp_marks_the_workbook_and_the_json(tmp_path: Path) -> None:
    """With --timestamp the workbook's created/modified time is the run's, as in the JSON."""
    target = tmp_path / "tijd.xlsx"
    text = _run("calc", EXAMPLE, *OPTIONS, "--timestamp", "--output", target, "--format", "json")
    created = re.search(rb'"created": "([0-9T:-]+Z)"', text)
    assert created is not None
    core = _core(target)
    stamp = created.group(1).decode()
    assert f">{stamp}</dcterms:modified>" in core
    assert f">{stamp}</dcterms:created>" in core
