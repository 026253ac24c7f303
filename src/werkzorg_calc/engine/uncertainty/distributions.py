"""What we believe about each uncertain parameter: a range and a probability distribution.

The package defaults live in ``data/distributions.csv`` (distribution, its arguments and a
one-line justification per parameter); the low–high range comes from ``data/parameters.csv``.
A user changes either in the parameters TOML under ``[uncertainty.KEY]`` (or with
``--set uncertainty.KEY.FIELD=VALUE``), e.g.::

    [uncertainty.jobcoach_hour_rate]
    distribution = "uniform"
    low = 75
    high = 120

Arguments that are left out follow the parameter: the triangular ``mode`` and the ``mean`` of
beta, lognormal and gamma default to the parameter's value, so a scenario that moves a value
moves its distribution with it.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict, ValidationError

from werkzorg_calc.domain.errors import Param, ParameterError, ParameterProblem
from werkzorg_calc.domain.parameters import Override, Parameters, parameter_info
from werkzorg_calc.domain.validation_codes import validation_code
from werkzorg_calc.engine.calc import MONEY_PARAMETERS

Kind = Literal["fixed", "uniform", "triangular", "beta", "lognormal", "gamma"]
KINDS: Final[tuple[Kind, ...]] = ("fixed", "uniform", "triangular", "beta", "lognormal", "gamma")
PREFIX: Final = "uncertainty."
SHARE_KEYS: Final[tuple[str, ...]] = (
    "mhc_reduction_when_working",
    "deadweight",
    "retention_benefit_per_year",
    "retention_work_per_year",
    "discount_rate",
)
# Every parameter that changes an amount; only these may be drawn. A legal amount (the dated
# bijstand norm, or benefit_default_month in its place) is not drawn: the law sets it.
UNCERTAIN_KEYS: Final[tuple[str, ...]] = (
    *(key for key in MONEY_PARAMETERS if key != "benefit_default_month"),
    *SHARE_KEYS,
)
# Definitions (what counts as durable, the target) change no amount; the full-time week acts
# only through a derived wage subsidy (W1), which the uncertainty model does not re-derive; the
# window of the common-horizon view (H1) is not an amount; the settings of the views beyond the
# business case (welfare, cashable, optimism bias) change no amount of the business case. All of
# them stay fixed.
DEFINITION_KEYS: Final[tuple[str, ...]] = (
    "durable_months",
    "durable_min_hours",
    "target_share",
    "lks_fulltime_hours",
    "horizon_months_common",
    "employer_charges_share",
    "wage_default_hours",
    "mhc_cashable_share",
    "optimism_bias.hard",
    "optimism_bias.onderbouwd",
    "optimism_bias.aanname",
)
FIELDS: Final[tuple[str, ...]] = ("distribution", "low", "high", "mode", "mean", "sd")
_USES: Final[dict[Kind, frozenset[str]]] = {
    "fixed": frozenset(),
    "uniform": frozenset(),
    "triangular": frozenset({"mode"}),
    "beta": frozenset({"mean", "sd"}),
    "lognormal": frozenset({"mean", "sd"}),
    "gamma": frozenset({"mean", "sd"}),
}
_SHAPE_FIELDS: Final = ("mode", "mean", "sd")
DEFAULT_ORIGIN: Final = "standaardverdelingen"


class DistributionSpec(BaseModel):
    """A distribution as written: arguments left empty follow the parameter or its range.

    ``low`` and ``high`` are the range of the one-way sensitivity and the bounds of a uniform
    or triangular distribution (empty: the range in ``parameters.csv``); ``mode`` is the
    triangular's peak and ``mean``/``sd`` describe beta, lognormal and gamma (empty mode or
    mean: the parameter's value). ``origin`` says where it was set.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    distribution: Kind
    low: float | None = None
    high: float | None = None
    mode: float | None = None
    mean: float | None = None
    sd: float | None = None
    justification: str = ""
    origin: str = DEFAULT_ORIGIN


