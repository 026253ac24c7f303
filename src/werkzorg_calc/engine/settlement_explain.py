"""One settlement amount explained: each rule's formula with the party's own numbers filled in.

``werkzorg explain FILE --settlement PARTY`` shows, for one party, S1 and S2 as their formula and
the sum written out, and S3 as the list of every coalition without the party, its Shapley weight
and the party's marginal worth in it (the exact enumeration behind φ). Nothing is recomputed for
display: the transfers are the ``Settlement``'s own; the terms are shown beside them and add up to
them (checked in the tests).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from werkzorg_calc.domain.beyond import Settlement


@dataclass(frozen=True)
class CoalitionTerm:
    """One coalition K without the party: weight |K|!(n−|K|−1)!/n! and v(K ∪ {i}) − v(K)."""

    members: tuple[str, ...]
    weight: float
    marginal: float


@dataclass(frozen=True)
class SettlementExplanation:
    """The party's s, c, n, the totals, each rule's transfer and the Shapley terms."""

    party: str
    basis: str
    savings: float
    costs: float
    total_savings: float
    total_costs: float
    positive_savings: float
    costs_follow_benefits: float | None
    surplus_follows_investment: float | None
    shapley: float
    shapley_value: float
    coalitions: tuple[CoalitionTerm, ...]

    @property
    def net(self) -> float:
        """The party's net before settlement."""
        return self.savings - self.costs


def explain_settlement(settlement: Settlement, party: str) -> SettlementExplanation:
    """The explanation of ``party``'s transfers; ``KeyError`` when it is not a party."""
    if party not in settlement.parties:
        raise KeyError(party)
    savings, costs = settlement.savings, settlement.costs
    total_costs = math.fsum(costs.values())
    grand = math.fsum(savings.values()) - total_costs
    parties = settlement.parties
    n = len(parties)

    def worth(members: tuple[str, ...]) -> float:
        if len(members) == n:
            return grand
        return max(0.0, math.fsum(savings[p] for p in members) - total_costs)

    others = tuple(p for p in parties if p != party)
    terms = []
    for size in range(n):
        weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
        for members in combinations(others, size):
            marginal = worth((*members, party)) - worth(members)
            terms.append(CoalitionTerm(members, weight, marginal))
    s1, s2 = settlement.costs_follow_benefits, settlement.surplus_follows_investment
    return SettlementExplanation(
        party=party,
        basis=settlement.basis,
        savings=savings[party],
        costs=costs[party],
        total_savings=math.fsum(savings.values()),
        total_costs=total_costs,
        positive_savings=math.fsum(max(0.0, s) for s in savings.values()),
        costs_follow_benefits=None if s1 is None else s1[party],
        surplus_follows_investment=None if s2 is None else s2[party],
        shapley=settlement.shapley[party],
        shapley_value=settlement.shapley_value[party],
        coalitions=tuple(terms),
    )


def settlement_explanation_to_dict(explanation: SettlementExplanation) -> dict[str, Any]:
    """JSON-ready data (English keys, unrounded)."""
    return {
        "party": explanation.party,
        "basis": explanation.basis,
        "savings": explanation.savings,
        "costs": explanation.costs,
        "net": explanation.net,
        "total_savings": explanation.total_savings,
        "total_costs": explanation.total_costs,
        "costs_follow_benefits": explanation.costs_follow_benefits,
        "surplus_follows_investment": explanation.surplus_follows_investment,
        "shapley": explanation.shapley,
        "shapley_value": explanation.shapley_value,
        "coalitions": [
            {"members": list(term.members), "weight": term.weight, "marginal": term.marginal}
            for term in explanation.coalitions
        ],
    }
