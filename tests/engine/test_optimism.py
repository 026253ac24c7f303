"""The optimism-bias view on the worked example, horizon 0, by hand.

v1 values as overrides. Shares by the evidence grade of the parameter behind each amount: hard 0,
onderbouwd 0.15, aanname 0.40. Municipality: benefits given in the file (hard) 9,715.53 + 3,154.99;
administration (benefit_admin_cost_year, onderbouwd) 1,665.47 × 0.85 = 1,415.65; Wmo 1,663.74 →
savings 15,949.91. Costs: jobcoach (jobcoach_hour_rate, aanname) 4,629.04 × 1.40 = 6,480.66;
mediation 1,550 and wage subsidy 4,505.95 from the file → 12,536.61. Insurer: GGZ 2,339.63 and
−98.56 given, V-02's imputed (mhc_reduction_when_working, aanname since method v2, G1) 1,170.92 ×
0.60 = 702.55 → 2,943.62; counselling by hours (counselling_hour_rate, aanname) (2,670.60 +
4,005.90) × 1.40 = 9,347.10, per trajectory (hard) 2 × 8,000, its contribution 500 and the receipt
−500 (T1, hard) → 25,347.10.
"""

from __future__ import annotations

import pytest

from tests.conftest import PEILDATUM
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.write.json_document import result_to_dict


def test_off_by_default(worked_cases: CaseTable) -> None:
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None and result.beyond.optimism is None
    assert "optimism_bias" not in result_to_dict(result)


def test_optimism_bias_by_hand(worked_cases: CaseTable) -> None:
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, optimism_bias=True)
    assert result.beyond is not None
    view = result.beyond.optimism
    assert view is not None
    savings = 9715.53 + 3154.99 + 1665.47 * 0.85 + 1663.74
    costs = 4629.04 * 1.40 + 1550 + 4505.95
    assert view.at["municipality", "savings"] == pytest.approx(savings, abs=0.02)
    assert view.at["municipality", "costs"] == pytest.approx(costs, abs=0.02)
    assert view.at["health_insurer", "savings"] == pytest.approx(
        2339.63 - 98.56 + 1170.92 * 0.60, abs=0.02
    )
    insurer_costs = (2670.60 + 4005.90) * 1.40 + 2 * 8000 + 500 - 500
    assert view.at["health_insurer", "costs"] == pytest.approx(insurer_costs, abs=0.02)
    assert view.at["total", "net"] == pytest.approx(view.drop(index="total")["net"].sum())
    data = result_to_dict(result)["optimism_bias"]
    assert data["total"]["net"] == pytest.approx(view.at["total", "net"])
