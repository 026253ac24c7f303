"""Putting a run together: case files plus parameters from every place, in order of precedence.

Precedence (later wins): package defaults < a ``Parameters`` sheet in a case workbook <
``--params FILE.toml`` < ``--set key=value``. Kept apart from the CLI so scripts get the same
behaviour as the command.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .io.parameter_files import parse_set_option, read_parameter_sheet, read_parameters_toml
from .io.raw import ZIP_MAGIC
from .parameters import Override, ParameterSet, apply_overrides, default_set


def _is_workbook(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == ZIP_MAGIC
    except OSError:
        return False  # the case reader reports a missing or unreadable file itself


def resolve_parameters(
    case_files: Sequence[str | Path] = (),
    params_file: str | Path | None = None,
    set_items: Sequence[str] = (),
) -> ParameterSet:
    """Defaults, then workbook ``Parameters`` sheets, then a TOML file, then ``--set`` items.

    Raises ``ParameterError`` listing every unknown key and bad value with its origin.
    """
    overrides: list[Override] = []
    for file in case_files:
        path = Path(file)
        if _is_workbook(path):
            overrides.extend(read_parameter_sheet(path, str(file)))
    if params_file is not None:
        overrides.extend(read_parameters_toml(Path(params_file)))
    overrides.extend(parse_set_option(set_items))
    return apply_overrides(default_set(), overrides)
