"""Explanations and provenance → Rich renderables (returned, not printed; the CLI prints).

Readable at 80 columns: long text (sources, file names, the command line) folds instead of
widening the table. Text from the input (case ids, file names) goes through ``plain`` so markup
in a cell is shown, not obeyed.
"""

from __future__ import annotations

from datetime import date

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from werkzorg_calc.domain.columns import MONEY_FIELDS
from werkzorg_calc.engine.explanation import (
    CaseExplanation,
    InputUse,
    ItemAcrossCases,
    ItemExplanation,
    ParameterUse,
    Projection,
)
from werkzorg_calc.engine.provenance import Provenance
from werkzorg_calc.report.results import plain
from werkzorg_calc.text.formatting import euro, number, show_date
from werkzorg_calc.text.labels import Lang, stakeholder_label, status_label, text
from werkzorg_calc.text.wording import price_level

SHOWN_MONTHS = 12  # projection months listed one by one; the rest are summed up


def _grid() -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold", ratio=1)
    return grid


def _factor(value: float, lang: Lang) -> str:
    """A share or factor without trailing zeros: 0.25 → 0,25; 6.9322381… → 6,932238."""
    shown = number(value, 6, lang)
    mark = "," if lang == "nl" else "."
    return shown.rstrip("0").rstrip(mark) if mark in shown else shown


def _value(value: object, lang: Lang, money: bool = False) -> str:
    if value is None:
        return text("empty", lang)
    if isinstance(value, bool):
        return text("yes" if value else "no", lang)
    if isinstance(value, date):
        return show_date(value, lang)
    if isinstance(value, int | float):
        return euro(float(value), lang) if money else _factor(float(value), lang)
    return str(value)


def _payer(stakeholder: str | None, lang: Lang) -> str:
    return stakeholder_label(stakeholder, lang) if stakeholder else text("nobody", lang)


def provenance_footer(provenance: Provenance, lang: Lang = "nl") -> Group:
    """Tool and version, each input file with its SHA-256, the run's settings, the parameter
    set's fingerprint and changes, and the command that gives this result again."""
    grid = _grid()
    grid.add_row(text("program", lang), f"{provenance.program} {provenance.version}")
    for item in provenance.inputs:
        where = plain(item.file)
        details = [f"{text('header_row', lang).lower()} {item.header_row}"]
        if item.sheet:
            details.insert(0, f"{text('sheet', lang)} {item.sheet}")
        details.append(text("case_count", lang, n=item.cases))
        where.append(f" ({', '.join(details)})")
        grid.add_row(text("file", lang), where)
        grid.add_row("SHA-256", item.sha256)
    settings = [show_date(provenance.peildatum, lang)]
    settings.append(f"{text('horizon_months', lang).lower()} {provenance.horizon}")
    settings.append(price_level(provenance.price_year, lang))
    grid.add_row(text("peildatum", lang), " · ".join(settings))
    grid.add_row(text("parameter_set", lang), provenance.parameters_sha256)
    for change in provenance.changes:
        grid.add_row(
            text("overrides", lang) if change is provenance.changes[0] else "",
            plain(
                f"{change.key} = {_value(change.value, lang)} ({text('default_was', lang)} "
                f"{_value(change.default, lang)}; {change.origin})"
            ),
        )
    grid.add_row(text("command", lang), plain(provenance.command))
    grid.add_row(text("created", lang), provenance.created_text or text("not_recorded", lang))
    return Group(Text(text("provenance_title", lang), style="bold"), grid)


def _input_line(use: InputUse, lang: Lang) -> Text:
    """``uitkering_voor (G2): € 1.401,50``, then what the sum used when that differs."""
    money = use.field in MONEY_FIELDS
    line = Text(f"{use.header} ")
    line.append(f"({use.cell or text('column_missing', lang)})", style="cyan")
    line.append(f": {_value(use.given, lang, money)}")
    if use.used is not None and use.used != use.given:
        line.append(f" → {_value(use.used, lang, money)}")
    if use.note:
        note = plain(f" ({use.note})")
        note.stylize("yellow" if use.imputed else "dim")
        line.append_text(note)
    return line


