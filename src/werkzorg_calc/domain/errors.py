"""Typed errors the library raises; the CLI words them (Dutch or English) and picks exit codes.

A problem is data, as frictionless-py's errors are: a stable English ``code`` (``date_invalid``,
``duplicate_id``), its ``params`` (only safe values: column names and letters, counts, limits,
dates the user gave on the command line; never a cell value, since cells may hold health data)
and its place. The words live in ``text/issues.py``; nothing here knows a language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Severity = Literal["fout", "waarschuwing"]
# A value a message may show. Tuples of ints are row numbers; tuples of pairs are places in
# other files (file, row). Never a cell's content.
Param = str | int | float | date | tuple[int, ...] | tuple[tuple[str, int], ...]
Params = Mapping[str, Param]


@dataclass(frozen=True, slots=True)
class InputIssue:
    """One problem or remark about an input file, located as a person sees it in Excel.

    ``row`` is the Excel row number (header row included in the count) and ``column`` the
    column letter; either is ``None`` when the issue concerns the whole file or sheet.
    ``code`` names the problem and ``params`` fill its message (see ``text.issues``).
    """

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    code: str
    params: Params = field(default_factory=dict, hash=False)
    severity: Severity = "fout"

    @classmethod
    def about_file(cls, file: str, code: str, **params: Param) -> InputIssue:
        """An error about the file as a whole (no sheet, row or column to point at)."""
        return cls(file, None, None, None, code, params)


class WerkzorgError(Exception):
    """Base class for every error the library raises on purpose."""


class InputError(WerkzorgError):
    """An input file cannot be used; carries every problem found, not just the first."""

    def __init__(self, issues: Sequence[InputIssue]) -> None:
        self.issues: tuple[InputIssue, ...] = tuple(issues)
        errors = sum(issue.severity == "fout" for issue in self.issues)
        codes = ", ".join(dict.fromkeys(issue.code for issue in self.issues))
        noun = "error" if errors == 1 else "errors"
        super().__init__(f"{errors} {noun} in the input: {codes}")

    @classmethod
    def about_file(cls, file: str, code: str, **params: Param) -> InputError:
        """One problem with the file as a whole (no sheet, row or column to point at)."""
        return cls([InputIssue.about_file(file, code, **params)])


@dataclass(frozen=True, slots=True)
class ParameterProblem:
    """One bad parameter or scenario setting: where it was written, its code and params.

    ``origin`` is the place as ``Override.origin`` spells it (``scenario.toml, regel 4``,
    ``--set deadweight``); empty when the problem has no single place.
    """

    origin: str
    code: str
    params: Params = field(default_factory=dict, hash=False)

    @property
    def from_command_line(self) -> bool:
        """Whether the user typed it as an option (``--set``): a usage error, exit code 2."""
        return self.origin.startswith("--set")


class ParameterError(WerkzorgError):
    """One or more parameter overrides are unknown or out of range."""

    def __init__(self, problems: Sequence[ParameterProblem]) -> None:
        self.problems: tuple[ParameterProblem, ...] = tuple(problems)
        super().__init__("; ".join(f"{p.origin}: {p.code}" for p in self.problems))


class OutputError(WerkzorgError):
    """An output file cannot be written (exists, is the input, is locked, disk full, …).

    ``path`` is the file or folder the message is about; ``reason`` names an operating-system
    cause (``disk_full``, ``read_only``…) when there is one.
    """

    def __init__(self, code: str, path: str, reason: str | None = None) -> None:
        self.code = code
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {code}" + (f" ({reason})" if reason else ""))
