"""The one place where the views beyond the business case join the ``Result``.

``calculate`` calls ``extend`` last: the welfare view (M1), the settlement (S1–S3, on all or on
cashable savings), the cashable split (K1), the payback month (P1), the case bootstrap (U1), the
plausibility panel (Q1) and, on request, the optimism-bias view are computed once here and stored
in ``Result.beyond``; every renderer reads them from there. Q1's warnings join ``Result.warnings``.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from werkzorg_calc.domain.beyond import Beyond
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.bootstrap import DEFAULT_DRAWS, DEFAULT_SEED, case_bootstrap
from werkzorg_calc.engine.cashable import cashable_split
from werkzorg_calc.engine.optimism import optimism_view
from werkzorg_calc.engine.payback import payback
from werkzorg_calc.engine.plausibility import plausibility
from werkzorg_calc.engine.settlement import settle
from werkzorg_calc.engine.welfare import welfare_view

GROSS_WAGE_COLUMN = "gross_wage_month"  # brutoloon_pm in the case file
NET_WAGE_COLUMN = "net_earnings_month"  # netto_loon_pm in the case file


def _optional(frame: pd.DataFrame | None, column: str) -> pd.Series | None:
    if frame is None or column not in frame.columns:
        return None
    return pd.to_numeric(frame[column], errors="coerce")


def _column(frame: pd.DataFrame, column: str) -> dict[str, float]:
    return {str(name): float(value) for name, value in frame[column].items()}


def parties_with_flow(result: Result) -> tuple[str, ...]:
    """The stakeholders with any saving or cost (the parties a settlement is between)."""
    frame = result.stakeholders
    flowing = frame["savings"].ne(0.0) | frame["costs"].ne(0.0)
    return tuple(str(name) for name in frame.index[flowing])


def extend(
    result: Result,
    frame: pd.DataFrame | None = None,
    *,
    settle_cashable: bool = False,
    optimism_bias: bool = False,
    bootstrap_draws: int = DEFAULT_DRAWS,
    bootstrap_seed: int = DEFAULT_SEED,
) -> Result:
    """``result`` with ``beyond`` filled in; ``frame`` is the case frame it was computed from."""
    gross = _optional(frame, GROSS_WAGE_COLUMN)
    welfare = welfare_view(result, gross, _optional(frame, NET_WAGE_COLUMN))
    cashable = cashable_split(result)
    parties = parties_with_flow(result)
    stakeholders = result.stakeholders
    all_costs = _column(stakeholders, "costs")
    all_savings = (
        _column(cashable, "cashable") if settle_cashable else _column(stakeholders, "savings")
    )
    costs = {p: all_costs[p] for p in parties}
    savings = {p: all_savings[p] for p in parties}
    settlement = settle(savings, costs, "cashable" if settle_cashable else "all")
    cases = result.cases
    bootstrap = case_bootstrap(
        cases["net"].to_numpy(dtype=np.float64),
        cases["durable"].to_numpy(dtype=np.bool_),
        draws=bootstrap_draws,
        seed=bootstrap_seed,
    )
    checks = plausibility(result, welfare.total)
    beyond = Beyond(
        welfare=welfare,
        settlement=settlement,
        cashable=cashable,
        payback=payback(result, parties),
        bootstrap=bootstrap,
        plausibility=checks,
        optimism=optimism_view(result) if optimism_bias else None,
    )
    return dataclasses.replace(result, beyond=beyond, warnings=result.warnings + checks.warnings)
