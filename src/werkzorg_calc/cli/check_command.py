"""The ``werkzorg check`` and ``werkzorg template`` commands: validate, or write an empty file."""

from pathlib import Path
from typing import Annotated

import typer

from werkzorg_calc.cli.app import app
from werkzorg_calc.cli.common import (
    gather_inputs,
    guard,
    parse_peildatum,
    resolve_parameter_set,
    stderr_console,
    stdout_console,
)
from werkzorg_calc.cli.options import (
    AllowBsn,
    Debug,
    Force,
    LangOption,
    Language,
    ParamsFile,
    Peildatum,
    SetItems,
)
from werkzorg_calc.cli.outputs import output_kind


@app.command()
def check(
    files: Annotated[
        list[Path], typer.Argument(help="Casusbestand(en): .xlsx of .csv.", show_default=False)
    ],
    peildatum: Peildatum = None,
    params: ParamsFile = None,
    set_items: SetItems = None,
    allow_bsn: AllowBsn = False,
    lang: LangOption = Language.nl,
    debug: Debug = False,
) -> None:
    """Controleer casusbestanden zonder te rekenen: alle fouten en waarschuwingen.

    Exit 0 als het bestand berekend kan worden, 1 als er fouten zijn.
    Voorbeeld: werkzorg check casussen.xlsx --peildatum 2018-06-30
    """
    day = parse_peildatum(peildatum, lang)
    with guard(debug, lang):
        from werkzorg_calc.engine.calc import imputation_warnings, late_peildatum
        from werkzorg_calc.report.issue_list import issue_report
        from werkzorg_calc.text.labels import text

        table, parameters = gather_inputs(
            files,
            day,
            params_file=params,
            set_items=set_items,
            allow_bsn=allow_bsn,
            resolve=resolve_parameter_set,
        )
        # The stale-peildatum warning first, as in calc's report: it changes every figure.
        warnings = (
            late_peildatum(table, day)
            + table.warnings
            + imputation_warnings(table, parameters, day)
        )
        console = stdout_console()
        if warnings:
            console.print(issue_report(warnings, lang.value), crop=False)
        console.print(text("check_ok", lang.value, n=len(table.frame)), style="green")


@app.command()
def template(
    output: Annotated[
        Path,
        typer.Argument(help="Nieuwe werkmap (.xlsx), bijv. casussen.xlsx.", show_default=False),
    ],
    force: Force = False,
    debug: Debug = False,
) -> None:
    """Schrijf een lege casuswerkmap met uitleg, keuzelijsten en een voorbeeld.

    Voorbeeld: werkzorg template casussen.xlsx
    """
    output_kind(output, ("xlsx",))
    with guard(debug):
        from werkzorg_calc.write.excel.template import write_template

        write_template(output, force=force)
        stderr_console().print(f"geschreven: {output}", markup=False)
