"""One write-only sheet and its cells: formats, safe text, formulas with their values, notes.

Shared by every workbook werkzorg writes (the summary, the comparison, the uncertainty files).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.defined_name import DefinedName

from werkzorg_calc.write.excel.finish import number_text, stored_value
from werkzorg_calc.write.excel.print_layout import apply_print_layout, print_header, repeat_rows

if TYPE_CHECKING:
    from werkzorg_calc.domain.errors import InputIssue
    from werkzorg_calc.domain.result import Result

EURO = '"€" #,##0.00;"€" -#,##0.00'
DATE = "DD-MM-YYYY"
DECIMAL = "0.00"
MONTHS = "0.000000"
# Months worked as a person reads them (6.9); the cell keeps the exact value for formulas.
MONTHS_SHOWN = "0.0"
PERCENT = "0.0%"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Fixed times keep the workbook identical between runs on the same input.
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
AUTHOR = "werkzorg"
_WRAPPED = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True, slots=True)
class Formula:
    """An Excel formula (without ``=``), the value werkzorg computed, and an optional note."""

    text: str
    value: object
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Noted:
    """A plain value with a cell note, e.g. an input cell that was empty and what it counts as."""

    value: object
    note: str


# A fixed timestamp keeps a workbook identical between runs on the same input.
FIXED_TIME = datetime(2000, 1, 1)


def new_workbook(created: datetime | None = None) -> Workbook:
    """A write-only workbook by werkzorg, dated ``created`` (or a fixed time: reproducible)."""
    workbook = Workbook(write_only=True)
    workbook.properties.creator = AUTHOR
    workbook.properties.created = created or FIXED_TIME
    workbook.properties.modified = created or FIXED_TIME
    return workbook


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters."""
    base = _SHEET_NAME_BAD.sub("_", name).strip("'") or "scenario"
    title = base[:31]
    number = 2
    while title.lower() in used:
        suffix = f" ({number})"
        title = base[: 31 - len(suffix)] + suffix
        number += 1
    used.add(title.lower())
    return title


def quoted(title: str) -> str:
    """A sheet name as a formula refers to it: ``'Per casus'``."""
    return "'" + title.replace("'", "''") + "'"


@dataclass(frozen=True, slots=True)
class FormulaColumn:
    """A column of formulas, one a row, with the value werkzorg computed for each (no notes).

    A column of formulas with notes, or of mixed cells, is a plain sequence of ``Formula`` and
    other values instead.
    """

    texts: Sequence[str]
    values: Sequence[object]
    escaped: bool = False  # the texts are XML already (escaped once, in their template)

    def __len__(self) -> int:
        return len(self.texts)


@dataclass(frozen=True, slots=True)
class ColumnStyles:
    """The style ids of a table's columns (``None``: no number format) and of quoted text."""

    styles: tuple[int | None, ...]
    quoted: int


# A column of ``Sheet.fast_columns``: formulas, or cell values of any kind (``Formula`` too).
Column = FormulaColumn | Sequence[object]


def _formula_xml(ref: str, styled: str, text: str, value: object) -> str:
    """A formula cell (its text already escaped) with ``value`` stored as its result.

    A formula without a result (a ratio without costs) gets no number format: it holds text.
    """
    kind, stored = stored_value(value)
    shown = styled if value is not None else ""
    return f'<c r="{ref}"{shown}{kind}><f>{text}</f><v>{stored}</v></c>'


def excel_serials(column: pd.Series) -> list[float | None]:
    """Dates as Excel stores them (days since 1899-12-30, as floats; ``None`` for no date).

    The whole column at once, as ``openpyxl.utils.datetime.to_excel`` gives it for each
    date, including its step back of one day before 1900-03-01 (Lotus's 29 February 1900).
    """
    days = column.to_numpy(dtype="datetime64[D]")  # straight to days: no ns overflow
    serials = (days - np.datetime64("1899-12-30", "D")).astype(np.int64)
    serials = np.where((serials > 0) & (serials <= 60), serials - 1, serials)
    missing = np.isnat(days).tolist()
    return [
        None if gone else value
        for value, gone in zip(serials.astype(np.float64).tolist(), missing, strict=True)
    ]


