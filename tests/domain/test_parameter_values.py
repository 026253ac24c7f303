"""One reading of a typed parameter value (57%, 75,50, Dutch payer names) at every entry point."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from werkzorg_calc.domain.parameter_values import read_number, read_value
from werkzorg_calc.domain.parameters import apply_overrides, default_set
from werkzorg_calc.read.parameter_files import (
    parse_set_option,
    read_parameter_sheet,
    read_parameters_toml,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("57%", 0.57),
        ("57 %", 0.57),
        ("12,5%", 0.125),
        ("75,50", 75.5),
        ("75.50", 75.5),
        ("€ 75,50", 75.5),
        ("1.401,50", 1401.5),
        ("12", 12),
        ("-3", -3),
        ("0,25", 0.25),
    ],
)
def test_numbers_as_a_dutch_user_types_them(typed: str, expected: float) -> None:
    assert read_number(typed) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("gemeente", "municipality"),
        ("UWV", "uwv"),
        ("zorgverzekeraar", "health_insurer"),
        ("ggz-instelling", "care_provider"),
        ("health_insurer", "health_insurer"),
        ("durable", "durable"),  # other text is handed on unchanged
        ("veel", "veel"),
    ],
)
def test_payers_by_their_dutch_names(typed: str, expected: str) -> None:
    assert read_value(typed) == expected


def _sheet_workbook(path: Path, rows: list[tuple[str, object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.create_sheet("Parameters")
    sheet.append(["parameter", "waarde"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_set_toml_and_the_parameters_sheet_read_the_same_text_the_same_way(
    tmp_path: Path,
) -> None:
    """deadweight 57%, jobcoach rate 75,50 and the counselling paid by the gemeente, three ways."""
    typed = {
        "deadweight": "57%",
        "jobcoach_hour_rate": "75,50",
        "payers.counselling": "gemeente",
    }
    from_set = parse_set_option([f"{key}={value}" for key, value in typed.items()])
    toml = tmp_path / "p.toml"
    toml.write_text(
        'deadweight = "57%"\njobcoach_hour_rate = "75,50"\n[payers]\ncounselling = "gemeente"\n',
        encoding="utf-8",
    )
    from_toml = read_parameters_toml(toml)
    book = _sheet_workbook(tmp_path / "c.xlsx", list(typed.items()))
    from_sheet = read_parameter_sheet(book, "c.xlsx")
    results = [
        apply_overrides(default_set(), overrides).values.flat()
        for overrides in (from_set, from_toml, from_sheet)
    ]
    for flat in results:
        assert flat["deadweight"] == pytest.approx(0.57)
        assert flat["jobcoach_hour_rate"] == pytest.approx(75.5)
        assert flat["payers.counselling"] == "municipality"
    assert results[0] == results[1] == results[2]
