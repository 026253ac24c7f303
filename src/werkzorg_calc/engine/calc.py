"""The per-case sum of ``method.md``, on whole columns: one call, one immutable ``Result``.

No value is rounded here; rounding happens only where a renderer shows a number.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.columns import BY_FIELD, MONEY_FIELDS
from werkzorg_calc.domain.errors import InputIssue, Param
from werkzorg_calc.domain.items import COST_IDS, ITEM_IDS, ITEMS, SAVING_IDS
from werkzorg_calc.domain.parameters import (
    Parameters,
    ParameterSet,
    default_parameters,
    parameter_info,
)
from werkzorg_calc.domain.prices import price_factor
from werkzorg_calc.domain.result import Money, Result, Totals
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.domain.target import evaluate_target
from werkzorg_calc.engine.law.apply import derivation_notes, derive_law_inputs

DAYS_PER_MONTH = 30.4375  # 365.25 / 12: months are fractional and calendar-neutral
_BENEFIT_PAYER = {
    "participatiewet": "municipality",
    "ww": "uwv",
    "wia": "uwv",
    "wajong": "uwv",
    "geen": None,
}


def months_between(start: pd.Series, end: pd.Series) -> pd.Series:
    """``max(0, end − start)`` in months of 30.4375 days; NaT anywhere gives 0."""
    days = (end - start).dt.days.astype("float64")
    return (days.clip(lower=0) / DAYS_PER_MONTH).fillna(0.0)


def projection_factor(months: pd.Series, params: Parameters) -> pd.Series:
    """Σ_{m=1..N} S(m)·D(m) per case, with S(m)·D(m) = q^m and q = (r / (1 + d))^(1/12).

    The geometric series has the closed form q(1 − q^N)/(1 − q), so no loop over months.
    """
    q = (params.retention_per_year / (1 + params.discount_rate)) ** (1 / 12)
    if q == 1:
        return months.astype("float64")
    factor: pd.Series = q * (1 - q**months) / (1 - q)
    return factor


GROUP_COLUMNS = {"gemeente": "municipality", "bestand": "file"}
MONEY_PARAMETERS = (
    "benefit_default_month",
    "benefit_admin_cost_year",
    "jobcoach_hour_rate",
    "counselling_hour_rate",
    "counselling_cost_per_trajectory",
)


def calculate(
    cases: CaseTable,
    params: Parameters | ParameterSet | None = None,
    peildatum: date | None = None,
    horizon: int = 0,
    *,
    price_year: int | None = None,
    by: str | None = None,
) -> Result:
    """Compute every line item, stakeholder total and the pilot target for ``cases``.

    ``peildatum`` defaults to today; ``horizon`` is the number of months after the peildatum
    to project for cases still working (0: realised amounts only); ``price_year`` brings all
    amounts to that year's prices with the CPI (``None``: amounts as given); ``by`` adds
    subtotals per ``gemeente`` or per ``bestand``. Example::

        result = calculate(load_cases(path, day), default_parameters(), day, horizon=12)
    """
    if not isinstance(cases, CaseTable):
        # A DataFrame has not been validated: the analyst's route is load_frame, which checks
        # it exactly as a file and locates each problem by row and column.
        raise TypeError(
            f"calculate expects validated cases (a CaseTable), not {type(cases).__name__}; "
            "read a DataFrame with werkzorg_calc.load_frame(frame, peildatum) first"
        )
    if isinstance(params, ParameterSet):
        given, origins = params.values, params.origins
    else:
        given, origins = params or default_parameters(), {}
    peildatum = peildatum or date.today()
    if horizon < 0:
        raise ValueError("horizon must be zero or more months")
    if by is not None and by not in GROUP_COLUMNS:
        raise ValueError(f"by must be one of {sorted(GROUP_COLUMNS)}")
    # The law works on nominal amounts at their own dates, so it goes before any price indexing.
    law = derive_law_inputs(cases.frame, peildatum, given.lks_fulltime_hours)
    frame, effective, factors = to_price_year(law.frame, given, peildatum, price_year)
    peil = pd.Timestamp(peildatum)
    start, end = frame["job_start"], frame["job_end"]
    ended_before = end.notna() & end.lt(peil)
    work_months = months_between(start, end.where(ended_before, peil))
    working = start.le(peil) & (end.isna() | end.gt(peil))
    hours = frame["hours_per_week"]
    durable = (
        working
        & work_months.ge(effective.durable_months)
        & (hours.isna() | hours.ge(effective.durable_min_hours))
    )

    filled, imputed = impute_inputs(frame, effective)
    benefit_type = frame["benefit_type"].fillna("participatiewet")
    monthly = _monthly(frame, filled, benefit_type, effective)
    realised = pd.concat([monthly.mul(work_months, axis=0), _one_off(frame, effective)], axis=1)[
        list(ITEM_IDS)
    ]
    projected = _projected(
        monthly, end=end, working=working, peil=peil, horizon=horizon, params=effective
    )

    payers = _payers(benefit_type, effective, frame.index)
    items = realised + projected
    stakeholders = pd.concat(
        [
            _by_stakeholder(items, payers, ""),
            _by_stakeholder(realised, payers, "realised_"),
            _by_stakeholder(projected, payers, "projected_"),
        ],
        axis=1,
    )
    case_stakeholders = pd.DataFrame(
        {s: items.where(payers.to_numpy() == s, 0.0).sum(axis=1) for s in STAKEHOLDERS}
    )

    case_savings = items[list(SAVING_IDS)].sum(axis=1)
    case_costs = -items[list(COST_IDS)].sum(axis=1)
    case_frame = pd.DataFrame(
        {
            "case_id": frame["case_id"],
            "status": frame["status"],
            "file": frame["file"],
            "row": frame["row"],
            "municipality": frame["municipality"],
            "trajectory_start": frame["trajectory_start"],
            "job_start": start,
            "job_end": end,
            "hours_per_week": hours,
            "work_months": work_months,
            "working_at_peildatum": working,
            "durable": durable,
            "savings": case_savings,
            "costs": case_costs,
            "net": case_savings - case_costs,
        }
    )
    target = evaluate_target(frame["status"], working, durable, effective)
    totals = _totals(stakeholders, target.participants, target.placed)
    groups = _groups(case_frame, case_stakeholders, effective, by) if by else None
    warnings = (
        cases.warnings
        + law.warnings
        + derivation_notes(cases.frame, law.derived)
        + _imputation_warnings(cases, imputed, effective)
        + late_peildatum(cases, peildatum)
    )
    changed = given.differences(default_parameters())
    return Result(
        peildatum=peildatum,
        horizon=horizon,
        parameters=given,
        changed_parameters=changed,
        parameter_origins={key: origins.get(key, "Python") for key in changed},
        sources=cases.sources,
        price_year=price_year,
        price_factors=factors,
        cases=case_frame,
        realised=realised,
        projected=projected,
        payers=payers,
        imputed=imputed,
        stakeholders=stakeholders,
        case_stakeholders=case_stakeholders,
        totals=totals,
        target=target,
        groups=groups,
        group_by=by,
        warnings=warnings,
        derived=law.derived,
    )


def to_price_year(
    frame: pd.DataFrame, params: Parameters, peildatum: date, price_year: int | None
) -> tuple[pd.DataFrame, Parameters, dict[str, float]]:
    """Index money parameters from their own price year and case amounts from the peildatum's.

    Case amounts carry no price year of their own; they were recorded around the peildatum,
    so its year is taken as theirs. Without ``price_year`` nothing changes.
    """
    if price_year is None:
        return frame, params, {}
    info = parameter_info()
    factors = {key: price_factor(info[key].price_year, price_year) for key in MONEY_PARAMETERS}
    factors["cases"] = price_factor(peildatum.year, price_year)
    indexed = params.model_copy(
        update={key: getattr(params, key) * factors[key] for key in MONEY_PARAMETERS}
    )
    scaled = frame.copy()
    for column in MONEY_FIELDS:
        scaled[column] = frame[column] * factors["cases"]
    return scaled, indexed, factors


def _monthly(
    frame: pd.DataFrame, filled: pd.DataFrame, benefit_type: pd.Series, params: Parameters
) -> pd.DataFrame:
    """Monthly amounts of the items that accrue per month of work (savings with deadweight)."""
    has_benefit = benefit_type.ne("geen")
    keep = 1 - params.deadweight  # deadweight shrinks savings, never costs
    full_outflow = (filled["benefit_after"].eq(0) & has_benefit).astype("float64")
    return pd.DataFrame(
        {
            "benefit": (filled["benefit_before"] - filled["benefit_after"]).where(has_benefit, 0.0)
            * keep,
            "benefit_administration": (params.benefit_admin_cost_year / 12) * full_outflow * keep,
            "wmo": (filled["wmo_before"] - filled["wmo_after"]) * keep,
            "mental_health_care": (filled["mhc_before"] - filled["mhc_after"]) * keep,
            "wage_subsidy": -frame["wage_subsidy_month"].fillna(0.0),
        }
    )


def _one_off(frame: pd.DataFrame, params: Parameters) -> pd.DataFrame:
    """Costs paid once per case, whatever its months of work."""
    hours = frame["counselling_hours"]
    counselling = (hours * params.counselling_hour_rate).where(
        hours.notna(), params.counselling_cost_per_trajectory
    )
    return pd.DataFrame(
        {
            "counselling": -counselling,
            "jobcoach": -frame["jobcoach_hours"].fillna(0.0) * params.jobcoach_hour_rate,
            "mediation": -frame["mediation_cost"].fillna(0.0),
            "no_risk": -frame["no_risk_cost"].fillna(0.0),
            "insurer_contribution": -frame["insurer_contribution"].fillna(0.0),
        }
    )


def _projected(
    monthly: pd.DataFrame,
    *,
    end: pd.Series,
    working: pd.Series,
    peil: pd.Timestamp,
    horizon: int,
    params: Parameters,
) -> pd.DataFrame:
    """Monthly amounts × Σ S(m)·D(m) for the months after the peildatum, working cases only."""
    projected = pd.DataFrame(0.0, index=monthly.index, columns=list(ITEM_IDS))
    if horizon == 0:
        return projected
    # A known future end of the job caps the projection: no savings past a known end.
    months_left = months_between(pd.Series(peil, index=monthly.index), end).where(
        end.notna(), float(horizon)
    )
    whole_months = months_left.clip(upper=horizon).floordiv(1).where(working, 0.0)
    factor = projection_factor(whole_months, params)
    for item in ITEMS:
        if item.projected:
            projected[item.id] = monthly[item.id] * factor
    return projected


def _groups(
    cases: pd.DataFrame, per_stakeholder: pd.DataFrame, params: Parameters, by: str
) -> pd.DataFrame:
    """Subtotals and the target per group (a municipality or a file)."""
    key = cases[GROUP_COLUMNS[by]].fillna("(onbekend)").astype("object")
    money = pd.concat([cases[["savings", "costs", "net"]], per_stakeholder], axis=1)
    sums = money.groupby(key, sort=True).sum()
    rows = []
    for name in sums.index:
        members = key.eq(name)
        target = evaluate_target(
            cases.loc[members, "status"],
            cases.loc[members, "working_at_peildatum"],
            cases.loc[members, "durable"],
            params,
        )
        rows.append(
            {
                "participants": target.participants,
                "placed": target.placed,
                "durable": target.durable,
                "share": target.share,
                "met": target.met,
            }
        )
    counts = pd.DataFrame(rows, index=sums.index)
    groups = pd.concat([counts, sums], axis=1)
    groups.index.name = by
    return groups


def impute_inputs(frame: pd.DataFrame, params: Parameters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fill missing inputs as ``case-file.md`` prescribes; flag what was assumed."""
    mhc_before, mhc_after = frame["mhc_before"], frame["mhc_after"]
    flags = pd.DataFrame(
        {
            "benefit_before": frame["benefit_before"].isna(),
            "mhc_after": mhc_after.isna() & mhc_before.notna(),
            # Care after placement without care before would read as a cost rise from
            # nothing: we count "before" as 0 as the contract says, but say so.
            "mhc_before": mhc_before.isna() & mhc_after.notna(),
            "counselling_hours": frame["counselling_hours"].isna(),
        }
    )
    filled = pd.DataFrame(
        {
            "benefit_before": frame["benefit_before"].fillna(params.benefit_default_month),
            "benefit_after": frame["benefit_after"].fillna(0.0),
            "wmo_before": frame["wmo_before"].fillna(0.0),
            "wmo_after": frame["wmo_after"].fillna(0.0),
            "mhc_before": mhc_before.fillna(0.0),
            "mhc_after": mhc_after.where(
                mhc_after.notna(), mhc_before * (1 - params.mhc_reduction_when_working)
            ).fillna(0.0),
        }
    )
    return filled, flags


