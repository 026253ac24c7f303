"""How a sheet prints: A4, landscape where wide, fit to width, header and page numbers.

The summary workbook is the advisor's deliverable and is printed or saved as PDF. Without a
print layout Excel and LibreOffice cut a wide sheet into column strips (the summary of the
example printed as 32 pages, a provenance label on one page and its value on another). Every
sheet werkzorg writes gets the layout here when it is created.

A write-only sheet writes ``sheetPr`` (where "fit to page" lives) with its first row, so the
layout is set before any row is appended; page setup, header and footer follow the rows and
may still change until the workbook is saved.
"""

from __future__ import annotations

import math
from typing import Any

from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

# Widths in Excel's column units (about 0.19 cm each at 100%) that fit an A4 page with the
# margins below: upright 19 cm, landscape 27.7 cm. Wider sheets print landscape.
PORTRAIT_UNITS = 95
LANDSCAPE_UNITS = 145
# Below this scale a printed figure is too small to read; a wider sheet spreads over more
# pages across, its first column (the case or parameter) repeated on each.
MIN_SCALE = 0.65
_FOOTER_FONT = 9


def pages_across(widths: list[float]) -> int:
    """How many landscape pages side by side the columns need to print at a readable size."""
    total = sum(widths)
    if total <= LANDSCAPE_UNITS / MIN_SCALE:
        return 1
    return math.ceil(total / (LANDSCAPE_UNITS / MIN_SCALE))


def apply_print_layout(sheet: Any, widths: list[float], *, one_page: bool = False) -> None:
    """A4, landscape when ``widths`` exceed a portrait page, the columns fitted to the width.

    ``one_page`` fits the whole sheet on one landscape page (the front sheet, so its verdict,
    tables and chart stay together); otherwise pages run down as long as the rows need, and a
    sheet too wide for one readable page spreads over ``pages_across`` pages.
    """
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    setup = sheet.page_setup
    setup.paperSize = Worksheet.PAPERSIZE_A4
    wide = one_page or sum(widths) > PORTRAIT_UNITS
    setup.orientation = "landscape" if wide else "portrait"
    across = 1 if one_page else pages_across(widths)
    setup.fitToWidth = across
    setup.fitToHeight = 1 if one_page else 0  # 0: as many pages down as needed
    if across > 1:
        sheet.print_title_cols = "A:A"
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    footer = sheet.oddFooter
    footer.left.text, footer.left.size = "&A", _FOOTER_FONT  # the sheet's name
    footer.right.text, footer.right.size = "&P / &N", _FOOTER_FONT  # page x of n


def print_header(sheet: Any, title: str, detail: str) -> None:
    """The page header: the workbook's title on the left, e.g. the peildatum on the right."""
    header = sheet.oddHeader
    header.left.text, header.left.size = _escaped(title), _FOOTER_FONT
    header.right.text, header.right.size = _escaped(detail), _FOOTER_FONT


def repeat_rows(sheet: Any, row: int) -> None:
    """Print the table's header row at the top of every page."""
    sheet.print_title_rows = f"{row}:{row}"


def _escaped(text: str) -> str:
    """``&`` starts a header code (``&P``); a literal one is written twice."""
    return text.replace("&", "&&")
