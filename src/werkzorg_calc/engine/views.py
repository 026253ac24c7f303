"""The views beside the headline: gross (N1), the common horizon (H1), what rests on imputation.

Each is computed once here and stored in the ``Result``, so every renderer reads the same
numbers and none recomputes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from werkzorg_calc.domain.items import BY_ID, COST_IDS, SAVING_IDS
from werkzorg_calc.domain.parameters import Parameters
from werkzorg_calc.domain.result import CommonHorizon, ImputedShare, Money, View
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.engine.dated import DatedInputs
from werkzorg_calc.engine.months import (
    DAYS_PER_MONTH,
    monthly_q,
    months_between,
    projection_factor,
)
from werkzorg_calc.engine.norms import integrate, projected_norms, weighted_norm_sum


@dataclass(frozen=True)
class PayerCodes:
    """The payers frame as small integers: ``codes[case, item]`` indexes ``names``.

    Turning a million cases × a dozen items of payer names into integers is the slow part of
    every sum per stakeholder; ``calculate`` does it once and every view reuses it. A cell
    without a payer has the code ``len(names)``.
    """

    columns: tuple[str, ...]
    codes: NDArray[np.integer[Any]]
    names: tuple[str, ...]

    def of(self, columns: list[str]) -> NDArray[np.integer[Any]]:
        """The codes of ``columns``, matched by name."""
        position = {column: j for j, column in enumerate(self.columns)}
        return self.codes[:, [position[column] for column in columns]]


def owned_by(coded: PayerCodes, columns: list[str], party: str) -> NDArray[np.bool_]:
    """Which cells of ``columns`` (cases × items, matched by name) ``party`` pays or saves.

    From the one-byte codes: comparing the payers frame's names cell by cell made an object
    array of every case × item (96 MB at a million cases) and compared strings in Python.
    """
    codes = coded.of(columns)
    if party not in coded.names:
        return np.zeros(codes.shape, dtype=np.bool_)
    owned: NDArray[np.bool_] = codes == coded.names.index(party)
    return owned


def payer_codes(payers: pd.DataFrame | PayerCodes) -> PayerCodes:
    """``payers`` as ``PayerCodes`` (already coded ones are returned as they are)."""
    if isinstance(payers, PayerCodes):
        return payers
    # Column by column, so only one column of eight-byte codes exists at a time: the frame at
    # once (a million cases × a dozen items) took half a gigabyte of hash table and codes.
    columns = [payers.iloc[:, j].to_numpy() for j in range(payers.shape[1])]
    names = list(
        dict.fromkeys(
            str(name) for column in columns for name in pd.unique(column) if pd.notna(name)
        )
    )
    # A handful of payers: one byte a cell, not eight; every view copies the columns it sums.
    small = np.uint8 if len(names) < np.iinfo(np.uint8).max else np.intp
    position = {name: index for index, name in enumerate(names)}
    codes = np.empty(payers.shape, dtype=small)
    for j, column in enumerate(columns):
        column_codes, uniques = pd.factorize(column)
        # The local code -1 (no payer) takes the table's last entry: the slot len(names).
        table = np.array([position[str(name)] for name in uniques] + [len(names)], dtype=small)
        codes[:, j] = table[column_codes]
    return PayerCodes(tuple(payers.columns), codes, tuple(names))


def _per_item(amounts: pd.DataFrame, coded: PayerCodes) -> NDArray[np.float64]:
    """The signed sum of each item column (rows) per payer code (columns, one more for none).

    Each item column is summed per payer with ``bincount``: one pass over the table instead
    of a masked copy of it per stakeholder. Columns are matched by name, not by position: a
    view may hold its items in another order than ``payers`` (the common horizon's are
    alphabetical), and each item must go to its own payer.
    """
    values = amounts.to_numpy(dtype=np.float64)
    codes = coded.of(list(amounts.columns))
    slots = len(coded.names) + 1  # the last slot gathers cells without a payer
    if not values.shape[1]:
        return np.zeros((0, slots))
    return np.stack(
        [
            np.bincount(codes[:, j], weights=values[:, j], minlength=slots)
            for j in range(values.shape[1])
        ]
    )


def stakeholder_item_sums(amounts: pd.DataFrame, payers: pd.DataFrame | PayerCodes) -> pd.DataFrame:
    """The signed sum of every item (columns) per stakeholder (rows, in their order).

    ``stakeholder_sums_of`` turns these into each party's savings, costs and net.
    """
    coded = payer_codes(payers)
    per_item = _per_item(amounts, coded)
    position = {name: index for index, name in enumerate(coded.names)}
    zero = np.zeros(per_item.shape[0])
    return pd.DataFrame(
        np.stack([per_item[:, position[s]] if s in position else zero for s in STAKEHOLDERS]),
        index=list(STAKEHOLDERS),
        columns=list(amounts.columns),
    )


def stakeholder_sums_of(item_sums: pd.DataFrame, prefix: str = "") -> pd.DataFrame:
    """Savings, costs (positive) and net per stakeholder from ``stakeholder_item_sums``.

    Columns are named ``{prefix}savings``, ``{prefix}costs``, ``{prefix}net``.
    """
    columns = list(item_sums.columns)
    saving = [item for item in SAVING_IDS if item in columns]
    cost = [item for item in COST_IDS if item in columns]
    savings_of = item_sums[saving].to_numpy(dtype=np.float64)
    costs_of = item_sums[cost].to_numpy(dtype=np.float64)
    rows = {}
    for row, stakeholder in enumerate(item_sums.index):
        savings = float(savings_of[row].sum())
        costs = 0.0 - float(costs_of[row].sum())  # 0.0 - x: no -0,00
        rows[stakeholder] = {
            f"{prefix}savings": savings,
            f"{prefix}costs": costs,
            f"{prefix}net": savings - costs,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def stakeholder_sums(
    amounts: pd.DataFrame, payers: pd.DataFrame | PayerCodes, prefix: str = ""
) -> pd.DataFrame:
    """Savings, costs (positive) and net per stakeholder of signed ``amounts``.

    ``payers`` names, per case and item, who pays or saves it (a column for every item of
    ``amounts``, matched by name), as names or as ``PayerCodes``. Columns are named
    ``{prefix}savings``, ``{prefix}costs``, ``{prefix}net``.
    """
    return stakeholder_sums_of(stakeholder_item_sums(amounts, payers), prefix)


def case_stakeholder_sums(amounts: pd.DataFrame, payers: pd.DataFrame | PayerCodes) -> pd.DataFrame:
    """Each case's signed net per stakeholder (a column per stakeholder, in their order)."""
    values = amounts.to_numpy(dtype=np.float64)
    coded = payer_codes(payers)
    codes = coded.of(list(amounts.columns))
    slots = len(coded.names) + 1
    per_case = np.zeros((len(amounts), slots))
    cases = np.arange(len(amounts))
    for j in range(values.shape[1]):
        # Within one item column every case appears once, so plain fancy-index addition is safe.
        per_case[cases, codes[:, j]] += values[:, j]
    position = {name: index for index, name in enumerate(coded.names)}
    return pd.DataFrame(
        {
            stakeholder: per_case[:, position[stakeholder]]
            if stakeholder in position
            else np.zeros(len(amounts))
            for stakeholder in STAKEHOLDERS
        },
        index=amounts.index,
    )


