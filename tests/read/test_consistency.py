"""The rules that span several fields or the peildatum (``consistency.py``), one at a time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from werkzorg_calc.domain.errors import InputError, InputIssue
from werkzorg_calc.read.cases import load_cases, models_frame
from werkzorg_calc.read.consistency import check_consistency, duplicate_ids
from werkzorg_calc.read.rows import CaseRow
from werkzorg_calc.text.issues import issue_message, issue_place

PEILDATUM = date(2018, 6, 30)
LETTERS = {"case_id": "A", "status": "B", "trajectory_start": "C", "job_start": "D", "job_end": "E"}


def frame_of(rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Validated cases as the reader's frame; the n-th case sits in Excel row n + 1."""
    models = [
        CaseRow.model_validate(
            {"case_id": f"K-{number}", "trajectory_start": date(2018, 1, 15), **row}
        )
        for number, row in enumerate(rows, start=2)
    ]
    return models_frame(models, list(range(2, len(models) + 2)))


def check(*rows: dict[str, Any], peildatum: date = PEILDATUM) -> list[InputIssue]:
    """Run the consistency rules on the given cases."""
    return check_consistency(frame_of(rows), peildatum, "casussen.xlsx", "Casussen", LETTERS)


def located(issues: Sequence[InputIssue]) -> list[tuple[int | None, str | None, str]]:
    """(row, column, message) of each issue."""
    return [(issue.row, issue.column, issue_message(issue)) for issue in issues]


def test_consistent_cases_give_no_issues() -> None:
    """Cases whose status and dates agree, at the edges of each rule, pass without a word."""
    issues = check(
        {"status": "aangemeld"},
        {"status": "aan_het_werk", "job_start": date(2018, 3, 1)},
        {"status": "aan_het_werk", "job_start": PEILDATUM},
        {"status": "aan_het_werk", "job_start": date(2018, 3, 1), "job_end": date(2018, 7, 1)},
        {"status": "uitgevallen", "job_start": date(2018, 2, 1), "job_end": date(2018, 3, 1)},
        {"status": "in_bemiddeling", "job_start": date(2018, 2, 1), "job_end": PEILDATUM},
        {"status": "aan_het_werk", "job_start": date(2017, 12, 1)},  # before start_traject
        {"status": "solliciteert", "job_start": date(2018, 2, 1), "job_end": date(2018, 2, 1)},
        {"status": "aangemeld", "trajectory_start": PEILDATUM},
    )
    assert issues == []


def test_an_empty_table_gives_no_issues() -> None:
    """No cases at all is not a contradiction."""
    assert check() == []


def test_at_work_without_start_werk_is_an_error_in_the_start_werk_column() -> None:
    """Status aan_het_werk needs a start_werk; the error sits in that case's start_werk cell."""
    issues = check({"status": "aangemeld"}, {"status": "aan_het_werk"})
    assert located(issues) == [(3, "D", "start_werk ontbreekt; verplicht bij status aan_het_werk")]


def test_einde_werk_without_start_werk_is_an_error() -> None:
    """An end of work without a start of work is an error in the start_werk cell."""
    issues = check({"status": "uitgevallen", "job_end": date(2018, 4, 1)})
    assert located(issues) == [(2, "D", "start_werk ontbreekt terwijl einde_werk is ingevuld")]


@pytest.mark.parametrize("status", ["aan_het_werk", "solliciteert", "uitgevallen"])
def test_start_werk_after_the_peildatum_is_an_error(status: str) -> None:
    """A job that starts after the peildatum is one error, whatever the status."""
    issues = check({"status": status, "job_start": date(2018, 7, 1)})
    assert located(issues) == [(2, "D", "start_werk ligt na de peildatum (30-06-2018)")]


def test_einde_werk_before_start_werk_is_an_error_in_the_einde_werk_column() -> None:
    """A job that ends before it starts is an error in the einde_werk cell."""
    issues = check(
        {"status": "uitgevallen", "job_start": date(2018, 3, 1), "job_end": date(2018, 2, 28)}
    )
    assert located(issues) == [(2, "E", "einde_werk ligt vóór start_werk")]


def test_start_traject_after_the_peildatum_is_an_error() -> None:
    """A trajectory that starts after the peildatum is an error in the start_traject cell."""
    issues = check({"status": "aangemeld", "trajectory_start": date(2018, 7, 1)})
    assert located(issues) == [(2, "C", "start_traject ligt na de peildatum (30-06-2018)")]


@pytest.mark.parametrize("end", [date(2018, 5, 1), PEILDATUM])
def test_at_work_with_a_job_that_ended_is_an_error_in_the_status_column(end: date) -> None:
    """Status aan_het_werk while einde_werk is on or before the peildatum is an error."""
    issues = check({"status": "aan_het_werk", "job_start": date(2018, 1, 1), "job_end": end})
    assert located(issues) == [
        (
            2,
            "B",
            "status is aan_het_werk, maar einde_werk ligt op of vóór de peildatum (30-06-2018)",
        )
    ]


