"""The sheet ``Per casus``: each case's inputs and every line item as a live formula."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from werkzorg_calc.domain.columns import BY_FIELD, MONEY_FIELDS
from werkzorg_calc.domain.items import ITEM_IDS
from werkzorg_calc.engine.trace import MONTHLY_IDS
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.labels import Lang, item_label, text
from werkzorg_calc.write.excel.case_columns import INPUT_FIELDS, CaseColumns, blocks
from werkzorg_calc.write.excel.sheet import (
    DATE,
    DECIMAL,
    EURO,
    MONTHS,
    MONTHS_SHOWN,
    Column,
    Sheet,
    quoted,
)

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.result import Result

# Cases whose XML is made at once: about 60 MB of cell text, let go before the next block.
BLOCK = 10_000


@dataclass(frozen=True, slots=True)
class CaseColumn:
    key: str
    label: str
    width: float
    format: str | None


class CaseLayout:
    """The columns of ``Per casus`` and the values and formulas of each case's row."""

    def __init__(self, result: Result, cases: CaseTable | None, lang: Lang) -> None:
        self.result, self.lang, self.live = result, lang, cases is not None
        self.title = text("case_sheet", lang)
        self.yes, self.no = text("yes", lang), text("no", lang)
        self.columns = self._columns(len(result.sources) > 1)
        self.letters = {
            column.key: get_column_letter(number)
            for number, column in enumerate(self.columns, start=1)
        }
        self.count = len(result.cases)
        self.last_row = max(self.count + 1, 2)  # an empty table still gives a valid range
        self.cases = cases

    def _columns(self, several_files: bool) -> list[CaseColumn]:
        lang = self.lang

        def label(key: LabelKey) -> str:
            return text(key, lang)

        columns = [
            CaseColumn("case_id", label("case"), 14, None),
            *([CaseColumn("file", label("file"), 24, None)] if several_files else []),
            CaseColumn("row", label("in_input_row"), 8, None),
            CaseColumn("status", label("status"), 15, None),
            CaseColumn("municipality", label("municipality"), 16, None),
            CaseColumn("trajectory_start", label("trajectory_start"), 12, DATE),
            CaseColumn("job_start", label("job_start"), 12, DATE),
            CaseColumn("job_end", label("job_end"), 12, DATE),
            CaseColumn("hours_per_week", label("hours_per_week"), 9, DECIMAL),
        ]
        if self.live:
            for field in INPUT_FIELDS:
                header = BY_FIELD[field].header if lang == "nl" else field
                number_format = EURO if field in MONEY_FIELDS else DECIMAL
                columns.append(
                    CaseColumn(
                        f"in_{field}",
                        header,
                        14,
                        None if field == "benefit_type" else number_format,
                    )
                )
        columns += [
            CaseColumn("work_months", label("work_months"), 10, MONTHS_SHOWN),
            CaseColumn("working", label("working"), 10, None),
            CaseColumn("durable", label("durable"), 10, None),
            CaseColumn("projection_months", label("projection_months_case"), 10, None),
            CaseColumn("projection_factor", label("projection_factor"), 12, MONTHS),
            CaseColumn("projection_factor_benefit", label("projection_factor_benefit"), 12, MONTHS),
            CaseColumn("benefit_payer", label("benefit_payer"), 14, None),
            CaseColumn("counselling_payer", label("counselling_payer"), 14, None),
        ]
        if self.live:
            columns += [
                CaseColumn(
                    f"m_{item}", text("per_month_of", lang, item=item_label(item, lang)), 14, EURO
                )
                for item in MONTHLY_IDS
            ]
        columns += [CaseColumn(item, item_label(item, lang), 16, EURO) for item in ITEM_IDS]
        columns += [CaseColumn(key, label(key), 16, EURO) for key in ("savings", "costs", "net")]
        columns += [
            CaseColumn(
                f"p_{item}", text("projected_of", lang, item=item_label(item, lang)), 16, EURO
            )
            for item in MONTHLY_IDS
        ]
        columns.append(CaseColumn("imputed", label("imputed"), 30, None))
        return columns

    def ref(self, key: str, row: int) -> str:
        """A cell on this sheet, relative (``AB12``)."""
        return f"{self.letters[key]}{row}"

    def range(self, key: str) -> str:
        """The whole column of cases, from another sheet: ``'Per casus'!$AB$2:$AB$30``."""
        letter = self.letters[key]
        return f"{quoted(self.title)}!${letter}$2:${letter}${self.last_row}"

    def blocks(self, size: int | None = None) -> Iterator[list[Column | None]]:
        """The cells of every case's row, column by column, ``size`` (``BLOCK``) at a time."""
        columns = CaseColumns(self.result, self.cases, self.lang, self.letters, (self.yes, self.no))
        for start, stop in blocks(self.count, size or BLOCK):
            cells = columns.block(start, stop)
            yield [cells.get(column.key) for column in self.columns]


def money_value(value: object) -> float:
    """A computed amount as a cell value; ``+ 0.0`` turns -0.0 into 0.0."""
    assert isinstance(value, int | float)
    return float(value) + 0.0


# --- Samenvatting ------------------------------------------------------------------------------


def case_sheet(
    workbook: Workbook, result: Result, lang: Lang, layout: CaseLayout, spool: IO[str]
) -> Sheet:
    columns = layout.columns
    sheet = Sheet(workbook, layout.title, [column.width for column in columns])
    sheet.table_header([column.label for column in columns])
    styles = sheet.fast_table([column.format for column in columns], spool)
    for block in layout.blocks():
        sheet.fast_columns(block, styles)
    sheet.finish_table(len(columns))
    return sheet


# --- Parameters, Controle, Verantwoording ------------------------------------------------------
