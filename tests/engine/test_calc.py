"""The per-case sum against the hand-worked example (peildatum 2018-06-30).

Every expected euro is written out with its arithmetic; months are days / 30.4375.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import PEILDATUM
from tests.tables import make_table
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import with_overrides
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.months import projection_factor
from werkzorg_calc.text.issues import issue_message

CENT = 0.005  # results are compared to the cent shown in the worked example
V01_MONTHS = 211 / 30.4375  # 2017-12-01 → 2018-06-30 = 211 days = 6.932238 months
V02_MONTHS = 88 / 30.4375  # 2018-04-03 → 2018-06-30 = 88 days = 2.891170
V03_MONTHS = 60 / 30.4375  # 2018-01-08 → 2018-03-09 (job ended) = 60 days = 1.971253


def _run(cases: CaseTable, horizon: int = 0, **overrides: float | str) -> Result:
    params = with_overrides(v1_parameters(), overrides, "test")
    return calculate(cases, params, PEILDATUM, horizon)


def _item(result: Result, case: int, item: str) -> float:
    return float(result.items[item].iloc[case])


def test_work_months_follow_the_days_between_dates(worked_cases: CaseTable) -> None:
    """Work months are the days from start_werk to min(einde_werk, peildatum) / 30.4375."""
    result = _run(worked_cases)
    months = result.cases["work_months"].tolist()
    assert months == pytest.approx([V01_MONTHS, V02_MONTHS, V03_MONTHS, 0.0], abs=1e-12)
    assert months[0] == pytest.approx(6.932238, abs=1e-6)


def test_v01_every_line_item_by_hand(worked_cases: CaseTable) -> None:
    """V-01 touches every item; each amount is the worked example's arithmetic."""
    result = _run(worked_cases)
    m = V01_MONTHS
    expected = {
        "benefit": (1401.50 - 0) * m,  # 9,715.53 to the municipality
        "benefit_administration": 2883 / 12 * m,  # 1,665.47: uitkering_na = 0
        "wmo": (480 - 240) * m,  # 1,663.74
        "mental_health_care": (750 - 412.50) * m,  # 2,339.63 to the insurer
        "counselling": -30 * 89.02,  # -2,670.60
        "jobcoach": -40 * 89.02,  # -3,560.80
        "mediation": -1200.0,
        "wage_subsidy": -650 * m,  # -4,505.95
        "no_risk": 0.0,
        "insurer_contribution": -500.0,
        # T1: the insurer pays V-01's counselling (v1 payer), so it receives its own 500.00
        "insurer_contribution_received": 500.0,
        "counselling_rijk": 0.0,
    }
    for item, amount in expected.items():
        assert _item(result, 0, item) == pytest.approx(amount, abs=1e-9), item
    assert _item(result, 0, "benefit") == pytest.approx(9715.53, abs=CENT)
    assert _item(result, 0, "wage_subsidy") == pytest.approx(-4505.95, abs=CENT)
    case = result.cases.loc[0]
    assert case["savings"] == pytest.approx(15384.37, abs=CENT)
    # v1 12,437.35 − 500.00 (T1: the contribution no longer counts on top) = 11,937.35
    assert case["costs"] == pytest.approx(11937.35, abs=CENT)
    assert case["net"] == pytest.approx(3447.01, abs=CENT)  # v1 2,947.01 + 500.00
    assert bool(case["durable"]) is True  # ≥ 6 months and 24 ≥ 12 hours


def test_v02_imputes_care_after_and_charges_a_trajectory(worked_cases: CaseTable) -> None:
    """V-02: ggz_na = 900 × 0.55, counselling per trajectory, empty type is bijstand."""
    result = _run(worked_cases)
    m = V02_MONTHS
    assert _item(result, 1, "benefit") == pytest.approx((1401.50 - 310.25) * m)  # 3,154.99
    assert _item(result, 1, "benefit_administration") == 0.0  # residual benefit remains
    assert _item(result, 1, "mental_health_care") == pytest.approx((900 - 900 * 0.55) * m)
    assert _item(result, 1, "mental_health_care") == pytest.approx(1170.92, abs=CENT)
    assert _item(result, 1, "counselling") == -8000.0
    assert _item(result, 1, "jobcoach") == pytest.approx(-12 * 89.02)  # -1,068.24
    assert result.payers.loc[1, "benefit"] == "municipality"
    assert result.cases.loc[1, "savings"] == pytest.approx(4325.91, abs=CENT)
    assert result.cases.loc[1, "costs"] == pytest.approx(9068.24, abs=CENT)
    assert result.cases.loc[1, "net"] == pytest.approx(-4742.33, abs=CENT)
    imputed = result.imputed.loc[1]
    assert bool(imputed["mhc_after"]) and bool(imputed["counselling_hours"])
    assert not bool(imputed["benefit_before"])


