"""The Typer app of ``werkzorg``: its name, help and version flag. Commands import it.

Heavy libraries (pandas, pydantic, openpyxl, rich) are imported inside the commands, so
``werkzorg --help`` starts about as fast as Typer itself.
"""

from typing import Annotated

import typer

from werkzorg_calc.cli.dutch_framework import install

install()  # Click's and Typer's own words (Usage, Options, Error: …) in Dutch

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
