"""The sections of the ``calc`` report, in the order a board reads them.

Verdict, money per stakeholder (the first printed page), the wrong pocket, realised against
projected, the cases, the parameters, the warnings. Every figure is read from the ``Result``;
the only arithmetic here is summing its own frames for a chart (the amount per stakeholder and
line item), never a step of the method.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from werkzorg_calc.domain.items import ITEM_IDS, SAVING_IDS
from werkzorg_calc.domain.parameters import parameter_info
from werkzorg_calc.domain.result import Result
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.domain.target import TargetResult
from werkzorg_calc.text.formatting import euro, number, percent, show_date
from werkzorg_calc.text.labels import Lang, item_label, stakeholder_label, status_label, text
from werkzorg_calc.text.wording import price_level, verdict
from werkzorg_calc.write.html.page import (
    Cell,
    Markup,
    cents,
    column,
    esc,
    figure,
    paragraph,
    section,
    table,
)
from werkzorg_calc.write.html.svg import (
    Bar,
    Segment,
    StackRow,
    diverging_bars,
    share_chart,
    stacked_bars,
)

CASE_ROWS: Final = 500  # the per-case table stops here; the summary counts every case
WARNING_ROWS: Final = 200


def header_facts(result: Result, lang: Lang) -> list[tuple[str, str]]:
    """The facts under the title: files, peildatum, cases, period, price level."""
    files = ", ".join(source.file for source in result.sources)
    period = text("realised_until", lang)
    if result.horizon:
        period += " " + text("plus_projection", lang, n=result.horizon)
    return [
        (text("files" if len(result.sources) > 1 else "file", lang), files),
        (text("peildatum", lang), show_date(result.peildatum, lang)),
        (text("cases", lang), str(len(result.cases))),
        (text("period", lang), period),
        (text("price_level", lang), price_level(result.price_year, lang)),
    ]


def target_block(target: TargetResult, lang: Lang, chart_id: str) -> Markup:
    """The verdict sentence, marked up with its figures, and the share against the goal."""
    sentence = verdict(target, lang)
    data = (
        f'data-met="{str(target.met).lower()}" data-count="{target.count}" '
        f'data-participants="{target.participants}"'
    )
    css = "verdict met" if target.met else "verdict not-met"
    parts = [Markup(f'<p class="{css}" {data}>{esc(sentence)}</p>')]
    if target.participants and target.share is not None:
        what = text("durable_at_work" if target.basis == "durable" else "placed_word", lang)
        low, high = target.interval95 or (None, None)
        goal = percent(target.target_share, lang=lang)
        shown = percent(target.share, lang=lang)
        interval_words = (
            (percent(low, lang=lang), percent(high, lang=lang))
            if low is not None and high is not None
            else (shown, shown)
        )
        chart = share_chart(
            share=target.share,
            low=low,
            high=high,
            goal=target.target_share,
            labels=(shown, f"{text('goal', lang)} {goal}"),
            chart_id=chart_id,
            title=text("html_share_chart", lang, what=what, goal=goal),
            desc=sentence,
        )
        equivalent = text(
            "html_share_sentence",
            lang,
            share=shown,
            what=what,
            low=interval_words[0],
            high=interval_words[1],
            goal=goal,
        )
        parts.append(
            figure(Markup(chart), text("html_share_chart", lang, what=what, goal=goal), equivalent)
        )
    statuses = " · ".join(
        f"{count} {status_label(status, lang)}" for status, count in target.by_status.items()
    )
    parts.append(paragraph(f"{text('participants_line', lang, n=target.participants)}: {statuses}"))
    return Markup("".join(parts))


def verdict_section(result: Result, lang: Lang) -> Markup:
    return section(
        "verdict", text("html_verdict", lang), target_block(result.target, lang, "c-share")
    )


def _party_row(
    name: str, label: str, money: tuple[float, float, float], lang: Lang
) -> list[str | Cell]:
    savings, costs, net = money
    return [  # the net first: the figure a board looks for, and visible on a phone
        Cell(label, header=True),
        Cell(euro(net, lang), numeric=True, data=(("party", name), ("net", cents(net)))),
        Cell(euro(savings, lang), numeric=True, data=(("savings", cents(savings)),)),
        Cell(euro(costs, lang), numeric=True, data=(("costs", cents(costs)),)),
    ]


def money_section(result: Result, lang: Lang) -> Markup:
    """Net per stakeholder as diverging bars with the savings, costs and net beside them."""
    frame = result.stakeholders
    totals = result.totals
    bars = [
        Bar(
            stakeholder_label(s, lang),
            column(frame, "net")[s],
            euro(column(frame, "net")[s], lang),
        )
        for s in STAKEHOLDERS
    ]
    bars.append(
        Bar(text("total", lang), totals.all.net, euro(totals.all.net, lang), gap_before=True)
    )
    sentence = text(
        "html_net_sentence",
        lang,
        total=euro(totals.all.net, lang),
        savings=euro(totals.all.savings, lang),
        costs=euro(totals.all.costs, lang),
    )
    chart = diverging_bars(
        bars, chart_id="c-net", title=text("html_net_chart", lang), desc=sentence
    )
    rows = [
        _party_row(
            s,
            stakeholder_label(s, lang),
            (
                column(frame, "savings")[s],
                column(frame, "costs")[s],
                column(frame, "net")[s],
            ),
            lang,
        )
        for s in STAKEHOLDERS
    ]
    footer = [
        _party_row(
            "total",
            text("total", lang),
            (totals.all.savings, totals.all.costs, totals.all.net),
            lang,
        )
    ]
    headers = [
        text("stakeholder", lang),
        text("net", lang),
        text("savings", lang),
        text("costs", lang),
    ]
    figures = table(headers, rows, footer=footer, css="parties")
    ratio = (
        number(totals.benefit_cost_ratio, 2, lang)
        if totals.benefit_cost_ratio is not None
        else text("no_costs", lang)
    )
    key_figures = [f"{text('ratio', lang)}: {ratio}"]
    if totals.net_per_participant is not None:
        key_figures.append(
            f"{text('net_per_participant', lang)}: {euro(totals.net_per_participant, lang)}"
        )
    if totals.net_per_placed is not None:
        key_figures.append(f"{text('per_placed', lang)}: {euro(totals.net_per_placed, lang)}")
    return section(
        "money",
        text("html_money_title", lang),
        Markup('<div class="side-by-side">'),
        figure(Markup(chart), text("html_net_chart", lang), sentence),
        figures,
        Markup("</div>"),
        paragraph(" · ".join(key_figures), "key-figures"),
    )


def pocket_amounts(result: Result) -> dict[str, dict[str, float]]:
    """The signed amount per stakeholder and line item: the result's items by their payer."""
    items = result.items[list(ITEM_IDS)].to_numpy()
    payers = result.payers[list(ITEM_IDS)].to_numpy()
    return {
        s: dict(zip(ITEM_IDS, np.where(payers == s, items, 0.0).sum(axis=0).tolist(), strict=True))
        for s in STAKEHOLDERS
    }


