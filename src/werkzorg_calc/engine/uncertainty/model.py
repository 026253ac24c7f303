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
from werkzorg_calc.engine.calc import MONEY_PARAMETERS, impute_inputs, prepared_inputs
from werkzorg_calc.engine.months import geometric_sum, monthly_q
from werkzorg_calc.engine.norms import norm_keys, projected_norms
from werkzorg_calc.engine.uncertainty.distributions import UNCERTAIN_KEYS

Array = NDArray[np.float64]
UNCERTAIN_MONEY: Final = tuple(key for key in MONEY_PARAMETERS if key in UNCERTAIN_KEYS)
TARGETS: Final[tuple[str, ...]] = (*STAKEHOLDERS, "total")

# Per-case terms of the monthly items (and the item whose payer owns each), summed per
# stakeholder: the benefit saved, the cases whose benefit_before is the default, the cases
# with full outflow, Wmo saved, GGZ saved, the GGZ whose "after" is imputed, the wage subsidy.
_BENEFIT, _ADMIN_UWV, _ADMINISTRATION, _WMO, _MHC, _MHC_REDUCTION, _WAGE = range(7)
_MONTHLY_ITEMS: Final = (
    "benefit",
    "benefit_administration",
    "benefit_administration",
    "wmo",
    "mental_health_care",
    "mental_health_care",
    "wage_subsidy",
)
# One-off terms: counselling hours (× rate), trajectories without hours (× cost per
# trajectory), jobcoach hours (× rate), then the costs that depend on no parameter, which are
# added up into one column ``_FIXED``.
_COUNSELLING_HOURS, _TRAJECTORIES, _RIJK_HOURS, _RIJK_TRAJECTORIES, _JOBCOACH_HOURS, _FIXED = range(
    6
)
_FIXED_COLUMNS: Final = ("mediation_cost", "no_risk_cost", "insurer_contribution")
_ONE_OFF_ITEMS: Final = (
    "counselling",
    "counselling",
    "counselling_rijk",
    "counselling_rijk",
    "jobcoach",
    "mediation",
    "no_risk",
    "insurer_contribution",
    "insurer_contribution_received",
)
_BENEFIT_TERMS: Final = (_BENEFIT, _ADMIN_UWV, _ADMINISTRATION)  # the benefit curve of R1


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
    dated: tuple[tuple[NDArray[np.float64], int, NDArray[np.float64]], ...] = ()

    @classmethod
    def from_result(cls, cases: CaseTable, base: Result) -> NetModel:
        """Build the sums for ``cases`` from their ``calculate`` result ``base``."""
        # calc's own steps: the price-year scaling and the imputation of missing inputs.
        _, frame, effective, _ = prepared_inputs(
            cases, base.parameters, base.peildatum, base.price_year
        )
        filled, _ = impute_inputs(frame, effective, base.cases["benefit_norm_month"])
        terms = _monthly_terms(frame, filled, base.payers)
        monthly = _owned(base.payers, _MONTHLY_ITEMS, terms)
        work_months = base.cases["work_months"].to_numpy(dtype=np.float64)
        realised = np.einsum("i,ist->st", work_months, monthly)

        # Projected months of a dated-norm case take each month's own norm (L1): its benefit
        # term is −benefit_after here, and Σ norm(m)·q^m is added per draw in ``net``.
        dated = base.cases["benefit_norm_projected"].notna().to_numpy()
        projected_terms = terms.copy()
        projected_terms[dated, _BENEFIT] = -filled["benefit_after"].to_numpy()[dated]
        projected_monthly = _owned(base.payers, _MONTHLY_ITEMS, projected_terms)
        whole = base.cases["projection_months"].to_numpy(dtype=np.float64)
        months, index = np.unique(whole[whole > 0], return_inverse=True)
        projected = np.zeros((len(months), len(STAKEHOLDERS), len(_MONTHLY_ITEMS)))
        np.add.at(projected, index, projected_monthly[whole > 0])
        norm_table = _dated_norms(base, dated, whole)

        hours = frame["counselling_hours"]
        share = base.inputs["rijk_share"].to_numpy()
        started = frame["status"].ne("aangemeld").to_numpy()
        trajectories = (hours.isna().to_numpy() & started).astype(np.float64)
        given_hours = hours.fillna(0.0).to_numpy()
        contribution = frame["insurer_contribution"].fillna(0.0).to_numpy()
        one_off_terms = np.stack(
            [
                given_hours * (1 - share),
                trajectories * (1 - share),
                given_hours * share,
                trajectories * share,
                frame["jobcoach_hours"].fillna(0.0).to_numpy(),
                *(frame[column].fillna(0.0).to_numpy() for column in _FIXED_COLUMNS),
                -contribution,  # T1: a receipt of the counselling's payer
            ],
            axis=1,
        )
        sums = _owned(base.payers, _ONE_OFF_ITEMS, one_off_terms).sum(axis=0)
        one_off = np.concatenate(
            [sums[:, :_FIXED], sums[:, _FIXED:].sum(axis=1, keepdims=True)], axis=1
        )
        factors = {key: base.price_factors.get(key, 1.0) for key in MONEY_PARAMETERS}
        return cls(base, months, realised, projected, one_off, factors, norm_table)

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
        for key in UNCERTAIN_MONEY:  # as calc's price-year step (the factor is 1 without one)
            p[key] = p[key] * self.price_factors[key]
        size = max(len(array) for array in p.values())
        weighted = np.broadcast_to(self.realised, (size, *self.realised.shape)).copy()
        # As Parameters.retention_benefit/_work: retention_per_year (v1), when set, sets both.
        single = self.base.parameters.retention_per_year
        one = None if single is None else np.full(1, single)
        q_benefit = monthly_q(
            p["retention_benefit_per_year"] if one is None else one, p["discount_rate"]
        )
        q_work = monthly_q(p["retention_work_per_year"] if one is None else one, p["discount_rate"])
        if len(self.months):
            benefit = geometric_sum(q_benefit[:, None], self.months) @ self.projected.reshape(
                len(self.months), -1
            )
            work = geometric_sum(q_work[:, None], self.months) @ self.projected.reshape(
                len(self.months), -1
            )
            # Either curve may be one value against many draws of the other: broadcast both.
            shape = (-1, *self.realised.shape)
            both = np.broadcast_arrays(benefit.reshape(shape), work.reshape(shape))
            curve = np.zeros(self.realised.shape[1], dtype=bool)
            curve[list(_BENEFIT_TERMS)] = True
            weighted = weighted + np.where(curve, *both)
        column = {key: array[:, None] for key, array in p.items()}
        keep = 1 - column["deadweight"]
        dated = np.zeros((size, len(STAKEHOLDERS)))
        for norms, months, owners in self.dated:
            weights = q_benefit[:, None] ** np.arange(1, len(norms) + 1)
            dated = dated + (weights[:, :months] @ norms[:months])[:, None] * owners
        savings = keep * (
            weighted[..., _BENEFIT]
            + dated
            + column["benefit_admin_cost_year"] / 12 * weighted[..., _ADMINISTRATION]
            + column["benefit_admin_cost_year_uwv"] / 12 * weighted[..., _ADMIN_UWV]
            + weighted[..., _WMO]
            + weighted[..., _MHC]
            + column["mhc_reduction_when_working"] * weighted[..., _MHC_REDUCTION]
        )
        one_off = self.one_off
        costs = (
            weighted[..., _WAGE]
            + column["counselling_hour_rate"] * one_off[:, _COUNSELLING_HOURS]
            + column["counselling_cost_per_trajectory"] * one_off[:, _TRAJECTORIES]
            + column["counselling_hour_rate"] * one_off[:, _RIJK_HOURS]
            + column["counselling_cost_per_trajectory"] * one_off[:, _RIJK_TRAJECTORIES]
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
    frame: pd.DataFrame, filled: pd.DataFrame, payers: pd.DataFrame
) -> NDArray[np.float64]:
    """Per case, the terms of the monthly items (columns ``_BENEFIT`` … ``_WAGE``).

    ``benefit_before`` is as the sum used it (given, fixed default or dated norm): no
    uncertain parameter draws a legal amount.
    """
    has_benefit = frame["benefit_type"].fillna("participatiewet").ne("geen").to_numpy()
    mhc_reduced = (frame["mhc_after"].isna() & frame["mhc_before"].notna()).to_numpy()
    benefit_after = filled["benefit_after"].to_numpy()
    mhc_before = filled["mhc_before"].to_numpy()
    full_outflow = (benefit_after == 0) & has_benefit
    uwv = payers["benefit_administration"].to_numpy() == "uwv"
    terms = np.zeros((len(frame), len(_MONTHLY_ITEMS)))
    before = filled["benefit_before"].to_numpy()
    terms[:, _BENEFIT] = np.where(has_benefit, before - benefit_after, 0.0)
    terms[:, _ADMIN_UWV] = full_outflow & uwv
    terms[:, _ADMINISTRATION] = full_outflow & ~uwv
    terms[:, _WMO] = (filled["wmo_before"] - filled["wmo_after"]).to_numpy()
    terms[:, _MHC] = np.where(mhc_reduced, 0.0, mhc_before - filled["mhc_after"].to_numpy())
    terms[:, _MHC_REDUCTION] = np.where(mhc_reduced, mhc_before, 0.0)
    terms[:, _WAGE] = frame["wage_subsidy_month"].fillna(0.0).to_numpy()
    return terms


def _dated_norms(
    base: Result, dated: NDArray[np.bool_], whole: NDArray[np.float64]
) -> tuple[tuple[NDArray[np.float64], int, NDArray[np.float64]], ...]:
    """Per key and number of projected months: the month norms and the owners' case counts."""
    if not dated.any():
        return ()
    keys = norm_keys(base.inputs["household"])
    used = keys.where(pd.Series(dated, index=keys.index))
    table = projected_norms(used, base.peildatum, int(whole[dated].max()))
    payer = base.payers["benefit"].to_numpy()
    out = []
    for key, norms in table.values.items():
        for months in np.unique(whole[dated & (used.to_numpy() == key)]):
            mine = dated & (used.to_numpy() == key) & (whole == months)
            owners = np.array([float(np.sum(mine & (payer == s))) for s in STAKEHOLDERS])
            out.append((np.nan_to_num(norms), int(months), owners))
    return tuple(out)


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
