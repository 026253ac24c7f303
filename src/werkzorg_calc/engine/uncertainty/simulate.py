"""Probabilistic sensitivity analysis: all uncertain parameters drawn together.

Draws come from NumPy's ``Generator(PCG64)``: each parameter has its own stream, seeded from
``SeedSequence(seed, spawn_key=(i,))`` with ``i`` its place in ``UNCERTAIN_KEYS``, so the same
seed gives the same numbers, and fixing one parameter does not change the draws of another.
All values are drawn first; the net is then evaluated in chunks of draws sized to stay within
``memory_limit`` bytes (no Python loop per draw or per case).

The spread of the net is parameter uncertainty only: the cases are the pilot's own, taken as
observed. The pilot target's share gets a bootstrap over participants instead: resampling the
``n`` participants with replacement and counting those who count for the target gives a
binomial count with ``n`` trials and the observed share as chance, so it is drawn as exactly
that (``Generator.binomial``), which costs one number per replicate instead of ``n``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Final

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import Parameters, ParameterSet
from werkzorg_calc.domain.result import Result
from werkzorg_calc.domain.target import TargetResult
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.uncertainty.distributions import (
    UNCERTAIN_KEYS,
    Distribution,
    DistributionSpec,
    default_distributions,
    resolve_distributions,
)
from werkzorg_calc.engine.uncertainty.model import TARGETS, Array, NetModel

DEFAULT_DRAWS: Final = 10_000
DEFAULT_SEED: Final = 42
MEMORY_LIMIT: Final = 200_000_000  # bytes of working memory per chunk of draws
MAX_CHUNK: Final = 100_000  # draws per chunk at most, so a long run reports progress
PERCENTILES: Final = (5.0, 50.0, 95.0)
_BOOTSTRAP_STREAM: Final = 1_000  # spawn key of the bootstrap's own stream

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class TargetBootstrap:
    """The pilot target's share with a 95% percentile bootstrap interval over participants.

    ``chance_met`` is the share of replicates in which the target would be met.
    ``None`` throughout when there are no participants.
    """

    share: float | None
    low: float | None
    high: float | None
    chance_met: float | None
    replicates: int


@dataclass(frozen=True)
class SimulationResult:
    """The net per stakeholder and in total over ``draws`` joint draws of the parameters.

    ``values``: one row per draw, one column per uncertain parameter (its drawn value);
    ``nets``: one row per draw, one column per target (``TARGETS``); ``summary``: one row per
    target with the deterministic net, mean, sd, p5, p50, p95 and ``chance_positive`` (the
    share of draws with a net above 0); ``target``: the bootstrap of the pilot target.
    """

    base: Result
    draws: int
    seed: int
    distributions: tuple[Distribution, ...]
    values: pd.DataFrame
    nets: pd.DataFrame
    summary: pd.DataFrame
    target: TargetBootstrap

    @property
    def uncertain(self) -> list[str]:
        """The parameters that were drawn (not fixed)."""
        return [item.key for item in self.distributions if item.uncertain]

    def off_centre(self, share: float = 0.1) -> list[tuple[str, float, float]]:
        """Parameters drawn, on average, away from their chosen value: (key, value, mean drawn).

        "Away" is more than ``share`` of the parameter's range. Such a distribution is why the
        simulated mean can differ from the base result (deadweight: chosen 0, drawn 0–0.57).
        """
        shifted = []
        for item in self.distributions:
            if not item.uncertain or item.key not in self.values:
                continue
            drawn = float(self.values[item.key].mean())
            if abs(drawn - item.value) > share * max(item.high - item.low, 1e-12):
                shifted.append((item.key, item.value, drawn))
        return shifted

    def statistics(self, target: str = "total") -> dict[str, float]:
        """The summary row of ``target`` as plain numbers."""
        row = self.summary.loc[[target]].to_dict("records")[0]
        return {str(name): float(value) for name, value in row.items()}

    def histogram(self, target: str = "total", bins: int = 30) -> pd.DataFrame:
        """Counts of the net of ``target`` in ``bins`` equal bins: low, high, count, share.

        One bin when every draw gave the same net.
        """
        values = self.nets[target].to_numpy()
        low, high = float(values.min()), float(values.max())
        if low == high:
            return pd.DataFrame(
                {"low": [low], "high": [high], "count": [len(values)], "share": [1.0]}
            )
        counts, edges = np.histogram(values, bins=bins, range=(low, high))
        return pd.DataFrame(
            {
                "low": edges[:-1],
                "high": edges[1:],
                "count": counts,
                "share": counts / len(values),
            }
        )


def stream(seed: int, index: int) -> np.random.Generator:
    """The random stream number ``index`` of ``seed`` (one per parameter)."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(index,))))


