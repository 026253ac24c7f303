"""Typer's and Click's own words in Dutch: usage, help, errors, and "of" in a list of choices.

Click and Typer word their messages through ``gettext`` (``from gettext import gettext as _``)
but ship no Dutch catalogue, and a catalogue would have to be a compiled ``.mo`` file found
through the process's locale. The command line is Dutch first whatever the locale, so this
module gives those modules a small catalogue of their own: their module-level ``_`` and
``ngettext`` names are replaced by look-ups here. Typer's choice check builds its message with
an f-string (no gettext), and its errors from pydantic pass through ``get_error_msg``; both are
replaced as well, the latter by the Dutch wording the case reader already uses.

Only the words change; behaviour and exit codes stay Click's.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

CATALOGUE: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Opdrachten",
    "Show this message and exit.": "Toon dit bericht en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "Error: {message}": "Fout: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "Missing argument": "Argument ontbreekt",
    "Missing option": "Optie ontbreekt",
    "Missing parameter": "Parameter ontbreekt",
    "Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Missing command.": "Opdracht ontbreekt.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such option: {name}": "Onbekende optie: {name}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Aborted!": "Afgebroken.",
    "required": "verplicht",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(dynamisch)",
    "argument": "argument",
    "option": "optie",
    "parameter": "parameter",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
}
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelt u {possibility}?",
        "(Bedoelt u een van: {possibilities}?)",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is geen {choice}.",
        "{value!r} is geen van {choices}.",
    ),
}
_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "click.termui",
    "typer.core",
    "typer._click.parser",
)


def translate(message: str) -> str:
    """The Dutch of one of Click's or Typer's messages; unknown ones stay as they are."""
    return CATALOGUE.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """The Dutch singular or plural of one of Click's counted messages."""
    dutch = PLURALS.get((singular, plural))
    if dutch is None:
        return singular if count == 1 else plural
    return dutch[0] if count == 1 else dutch[1]


def choice_list(choices: Sequence[str]) -> str:
    """``'gemeente' of 'bestand'``; ``'a', 'b' of 'c'``: the Dutch way to list choices."""
    quoted = [repr(choice) for choice in choices]
    if len(quoted) < 2:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " of " + quoted[-1]


def _dutch_choice(original: Callable[..., Any]) -> Callable[..., Any]:
    def coerce(value: Any, *, choices: Sequence[Any], **options: Any) -> Any:
        try:
            return original(value, choices=choices, **options)
        except ValueError:
            names = [str(c.value) if isinstance(c, Enum) else str(c) for c in choices]
            raise ValueError(f"{value!r} is geen van {choice_list(names)}") from None

    return coerce


def _dutch_error(exc: Any) -> str:
    """Typer's pydantic errors in Dutch: our own wording, or the message of a ValueError."""
    # Imported here: the problem catalogue is words for errors, not needed for --help.
    from werkzorg_calc.domain.validation_codes import validation_code
    from werkzorg_calc.text.issues import reason_text

    parts = []
    for error in exc.errors():
        if error["type"] == "value_error":
            cause = (error.get("ctx") or {}).get("error")
            parts.append(str(cause) if cause is not None else "ongeldige waarde")
        else:
            code, params = validation_code(error)
            parts.append(reason_text(code, params))
    return "; ".join(parts)


_MISSING = re.compile(r"^Missing (argument|option|parameter)( .*?)?\.(.*)$", re.DOTALL)
_MISSING_KIND = {"argument": "Argument", "option": "Optie", "parameter": "Parameter"}


def _missing_in_dutch(message: str) -> str:
    """``Missing argument 'files'.`` → ``Argument 'files' ontbreekt.``"""
    found = _MISSING.match(message)
    if found is None:
        return message
    kind, hint, rest = found.groups()
    return f"{_MISSING_KIND[kind]}{hint or ''} ontbreekt.{rest}"


_NEEDS_VALUE = re.compile(r"^Option (.+) requires (an argument|(\d+) arguments)\.$")


def _option_usage_in_dutch(message: str) -> str:
    """``Option '--peildatum' requires an argument.`` → ``Optie '--peildatum' heeft …``"""
    found = _NEEDS_VALUE.match(message)
    if found is None:
        return message
    name, _, count = found.groups()
    return f"Optie {name} heeft {count + ' waarden' if count else 'een waarde'} nodig."


