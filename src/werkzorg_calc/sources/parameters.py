"""Putting a run together: case files plus parameters from every place, in order of precedence.

Precedence (later wins): package defaults < a ``Parameters`` sheet in a case workbook <
``--params FILE.toml`` < ``--set key=value``. Kept apart from the CLI so scripts get the same
behaviour as the command.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from werkzorg_calc.domain.parameters import Override, ParameterSet, apply_overrides, default_set
from werkzorg_calc.read.parameter_files import (
    parse_set_option,
    read_parameter_sheet,
    read_parameters_toml,
)
from werkzorg_calc.read.table import ZIP_MAGIC

UNCERTAINTY_PREFIX = "uncertainty."


def _is_workbook(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == ZIP_MAGIC
    except OSError:
        return False  # the case reader reports a missing or unreadable file itself


def gather_overrides(
    case_files: Sequence[str | Path] = (),
    params_file: str | Path | None = None,
    set_items: Sequence[str] = (),
) -> list[Override]:
    """Every override in order of precedence: workbook sheets, the TOML file, ``--set``."""
    overrides: list[Override] = []
    for file in case_files:
        path = Path(file)
        if _is_workbook(path):
            overrides.extend(read_parameter_sheet(path, str(file)))
    if params_file is not None:
        overrides.extend(read_parameters_toml(Path(params_file)))
    overrides.extend(parse_set_option(set_items))
    return overrides


def resolve_parameters(
    case_files: Sequence[str | Path] = (),
    params_file: str | Path | None = None,
    set_items: Sequence[str] = (),
) -> ParameterSet:
    """Defaults, then workbook ``Parameters`` sheets, then a TOML file, then ``--set`` items.

    Raises ``ParameterError`` listing every unknown key and bad value with its origin.
    """
    overrides = gather_overrides(case_files, params_file, set_items)
    # [uncertainty.KEY] settings belong to sensitivity and simulate (resolve_uncertainty); one
    # parameters file serves every command, so the others pass over them.
    values = [item for item in overrides if not item.key.startswith(UNCERTAINTY_PREFIX)]
    return apply_overrides(default_set(), values)
