"""Settling the wrong pocket (method v2, S1–S3): who should pay whom so each party's net is fair.

Each rule takes the savings ``s_i`` and costs ``c_i`` (costs positive) of the parties with a flow
and returns the transfer ``T_i`` each should receive (``T_i > 0``) or pay (``T_i < 0``). The
transfers of every rule add up to zero; ``settle`` checks that and raises ``SettlementError``
otherwise, because an imbalance would be a bug, never a number to show.

- S1 *costs follow benefits*: each party bears the total cost in proportion to its positive
  savings: ``T_i = c_i − C × s_i⁺ / Σ s_j⁺``.
- S2 *surplus follows investment*: each party's net becomes the total net in proportion to what it
  invested: ``T_i = N × c_i / C − n_i`` (needs ``C > 0``).
- S3 *Shapley*: a coalition ``K`` of parties is worth ``v(K) = max(0, s(K) − C)``, what its
  savings leave after paying for the whole programme; ``φ_i`` is the Shapley value by exact
  enumeration of every coalition and ``T_i = φ_i − n_i``. The spec's ``max(0, …)`` would make the
  grand coalition worth 0 when the programme loses money, so the transfers could no longer add up
  to zero; the grand coalition is therefore worth ``S − C`` itself (identical when ``S ≥ C``), and
  a loss is shared as a gain would be. ``docs/method.md`` states this decision.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Final

from werkzorg_calc.domain.beyond import IdentityError, Settlement, holds

__all__ = [
    "RULES",
    "Settlement",
    "SettlementError",
    "costs_follow_benefits",
    "settle",
    "shapley_values",
    "surplus_follows_investment",
]

RULES: Final = ("costs_follow_benefits", "surplus_follows_investment", "shapley")


class SettlementError(IdentityError):
    """The transfers of a rule do not add up to zero: a bug, reported, never shown as a figure."""


def costs_follow_benefits(
    savings: Mapping[str, float], costs: Mapping[str, float]
) -> dict[str, float] | None:
    """S1: the total cost is borne in proportion to each party's positive savings."""
    positive = {p: max(s, 0.0) for p, s in savings.items()}
    weight = math.fsum(positive.values())
    if weight <= 0:
        return None
    total_costs = math.fsum(costs.values())
    return {p: costs[p] - total_costs * positive[p] / weight for p in savings}


def surplus_follows_investment(
    savings: Mapping[str, float], costs: Mapping[str, float]
) -> dict[str, float] | None:
    """S2: the total net is shared in proportion to what each party spent."""
    total_costs = math.fsum(costs.values())
    if total_costs <= 0:
        return None
    total_net = math.fsum(savings.values()) - total_costs
    return {p: total_net * costs[p] / total_costs - (savings[p] - costs[p]) for p in savings}


def _worth(coalition: Sequence[str], savings: Mapping[str, float], total_costs: float) -> float:
    return max(0.0, math.fsum(savings[p] for p in coalition) - total_costs)


def shapley_values(savings: Mapping[str, float], costs: Mapping[str, float]) -> dict[str, float]:
    """Each party's Shapley value of the game ``v(K) = max(0, s(K) − C)``, ``v(all) = S − C``.

    Exact: every coalition is enumerated (2^n of them; at most seven parties, so 128).
    """
    parties = tuple(savings)
    n = len(parties)
    total_costs = math.fsum(costs.values())
    grand = math.fsum(savings.values()) - total_costs

    def worth(coalition: tuple[str, ...]) -> float:
        return grand if len(coalition) == n else _worth(coalition, savings, total_costs)

    values: dict[str, float] = {}
    for party in parties:
        others = tuple(p for p in parties if p != party)
        terms = []
        for size in range(n):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for coalition in combinations(others, size):
                with_party = tuple(sorted((*coalition, party), key=parties.index))
                terms.append(weight * (worth(with_party) - worth(coalition)))
        values[party] = math.fsum(terms)
    return values


def _checked(
    rule: str, transfers: Mapping[str, float] | None, scale: float
) -> Mapping[str, float] | None:
    if transfers is not None and not holds(math.fsum(transfers.values()), scale):
        raise SettlementError(f"de overdrachten van regel {rule} tellen niet op tot nul")
    return transfers


def settle(
    savings: Mapping[str, float], costs: Mapping[str, float], basis: str = "all"
) -> Settlement:
    """All three rules for the given parties (the keys of ``savings``), each checked Σ T = 0.

    ``basis`` records which savings these are: ``all`` or ``cashable`` (K1).
    """
    if set(savings) != set(costs):
        raise ValueError("savings and costs must name the same parties")
    parties = tuple(savings)
    phi = shapley_values(savings, costs)
    shapley = {p: phi[p] - (savings[p] - costs[p]) for p in parties}
    scale = math.fsum(abs(v) for v in (*savings.values(), *costs.values()))
    return Settlement(
        parties=parties,
        savings=dict(savings),
        costs=dict(costs),
        costs_follow_benefits=_checked("S1", costs_follow_benefits(savings, costs), scale),
        surplus_follows_investment=_checked(
            "S2", surplus_follows_investment(savings, costs), scale
        ),
        shapley=_checked("S3", shapley, scale) or {},
        shapley_value=phi,
        basis=basis,
    )
