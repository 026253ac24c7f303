"""``Result`` → JSON-ready data (schema in ``docs/json.md``); amounts stay unrounded."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from typing import Any

import orjson

from werkzorg_calc.domain.cases import SourceInfo
from werkzorg_calc.domain.errors import Params
from werkzorg_calc.domain.items import ITEM_IDS
from werkzorg_calc.domain.result import Money, Result, View
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.domain.target import TargetResult
from werkzorg_calc.engine.compare import BASE_NAME, Comparison
from werkzorg_calc.engine.provenance import Provenance, build_provenance
from werkzorg_calc.text.issues import issue_message
from werkzorg_calc.text.labels import Lang, text
from werkzorg_calc.text.wording import headline_lines, price_level
from werkzorg_calc.write.beyond_json import result_beyond

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


def _source(source: SourceInfo) -> dict[str, Any]:
    return {"file": source.file, "sha256": source.sha256, "sheet": source.sheet}


def _target(target: TargetResult) -> dict[str, Any]:
    interval = list(target.interval95) if target.interval95 is not None else None
    return {
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
    }


def _summary(result: Result) -> dict[str, Any]:
    """Parameters, target, stakeholders and totals: what a comparison shows per run."""
    totals = result.totals
    frame = result.stakeholders
    stakeholders = {
        str(name): {"savings": _number(savings), "costs": _number(costs), "net": _number(net)}
        for name, savings, costs, net in zip(
            frame.index, frame["savings"], frame["costs"], frame["net"], strict=True
        )
    }
    return {
        "parameters": result.parameters.flat(),
        "changed_parameters": result.changed_parameters,
        "parameter_origins": result.parameter_origins,
        "target": _target(result.target),
        "stakeholders": stakeholders,
        "totals": {
            **_money(totals.all),
            "benefit_cost_ratio": _number(totals.benefit_cost_ratio),
            "net_per_participant": _number(totals.net_per_participant),
            "net_per_placed": _number(totals.net_per_placed),
            "realised": _money(totals.realised),
            "projected": _money(totals.projected),
        },
    }


def _params(params: Params) -> dict[str, Any]:
    """A problem's params as JSON values: dates in ISO, row numbers and places as lists."""
    shown: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, date):
            shown[key] = value.isoformat()
        elif isinstance(value, tuple):
            shown[key] = [list(item) if isinstance(item, tuple) else item for item in value]
        else:
            shown[key] = value
    return shown


def result_to_dict(
    result: Result, provenance: Provenance | None = None, lang: Lang = "nl"
) -> dict[str, Any]:
    """Return the JSON document for ``result`` as plain Python data (see docs/json.md).

    ``provenance`` defaults to ``build_provenance(result)``; the CLI passes the one it built
    from its own arguments.
    """
    return _document(result, provenance, lang, _cases(result))


def _document(
    result: Result, provenance: Provenance | None, lang: Lang, cases: list[dict[str, Any]]
) -> dict[str, Any]:
    summary = _summary(result)
    return {
        "schema_version": SCHEMA_VERSION,
        "peildatum": result.peildatum.isoformat(),
        "horizon_months": result.horizon,
        "source": _source(result.source),
        "sources": [_source(source) for source in result.sources],
        "price_year": result.price_year,
        "price_factors": result.price_factors,
        "parameters": summary["parameters"],
        "changed_parameters": summary["changed_parameters"],
        "parameter_origins": summary["parameter_origins"],
        "target": summary["target"],
        "stakeholders": summary["stakeholders"],
        "totals": summary["totals"],
        "group_by": result.group_by,
        "groups": _groups(result),
        **result_beyond(result),
        "cases": cases,
        "gross": _view(result.gross),
        "common_horizon": _common_horizon(result),
        "in_words": _in_words(result, lang),
        "imputed_share": {
            party: {
                "savings": result.imputed_amounts.share(party, "savings"),
                "costs": result.imputed_amounts.share(party, "costs"),
            }
            for party in STAKEHOLDERS
        },
        "warnings": [
            {
                "file": issue.file,
                "sheet": issue.sheet,
                "row": issue.row,
                "column": issue.column,
                "code": issue.code,
                "params": _params(issue.params),
                "message": issue_message(issue, lang),
            }
            for issue in result.warnings
        ],
        "provenance": (provenance or build_provenance(result)).to_dict(),
    }


