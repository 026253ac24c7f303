"""Results → Excel workbooks a policy advisor can forward and a controller can recalculate.

The summary workbook calculates by itself. ``Per casus`` holds each case's inputs and works out
every line item with an Excel formula over the inputs on its own row and the named parameter
cells of ``Parameters`` (``jobcoach_hour_rate``, ``deadweight``, …); ``Per partij`` and
``Samenvatting`` add those cells up with formulas. Change a parameter value in Excel or
LibreOffice, recalculate, and every figure that depends on it follows.

Every formula cell also stores the value werkzorg computed, so a reader that does not calculate
(a previewer, pandas, a phone) still shows the numbers. openpyxl writes a formula with an empty
value (``<f>…</f><v/>``) and has no way to set it, so after saving we fill in each formula
cell's ``<v>`` in the sheet XML, streaming row by row. The same pass makes the package
reproducible: fixed zip entry dates and a fixed ``modified`` time in ``docProps/core.xml``
(openpyxl stamps it with the time of saving), unless a timestamp is asked for.

Written in openpyxl's streaming (write-only) mode, to a temporary file beside the target that is
renamed into place only when complete. The case rows, the one part that grows with the file, are
serialised here rather than cell by cell by openpyxl, column by column in blocks of cases
(``case_columns.py``, ``Sheet.fast_columns``): 100,000 cases take seconds instead of minutes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from werkzorg_calc.engine.provenance import Provenance, build_provenance
from werkzorg_calc.text.formatting import show_date
from werkzorg_calc.text.labels import Lang, text
from werkzorg_calc.write.excel.beyond_sheets import payback_sheet, settlement_sheet, welfare_sheet
from werkzorg_calc.write.excel.case_sheet import CaseLayout, case_sheet
from werkzorg_calc.write.excel.finish import SheetExtras, finish_package
from werkzorg_calc.write.excel.front_sheet import LiveTotals, summary_sheet
from werkzorg_calc.write.excel.reference_sheets import (
    check_sheet,
    parameter_sheet,
    provenance_sheet,
)
from werkzorg_calc.write.excel.sheet import (
    FIXED_TIME,
    Names,
    Sheet,
    new_workbook,
)
from werkzorg_calc.write.excel.stakeholder_sheet import group_sheet, stakeholder_sheet
from werkzorg_calc.write.safe_write import atomic_target, check_target, check_temp_folder

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.result import Result


_SPOOL_BYTES = 32 * 1024 * 1024  # case rows stay in memory up to this size, then go to disk


def write_excel(
    result: Result,
    path: Path,
    *,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
    cases: CaseTable | None = None,
    provenance: Provenance | None = None,
) -> None:
    """Write the summary workbook of one result to ``path`` atomically.

    With ``cases`` (the table ``result`` was calculated from) the sheet ``Per casus`` holds
    every input and calculates each line item with a live formula; without it the line items
    are the tool's values and only the sums above them are formulas. ``provenance`` (default:
    built from the result) fills the sheet ``Verantwoording``; its ``created`` time, if any,
    is the workbook's time stamp.
    """
    check_target(path, force=force, inputs=inputs)  # refuse before any work is done
    check_temp_folder()  # the sheets are spooled there
    provenance = provenance or build_provenance(result)
    layout = CaseLayout(result, cases, lang)
    # The workbook is built inside: openpyxl spools sheets to temporary files, so nothing is
    # spooled when the target folder turns out not to be writable.
    with (
        atomic_target(path, force=force, inputs=inputs) as temporary,
        tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8") as spool,
    ):
        workbook = new_workbook(provenance.created)
        names = Names(workbook)
        sheets = [summary_sheet(workbook, result, lang, live=LiveTotals(layout, names))]
        sheets.append(stakeholder_sheet(workbook, result, lang, layout))
        if result.beyond is not None:
            sheets.append(settlement_sheet(workbook, result, result.beyond, lang))
            sheets.append(payback_sheet(workbook, result.beyond, lang))
            sheets.append(welfare_sheet(workbook, result.beyond, lang))
        if result.groups is not None:
            sheets.append(group_sheet(workbook, result, lang))
        sheets.append(case_sheet(workbook, result, lang, layout, spool))
        sheets.append(parameter_sheet(workbook, result, lang, names))
        sheets.append(check_sheet(workbook, result, lang))
        sheets.append(provenance_sheet(workbook, provenance, lang))
        detail = f"{text('peildatum', lang)} {show_date(result.peildatum, lang)}"
        for sheet in sheets:
            sheet.print_header(text("title", lang), detail)
        workbook.save(temporary)
        finish_workbook(temporary, sheets, provenance.created)


def finish_workbook(path: Path, sheets: Sequence[Sheet], created: datetime | None) -> None:
    """Fill in every formula cell's stored value and make the package reproducible."""
    parts = {
        sheet.sheet.path.lstrip("/"): SheetExtras(sheet.cached, sheet.extra) for sheet in sheets
    }
    finish_package(path, parts, created or FIXED_TIME)
