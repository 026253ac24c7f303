"""The front sheet ``Samenvatting``: run facts, totals, the target and the chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from werkzorg_calc.domain.columns import STATUSES
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.domain.target import Z95
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.labels import Lang, stakeholder_label, status_label, text
from werkzorg_calc.text.wording import changed_parameters_line, price_level, verdict
from werkzorg_calc.write.excel.case_sheet import CaseLayout
from werkzorg_calc.write.excel.sheet import (
    DATE,
    DECIMAL,
    EURO,
    PERCENT,
    Formula,
    Names,
    Sheet,
    input_warnings,
    quoted,
)
from werkzorg_calc.write.excel.stakeholder_sheet import STAKEHOLDER_FIRST_ROW

if TYPE_CHECKING:
    from werkzorg_calc.domain.result import Money, Result
    from werkzorg_calc.domain.target import TargetResult


@dataclass(frozen=True)
class LiveTotals:
    """What the summary's formulas refer to: the case layout and the defined names."""

    layout: CaseLayout
    names: Names


def stakeholder_cell(column: str, row: int, lang: Lang) -> str:
    return f"{quoted(text('stakeholder_sheet', lang))}!{column}{row}"


def summary_sheet(
    workbook: Workbook,
    result: Result,
    lang: Lang,
    title: str | None = None,
    live: LiveTotals | None = None,
) -> Sheet:
    """Verdict, run settings, target, totals and stakeholders; with ``live``, as formulas."""
    sheet = Sheet(workbook, title or text("summary_sheet", lang), [36, 18, 18, 18], one_page=True)
    sheet.row([text("title", lang)], bold=True)
    headline: object = verdict(result.target, lang)
    if live is not None:
        # Live: the sentence follows the target cells below, so editing a parameter can never
        # leave a verdict that contradicts the figures under it.
        headline = Formula(verdict_formula(result.target, lang), headline)
    sheet.row([headline], bold=True)
    sheet.row([check_link(result, lang)])
    sheet.row([])
    run_rows(sheet, result, lang, live)
    sheet.row([])
    counts = target_rows(
        sheet,
        result.target,
        lang,
        live.layout if live else None,
        live.names if live else None,
    )
    sheet.row([])
    total_rows(sheet, result, lang, counts)
    sheet.row([])
    stakeholder_rows(sheet, result, lang, live is not None)
    return sheet


def check_link(result: Result, lang: Lang) -> Formula:
    """How many values were imputed and how many warnings there are, linked to ``Controle``."""
    check = text("check_sheet", lang)
    words = text(
        "check_counts",
        lang,
        imputed=int(result.imputed.to_numpy().sum()),
        warnings=len(input_warnings(result)),
        sheet=check,
    )
    target = _literal(f"#{quoted(check)}!A1")
    return Formula(f"HYPERLINK({target},{_literal(words)})", words)


def run_rows(sheet: Sheet, result: Result, lang: Lang, live: LiveTotals | None) -> None:
    """Files, peildatum, horizon (named cells when live), price level, changed parameters."""
    for source in result.sources:
        sheet.row([text("file", lang), source.file])
        sheet.row([text("sheet_title", lang), source.sheet or "-"])
        sheet.row(["SHA-256", source.sha256])
    day = sheet.row([text("peildatum", lang), result.peildatum], [None, DATE])
    sheet.row([text("cases", lang), len(result.cases)])
    horizon = sheet.row([text("projection_months", lang), result.horizon])
    if live is not None:
        live.names.define("peildatum", sheet.title, "B", day)
        live.names.define("horizon", sheet.title, "B", horizon)
    sheet.row([text("price_level", lang), price_level(result.price_year, lang)])
    changed = changed_parameters_line(result.changed_parameters, result.parameter_origins, lang)
    sheet.row([text("changed_parameters", lang), changed])


