"""The per-case sum of ``method.md``, on whole columns: one call, one immutable ``Result``.

No value is rounded here; rounding happens only where a renderer shows a number.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from .columns import BY_FIELD
from .errors import InputIssue
from .formatting import euro, percent, row_list
from .io.read import CaseTable
from .items import COST_IDS, ITEM_IDS, ITEMS, SAVING_IDS
from .parameters import Parameters, default_parameters
from .result import Money, Result, Totals
from .stakeholders import STAKEHOLDERS
from .target import evaluate_target

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


def calculate(
    cases: CaseTable,
    params: Parameters | None = None,
    peildatum: date | None = None,
    horizon: int = 0,
) -> Result:
    """Compute every line item, stakeholder total and the pilot target for ``cases``.

    ``peildatum`` defaults to today; ``horizon`` is the number of months after the peildatum
    to project for cases still working (0: realised amounts only). Example::

        result = calculate(load_cases(path, day), default_parameters(), day, horizon=12)
    """
    params = params or default_parameters()
    peildatum = peildatum or date.today()
    if horizon < 0:
        raise ValueError("horizon must be zero or more months")
    frame = cases.frame
    peil = pd.Timestamp(peildatum)
    start, end = frame["job_start"], frame["job_end"]
    ended_before = end.notna() & end.lt(peil)
    work_months = months_between(start, end.where(ended_before, peil))
    working = start.le(peil) & (end.isna() | end.gt(peil))
    hours = frame["hours_per_week"]
    durable = (
        working
        & work_months.ge(params.durable_months)
        & (hours.isna() | hours.ge(params.durable_min_hours))
    )

    filled, imputed = _impute(frame, params)
    benefit_type = frame["benefit_type"].fillna("participatiewet")
    has_benefit = benefit_type.ne("geen")
    keep = 1 - params.deadweight  # deadweight shrinks savings, never costs
    monthly = pd.DataFrame(
        {
            "benefit": (filled["benefit_before"] - filled["benefit_after"]).where(has_benefit, 0.0)
            * keep,
            "benefit_administration": (params.benefit_admin_cost_year / 12)
            * (filled["benefit_after"].eq(0) & has_benefit).astype("float64")
            * keep,
            "wmo": (filled["wmo_before"] - filled["wmo_after"]) * keep,
            "mental_health_care": (filled["mhc_before"] - filled["mhc_after"]) * keep,
            "wage_subsidy": -frame["wage_subsidy_month"].fillna(0.0),
        }
    )
    counselling = (frame["counselling_hours"] * params.counselling_hour_rate).where(
        frame["counselling_hours"].notna(), params.counselling_cost_per_trajectory
    )
    one_off = pd.DataFrame(
        {
            "counselling": -counselling,
            "jobcoach": -frame["jobcoach_hours"].fillna(0.0) * params.jobcoach_hour_rate,
            "mediation": -frame["mediation_cost"].fillna(0.0),
            "no_risk": -frame["no_risk_cost"].fillna(0.0),
            "insurer_contribution": -frame["insurer_contribution"].fillna(0.0),
        }
    )
    realised = pd.concat([monthly.mul(work_months, axis=0), one_off], axis=1)[list(ITEM_IDS)]

    projected = pd.DataFrame(0.0, index=frame.index, columns=list(ITEM_IDS))
    if horizon > 0:
        # A known future end of the job caps the projection: no savings past a known end.
        months_left = months_between(pd.Series(peil, index=frame.index), end).where(
            end.notna(), float(horizon)
        )
        whole_months = months_left.clip(upper=horizon).floordiv(1).where(working, 0.0)
        factor = projection_factor(whole_months, params)
        for item in ITEMS:
            if item.projected:
                projected[item.id] = monthly[item.id] * factor

    payers = _payers(benefit_type, params, frame.index)
    items = realised + projected
    stakeholders = pd.concat(
        [
            _by_stakeholder(items, payers, ""),
            _by_stakeholder(realised, payers, "realised_"),
            _by_stakeholder(projected, payers, "projected_"),
        ],
        axis=1,
    )

    case_savings = items[list(SAVING_IDS)].sum(axis=1)
    case_costs = -items[list(COST_IDS)].sum(axis=1)
    case_frame = pd.DataFrame(
        {
            "case_id": frame["case_id"],
            "status": frame["status"],
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
    target = evaluate_target(frame["status"], working, durable, params)
    totals = _totals(stakeholders, target.participants, target.placed)
    warnings = cases.warnings + _imputation_warnings(cases, imputed, params)
    return Result(
        peildatum=peildatum,
        horizon=horizon,
        parameters=params,
        changed_parameters=params.differences(default_parameters()),
        source=cases.source,
        cases=case_frame,
        realised=realised,
        projected=projected,
        payers=payers,
        imputed=imputed,
        stakeholders=stakeholders,
        totals=totals,
        target=target,
        warnings=warnings,
    )


def _impute(frame: pd.DataFrame, params: Parameters) -> tuple[pd.DataFrame, pd.DataFrame]:
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


def _imputation_warnings(
    cases: CaseTable, imputed: pd.DataFrame, params: Parameters
) -> tuple[InputIssue, ...]:
    """One warning per imputed field, naming the rows (never the values) and the assumption."""
    assumption = {
        "benefit_before": f"{euro(params.benefit_default_month)} per maand aangenomen "
        "(benefit_default_month)",
        "mhc_after": f"ggz_voor × (1 − {percent(params.mhc_reduction_when_working)}) aangenomen "
        "(mhc_reduction_when_working)",
        "mhc_before": "0 aangenomen terwijl ggz_na is ingevuld",
        "counselling_hours": f"{euro(params.counselling_cost_per_trajectory)} per traject "
        "gerekend (counselling_cost_per_trajectory)",
    }
    source = cases.source
    warnings = []
    for field, message in assumption.items():
        rows = cases.frame.loc[imputed[field], "row"].tolist()
        if rows:
            header = BY_FIELD[field].header
            warnings.append(
                InputIssue(
                    source.file,
                    source.sheet,
                    None,
                    source.columns.get(field),
                    f"{header} ontbreekt in {len(rows)} rij(en) ({row_list(rows)}): {message}",
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