def _parameter_short(use: ParameterUse, lang: Lang) -> str:
    money = use.unit.startswith("EUR") and isinstance(use.value, float)
    return f"{use.key} = {_value(use.value, lang, money)}"


def _parameter_line(use: ParameterUse, lang: Lang) -> Text:
    """Key and value, unit, price year, evidence grade; the source (and origin) below it."""
    money = use.unit.startswith("EUR")
    line = Text(f"{use.key} = ", style="bold")
    line.append(_value(use.value, lang, money and isinstance(use.value, float)))
    # A price year belongs to an amount in euros; a share or a number of months has none.
    year = (
        [f"{text('price_year', lang).lower()} {use.price_year}"] if money and use.price_year else []
    )
    details = [use.unit, *year, use.evidence]
    if use.price_factor is not None:
        details.append(
            f"{_value(use.given, lang, money)} × {text('price_factor', lang).lower()} "
            f"{_factor(use.price_factor, lang)}"
        )
    line.append(f" · {' · '.join(details)}\n  ")
    source = plain(f"{text('source', lang)}: {use.source}" + (f" ({use.url})" if use.url else ""))
    source.stylize("dim")
    line.append_text(source)
    if use.origin:
        line.append("\n  ")
        origin = plain(f"{text('origin', lang)}: {use.origin}")
        origin.stylize("yellow")
        line.append_text(origin)
    return line


def _lines(lines: list[Text]) -> Text:
    joined = Text()
    for position, line in enumerate(lines):
        if position:
            joined.append("\n")
        joined.append_text(line)
    return joined


def _item_block(item: ItemExplanation, lang: Lang) -> Group:
    title = Text(f"{item.label} ({item.item})", style="bold")
    title.append(f" · {_payer(item.stakeholder, lang)} · ")
    title.append(euro(item.amount, lang), style="red" if round(item.amount, 2) < 0 else "green")
    grid = _grid()
    grid.add_row(text("in_words", lang), item.formula_words)
    grid.add_row(text("formula", lang), item.formula_symbols)
    grid.add_row(text("calculation", lang), item.calculation)
    grid.add_row(text("inputs", lang), _lines([_input_line(use, lang) for use in item.inputs]))
    if item.parameters:
        grid.add_row(
            text("parameters_used", lang),
            " · ".join(_parameter_short(use, lang) for use in item.parameters),
        )
    if item.monthly is not None:
        months = f"{_factor(item.work_months or 0.0, lang)}"
        if item.projection_factor:
            months = f"({months} + {_factor(item.projection_factor, lang)})"
        grid.add_row(
            text("per_month_word", lang).capitalize(),
            f"{euro(item.monthly, lang)} × {months} {text('months_counted', lang)}",
        )
    if item.projected:
        grid.add_row(
            text("part", lang),
            f"{text('realised', lang)} {euro(item.realised, lang)} · "
            f"{text('projected', lang).lower()} {euro(item.projected, lang)}",
        )
    return Group(title, grid)


def _projection_table(projection: Projection, lang: Lang) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(text("month", lang), justify="right")
    for key in ("survival", "discounting", "weight"):
        table.add_column(text(key, lang), justify="right")
    for step in projection.steps[:SHOWN_MONTHS]:
        table.add_row(
            str(step.month),
            _factor(step.survival, lang),
            _factor(step.discount, lang),
            _factor(step.weight, lang),
        )
    rest = projection.steps[SHOWN_MONTHS:]
    if rest:
        table.add_row(
            text("more_months", lang, n=len(rest)),
            "",
            "",
            _factor(sum(step.weight for step in rest), lang),
        )
    return table