def _show(self: Any, file: Any = None) -> None:
    """``UsageError.show`` in Dutch: usage, the hint to ``-h``, then ``Fout: …``."""
    echo = importlib.import_module("typer._click.utils").echo
    if file is None:
        file = importlib.import_module("typer._click._compat").get_text_stderr()
    ctx = getattr(self, "ctx", None)
    color = getattr(self, "show_color", None)
    if ctx is not None:
        color = ctx.color
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = f"Probeer '{ctx.command_path} {ctx.help_option_names[0]}' voor hulp.\n"
        echo(f"{ctx.get_usage()}\n{hint}", file=file, color=color)
    echo(f"Fout: {self.format_message()}", file=file, color=color)


def _wrap_message(cls: Any, change: Callable[[str], str]) -> None:
    original = cls.format_message
    if getattr(original, "_dutch", False):
        return

    def format_message(self: Any) -> str:
        return change(original(self))

    format_message._dutch = True  # type: ignore[attr-defined]
    cls.format_message = format_message


def _install_vendored_click() -> bool:
    """Typer 0.29 carries its own Click with its words in f-strings: reword them here.

    Returns whether it does; such a Typer never imports the Click package itself.
    """
    try:
        exceptions = importlib.import_module("typer._click.exceptions")
        formatting = importlib.import_module("typer._click.formatting")
        core = importlib.import_module("typer._click.core")
    except ImportError:  # Typer on top of Click: the gettext names above do the work
        return False
    exceptions.ClickException.show = _show
    exceptions.UsageError.show = _show
    _wrap_message(
        exceptions.BadParameter,
        lambda text: text.replace("Invalid value for ", "Ongeldige waarde voor ", 1).replace(
            "Invalid value: ", "Ongeldige waarde: ", 1
        ),
    )
    _wrap_message(exceptions.MissingParameter, _missing_in_dutch)
    _wrap_message(
        exceptions.NoSuchOption,
        lambda text: text.replace("No such option: ", "Onbekende optie: ", 1).replace(
            "(Possible options: ", "(mogelijke opties: ", 1
        ),
    )
    _wrap_message(exceptions.BadOptionUsage, _option_usage_in_dutch)
    write_usage = formatting.HelpFormatter.write_usage
    if not getattr(write_usage, "_dutch", False):

        def dutch_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            write_usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

        dutch_usage._dutch = True  # type: ignore[attr-defined]
        formatting.HelpFormatter.write_usage = dutch_usage
    get_help_option = core.Command.get_help_option
    if not getattr(get_help_option, "_dutch", False):

        def dutch_help_option(self: Any, ctx: Any) -> Any:
            option = get_help_option(self, ctx)
            if option is not None:
                option.help = CATALOGUE["Show this message and exit."]
            return option

        dutch_help_option._dutch = True  # type: ignore[attr-defined]
        core.Command.get_help_option = dutch_help_option
    return True


def install() -> None:
    """Give Click and Typer the Dutch words; safe to call more than once."""
    vendored = _install_vendored_click()
    for name in _MODULES:
        if vendored and name.startswith("click."):
            continue  # Typer does not use that Click: importing it only slows --help
        try:
            module = importlib.import_module(name)
        except ImportError:  # a Click or Typer version without this module
            continue
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural  # type: ignore[attr-defined]
    # typer._adapters imports pydantic (about 25 ms, more than Typer itself), and Typer loads it
    # only when a parameter is parsed. It takes coerce_cli_choice from typer._param_types, so
    # patching it there words the choices in Dutch without importing pydantic for --help.
    try:
        choices: Any = importlib.import_module("typer._param_types")
        coercion: Any = importlib.import_module("typer._coercion")
    except ImportError:  # an older Typer words choices through Click, translated above
        return
    adapters: Any = sys.modules.get("typer._adapters")
    for module in (choices, adapters):
        if module is not None and not getattr(module.coerce_cli_choice, "_dutch", False):
            dutch = _dutch_choice(module.coerce_cli_choice)
            dutch._dutch = True  # type: ignore[attr-defined]
            module.coerce_cli_choice = dutch
    if hasattr(coercion, "get_error_msg"):
        coercion.get_error_msg = _dutch_error
