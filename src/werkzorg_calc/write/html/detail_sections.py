"""The detail sections of the reports: the cases, the parameters, the warnings.

Each is capped for a huge run (the summary sections count everything), and each is in a fixed
order, since the page runs no script to sort it.
"""

from __future__ import annotations

from typing import Final

import numpy as np
from numpy.typing import NDArray

from werkzorg_calc.domain.parameters import parameter_info
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.law.apply import RULES
from werkzorg_calc.text.formatting import euro, number
from werkzorg_calc.text.issues import issue_message
from werkzorg_calc.text.labels import Lang, status_label, text
from werkzorg_calc.write.html.page import Cell, Markup, cents, paragraph, section, table

CASE_ROWS: Final = 500  # the per-case table stops here; the summary counts every case
WARNING_ROWS: Final = 200


def case_order(result: Result) -> NDArray[np.intp]:
    """Row positions by absolute net, largest first; ties keep the order of the file."""
    net = result.cases["net"].to_numpy(dtype=float)
    return np.argsort(-np.abs(net), kind="stable")


def cases_section(result: Result, lang: Lang, limit: int = CASE_ROWS) -> Markup:
    """The cases in a fixed useful order, capped at ``limit`` rows with a note."""
    cases = result.cases
    order = case_order(result)[:limit]
    imputed_names = list(result.imputed.columns)
    flags = result.imputed.to_numpy()[order]
    # What the law filled in (B1, W1) is marked beside what the method assumed.
    derived_names = [
        f"{name} ({text('derived_kind', lang)}, {RULES[str(name)][0]})" for name in result.derived
    ]
    derived_flags = result.derived.notna().to_numpy()[order]
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
            ", ".join(
                [name for name, flag in zip(imputed_names, row_flags, strict=True) if flag]
                + [name for name, flag in zip(derived_names, law_flags, strict=True) if flag]
            ),
        ]
        for case_id, status, months, durable, savings, costs, net, row_flags, law_flags in zip(
            *columns.values(), flags, derived_flags, strict=True
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
            issue_message(issue, lang),
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