def pocket_section(result: Result, lang: Lang) -> Markup:
    """Who bears which cost and who receives which saving: a stacked bar per stakeholder."""
    amounts = pocket_amounts(result)
    used = [item for item in ITEM_IDS if any(amounts[s][item] for s in STAKEHOLDERS)]
    rows = [
        StackRow(
            stakeholder_label(s, lang),
            tuple(Segment(index, amounts[s][item]) for index, item in enumerate(used)),
            euro(sum(amounts[s].values()), lang),
        )
        for s in STAKEHOLDERS
    ]
    names = [item_label(item, lang) for item in used]
    title = text("html_pocket_chart", lang)
    chart = Markup(stacked_bars(rows, series=names, chart_id="c-pocket", title=title, desc=title))
    kind = {True: text("html_kind_saving", lang), False: text("html_kind_cost", lang)}
    headers = [text("html_item", lang), *(stakeholder_label(s, lang) for s in STAKEHOLDERS)]
    table_rows = [
        [
            Cell(f"{item_label(item, lang)} ({kind[item in SAVING_IDS]})", header=True),
            *(
                Cell(
                    euro(amounts[s][item], lang),
                    numeric=True,
                    data=(("amount", cents(amounts[s][item])),),
                )
                for s in STAKEHOLDERS
            ),
        ]
        for item in used
    ]
    return section(
        "pocket",
        text("html_pocket_title", lang),
        figure(chart, title, table(headers, table_rows, css="pocket")),
        page_break=True,
    )


def periods_section(result: Result, lang: Lang) -> Markup:
    """Realised against projected per stakeholder (the projection only with a horizon)."""
    frame = result.stakeholders
    if not result.horizon:
        return section(
            "periods", text("html_periods_title", lang), paragraph(text("html_no_projection", lang))
        )
    headers = [
        text("stakeholder", lang),
        text("realised", lang),
        text("projected", lang),
        text("net", lang),
    ]
    rows = [
        [
            Cell(stakeholder_label(s, lang), header=True),
            Cell(euro(column(frame, "realised_net")[s], lang), numeric=True),
            Cell(euro(column(frame, "projected_net")[s], lang), numeric=True),
            Cell(euro(column(frame, "net")[s], lang), numeric=True),
        ]
        for s in STAKEHOLDERS
    ]
    totals = result.totals
    footer = [
        [
            Cell(text("total", lang), header=True),
            Cell(euro(totals.realised.net, lang), numeric=True),
            Cell(euro(totals.projected.net, lang), numeric=True),
            Cell(euro(totals.all.net, lang), numeric=True),
        ]
    ]
    return section(
        "periods",
        text("html_periods_title", lang),
        paragraph(text("html_projection_note", lang, n=result.horizon)),
        table(headers, rows, footer=footer),
    )


