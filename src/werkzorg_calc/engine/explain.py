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
from werkzorg_calc.domain.errors import WerkzorgError
from werkzorg_calc.domain.items import ITEM_IDS, ITEMS, SAVING_IDS
from werkzorg_calc.domain.parameters import parameter_info
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.engine.calc import months_between, projection_factor
from werkzorg_calc.text.formatting import euro, number
from werkzorg_calc.text.labels import Lang, item_label, text

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable, SourceInfo
    from werkzorg_calc.domain.result import Result
    from werkzorg_calc.engine.provenance import Provenance

EXPLAIN_SCHEMA_VERSION = 1
MONTHLY_IDS: tuple[str, ...] = tuple(item.id for item in ITEMS if item.projected)

# The case-file fields each line item reads (besides the dates that give the months).
ITEM_FIELDS: dict[str, tuple[str, ...]] = {
    "benefit": ("benefit_before", "benefit_after", "benefit_type"),
    "benefit_administration": ("benefit_after", "benefit_type"),
    "wmo": ("wmo_before", "wmo_after"),
    "mental_health_care": ("mhc_before", "mhc_after"),
    "counselling": ("counselling_hours",),
    "jobcoach": ("jobcoach_hours",),
    "mediation": ("mediation_cost",),
    "wage_subsidy": ("wage_subsidy_month",),
    "no_risk": ("no_risk_cost",),
    "insurer_contribution": ("insurer_contribution",),
}
TIMELINE_FIELDS = ("status", "trajectory_start", "job_start", "job_end", "hours_per_week")
_PAYER_PARAMETER = {
    "counselling": "payers.counselling",
    "jobcoach": "payers.jobcoach",
    "mediation": "payers.mediation",
}
# Empty inputs the method fills without calling it an assumption (``method.md``, missing values).
_EMPTY_MEANS = {
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


class ExplainError(WerkzorgError):
    """The requested case or line item is not in the result."""


@dataclass(frozen=True, slots=True)
class InputUse:
    """One input cell: where it is, what the file held, and what the sum used.

    ``cell`` is ``Casussen!G12`` (or ``G12`` for a CSV file), ``None`` when the file has no
    such column; ``given`` is ``None`` for an empty cell; ``note`` says what was assumed or
    how an empty cell counts.
    """

    field: str
    header: str
    cell: str | None
    given: object
    used: object
    imputed: bool
    note: str | None


@dataclass(frozen=True, slots=True)
class ParameterUse:
    """One parameter as the sum used it: value (after price indexing), unit, year and source."""

    key: str
    value: object
    given: object
    unit: str
    price_year: int
    price_factor: float | None
    evidence: str
    source: str
    url: str
    origin: str | None


@dataclass(frozen=True, slots=True)
class ProjectionMonth:
    """Month ``m`` after the peildatum: S(m) the job still holds, D(m) discounting, S·D."""

    month: int
    survival: float
    discount: float
    weight: float


@dataclass(frozen=True, slots=True)
class Projection:
    """The months projected for a case still working, and the factor Σ S(m)·D(m)."""

    months: int
    horizon: int
    capped_by_job_end: bool
    retention_per_year: float
    discount_rate: float
    q: float
    factor: float
    steps: tuple[ProjectionMonth, ...]


@dataclass(frozen=True, slots=True)
class ItemExplanation:
    """One line item of one case: formula, inputs, parameters, months, amount and payer.

    ``amount``, ``realised`` and ``projected`` are the Result's own numbers. ``monthly`` is
    the amount per month of work for the items that accrue per month (else ``None``);
    ``months`` is the months it counts (work months plus the projection factor).
    """

    case_id: str
    file: str
    row: int
    item: str
    label: str
    saving: bool
    stakeholder: str | None
    formula_words: str
    formula_symbols: str
    calculation: str
    inputs: tuple[InputUse, ...]
    parameters: tuple[ParameterUse, ...]
    monthly: float | None
    work_months: float | None
    projection_factor: float | None
    realised: float
    projected: float
    amount: float
    imputed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CaseExplanation:
    """Every line item of one case, with the case's dates, months and sums."""

    case_id: str
    file: str
    sheet: str | None
    row: int
    status: str
    municipality: str | None
    peildatum: date
    horizon: int
    price_year: int | None
    case_price_factor: float | None
    timeline: tuple[InputUse, ...]
    work_months: float
    working_at_peildatum: bool
    durable: bool
    projection: Projection | None
    items: tuple[ItemExplanation, ...]
    savings: float
    costs: float
    net: float
    by_stakeholder: dict[str, float]


@dataclass(frozen=True, slots=True)
class ItemAcrossCases:
    """One line item over every case: how its total arose, case by case."""

    item: str
    label: str
    saving: bool
    formula_words: str
    formula_symbols: str
    peildatum: date
    horizon: int
    price_year: int | None
    parameters: tuple[ParameterUse, ...]
    cases: tuple[ItemExplanation, ...]
    total: float
    realised: float
    projected: float
    by_stakeholder: dict[str, float]


# --- the intermediate figures, on whole columns --------------------------------------------


def effective_parameter(result: Result, key: str) -> Any:
    """A parameter as the sum used it: money parameters times their CPI factor."""
    value = result.parameters.flat()[key]
    factor = result.price_factors.get(key)
    return value * factor if factor is not None else value


def _at(frame: pd.DataFrame, index: int, column: str) -> Any:
    """One cell of a frame, as an untyped value (pandas' stubs type it as a wide union)."""
    return frame.at[index, column]


def _at1(series: pd.Series, index: int) -> Any:
    return series.at[index]


def _check_table(result: Result, cases: CaseTable) -> None:
    if cases.frame["case_id"].tolist() != result.cases["case_id"].tolist():
        raise ValueError("the case table is not the one this result was calculated from")


def used_inputs(result: Result, cases: CaseTable) -> pd.DataFrame:
    """The case inputs the sum used, one row per case: price-indexed, empty cells filled.

    Follows ``calc.py``: amounts times the cases' CPI factor, then the imputations of
    ``method.md``; ``counselling_hours`` stays empty (NaN) where the per-trajectory cost counts.
    """
    _check_table(result, cases)
    frame = cases.frame
    factor = result.price_factors.get("cases")
    money = {
        column: frame[column] * factor if factor is not None else frame[column]
        for column in MONEY_FIELDS
    }
    mhc_before, mhc_after = money["mhc_before"], money["mhc_after"]
    reduction = effective_parameter(result, "mhc_reduction_when_working")
    return pd.DataFrame(
        {
            "benefit_before": money["benefit_before"].fillna(
                effective_parameter(result, "benefit_default_month")
            ),
            "benefit_after": money["benefit_after"].fillna(0.0),
            "benefit_type": frame["benefit_type"].fillna("participatiewet"),
            "wmo_before": money["wmo_before"].fillna(0.0),
            "wmo_after": money["wmo_after"].fillna(0.0),
            "mhc_before": mhc_before.fillna(0.0),
            "mhc_after": mhc_after.where(mhc_after.notna(), mhc_before * (1 - reduction)).fillna(
                0.0
            ),
            "jobcoach_hours": frame["jobcoach_hours"].fillna(0.0),
            "counselling_hours": frame["counselling_hours"],
            "mediation_cost": money["mediation_cost"].fillna(0.0),
            "wage_subsidy_month": money["wage_subsidy_month"].fillna(0.0),
            "no_risk_cost": money["no_risk_cost"].fillna(0.0),
            "insurer_contribution": money["insurer_contribution"].fillna(0.0),
        }
    )


def monthly_amounts(result: Result, used: pd.DataFrame) -> pd.DataFrame:
    """The amount per month of work of the items that accrue monthly (savings after deadweight)."""
    keep = 1 - result.parameters.deadweight
    has_benefit = used["benefit_type"].ne("geen")
    full_outflow = (used["benefit_after"].eq(0) & has_benefit).astype("float64")
    admin_year = effective_parameter(result, "benefit_admin_cost_year")
    return pd.DataFrame(
        {
            "benefit": (used["benefit_before"] - used["benefit_after"]).where(has_benefit, 0.0)
            * keep,
            "benefit_administration": (admin_year / 12) * full_outflow * keep,
            "wmo": (used["wmo_before"] - used["wmo_after"]) * keep,
            "mental_health_care": (used["mhc_before"] - used["mhc_after"]) * keep,
            "wage_subsidy": -used["wage_subsidy_month"],
        }
    )


def projection_months(result: Result) -> pd.Series:
    """Whole months projected per case: up to the horizon, capped by a known job end."""
    cases = result.cases
    if result.horizon == 0:
        return pd.Series(0.0, index=cases.index)
    end = cases["job_end"]
    peil = pd.Series(pd.Timestamp(result.peildatum), index=cases.index)
    left = months_between(peil, end).where(end.notna(), float(result.horizon))
    months: pd.Series = (
        left.clip(upper=result.horizon).floordiv(1).where(cases["working_at_peildatum"], 0.0)
    )
    return months


def projection_factors(result: Result) -> pd.Series:
    """Σ_{m=1..N} q^m per case, N from ``projection_months`` (0 for a case not working)."""
    return projection_factor(projection_months(result), result.parameters)


# --- building the explanations --------------------------------------------------------------


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
    hint = f"; bedoelt u {' of '.join(close)}?" if close else f" ({len(ids)} casussen)"
    raise ExplainError(f"casus '{case_id}' staat niet in het bestand{hint}")


def _check_item(item: str) -> None:
    if item not in ITEM_IDS:
        raise ExplainError(f"onbekende post '{item}'; kies uit: {', '.join(ITEM_IDS)}")


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
    source = ctx.sources.get(str(_at(frame, index, "file")))
    letter = source.columns.get(field) if source else None
    if source is None or letter is None:
        return None
    place = f"{letter}{int(_at(frame, index, 'row'))}"
    return f"{source.sheet}!{place}" if source.sheet else place


def _input(ctx: _Context, index: int, field: str) -> InputUse:
    frame, lang = ctx.cases.frame, ctx.lang
    given = _present(_at(frame, index, field))
    used = _present(_at(ctx.used, index, field)) if field in ctx.used.columns else given
    imputed = field in ctx.result.imputed.columns and bool(_at(ctx.result.imputed, index, field))
    note: str | None = None
    if imputed:
        note = assumption_note(ctx.result, field, lang)
    elif given is None and field in _EMPTY_MEANS:
        note = text(_EMPTY_MEANS[field], lang)
    factor = ctx.result.price_factors.get("cases")
    if factor is not None and field in MONEY_FIELDS and given is not None:
        indexed = text("price_indexed", lang, factor=number(factor, 4, lang))
        note = f"{note}; {indexed}" if note else indexed
    header = BY_FIELD[field].header if lang == "nl" else field
    return InputUse(field, header, _cell(ctx, index, field), given, used, imputed, note)


def assumption_note(result: Result, field: str, lang: Lang = "nl") -> str:
    """What was assumed for an empty ``field`` and why (``benefit_before``, ``mhc_after``, …)."""
    values = {
        "amount": euro(effective_parameter(result, "benefit_default_month"), lang),
        "share": number(effective_parameter(result, "mhc_reduction_when_working"), 2, lang),
        "cost": euro(effective_parameter(result, "counselling_cost_per_trajectory"), lang),
    }
    return text(f"assumed_{field}", lang, **values)


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
    if item == "benefit" and bool(_at(imputed, index, "benefit_before")):
        keys.append("benefit_default_month")
    if item == "benefit_administration":
        keys.append("benefit_admin_cost_year")
    if item == "mental_health_care" and bool(_at(imputed, index, "mhc_after")):
        keys.append("mhc_reduction_when_working")
    if item in SAVING_IDS:
        keys.append("deadweight")
    if item == "counselling":
        hours_missing = pd.isna(_at(ctx.used, index, "counselling_hours"))
        keys.append("counselling_cost_per_trajectory" if hours_missing else "counselling_hour_rate")
    if item == "jobcoach":
        keys.append("jobcoach_hour_rate")
    if item in _PAYER_PARAMETER:
        keys.append(_PAYER_PARAMETER[item])
    if item in MONTHLY_IDS and ctx.result.horizon:
        keys += ["retention_per_year", "discount_rate"]
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
        return euro(float(_at(used, index, field)), lang)

    keep = f"(1 − {_short(result.parameters.deadweight, lang)})"
    work = float(_at(result.cases, index, "work_months"))
    factor = float(_at1(ctx.factors, index))
    months = _short(work, lang)
    if result.horizon and factor:
        months = f"({months} + {_short(factor, lang)})"
    if item in ("benefit", "benefit_administration") and _at(used, index, "benefit_type") == "geen":
        return f"{text('no_benefit', lang)}: {total}"
    if item == "benefit_administration" and float(_at(used, index, "benefit_after")) != 0:
        return f"{text('benefit_continues', lang)}: {total}"
    year = euro(effective_parameter(result, "benefit_admin_cost_year"), lang)
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
        hours = _short(float(_at(used, index, hours_field)), lang)
        return f"− {hours} × {euro(effective_parameter(result, rate_key), lang)}"

    per_trajectory = euro(effective_parameter(result, "counselling_cost_per_trajectory"), lang)
    one_off = {
        "counselling": f"− {per_trajectory}"
        if pd.isna(_at(used, index, "counselling_hours"))
        else times("counselling_hours", "counselling_hour_rate"),
        "jobcoach": times("jobcoach_hours", "jobcoach_hour_rate"),
        "mediation": f"− {money('mediation_cost')}",
        "no_risk": f"− {money('no_risk_cost')}",
        "insurer_contribution": f"− {money('insurer_contribution')}",
    }
    return f"{one_off[item]} = {total}"


def _item(ctx: _Context, index: int, item: str) -> ItemExplanation:
    result, lang = ctx.result, ctx.lang
    amount = float(_at(result.items, index, item))
    imputed = result.imputed.loc[index]
    fields = ITEM_FIELDS[item]
    used_imputed = tuple(field for field in fields if field in imputed.index and imputed[field])
    monthly = item in MONTHLY_IDS
    hours_missing = bool(pd.isna(_at(ctx.used, index, "counselling_hours")))
    payer = _at(result.payers, index, item)
    return ItemExplanation(
        case_id=str(_at(result.cases, index, "case_id")),
        file=str(_at(result.cases, index, "file")),
        row=int(_at(result.cases, index, "row")),
        item=item,
        label=item_label(item, lang),
        saving=item in SAVING_IDS,
        stakeholder=None if payer is None or pd.isna(payer) else str(payer),
        formula_words=text(f"words_{item}", lang),
        formula_symbols=_symbols(
            item, lang, result.horizon, hours_missing if item == "counselling" else None
        ),
        calculation=_calculation(ctx, index, item, amount),
        inputs=tuple(_input(ctx, index, field) for field in fields),
        parameters=tuple(_parameter(result, key) for key in _parameter_keys(ctx, index, item)),
        monthly=float(_at(ctx.monthly, index, item)) if monthly else None,
        work_months=float(_at(result.cases, index, "work_months")) if monthly else None,
        projection_factor=float(_at1(ctx.factors, index)) if monthly else None,
        realised=float(_at(result.realised, index, item)),
        projected=float(_at(result.projected, index, item)),
        amount=amount,
        imputed=used_imputed,
    )


def _projection(ctx: _Context, index: int) -> Projection | None:
    result = ctx.result
    if not result.horizon or not bool(_at(result.cases, index, "working_at_peildatum")):
        return None
    params = result.parameters
    months = int(_at1(ctx.months, index))
    steps = []
    for month in range(1, months + 1):
        survival = params.retention_per_year ** (month / 12)
        discount = (1 + params.discount_rate) ** (-month / 12)
        steps.append(ProjectionMonth(month, survival, discount, survival * discount))
    return Projection(
        months=months,
        horizon=result.horizon,
        capped_by_job_end=months < result.horizon,
        retention_per_year=params.retention_per_year,
        discount_rate=params.discount_rate,
        q=(params.retention_per_year / (1 + params.discount_rate)) ** (1 / 12),
        factor=float(_at1(ctx.factors, index)),
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
    for item in items:
        _check_item(item)
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
        by_stakeholder={s: float(_at(result.case_stakeholders, index, s)) for s in STAKEHOLDERS},
    )


def explain_item(
    result: Result, cases: CaseTable, item: str, *, lang: Lang = "nl"
) -> ItemAcrossCases:
    """Line item ``item`` for every case: the formula, the parameters, and each case's share.

    The total is the sum of the Result's amounts; ``by_stakeholder`` splits it by payer.
    """
    _check_item(item)
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
        formula_words=text(f"words_{item}", lang),
        formula_symbols=_symbols(item, lang, result.horizon),
        peildatum=result.peildatum,
        horizon=result.horizon,
        price_year=result.price_year,
        parameters=tuple(_parameter(result, key) for key in keys),
        cases=rows,
        total=float(result.items[item].sum()),
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
