"""Explanations of one case and of one line item: amounts straight from the Result, inputs
located in the source file, parameters with their sources, and the hand-worked example."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.paths import EXAMPLE
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.items import ITEM_IDS
from werkzorg_calc.domain.parameters import parameter_info, with_overrides
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.explain import explain_case, explain_item, explanation_to_dict
from werkzorg_calc.engine.explanation import ExplainError
from werkzorg_calc.engine.trace import MONTHLY_IDS
from werkzorg_calc.read.cases import load_cases

PEILDATUM = date(2018, 6, 30)
CENT = 0.005


@pytest.fixture
def projected(worked_cases: CaseTable) -> Result:
    """The worked example with a 12-month projection."""
    return calculate(worked_cases, v1_parameters(), PEILDATUM, 12)


def test_every_amount_is_the_results_own_number(projected: Result, worked_cases: CaseTable) -> None:
    """For every case and item the explained amounts are exactly result.items/realised/projected."""
    for index, case_id in zip(projected.cases.index, projected.cases["case_id"], strict=True):
        explanation = explain_case(projected, worked_cases, str(case_id))
        assert [item.item for item in explanation.items] == list(ITEM_IDS)
        for item in explanation.items:
            assert item.amount == projected.items.at[index, item.item]
            assert item.realised == projected.realised.at[index, item.item]
            assert item.projected == projected.projected.at[index, item.item]
        assert explanation.net == projected.cases.at[index, "net"]


def test_the_shown_intermediates_multiply_back_to_the_amount(
    projected: Result, worked_cases: CaseTable
) -> None:
    """Per month × (work months + Σ q^m) gives each monthly item's amount for every case."""
    for case_id in projected.cases["case_id"]:
        for item in explain_case(projected, worked_cases, str(case_id)).items:
            if item.item not in MONTHLY_IDS:
                assert item.monthly is None
                continue
            assert item.monthly is not None and item.work_months is not None
            assert item.projection_factor is not None
            months = item.work_months + item.projection_factor
            assert item.monthly * months == pytest.approx(item.amount, rel=1e-12, abs=1e-9)


def test_v01_benefit_by_hand(worked_cases: CaseTable) -> None:
    """V-01's benefit: (1401.50 − 0) × 211/30.4375 = 9,715.53 for the municipality, cells G2/H2."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    benefit = explain_case(result, worked_cases, "V-01", items=["benefit"]).items[0]
    assert benefit.amount == pytest.approx(9715.53, abs=CENT)
    assert benefit.stakeholder == "municipality"
    assert benefit.formula_symbols == (
        "(uitkering_voor − uitkering_na) × (1 − deadweight) × werkmaanden"
    )
    assert benefit.calculation == "(€ 1.401,50 − € 0,00) × (1 − 0) × 6,932238 = € 9.715,53"
    cells = {use.header: (use.cell, use.given) for use in benefit.inputs}
    assert cells == {
        "uitkering_voor": ("G2", 1401.5),
        "uitkering_na": ("H2", 0.0),
        "uitkering_soort": ("I2", "participatiewet"),
    }
    assert benefit.work_months == pytest.approx(211 / 30.4375)
    assert [use.key for use in benefit.parameters] == ["deadweight"]


def test_v02_says_what_was_imputed_and_cites_the_parameter(worked_cases: CaseTable) -> None:
    """V-02's empty ggz_na is 900 × 0.55 = 495 and the note names mhc_reduction_when_working."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    care, counselling = explain_case(
        result, worked_cases, "V-02", items=["mental_health_care", "counselling"]
    ).items
    after = next(use for use in care.inputs if use.field == "mhc_after")
    assert (after.cell, after.given, after.imputed) == ("M3", None, True)
    assert after.used == pytest.approx(495.0)
    assert after.note is not None and "mhc_reduction_when_working" in after.note
    assert care.imputed == ("mhc_after",)
    assert care.amount == pytest.approx(1170.92, abs=CENT)
    reduction = next(p for p in care.parameters if p.key == "mhc_reduction_when_working")
    info = parameter_info()["mhc_reduction_when_working"]
    assert (reduction.value, reduction.price_year, reduction.source) == (
        0.45,
        info.price_year,
        info.source,
    )
    assert reduction.origin == "Python"  # the v1 value, set as an override
    assert counselling.amount == -8000.0
    assert [p.key for p in counselling.parameters] == [
        "counselling_cost_per_trajectory",
        "payers.counselling",
    ]
    assert counselling.calculation == "− € 8.000,00 = € -8.000,00"


