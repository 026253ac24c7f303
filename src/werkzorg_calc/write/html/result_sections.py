"""The summary sections of the ``calc`` report, in the order a board reads them.

Verdict, money per stakeholder (the first printed page), the wrong pocket, realised against
projected; the cases, parameters and warnings follow from ``detail_sections``. Every figure
is read from the ``Result`` (the amount per stakeholder and line item too:
``Result.stakeholder_items``); nothing here sums or computes a step of the method.
"""

from __future__ import annotations

from werkzorg_calc.domain.items import ITEM_IDS, SAVING_IDS
from werkzorg_calc.domain.result import Result
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.domain.target import TargetResult
from werkzorg_calc.text.formatting import euro, number, percent, show_date
from werkzorg_calc.text.labels import Lang, item_label, stakeholder_label, status_label, text
from werkzorg_calc.text.wording import headline_lines, price_level, verdict
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
        status_label(status, lang, count) for status, count in target.by_status.items()
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
        # N1 and H1: the net headline with the gross result beside it, and the common horizon.
        *(paragraph(line, "key-figures") for line in headline_lines(result, lang)),
    )


def pocket_amounts(result: Result) -> dict[str, dict[str, float]]:
    """The signed amount per stakeholder and line item, as the result holds them."""
    sums = result.stakeholder_items[list(ITEM_IDS)].to_dict(orient="index")
    return {s: {item: float(sums[s][item]) for item in ITEM_IDS} for s in STAKEHOLDERS}


def pocket_section(result: Result, lang: Lang) -> Markup:
    """Who bears which cost and who receives which saving: a stacked bar per stakeholder."""
    amounts = pocket_amounts(result)
    nets = column(result.stakeholders, "net")
    used = [item for item in ITEM_IDS if any(amounts[s][item] for s in STAKEHOLDERS)]
    rows = [
        StackRow(
            stakeholder_label(s, lang),
            tuple(Segment(index, amounts[s][item]) for index, item in enumerate(used)),
            euro(nets[s], lang),
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
