"""The sections of the ``compare`` and ``simulate`` reports.

``compare``: the base and every scenario side by side, with their differences, as a chart and a
table. ``simulate``: the spread of the net per stakeholder (P5-P95, P50, base) and the chance of
a positive net, with the bootstrap of the pilot target. All figures come from the results.
"""

from __future__ import annotations

from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.engine.compare import BASE_NAME, Comparison
from werkzorg_calc.engine.uncertainty.model import TARGETS
from werkzorg_calc.engine.uncertainty.simulate import SimulationResult
from werkzorg_calc.text.formatting import euro, number, percent
from werkzorg_calc.text.labels import Lang, stakeholder_label, text
from werkzorg_calc.text.wording import verdict
from werkzorg_calc.write.html.page import (
    Cell,
    Markup,
    cents,
    column,
    figure,
    paragraph,
    section,
    table,
)
from werkzorg_calc.write.html.svg import Bar, Range, diverging_bars, range_chart


def _target_label(target: str, lang: Lang) -> str:
    return text("total", lang) if target == "total" else stakeholder_label(target, lang)


def _run_label(name: str, lang: Lang) -> str:
    return text("base", lang) if name == BASE_NAME else name


def scenarios_section(comparison: Comparison, lang: Lang) -> Markup:
    """Net per stakeholder for every run as grouped bars, and the overview with differences."""
    names = comparison.names
    runs = [comparison.base, *(result for _, result in comparison.scenarios)]
    bars = []
    for target in (*STAKEHOLDERS, "total"):
        for index, (name, result) in enumerate(zip(names, runs, strict=True)):
            net = (
                result.totals.all.net
                if target == "total"
                else column(result.stakeholders, "net")[target]
            )
            bars.append(
                Bar(
                    f"{_target_label(target, lang)} · {_run_label(name, lang)}",
                    net,
                    euro(net, lang),
                    series=index,
                    gap_before=index == 0 and target != STAKEHOLDERS[0],
                )
            )
    title = text("html_scenario_chart", lang)
    chart = diverging_bars(bars, chart_id="c-scenarios", title=title, desc=title)
    headers = [text("key_figure", lang)]
    for name in names:
        headers.append(_run_label(name, lang))
        if name != BASE_NAME:
            headers.append(f"Δ {name}")
    # The horizon first: runs over different horizons are not like for like.
    horizons: list[str | Cell] = [Cell(text("projection_months", lang), header=True)]
    for index, result in enumerate(runs):
        horizons.append(Cell(str(result.horizon), numeric=True))
        if index:
            change = result.horizon - comparison.base.horizon
            horizons.append(Cell(f"{change:+d}" if change else "0", numeric=True))
    rows: list[list[str | Cell]] = [horizons]
    for target in (*STAKEHOLDERS, "total"):
        label = text("net_of", lang, name=_target_label(target, lang))
        row: list[str | Cell] = [Cell(label, header=True)]
        base_net = 0.0
        for index, (name, result) in enumerate(zip(names, runs, strict=True)):
            net = (
                result.totals.all.net
                if target == "total"
                else column(result.stakeholders, "net")[target]
            )
            data = (("run", name), ("party", target), ("net", cents(net)))
            row.append(Cell(euro(net, lang), numeric=True, data=data))
            if index == 0:
                base_net = net
            else:
                row.append(Cell(euro(net - base_net, lang), numeric=True))
        rows.append(row)
    warnings = [
        paragraph(
            text("unlike_horizon", lang, name=name, months=months, base=comparison.base.horizon),
            css="note",
        )
        for name, months in comparison.unlike()
    ]
    return section(
        "scenarios",
        text("html_scenarios_title", lang),
        *warnings,
        figure(Markup(chart), title, table(headers, rows, css="scenarios")),
    )


def scenario_verdicts(comparison: Comparison, lang: Lang) -> Markup:
    """The target of every run in one sentence each."""
    names = comparison.names
    runs = [comparison.base, *(result for _, result in comparison.scenarios)]
    descriptions = ["", *(scenario.description for scenario, _ in comparison.scenarios)]
    rows: list[list[str | Cell]] = [
        [
            Cell(_run_label(name, lang), header=True),
            description,
            Cell(
                verdict(result.target, lang),
                data=(("run", name), ("met", str(result.target.met).lower())),
            ),
        ]
        for name, description, result in zip(names, descriptions, runs, strict=True)
    ]
    headers = [text("scenario", lang), text("description", lang), text("target_short", lang)]
    return section(
        "scenario-verdicts",
        text("html_scenario_verdicts", lang),
        table(headers, rows),
    )


def distribution_section(result: SimulationResult, lang: Lang) -> Markup:
    """Spread of the net per stakeholder and the chance it is positive, with the figures."""
    stats = {target: result.statistics(target) for target in TARGETS}
    ranges = [
        Range(
            _target_label(target, lang),
            stats[target]["p5"],
            stats[target]["p50"],
            stats[target]["p95"],
            stats[target]["deterministic"],
            f"{euro(stats[target]['p5'], lang)} – {euro(stats[target]['p95'], lang)}",
        )
        for target in TARGETS
    ]
    range_title = text("html_range_chart", lang)
    spread = range_chart(ranges, chart_id="c-range", title=range_title, desc=range_title)
    chance_title = text("html_chance_chart", lang)
    chances = [
        Bar(
            _target_label(target, lang),
            stats[target]["chance_positive"],
            percent(stats[target]["chance_positive"], 1, lang),
        )
        for target in TARGETS
    ]
    chance = diverging_bars(chances, chart_id="c-chance", title=chance_title, desc=chance_title)
    headers = [
        text("target_col", lang),
        text("deterministic", lang),
        text("mean", lang),
        text("p5", lang),
        text("p50", lang),
        text("p95", lang),
        text("chance_positive", lang),
    ]
    rows = [
        [
            Cell(_target_label(target, lang), header=True),
            *(
                Cell(
                    euro(stats[target][column], lang),
                    numeric=True,
                    data=((column, cents(stats[target][column])),),
                )
                for column in ("deterministic", "mean", "p5", "p50", "p95")
            ),
            Cell(
                percent(stats[target]["chance_positive"], 1, lang),
                numeric=True,
                data=(("party", target), ("chance", f"{stats[target]['chance_positive']:.4f}")),
            ),
        ]
        for target in TARGETS
    ]
    settings = text(
        "simulation_settings",
        lang,
        draws=number(result.draws, 0, lang),
        seed=result.seed,
        n=len(result.uncertain),
    )
    figures = table(headers, rows, css="simulation")
    return section(
        "distribution",
        text("html_distribution_title", lang),
        paragraph(settings),
        figure(Markup(spread), range_title, figures),
        figure(Markup(chance), chance_title, text("simulation_legend", lang)),
    )


def distributions_table(result: SimulationResult, lang: Lang) -> Markup:
    """Which parameters were drawn, from what, and why."""
    rows = [
        [
            Cell(item.key, header=True),
            item.kind,
            ", ".join(f"{key} = {value:g}" for key, value in item.arguments.items()),
            item.justification,
            item.origin,
        ]
        for item in result.distributions
        if item.uncertain
    ]
    headers = [
        text("parameter", lang),
        text("distribution", lang),
        text("arguments", lang),
        text("justification", lang),
        text("origin", lang),
    ]
    return section(
        "distributions",
        text("distributions_title", lang),
        table(headers, rows),
        page_break=True,
    )
