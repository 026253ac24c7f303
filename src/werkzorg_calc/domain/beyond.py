"""What lies beyond the business case (method v2: M1, S1–S3, P1, K1, U1, Q1), as frozen values.

The engine fills these once, at the end of ``calculate``; the ``Result`` carries them in
``Result.beyond`` and every renderer (terminal, JSON, Excel) reads them without recomputing.
The dataclasses live in ``domain`` so the ``Result`` can name them; the rules that fill them are in
``engine/welfare.py``, ``settlement.py``, ``payback.py``, ``cashable.py``, ``bootstrap.py`` and
``plausibility.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import pandas as pd

from werkzorg_calc.domain.errors import InputIssue, WerkzorgError

ACTORS: Final = (
    "municipality",
    "rijk",
    "uwv",
    "health_insurer",
    "care_provider",
    "participant",
    "employer",
)
TOLERANCE: Final = 1e-6  # euros: an identity must hold within this, else it is a bug
# A national file adds up some 10^10 euros, where one step of a float is already 10^-6 euros:
# beyond the absolute euros, a residual may be this share of the amounts it adds up (float
# rounding is about 2·10^-16 of them, measured on random Shapley games; this leaves room for 500).
RELATIVE_TOLERANCE: Final = 1e-13


def holds(residual: float, scale: float) -> bool:
    """Whether an identity's residual is rounding only, given the size of the amounts it sums."""
    return abs(residual) <= TOLERANCE + RELATIVE_TOLERANCE * abs(scale)


class IdentityError(WerkzorgError):
    """An accounting identity (Σ transfers = 0, Σ T = 0, the last cumulative = net) failed.

    Always a bug in the tool, never a property of the input: reported, never shown as a figure.
    """


@dataclass(frozen=True)
class Settlement:
    """The transfers of the three rules, party by party, and the Shapley values behind S3.

    ``costs_follow_benefits`` is ``None`` when no party saves anything and
    ``surplus_follows_investment`` is ``None`` when nothing was spent: the rule has nothing to
    divide by, and saying so beats inventing a split. ``basis`` says which savings were settled:
    ``all`` or ``cashable`` (K1, ``--settle-cashable``).
    """

    parties: tuple[str, ...]
    savings: Mapping[str, float]
    costs: Mapping[str, float]
    costs_follow_benefits: Mapping[str, float] | None
    surplus_follows_investment: Mapping[str, float] | None
    shapley: Mapping[str, float]
    shapley_value: Mapping[str, float]
    basis: str = "all"

    def net_after(self, rule: str) -> Mapping[str, float] | None:
        """Each party's net after the transfers of ``rule`` (``n_i + T_i``)."""
        transfers: Mapping[str, float] | None = getattr(self, rule)
        if transfers is None:
            return None
        return {p: self.savings[p] - self.costs[p] + transfers[p] for p in self.parties}

    def table(self) -> pd.DataFrame:
        """One row per party: savings, costs, net, each rule's transfer and the Shapley value."""
        missing = dict.fromkeys(self.parties, float("nan"))
        frame = pd.DataFrame(
            {
                "savings": pd.Series(self.savings),
                "costs": pd.Series(self.costs),
                "costs_follow_benefits": pd.Series(self.costs_follow_benefits or missing),
                "surplus_follows_investment": pd.Series(self.surplus_follows_investment or missing),
                "shapley": pd.Series(self.shapley),
                "shapley_value": pd.Series(self.shapley_value),
            },
            index=list(self.parties),
        )
        frame.insert(2, "net", frame["savings"] - frame["costs"])
        return frame


@dataclass(frozen=True)
class CaseBootstrap:
    """The 95% percentile intervals of the total net and of the durable share over the resamples."""

    draws: int
    seed: int
    total_net: tuple[float, float]
    durable_share: tuple[float, float]


@dataclass(frozen=True)
class Welfare:
    """The welfare (MKBA) view of M1: real effects apart from transfers, seven actors.

    ``actors``: one row per actor (``ACTORS``) with ``real``, ``transfers_in``,
    ``transfers_out``, ``transfers`` (in − out) and ``net``. ``effects``: one row per real
    effect and actor with its ``amount``. ``transfers``: the ledger, one row per
    (``from``, ``to``, ``label``) with its ``amount`` (positive: ``from`` pays ``to``).
    ``transfer_identity`` is Σ over actors of (in − out), checked to be 0.
    ``wage_imputed`` marks per case whether its wage came from the fallback (no ``brutoloon_pm``).
    """

    actors: pd.DataFrame
    effects: pd.DataFrame
    transfers: pd.DataFrame
    total: float
    transfer_identity: float
    wage_imputed: pd.Series


@dataclass(frozen=True)
class Payback:
    """P1: the cumulative net per event month (rows 1…N) per party and in total.

    ``months`` maps each party and ``total`` to the first month whose cumulative net is ≥ 0, or
    ``None`` when that does not happen within the view.
    """

    cumulative: pd.DataFrame
    months: Mapping[str, int | None]


@dataclass(frozen=True)
class Plausibility:
    """Q1: the comparison panel (one row per check) and the warnings it raised.

    ``panel`` columns: ``ours``, ``reference``, ``ratio``, ``price_year`` (of the reference),
    ``warn`` (True when outside the band).
    """

    panel: pd.DataFrame
    warnings: tuple[InputIssue, ...]


@dataclass(frozen=True)
class Beyond:
    """Everything past the business case, computed once per ``calculate``.

    ``cashable``: one row per stakeholder, ``cashable`` and ``non_cashable`` savings (K1).
    ``bootstrap`` is ``None`` when there are no cases to resample. ``optimism`` (savings,
    costs, net per stakeholder and ``total`` after the optimism-bias correction) is ``None``
    unless it was asked for.
    """

    welfare: Welfare
    settlement: Settlement
    cashable: pd.DataFrame
    payback: Payback
    bootstrap: CaseBootstrap | None
    plausibility: Plausibility
    optimism: pd.DataFrame | None = None
