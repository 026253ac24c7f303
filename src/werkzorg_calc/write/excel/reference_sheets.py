"""The sheets ``Parameters``, ``Controle`` and ``Verantwoording``: values, checks, provenance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook

from werkzorg_calc.domain.columns import BY_FIELD
from werkzorg_calc.domain.parameters import parameter_info
from werkzorg_calc.engine.calc import MONEY_PARAMETERS
from werkzorg_calc.engine.law.apply import RULES
from werkzorg_calc.engine.provenance import Provenance
from werkzorg_calc.engine.trace import effective_parameter
from werkzorg_calc.text.formatting import euro
from werkzorg_calc.text.issues import issue_message
from werkzorg_calc.text.labels import Lang, text
from werkzorg_calc.text.wording import price_level
from werkzorg_calc.write.excel.sheet import (
    DATE,
    Formula,
    Names,
    Sheet,
    input_warnings,
    parameter_name,
)

if TYPE_CHECKING:
    from werkzorg_calc.domain.result import Result


def parameter_sheet(workbook: Workbook, result: Result, lang: Lang, names: Names) -> Sheet:
    labels = [
        text("parameter", lang),
        text("description_col", lang),
        text("value", lang),
        text("default", lang),
        text("unit", lang),
        text("price_year", lang),
        text("evidence", lang),
        text("source", lang),
        "URL",
        text("origin", lang),
        text("price_factor", lang),
        text("used", lang),
    ]
    sheet = Sheet(
        workbook,
        text("parameter_sheet", lang),
        [30, 50, 14, 14, 22, 10, 12, 60, 40, 40, 12, 14],
    )
    sheet.table_header(labels)
    info = parameter_info()
    for key, value in result.parameters.flat().items():
        meta = info[key]
        number = sheet.rows + 1
        indexing: list[object] = []
        if key in MONEY_PARAMETERS:
            factor = result.price_factors.get(key, 1.0)
            indexing = [factor, Formula(f"C{number}*K{number}", effective_parameter(result, key))]
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
                meta.url or None,
                result.parameter_origins.get(key),
                *indexing,
            ],
            [None] * 10 + ["0.0000", None],
        )
        names.define(parameter_name(key), sheet.title, "L" if indexing else "C", number)
    sheet.finish_table(len(labels))
    # The projection's monthly factors are method, not findings: they live here, beside the
    # retention and discount rate they are made of, rather than on the front sheet. R1: one
    # factor per retention curve; retention_per_year (v1), when set, sets both.
    params = result.parameters
    sheet.row([])
    for name, key, retention in (
        ("maandfactor", "retention_work_per_year", params.retention_work),
        ("maandfactor_uitkering", "retention_benefit_per_year", params.retention_benefit),
    ):
        q = (retention / (1 + params.discount_rate)) ** (1 / 12)
        formula = Formula(
            f'(IF(retention_per_year="",{key},retention_per_year)/(1+discount_rate))^(1/12)', q
        )
        label = text("month_factor" if name == "maandfactor" else "month_factor_benefit", lang)
        factor = sheet.row(
            [label, text("month_factor_description", lang), formula], [None, None, "0.000000000"]
        )
        names.define(name, sheet.title, "C", factor)
    return sheet


def _typed(value: str) -> float | str | None:
    """A default from the parameter file as a number where it is one."""
    if value == "":
        return None
    try:
        return float(value)
    except ValueError:
        return value


def check_sheet(workbook: Workbook, result: Result, lang: Lang) -> Sheet:
    labels = [
        text("kind", lang),
        text("file", lang),
        text("sheet_title", lang),
        text("row", lang),
        text("column", lang),
        text("case", lang),
        text("message", lang),
    ]
    sheet = Sheet(workbook, text("check_sheet", lang), [14, 30, 14, 8, 8, 14, 90])
    sheet.table_header(labels)
    for issue in input_warnings(result):
        sheet.row(
            [
                text("warning", lang),
                issue.file,
                issue.sheet,
                issue.row,
                issue.column,
                None,
                issue_message(issue, lang),
            ]
        )
    flagged = result.imputed.any(axis=1)
    cases = result.cases.loc[flagged]
    imputed = result.imputed.loc[flagged]
    sources = {source.file: source for source in result.sources}
    for (case_id, row, file), flags in zip(
        zip(cases["case_id"].tolist(), cases["row"].tolist(), cases["file"].tolist(), strict=True),
        imputed.to_numpy().tolist(),
        strict=True,
    ):
        source = sources[file]
        for field, flag in zip(imputed.columns, flags, strict=True):
            if flag:
                sheet.row(
                    [
                        text("imputed_kind", lang),
                        file,
                        source.sheet,
                        row,
                        source.columns.get(field),
                        case_id,
                        # The column as the case file names it (ggz_na), not the field id.
                        text("imputed_message", lang, field=BY_FIELD[str(field)].header),
                    ]
                )
    _derived_rows(sheet, result, lang)
    if not input_warnings(result) and not flagged.any():
        sheet.row(["-", None, None, None, None, None, text("no_messages", lang)])
    sheet.finish_table(len(labels))
    return sheet


def _derived_rows(sheet: Sheet, result: Result, lang: Lang) -> None:
    """One row per case and field the law filled in (B1, W1): the mark every output carries."""
    sources = {source.file: source for source in result.sources}
    for field, (rule, article) in RULES.items():
        amounts = result.derived[field]
        chosen = result.cases.loc[amounts.notna(), ["case_id", "row", "file"]]
        for (case_id, row, file), amount in zip(
            chosen.itertuples(index=False, name=None), amounts.dropna().tolist(), strict=True
        ):
            source = sources[file]
            message = text(
                "derived_message",
                lang,
                field=field,
                rule=rule,
                article=article,
                amount=euro(amount, lang),
            )
            sheet.row(
                [
                    text("derived_kind", lang),
                    file,
                    source.sheet,
                    row,
                    source.columns.get(field),
                    case_id,
                    message,
                ]
            )


def provenance_sheet(workbook: Workbook, provenance: Provenance, lang: Lang) -> Sheet:
    sheet = Sheet(workbook, text("provenance_sheet", lang), [30, 70, 18, 40])
    sheet.row([text("provenance_title", lang)], bold=True)
    sheet.row([text("program", lang), f"{provenance.program} {provenance.version}"])
    sheet.row([text("created", lang), provenance.created_text or text("not_recorded", lang)])
    for item in provenance.inputs:
        sheet.row([text("file", lang), item.file])
        sheet.row(["SHA-256", item.sha256])
        sheet.row([text("sheet_title", lang), item.sheet or "-"])
        sheet.row([text("header_row", lang), item.header_row])
        sheet.row([text("cases", lang), item.cases])
    sheet.row([text("peildatum", lang), provenance.peildatum], [None, DATE])
    sheet.row([text("horizon_months", lang), provenance.horizon])
    sheet.row([text("price_level", lang), price_level(provenance.price_year, lang)])
    sheet.row([text("parameter_set", lang), provenance.parameters_sha256])
    sheet.row([text("command", lang), provenance.command])
    sheet.row([])
    sheet.row(
        [
            text("overrides", lang),
            text("value", lang),
            text("default", lang),
            text("origin", lang),
        ],
        bold=True,
    )
    for change in provenance.changes:
        sheet.row([change.key, _shown(change.value), _shown(change.default), change.origin])
    if not provenance.changes:
        sheet.row([text("none_defaults", lang)])
    sheet.row([])
    sheet.row([text("provenance_note", lang)])
    return sheet


def _shown(value: object) -> object:
    return value if isinstance(value, int | float | str) or value is None else str(value)


# --- the comparison overview --------------------------------------------------------------------
