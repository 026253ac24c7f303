"""The JSON document: schema keys, unrounded amounts, and nothing that is not data."""

from __future__ import annotations

import json

import pytest

from tests.conftest import PEILDATUM
from tests.paths import EXAMPLE
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.items import ITEM_IDS
from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.write import json_document
from werkzorg_calc.write.json_document import result_to_dict, result_to_json, to_json


def test_document_has_the_documented_keys(worked_cases: CaseTable) -> None:
    """Top-level, target, totals and case keys are exactly those of docs/json.md."""
    data = result_to_dict(calculate(worked_cases, v1_parameters(), PEILDATUM))
    assert list(data) == [
        "schema_version",
        "peildatum",
        "horizon_months",
        "source",
        "sources",
        "price_year",
        "price_factors",
        "parameters",
        "changed_parameters",
        "parameter_origins",
        "target",
        "stakeholders",
        "totals",
        "group_by",
        "groups",
        "welfare",
        "settlement",
        "payback_month",
        "cashable",
        "bootstrap",
        "plausibility",
        "cases",
        "gross",
        "common_horizon",
        "in_words",
        "imputed_share",
        "warnings",
        "provenance",
    ]
    assert data["peildatum"] == "2018-06-30"
    assert set(data["source"]) == {"file", "sha256", "sheet"}
    assert len(data["source"]["sha256"]) == 64
    parties = ["municipality", "uwv", "health_insurer", "care_provider", "rijk"]
    assert list(data["stakeholders"]) == parties
    # method-v2.md, JSON additions: the gross result, the common horizon, the imputed shares
    assert set(data["gross"]) == {"savings", "costs", "net", "benefit_cost_ratio", "stakeholders"}
    assert set(data["common_horizon"]) == {
        "months",
        "savings",
        "costs",
        "net",
        "benefit_cost_ratio",
        "stakeholders",
        "realised",
        "projected",
    }
    assert list(data["imputed_share"]) == parties
    assert set(data["imputed_share"]["health_insurer"]) == {"savings", "costs"}
    assert all(set(w) >= {"code", "message"} for w in data["warnings"])
    assert set(data["totals"]) == {
        "savings",
        "costs",
        "net",
        "benefit_cost_ratio",
        "net_per_participant",
        "net_per_placed",
        "realised",
        "projected",
    }
    case = data["cases"][0]
    assert list(case) == [
        "case_id",
        "municipality",
        "status",
        "work_months",
        "working_at_peildatum",
        "durable",
        "items",
        "savings",
        "costs",
        "net",
        "net_by_stakeholder",
        "imputed",
        "derived",
        "file",
        "row",
    ]
    assert list(case["items"]) == list(ITEM_IDS)


def test_amounts_are_unrounded_and_signed(worked_cases: CaseTable) -> None:
    """V-01's benefit is 1401.50 × 211 / 30.4375 in full precision; costs are negative items."""
    data = result_to_dict(calculate(worked_cases, v1_parameters(), PEILDATUM))
    v01 = data["cases"][0]
    assert v01["items"]["benefit"] == 1401.50 * (211 / 30.4375)
    assert v01["items"]["jobcoach"] == pytest.approx(-40 * 89.02)
    assert v01["costs"] == pytest.approx(11937.354825, abs=1e-6)
    assert data["cases"][1]["imputed"] == ["mhc_after", "counselling_hours"]
    assert data["cases"][3]["imputed"] == ["benefit_before", "counselling_hours"]
    target = data["target"]
    assert target["by_status"]["aan_het_werk"] == 2
    assert target["interval95"] == pytest.approx([0.0456, 0.6994], abs=5e-5)
    assert data["totals"]["net"] == pytest.approx(-10129.48, abs=0.005)


