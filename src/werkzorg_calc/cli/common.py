"""What every command shares: the error guard and exit codes, dates, outputs, inputs.

The guard is the one place where a library error becomes a message and an exit code.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from werkzorg_calc.domain.cases import CaseTable
    from werkzorg_calc.domain.parameters import ParameterSet
    from werkzorg_calc.domain.result import Result
    from werkzorg_calc.engine.provenance import Provenance

from werkzorg_calc.cli.options import Language
from werkzorg_calc.domain.errors import InputError, OutputError, ParameterError, WerkzorgError

EXIT_INPUT = 1
EXIT_USAGE = 2  # as Click and Typer exit on a bad option
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports `… | head`


_DAY_FIRST = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


def parse_peildatum(text: str | None, lang: Language = Language.nl) -> date:
    """``2018-06-30`` (ISO) or ``30-06-2018`` (day first, as the case file writes it).

    A bad date is a usage error (exit 2), as Click reports any bad option.
    """
    if text is None:
        return date.today()
    try:
        if match := _DAY_FIRST.fullmatch(text.strip()):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text.strip())
    except ValueError:
        message = (
            "schrijf de peildatum als JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2018-06-30 of "
            "30-06-2018"
            if lang is Language.nl
            else "write the reference date as YYYY-MM-DD or DD-MM-YYYY, e.g. 2018-06-30 or "
            "30-06-2018"
        )
        raise typer.BadParameter(message, param_hint="--peildatum") from None


def parse_case_limit(text: str, lang: Language = Language.nl) -> int | None:
    """``20`` or ``all``; anything else is a usage error (exit 2)."""
    if text.strip().lower() in {"all", "alle"}:
        return None
    if text.isdigit():
        return int(text)
    message = "geef een aantal of 'all'" if lang is Language.nl else "give a number or 'all'"
    raise typer.BadParameter(message, param_hint="--cases")


def run_provenance(
    result: Result,
    params: Path | None,
    set_items: list[str] | None,
    allow_bsn: bool,
    *,
    command: str = "calc",
    arguments: Sequence[str] = (),
    extra: Sequence[str] = (),
    created: datetime | None = None,
) -> Provenance:
    """The run's provenance from the options every command shares, with its own command line."""
    from werkzorg_calc.engine.provenance import build_provenance

    return build_provenance(
        result,
        params_file=str(params) if params else None,
        set_items=set_items or [],
        allow_bsn=allow_bsn,
        created=created,
        command=command,
        arguments=arguments,
        extra=extra,
    )


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@contextlib.contextmanager
def guard(debug: bool, lang: Language = Language.nl) -> Iterator[None]:
    """Turn library errors into messages and exit codes, in the chosen language.

    Exit 1: the input cannot be used. Exit 2: a usage error on the command line (``--set``).
    Exit 130: Ctrl-C. Exit 141: the reader of our output stopped (``| head``), quietly.
    Exit 3: a bug, in one short line (the traceback only with ``--debug``).
    """
    try:
        yield
        sys.stdout.flush()  # a closed pipe shows here, inside the guard, not at exit
    except WerkzorgError as error:
        raise typer.Exit(report_error(error, lang)) from None
    except BrokenPipeError:
        quiet_broken_pipe()
    except OSError as error:
        # Our own files and the input turn their OSErrors into messages where they are
        # opened; one that reaches here with a full or failing device is stdout's (> /dev/full).
        if error.errno not in _OUTPUT_FULL:
            internal_error(error, debug, lang)
        from werkzorg_calc.write.safe_write import write_failure_reason

        failed = OutputError("stdout_write_failed", _STDOUT, write_failure_reason(error))
        code = report_error(failed, lang)
        _stdout_to_devnull()  # Python would fail again when it flushes stdout at exit
        raise typer.Exit(code) from None
    except KeyboardInterrupt:
        from werkzorg_calc.text.issues import run_ending

        stderr_console().print(run_ending("interrupted", lang.value), markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Exception as exc:  # the one place where a bug becomes a message
        internal_error(exc, debug, lang)


def quiet_broken_pipe() -> NoReturn:
    """The program reading our output has gone: say nothing, exit as SIGPIPE would."""
    _stdout_to_devnull()  # Python would complain again when it flushes stdout at exit
    raise typer.Exit(EXIT_BROKEN_PIPE)


_STDOUT = "stdout"  # how a message names the standard output

# The errors of a device that takes no more output: full disk, quota, file too large, I/O.
_OUTPUT_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _stdout_to_devnull() -> None:
    """Point stdout at nothing, so what is left in its buffer is not written at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def stdout_console() -> Console:
    """The Rich console for a command's report on stdout.

    Rich ends the process with exit 1 when the reader of stdout goes away (``| head``); this
    one hands the broken pipe to ``guard`` instead, which exits 141 quietly, as for JSON.
    """
    from rich.console import Console

    class _PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _PipeConsole(highlight=False)


def report_error(error: WerkzorgError, lang: Language) -> int:
    """Print a library error on stderr in ``lang``; return the exit code it deserves."""
    from rich.text import Text

    from werkzorg_calc.report.issue_list import issue_report
    from werkzorg_calc.text.issues import error_messages
    from werkzorg_calc.text.labels import text

    console = stderr_console()
    prefix = Text(f"{text('error', lang.value)}:", style="red")
    parameters = error.parameters if isinstance(error, InputsError) else error
    inputs = error.inputs if isinstance(error, InputsError) else error
    usage = False
    if isinstance(parameters, ParameterError):
        usage = any(problem.from_command_line for problem in parameters.problems)
        for message in error_messages(parameters, lang.value):
            console.print(prefix, Text(message))
    if isinstance(inputs, InputError):
        errors = sum(issue.severity == "fout" for issue in inputs.issues)
        console.print(issue_report(inputs.issues, lang.value), crop=False)
        console.print(Text(text("errors_found", lang.value, n=errors), style="bold red"))
    elif not isinstance(parameters, ParameterError):
        for message in error_messages(error, lang.value):
            console.print(prefix, Text(message))
    return EXIT_USAGE if usage else EXIT_INPUT


def internal_error(exc: Exception, debug: bool, lang: Language = Language.nl) -> NoReturn:
    """An unexpected exception is a bug: a short message, the traceback only with --debug.

    The message names no exception class: that is for the maintainer, who gets it with --debug.
    """
    from rich.text import Text

    from werkzorg_calc.text.issues import run_ending

    if debug:
        raise exc
    stderr_console().print(Text(run_ending("internal_error", lang.value), style="red"))
    raise typer.Exit(EXIT_INTERNAL)


Resolved = TypeVar("Resolved")


class InputsError(WerkzorgError):
    """Problems in the case files and in the parameters at once: both are shown."""

    def __init__(self, inputs: InputError, parameters: ParameterError) -> None:
        self.inputs = inputs
        self.parameters = parameters
        super().__init__(f"{inputs}; {parameters}")


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
    from werkzorg_calc.read.cases import load_case_files

    resolved: Resolved | None = None
    parameter_error: ParameterError | None = None
    try:
        resolved = resolve(files, params_file, set_items or [])
    except ParameterError as error:
        parameter_error = error
    try:
        cases = load_case_files(files, day, allow_bsn=allow_bsn)
    except InputError as error:
        if parameter_error is not None:  # show the parameter problems too, then the table
            raise InputsError(error, parameter_error) from None
        raise
    if parameter_error is not None or resolved is None:
        raise parameter_error or ParameterError([])
    return cases, resolved


def resolve_parameter_set(
    files: list[Path], params_file: Path | None, items: list[str]
) -> ParameterSet:
    from werkzorg_calc.sources.parameters import resolve_parameters

    return resolve_parameters(files, params_file, items)


def now() -> datetime:
    """The time of the run, to the second, in UTC (only with --timestamp)."""
    return datetime.now(UTC).replace(microsecond=0, tzinfo=None)
