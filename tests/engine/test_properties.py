"""Properties that hold for any valid cases: totals are sums of their parts."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import PEILDATUM
from tests.tables import make_table
from tests.v1 import v1_parameters
from werkzorg_calc.domain.items import COST_IDS, SAVING_IDS
from werkzorg_calc.domain.parameters import with_overrides
from werkzorg_calc.engine.calc import calculate

amounts = st.one_of(st.none(), st.floats(min_value=0, max_value=5000, allow_nan=False))
start_days = st.dates(min_value=PEILDATUM.replace(year=2016), max_value=PEILDATUM)


@st.composite
def case_rows(draw: st.DrawFn) -> dict[str, Any]:
    """One valid case: at work (with a start date) or not working at all."""
    working = draw(st.booleans())
    row: dict[str, Any] = {
        "status": "aan_het_werk" if working else draw(st.sampled_from(["in_bemiddeling"])),
        "benefit_type": draw(st.sampled_from([None, "participatiewet", "ww", "geen"])),
        "hours_per_week": draw(st.one_of(st.none(), st.floats(min_value=1, max_value=60))),
    }
    if working:
        row["job_start"] = draw(start_days)
    for field in (
        "benefit_before",
        "benefit_after",
        "wmo_before",
        "wmo_after",
        "mhc_before",
        "mhc_after",
        "jobcoach_hours",
        "counselling_hours",
        "mediation_cost",
        "wage_subsidy_month",
        "no_risk_cost",
        "insurer_contribution",
    ):
        row[field] = draw(amounts)
    return row


case_lists = st.lists(case_rows(), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None)
@given(rows=case_lists, horizon=st.integers(min_value=0, max_value=36))
def test_totals_equal_the_sum_of_cases_and_of_stakeholders(
    rows: list[dict[str, Any]], horizon: int
) -> None:
    """Total savings, costs and net equal the sums over cases and over stakeholders."""
    result = calculate(make_table(rows), v1_parameters(), PEILDATUM, horizon)
    totals = result.totals.all
    cases = result.cases
    tolerance = 1e-6 * (1 + abs(totals.savings) + abs(totals.costs))
    assert totals.savings == pytest.approx(cases["savings"].sum(), abs=tolerance)
    assert totals.costs == pytest.approx(cases["costs"].sum(), abs=tolerance)
    assert totals.net == pytest.approx(cases["net"].sum(), abs=tolerance)
    frame = result.stakeholders
    assert totals.savings == sum(frame["savings"].tolist())  # exact: defined as that sum
    assert totals.costs == sum(frame["costs"].tolist())
    items = result.items
    assert cases["savings"].sum() == pytest.approx(
        items[list(SAVING_IDS)].to_numpy().sum(), abs=tolerance
    )
    assert cases["costs"].sum() == pytest.approx(
        -items[list(COST_IDS)].to_numpy().sum(), abs=tolerance
    )
    realised, projected = result.totals.realised, result.totals.projected
    assert totals.net == pytest.approx(realised.net + projected.net, abs=tolerance)


@settings(max_examples=40, deadline=None)
@given(rows=case_lists, deadweight=st.floats(min_value=0, max_value=1))
def test_deadweight_scales_savings_linearly(rows: list[dict[str, Any]], deadweight: float) -> None:
    """Savings with deadweight d are (1 − d) × savings without; costs do not move."""
    table = make_table(rows)
    base = calculate(table, v1_parameters(), PEILDATUM, 12)
    params = with_overrides(v1_parameters(), {"deadweight": deadweight}, "test")
    shrunk = calculate(table, params, PEILDATUM, 12)
    tolerance = 1e-6 * (1 + abs(base.totals.all.savings))
    assert shrunk.totals.all.savings == pytest.approx(
        (1 - deadweight) * base.totals.all.savings, abs=tolerance
    )
    assert shrunk.totals.all.costs == pytest.approx(base.totals.all.costs, abs=1e-6)


@settings(max_examples=40, deadline=None)
@given(
    before=st.floats(min_value=0, max_value=5000),
    after=st.floats(min_value=0, max_value=5000),
)
def test_the_sign_of_a_saving_follows_before_minus_after(before: float, after: float) -> None:
    """Wmo saving is positive when care fell, negative when it rose, never clipped."""
    row = {"status": "aan_het_werk", "job_start": "2018-01-01", "wmo_before": before}
    result = calculate(make_table([{**row, "wmo_after": after}]), v1_parameters(), PEILDATUM)
    saving = float(result.items["wmo"].iloc[0])
    months = 180 / 30.4375  # 2018-01-01 → 2018-06-30
    assert saving == pytest.approx((before - after) * months, abs=1e-6)