def total_rows(sheet: Sheet, result: Result, lang: Lang, counts: tuple[str, str] | None) -> None:
    """Realised, projected and total money, the ratio and the averages."""
    totals = result.totals
    money = [None, EURO, EURO, EURO]
    sheet.row(
        [text("totals", lang), *(text(k, lang) for k in ("savings", "costs", "net"))], bold=True
    )
    total_row = STAKEHOLDER_FIRST_ROW + len(STAKEHOLDERS)
    parts: tuple[tuple[LabelKey, Money, str], ...] = (
        ("realised", totals.realised, "EFG"),
        ("projected", totals.projected, "HIJ"),
        ("total", totals.all, "BCD"),
    )
    for key, part, columns in parts:
        values: list[object] = [part.savings, part.costs, part.net]
        if counts is not None:
            values = [
                Formula(stakeholder_cell(column, total_row, lang), value)
                for column, value in zip(columns, values, strict=True)
            ]
        sheet.row([text(key, lang), *values], money)
    # N1: the gross result (deadweight 0) beside the net headline; H1: the common horizon.
    # Both come from the Result as values (the engine's own views, not recomputed here).
    gross, common = result.gross.money, result.common_horizon
    sheet.row([text("gross_result", lang), gross.savings, gross.costs, gross.net], money)
    sheet.row(
        [
            f"{text('common_horizon', lang)} ({common.months})",
            common.money.savings,
            common.money.costs,
            common.money.net,
        ],
        money,
    )
    ratio: object = totals.benefit_cost_ratio
    per_participant: object = totals.net_per_participant
    per_placed: object = totals.net_per_placed
    if counts is not None:
        savings, costs, net = (stakeholder_cell(c, total_row, lang) for c in "BCD")
        participants, placed = counts
        ratio = Formula(f'IF({costs}=0,"",{savings}/{costs})', ratio)
        per_participant = Formula(f'IF({participants}=0,"",{net}/{participants})', per_participant)
        per_placed = Formula(f'IF({placed}=0,"",{net}/{placed})', per_placed)
    sheet.row([text("ratio", lang), ratio], [None, DECIMAL])
    sheet.row([text("net_per_participant", lang), per_participant], [None, EURO])
    sheet.row([text("per_placed", lang).capitalize(), per_placed], [None, EURO])


