"""The ``werkzorg calc`` command: the per-case sum of one or more case files."""

import itertools
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
    now,
    parse_case_limit,
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
    GroupBy,
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
from werkzorg_calc.cli.outputs import output_kind, write_result, written_message
from werkzorg_calc.cli.progress import stages


@app.command()
def calc(
    files: Annotated[
        list[Path], typer.Argument(help="Casusbestand(en): .xlsx of .csv.", show_default=False)
    ],
    peildatum: Peildatum = None,
    horizon: Horizon = 0,
    params: ParamsFile = None,
    set_items: SetItems = None,
    price_year: PriceYear = None,
    by: Annotated[
        GroupBy | None, typer.Option("--by", help="Subtotalen en doel per gemeente of bestand.")
    ] = None,
    settle_cashable: Annotated[
        bool,
        typer.Option(
            "--settle-cashable",
            help="Verreken alleen de verzilverbare besparingen (uitkering, Wmo, deel GGZ).",
        ),
    ] = False,
    optimism_bias: Annotated[
        bool,
        typer.Option(
            "--optimism-bias",
            help="Toon ook het beeld met optimisme-correctie: kosten omhoog en besparingen "
            "omlaag naar de bewijskracht van elke parameter.",
        ),
    ] = False,
    bootstrap_draws: Annotated[
        int | None,
        typer.Option(
            "--bootstrap-draws",
            min=0,
            show_default=False,
            help="Trekkingen van de casus-bootstrap (U1); 0 zet hem uit. De rekentijd groeit "
            "met trekkingen × casussen. Standaard 10.000; boven 100.000 casussen minder "
            "(trekkingen × casussen ten hoogste 10^9, minstens 1.000), met een waarschuwing.",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed van de casus-bootstrap.")] = 42,
    output_format: Format = OutputFormat.tabel,
    output: Output = None,
    force: Force = False,
    cases: Annotated[
        str, typer.Option(help="Aantal casussen in de tabel, of 'all' voor alle.")
    ] = "20",
    allow_bsn: AllowBsn = False,
    lang: LangOption = Language.nl,
    timestamp: Annotated[
        bool,
        typer.Option(
            "--timestamp",
            help="Zet het tijdstip van de run in de verantwoording (anders is de uitvoer "
            "bij gelijke invoer byte voor byte gelijk).",
        ),
    ] = False,
    debug: Debug = False,
) -> None:
    """Bereken besparingen en kosten per casus en per partij, en of het doel is gehaald.

    Voorbeeld: werkzorg calc examples/drechtsteden-2018.xlsx --peildatum 2018-06-30
    """
    day, limit = parse_peildatum(peildatum, lang), parse_case_limit(cases, lang)
    kind = output_kind(output, lang=lang.value)
    with guard(debug, lang):
        from werkzorg_calc.engine.calc import calculate
        from werkzorg_calc.write.safe_write import check_target

        if output is not None:
            check_target(output, force=force, inputs=files)  # fail before the work
        with stages() as step:
            step("casussen lezen en controleren")
            table, parameters = gather_inputs(
                files,
                day,
                params_file=params,
                set_items=set_items,
                allow_bsn=allow_bsn,
                resolve=resolve_parameter_set,
            )
            group = by.value if by else ("bestand" if len(files) > 1 else None)
            step("berekenen")
            result = calculate(
                table,
                parameters,
                day,
                horizon,
                price_year=price_year,
                by=group,
                settle_cashable=settle_cashable,
                optimism_bias=optimism_bias,
                bootstrap_draws=bootstrap_draws,
                bootstrap_seed=seed,
            )
            language: Lang = lang.value
            provenance = run_provenance(
                result, params, set_items, allow_bsn, created=now() if timestamp else None
            )
            if output is not None and kind is not None:
                step(f"{output.name} schrijven")
                write_result(
                    result,
                    output,
                    kind,
                    force=force,
                    inputs=files,
                    lang=language,
                    cases=table,
                    provenance=provenance,
                )
        if output_format is OutputFormat.json:  # after the progress line is gone
            _write_json_to_stdout(result, provenance, language)
            return
        written = written_message(kind, output, language) if output and kind else None
        _print_calc_report(result, limit, language, written, provenance)


def _write_json_to_stdout(result: object, provenance: object, lang: "Lang") -> None:
    """The JSON document on stdout, copied out only once its last piece is made.

    The pieces (a block of cases each) are spooled (``write.text_file.write_whole_to``): an
    error or Ctrl-C while they are made leaves nothing on stdout for a pipe to take as a
    document, and the text never exists whole in memory.
    """
    from werkzorg_calc.domain.result import Result
    from werkzorg_calc.engine.provenance import Provenance
    from werkzorg_calc.write.json_document import result_json_pieces
    from werkzorg_calc.write.text_file import write_whole_to

    assert isinstance(result, Result) and isinstance(provenance, Provenance)
    pieces = itertools.chain(result_json_pieces(result, provenance, lang), ["\n"])
    sys.stdout.flush()  # what was printed before stays before the document
    write_whole_to(sys.stdout.buffer, pieces)
    sys.stdout.buffer.flush()


def _print_calc_report(
    result: object, limit: int | None, lang: "Lang", written: str | None, provenance: object
) -> None:
    from werkzorg_calc.domain.result import Result
    from werkzorg_calc.engine.provenance import Provenance
    from werkzorg_calc.report.explain import provenance_footer
    from werkzorg_calc.report.results import full_report

    assert isinstance(result, Result) and isinstance(provenance, Provenance)
    console = stdout_console()
    console.print(full_report(result, limit, lang, provenance_footer(provenance, lang)))
    if written is not None:
        console.print(written, markup=False)
