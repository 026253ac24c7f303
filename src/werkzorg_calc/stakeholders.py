"""The parties between whom savings and costs fall, and their Dutch names."""

from __future__ import annotations

from typing import Final, Literal

Stakeholder = Literal["municipality", "uwv", "health_insurer", "care_provider"]

STAKEHOLDERS: Final[tuple[Stakeholder, ...]] = (
    "municipality",
    "uwv",
    "health_insurer",
    "care_provider",
)

STAKEHOLDER_LABELS: Final[dict[str, str]] = {
    "municipality": "Gemeente",
    "uwv": "UWV",
    "health_insurer": "Zorgverzekeraar",
    "care_provider": "GGZ-instelling",
}
