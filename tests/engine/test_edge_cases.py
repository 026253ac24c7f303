"""Edge cases found by review and by trying the tool as a new user."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import PEILDATUM
from tests.report.test_report import render
from tests.v1 import v1_parameters
from werkzorg_calc.cli import app
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import InputError, ParameterError
from werkzorg_calc.domain.parameters import (
    Override,
    apply_overrides,
    default_set,
)
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.read.cases import load_case_files, load_cases
from werkzorg_calc.report.results import header
from werkzorg_calc.text.issues import error_messages, issue_message

runner = CliRunner()


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("casus_id;status;start_traject;uitkering_voor\n" + "\n".join(rows) + "\n")
    return path


def test_markup_in_a_parameter_key_is_shown_not_obeyed(tmp_path: Path) -> None:
    """A --set key with Rich markup, next to a bad file, is printed as text: exit 2, not 3.

    An unknown key on the command line is a usage error, so it decides the exit code.
    """
    bad = _csv(tmp_path / "fout.csv", ["A;onzin;2018-01-01;100"])
    outcome = runner.invoke(app, ["calc", str(bad), "--set", "[/x]=1", "--set", "[bold]y=2"])
    assert outcome.exit_code == 2
    assert "onbekende status" in outcome.stderr  # the file's problems are shown as well
    assert "onbekende parameter '[/x]'" in outcome.stderr
    assert "onbekende parameter '[bold]y'" in outcome.stderr


def test_infinity_is_not_a_parameter_value() -> None:
    """inf passes 'at least 0' but would poison every sum: refused with the key named."""
    with pytest.raises(ParameterError) as caught:
        apply_overrides(default_set(), [Override("jobcoach_hour_rate", float("inf"), "--set")])
    assert error_messages(caught.value) == (
        "--set: parameter 'jobcoach_hour_rate' verwacht een eindig getal",
    )


def test_an_absurd_amount_is_a_located_error(tmp_path: Path) -> None:
    """A benefit of 99,999,999,999 a month (a typing error) is refused at its cell."""
    path = _csv(tmp_path / "groot.csv", ["A;aangemeld;2018-01-01;99999999999"])
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    (issue,) = caught.value.issues
    assert (issue.row, issue.column) == (2, "D")
    assert issue_message(issue) == "uitkering_voor: mag hoogstens 10000000 zijn"


@pytest.mark.parametrize("written", ["111 222 333", "111.222.333", "111-222-333"])
def test_a_bsn_written_with_separators_is_still_a_bsn(tmp_path: Path, written: str) -> None:
    """111222333 passes the 11-proef (9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 − 3 = 66 = 6 × 11)."""
    path = tmp_path / "bsn.csv"
    path.write_text(f"casus_id;status;start_traject\n{written};aangemeld;2018-01-01\n")
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    messages = " ".join(issue_message(issue) for issue in caught.value.issues)
    assert "burgerservicenummers" in messages
    assert written not in messages


def test_all_zeros_is_not_a_bsn(tmp_path: Path) -> None:
    """000000000 passes the arithmetic of the 11-proef but is no citizen service number."""
    path = tmp_path / "nul.csv"
    path.write_text("casus_id;status;start_traject\n000000000;aangemeld;2018-01-01\n")
    assert load_cases(path, PEILDATUM).frame["case_id"].tolist() == ["000000000"]


def test_each_changed_parameter_has_its_own_line(worked_cases: CaseTable) -> None:
    """Two overrides in the header: two lines, each with its default and origin."""
    params = apply_overrides(
        default_set(),
        [Override("deadweight", 0.25, "a.toml, regel 2"), Override("discount_rate", 0.04, "--set")],
    )
    lines = render(header(calculate(worked_cases, params, PEILDATUM))).splitlines()
    assert "Parameters  deadweight = 0,25 (standaard 0,5682; a.toml, regel 2)" in lines
    assert "            discount_rate = 0,04 (standaard 0,0225; --set)" in lines


def test_a_peildatum_long_after_the_file_is_warned_about(worked_cases: CaseTable) -> None:
    """2018-04-03 → 2026-11-23 is 3,156 days = 103.7 months, shown as 104: a warning."""
    result = calculate(worked_cases, v1_parameters(), date(2026, 11, 23))
    (warning,) = [w for w in result.warnings if "peildatum" in issue_message(w)]
    assert warning.severity == "waarschuwing"
    assert "ligt 104 maanden na de laatste datum in het bestand (03-04-2018)" in issue_message(
        warning
    )
    on_time = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert not [w for w in on_time.warnings if "peildatum" in issue_message(w)]


def test_the_same_file_twice_is_one_clear_error(worked_csv: Path, tmp_path: Path) -> None:
    """One file named twice, or two files with the same bytes: one error, not a flood."""
    with pytest.raises(InputError) as twice:
        load_case_files([worked_csv, worked_csv], PEILDATUM)
    assert [issue_message(issue) for issue in twice.value.issues] == [
        f"dit bestand is al opgegeven ({worked_csv})"
    ]
    copy = tmp_path / "kopie.csv"
    copy.write_bytes(worked_csv.read_bytes())
    with pytest.raises(InputError) as same:
        load_case_files([worked_csv, copy], PEILDATUM)
    assert [issue_message(issue) for issue in same.value.issues] == [
        f"dit bestand heeft precies dezelfde inhoud als {worked_csv}"
    ]


def test_check_shows_what_the_method_will_fill_in(worked_csv: Path) -> None:
    """werkzorg check lists the imputations calc will make, and still exits 0."""
    outcome = runner.invoke(app, ["check", str(worked_csv), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 0
    text = " ".join(outcome.stdout.split())
    assert "ggz_na ontbreekt in 1 rij (3)" in text
    assert text.endswith("Geen fouten: 4 casussen kunnen worden berekend.")


def test_a_bad_cell_does_not_hide_the_rows_other_problems(tmp_path: Path) -> None:
    """Row 2 has a negative benefit and is at work without start_werk: both errors at once."""
    path = _csv(tmp_path / "twee.csv", ["A-1;aan_het_werk;2018-01-01;-5"])
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    assert sorted((issue.row, issue_message(issue)) for issue in caught.value.issues) == [
        (2, "start_werk ontbreekt; verplicht bij status aan_het_werk"),
        (2, "uitkering_voor: mag niet negatief zijn"),
    ]


def test_an_unreadable_job_start_is_not_reported_twice(tmp_path: Path) -> None:
    """A start_werk that is no date gives its own error, not also 'start_werk ontbreekt'."""
    path = tmp_path / "datum.csv"
    path.write_text(
        "casus_id;status;start_traject;start_werk\nA-1;aan_het_werk;2018-01-01;gisteren\n"
    )
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    (issue,) = caught.value.issues
    assert (issue.row, issue.column) == (2, "D")
    assert issue_message(issue).startswith("start_werk: geen datum")