def test_v03_benefit_to_uwv_and_care_that_went_up(worked_cases: CaseTable) -> None:
    """V-03 (WIA, job ended): uwv saves; more care after placement is a negative saving."""
    result = _run(worked_cases)
    m = V03_MONTHS
    assert _item(result, 2, "benefit") == pytest.approx(2002.13 * m)  # 3,946.70
    assert _item(result, 2, "benefit_administration") == pytest.approx(2883 / 12 * m)  # 473.59
    assert _item(result, 2, "mental_health_care") == pytest.approx((600 - 650) * m)  # -98.56
    assert _item(result, 2, "counselling") == pytest.approx(-45 * 89.02)  # -4,005.90
    assert _item(result, 2, "no_risk") == -800.0
    assert result.payers.loc[2, "benefit"] == "uwv"
    assert result.cases.loc[2, "savings"] == pytest.approx(4321.73, abs=CENT)
    assert result.cases.loc[2, "net"] == pytest.approx(-484.17, abs=CENT)
    assert not bool(result.cases.loc[2, "working_at_peildatum"])


def test_v04_never_worked_but_carries_its_costs(worked_cases: CaseTable) -> None:
    """V-04 dropped out: no savings, counselling 8,000 plus mediation 350."""
    result = _run(worked_cases)
    assert result.cases.loc[3, "savings"] == 0.0
    assert result.cases.loc[3, "costs"] == pytest.approx(8000 + 350)
    assert result.cases.loc[3, "net"] == pytest.approx(-8350.0)


def test_stakeholders_and_totals_horizon_zero(worked_cases: CaseTable) -> None:
    """Per stakeholder and in total, as the worked example states, with T1 applied.

    T1: the insurer's 500.00 for V-01 is received by the counselling's payer, here the insurer
    itself (v1 payer): its costs 23,176.50 − 500.00 = 22,676.50, net −19,764.51 + 500.00 =
    −19,264.51; total costs 34,661.49 − 500.00 = 34,161.49, net −10,629.48 + 500 = −10,129.48.
    """
    result = _run(worked_cases)
    frame = result.stakeholders
    expected = {
        "municipality": (16199.73, 10684.99, 5514.73),
        "health_insurer": (3411.99, 22676.50, -19264.51),
        "uwv": (4420.30, 800.00, 3620.30),
        "care_provider": (0.0, 0.0, 0.0),
        "rijk": (0.0, 0.0, 0.0),  # pays only from 2023-03-01 (C1)
    }
    for name, (savings, costs, net) in expected.items():
        assert frame.loc[name, "savings"] == pytest.approx(savings, abs=CENT), name
        assert frame.loc[name, "costs"] == pytest.approx(costs, abs=CENT), name
        assert frame.loc[name, "net"] == pytest.approx(net, abs=CENT), name
    totals = result.totals
    assert totals.all.savings == pytest.approx(24032.02, abs=CENT)
    assert totals.all.costs == pytest.approx(34161.49, abs=CENT)
    assert totals.all.net == pytest.approx(-10129.48, abs=CENT)
    assert totals.benefit_cost_ratio == pytest.approx(24032.018 / 34161.495, abs=1e-6)
    assert totals.net_per_participant == pytest.approx(-10129.48 / 4, abs=CENT)
    assert totals.net_per_placed == pytest.approx(-10129.48 / 2, abs=CENT)
    assert totals.projected.net == 0.0
    assert result.target.durable == 1 and not result.target.met


def test_items_per_stakeholder_are_the_result_items_by_payer(worked_cases: CaseTable) -> None:
    """``stakeholder_items``: each cell is the sum of that item over the cases whose payer is
    that stakeholder, and each row adds up to the party's net. By hand for the insurer: it pays
    V-01's 500.00 contribution and, as V-01's counselling payer (T1), receives it back
    (−500.00 + 500.00); its row totals its net, −19,264.51 (the test above)."""
    result = _run(worked_cases)
    sums = result.stakeholder_items
    for stakeholder in sums.index:
        for item in sums.columns:
            mine = result.payers[item] == stakeholder
            expected = float(result.items[item][mine].sum())
            assert sums.at[stakeholder, item] == pytest.approx(expected, abs=1e-9), item
        net = result.stakeholders.at[stakeholder, "net"]
        assert sums.loc[stakeholder].to_numpy().sum() == pytest.approx(net, abs=1e-9)
    assert sums.at["health_insurer", "insurer_contribution"] == pytest.approx(-500.0)
    assert sums.at["health_insurer", "insurer_contribution_received"] == pytest.approx(500.0)
    rows = sums.sum(axis=1).to_dict()
    assert rows["health_insurer"] == pytest.approx(-19264.51, abs=CENT)
    assert sums.loc["rijk"].abs().to_numpy().sum() == 0.0  # pays only from 2023-03-01 (C1)


