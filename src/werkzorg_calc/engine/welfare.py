"""The welfare (MKBA) view of method v2, rule M1: real effects apart from transfers.

Seven actors (``ACTORS``). Real effects: production (the employer's valuation: wage cost minus
wage subsidy), freed benefit administration, Wmo and GGZ care; minus counselling, jobcoach and
mediation. Transfers, as a ledger of (from, to, amount, label): benefit not paid (participant →
benefit payer), net wage (employer → participant), employer charges (employer → rijk), wage
subsidy (municipality → employer), no-riskpolis (uwv → employer), the insurer's contribution
(insurer → the counselling payer). A transfer moves money and creates nothing, so
Σ over actors of (in − out) = 0; that identity is checked on every run and a failure raises
``IdentityError`` (a bug, never a number to show). Hence Σ actors' net = Σ real effects.

The wage: ``brutoloon_pm`` (a monthly gross wage column) when the case file has it; otherwise the
spec's fallback, WML(day) × hours / 38 × 1.08 summed per work day (hours ``wage_default_hours``
when empty), and the case is marked ``wage_imputed``. Net wage is taken equal to the gross wage
(no income tax is modelled) and the employer charges are ``employer_charges_share`` of it. The
wage counts with the same deadweight as the savings: it is an effect of the placement, and the
share that would have happened anyway is not the programme's.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from werkzorg_calc.domain.beyond import ACTORS, TOLERANCE, IdentityError, Welfare, holds
from werkzorg_calc.domain.legal import (
    WML_HOUR,
    WML_MONTH,
    LegalTableError,
    last_row,
    rows_for,
)
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.event_time import DAYS_PER_MONTH, case_times

CHUNK_CASES = 20_000  # cases per overlap matrix with the WML periods
FULLTIME_HOURS = 38.0
HOLIDAY_ALLOWANCE = 1.08  # vakantiegeld: 8% on top of the monthly minimum wage
HOUR_TO_MONTH = 13 / 3  # weeks per month in the hourly WML (from 2024)

REAL_ITEMS = (
    "benefit_administration",
    "wmo",
    "mental_health_care",
    "counselling",
    "counselling_rijk",  # C1: central government's half of a trajectory (method v2)
    "jobcoach",
    "mediation",
)
TRANSFER_ITEMS = ("benefit", "wage_subsidy", "no_risk", "insurer_contribution")
# The receiving side of the insurer's contribution (method v2, T1) is booked by the ledger.
MIRROR_ITEMS = ("insurer_contribution_received",)
TRANSFER_LABELS = (
    "benefit",
    "net_wage",
    "wage_tax",
    "employer_charges",
    "wage_subsidy",
    "no_risk",
    "insurer_contribution",
)


def _wml_periods() -> tuple[NDArray[Any], NDArray[Any], NDArray[np.float64]]:
    """Every WML period (from, to exclusive) with its full-time monthly amount."""
    rows = [row for key in (WML_MONTH, WML_HOUR) for row in rows_for(key) if row.value is not None]
    rows.sort(key=lambda row: row.valid_from)
    starts = np.array([row.valid_from for row in rows], dtype="datetime64[D]")
    ends = np.array([row.valid_to for row in rows], dtype="datetime64[D]") + np.timedelta64(1, "D")
    amounts = np.array(
        [
            float(row.value or 0) * (FULLTIME_HOURS * HOUR_TO_MONTH if row.key == WML_HOUR else 1)
            for row in rows
        ]
    )
    return starts, ends, amounts


def _wml_on(day: date) -> float:
    """The full-time monthly WML on ``day``; past the table's end its last row (said in docs)."""
    starts, ends, amounts = _wml_periods()
    stamp = np.datetime64(day, "D")
    hit = (starts <= stamp) & (stamp < ends)
    if hit.any():
        return float(amounts[hit][0])
    if len(ends) and stamp >= ends.max():
        row = last_row(WML_HOUR)
        return float(row.value or 0) * FULLTIME_HOURS * HOUR_TO_MONTH
    raise LegalTableError(WML_MONTH, day, "no_row")