STALE_DAYS = 365


def is_late_peildatum(issue: InputIssue) -> bool:
    """True for the warning of ``late_peildatum``: the report shows it first, not last."""
    return issue.code == "late_peildatum"


def late_peildatum(cases: CaseTable, peildatum: date) -> tuple[InputIssue, ...]:
    """Warn when the peildatum lies long after every date in the file.

    The default peildatum is today; on an old case list everyone still marked at work would
    count as working until today, inflating the realised savings without a word.
    """
    dates = cases.frame[["trajectory_start", "job_start", "job_end"]].max().max()
    if pd.isna(dates) or (pd.Timestamp(peildatum) - dates).days <= STALE_DAYS:
        return ()
    months = round((pd.Timestamp(peildatum) - dates).days / DAYS_PER_MONTH)
    params = {"peildatum": peildatum, "months": months, "latest": dates.date()}
    return (
        InputIssue(cases.source.file, None, None, None, "late_peildatum", params, "waarschuwing"),
    )


def imputation_warnings(
    cases: CaseTable,
    params: Parameters | ParameterSet | None = None,
    peildatum: date | None = None,
) -> tuple[InputIssue, ...]:
    """What the method will fill in for empty cells, without calculating (``werkzorg check``).

    With ``peildatum`` it includes what the law (B1, W1) derives and where a typed amount
    disagrees with it.
    """
    values = params.values if isinstance(params, ParameterSet) else params or default_parameters()
    _, imputed = impute_inputs(cases.frame, values)
    law: tuple[InputIssue, ...] = ()
    if peildatum is not None:
        derived = derive_law_inputs(cases.frame, peildatum, values.lks_fulltime_hours)
        law = derived.warnings + derivation_notes(cases.frame, derived.derived)
    return law + _imputation_warnings(cases, imputed, values)


