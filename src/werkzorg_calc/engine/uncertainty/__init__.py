"""How sure are we? One-way sensitivity, break-even values and Monte Carlo simulation.

``sensitivity`` varies each uncertain parameter over its range and finds where each net turns;
``simulate`` draws all of them together. Both start from one ``calculate`` run and evaluate the
same formulas on arrays of parameter values (``model.py``). Distributions and their
justification are in ``data/distributions.csv``; see ``docs/uncertainty.md``.
"""

from __future__ import annotations

from werkzorg_calc.engine.uncertainty.distributions import (
    Distribution,
    DistributionSpec,
    apply_distribution_overrides,
    default_distributions,
    make_distributions,
    resolve_distributions,
)
from werkzorg_calc.engine.uncertainty.model import TARGETS, NetModel
from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult, sensitivity
from werkzorg_calc.engine.uncertainty.simulate import SimulationResult, TargetBootstrap, simulate

__all__ = [
    "TARGETS",
    "Distribution",
    "DistributionSpec",
    "NetModel",
    "SensitivityResult",
    "SimulationResult",
    "TargetBootstrap",
    "apply_distribution_overrides",
    "default_distributions",
    "make_distributions",
    "resolve_distributions",
    "sensitivity",
    "simulate",
]
