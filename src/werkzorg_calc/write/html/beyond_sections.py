"""The HTML report's sections beyond the business case: settlement and the payback curve.

They read ``Result.beyond``; the payback curve is an inline SVG line chart (one line per party
and the total, each with its own colour and dash pattern so it reads in greyscale), with the
payback months as its text equivalent.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import pandas as pd

from werkzorg_calc.domain.beyond import Beyond
from werkzorg_calc.domain.result import Result
from werkzorg_calc.text.beyond_labels import BeyondKey, actor_label, beyond_text
from werkzorg_calc.text.formatting import euro
from werkzorg_calc.text.labels import Lang, text
from werkzorg_calc.write.html.page import Cell, Markup, cents, figure, paragraph, section, table
from werkzorg_calc.write.html.svg import SERIES

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 260, 90, 150, 12, 30
DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "")


def _n(value: float) -> str:
    shown = f"{value:.1f}"
    return "0.0" if shown == "-0.0" else shown


def line_chart(
    curve: pd.DataFrame, names: Sequence[str], *, chart_id: str, title: str, desc: str
) -> str:
    """One polyline per column of ``curve`` (rows: months 1…N), a zero line, a legend."""
    values = curve.to_numpy(dtype=float)
    low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
    span = (high - low) or 1.0
    months = len(curve)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(month: int) -> float:
        return LEFT + (month - 1) / max(1, months - 1) * plot_w

    def y(value: float) -> float:
        return TOP + (high - value) / span * plot_h

    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>',
        f'<line class="zero" x1="{LEFT}" y1="{_n(y(0))}" x2="{LEFT + plot_w}" y2="{_n(y(0))}" '
        'stroke="#333"/>',
        f'<text x="{LEFT - 6}" y="{_n(y(high) + 4)}" text-anchor="end">{escape(euro(high))}</text>',
        f'<text x="{LEFT - 6}" y="{_n(y(low) + 4)}" text-anchor="end">{escape(euro(low))}</text>',
        f'<text x="{LEFT}" y="{HEIGHT - 8}">1</text>',
        f'<text x="{LEFT + plot_w}" y="{HEIGHT - 8}" text-anchor="end">{months}</text>',
    ]
    for index, name in enumerate(names):
        colour, dash = SERIES[index % len(SERIES)], DASHES[index % len(DASHES)]
        points = " ".join(
            f"{_n(x(month))},{_n(y(value))}"
            for month, value in enumerate(values[:, index].tolist(), start=1)
        )
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline class="line" fill="none" stroke="{colour}" stroke-width="2"{dashed} '
            f'points="{points}"/>'
        )
        legend_y = TOP + 16 * index + 4
        parts.append(
            f'<line x1="{WIDTH - RIGHT + 10}" y1="{legend_y}" x2="{WIDTH - RIGHT + 34}" '
            f'y2="{legend_y}" stroke="{colour}" stroke-width="2"{dashed}/>'
            f'<text x="{WIDTH - RIGHT + 40}" y="{legend_y + 4}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def settlement_section(beyond: Beyond, lang: Lang) -> Markup:
    """Who pays whom: each party's net now and the transfer of each rule, and the rules."""
    settlement = beyond.settlement
    keys: tuple[BeyondKey, ...] = ("net_now", "s1", "s2", "s3")
    headers = [text("stakeholder", lang), *(beyond_text(key, lang) for key in keys)]
    s1, s2 = settlement.costs_follow_benefits, settlement.surplus_follows_investment

    def cell(value: float | None) -> Cell:
        if value is None:
            return Cell("-", numeric=True)
        return Cell(euro(value, lang), numeric=True, data=(("amount", cents(value)),))

    rows = [
        [
            Cell(actor_label(party, lang), header=True),
            cell(settlement.savings[party] - settlement.costs[party]),
            cell(s1[party] if s1 is not None else None),
            cell(s2[party] if s2 is not None else None),
            cell(settlement.shapley[party]),
        ]
        for party in settlement.parties
    ]
    basis: BeyondKey = (
        "settlement_basis_cashable" if settlement.basis == "cashable" else "settlement_basis_all"
    )
    words: tuple[BeyondKey, ...] = ("s1_words", "s2_words", "s3_words")
    return section(
        "settlement",
        f"{beyond_text('settlement_title', lang)} ({beyond_text(basis, lang)})",
        table(headers, rows, css="settlement"),
        *(paragraph(beyond_text(key, lang)) for key in words),
    )


def payback_section(beyond: Beyond, lang: Lang) -> Markup:
    """The cumulative net per event month, per party and in total, and the payback months."""
    curve = beyond.payback.cumulative
    columns = [str(column) for column in curve.columns]
    names = [beyond_text("total", lang) if c == "total" else actor_label(c, lang) for c in columns]
    title = beyond_text("cumulative_net", lang)
    chart = Markup(line_chart(curve, names, chart_id="c-payback", title=title, desc=title))
    months = beyond.payback.months
    rows = [
        [
            Cell(name, header=True),
            Cell(
                str(months[c]) if months[c] is not None else beyond_text("payback_none", lang),
                numeric=True,
            ),
        ]
        for c, name in zip(columns, names, strict=True)
    ]
    equivalent = table([text("stakeholder", lang), beyond_text("payback_title", lang)], rows)
    return section(
        "payback",
        beyond_text("payback_title", lang),
        figure(chart, beyond_text("payback_words", lang), equivalent),
    )


def beyond_sections(result: Result, lang: Lang) -> list[Markup]:
    """The sections in reading order; none without ``Result.beyond``."""
    if result.beyond is None:
        return []
    return [settlement_section(result.beyond, lang), payback_section(result.beyond, lang)]