def _imputation_warnings(
    cases: CaseTable, imputed: pd.DataFrame, params: Parameters
) -> tuple[InputIssue, ...]:
    """One warning per imputed field, naming the rows (never the values) and the assumption."""
    assumption: dict[str, dict[str, Param]] = {
        "benefit_before": {"amount_euro": params.benefit_default_month},
        "mhc_after": {"share": params.mhc_reduction_when_working},
        "mhc_before": {},
        "counselling_hours": {"amount_euro": params.counselling_cost_per_trajectory},
    }
    warnings = []
    for source in cases.sources:
        in_file = cases.frame["file"].eq(source.file)
        for field, values in assumption.items():
            rows = cases.frame.loc[imputed[field] & in_file, "row"].tolist()
            if rows:
                found: dict[str, Param] = {
                    "field": BY_FIELD[field].header,
                    "count": len(rows),
                    "rows": tuple(rows),
                }
                warnings.append(
                    InputIssue(
                        source.file,
                        source.sheet,
                        None,
                        source.columns.get(field),
                        f"imputed_{field}",
                        {**found, **values},
                        "waarschuwing",
                    )
                )
    return tuple(warnings)


def _payers(benefit_type: pd.Series, params: Parameters, index: pd.Index) -> pd.DataFrame:
    """The stakeholder of every item of every case (the benefit's depends on its type)."""
    mapped = benefit_type.map(_BENEFIT_PAYER).astype("object")
    benefit_payer = mapped.where(mapped.notna(), None)  # None: the item belongs to nobody
    fixed = {
        "wmo": "municipality",
        "mental_health_care": "health_insurer",
        "counselling": params.payers.counselling,
        "jobcoach": params.payers.jobcoach,
        "mediation": params.payers.mediation,
        "wage_subsidy": "municipality",
        "no_risk": "uwv",
        "insurer_contribution": "health_insurer",
    }
    columns: dict[str, pd.Series] = {
        "benefit": benefit_payer,
        "benefit_administration": benefit_payer,
    }
    columns.update(
        {item: pd.Series(payer, index=index, dtype="object") for item, payer in fixed.items()}
    )
    return pd.DataFrame(columns)[list(ITEM_IDS)]


