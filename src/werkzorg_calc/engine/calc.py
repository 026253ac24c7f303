"""The per-case sum of ``method.md``, on whole columns: one call, one immutable ``Result``.

No value is rounded here; rounding happens only where a renderer shows a number.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.columns import BY_FIELD, MONEY_FIELDS
from werkzorg_calc.domain.errors import InputIssue, Param
from werkzorg_calc.domain.items import COST_IDS, ITEM_IDS, SAVING_IDS, payer_frame
from werkzorg_calc.domain.parameters import (
    Parameters,
    ParameterSet,
    default_parameters,
    parameter_info,
)
from werkzorg_calc.domain.prices import price_factor
from werkzorg_calc.domain.result import ImputedShare, Money, Result, Totals
from werkzorg_calc.domain.target import evaluate_target
from werkzorg_calc.engine.amounts import (
    jobcoach_rates,
    monthly_amounts,
    one_off_costs,
    projected_amounts,
    with_deadweight,
)
from werkzorg_calc.engine.beyond import extend
from werkzorg_calc.engine.bootstrap import DEFAULT_SEED
from werkzorg_calc.engine.dated import dated_inputs
from werkzorg_calc.engine.law.apply import LawInputs, derivation_notes, derive_law_inputs
from werkzorg_calc.engine.months import (
    DAYS_PER_MONTH,
    months_between,
    projection_factor,
    whole_projection_months,
)
from werkzorg_calc.engine.views import (
    PayerCodes,
    case_stakeholder_sums,
    common_horizon_view,
    imputed_amounts,
    payer_codes,
    stakeholder_item_sums,
    stakeholder_sums,
    stakeholder_sums_of,
    view,
)

GROUP_COLUMNS = {"gemeente": "municipality", "bestand": "file"}
MONEY_PARAMETERS = (
    "benefit_default_month",
    "benefit_admin_cost_year",
    "benefit_admin_cost_year_uwv",
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
    settle_cashable: bool = False,
    optimism_bias: bool = False,
    bootstrap_draws: int | None = None,
    bootstrap_seed: int = DEFAULT_SEED,
) -> Result:
    """Compute every line item, stakeholder total and the pilot target for ``cases``.

    ``peildatum`` defaults to today; ``horizon`` is the number of months after the peildatum
    to project for cases still working (0: realised amounts only); ``price_year`` brings all
    non-legal amounts to that year's prices with the CPI (``None``: amounts as given); ``by``
    adds subtotals per ``gemeente`` or per ``bestand``. The headline is net of the deadweight;
    ``Result.gross`` holds the same sum at deadweight 0 and ``Result.common_horizon`` the view
    of rule H1. ``settle_cashable`` settles the wrong pocket on cashable savings only (K1);
    ``optimism_bias`` adds the optimism-bias view; ``bootstrap_draws`` and ``bootstrap_seed``
    set the case bootstrap (U1; ``None``: 10,000 draws, fewer for a national file, with a
    warning). Example::

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
    law, frame, effective, factors = prepared_inputs(cases, given, peildatum, price_year)
    peil = pd.Timestamp(peildatum)
    start, end = frame["job_start"], frame["job_end"]
    ended_before = end.notna() & end.lt(peil)
    work_end = end.where(ended_before, peil)
    work_months = months_between(start, work_end)
    working = start.le(peil) & (end.isna() | end.gt(peil))
    hours = frame["hours_per_week"]
    durable = (
        working
        & work_months.ge(effective.durable_months)
        & (hours.isna() | hours.ge(effective.durable_min_hours))
    )

    benefit_type = frame["benefit_type"].fillna("participatiewet")
    payers, rijk_share = payer_frame(
        benefit_type,
        frame["trajectory_start"],
        {
            "counselling": effective.payers.counselling,
            "jobcoach": effective.payers.jobcoach,
            "mediation": effective.payers.mediation,
        },
    )
    months = whole_projection_months(end, working, peil, horizon)
    legal = dated_inputs(
        cases,
        frame=frame,
        params=effective,
        peildatum=peildatum,
        start=start,
        work_end=work_end,
        months=months,
    )
    filled, imputed = impute_inputs(frame, effective, legal.benefit_before)
    jobcoach_rate, jobcoach_warnings = jobcoach_rates(
        cases, frame=frame, benefit_type=benefit_type, given=given, effective=effective
    )
    gross_monthly = monthly_amounts(
        frame, filled=filled, benefit_type=benefit_type, payers=payers, params=effective
    )
    one_off = one_off_costs(frame, effective, payers, rijk_share, jobcoach_rate)
    gross_realised = pd.concat([gross_monthly.mul(work_months, axis=0), one_off], axis=1)[
        list(ITEM_IDS)
    ]
    factor_benefit = projection_factor(months, effective.retention_benefit, effective.discount_rate)
    factor_work = projection_factor(months, effective.retention_work, effective.discount_rate)
    projected_benefit = (legal.projected_benefit_before - filled["benefit_after"]).where(
        benefit_type.ne("geen"), 0.0
    )
    gross_projected = projected_amounts(
        gross_monthly, factor_benefit, factor_work, projected_benefit
    )
    keep = 1 - effective.effective_deadweight  # deadweight shrinks savings, never costs
    realised, projected = (
        with_deadweight(gross_realised, keep),
        with_deadweight(gross_projected, keep),
    )
    monthly = with_deadweight(gross_monthly, keep)
    coded = payer_codes(payers)  # once: every view below sums by these codes
    gross = view(gross_realised + gross_projected, coded)
    # A million cases × a dozen items is 96 MB a frame: each one is let go as soon as its
    # last view is taken, so the peak holds only what the result keeps.
    del gross_realised, gross_projected, gross_monthly

    (
        stakeholders,
        stakeholder_items,
        case_stakeholders,
        case_savings,
        case_costs,
        imputed_share,
    ) = _item_sums(realised, projected, coded, imputed)
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
            "projection_months": months,
            "projection_factor_benefit": factor_benefit,
            "projection_factor_work": factor_work,
            "benefit_norm_month": legal.benefit_before,
            "benefit_norm_projected": legal.projected_benefit_before,
            "savings": case_savings,
            "costs": case_costs,
            "net": case_savings - case_costs,
        }
    )
    target = evaluate_target(frame["status"], working, durable, effective)
    totals = _totals(stakeholders, target.participants, target.placed)
    groups = _groups(case_frame, case_stakeholders, effective, by) if by else None
    common = common_horizon_view(
        frame=frame,
        monthly=monthly,
        one_off=one_off,
        payers=coded,
        params=effective,
        peil=peil,
        work_end=work_end,
        working=working,
        norms=legal,
        benefit_after=filled["benefit_after"],
        keep=keep,
    )
    warnings = (
        cases.warnings
        + law.warnings
        + derivation_notes(cases.frame, law.derived)
        + _imputation_warnings(cases, imputed, effective)
        + legal.warnings
        + jobcoach_warnings
        + late_peildatum(cases, peildatum)
    )
    changed = given.differences(default_parameters())
    result = Result(
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
        stakeholder_items=stakeholder_items,
        case_stakeholders=case_stakeholders,
        totals=totals,
        target=target,
        groups=groups,
        group_by=by,
        warnings=warnings,
        derived=law.derived,
        inputs=filled.assign(
            jobcoach_hour_rate=jobcoach_rate,
            rijk_share=rijk_share,
            benefit_type=benefit_type,
            household=frame["household"],
        ),
        monthly=monthly,
        gross=gross,
        common_horizon=common,
        imputed_amounts=imputed_share,
        legal_lines=legal.lines,
    )
    return extend(
        result,
        frame,
        settle_cashable=settle_cashable,
        optimism_bias=optimism_bias,
        bootstrap_draws=bootstrap_draws,
        bootstrap_seed=bootstrap_seed,
        coded=coded,
    )