def draw_values(
    distributions: tuple[Distribution, ...], draws: int, seed: int
) -> dict[str, NDArray[np.float64]]:
    """``draws`` values of every uncertain-capable parameter, each from its own stream."""
    by_key = {item.key: item for item in distributions}
    return {
        key: by_key[key].draw(stream(seed, index), draws)
        for index, key in enumerate(UNCERTAIN_KEYS)
    }


def simulate(
    cases: CaseTable,
    params: Parameters | ParameterSet | None = None,
    peildatum: date | None = None,
    horizon: int = 0,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    price_year: int | None = None,
    distributions: dict[str, DistributionSpec] | None = None,
    progress: Progress | None = None,
    memory_limit: int = MEMORY_LIMIT,
) -> SimulationResult:
    """Draw the uncertain parameters ``draws`` times and summarise the net.

    ``progress(done, total)`` is called after each chunk of draws. The other arguments are
    those of ``calculate``. Example::

        result = simulate(cases, default_parameters(), date(2018, 6, 30), draws=10_000, seed=42)
        result.summary      # mean, p5, p50, p95, chance_positive per stakeholder and total
    """
    if draws < 1:
        raise ValueError("draws must be at least 1")
    if seed < 0:
        raise ValueError("seed must be zero or more")
    base = calculate(cases, params, peildatum, horizon, price_year=price_year)
    resolved = resolve_distributions(distributions or default_distributions(), base.parameters)
    model = NetModel.from_result(cases, base)
    values = draw_values(resolved, draws, seed)
    nets = np.empty((draws, len(TARGETS)))
    chunk = max(1, min(MAX_CHUNK, memory_limit // model.bytes_per_draw))
    for start in range(0, draws, chunk):
        stop = min(draws, start + chunk)
        nets[start:stop] = model.net({key: array[start:stop] for key, array in values.items()})
        if progress is not None:
            progress(stop, draws)
    deterministic = model.net(model.values())[0]
    drawn = [item.key for item in resolved if item.uncertain]
    return SimulationResult(
        base=base,
        draws=draws,
        seed=seed,
        distributions=resolved,
        values=pd.DataFrame(
            {key: values[key] for key in drawn}, columns=drawn, index=pd.RangeIndex(draws)
        ),
        nets=pd.DataFrame(nets, columns=list(TARGETS)),
        summary=_summary(nets, deterministic),
        target=bootstrap_target(base.target, draws, stream(seed, _BOOTSTRAP_STREAM)),
    )


def _summary(nets: Array, deterministic: Array) -> pd.DataFrame:
    """Statistics per target. Mean and sd are taken of the nets minus the first draw, which
    is numerically stabler and makes a net that never varies come out exactly, with sd 0."""
    p5, p50, p95 = np.percentile(nets, PERCENTILES, axis=0)
    shifted = nets - nets[0]
    return pd.DataFrame(
        {
            "deterministic": deterministic,
            "mean": nets[0] + shifted.mean(axis=0),
            "sd": shifted.std(axis=0, ddof=1) if len(nets) > 1 else np.zeros(nets.shape[1]),
            "p5": p5,
            "p50": p50,
            "p95": p95,
            "chance_positive": (nets > 0).mean(axis=0),
        },
        index=list(TARGETS),
    )


def bootstrap_target(
    target: TargetResult, replicates: int, rng: np.random.Generator
) -> TargetBootstrap:
    """Resample the participants ``replicates`` times (as binomial counts, see the module)."""
    n = target.participants
    if n == 0:
        return TargetBootstrap(None, None, None, None, replicates)
    counts = rng.binomial(n, target.count / n, replicates)
    low, high = np.percentile(counts / n, (2.5, 97.5))
    # The target's own rule, with exact fractions: count / n ≥ share, and ≥ target_count.
    share = Fraction(str(target.target_share))
    met = counts * share.denominator >= share.numerator * n
    if target.target_count is not None:
        met &= counts >= target.target_count
    return TargetBootstrap(
        share=target.count / n,
        low=float(low),
        high=float(high),
        chance_met=float(met.mean()),
        replicates=replicates,
    )
