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
from werkzorg_calc.domain.errors import InputIssue, Param
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.bootstrap import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    case_bootstrap_started,
    default_draws,
)
from werkzorg_calc.engine.cashable import cashable_split
from werkzorg_calc.engine.optimism import optimism_view
from werkzorg_calc.engine.payback import payback
from werkzorg_calc.engine.plausibility import plausibility
from werkzorg_calc.engine.settlement import settle
from werkzorg_calc.engine.views import PayerCodes, payer_codes
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
    bootstrap_draws: int | None = None,
    bootstrap_seed: int = DEFAULT_SEED,
    coded: PayerCodes | None = None,
) -> Result:
    """``result`` with ``beyond`` filled in; ``frame`` is the case frame it was computed from.

    ``coded`` is ``result.payers`` as codes, if the caller made them already (``calculate``).

    ``bootstrap_draws`` ``None`` takes ``default_draws`` for the number of cases, and says so
    in a warning when that is fewer than the spec's 10,000.
    """
    cases = result.cases
    draws = default_draws(len(cases)) if bootstrap_draws is None else bootstrap_draws
    # The resampling runs on the other core while the views below are computed.
    bootstrap = case_bootstrap_started(
        cases["net"].to_numpy(dtype=np.float64),
        cases["durable"].to_numpy(dtype=np.bool_),
        draws=draws,
        seed=bootstrap_seed,
    )
    gross = _optional(frame, GROSS_WAGE_COLUMN)
    welfare = welfare_view(result, gross, _optional(frame, NET_WAGE_COLUMN))
    coded = coded or payer_codes(result.payers)  # once, for both sums by party below
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
    checks = plausibility(result, welfare.total)
    beyond = Beyond(
        welfare=welfare,
        settlement=settlement,
        cashable=cashable,
        payback=payback(result, parties, coded),
        bootstrap=bootstrap.result(),
        plausibility=checks,
        optimism=optimism_view(result, coded) if optimism_bias else None,
    )
    reduced = _draws_reduced(result, draws) if bootstrap_draws is None else ()
    warnings = result.warnings + checks.warnings + reduced
    return dataclasses.replace(result, beyond=beyond, warnings=warnings)


def _draws_reduced(result: Result, draws: int) -> tuple[InputIssue, ...]:
    """The warning that the default bootstrap drew fewer than the spec's B (national files)."""
    if draws >= DEFAULT_DRAWS:
        return ()
    file = result.sources[0].file if result.sources else ""
    params: dict[str, Param] = {
        "draws": draws,
        "spec_draws": DEFAULT_DRAWS,
        "cases": len(result.cases),
    }
    return (InputIssue(file, None, None, None, "bootstrap_draws_reduced", params, "waarschuwing"),)
