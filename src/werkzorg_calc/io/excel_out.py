"""``Result`` → an Excel summary a policy advisor can forward; writes, computes nothing.

Written in openpyxl's streaming (write-only) mode so 100,000 cases stay cheap, to a temporary
file beside the target that is renamed into place only when complete.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from werkzorg_calc.columns import STATUS_LABELS, STATUSES
from werkzorg_calc.items import ITEM_IDS, ITEM_LABELS
from werkzorg_calc.parameters import parameter_info
from werkzorg_calc.stakeholders import STAKEHOLDER_LABELS
from werkzorg_calc.wording import verdict

from .safe_write import atomic_target, check_target

if TYPE_CHECKING:
    from werkzorg_calc.result import Result

EURO = '"€" #,##0.00;"€" -#,##0.00'
DATE = "DD-MM-YYYY"
DECIMAL = "0.00"
PERCENT = "0.0%"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# A fixed timestamp keeps the workbook identical between runs on the same input.
_FIXED_TIME = datetime(2000, 1, 1)


def write_excel(
    result: Result, path: Path, *, force: bool = False, inputs: Sequence[Path] = ()
) -> None:
    """Write the summary workbook to ``path`` atomically (see ``atomic_target``)."""
    check_target(path, force=force, inputs=inputs)  # refuse before any work is done
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "werkzorg"
    workbook.properties.created = _FIXED_TIME
    workbook.properties.modified = _FIXED_TIME
    _summary(workbook, result)
    _stakeholders(workbook, result)
    _cases(workbook, result)
    _parameters(workbook, result)
    _checks(workbook, result)
    with atomic_target(path, force=force, inputs=inputs) as temporary:
        workbook.save(temporary)


class _Sheet:
    """Appends rows to a write-only sheet, giving each cell its style and safe text."""

    def __init__(self, workbook: Workbook, title: str, widths: Sequence[float]) -> None:
        # Any: openpyxl's stubs describe the ordinary sheet, not the write-only one we get.
        self.sheet: Any = workbook.create_sheet(title)
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.rows = 0

    def row(
        self, values: Iterable[Any], formats: Sequence[str | None] = (), bold: bool = False
    ) -> None:

        cells = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(self.sheet, value=_cell_value(value))
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                # Text that looks like a formula stays text (no formula injection).
                cell.data_type = "s"
                cell.quotePrefix = True
            number_format = formats[index] if index < len(formats) else None
            if number_format and cell.value is not None:
                cell.number_format = number_format
            if bold:
                cell.font = Font(bold=True)
            cells.append(cell)
        self.sheet.append(cells)
        self.rows += 1

    def table_header(self, labels: Sequence[str]) -> None:
        """Bold header row; freeze it and put an autofilter on the table below it.

        A write-only sheet writes its view settings with the first row, so the panes are
        frozen before anything is appended.
        """
        if self.rows == 0:
            self.sheet.freeze_panes = "A2"
        self.row(labels, bold=True)
        self.header_row = self.rows

    def finish_table(self, columns: int) -> None:
        """Put the autofilter over the header and every row appended since."""
        last = get_column_letter(columns)
        self.sheet.auto_filter.ref = f"A{self.header_row}:{last}{max(self.rows, self.header_row)}"


def _cell_value(value: Any) -> Any:

    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp or NaT
        return None if pd.isna(value) else value.to_pydatetime().date()
    return value


def _summary(workbook: Workbook, result: Result) -> None:

    sheet = _Sheet(workbook, "Samenvatting", [34, 18, 18, 18])
    target, totals = result.target, result.totals
    sheet.row(["werkzorg: maatschappelijke business case per casus"], bold=True)
    sheet.row([verdict(result)], bold=True)
    sheet.row([])
    source = result.source
    sheet.row(["Bestand", source.file])
    sheet.row(["Blad", source.sheet or "-"])
    sheet.row(["SHA-256", source.sha256])
    sheet.row(["Peildatum", result.peildatum], [None, DATE])
    sheet.row(["Casussen", source.cases])
    sheet.row(["Projectie (maanden na peildatum)", result.horizon])
    changed = "; ".join(f"{key} = {value}" for key, value in result.changed_parameters.items())
    sheet.row(["Afwijkende parameters", changed or "geen (standaardwaarden)"])
    sheet.row([])
    sheet.row(["Doel", "Waarde"], bold=True)
    sheet.row(["Deelnemers", target.participants])
    for status in STATUSES:
        sheet.row([f"  {STATUS_LABELS[status]}", target.by_status[status]])
    sheet.row(["Geplaatst (werkt op peildatum)", target.placed])
    sheet.row(["Duurzaam aan het werk", target.durable])
    sheet.row(["Aandeel", target.share], [None, PERCENT])
    low, high = target.interval95 if target.interval95 is not None else (None, None)
    sheet.row(["95%-interval (Wilson), onder", low], [None, PERCENT])
    sheet.row(["95%-interval (Wilson), boven", high], [None, PERCENT])
    sheet.row(["Doel (aandeel)", target.target_share], [None, PERCENT])
    sheet.row(["Doel gehaald", "ja" if target.met else "nee"])
    sheet.row([])
    sheet.row(["Totalen", "Besparing", "Kosten", "Saldo"], bold=True)
    for label, money in (
        ("Gerealiseerd", totals.realised),
        ("Geprojecteerd", totals.projected),
        ("Totaal", totals.all),
    ):
        sheet.row([label, money.savings, money.costs, money.net], [None, EURO, EURO, EURO])
    sheet.row(["Baten/kosten-verhouding", totals.benefit_cost_ratio], [None, DECIMAL])
    sheet.row(["Saldo per deelnemer", totals.net_per_participant], [None, EURO])
    sheet.row(["Saldo per geplaatste", totals.net_per_placed], [None, EURO])
    sheet.row([])
    sheet.row(["Partij", "Besparing", "Kosten", "Saldo"], bold=True)
    first = sheet.rows + 1
    for name, row in result.stakeholders.iterrows():
        sheet.row(
            [STAKEHOLDER_LABELS[str(name)], row["savings"], row["costs"], row["net"]],
            [None, EURO, EURO, EURO],
        )
    last = sheet.rows
    chart = BarChart()
    chart.type = "col"
    chart.title = "Besparing en kosten per partij"
    chart.y_axis.title = "euro"
    chart.y_axis.numFmt = "#,##0"
    data = Reference(sheet.sheet, min_col=2, max_col=3, min_row=first - 1, max_row=last)
    labels = Reference(sheet.sheet, min_col=1, min_row=first, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.height, chart.width = 8, 16
    sheet.sheet.add_chart(chart, "F3")


def _stakeholders(workbook: Workbook, result: Result) -> None:
    labels = [
        "Partij",
        "Besparing",
        "Kosten",
        "Saldo",
        "Gerealiseerd: besparing",
        "Gerealiseerd: kosten",
        "Gerealiseerd: saldo",
        "Geprojecteerd: besparing",
        "Geprojecteerd: kosten",
        "Geprojecteerd: saldo",
    ]
    sheet = _Sheet(workbook, "Per partij", [18] + [16] * (len(labels) - 1))
    sheet.table_header(labels)
    columns = [
        "savings",
        "costs",
        "net",
        "realised_savings",
        "realised_costs",
        "realised_net",
        "projected_savings",
        "projected_costs",
        "projected_net",
    ]
    formats = [None] + [EURO] * len(columns)
    for name, row in result.stakeholders.iterrows():
        sheet.row([STAKEHOLDER_LABELS[str(name)], *(row[c] for c in columns)], formats)
    sheet.finish_table(len(labels))
    totals = result.totals
    sheet.row(
        [
            "Totaal",
            totals.all.savings,
            totals.all.costs,
            totals.all.net,
            totals.realised.savings,
            totals.realised.costs,
            totals.realised.net,
            totals.projected.savings,
            totals.projected.costs,
            totals.projected.net,
        ],
        formats,
        bold=True,
    )


def _cases(workbook: Workbook, result: Result) -> None:
    cases = result.cases
    labels = [
        "Casus",
        "Rij in invoer",
        "Status",
        "Gemeente",
        "Start traject",
        "Start werk",
        "Einde werk",
        "Uren per week",
        "Maanden werk",
        "Werkt op peildatum",
        "Duurzaam",
        *(ITEM_LABELS[item] for item in ITEM_IDS),
        "Besparing",
        "Kosten",
        "Saldo",
        "Aangenomen waarden",
    ]
    widths = [14, 8, 15, 16, 12, 12, 12, 9, 9, 10, 10] + [16] * (len(ITEM_IDS) + 3) + [30]
    sheet = _Sheet(workbook, "Per casus", widths)
    sheet.table_header(labels)
    formats = [None, None, None, None, DATE, DATE, DATE, DECIMAL, DECIMAL, None, None] + [EURO] * (
        len(ITEM_IDS) + 3
    )
    items = result.items[list(ITEM_IDS)].to_numpy().tolist()
    imputed_fields = list(result.imputed.columns)
    imputed = result.imputed.to_numpy().tolist()
    for values, amounts, flags in zip(
        zip(
            cases["case_id"].tolist(),
            cases["row"].tolist(),
            cases["status"].tolist(),
            cases["municipality"].tolist(),
            cases["trajectory_start"].tolist(),
            cases["job_start"].tolist(),
            cases["job_end"].tolist(),
            cases["hours_per_week"].tolist(),
            cases["work_months"].tolist(),
            cases["working_at_peildatum"].tolist(),
            cases["durable"].tolist(),
            cases["savings"].tolist(),
            cases["costs"].tolist(),
            cases["net"].tolist(),
            strict=True,
        ),
        items,
        imputed,
        strict=True,
    ):
        (case_id, row, status, municipality, start, job_start, job_end, hours) = values[:8]
        months, working, durable, savings, costs, net = values[8:]
        assumed = ", ".join(f for f, flag in zip(imputed_fields, flags, strict=True) if flag)
        sheet.row(
            [
                case_id,
                row,
                STATUS_LABELS[status],
                municipality,
                start,
                job_start,
                job_end,
                hours,
                months,
                "ja" if working else "nee",
                "ja" if durable else "nee",
                *amounts,
                savings,
                costs,
                net,
                assumed or None,
            ],
            formats,
        )
    sheet.finish_table(len(labels))


def _parameters(workbook: Workbook, result: Result) -> None:
    labels = [
        "Parameter",
        "Omschrijving",
        "Waarde",
        "Standaard",
        "Eenheid",
        "Prijsjaar",
        "Bewijs",
        "Bron",
    ]
    sheet = _Sheet(workbook, "Parameters", [30, 50, 14, 14, 22, 10, 12, 70])
    sheet.table_header(labels)
    info = parameter_info()
    for key, value in result.parameters.flat().items():
        meta = info[key]
        sheet.row(
            [
                key,
                meta.description,
                value,
                _typed(meta.default),
                meta.unit,
                meta.price_year,
                meta.evidence,
                meta.source,
            ]
        )
    sheet.finish_table(len(labels))


def _typed(text: str) -> float | str | None:
    """A default from the parameter file as a number where it is one."""
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        return text


def _checks(workbook: Workbook, result: Result) -> None:
    labels = ["Soort", "Bestand", "Blad", "Rij", "Kolom", "Casus", "Melding"]
    sheet = _Sheet(workbook, "Controle", [14, 30, 14, 8, 8, 14, 90])
    sheet.table_header(labels)
    for issue in result.warnings:
        sheet.row(
            ["waarschuwing", issue.file, issue.sheet, issue.row, issue.column, None, issue.message]
        )
    flagged = result.imputed.any(axis=1)
    cases = result.cases.loc[flagged]
    imputed = result.imputed.loc[flagged]
    source = result.source
    for (case_id, row), flags in zip(
        zip(cases["case_id"].tolist(), cases["row"].tolist(), strict=True),
        imputed.to_numpy().tolist(),
        strict=True,
    ):
        for field, flag in zip(imputed.columns, flags, strict=True):
            if flag:
                sheet.row(
                    [
                        "aangenomen",
                        source.file,
                        source.sheet,
                        row,
                        source.columns.get(field),
                        case_id,
                        f"{field}: ontbrak in de invoer; aangenomen volgens de methode",
                    ]
                )
    if not result.warnings and not flagged.any():
        sheet.row(["-", None, None, None, None, None, "geen meldingen"])
    sheet.finish_table(len(labels))
