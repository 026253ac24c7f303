"""``werkzorg explain``: every euro of one case, or one line item across all cases, explained.

Registered on the ``werkzorg`` app when ``cli.py`` is imported. Only Typer is imported at module
level (so ``werkzorg --help`` stays fast); the library is imported inside the command.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer  # noqa: TID251 - a command module: it talks to the terminal

from werkzorg_calc.cli import (
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
    _guard,
    _inputs,
    _parameters,
    _peildatum,
    app,
)

if TYPE_CHECKING:
    from werkzorg_calc.labels import Lang


@app.command()
def explain(  # noqa: PLR0917 - Typer passes one argument per option
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
            help="Eén post, bv. mental_health_care: over alle casussen, of alleen voor CASE_ID.",
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
    if case_id is None and item is None:
        raise typer.BadParameter("geef een casus of --item POST", param_hint="CASE_ID")
    day = _peildatum(peildatum)
    with _guard(debug, lang):
        from werkzorg_calc.calc import calculate  # noqa: PLC0415 - heavy, only when run
        from werkzorg_calc.explain import (  # noqa: PLC0415
            CaseExplanation,
            ItemAcrossCases,
            explain_case,
            explain_item,
        )
        from werkzorg_calc.items import ITEM_IDS  # noqa: PLC0415
        from werkzorg_calc.provenance import build_provenance  # noqa: PLC0415

        table, parameters = _inputs(
            [file],
            day,
            params_file=params,
            set_items=set_items,
            allow_bsn=allow_bsn,
            resolve=_parameters,
        )
        result = calculate(table, parameters, day, horizon, price_year=price_year)
        provenance = build_provenance(
            result,
            params_file=str(params) if params else None,
            set_items=set_items or [],
            allow_bsn=allow_bsn,
        )
        language: Lang = lang.value
        explanation: CaseExplanation | ItemAcrossCases
        if case_id is not None:
            items = [item] if item else list(ITEM_IDS)
            explanation = explain_case(result, table, case_id, items=items, lang=language)
        else:
            assert item is not None
            explanation = explain_item(result, table, item, lang=language)
        if output_format is OutputFormat.json:
            from werkzorg_calc.explain import explanation_to_dict  # noqa: PLC0415
            from werkzorg_calc.io.json_out import to_json  # noqa: PLC0415

            sys.stdout.write(to_json(explanation_to_dict(explanation, provenance)) + "\n")
            return
        from rich.console import Console  # noqa: PLC0415, TID251

        from werkzorg_calc.report_explain import (  # noqa: PLC0415
            case_view,
            item_view,
            provenance_footer,
        )

        console = Console(highlight=False)
        if isinstance(explanation, CaseExplanation):
            console.print(case_view(explanation, language))
        else:
            console.print(item_view(explanation, language))
        console.print()
        console.print(provenance_footer(provenance, language))