def test_one_item_is_its_column_of_items(worked_cases: CaseTable) -> None:
    """``Result.item`` (realised + projected of one item, for the views that need a few
    columns) gives exactly the column of ``items``: V-01's benefit 9,715.53 at horizon 12 too."""
    result = _run(worked_cases, horizon=12)
    for item in result.realised.columns:
        assert result.item(item).tolist() == result.items[item].tolist(), item
    assert result.item("benefit").iloc[0] > 9715.53  # the projected months come on top


def test_projection_twelve_months(worked_cases: CaseTable) -> None:
    """Horizon 12: Σ_{m=1..12} q^m with q = (0.80 / 1.0225)^(1/12) = 10.5326 monthly amounts."""
    q = (0.80 / 1.0225) ** (1 / 12)
    months_factor = sum(q**m for m in range(1, 13))
    assert months_factor == pytest.approx(10.532600, abs=1e-6)
    result = _run(worked_cases, horizon=12)
    # V-01 benefit: 9,715.53 realised + 1,401.50 × 10.5326 = 24,476.97
    assert _item(result, 0, "benefit") == pytest.approx(
        1401.50 * V01_MONTHS + 1401.50 * months_factor
    )
    assert _item(result, 0, "benefit") == pytest.approx(24476.97, abs=CENT)
    # V-01 net: 2,947.01 + (1401.50 + 240.25 + 240 + 337.50 − 650) × 10.5326 = 19,475.30,
    # plus 500.00 by T1 = 19,975.30
    monthly_net = 1401.50 + 2883 / 12 + (480 - 240) + (750 - 412.50) - 650
    assert monthly_net == pytest.approx(1569.25)
    assert result.cases.loc[0, "net"] == pytest.approx(19975.30, abs=CENT)
    assert result.cases.loc[1, "net"] == pytest.approx(11017.08, abs=CENT)
    # Not working at peildatum: nothing projected.
    assert result.cases.loc[2, "net"] == pytest.approx(-484.17, abs=CENT)
    assert result.cases.loc[3, "net"] == pytest.approx(-8350.0)
    totals = result.totals
    assert totals.all.savings == pytest.approx(63165.89, abs=CENT)
    # T1: costs 41,507.68 − 500.00 = 41,007.68; net 21,658.21 + 500.00 = 22,158.21
    assert totals.all.costs == pytest.approx(41007.68, abs=CENT)
    assert totals.all.net == pytest.approx(22158.21, abs=CENT)
    assert totals.realised.net == pytest.approx(-10129.48, abs=CENT)
    assert totals.projected.net == pytest.approx(21658.21 + 10629.48, abs=0.01)
    # One-off costs are not projected.
    assert _item(result, 0, "jobcoach") == pytest.approx(-40 * 89.02)


def test_projection_factor_closed_form_equals_the_sum() -> None:
    """The closed-form geometric series equals the month-by-month sum of S(m)·D(m)."""
    params = with_overrides(
        v1_parameters(), {"retention_per_year": 0.7, "discount_rate": 0.04}, "test"
    )
    factor = projection_factor(
        pd.Series([0.0, 1.0, 7.0, 60.0]), params.retention_work, params.discount_rate
    )
    for months, value in zip([0, 1, 7, 60], factor.tolist(), strict=True):
        by_hand = sum(0.7 ** (m / 12) * 1.04 ** (-m / 12) for m in range(1, months + 1))
        assert value == pytest.approx(by_hand, abs=1e-9)


def test_projection_without_retention_loss_or_discount_is_the_month_count() -> None:
    """With retention 1 and discount 0, q = 1 and N months count N times."""
    params = with_overrides(
        v1_parameters(), {"retention_per_year": 1.0, "discount_rate": 0.0}, "test"
    )
    assert projection_factor(
        pd.Series([12.0]), params.retention_benefit, params.discount_rate
    ).tolist() == [12.0]


def test_deadweight_quarter(worked_cases: CaseTable) -> None:
    """Deadweight 0.25: every saving × 0.75, costs unchanged (worked example figures)."""
    result = _run(worked_cases, deadweight=0.25)
    totals = result.totals
    assert totals.all.savings == pytest.approx(24032.02 * 0.75, abs=0.01)  # 18,024.01
    assert totals.all.savings == pytest.approx(18024.01, abs=CENT)
    # T1: costs 34,661.49 − 500.00; net −16,637.48 + 500.00; the insurer −20,617.51 + 500.00
    assert totals.all.costs == pytest.approx(34161.49, abs=CENT)
    assert totals.all.net == pytest.approx(-16137.48, abs=CENT)
    frame = result.stakeholders
    assert frame.loc["municipality", "net"] == pytest.approx(1464.80, abs=CENT)
    assert frame.loc["health_insurer", "net"] == pytest.approx(-20117.51, abs=CENT)
    assert frame.loc["uwv", "net"] == pytest.approx(2515.22, abs=CENT)
    assert result.changed_parameters["deadweight"] == 0.25
    # The gross view (N1) is the same sum at deadweight 0: savings 24,032.02
    assert result.gross.money.savings == pytest.approx(24032.02, abs=CENT)
    assert result.gross.money.net == pytest.approx(-10129.48, abs=CENT)


