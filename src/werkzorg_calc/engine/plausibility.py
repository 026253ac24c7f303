"""Plausibility (method v2, Q1): how does this result compare with published figures?

Two comparisons, shown as a panel and raised as warnings, never as errors:

- the GGZ saving per placed person against VGZ's reported € 70,000 for about 60 people
  (≈ € 1,167 per placed person); a warning beyond 3× either way;
- the welfare result (M1) per participant beside the Danish IPS trial's −€ 9,543 per
  participant (Christensen et al. 2021; 2016 euros, 18 months); the price years differ, the
  panel says so and nothing is converted. No warning band: the trial is a different system.
"""

from __future__ import annotations

import math
from typing import Final

import pandas as pd

from werkzorg_calc.domain.beyond import Plausibility
from werkzorg_calc.domain.errors import InputIssue, Params
from werkzorg_calc.domain.result import Result

VGZ_SAVING: Final = 70_000.0
VGZ_PEOPLE: Final = 60
VGZ_PER_PLACED: Final = VGZ_SAVING / VGZ_PEOPLE  # ≈ 1,166.67
VGZ_YEAR: Final = 2022
BAND: Final = 3.0
DANISH_IPS_PER_PARTICIPANT: Final = -9_543.0
DANISH_IPS_YEAR: Final = 2016


def plausibility(result: Result, welfare_total: float) -> Plausibility:
    """The Q1 panel (rows ``ggz_per_placed`` and ``welfare_per_participant``) and warnings."""
    placed, participants = result.target.placed, result.target.participants
    ggz = float(result.item("mental_health_care").sum())
    ggz_per_placed = ggz / placed if placed else math.nan
    ratio = ggz_per_placed / VGZ_PER_PLACED
    warn = math.isfinite(ratio) and not (1 / BAND <= ratio <= BAND)
    welfare_per = welfare_total / participants if participants else math.nan
    panel = pd.DataFrame(
        {
            "ours": [ggz_per_placed, welfare_per],
            "reference": [VGZ_PER_PLACED, DANISH_IPS_PER_PARTICIPANT],
            "ratio": [ratio, welfare_per / DANISH_IPS_PER_PARTICIPANT],
            "price_year": [VGZ_YEAR, DANISH_IPS_YEAR],
            "warn": [warn, False],
        },
        index=pd.Index(["ggz_per_placed", "welfare_per_participant"], name="check"),
    )
    warnings: tuple[InputIssue, ...] = ()
    if warn:
        params: Params = {
            "ours_euro": ggz_per_placed,
            "reference_euro": VGZ_PER_PLACED,
            "total_euro": VGZ_SAVING,
            "people": VGZ_PEOPLE,
            "band": BAND,
        }
        file = result.sources[0].file if result.sources else ""
        warnings = (
            InputIssue(file, None, None, None, "ggz_saving_implausible", params, "waarschuwing"),
        )
    return Plausibility(panel=panel, warnings=warnings)
