"""The framework's own words in Dutch: usage, help, errors, and "of" in every list of choices."""

from __future__ import annotations

import inspect
import subprocess
import sys

from typer.testing import CliRunner

from werkzorg_calc.cli import app
from werkzorg_calc.cli.dutch_framework import choice_list

runner = CliRunner()


def test_help_speaks_dutch() -> None:
    outcome = runner.invoke(app, ["calc", "--help"])
    assert outcome.exit_code == 0
    out = outcome.stdout
    assert out.startswith("Gebruik: werkzorg calc")
    assert "Opties:" in out
    assert "Argumenten:" in out
    assert "Toon dit bericht en stop." in out
    assert "[verplicht]" in out
    for english in ("Usage:", "Options:", "Show this message and exit", "[required]"):
        assert english not in out


def test_usage_errors_speak_dutch_and_list_choices_with_of() -> None:
    outcome = runner.invoke(app, ["calc", "x.xlsx", "--by", "xx"])
    assert outcome.exit_code == 2
    assert "Probeer 'werkzorg calc -h' voor hulp." in outcome.stderr
    assert (
        "Fout: Ongeldige waarde voor '--by': 'xx' is geen van 'gemeente' of 'bestand'"
        in outcome.stderr
    )
    outcome = runner.invoke(app, ["calc", "x.xlsx", "--horizon", "veel"])
    assert "Fout: Ongeldige waarde voor '--horizon': moet een geheel getal zijn" in outcome.stderr
    outcome = runner.invoke(app, ["calc"])
    assert "Fout: Argument 'files' ontbreekt." in outcome.stderr
    outcome = runner.invoke(app, ["calc", "x.xlsx", "--bogus"])
    assert "Fout: Onbekende optie: --bogus" in outcome.stderr
    outcome = runner.invoke(app, ["calc", "x.xlsx", "--peildatum"])
    assert "Fout: Optie '--peildatum' heeft een waarde nodig." in outcome.stderr
    assert "Error" not in outcome.stderr


def test_the_installed_command_speaks_dutch_too() -> None:
    """Not only under the test runner: ``python -m werkzorg_calc`` from a fresh process."""
    completed = subprocess.run(
        [sys.executable, "-m", "werkzorg_calc", "calc", "x.xlsx", "--lang", "fr"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert "Fout: Ongeldige waarde voor '--lang': 'fr' is geen van 'nl' of 'en'" in completed.stderr


def test_choices_are_listed_the_dutch_way() -> None:
    assert choice_list(["nl"]) == "'nl'"
    assert choice_list(["nl", "en"]) == "'nl' of 'en'"
    assert choice_list(["tabel", "json", "csv"]) == "'tabel', 'json' of 'csv'"


def test_help_imports_neither_pydantic_nor_pandas_nor_a_second_click() -> None:
    """The Dutch words cost nothing at start-up: ``werkzorg --help`` stays near ``import typer``.

    Typer's pydantic adapter (``typer._adapters``) is loaded only when a parameter is parsed;
    the Dutch choice wording is installed where that adapter will find it.
    """
    code = (
        "import runpy, sys\n"
        "sys.argv = ['werkzorg', '--help']\n"
        "try:\n"
        "    runpy.run_module('werkzorg_calc', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('pydantic', 'pydantic_core', 'pandas', 'click')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip().endswith("[]"), completed.stdout[-200:]


def test_command_signatures_are_real_objects_not_strings() -> None:
    """Typer evaluates string annotations with ``eval`` each time it builds the app, ``--help``
    included (about half of what ``--help`` spent after its imports); the command modules
    therefore do without ``from __future__ import annotations`` (``cli/__init__.py``)."""
    callbacks = [command.callback for command in app.registered_commands]
    assert len(callbacks) >= 8
    callbacks.append(app.registered_callback.callback if app.registered_callback else None)
    for callback in callbacks:
        assert callback is not None
        stringly = [
            name
            for name, annotation in inspect.get_annotations(callback).items()
            if isinstance(annotation, str)
        ]
        assert stringly == [], f"{callback.__name__}: {stringly}"