@dataclass(frozen=True, slots=True)
class Distribution:
    """One parameter's distribution with every number filled in, ready to draw from."""

    key: str
    kind: Kind
    value: float
    low: float
    high: float
    mode: float | None
    mean: float | None
    sd: float | None
    justification: str
    origin: str

    @property
    def uncertain(self) -> bool:
        """Whether the parameter varies (everything but ``fixed``)."""
        return self.kind != "fixed"

    @property
    def arguments(self) -> dict[str, float]:
        """The numbers that define the distribution, named as in the TOML file."""
        if self.kind == "fixed":
            return {"value": self.value}
        if self.kind == "uniform":
            return {"low": self.low, "high": self.high}
        if self.kind == "triangular":
            assert self.mode is not None
            return {"low": self.low, "mode": self.mode, "high": self.high}
        assert self.mean is not None and self.sd is not None
        return {"mean": self.mean, "sd": self.sd}

    def draw(self, rng: np.random.Generator, size: int) -> NDArray[np.float64]:
        """``size`` independent values (all equal to the value when fixed)."""
        if self.kind == "fixed":
            return np.full(size, self.value, dtype=np.float64)
        if self.kind == "uniform":
            return rng.uniform(self.low, self.high, size)
        if self.kind == "triangular":
            assert self.mode is not None
            return rng.triangular(self.low, self.mode, self.high, size)
        assert self.mean is not None and self.sd is not None
        mean, sd = self.mean, self.sd
        if self.kind == "beta":
            concentration = mean * (1 - mean) / sd**2 - 1
            return rng.beta(mean * concentration, (1 - mean) * concentration, size)
        if self.kind == "lognormal":
            variance = math.log1p((sd / mean) ** 2)
            return rng.lognormal(math.log(mean) - variance / 2, math.sqrt(variance), size)
        return rng.gamma((mean / sd) ** 2, sd**2 / mean, size)


def _optional(text: str) -> float | None:
    return float(text) if text.strip() else None


@cache
def default_distributions() -> dict[str, DistributionSpec]:
    """The package defaults from ``data/distributions.csv``, keyed by parameter."""
    text = resources.files("werkzorg_calc").joinpath("data/distributions.csv").read_text("utf-8")
    return {
        row["key"]: DistributionSpec(
            distribution=row["distribution"],
            mode=_optional(row["mode"]),
            mean=_optional(row["mean"]),
            sd=_optional(row["sd"]),
            justification=row["justification"],
        )
        for row in csv.DictReader(text.splitlines())
    }


def apply_distribution_overrides(
    base: Mapping[str, DistributionSpec], overrides: Sequence[Override]
) -> dict[str, DistributionSpec]:
    """Apply ``uncertainty.KEY.FIELD`` overrides in order (later wins).

    Choosing another distribution drops the default's ``mode``, ``mean`` and ``sd`` unless
    they are given too. Raises ``ParameterError`` naming every unknown key or field and every
    bad value with where it was written.
    """
    problems: list[ParameterProblem] = []
    given: dict[str, dict[str, object]] = {}
    origins: dict[str, str] = {}
    for item in overrides:
        key, _, field = item.key.removeprefix(PREFIX).rpartition(".")
        if not key and field in base:
            problems.append(
                ParameterProblem(item.origin, "distribution_field_needed", {"key": field})
            )
        elif key not in base:
            params: dict[str, Param] = {"key": key or field, "known": ", ".join(base)}
            problems.append(ParameterProblem(item.origin, "distribution_unknown_parameter", params))
        elif field not in (*FIELDS, "justification"):
            params = {"field": field, "key": key, "fields": ", ".join(FIELDS)}
            problems.append(ParameterProblem(item.origin, "distribution_unknown_field", params))
        else:
            value = item.value
            if field == "distribution" and isinstance(value, str):
                value = value.strip().lower()
            given.setdefault(key, {})[field] = value
            origins[key] = item.origin
    merged = dict(base)
    for key, fields in given.items():
        values: dict[str, Any] = base[key].model_dump()
        if "distribution" in fields and fields["distribution"] != values["distribution"]:
            values.update(dict.fromkeys(_SHAPE_FIELDS))
            values["justification"] = ""
        values.update(fields)
        values["origin"] = origins[key]
        try:
            merged[key] = DistributionSpec.model_validate(values)
        except ValidationError as exc:
            for error in exc.errors():
                field = ".".join(str(part) for part in error["loc"])
                code, found = validation_code(error)
                found["subject"] = f"{PREFIX}{key}.{field}"
                problems.append(ParameterProblem(origins[key], code, found))
    if problems:
        raise ParameterError(problems)
    return merged


