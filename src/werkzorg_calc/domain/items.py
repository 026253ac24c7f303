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

# The names a Dutch user types for a line item (the case file's words), to the item ids.
ITEM_NAMES: Final[dict[str, str]] = {
    "uitkering": "benefit",
    "uitvoeringskosten": "benefit_administration",
    "uitvoering": "benefit_administration",
    "wmo": "wmo",
    "ggz": "mental_health_care",
    "trajectbegeleiding": "counselling",
    "jobcoach": "jobcoach",
    "bemiddeling": "mediation",
    "loonkostensubsidie": "wage_subsidy",
    "no-risk": "no_risk",
    "no_risk": "no_risk",
    "no-riskpolis": "no_risk",
    "verzekeraar_bijdrage": "insurer_contribution",
    "bijdrage_verzekeraar": "insurer_contribution",
}


def item_id(name: str) -> str | None:
    """``ggz`` or ``mental_health_care`` → ``mental_health_care``; ``None`` when unknown."""
    cleaned = name.strip().lower()
    if cleaned in ITEM_IDS:
        return cleaned
    return ITEM_NAMES.get(cleaned)
