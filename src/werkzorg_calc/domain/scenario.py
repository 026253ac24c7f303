"""A scenario: a named set of parameter overrides, optionally with its own horizon."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from werkzorg_calc.domain.parameters import Override


@dataclass(frozen=True, slots=True)
class Scenario:
    """A named set of parameter overrides (and optionally its own projection horizon)."""

    name: str
    description: str
    overrides: tuple[Override, ...]
    horizon: int | None = None
    file: str = ""


def make_scenario(
    name: str,
    overrides: Mapping[str, object],
    description: str = "",
    horizon: int | None = None,
) -> Scenario:
    """A scenario built in Python, e.g. ``make_scenario("duur", {"jobcoach_hour_rate": 95})``."""
    origin = f"scenario {name}"
    return Scenario(
        name=name,
        description=description,
        overrides=tuple(Override(key, value, origin) for key, value in overrides.items()),
        horizon=horizon,
        file="",
    )
