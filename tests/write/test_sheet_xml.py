"""The case sheet's rows as XML: the fast paths write each cell as ``_cell_xml`` does."""

from __future__ import annotations

import io
import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook
from openpyxl.utils.datetime import to_excel

from werkzorg_calc.write.excel.sheet import Formula, FormulaColumn, Noted, Sheet, excel_serials


def _append(
    sheet: Sheet, columns: list[Any], formats: list[str | None], spool: io.StringIO
) -> None:
    """``fast_table``, then ``fast_columns``; a second table call registers the same ids."""
    sheet.fast_columns(columns, sheet.fast_table(formats, spool))


def _sheet() -> Sheet:
    return Sheet(Workbook(write_only=True), "Per casus", [10.0] * 3)


@pytest.mark.parametrize(
    "value",
    [
        1401.5,
        -0.0,  # written as 0.0: no "-0" in the sheet
        1e-300,
        24,
        None,
        pd.NaT,
        math.inf,  # not finite: no cell, as _cell_xml
        Formula("A2*B2", 751.5),
        Formula('IF(A2<>"",1,0)', 1.0),  # < and > are escaped in the XML
        Formula("A2&B2", "tekst & meer"),
        Formula("A2", None),  # no result: an empty text result, and no style
        Formula("A2", 3),
        Formula("A2", True),
        Formula("A2", math.nan),
        Formula("A2", 2.5, "een notitie"),
        Noted(0.0, "aangenomen"),
        "tekst",
        pd.Timestamp("2018-06-30"),
    ],
)
def test_a_row_is_written_as_cell_xml_writes_each_cell(value: object) -> None:
    """Every kind of cell, in a column with a number format and in one without: the row's XML
    is exactly ``<row r="1">`` + ``_cell_xml`` of each cell + ``</row>``."""
    sheet, spool = _sheet(), io.StringIO()
    _append(sheet, [[value], [value], [1.0]], ["#,##0.00", None, None], spool)
    reference = _sheet()
    styles = [reference._style("#,##0.00"), None, None]
    quoted = reference._style(None, quote=True)
    cells = [
        reference._cell_xml(f"{letter}1", cell, style, quoted)
        for letter, cell, style in zip("ABC", [value, value, 1.0], styles, strict=True)
    ]
    assert spool.getvalue() == '<row r="1">' + "".join(cells) + "</row>"
    assert len(sheet.sheet._comments) == len(reference.sheet._comments)


def test_the_fast_number_and_formula_cells_read_as_excel_stores_them() -> None:
    """1401.5 with style s, a formula A2*B2 whose result 751.5 is stored in <v>, and 24."""
    sheet, spool = _sheet(), io.StringIO()
    _append(sheet, [[1401.5], FormulaColumn(["A2*B2"], [751.5]), [24]], [None] * 3, spool)
    assert spool.getvalue() == (
        '<row r="1"><c r="A1" t="n"><v>1401.5</v></c>'
        '<c r="B1"><f>A2*B2</f><v>751.5</v></c><c r="C1" t="n"><v>24</v></c></row>'
    )


@pytest.mark.parametrize(
    "formula",
    [
        Formula("A2*B2", 751.5),
        Formula('IF(A2<>"",1,0)', 1.0),
        Formula("A2&B2", "tekst & meer"),
        Formula("A2", None),
        Formula("A2", 3),
        Formula("A2", math.nan),
    ],
)
def test_a_column_of_formulas_is_written_as_cell_xml_writes_each_formula(formula: Formula) -> None:
    """``FormulaColumn`` (texts and values apart, no notes) gives the bytes of ``Formula``
    cells; with ``escaped=True`` the texts are taken as XML already."""
    sheet, spool = _sheet(), io.StringIO()
    column = FormulaColumn([formula.text], [formula.value])
    _append(sheet, [column, [None], [None]], ["#,##0.00", None, None], spool)
    reference = _sheet()
    cell = reference._cell_xml("A1", formula, reference._style("#,##0.00"), 0)
    assert spool.getvalue() == f'<row r="1">{cell}</row>'
    escaped, done = _sheet(), io.StringIO()
    text = formula.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    column = FormulaColumn([text], [formula.value], escaped=True)
    _append(escaped, [column, None, None], ["#,##0.00", None, None], done)
    assert done.getvalue() == spool.getvalue()