def case_order(result: Result) -> np.ndarray:
    """Row positions by absolute net, largest first; ties keep the order of the file."""
    net = result.cases["net"].to_numpy(dtype=float)
    return np.argsort(-np.abs(net), kind="stable")


def cases_section(result: Result, lang: Lang, limit: int = CASE_ROWS) -> Markup:
    """The cases in a fixed useful order, capped at ``limit`` rows with a note."""
    cases = result.cases
    order = case_order(result)[:limit]
    imputed_names = list(result.imputed.columns)
    flags = result.imputed.to_numpy()[order]
    columns = {
        name: cases[name].to_numpy()[order]
        for name in ("case_id", "status", "work_months", "durable", "savings", "costs", "net")
    }
    yes, no = text("yes", lang), text("no", lang)
    rows: list[list[str | Cell]] = [
        [
            Cell(str(case_id), header=True),
            status_label(str(status), lang),
            Cell(number(float(months), 1, lang), numeric=True),
            yes if durable else no,
            Cell(euro(float(savings), lang), numeric=True),
            Cell(euro(float(costs), lang), numeric=True),
            Cell(euro(float(net), lang), numeric=True, data=(("net", cents(float(net))),)),
            ", ".join(name for name, flag in zip(imputed_names, row_flags, strict=True) if flag),
        ]
        for case_id, status, months, durable, savings, costs, net, row_flags in zip(
            *columns.values(), flags, strict=True
        )
    ]
    headers = [
        text("case", lang),
        text("status", lang),
        text("months_short", lang),
        text("durable", lang),
        text("savings", lang),
        text("costs", lang),
        text("net", lang),
        text("html_imputed", lang),
    ]
    notes = [paragraph(text("html_cases_order", lang), "note")]
    if len(cases) > limit:
        notes.append(
            paragraph(text("html_cases_capped", lang, shown=limit, total=len(cases)), "note capped")
        )
    return section(
        "cases",
        text("html_cases_title", lang),
        *notes,
        table(headers, rows, css="cases"),
        page_break=True,
    )


def parameters_section(result: Result, lang: Lang) -> Markup:
    """Every parameter with value, unit, evidence and source; changed ones first."""
    values = result.parameters.flat()
    info = parameter_info()
    changed = result.changed_parameters
    keys = sorted(values, key=lambda key: (key not in changed, list(values).index(key)))
    rows: list[list[str | Cell]] = []
    for key in keys:
        about = info.get(key)
        origin = (
            result.parameter_origins.get(key, "") if key in changed else text("default_was", lang)
        )
        rows.append(
            [
                Cell(key, header=True),
                about.description if about else "",
                Cell(str(values[key]), numeric=True),
                about.unit if about else "",
                about.evidence if about else "",
                about.source if about else "",
                origin,
            ]
        )
    headers = [
        text("parameter", lang),
        text("description", lang),
        text("value", lang),
        text("unit", lang),
        text("evidence", lang),
        text("source", lang),
        text("origin", lang),
    ]
    return section(
        "parameters",
        text("html_parameters_title", lang),
        paragraph(text("html_parameters_note", lang), "note"),
        table(headers, rows, css="parameters"),
        page_break=True,
    )


def warnings_section(result: Result, lang: Lang) -> Markup:
    """The input's warnings (imputations among them), capped for a huge run."""
    issues = result.warnings
    if not issues:
        return section(
            "warnings", text("html_warnings_title", lang), paragraph(text("html_no_warnings", lang))
        )
    rows: list[list[str | Cell]] = [
        [
            ", ".join(
                part
                for part in (
                    issue.file,
                    issue.sheet or "",
                    f"{text('column', lang).lower()} {issue.column}" if issue.column else "",
                    f"{text('row', lang).lower()} {issue.row}" if issue.row else "",
                )
                if part
            ),
            issue.message,
        ]
        for issue in issues[:WARNING_ROWS]
    ]
    notes = []
    if len(issues) > WARNING_ROWS:
        notes.append(
            paragraph(
                text("html_warnings_capped", lang, shown=WARNING_ROWS, total=len(issues)), "note"
            )
        )
    return section(
        "warnings",
        text("html_warnings_title", lang),
        *notes,
        table([text("html_where", lang), text("message", lang)], rows),
    )