def test_cell_references_point_at_the_cells_in_the_workbook() -> None:
    """Every input's Casussen!XN reference holds, in the example workbook, the value explained."""
    cases = load_cases(EXAMPLE, PEILDATUM)
    result = calculate(cases, v1_parameters(), PEILDATUM)
    book = openpyxl.load_workbook(EXAMPLE, data_only=True)
    checked = 0
    for case_id in result.cases["case_id"].tolist()[:6]:
        explanation = explain_case(result, cases, case_id)
        uses = [use for item in explanation.items for use in item.inputs]
        for use in [*explanation.timeline, *uses]:
            assert use.cell is not None and use.cell.startswith("Casussen!")
            sheet, cell = use.cell.split("!")
            value = book[sheet][cell].value
            if use.field in {"status", "benefit_type"} and value is not None:
                value = str(value).strip().lower().replace(" ", "_")
            if isinstance(value, int | float) and not isinstance(value, bool):
                value = float(value)
            if hasattr(value, "date"):
                value = value.date()
            assert value == use.given, (case_id, use.cell)
            checked += 1
    assert checked > 100


def test_item_across_cases_by_hand(worked_cases: CaseTable) -> None:
    """GGZ over all cases: 2,339.63 + 1,170.92 − 98.56 + 0 = 3,411.99, all the insurer's."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    explanation = explain_item(result, worked_cases, "mental_health_care")
    amounts = [case.amount for case in explanation.cases]
    assert amounts == result.items["mental_health_care"].tolist()
    assert amounts == pytest.approx([2339.63, 1170.92, -98.56, 0.0], abs=CENT)
    assert explanation.total == pytest.approx(3411.99, abs=CENT)
    assert explanation.by_stakeholder["health_insurer"] == pytest.approx(3411.99, abs=CENT)
    assert explanation.by_stakeholder["municipality"] == 0.0
    assert [p.key for p in explanation.parameters] == ["deadweight", "mhc_reduction_when_working"]
    assert [case.case_id for case in explanation.cases] == ["V-01", "V-02", "V-03", "V-04"]


def test_the_benefit_of_a_wia_case_goes_to_uwv(worked_cases: CaseTable) -> None:
    """V-03 (wia) saves 2002.13 × 1.971253 = 3,946.70 for UWV; its administration 473.59."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    explanation = explain_item(result, worked_cases, "benefit")
    v03 = explanation.cases[2]
    assert (v03.case_id, v03.stakeholder) == ("V-03", "uwv")
    assert v03.amount == pytest.approx(3946.70, abs=CENT)
    assert explanation.by_stakeholder["uwv"] == pytest.approx(3946.70, abs=CENT)


def test_projection_months_with_retention_and_discounting(
    projected: Result, worked_cases: CaseTable
) -> None:
    """V-01 projects 12 months: S(12) = 0.80, D(12) = 1/1.0225, Σ q^m = 10.532600."""
    projection = explain_case(projected, worked_cases, "V-01").projection
    assert projection is not None
    assert (projection.months, projection.capped_by_job_end) == (12, False)
    assert projection.factor == pytest.approx(10.532600, abs=5e-7)
    last = projection.steps[-1]
    assert last.survival == pytest.approx(0.80)
    assert last.discount == pytest.approx(1 / 1.0225)
    assert sum(step.weight for step in projection.steps) == pytest.approx(projection.factor)
    assert explain_case(projected, worked_cases, "V-03").projection is None  # not working


