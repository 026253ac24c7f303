"""The validated case table and where its cases came from: what the engine calculates on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from werkzorg_calc.domain.errors import InputIssue


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Which file and sheet the cases came from, its fingerprint, and where each field is.

    ``columns`` maps each field present in the file to its column letter.
    """

    file: str
    sha256: str
    sheet: str | None
    header_row: int
    cases: int
    columns: Mapping[str, str]


@dataclass(frozen=True)
class CaseTable:
    """Validated cases: one row per case, English field names as columns.

    ``frame`` holds dates as ``datetime64`` (NaT when empty), amounts as ``float64`` (NaN
    when empty, so imputation stays visible to the calculation), ``row`` (the Excel row) and
    ``file`` (the file the row came from). ``sources`` has one entry per file read.
    """

    frame: pd.DataFrame
    sources: tuple[SourceInfo, ...]
    warnings: tuple[InputIssue, ...]

    @property
    def source(self) -> SourceInfo:
        """The first (usually the only) file."""
        return self.sources[0]
