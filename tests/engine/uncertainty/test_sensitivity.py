"""One-way sensitivity and break-even values, checked by hand on the worked example."""

from __future__ import annotations

import math
from io import StringIO

import pytest
from rich.console import Console, RenderableType

from tests.conftest import PEILDATUM
from tests.paths import EXAMPLE
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import default_parameters, with_overrides
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.uncertainty.distributions import UNCERTAIN_KEYS, make_distributions
from werkzorg_calc.engine.uncertainty.model import TARGETS
from werkzorg_calc.engine.uncertainty.sensitivity import sensitivity
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.report.uncertainty import sensitivity_report

# The worked example at horizon 0 (shared/spec/worked-example.md), by hand:
MUNICIPALITY_SAVINGS = 16_199.73
MUNICIPALITY_COSTS = 10_684.99
JOBCOACH_HOURS = 40 + 12  # V-01 and V-02; the municipality pays the jobcoach
JOBCOACH_RATE = 89.02
UWV_SAVINGS, UWV_COSTS = 4_420.30, 800.00


def _render(renderable: RenderableType) -> str:
    buffer = StringIO()
    Console(width=80, file=buffer, color_system=None).print(renderable)
    return buffer.getvalue()


def test_jobcoach_rate_at_which_the_municipality_breaks_even(worked_cases: CaseTable) -> None:
    """The municipality's net is 0 at (savings − costs other than the jobcoach) / hours."""
    other_costs = MUNICIPALITY_COSTS - JOBCOACH_HOURS * JOBCOACH_RATE  # 6,055.95
    by_hand = (MUNICIPALITY_SAVINGS - other_costs) / JOBCOACH_HOURS  # 195.07
    wide = make_distributions({"jobcoach_hour_rate": {"low": 0, "high": 400}})
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM, distributions=wide)
    crossing = result.crossing("jobcoach_hour_rate", "municipality")
    assert crossing["status"] == "crosses"
    assert crossing["crossings"] == 1
    assert crossing["value"] == pytest.approx(by_hand, abs=0.001)
    assert by_hand == pytest.approx(195.07, abs=0.01)


def test_within_the_default_range_the_municipality_stays_positive(
    worked_cases: CaseTable,
) -> None:
    """Between 70 and 110 an hour the municipality's net stays above 0: no switching value."""
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM)
    crossing = result.crossing("jobcoach_hour_rate", "municipality")
    assert crossing["status"] == "positive"
    assert math.isnan(crossing["value"])
    base = MUNICIPALITY_SAVINGS - MUNICIPALITY_COSTS  # 5,514.74 by hand
    assert crossing["net_at_low"] == pytest.approx(
        base + JOBCOACH_HOURS * (JOBCOACH_RATE - 70), abs=0.02
    )
    assert crossing["net_at_high"] == pytest.approx(
        base - JOBCOACH_HOURS * (110 - JOBCOACH_RATE), abs=0.02
    )


def test_deadweight_at_which_each_party_breaks_even(worked_cases: CaseTable) -> None:
    """Deadweight scales savings: the net is 0 at 1 − costs / savings, when that is in range."""
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM)
    municipality = result.crossing("deadweight", "municipality")
    assert municipality["status"] == "crosses"
    assert municipality["value"] == pytest.approx(
        1 - MUNICIPALITY_COSTS / MUNICIPALITY_SAVINGS, abs=1e-6
    )
    # UWV: 1 − 800 / 4,420.30 ≈ 0.82 lies inside N1's range 0.30–0.85, so UWV crosses too.
    uwv = result.crossing("deadweight", "uwv")
    assert uwv["status"] == "crosses"
    assert uwv["value"] == pytest.approx(1 - UWV_COSTS / UWV_SAVINGS, abs=1e-6)
    assert result.crossing("deadweight", "total")["status"] == "negative"
    assert result.crossing("deadweight", "care_provider")["status"] == "zero"


def test_tornado_changes_are_hand_checkable(worked_cases: CaseTable) -> None:
    """Jobcoach at 70 and 110 an hour changes the municipality's net by 52 hours × the step."""
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM)
    low = result.change("jobcoach_hour_rate", "low")
    high = result.change("jobcoach_hour_rate", "high")
    assert low["value"] == 70 and high["value"] == 110
    assert low["municipality"] == pytest.approx(52 * 19.02, abs=1e-9)
    assert high["municipality"] == pytest.approx(-52 * 20.98, abs=1e-9)
    assert low["total"] == pytest.approx(low["municipality"], abs=1e-9)
    assert low["uwv"] == low["health_insurer"] == 0.0
    assert result.tornado.at["jobcoach_hour_rate", "swing"] == pytest.approx(52 * 40, abs=1e-9)


