"""The one immutable result that every output (terminal, JSON, Excel) is rendered from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import InputIssue
from .parameters import Parameters
from .target import TargetResult

if TYPE_CHECKING:
    from .io.read import SourceInfo


@dataclass(frozen=True, slots=True)
class Money:
    """Savings, costs (as a positive number) and their difference, in euros, unrounded."""

    savings: float
    costs: float

    @property
    def net(self) -> float:
        """Savings minus costs."""
        return self.savings - self.costs


@dataclass(frozen=True, slots=True)
class Totals:
    """Totals over all cases and stakeholders, with the realised and projected parts."""

    all: Money
    realised: Money
    projected: Money
    benefit_cost_ratio: float | None
    net_per_participant: float | None
    net_per_placed: float | None


@dataclass(frozen=True)
class Result:
    """Everything one ``calc`` run found; renderers read it and compute nothing themselves.

    Frames share one row per case in the order of the file:
    ``cases`` (case_id, status, row, municipality, the input dates and hours, work_months,
    working_at_peildatum, durable, savings, costs, net), ``realised`` and ``projected``
    (signed amount per item id),
    ``payers`` (stakeholder per item id, ``None`` where an item belongs to nobody) and
    ``imputed`` (one boolean column per imputed input field). ``stakeholders`` has one row per
    stakeholder with savings, costs and net for the whole, the realised and projected parts.
    """

    peildatum: date
    horizon: int
    parameters: Parameters
    changed_parameters: dict[str, Any]
    source: SourceInfo
    cases: pd.DataFrame
    realised: pd.DataFrame
    projected: pd.DataFrame
    payers: pd.DataFrame
    imputed: pd.DataFrame
    stakeholders: pd.DataFrame
    totals: Totals
    target: TargetResult
    warnings: tuple[InputIssue, ...]

    @property
    def items(self) -> pd.DataFrame:
        """Realised plus projected amount per case and item."""
        return self.realised + self.projected