def case_view(explanation: CaseExplanation, lang: Lang = "nl") -> Group:
    """Every line item of one case: formula, inputs with their cells, parameters, amounts."""
    e = explanation
    head = _grid()
    place = plain(e.file)
    if e.sheet:
        place.append(f" ({text('sheet', lang)} {e.sheet})")
    place.append(f", {text('row', lang).lower()} {e.row}")
    head.add_row(text("place", lang), place)
    head.add_row(text("status", lang), status_label(e.status, lang))
    if e.municipality:
        head.add_row(text("municipality", lang), plain(e.municipality))
    period = show_date(e.peildatum, lang)
    if e.horizon:
        period += f" · {text('plus_projection', lang, n=e.horizon)}"
    head.add_row(text("peildatum", lang), period)
    if e.price_year is not None:
        head.add_row(text("price_level", lang), price_level(e.price_year, lang))
    head.add_row(text("inputs", lang), _lines([_input_line(use, lang) for use in e.timeline]))
    yes, no = text("yes", lang), text("no", lang)
    parts: list[RenderableType] = [
        Text(text("explain_case_title", lang, case=e.case_id), style="bold"),
        head,
        Text(
            text(
                "months_line",
                lang,
                months=_factor(e.work_months, lang),
                working=yes if e.working_at_peildatum else no,
                durable=yes if e.durable else no,
            )
        ),
    ]
    if e.projection is not None:
        p = e.projection
        parts.append(
            Text(
                text(
                    "projection_line",
                    lang,
                    n=p.months,
                    horizon=p.horizon,
                    capped=text("capped", lang) if p.capped_by_job_end else "",
                    r=_factor(p.retention_per_year, lang),
                    d=_factor(p.discount_rate, lang),
                    q=_factor(p.q, lang),
                    factor=_factor(p.factor, lang),
                )
            )
        )
        if p.steps:
            parts.append(_projection_table(p, lang))
    for item in e.items:
        parts += [Text(""), _item_block(item, lang)]
    used: dict[str, ParameterUse] = {}
    for item in e.items:
        used.update({use.key: use for use in item.parameters})
    if used:
        parts += [
            Text(""),
            Text(text("parameters_used", lang), style="bold"),
            _lines([_parameter_line(use, lang) for use in used.values()]),
        ]
    parts.append(Text(""))
    parts.append(
        Text(
            text(
                "case_total_line",
                lang,
                case=e.case_id,
                savings=euro(e.savings, lang),
                costs=euro(e.costs, lang),
                net=euro(e.net, lang),
            ),
            style="bold",
        )
    )
    parts.append(_payers_line(e.by_stakeholder, lang))
    return Group(*parts)


def _payers_line(amounts: dict[str, float], lang: Lang) -> Text:
    shown = " · ".join(
        f"{stakeholder_label(name, lang)} {euro(value, lang)}" for name, value in amounts.items()
    )
    return Text(f"{text('by_payer', lang)}: {shown}")


def item_view(explanation: ItemAcrossCases, lang: Lang = "nl") -> Group:
    """One line item over every case: the formula, its parameters, each case's calculation."""
    e = explanation
    head = _grid()
    head.add_row(text("in_words", lang), e.formula_words)
    head.add_row(text("formula", lang), e.formula_symbols)
    if e.parameters:
        head.add_row(
            text("parameters_used", lang),
            _lines([_parameter_line(use, lang) for use in e.parameters]),
        )
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    table.add_column(text("case", lang), overflow="fold")
    table.add_column(text("cell", lang), overflow="fold")
    table.add_column(text("calculation", lang), overflow="fold", ratio=1)
    table.add_column(text("stakeholder", lang), overflow="fold")
    assumed: list[Text] = []
    for case in e.cases:
        cells = ", ".join((use.cell or "-") + ("*" if use.imputed else "") for use in case.inputs)
        table.add_row(
            plain(case.case_id),
            cells,
            case.calculation,
            _payer(case.stakeholder, lang),
        )
        for use in case.inputs:
            if use.imputed and use.note:
                line = plain(f"* {case.case_id}, {use.cell or use.header}: {use.note}")
                line.stylize("yellow")
                assumed.append(line)
    parts: list[RenderableType] = [
        Text(text("explain_item_title", lang, item=f"{e.label} ({e.item})"), style="bold"),
        head,
        table,
    ]
    if assumed:
        parts.append(_lines(assumed))
    parts.append(
        Text(
            text(
                "item_total_line",
                lang,
                item=e.label,
                total=euro(e.total, lang),
                realised=euro(e.realised, lang),
                projected=euro(e.projected, lang),
            ),
            style="bold",
        )
    )
    parts.append(_payers_line(e.by_stakeholder, lang))
    return Group(*parts)
