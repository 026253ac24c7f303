"""The ``werkzorg`` command line: the only layer that prints, exits, or chooses exit codes.

``app`` is the Typer app; importing this package registers every command on it. Each command
module imports the app, never the other way round.
"""

from __future__ import annotations

from werkzorg_calc.cli import (  # noqa: F401 - imported for their side effect: registering commands
    calc_command,
    check_command,
    compare_command,
    explain_command,
    law_commands,
    norms_command,
    params_command,
    uncertainty_commands,
)
from werkzorg_calc.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``werkzorg`` console script."""
    app()
