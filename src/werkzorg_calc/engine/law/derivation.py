"""The trace of one legal derivation: inputs, table rows used, steps, article, result.

A controller must be able to redo every derived amount by hand, so a derivation keeps the
exact decimal of every step and the line of every table row it read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Literal

from werkzorg_calc.domain.legal import LegalRow

CENT: Final = Decimal("0.01")

InputValue = Decimal | int | str | date
LeftOut = Literal[
    "age_27_rule",
    "single_parent_disregard_31_2_r",
    "medical_disregard_31_2_y",
    "kostendelersnorm",
    "toeslagen",
    "tax_credits",
]
# What B1 and W1 do not model; every output lists these (words in ``text/law.py``).
LEFT_OUT: Final[tuple[LeftOut, ...]] = (
    "age_27_rule",
    "single_parent_disregard_31_2_r",
    "medical_disregard_31_2_y",
    "kostendelersnorm",
    "toeslagen",
    "tax_credits",
)


def round2(value: Decimal) -> Decimal:
    """Half up to the cent, as the spec's ``round2`` (``Decimal`` never rounds on its own)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def to_decimal(value: Decimal | int | float | str) -> Decimal:
    """An input as a ``Decimal``; a float goes through its shortest text (0.6 is 0.6, not 0.59…)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a number is needed, not a truth value")
    return Decimal(str(value))


@dataclass(frozen=True, slots=True)
class Step:
    """One step: an id (English), the formula in symbols, and its exact value."""

    name: str
    formula: str
    value: Decimal


@dataclass(frozen=True, slots=True)
class Derivation:
    """Everything behind one derived amount.

    ``rule`` is the method's rule (``B1``, ``W1``), ``article`` the article of law it follows,
    ``rows`` every table row read (each with source, verification and line), ``steps`` in the
    order computed; the last step's value is ``result``.
    """

    rule: str
    article: str
    inputs: Mapping[str, InputValue]
    rows: tuple[LegalRow, ...]
    steps: tuple[Step, ...]
    left_out: tuple[LeftOut, ...] = LEFT_OUT

    @property
    def result(self) -> Decimal:
        """The value of the last step."""
        return self.steps[-1].value

    @property
    def unverified_rows(self) -> tuple[LegalRow, ...]:
        """Rows used that are not verified (every output warns about them)."""
        return tuple(row for row in self.rows if not row.usable_as_verified)

    def step(self, name: str) -> Decimal:
        """The value of the step called ``name``."""
        for step in self.steps:
            if step.name == name:
                return step.value
        raise KeyError(name)

    def to_dict(self) -> dict[str, object]:
        """The derivation as JSON-ready data: English keys, numbers as JSON numbers.

        Every value has at most a few decimals, so the shortest float text is the decimal's
        own text (1121.76 stays 1121.76).
        """
        return {
            "rule": self.rule,
            "article": self.article,
            "inputs": {key: _plain(value) for key, value in self.inputs.items()},
            "table_rows": [
                {
                    "key": row.key,
                    "valid_from": row.valid_from.isoformat(),
                    "valid_to": row.valid_to.isoformat(),
                    "value": None if row.value is None else float(row.value),
                    "unit": row.unit,
                    "verified": row.verified,
                    "source": row.source,
                    "line": row.line,
                }
                for row in self.rows
            ],
            "steps": [
                {"name": step.name, "formula": step.formula, "value": float(step.value)}
                for step in self.steps
            ],
            "left_out": list(self.left_out),
        }


def _plain(value: InputValue) -> str | int | float:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value
