"""Typed errors the library raises; the CLI turns them into Dutch messages and exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, slots=True)
class InputIssue:
    """One problem or remark about an input file, located as a person sees it in Excel.

    ``row`` is the Excel row number (header row included in the count) and ``column`` the
    column letter; either is ``None`` when the issue concerns the whole file or sheet. The
    message is Dutch and never contains a cell value (cells may hold health data).
    """

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    message: str
    severity: Severity = "fout"

    @classmethod
    def about_file(cls, file: str, message: str) -> InputIssue:
        """An error about the file as a whole (no sheet, row or column to point at)."""
        return cls(file, None, None, None, message)

    @property
    def place(self) -> str:
        """The location in one human-readable string, e.g. ``Casussen!F12``."""
        if self.column and self.row:
            cell = f"{self.column}{self.row}"
        elif self.column:
            cell = f"kolom {self.column}"
        elif self.row:
            cell = f"rij {self.row}"
        else:
            cell = ""
        if self.sheet and cell:
            separator = "!" if self.column and self.row else ", "
            return f"{self.sheet}{separator}{cell}"
        return self.sheet or cell or "-"


class WerkzorgError(Exception):
    """Base class for every error the library raises on purpose."""


class InputError(WerkzorgError):
    """An input file cannot be used; carries every problem found, not just the first."""

    def __init__(self, issues: Sequence[InputIssue]) -> None:
        self.issues: tuple[InputIssue, ...] = tuple(issues)
        errors = sum(issue.severity == "fout" for issue in self.issues)
        super().__init__(f"{errors} fout(en) in de invoer")

    @classmethod
    def about_file(cls, file: str, message: str) -> InputError:
        """One problem with the file as a whole (no sheet, row or column to point at)."""
        return cls([InputIssue.about_file(file, message)])


class ParameterError(WerkzorgError):
    """One or more parameter overrides are unknown or out of range."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("; ".join(self.problems))


class OutputError(WerkzorgError):
    """An output file cannot be written (exists, is the input, or is locked)."""
