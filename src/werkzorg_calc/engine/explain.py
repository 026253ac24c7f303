"""Every euro explained: one case's line items, or one line item across all cases, as data.

The amounts come straight from the ``Result`` (``realised``, ``projected`` and ``items``), never
from a second calculation. What this module adds is what produced them: the input cells with
their place in the source file (``Casussen!G12``), the parameters with value, price year and
source, the months worked and the projection factors, the stakeholder, and what was assumed.
The intermediate figures it shows (the amount per month, the projection factor) follow the
same rules as ``calc.py`` on the same inputs; a test checks that they multiply back to the
Result's amounts for every case and item.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from werkzorg_calc.domain.columns import BY_FIELD, MONEY_FIELDS
from werkzorg_calc.domain.items import BY_ID, ITEM_IDS, ITEM_NAMES, ITEMS, SAVING_IDS, item_id
from werkzorg_calc.domain.parameters import parameter_info
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.text.formatting import euro, number, or_list
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.labels import Lang, assumption_words, formula_words, item_label, text

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable, SourceInfo
    from werkzorg_calc.domain.result import Result
    from werkzorg_calc.engine.provenance import Provenance
from werkzorg_calc.engine.explanation import (
    EXPLAIN_SCHEMA_VERSION,
    CaseExplanation,
    ExplainError,
    InputUse,
    ItemAcrossCases,
    ItemExplanation,
    ParameterUse,
    Projection,
    ProjectionMonth,
)
from werkzorg_calc.engine.law.apply import RULES, month_by_month
from werkzorg_calc.engine.trace import (
    ITEM_FIELDS,
    MONTHLY_IDS,
    TIMELINE_FIELDS,
    cell_at,
    effective_parameter,
    item_at,
    monthly_amounts,
    projection_factors,
    projection_months,
    used_inputs,
)
from werkzorg_calc.text.law import law_text

# Which parameter chooses an item's payer: read from the payer rules of domain/items.py.
_PAYER_PARAMETER = {
    item.id: f"payers.{'counselling' if item.payer == 'counselling' else item.id}"
    for item in ITEMS
    if item.payer in ("counselling", "chosen")
}


# Empty inputs the method fills without calling it an assumption (``method.md``, missing values).
_EMPTY_MEANS: dict[str, LabelKey] = {
    "benefit_after": "empty_zero",
    "benefit_type": "empty_participatiewet",
    "wmo_before": "empty_zero",
    "wmo_after": "empty_zero",
    "mhc_before": "empty_zero",
    "mhc_after": "empty_zero",
    "jobcoach_hours": "empty_zero",
    "mediation_cost": "empty_zero",
    "wage_subsidy_month": "empty_zero",
    "no_risk_cost": "empty_zero",
    "insurer_contribution": "empty_zero",
}


@dataclass(frozen=True)
class _Context:
    result: Result
    cases: CaseTable
    used: pd.DataFrame
    monthly: pd.DataFrame
    months: pd.Series
    factors: pd.Series
    sources: dict[str, SourceInfo]
    lang: Lang


def _context(result: Result, cases: CaseTable, lang: Lang) -> _Context:
    used = used_inputs(result, cases)
    return _Context(
        result=result,
        cases=cases,
        used=used,
        monthly=monthly_amounts(result, used),
        months=projection_months(result),
        factors=projection_factors(result),
        sources={source.file: source for source in result.sources},
        lang=lang,
    )


def _looks_like_bsn(value: str) -> bool:
    text_ = value.strip()
    if len(text_) != 9 or not text_.isascii() or not text_.isdigit():
        return False
    digits = [int(char) for char in text_]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - digits[8]) % 11 == 0


def _case_index(result: Result, case_id: str) -> int:
    ids = [str(value) for value in result.cases["case_id"].tolist()]
    if case_id in ids:
        return int(result.cases.index[ids.index(case_id)])
    if _looks_like_bsn(case_id):
        raise ExplainError(
            "de gevraagde casus staat niet in het bestand (het lijkt een BSN en wordt niet "
            "getoond; gebruik het pseudoniem uit de kolom casus_id)"
        )
    close = difflib.get_close_matches(case_id, ids, n=3)
    hint = f"; bedoelt u {or_list(close)}?" if close else f" ({len(ids)} casussen)"
    raise ExplainError(f"casus '{case_id}' staat niet in het bestand{hint}")


def _check_item(item: str) -> str:
    """The item id for ``item`` (an id or its Dutch name, ``ggz``), or an ``ExplainError``."""
    found = item_id(item)
    if found is None:
        dutch = ", ".join(dict.fromkeys(ITEM_NAMES))
        raise ExplainError(
            f"onbekende post '{item}'; kies uit: {', '.join(ITEM_IDS)} (of in het Nederlands: "
            f"{dutch})"
        )
    return found


def _present(value: object) -> object:
    """A frame value as plain Python: NaN/NaT → None, a timestamp → a date."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def _cell(ctx: _Context, index: int, field: str) -> str | None:
    frame = ctx.cases.frame
    source = ctx.sources.get(str(cell_at(frame, index, "file")))
    letter = source.columns.get(field) if source else None
    if source is None or letter is None:
        return None
    place = f"{letter}{int(cell_at(frame, index, 'row'))}"
    return f"{source.sheet}!{place}" if source.sheet else place


