"""Scenarios side by side: the same cases under the base and under each set of overrides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import ParameterError, ParameterProblem
from werkzorg_calc.domain.parameters import ParameterSet, apply_overrides
from werkzorg_calc.domain.result import Result
from werkzorg_calc.domain.scenario import Scenario
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.engine.calc import calculate

BASE_NAME = "basis"
METRICS: tuple[str, ...] = (
    "horizon_months",  # first: figures over different horizons are not like for like
    *(f"net_{stakeholder}" for stakeholder in STAKEHOLDERS),
    "savings",
    "costs",
    "net",
    "benefit_cost_ratio",
    "target_share",
    "target_met",
)


@dataclass(frozen=True)
class Comparison:
    """The base result and one result per scenario, with an overview of the key figures.

    ``overview`` has one row per metric (``METRICS``) and one column per run, the base
    first; ``differences`` is each scenario minus the base (the base column is left out).
    """

    base: Result
    scenarios: tuple[tuple[Scenario, Result], ...]
    overview: pd.DataFrame
    differences: pd.DataFrame

    @property
    def names(self) -> list[str]:
        """Column names of the overview: the base, then the scenarios in the given order."""
        return [BASE_NAME, *(scenario.name for scenario, _ in self.scenarios)]

    def unlike(self) -> list[tuple[str, int]]:
        """Scenarios projected over another horizon than the base, with their months.

        A scenario with 60 months of projection against a base with none compares a longer
        period, not a better policy; every output says so.
        """
        return [
            (scenario.name, result.horizon)
            for scenario, result in self.scenarios
            if result.horizon != self.base.horizon
        ]


def _metrics(result: Result) -> list[float | bool | None]:
    totals = result.totals
    net = result.stakeholders["net"].to_dict()
    return [
        result.horizon,
        *(float(net[s]) for s in STAKEHOLDERS),
        totals.all.savings,
        totals.all.costs,
        totals.all.net,
        totals.benefit_cost_ratio,
        result.target.share,
        result.target.met,
    ]


def compare(
    cases: CaseTable,
    base: ParameterSet,
    scenarios: Sequence[Scenario],
    peildatum: date,
    horizon: int = 0,
    *,
    price_year: int | None = None,
) -> Comparison:
    """Calculate the base and every scenario on the same cases.

    A scenario's overrides apply on top of the base parameters; its ``horizon``, when set,
    replaces the base horizon for that scenario only.
    """
    names = [BASE_NAME, *(scenario.name for scenario in scenarios)]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ParameterError(
            [
                ParameterProblem(
                    "",
                    "scenario_name_base" if name == BASE_NAME else "scenario_name_repeated",
                    {"name": name},
                )
                for name in repeated
            ]
        )
    base_result = calculate(cases, base, peildatum, horizon, price_year=price_year)
    runs = []
    for scenario in scenarios:
        params = apply_overrides(base, scenario.overrides)
        months = horizon if scenario.horizon is None else scenario.horizon
        runs.append((scenario, calculate(cases, params, peildatum, months, price_year=price_year)))
    overview = pd.DataFrame(
        {
            name: _metrics(result)
            for name, result in zip(names, [base_result, *(r for _, r in runs)], strict=True)
        },
        index=list(METRICS),
        dtype="object",
    )
    numeric = overview.drop(index="target_met").apply(pd.to_numeric)
    differences = numeric[names[1:]].sub(numeric[BASE_NAME], axis=0)
    return Comparison(base_result, tuple(runs), overview, differences)
