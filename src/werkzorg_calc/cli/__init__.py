"""The ``werkzorg`` command line: the only layer that prints, exits, or chooses exit codes.

``app`` is the Typer app; importing this package registers every command on it. Each command
module imports the app, never the other way round.

The command modules do not use ``from __future__ import annotations``: Typer reads every
command's signature with ``typing.get_type_hints`` twice while it builds the app (even for
``--help``), and string annotations are then compiled and evaluated one by one (about 500
``eval`` calls, half of the 12 ms ``--help`` spends after its imports). Names imported only for
the type checker are quoted where a helper's signature uses them.
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