def _input(ctx: _Context, index: int, field: str) -> InputUse:
    frame, lang = ctx.cases.frame, ctx.lang
    given = _present(cell_at(frame, index, field))
    used = _present(cell_at(ctx.used, index, field)) if field in ctx.used.columns else given
    imputed = field in ctx.result.imputed.columns and bool(
        cell_at(ctx.result.imputed, index, field)
    )
    note: str | None = None
    derived = (
        field in ctx.result.derived.columns
        and _present(cell_at(ctx.result.derived, index, field)) is not None
    )
    if derived:
        note = _law_note(ctx, index, field)
    elif imputed:
        note = assumption_note(ctx.result, field, lang, index)
    elif given is None and field in _EMPTY_MEANS:
        note = text(_EMPTY_MEANS[field], lang)
    factor = ctx.result.price_factors.get("cases")
    if factor is not None and field in MONEY_FIELDS and given is not None:
        indexed = text("price_indexed", lang, factor=number(factor, 4, lang))
        note = f"{note}; {indexed}" if note else indexed
    header = BY_FIELD[field].header if lang == "nl" else field
    return InputUse(field, header, _cell(ctx, index, field), given, used, imputed, note)


def _law_note(ctx: _Context, index: int, field: str) -> str:
    """How the law derived this case's amount: rule, article, every month, the mean."""
    result, lang = ctx.result, ctx.lang
    months = month_by_month(
        ctx.cases.frame.loc[[index]], result.peildatum, result.parameters.lks_fulltime_hours, field
    )
    shown = ", ".join(f"{day.strftime('%m-%Y')} {euro(amount, lang)}" for day, amount in months)
    rule, article = RULES[field]
    key = "derived_note_b1" if rule == "B1" else "derived_note_w1"
    mean = euro(float(cell_at(result.derived, index, field)), lang)
    return law_text(key, lang, article=article, months=shown, mean=mean)


def assumption_note(result: Result, field: str, lang: Lang = "nl", index: int | None = None) -> str:
    """What was assumed for an empty ``field`` and why (``benefit_before``, ``mhc_after``, …).

    With the dated norm (L1) and a case ``index``, the note names the norm and table lines.
    """
    default = result.parameters.benefit_default_month
    if field == "benefit_before" and default is None:
        norm = float(cell_at(result.inputs, index, "benefit_before")) if index is not None else 0
        lines = ", ".join(str(line) for line in sorted(result.legal_lines)) or "-"
        return assumption_words("benefit_before_dated", lang, amount=euro(norm, lang), lines=lines)
    values = {
        "amount": euro(effective_parameter(result, "benefit_default_month") or 0.0, lang),
        "share": number(effective_parameter(result, "mhc_reduction_when_working"), 2, lang),
        "cost": euro(effective_parameter(result, "counselling_cost_per_trajectory"), lang),
    }
    return assumption_words(field, lang, **values)


def _parameter(result: Result, key: str) -> ParameterUse:
    meta = parameter_info()[key]
    return ParameterUse(
        key=key,
        value=effective_parameter(result, key),
        given=result.parameters.flat()[key],
        unit=meta.unit,
        price_year=meta.price_year,
        price_factor=result.price_factors.get(key),
        evidence=meta.evidence,
        source=meta.source,
        url=meta.url,
        origin=result.parameter_origins.get(key),
    )


