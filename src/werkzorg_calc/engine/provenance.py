"""Where a result came from: the tool, the input files, the parameters, and how to run it again.

Everything here is derived from the ``Result`` and the arguments of the run, so two runs on the
same files with the same options give the same provenance. Only ``created`` carries the time of
the run, and only when asked for (``werkzorg calc --timestamp``).
"""

from __future__ import annotations

import hashlib
import json
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from werkzorg_calc.domain.parameters import Parameters, default_parameters

if TYPE_CHECKING:
    from werkzorg_calc.domain.result import Result

PROGRAM = "werkzorg"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One case file as read: its name as given, SHA-256, sheet, header row and case count."""

    file: str
    sha256: str
    sheet: str | None
    header_row: int
    cases: int


@dataclass(frozen=True, slots=True)
class ParameterChange:
    """A parameter that differs from the package default, and where it was set."""

    key: str
    value: object
    default: object
    origin: str


@dataclass(frozen=True, slots=True)
class Provenance:
    """What a reviewer needs to trust and repeat a run.

    ``parameters_sha256`` fingerprints every parameter value (not only the changed ones), so two
    runs with the same fingerprint used the same numbers; ``command`` reproduces the run from the
    same files; ``created`` (UTC, naive) is ``None`` unless the time was asked for.
    """

    program: str
    version: str
    inputs: tuple[InputFile, ...]
    peildatum: date
    horizon: int
    price_year: int | None
    group_by: str | None
    parameters_sha256: str
    changes: tuple[ParameterChange, ...]
    command: str
    created: datetime | None

    @property
    def created_text(self) -> str | None:
        """``created`` as ISO 8601 in UTC (``2026-03-01T09:30:00Z``), or ``None``."""
        return self.created.isoformat() + "Z" if self.created else None

    def to_dict(self) -> dict[str, Any]:
        """The ``provenance`` block of the JSON documents (``docs/json.md``)."""
        return {
            "program": self.program,
            "version": self.version,
            "inputs": [
                {
                    "file": item.file,
                    "sha256": item.sha256,
                    "sheet": item.sheet,
                    "header_row": item.header_row,
                    "cases": item.cases,
                }
                for item in self.inputs
            ],
            "peildatum": self.peildatum.isoformat(),
            "horizon_months": self.horizon,
            "price_year": self.price_year,
            "group_by": self.group_by,
            "parameters_sha256": self.parameters_sha256,
            "changed_parameters": [
                {
                    "key": change.key,
                    "value": change.value,
                    "default": change.default,
                    "origin": change.origin,
                }
                for change in self.changes
            ],
            "command": self.command,
            "created": self.created_text,
        }


def tool_version() -> str:
    """The installed version of werkzorg (``onbekend`` when run from an uninstalled tree)."""
    try:
        return version("werkzorg-calc")
    except PackageNotFoundError:
        return "onbekend"


def parameters_hash(parameters: Parameters) -> str:
    """SHA-256 of every parameter value, keys sorted: equal fingerprints, equal numbers."""
    canonical = json.dumps(parameters.flat(), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _set_value(value: object) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value)


def reproduce_command(
    result: Result,
    *,
    params_file: str | None = None,
    set_items: Sequence[str] | None = None,
    allow_bsn: bool = False,
    command: str = "calc",
    arguments: Sequence[str] = (),
    extra: Sequence[str] = (),
) -> str:
    """The ``werkzorg calc`` command line that gives ``result`` again from the same files.

    ``command``, ``arguments`` and ``extra`` name another command, its further files and its
    own options (``compare`` and the scenario files, ``simulate`` with ``--draws 10000 --seed
    42``), so those runs can be repeated too.

    The peildatum is always written out (its default, today, would change the answer).
    ``set_items`` are the ``--set`` items as given; without them (a run from Python) every
    changed parameter becomes a ``--set`` item, except those the case workbook's own
    ``Parameters`` sheet sets, which are read again from the file.
    """
    files = [source.file for source in result.sources]
    words = [PROGRAM, command, *files, *arguments, "--peildatum", result.peildatum.isoformat()]
    words += extra
    if result.horizon:
        words += ["--horizon", str(result.horizon)]
    if result.price_year is not None:
        words += ["--price-year", str(result.price_year)]
    implied = "bestand" if len(files) > 1 else None
    if result.group_by is not None and result.group_by != implied:
        words += ["--by", result.group_by]
    if params_file is not None:
        words += ["--params", params_file]
    if set_items is None:
        sheets = tuple(f"{file}, blad " for file in files)
        set_items = [
            f"{key}={_set_value(value)}"
            for key, value in result.changed_parameters.items()
            if not result.parameter_origins.get(key, "").startswith(sheets)
        ]
    for item in set_items:
        words += ["--set", item]
    if allow_bsn:
        words.append("--allow-bsn")
    return shlex.join(words)


def build_provenance(
    result: Result,
    *,
    params_file: str | None = None,
    set_items: Sequence[str] | None = None,
    allow_bsn: bool = False,
    created: datetime | None = None,
    command: str = "calc",
    arguments: Sequence[str] = (),
    extra: Sequence[str] = (),
) -> Provenance:
    """The provenance of ``result``; the CLI passes the options it was given.

    ``params_file``, ``set_items`` and ``allow_bsn`` are the run's arguments that are not in
    the result; ``created`` is the time of the run, only when it should be recorded;
    ``command``, ``arguments`` and ``extra`` as in ``reproduce_command``.
    Example::

        provenance = build_provenance(result)
        provenance.command  # 'werkzorg calc cases.xlsx --peildatum 2018-06-30'
    """
    defaults = default_parameters().flat()
    changes = tuple(
        ParameterChange(key, value, defaults[key], result.parameter_origins.get(key, "Python"))
        for key, value in result.changed_parameters.items()
    )
    return Provenance(
        program=PROGRAM,
        version=tool_version(),
        inputs=tuple(
            InputFile(source.file, source.sha256, source.sheet, source.header_row, source.cases)
            for source in result.sources
        ),
        peildatum=result.peildatum,
        horizon=result.horizon,
        price_year=result.price_year,
        group_by=result.group_by,
        parameters_sha256=parameters_hash(result.parameters),
        changes=changes,
        command=reproduce_command(
            result,
            params_file=params_file,
            set_items=set_items,
            allow_bsn=allow_bsn,
            command=command,
            arguments=arguments,
            extra=extra,
        ),
        created=created,
    )
