"""What every command shares: the error guard and exit codes, dates, outputs, inputs.

The guard is the one place where a library error becomes a message and an exit code.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.parameters import ParameterSet

from werkzorg_calc.cli.options import Language

EXIT_INPUT = 1
EXIT_INTERNAL = 3


def parse_peildatum(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(
            "schrijf de peildatum als JJJJ-MM-DD, bijvoorbeeld 2018-06-30", param_hint="--peildatum"
        ) from None


def parse_case_limit(text: str) -> int | None:
    if text.strip().lower() in {"all", "alle"}:
        return None
    if text.isdigit():
        return int(text)
    raise typer.BadParameter("geef een aantal of 'all'", param_hint="--cases")


def require_xlsx_output(output: Path | None) -> None:
    if output is not None and output.suffix.lower() != ".xlsx":
        raise typer.BadParameter("de uitvoer moet een .xlsx-bestand zijn", param_hint="--output")


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@contextlib.contextmanager
def guard(debug: bool, lang: Language = Language.nl) -> Iterator[None]:
    """Turn library errors into messages (exit 1) and bugs into a short note (exit 3)."""
    from werkzorg_calc.domain.errors import InputError, ParameterError, WerkzorgError

    try:
        yield
    except WerkzorgError as error:
        from rich.text import Text

        from werkzorg_calc.report.results import issue_table
        from werkzorg_calc.text.labels import text

        console = stderr_console()
        prefix = Text(f"{text('error', lang.value)}:", style="red")
        if isinstance(error, InputError):
            errors = sum(issue.severity == "fout" for issue in error.issues)
            console.print(issue_table(error.issues, lang.value))
            console.print(Text(text("errors_found", lang.value, n=errors), style="bold red"))
        elif isinstance(error, ParameterError):
            for problem in error.problems:
                console.print(prefix, Text(problem))
        else:
            console.print(prefix, Text(str(error)))
        raise typer.Exit(EXIT_INPUT) from None
    except Exception as exc:  # the one place where a bug becomes a message
        internal_error(exc, debug)


def internal_error(exc: Exception, debug: bool) -> NoReturn:
    """An unexpected exception is a bug: a short message, the traceback only with --debug."""
    if debug:
        raise exc
    stderr_console().print(
        f"[red]interne fout ({type(exc).__name__}).[/] Dit is een fout in werkzorg; "
        "draai opnieuw met --debug en meld de uitvoer (die bevat geen celwaarden)."
    )
    raise typer.Exit(EXIT_INTERNAL)


Resolved = TypeVar("Resolved")


def gather_inputs(
    files: list[Path],
    day: date,
    *,
    params_file: Path | None,
    set_items: list[str] | None,
    allow_bsn: bool,
    resolve: Callable[[list[Path], Path | None, list[str]], Resolved],
) -> tuple[CaseTable, Resolved]:
    """Cases from every file and parameters from every source, all problems at once.

    ``resolve`` turns the parameter sources into what the command needs (the parameter set,
    or for the uncertainty commands the parameter set and the distributions).
    """
    from werkzorg_calc.domain.errors import InputError, ParameterError
    from werkzorg_calc.read.cases import load_case_files

    resolved: Resolved | None = None
    problems: list[str] = []
    try:
        resolved = resolve(files, params_file, set_items or [])
    except ParameterError as error:
        problems = list(error.problems)
    try:
        cases = load_case_files(files, day, allow_bsn=allow_bsn)
    except InputError:
        if problems:  # show the parameter problems too, then the file's table
            from rich.text import Text

            for problem in problems:
                stderr_console().print(Text("fout:", style="red"), Text(problem))
        raise
    if resolved is None:
        raise ParameterError(problems)
    return cases, resolved


def resolve_parameter_set(
    files: list[Path], params_file: Path | None, items: list[str]
) -> ParameterSet:
    from werkzorg_calc.sources.parameters import resolve_parameters

    return resolve_parameters(files, params_file, items)


def now() -> datetime:
    """The time of the run, to the second, in UTC (only with --timestamp)."""
    return datetime.now(UTC).replace(microsecond=0, tzinfo=None)
