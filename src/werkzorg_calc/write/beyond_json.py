"""``Result.beyond`` → the JSON keys of method v2's "JSON additions" (English, unrounded).

``welfare``, ``settlement``, ``payback_month``, ``cashable``, ``bootstrap`` exactly as the spec
names them; ``plausibility`` adds the Q1 comparison panel and ``optimism_bias`` (only with
``--optimism-bias``) the corrected savings, costs and net.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from werkzorg_calc.domain.beyond import Beyond
from werkzorg_calc.domain.result import Result


def _number(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def _parties(values: Mapping[str, float] | None) -> dict[str, float | None] | None:
    if values is None:
        return None
    return {party: _number(value) for party, value in values.items()}


def beyond_to_dict(beyond: Beyond) -> dict[str, Any]:
    """The five spec keys plus ``plausibility``, ready to merge into the result document."""
    welfare, settlement = beyond.welfare, beyond.settlement
    boot = beyond.bootstrap
    return {
        "welfare": {
            "actors": {
                str(actor): {
                    "real": _number(row["real"]),
                    "transfers": _number(row["transfers"]),
                    "net": _number(row["net"]),
                }
                for actor, row in welfare.actors.iterrows()
            },
            "total": _number(welfare.total),
            "transfer_identity": _number(welfare.transfer_identity),
            "transfers": [
                {"from": source, "to": target, "amount": _number(amount), "label": label}
                for source, target, amount, label in welfare.transfers.itertuples(index=False)
            ],
            "wage_imputed_cases": int(welfare.wage_imputed.sum()),
        },
        "settlement": {
            "basis": settlement.basis,
            "costs_follow_benefits": _parties(settlement.costs_follow_benefits),
            "surplus_follows_investment": _parties(settlement.surplus_follows_investment),
            "shapley": _parties(settlement.shapley),
            "shapley_value": _parties(settlement.shapley_value),
        },
        "payback_month": dict(beyond.payback.months),
        "cashable": {
            str(party): {
                "cashable": _number(row["cashable"]),
                "non_cashable": _number(row["non_cashable"]),
            }
            for party, row in beyond.cashable.iterrows()
        },
        "bootstrap": None
        if boot is None
        else {
            "draws": boot.draws,
            "seed": boot.seed,
            "total_net": [_number(value) for value in boot.total_net],
            "durable_share": [_number(value) for value in boot.durable_share],
        },
        "plausibility": {
            str(check): {
                "ours": _number(row["ours"]),
                "reference": _number(row["reference"]),
                "ratio": _number(row["ratio"]),
                "price_year": int(row["price_year"]),
                "warn": bool(row["warn"]),
            }
            for check, row in beyond.plausibility.panel.iterrows()
        },
    }


def _optimism(beyond: Beyond) -> dict[str, Any]:
    """``optimism_bias`` {party | total: {savings, costs, net}}, only when it was asked for."""
    if beyond.optimism is None:
        return {}
    frame = beyond.optimism
    return {
        "optimism_bias": {
            str(name): {key: _number(float(row[key])) for key in ("savings", "costs", "net")}
            for name, row in frame.iterrows()
        }
    }


def result_beyond(result: Result) -> dict[str, Any]:
    """``beyond_to_dict`` of ``result.beyond``, or nothing when it was not computed."""
    if result.beyond is None:
        return {}
    return {**beyond_to_dict(result.beyond), **_optimism(result.beyond)}