def _fallback_wage_months(result: Result) -> pd.Series:
    """Σ over realised work days of WML(day) / 30.4375: the full-time wage months per case."""
    cases = result.cases
    peil = pd.Timestamp(result.peildatum)
    end = cases["job_end"].where(cases["job_end"].notna() & cases["job_end"].lt(peil), peil)
    start = cases["job_start"].to_numpy(dtype="datetime64[D]")
    stop = end.to_numpy(dtype="datetime64[D]")
    starts, ends, amounts = _wml_periods()
    worked = np.nan_to_num(np.clip((stop - start).astype("float64"), 0.0, None))
    wage_days = np.empty(len(start))
    covered = np.empty(len(start))
    # The overlap matrix is cases × WML periods (dozens): a piece of cases at a time keeps a
    # national file from holding several of them at 10^6 × periods at once.
    for low_case in range(0, len(start), CHUNK_CASES):
        piece = slice(low_case, low_case + CHUNK_CASES)
        low = np.maximum(start[piece, None], starts[None, :])
        high = np.minimum(stop[piece, None], ends[None, :])
        overlap = np.nan_to_num(np.clip((high - low).astype("float64"), 0.0, None))  # NaT: NaN
        covered[piece] = overlap.sum(axis=1)
        wage_days[piece] = overlap @ amounts
    uncovered = worked - covered > 0.5
    if uncovered.any():
        first = int(np.flatnonzero(uncovered)[0])
        raise LegalTableError(WML_MONTH, cases["job_start"].iloc[first].date(), "no_row")
    return pd.Series(wage_days / DAYS_PER_MONTH, index=cases.index)


def wages(result: Result, gross_month: pd.Series | None) -> tuple[pd.Series, pd.Series]:
    """The gross wage per case over the view (realised + projected) and whether it was imputed.

    Deadweight is not applied here; ``welfare_view`` applies it.
    """
    gross, imputed, _ = _wage_months(result, gross_month)
    return gross, imputed


