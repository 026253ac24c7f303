"""B1 and W1 on a case table: fill ``uitkering_na`` and ``loonkostensubsidie_pm`` by the law.

One function, called from one place in ``calculate``: where a participatiewet case worked, has
``netto_loon_pm`` and an empty ``uitkering_na``, the residual benefit is derived month by month
over its realised work period (the days-weighted mean, so mean × months worked is the month-by-
month sum); where a case has ``loonwaarde`` and hours and an empty ``loonkostensubsidie_pm``,
the subsidy is derived the same way. A typed value is kept, and when it differs from the
derived one by more than € 1 a warning names the case, both values and the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

import numpy as np
import pandas as pd

from werkzorg_calc.domain.columns import BY_FIELD
from werkzorg_calc.domain.errors import InputIssue
from werkzorg_calc.domain.legal import (
    BIJSTAND_COUPLE,
    BIJSTAND_SINGLE,
    DISREGARD_MAX,
    LKS_CAP,
    LKS_CHARGES,
    WML_HOUR,
    WML_MONTH,
    rows_for,
)
from werkzorg_calc.engine.law.residual_benefit import ARTICLE as B1_ARTICLE
from werkzorg_calc.engine.law.schedule import MissingNorm, residual_benefit_schedule
from werkzorg_calc.engine.law.subsidy_schedule import wage_subsidy_schedule
from werkzorg_calc.engine.law.wage_subsidy import ARTICLE as W1_ARTICLE

TOLERANCE: Final = 1.0  # euros: a typed amount within € 1 of the law is taken as agreeing
RULES: Final[dict[str, tuple[str, str]]] = {
    "benefit_after": ("B1", B1_ARTICLE),
    "wage_subsidy_month": ("W1", W1_ARTICLE),
}


@dataclass(frozen=True)
class LawInputs:
    """The case frame with derived values filled in, and what was derived.

    ``derived`` holds (per case) the monthly amount the law filled in, NaN where the field was
    typed or could not be derived; ``values`` the derived amount wherever it could be derived
    (also where a typed value was kept).
    """

    frame: pd.DataFrame
    derived: pd.DataFrame
    values: pd.DataFrame
    warnings: tuple[InputIssue, ...]


def derive_law_inputs(frame: pd.DataFrame, peildatum: date, fulltime_hours: float) -> LawInputs:
    """Derive ``benefit_after`` (B1) and ``wage_subsidy_month`` (W1) where the law can.

    The realised work period is ``[job_start, min(job_end, peildatum))``, as the calculation
    counts it.
    """
    peil = pd.Timestamp(peildatum)
    start, end = frame["job_start"], frame["job_end"]
    stop = end.where(end.notna() & end.lt(peil), peil)
    benefit_type = frame["benefit_type"].fillna("participatiewet")
    can_b1 = (benefit_type.eq("participatiewet") & frame["net_earnings_month"].notna()).to_numpy()
    can_w1 = (frame["wage_value_share"].notna() & frame["hours_per_week"].notna()).to_numpy()

    def b1(at: np.ndarray) -> _Piece:
        schedule = residual_benefit_schedule(
            frame["household"].iloc[at],
            frame["net_earnings_month"].iloc[at],
            start.iloc[at],
            stop.iloc[at],
        )
        used = schedule.first_day[schedule.days > 0]
        return schedule.mean_benefit_after(), schedule.missing, used

    def w1(at: np.ndarray) -> _Piece:
        schedule = wage_subsidy_schedule(
            frame["wage_value_share"].iloc[at],
            frame["hours_per_week"].iloc[at],
            fulltime_hours,
            start.iloc[at],
            stop.iloc[at],
        )
        used = schedule.first_day[~np.isnan(schedule.wage_subsidy)]
        return schedule.mean_wage_subsidy(), schedule.missing, used

    benefit = _derive(np.flatnonzero(can_b1), b1, len(frame))
    subsidy = _derive(np.flatnonzero(can_w1), w1, len(frame))
    values = pd.DataFrame(
        {"benefit_after": benefit.mean, "wage_subsidy_month": subsidy.mean}, index=frame.index
    )
    # A month the table lacks leaves the case as typed: derived from part of the months only
    # would understate or overstate it without a word.
    gaps = {
        "benefit_after": _gap_mask(benefit.missing, len(frame)),
        "wage_subsidy_month": _gap_mask(subsidy.missing, len(frame)),
    }
    for field, mask in gaps.items():
        values.loc[mask, field] = np.nan
    derived = pd.DataFrame({field: values[field].where(frame[field].isna()) for field in values})
    # Copy-on-write (pandas 3): the columns not filled here stay shared with the cases' frame
    # instead of a second copy of every case (hundreds of MB at a million).
    filled = frame.copy(deep=False)
    for field in values.columns:
        filled[field] = frame[field].fillna(derived[field])
    used_days = {"benefit_after": benefit.days, "wage_subsidy_month": subsidy.days}
    warnings = (
        _disagreements(frame, values)
        + _gap_warnings(frame, gaps, benefit.missing + subsidy.missing)
        + _unverified(used_days, frame)
    )
    return LawInputs(filled, derived, values, warnings)


# Cases per piece of the (cases × months) grid: at 50 months a piece is a few 10 MB arrays,
# so deriving for a national file does not hold gigabytes of month cells at once.
CHUNK_CASES: Final = 20_000
_Piece = tuple[np.ndarray, tuple[MissingNorm, ...], np.ndarray]


@dataclass(frozen=True)
class _Derivation:
    """One rule over the whole table: the mean per case (NaN: not derived), the months the
    table lacks (positions in the whole frame) and the distinct first days of the months used."""

    mean: np.ndarray
    missing: tuple[MissingNorm, ...]
    days: np.ndarray


def _derive(at: np.ndarray, run: Callable[[np.ndarray], _Piece], n: int) -> _Derivation:
    """Run a schedule only on the cases it applies to (``at``), a piece at a time.

    The month grid is as wide as the longest period among the cases given, so a table where
    few cases have the law's inputs costs only those cases, not every row times the widest.
    """
    mean = np.full(n, np.nan)
    missing: list[MissingNorm] = []
    days: list[np.ndarray] = [np.empty(0, dtype="datetime64[D]")]
    for begin in range(0, len(at), CHUNK_CASES):
        piece = at[begin : begin + CHUNK_CASES]
        values, gaps, used = run(piece)
        mean[piece] = values
        missing.extend(replace(gap, position=int(piece[gap.position])) for gap in gaps)
        days.append(np.unique(used.astype("datetime64[D]")))
    return _Derivation(mean, tuple(missing), np.unique(np.concatenate(days)))


_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "benefit_after": (BIJSTAND_SINGLE, BIJSTAND_COUPLE, DISREGARD_MAX),
    "wage_subsidy_month": (WML_MONTH, WML_HOUR, LKS_CHARGES, LKS_CAP),
}


def _unverified(days: dict[str, np.ndarray], frame: pd.DataFrame) -> tuple[InputIssue, ...]:
    """L1: one warning per unverified table row a derivation may have used (key and period)."""
    rows = {
        row
        for field, chosen in days.items()
        for day in np.unique(chosen.astype("datetime64[D]"))
        for key in _KEYS[field]
        for row in rows_for(key, day.astype(date))
        if not row.usable_as_verified and row.value is not None
    }
    file = str(frame["file"].iloc[0]) if len(frame) else ""
    return tuple(
        InputIssue(
            file,
            None,
            None,
            None,
            "law_row_unverified",
            {"key": row.key, "start": row.valid_from, "end": row.valid_to, "line": row.line},
            "waarschuwing",
        )
        for row in sorted(rows, key=lambda row: row.line)
    )


def _per_file(
    frame: pd.DataFrame, masks: dict[str, np.ndarray]
) -> list[tuple[tuple[str, np.ndarray], str]]:
    """Each (field, mask) split by input file, only where the mask holds a case of that file."""
    pieces = []
    for file in frame["file"].drop_duplicates():
        in_file = frame["file"].eq(file).to_numpy()
        for field, mask in masks.items():
            if (mask & in_file).any():
                pieces.append(((field, mask & in_file), str(file)))
    return pieces


def _gap_mask(missing: tuple[MissingNorm, ...], n: int) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    mask[[gap.position for gap in missing]] = True
    return mask


def _disagreements(frame: pd.DataFrame, values: pd.DataFrame) -> tuple[InputIssue, ...]:
    """A warning per case whose typed amount differs from the law's by more than € 1."""
    warnings = []
    for field, (rule, article) in RULES.items():
        typed, derived = frame[field], values[field]
        differs = typed.notna() & derived.notna() & (typed - derived).abs().gt(TOLERANCE)
        chosen = frame.loc[differs, ["file", "row", "case_id"]]
        for index, (file, row, case_id) in zip(
            chosen.index, chosen.itertuples(index=False, name=None), strict=True
        ):
            warnings.append(
                InputIssue(
                    str(file),
                    None,
                    int(row),
                    None,
                    # Both amounts are the point of this warning (issue 13): a controller
                    # compares what was typed with what the law gives.
                    "law_disagrees",
                    {
                        "case": str(case_id),
                        "field": BY_FIELD[field].header,
                        "typed_euro": float(typed[index]),
                        "derived_euro": float(derived[index]),
                        "rule": rule,
                        "article": article,
                    },
                    "waarschuwing",
                )
            )
    return tuple(warnings)