def _parameter_keys(ctx: _Context, index: int, item: str) -> list[str]:
    imputed = ctx.result.imputed
    keys: list[str] = []
    if item == "benefit" and bool(cell_at(imputed, index, "benefit_before")):
        keys.append("benefit_default_month")
    if item == "benefit_administration":
        keys.append("benefit_admin_cost_year")
    if item == "mental_health_care" and bool(cell_at(imputed, index, "mhc_after")):
        keys.append("mhc_reduction_when_working")
    if item in SAVING_IDS:
        keys.append("deadweight")
    if item == "counselling":
        hours_missing = pd.isna(cell_at(ctx.used, index, "counselling_hours"))
        keys.append("counselling_cost_per_trajectory" if hours_missing else "counselling_hour_rate")
    if item == "jobcoach":
        keys.append("jobcoach_hour_rate")
    if item in _PAYER_PARAMETER:
        keys.append(_PAYER_PARAMETER[item])
    if item in MONTHLY_IDS and ctx.result.horizon:
        curve = BY_ID[item].curve
        keys += [f"retention_{curve}_per_year", "discount_rate"]
    return keys


def _symbols(item: str, lang: Lang, horizon: int, hours_missing: bool | None = None) -> str:
    """The formula with the case-file's column names and the parameter keys."""
    names = {
        field: BY_FIELD[field].header if lang == "nl" else field
        for fields in ITEM_FIELDS.values()
        for field in fields
    }
    months = text("symbol_months", lang)
    if horizon:
        months = f"({months} + Σ q^m)"
    keep = "(1 − deadweight)"
    n = names
    per_hour = f"− {n['counselling_hours']} × counselling_hour_rate"
    per_trajectory = "− counselling_cost_per_trajectory"
    if hours_missing is None:
        counselling = f"{per_hour}  |  {per_trajectory} ({text('without_hours', lang)})"
    else:
        counselling = per_trajectory if hours_missing else per_hour
    formulas = {
        "benefit": f"({n['benefit_before']} − {n['benefit_after']}) × {keep} × {months}",
        "benefit_administration": f"benefit_admin_cost_year / 12 × {keep} × {months}  "
        f"[{n['benefit_after']} = 0, {n['benefit_type']} ≠ geen]",
        "wmo": f"({n['wmo_before']} − {n['wmo_after']}) × {keep} × {months}",
        "mental_health_care": f"({n['mhc_before']} − {n['mhc_after']}) × {keep} × {months}",
        "counselling": counselling,
        "jobcoach": f"− {n['jobcoach_hours']} × jobcoach_hour_rate",
        "mediation": f"− {n['mediation_cost']}",
        "wage_subsidy": f"− {n['wage_subsidy_month']} × {months}",
        "no_risk": f"− {n['no_risk_cost']}",
        "insurer_contribution": f"− {n['insurer_contribution']}",
        "counselling_rijk": f"{counselling} × rijksdeel (C1)",
        "insurer_contribution_received": f"+ {n['insurer_contribution']} (T1)",
    }
    return formulas[item]


def _short(value: float, lang: Lang) -> str:
    """A factor as short as it is exact enough to read: 0.25 → 0,25; 6.932238… → 6,932238."""
    shown = number(value, 6, lang)
    mark = "," if lang == "nl" else "."
    return shown.rstrip("0").rstrip(mark) if mark in shown else shown