def _parties(frame: Any) -> dict[str, dict[str, float]]:
    return {
        str(party): {key: float(row[key]) for key in ("savings", "costs", "net")}
        for party, row in zip(frame.index, frame.to_dict(orient="records"), strict=True)
    }


def _view(view: View) -> dict[str, Any]:
    """N1's gross result (deadweight 0): totals, ratio and parties, unrounded."""
    return {
        "savings": view.money.savings,
        "costs": view.money.costs,
        "net": view.money.net,
        "benefit_cost_ratio": view.benefit_cost_ratio,
        "stakeholders": _parties(view.stakeholders),
    }


def _common_horizon(result: Result) -> dict[str, Any]:
    """H1: every case over the same window from its start_traject."""
    common = result.common_horizon
    return {
        "months": common.months,
        "savings": common.money.savings,
        "costs": common.money.costs,
        "net": common.money.net,
        "benefit_cost_ratio": common.benefit_cost_ratio,
        "stakeholders": _parties(common.stakeholders),
        "realised": {
            "savings": common.realised.savings,
            "costs": common.realised.costs,
            "net": common.realised.net,
        },
        "projected": {
            "savings": common.projected.savings,
            "costs": common.projected.costs,
            "net": common.projected.net,
        },
    }


def _groups(result: Result) -> list[dict[str, Any]] | None:
    if result.groups is None:
        return None
    entries = []
    for name, row in zip(result.groups.index, result.groups.to_dict(orient="records"), strict=True):
        entries.append(
            {
                "group": name,
                "participants": row["participants"],
                "placed": row["placed"],
                "durable": row["durable"],
                "share": _number(row["share"]),
                "met": bool(row["met"]),
                "savings": row["savings"],
                "costs": row["costs"],
                "net": row["net"],
                "net_by_stakeholder": {s: row[s] for s in STAKEHOLDERS},
            }
        )
    return entries


