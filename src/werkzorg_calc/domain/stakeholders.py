"""The parties between whom savings and costs fall (their names are in ``labels.py``)."""

from __future__ import annotations

from typing import Final, Literal

Stakeholder = Literal["municipality", "uwv", "health_insurer", "care_provider", "rijk"]

STAKEHOLDERS: Final[tuple[Stakeholder, ...]] = (
    "municipality",
    "uwv",
    "health_insurer",
    "care_provider",
    "rijk",  # central government: pays half an IPS trajectory from 2023-03-01 (rule C1)
)
