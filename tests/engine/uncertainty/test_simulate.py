"""Monte Carlo simulation: reproducible, convergent, bounded in memory, honest about the target."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from tests.conftest import PEILDATUM
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import default_parameters, with_overrides
from werkzorg_calc.domain.target import TargetResult, evaluate_target
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.uncertainty.distributions import UNCERTAIN_KEYS, make_distributions
from werkzorg_calc.engine.uncertainty.model import TARGETS
from werkzorg_calc.engine.uncertainty.simulate import bootstrap_target, simulate

Changes = dict[str, dict[str, object]]
ALL_FIXED: Changes = {key: {"distribution": "fixed"} for key in UNCERTAIN_KEYS}


def _target(count: int, participants: int) -> TargetResult:
    """The default target evaluated for ``count`` durable of ``participants``."""
    durable = pd.Series([True] * count + [False] * (participants - count))
    status = pd.Series(["aan_het_werk"] * count + ["in_bemiddeling"] * (participants - count))
    return evaluate_target(status, durable, durable, default_parameters())


def test_the_same_seed_gives_the_same_numbers(worked_cases: CaseTable) -> None:
    """Two runs with seed 42 agree to the last bit; another seed gives other draws."""
    first = simulate(worked_cases, None, PEILDATUM, 12, draws=2_000, seed=42)
    again = simulate(worked_cases, None, PEILDATUM, 12, draws=2_000, seed=42)
    other = simulate(worked_cases, None, PEILDATUM, 12, draws=2_000, seed=43)
    assert first.nets.equals(again.nets)
    assert first.summary.equals(again.summary)
    assert first.target == again.target
    assert not first.nets.equals(other.nets)


def test_chunks_do_not_change_the_numbers(worked_cases: CaseTable) -> None:
    """A tiny memory limit (many chunks) gives exactly the numbers of one chunk."""
    whole = simulate(worked_cases, None, PEILDATUM, 12, draws=3_000, seed=5)
    chunked = simulate(worked_cases, None, PEILDATUM, 12, draws=3_000, seed=5, memory_limit=1)
    assert chunked.nets.equals(whole.nets)


def test_everything_fixed_gives_zero_spread_at_the_deterministic_net(
    worked_cases: CaseTable,
) -> None:
    """With every distribution fixed, every draw is the calculate result: no spread at all."""
    result = simulate(
        worked_cases, None, PEILDATUM, 12, draws=500, distributions=make_distributions(ALL_FIXED)
    )
    base = calculate(worked_cases, default_parameters(), PEILDATUM, 12)
    expected = {**base.stakeholders["net"].to_dict(), "total": base.totals.all.net}
    for target in TARGETS:
        row = result.statistics(target)
        assert row["sd"] == 0.0
        assert row["p5"] == row["p50"] == row["p95"] == row["mean"]
        assert row["mean"] == pytest.approx(expected[target], abs=1e-9)
    assert result.uncertain == []
    assert result.values.shape == (500, 0)


def test_a_fixed_parameter_yields_zero_spread_where_it_alone_acts(
    worked_cases: CaseTable,
) -> None:
    """Only the jobcoach rate (paid by the municipality) drawn: other parties do not vary."""
    only_jobcoach: Changes = {
        **ALL_FIXED,
        "jobcoach_hour_rate": {"distribution": "lognormal", "sd": 10},
    }
    result = simulate(
        worked_cases, None, PEILDATUM, draws=2_000, distributions=make_distributions(only_jobcoach)
    )
    assert result.statistics("municipality")["sd"] > 0
    for target in ("uwv", "health_insurer", "care_provider"):
        assert result.statistics(target)["sd"] == 0.0


def test_fixing_one_parameter_leaves_the_others_draws_unchanged(worked_cases: CaseTable) -> None:
    """Each parameter has its own random stream: fixing deadweight does not move the others."""
    default = simulate(worked_cases, None, PEILDATUM, draws=1_000, seed=9)
    fixed = make_distributions({"deadweight": {"distribution": "fixed"}})
    without = simulate(worked_cases, None, PEILDATUM, draws=1_000, seed=9, distributions=fixed)
    assert "deadweight" not in without.values.columns
    for key in without.values.columns:
        assert without.values[key].equals(default.values[key]), key


def test_the_mean_converges_to_the_deterministic_net(worked_cases: CaseTable) -> None:
    """Symmetric uniform rates around their values, a net linear in them: mean ≈ the net."""
    symmetric: Changes = {
        **ALL_FIXED,
        "jobcoach_hour_rate": {"distribution": "uniform", "low": 69.02, "high": 109.02},
        "counselling_hour_rate": {"distribution": "uniform", "low": 59.02, "high": 119.02},
    }
    draws = 40_000
    result = simulate(
        worked_cases,
        None,
        PEILDATUM,
        draws=draws,
        seed=11,
        distributions=make_distributions(symmetric),
    )
    for target in TARGETS:
        row = result.statistics(target)
        standard_error = row["sd"] / math.sqrt(draws)
        assert abs(row["mean"] - row["deterministic"]) <= 4 * standard_error + 1e-9, target
        assert row["p50"] == pytest.approx(row["deterministic"], abs=4 * row["sd"] / 20 + 1e-9)
    # The spread is the hand-worked one: 52 jobcoach hours × a uniform of width 40.
    assert result.statistics("municipality")["sd"] == pytest.approx(
        52 * 40 / math.sqrt(12), rel=0.02
    )


def test_each_draw_is_a_calculate_run(worked_cases: CaseTable) -> None:
    """A simulated draw's net is what calculate gives with that draw's parameter values."""
    result = simulate(worked_cases, None, PEILDATUM, 12, draws=5, seed=3, price_year=2020)
    for row in range(5):
        values = {str(k): float(v) for k, v in result.values.iloc[row].to_dict().items()}
        moved = calculate(
            worked_cases,
            with_overrides(default_parameters(), values, "test"),
            PEILDATUM,
            12,
            price_year=2020,
        )
        nets = {**moved.stakeholders["net"].to_dict(), "total": moved.totals.all.net}
        for target in TARGETS:
            assert result.nets.at[row, target] == pytest.approx(nets[target], abs=1e-8)


def test_progress_is_reported_per_chunk(worked_cases: CaseTable) -> None:
    """The progress callback sees each chunk end, finishing at the number of draws."""
    seen: list[tuple[int, int]] = []
    simulate(
        worked_cases,
        None,
        PEILDATUM,
        draws=1_000,
        memory_limit=1,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1] == (1_000, 1_000)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert len(seen) > 1


def test_draws_below_one_are_refused(worked_cases: CaseTable) -> None:
    """Zero draws is a programming error: ValueError."""
    with pytest.raises(ValueError, match="draws"):
        simulate(worked_cases, None, PEILDATUM, draws=0)


def test_bootstrap_of_the_target_share(worked_cases: CaseTable) -> None:
    """1 of 4 durable: share 25%, an interval around it, and the chance 2+ of 4 (the 50% target)."""
    result = simulate(worked_cases, None, PEILDATUM, draws=50_000, seed=1)
    target = result.target
    assert target.share == 0.25
    assert target.low is not None and target.high is not None
    assert target.low <= 0.25 <= target.high
    # Resampled counts are Binomial(4, 1/4): P(count ≥ 2) = 1 − (3/4)^4 − 4 (1/4) (3/4)^3.
    exact = 1 - 0.75**4 - 4 * 0.25 * 0.75**3
    assert target.chance_met == pytest.approx(exact, abs=0.01)
    assert (target.low, target.high) == (0.0, 0.75)  # percentiles of 0, 1/4, …, 4/4


def test_binomial_bootstrap_matches_resampling_participants() -> None:
    """Drawing the count as a binomial has the distribution of resampling the participants."""
    durable = np.zeros(29, dtype=bool)
    durable[:4] = True
    rng = np.random.default_rng(2024)
    replicates = 40_000
    resampled = durable[rng.integers(0, 29, size=(replicates, 29))].sum(axis=1)
    shortcut = bootstrap_target(_target(4, 29), replicates, np.random.default_rng(99))
    assert shortcut.low == pytest.approx(np.percentile(resampled / 29, 2.5), abs=1 / 29)
    assert shortcut.high == pytest.approx(np.percentile(resampled / 29, 97.5), abs=1 / 29)


def test_off_centre_names_only_what_is_drawn_away_from_its_value(
    worked_cases: CaseTable,
) -> None:
    """Deadweight uniform on 0–0.5 while chosen 0 (mean 0.25) is named; a centred rate is not."""
    changes: Changes = {
        **ALL_FIXED,
        "deadweight": {"distribution": "uniform", "low": 0.0, "high": 0.5},
        "jobcoach_hour_rate": {"distribution": "uniform", "low": 69.02, "high": 109.02},
    }
    result = simulate(
        worked_cases,
        None,
        PEILDATUM,
        draws=20_000,
        seed=3,
        distributions=make_distributions(changes),
    )
    ((key, value, drawn),) = result.off_centre()
    assert (key, value) == ("deadweight", 0.568182)  # N1's default, outside 0–0.5
    assert drawn == pytest.approx(0.25, abs=0.01)  # the mean of a uniform on 0–0.5
