"""The sheets ``Verrekening``, ``Terugverdienen`` and ``Welvaart`` of the summary workbook.

``Verrekening`` settles the wrong pocket with live formulas where the sum is simple: savings and
costs refer to the cells of ``Per partij``, S1 and S2 are written out over them, so a parameter
changed in Excel flows through. The Shapley transfer (S3) needs every coalition and is stored as
werkzorg's value. ``Terugverdienen`` holds the cumulative net per event month and a line chart of
it; ``Welvaart`` the actors' real effects, transfers and net, the identity Σ transfers = 0 as a
formula, and the transfer ledger. Each formula cell stores the value werkzorg computed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference

from werkzorg_calc.domain.beyond import Beyond
from werkzorg_calc.text.beyond_labels import BeyondKey, actor_label, beyond_text, flow_label
from werkzorg_calc.text.issues import issue_message
from werkzorg_calc.text.labels import Lang, text
from werkzorg_calc.write.excel.case_sheet import money_value
from werkzorg_calc.write.excel.sheet import EURO, Formula, Sheet, quoted
from werkzorg_calc.write.excel.stakeholder_sheet import STAKEHOLDER_FIRST_ROW

if TYPE_CHECKING:
    from werkzorg_calc.domain.result import Result


def settlement_sheet(workbook: Workbook, result: Result, beyond: Beyond, lang: Lang) -> Sheet:
    """Per stakeholder: savings, costs, net, S1, S2 (formulas), S3 and φ (values); a total row.

    Every stakeholder of ``Per partij`` gets a row, so the formulas stay right when a changed
    payer gives a party its first flow; a party without a flow gets 0 from every rule.
    """
    settlement = beyond.settlement
    labels = [
        text("stakeholder", lang),
        text("savings", lang),
        text("costs", lang),
        text("net", lang),
        beyond_text("s1", lang),
        beyond_text("s2", lang),
        beyond_text("s3", lang),
        beyond_text("shapley_value", lang),
    ]
    sheet = Sheet(workbook, beyond_text("settlement_sheet", lang), [18] + [16] * 7)
    sheet.table_header(labels)
    per_party = quoted(text("stakeholder_sheet", lang))
    stakeholders = list(result.stakeholders.index)
    first, last = 2, 1 + len(stakeholders)
    savings_range, costs_range = f"B${first}:B${last}", f"C${first}:C${last}"
    positive = f'SUMIF({savings_range},">0")'
    s1, s2 = settlement.costs_follow_benefits, settlement.surplus_follows_investment
    for offset, party in enumerate(stakeholders):
        name = str(party)
        row = sheet.rows + 1
        source = STAKEHOLDER_FIRST_ROW + offset
        saving = settlement.savings.get(name, 0.0)
        cost = settlement.costs.get(name, 0.0)
        if settlement.basis == "all":
            saving_cell: object = Formula(f"{per_party}!B{source}", money_value(saving))
        else:
            saving_cell = money_value(saving)  # cashable savings: werkzorg's K1 value
        s1_value = None if s1 is None else money_value(s1.get(name, 0.0))
        s2_value = None if s2 is None else money_value(s2.get(name, 0.0))
        sheet.row(
            [
                actor_label(name, lang),
                saving_cell,
                Formula(f"{per_party}!C{source}", money_value(cost)),
                Formula(f"B{row}-C{row}", money_value(saving - cost)),
                Formula(
                    f'IF({positive}>0,C{row}-SUM({costs_range})*MAX(B{row},0)/{positive},"")',
                    s1_value,
                ),
                Formula(
                    f"IF(SUM({costs_range})>0,(SUM({savings_range})-SUM({costs_range}))"
                    f'*C{row}/SUM({costs_range})-D{row},"")',
                    s2_value,
                ),
                money_value(settlement.shapley.get(name, 0.0)),
                money_value(settlement.shapley_value.get(name, 0.0)),
            ],
            [None] + [EURO] * 7,
        )
    sheet.finish_table(len(labels))
    sums = []
    for letter, values in zip(
        "BCDEFGH",
        (
            settlement.savings,
            settlement.costs,
            {p: settlement.savings[p] - settlement.costs[p] for p in settlement.parties},
            s1 or {},
            s2 or {},
            settlement.shapley,
            settlement.shapley_value,
        ),
        strict=True,
    ):
        total = money_value(sum(values.values()))
        if letter in "EF" and not values:
            total = 0.0
        # S3 and φ are stored values: a sum over them would not follow a changed parameter.
        live = letter not in "GH"
        sums.append(Formula(f"SUM({letter}{first}:{letter}{last})", total) if live else total)
    sheet.row([beyond_text("total", lang), *sums], [None] + [EURO] * 7, bold=True)
    sheet.row([])
    words: tuple[BeyondKey, ...] = ("s1_words", "s2_words", "s3_words")
    for key in words:
        sheet.row([beyond_text(key, lang)])
    return sheet


def payback_sheet(workbook: Workbook, beyond: Beyond, lang: Lang) -> Sheet:
    """The cumulative net per event month per party and in total, its payback months, a chart."""
    cumulative = beyond.payback.cumulative
    columns = [str(column) for column in cumulative.columns]
    names = [beyond_text("total", lang) if c == "total" else actor_label(c, lang) for c in columns]
    sheet = Sheet(workbook, beyond_text("payback_sheet", lang), [10] + [18] * len(columns))
    sheet.table_header([beyond_text("month", lang), *names])
    formats = [None] + [EURO] * len(columns)
    for month, values in zip(cumulative.index, cumulative.to_numpy().tolist(), strict=True):
        sheet.row([int(month), *(money_value(v) for v in values)], formats)
    sheet.finish_table(1 + len(columns))
    last = sheet.rows
    months = beyond.payback.months
    shown = [
        months[c] if months[c] is not None else beyond_text("payback_none", lang) for c in columns
    ]
    sheet.row([])
    sheet.row([beyond_text("payback_title", lang), *shown], bold=True)
    sheet.row([beyond_text("payback_words", lang)])
    chart = LineChart()
    chart.title = beyond_text("cumulative_net", lang)
    chart.y_axis.title = "€"
    chart.x_axis.title = beyond_text("month", lang)
    data = Reference(sheet.sheet, min_col=2, max_col=1 + len(columns), min_row=1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet.sheet, min_col=1, min_row=2, max_row=last))
    chart.width, chart.height = 18, 9
    sheet.sheet.add_chart(chart, f"{chr(ord('A') + len(columns) + 2)}2")
    return sheet


def welfare_sheet(workbook: Workbook, beyond: Beyond, lang: Lang) -> Sheet:
    """Actors with real effects, transfers and net, the totals; then the ledger.

    The amounts are werkzorg's values (they rest on the wage, which is not on any sheet); only
    Σ transfers is a formula, the identity a reader can see hold.
    """
    welfare = beyond.welfare
    sheet = Sheet(workbook, beyond_text("welfare_sheet", lang), [22, 22, 26, 16])
    sheet.table_header(
        [
            beyond_text("actor", lang),
            beyond_text("real", lang),
            beyond_text("transfers", lang),
            text("net", lang),
        ]
    )
    formats = [None, EURO, EURO, EURO]
    for actor, row in welfare.actors.iterrows():
        sheet.row(
            [
                actor_label(str(actor), lang),
                money_value(row["real"]),
                money_value(row["transfers"]),
                money_value(row["net"]),
            ],
            formats,
        )
    sheet.finish_table(4)
    first, last = 2, sheet.rows
    sheet.row(
        [
            beyond_text("welfare_total", lang),
            money_value(welfare.total),
            # The one formula here: Σ transfers over the actors, which must show 0.
            Formula(f"SUM(C{first}:C{last})", money_value(welfare.transfer_identity)),
            money_value(welfare.total),
        ],
        formats,
        bold=True,
    )
    sheet.row([beyond_text("welfare_note", lang)])
    sheet.row([])
    sheet.row(
        [
            beyond_text("from", lang),
            beyond_text("to", lang),
            beyond_text("ledger_title", lang),
            beyond_text("amount", lang),
        ],
        bold=True,
    )
    for source, target, amount, label in welfare.transfers.itertuples(index=False):
        sheet.row(
            [
                actor_label(str(source), lang),
                actor_label(str(target), lang),
                flow_label(str(label), lang),
                money_value(amount),
            ],
            formats,
        )
    _comparison_rows(sheet, beyond, lang)
    return sheet


def _comparison_rows(sheet: Sheet, beyond: Beyond, lang: Lang) -> None:
    """Q1 beside the ledger: here, the reference, the ratio, its price year, and the warnings."""
    sheet.row([])
    sheet.row([beyond_text("compare_title", lang)], bold=True)
    keys: tuple[BeyondKey, ...] = ("ours", "reference", "ratio", "price_year")
    sheet.row(["", *(beyond_text(key, lang) for key in keys)], bold=True)
    for check, row in beyond.plausibility.panel.iterrows():
        sheet.row(
            [
                beyond_text(str(check), lang),  # type: ignore[arg-type]
                money_value(float(row["ours"])) if row["ours"] == row["ours"] else None,
                money_value(float(row["reference"])),
                float(row["ratio"]) if row["ratio"] == row["ratio"] else None,
                int(row["price_year"]),
            ],
            [None, EURO, EURO, "0.00", None],
        )
    sheet.row([beyond_text("compare_words", lang)])
    for issue in beyond.plausibility.warnings:
        sheet.row([issue_message(issue, lang)])