@pytest.mark.parametrize("status", ["aangemeld", "in_bemiddeling", "solliciteert", "uitgevallen"])
@pytest.mark.parametrize("end", [None, date(2018, 7, 1)])
def test_working_by_the_dates_needs_status_aan_het_werk(status: str, end: date | None) -> None:
    """A case whose dates say it works at the peildatum must have status aan_het_werk."""
    issues = check({"status": status, "job_start": date(2018, 1, 1), "job_end": end})
    assert [(issue.row, issue.column) for issue in issues] == [(2, "B")]
    assert "werkt deze persoon op de peildatum (30-06-2018)" in issue_message(issues[0])
    assert "de status is niet aan_het_werk" in issue_message(issues[0])


def test_rules_are_judged_at_the_given_peildatum() -> None:
    """The same case is fine at one peildatum and an error at an earlier one."""
    case = {"status": "aan_het_werk", "job_start": date(2018, 3, 1)}
    assert check(case) == []
    issues = check(case, peildatum=date(2018, 2, 28))
    assert located(issues) == [(2, "D", "start_werk ligt na de peildatum (28-02-2018)")]


def test_several_rules_on_several_rows_come_in_row_order_with_place() -> None:
    """Each broken rule gives its own located error, sorted by row, carrying file and sheet."""
    issues = check(
        {"status": "aangemeld", "trajectory_start": date(2018, 8, 1)},
        {"status": "aangemeld"},
        {"status": "aan_het_werk", "job_start": date(2018, 5, 1), "job_end": date(2018, 4, 1)},
    )
    assert [(issue.row, issue.column) for issue in issues] == [(2, "C"), (4, "B"), (4, "E")]
    assert all(issue.file == "casussen.xlsx" and issue.sheet == "Casussen" for issue in issues)
    assert all(issue.severity == "fout" for issue in issues)
    assert issue_place(issues[0]) == "Casussen!C2"


def test_a_rule_on_a_field_without_a_column_letter_names_the_row_only() -> None:
    """Without a letter for the field (column absent), the issue names the row alone."""
    frame = frame_of([{"status": "aan_het_werk"}])
    (issue,) = check_consistency(frame, PEILDATUM, "x.csv", None, {"status": "B"})
    assert (issue.row, issue.column) == (2, None)
    assert issue_place(issue) == "rij 2"


def test_duplicate_ids_name_every_row_and_its_twins_but_not_the_id() -> None:
    """Each row of a repeated id gets an error naming the other rows, never the id itself."""
    ids = pd.Series(["GEHEIM-1", "B", "GEHEIM-1", None, None, "GEHEIM-1", "C"], dtype="object")
    rows = pd.Series([2, 3, 4, 5, 6, 7, 8], dtype="int64")
    issues = duplicate_ids(ids, rows, "f.xlsx", "Casussen", "A")
    assert located(issues) == [
        (2, "A", "casus_id komt vaker voor (ook in rij 4, 7)"),
        (4, "A", "casus_id komt vaker voor (ook in rij 2, 7)"),
        (7, "A", "casus_id komt vaker voor (ook in rij 2, 4)"),
    ]
    assert all("GEHEIM" not in issue_message(issue) for issue in issues)


def test_unique_ids_and_empty_ids_are_no_duplicates() -> None:
    """Distinct ids, and several empty ids (reported elsewhere as missing), give no issue."""
    ids = pd.Series(["A", None, "B", None], dtype="object")
    rows = pd.Series([2, 3, 4, 5], dtype="int64")
    assert duplicate_ids(ids, rows, "f.csv", None, "A") == []


def test_load_cases_locates_rule_errors_in_the_files_own_column_order(tmp_path: Path) -> None:
    """Through load_cases, a rule error names the letter the column has in that file."""
    path = tmp_path / "order.csv"
    path.write_bytes(
        b"start_werk;casus_id;start_traject;einde_werk;status\r\n"
        b"1-2-2018;A-1;1-1-2018;;aangemeld\r\n"
        b"1-3-2018;A-2;1-1-2018;1-2-2018;uitgevallen\r\n"
        b";A-3;1-7-2018;;aan_het_werk\r\n"
    )
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    assert [(issue.row, issue.column) for issue in caught.value.issues] == [
        (2, "E"),  # works by the dates, status aangemeld
        (3, "D"),  # einde_werk before start_werk
        (4, "A"),  # at work without start_werk
        (4, "C"),  # start_traject after the peildatum
    ]


def test_load_cases_duplicate_ids_name_both_rows(tmp_path: Path) -> None:
    """Through load_cases, the same id in two rows is an error on each row naming the other."""
    path = tmp_path / "dup.csv"
    path.write_bytes(
        b"casus_id;status;start_traject\r\n"
        b"X-9;aangemeld;1-1-2018\r\n"
        b"Y-1;aangemeld;1-1-2018\r\n"
        b" X-9 ;aangemeld;1-1-2018\r\n"
    )
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    assert located(caught.value.issues) == [
        (2, "A", "casus_id komt vaker voor (ook in rij 4)"),
        (4, "A", "casus_id komt vaker voor (ook in rij 2)"),
    ]
