"""Cashable versus non-cashable savings (method v2, K1).

A saving is *cashable* when the party's budget really falls: a benefit not paid and Wmo care
not bought. Freed benefit administration is not (the staff stay until the caseload shrinks
enough). For GGZ care a share ``mhc_cashable_share`` (default 0.5, aanname, range 0–1) is
cashable. Per stakeholder, cashable + non-cashable equals its savings.
"""

from __future__ import annotations

import pandas as pd

from werkzorg_calc.domain.items import SAVING_IDS
from werkzorg_calc.domain.result import Result
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.engine.views import PayerCodes, owned_by, payer_codes

CASHABLE_SHARE = {"benefit": 1.0, "wmo": 1.0, "benefit_administration": 0.0}


def cashable_split(result: Result, coded: PayerCodes | None = None) -> pd.DataFrame:
    """One row per stakeholder: ``cashable`` and ``non_cashable`` savings, unrounded.

    ``coded`` is ``result.payers`` as codes, if the caller has them already.
    """
    mhc_share = result.parameters.mhc_cashable_share
    share = {**CASHABLE_SHARE, "mental_health_care": mhc_share}
    unknown = [item for item in SAVING_IDS if item not in share]
    if unknown:
        raise ValueError(f"K1 has no cashable share for {unknown}")
    items, coded = result.items, coded or payer_codes(result.payers)
    rows = {}
    for stakeholder in STAKEHOLDERS:
        own = items.where(owned_by(coded, list(items.columns), stakeholder), 0.0)
        totals = own[list(SAVING_IDS)].sum(axis=0)
        cashable = float(sum(totals[item] * share[item] for item in SAVING_IDS))
        saved = float(totals.sum())
        rows[stakeholder] = {"cashable": cashable, "non_cashable": saved - cashable}
    return pd.DataFrame.from_dict(rows, orient="index")
