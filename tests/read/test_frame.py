"""Cases from a DataFrame: validated exactly as a file, problems located by row and column."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import werkzorg_calc as wz
from tests.paths import ROOT
from werkzorg_calc.text.issues import issue_message

DAY = date(2018, 6, 30)
CSV = ROOT / "examples" / "drechtsteden-2018.csv"


def _frame(**options: object) -> pd.DataFrame:
    return pd.read_csv(CSV, sep=";", encoding="cp1252", **options)  # type: ignore[call-overload, no-any-return]


def test_a_frame_gives_the_same_result_as_the_file() -> None:
    """Typed columns (decimal=",") or all text: the same totals as reading the CSV file."""
    from_file = wz.calculate(wz.load_cases(CSV, DAY), None, DAY).totals.all
    typed = wz.calculate(wz.load_frame(_frame(decimal=","), DAY), None, DAY).totals.all
    text = wz.calculate(wz.load_frame(_frame(dtype=str), DAY), None, DAY).totals.all
    assert typed == from_file == text
    # The example's figures (README, method v2): savings € 23.817,48, costs € 149.190,19.
    assert round(typed.savings, 2) == 23_817.48
    assert round(typed.costs, 2) == 149_190.19


def test_every_problem_in_a_frame_is_located_like_in_excel() -> None:
    """Header is row 1, the frame's first row is row 2; column letters follow column order."""
    bad = _frame(decimal=",")
    bad["ggz_na"] = bad["ggz_na"].astype(object)
    bad.loc[2, "ggz_na"] = "veel"  # third case: Excel row 4, ggz_na is the 13th column (M)
    bad.loc[4, "status"] = "klaar"  # fifth case: row 6, column B
    with pytest.raises(wz.InputError) as caught:
        wz.load_frame(bad, DAY, name="mijn tabel")
    places = [(i.file, i.row, i.column, i.severity) for i in caught.value.issues]
    assert places == [("mijn tabel", 4, "M", "fout"), ("mijn tabel", 6, "B", "fout")]
    assert issue_message(caught.value.issues[0]) == "ggz_na: verwacht een getal"
    # Messages never repeat a cell's value (it may be health data).
    assert all(
        "veel" not in issue_message(i) and "klaar" not in issue_message(i)
        for i in caught.value.issues
    )


def test_a_missing_required_column_in_a_frame_is_an_error() -> None:
    frame = _frame(decimal=",").drop(columns=["status"])
    with pytest.raises(wz.InputError) as caught:
        wz.load_frame(frame, DAY)
    assert [issue_message(i) for i in caught.value.issues] == ["verplichte kolom status ontbreekt"]


def test_calculate_on_a_raw_frame_says_what_to_do() -> None:
    """Not the old "'DataFrame' object has no attribute 'frame'"."""
    with pytest.raises(TypeError, match="load_frame"):
        wz.calculate(_frame(), None, DAY)  # type: ignore[arg-type]
