"""The welfare view (M1) on the worked example, horizon 0, worked out by hand.

Wages (no ``brutoloon_pm``, so the fallback WML(day) × hours / 38 × 1.08, summed per day):
- V-01, 24 h, 2017-12-01 … 2018-06-29: 31 days at 1,565.40 and 180 days at 1,578.00:
  (31 × 1,565.40 + 180 × 1,578.00) / 30.4375 × 24/38 × 1.08 = 7,452.85
- V-02, 16 h, 2018-04-03 … 2018-06-29: 88 days at 1,578.00 → 88 × 1,578 / 30.4375 × 16/38 × 1.08
  = 2,074.63
- V-03, hours empty → 12 (imputed), 2018-01-08 … 2018-03-08: 60 days at 1,578.00 → 1,060.89
Σ net wage (= gross) 10,588.37; employer charges 0.235 × 10,588.37 = 2,488.27 (to rijk).
Benefit not paid: participant → municipality 9,715.53 + 3,154.99 = 12,870.52; → uwv 3,946.70.
Wage subsidy municipality → employer 650 × 6.932238 = 4,505.95; no-risk uwv → employer 800.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from tests.conftest import PEILDATUM
from tests.v1 import v1_parameters
from werkzorg_calc.domain.beyond import IdentityError
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine import welfare as welfare_module
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.welfare import welfare_view

V01 = (31 * 1565.40 + 180 * 1578.00) / 30.4375 * 24 / 38 * 1.08
V02 = 88 * 1578.00 / 30.4375 * 16 / 38 * 1.08
V03 = 60 * 1578.00 / 30.4375 * 12 / 38 * 1.08
WAGE = V01 + V02 + V03
MONTHS_V01 = 211 / 30.4375


@pytest.fixture
def result(worked_cases: CaseTable) -> Result:
    return calculate(worked_cases, v1_parameters(), PEILDATUM)


def _ledger(result: Result) -> dict[tuple[str, str, str], float]:
    assert result.beyond is not None
    frame = result.beyond.welfare.transfers
    return {
        (str(a), str(b), str(c)): float(d)
        for a, b, d, c in frame[["from", "to", "amount", "label"]].itertuples(index=False)
    }


def test_the_wage_by_hand() -> None:
    """The three sums of the docstring, each to the cent."""
    assert round(V01, 2) == 7452.85
    assert round(V02, 2) == 2074.63
    assert round(V03, 2) == 1060.89


def test_transfer_ledger(result: Result) -> None:
    """Every transfer of the docstring, payer to receiver, and nothing else."""
    ledger = _ledger(result)
    assert ledger == pytest.approx(
        {
            ("participant", "municipality", "benefit"): 1401.50 * MONTHS_V01
            + 1091.25 * 88 / 30.4375,
            ("participant", "uwv", "benefit"): 2002.13 * 60 / 30.4375,
            ("employer", "participant", "net_wage"): WAGE,
            ("employer", "rijk", "employer_charges"): 0.235 * WAGE,
            ("municipality", "employer", "wage_subsidy"): 650 * MONTHS_V01,
            ("uwv", "employer", "no_risk"): 800.0,
            ("health_insurer", "health_insurer", "insurer_contribution"): 500.0,
        }
    )
    assert ledger[("participant", "municipality", "benefit")] == pytest.approx(12870.52, abs=0.01)


def test_actors_and_the_identity(result: Result) -> None:
    """Σ transfers = 0; the participant loses the benefit and gains the wage; the employer keeps
    only the no-risk receipt (production − wage − charges + subsidy); rijk gets the charges.

    Real effects: production 1.235 × 10,588.37 − 4,505.95 = 8,570.68; administration 1,665.47 +
    473.59; Wmo 1,663.74; GGZ 3,411.99; counselling −22,676.50; jobcoach −4,629.04 (40 + 12 h ×
    89.02); mediation −1,550. Total −13,070.07, equal to Σ actors' net.
    """
    assert result.beyond is not None
    welfare = result.beyond.welfare
    actors = welfare.actors
    assert abs(welfare.transfer_identity) < 1e-6
    assert list(actors.index) == [
        "municipality",
        "rijk",
        "uwv",
        "health_insurer",
        "care_provider",
        "participant",
        "employer",
    ]
    benefit = 12870.521561 + 3946.703901
    assert actors.at["participant", "net"] == pytest.approx(WAGE - benefit, abs=1e-4)
    assert actors.at["employer", "net"] == pytest.approx(800.0)
    assert actors.at["rijk", "net"] == pytest.approx(0.235 * WAGE)
    production = 1.235 * WAGE - 650 * MONTHS_V01
    assert production == pytest.approx(8570.68, abs=0.005)
    assert actors.at["employer", "real"] == pytest.approx(production)
    # The business case's own nets return where only real effects and benefit flows land.
    assert actors.at["municipality", "net"] == pytest.approx(5514.73, abs=0.005)
    assert actors.at["uwv", "net"] == pytest.approx(3620.30, abs=0.005)
    # The insurer's contribution to itself cancels: its welfare net is savings − counselling.
    assert actors.at["health_insurer", "net"] == pytest.approx(3411.99 - 22676.50, abs=0.005)
    total = production + 1665.47 + 473.59 + 1663.74 + 3411.99 - 22676.50 - 4629.04 - 1550.00
    assert welfare.total == pytest.approx(total, abs=0.02)
    assert welfare.total == pytest.approx(-13070.07, abs=0.005)
    assert actors["net"].sum() == pytest.approx(welfare.total)
    assert welfare.wage_imputed.tolist() == [True, True, True, False]


def test_the_wage_by_pieces_of_cases(result: Result, monkeypatch: pytest.MonkeyPatch) -> None:
    """A national file takes the WML overlap a piece of cases at a time: with one case per piece
    the net wage is still V-01 + V-02 + V-03 = 7,452.85 + 2,074.63 + 1,060.89 = 10,588.37."""
    monkeypatch.setattr(welfare_module, "CHUNK_CASES", 1)
    welfare = welfare_view(result)
    wage = welfare.transfers.set_index("label").at["net_wage", "amount"]
    assert wage == pytest.approx(10588.37, abs=0.005)
    assert wage == pytest.approx(WAGE)


def test_wage_from_the_case_file(result: Result) -> None:
    """With ``brutoloon_pm`` 2,000 for V-01, its wage is 2,000 × 6.932238 and not imputed."""
    gross = pd.Series([2000.0, np.nan, np.nan, np.nan], index=result.cases.index)
    welfare = welfare_view(result, gross)
    wage = welfare.transfers.set_index("label").at["net_wage", "amount"]
    assert wage == pytest.approx(2000 * MONTHS_V01 + V02 + V03)
    assert welfare.wage_imputed.tolist() == [False, True, True, False]


def test_a_lost_transfer_is_an_internal_error(result: Result) -> None:
    """A transfer whose payer is no actor would leave Σ ≠ 0: an error, never a figure."""
    payers = result.payers.copy()
    payers["wage_subsidy"] = "nobody"
    broken = dataclasses.replace(result, payers=payers)
    with pytest.raises(IdentityError):
        welfare_view(broken)


def test_net_wage_from_the_case_file(result: Result) -> None:
    """With ``brutoloon_pm`` 2,000 and ``netto_loon_pm`` 1,600 for V-01: the participant gets
    1,600 × 6.932238 = 11,091.58 from V-01, and 400 × 6.932238 = 2,772.90 (wage tax and employee
    premiums) goes employer → rijk; the identity still holds."""
    gross = pd.Series([2000.0, np.nan, np.nan, np.nan], index=result.cases.index)
    net = pd.Series([1600.0, np.nan, np.nan, np.nan], index=result.cases.index)
    welfare = welfare_view(result, gross, net)
    ledger = welfare.transfers.set_index("label")["amount"]
    assert ledger["net_wage"] == pytest.approx(1600 * MONTHS_V01 + V02 + V03)
    assert ledger["wage_tax"] == pytest.approx(400 * MONTHS_V01)
    assert round(400 * MONTHS_V01, 2) == 2772.90
    assert abs(welfare.transfer_identity) < 1e-6
