"""The line items (posten) of the per-case sum: id, Dutch label, saving or cost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Item:
    """One line item; ``projected`` items also count in the months after the peildatum."""

    id: str
    label: str
    saving: bool
    projected: bool


ITEMS: Final[tuple[Item, ...]] = (
    Item("benefit", "Uitkering bespaard", saving=True, projected=True),
    Item(
        "benefit_administration",
        "Uitvoeringskosten uitkering bespaard",
        saving=True,
        projected=True,
    ),
    Item("wmo", "Wmo-kosten bespaard", saving=True, projected=True),
    Item("mental_health_care", "GGZ-kosten bespaard", saving=True, projected=True),
    Item("counselling", "Trajectbegeleiding", saving=False, projected=False),
    Item("jobcoach", "Jobcoach", saving=False, projected=False),
    Item("mediation", "Bemiddeling", saving=False, projected=False),
    Item("wage_subsidy", "Loonkostensubsidie", saving=False, projected=True),
    Item("no_risk", "No-riskpolis", saving=False, projected=False),
    Item("insurer_contribution", "Bijdrage zorgverzekeraar", saving=False, projected=False),
)

ITEM_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ITEMS)
SAVING_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ITEMS if item.saving)
COST_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ITEMS if not item.saving)
ITEM_LABELS: Final[dict[str, str]] = {item.id: item.label for item in ITEMS}
