"""A peildatum years after the file's last date: warned at the top of the report and in check."""

from __future__ import annotations

from typer.testing import CliRunner

from tests.paths import EXAMPLE
from werkzorg_calc.cli import app

runner = CliRunner()
LATE = ["--peildatum", "2021-06-30"]
# The example's last date is 04-06-2018; 30-06-2021 is 1122 days later: 36.9 → 37 months.
WARNING = "de peildatum 30-06-2021 ligt 37 maanden na de laatste datum in het"


def test_the_stale_peildatum_warning_comes_before_the_figures() -> None:
    outcome = runner.invoke(app, ["calc", str(EXAMPLE), *LATE, "--cases", "2"])
    assert outcome.exit_code == 0, outcome.output
    out = " ".join(outcome.stdout.split())
    assert WARNING in out
    assert out.index(WARNING) < out.index("Doel van de pilot")
    assert "let op -:" not in out


def test_check_shows_the_stale_peildatum_too() -> None:
    outcome = runner.invoke(app, ["check", str(EXAMPLE), *LATE])
    assert outcome.exit_code == 0, outcome.output
    assert WARNING in " ".join(outcome.stdout.split())
    outcome = runner.invoke(app, ["check", str(EXAMPLE), "--peildatum", "2018-06-30"])
    assert "de peildatum" not in outcome.stdout
