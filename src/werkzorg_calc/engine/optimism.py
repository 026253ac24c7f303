"""Optimism bias (method v2, GMCA practice): an optional view, off by default.

Costs go up and savings down by a share set per evidence grade (``optimism_bias.hard``,
``.onderbouwd``, ``.aanname``) of the parameter each amount rests on. Per case and line item:

- an amount from the case file (Wmo, mediation, wage subsidy, no-risk, the insurer's
  contribution, a benefit or GGZ figure that was given) rests on data: grade ``hard``;
- an imputed benefit rests on ``benefit_default_month``, an imputed ``ggz_na`` on
  ``mhc_reduction_when_working``, benefit administration on ``benefit_admin_cost_year``, the
  jobcoach on ``jobcoach_hour_rate``, counselling on ``counselling_hour_rate`` (hours given) or
  ``counselling_cost_per_trajectory`` (hours empty): the grade of that parameter;
- a projected amount also rests on ``retention_per_year``: the larger of the two shares counts.

Savings × (1 − share), costs × (1 + share), on whole columns; the result is one row per
stakeholder (savings, costs, net) plus ``total``.
"""

from __future__ import annotations

import pandas as pd

from werkzorg_calc.domain.items import ITEM_IDS, SAVING_IDS
from werkzorg_calc.domain.parameters import parameter_info
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.views import PayerCodes, payer_codes, stakeholder_sums


def _share(result: Result, key: str) -> float:
    grade = parameter_info()[key].evidence
    shares = result.parameters.optimism_bias
    return float(getattr(shares, grade, shares.aanname))


def _retention_key() -> str:
    """The retention parameter behind projected amounts (R1's work curve when it exists)."""
    info = parameter_info()
    return "retention_work_per_year" if "retention_work_per_year" in info else "retention_per_year"


def item_shares(result: Result) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The optimism-bias share per case and item, for the realised and the projected part."""
    index = result.realised.index  # the items' index, without adding up every item
    imputed = result.imputed
    hard = result.parameters.optimism_bias.hard

    def fixed(value: float) -> pd.Series:
        return pd.Series(value, index=index, dtype="float64")

    def chosen(flag: pd.Series, key: str) -> pd.Series:
        return fixed(hard).where(~flag.astype(bool), _share(result, key))

    realised = pd.DataFrame({item: fixed(hard) for item in result.realised.columns})
    realised["benefit"] = chosen(imputed["benefit_before"], "benefit_default_month")
    realised["mental_health_care"] = chosen(imputed["mhc_after"], "mhc_reduction_when_working")
    realised["benefit_administration"] = _share(result, "benefit_admin_cost_year")
    realised["jobcoach"] = _share(result, "jobcoach_hour_rate")
    realised["counselling"] = fixed(_share(result, "counselling_hour_rate")).where(
        ~imputed["counselling_hours"].astype(bool),
        _share(result, "counselling_cost_per_trajectory"),
    )
    if "counselling_rijk" in realised.columns:  # C1: the rijk's half rests on the same rate
        realised["counselling_rijk"] = realised["counselling"]
    projected = realised.clip(lower=_share(result, _retention_key()))
    return realised, projected


def optimism_view(result: Result, coded: PayerCodes | None = None) -> pd.DataFrame:
    """Savings, costs and net per stakeholder (and ``total``) with the optimism-bias correction.

    ``coded`` is ``result.payers`` as codes, if the caller has them already.
    """
    realised_share, projected_share = item_shares(result)
    sign = pd.Series({item: -1.0 if item in SAVING_IDS else 1.0 for item in ITEM_IDS})
    adjusted = result.realised[list(ITEM_IDS)] * (1 + realised_share * sign) + result.projected[
        list(ITEM_IDS)
    ] * (1 + projected_share * sign)
    # The same sums per party as every other view (bincount by payer code), not a masked
    # copy of every case's items per party.
    frame = stakeholder_sums(adjusted, coded or payer_codes(result.payers))
    frame.loc["total"] = frame.sum(axis=0)
    return frame
