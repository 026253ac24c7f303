"""A large file with one bad cell in ten rows reports every one, each where it is.

The shape of the national benchmark (100,000 rows, 10,000 bad cells) at a fiftieth of its size:
the column pass sends only the bad rows to pydantic, and every bad cell comes back located.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.read.test_read_files import case, load_error, write_cases
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.text.issues import issue_message

ROWS = 2_000
KINDS = (
    ("F", {"uren": 80.0}, "uren_per_week: mag hoogstens 60 zijn"),
    ("G", {"voor": -5.0}, "uitkering_voor: mag niet negatief zijn"),
    ("B", {"status": "met pensioen"}, "status: onbekende status"),
    ("C", {"start_traject": "31-02-2018"}, "start_traject: deze datum bestaat niet"),
    ("G", {"voor": "twaalf"}, "uitkering_voor: verwacht een getal"),
)


def test_every_one_of_two_hundred_bad_cells_is_reported_in_place(tmp_path: Path) -> None:
    """Row 10, 20, … each hold one bad cell of five kinds; the error lists them all, in order."""
    rows = []
    expected = []
    for number in range(2, ROWS + 2):
        fields: dict[str, object] = {}
        if number % 10 == 0:
            letter, kind, start = KINDS[(number // 10) % len(KINDS)]
            fields = dict(kind)
            expected.append((number, letter, start))
        rows.append(case(f"K-{number}", **{"voor": 800.0, **fields}))
    error = load_error(write_cases(tmp_path / "groot.xlsx", rows))
    found = [(issue.row, issue.column, issue_message(issue)) for issue in error.issues]
    assert len(found) == len(expected) == ROWS // 10
    for (row, column, message), (want_row, want_column, start) in zip(found, expected, strict=True):
        assert (row, column) == (want_row, want_column)
        assert message.startswith(start)


@pytest.mark.parametrize("style", ["xlsx", "csv"])
def test_a_clean_large_file_is_read_without_any_issue(tmp_path: Path, style: str) -> None:
    """The same rows without the bad cells: no error, every case kept in sheet order."""
    if style == "xlsx":
        path = write_cases(tmp_path / "groot.xlsx", [case(f"K-{n}") for n in range(ROWS)])
    else:
        path = tmp_path / "groot.csv"
        lines = ["casus_id;status;start_traject"] + [
            f"K-{n};aangemeld;15-01-2018" for n in range(ROWS)
        ]
        path.write_text("\n".join(lines), encoding="utf-8")
    table = load_cases(path, date(2018, 6, 30))
    assert table.frame["case_id"].tolist() == [f"K-{n}" for n in range(ROWS)]
    assert table.frame["row"].tolist() == list(range(2, ROWS + 2))