@pytest.mark.parametrize("horizon", [0, 12])
def test_every_change_equals_calculate_with_that_value(
    worked_cases: CaseTable, horizon: int
) -> None:
    """Each parameter at low and high gives the net calculate gives with that value."""
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM, horizon)
    for key in UNCERTAIN_KEYS:
        for bound in ("low", "high"):
            change = result.change(key, bound)
            moved = calculate(
                worked_cases,
                with_overrides(v1_parameters(), {key: change["value"]}, "test"),
                PEILDATUM,
                horizon,
            )
            nets = {**moved.stakeholders["net"].to_dict(), "total": moved.totals.all.net}
            for target in TARGETS:
                expected = nets[target] - float(result.base_net[target])
                assert change[target] == pytest.approx(expected, abs=1e-8), (key, bound, target)


def test_tornado_is_sorted_by_swing(worked_cases: CaseTable) -> None:
    """The largest swing of the total net comes first."""
    tornado = sensitivity(worked_cases, v1_parameters(), PEILDATUM, 12).tornado
    swings = tornado["swing"].tolist()
    assert swings == sorted(swings, reverse=True)
    assert tornado.index[0] == "deadweight"


def test_a_fixed_parameter_is_not_varied(worked_cases: CaseTable) -> None:
    """A parameter whose distribution is fixed is left out of the tornado and break-even."""
    fixed = make_distributions({"deadweight": {"distribution": "fixed"}})
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM, distributions=fixed)
    assert "deadweight" not in result.parameters
    assert "deadweight" not in result.break_even.index.get_level_values("parameter")
    assert len(result.parameters) == len(UNCERTAIN_KEYS) - 1


KEY = "retention_benefit_per_year"  # R1: the benefit curve (benefit and its administration)


def test_a_nonlinear_break_even_is_a_true_zero_of_calculate() -> None:
    """Retention enters through the projection factor; its switching value zeroes the net."""
    example = load_cases(EXAMPLE, PEILDATUM)
    # At deadweight 0.10 the example's 12-month net is near zero (−2,868 at the low end of
    # retention, +4,486 at the high end), so retention can turn it.
    params = with_overrides(default_parameters(), {"deadweight": 0.10}, "test")
    result = sensitivity(example, params, PEILDATUM, 12)
    crossing = result.crossing(KEY, "total")
    assert crossing["status"] == "crosses"
    assert 0.85 < crossing["value"] < 0.98  # inside its range
    at_root = calculate(
        example,
        with_overrides(params, {KEY: crossing["value"]}, "test"),
        PEILDATUM,
        12,
    )
    assert abs(at_root.totals.all.net) < 1e-6
    assert crossing["net_at_low"] < 0 < crossing["net_at_high"]


def test_a_parameter_with_no_effect_has_no_swing(worked_cases: CaseTable) -> None:
    """Without a projection, retention and discount change nothing: zero swing, no crossing."""
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM, 0)
    assert result.tornado.at["retention_work_per_year", "swing"] == 0.0
    assert result.tornado.at["retention_benefit_per_year", "swing"] == 0.0
    assert result.tornado.at["discount_rate", "swing"] == 0.0
    assert result.crossing("retention_work_per_year", "total")["status"] == "negative"


def test_with_nothing_uncertain_there_is_nothing_to_vary(worked_cases: CaseTable) -> None:
    """Every distribution fixed: an empty tornado and break-even table, and the report says so."""
    fixed = make_distributions({key: {"distribution": "fixed"} for key in UNCERTAIN_KEYS})
    result = sensitivity(worked_cases, v1_parameters(), PEILDATUM, distributions=fixed)
    assert result.tornado.empty and result.break_even.empty and result.changes.empty
    assert result.base_net["total"] == pytest.approx(-10_129.48, abs=0.01)
    shown = _render(sensitivity_report(result))
    assert "Geen onzekere parameters: elke verdeling is 'fixed'." in shown
