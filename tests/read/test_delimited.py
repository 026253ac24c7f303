"""How a CSV's text becomes lines and rows: every line ending Excel or an old Mac writes."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read import delimited, table, workbook
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.read.delimited import _lines
from werkzorg_calc.text.issues import issue_message


@given(st.text(alphabet=st.sampled_from(["a", ";", '"', "\r", "\n", "é", " "]), max_size=40))
def test_lines_split_as_a_file_opened_with_newline_empty(text: str) -> None:
    """The same lines, endings kept, as io.StringIO(text, newline="") gives (which copies the
    text at four bytes a character, so a national file no longer goes through it)."""
    assert list(_lines(text)) == list(io.StringIO(text, newline=""))


def test_lines_keep_each_ending() -> None:
    """\\r\\n (Windows), \\r (old Mac) and \\n (Unix) each end a line; the last may have none."""
    assert list(_lines("a;b\r\nc;d\re;f\ng")) == ["a;b\r\n", "c;d\r", "e;f\n", "g"]
    assert list(_lines("")) == []


def test_a_file_with_old_mac_line_endings_reads_like_a_unix_one(tmp_path: Path) -> None:
    """Two cases, one with a remark that spans two lines inside quotes: the same two cases,
    row numbers 2 and 3, whichever ending the file uses."""
    body = 'casus_id;status;start_traject;opmerking{0}A-1;aangemeld;15-01-2018;"twee{0}regels"{0}'
    body += "A-2;aangemeld;01-02-2018;{0}"
    frames = []
    for name, ending in (("unix.csv", "\n"), ("mac.csv", "\r"), ("windows.csv", "\r\n")):
        path = tmp_path / name
        path.write_bytes(body.format(ending).encode("utf-8"))
        frames.append(load_cases(path, date(2018, 6, 30)).frame)
    for frame in frames:
        assert frame["case_id"].tolist() == ["A-1", "A-2"]
        assert frame["row"].tolist() == [2, 3]
        assert frame["trajectory_start"].dt.strftime("%Y-%m-%d").tolist() == [
            "2018-01-15",
            "2018-02-01",
        ]


def test_a_csv_is_read_as_far_as_a_workbook_is() -> None:
    """One row limit for both readers: every row an Excel sheet holds below a header in row 1
    (1,048,576 − 1 = 1,048,575)."""
    assert table.MAX_DATA_ROWS == workbook.MAX_ROWS == 1_048_576 - 1


def test_a_value_below_the_row_limit_is_refused_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the limit at 3 rows: rows 2–4 are read; data in row 5 is refused, naming row 5 and
    the limit, not silently dropped. Blank lines past the limit are not an error."""
    monkeypatch.setattr(delimited, "MAX_DATA_ROWS", 3)
    lines = ["casus_id;status;start_traject"] + [f"A-{n};aangemeld;15-01-2018" for n in range(3)]
    blank = tmp_path / "blank.csv"
    blank.write_text("\n".join([*lines, ";;", "", ";  ;"]) + "\n", encoding="utf-8")
    assert load_cases(blank, date(2018, 6, 30)).frame["case_id"].tolist() == ["A-0", "A-1", "A-2"]
    full = tmp_path / "full.csv"
    full.write_text("\n".join([*lines, "", "A-3;aangemeld;15-01-2018"]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_cases(full, date(2018, 6, 30))
    (issue,) = caught.value.issues
    assert (issue.file, issue.row, issue.code) == (str(full), 6, "rows_beyond_limit")
    assert issue_message(issue).startswith(
        "meer dan 3 rijen onder de kop: er staan gegevens in rij 6"
    )
