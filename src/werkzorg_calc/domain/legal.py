"""Dated legal amounts (method v2, rule L1): bijstand norms, minimum wage, disregards, tariffs.

A legal amount is looked up by the day it applies to, in the table shipped as
``data/legal-norms.csv`` (one row per key and period, dates inclusive, with its source and
whether it is verified). Exactly one row must cover the day and carry a value; anything else is
a ``LegalTableError`` naming key, date and table. Nothing is extrapolated and no price index is
ever applied to a legal amount: the law sets each half-year's figure itself.

``verified`` is ``yes`` (the consolidated law text of that date, a Staatscourant announcement, or
two agreeing secondary sources), ``derived`` (computed from verified rows by a rule named in the
source; used as verified) or ``no`` (used, and every output warns about it).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Final, Literal

import numpy as np
import pandas as pd

from werkzorg_calc.domain.errors import WerkzorgError

Verified = Literal["yes", "derived", "no"]
TABLE_NAME: Final = "legal-norms.csv"

# The keys the method reads; the table may hold more (documented, not yet used).
BIJSTAND_SINGLE: Final = "bijstand_norm_single"
BIJSTAND_COUPLE: Final = "bijstand_norm_couple"
WML_MONTH: Final = "wml_month_fulltime_adult"
WML_HOUR: Final = "wml_hour_adult"
DISREGARD_MAX: Final = "disregard_31_2_n_max"
LKS_CHARGES: Final = "lks_employer_charges_share"
LKS_CAP: Final = "lks_cap_share_wml_vb"
JOBCOACH_UWV: Final = "jobcoach_hour_rate_uwv"


@dataclass(frozen=True, slots=True)
class LegalRow:
    """One dated amount: ``value`` applies from ``valid_from`` to ``valid_to`` inclusive."""

    key: str
    valid_from: date
    valid_to: date
    value: Decimal | None
    unit: str
    source: str
    verified: Verified
    line: int  # the row's line number in the table, header included, so a person can find it

    def covers(self, day: date) -> bool:
        """True when ``day`` falls inside this row's period."""
        return self.valid_from <= day <= self.valid_to

    @property
    def usable_as_verified(self) -> bool:
        """Verified, or derived from verified rows by a stated rule."""
        return self.verified in ("yes", "derived")


class LegalTableError(WerkzorgError):
    """A legal amount is needed for a day the table does not cover (or covers without a value)."""

    def __init__(self, key: str, day: date, reason: str) -> None:
        self.key = key
        self.day = day
        self.reason = reason  # "no_row", "no_value", "overlap" or "unknown_key"
        words = {
            "no_row": "geen rij dekt deze datum",
            "no_value": "de rij voor deze datum heeft (nog) geen bedrag",
            "overlap": "meer dan één rij dekt deze datum",
            "unknown_key": "deze sleutel staat niet in de tabel",
        }[reason]
        super().__init__(
            f"wettelijk bedrag {key} op {day.strftime('%d-%m-%Y')}: {words} (tabel {TABLE_NAME})"
        )


def _parse(text: str) -> tuple[LegalRow, ...]:
    rows = []
    for line, record in enumerate(csv.DictReader(text.splitlines()), start=2):
        value = record["value"].strip()
        verified = record["verified"].strip()
        if verified not in ("yes", "derived", "no"):
            raise ValueError(f"{TABLE_NAME} line {line}: verified must be yes, derived or no")
        rows.append(
            LegalRow(
                key=record["key"].strip(),
                valid_from=date.fromisoformat(record["valid_from"].strip()),
                valid_to=date.fromisoformat(record["valid_to"].strip()),
                value=Decimal(value) if value else None,
                unit=record["unit"].strip(),
                source=record["source"].strip(),
                verified=verified,  # type: ignore[arg-type]  # checked against the three words above
                line=line,
            )
        )
    return tuple(rows)


@cache
def legal_table() -> tuple[LegalRow, ...]:
    """Every row of the shipped table, in file order."""
    text = resources.files("werkzorg_calc").joinpath(f"data/{TABLE_NAME}").read_text("utf-8")
    return _parse(text)


def legal_keys() -> tuple[str, ...]:
    """The keys of the table, each once, in file order."""
    return tuple(dict.fromkeys(row.key for row in legal_table()))


def rows_for(
    key: str | None = None, day: date | None = None, rows: Iterable[LegalRow] | None = None
) -> tuple[LegalRow, ...]:
    """The rows of one key and/or covering one day (both optional), as ``werkzorg norms`` lists."""
    chosen = legal_table() if rows is None else tuple(rows)
    return tuple(
        row
        for row in chosen
        if (key is None or row.key == key) and (day is None or row.covers(day))
    )


def lookup(key: str, day: date) -> LegalRow:
    """The one row of ``key`` valid on ``day``, with a value; else ``LegalTableError``."""
    if key not in legal_keys():
        raise LegalTableError(key, day, "unknown_key")
    matches = rows_for(key, day)
    if not matches:
        raise LegalTableError(key, day, "no_row")
    if len(matches) > 1:
        raise LegalTableError(key, day, "overlap")
    if matches[0].value is None:
        raise LegalTableError(key, day, "no_value")
    return matches[0]


def last_row(key: str) -> LegalRow:
    """The latest row of ``key`` that has a value (for the one stated carry-forward of L1)."""
    valued = [row for row in rows_for(key) if row.value is not None]
    if not valued:
        raise LegalTableError(key, date.min, "no_value")
    return max(valued, key=lambda row: row.valid_to)


@dataclass(frozen=True)
class ColumnLookup:
    """A legal amount looked up for a whole column of days at once.

    ``values`` is float64 (NaN where no row with a value covers the day), ``line`` the table
    line of the row used (0 where none), so callers can name the rows behind each amount and
    report every uncovered day in one go.
    """

    values: np.ndarray
    line: np.ndarray

    @property
    def missing(self) -> np.ndarray:
        """True where no row with a value covers the day."""
        missing: np.ndarray = np.isnan(self.values)
        return missing


def lookup_column(key: str, days: pd.Series | np.ndarray) -> ColumnLookup:
    """``lookup`` for many days, vectorised: one ``searchsorted`` over the key's periods.

    ``days`` are ``datetime64`` values (NaT allowed: it gives NaN). Periods of one key must not
    overlap; ``test_legal`` proves that for the shipped table.
    """
    rows = sorted(rows_for(key), key=lambda row: row.valid_from)
    stamps = np.asarray(pd.to_datetime(pd.Series(days)).to_numpy(dtype="datetime64[D]"))
    if not rows:
        return ColumnLookup(np.full(len(stamps), np.nan), np.zeros(len(stamps), dtype=np.int64))
    starts = np.array([row.valid_from for row in rows], dtype="datetime64[D]")
    ends = np.array([row.valid_to for row in rows], dtype="datetime64[D]")
    amounts = np.array([np.nan if row.value is None else float(row.value) for row in rows])
    lines = np.array([row.line for row in rows], dtype=np.int64)
    position = np.searchsorted(starts, stamps, side="right") - 1
    safe = np.clip(position, 0, len(rows) - 1)
    inside = (position >= 0) & ~np.isnat(stamps) & (stamps <= ends[safe])
    values = np.where(inside, amounts[safe], np.nan)
    return ColumnLookup(values, np.where(inside & ~np.isnan(values), lines[safe], 0))
