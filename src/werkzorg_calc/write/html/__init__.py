"""The HTML report: one self-contained file a board can open from an e-mail and print.

``render_*`` build the page as text from a result and its provenance (nothing is recomputed);
``write_*`` write it atomically, like every other output. The page loads nothing from elsewhere
(a Content-Security-Policy forbids it) and runs no script: the per-case table comes in a fixed
order (largest net first) instead of being sortable.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.compare import Comparison
from werkzorg_calc.engine.provenance import Provenance, build_provenance
from werkzorg_calc.engine.uncertainty.display import bootstrap_sentence
from werkzorg_calc.engine.uncertainty.simulate import SimulationResult
from werkzorg_calc.text.labels import Lang, text
from werkzorg_calc.write.html import detail_sections as details
from werkzorg_calc.write.html import result_sections as calc_parts
from werkzorg_calc.write.html import run_sections as run_parts
from werkzorg_calc.write.html.beyond_sections import beyond_sections
from werkzorg_calc.write.html.page import Markup, document, paragraph, provenance_footer, section
from werkzorg_calc.write.text_file import write_text

__all__ = [
    "render_comparison",
    "render_result",
    "render_simulation",
    "write_comparison_html",
    "write_html_report",
    "write_simulation_html",
]


def render_result(result: Result, provenance: Provenance | None = None, lang: Lang = "nl") -> str:
    """The ``calc`` report as HTML text: verdict and money first, provenance last."""
    provenance = provenance or build_provenance(result)
    body = [
        calc_parts.verdict_section(result, lang),
        calc_parts.money_section(result, lang),
        calc_parts.pocket_section(result, lang),
        calc_parts.periods_section(result, lang),
        *beyond_sections(result, lang),
        details.cases_section(result, lang),
        details.parameters_section(result, lang),
        details.warnings_section(result, lang),
        provenance_footer(provenance, lang),
    ]
    return document(
        title=text("html_title", lang),
        peildatum=result.peildatum,
        lang=lang,
        meta=calc_parts.header_facts(result, lang),
        body=body,
    )


def render_comparison(
    comparison: Comparison, lang: Lang = "nl", provenance: Provenance | None = None
) -> str:
    """The ``compare`` report: the base verdict, each scenario's target, the runs side by side.

    ``provenance`` is the run's own (the CLI passes it, as to the workbook and the JSON).
    """
    base = comparison.base
    provenance = provenance or build_provenance(base, command="compare")
    files = ", ".join(scenario.file or scenario.name for scenario, _ in comparison.scenarios)
    meta = [*calc_parts.header_facts(base, lang), (text("scenario", lang), files)]
    body = [
        section(
            "verdict",
            text("html_verdict", lang),
            calc_parts.target_block(base.target, lang, "c-share"),
        ),
        run_parts.scenarios_section(comparison, lang),
        run_parts.scenario_verdicts(comparison, lang),
        details.parameters_section(base, lang),
        details.warnings_section(base, lang),
        provenance_footer(provenance, lang),
    ]
    return document(
        title=text("html_compare_title", lang),
        peildatum=base.peildatum,
        lang=lang,
        meta=meta,
        body=body,
    )


def render_simulation(
    result: SimulationResult, lang: Lang = "nl", provenance: Provenance | None = None
) -> str:
    """The ``simulate`` report: the target with its bootstrap, the spread of the net."""
    base = result.base
    if provenance is None:
        extra = ["--draws", str(result.draws), "--seed", str(result.seed)]
        provenance = build_provenance(base, command="simulate", extra=extra)
    verdict = Markup(
        calc_parts.target_block(base.target, lang, "c-share")
        + paragraph(bootstrap_sentence(result, lang), "bootstrap")
    )
    body = [
        section("verdict", text("html_verdict", lang), verdict),
        run_parts.distribution_section(result, lang),
        run_parts.distributions_table(result, lang),
        details.parameters_section(base, lang),
        details.warnings_section(base, lang),
        provenance_footer(provenance, lang),
    ]
    return document(
        title=text("html_simulate_title", lang),
        peildatum=base.peildatum,
        lang=lang,
        meta=calc_parts.header_facts(base, lang),
        body=body,
    )


def write_html_report(
    result: Result,
    path: Path,
    *,
    provenance: Provenance | None = None,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
) -> None:
    """Write the ``calc`` report to ``path`` atomically (never over an input file)."""
    write_text(path, render_result(result, provenance, lang), force=force, inputs=inputs)


def write_comparison_html(
    comparison: Comparison,
    path: Path,
    *,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
    provenance: Provenance | None = None,
) -> None:
    """Write the ``compare`` report to ``path`` atomically."""
    page = render_comparison(comparison, lang, provenance)
    write_text(path, page, force=force, inputs=inputs)


def write_simulation_html(
    result: SimulationResult,
    path: Path,
    *,
    force: bool = False,
    inputs: Sequence[Path] = (),
    lang: Lang = "nl",
    provenance: Provenance | None = None,
) -> None:
    """Write the ``simulate`` report to ``path`` atomically."""
    write_text(path, render_simulation(result, lang, provenance), force=force, inputs=inputs)
