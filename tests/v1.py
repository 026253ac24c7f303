"""Method v1's defaults as overrides: with them the worked example's v1 figures come back.

``method-v2.md`` (Compatibility): every existing key keeps its v1 meaning as an override. The
only differences left are T1 (the insurer's contribution is received by whoever pays the
counselling: with the insurer paying it, V-01's 500.00 cancels) and T2 (no case of the worked
example is only registered, so T2 changes nothing there).
"""

from __future__ import annotations

from typing import Final

from werkzorg_calc.domain.parameters import (
    Parameters,
    ParameterSet,
    default_parameters,
    with_overrides,
)

V1_OVERRIDES: Final[dict[str, object]] = {
    "benefit_default_month": 1401.50,  # the 2026 norm v1 used for every date
    "payers.counselling": "health_insurer",  # v1's one payer of the trajectory
    "retention_per_year": 0.80,  # one curve for benefit and work
    "deadweight": 0.0,  # v1 showed the gross effect as the result
    "mhc_reduction_when_working": 0.45,  # VGZ's press statement
}


def v1_parameters() -> Parameters:
    """The package defaults with the v1 values of ``V1_OVERRIDES``."""
    return with_overrides(default_parameters(), V1_OVERRIDES, "v1")


def v1_set() -> ParameterSet:
    """``v1_parameters`` as a parameter set (for ``compare`` and the CLI helpers)."""
    return ParameterSet(v1_parameters(), {})


# The same values as command-line options, for tests of the CLI.
V1_ARGS: Final[tuple[str, ...]] = tuple(
    part for key, value in V1_OVERRIDES.items() for part in ("--set", f"{key}={value}")
)
