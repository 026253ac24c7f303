"""Parameters: sourced defaults, provenance for every key, and overrides that name their origin.

The defaults are checked against the project's reference values
(``shared/domain/reference-values.csv``). When that folder sits beside the repository (on the
team's machines and in CI) it is read directly, so a change on either side shows up as a failing
test; a fresh clone without it uses the copy in ``tests/data`` (a test keeps the copy in step).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.paths import SHARED
from werkzorg_calc.domain.errors import ParameterError
from werkzorg_calc.domain.parameters import (
    Override,
    Parameters,
    ParameterSet,
    apply_overrides,
    default_parameters,
    default_set,
    parameter_info,
    with_overrides,
)
from werkzorg_calc.text.issues import error_messages

SHARED_REFERENCE = SHARED / "domain" / "reference-values.csv"
BUNDLED_REFERENCE = Path(__file__).parent / "data" / "reference-values.csv"
REFERENCE_VALUES = SHARED_REFERENCE if SHARED_REFERENCE.exists() else BUNDLED_REFERENCE


def test_bundled_reference_values_match_the_shared_ones() -> None:
    """The copy in tests/data is the shared file, byte for byte, wherever both exist."""
    if SHARED_REFERENCE.exists():
        assert BUNDLED_REFERENCE.read_bytes() == SHARED_REFERENCE.read_bytes()
    else:
        assert BUNDLED_REFERENCE.stat().st_size > 0


EVIDENCE_GRADES = {"hard", "onderbouwd", "aanname"}

# Parameter key -> key of the same quantity in the reference values.
CORRESPONDING = {
    "benefit_admin_cost_year": "benefit_admin_cost_year",
    "jobcoach_hour_rate": "jobcoach_hour_rate",
    "counselling_cost_per_trajectory": "ips_trajectory_cost",
    "discount_rate": "discount_rate_mkba",
    "target_share": "pilot_target_share",
}

# One out-of-range or invalid value per kind of constraint.
BAD_VALUES: list[tuple[str, object]] = [
    ("deadweight", 1.5),
    ("discount_rate", -0.1),
    ("target_basis", "iets"),
    ("payers.counselling", "bakker"),
]


def reference_values() -> dict[str, float]:
    """The numeric reference values keyed by their ``key`` column."""
    with REFERENCE_VALUES.open(encoding="utf-8", newline="") as handle:
        return {row["key"]: float(row["value"]) for row in csv.DictReader(handle)}


def only_problem(overrides: list[Override]) -> str:
    """Apply ``overrides`` to the defaults and return the single problem reported."""
    with pytest.raises(ParameterError) as caught:
        apply_overrides(default_set(), overrides)
    assert len(error_messages(caught.value)) == 1, error_messages(caught.value)
    return error_messages(caught.value)[0]


@pytest.mark.parametrize(("key", "reference_key"), sorted(CORRESPONDING.items()))
def test_default_equals_the_reference_value(key: str, reference_key: str) -> None:
    """Each default with a counterpart in the reference values has exactly that value."""
    expected = reference_values()[reference_key]
    assert default_parameters().flat()[key] == pytest.approx(expected, abs=1e-9)


def test_the_reference_values_spelled_out() -> None:
    """The defaults that matter most, written out so a silent CSV edit on both sides fails."""
    defaults = default_parameters()
    # v2: no fixed benefit (the dated norm, L1), no single payer of the trajectory (C1)
    assert defaults.benefit_default_month is None
    assert defaults.payers.counselling is None
    assert defaults.benefit_admin_cost_year == 2883
    assert defaults.jobcoach_hour_rate == 89.02
    assert defaults.counselling_cost_per_trajectory == 8000
    # G1: Christensen et al. 2021 (−20.4%, not significant); VGZ's 0.45 is the upper bound
    assert defaults.mhc_reduction_when_working == 0.20
    assert parameter_info()["mhc_reduction_when_working"].high == "0.45"
    # N1: the SCION trial, 25% usual support against 44% IPS: 0.25 / 0.44 = 0.568182
    assert defaults.deadweight == pytest.approx(0.25 / 0.44, abs=1e-6)
    assert defaults.horizon_months_common == 24
    assert defaults.discount_rate == 0.0225
    assert defaults.target_share == 0.5


def test_retention_is_the_cbs_18_month_share_per_year() -> None:
    """R1: 72% still in work and 91% still off bijstand after 18 months, as yearly rates.

    0.72^(12/18) = 0.80332 (work); 0.91^(12/18) = 0.939062 (benefit). retention_per_year is
    empty: set, it replaces both (v1's single curve of 0.80).
    """
    share_18_months = reference_values()["retention_18_months"]
    assert share_18_months == 0.72
    defaults = default_parameters()
    assert defaults.retention_per_year is None
    assert defaults.retention_work == pytest.approx(0.72 ** (12 / 18), abs=1e-5)
    assert defaults.retention_benefit == pytest.approx(0.91 ** (12 / 18), abs=1e-6)
    both = with_overrides(defaults, {"retention_per_year": 0.8}, "v1")
    assert (both.retention_work, both.retention_benefit) == (0.8, 0.8)


def test_counterfactual_and_programme_rate_give_the_deadweight() -> None:
    """N1's alternative input: deadweight = counterfactual_rate / programme_rate."""
    params = with_overrides(
        default_parameters(), {"counterfactual_rate": 0.25, "programme_rate": 0.5}, "t"
    )
    assert params.effective_deadweight == 0.5
    with pytest.raises(ParameterError):
        with_overrides(default_parameters(), {"counterfactual_rate": 0.25}, "t")


def test_every_default_has_a_source_and_a_grade() -> None:
    """werkzorg params: every default names its source and one of the three grades."""
    for key, info in parameter_info().items():
        assert info.source.strip(), key
        assert info.evidence in {"hard", "onderbouwd", "aanname"}, key


def test_every_parameter_has_provenance() -> None:
    """Every key of flat() has a unit, price year, evidence grade, source and description."""
    info = parameter_info()
    for key in default_parameters().flat():
        assert key in info, key
        meta = info[key]
        assert meta.key == key
        assert meta.unit.strip(), key
        assert 2000 <= meta.price_year <= 2030, key
        assert meta.evidence in EVIDENCE_GRADES, key
        assert meta.source.strip(), key
        assert meta.description.strip(), key


def test_provenance_lists_no_unknown_keys() -> None:
    """The provenance table describes exactly the parameters there are, no more."""
    assert set(parameter_info()) == set(default_parameters().flat())


def test_numeric_defaults_lie_within_their_stated_range() -> None:
    """Where a plausible range is given, the default lies inside it."""
    values = default_parameters().flat()
    for key, meta in parameter_info().items():
        if meta.low and meta.high:
            assert float(meta.low) <= float(values[key]) <= float(meta.high), key


def test_default_set_has_no_origins() -> None:
    """The defaults on their own were set by nobody and differ from nothing."""
    defaults = default_set()
    assert defaults.values == default_parameters()
    assert defaults.origins == {}
    assert defaults.changed() == {}


def test_parameters_are_immutable() -> None:
    """A Parameters object cannot be changed after it is made."""
    parameters = default_parameters()
    with pytest.raises(ValidationError):
        parameters.deadweight = 0.5  # type: ignore[misc]
    assert parameters.deadweight == 0.568182


@pytest.mark.parametrize(("key", "value"), BAD_VALUES)
def test_a_bad_value_names_the_key_and_the_origin(key: str, value: object) -> None:
    """An out-of-range or unknown-choice value is refused with its key and where it was set."""
    origin = "scenario.toml, regel 7"
    problem = only_problem([Override(key, value, origin)])
    assert origin in problem
    assert f"'{key}'" in problem


def test_an_unknown_key_names_the_key_and_the_origin() -> None:
    """A key that is not a parameter is refused, naming the key and where it was written."""
    problem = only_problem([Override("onbekend", 1, "--set onbekend")])
    assert "--set onbekend" in problem
    assert "'onbekend'" in problem
    assert "onbekende parameter" in problem


def test_several_problems_are_reported_at_once() -> None:
    """Every unknown key and every bad value is reported in one error, each with its origin."""
    overrides = [
        Override(key, value, f"proef.toml, regel {number}")
        for number, (key, value) in enumerate(BAD_VALUES, start=2)
    ]
    overrides.append(Override("onbekend", 1, "--set onbekend"))
    with pytest.raises(ParameterError) as caught:
        apply_overrides(default_set(), overrides)
    problems = error_messages(caught.value)
    assert len(problems) == len(BAD_VALUES) + 1
    for number, (key, _) in enumerate(BAD_VALUES, start=2):
        assert any(f"proef.toml, regel {number}" in p and f"'{key}'" in p for p in problems), key
    assert any("--set onbekend" in p and "'onbekend'" in p for p in problems)
    assert [problem.code for problem in caught.value.problems] == [
        "unknown_parameter",
        "number_at_most",
        "number_negative",
        "one_of",
        "one_of",
    ]


def test_later_overrides_win_and_record_their_origin() -> None:
    """Of two overrides for one key the last counts, and the origin is the last one's."""
    overrides = [
        Override("deadweight", 0.1, "cases.xlsx, blad Parameters, rij 3"),
        Override("deadweight", 0.2, "mijn.toml, regel 4"),
        Override("deadweight", 0.3, "--set deadweight"),
    ]
    result = apply_overrides(default_set(), overrides)
    assert result.values.deadweight == 0.3
    assert result.origins == {"deadweight": "--set deadweight"}
    assert result.changed() == {"deadweight": 0.3}


def test_a_bad_value_overridden_later_is_no_problem() -> None:
    """Only the value that counts is validated: a later good value replaces an earlier bad one."""
    overrides = [
        Override("deadweight", 1.5, "mijn.toml, regel 4"),
        Override("deadweight", 0.4, "--set deadweight"),
    ]
    assert apply_overrides(default_set(), overrides).values.deadweight == 0.4


def test_a_bad_last_value_names_the_last_origin() -> None:
    """When the last value for a key is bad, the error points at that one, not an earlier one."""
    problem = only_problem(
        [
            Override("deadweight", 0.4, "mijn.toml, regel 4"),
            Override("deadweight", 1.5, "--set deadweight"),
        ]
    )
    assert "--set deadweight" in problem
    assert "mijn.toml" not in problem


def test_overrides_keep_the_origins_of_the_base() -> None:
    """Overrides on top of an earlier set keep the earlier origins of keys they do not touch."""
    first = apply_overrides(default_set(), [Override("deadweight", 0.2, "a.toml, regel 2")])
    second = apply_overrides(first, [Override("discount_rate", 0.03, "--set discount_rate")])
    assert second.values.deadweight == 0.2
    assert second.values.discount_rate == 0.03
    assert second.origins == {
        "deadweight": "a.toml, regel 2",
        "discount_rate": "--set discount_rate",
    }


def test_payer_keys_use_the_dotted_name() -> None:
    """``payers.jobcoach`` changes only that payer and leaves the others at their default."""
    result = apply_overrides(default_set(), [Override("payers.jobcoach", "uwv", "--set x")])
    assert result.values.payers.jobcoach == "uwv"
    assert result.values.payers.counselling == default_parameters().payers.counselling
    assert result.changed() == {"payers.jobcoach": "uwv"}


def test_target_count_accepts_a_whole_number() -> None:
    """The optional target count is empty by default and takes a whole number."""
    assert default_parameters().target_count is None
    result = apply_overrides(default_set(), [Override("target_count", 20, "--set target_count")])
    assert result.values.target_count == 20


def test_with_overrides_is_the_short_route() -> None:
    """with_overrides applies flat keys to a base and names the given origin in errors."""
    changed = with_overrides(default_parameters(), {"deadweight": 0.43}, "mijn scenario")
    assert isinstance(changed, Parameters)
    assert changed.deadweight == 0.43
    assert changed.differences(default_parameters()) == {"deadweight": 0.43}
    with pytest.raises(ParameterError) as caught:
        with_overrides(default_parameters(), {"deadweight": 2}, "mijn scenario")
    assert error_messages(caught.value)[0].startswith("mijn scenario: ")


def test_apply_overrides_does_not_change_its_input() -> None:
    """The base set is left as it was; the result is a new set."""
    base = ParameterSet(default_parameters(), {})
    apply_overrides(base, [Override("deadweight", 0.2, "--set deadweight")])
    assert base.origins == {}
    assert base.values.deadweight == 0.568182
