"""The line items (posten) of the per-case sum: id, saving or cost, projected or not, who pays.

Their Dutch and English names are in ``labels.py``. Who pays each item is decided here and only
here (``Item.payer`` and the functions below); the engine, the Excel formulas, ``explain`` and
the uncertainty model all read it from this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

import numpy as np
import pandas as pd

# How an item finds its payer: "benefit" by the benefit type, "counselling" by the dated
# funding rule C1 (or ``payers.counselling``), "chosen" by ``payers.<item>``, else a party.
PayerRule = Literal["benefit", "counselling", "chosen", "rijk_share", "fixed"]
# Which retention curve of R1 a projected monthly item follows.
Curve = Literal["benefit", "work"]


@dataclass(frozen=True, slots=True)
class Item:
    """One line item; ``projected`` items also count in the months after the peildatum.

    ``payer`` is the rule that names its stakeholder; ``party`` the stakeholder of a fixed
    rule; ``curve`` the retention curve a projected item follows.
    """

    id: str
    saving: bool
    projected: bool
    payer: PayerRule
    party: str | None = None
    curve: Curve | None = None


ITEMS: Final[tuple[Item, ...]] = (
    Item("benefit", saving=True, projected=True, payer="benefit", curve="benefit"),
    Item("benefit_administration", saving=True, projected=True, payer="benefit", curve="benefit"),
    Item("wmo", saving=True, projected=True, payer="fixed", party="municipality", curve="work"),
    Item(
        "mental_health_care",
        saving=True,
        projected=True,
        payer="fixed",
        party="health_insurer",
        curve="work",
    ),
    Item("counselling", saving=False, projected=False, payer="counselling"),
    # C1 from 2023-03-01: central government's half of a participatiewet case's trajectory.
    Item("counselling_rijk", saving=False, projected=False, payer="rijk_share", party="rijk"),
    Item("jobcoach", saving=False, projected=False, payer="chosen"),
    Item("mediation", saving=False, projected=False, payer="chosen"),
    Item(
        "wage_subsidy",
        saving=False,
        projected=True,
        payer="fixed",
        party="municipality",
        curve="work",
    ),
    Item("no_risk", saving=False, projected=False, payer="fixed", party="uwv"),
    Item(
        "insurer_contribution", saving=False, projected=False, payer="fixed", party="health_insurer"
    ),
    # T1: the contribution finances the counselling, so its payer receives it (a negative cost).
    Item("insurer_contribution_received", saving=False, projected=False, payer="counselling"),
)

ITEM_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ITEMS)
SAVING_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ITEMS if item.saving)
COST_IDS: Final[tuple[str, ...]] = tuple(item.id for item in ITEMS if not item.saving)
BY_ID: Final[dict[str, Item]] = {item.id: item for item in ITEMS}

BENEFIT_PAYER: Final[dict[str, str | None]] = {
    "participatiewet": "municipality",
    "ww": "uwv",
    "wia": "uwv",
    "wajong": "uwv",
    "geen": None,
}

# C1: the UWV IPS subsidy (2017–2022, € 8,000 per started trajectory) paid every trajectory;
# from 2023-03-01 the Subsidieregeling IPS-trajecten gemeentelijke doelgroep pays half of a
# participatiewet case's trajectory from central government, half from the municipality.
COFUNDING_FROM: Final = date(2023, 3, 1)
RIJK_SHARE: Final = 0.5


def benefit_payer(benefit_type: pd.Series) -> pd.Series:
    """The payer of the benefit (and its administration): municipality, uwv or ``None``."""
    mapped = benefit_type.map(BENEFIT_PAYER).astype("object")
    return mapped.where(mapped.notna(), None)


def counselling_payer(
    trajectory_start: pd.Series, benefit_type: pd.Series, chosen: str | None
) -> tuple[pd.Series, pd.Series]:
    """C1 per case: the payer of the counselling item and the rijk's share of the trajectory.

    ``chosen`` (``payers.counselling``) puts the whole trajectory with one party, as in v1.
    """
    index = trajectory_start.index
    if chosen is not None:
        return pd.Series(chosen, index=index, dtype="object"), pd.Series(0.0, index=index)
    cofunded = trajectory_start.ge(pd.Timestamp(COFUNDING_FROM)) & benefit_type.eq(
        "participatiewet"
    )
    payer = pd.Series(np.where(cofunded, "municipality", "uwv"), index=index, dtype="object")
    return payer, cofunded.astype("float64") * RIJK_SHARE


def payer_frame(
    benefit_type: pd.Series,
    trajectory_start: pd.Series,
    chosen: dict[str, str | None],
) -> tuple[pd.DataFrame, pd.Series]:
    """The stakeholder of every item of every case, and the rijk's share of the counselling.

    ``chosen`` holds ``payers.<item>`` (``counselling`` may be ``None``: rule C1).
    """
    index = benefit_type.index
    counselling, rijk_share = counselling_payer(
        trajectory_start, benefit_type, chosen["counselling"]
    )
    by_rule: dict[str, pd.Series] = {"benefit": benefit_payer(benefit_type)}
    columns: dict[str, pd.Series] = {}
    for item in ITEMS:
        if item.payer == "benefit":
            columns[item.id] = by_rule["benefit"]
        elif item.payer == "counselling":
            columns[item.id] = counselling
        elif item.payer == "chosen":
            columns[item.id] = pd.Series(chosen[item.id], index=index, dtype="object")
        else:
            columns[item.id] = pd.Series(item.party, index=index, dtype="object")
    return pd.DataFrame(columns)[list(ITEM_IDS)], rijk_share


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