def _calculation(ctx: _Context, index: int, item: str, amount: float) -> str:
    """The formula with this case's numbers in it, ending in the Result's amount."""
    lang, used, result = ctx.lang, ctx.used, ctx.result
    total = euro(amount, lang)

    def money(field: str) -> str:
        return euro(float(cell_at(used, index, field)), lang)

    keep = f"(1 − {_short(result.parameters.effective_deadweight, lang)})"
    work = float(cell_at(result.cases, index, "work_months"))
    curve = BY_ID[item].curve == "benefit"
    column = "projection_factor_benefit" if curve else "projection_factor_work"
    factor = float(cell_at(result.cases, index, column))
    months = _short(work, lang)
    if result.horizon and factor:
        months = f"({months} + {_short(factor, lang)})"
    if (
        item in ("benefit", "benefit_administration")
        and cell_at(used, index, "benefit_type") == "geen"
    ):
        return f"{text('no_benefit', lang)}: {total}"
    if item == "benefit_administration" and float(cell_at(used, index, "benefit_after")) != 0:
        return f"{text('benefit_continues', lang)}: {total}"
    uwv = cell_at(result.payers, index, "benefit_administration") == "uwv"
    admin_key = "benefit_admin_cost_year_uwv" if uwv else "benefit_admin_cost_year"
    year = euro(effective_parameter(result, admin_key), lang)
    monthly = {
        "benefit": f"({money('benefit_before')} − {money('benefit_after')}) × {keep}",
        "benefit_administration": f"{year} / 12 × {keep}",
        "wmo": f"({money('wmo_before')} − {money('wmo_after')}) × {keep}",
        "mental_health_care": f"({money('mhc_before')} − {money('mhc_after')}) × {keep}",
        "wage_subsidy": f"− {money('wage_subsidy_month')}",
    }
    if item in monthly:
        return f"{monthly[item]} × {months} = {total}"

    def times(hours_field: str, rate_key: str) -> str:
        hours = _short(float(cell_at(used, index, hours_field)), lang)
        return f"− {hours} × {euro(effective_parameter(result, rate_key), lang)}"

    started = cell_at(result.cases, index, "status") != "aangemeld"  # T2
    per_trajectory = euro(
        effective_parameter(result, "counselling_cost_per_trajectory") if started else 0.0, lang
    )
    counselling = (
        f"− {per_trajectory}"
        if pd.isna(cell_at(used, index, "counselling_hours"))
        else times("counselling_hours", "counselling_hour_rate")
    )
    share = float(cell_at(result.inputs, index, "rijk_share"))
    one_off = {
        "counselling": counselling if not share else f"{counselling} × {_short(1 - share, lang)}",
        "counselling_rijk": f"{counselling} × {_short(share, lang)}",
        "insurer_contribution_received": f"+ {money('insurer_contribution')}",
        "jobcoach": times("jobcoach_hours", "jobcoach_hour_rate"),
        "mediation": f"− {money('mediation_cost')}",
        "no_risk": f"− {money('no_risk_cost')}",
        "insurer_contribution": f"− {money('insurer_contribution')}",
    }
    return f"{one_off[item]} = {total}"


def _item(ctx: _Context, index: int, item: str) -> ItemExplanation:
    result, lang = ctx.result, ctx.lang
    amount = float(item_at(result.item(item), index))
    imputed = result.imputed.loc[index]
    fields = ITEM_FIELDS[item]
    used_imputed = tuple(field for field in fields if field in imputed.index and imputed[field])
    monthly = item in MONTHLY_IDS
    hours_missing = bool(pd.isna(cell_at(ctx.used, index, "counselling_hours")))
    payer = cell_at(result.payers, index, item)
    return ItemExplanation(
        case_id=str(cell_at(result.cases, index, "case_id")),
        file=str(cell_at(result.cases, index, "file")),
        row=int(cell_at(result.cases, index, "row")),
        item=item,
        label=item_label(item, lang),
        saving=item in SAVING_IDS,
        stakeholder=None if payer is None or pd.isna(payer) else str(payer),
        formula_words=formula_words(item, lang),
        formula_symbols=_symbols(
            item, lang, result.horizon, hours_missing if item == "counselling" else None
        ),
        calculation=_calculation(ctx, index, item, amount),
        inputs=tuple(_input(ctx, index, field) for field in fields),
        parameters=tuple(_parameter(result, key) for key in _parameter_keys(ctx, index, item)),
        monthly=float(cell_at(ctx.monthly, index, item)) if monthly else None,
        work_months=float(cell_at(result.cases, index, "work_months")) if monthly else None,
        projection_factor=float(item_at(ctx.factors, index)) if monthly else None,
        realised=float(cell_at(result.realised, index, item)),
        projected=float(cell_at(result.projected, index, item)),
        amount=amount,
        imputed=used_imputed,
    )


def _projection(ctx: _Context, index: int) -> Projection | None:
    result = ctx.result
    if not result.horizon or not bool(cell_at(result.cases, index, "working_at_peildatum")):
        return None
    params = result.parameters
    months = int(item_at(ctx.months, index))
    steps = []
    for month in range(1, months + 1):
        survival = params.retention_work ** (month / 12)
        discount = (1 + params.discount_rate) ** (-month / 12)
        steps.append(ProjectionMonth(month, survival, discount, survival * discount))
    return Projection(
        months=months,
        horizon=result.horizon,
        capped_by_job_end=months < result.horizon,
        retention_per_year=params.retention_work,
        discount_rate=params.discount_rate,
        q=(params.retention_work / (1 + params.discount_rate)) ** (1 / 12),
        factor=float(item_at(ctx.factors, index)),
        steps=tuple(steps),
    )


