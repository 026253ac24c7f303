"""A pandas DataFrame an analyst already has, read as a case file: same checks, same messages.

The frame becomes the same raw table a CSV file becomes, so it passes the one validation every
file passes (``validate_raw``). Rows and columns in messages are those the frame would have in
Excel after ``frame.to_excel(path, index=False)``: the header is row 1, the frame's first row is
row 2, its first column is A. The index is not a column (reset it first if it holds data).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import pandas as pd

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read.cases import validate_raw
from werkzorg_calc.read.table import RawTable

_HEADER_ROW = 1


def _cell(value: object) -> object:
    """A plain Python value as a workbook reader would hand it over; missing becomes empty."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN  # noqa: PLR0124
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, datetime | date | str | int | float | bool):
        return value
    try:
        missing = bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        missing = False
    if missing:
        return None
    item = getattr(value, "item", None)  # numpy scalars → Python numbers
    return item() if callable(item) else str(value)


def _digest(frame: pd.DataFrame) -> str:
    """A fingerprint of the content, recorded in the provenance as a file's SHA-256 is."""
    text = frame.to_csv(index=False, date_format="%Y-%m-%d")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_frame(
    frame: pd.DataFrame,
    peildatum: date,
    *,
    name: str = "DataFrame",
    allow_bsn: bool = False,
) -> CaseTable:
    """Validate a DataFrame of cases exactly as ``load_cases`` validates a file.

    The columns are those of a case file (``casus_id``, ``status``, ``ggz_na`` or their
    English names); values may be numbers, dates or text as in a CSV file. ``name`` stands for
    the file in every message and in the provenance. Raises ``InputError`` with every problem,
    located by row and column letter as in Excel (header row 1). Example::

        cases = load_frame(pd.read_csv("cases.csv", sep=";"), date(2018, 6, 30))
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"load_frame expects a pandas DataFrame, not {type(frame).__name__}")
    if frame.columns.nlevels > 1:
        raise InputError.about_file(name, "frame_multi_level_header")
    headers = tuple(str(column) for column in frame.columns)
    columns = [frame.iloc[:, index].astype(object).tolist() for index in range(frame.shape[1])]
    rows: list[tuple[int, tuple[object, ...]]] = [
        (position + _HEADER_ROW + 1, tuple(_cell(column[position]) for column in columns))
        for position in range(len(frame))
    ]
    raw = RawTable(
        file=name,
        sheet=None,
        sha256=_digest(frame),
        header_row=_HEADER_ROW,
        headers=headers,
        rows=rows,
        # Text cells such as "1.401,50" are read with the care of a workbook's text cells.
        decimal="unknown",
    )
    return validate_raw(raw, peildatum, allow_bsn=allow_bsn)
