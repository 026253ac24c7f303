"""B1: the bijstand that remains next to earnings (Participatiewet art. 31 lid 2 onder n).

```
norm          = lookup(bijstand_norm_<household>, date)
disregard     = min(round2(0.25 × net), lookup(disregard_31_2_n_max, date))   for 1 ≤ k ≤ 6, else 0
benefit_after = round2(max(0, norm − (net − disregard)))
```
``date`` is the first day of the benefit month, ``k`` the work month (1 = the first calendar
month with earnings). Left out (and said in every output): see ``derivation.LEFT_OUT``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from werkzorg_calc.domain.columns import HOUSEHOLD_LOOKUP, NORM_HOUSEHOLD, NormHousehold
from werkzorg_calc.domain.columns import normalise_name as _normalise
from werkzorg_calc.domain.legal import BIJSTAND_COUPLE, BIJSTAND_SINGLE, DISREGARD_MAX, lookup
from werkzorg_calc.engine.law.derivation import Derivation, Step, round2, to_decimal

ARTICLE: Final = "Participatiewet art. 31 lid 2 onder n (norm: art. 21)"
# The share itself is written in art. 31-2-n ("25% van de inkomsten uit arbeid"); the table
# holds the dated euro maximum, which changes every half-year, the share never has.
DISREGARD_SHARE: Final = Decimal("0.25")
DISREGARD_MONTHS: Final = 6  # "ten hoogste zes aaneengesloten maanden" (art. 31-2-n)
NORM_KEYS: Final[dict[NormHousehold, str]] = {"single": BIJSTAND_SINGLE, "couple": BIJSTAND_COUPLE}


def norm_household(household: str) -> NormHousehold:
    """``single``/``couple`` or a case-file spelling (``alleenstaand``, ``gehuwd``, …)."""
    name = _normalise(household)
    if name in ("single", "couple"):
        return "single" if name == "single" else "couple"
    known = HOUSEHOLD_LOOKUP.get(name)
    if known is None:
        raise ValueError(f"unknown household {household!r}: single, couple or a Dutch synonym")
    return NORM_HOUSEHOLD[known]


@dataclass(frozen=True, slots=True)
class ResidualBenefit:
    """The residual benefit of one month, with the norm and disregard behind it."""

    household: NormHousehold
    day: date
    net_earnings: Decimal
    work_month: int
    norm: Decimal
    disregard: Decimal
    benefit_after: Decimal
    derivation: Derivation


def residual_benefit(
    household: str, day: date, net_earnings: Decimal | int | float | str, work_month: int
) -> ResidualBenefit:
    """B1 for one benefit month. Example (single, 2026-01-01, net € 1,000, month 1): 651.50.

    Raises ``LegalTableError`` when the table has no row for ``day``; ``ValueError`` for a
    negative amount or a work month below 1.
    """
    kind = norm_household(household)
    net = to_decimal(net_earnings)
    if net < 0:
        raise ValueError("net earnings cannot be negative")
    if isinstance(work_month, bool) or work_month < 1:
        raise ValueError("the work month counts from 1 (the first month with earnings)")
    norm_row = lookup(NORM_KEYS[kind], day)
    assert norm_row.value is not None  # lookup only returns rows with a value
    norm = norm_row.value
    rows = [norm_row]
    steps = [Step("norm", f"{NORM_KEYS[kind]}({day.isoformat()})", norm)]
    if work_month <= DISREGARD_MONTHS:
        max_row = lookup(DISREGARD_MAX, day)
        assert max_row.value is not None
        rows.append(max_row)
        share = round2(DISREGARD_SHARE * net)
        disregard = min(share, max_row.value)
        steps += [
            Step("disregard_share", "round2(0.25 × net)", share),
            Step("disregard_max", f"{DISREGARD_MAX}({day.isoformat()})", max_row.value),
            Step("disregard", "min(disregard_share, disregard_max)", disregard),
        ]
    else:
        disregard = Decimal("0.00")
        steps.append(
            Step("disregard", f"0 (work month {work_month} > {DISREGARD_MONTHS})", disregard)
        )
    counted = net - disregard
    benefit = round2(max(Decimal(0), norm - counted))
    steps += [
        Step("counted_earnings", "net − disregard", counted),
        Step("benefit_after", "round2(max(0, norm − counted_earnings))", benefit),
    ]
    derivation = Derivation(
        rule="B1",
        article=ARTICLE,
        inputs={
            "household": kind,
            "date": day,
            "net_earnings": net,
            "work_month": work_month,
        },
        rows=tuple(rows),
        steps=tuple(steps),
    )
    return ResidualBenefit(kind, day, net, work_month, norm, disregard, benefit, derivation)
