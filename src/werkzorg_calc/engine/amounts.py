"""The amounts of the line items, on whole columns: monthly, one-off and projected.

Savings are computed gross (deadweight 0) here; ``with_deadweight`` gives the net that is the
headline, so the gross view of N1 and the net come from the very same numbers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import InputIssue
from werkzorg_calc.domain.items import ITEM_IDS, ITEMS, SAVING_IDS
from werkzorg_calc.domain.legal import JOBCOACH_UWV, lookup_column
from werkzorg_calc.domain.parameters import Parameters, default_parameters

UWV_TYPES = ("ww", "wia", "wajong")


def monthly_amounts(
    frame: pd.DataFrame,
    *,
    filled: pd.DataFrame,
    benefit_type: pd.Series,
    payers: pd.DataFrame,
    params: Parameters,
    keep: float = 1.0,
) -> pd.DataFrame:
    """Amounts per month of work of the monthly items; savings times ``keep``."""
    has_benefit = benefit_type.ne("geen")
    full_outflow = (filled["benefit_after"].eq(0) & has_benefit).astype("float64")
    # benefit_admin_cost_year is a bijstand figure; a UWV benefit has its own (rule J1 note).
    admin_year = pd.Series(params.benefit_admin_cost_year, index=frame.index).where(
        payers["benefit_administration"].ne("uwv"), params.benefit_admin_cost_year_uwv
    )
    return pd.DataFrame(
        {
            "benefit": (filled["benefit_before"] - filled["benefit_after"]).where(has_benefit, 0.0)
            * keep,
            "benefit_administration": admin_year / 12 * full_outflow * keep,
            "wmo": (filled["wmo_before"] - filled["wmo_after"]) * keep,
            "mental_health_care": (filled["mhc_before"] - filled["mhc_after"]) * keep,
            "wage_subsidy": -frame["wage_subsidy_month"].fillna(0.0),
        }
    )


def counselling_total(frame: pd.DataFrame, params: Parameters) -> pd.Series:
    """The trajectory's cost: hours × rate, else the price per started trajectory (T2)."""
    hours = frame["counselling_hours"]
    started = frame["status"].ne("aangemeld")
    per_trajectory = pd.Series(params.counselling_cost_per_trajectory, index=frame.index).where(
        started, 0.0
    )
    total: pd.Series = (hours * params.counselling_hour_rate).where(hours.notna(), per_trajectory)
    return total


def one_off_costs(
    frame: pd.DataFrame,
    params: Parameters,
    payers: pd.DataFrame,
    rijk_share: pd.Series,
    jobcoach_rate: pd.Series,
) -> pd.DataFrame:
    """Costs paid once per case, whatever its months of work (signed: costs negative)."""
    counselling = counselling_total(frame, params)
    contribution = frame["insurer_contribution"].fillna(0.0)
    return pd.DataFrame(
        {
            "counselling": -counselling * (1 - rijk_share),
            "counselling_rijk": -counselling * rijk_share,
            "jobcoach": -frame["jobcoach_hours"].fillna(0.0) * jobcoach_rate,
            "mediation": -frame["mediation_cost"].fillna(0.0),
            "no_risk": -frame["no_risk_cost"].fillna(0.0),
            "insurer_contribution": -contribution,
            # T1: the counselling's payer receives the contribution, so it is not counted twice.
            "insurer_contribution_received": contribution,
        }
    )


def projected_amounts(
    monthly: pd.DataFrame,
    factor_benefit: pd.Series,
    factor_work: pd.Series,
    projected_benefit: pd.Series,
) -> pd.DataFrame:
    """Monthly amounts × Σ S(m)·D(m) of their curve (R1); the benefit at the dated norms.

    ``projected_benefit`` is the benefit per projected month where the dated norm applies
    (its discount- and retention-weighted mean over the projected months), NaN elsewhere.
    """
    projected = pd.DataFrame(0.0, index=monthly.index, columns=list(ITEM_IDS))
    for item in ITEMS:
        if not item.projected:
            continue
        factor = factor_benefit if item.curve == "benefit" else factor_work
        amount = monthly[item.id]
        if item.id == "benefit":
            amount = projected_benefit.where(projected_benefit.notna(), amount)
        projected[item.id] = amount * factor
    return projected


def with_deadweight(amounts: pd.DataFrame, keep: float) -> pd.DataFrame:
    """The same amounts with every saving item times ``keep`` = 1 − deadweight."""
    out = amounts.copy(deep=False)  # copy-on-write: the cost columns stay shared
    savings = [column for column in SAVING_IDS if column in out.columns]
    out[savings] = out[savings] * keep
    return out


def jobcoach_rates(
    cases: CaseTable,
    *,
    frame: pd.DataFrame,
    benefit_type: pd.Series,
    given: Parameters,
    effective: Parameters,
) -> tuple[pd.Series, tuple[InputIssue, ...]]:
    """J1: UWV's own dated tariff for UWV benefits where the table has it, else the municipal.

    An explicit ``jobcoach_hour_rate`` applies to every case (v1). The fall-back is warned
    about once per file, naming the rows.
    """
    rate = pd.Series(effective.jobcoach_hour_rate, index=frame.index, dtype="float64")
    if given.jobcoach_hour_rate != default_parameters().jobcoach_hour_rate:
        return rate, ()
    uwv = benefit_type.isin(UWV_TYPES) & frame["jobcoach_hours"].fillna(0.0).gt(0)
    tariff = lookup_column(JOBCOACH_UWV, frame["trajectory_start"]).values
    has_tariff = uwv.to_numpy() & ~np.isnan(tariff)
    rate = rate.where(~has_tariff, pd.Series(tariff, index=frame.index))
    warnings = []
    for source in cases.sources:
        fallback = uwv & ~pd.Series(has_tariff, index=frame.index) & frame["file"].eq(source.file)
        rows = frame.loc[fallback, "row"].tolist()
        if rows:
            warnings.append(
                InputIssue(
                    source.file,
                    source.sheet,
                    None,
                    source.columns.get("jobcoach_hours"),
                    "jobcoach_rate_fallback",
                    {
                        "count": len(rows),
                        "rows": tuple(rows),
                        "amount_euro": effective.jobcoach_hour_rate,
                    },
                    "waarschuwing",
                )
            )
    return rate, tuple(warnings)
