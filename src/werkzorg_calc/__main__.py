"""``python -m werkzorg_calc`` runs the ``werkzorg`` command."""

from werkzorg_calc.cli import main

main()
