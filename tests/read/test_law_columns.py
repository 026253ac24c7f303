"""The optional B1/W1 case-file columns: huishouden, netto_loon_pm, brutoloon_pm, loonwaarde."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.text.issues import issue_message
from werkzorg_calc.write.excel.template import write_template

DAY = date(2026, 6, 30)
HEADER = "casus_id;status;start_traject;huishouden;netto_loon_pm;brutoloon_pm;loonwaarde\n"


def _load(tmp_path: Path, rows: str) -> object:
    path = tmp_path / "cases.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return load_cases(path, DAY)


def test_the_columns_are_read_with_their_synonyms(tmp_path: Path) -> None:
    """Households by their Dutch spellings, amounts with a decimal comma, 60% as 0.6."""
    table = _load(
        tmp_path,
        "A;aangemeld;2026-01-05;Alleenstaande ouder;1000,50;1850;60%\n"
        "B;aangemeld;2026-01-05;gehuwd;;;0,35\n"
        "C;aangemeld;2026-01-05;samenwonend;;;\n"
        "D;aangemeld;2026-01-05;;;;1\n",
    )
    frame = table.frame  # type: ignore[attr-defined]
    assert frame["household"].tolist()[:3] == ["alleenstaand", "gehuwd", "samenwonend"]
    assert frame["household"].isna().tolist() == [False, False, False, True]
    assert frame["net_earnings_month"].tolist()[0] == 1000.50
    assert frame["gross_wage_month"].tolist()[0] == 1850.0
    assert frame["wage_value_share"].tolist()[:2] == [0.6, 0.35]
    assert frame["wage_value_share"].tolist()[3] == 1.0


def test_bad_values_are_all_reported_at_once_without_the_cell_value(tmp_path: Path) -> None:
    """An unknown household and a loonwaarde of 60 (not a share) are two located errors."""
    with pytest.raises(InputError) as caught:
        _load(tmp_path, "A;aangemeld;2026-01-05;kostendeler;1000;;60\n")
    issues = caught.value.issues
    assert {(issue.column, issue.code) for issue in issues} == {
        ("D", "household_unknown"),
        ("G", "share_out_of_range"),
    }
    words = [issue_message(issue, "nl") for issue in issues]
    assert "huishouden: onbekend huishouden; gebruik alleenstaand, gehuwd of samenwonend" in words
    assert any("een aandeel tussen 0 en 1" in text for text in words)
    assert all("kostendeler" not in text for text in words)
    assert "loonwaarde: a share between 0 and 1 (write 0.6 or 60%)" in [
        issue_message(issue, "en") for issue in issues
    ]


def test_the_template_has_the_columns_with_notes_a_list_and_a_percent_check(
    tmp_path: Path,
) -> None:
    """huishouden is a drop-down, loonwaarde a 0–100% check with percent format; all noted."""
    path = tmp_path / "template.xlsx"
    write_template(path)
    sheet = load_workbook(path)["Casussen"]
    headers = [cell.value for cell in sheet[1]]
    for header in ("huishouden", "netto_loon_pm", "brutoloon_pm", "loonwaarde"):
        cell = sheet.cell(row=1, column=headers.index(header) + 1)
        assert cell.comment is not None and cell.comment.text.strip(), header
    letter = chr(ord("A") + headers.index("loonwaarde"))
    assert sheet[f"{letter}2"].number_format == "0%"
    rules = {str(rule.sqref).split(":")[0]: rule for rule in sheet.data_validations.dataValidation}
    assert rules[f"{letter}2"].formula2 == "1"
    household = chr(ord("A") + headers.index("huishouden"))
    assert rules[f"{household}2"].formula1 == '"alleenstaand,gehuwd,samenwonend"'
