"""The line items (posten) of the per-case sum: id, saving or cost, projected or not.

Their Dutch and English names are in ``labels.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Item:
    """One line item; ``projected`` items also count in the months after the peildatum."""

    id: str
    saving: bool
    projected: bool


ITEMS: Final[tuple[Item, ...]] = (
    Item("benefit", saving=True, projected=True),
    Item(
        "benefit_administration",
        saving=True,
        projected=True,
    ),
    Item("wmo", saving=True, projected=True),
    Item("mental_health_care", saving=True, projected=True),
    Item("counselling", saving=False, projected=False),
    Item("jobcoach", saving=False, projected=False),
    Item("mediation", saving=False, projected=False),
    Item("wage_subsidy", saving=False, projected=True),
    Item("no_risk", saving=False, projected=False),
    Item("insurer_contribution", saving=False, projected=False),
)

ITEM_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ITEMS)
SAVING_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ITEMS if item.saving)
COST_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ITEMS if not item.saving)