def test_price_year_indexing_is_stated(worked_cases: CaseTable) -> None:
    """With --price-year the input is shown as given, the indexed value as used, with its factor."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, price_year=2024)
    factor = result.price_factors["cases"]
    benefit = explain_case(result, worked_cases, "V-01", items=["benefit"]).items[0]
    before = benefit.inputs[0]
    assert before.given == 1401.5
    assert before.used == 1401.5 * factor
    assert before.note is not None and "prijsfactor" in before.note
    assert benefit.amount == result.items.at[0, "benefit"]


def test_an_override_names_its_origin(worked_cases: CaseTable) -> None:
    """A changed jobcoach rate shows its value and where it was set."""
    params = with_overrides(v1_parameters(), {"jobcoach_hour_rate": 95.0}, "mijn scenario")
    result = calculate(worked_cases, params, PEILDATUM)
    jobcoach = explain_case(result, worked_cases, "V-01", items=["jobcoach"]).items[0]
    rate = jobcoach.parameters[0]
    assert (rate.key, rate.value, rate.origin) == ("jobcoach_hour_rate", 95.0, "Python")
    assert jobcoach.amount == -40 * 95.0


def test_unknown_case_and_item_are_clear_errors(worked_cases: CaseTable) -> None:
    """An unknown case id suggests a close one; an unknown item lists the items there are."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    with pytest.raises(
        ExplainError, match=r"casus 'V-1' staat niet in het bestand; bedoelt u V-01"
    ):
        explain_case(result, worked_cases, "V-1")
    with pytest.raises(ExplainError, match="onbekende post 'zorg'; kies uit: benefit, "):
        explain_item(result, worked_cases, "zorg")
    # The Dutch name of an item is that item.
    assert explain_item(result, worked_cases, "ggz") == explain_item(
        result, worked_cases, "mental_health_care"
    )


def test_a_bsn_asked_for_is_never_repeated(worked_cases: CaseTable) -> None:
    """A requested id that passes the 11-proef is not echoed in the message."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    with pytest.raises(ExplainError) as caught:
        explain_case(result, worked_cases, "123456782")
    assert "123456782" not in str(caught.value)
    assert "BSN" in str(caught.value)


def test_a_table_from_another_run_is_refused(worked_cases: CaseTable, tmp_path: Path) -> None:
    """Explaining with a case table the result was not made from is a programming error."""
    other = tmp_path / "ander.csv"
    other.write_text("casus_id;status;start_traject\nX-1;aangemeld;2018-01-01\n", encoding="utf-8")
    result = calculate(load_cases(other, PEILDATUM), v1_parameters(), PEILDATUM)
    with pytest.raises(ValueError, match="not the one this result was calculated from"):
        explain_item(result, worked_cases, "benefit")


def test_the_json_document_is_plain_data(projected: Result, worked_cases: CaseTable) -> None:
    """The explanation converts to JSON: dates as ISO text, the amounts unrounded."""
    document = explanation_to_dict(explain_case(projected, worked_cases, "V-01"))
    data = json.loads(json.dumps(document, allow_nan=False))
    assert (data["schema_version"], data["kind"]) == (1, "case")
    case = data["case"]
    assert case["peildatum"] == "2018-06-30"
    assert case["timeline"][2] == {
        "field": "job_start",
        "header": "start_werk",
        "cell": "D2",
        "given": "2017-12-01",
        "used": "2017-12-01",
        "imputed": False,
        "note": None,
    }
    assert case["items"][0]["amount"] == projected.items.at[0, "benefit"]
    assert len(case["projection"]["steps"]) == 12


def test_english_labels(worked_cases: CaseTable) -> None:
    """With lang="en" the labels, symbols and notes are English; the numbers are the same."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    care = explain_case(result, worked_cases, "V-02", items=["mental_health_care"], lang="en")
    item = care.items[0]
    assert item.label == "Mental-health care saved"
    assert item.formula_symbols == "(mhc_before − mhc_after) × (1 − deadweight) × work_months"
    assert item.calculation == "(€ 900.00 − € 495.00) × (1 − 0) × 2.89117 = € 1,170.92"
