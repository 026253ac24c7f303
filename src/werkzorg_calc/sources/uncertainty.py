"""Parameters and distributions from every source, in the order of ``session.py``.

Precedence (later wins): defaults < a workbook ``Parameters`` sheet < ``--params FILE.toml`` <
``--set``. Keys under ``uncertainty.`` (a TOML table ``[uncertainty.KEY]``, a sheet row
``uncertainty.KEY.sd`` or ``--set uncertainty.KEY.sd=…``) change distributions; every other
key changes a parameter as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from werkzorg_calc.domain.errors import ParameterError, ParameterProblem
from werkzorg_calc.domain.parameters import Override, ParameterSet, apply_overrides, default_set
from werkzorg_calc.engine.uncertainty.distributions import (
    PREFIX,
    DistributionSpec,
    apply_distribution_overrides,
    default_distributions,
)
from werkzorg_calc.sources.parameters import gather_overrides


def split_overrides(
    overrides: Sequence[Override],
) -> tuple[list[Override], list[Override]]:
    """Parameter overrides, and distribution overrides (keys starting with ``uncertainty.``)."""
    plain = [item for item in overrides if not item.key.startswith(PREFIX)]
    uncertain = [item for item in overrides if item.key.startswith(PREFIX)]
    return plain, uncertain


def resolve_uncertainty(
    case_files: Sequence[str | Path] = (),
    params_file: str | Path | None = None,
    set_items: Sequence[str] = (),
) -> tuple[ParameterSet, dict[str, DistributionSpec]]:
    """Parameters and distributions with the command's precedence.

    Raises ``ParameterError`` listing every problem in both, each with its origin.
    """
    overrides = gather_overrides(case_files, params_file, set_items)
    plain, uncertain = split_overrides(overrides)
    problems: list[ParameterProblem] = []
    parameters = default_set()
    specs = default_distributions()
    try:
        parameters = apply_overrides(default_set(), plain)
    except ParameterError as error:
        problems += error.problems
    try:
        specs = apply_distribution_overrides(default_distributions(), uncertain)
    except ParameterError as error:
        problems += error.problems
    if problems:
        raise ParameterError(problems)
    return parameters, specs