def test_rows_are_joined_from_the_columns_and_numbered_on() -> None:
    """Two calls of two rows each: rows 1-4, cells in column order, an empty column skipped."""
    sheet, spool = _sheet(), io.StringIO()
    _append(sheet, [[1.5, 2.5], None, [7, None]], [None] * 3, spool)
    _append(sheet, [[3.5, None], None, [8, 9]], [None] * 3, spool)
    assert sheet.rows == 4
    assert spool.getvalue() == (
        '<row r="1"><c r="A1" t="n"><v>1.5</v></c><c r="C1" t="n"><v>7</v></c></row>'
        '<row r="2"><c r="A2" t="n"><v>2.5</v></c></row>'
        '<row r="3"><c r="A3" t="n"><v>3.5</v></c><c r="C3" t="n"><v>8</v></c></row>'
        '<row r="4"><c r="C4" t="n"><v>9</v></c></row>'
    )


def test_notes_made_column_by_column_are_listed_row_by_row() -> None:
    """Notes in B1, A2 and B2 are made in the order A2, B1, B2 (column by column); the sheet
    lists them as Excel reads them: B1, A2, B2."""
    sheet, spool = _sheet(), io.StringIO()
    first = [None, Noted(0.0, "a2")]
    second = [Noted(1.0, "b1"), Formula("A2", 2.0, "b2")]
    _append(sheet, [first, second, None], [None] * 3, spool)
    assert [record.ref for record in sheet.sheet._comments] == ["B1", "A2", "B2"]
    assert [record.text.t for record in sheet.sheet._comments] == ["b1", "a2", "b2"]


def test_dates_become_the_serials_openpyxl_gives_each_date() -> None:
    """Whole columns at once, as ``to_excel`` per date: 30-06-2018 is 43281.0 (days since
    30-12-1899); before 01-03-1900 one day less (Excel counts a 29 February 1900); no date
    stays empty."""
    days = ["2018-06-30", "1900-02-28", "1900-03-01", "1899-12-31", "1850-05-01", None]
    column = pd.to_datetime(pd.Series(days))
    serials = excel_serials(column)
    # 30-12-1899 to 30-12-2017: 118 × 365 + 29 leap days (1904 … 2016) = 43,099 days; to
    # 30-06-2018 another 1 + 31 + 28 + 31 + 30 + 31 + 30 = 182.
    assert serials[0] == 43099 + 182
    assert serials[1] == 59.0  # 1 + 31 + 28 = 60 days after the epoch, one less (as Excel)
    assert serials[2] == 61.0
    assert serials[-1] is None
    expected = [to_excel(day.date()) for day in column.iloc[:-1]]  # type: ignore[no-untyped-call]  # openpyxl has no types here
    assert serials[:-1] == expected
    assert all(type(serial) is float for serial in serials[:-1])


def test_dates_far_from_1970_keep_their_serials() -> None:
    """Second-precision dates beyond the nanosecond range (1677-2262).

    01-01-2300: 30-12-1899 to 30-12-2299 is one Gregorian cycle of 400 years, 146,097 days, and
    two days more to 01-01-2300: 146,099. 01-05-1600: from 01-05-1600 to 01-05-1900 are 300 × 365
    days plus 72 leap days (1604 … 1896 are 74, less 1700 and 1800) = 109,572; 30-12-1899 lies
    122 days before 01-05-1900 (2 + 31 + 28 + 31 + 30), so 109,572 − 122 = 109,450 before it."""
    column = pd.Series(np.array(["2300-01-01", "1600-05-01"], dtype="datetime64[s]"))
    assert excel_serials(column) == [146099.0, -109450.0]
