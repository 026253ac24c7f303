"""What an explanation holds: inputs, parameters, projection and amount of each line item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from werkzorg_calc.domain.errors import WerkzorgError

if TYPE_CHECKING:
    pass


EXPLAIN_SCHEMA_VERSION = 1


class ExplainError(WerkzorgError):
    """The requested case or line item is not in the result."""


@dataclass(frozen=True, slots=True)
class InputUse:
    """One input cell: where it is, what the file held, and what the sum used.

    ``cell`` is ``Casussen!G12`` (or ``G12`` for a CSV file), ``None`` when the file has no
    such column; ``given`` is ``None`` for an empty cell; ``note`` says what was assumed or
    how an empty cell counts.
    """

    field: str
    header: str
    cell: str | None
    given: object
    used: object
    imputed: bool
    note: str | None


@dataclass(frozen=True, slots=True)
class ParameterUse:
    """One parameter as the sum used it: value (after price indexing), unit, year and source."""

    key: str
    value: object
    given: object
    unit: str
    price_year: int
    price_factor: float | None
    evidence: str
    source: str
    url: str
    origin: str | None


@dataclass(frozen=True, slots=True)
class ProjectionMonth:
    """Month ``m`` after the peildatum: S(m) the job still holds, D(m) discounting, S·D."""

    month: int
    survival: float
    discount: float
    weight: float


@dataclass(frozen=True, slots=True)
class Projection:
    """The months projected for a case still working, and the factor Σ S(m)·D(m)."""

    months: int
    horizon: int
    capped_by_job_end: bool
    retention_per_year: float
    discount_rate: float
    q: float
    factor: float
    steps: tuple[ProjectionMonth, ...]


@dataclass(frozen=True, slots=True)
class ItemExplanation:
    """One line item of one case: formula, inputs, parameters, months, amount and payer.

    ``amount``, ``realised`` and ``projected`` are the Result's own numbers. ``monthly`` is
    the amount per month of work for the items that accrue per month (else ``None``);
    ``months`` is the months it counts (work months plus the projection factor).
    """

    case_id: str
    file: str
    row: int
    item: str
    label: str
    saving: bool
    stakeholder: str | None
    formula_words: str
    formula_symbols: str
    calculation: str
    inputs: tuple[InputUse, ...]
    parameters: tuple[ParameterUse, ...]
    monthly: float | None
    work_months: float | None
    projection_factor: float | None
    realised: float
    projected: float
    amount: float
    imputed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CaseExplanation:
    """Every line item of one case, with the case's dates, months and sums."""

    case_id: str
    file: str
    sheet: str | None
    row: int
    status: str
    municipality: str | None
    peildatum: date
    horizon: int
    price_year: int | None
    case_price_factor: float | None
    timeline: tuple[InputUse, ...]
    work_months: float
    working_at_peildatum: bool
    durable: bool
    projection: Projection | None
    items: tuple[ItemExplanation, ...]
    savings: float
    costs: float
    net: float
    by_stakeholder: dict[str, float]


@dataclass(frozen=True, slots=True)
class ItemAcrossCases:
    """One line item over every case: how its total arose, case by case."""

    item: str
    label: str
    saving: bool
    formula_words: str
    formula_symbols: str
    peildatum: date
    horizon: int
    price_year: int | None
    parameters: tuple[ParameterUse, ...]
    cases: tuple[ItemExplanation, ...]
    total: float
    realised: float
    projected: float
    by_stakeholder: dict[str, float]


# --- the intermediate figures, on whole columns --------------------------------------------
