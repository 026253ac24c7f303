"""``--output``: the format follows the extension (.xlsx workbook, .html report, .json document).

One place decides which writer a file gets, so ``calc``, ``compare`` and ``simulate`` agree.
The writers are imported only when used, so ``werkzorg --help`` stays quick.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import typer

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.result import Result
    from werkzorg_calc.engine.compare import Comparison
    from werkzorg_calc.engine.provenance import Provenance
    from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult
    from werkzorg_calc.engine.uncertainty.simulate import SimulationResult
    from werkzorg_calc.text.label_keys import LabelKey
    from werkzorg_calc.text.labels import Lang

Kind = Literal["xlsx", "html", "json"]
ALL_KINDS: tuple[Kind, ...] = ("xlsx", "html", "json")

_WRITTEN: dict[Kind, LabelKey] = {
    "xlsx": "excel_written",
    "html": "html_written",
    "json": "json_written",
}


def output_kind(
    output: Path | None, kinds: Sequence[Kind] = ALL_KINDS, lang: Lang = "nl"
) -> Kind | None:
    """The kind of ``output`` by its extension; a usage error (exit 2) for any other."""
    if output is None:
        return None
    suffix = output.suffix.lower().lstrip(".")
    for kind in kinds:
        if suffix == kind:
            return kind
    names = [f".{kind}" for kind in kinds]
    word, sentence = (
        ("of", "de uitvoer moet eindigen op {}")
        if lang == "nl"
        else ("or", "the output must end in {}")
    )
    allowed = ", ".join(names[:-1]) + f" {word} {names[-1]}" if len(names) > 1 else names[0]
    raise typer.BadParameter(sentence.format(allowed), param_hint="--output")


def written_message(kind: Kind, path: Path, lang: Lang) -> str:
    from werkzorg_calc.text.labels import text

    return text(_WRITTEN[kind], lang, path=path)


def write_result(
    result: Result,
    output: Path,
    kind: Kind,
    *,
    force: bool,
    inputs: Sequence[Path],
    lang: Lang,
    cases: CaseTable,
    provenance: Provenance,
) -> None:
    """Write a ``calc`` result as a workbook, a report or a JSON document."""
    if kind == "xlsx":
        from werkzorg_calc.write.excel.summary import write_excel

        write_excel(
            result,
            output,
            force=force,
            inputs=list(inputs),
            lang=lang,
            cases=cases,
            provenance=provenance,
        )
    elif kind == "html":
        from werkzorg_calc.write.html import write_html_report

        write_html_report(
            result, output, provenance=provenance, force=force, inputs=inputs, lang=lang
        )
    else:
        from werkzorg_calc.write.json_document import result_json_pieces
        from werkzorg_calc.write.text_file import write_text

        pieces = result_json_pieces(result, provenance, lang)  # made as they are written
        write_text(output, chain(pieces, ("\n",)), force=force, inputs=inputs)


def write_comparison(
    comparison: Comparison,
    output: Path,
    kind: Kind,
    *,
    force: bool,
    inputs: Sequence[Path],
    lang: Lang,
    provenance: Provenance | None = None,
) -> None:
    """Write a ``compare`` result as a workbook, a report or a JSON document."""
    if kind == "xlsx":
        from werkzorg_calc.write.excel.comparison import write_comparison_excel

        write_comparison_excel(
            comparison, output, force=force, inputs=list(inputs), lang=lang, provenance=provenance
        )
    elif kind == "html":
        from werkzorg_calc.write.html import write_comparison_html

        write_comparison_html(
            comparison, output, force=force, inputs=inputs, lang=lang, provenance=provenance
        )
    else:
        from werkzorg_calc.write.json_document import comparison_to_dict, to_json
        from werkzorg_calc.write.text_file import write_text

        text = to_json(comparison_to_dict(comparison, provenance)) + "\n"
        write_text(output, text, force=force, inputs=inputs)


def write_uncertainty(
    result: SensitivityResult | SimulationResult,
    output: Path,
    kind: Kind,
    *,
    force: bool,
    inputs: Sequence[Path],
    lang: Lang,
    provenance: Provenance | None = None,
) -> None:
    """Write a ``sensitivity`` or ``simulate`` result (the report only for ``simulate``)."""
    from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult

    if kind == "xlsx":
        from werkzorg_calc.write.excel import uncertainty as excel

        if isinstance(result, SensitivityResult):
            excel.write_sensitivity_excel(
                result, output, force=force, inputs=inputs, lang=lang, provenance=provenance
            )
        else:
            excel.write_simulation_excel(
                result, output, force=force, inputs=inputs, lang=lang, provenance=provenance
            )
    elif kind == "html" and not isinstance(result, SensitivityResult):
        from werkzorg_calc.write.html import write_simulation_html

        write_simulation_html(
            result, output, force=force, inputs=inputs, lang=lang, provenance=provenance
        )
    else:
        from werkzorg_calc.write import uncertainty_json as documents
        from werkzorg_calc.write.json_document import to_json
        from werkzorg_calc.write.text_file import write_text

        document = (
            documents.sensitivity_to_dict(result, provenance)
            if isinstance(result, SensitivityResult)
            else documents.simulation_to_dict(result, provenance)
        )
        write_text(output, to_json(document) + "\n", force=force, inputs=inputs)
