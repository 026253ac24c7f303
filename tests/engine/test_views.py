"""The sums per stakeholder that every view is built from, worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from werkzorg_calc.domain.items import COST_IDS, SAVING_IDS
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.engine.views import (
    case_stakeholder_sums,
    owned_by,
    payer_codes,
    stakeholder_item_sums,
    stakeholder_sums,
)

SAVING, COST = SAVING_IDS[0], COST_IDS[0]


def test_each_cell_counts_for_the_stakeholder_who_pays_it() -> None:
    """Three cases. Saving: 1,401.50 (gemeente), 2,002.13 (uwv), 500.00 (gemeente); cost:
    −650.00 (gemeente), −800.00 (uwv), −120.25 (zorgverzekeraar).
    Gemeente: savings 1,401.50 + 500.00 = 1,901.50, costs 650.00, net 1,251.50.
    UWV: 2,002.13 − 800.00 = 1,202.13. Insurer: 0 − 120.25 = −120.25. Rijk and GGZ: 0."""
    amounts = pd.DataFrame({SAVING: [1401.50, 2002.13, 500.0], COST: [-650.0, -800.0, -120.25]})
    payers = pd.DataFrame(
        {
            SAVING: ["municipality", "uwv", "municipality"],
            COST: ["municipality", "uwv", "health_insurer"],
        }
    )
    sums = stakeholder_sums(amounts, payers, "realised_")
    assert list(sums.loc["municipality"]) == pytest.approx([1901.50, 650.0, 1251.50])
    assert list(sums.loc["uwv"]) == pytest.approx([2002.13, 800.0, 1202.13])
    assert list(sums.loc["health_insurer"]) == pytest.approx([0.0, 120.25, -120.25])
    assert list(sums.loc["rijk"]) == [0.0, 0.0, 0.0]
    assert list(sums.loc["care_provider"]) == [0.0, 0.0, 0.0]
    assert list(sums.columns) == ["realised_savings", "realised_costs", "realised_net"]
    # Totals are the sum of their parts: every euro lands with exactly one stakeholder.
    assert sums["realised_net"].sum() == pytest.approx(1401.50 + 2002.13 + 500 - 1570.25)


def test_each_item_per_stakeholder_adds_up_to_the_stakeholders_net() -> None:
    """The same three cases, item by item. Gemeente: saving 1,401.50 + 500.00 = 1,901.50,
    cost −650.00. UWV: saving 2,002.13, cost −800.00. Insurer: saving 0, cost −120.25. Rijk
    and GGZ: nothing. Each row adds up to that party's net (1,251.50; 1,202.13; −120.25), and a
    cell without a payer (the 40.00 of case 4) lands in no row."""
    amounts = pd.DataFrame(
        {SAVING: [1401.50, 2002.13, 500.0, 40.0], COST: [-650.0, -800.0, -120.25, 0.0]}
    )
    payers = pd.DataFrame(
        {
            SAVING: ["municipality", "uwv", "municipality", None],
            COST: ["municipality", "uwv", "health_insurer", "uwv"],
        },
        dtype=object,
    )
    items = stakeholder_item_sums(amounts, payers)
    assert list(items.index) == list(STAKEHOLDERS)
    assert list(items.columns) == [SAVING, COST]
    assert list(items.loc["municipality"]) == pytest.approx([1901.50, -650.0])
    assert list(items.loc["uwv"]) == pytest.approx([2002.13, -800.0])
    assert list(items.loc["health_insurer"]) == pytest.approx([0.0, -120.25])
    assert list(items.loc["rijk"]) == [0.0, 0.0]
    assert list(items.loc["care_provider"]) == [0.0, 0.0]
    sums = stakeholder_sums(amounts, payers)
    # The same bincount sums: savings and costs are each party's items of that kind summed
    # (to the bit), the row's total its net (to rounding: the items are added in another order).
    assert sums["savings"].tolist() == items[[SAVING]].sum(axis=1).tolist()
    assert sums["costs"].tolist() == (0.0 - items[[COST]].sum(axis=1)).tolist()
    assert items.sum(axis=1).tolist() == pytest.approx(sums["net"].tolist(), abs=1e-9)
    assert items.to_numpy().sum() == pytest.approx(1401.50 + 2002.13 + 500 - 1570.25)


def test_no_costs_show_as_zero_not_minus_zero() -> None:
    """A stakeholder with nothing has costs 0.0, not −0.0 (which would print as € -0,00)."""
    amounts = pd.DataFrame({SAVING: [10.0], COST: [0.0]})
    payers = pd.DataFrame({SAVING: ["uwv"], COST: ["uwv"]})
    sums = stakeholder_sums(amounts, payers)
    assert str(sums.loc["municipality", "costs"]) == "0.0"
    assert str(sums.loc["uwv", "costs"]) == "0.0"


def test_each_case_nets_per_stakeholder_and_coded_payers_give_the_same_sums() -> None:
    """The same three cases. Case 1: gemeente 1,401.50 − 650.00 = 751.50. Case 2: uwv
    2,002.13 − 800.00 = 1,202.13. Case 3: gemeente 500.00, insurer −120.25. The payers coded
    once (as ``calculate`` does) give the same stakeholder sums as the names, and a view whose
    columns come in another order still sends each item to its own payer."""
    amounts = pd.DataFrame({SAVING: [1401.50, 2002.13, 500.0], COST: [-650.0, -800.0, -120.25]})
    payers = pd.DataFrame(
        {
            SAVING: ["municipality", "uwv", "municipality"],
            COST: ["municipality", "uwv", "health_insurer"],
        }
    )
    per_case = case_stakeholder_sums(amounts, payers)
    assert list(per_case.columns) == list(STAKEHOLDERS)
    assert per_case["municipality"].tolist() == pytest.approx([751.50, 0.0, 500.0])
    assert per_case["uwv"].tolist() == pytest.approx([0.0, 1202.13, 0.0])
    assert per_case["health_insurer"].tolist() == pytest.approx([0.0, 0.0, -120.25])
    coded = payer_codes(payers)
    pd.testing.assert_frame_equal(
        stakeholder_sums(amounts, coded), stakeholder_sums(amounts, payers)
    )
    reordered = stakeholder_sums(amounts[[COST, SAVING]], coded)
    assert reordered.at["uwv", "costs"] == pytest.approx(800.0)
    assert reordered.at["health_insurer", "costs"] == pytest.approx(120.25)
    assert reordered.at["municipality", "savings"] == pytest.approx(1901.50)


def test_a_cell_without_a_payer_counts_for_no_stakeholder() -> None:
    """A benefit of type geen has no payer (None): its 300.00 lands with nobody, the 50.00
    cost with UWV."""
    amounts = pd.DataFrame({SAVING: [300.0], COST: [-50.0]})
    payers = pd.DataFrame({SAVING: [None], COST: ["uwv"]}, dtype=object)
    sums = stakeholder_sums(amounts, payers)
    assert sums["savings"].sum() == 0.0
    assert sums.at["uwv", "costs"] == pytest.approx(50.0)
    assert case_stakeholder_sums(amounts, payers).sum(axis=1).tolist() == pytest.approx([-50.0])


def test_payer_codes_are_one_byte_and_the_same_name_has_one_code_in_every_column() -> None:
    """Coded column by column: "uwv" first appears in the second column but must get the same
    code there as in the first; a cell without a payer gets the last slot (len(names) = 2)."""
    payers = pd.DataFrame(
        {SAVING: ["municipality", None, "uwv"], COST: ["uwv", "uwv", "municipality"]},
        dtype=object,
    )
    coded = payer_codes(payers)
    assert coded.codes.dtype == "uint8"
    assert coded.names == ("municipality", "uwv")
    assert coded.codes.tolist() == [[0, 1], [2, 1], [1, 0]]


def test_owned_by_marks_a_partys_cells_by_column_name() -> None:
    """The same three cases: the municipality owns the first case's saving and the third
    case's cost; asked in the other column order, the marks move with the columns; a party
    that pays nothing (the insurer) owns no cell; a cell without a payer belongs to nobody."""
    payers = pd.DataFrame(
        {SAVING: ["municipality", None, "uwv"], COST: ["uwv", "uwv", "municipality"]},
        dtype=object,
    )
    coded = payer_codes(payers)
    assert owned_by(coded, [SAVING, COST], "municipality").tolist() == [
        [True, False],
        [False, False],
        [False, True],
    ]
    assert owned_by(coded, [COST, SAVING], "municipality").tolist() == [
        [False, True],
        [False, False],
        [True, False],
    ]
    assert owned_by(coded, [SAVING, COST], "uwv").sum() == 3
    assert not owned_by(coded, [SAVING, COST], "health_insurer").any()
    assert (owned_by(coded, [SAVING, COST], "uwv") == (payers.to_numpy() == "uwv")).all()