def test_payers_move_counselling_to_the_care_provider(worked_cases: CaseTable) -> None:
    """With payers.counselling = care_provider, the 22,676.50 counselling moves there.

    T1: so does the receipt of the insurer's 500.00: the care provider's costs are
    22,676.50 − 500.00 = 22,176.50; the insurer keeps only the 500.00 contribution it pays.
    """
    params = with_overrides(v1_parameters(), {"payers.counselling": "care_provider"}, "t")
    result = calculate(worked_cases, params, PEILDATUM)
    counselling = 30 * 89.02 + 8000 + 45 * 89.02 + 8000  # 22,676.50
    frame = result.stakeholders
    assert frame.loc["care_provider", "costs"] == pytest.approx(counselling - 500)
    assert frame.loc["health_insurer", "costs"] == pytest.approx(500.0)
    assert result.totals.all.net == pytest.approx(-10129.48, abs=CENT)  # total unchanged


def test_no_benefit_saves_nothing_and_belongs_to_nobody() -> None:
    """uitkering_soort geen: benefit and administration are 0 and have no stakeholder."""
    table = make_table(
        [
            {
                "status": "aan_het_werk",
                "job_start": "2018-03-02",
                "benefit_before": 1000.0,
                "benefit_after": 0.0,
                "benefit_type": "geen",
                "counselling_hours": 10.0,
            }
        ]
    )
    result = calculate(table, v1_parameters(), PEILDATUM)
    assert _item(result, 0, "benefit") == 0.0
    assert _item(result, 0, "benefit_administration") == 0.0
    assert result.payers.loc[0, "benefit"] is None
    assert result.totals.all.savings == 0.0
    assert result.totals.all.costs == pytest.approx(10 * 89.02)


def test_projection_stops_at_a_known_end_of_the_job() -> None:
    """A job that ends 3 months after peildatum is projected for 3 whole months only."""
    table = make_table(
        [
            {
                "status": "aan_het_werk",
                "job_start": "2018-06-01",
                "job_end": "2018-10-05",  # 97 days after 2018-06-30 = 3.19 months → 3
                "benefit_before": 1000.0,
                "benefit_after": 500.0,
                "counselling_hours": 0.0,
            }
        ]
    )
    result = calculate(table, v1_parameters(), PEILDATUM, horizon=12)
    q = (0.80 / 1.0225) ** (1 / 12)
    assert float(result.projected["benefit"].iloc[0]) == pytest.approx(500 * (q + q**2 + q**3))


def test_missing_care_before_counts_as_zero_and_is_flagged() -> None:
    """ggz_na without ggz_voor: before counts as 0 (a rise in care) and is marked imputed."""
    table = make_table(
        [
            {
                "status": "aan_het_werk",
                "job_start": "2018-05-31",  # 30 days
                "mhc_after": 100.0,
                "counselling_hours": 0.0,
            }
        ]
    )
    result = calculate(table, v1_parameters(), PEILDATUM)
    assert _item(result, 0, "mental_health_care") == pytest.approx(-100 * 30 / 30.4375)
    assert bool(result.imputed.loc[0, "mhc_before"])
    assert any("ggz_voor" in issue_message(issue) for issue in result.warnings)


def test_imputation_warnings_name_rows_not_values(worked_cases: CaseTable) -> None:
    """Each imputed field gives one warning naming the Excel rows and the assumption."""
    result = _run(worked_cases)
    messages = [issue_message(issue) for issue in result.warnings]
    assert messages == [
        "uitkering_voor ontbreekt in 1 rij (5): € 1.401,50 per maand aangenomen "
        "(benefit_default_month)",
        "ggz_na ontbreekt in 1 rij (3): ggz_voor × (1 − 45%) aangenomen "
        "(mhc_reduction_when_working)",
        "trajectbegeleiding_uren ontbreekt in 2 rijen (3, 5): € 8.000,00 per gestart traject "
        "gerekend (counselling_cost_per_trajectory)",
        # Q1: the worked example's 1,401.50 in 2018 is above that year's norm of 992.12
        "uitkering_voor ligt in 2 rijen (2, 3) boven de bijstandsnorm van het huishouden op "
        "start_werk (legal-norms.csv): klopt het huishouden, of is de aanvulling op "
        "deeltijdwerk vergeten?",
    ]
    assert [issue.column for issue in result.warnings] == ["G", "M", "O", "G"]
