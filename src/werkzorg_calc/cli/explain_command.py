"""``werkzorg explain``: every euro of one case, or one line item across all cases, explained.

Registered on the ``werkzorg`` app when ``cli.py`` is imported. Only Typer is imported at module
level (so ``werkzorg --help`` stays fast); the library is imported inside the command.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from werkzorg_calc.cli.app import app
from werkzorg_calc.cli.common import (
    gather_inputs,
    guard,
    parse_peildatum,
    resolve_parameter_set,
    run_provenance,
    stdout_console,
)
from werkzorg_calc.cli.options import (
    AllowBsn,
    Debug,
    Format,
    Horizon,
    LangOption,
    Language,
    OutputFormat,
    ParamsFile,
    Peildatum,
    PriceYear,
    SetItems,
)

if TYPE_CHECKING:
    from werkzorg_calc.text.labels import Lang

# The stakeholders a settlement can be between (domain/stakeholders.py), without importing it.
_PARTIES = ("municipality", "rijk", "uwv", "health_insurer", "care_provider")


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="Casusbestand: .xlsx of .csv.", show_default=False)],
    case_id: Annotated[
        str | None,
        typer.Argument(
            help="De casus (het pseudoniem uit casus_id); laat weg bij --item.",
            show_default=False,
        ),
    ] = None,
    item: Annotated[
        str | None,
        typer.Option(
            "--item",
            help="Eén post, bv. ggz (of mental_health_care): over alle casussen, of alleen "
            "voor CASE_ID.",
            show_default=False,
        ),
    ] = None,
    settlement: Annotated[
        str | None,
        typer.Option(
            "--settlement",
            help="Leg de verrekening van één partij uit (bv. municipality): S1, S2 en elke "
            "coalitie van S3.",
            show_default=False,
        ),
    ] = None,
    peildatum: Peildatum = None,
    horizon: Horizon = 0,
    params: ParamsFile = None,
    set_items: SetItems = None,
    price_year: PriceYear = None,
    output_format: Format = OutputFormat.tabel,
    allow_bsn: AllowBsn = False,
    lang: LangOption = Language.nl,
    debug: Debug = False,
) -> None:
    """Leg elk bedrag uit: formule, invoercellen, parameters met bron, maanden en partij.

    Voorbeeld: werkzorg explain examples/drechtsteden-2018.xlsx WBZ-002 --peildatum 2018-06-30
    """
    if settlement is not None and settlement not in _PARTIES:
        raise typer.BadParameter(f"kies een van: {', '.join(_PARTIES)}", param_hint="--settlement")
    if case_id is None and item is None and settlement is None:
        raise typer.BadParameter("geef een casus of --item POST", param_hint="CASE_ID")
    day = parse_peildatum(peildatum, lang)
    with guard(debug, lang):
        from werkzorg_calc.domain.items import ITEM_IDS, item_id
        from werkzorg_calc.engine.calc import calculate
        from werkzorg_calc.engine.explain import explain_case, explain_item
        from werkzorg_calc.engine.explanation import CaseExplanation, ItemAcrossCases

        table, parameters = gather_inputs(
            [file],
            day,
            params_file=params,
            set_items=set_items,
            allow_bsn=allow_bsn,
            resolve=resolve_parameter_set,
        )
        result = calculate(table, parameters, day, horizon, price_year=price_year)
        # A Dutch item name (ggz, trajectbegeleiding) means its item; an unknown one stays as
        # typed so the engine's message names it and lists the choices.
        item = (item_id(item) or item) if item else None
        # The provenance names the explain command that ran, not a calc that did not.
        targets = [case_id] if case_id is not None else []
        if item:
            targets += ["--item", item]
        provenance = run_provenance(
            result, params, set_items, allow_bsn, command="explain", arguments=targets
        )
        language: Lang = lang.value
        if settlement is not None:
            _explain_settlement(result, settlement, output_format, language)
            return
        explanation: CaseExplanation | ItemAcrossCases
        if case_id is not None:
            items = [item] if item else list(ITEM_IDS)
            explanation = explain_case(result, table, case_id, items=items, lang=language)
        else:
            assert item is not None
            explanation = explain_item(result, table, item, lang=language)
        if output_format is OutputFormat.json:
            from werkzorg_calc.engine.explain import explanation_to_dict
            from werkzorg_calc.write.json_document import to_json

            sys.stdout.write(to_json(explanation_to_dict(explanation, provenance)) + "\n")
            return
        from werkzorg_calc.report.explain import (
            case_view,
            item_view,
            provenance_footer,
        )

        console = stdout_console()
        if isinstance(explanation, CaseExplanation):
            console.print(case_view(explanation, language))
        else:
            console.print(item_view(explanation, language))
        console.print()
        console.print(provenance_footer(provenance, language))


def _explain_settlement(result: object, party: str, output_format: object, lang: "Lang") -> None:
    """``--settlement PARTY``: the party's transfers under each rule, written out."""
    from werkzorg_calc.domain.result import Result
    from werkzorg_calc.engine.settlement_explain import (
        explain_settlement,
        settlement_explanation_to_dict,
    )

    assert isinstance(result, Result) and result.beyond is not None
    if party not in result.beyond.settlement.parties:
        from werkzorg_calc.text.beyond_labels import beyond_text

        sys.stdout.write(beyond_text("no_flow", lang) + "\n")
        return
    explanation = explain_settlement(result.beyond.settlement, party)
    if output_format is OutputFormat.json:
        from werkzorg_calc.write.json_document import to_json

        sys.stdout.write(to_json(settlement_explanation_to_dict(explanation)) + "\n")
        return
    from werkzorg_calc.report.settlement_explain import settlement_view

    stdout_console().print(settlement_view(explanation, lang))
