"""Distributions: the shipped defaults, drawing, overrides from TOML and --set, and errors."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from werkzorg_calc.domain.errors import ParameterError
from werkzorg_calc.domain.parameters import default_parameters, parameter_info, with_overrides
from werkzorg_calc.engine.uncertainty.distributions import (
    DEFINITION_KEYS,
    UNCERTAIN_KEYS,
    Distribution,
    default_distributions,
    make_distributions,
    resolve_distributions,
)
from werkzorg_calc.sources.uncertainty import resolve_uncertainty
from werkzorg_calc.text.issues import error_messages

DRAWS = 400_000


def _by_key(distributions: tuple[Distribution, ...]) -> dict[str, Distribution]:
    return {item.key: item for item in distributions}


def test_every_numeric_parameter_has_a_justified_distribution() -> None:
    """Each parameter with a range has a distribution and a one-line justification."""
    specs = default_distributions()
    ranged = {key for key, info in parameter_info().items() if info.low and info.high}
    assert set(specs) == ranged == {*UNCERTAIN_KEYS, *DEFINITION_KEYS}
    assert all(spec.justification.strip() for spec in specs.values())


def test_definitions_are_fixed_and_money_parameters_uncertain() -> None:
    """Definitions of durable work and the target stay fixed; the nine money ones are drawn."""
    resolved = _by_key(resolve_distributions(default_distributions(), default_parameters()))
    assert all(not resolved[key].uncertain for key in DEFINITION_KEYS)
    assert all(resolved[key].uncertain for key in UNCERTAIN_KEYS)


def test_ranges_come_from_parameters_csv() -> None:
    """Without an override, low and high are the range of parameters.csv."""
    resolved = _by_key(resolve_distributions(default_distributions(), default_parameters()))
    info = parameter_info()
    for key in UNCERTAIN_KEYS:
        assert (resolved[key].low, resolved[key].high) == (
            float(info[key].low),
            float(info[key].high),
        )


@pytest.mark.parametrize(
    ("key", "mean", "sd"),
    [
        ("mhc_reduction_when_working", 0.20, 0.10),  # beta (G1)
        ("retention_work_per_year", 0.80332, 0.07),  # beta (R1)
        ("retention_benefit_per_year", 0.939062, 0.03),  # beta (R1)
        ("jobcoach_hour_rate", 89.02, 10.0),  # lognormal
        ("benefit_admin_cost_year", 2883.0, 400.0),  # gamma
    ],
)
def test_draws_have_the_stated_mean_and_sd(key: str, mean: float, sd: float) -> None:
    """Beta, lognormal and gamma are parameterised by mean and sd, and draw with those."""
    item = _by_key(resolve_distributions(default_distributions(), default_parameters()))[key]
    values = item.draw(np.random.default_rng(1), DRAWS)
    standard_error = sd / math.sqrt(DRAWS)
    assert abs(values.mean() - mean) < 5 * standard_error
    assert values.std() == pytest.approx(sd, rel=0.02)


def test_uniform_and_triangular_stay_within_their_bounds() -> None:
    """Uniform and triangular draws never leave low–high; the triangular peaks at its mode."""
    resolved = _by_key(resolve_distributions(default_distributions(), default_parameters()))
    deadweight = resolved["deadweight"].draw(np.random.default_rng(2), DRAWS)
    assert deadweight.min() >= 0.30 and deadweight.max() <= 0.85  # N1's range
    discount = resolved["discount_rate"]
    values = discount.draw(np.random.default_rng(3), DRAWS)
    assert discount.low <= values.min() and values.max() <= discount.high
    assert values.mean() == pytest.approx((0.016 + 0.0225 + 0.04) / 3, rel=0.01)


def test_a_fixed_distribution_draws_its_value() -> None:
    """A fixed parameter draws its own value every time."""
    specs = make_distributions({"jobcoach_hour_rate": {"distribution": "fixed"}})
    params = with_overrides(default_parameters(), {"jobcoach_hour_rate": 95.0}, "test")
    item = _by_key(resolve_distributions(specs, params))["jobcoach_hour_rate"]
    assert item.draw(np.random.default_rng(4), 5).tolist() == [95.0] * 5


def test_the_mean_and_mode_follow_the_parameter_value() -> None:
    """A scenario that moves a value moves its distribution: mean and mode default to it."""
    params = with_overrides(
        default_parameters(), {"jobcoach_hour_rate": 100.0, "discount_rate": 0.03}, "test"
    )
    resolved = _by_key(resolve_distributions(default_distributions(), params))
    assert resolved["jobcoach_hour_rate"].mean == 100.0
    assert resolved["discount_rate"].mode == 0.03


def test_a_toml_table_overrides_a_distribution(tmp_path: Path) -> None:
    """[uncertainty.KEY] in the parameters TOML sets the distribution; its origin is the line."""
    path = tmp_path / "params.toml"
    path.write_text(
        "deadweight = 0.1\n\n"
        "[uncertainty.jobcoach_hour_rate]\n"
        'distribution = "uniform"\n'
        "low = 75\n"
        "high = 120\n",
        encoding="utf-8",
    )
    parameters, specs = resolve_uncertainty(params_file=path)
    assert parameters.values.deadweight == 0.1
    spec = specs["jobcoach_hour_rate"]
    assert (spec.distribution, spec.low, spec.high, spec.sd) == ("uniform", 75, 120, None)
    assert spec.origin.endswith("params.toml, regel 6")
    assert specs["deadweight"] == default_distributions()["deadweight"]


def test_set_overrides_a_distribution_after_the_toml(tmp_path: Path) -> None:
    """--set uncertainty.KEY.FIELD=VALUE wins over the TOML file, as for parameters."""
    path = tmp_path / "params.toml"
    path.write_text("[uncertainty.deadweight]\nhigh = 0.4\n", encoding="utf-8")
    _, specs = resolve_uncertainty(params_file=path, set_items=["uncertainty.deadweight.high=0,3"])
    assert specs["deadweight"].high == 0.3
    assert specs["deadweight"].origin == "--set uncertainty.deadweight.high"


def test_every_problem_is_reported_at_once_with_its_origin(tmp_path: Path) -> None:
    """Unknown keys, unknown fields and misfit distributions all appear in one error."""
    path = tmp_path / "params.toml"
    path.write_text(
        "[uncertainty.jobcoach_hour_rat]\n"
        'distribution = "uniform"\n'
        "[uncertainty.deadweight]\n"
        "spread = 0.1\n"
        "[uncertainty.discount_rate]\n"
        'distribution = "normal"\n',
        encoding="utf-8",
    )
    with pytest.raises(ParameterError) as caught:
        resolve_uncertainty(params_file=path)
    problems = error_messages(caught.value)
    assert len(problems) == 3
    assert "params.toml, regel 2: onbekende parameter 'jobcoach_hour_rat'" in problems[0]
    assert "params.toml, regel 4: onbekend veld 'spread'" in problems[1]
    assert "uncertainty.discount_rate.distribution moet een van deze waarden zijn" in problems[2]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"jobcoach_hour_rate": {"distribution": "beta", "sd": 5}}, "beta past alleen bij"),
        ({"deadweight": {"distribution": "gamma", "sd": 0.1}}, "gamma kan boven 1 uitkomen"),
        ({"jobcoach_hour_rate": {"distribution": "gamma"}}, "gamma vraagt een sd groter dan 0"),
        ({"deadweight": {"distribution": "triangular", "mode": 0.9}}, "mode moet tussen"),
        ({"deadweight": {"high": 1.5}}, "het bereik moet binnen 0–1 liggen"),
        ({"jobcoach_hour_rate": {"low": 120, "high": 80}}, "low moet kleiner zijn dan high"),
        ({"mhc_reduction_when_working": {"sd": 0.6}}, "sd moet bij deze mean kleiner zijn"),
        ({"durable_months": {"distribution": "uniform"}}, "is een definitie"),
        ({"deadweight": {"sd": 0.1}}, "sd wordt niet gebruikt bij uniform"),
    ],
)
def test_a_distribution_that_does_not_fit_its_parameter_is_refused(
    changes: dict[str, dict[str, object]], message: str
) -> None:
    """Each misfit is a ParameterError naming the key and the rule."""
    specs = make_distributions(changes)
    with pytest.raises(ParameterError) as caught:
        resolve_distributions(specs, default_parameters())
    assert any(message in problem for problem in error_messages(caught.value)), error_messages(
        caught.value
    )
    key = next(iter(changes))
    assert any(f"uncertainty.{key}" in problem for problem in error_messages(caught.value))


def test_another_distribution_drops_the_defaults_shape() -> None:
    """Switching jobcoach from lognormal (sd 10) to triangular needs no sd and keeps none."""
    specs = make_distributions({"jobcoach_hour_rate": {"distribution": "triangular"}})
    item = _by_key(resolve_distributions(specs, default_parameters()))["jobcoach_hour_rate"]
    assert (item.kind, item.sd, item.mode, item.low, item.high) == (
        "triangular",
        None,
        89.02,
        70.0,
        110.0,
    )


def test_a_value_without_a_field_says_how_to_write_it() -> None:
    """uncertainty.deadweight = "fixed" lacks the field name: the message shows the right form."""
    with pytest.raises(ParameterError) as caught:
        resolve_uncertainty(set_items=["uncertainty.deadweight=fixed"])
    assert error_messages(caught.value) == (
        "--set uncertainty.deadweight: geef een veld, bijvoorbeeld "
        "uncertainty.deadweight.distribution (in TOML: [uncertainty.deadweight] met "
        "distribution = ...)",
    )


def test_distribution_names_ignore_case() -> None:
    """ "Uniform" from a spreadsheet cell is read as uniform."""
    _, specs = resolve_uncertainty(set_items=["uncertainty.deadweight.distribution= Uniform"])
    assert specs["deadweight"].distribution == "uniform"
