"""The vectorised evaluator reproduces ``calculate`` exactly, at the values and anywhere else."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import PEILDATUM
from tests.tables import make_table
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import default_parameters, with_overrides
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.uncertainty.distributions import UNCERTAIN_KEYS
from werkzorg_calc.engine.uncertainty.model import TARGETS, NetModel

RTOL, ATOL = 1e-12, 1e-9


def _nets(result: Result) -> np.ndarray:
    return np.array([*result.stakeholders["net"].tolist(), result.totals.all.net])


def _mixed_table() -> CaseTable:
    """Every path: a known future job end, imputed inputs, each benefit type, no hours."""
    return make_table(
        [
            {
                "status": "aan_het_werk",
                "job_start": "2018-01-01",
                "job_end": "2018-10-15",  # after the peildatum: caps the projection
                "hours_per_week": 20,
                "benefit_before": 1500,
                "benefit_after": 0,
                "benefit_type": "ww",
                "mhc_before": 800,  # mhc_after imputed with the reduction
                "jobcoach_hours": 30,
                "counselling_hours": 12,
                "wage_subsidy_month": 400,
            },
            {
                "status": "aan_het_werk",
                "job_start": "2017-11-01",
                "benefit_after": 200,  # benefit_before imputed with the default
                "wmo_before": 300,
                "wmo_after": 100,
                "mhc_before": 500,
                "mhc_after": 650,
                "mediation_cost": 900,
            },
            {
                "status": "aan_het_werk",
                "job_start": "2018-05-20",
                "benefit_type": "geen",
                "mhc_after": 200,  # mhc_before imputed as 0
                "no_risk_cost": 800,
            },
            {"status": "uitgevallen", "job_start": "2018-01-08", "job_end": "2018-03-09"},
            {"status": "in_bemiddeling", "insurer_contribution": 500, "counselling_hours": 40},
        ]
    )


@pytest.mark.parametrize(("horizon", "price_year"), [(0, None), (12, None), (60, 2024)])
def test_equals_calculate_at_the_parameter_values(
    worked_cases: CaseTable, horizon: int, price_year: int | None
) -> None:
    """With every parameter at its value, the evaluator gives calculate's net to 1e-9."""
    base = calculate(worked_cases, default_parameters(), PEILDATUM, horizon, price_year=price_year)
    model = NetModel.from_result(worked_cases, base)
    np.testing.assert_allclose(model.net(model.values())[0], _nets(base), rtol=RTOL, atol=ATOL)


def test_the_worked_example_net_per_stakeholder(worked_cases: CaseTable) -> None:
    """The evaluator's nets are the worked example's hand-worked figures (to the cent).

    v1 values as overrides; T1 lifts the insurer by V-01's contribution it now receives back:
    −19,764.51 + 500.00 = −19,264.51, total −10,629.48 + 500.00 = −10,129.48.
    """
    base = calculate(worked_cases, v1_parameters(), PEILDATUM)
    model = NetModel.from_result(worked_cases, base)
    net = dict(zip(TARGETS, model.net(model.values())[0].tolist(), strict=True))
    assert net["municipality"] == pytest.approx(5514.73, abs=0.01)
    assert net["health_insurer"] == pytest.approx(-19264.51, abs=0.01)
    assert net["uwv"] == pytest.approx(3620.30, abs=0.01)
    assert net["total"] == pytest.approx(-10129.48, abs=0.01)


values = st.fixed_dictionaries(
    {
        "benefit_admin_cost_year": st.floats(0, 6000),
        "benefit_admin_cost_year_uwv": st.floats(0, 6000),
        "jobcoach_hour_rate": st.floats(0, 200),
        "counselling_hour_rate": st.floats(0, 200),
        "counselling_cost_per_trajectory": st.floats(0, 12000),
        "mhc_reduction_when_working": st.floats(0, 1),
        "deadweight": st.floats(0, 1),
        "retention_benefit_per_year": st.floats(0, 1),
        "retention_work_per_year": st.floats(0, 1),
        "discount_rate": st.floats(0, 1),
    }
)


@settings(max_examples=40, deadline=None)
@given(values=values, horizon=st.sampled_from([0, 1, 24]), price_year=st.sampled_from([None, 2019]))
def test_equals_calculate_anywhere(
    values: dict[str, float], horizon: int, price_year: int | None
) -> None:
    """At any parameter values, any horizon and price year, the net equals calculate's."""
    table = _mixed_table()
    params = with_overrides(default_parameters(), {"payers.counselling": "care_provider"}, "test")
    base = calculate(table, params, PEILDATUM, horizon, price_year=price_year)
    model = NetModel.from_result(table, base)
    expected = calculate(
        table, with_overrides(params, values, "test"), PEILDATUM, horizon, price_year=price_year
    )
    np.testing.assert_allclose(
        model.net(model.values(**values))[0], _nets(expected), rtol=RTOL, atol=ATOL
    )


def test_many_draws_at_once_equal_one_at_a_time(worked_cases: CaseTable) -> None:
    """Rows of one vectorised call equal separate calls: draws do not leak into each other."""
    base = calculate(worked_cases, default_parameters(), PEILDATUM, 12)
    model = NetModel.from_result(worked_cases, base)
    rng = np.random.default_rng(7)
    drawn = {
        "jobcoach_hour_rate": rng.uniform(60, 120, 5),
        "retention_work_per_year": rng.uniform(0.5, 1.0, 5),
        "retention_benefit_per_year": rng.uniform(0.5, 1.0, 5),
        "deadweight": rng.uniform(0, 0.6, 5),
    }
    together = model.net(model.values(**drawn))
    for row in range(5):
        alone = model.net(model.values(**{key: float(array[row]) for key, array in drawn.items()}))
        np.testing.assert_allclose(together[row], alone[0], rtol=RTOL, atol=ATOL)


def test_every_uncertain_key_changes_the_net_somewhere() -> None:
    """No uncertain parameter is silently ignored by the evaluator (mixed cases, horizon 24)."""
    table = _mixed_table()
    base = calculate(table, default_parameters(), PEILDATUM, 24)
    model = NetModel.from_result(table, base)
    at_values = model.net(model.values())[0]
    flat = default_parameters().flat()
    for key in UNCERTAIN_KEYS:
        moved = model.net(model.values(**{key: float(flat[key]) * 0.5 + 0.01}))[0]
        assert not np.allclose(moved, at_values), key


def test_one_curve_varied_against_the_other_fixed_equals_calculate(
    worked_cases: CaseTable,
) -> None:
    """Three benefit-retention values against one work retention broadcast, as sensitivity does.

    Each of the three nets equals ``calculate`` with that retention (horizon 12, so the
    projection's benefit curve matters).
    """
    base = calculate(worked_cases, default_parameters(), PEILDATUM, 12)
    model = NetModel.from_result(worked_cases, base)
    grid = np.array([0.85, 0.90, 0.98])
    nets = model.net(model.values(retention_benefit_per_year=grid))[:, -1]
    for value, net in zip(grid, nets, strict=True):
        changed = with_overrides(default_parameters(), {"retention_benefit_per_year": value}, "t")
        expected = calculate(worked_cases, changed, PEILDATUM, 12).totals.all.net
        assert net == pytest.approx(expected, abs=1e-6)
