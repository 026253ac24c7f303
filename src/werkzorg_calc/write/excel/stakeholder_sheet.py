"""The sheets ``Per partij`` and ``Per groep``: sums per stakeholder and per group, as formulas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook

from werkzorg_calc.domain.items import BY_ID, COST_IDS, SAVING_IDS
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.labels import Lang, group_label, stakeholder_label, text
from werkzorg_calc.write.excel.case_sheet import CaseLayout, money_value
from werkzorg_calc.write.excel.sheet import (
    EURO,
    PERCENT,
    Formula,
    Sheet,
    parameter_name,
)

if TYPE_CHECKING:
    from werkzorg_calc.domain.result import Result


STAKEHOLDER_FIRST_ROW = 2  # on Per partij, below its header


_PARTS = ("", "realised_", "projected_")


def _owned_sum(item: str, stakeholder: str, layout: CaseLayout, prefix: str = "") -> str | None:
    """The sum of one item's column that falls to ``stakeholder``, by the item's payer rule."""
    rule = BY_ID[item]
    column = layout.range(prefix + item)
    if rule.payer == "benefit":
        # Per casus names the benefit's payer in the workbook's language.
        name = stakeholder_label(stakeholder, layout.lang)
        return f'SUMIF({layout.range("benefit_payer")},"{name}",{column})'
    if rule.payer == "counselling":
        return f'SUMIF({layout.range("counselling_payer")},"{stakeholder}",{column})'
    if rule.payer == "chosen":
        return f'IF({parameter_name("payers." + item)}="{stakeholder}",SUM({column}),0)'
    return f"SUM({column})" if rule.party == stakeholder else None


def _stakeholder_formulas(stakeholder: str, layout: CaseLayout) -> tuple[str, str, str, str]:
    """Savings and costs of one stakeholder, whole and projected, summed from ``Per casus``.

    Who pays which item comes from ``domain/items.py``, as in the calculation.
    """

    def terms(ids: tuple[str, ...], prefix: str = "") -> str:
        found = [_owned_sum(item, stakeholder, layout, prefix) for item in ids]
        return "+".join(term for term in found if term) or "0"

    monthly_savings = tuple(i for i in SAVING_IDS if BY_ID[i].projected)
    monthly_costs = tuple(i for i in COST_IDS if BY_ID[i].projected)
    return (
        terms(SAVING_IDS),
        f"0-({terms(COST_IDS)})",
        terms(monthly_savings, "p_"),
        f"0-({terms(monthly_costs, 'p_')})",
    )


def stakeholder_sheet(workbook: Workbook, result: Result, lang: Lang, layout: CaseLayout) -> Sheet:
    measures: tuple[LabelKey, ...] = ("savings", "costs", "net")
    part_names: dict[str, LabelKey] = {"realised_": "realised", "projected_": "projected"}
    labels = [text("stakeholder", lang)]
    for prefix in _PARTS:
        for measure in measures:
            label = text(measure, lang)
            part = f"{text(part_names[prefix], lang)}: " if prefix else ""
            labels.append(f"{part}{label.lower()}" if prefix else label)
    sheet = Sheet(workbook, text("stakeholder_sheet", lang), [18] + [16] * (len(labels) - 1))
    sheet.table_header(labels)
    columns = [f"{prefix}{measure}" for prefix in _PARTS for measure in measures]
    formats = [None] + [EURO] * len(columns)
    frame = result.stakeholders
    for name in frame.index:
        number = sheet.rows + 1
        values = {column: money_value(frame.at[name, column]) for column in columns}
        savings, costs, projected_savings, projected_costs = _stakeholder_formulas(
            str(name), layout
        )
        cells = [
            Formula(savings, values["savings"]),
            Formula(costs, values["costs"]),
            Formula(f"B{number}-C{number}", values["net"]),
            Formula(f"B{number}-H{number}", values["realised_savings"]),
            Formula(f"C{number}-I{number}", values["realised_costs"]),
            Formula(f"E{number}-F{number}", values["realised_net"]),
            Formula(projected_savings, values["projected_savings"]),
            Formula(projected_costs, values["projected_costs"]),
            Formula(f"H{number}-I{number}", values["projected_net"]),
        ]
        sheet.row([stakeholder_label(str(name), lang), *cells], formats)
    sheet.finish_table(len(labels))
    totals = result.totals
    first, last = STAKEHOLDER_FIRST_ROW, sheet.rows
    parts = (totals.all, totals.realised, totals.projected)
    sums = [
        Formula(f"SUM({letter}{first}:{letter}{last})", money_value(getattr(part, measure)))
        for letter, (part, measure) in zip(
            "BCDEFGHIJ", ((p, m) for p in parts for m in measures), strict=True
        )
    ]
    sheet.row([text("total", lang), *sums], formats, bold=True)
    return sheet


def group_sheet(workbook: Workbook, result: Result, lang: Lang) -> Sheet:
    groups = result.groups
    assert groups is not None and result.group_by is not None
    by = group_label(result.group_by, lang).capitalize()
    stakeholders = [name for name in groups.columns if name not in _GROUP_FIXED]
    labels = [
        by,
        text("participants", lang),
        text("placed_full", lang),
        text("durable_full", lang),
        text("share", lang),
        text("met", lang),
        text("savings", lang),
        text("costs", lang),
        text("net", lang),
        *(text("net_of", lang, name=stakeholder_label(s, lang)) for s in stakeholders),
    ]
    sheet = Sheet(workbook, text("group_sheet", lang), [22, 12, 12, 12, 10, 10] + [16] * 7)
    sheet.table_header(labels)
    formats = [None, None, None, None, PERCENT, None] + [EURO] * (3 + len(stakeholders))
    yes, no = text("yes", lang), text("no", lang)
    for name, row in zip(groups.index, groups.to_dict(orient="records"), strict=True):
        sheet.row(
            [
                name,
                row["participants"],
                row["placed"],
                row["durable"],
                row["share"],
                yes if row["met"] else no,
                row["savings"],
                row["costs"],
                row["net"],
                *(row[s] for s in stakeholders),
            ],
            formats,
        )
    sheet.finish_table(len(labels))
    return sheet


_GROUP_FIXED = ("participants", "placed", "durable", "share", "met", "savings", "costs", "net")
