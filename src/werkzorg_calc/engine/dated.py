"""Where a case needs a legal amount: the dated norm per case, its errors and its warnings (L1).

An empty ``uitkering_voor`` gets the bijstand norm of the case's household that held on each
day worked; a day the table does not cover is a located error (file, sheet, row, column), all
reported at once. An unverified row gives one warning per key and period; a projected month
past the table's end uses the last row and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import InputError, InputIssue
from werkzorg_calc.domain.legal import legal_table, lookup_column
from werkzorg_calc.domain.parameters import Parameters
from werkzorg_calc.engine.months import monthly_q, projection_factor
from werkzorg_calc.engine.norms import integrate, norm_keys, projected_norms, weighted_norm_sum


@dataclass(frozen=True)
class DatedInputs:
    """The dated norm per month of work and per projected month, NaN where not used."""

    benefit_before: pd.Series
    projected_benefit_before: pd.Series
    keys: pd.Series
    uses_norm: pd.Series
    lines: frozenset[int]
    warnings: tuple[InputIssue, ...]


def dated_inputs(
    cases: CaseTable,
    *,
    frame: pd.DataFrame,
    params: Parameters,
    peildatum: date,
    start: pd.Series,
    work_end: pd.Series,
    months: pd.Series,
) -> DatedInputs:
    """L1 for every case whose ``uitkering_voor`` is empty (unless a fixed default is set)."""
    keys = norm_keys(frame["household"])
    warnings = list(consistency_warnings(cases, frame, keys))
    nothing = pd.Series(np.nan, index=frame.index)
    uses = frame["benefit_before"].isna() & frame["benefit_type"].fillna("participatiewet").ne(
        "geen"
    )
    if params.benefit_default_month is not None or not uses.any():
        return DatedInputs(nothing, nothing, keys, uses & False, frozenset(), tuple(warnings))
    used_keys = keys.where(uses)
    realised = integrate(used_keys, start, work_end)
    _raise_uncovered(cases, frame, realised.uncovered, start)
    # The norm on the day work began where no day was worked yet (shown, never summed).
    at_start = _norm_at(used_keys, start.where(start.notna(), frame["trajectory_start"]))
    mean = np.where(realised.days > 0, realised.total / np.maximum(realised.days, 1), at_start)
    before = pd.Series(mean, index=frame.index).where(uses)
    lines = set(realised.lines)
    projected = nothing
    horizon = int(months.max()) if len(months) else 0
    if horizon > 0:
        norms = projected_norms(used_keys, peildatum, horizon)
        q = monthly_q(params.retention_benefit, params.discount_rate)
        weighted = weighted_norm_sum(used_keys, norms, months, q)
        factor = projection_factor(months, params.retention_benefit, params.discount_rate)
        projected = pd.Series(
            np.where(factor > 0, weighted / np.where(factor > 0, factor, 1.0), np.nan),
            index=frame.index,
        ).where(uses & months.gt(0))
        lines |= norms.lines
        for row in norms.carried:
            warnings.append(_carried(cases, row.key, row.valid_to))
    warnings += unverified_warnings(cases, frozenset(lines))
    return DatedInputs(before, projected, keys, uses, frozenset(lines), tuple(warnings))


def _norm_at(keys: pd.Series, days: pd.Series) -> np.ndarray:
    out = np.full(len(keys), np.nan)
    for key in pd.unique(keys.dropna()):
        mine = keys.to_numpy() == key
        out[mine] = lookup_column(str(key), days[mine]).values
    return out


def _raise_uncovered(
    cases: CaseTable, frame: pd.DataFrame, uncovered: np.ndarray, start: pd.Series
) -> None:
    """Every case with a day outside the table, as one located error per row."""
    if not uncovered.any():
        return
    issues = []
    files, rows = frame["file"].tolist(), frame["row"].tolist()
    days = [pd.Timestamp(value) for value in start.tolist()]
    for index in (int(i) for i in np.flatnonzero(uncovered)):
        source = next(s for s in cases.sources if s.file == files[index])
        day = days[index].date()
        issues.append(
            InputIssue(
                source.file,
                source.sheet,
                int(rows[index]),
                source.columns.get("job_start"),
                "legal_norm_outside_table",
                {"day": day},
            )
        )
    raise InputError(issues)


def consistency_warnings(
    cases: CaseTable, frame: pd.DataFrame, keys: pd.Series
) -> tuple[InputIssue, ...]:
    """Q1: a participatiewet ``uitkering_voor`` above its household's dated norm at start_werk.

    Names rows only, never the amounts (they are a person's benefit).
    """
    given = frame["benefit_before"]
    pw = frame["benefit_type"].fillna("participatiewet").eq("participatiewet")
    check = pw & given.notna() & frame["job_start"].notna()
    if not check.any():
        return ()
    norm = pd.Series(_norm_at(keys.where(check), frame["job_start"]), index=frame.index)
    above = check & norm.notna() & given.gt(norm + 0.01)
    out = []
    for source in cases.sources:
        rows = frame.loc[above & frame["file"].eq(source.file), "row"].tolist()
        if rows:
            out.append(
                InputIssue(
                    source.file,
                    source.sheet,
                    None,
                    source.columns.get("benefit_before"),
                    "benefit_above_norm",
                    {"field": "uitkering_voor", "count": len(rows), "rows": tuple(rows)},
                    "waarschuwing",
                )
            )
    return tuple(out)


def unverified_warnings(cases: CaseTable, lines: frozenset[int]) -> tuple[InputIssue, ...]:
    """One warning per unverified row (key and period) that an amount rests on."""
    out = []
    for row in legal_table():
        if row.line in lines and not row.usable_as_verified:
            out.append(
                InputIssue(
                    cases.source.file,
                    None,
                    None,
                    None,
                    "legal_unverified",
                    {
                        "key": row.key,
                        "valid_from": row.valid_from,
                        "valid_to": row.valid_to,
                        "line": str(row.line),
                    },
                    "waarschuwing",
                )
            )
    return tuple(out)


def _carried(cases: CaseTable, key: str, last: date) -> InputIssue:
    return InputIssue(
        cases.source.file,
        None,
        None,
        None,
        "legal_carried_forward",
        {"key": key, "last": last},
        "waarschuwing",
    )
