"""Messages that say what is really wrong (issue 17): the whole picture in one run, and no
refusal of what Dutch Excel writes itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.read.cells import parse_number_text
from werkzorg_calc.text.issues import issue_message, issue_place

PEILDATUM = date(2018, 6, 30)


def refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    return caught.value


def test_a_wrong_header_and_bad_cells_are_reported_together(tmp_path: Path) -> None:
    """Missing start_traject, a duplicated column, and bad cells below: all in one answer.

    Row 2 has an unknown status (B2) and a negative benefit (C2); row 3 repeats case id A-1
    (A2 and A3); the columns that were recognised are checked although the header is wrong.
    """
    path = tmp_path / "kop.csv"
    path.write_text(
        "casus_id;status;uitkering_voor;uitkering_voor\r\n"
        "A-1;werkt niet;-5;100\r\n"
        "A-1;aangemeld;100;100\r\n",
        encoding="utf-8",
    )
    found = [(issue_place(i), issue_message(i)) for i in refused(path).issues]
    assert found == [
        ("rij 1", "verplichte kolom start_traject ontbreekt"),
        ("D1", "kolom uitkering_voor staat er twee keer in (kolommen C en D)"),
        ("A2", "casus_id komt vaker voor (ook in rij 3)"),
        ("B2", found[3][1]),
        ("C2", "uitkering_voor: mag niet negatief zijn"),
        ("A3", "casus_id komt vaker voor (ook in rij 2)"),
    ]
    assert found[3][1].startswith("status: onbekende status")
    # The empty start_traject is said once, at the header, not once per row.
    assert sum("start_traject" in message for _, message in found) == 1


def test_a_missing_required_column_still_checks_the_other_cells(tmp_path: Path) -> None:
    """status misspelt: the header problems, and the impossible date below, in one answer.

    ``statuss`` is one letter from ``status``: an error with a suggestion, not an unknown column.
    """
    alias = tmp_path / "alias.csv"
    alias.write_text(
        "case_id;statuss;start_traject\r\nA;aangemeld;2018-02-30\r\n", encoding="utf-8"
    )
    codes = [issue.code for issue in refused(alias).issues]
    assert codes == ["required_column_missing", "header_near_match", "date_nonexistent"]


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("1,5E+03", "comma", 1500.0),  # Dutch Excel in a ';' CSV
        ("1,23457E+11", "comma", 123_457_000_000.0),
        ("1.5E+03", "point", 1500.0),  # English Excel in a ',' CSV
        ("2,5E-01", "comma", 0.25),
        ("1E+03", "unknown", 1000.0),
        ("-1,5e3", "comma", -1500.0),
    ],
)
def test_scientific_notation_is_read_in_both_styles(text: str, style: str, expected: float) -> None:
    """One mark before the exponent can only be the decimal mark, in either style."""
    assert parse_number_text(text, style) == pytest.approx(expected)  # type: ignore[arg-type]


def test_a_dutch_csv_with_scientific_notation_is_calculated(tmp_path: Path) -> None:
    """1,5E+03 a month is € 1.500,00; the too large 1,23457E+11 is refused by its limit."""
    path = tmp_path / "wetenschap.csv"
    path.write_text(
        "casus_id;status;start_traject;uitkering_voor\r\n"
        "A-1;aangemeld;2018-01-01;1,5E+03\r\n"
        "A-2;aangemeld;2018-01-01;1,23457E+11\r\n",
        encoding="utf-8",
    )
    (issue,) = refused(path).issues
    assert (issue_place(issue), issue_message(issue)) == (
        "D3",
        "uitkering_voor: mag hoogstens 10000000 zijn",
    )
    path.write_text(
        "casus_id;status;start_traject;uitkering_voor\r\nA-1;aangemeld;2018-01-01;1,5E+03\r\n",
        encoding="utf-8",
    )
    assert load_cases(path, PEILDATUM).frame["benefit_before"].tolist() == [1500.0]
