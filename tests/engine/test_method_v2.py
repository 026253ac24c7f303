"""Method v2's examples derived by hand: L1, N1, H1, C1, T1, T2 and compatibility with v1.

Norms used (legal-norms.csv, bijstand_norm_single): 2018-01-01..06-30 992.12; 2018-07-01..12-31
996.56. A month is 30.4375 days.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import PEILDATUM
from tests.tables import make_table
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.domain.parameters import default_parameters, with_overrides
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.text.issues import issue_message

CENT = 0.005
GROSS = {"deadweight": 0.0}


def test_v1_values_reproduce_v1_except_t1(worked_cases: CaseTable) -> None:
    """With the v1 values as overrides every v1 figure returns, except T1's on purpose.

    T1: V-01's 500.00 insurer contribution is now received by the counselling's payer, the
    insurer itself (v1 payer), so the insurer's costs and the total costs fall by 500.00:
    v1 total net −10,629.48 → −10,129.48; at horizon 12 21,658.21 → 22,158.21. T2 changes
    nothing here: no case of the worked example is only registered (aangemeld).
    """
    v1 = v1_parameters()
    now = calculate(worked_cases, v1, PEILDATUM)
    assert now.totals.all.savings == pytest.approx(24032.02, abs=CENT)  # v1 unchanged
    assert now.totals.all.costs == pytest.approx(34661.49 - 500.00, abs=CENT)
    assert now.totals.all.net == pytest.approx(-10629.48 + 500.00, abs=CENT)
    net = now.stakeholders["net"].to_dict()
    assert net["municipality"] == pytest.approx(5514.73, abs=CENT)  # v1 unchanged
    assert net["uwv"] == pytest.approx(3620.30, abs=CENT)  # v1 unchanged
    assert net["health_insurer"] == pytest.approx(-19764.51 + 500.00, abs=CENT)
    year = calculate(worked_cases, v1, PEILDATUM, 12)
    assert year.totals.all.savings == pytest.approx(63165.89, abs=CENT)  # v1 unchanged
    assert year.totals.all.net == pytest.approx(21658.21 + 500.00, abs=CENT)
    quarter = calculate(worked_cases, with_overrides(v1, {"deadweight": 0.25}, "t"), PEILDATUM)
    assert quarter.totals.all.net == pytest.approx(-16637.48 + 500.00, abs=CENT)


def test_gross_and_net_of_the_worked_example(worked_cases: CaseTable) -> None:
    """N1 with the v2 defaults: the gross savings, and the net that keeps 1 − 0.568182.

    Gross savings = v1's 24,032.02 less V-02's GGZ at G1's 0.20 instead of 0.45:
    900 × 0.25 × 88 / 30.4375 = 650.51 → 23,381.51 (every case that worked has its
    uitkering_voor, so no dated norm enters). Net savings = 23,381.51 × 0.431818 = 10,096.56.
    Costs 34,161.49 (T1 applied) in both views.
    """
    result = calculate(worked_cases, default_parameters(), PEILDATUM)
    gross = 24032.02 - 900 * 0.25 * 88 / 30.4375
    assert result.gross.money.savings == pytest.approx(gross, abs=CENT)
    assert result.totals.all.savings == pytest.approx(gross * (1 - 0.568182), abs=CENT)
    assert result.gross.money.costs == result.totals.all.costs
    assert result.totals.all.costs == pytest.approx(34161.49, abs=CENT)
    assert result.gross.money.net == pytest.approx(gross - 34161.49, abs=0.01)


def test_the_dated_norm_per_day_for_a_case_crossing_a_half_year() -> None:
    """L1: empty uitkering_voor, work from 2018-06-01 to the peildatum 2018-07-31.

    Work days [2018-06-01, 2018-07-31): 30 × 992.12 + 30 × 996.56 = 59,660.40 norm-days, so the
    gross benefit is 59,660.40 / 30.4375 = 1,960.10 (at 1,401.50 it would be 2,762.63).
    """
    table = make_table(
        [
            {
                "status": "aan_het_werk",
                "trajectory_start": "2018-05-01",
                "job_start": "2018-06-01",
                "benefit_after": 0,
                "counselling_hours": 0,
            }
        ]
    )
    params = with_overrides(default_parameters(), GROSS, "t")
    result = calculate(table, params, date(2018, 7, 31))
    expected = (30 * 992.12 + 30 * 996.56) / 30.4375
    assert result.realised.at[0, "benefit"] == pytest.approx(expected, abs=1e-9)
    assert result.realised.at[0, "benefit"] == pytest.approx(1960.10, abs=CENT)
    assert result.cases.at[0, "benefit_norm_month"] == pytest.approx(expected / (60 / 30.4375))


def test_a_date_before_the_table_is_a_located_error() -> None:
    """A norm needed for 2014 (the table starts 2015-01-01): row and column named, exit 1."""
    table = make_table(
        [{"status": "aan_het_werk", "trajectory_start": "2014-10-01", "job_start": "2014-11-01"}]
    )
    with pytest.raises(InputError) as caught:
        calculate(table, default_parameters(), PEILDATUM)
    (issue,) = caught.value.issues
    assert issue.row == 2 and "01-11-2014" in issue_message(issue)  # the Excel row and the day
    assert "legal-norms.csv" in issue_message(issue)


def test_the_common_horizon_of_one_case() -> None:
    """H1, one case: Wmo 100 a month saved, no benefit, traject 2018-01-01, work from 2018-03-01.

    Window 24 months. Realised: 121 days / 30.4375 = 3.975359 months → 397.54.
    Elapsed at the peildatum: 180 days = 5.913758 months, so M = floor(24 − 5.913758) = 18
    projected months with q = (0.80332 / 1.0225)^(1/12): 100 × Σ_{m=1..18} q^m.
    """
    table = make_table(
        [
            {
                "status": "aan_het_werk",
                "trajectory_start": "2018-01-01",
                "job_start": "2018-03-01",
                "benefit_type": "geen",
                "wmo_before": 100,
                "wmo_after": 0,
                "counselling_hours": 0,
            }
        ]
    )
    result = calculate(table, with_overrides(default_parameters(), GROSS, "t"), PEILDATUM)
    q = (0.80332 / 1.0225) ** (1 / 12)
    projected = 100 * sum(q**m for m in range(1, 19))
    common = result.common_horizon
    assert common.months == 24
    assert common.realised.savings == pytest.approx(100 * 121 / 30.4375, abs=1e-9)
    assert common.projected.savings == pytest.approx(projected, abs=1e-9)
    assert common.money.net == pytest.approx(100 * 121 / 30.4375 + projected, abs=1e-9)
    assert result.totals.projected.savings == 0.0  # the realised view projects nothing
    # The Wmo is the municipality's: all of the saving is its own, whatever the order of the
    # view's columns (the common horizon's are alphabetical, the payers' are not).
    by_party = common.stakeholders
    assert by_party.at["municipality", "savings"] == pytest.approx(common.money.savings)
    assert by_party.at["uwv", "savings"] == 0.0
    assert by_party["savings"].sum() == pytest.approx(100 * 121 / 30.4375 + projected)


def test_t1_t2_and_the_dated_payer_split() -> None:
    """C1, T1, T2 on three cases, hours empty (price 8,000 per started trajectory).

    T-001 started 2018 (UWV subsidy): UWV pays 8,000 and receives the insurer's 300 (T1).
    T-002 only registered (aangemeld): charged nothing (T2).
    T-003 participatiewet, started 2023-06-01: rijk 4,000, municipality 4,000 (C1).
    """
    table = make_table(
        [
            {
                "status": "in_bemiddeling",
                "trajectory_start": "2018-02-01",
                "insurer_contribution": 300,
            },
            {"status": "aangemeld", "trajectory_start": "2018-03-01"},
            {"status": "in_bemiddeling", "trajectory_start": "2023-06-01"},
        ]
    )
    result = calculate(table, default_parameters(), date(2023, 12, 31))
    costs = result.stakeholders["costs"].to_dict()
    assert costs["uwv"] == pytest.approx(8000 - 300)
    assert costs["health_insurer"] == pytest.approx(300)
    assert costs["rijk"] == pytest.approx(4000)
    assert costs["municipality"] == pytest.approx(4000)
    assert result.cases.at[1, "costs"] == 0.0
    assert result.totals.all.costs == pytest.approx(8000 + 8000)  # the 300 is not counted twice
    shares = result.imputed_amounts
    assert shares.share("rijk", "costs") == pytest.approx(1.0)  # the price per trajectory
