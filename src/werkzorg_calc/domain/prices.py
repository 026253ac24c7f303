"""Bringing amounts from different price years to one price year with the CPI.

Index: CBS consumer price index, all households, annual average, 2015 = 100 (StatLine tables
83131NED and 71905ned). Years after the last published year are marked as assumptions in
``data/cpi.csv``; the report says which years were used.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from werkzorg_calc.domain.errors import ParameterError, ParameterProblem

CPI_SOURCE = "CBS, Consumentenprijzen; prijsindex 2015=100 (83131NED), jaargemiddelden"


@dataclass(frozen=True, slots=True)
class CpiYear:
    """One year of the consumer price index and how sure we are of it."""

    year: int
    index: float
    evidence: str
    note: str


@cache
def cpi() -> dict[int, CpiYear]:
    """The shipped CPI series, keyed by year."""
    text = resources.files("werkzorg_calc").joinpath("data/cpi.csv").read_text("utf-8")
    return {
        int(row["year"]): CpiYear(
            int(row["year"]), float(row["index"]), row["evidence"], row["note"]
        )
        for row in csv.DictReader(text.splitlines())
    }


def price_factor(from_year: int, to_year: int) -> float:
    """CPI(to_year) / CPI(from_year): multiply an amount in ``from_year`` prices by this."""
    series = cpi()
    missing = sorted({year for year in (from_year, to_year) if year not in series})
    if missing:
        first, last = min(series), max(series)
        raise ParameterError(
            [
                ParameterProblem(
                    "", "price_year_unknown", {"year": year, "first": first, "last": last}
                )
                for year in missing
            ]
        )
    return series[to_year].index / series[from_year].index