def _wage_months(
    result: Result, gross_month: pd.Series | None
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Gross wage, imputed flag and the months (realised + projected weight) per case."""
    cases = result.cases
    params = result.parameters
    default_hours = params.wage_default_hours
    hours = cases["hours_per_week"].fillna(default_hours)
    scale = hours / FULLTIME_HOURS * HOLIDAY_ALLOWANCE
    times = case_times(result)
    weight = pd.Series(times.projected_weight(), index=cases.index)
    fallback = (_fallback_wage_months(result) + _wml_on(result.peildatum) * weight) * scale
    given = (
        gross_month.reindex(cases.index)
        if gross_month is not None
        else pd.Series(np.nan, index=cases.index)
    )
    from_file = given * (cases["work_months"] + weight)
    placed = cases["job_start"].notna()
    imputed = given.isna() & placed
    wage = from_file.where(given.notna(), fallback).where(placed, 0.0)
    return wage.astype("float64"), imputed, (cases["work_months"] + weight).where(placed, 0.0)


def welfare_view(
    result: Result, gross_month: pd.Series | None = None, net_month: pd.Series | None = None
) -> Welfare:
    """M1 for ``result``; ``gross_month`` and ``net_month`` are the case file's ``brutoloon_pm``
    and ``netto_loon_pm`` columns, if any. With a net wage the difference gross − net (wage tax
    and employee premiums) is a transfer employer → rijk; without it net = gross."""
    # One item column at a time (``result.item``): the frame of every item is 96 MB at a
    # million cases, and the ledger needs six of its columns.
    payers, item_ids, index = result.payers, list(result.realised.columns), result.realised.index
    known = set(REAL_ITEMS) | set(TRANSFER_ITEMS) | set(MIRROR_ITEMS)
    unknown = [item for item in item_ids if item not in known]
    if unknown:
        raise IdentityError(f"welvaartsbeeld: onbekende post(en) {unknown}")
    params = result.parameters
    keep = 1 - float(getattr(params, "effective_deadweight", params.deadweight))
    charges_share = params.employer_charges_share
    gross, imputed, months = _wage_months(result, gross_month)
    wage = gross * keep
    charges = wage * charges_share
    net_given = (
        net_month.reindex(index) * months * keep
        if net_month is not None
        else pd.Series(float("nan"), index=index)
    )
    net_wage = net_given.where(net_given.notna(), wage).astype("float64")
    subsidy = -result.item("wage_subsidy")

    def flow(
        label: str, source: str | pd.Series, target: str | pd.Series, amount: pd.Series
    ) -> pd.DataFrame:
        summed = _summed(amount, {"from": source, "to": target})
        return summed.assign(label=label)[["from", "to", "amount", "label"]]

    ledger = pd.concat(
        [
            flow("benefit", "participant", payers["benefit"], result.item("benefit")),
            flow("net_wage", "employer", "participant", net_wage),
            flow("wage_tax", "employer", "rijk", wage - net_wage),
            flow("employer_charges", "employer", "rijk", charges),
            flow("wage_subsidy", payers["wage_subsidy"], "employer", subsidy),
            flow("no_risk", payers["no_risk"], "employer", -result.item("no_risk")),
            flow(
                "insurer_contribution",
                payers["insurer_contribution"],
                payers[_receiver(payers)],
                -result.item("insurer_contribution"),
            ),
        ],
        ignore_index=True,
    )
    effects = pd.concat(
        [
            _summed(wage + charges - subsidy, {"effect": "production", "actor": "employer"}),
            *(
                _summed(result.item(item), {"effect": item, "actor": payers[item]})
                for item in REAL_ITEMS
                if item in item_ids
            ),
        ],
        ignore_index=True,
    )
    actors = _actors(ledger, effects)
    identity = math.fsum(actors["transfers"].tolist())
    lost = math.fsum(ledger["amount"].tolist()) - math.fsum(actors["transfers_in"].tolist())
    moved = float(ledger["amount"].abs().sum())
    if not (holds(identity, 2 * moved) and holds(lost, 2 * moved)):
        raise IdentityError(
            f"welvaartsbeeld: de overdrachten tellen niet op tot nul (Σ = {identity!r})"
        )
    total = math.fsum(effects["amount"].tolist())
    if abs(math.fsum(actors["net"].tolist()) - total) > TOLERANCE * max(1.0, abs(total)):
        raise IdentityError("welvaartsbeeld: Σ netto van de actoren ≠ Σ reële effecten")
    return Welfare(
        actors=actors,
        effects=effects,
        transfers=ledger,
        total=total,
        transfer_identity=identity,
        wage_imputed=imputed,
    )


def _receiver(payers: pd.DataFrame) -> str:
    """The column naming who receives the insurer's contribution: T1's receipt, else v1's
    counselling payer (whom the contribution finances)."""
    return MIRROR_ITEMS[0] if MIRROR_ITEMS[0] in payers.columns else "counselling"


def _summed(amount: pd.Series, keys: dict[str, str | pd.Series]) -> pd.DataFrame:
    """The non-zero ``amount`` of each case summed per distinct value of ``keys``, in order of
    first appearance: one row per key, then ``amount``.

    A key is one actor for every case (a string) or each case's payer (a Series). A national
    file has a million cases but a handful of payers: summing each flow on its own, grouping
    only by the keys that vary, keeps a long frame of strings out of the ledger.
    """
    nonzero = amount.ne(0.0).to_numpy()
    values = amount.to_numpy(dtype="float64")[nonzero]
    varying = {
        k: v.to_numpy(dtype=object)[nonzero] for k, v in keys.items() if isinstance(v, pd.Series)
    }
    fixed = {k: v for k, v in keys.items() if not isinstance(v, pd.Series)}
    if not varying:
        sums = pd.DataFrame({"amount": [values.sum()]} if len(values) else {"amount": []})
    else:
        grouped = pd.Series(values).groupby(list(varying.values()), sort=False, dropna=False)
        sums = grouped.sum().rename("amount").reset_index()
        sums.columns = [*varying, "amount"]
    for name, value in fixed.items():
        sums[name] = value
    return sums[[*keys, "amount"]].astype(dict.fromkeys(keys, object))


def _actors(ledger: pd.DataFrame, effects: pd.DataFrame) -> pd.DataFrame:
    """Real, in, out, transfers and net per actor; only the seven actors, in their order."""
    index = pd.Index(ACTORS, name="actor")
    real = effects.groupby("actor")["amount"].sum().reindex(index, fill_value=0.0)
    inflow = ledger.groupby("to")["amount"].sum().reindex(index, fill_value=0.0)
    outflow = ledger.groupby("from")["amount"].sum().reindex(index, fill_value=0.0)
    frame = pd.DataFrame(
        {
            "real": real,
            "transfers_in": inflow,
            "transfers_out": outflow,
            "transfers": inflow - outflow,
        }
    )
    frame["net"] = frame["real"] + frame["transfers"]
    return frame.astype("float64")
