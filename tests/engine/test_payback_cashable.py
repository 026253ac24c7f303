"""Payback month (P1), the cashable split (K1) and settlement on the worked example, by hand."""

from __future__ import annotations

from itertools import permutations

import pandas as pd
import pytest

from tests.conftest import PEILDATUM
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import default_parameters, with_overrides
from werkzorg_calc.engine import bootstrap
from werkzorg_calc.engine import payback as payback_module
from werkzorg_calc.engine.bootstrap import case_bootstrap
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.payback import _owned_sum
from werkzorg_calc.engine.views import payer_codes
from werkzorg_calc.text.issues import issue_message

M = 30.4375


def test_payback_month_municipality(worked_cases: CaseTable) -> None:
    """Municipality: one-off 3,560.80 + 1,200 + 1,068.24 + 350 = 6,179.04 at t = 0. Per month of
    V-01 (from event day 60): 1,401.50 + 240.25 + 240 − 650 = 1,231.75; of V-02 (from day 78, 88
    days): 1,091.25. Month 4 (day 121.75): −6,179.04 + 1,231.75 × 61.75/M + 1,091.25 × 43.75/M
    = −2,111.60; month 5 (day 152.19): + 1,231.75 × 92.19/M + 1,091.25 × 74.19/M → +211.40.
    """
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    curve = result.beyond.payback.cumulative["municipality"]
    fixed = 3560.80 + 1200 + 12 * 89.02 + 350
    month4 = -fixed + 1231.75 * (4 * M - 60) / M + 1091.25 * (4 * M - 78) / M
    month5 = -fixed + 1231.75 * (5 * M - 60) / M + 1091.25 * (5 * M - 78) / M
    assert curve[1] == pytest.approx(-fixed)
    assert curve[4] == pytest.approx(month4, abs=0.01)
    assert curve[5] == pytest.approx(month5, abs=0.01)
    assert month4 < 0 <= month5
    assert result.beyond.payback.months["municipality"] == 5


