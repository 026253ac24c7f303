"""``calc --settle-cashable`` and ``explain --settlement``: the settlement from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import PEILDATUM
from tests.v1 import V1_ARGS, v1_parameters
from werkzorg_calc.cli import app
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.settlement_explain import explain_settlement

RUNNER = CliRunner()
DAY = PEILDATUM.isoformat()


def test_calc_settle_cashable_json(worked_csv: Path) -> None:
    """The JSON says the basis and S1 on cashable savings (municipality −13,910.69, by hand in
    tests/engine/test_payback_cashable.py), with the v1 values as options."""
    run = RUNNER.invoke(
        app,
        [
            "calc",
            str(worked_csv),
            "--peildatum",
            DAY,
            "--settle-cashable",
            "--format",
            "json",
            *V1_ARGS,
        ],
    )
    assert run.exit_code == 0, run.output
    settlement = json.loads(run.stdout)["settlement"]
    assert settlement["basis"] == "cashable"
    s1 = settlement["costs_follow_benefits"]["municipality"]
    assert s1 == pytest.approx(-13910.69, abs=0.005)


def test_explain_settlement_terms_add_up(worked_cases: CaseTable) -> None:
    """Horizon 12, municipality (s 47,513.15 of S 63,165.89; C 41,007.68 with T1): Σ w × marginal
    over the four coalitions without it equals φ: v({M}) = 6,505.47, v({M,U}) = 10,925.77,
    v({M,H}) = 17,737.92, v(all) = 22,158.22, the rest 0; 1/3 × 6,505.47 + 1/6 × 10,925.77 +
    1/6 × 17,737.92 + 1/3 × 22,158.22 = 14,331.84."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, 12)
    assert result.beyond is not None
    explanation = explain_settlement(result.beyond.settlement, "municipality")
    assert len(explanation.coalitions) == 4
    total = sum(term.weight * term.marginal for term in explanation.coalitions)
    assert total == pytest.approx(explanation.shapley_value)
    assert explanation.shapley_value == pytest.approx(14331.84, abs=0.005)
    assert explanation.shapley == pytest.approx(explanation.shapley_value - explanation.net)


def test_explain_settlement_command(worked_csv: Path) -> None:
    """The terminal shows S1 written out; a party without a flow says so; an unknown one is a
    usage error (exit 2)."""
    run = RUNNER.invoke(
        app, ["explain", str(worked_csv), "--settlement", "uwv", "--peildatum", DAY, *V1_ARGS]
    )
    assert run.exit_code == 0, run.output
    shown = " ".join(run.stdout.split())  # the terminal may wrap a long sum
    assert "T = c − C × s⁺ / Σ s⁺" in shown
    assert "€ -5.483,45" in shown
    none = RUNNER.invoke(
        app, ["explain", str(worked_csv), "--settlement", "rijk", "--peildatum", DAY]
    )
    assert none.exit_code == 0 and "niets te verrekenen" in none.stdout
    bad = RUNNER.invoke(app, ["explain", str(worked_csv), "--settlement", "x", "--peildatum", DAY])
    assert bad.exit_code == 2
