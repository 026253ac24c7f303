"""The progress line on stderr: there for a person at a terminal, absent for a pipe."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.paths import EXAMPLE
from werkzorg_calc.cli import app
from werkzorg_calc.cli.progress import stages


def test_without_a_terminal_the_stages_are_silent(capsys: pytest.CaptureFixture[str]) -> None:
    """stderr is not a terminal under pytest: naming a stage writes nothing anywhere."""
    with stages() as step:
        step("casussen lezen en controleren")
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


def test_the_command_writes_no_progress_into_a_pipe() -> None:
    """`werkzorg calc --format json` into a pipe: stdout is the document, stderr stays empty."""
    outcome = CliRunner().invoke(
        app, ["calc", str(EXAMPLE), "--peildatum", "2018-06-30", "--format", "json"]
    )
    assert outcome.exit_code == 0
    assert outcome.stdout.startswith("{")
    assert "lezen" not in outcome.stderr and "berekenen" not in outcome.stderr


def test_enabled_it_never_touches_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """Enabled, the line is drawn on stderr only: stdout (JSON, the report) stays clean."""
    with stages(enabled=True) as step:
        step("berekenen")
    assert capsys.readouterr().out == ""
