"""``Result`` → JSON-ready data (schema in ``docs/json.md``); amounts stay unrounded."""

from __future__ import annotations

import json
import math
from typing import Any

from werkzorg_calc.items import ITEM_IDS
from werkzorg_calc.result import Money, Result

SCHEMA_VERSION = 1


def _number(value: float | None) -> float | None:
    """JSON has no NaN or infinity: those become null."""
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def _money(money: Money) -> dict[str, float | None]:
    return {
        "savings": _number(money.savings),
        "costs": _number(money.costs),
        "net": _number(money.net),
    }


def result_to_dict(result: Result) -> dict[str, Any]:
    """Return the JSON document for ``result`` as plain Python data."""
    target = result.target
    totals = result.totals
    interval = list(target.interval95) if target.interval95 is not None else None
    stakeholders = {
        name: {
            "savings": _number(row["savings"]),
            "costs": _number(row["costs"]),
            "net": _number(row["net"]),
        }
        for name, row in result.stakeholders.iterrows()
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "peildatum": result.peildatum.isoformat(),
        "horizon_months": result.horizon,
        "source": {
            "file": result.source.file,
            "sha256": result.source.sha256,
            "sheet": result.source.sheet,
        },
        "parameters": result.parameters.flat(),
        "changed_parameters": result.changed_parameters,
        "target": {
            "participants": target.participants,
            "by_status": target.by_status,
            "placed": target.placed,
            "durable": target.durable,
            "basis": target.basis,
            "share": _number(target.share),
            "interval95": interval,
            "target_share": target.target_share,
            "target_count": target.target_count,
            "met": target.met,
        },
        "stakeholders": stakeholders,
        "totals": {
            **_money(totals.all),
            "benefit_cost_ratio": _number(totals.benefit_cost_ratio),
            "net_per_participant": _number(totals.net_per_participant),
            "net_per_placed": _number(totals.net_per_placed),
            "realised": _money(totals.realised),
            "projected": _money(totals.projected),
        },
        "cases": _cases(result),
        "warnings": [
            {
                "file": issue.file,
                "sheet": issue.sheet,
                "row": issue.row,
                "column": issue.column,
                "message": issue.message,
            }
            for issue in result.warnings
        ],
    }


def _cases(result: Result) -> list[dict[str, Any]]:
    """One entry per case; built from whole columns, zipped once."""
    cases = result.cases
    items = result.items[list(ITEM_IDS)].to_dict(orient="records")
    imputed_fields = list(result.imputed.columns)
    imputed = [
        [field for field, flag in zip(imputed_fields, flags, strict=True) if flag]
        for flags in result.imputed.to_numpy().tolist()
    ]
    columns = ("case_id", "status", "work_months", "working_at_peildatum", "durable")
    money = ("savings", "costs", "net")
    return [
        {
            "case_id": case_id,
            "status": status,
            "work_months": work_months,
            "working_at_peildatum": working,
            "durable": durable,
            "items": case_items,
            "savings": savings,
            "costs": costs,
            "net": net,
            "imputed": fields,
        }
        for (case_id, status, work_months, working, durable), case_items, (
            savings,
            costs,
            net,
        ), fields in zip(
            zip(*(cases[column].tolist() for column in columns), strict=True),
            items,
            zip(*(cases[column].tolist() for column in money), strict=True),
            imputed,
            strict=True,
        )
    ]


def result_to_json(result: Result) -> str:
    """The JSON text of ``result`` (UTF-8 safe, no NaN, stable key order)."""
    return json.dumps(result_to_dict(result), ensure_ascii=False, indent=2, allow_nan=False)