class Sheet:
    """Appends rows to a write-only sheet, giving each cell its style and safe text.

    Formula cells are remembered with their computed value, in the order they are written,
    for ``_finish`` to store in the saved file.
    """

    def __init__(
        self,
        workbook: Workbook,
        title: str,
        widths: Sequence[float],
        *,
        one_page: bool = False,
    ) -> None:
        # Any: openpyxl's stubs describe the ordinary sheet, not the write-only one we get.
        self.sheet: Any = workbook.create_sheet(title)
        self.title = title
        apply_print_layout(self.sheet, list(widths), one_page=one_page)
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.rows = 0
        self.header_row = 1
        self.cached: list[tuple[str, object]] = []
        self.extra: IO[str] | None = None

    def row(
        self,
        values: Iterable[Any],
        formats: Sequence[str | None] = (),
        bold: bool = False,
        *,
        wrap: bool = False,
    ) -> int:
        """Append one row and return its number; text that looks like a formula stays text."""
        number = self.rows + 1
        cells = []
        for index, given in enumerate(values):
            note = None
            value = given.value if isinstance(given, Noted) else given
            if isinstance(given, Noted):
                note = given.note
            if isinstance(value, Formula):
                note = value.note
                cell = WriteOnlyCell(self.sheet, value="=" + value.text)
                self.cached.append((f"{get_column_letter(index + 1)}{number}", value.value))
                shown = value.value
            else:
                cell = WriteOnlyCell(self.sheet, value=cell_value(value))
                if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                    # Text that looks like a formula stays text (no formula injection).
                    cell.data_type = "s"
                    cell.quotePrefix = True
                shown = cell.value
            number_format = formats[index] if index < len(formats) else None
            if number_format and shown is not None:
                cell.number_format = number_format
            if bold:
                cell.font = Font(bold=True)
            if wrap:
                # A long label or description wraps in its column instead of being cut off.
                cell.alignment = _WRAPPED
            if note:
                cell.comment = Comment(note, AUTHOR, height=110, width=320)
            cells.append(cell)
        self.sheet.append(cells)
        self.rows += 1
        return number

    def fast_table(self, formats: Sequence[str | None], spool: IO[str]) -> ColumnStyles:
        """Begin a table of rows written by ``fast_columns``, its columns in ``formats``.

        The XML goes to ``spool`` for ``_finish`` to put into the saved sheet (the caller
        closes it). Each column's number format is registered here, once, whether or not any
        row follows: the workbook's style table, and so every style id, does not depend on how
        many rows there are.
        """
        self.extra = spool
        styles = tuple(
            self._style(number_format) if number_format else None for number_format in formats
        )
        return ColumnStyles(styles, self._style(None, quote=True))

    def fast_columns(self, columns: Sequence[Column | None], styles: ColumnStyles) -> None:
        """Append rows given column by column (after ``fast_table``), as XML.

        openpyxl serialises cell by cell in pure Python (about 40 µs a cell); a case sheet of
        100,000 rows and 60 columns would take minutes. Each column is turned into its cells'
        XML in one pass of its own kind (numbers, formulas with their stored value, or
        anything else through ``_cell_xml``), and the rows are then joined from the columns.
        ``None`` is a column without a single value. All columns have the same length; the
        rows are numbered on from the sheet's last row.
        """
        spool = self.extra
        assert spool is not None, "fast_table first"
        count = max((len(column) for column in columns if column is not None), default=0)
        if count == 0:
            return
        quoted = styles.quoted
        numbers = [str(number) for number in range(self.rows + 1, self.rows + count + 1)]
        noted = len(self.sheet._comments)
        cells = [
            [""] * count
            if column is None
            else self._column_xml(get_column_letter(index), style, quoted, numbers, column)
            for index, (column, style) in enumerate(
                zip(columns, styles.styles, strict=True), start=1
            )
        ]
        # Notes were made column by column; the sheet lists them row by row, as Excel does.
        self.sheet._comments[noted:] = sorted(
            self.sheet._comments[noted:], key=lambda record: coordinate_to_tuple(record.ref)
        )
        spool.write(
            "".join(
                f'<row r="{number}">{"".join(row)}</row>'
                for number, row in zip(numbers, zip(*cells, strict=True), strict=True)
            )
        )
        self.rows += count

    def _column_xml(
        self, letter: str, style: int | None, quoted: int, numbers: list[str], column: Column
    ) -> list[str]:
        """One column's cells as XML. The commonest cells are written here without a call,
        exactly as ``_cell_xml`` writes them (a finite number, a formula with a finite number
        as its value, an empty cell, a whole number); ``tests/write/test_sheet_xml.py`` holds
        the two ways equal for every kind of cell."""
        styled = f' s="{style}"' if style is not None else ""
        isfinite = math.isfinite
        if isinstance(column, FormulaColumn):
            texts = column.texts
            if not column.escaped:
                texts = [
                    escape(text) if "&" in text or "<" in text or ">" in text else text
                    for text in texts
                ]
            return [
                f'<c r="{letter}{number}"{styled}><f>{text}</f><v>{value + 0.0!r}</v></c>'
                if type(value) is float and isfinite(value)
                else _formula_xml(f"{letter}{number}", styled, text, value)
                for number, text, value in zip(numbers, texts, column.values, strict=True)
            ]
        cell_xml = self._cell_xml
        return [
            f'<c r="{letter}{number}"{styled} t="n"><v>{value + 0.0!r}</v></c>'
            if type(value) is float and isfinite(value)
            else ""
            if value is None or value is pd.NaT
            else f'<c r="{letter}{number}"{styled} t="n"><v>{value}</v></c>'
            if type(value) is int
            else cell_xml(f"{letter}{number}", value, style, quoted)
            for number, value in zip(numbers, column, strict=True)
        ]

    def _style(self, number_format: str | None, quote: bool = False) -> int:
        """The workbook's style id for a number format (or a quote prefix), registering it."""
        probe = WriteOnlyCell(self.sheet)
        if number_format:
            probe.number_format = number_format
        if quote:
            probe.quotePrefix = True
        return int(probe.style_id)

    def _cell_xml(self, ref: str, given: object, style: int | None, quoted: int) -> str:
        value = given.value if isinstance(given, Noted) else given
        note = given.note if isinstance(given, Noted) else None
        if isinstance(value, Formula):
            note = value.note
        if note:
            record = CommentRecord(ref=ref, author=AUTHOR, height=110, width=320)
            record.text.t = note
            self.sheet._comments.append(record)
        if isinstance(value, Formula):
            styled = f' s="{style}"' if style is not None else ""
            return _formula_xml(ref, styled, escape(value.text), value.value)
        value = cell_value(value)
        if value is None:
            return ""
        styled = f' s="{style}"' if style is not None else ""
        if isinstance(value, str):
            if value.startswith(_FORMULA_START):
                styled = f' s="{quoted}"'  # text that looks like a formula stays text
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f'<c r="{ref}"{styled} t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'
        if isinstance(value, bool):
            return f'<c r="{ref}"{styled} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, date):
            value = to_excel(value)  # type: ignore[no-untyped-call]  # openpyxl has no types here
        return f'<c r="{ref}"{styled} t="n"><v>{number_text(value)}</v></c>'

    def table_header(self, labels: Sequence[str]) -> None:
        """Bold header row; freeze it and put an autofilter on the table below it.

        A write-only sheet writes its view settings with the first row, so the panes are
        frozen before anything is appended.
        """
        if self.rows == 0:
            self.sheet.freeze_panes = "A2"
        self.row(labels, bold=True, wrap=True)
        self.header_row = self.rows
        repeat_rows(self.sheet, self.header_row)

    def print_header(self, title: str, detail: str) -> None:
        """Title and, e.g., the peildatum at the top of every printed page."""
        print_header(self.sheet, title, detail)

    def finish_table(self, columns: int) -> None:
        """Put the autofilter over the header and every row appended since."""
        last = get_column_letter(columns)
        self.sheet.auto_filter.ref = f"A{self.header_row}:{last}{max(self.rows, self.header_row)}"


def input_warnings(result: Result) -> tuple[InputIssue, ...]:
    """The warnings the sheet ``Controle`` lists: all but Q1's plausibility warnings.

    Those move with the parameters (a value changed in Excel would leave a stale line), so the
    workbook shows them beside the comparison panel on ``Welvaart`` instead.
    """
    if result.beyond is None:
        return result.warnings
    plausibility = result.beyond.plausibility.warnings
    return tuple(issue for issue in result.warnings if issue not in plausibility)


def cell_value(value: Any) -> Any:
    """A value as a cell can hold it: no NaN or infinity, no illegal characters, dates as dates."""
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp or NaT
        return None if pd.isna(value) else value.to_pydatetime().date()
    return value


class Names:
    """The workbook's defined names: parameters and run settings that formulas refer to."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook

    def define(self, name: str, sheet: str, column: str, row: int) -> None:
        """Name one cell, absolutely: ``peildatum`` → ``'Samenvatting'!$B$9``."""
        target = f"{quoted(sheet)}!${column}${row}"
        self.workbook.defined_names[name] = DefinedName(name, attr_text=target)


def parameter_name(key: str) -> str:
    """The defined name of a parameter's cell: ``payers.counselling`` → ``payers_counselling``."""
    return key.replace(".", "_")
