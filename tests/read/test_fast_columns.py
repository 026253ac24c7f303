"""The column-wise pass and ``CaseRow`` agree on every cell the column pass accepts.

The column pass may leave any cell to pydantic, but a cell it accepts must get exactly the
value ``CaseRow`` gives it, and a cell ``CaseRow`` refuses must never be accepted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from werkzorg_calc.domain.columns import COLUMNS
from werkzorg_calc.read.cells import DecimalStyle
from werkzorg_calc.read.fast_columns import case_ids, validate_columns
from werkzorg_calc.read.rows import CaseRow, case_id_text
from werkzorg_calc.read.table import table_columns

FIELDS = [column.field for column in COLUMNS if column.kind != "private"]
MAPPING = {field: index for index, field in enumerate(FIELDS)}
VALID: dict[str, object] = {
    "case_id": "A-1",
    "status": "aangemeld",
    "trajectory_start": datetime(2018, 1, 15),
}

cells = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1, max_value=100),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.integers(min_value=-5, max_value=70),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
    st.sampled_from(
        [
            "",
            "  ",
            "#N/A",
            "#DIV/0!",
            "1.401",
            "1.401,50",
            "1,401.50",
            "12,5",
            "12.5",
            "1e5",
            "€ 250",
            "-3",
            "2018-03-01",
            "1-3-2018",
            "04/03/2024",
            "2018-02-30",
            "aan het werk",
            "Aan_het_werk",
            "bijstand",
            "WW",
            "onbekend",
            "x" * 201,
            " WBZ-001 ",
        ]
    ),
    st.text(max_size=8),
)


def _columns(rows: Sequence[tuple[int, tuple[object, ...]]]) -> list[tuple[object, ...]]:
    return table_columns([cells for _, cells in rows])


def _pydantic(record: dict[str, object], style: DecimalStyle) -> CaseRow | None:
    try:
        return CaseRow.model_validate(record, context={"decimal": style})
    except ValidationError:
        return None


@settings(max_examples=400, deadline=None)
@given(
    field=st.sampled_from(FIELDS),
    value=cells,
    style=st.sampled_from(["comma", "point", "unknown"]),
)
def test_an_accepted_cell_has_the_value_pydantic_gives_it(
    field: str, value: Any, style: DecimalStyle
) -> None:
    """Either the column pass leaves the row to pydantic, or both give the same values."""
    record = {**dict.fromkeys(FIELDS), **VALID, field: value}
    cells_row = tuple(record[name] for name in FIELDS)
    values, slow = validate_columns(_columns([(2, cells_row)]), MAPPING, style)
    model = _pydantic(record, style)
    if 0 in slow:
        return
    assert model is not None, f"{field}={value!r} accepted column-wise, refused by pydantic"
    for name in FIELDS:
        # A column the pass does not convert is absent when all its cells are empty.
        value_of = values[name][0] if name in values else None
        assert value_of == getattr(model, name)
        assert type(value_of) is type(getattr(model, name))


def test_a_bad_cell_among_good_ones_is_left_to_pydantic() -> None:
    """Only the row with the bad cell goes the slow way."""
    good = tuple({**dict.fromkeys(FIELDS), **VALID}[name] for name in FIELDS)
    bad = tuple(
        -5.0 if name == "wmo_before" else cell for name, cell in zip(FIELDS, good, strict=True)
    )
    _, slow = validate_columns(_columns([(2, good), (3, bad), (4, good)]), MAPPING, "unknown")
    assert slow == {1}


@pytest.mark.parametrize("missing", ["case_id", "status", "trajectory_start"])
def test_a_missing_required_column_sends_every_row_to_pydantic(missing: str) -> None:
    """Without the column, pydantic says per row that the field is missing."""
    mapping = {field: index for field, index in MAPPING.items() if field != missing}
    good = tuple({**dict.fromkeys(FIELDS), **VALID}[name] for name in FIELDS)
    _, slow = validate_columns(_columns([(2, good), (3, good)]), mapping, "unknown")
    assert slow == {0, 1}


def test_a_column_of_floats_is_checked_on_arrays_with_the_same_bounds() -> None:
    """Floats and empty cells only (a workbook's amounts): the range is checked on the column.

    Rows 0-6 of ``wmo_before`` hold 10.0, None, -0.5, 0.0, NaN, 2e12 and 1e6; of
    ``hours_per_week`` 24.0, None, 0.0 (hours must be above 0), 60.0, 60.5, 12.0, 38.0. Out of
    range: -0.5 (row 2), NaN (row 4) and 2e12 (row 5, above the maximum amount) for wmo; 0.0
    (row 2) and 60.5 (row 4) for hours. So rows 2, 4 and 5 go to pydantic, and pydantic refuses
    each of them too; the values of the other rows are the floats themselves.
    """
    wmo = [10.0, None, -0.5, 0.0, float("nan"), 2e12, 1e6]
    hours = [24.0, None, 0.0, 60.0, 60.5, 12.0, 38.0]
    base = {**dict.fromkeys(FIELDS), **VALID}
    rows = [
        (n + 2, tuple({**base, "wmo_before": w, "hours_per_week": h}[f] for f in FIELDS))
        for n, (w, h) in enumerate(zip(wmo, hours, strict=True))
    ]
    values, slow = validate_columns(_columns(rows), MAPPING, "unknown")
    assert slow == {2, 4, 5}
    for position in (0, 1, 3, 6):
        assert values["wmo_before"][position] == wmo[position]
        assert values["hours_per_week"][position] == hours[position]
    for position in slow:
        record = dict(zip(FIELDS, rows[position][1], strict=True))
        with pytest.raises(ValidationError):
            CaseRow.model_validate(record, context={"decimal": "unknown"})


@settings(max_examples=300, deadline=None)
@given(ids=st.lists(cells, min_size=1, max_size=6))
def test_case_ids_from_the_column_pass_are_those_case_id_text_gives(ids: list[Any]) -> None:
    """The search for repeated ids takes the column pass's text: it must be the same id.

    Whatever the cells (numbers, 1001.0, text with spaces, blanks, too long a text), each row's
    id equals ``case_id_text`` of its cell, with or without the converted column.
    """
    rows = [(n + 2, (cell,)) for n, cell in enumerate(ids)]
    values, _ = validate_columns(_columns(rows), {"case_id": 0}, "unknown")
    expected = [case_id_text(cell) for cell in ids]
    assert case_ids(tuple(ids), values["case_id"]) == expected
    assert case_ids(tuple(ids), None) == expected
