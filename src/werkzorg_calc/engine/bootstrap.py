"""Case bootstrap (method v2, U1): how much the result could differ with other participants.

The cases are resampled with replacement, ``draws`` times, with the parameters held fixed; the
spread of the total net and of the durable share over the resamples is the uncertainty that comes
from *who* took part, not from the parameters (that is ``simulate``). The generator is the spec's:
``numpy.random.Generator(PCG64(seed))`` and ``integers(0, n, size=(draws, n))``, drawn in chunks
of rows so memory stays bounded at national scale; the chunks continue one stream, so the numbers
do not depend on the chunk size.
"""

from __future__ import annotations

from typing import Final

import numpy as np
from numpy.typing import NDArray

from werkzorg_calc.domain.beyond import CaseBootstrap

__all__ = ["DEFAULT_DRAWS", "DEFAULT_SEED", "CaseBootstrap", "case_bootstrap"]

DEFAULT_DRAWS: Final = 10_000
DEFAULT_SEED: Final = 42
MAX_CELLS: Final = 4_000_000  # indices drawn at once (32 MB of int64)


def case_bootstrap(
    net: NDArray[np.float64],
    durable: NDArray[np.bool_],
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    max_cells: int = MAX_CELLS,
) -> CaseBootstrap | None:
    """Resample the cases ``draws`` times; ``None`` when there are no cases to resample."""
    n = len(net)
    if n == 0 or draws <= 0:
        return None
    generator = np.random.Generator(np.random.PCG64(seed))
    rows = max(1, max_cells // n)
    totals = np.empty(draws)
    shares = np.empty(draws)
    durable_int = durable.astype(np.int64)
    for start in range(0, draws, rows):
        size = min(rows, draws - start)
        index = generator.integers(0, n, size=(size, n))
        totals[start : start + size] = net[index].sum(axis=1)
        shares[start : start + size] = durable_int[index].sum(axis=1) / n
    low_net, high_net = np.percentile(totals, [2.5, 97.5])
    low_share, high_share = np.percentile(shares, [2.5, 97.5])
    return CaseBootstrap(
        draws=draws,
        seed=seed,
        total_net=(float(low_net), float(high_net)),
        durable_share=(float(low_share), float(high_share)),
    )
