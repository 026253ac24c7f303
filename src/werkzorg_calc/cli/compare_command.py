"""The ``werkzorg compare`` command: the base and each scenario side by side."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from werkzorg_calc.text.labels import Lang

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
    Force,
    Format,
    Horizon,
    LangOption,
    Language,
    Output,
    OutputFormat,
    ParamsFile,
    Peildatum,
    PriceYear,
    SetItems,
)
from werkzorg_calc.cli.outputs import output_kind, write_comparison, written_message


@app.command()
def compare(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Casusbestand(en) en scenario's (.toml): cases.xlsx scenarios/*.toml.",
            show_default=False,
        ),
    ],
    peildatum: Peildatum = None,
    horizon: Horizon = 0,
    params: ParamsFile = None,
    set_items: SetItems = None,
    price_year: PriceYear = None,
    output_format: Format = OutputFormat.tabel,
    output: Output = None,
    force: Force = False,
    allow_bsn: AllowBsn = False,
    lang: LangOption = Language.nl,
    debug: Debug = False,
) -> None:
    """Vergelijk scenario's met de basis op dezelfde casussen.

    Voorbeeld: werkzorg compare examples/drechtsteden-2018.xlsx examples/scenarios/*.toml
    --peildatum 2018-06-30
    """
    day = parse_peildatum(peildatum, lang)
    kind = output_kind(output, lang=lang.value)
    scenario_files = [file for file in files if file.suffix.lower() == ".toml"]
    case_files = [file for file in files if file.suffix.lower() != ".toml"]
    if not case_files:
        raise typer.BadParameter("geef minstens één casusbestand", param_hint="FILES")
    with guard(debug, lang):
        from werkzorg_calc.domain.errors import ParameterError, ParameterProblem
        from werkzorg_calc.domain.scenario import Scenario
        from werkzorg_calc.engine.compare import compare as run_compare
        from werkzorg_calc.read.parameter_files import read_scenario
        from werkzorg_calc.write.safe_write import check_target

        if output is not None:
            check_target(output, force=force, inputs=files)
        scenarios: list[Scenario] = []
        problems: list[ParameterProblem] = []
        for file in scenario_files:
            try:
                scenarios.append(read_scenario(file))
            except ParameterError as error:
                problems += error.problems
        if problems:
            raise ParameterError(problems)
        table, parameters = gather_inputs(
            case_files,
            day,
            params_file=params,
            set_items=set_items,
            allow_bsn=allow_bsn,
            resolve=resolve_parameter_set,
        )
        comparison = run_compare(table, parameters, scenarios, day, horizon, price_year=price_year)
        language: Lang = lang.value
        provenance = run_provenance(
            comparison.base,
            params,
            set_items,
            allow_bsn,
            command="compare",
            arguments=[str(file) for file in scenario_files],
        )
        if output is not None and kind is not None:
            write_comparison(
                comparison,
                output,
                kind,
                force=force,
                inputs=files,
                lang=language,
                provenance=provenance,
            )
        if output_format is OutputFormat.json:
            from werkzorg_calc.write.json_document import comparison_to_dict, to_json

            sys.stdout.write(to_json(comparison_to_dict(comparison, provenance)) + "\n")
            return
        from werkzorg_calc.report.results import comparison_report

        console = stdout_console()
        console.print(comparison_report(comparison, language))
        if output is not None and kind is not None:
            console.print(written_message(kind, output, language), markup=False)
