"""Case bootstrap (method v2, U1): how much the result could differ with other participants.

The cases are resampled with replacement, ``draws`` times, with the parameters held fixed; the
spread of the total net and of the durable share over the resamples is the uncertainty that comes
from *who* took part, not from the parameters (that is ``simulate``). The generator is the spec's:
``numpy.random.Generator(PCG64(seed))`` and ``integers(0, n, size=(draws, n))``, drawn in chunks
of rows so memory stays bounded at national scale; the chunks continue one stream, so the numbers
do not depend on the chunk size.

Drawing the indices and summing over them take about as long as each other, so a second thread
sums chunk k while the first draws chunk k+1 (NumPy lets go of the interpreter lock in both):
one generator, drawn in order, so the numbers are those of the single-threaded recipe. Chunks
of about 8 MB of indices are the fastest measured from 1,000 to 1,000,000 cases (2 MB chunks
hand over too often, 32 MB ones fall out of the cache; ``docs/performance.md``).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Final

import numpy as np
from numpy.typing import NDArray

from werkzorg_calc.domain.beyond import CaseBootstrap

__all__ = [
    "DEFAULT_DRAWS",
    "DEFAULT_SEED",
    "CaseBootstrap",
    "case_bootstrap",
    "case_bootstrap_started",
    "default_draws",
]

DEFAULT_DRAWS: Final = 10_000
DEFAULT_SEED: Final = 42
# The default B is the spec's 10,000 while B × n stays within this many drawn indices (about
# 2.5 s on two cores; 100,000 cases keep the full B). Beyond it the default B is cut to fit,
# never below MIN_DEFAULT_DRAWS, with a warning; a B the user gives is always drawn in full.
MAX_DEFAULT_INDICES: Final = 1_000_000_000
MIN_DEFAULT_DRAWS: Final = 1_000
MAX_CELLS: Final = 1_048_576  # indices drawn at once (8 MB of int64)
_COUNT_ROW_BY_ROW: Final = 10_000  # cases from which a row's durable count is a call of its own


def default_draws(cases: int) -> int:
    """The B used when none is given: 10,000, or fewer for a national file (see above).

    Example: 100,000 cases keep 10,000 draws; 1,000,000 cases get 1,000.
    """
    if cases * DEFAULT_DRAWS <= MAX_DEFAULT_INDICES:
        return DEFAULT_DRAWS
    return max(MIN_DEFAULT_DRAWS, MAX_DEFAULT_INDICES // max(cases, 1))


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
    counts = np.empty(draws, dtype=np.int64)

    def summed(start: int, index: NDArray[np.int64]) -> None:
        # np.take gathers faster than net[index] (1.8 against 2.2 ns an index at 100,000
        # cases) and gives the same array, so the sums are those of the recipe.
        totals[start : start + len(index)] = np.take(net, index).sum(axis=1)
        taken = np.take(durable, index)
        # A long row is counted faster on its own (a popcount) than along an axis.
        counts[start : start + len(index)] = (
            [np.count_nonzero(row) for row in taken]
            if n >= _COUNT_ROW_BY_ROW
            else np.count_nonzero(taken, axis=1)
        )

    with ThreadPoolExecutor(max_workers=1) as worker:
        pending: Future[None] | None = None
        for start in range(0, draws, rows):
            index = generator.integers(0, n, size=(min(rows, draws - start), n))
            if pending is not None:
                pending.result()
            pending = worker.submit(summed, start, index)
        if pending is not None:
            pending.result()
    shares = counts / n
    low_net, high_net = np.percentile(totals, [2.5, 97.5])
    low_share, high_share = np.percentile(shares, [2.5, 97.5])
    return CaseBootstrap(
        draws=draws,
        seed=seed,
        total_net=(float(low_net), float(high_net)),
        durable_share=(float(low_share), float(high_share)),
    )


def case_bootstrap_started(
    net: NDArray[np.float64],
    durable: NDArray[np.bool_],
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> Future[CaseBootstrap | None]:
    """``case_bootstrap`` begun in a thread of its own; ``.result()`` waits for it.

    At national scale the resampling takes seconds of NumPy work that holds no interpreter
    lock, so the caller's other views (welfare, payback, …) are computed meanwhile on the
    second core. The arrays are copied first: nothing the caller does later can change them.
    """
    launcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="case-bootstrap")
    future = launcher.submit(case_bootstrap, net.copy(), durable.copy(), draws=draws, seed=seed)
    launcher.shutdown(wait=False)  # the thread ends when the resampling is done
    return future
