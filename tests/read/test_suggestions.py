"""Near misses are errors with a suggestion; an empty case sheet is an error, not € 0,00."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import PEILDATUM, WORKED_CSV
from werkzorg_calc.cli import app
from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.text.issues import issue_message

runner = CliRunner()


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_header_one_typo_from_a_known_column_is_an_error(tmp_path: Path) -> None:
    """``ggz_nna`` (column M) is not ignored with every ggz_na imputed: it is an error."""
    path = _csv(tmp_path, WORKED_CSV.replace(";ggz_na;", ";ggz_nna;", 1))
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    (issue,) = [i for i in caught.value.issues if i.severity == "fout"]
    assert (issue.row, issue.column) == (1, "M")
    assert "bedoelt u ggz_na?" in issue_message(issue)


def test_an_unrelated_unknown_column_stays_a_warning(tmp_path: Path) -> None:
    path = _csv(tmp_path, WORKED_CSV.replace(";verzekeraar_bijdrage\n", ";notities\n", 1))
    table = load_cases(path, PEILDATUM)
    assert any("onbekende kolommen" in issue_message(w) for w in table.warnings)


def test_a_status_one_typo_away_gets_a_suggestion(tmp_path: Path) -> None:
    path = _csv(tmp_path, WORKED_CSV.replace("V-04;uitgevallen;", "V-04;uitgevalen;", 1))
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    (issue,) = caught.value.issues
    assert (issue.row, issue.column) == (5, "B")
    assert "bedoelt u uitgevallen?" in issue_message(issue)
    assert "uitgevalen" not in issue_message(issue)  # the cell's own text is never repeated


def test_the_untouched_template_is_an_error(tmp_path: Path) -> None:
    template = tmp_path / "casussen.xlsx"
    assert runner.invoke(app, ["template", str(template)]).exit_code == 0
    outcome = runner.invoke(app, ["calc", str(template), "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 1
    assert "blad Casussen is leeg" in outcome.output
    assert "€ 0,00" not in outcome.output


def test_explain_lists_close_case_ids_the_dutch_way(tmp_path: Path) -> None:
    rows = "".join(f"WBZ-0{n:02d};aangemeld;2018-01-01;;;;;;;;;;;;;;;;\n" for n in range(1, 31))
    header = WORKED_CSV.splitlines()[0] + "\n"
    path = _csv(tmp_path, header + rows)
    outcome = runner.invoke(app, ["explain", str(path), "WBZ-39", "--peildatum", "2018-06-30"])
    assert outcome.exit_code == 1
    assert "bedoelt u WBZ-030, WBZ-029 of WBZ-023?" in " ".join(outcome.stderr.split())