def _item_sums(
    realised: pd.DataFrame, projected: pd.DataFrame, coded: PayerCodes, imputed: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series, pd.Series, ImputedShare]:
    """The sums over realised + projected: per stakeholder (whole, realised, projected), per
    stakeholder and item, per case and stakeholder, each case's savings and costs, and the
    share resting on imputed inputs. The frame of every case's items lives only while these
    are taken."""
    items = realised + projected
    item_sums = stakeholder_item_sums(items, coded)
    stakeholders = pd.concat(
        [
            stakeholder_sums_of(item_sums, ""),
            stakeholder_sums(realised, coded, "realised_"),
            stakeholder_sums(projected, coded, "projected_"),
        ],
        axis=1,
    )
    savings = items[list(SAVING_IDS)].sum(axis=1)
    costs = -items[list(COST_IDS)].sum(axis=1)
    return (
        stakeholders,
        item_sums,
        case_stakeholder_sums(items, coded),
        savings,
        costs,
        imputed_amounts(items, imputed, coded),
    )


def prepared_inputs(
    cases: CaseTable, given: Parameters, peildatum: date, price_year: int | None
) -> tuple[LawInputs, pd.DataFrame, Parameters, dict[str, float]]:
    """The inputs every evaluation of the method starts from: the law's derived amounts filled
    in, then every amount at the chosen price level, and the parameters at that level.

    The law works on nominal amounts at their own dates, so it goes before any price indexing.
    ``calculate`` and the vectorised uncertainty model both start here, so they see one input.
    """
    law = derive_law_inputs(cases.frame, peildatum, given.lks_fulltime_hours)
    frame, effective, factors = to_price_year(law.frame, given, peildatum, price_year)
    return law, frame, effective, factors


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
    # An unset benefit_default_month means the dated legal norm: never indexed (rule I1).
    indexed = params.model_copy(
        update={
            key: getattr(params, key) * factors[key]
            for key in MONEY_PARAMETERS
            if getattr(params, key) is not None
        }
    )
    scaled = frame.copy(deep=False)  # copy-on-write: the unscaled columns stay shared
    for column in MONEY_FIELDS:
        scaled[column] = frame[column] * factors["cases"]
    return scaled, indexed, factors


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