def comparison_to_dict(
    comparison: Comparison, provenance: Provenance | None = None
) -> dict[str, Any]:
    """The JSON document of ``werkzorg compare``: the base and each scenario with its difference.

    ``provenance`` (the CLI passes the run's own) defaults to that of the base run.
    """
    base = comparison.base
    scenarios = []
    for scenario, result in comparison.scenarios:
        difference = comparison.differences[scenario.name]
        scenarios.append(
            {
                "name": scenario.name,
                "description": scenario.description,
                "file": scenario.file,
                "horizon_months": result.horizon,
                **_summary(result),
                "difference": {str(k): _number(float(v)) for k, v in difference.items()},
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "peildatum": base.peildatum.isoformat(),
        "horizon_months": base.horizon,
        "sources": [_source(source) for source in base.sources],
        "price_year": base.price_year,
        "base": {"name": BASE_NAME, **_summary(base)},
        "scenarios": scenarios,
        # False when a scenario projects over another horizon than the base.
        "like_for_like": not comparison.unlike(),
        "provenance": (provenance or build_provenance(base, command="compare")).to_dict(),
    }


def to_json(data: dict[str, Any] | list[Any]) -> str:
    """JSON text: UTF-8 safe, no NaN, keys in the order built, indented by two spaces.

    orjson writes the same document as ``json.dumps(data, ensure_ascii=False, indent=2)``,
    about 15 times faster (``docs/performance.md``); the numbers are the same doubles, written
    in the shortest form that reads back exactly (``1e-05`` may come out as ``1e-5``). A
    non-finite number, which ``_number`` never lets through, would be written as null.
    """
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()


def _cases(result: Result, span: slice = slice(None)) -> list[dict[str, Any]]:
    """One entry per case (of ``span``); built from whole columns, zipped once."""
    cases = result.cases.iloc[span]
    item_ids = list(ITEM_IDS)
    chosen = result.items_of(span)
    items = [
        dict(zip(item_ids, values, strict=True))
        for values in zip(*(chosen[item].tolist() for item in item_ids), strict=True)
    ]
    imputed_fields = list(result.imputed.columns)
    imputed = [
        [field for field, flag in zip(imputed_fields, flags, strict=True) if flag]
        for flags in result.imputed.iloc[span].to_numpy().tolist()
    ]
    derived_fields = list(result.derived.columns)
    derived = [
        [field for field, flag in zip(derived_fields, flags, strict=True) if flag]
        for flags in result.derived.iloc[span].notna().to_numpy().tolist()
    ]
    columns = ("case_id", "status", "work_months", "working_at_peildatum", "durable")
    money = ("savings", "costs", "net")
    # Python has the split per stakeholder (result.case_stakeholders); JSON readers get it too.
    split = result.case_stakeholders[list(STAKEHOLDERS)].iloc[span].to_dict(orient="records")
    municipalities = [
        value if isinstance(value, str) else None for value in cases["municipality"].tolist()
    ]
    return [
        {
            "case_id": case_id,
            "municipality": municipality,
            "status": status,
            "work_months": work_months,
            "working_at_peildatum": working,
            "durable": durable,
            "items": case_items,
            "savings": savings,
            "costs": costs,
            "net": net,
            "net_by_stakeholder": by_stakeholder,
            "imputed": fields,
            "derived": law_fields,  # filled by rule B1 (benefit_after) or W1 (wage_subsidy_month)
            "file": file,
            "row": row,
        }
        for (case_id, status, work_months, working, durable), municipality, case_items, (
            savings,
            costs,
            net,
        ), by_stakeholder, fields, law_fields, file, row in zip(
            zip(*(cases[column].tolist() for column in columns), strict=True),
            municipalities,
            items,
            zip(*(cases[column].tolist() for column in money), strict=True),
            split,
            imputed,
            derived,
            cases["file"].tolist(),
            cases["row"].tolist(),
            strict=True,
        )
    ]


def result_to_json(result: Result, provenance: Provenance | None = None, lang: Lang = "nl") -> str:
    """The JSON text of ``result`` (UTF-8 safe, no NaN, stable key order).

    Each warning keeps its ``code`` and ``params``; its ``message`` is worded in ``lang``.
    The text is that of ``to_json(result_to_dict(...))``, to the byte.
    """
    return "".join(result_json_pieces(result, provenance, lang))


def result_json_pieces(
    result: Result, provenance: Provenance | None = None, lang: Lang = "nl"
) -> Iterator[str]:
    """``result_to_json``'s text in pieces, to be written one after another.

    The cases are turned into JSON ``JSON_BLOCK`` at a time and put in the place of an empty
    list: the dictionaries of every case at once, and the whole text joined, were most of the
    memory of ``--format json`` at national scale.
    """
    head = to_json(_document(result, provenance, lang, []))
    count = len(result.cases)
    if count == 0:
        yield head
        return
    before, after = head.split(_EMPTY_CASES, 1)
    yield before + '\n  "cases": [\n'
    for start in range(0, count, JSON_BLOCK):
        block = to_json(_cases(result, slice(start, start + JSON_BLOCK)))
        # A list on its own starts "[\n  {" and ends "}\n]"; in the document each line of it
        # sits two levels deeper. A JSON string holds no raw line break, so lines are lines.
        yield (",\n  " if start else "  ") + block[2:-2].replace("\n", "\n  ")
    yield "\n  ]" + after


# The top-level "cases" key with an empty list, as ``to_json`` writes it (indent 2).
_EMPTY_CASES = '\n  "cases": []'
JSON_BLOCK = 10_000  # cases turned into JSON at once


def _in_words(result: Result, lang: Lang) -> dict[str, str]:
    """What a reader must know to read the figures, as the reports say it: net or gross,
    the price level of the amounts, and the period (realised, projected) they cover."""
    net, horizon = headline_lines(result, lang)
    period = text("realised_until", lang)
    if result.horizon:
        period += " " + text("plus_projection", lang, n=result.horizon)
    return {
        "result": net,
        "common_horizon": horizon,
        "price_level": price_level(result.price_year, lang),
        "period": period,
    }
