"""Many input problems: every one still listed, one line each, then a summary per kind."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from typer.testing import CliRunner

from werkzorg_calc.cli import app
from werkzorg_calc.domain.errors import InputIssue
from werkzorg_calc.report.issue_list import TABLE_LIMIT, issue_report

LONG = "x" * 150  # a message part longer than the terminal is wide


def _issues(hours: int, dates: int) -> list[InputIssue]:
    """``hours`` problems in column F (rows 2, 3, …), then ``dates`` in column C."""
    found = [
        InputIssue("groot.csv", None, row, "F", "number_expected", {"field": "uren_per_week"})
        for row in range(2, 2 + hours)
    ]
    found += [
        InputIssue("groot.csv", None, row, "C", "date_expected", {"field": "start_traject"})
        for row in range(2 + hours, 2 + hours + dates)
    ]
    return found


def _shown(issues: list[InputIssue], lang: str = "nl") -> str:
    console = Console(width=60, record=True, color_system=None)
    console.print(issue_report(issues, lang), crop=False)  # type: ignore[arg-type]
    return console.export_text()


def test_up_to_the_limit_the_problems_are_a_table() -> None:
    """200 problems (TABLE_LIMIT) still get the familiar table."""
    assert TABLE_LIMIT == 200
    assert isinstance(issue_report(_issues(TABLE_LIMIT, 0)), Table)


def test_beyond_the_limit_every_problem_is_one_line_and_a_summary_follows() -> None:
    """250 problems in F and 30 in C: 280 lines, each with its row and column, in file order;
    then the summary, most frequent first: F 250 times from row 2, C 30 times from row 252."""
    output = _shown(_issues(250, 30))
    lines = output.splitlines()
    assert lines[0] == "Invoer: groot.csv"
    assert lines[1].split() == ["Blad", "Rij", "Kolom", "Soort", "Melding"]
    listed = [line.split()[:4] for line in lines[2:282]]
    assert listed == [["-", str(row), "F", "fout"] for row in range(2, 252)] + [
        ["-", str(row), "C", "fout"] for row in range(252, 282)
    ]
    summary = output[output.index("Per soort melding") :]
    assert "(280 meldingen in 2 soorten)" in summary
    f_row = next(line for line in summary.splitlines() if line.split()[:2] == ["F", "fout"])
    c_row = next(line for line in summary.splitlines() if line.split()[:2] == ["C", "fout"])
    assert f_row.split()[2:4] == ["250", "2"]
    assert c_row.split()[2:4] == ["30", "252"]
    assert summary.index(f_row) < summary.index(c_row)


def test_a_long_message_is_not_cut_off() -> None:
    """The line list never crops: a problem whose message is wider than the terminal keeps
    all of it (the terminal wraps it)."""
    issues = [
        InputIssue("groot.csv", None, row, "U", "unknown_columns", {"columns": LONG})
        for row in range(2, 2 + TABLE_LIMIT + 1)
    ]
    output = _shown(issues)
    assert output.count(LONG) >= TABLE_LIMIT + 1


def test_english_labels() -> None:
    """--lang en: the same lines and summary in English, counts with a thousands comma."""
    output = _shown(_issues(1_200, 0), "en")
    assert output.splitlines()[0] == "Input: groot.csv"
    assert "By kind of message (1,200 messages of 1 kind)" in output
    assert any(line.split()[:4] == ["F", "error", "1,200", "2"] for line in output.splitlines())


def test_check_on_a_file_with_many_bad_rows_lists_them_all(tmp_path: Path) -> None:
    """`werkzorg check` on 300 cases with 80 hours a week each: 300 located lines, the
    summary (F, 300 times, first in row 2), "300 fouten gevonden", exit 1."""
    lines = ["casus_id;status;start_traject;uren_per_week"]
    lines += [f"K-{n};aangemeld;15-01-2018;80" for n in range(300)]
    path = tmp_path / "groot.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcome = CliRunner().invoke(
        app, ["check", str(path), "--peildatum", "2018-06-30"], env={"COLUMNS": "120"}
    )
    assert outcome.exit_code == 1
    shown = outcome.stderr.splitlines()
    rows = [line.split()[1] for line in shown if line.split()[2:4] == ["D", "fout"]]
    assert rows == [str(row) for row in range(2, 302)]
    assert any(line.split()[:4] == ["D", "fout", "300", "2"] for line in shown)
    assert "300 fouten gevonden" in outcome.stderr
    assert "Traceback" not in outcome.output
