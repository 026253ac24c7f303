"""Calculation parameters: validated values plus where each default comes from.

The defaults live in ``data/parameters.csv`` (value, unit, price year, evidence grade, source),
built from the project's sourced reference values, so the numbers and their citations travel
together and a reviewer can check both in one place.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from werkzorg_calc.domain.errors import ParameterError, ParameterProblem
from werkzorg_calc.domain.parameter_values import read_value
from werkzorg_calc.domain.stakeholders import Stakeholder
from werkzorg_calc.domain.validation_codes import validation_code

TargetBasis = Literal["durable", "placed"]


class Payers(BaseModel):
    """Who pays the items whose payer is a choice (the wrong-pocket question)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # None: the dated funding rule C1 (``items.counselling_payer``); a party: v1's one payer.
    counselling: Stakeholder | None = None
    jobcoach: Stakeholder
    mediation: Stakeholder


class OptimismBias(BaseModel):
    """The optimism-bias shares per evidence grade (GMCA practice), used only on request."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    hard: float = Field(ge=0, le=1)
    onderbouwd: float = Field(ge=0, le=1)
    aanname: float = Field(ge=0, le=1)


_NESTED = ("payers", "optimism_bias")


class Parameters(BaseModel):
    """All numbers the calculation uses besides the case rows; immutable once made."""

    # Infinity would pass "≥ 0" and turn every sum into inf or nan: refuse it at the edge.
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    # None: the dated bijstand norm of the case's household (L1); a number replaces it.
    benefit_default_month: float | None = Field(default=None, ge=0)
    benefit_admin_cost_year: float = Field(ge=0)
    benefit_admin_cost_year_uwv: float = Field(ge=0)
    jobcoach_hour_rate: float = Field(ge=0)
    counselling_hour_rate: float = Field(ge=0)
    counselling_cost_per_trajectory: float = Field(ge=0)
    mhc_reduction_when_working: float = Field(ge=0, le=1)
    deadweight: float = Field(ge=0, le=1)
    counterfactual_rate: float | None = Field(default=None, ge=0, le=1)
    programme_rate: float | None = Field(default=None, gt=0, le=1)
    # None: the two curves of R1; a number sets both (v1's single curve).
    retention_per_year: float | None = Field(default=None, ge=0, le=1)
    retention_benefit_per_year: float = Field(ge=0, le=1)
    retention_work_per_year: float = Field(ge=0, le=1)
    horizon_months_common: int = Field(ge=1, le=600)
    discount_rate: float = Field(ge=0, le=1)
    durable_months: float = Field(ge=0)
    durable_min_hours: float = Field(ge=0, le=60)
    lks_fulltime_hours: float = Field(gt=0, le=60)
    target_share: float = Field(ge=0, le=1)
    target_count: int | None = Field(default=None, ge=0)
    target_basis: TargetBasis
    payers: Payers
    employer_charges_share: float = Field(ge=0, le=1)
    wage_default_hours: float = Field(ge=0, le=60)
    mhc_cashable_share: float = Field(ge=0, le=1)
    optimism_bias: OptimismBias

    @model_validator(mode="after")
    def _rates_together(self) -> Parameters:
        # Half a counterfactual would silently fall back to ``deadweight``: refuse it.
        given = (self.counterfactual_rate is None, self.programme_rate is None)
        if given[0] != given[1]:
            raise ValueError("counterfactual_rate en programme_rate horen samen")
        rates = (self.counterfactual_rate, self.programme_rate)
        if rates[0] is not None and rates[1] is not None and rates[0] > rates[1]:
            raise ValueError("counterfactual_rate mag niet groter zijn dan programme_rate")
        return self

    @property
    def effective_deadweight(self) -> float:
        """N1: ``counterfactual_rate / programme_rate`` when both are given, else ``deadweight``."""
        if self.counterfactual_rate is not None and self.programme_rate is not None:
            return self.counterfactual_rate / self.programme_rate
        return self.deadweight

    @property
    def retention_benefit(self) -> float:
        """R1: yearly chance to stay off benefit (``retention_per_year`` overrides it)."""
        if self.retention_per_year is not None:
            return self.retention_per_year
        return self.retention_benefit_per_year

    @property
    def retention_work(self) -> float:
        """R1: yearly chance to stay in work (``retention_per_year`` overrides it)."""
        if self.retention_per_year is not None:
            return self.retention_per_year
        return self.retention_work_per_year

    def flat(self) -> dict[str, Any]:
        """Return the values keyed as in the parameter file (``payers.counselling`` etc.)."""
        values = self.model_dump(exclude=set(_NESTED))
        for table in _NESTED:
            nested: BaseModel = getattr(self, table)
            values.update({f"{table}.{k}": v for k, v in nested.model_dump().items()})
        return values

    def differences(self, other: Parameters) -> dict[str, Any]:
        """Return the keys whose value differs from ``other``, with this object's value."""
        mine, theirs = self.flat(), other.flat()
        return {key: value for key, value in mine.items() if theirs[key] != value}