def _by_stakeholder(amounts: pd.DataFrame, payers: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """Savings, costs (positive) and net per stakeholder, columns named with ``prefix``."""
    rows = {}
    for stakeholder in STAKEHOLDERS:
        own = amounts.where(payers.to_numpy() == stakeholder, 0.0)
        savings = float(own[list(SAVING_IDS)].to_numpy().sum())
        costs = 0.0 - float(own[list(COST_IDS)].to_numpy().sum())  # 0.0 - x avoids "-0,00"
        rows[stakeholder] = {
            f"{prefix}savings": savings,
            f"{prefix}costs": costs,
            f"{prefix}net": savings - costs,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def _money(stakeholders: pd.DataFrame, prefix: str) -> Money:
    # Totals are the sum of the stakeholder rows, so they always equal the sum of their parts.
    return Money(
        savings=float(sum(stakeholders[f"{prefix}savings"].tolist())),
        costs=float(sum(stakeholders[f"{prefix}costs"].tolist())),
    )


def _totals(stakeholders: pd.DataFrame, participants: int, placed: int) -> Totals:
    whole = _money(stakeholders, "")
    return Totals(
        all=whole,
        realised=_money(stakeholders, "realised_"),
        projected=_money(stakeholders, "projected_"),
        benefit_cost_ratio=whole.savings / whole.costs if whole.costs else None,
        net_per_participant=whole.net / participants if participants else None,
        net_per_placed=whole.net / placed if placed else None,
    )