def stakeholder_rows(sheet: Sheet, result: Result, lang: Lang, live: bool) -> None:
    """Savings, costs and net per stakeholder, and a bar chart of them."""
    sheet.row(
        [text("stakeholder", lang), *(text(k, lang) for k in ("savings", "costs", "net"))],
        bold=True,
    )
    first = sheet.rows + 1
    frame = result.stakeholders
    for position, (name, savings, costs, net) in enumerate(
        zip(frame.index, frame["savings"], frame["costs"], frame["net"], strict=True)
    ):
        amounts: list[object] = [savings, costs, net]
        if live:
            row = STAKEHOLDER_FIRST_ROW + position
            amounts = [
                Formula(stakeholder_cell(column, row, lang), value)
                for column, value in zip("BCD", amounts, strict=True)
            ]
        sheet.row([stakeholder_label(str(name), lang), *amounts], [None, EURO, EURO, EURO])
    last = sheet.rows
    chart = BarChart()
    chart.type = "col"
    chart.title = text("chart_title", lang)
    chart.y_axis.title = "euro"
    chart.y_axis.numFmt = "#,##0"
    data = Reference(sheet.sheet, min_col=2, max_col=3, min_row=first - 1, max_row=last)
    labels = Reference(sheet.sheet, min_col=1, min_row=first, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.height, chart.width = 8, 16
    sheet.sheet.add_chart(chart, "H3")  # right of the SHA-256, which runs over to column G


def _literal(words: str) -> str:
    """Text as an Excel string literal."""
    return '"' + words.replace('"', '""') + '"'


def verdict_formula(target: TargetResult, lang: Lang) -> str:
    """The Excel formula that says what ``wording.verdict`` says, from the named target cells."""
    percent_format = _literal("0%")

    def shown(name: str) -> str:
        return f"TEXT({name},{percent_format})"

    what = (
        f'IF(target_basis="placed",{_literal(text("placed_word", lang))},'
        f"{_literal(text('durable_at_work', lang))})"
    )
    count = 'IF(target_basis="placed",doel_geplaatst,doel_duurzaam)'
    head = f"IF(doel_gehaald={_literal(text('yes', lang))},{_literal(text('met', lang))},"
    head += f"{_literal(text('not_met', lang))})"
    interval = (
        f'IF(doel_onder="","",", {text("interval", lang)} "&{shown("doel_onder")}'
        f'&"–"&{shown("doel_boven")})'
    )
    goal = f'", {text("goal", lang)} "&{shown("target_share")}'
    at_least = f'IF(target_count="",""," {text("at_least", lang)} "&target_count)'
    sentence = (
        f'{head}&": "&{count}&" {text("of", lang)} "&doel_deelnemers&" "&{what}'
        f'&" ("&{shown("doel_aandeel")}&{interval}&")"&{goal}&{at_least}'
    )
    return f"IF(doel_deelnemers=0,{_literal(text('no_participants', lang))},{sentence})"


def target_rows(
    sheet: Sheet,
    target: TargetResult,
    lang: Lang,
    layout: CaseLayout | None,
    live_names: Names | None = None,
) -> tuple[str, str] | None:
    """The target block; with ``layout`` every figure counts the ``Per casus`` rows.

    Returns the cells holding the participants and the placed count, for the averages.
    """
    sheet.row([text("target_header", lang), text("value", lang)], bold=True)
    if layout is None:
        static_target_rows(sheet, target, lang)
        return None
    yes, no = f'"{layout.yes}"', f'"{layout.no}"'
    number = sheet.rows + 1
    n = f"B{number}"
    named: dict[str, int] = {"doel_deelnemers": number}
    sheet.row(
        [
            text("participants", lang),
            Formula(f"COUNTA({layout.range('case_id')})", target.participants),
        ]
    )
    for status in STATUSES:
        label = status_label(status, lang)
        formula = Formula(f'COUNTIF({layout.range("status")},"{label}")', target.by_status[status])
        sheet.row([f"  {label}", formula])
    placed = f"B{sheet.rows + 1}"
    named["doel_geplaatst"] = sheet.rows + 1
    sheet.row(
        [
            text("placed_full", lang),
            Formula(f"COUNTIF({layout.range('working')},{yes})", target.placed),
        ]
    )
    durable = f"B{sheet.rows + 1}"
    named["doel_duurzaam"] = sheet.rows + 1
    sheet.row(
        [
            text("durable_full", lang),
            Formula(f"COUNTIF({layout.range('durable')},{yes})", target.durable),
        ]
    )
    count = f'IF(target_basis="placed",{placed},{durable})'
    share = f"B{sheet.rows + 1}"
    named["doel_aandeel"] = sheet.rows + 1
    sheet.row(
        [text("share", lang), Formula(f'IF({n}=0,"",{count}/{n})', target.share)], [None, PERCENT]
    )
    z = repr(Z95)
    root = f"{z}*SQRT({share}*(1-{share})/{n}+{z}^2/(4*{n}^2))"
    centre = f"{share}+{z}^2/(2*{n})"
    low, high = target.interval95 if target.interval95 is not None else (None, None)
    named["doel_onder"], named["doel_boven"] = sheet.rows + 1, sheet.rows + 2
    sheet.row(
        [
            text("interval_low", lang),
            Formula(f'IF({n}=0,"",MAX(0,({centre}-{root})/(1+{z}^2/{n})))', low),
        ],
        [None, PERCENT],
    )
    sheet.row(
        [
            text("interval_high", lang),
            Formula(f'IF({n}=0,"",MIN(1,({centre}+{root})/(1+{z}^2/{n})))', high),
        ],
        [None, PERCENT],
    )
    sheet.row(
        [text("target_share", lang), Formula("target_share", target.target_share)], [None, PERCENT]
    )
    met = (
        f"IF({n}=0,{no},IF(AND({count}/{n}>=target_share,"
        f'OR(target_count="",{count}>=target_count)),{yes},{no}))'
    )
    named["doel_gehaald"] = sheet.rows + 1
    sheet.row([text("met", lang), Formula(met, layout.yes if target.met else layout.no)])
    if live_names is not None:
        for name, row in named.items():
            live_names.define(name, sheet.title, "B", row)
    return n, placed


def static_target_rows(sheet: Sheet, target: TargetResult, lang: Lang) -> None:
    sheet.row([text("participants", lang), target.participants])
    for status in STATUSES:
        sheet.row([f"  {status_label(status, lang)}", target.by_status[status]])
    sheet.row([text("placed_full", lang), target.placed])
    sheet.row([text("durable_full", lang), target.durable])
    sheet.row([text("share", lang), target.share], [None, PERCENT])
    low, high = target.interval95 if target.interval95 is not None else (None, None)
    sheet.row([text("interval_low", lang), low], [None, PERCENT])
    sheet.row([text("interval_high", lang), high], [None, PERCENT])
    sheet.row([text("target_share", lang), target.target_share], [None, PERCENT])
    sheet.row([text("met", lang), text("yes" if target.met else "no", lang)])


# --- Per partij -------------------------------------------------------------------------------
