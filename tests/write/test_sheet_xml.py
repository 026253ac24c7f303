"""The case sheet's rows as XML: the fast paths write each cell as ``_cell_xml`` does."""

from __future__ import annotations

import io
import math

import pandas as pd
import pytest
from openpyxl import Workbook

from werkzorg_calc.write.excel.sheet import Formula, Noted, Sheet


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
    sheet.fast_rows([[value, value, 1.0]], ["#,##0.00", None, None], spool)
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
    sheet.fast_rows([[1401.5, Formula("A2*B2", 751.5), 24]], [None, None, None], spool)
    assert spool.getvalue() == (
        '<row r="1"><c r="A1" t="n"><v>1401.5</v></c>'
        '<c r="B1"><f>A2*B2</f><v>751.5</v></c><c r="C1" t="n"><v>24</v></c></row>'
    )
