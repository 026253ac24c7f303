"""The ``werkzorg`` command: the only module that prints, exits, or catches library errors.

Heavy libraries (pandas, pydantic, openpyxl, rich) are imported inside the commands, so
``werkzorg --help`` starts about as fast as Typer itself.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from .errors import WerkzorgError

EXIT_INPUT = 1
EXIT_INTERNAL = 3

app = typer.Typer(
    name="werkzorg",
    help=(
        "werkzorg: de maatschappelijke business case van Werk als Beste Zorg, per casus "
        "en per partij (gemeente, UWV, zorgverzekeraar, GGZ-instelling)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    # Plain help: Rich-formatted help would import rich and double the start-up time.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(StrEnum):
    """What ``calc`` prints on stdout."""

    tabel = "tabel"
    json = "json"


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"werkzorg {version('werkzorg-calc')}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie."),
    ] = False,
) -> None:
    """werkzorg: kosten en baten van Werk als Beste Zorg, per casus en per partij."""


def _peildatum(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(
            "schrijf de peildatum als JJJJ-MM-DD, bijvoorbeeld 2018-06-30", param_hint="--peildatum"
        ) from None


def _case_limit(text: str) -> int | None:
    if text.strip().lower() in {"all", "alle"}:
        return None
    if text.isdigit():
        return int(text)
    raise typer.BadParameter("geef een aantal of 'all'", param_hint="--cases")


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def _fail(error: WerkzorgError) -> NoReturn:
    """Show a library error as Dutch text (a table for input problems) and exit 1."""
    from .errors import InputError, ParameterError
    from .report import issue_table

    console = _stderr()
    if isinstance(error, InputError):
        errors = sum(issue.severity == "fout" for issue in error.issues)
        console.print(issue_table(error.issues))
        console.print(f"[bold red]{errors} fout(en) gevonden; er is niets berekend.[/]")
    elif isinstance(error, ParameterError):
        for problem in error.problems:
            console.print(f"[red]fout:[/] {problem}", markup=True, highlight=False)
    else:
        console.print(f"[red]fout:[/] {error}", highlight=False)
    raise typer.Exit(EXIT_INPUT)


def _internal(exc: Exception, debug: bool) -> NoReturn:
    """An unexpected exception is a bug: a short message, the traceback only with --debug."""
    if debug:
        raise exc
    _stderr().print(
        f"[red]interne fout ({type(exc).__name__}).[/] Dit is een fout in werkzorg; "
        "draai opnieuw met --debug en meld de uitvoer (die bevat geen celwaarden).",
        highlight=False,
    )
    raise typer.Exit(EXIT_INTERNAL)


@app.command()
def calc(
    file: Annotated[Path, typer.Argument(help="Casusbestand (.xlsx of .csv).", show_default=False)],
    peildatum: Annotated[
        str | None,
        typer.Option(help="Peildatum JJJJ-MM-DD. Standaard: vandaag.", show_default=False),
    ] = None,
    horizon: Annotated[
        int,
        typer.Option(min=0, max=600, help="Maanden na de peildatum om te projecteren (0: niet)."),
    ] = 0,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Uitvoer op het scherm.")
    ] = OutputFormat.tabel,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Schrijf ook een Excel-samenvatting (.xlsx)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overschrijf een bestaand uitvoerbestand.")
    ] = False,
    cases: Annotated[
        str, typer.Option(help="Aantal casussen in de tabel, of 'all' voor alle.")
    ] = "20",
    allow_bsn: Annotated[
        bool,
        typer.Option(
            "--allow-bsn", help="Sta BSN-kolommen toe; ze worden genegeerd en nooit getoond."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Toon bij een interne fout de traceback.")
    ] = False,
) -> None:
    """Bereken besparingen en kosten per casus en per partij, en of het doel is gehaald.

    Voorbeeld: werkzorg calc examples/drechtsteden-2018.xlsx --peildatum 2018-06-30
    """
    day = _peildatum(peildatum)
    limit = _case_limit(cases)
    if output is not None and output.suffix.lower() != ".xlsx":
        raise typer.BadParameter("de uitvoer moet een .xlsx-bestand zijn", param_hint="--output")
    from .errors import WerkzorgError

    try:
        _run_calc(
            file,
            day,
            horizon=horizon,
            output_format=output_format,
            output=output,
            force=force,
            limit=limit,
            allow_bsn=allow_bsn,
        )
    except WerkzorgError as error:
        _fail(error)
    except Exception as exc:  # the one place where a bug becomes a message
        _internal(exc, debug)


def _run_calc(
    file: Path,
    day: date,
    *,
    horizon: int,
    output_format: OutputFormat,
    output: Path | None,
    force: bool,
    limit: int | None,
    allow_bsn: bool,
) -> None:
    from rich.console import Console

    from .calc import calculate
    from .io.read import load_cases
    from .io.safe_write import check_target
    from .parameters import default_parameters

    if output is not None:
        check_target(output, force=force, inputs=[file])  # fail before the work, not after
    table = load_cases(file, day, allow_bsn=allow_bsn)
    result = calculate(table, default_parameters(), day, horizon)
    if output is not None:
        from .io.excel_out import write_excel

        write_excel(result, output, force=force, inputs=[file])
    if output_format is OutputFormat.json:
        from .io.json_out import result_to_json

        sys.stdout.write(result_to_json(result) + "\n")
        return
    from .report import full_report

    console = Console(highlight=False)
    console.print(full_report(result, limit))
    if output is not None:
        console.print(f"Excel-samenvatting geschreven: {output}", markup=False)


def main() -> None:
    """Entry point of the ``werkzorg`` console script."""
    app()
