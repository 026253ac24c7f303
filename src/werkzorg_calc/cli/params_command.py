"""The ``werkzorg params`` command: every parameter with its value and source."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from werkzorg_calc.cli.app import app
from werkzorg_calc.cli.common import guard, stderr_console, stdout_console
from werkzorg_calc.cli.options import (
    Debug,
    Force,
    Format,
    LangOption,
    Language,
    OutputFormat,
    ParamsFile,
    SetItems,
)


@app.command()
def params(
    case_file: Annotated[
        Path | None,
        typer.Argument(help="Optioneel: casuswerkmap met een blad Parameters.", show_default=False),
    ] = None,
    params_file: ParamsFile = None,
    set_items: SetItems = None,
    export: Annotated[
        Path | None,
        typer.Option("--export", help="Schrijf alle parameters als TOML met toelichting."),
    ] = None,
    force: Force = False,
    output_format: Format = OutputFormat.tabel,
    lang: LangOption = Language.nl,
    debug: Debug = False,
) -> None:
    """Toon alle parameters met waarde, eenheid, prijsjaar, bewijs en bron.

    Voorbeeld: werkzorg params --export mijn-parameters.toml
    """
    with guard(debug, lang):
        from werkzorg_calc.sources.parameters import resolve_parameters

        parameters = resolve_parameters(
            [case_file] if case_file else [], params_file, set_items or []
        )
        if export is not None:
            from werkzorg_calc.write.safe_write import atomic_target
            from werkzorg_calc.write.toml_export import export_toml

            with atomic_target(export, force=force) as temporary:
                temporary.write_text(export_toml(parameters), encoding="utf-8")
            stderr_console().print(f"geschreven: {export}", markup=False)
            return
        if output_format is OutputFormat.json:
            import json

            from werkzorg_calc.domain.parameters import parameter_info

            info = parameter_info()
            data = {
                key: {
                    "value": value,
                    "unit": info[key].unit,
                    "price_year": info[key].price_year,
                    "evidence": info[key].evidence,
                    "source": info[key].source,
                    "url": info[key].url,
                    "origin": parameters.origins.get(key),
                }
                for key, value in parameters.values.flat().items()
            }
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return
        from werkzorg_calc.report.results import parameter_table

        stdout_console().print(parameter_table(parameters, lang.value))
