"""The net per stakeholder as a vectorised function of the uncertain parameters.

``calculate`` runs once at the base parameters; everything that does not depend on the
uncertain parameters (work months, who is working, the projection months, imputation flags,
payers, price factors) is taken from its ``Result``. What remains is the formulas of
``calc.py`` with the parameters as arrays, one value per draw:

* a monthly item is ``monthly × (work_months + projection factor)``, with the projection
  factor ``q(1 − q^N)/(1 − q)`` (``N`` when ``q = 1``), ``q = (retention / (1 + discount))^(1/12)``
  and ``N`` the whole months after the peildatum capped at a known job end;
* savings are multiplied by ``1 − deadweight``; costs are not;
* ``benefit_before`` imputed as ``benefit_default_month``; ``mhc_after`` imputed as
  ``mhc_before × (1 − mhc_reduction_when_working)``, so that saving is ``mhc_before × reduction``;
* counselling is hours × ``counselling_hour_rate``, or ``counselling_cost_per_trajectory``
  without hours; jobcoach is hours × ``jobcoach_hour_rate``;
* money parameters are multiplied by their price factor (``--price-year``).

Each of these is a per-draw number times a per-case number, except the projection factor,
which depends on the draw and on the case's ``N``. So the case columns are summed once per
stakeholder (and per distinct ``N``), and a draw costs a few multiplications per stakeholder
and per distinct ``N`` — however many cases there are. The sums are exact regroupings of the
same terms; a test checks the result against ``calculate`` at many parameter values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.result import Result
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.engine.calc import MONEY_PARAMETERS, impute_inputs, months_between, to_price_year
from werkzorg_calc.engine.uncertainty.distributions import UNCERTAIN_KEYS

Array = NDArray[np.float64]
TARGETS: Final[tuple[str, ...]] = (*STAKEHOLDERS, "total")

# Per-case terms of the monthly items (and the item whose payer owns each), summed per
# stakeholder: the benefit saved, the cases whose benefit_before is the default, the cases
# with full outflow, Wmo saved, GGZ saved, the GGZ whose "after" is imputed, the wage subsidy.
_BENEFIT, _BENEFIT_DEFAULT, _ADMINISTRATION, _WMO, _MHC, _MHC_REDUCTION, _WAGE = range(7)
_MONTHLY_ITEMS: Final = (
    "benefit",
    "benefit",
    "benefit_administration",
    "wmo",
    "mental_health_care",
    "mental_health_care",
    "wage_subsidy",
)
# One-off terms: counselling hours (× rate), trajectories without hours (× cost per
# trajectory), jobcoach hours (× rate), then the costs that depend on no parameter, which are
# added up into one column ``_FIXED``.
_COUNSELLING_HOURS, _TRAJECTORIES, _JOBCOACH_HOURS, _FIXED = range(4)
_FIXED_COLUMNS: Final = ("mediation_cost", "no_risk_cost", "insurer_contribution")
_ONE_OFF_ITEMS: Final = (
    "counselling",
    "counselling",
    "jobcoach",
    "mediation",
    "no_risk",
    "insurer_contribution",
)


@dataclass(frozen=True)
class NetModel:
    """Sums over the cases that turn parameter values into the net per stakeholder.

    ``realised[s, t]``: term ``t`` of stakeholder ``s`` weighted by the work months;
    ``projected[m, s, t]``: the same term summed over the cases with ``months[m]`` whole
    projection months; ``one_off[s, j]``: the one-off terms; ``price_factors``: the factor
    each money parameter is multiplied by (1 without a price year).
    """

    base: Result
    months: NDArray[np.float64]
    realised: Array
    projected: Array
    one_off: Array
    price_factors: dict[str, float]

    @classmethod
    def from_result(cls, cases: CaseTable, base: Result) -> NetModel:
        """Build the sums for ``cases`` from their ``calculate`` result ``base``."""
        # calc's own steps: the price-year scaling and the imputation of missing inputs.
        frame, effective, _ = to_price_year(
            cases.frame, base.parameters, base.peildatum, base.price_year
        )
        filled, imputed = impute_inputs(frame, effective)
        monthly = _owned(base.payers, _MONTHLY_ITEMS, _monthly_terms(frame, filled, imputed))
        work_months = base.cases["work_months"].to_numpy(dtype=np.float64)
        realised = np.einsum("i,ist->st", work_months, monthly)

        whole = _projection_months(base)
        months, index = np.unique(whole[whole > 0], return_inverse=True)
        projected = np.zeros((len(months), len(STAKEHOLDERS), len(_MONTHLY_ITEMS)))
        np.add.at(projected, index, monthly[whole > 0])

        hours = frame["counselling_hours"]
        one_off_terms = np.stack(
            [
                hours.fillna(0.0).to_numpy(),
                hours.isna().to_numpy(dtype=np.float64),
                frame["jobcoach_hours"].fillna(0.0).to_numpy(),
                *(frame[column].fillna(0.0).to_numpy() for column in _FIXED_COLUMNS),
            ],
            axis=1,
        )
        sums = _owned(base.payers, _ONE_OFF_ITEMS, one_off_terms).sum(axis=0)
        one_off = np.concatenate(
            [sums[:, :_FIXED], sums[:, _FIXED:].sum(axis=1, keepdims=True)], axis=1
        )
        factors = {key: base.price_factors.get(key, 1.0) for key in MONEY_PARAMETERS}
        return cls(base, months, realised, projected, one_off, factors)

    def values(self, **changes: Array | float) -> dict[str, Array]:
        """The base parameter values as length-1 arrays, with ``changes`` applied."""
        unknown = sorted(set(changes) - set(UNCERTAIN_KEYS))
        if unknown:
            raise ValueError(f"not an uncertain parameter: {', '.join(unknown)}")
        flat = self.base.parameters.flat()
        values = {
            key: np.atleast_1d(np.asarray(flat[key], dtype=np.float64)) for key in UNCERTAIN_KEYS
        }
        values.update(
            {key: np.atleast_1d(np.asarray(v, dtype=np.float64)) for key, v in changes.items()}
        )
        return values

    def net(self, values: Mapping[str, Array]) -> Array:
        """Net per stakeholder and in total, one row per draw (columns as ``TARGETS``).

        ``values`` maps every key of ``UNCERTAIN_KEYS`` to an array; arrays of length 1
        are broadcast against the others.
        """
        p = {key: np.asarray(values[key], dtype=np.float64) for key in UNCERTAIN_KEYS}
        for key in MONEY_PARAMETERS:  # as calc's price-year step (the factor is 1 without one)
            p[key] = p[key] * self.price_factors[key]
        size = max(len(array) for array in p.values())
        weighted = np.broadcast_to(self.realised, (size, *self.realised.shape))
        if len(self.months):
            factor = _projection_factor(p["retention_per_year"], p["discount_rate"], self.months)
            flat = self.projected.reshape(len(self.months), -1)
            weighted = weighted + (factor @ flat).reshape(size, *self.realised.shape)
        column = {key: array[:, None] for key, array in p.items()}
        keep = 1 - column["deadweight"]
        savings = keep * (
            weighted[..., _BENEFIT]
            + column["benefit_default_month"] * weighted[..., _BENEFIT_DEFAULT]
            + column["benefit_admin_cost_year"] / 12 * weighted[..., _ADMINISTRATION]
            + weighted[..., _WMO]
            + weighted[..., _MHC]
            + column["mhc_reduction_when_working"] * weighted[..., _MHC_REDUCTION]
        )
        one_off = self.one_off
        costs = (
            weighted[..., _WAGE]
            + column["counselling_hour_rate"] * one_off[:, _COUNSELLING_HOURS]
            + column["counselling_cost_per_trajectory"] * one_off[:, _TRAJECTORIES]
            + column["jobcoach_hour_rate"] * one_off[:, _JOBCOACH_HOURS]
            + one_off[:, _FIXED]
        )
        net = savings - costs
        return np.concatenate([net, net.sum(axis=1, keepdims=True)], axis=1)

    @property
    def bytes_per_draw(self) -> int:
        """Working memory of one draw in ``net`` (float64 arrays), for sizing chunks."""
        cells = len(self.months) + 4 * self.realised.size + 2 * len(UNCERTAIN_KEYS) + 16
        return 8 * cells


def _monthly_terms(
    frame: pd.DataFrame, filled: pd.DataFrame, imputed: pd.DataFrame
) -> NDArray[np.float64]:
    """Per case, the terms of the monthly items (columns ``_BENEFIT`` … ``_WAGE``)."""
    has_benefit = frame["benefit_type"].fillna("participatiewet").ne("geen").to_numpy()
    default_benefit = imputed["benefit_before"].to_numpy()
    mhc_reduced = imputed["mhc_after"].to_numpy()
    benefit_after = filled["benefit_after"].to_numpy()
    mhc_before = filled["mhc_before"].to_numpy()
    terms = np.zeros((len(frame), len(_MONTHLY_ITEMS)))
    given_before = np.where(default_benefit, 0.0, filled["benefit_before"].to_numpy())
    terms[:, _BENEFIT] = np.where(has_benefit, given_before - benefit_after, 0.0)
    terms[:, _BENEFIT_DEFAULT] = has_benefit & default_benefit
    terms[:, _ADMINISTRATION] = (benefit_after == 0) & has_benefit
    terms[:, _WMO] = (filled["wmo_before"] - filled["wmo_after"]).to_numpy()
    terms[:, _MHC] = np.where(mhc_reduced, 0.0, mhc_before - filled["mhc_after"].to_numpy())
    terms[:, _MHC_REDUCTION] = np.where(mhc_reduced, mhc_before, 0.0)
    terms[:, _WAGE] = frame["wage_subsidy_month"].fillna(0.0).to_numpy()
    return terms


def _owned(
    payers: pd.DataFrame, items: tuple[str, ...], terms: NDArray[np.float64]
) -> NDArray[np.float64]:
    """``terms[i, t]`` placed at ``[i, s, t]`` for the stakeholder ``s`` who owns item ``t``
    of case ``i`` (zero for the others, and for an item that belongs to nobody)."""
    owner = np.stack(
        [np.stack([payers[item].to_numpy() == s for item in items], axis=1) for s in STAKEHOLDERS],
        axis=1,
    )
    return owner * terms[:, None, :]


def _projection_months(base: Result) -> NDArray[np.float64]:
    """Whole months projected per case, as in ``calc._projected`` (0 without a horizon)."""
    cases = base.cases
    if base.horizon == 0:
        return np.zeros(len(cases))
    end = cases["job_end"]
    peil = pd.Series(pd.Timestamp(base.peildatum), index=cases.index)
    months_left = months_between(peil, end).where(end.notna(), float(base.horizon))
    whole = (
        months_left.clip(upper=base.horizon).floordiv(1).where(cases["working_at_peildatum"], 0.0)
    )
    return whole.to_numpy(dtype=np.float64)


def _projection_factor(retention: Array, discount: Array, months: NDArray[np.float64]) -> Array:
    """``Σ_{m=1..N} q^m`` per draw (rows) and number of months ``N`` (columns)."""
    q = ((retention / (1 + discount)) ** (1 / 12))[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = q * (1 - q**months) / (1 - q)
    return np.where(q == 1, months, factor)