def _gap_warnings(
    frame: pd.DataFrame,
    gaps: dict[str, np.ndarray],
    missing: tuple[MissingNorm, ...],
) -> tuple[InputIssue, ...]:
    """One warning per field and file: which rows could not be derived, for which key and months."""
    warnings = []
    for (field, mask), file in _per_file(frame, gaps):
        rows = frame.loc[mask, "row"].astype(int).tolist()
        keys = sorted({gap.key for gap in missing if mask[gap.position]})
        days = [gap.day for gap in missing if mask[gap.position]]
        rule = RULES[field][0]
        warnings.append(
            InputIssue(
                file,
                None,
                None,
                None,
                "law_not_derived",
                {
                    "field": BY_FIELD[field].header,
                    "rule": rule,
                    "count": len(rows),
                    "rows": tuple(rows),
                    "keys": ", ".join(keys),
                    "start": min(days),
                    "end": max(days),
                },
                "waarschuwing",
            )
        )
    return tuple(warnings)


def derivation_notes(frame: pd.DataFrame, derived: pd.DataFrame) -> tuple[InputIssue, ...]:
    """The mark every output carries: which rows hold a derived value, by which rule."""
    notes = []
    masks = {field: derived[field].notna().to_numpy() for field in RULES}
    for (field, mask), file in _per_file(frame, masks):
        rule, article = RULES[field]
        rows = frame.loc[mask, "row"].astype(int).tolist()
        if rows:
            notes.append(
                InputIssue(
                    file,
                    None,
                    None,
                    None,
                    "law_derived_b1" if rule == "B1" else "law_derived_w1",
                    {
                        "field": BY_FIELD[field].header,
                        "article": article,
                        "count": len(rows),
                        "rows": tuple(rows),
                    },
                    "waarschuwing",
                )
            )
    return tuple(notes)


def month_by_month(
    case: pd.DataFrame, peildatum: date, fulltime_hours: float, field: str
) -> list[tuple[date, float]]:
    """For one case (a one-row frame): each work month's first day and derived amount."""
    peil = pd.Timestamp(peildatum)
    start, end = case["job_start"], case["job_end"]
    stop = end.where(end.notna() & end.lt(peil), peil)
    if field == "benefit_after":
        schedule = residual_benefit_schedule(
            case["household"], case["net_earnings_month"].fillna(0.0), start, stop
        )
        amounts = schedule.benefit_after[0]
        days = schedule.first_day[0]
    else:
        subsidy = wage_subsidy_schedule(
            case["wage_value_share"], case["hours_per_week"], fulltime_hours, start, stop
        )
        amounts, days = subsidy.wage_subsidy[0], subsidy.first_day[0]
    return [
        (day.astype(date), float(amount))
        for day, amount in zip(days, amounts, strict=True)
        if not np.isnan(amount)
    ]