def explain_case(
    result: Result,
    cases: CaseTable,
    case_id: str,
    *,
    items: Sequence[str] = ITEM_IDS,
    lang: Lang = "nl",
) -> CaseExplanation:
    """Every line item of case ``case_id`` (or only ``items``), with where each number came from.

    ``cases`` is the table ``result`` was calculated from. Raises ``ExplainError`` for an
    unknown case id or item. Example::

        explanation = explain_case(result, table, "V-01")
        explanation.items[0].calculation  # '(€ 1.401,50 − € 0,00) × (1 − 0) × 6,932238 = …'
    """
    items = [_check_item(item) for item in items]
    index = _case_index(result, case_id)
    ctx = _context(result, cases, lang)
    row: dict[str, Any] = {str(key): value for key, value in result.cases.loc[index].items()}
    source = ctx.sources.get(str(row["file"]))
    municipality = _present(row["municipality"])
    return CaseExplanation(
        case_id=str(row["case_id"]),
        file=str(row["file"]),
        sheet=source.sheet if source else None,
        row=int(row["row"]),
        status=str(row["status"]),
        municipality=None if municipality is None else str(municipality),
        peildatum=result.peildatum,
        horizon=result.horizon,
        price_year=result.price_year,
        case_price_factor=result.price_factors.get("cases"),
        timeline=tuple(_input(ctx, index, field) for field in TIMELINE_FIELDS),
        work_months=float(row["work_months"]),
        working_at_peildatum=bool(row["working_at_peildatum"]),
        durable=bool(row["durable"]),
        projection=_projection(ctx, index),
        items=tuple(_item(ctx, index, item) for item in items),
        savings=float(row["savings"]),
        costs=float(row["costs"]),
        net=float(row["net"]),
        by_stakeholder={
            s: float(cell_at(result.case_stakeholders, index, s)) for s in STAKEHOLDERS
        },
    )


def explain_item(
    result: Result, cases: CaseTable, item: str, *, lang: Lang = "nl"
) -> ItemAcrossCases:
    """Line item ``item`` for every case: the formula, the parameters, and each case's share.

    The total is the sum of the Result's amounts; ``by_stakeholder`` splits it by payer.
    """
    item = _check_item(item)
    ctx = _context(result, cases, lang)
    rows = tuple(_item(ctx, int(index), item) for index in result.cases.index)
    keys: dict[str, None] = {}
    for row in rows:
        keys.update(dict.fromkeys(p.key for p in row.parameters))
    by_stakeholder: dict[str, float] = dict.fromkeys(STAKEHOLDERS, 0.0)
    for row in rows:
        if row.stakeholder is not None:
            by_stakeholder[row.stakeholder] += row.amount
    return ItemAcrossCases(
        item=item,
        label=item_label(item, lang),
        saving=item in SAVING_IDS,
        formula_words=formula_words(item, lang),
        formula_symbols=_symbols(item, lang, result.horizon),
        peildatum=result.peildatum,
        horizon=result.horizon,
        price_year=result.price_year,
        parameters=tuple(_parameter(result, key) for key in keys),
        cases=rows,
        total=float(result.item(item).sum()),
        realised=float(result.realised[item].sum()),
        projected=float(result.projected[item].sum()),
        by_stakeholder=by_stakeholder,
    )


def _plain(value: object) -> object:
    """Dataclass data as JSON-ready values: dates as ISO text, NaN and infinity as null."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def explanation_to_dict(
    explanation: CaseExplanation | ItemAcrossCases, provenance: Provenance | None = None
) -> dict[str, Any]:
    """The JSON document of ``werkzorg explain`` (schema in ``docs/audit.md``)."""
    kind = "case" if isinstance(explanation, CaseExplanation) else "item"
    document: dict[str, Any] = {"schema_version": EXPLAIN_SCHEMA_VERSION, "kind": kind}
    body = _plain(dataclasses.asdict(explanation))
    assert isinstance(body, dict)
    document[kind] = body
    if provenance is not None:
        document["provenance"] = provenance.to_dict()
    return document
