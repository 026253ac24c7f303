"""Rules that span several fields, rows or the peildatum, checked on whole columns.

Each rule is a boolean mask over the cases; only the rows it flags are turned into messages,
so a clean file of 100,000 cases costs a handful of vectorised comparisons.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from werkzorg_calc.domain.columns import BY_FIELD
from werkzorg_calc.domain.errors import InputIssue, Param


def check_consistency(
    frame: pd.DataFrame,
    peildatum: date,
    file: str,
    sheet: str | None,
    letters: Mapping[str, str],
) -> list[InputIssue]:
    """Return a located error for every case whose dates and status contradict each other."""
    peil = pd.Timestamp(peildatum)
    start, end, status = frame["job_start"], frame["job_end"], frame["status"]
    at_work = status.eq("aan_het_werk")
    works_by_dates = start.le(peil) & (end.isna() | end.gt(peil))
    rules: list[tuple[pd.Series, str, str]] = [
        (start.isna() & at_work, "job_start", "job_start_missing_at_work"),
        (start.isna() & end.notna(), "job_start", "job_start_missing_with_end"),
        (start.gt(peil), "job_start", "job_start_after_peildatum"),
        (end.lt(start), "job_end", "job_end_before_start"),
        (frame["trajectory_start"].gt(peil), "trajectory_start", "trajectory_after_peildatum"),
        (at_work & end.le(peil), "status", "at_work_but_ended"),
        (works_by_dates & ~at_work, "status", "working_but_status"),
    ]
    params: dict[str, Param] = {"peildatum": peildatum}
    issues: list[InputIssue] = []
    for mask, field, code in rules:
        letter = letters.get(field)
        for row in frame.loc[mask, "row"].tolist():
            issues.append(InputIssue(file, sheet, int(row), letter, code, params))
    issues.sort(key=lambda issue: (issue.row or 0, issue.column or ""))
    return issues


def duplicate_ids(
    ids: pd.Series, rows: pd.Series, file: str, sheet: str | None, letter: str | None
) -> list[InputIssue]:
    """Name every row of a repeated case id and the other rows it repeats, not the id.

    Runs on the ids of all rows, also those with other errors, so one pass shows them all.
    """
    frame = pd.DataFrame({"case_id": ids, "row": rows}).dropna(subset=["case_id"])
    repeated = frame.loc[frame["case_id"].duplicated(keep=False)]
    issues = []
    header = BY_FIELD["case_id"].header
    for _, group in repeated.groupby("case_id", sort=False):
        numbers = [int(row) for row in group["row"]]
        for row in numbers:
            others = ", ".join(str(other) for other in numbers if other != row)
            params = {"header": header, "others": others}
            issues.append(InputIssue(file, sheet, row, letter, "duplicate_id", params))
    return issues