def test_payback_by_pieces_of_cases_is_the_same_curve(
    worked_cases: CaseTable, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A national file builds the share matrices a piece of cases at a time. With one case per
    piece, the municipality's curve is still −6,179.04 at month 1, −2,111.60 at month 4 and
    +211.40 at month 5 (worked above), and every month of every party equals the whole-file
    curve at horizon 12."""
    whole = calculate(worked_cases, v1_parameters(), PEILDATUM, 12)
    monkeypatch.setattr(payback_module, "CHUNK_CASES", 1)
    pieces = calculate(worked_cases, v1_parameters(), PEILDATUM, 12)
    assert whole.beyond is not None and pieces.beyond is not None
    unprojected = calculate(worked_cases, v1_parameters(), PEILDATUM).beyond
    assert unprojected is not None
    curve = unprojected.payback.cumulative["municipality"]
    assert curve[1] == pytest.approx(-6179.04, abs=0.005)
    assert curve[4] == pytest.approx(-2111.60, abs=0.01)
    assert curve[5] == pytest.approx(211.40, abs=0.01)
    pd.testing.assert_frame_equal(
        pieces.beyond.payback.cumulative, whole.beyond.payback.cumulative, rtol=1e-12
    )
    assert pieces.beyond.payback.months == whole.beyond.payback.months


def test_payback_month_uwv_insurer_total(worked_cases: CaseTable) -> None:
    """UWV: −800 (no-risk) at t = 0; V-03 from event day 68 for 60 days at 2,002.13 + 240.25 a
    month. Month 2 (day 60.9) still −800; month 3 (day 91.3): −800 + 2,242.38 × 23.31/M = 917.47.
    The insurer and the total end negative (3,411.99 − 22,676.50 = −19,264.51, its contribution to
    itself cancelling under T1, and −10,129.48): no payback month. The last cumulative equals
    each net.
    """
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    payback = result.beyond.payback
    uwv = payback.cumulative["uwv"]
    assert uwv[2] == pytest.approx(-800.0)
    assert uwv[3] == pytest.approx(-800 + 2242.38 * (3 * M - 68) / M, abs=0.01)
    assert payback.months == {
        "municipality": 5,
        "uwv": 3,
        "health_insurer": None,
        "total": None,
    }
    last = payback.cumulative.iloc[-1]
    assert last["health_insurer"] == pytest.approx(-19264.51, abs=0.005)
    assert last["total"] == pytest.approx(-10129.48, abs=0.005)


def test_payback_with_projection_reaches_the_net(worked_cases: CaseTable) -> None:
    """Horizon 12: the curve runs to the last projected month and ends at each party's net."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, 12)
    assert result.beyond is not None
    last = result.beyond.payback.cumulative.iloc[-1]
    assert last["total"] == pytest.approx(result.totals.all.net)
    assert last["municipality"] == pytest.approx(result.stakeholders.at["municipality", "net"])


def test_cashable_split(worked_cases: CaseTable) -> None:
    """Municipality: benefit 9,715.53 + 3,154.99 + Wmo 1,663.74 = 14,534.26 cashable,
    administration 1,665.47 not. UWV: benefit 3,946.70 / administration 473.59. Insurer: GGZ
    3,411.99 × 0.5 = 1,706.00 each way."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    split = result.beyond.cashable
    assert split.at["municipality", "cashable"] == pytest.approx(14534.26, abs=0.01)
    assert split.at["municipality", "non_cashable"] == pytest.approx(1665.47, abs=0.005)
    assert split.at["uwv", "cashable"] == pytest.approx(3946.70, abs=0.005)
    assert split.at["uwv", "non_cashable"] == pytest.approx(473.59, abs=0.005)
    assert split.at["health_insurer", "cashable"] == pytest.approx(1706.00, abs=0.005)
    assert split.at["health_insurer", "non_cashable"] == pytest.approx(1706.00, abs=0.005)
    total = split["cashable"] + split["non_cashable"]
    assert total.to_dict() == pytest.approx(result.stakeholders["savings"].to_dict())
    # From the result's item sums per party: the insurer's cashable half is exactly half its
    # GGZ saving there, and what is not cashable is its savings less that.
    insurer = result.stakeholder_items.to_dict(orient="index")["health_insurer"]
    ggz = float(insurer["mental_health_care"])
    savings = float(result.stakeholders.to_dict(orient="index")["health_insurer"]["savings"])
    own = split.to_dict(orient="index")["health_insurer"]
    assert own["cashable"] == ggz * 0.5
    assert own["non_cashable"] == savings - ggz * 0.5


def test_settlement_on_the_result(worked_cases: CaseTable) -> None:
    """v1 values as overrides, T1 applied (the insurer's 500 to itself cancels: its costs
    22,676.50). S1 over the three parties with a flow (care provider and rijk have none):
    C = 10,684.99 + 800 + 22,676.50 = 34,161.49, Σ s⁺ = 24,032.02. Municipality 10,684.99 −
    34,161.49 × 16,199.73/24,032.02 = −12,342.91; uwv 800 − 34,161.49 × 4,420.30/24,032.02 =
    −5,483.45; insurer 22,676.50 − 34,161.49 × 3,411.99/24,032.02 = +17,826.36. S3: S < C, so
    every proper coalition is worth 0 and the grand coalition −10,129.48; each party is last in
    2 of 6 orders: φ = −3,376.49 each."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    settlement = result.beyond.settlement
    assert settlement.parties == ("municipality", "uwv", "health_insurer")
    s1 = settlement.costs_follow_benefits
    assert s1 is not None
    assert s1["municipality"] == pytest.approx(-12342.91, abs=0.005)
    assert s1["uwv"] == pytest.approx(-5483.45, abs=0.005)
    assert s1["health_insurer"] == pytest.approx(17826.36, abs=0.005)
    assert abs(sum(s1.values())) < 1e-6
    for party in settlement.parties:
        assert settlement.shapley_value[party] == pytest.approx(-10129.48 / 3, abs=0.005)


def test_shapley_by_every_order_at_horizon_12(worked_cases: CaseTable) -> None:
    """Horizon 12 (S > C): φ by averaging the marginal worth over all 3! orders, v(K) =
    max(0, s(K) − C), v(all) = S − C; an enumeration independent of the engine's."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, 12)
    assert result.beyond is not None
    settlement = result.beyond.settlement
    parties = settlement.parties
    costs = sum(settlement.costs.values())

    def worth(members: frozenset[str]) -> float:
        savings = sum(settlement.savings[p] for p in members)
        return savings - costs if len(members) == len(parties) else max(0.0, savings - costs)

    orders = list(permutations(parties))
    for party in parties:
        total = 0.0
        for order in orders:
            before = frozenset(order[: order.index(party)])
            total += worth(before | {party}) - worth(before)
        assert settlement.shapley_value[party] == pytest.approx(total / len(orders))
        net = settlement.savings[party] - settlement.costs[party]
        assert settlement.shapley[party] == pytest.approx(total / len(orders) - net)


def test_settle_cashable(worked_cases: CaseTable) -> None:
    """``settle_cashable``: S1 divides the costs by cashable savings. Σ s⁺ = 14,534.26 +
    3,946.70 + 1,706.00 = 20,186.95; municipality 10,684.99 − 34,161.49 × 14,534.26/20,186.95
    = −13,910.69."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, settle_cashable=True)
    assert result.beyond is not None
    settlement = result.beyond.settlement
    assert settlement.basis == "cashable"
    s1 = settlement.costs_follow_benefits
    assert s1 is not None
    assert s1["municipality"] == pytest.approx(-13910.69, abs=0.005)
    assert abs(sum(s1.values())) < 1e-6


def test_a_national_file_gets_fewer_default_draws_and_a_warning(
    worked_cases: CaseTable, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a budget of 20,000 indices, 4 cases × 10,000 draws is too many: B = 20,000 // 4 =
    5,000 (above the floor of 1,000), and a warning names it. A B given by the caller is drawn
    in full, without a warning."""
    monkeypatch.setattr(bootstrap, "MAX_DEFAULT_INDICES", 20_000)
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None and result.beyond.bootstrap is not None
    assert result.beyond.bootstrap.draws == 5_000
    reduced = [w for w in result.warnings if w.code == "bootstrap_draws_reduced"]
    assert [w.params for w in reduced] == [{"draws": 5_000, "spec_draws": 10_000, "cases": 4}]
    assert "5000 in plaats van 10000" in issue_message(reduced[0], "nl").replace(".", "")
    given = calculate(worked_cases, v1_parameters(), PEILDATUM, bootstrap_draws=10_000)
    assert given.beyond is not None and given.beyond.bootstrap is not None
    assert given.beyond.bootstrap.draws == 10_000
    assert not [w for w in given.warnings if w.code == "bootstrap_draws_reduced"]


def test_default_draws_by_number_of_cases() -> None:
    """10^9 indices: 100,000 cases keep 10,000; 150,000 get 10^9 // 150,000 = 6,666;
    1,000,000 get 1,000; 5,000,000 would get 200 but the floor is 1,000."""
    assert bootstrap.default_draws(100_000) == 10_000
    assert bootstrap.default_draws(150_000) == 6_666
    assert bootstrap.default_draws(1_000_000) == 1_000
    assert bootstrap.default_draws(5_000_000) == 1_000


def test_bootstrap_in_the_result(worked_cases: CaseTable) -> None:
    """The Result's bootstrap is U1 on the case nets and durable flags, seed 42, 10,000 draws."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    direct = case_bootstrap(
        result.cases["net"].to_numpy(dtype="float64"),
        result.cases["durable"].to_numpy(dtype=bool),
    )
    assert result.beyond.bootstrap == direct
    assert direct is not None and direct.draws == 10_000 and direct.seed == 42
    low, high = direct.total_net
    assert low < result.totals.all.net < high


def test_plausibility_panel(worked_cases: CaseTable) -> None:
    """GGZ 3,411.99 over 2 placed = 1,706.00, 1.46× VGZ's 70,000/60 = 1,166.67: no warning.
    Welfare −13,070.07 / 4 participants = −3,267.52 beside the Danish −9,543 (2016 euros)."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    panel = result.beyond.plausibility.panel
    assert panel.at["ggz_per_placed", "ours"] == pytest.approx(1706.00, abs=0.005)
    assert panel.at["ggz_per_placed", "ratio"] == pytest.approx(1706.00 / (70000 / 60), abs=1e-5)
    assert not panel.at["ggz_per_placed", "warn"]
    assert panel.at["welfare_per_participant", "ours"] == pytest.approx(-3267.52, abs=0.005)
    assert panel.at["welfare_per_participant", "price_year"] == 2016
    assert result.beyond.plausibility.warnings == ()


def test_plausibility_warns_beyond_three_times(worked_cases: CaseTable) -> None:
    """GGZ reduction 100% where ggz_na is empty (V-02: 900 a month saved) and a 36-month
    projection → GGZ saving per placed person above 3 × 1,166.67: a warning in the result's
    warnings, not an error."""
    params = with_overrides(default_parameters(), {"mhc_reduction_when_working": 1.0}, "test")
    result = calculate(worked_cases, params, PEILDATUM, 36)
    assert result.beyond is not None
    panel = result.beyond.plausibility.panel
    assert float(panel["ratio"]["ggz_per_placed"]) > 3
    codes = [issue.code for issue in result.beyond.plausibility.warnings]
    assert codes == ["ggz_saving_implausible"]
    assert result.beyond.plausibility.warnings[0] in result.warnings
    message = issue_message(result.beyond.plausibility.warnings[0])
    assert "VGZ" in message and "€ 1.166,67" in message


def test_the_specs_check_figure_for_s1(worked_cases: CaseTable) -> None:
    """method-v2.md's example: the four cases, horizon 12, the v1 values as overrides, T1
    applied. Savings 47,513.15 / 4,420.30 / 11,232.45 (S = 63,165.89), costs 17,531.18 / 800 /
    22,676.50 (C = 41,007.68). Municipality 17,531.18 − 41,007.68 × 47,513.15/63,165.89 =
    −13,314.64; uwv 800 − 41,007.68 × 4,420.30/63,165.89 = −2,069.68; insurer 22,676.50 −
    41,007.68 × 11,232.45/63,165.89 = +15,384.33."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, 12)
    assert result.beyond is not None
    s1 = result.beyond.settlement.costs_follow_benefits
    assert s1 is not None
    assert s1["municipality"] == pytest.approx(-13314.64, abs=0.005)
    assert s1["uwv"] == pytest.approx(-2069.68, abs=0.005)
    assert s1["health_insurer"] == pytest.approx(15384.33, abs=0.005)
    assert abs(sum(s1.values())) < 1e-6
    assert result.beyond.payback.months["total"] == 12


def test_a_partys_monthly_items_are_summed_per_case_from_its_own_cells() -> None:
    """Two cases, two items. Case 1: benefit 100.00 (gemeente), wmo 40.00 (gemeente); case 2:
    benefit 70.00 (uwv), wmo 5.50 (gemeente). Gemeente per case: 140.00 and 5.50; UWV: 0 and
    70.00; the insurer owns nothing: 0 and 0. The same as the masked frame summed by row."""
    frame = pd.DataFrame({"benefit": [100.0, 70.0], "wmo": [40.0, 5.5]})
    payers = pd.DataFrame(
        {"benefit": ["municipality", "uwv"], "wmo": ["municipality", "municipality"]}
    )
    coded = payer_codes(payers)
    columns = ["benefit", "wmo"]
    assert _owned_sum(frame, coded, "municipality", columns).tolist() == [140.0, 5.5]
    assert _owned_sum(frame, coded, "uwv", columns).tolist() == [0.0, 70.0]
    assert _owned_sum(frame, coded, "health_insurer", columns).tolist() == [0.0, 0.0]
    masked = frame.where(payers == "municipality", 0.0).sum(axis=1)
    assert _owned_sum(frame, coded, "municipality", columns).tolist() == masked.tolist()