def view(items: pd.DataFrame, payers: pd.DataFrame | PayerCodes) -> View:
    """Totals and the sums per stakeholder of signed ``items`` (totals = Σ stakeholders)."""
    stakeholders = stakeholder_sums(items, payers)
    money = Money(
        savings=float(sum(stakeholders["savings"].tolist())),
        costs=float(sum(stakeholders["costs"].tolist())),
    )
    return View(money, stakeholders)


def common_horizon_view(
    *,
    frame: pd.DataFrame,
    monthly: pd.DataFrame,
    one_off: pd.DataFrame,
    payers: pd.DataFrame | PayerCodes,
    params: Parameters,
    peil: pd.Timestamp,
    work_end: pd.Series,
    working: pd.Series,
    norms: DatedInputs,
    benefit_after: pd.Series,
    keep: float,
) -> CommonHorizon:
    """H1: per case a window of H months from start_traject; the same rules inside it.

    Realised months are the overlap of [start_werk, min(einde_werk, peildatum)) with the window;
    a case working at the peildatum gets floor(H − months(start_traject, peildatum)) projected
    months (not past a known einde_werk). Cases not working get no projected re-entry.
    One-off costs count in full.
    """
    h = params.horizon_months_common
    window_end = frame["trajectory_start"] + pd.to_timedelta(h * DAYS_PER_MONTH, unit="D")
    start = frame["job_start"]
    end = work_end.where(work_end.lt(window_end), window_end)
    realised_months = months_between(start, end)
    elapsed = months_between(frame["trajectory_start"], pd.Series(peil, index=frame.index))
    left = (h - elapsed).clip(lower=0).floordiv(1)
    job_end = frame["job_end"]
    to_end = months_between(pd.Series(peil, index=frame.index), job_end).floordiv(1)
    months = left.where(job_end.isna(), np.minimum(left, to_end)).where(working, 0.0)

    uses = norms.uses_norm
    benefit = monthly["benefit"]
    if uses.any():
        within = integrate(norms.keys.where(uses), start, end)
        mean = pd.Series(
            np.where(within.days > 0, within.total / np.maximum(within.days, 1), np.nan),
            index=frame.index,
        ).fillna(norms.benefit_before)
        benefit = ((mean - benefit_after) * keep).where(uses, monthly["benefit"])
    # Realised and projected amounts as two arrays of every case × item, column-major so each
    # item is one contiguous column: the views sum them without copying, and the whole is the
    # realised array with the projected one added in place. (Frames built with concat and
    # summed with copies held five such arrays at once: the peak of a national run.)
    columns = list(one_off.columns.union(monthly.columns))
    shape = (len(frame), len(columns))
    realised = np.empty(shape, order="F")
    projected = np.zeros(shape, order="F")
    fb = projection_factor(months, params.retention_benefit, params.discount_rate)
    fw = projection_factor(months, params.retention_work, params.discount_rate)
    for j, column in enumerate(columns):
        if column not in monthly.columns:
            realised[:, j] = one_off[column].to_numpy(dtype=np.float64)
            continue
        amount = benefit if column == "benefit" else monthly[column]
        realised[:, j] = (amount * realised_months).to_numpy(dtype=np.float64)
        item = BY_ID.get(column)
        if item is not None and item.projected:
            factor = fb if item.curve == "benefit" else fw
            projected[:, j] = (monthly[column] * factor).to_numpy(dtype=np.float64)
    if uses.any() and months.max() > 0:
        keys = norms.keys.where(uses & months.gt(0))
        table = projected_norms(keys, peil.date(), int(months.max()))
        q = monthly_q(params.retention_benefit, params.discount_rate)
        weighted = weighted_norm_sum(keys, table, months, q)
        norm_part = pd.Series(weighted, index=frame.index) - benefit_after * fb
        j = columns.index("benefit")
        projected[:, j] = np.where(
            (uses & months.gt(0)).to_numpy(), (norm_part * keep).to_numpy(), projected[:, j]
        )

    def framed(amounts: NDArray[np.float64]) -> pd.DataFrame:
        return pd.DataFrame(amounts, index=frame.index, columns=columns, copy=False)

    realised_view, projected_view = view(framed(realised), payers), view(framed(projected), payers)
    realised += projected  # the same cell-by-cell sum as realised + projected
    del projected
    whole = view(framed(realised), payers)
    return CommonHorizon(
        months=h,
        money=whole.money,
        stakeholders=whole.stakeholders,
        realised=realised_view.money,
        projected=projected_view.money,
        case_months=realised_months,
        case_projected_months=months,
    )


def imputed_amounts(
    items: pd.DataFrame, imputed: pd.DataFrame, payers: pd.DataFrame | PayerCodes
) -> ImputedShare:
    """How much of each party's savings and costs rests on imputed inputs ("waarvan aangenomen")."""
    rests = pd.DataFrame(False, index=items.index, columns=items.columns)
    rests["benefit"] = imputed["benefit_before"]
    rests["benefit_administration"] = imputed["benefit_before"]
    rests["mental_health_care"] = imputed["mhc_after"] | imputed["mhc_before"]
    for column in ("counselling", "counselling_rijk"):
        rests[column] = imputed["counselling_hours"]
    part = items.where(rests, 0.0)
    return ImputedShare(
        amounts=stakeholder_sums(part, payers), whole=stakeholder_sums(items, payers)
    )
