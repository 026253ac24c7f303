"""Where parameter values come from besides the defaults: TOML files, a workbook sheet, --set.

Each value is read as an ``Override`` that remembers where it was written (file and line, or
sheet and row), so an error, the report and every output can point back to it.
"""

from __future__ import annotations

import io
import re
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from werkzorg_calc.domain.columns import normalise_name
from werkzorg_calc.domain.errors import ParameterError, ParameterProblem
from werkzorg_calc.domain.parameter_values import read_value
from werkzorg_calc.domain.parameters import Override
from werkzorg_calc.domain.scenario import Scenario
from werkzorg_calc.read.package import check_package, sheet_names

_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*=")
_INLINE_KEY = re.compile(r"[{,]\s*([A-Za-z0-9_-]+)\s*=")
_TOML_PLACE = re.compile(r"at line (\d+), column (\d+)")
SCENARIO_KEYS = ("name", "description", "horizon")


def _key_lines(text: str) -> dict[str, int]:
    """Line number of every ``key =`` in a TOML text, keyed as ``table.key``.

    Lines inside a multi-line string are not keys; an inline table ``payers = {a = 1}`` gives
    its keys the line of the table.
    """
    lines: dict[str, int] = {}
    table = ""
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        starts_inside = in_string is not None
        for quote in ('"""', "'''"):
            if in_string in (None, quote) and line.count(quote) % 2 == 1:
                in_string = None if in_string == quote else quote
        if starts_inside:
            continue
        if match := _TABLE.match(line):
            table = match.group(1)
        elif match := _KEY.match(line):
            key = f"{table}.{match.group(1)}" if table else match.group(1)
            lines.setdefault(key, number)
            rest = line[match.end() :].strip()
            if rest.startswith("{"):
                for inner in _INLINE_KEY.findall(rest):
                    lines.setdefault(f"{key}.{inner}", number)
    return lines


def _flatten(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _read_toml(path: Path) -> tuple[dict[str, Any], dict[str, int], str]:
    display = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ParameterError([ParameterProblem(display, "params_file_not_found")]) from None
    except (OSError, UnicodeDecodeError):
        raise ParameterError([ParameterProblem(display, "params_file_not_text")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's own sentence is English; keep only where the fault is.
        found = _TOML_PLACE.search(str(exc))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
        problem = ParameterProblem(display, "toml_invalid", {"line": line, "column": column})
        raise ParameterError([problem]) from None
    return data, _key_lines(text), display


def _overrides(
    data: dict[str, Any], lines: dict[str, int], display: str, skip: Sequence[str] = ()
) -> tuple[Override, ...]:
    return tuple(
        Override(key, value, f"{display}, regel {lines.get(key, '?')}")
        for key, value in _flatten(data)
        if key not in skip
    )


def read_parameters_toml(path: Path) -> tuple[Override, ...]:
    """Overrides from a ``--params`` TOML file (as written by ``werkzorg params --export``)."""
    data, lines, display = _read_toml(path)
    return _overrides(data, lines, display)


def read_scenario(path: Path) -> Scenario:
    """A scenario file: ``name``, ``description``, optional ``horizon``, then overrides."""
    data, lines, display = _read_toml(path)
    problems: list[ParameterProblem] = []
    name = data.get("name", path.stem)
    description = data.get("description", "")
    horizon = data.get("horizon")
    if not isinstance(name, str) or not name.strip():
        origin = f"{display}, regel {lines.get('name', '?')}"
        problems.append(ParameterProblem(origin, "scenario_name_not_text"))
    if not isinstance(description, str):
        problems.append(ParameterProblem(display, "scenario_description_not_text"))
    if horizon is not None and (
        isinstance(horizon, bool) or not isinstance(horizon, int) or not 0 <= horizon <= 600
    ):
        origin = f"{display}, regel {lines.get('horizon', '?')}"
        problems.append(ParameterProblem(origin, "scenario_horizon"))
    if problems:
        raise ParameterError(problems)
    return Scenario(
        name=str(name).strip(),
        description=str(description),
        overrides=_overrides(data, lines, display, SCENARIO_KEYS),
        horizon=horizon,
        file=display,
    )


def parse_set_option(items: Sequence[str]) -> tuple[Override, ...]:
    """``--set key=value`` items; the values are read as in TOML and the Parameters sheet."""
    overrides = []
    problems = []
    for item in items:
        key, sign, text = item.partition("=")
        if not sign or not key.strip():
            problems.append(ParameterProblem(f"--set {item}", "set_without_equals"))
            continue
        # The one reading every entry point's values get (domain.parameter_values).
        overrides.append(Override(key.strip(), read_value(text), f"--set {key.strip()}"))
    if problems:
        raise ParameterError(problems)
    return tuple(overrides)


_MAX_PARAMETER_ROWS = 1_000  # a parameter sheet lists a few dozen keys
_MAX_PARAMETER_COLUMNS = 20
_KEY_HEADERS = {"parameter", "key", "sleutel", "naam"}
_VALUE_HEADERS = {"waarde", "value"}


def read_parameter_sheet(path: Path, display: str) -> tuple[Override, ...]:
    """Overrides from a sheet named ``Parameters`` in the case workbook, if it has one.

    The sheet has a header row with a ``parameter`` (or ``key``) and a ``waarde`` (or
    ``value``) column; rows with an empty value are skipped, so a sheet listing every
    parameter changes only what was filled in.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return ()  # the case reader reports an unreadable file in its own words
    check_package(data, display)  # a zip bomb is refused here too, before any parsing
    names = sheet_names(data)
    if names is not None and not any(normalise_name(name) == "parameters" for name in names):
        return ()  # the common case, answered without opening the workbook
    # Imported only for a workbook with a Parameters sheet: openpyxl costs 0.2 s to import.
    import openpyxl  # noqa: PLC0415
    from openpyxl.xml import DEFUSEDXML  # noqa: PLC0415

    if not DEFUSEDXML:
        return ()
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a damaged workbook: the case reader reports it with its location
        return ()
    try:
        return _sheet_overrides(workbook, display)
    except ParameterError:
        raise
    except Exception:  # same: the parser may raise anything on a broken sheet
        return ()
    finally:
        workbook.close()


def _sheet_overrides(workbook: Any, display: str) -> tuple[Override, ...]:
    sheet = next(
        (ws for ws in workbook.worksheets if normalise_name(ws.title) == "parameters"), None
    )
    if sheet is None:
        return ()
    sheet.reset_dimensions()  # never trust the stated size
    rows = sheet.iter_rows(values_only=True, max_col=_MAX_PARAMETER_COLUMNS)
    header = next(rows, ())
    names = [normalise_name(str(cell)) if cell is not None else "" for cell in header]
    key_column = next((i for i, name in enumerate(names) if name in _KEY_HEADERS), None)
    value_column = next((i for i, name in enumerate(names) if name in _VALUE_HEADERS), None)
    if key_column is None or value_column is None:
        origin = f"{display}, blad {sheet.title}, rij 1"
        raise ParameterError([ParameterProblem(origin, "parameter_sheet_columns")])
    overrides = []
    for number, cells in enumerate(rows, start=2):
        if number > _MAX_PARAMETER_ROWS:
            break
        key = cells[key_column] if key_column < len(cells) else None
        value = cells[value_column] if value_column < len(cells) else None
        if key is None or value is None or (isinstance(value, str) and not value.strip()):
            continue
        origin = f"{display}, blad {sheet.title}, rij {number}"
        overrides.append(Override(str(key).strip(), value, origin))
    return tuple(overrides)
