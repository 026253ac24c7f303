"""The ``werkzorg`` command: the only module that prints, exits, or catches library errors.

Heavy libraries (pandas, pydantic, openpyxl, rich) are imported inside the commands, so
``werkzorg --help`` starts about as fast as Typer itself.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from .io.read import CaseTable
    from .labels import Lang
    from .parameters import ParameterSet

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
    """What a command prints on stdout."""

    tabel = "tabel"
    json = "json"


class Language(StrEnum):
    """Language of the labels a person reads (codes and JSON keys stay English)."""

    nl = "nl"
    en = "en"


class GroupBy(StrEnum):
    """What ``--by`` groups on."""

    gemeente = "gemeente"
    bestand = "bestand"


# Options shared by the commands, declared once.
Peildatum = Annotated[
    str | None,
    typer.Option(help="Peildatum JJJJ-MM-DD. Standaard: vandaag.", show_default=False),
]
Horizon = Annotated[
    int,
    typer.Option(min=0, max=600, help="Maanden na de peildatum om te projecteren (0: niet)."),
]
ParamsFile = Annotated[
    Path | None,
    typer.Option("--params", help="TOML-bestand met parameters (zie werkzorg params --export)."),
]
SetItems = Annotated[
    list[str] | None,
    typer.Option("--set", help="Parameter sleutel=waarde; mag vaker.", show_default=False),
]
PriceYear = Annotated[
    int | None,
    typer.Option("--price-year", help="Breng alle bedragen naar prijzen van dit jaar (CPI)."),
]
Format = Annotated[OutputFormat, typer.Option("--format", "-f", help="Uitvoer op het scherm.")]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Schrijf ook een Excel-bestand (.xlsx).")
]
Force = Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand uitvoerbestand.")]
AllowBsn = Annotated[
    bool,
    typer.Option("--allow-bsn", help="Sta BSN-kolommen toe; ze worden genegeerd en nooit getoond."),
]
LangOption = Annotated[Language, typer.Option("--lang", help="Taal van de labels (nl of en).")]
Debug = Annotated[bool, typer.Option("--debug", help="Toon bij een interne fout de traceback.")]


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


def _xlsx_output(output: Path | None) -> None:
    if output is not None and output.suffix.lower() != ".xlsx":
        raise typer.BadParameter("de uitvoer moet een .xlsx-bestand zijn", param_hint="--output")


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@contextlib.contextmanager
def _guard(debug: bool, lang: Language = Language.nl) -> Iterator[None]:
    """Turn library errors into messages (exit 1) and bugs into a short note (exit 3)."""
    from .errors import InputError, ParameterError, WerkzorgError

    try:
        yield
    except WerkzorgError as error:
        from rich.text import Text

        from .labels import text
        from .report import issue_table

        console = _stderr()
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
        _internal(exc, debug)


def _internal(exc: Exception, debug: bool) -> NoReturn:
    """An unexpected exception is a bug: a short message, the traceback only with --debug."""
    if debug:
        raise exc
    _stderr().print(
        f"[red]interne fout ({type(exc).__name__}).[/] Dit is een fout in werkzorg; "
        "draai opnieuw met --debug en meld de uitvoer (die bevat geen celwaarden)."
    )
    raise typer.Exit(EXIT_INTERNAL)


Resolved = TypeVar("Resolved")


def _inputs(
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
    from .errors import InputError, ParameterError
    from .io.read import load_case_files

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
                _stderr().print(Text("fout:", style="red"), Text(problem))
        raise
    if resolved is None:
        raise ParameterError(problems)
    return cases, resolved


def _parameters(files: list[Path], params_file: Path | None, items: list[str]) -> ParameterSet:
    from .session import resolve_parameters

    return resolve_parameters(files, params_file, items)


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
    day, limit = _peildatum(peildatum), _case_limit(cases)
    _xlsx_output(output)
    with _guard(debug, lang):
        from .calc import calculate
        from .io.safe_write import check_target

        if output is not None:
            check_target(output, force=force, inputs=files)  # fail before the work
        table, parameters = _inputs(
            files,
            day,
            params_file=params,
            set_items=set_items,
            allow_bsn=allow_bsn,
            resolve=_parameters,
        )
        group = by.value if by else ("bestand" if len(files) > 1 else None)
        result = calculate(table, parameters, day, horizon, price_year=price_year, by=group)
        language: Lang = lang.value
        from .provenance import build_provenance

        provenance = build_provenance(
            result,
            params_file=str(params) if params else None,
            set_items=set_items or [],
            allow_bsn=allow_bsn,
            created=_now() if timestamp else None,
        )
        if output is not None:
            from .io.excel_out import write_excel

            write_excel(
                result,
                output,
                force=force,
                inputs=files,
                lang=language,
                cases=table,
                provenance=provenance,
            )
        if output_format is OutputFormat.json:
            from .io.json_out import result_to_json

            sys.stdout.write(result_to_json(result, provenance) + "\n")
            return
        _print_calc_report(result, limit, language, output, provenance)


def _now() -> datetime:
    """The time of the run, to the second, in UTC (only with --timestamp)."""
    return datetime.now(UTC).replace(microsecond=0, tzinfo=None)


def _print_calc_report(
    result: object, limit: int | None, lang: Lang, output: Path | None, provenance: object
) -> None:
    from rich.console import Console

    from .labels import text
    from .provenance import Provenance
    from .report import full_report
    from .report_explain import provenance_footer
    from .result import Result

    assert isinstance(result, Result) and isinstance(provenance, Provenance)
    console = Console(highlight=False)
    console.print(full_report(result, limit, lang, provenance_footer(provenance, lang)))
    if output is not None:
        console.print(text("written", lang, path=output), markup=False)


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
    day = _peildatum(peildatum)
    _xlsx_output(output)
    scenario_files = [file for file in files if file.suffix.lower() == ".toml"]
    case_files = [file for file in files if file.suffix.lower() != ".toml"]
    if not case_files:
        raise typer.BadParameter("geef minstens één casusbestand", param_hint="FILES")
    with _guard(debug, lang):
        from .compare import compare as run_compare
        from .errors import ParameterError
        from .io.parameter_files import Scenario, read_scenario
        from .io.safe_write import check_target

        if output is not None:
            check_target(output, force=force, inputs=files)
        scenarios: list[Scenario] = []
        problems: list[str] = []
        for file in scenario_files:
            try:
                scenarios.append(read_scenario(file))
            except ParameterError as error:
                problems += error.problems
        if problems:
            raise ParameterError(problems)
        table, parameters = _inputs(
            case_files,
            day,
            params_file=params,
            set_items=set_items,
            allow_bsn=allow_bsn,
            resolve=_parameters,
        )
        comparison = run_compare(table, parameters, scenarios, day, horizon, price_year=price_year)
        language: Lang = lang.value
        if output is not None:
            from .io.excel_out import write_comparison_excel

            write_comparison_excel(comparison, output, force=force, inputs=files, lang=language)
        if output_format is OutputFormat.json:
            from .io.json_out import comparison_to_dict, to_json

            sys.stdout.write(to_json(comparison_to_dict(comparison)) + "\n")
            return
        from rich.console import Console

        from .labels import text
        from .report import comparison_report

        console = Console(highlight=False)
        console.print(comparison_report(comparison, language))
        if output is not None:
            console.print(text("written", language, path=output), markup=False)


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
    with _guard(debug, lang):
        from .session import resolve_parameters

        parameters = resolve_parameters(
            [case_file] if case_file else [], params_file, set_items or []
        )
        if export is not None:
            from .io.parameter_files import export_toml
            from .io.safe_write import atomic_target

            with atomic_target(export, force=force) as temporary:
                temporary.write_text(export_toml(parameters), encoding="utf-8")
            _stderr().print(f"geschreven: {export}", markup=False)
            return
        if output_format is OutputFormat.json:
            import json

            from .parameters import parameter_info

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
        from rich.console import Console

        from .report import parameter_table

        Console(highlight=False).print(parameter_table(parameters, lang.value))


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
    day = _peildatum(peildatum)
    with _guard(debug, lang):
        from rich.console import Console

        from .calc import imputation_warnings
        from .labels import text
        from .report import issue_table

        table, parameters = _inputs(
            files,
            day,
            params_file=params,
            set_items=set_items,
            allow_bsn=allow_bsn,
            resolve=_parameters,
        )
        warnings = table.warnings + imputation_warnings(table, parameters)
        console = Console(highlight=False)
        if warnings:
            console.print(issue_table(warnings, lang.value))
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
    _xlsx_output(output)
    with _guard(debug):
        from .io.template import write_template

        write_template(output, force=force)
        _stderr().print(f"geschreven: {output}", markup=False)


def main() -> None:
    """Entry point of the ``werkzorg`` console script."""
    app()


from werkzorg_calc import cli_explain as _cli_explain  # noqa: E402, F401  registers commands
from werkzorg_calc import cli_uncertainty as _cli_uncertainty  # noqa: E402, F401  registers commands