def make_distributions(
    changes: Mapping[str, Mapping[str, object]], origin: str = "Python"
) -> dict[str, DistributionSpec]:
    """The defaults with ``changes`` applied, e.g. ``{"deadweight": {"distribution": "fixed"}}``."""
    overrides = [
        Override(f"{PREFIX}{key}.{field}", value, origin)
        for key, fields in changes.items()
        for field, value in fields.items()
    ]
    return apply_distribution_overrides(default_distributions(), overrides)


def _bound(text: str) -> float | None:
    return float(text) if text.strip() else None


def _domain(key: str) -> tuple[float, float]:
    return (0.0, 1.0) if key in SHARE_KEYS else (0.0, math.inf)


def _resolve_one(
    key: str, spec: DistributionSpec, value: float
) -> Distribution | list[ParameterProblem]:
    """Fill in the defaults and check that the distribution fits the parameter."""
    info = parameter_info()[key]
    kind = spec.distribution

    def problem(code: str, **params: Param) -> ParameterProblem:
        return ParameterProblem(spec.origin, code, {"key": key, "kind": kind, **params})

    problems = [
        problem("distribution_field_unused", field=field)
        for field in _SHAPE_FIELDS
        if getattr(spec, field) is not None and field not in _USES[kind]
    ]
    if key in DEFINITION_KEYS and kind != "fixed":
        problems.append(problem("distribution_definition"))
    low = spec.low if spec.low is not None else _bound(info.low)
    high = spec.high if spec.high is not None else _bound(info.high)
    if low is None or high is None:
        return [*problems, problem("distribution_no_range")]
    floor, ceiling = _domain(key)
    if low > high:
        problems.append(problem("distribution_low_above_high"))
    elif low == high and kind in ("uniform", "triangular"):
        problems.append(problem("distribution_needs_width"))
    if low < floor or high > ceiling:
        problems.append(problem("distribution_range_outside", floor=floor, ceiling=ceiling))
    mode = mean = sd = None
    if kind == "triangular":
        mode = spec.mode if spec.mode is not None else value
        if not low <= mode <= high:
            problems.append(problem("distribution_mode_outside"))
    if kind in ("beta", "lognormal", "gamma"):
        mean = spec.mean if spec.mean is not None else value
        sd = spec.sd
        problems += _check_moments(problem, key, kind, mean, sd)
    if problems:
        return problems
    return Distribution(
        key, kind, value, low, high, mode, mean, sd, spec.justification, spec.origin
    )


def _check_moments(
    problem: Callable[..., ParameterProblem], key: str, kind: Kind, mean: float, sd: float | None
) -> list[ParameterProblem]:
    problems = []
    if sd is None or sd <= 0:
        problems.append(problem("distribution_sd_positive"))
    if kind == "beta":
        if key not in SHARE_KEYS:
            problems.append(problem("distribution_beta_share"))
        if not 0 < mean < 1:
            problems.append(problem("distribution_beta_mean"))
        elif sd is not None and sd > 0 and sd**2 >= mean * (1 - mean):
            limit = math.sqrt(mean * (1 - mean))
            problems.append(problem("distribution_beta_sd", limit=float(f"{limit:.4g}")))
    else:
        if key in SHARE_KEYS:
            problems.append(problem("distribution_above_one"))
        if mean <= 0:
            problems.append(problem("distribution_mean_positive"))
    return problems


def resolve_distributions(
    specs: Mapping[str, DistributionSpec], params: Parameters
) -> tuple[Distribution, ...]:
    """Every parameter's distribution filled in for ``params``, in the order of the CSV.

    Raises ``ParameterError`` listing every distribution that does not fit its parameter.
    """
    values = params.flat()
    problems: list[ParameterProblem] = []
    resolved: list[Distribution] = []
    for key, spec in specs.items():
        outcome = _resolve_one(key, spec, float(values[key]))
        if isinstance(outcome, Distribution):
            resolved.append(outcome)
        else:
            problems.extend(outcome)
    if problems:
        raise ParameterError(problems)
    return tuple(resolved)
