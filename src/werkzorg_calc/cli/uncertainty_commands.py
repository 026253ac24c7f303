"""The ``werkzorg sensitivity`` and ``werkzorg simulate`` commands, registered on ``cli.app``.

Like ``cli.py``, only typer is imported at module level (so ``werkzorg --help`` stays fast);
the library, pandas, rich and matplotlib are imported inside the commands.
"""

# The CLI is where typer and rich belong; it imports the library inside each command so that
# `werkzorg --help` does not pay for pandas; a Typer command takes one argument per option.

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from werkzorg_calc.cli.app import app
from werkzorg_calc.cli.common import (
    gather_inputs,
    guard,
    parse_peildatum,
    run_provenance,
    stderr_console,
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
from werkzorg_calc.cli.outputs import Kind, output_kind, write_uncertainty, written_message

if TYPE_CHECKING:
    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.parameters import ParameterSet
    from werkzorg_calc.engine.provenance import Provenance
    from werkzorg_calc.engine.uncertainty.distributions import DistributionSpec
    from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult
    from werkzorg_calc.engine.uncertainty.simulate import SimulationResult
    from werkzorg_calc.text.labels import Lang

CaseFiles = Annotated[
    list[Path], typer.Argument(help="Casusbestand(en): .xlsx of .csv.", show_default=False)
]
Plot = Annotated[
    Path | None,
    typer.Option(
        "--plot",
        help="Schrijf ook een grafiek (.png, .svg of .pdf); vraagt matplotlib: "
        "pip install 'werkzorg-calc[plot]'.",
        show_default=False,
    ),
]
PROGRESS_FROM = 200_000  # draws; shorter runs finish before a bar would be worth showing


def _uncertain_inputs(
    files: list[Path],
    day: date,
    *,
    params_file: Path | None,
    set_items: list[str] | None,
    allow_bsn: bool,
) -> "tuple[CaseTable, ParameterSet, dict[str, DistributionSpec]]":
    """Cases, parameters and distributions; problems in all of them reported together."""
    from werkzorg_calc.sources.uncertainty import resolve_uncertainty

    def resolve(
        paths: list[Path], params: Path | None, items: list[str]
    ) -> "tuple[ParameterSet, dict[str, DistributionSpec]]":
        return resolve_uncertainty(paths, params, items)

    cases, (parameters, specs) = gather_inputs(
        files,
        day,
        params_file=params_file,
        set_items=set_items,
        allow_bsn=allow_bsn,
        resolve=resolve,
    )
    return cases, parameters, specs


def _check_outputs(
    files: list[Path], output: Path | None, plot: Path | None, *, force: bool
) -> None:
    """Refuse an output or chart path before any work is done."""
    from werkzorg_calc.write.plot import check_plot_target
    from werkzorg_calc.write.safe_write import check_target

    if output is not None:
        check_target(output, force=force, inputs=files)
    if plot is not None:
        check_plot_target(plot, force=force, inputs=tuple(files))


def _deliver(
    result: "SensitivityResult | SimulationResult",
    files: list[Path],
    target: tuple[Path | None, Kind | None],
    plot: Path | None,
    output_format: OutputFormat,
    *,
    force: bool,
    lang: Language,
    provenance: "Provenance",
) -> None:
    """Write the output file and the chart when asked, then print the JSON or the report."""
    from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult
    from werkzorg_calc.report.uncertainty import sensitivity_report, simulation_report
    from werkzorg_calc.text.labels import text
    from werkzorg_calc.write import plot as charts
    from werkzorg_calc.write import uncertainty_json as documents
    from werkzorg_calc.write.json_document import to_json

    language: Lang = lang.value
    output, kind = target
    if output is not None and kind is not None:
        write_uncertainty(
            result, output, kind, force=force, inputs=files, lang=language, provenance=provenance
        )
    if plot is not None:
        if isinstance(result, SensitivityResult):
            charts.plot_tornado(result, plot, force=force, inputs=tuple(files), lang=language)
        else:
            charts.plot_histograms(result, plot, force=force, inputs=tuple(files), lang=language)
    if output_format is OutputFormat.json:
        document = (
            documents.sensitivity_to_dict(result, provenance)
            if isinstance(result, SensitivityResult)
            else documents.simulation_to_dict(result, provenance)
        )
        sys.stdout.write(to_json(document) + "\n")
        return
    console = stdout_console()
    console.print(
        sensitivity_report(result, language)
        if isinstance(result, SensitivityResult)
        else simulation_report(result, language)
    )
    if output is not None and kind is not None:
        console.print(written_message(kind, output, language), markup=False)
    if plot is not None:
        console.print(text("plot_written", language, path=plot), markup=False)


@app.command()
def sensitivity(
    files: CaseFiles,
    peildatum: Peildatum = None,
    horizon: Horizon = 0,
    params: ParamsFile = None,
    set_items: SetItems = None,
    price_year: PriceYear = None,
    output_format: Format = OutputFormat.tabel,
    output: Output = None,
    plot: Plot = None,
    force: Force = False,
    allow_bsn: AllowBsn = False,
    lang: LangOption = Language.nl,
    debug: Debug = False,
) -> None:
    """Gevoeligheid: elke onzekere parameter op laag en hoog, met tornado en omslagpunten.

    Voorbeeld: werkzorg sensitivity examples/drechtsteden-2018.xlsx --peildatum 2018-06-30
    --horizon 12 --plot tornado.png
    """
    day = parse_peildatum(peildatum, lang)
    kind = output_kind(output, ("xlsx", "json"), lang.value)
    with guard(debug, lang):
        from werkzorg_calc.engine.uncertainty.sensitivity import sensitivity as run_sensitivity

        _check_outputs(files, output, plot, force=force)
        table, parameters, specs = _uncertain_inputs(
            files, day, params_file=params, set_items=set_items, allow_bsn=allow_bsn
        )
        result = run_sensitivity(
            table, parameters, day, horizon, price_year=price_year, distributions=specs
        )
        provenance = run_provenance(
            result.base, params, set_items, allow_bsn, command="sensitivity"
        )
        _deliver(
            result,
            files,
            (output, kind),
            plot,
            output_format,
            force=force,
            lang=lang,
            provenance=provenance,
        )


@app.command()
def simulate(
    files: CaseFiles,
    draws: Annotated[int, typer.Option(min=1, max=10_000_000, help="Aantal trekkingen.")] = 10_000,
    seed: Annotated[
        int,
        typer.Option(
            min=0, help="Startwaarde van de toevalsgenerator: zelfde seed, zelfde uitkomst."
        ),
    ] = 42,
    peildatum: Peildatum = None,
    horizon: Horizon = 0,
    params: ParamsFile = None,
    set_items: SetItems = None,
    price_year: PriceYear = None,
    output_format: Format = OutputFormat.tabel,
    output: Output = None,
    plot: Plot = None,
    force: Force = False,
    allow_bsn: AllowBsn = False,
    lang: LangOption = Language.nl,
    debug: Debug = False,
) -> None:
    """Simulatie: trek alle onzekere parameters tegelijk; saldo per partij met P5–P95.

    Voorbeeld: werkzorg simulate examples/drechtsteden-2018.xlsx --peildatum 2018-06-30
    --draws 10000 --seed 42
    """
    day = parse_peildatum(peildatum, lang)
    kind = output_kind(output, lang=lang.value)
    with guard(debug, lang):
        _check_outputs(files, output, plot, force=force)
        table, parameters, specs = _uncertain_inputs(
            files, day, params_file=params, set_items=set_items, allow_bsn=allow_bsn
        )
        result = _run_simulation(
            table, parameters, specs, day, horizon, price_year, draws=draws, seed=seed
        )
        extra = ["--draws", str(draws), "--seed", str(seed)]
        provenance = run_provenance(
            result.base, params, set_items, allow_bsn, command="simulate", extra=extra
        )
        _deliver(
            result,
            files,
            (output, kind),
            plot,
            output_format,
            force=force,
            lang=lang,
            provenance=provenance,
        )


def _run_simulation(
    table: "CaseTable",
    parameters: "ParameterSet",
    specs: "dict[str, DistributionSpec]",
    day: date,
    horizon: int,
    price_year: int | None,
    *,
    draws: int,
    seed: int,
) -> "SimulationResult":
    """Run ``simulate``, with a progress bar on stderr for a long run in a terminal."""
    from rich.progress import Progress

    from werkzorg_calc.engine.uncertainty.simulate import simulate as run_simulate

    console = stderr_console()
    if draws < PROGRESS_FROM or not console.is_terminal:
        return run_simulate(
            table,
            parameters,
            day,
            horizon,
            draws=draws,
            seed=seed,
            price_year=price_year,
            distributions=specs,
        )
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("trekkingen", total=draws)
        return run_simulate(
            table,
            parameters,
            day,
            horizon,
            draws=draws,
            seed=seed,
            price_year=price_year,
            distributions=specs,
            progress=lambda done, _total: progress.update(task, completed=done),
        )