def test_json_text_round_trips_and_has_no_nan(worked_cases: CaseTable) -> None:
    """The text parses back to the same data; a null ratio is written as null."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert json.loads(result_to_json(result)) == result_to_dict(result)
    assert "NaN" not in result_to_json(result)


def test_each_case_has_its_municipality_and_its_split_per_stakeholder(
    worked_cases: CaseTable,
) -> None:
    """Hand-worked (worked-example.md): V-03's benefit 3,946.70 and administration 473.59 go to
    UWV, which pays the no-risk 800; the insurer pays counselling 4,005.90 and loses 98.56 of
    GGZ. V-04: counselling 8,000 (insurer), mediation 350 (municipality).
    """
    data = result_to_dict(calculate(worked_cases, v1_parameters(), PEILDATUM))
    v03, v04 = data["cases"][2], data["cases"][3]
    assert v03["municipality"] is None  # the worked example has no gemeente column
    assert v03["net_by_stakeholder"] == pytest.approx(
        {
            "municipality": 0.0,
            "uwv": 3946.70 + 473.59 - 800,
            "health_insurer": -98.56 - 4005.90,
            "care_provider": 0.0,
            "rijk": 0.0,
        },
        abs=0.01,
    )
    assert v04["net_by_stakeholder"] == pytest.approx(
        {
            "municipality": -350.0,
            "uwv": 0.0,
            "health_insurer": -8000.0,
            "care_provider": 0.0,
            "rijk": 0.0,
        }
    )
    for case in data["cases"]:
        assert sum(case["net_by_stakeholder"].values()) == pytest.approx(case["net"])


def test_the_municipality_is_in_the_json_of_the_example() -> None:
    """The bundled example names a gemeente per case: WBZ-001 is from Dordrecht."""
    result = calculate(load_cases(EXAMPLE, PEILDATUM), default_parameters(), PEILDATUM)
    first = result_to_dict(result)["cases"][0]
    assert (first["case_id"], first["municipality"]) == ("WBZ-001", "Dordrecht")


def test_the_text_is_what_json_dumps_writes(worked_cases: CaseTable) -> None:
    """orjson writes the document json.dumps(indent=2, ensure_ascii=False) writes, to the byte."""
    data = result_to_dict(calculate(worked_cases, default_parameters(), PEILDATUM, horizon=12))
    expected = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    assert to_json(data) == expected


def test_odd_values_read_back_as_json_dumps_wrote_them() -> None:
    """Tiny and huge doubles, non-ASCII text, empty containers: the same data read back."""
    data = {"a": [1e-05, 1e20, 0.1 + 0.2, -0.0, 12345678.9], "é": "Zoë € 5", "b": {}, "c": []}
    assert json.loads(to_json(data)) == json.loads(json.dumps(data, ensure_ascii=False))


def test_the_json_says_in_words_net_or_gross_price_level_and_period(
    worked_cases: CaseTable,
) -> None:
    """Issue 18's honest front page, in the JSON: the same sentences the reports show.

    With v1's values (deadweight 0) net equals gross: −10,129.48 both (T1 applied).
    """
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, 12)
    words = result_to_dict(result)["in_words"]
    assert words["result"].startswith("Netto resultaat na deadweight (0,00): € ")
    assert "Bruto resultaat (zonder deadweight)" in words["result"]
    assert words["price_level"] == "bedragen zoals opgegeven (eigen prijsjaar)"
    assert words["period"] == "gerealiseerd tot de peildatum + projectie 12 maanden"
    assert words["common_horizon"].startswith("Gemeenschappelijke horizon (24 mnd): € ")
    english = result_to_dict(result, lang="en")["in_words"]
    assert english["period"] == "realised up to the reference date + projection of 12 months"


@pytest.mark.parametrize("block", [1, 3, 10_000])
def test_the_cases_in_blocks_give_the_text_of_the_whole_document(
    worked_cases: CaseTable, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``result_to_json`` turns the cases into JSON a block at a time (four worked cases in
    blocks of one, three, or all at once) and puts them where the document's empty list was:
    the text is that of the whole dict, to the byte, and reads back with V-01 first."""
    monkeypatch.setattr(json_document, "JSON_BLOCK", block)
    result = calculate(worked_cases, default_parameters(), PEILDATUM, horizon=12)
    text = result_to_json(result)
    assert text == to_json(result_to_dict(result))
    cases = json.loads(text)["cases"]
    assert [case["case_id"] for case in cases] == ["V-01", "V-02", "V-03", "V-04"]


def test_a_result_without_cases_keeps_its_empty_list(worked_cases: CaseTable) -> None:
    """No case (every row of the table dropped): the document's "cases" stays []."""
    empty = CaseTable(worked_cases.frame.iloc[0:0], worked_cases.sources, ())
    result = calculate(empty, default_parameters(), PEILDATUM)
    text = result_to_json(result)
    assert text == to_json(result_to_dict(result))
    assert json.loads(text)["cases"] == []
