"""The comparison workbook: an overview of every scenario, then one sheet per run."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook

from werkzorg_calc.engine.compare import BASE_NAME, Comparison
from werkzorg_calc.engine.provenance import Provenance, build_provenance
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.labels import Lang, stakeholder_label, text
from werkzorg_calc.write.excel.front_sheet import summary_sheet
from werkzorg_calc.write.excel.reference_sheets import provenance_sheet
from werkzorg_calc.write.excel.sheet import (
    DECIMAL,
    EURO,
    PERCENT,
    Sheet,
    new_workbook,
    sheet_title,
)
from werkzorg_calc.write.excel.summary import finish_workbook
from werkzorg_calc.write.safe_write import atomic_target, check_target

if TYPE_CHECKING:
    pass


def write_comparison_excel(
    comparison: Comparison,
    path: Path,
    *,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
    provenance: Provenance | None = None,
) -> None:
    """An overview sheet with every run side by side, one sheet per run, and the provenance."""
    provenance = provenance or build_provenance(comparison.base, command="compare")
    check_target(path, force=force, inputs=inputs)
    with atomic_target(path, force=force, inputs=inputs) as temporary:
        workbook = new_workbook(None)
        sheets = [overview_sheet(workbook, comparison, lang)]
        used = {text("overview_sheet", lang).lower()}
        runs = [(text("base", lang), comparison.base)]
        runs += [(scenario.name, result) for scenario, result in comparison.scenarios]
        for name, result in runs:
            title = sheet_title(name, used)
            sheets.append(summary_sheet(workbook, result, lang, title=title))
        sheets.append(provenance_sheet(workbook, provenance, lang))
        workbook.save(temporary)
        finish_workbook(temporary, sheets, None)


# --- Per casus: the layout every formula refers to -------------------------------------------


def overview_sheet(workbook: Workbook, comparison: Comparison, lang: Lang) -> Sheet:
    names = comparison.names
    shown = [text("base", lang) if name == BASE_NAME else name for name in names]
    labels = [text("key_figure", lang), *shown, *(f"Δ {name}" for name in shown[1:])]
    sheet = Sheet(workbook, text("overview_sheet", lang), [28] + [18] * (len(labels) - 1))
    sheet.table_header(labels)
    for key in comparison.overview.index:
        metric = str(key)
        values = [comparison.overview.at[metric, name] for name in names]
        if metric in comparison.differences.index:
            values += [comparison.differences.at[metric, name] for name in names[1:]]
        else:
            values += [None] * (len(names) - 1)
        number_format = {
            "benefit_cost_ratio": DECIMAL,
            "target_share": PERCENT,
            "horizon_months": "0",
        }.get(metric, EURO)
        if metric == "target_met":
            values = [text("yes" if v else "no", lang) if v is not None else None for v in values]
            number_format = ""
        sheet.row([_metric_name(metric, lang), *values], [None] + [number_format] * len(values))
    sheet.finish_table(len(labels))
    sheet.row([])
    for name, months in comparison.unlike():
        base = comparison.base.horizon
        sheet.row([text("unlike_horizon", lang, name=name, months=months, base=base)], bold=True)
    for scenario, _ in comparison.scenarios:
        # A description is a sentence or more: it wraps in its cell instead of being cut off.
        sheet.row([scenario.name, scenario.description.strip(), scenario.file], wrap=True)
    return sheet


def _metric_name(metric: str, lang: Lang) -> str:
    if metric.startswith("net_"):
        return text("net_of", lang, name=stakeholder_label(metric.removeprefix("net_"), lang))
    keys: dict[str, LabelKey] = {
        "horizon_months": "projection_months",
        "savings": "savings",
        "costs": "costs",
        "net": "net",
        "benefit_cost_ratio": "ratio",
        "target_share": "target_share_row",
        "target_met": "target_met_row",
    }
    return text(keys[metric], lang)
