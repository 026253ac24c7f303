"""Settlement rules S1–S3, each worked out by hand on three parties."""

from __future__ import annotations

import pytest

from werkzorg_calc.engine.settlement import (
    SettlementError,
    _checked,
    settle,
    shapley_values,
)

# Municipality saves 30,000 and spends 10,000; UWV saves 10,000 and spends nothing; the insurer
# saves 5,000 and spends 20,000. S = 45,000, C = 30,000, N = 15,000.
SAVINGS = {"municipality": 30_000.0, "uwv": 10_000.0, "health_insurer": 5_000.0}
COSTS = {"municipality": 10_000.0, "uwv": 0.0, "health_insurer": 20_000.0}


def test_costs_follow_benefits() -> None:
    """S1: T_i = c_i − C × s_i⁺/Σs⁺.

    municipality 10,000 − 30,000 × 30/45 = −10,000; uwv 0 − 30,000 × 10/45 = −6,666.67;
    insurer 20,000 − 30,000 × 5/45 = +16,666.67.
    """
    rule = settle(SAVINGS, COSTS).costs_follow_benefits
    assert rule is not None
    assert rule["municipality"] == pytest.approx(-10_000.0)
    assert rule["uwv"] == pytest.approx(-6_666.6667, abs=1e-3)
    assert rule["health_insurer"] == pytest.approx(16_666.6667, abs=1e-3)


def test_surplus_follows_investment() -> None:
    """S2: T_i = N × c_i/C − n_i.

    municipality 15,000 × 10/30 − 20,000 = −15,000; uwv 0 − 10,000 = −10,000;
    insurer 15,000 × 20/30 − (−15,000) = +25,000. Nets after: 5,000, 0, 10,000.
    """
    result = settle(SAVINGS, COSTS)
    assert result.surplus_follows_investment == pytest.approx(
        {"municipality": -15_000.0, "uwv": -10_000.0, "health_insurer": 25_000.0}
    )
    assert result.net_after("surplus_follows_investment") == pytest.approx(
        {"municipality": 5_000.0, "uwv": 0.0, "health_insurer": 10_000.0}
    )


def test_shapley_by_enumerating_every_coalition() -> None:
    """S3: v(K) = max(0, s(K) − 30,000).

    Singletons are worth 0; {m,u} 10,000, {m,h} 5,000, {u,h} 0; all three 15,000.
    φ_m = ⅙·10,000 + ⅙·5,000 + ⅓·15,000 = 7,500; φ_u = ⅙·10,000 + ⅓·(15,000 − 5,000) = 5,000;
    φ_h = ⅙·5,000 + ⅓·(15,000 − 10,000) = 2,500. T = φ − n: −12,500, −5,000, +17,500.
    """
    result = settle(SAVINGS, COSTS)
    assert result.shapley_value == pytest.approx(
        {"municipality": 7_500.0, "uwv": 5_000.0, "health_insurer": 2_500.0}
    )
    assert result.shapley == pytest.approx(
        {"municipality": -12_500.0, "uwv": -5_000.0, "health_insurer": 17_500.0}
    )


def test_a_programme_that_loses_money_still_settles_to_zero() -> None:
    """S = 5,000 < C = 15,000: the grand coalition is worth N = −10,000, shared so Σ T = 0.

    φ_m = ½·0 + ½·(−10,000 − 0) = −5,000 = n_m, so T_m = 0; likewise the insurer (n = −5,000).
    S1: Σs⁺ = 5,000, so the municipality bears all 15,000: T_m = 10,000 − 15,000 = −5,000.
    """
    savings = {"municipality": 5_000.0, "health_insurer": 0.0}
    costs = {"municipality": 10_000.0, "health_insurer": 5_000.0}
    result = settle(savings, costs)
    assert result.shapley == pytest.approx({"municipality": 0.0, "health_insurer": 0.0})
    assert result.costs_follow_benefits == pytest.approx(
        {"municipality": -5_000.0, "health_insurer": 5_000.0}
    )
    assert sum(shapley_values(savings, costs).values()) == pytest.approx(-10_000.0)


def test_rules_with_nothing_to_divide_say_so() -> None:
    """No savings: S1 has no key to share costs by; no costs: S2 has no investment to follow."""
    nothing_saved = settle({"uwv": 0.0, "municipality": -10.0}, {"uwv": 5.0, "municipality": 0.0})
    assert nothing_saved.costs_follow_benefits is None
    nothing_spent = settle({"uwv": 10.0}, {"uwv": 0.0})
    assert nothing_spent.surplus_follows_investment is None
    assert nothing_spent.net_after("surplus_follows_investment") is None


def test_an_unbalanced_rule_is_an_error_not_a_number() -> None:
    """The Σ T = 0 check fires on transfers that do not cancel."""
    with pytest.raises(SettlementError):
        _checked("S1", {"uwv": 1.0, "municipality": 0.0}, scale=90_000.0)


def test_a_national_file_settles_despite_float_steps_of_a_micro_euro() -> None:
    """A million cases: the municipality saves € 31,234,567,890.13 and spends € 9,876,543,210.07,
    UWV saves € 12,345,678,901.29 and spends 0, the insurer saves € 4,567,890,123.45 and spends
    € 20,987,654,321.99. One step of a float at 3·10^10 is 3.8·10^-6 euros, so the Shapley
    transfers cannot cancel to within € 10^-6; they must cancel to within 10^-13 of the
    € 79,012,334,446.93 added up (about 0.8 cent), and they do. The split itself is the same
    formula as on three small parties: S = 48,148,136,914.87, C = 30,864,197,532.06."""
    savings = {
        "municipality": 31_234_567_890.13,
        "uwv": 12_345_678_901.29,
        "health_insurer": 4_567_890_123.45,
    }
    costs = {"municipality": 9_876_543_210.07, "uwv": 0.0, "health_insurer": 20_987_654_321.99}
    settlement = settle(savings, costs)
    for rule in (
        settlement.shapley,
        settlement.costs_follow_benefits,
        settlement.surplus_follows_investment,
    ):
        assert rule is not None
        assert abs(sum(rule.values())) < 0.008
    # S1: the insurer bears C × 4,567,890,123.45 / 48,148,136,914.87 = 2,928,135,377.79 of the
    # costs, so it receives 20,987,654,321.99 − 2,928,135,377.79 = 18,059,518,944.20.
    assert settlement.costs_follow_benefits is not None
    assert settlement.costs_follow_benefits["health_insurer"] == pytest.approx(
        18_059_518_944.20, abs=0.01
    )


def test_a_residual_far_beyond_rounding_is_still_an_error_at_national_scale() -> None:
    """10^-13 of € 8·10^10 is 0.8 cent: a transfer that is one euro off is a bug, also there."""
    with pytest.raises(SettlementError):
        _checked("S3", {"uwv": 1.0, "municipality": 0.0}, scale=8e10)