@dataclass(frozen=True, slots=True)
class ParameterInfo:
    """Provenance of one parameter default: unit, price year, evidence grade and source."""

    key: str
    default: str
    unit: str
    price_year: int
    evidence: str
    low: str
    high: str
    description: str
    source: str
    url: str


@cache
def parameter_info() -> dict[str, ParameterInfo]:
    """Return the provenance of every parameter, keyed as in ``Parameters.flat()``."""
    text = resources.files("werkzorg_calc").joinpath("data/parameters.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {
        row["key"]: ParameterInfo(
            key=row["key"],
            default=row["value"],
            unit=row["unit"],
            price_year=int(row["price_year"]),
            evidence=row["evidence"],
            low=row["low"],
            high=row["high"],
            description=row["description"],
            source=row["source"],
            url=row["url"],
        )
        for row in rows
    }


def _nest(flat: Mapping[str, object]) -> dict[str, Any]:
    """Turn ``payers.counselling`` style keys into the nested shape of ``Parameters``."""
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        head, _, tail = key.partition(".")
        if tail:
            nested.setdefault(head, {})[tail] = None if value == "" else value
        else:
            nested[key] = None if value == "" else value
    return nested


@cache
def default_parameters() -> Parameters:
    """Return the package defaults (see ``data/parameters.csv`` for every source)."""
    return Parameters.model_validate(
        _nest({key: info.default for key, info in parameter_info().items()})
    )


@dataclass(frozen=True, slots=True)
class Override:
    """One parameter value set by the user, and where it was written.

    ``origin`` is how a person finds it again: ``scenario.toml, regel 4``,
    ``cases.xlsx, blad Parameters, rij 3`` or ``--set``.
    """

    key: str
    value: object
    origin: str


@dataclass(frozen=True, slots=True)
class ParameterSet:
    """Parameter values plus, for each key that is not the default, where it came from."""

    values: Parameters
    origins: dict[str, str]

    def changed(self) -> dict[str, Any]:
        """Keys whose value differs from the package default, with their value."""
        return self.values.differences(default_parameters())


def apply_overrides(base: ParameterSet, overrides: Sequence[Override]) -> ParameterSet:
    """Apply ``overrides`` in order (later wins) or raise ``ParameterError`` naming each origin.

    Every unknown key and every bad value is reported, each with where it was written.
    """
    known = base.values.flat()
    problems = [
        ParameterProblem(item.origin, "unknown_parameter", {"key": item.key})
        for item in overrides
        if item.key not in known
    ]
    merged = dict(known)
    origins = dict(base.origins)
    for item in overrides:
        if item.key in known:
            # One reading for every entry point: 57%, 75,50, gemeente (parameter_values.py).
            merged[item.key] = read_value(item.value)
            origins[item.key] = item.origin
    try:
        values = Parameters.model_validate(_nest(merged))
    except ValidationError as exc:
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"])
            origin = origins.get(key, "standaardwaarden")
            code, params = validation_code(error)
            params["subject"] = f"parameter '{key}'"
            problems.append(ParameterProblem(origin, code, params))
    if problems:
        raise ParameterError(problems)
    return ParameterSet(values, origins)


def default_set() -> ParameterSet:
    """The package defaults, with no origins (nothing was overridden)."""
    return ParameterSet(default_parameters(), {})


def with_overrides(base: Parameters, overrides: Mapping[str, object], origin: str) -> Parameters:
    """Return ``base`` with ``overrides`` (flat keys) applied, or raise ``ParameterError``.

    A shortcut for scripts: ``with_overrides(default_parameters(), {"deadweight": 0.43}, "mijn
    scenario")``; ``origin`` names the source of the values in any error message.
    """
    items = [Override(key, value, origin) for key, value in overrides.items()]
    return apply_overrides(ParameterSet(base, {}), items).values