def impute_inputs(
    frame: pd.DataFrame, params: Parameters, dated_before: pd.Series | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fill missing inputs as ``case-file.md`` prescribes; flag what was assumed.

    ``dated_before`` is the dated norm per month of work (L1) for an empty ``uitkering_voor``;
    without it (or with ``benefit_default_month`` set) the fixed default is taken.
    """
    if params.benefit_default_month is not None or dated_before is None:
        default_before: pd.Series | float = params.benefit_default_month or 0.0
    else:
        default_before = dated_before
    mhc_before, mhc_after = frame["mhc_before"], frame["mhc_after"]
    flags = pd.DataFrame(
        {
            "benefit_before": frame["benefit_before"].isna(),
            "mhc_after": mhc_after.isna() & mhc_before.notna(),
            # Care after placement without care before would read as a cost rise from
            # nothing: we count "before" as 0 as the contract says, but say so.
            "mhc_before": mhc_before.isna() & mhc_after.notna(),
            # T2: a registered person whose trajectory never started is charged nothing.
            "counselling_hours": frame["counselling_hours"].isna()
            & frame["status"].ne("aangemeld"),
        }
    )
    filled = pd.DataFrame(
        {
            "benefit_before": frame["benefit_before"].fillna(default_before),
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
        "benefit_before": (
            {"amount_euro": params.benefit_default_month}
            if params.benefit_default_month is not None
            else {}
        ),
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
                        # L1: without a fixed default the dated norm is what was assumed
                        f"imputed_{field}"
                        + ("_dated" if field == "benefit_before" and not values else ""),
                        {**found, **values},
                        "waarschuwing",
                    )
                )
    return tuple(warnings)


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
