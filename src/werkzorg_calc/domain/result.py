"""The one immutable result that every output (terminal, JSON, Excel) is rendered from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from werkzorg_calc.domain.errors import InputIssue
from werkzorg_calc.domain.parameters import Parameters
from werkzorg_calc.domain.target import TargetResult

if TYPE_CHECKING:
    from werkzorg_calc.domain.beyond import Beyond
    from werkzorg_calc.domain.cases import SourceInfo


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
class View:
    """A whole result in one view: totals and ``stakeholders`` (savings, costs, net per party)."""

    money: Money
    stakeholders: pd.DataFrame

    @property
    def benefit_cost_ratio(self) -> float | None:
        """Savings / costs (``None`` without costs)."""
        return self.money.savings / self.money.costs if self.money.costs else None


@dataclass(frozen=True)
class CommonHorizon:
    """H1: every case over the same window of ``months`` from its start_traject.

    ``realised`` and ``projected`` split the totals (gerealiseerd / geprojecteerd);
    ``case_months`` the realised work months inside each window, ``case_projected_months`` the
    projected months. Its benefit-cost ratio is the one to compare programmes by.
    """

    months: int
    money: Money
    stakeholders: pd.DataFrame
    realised: Money
    projected: Money
    case_months: pd.Series
    case_projected_months: pd.Series

    @property
    def benefit_cost_ratio(self) -> float | None:
        """Savings / costs (``None`` without costs)."""
        return self.money.savings / self.money.costs if self.money.costs else None


@dataclass(frozen=True)
class ImputedShare:
    """ "Waarvan aangenomen": per party the savings and costs resting on imputed inputs."""

    amounts: pd.DataFrame
    whole: pd.DataFrame

    def share(self, party: str, measure: str) -> float | None:
        """The imputed part of ``measure`` (savings or costs) of ``party``, as a share."""
        whole = float(self.whole[measure].to_dict()[party])
        return float(self.amounts[measure].to_dict()[party]) / whole if whole else None


@dataclass(frozen=True)
class Result:
    """Everything one ``calc`` run found; renderers read it and compute nothing themselves.

    Frames share one row per case in the order of the file:
    ``cases`` (case_id, status, row, municipality, the input dates and hours, work_months,
    working_at_peildatum, durable, savings, costs, net), ``realised`` and ``projected``
    (signed amount per item id),
    ``payers`` (stakeholder per item id, ``None`` where an item belongs to nobody) and
    ``imputed`` (one boolean column per imputed input field), ``derived`` (``benefit_after``
    and ``wage_subsidy_month``: the monthly amount rule B1 or W1 filled into an empty cell, NaN
    elsewhere). ``stakeholders`` has one row per
    stakeholder with savings, costs and net for the whole, the realised and projected parts;
    ``stakeholder_items`` the signed sum of each item (columns) per stakeholder (rows), the
    parts those savings and costs are the sums of; ``case_stakeholders`` the net per case and
    stakeholder. ``groups`` (with ``group_by``)
    holds per group the participants, placed, durable, share, met, savings, costs, net and the
    net per stakeholder. ``changed_parameters`` are the values that differ from the defaults,
    ``parameter_origins`` where each was set; ``price_factors`` the CPI factors used when
    ``price_year`` is set. ``inputs`` are the inputs as the sum used them (empty cells filled,
    the dated norm, the jobcoach rate, the rijk's share of the trajectory), ``monthly`` the net
    amount per month of work of the monthly items. ``gross`` is the same sum at deadweight 0
    (N1), ``common_horizon`` the view of H1, ``imputed_amounts`` what rests on imputed inputs,
    ``legal_lines`` the lines of ``legal-norms.csv`` behind the amounts. ``beyond`` holds the
    welfare view, settlement, cashable split, payback month, case bootstrap and plausibility
    panel (``domain/beyond.py``), filled in by ``engine/beyond.py`` at the end of ``calculate``.
    """

    peildatum: date
    horizon: int
    parameters: Parameters
    changed_parameters: dict[str, Any]
    parameter_origins: dict[str, str]
    sources: tuple[SourceInfo, ...]
    price_year: int | None
    price_factors: dict[str, float]
    cases: pd.DataFrame
    realised: pd.DataFrame
    projected: pd.DataFrame
    payers: pd.DataFrame
    imputed: pd.DataFrame
    stakeholders: pd.DataFrame
    stakeholder_items: pd.DataFrame
    case_stakeholders: pd.DataFrame
    totals: Totals
    target: TargetResult
    groups: pd.DataFrame | None
    group_by: str | None
    warnings: tuple[InputIssue, ...]
    derived: pd.DataFrame  # per case, the amount the law (B1, W1) filled in; NaN: not derived
    inputs: pd.DataFrame
    monthly: pd.DataFrame
    gross: View
    common_horizon: CommonHorizon
    imputed_amounts: ImputedShare
    legal_lines: frozenset[int]
    beyond: Beyond | None = None

    @property
    def source(self) -> SourceInfo:
        """The first (usually the only) input file."""
        return self.sources[0]

    @property
    def items(self) -> pd.DataFrame:
        """Realised plus projected amount per case and item."""
        return self.items_of(slice(None))

    def item(self, item_id: str) -> pd.Series:
        """Realised plus projected amount per case of one item (a column of ``items``, made
        without the frame of every item)."""
        return self.realised[item_id] + self.projected[item_id]

    def items_of(self, cases: slice) -> pd.DataFrame:
        """``items`` of the cases at the positions ``cases`` only (a block of a national file:
        ``items`` adds up every case each time it is read)."""
        return self.realised.iloc[cases] + self.projected.iloc[cases]
