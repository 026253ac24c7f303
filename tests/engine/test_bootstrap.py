"""The case bootstrap (U1): the spec's generator, reproducible, independent of chunking."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from werkzorg_calc.engine.bootstrap import case_bootstrap

NET = np.array([1_000.0, -500.0, 250.0, 0.0, 4_000.0])
DURABLE = np.array([True, False, False, False, True])


def test_follows_the_spec_recipe() -> None:
    """PCG64(seed), integers(0, n, size=(B, n)), percentiles 2.5 and 97.5 of Σ net and durable."""
    generator = np.random.Generator(np.random.PCG64(7))
    index = generator.integers(0, 5, size=(2_000, 5))
    expected_net = np.percentile(NET[index].sum(axis=1), [2.5, 97.5])
    expected_share = np.percentile(DURABLE[index].mean(axis=1), [2.5, 97.5])
    result = case_bootstrap(NET, DURABLE, draws=2_000, seed=7)
    assert result is not None
    assert result.total_net == pytest.approx(tuple(expected_net))
    assert result.durable_share == pytest.approx(tuple(expected_share))


def test_chunk_size_does_not_change_the_numbers() -> None:
    """Drawing 3 rows at a time continues the same stream as drawing all at once."""
    whole = case_bootstrap(NET, DURABLE, draws=1_000, seed=3)
    chunked = case_bootstrap(NET, DURABLE, draws=1_000, seed=3, max_cells=15)
    assert whole == chunked


def test_identical_cases_leave_no_spread() -> None:
    """Five cases of € 200 each: every resample totals € 1.000, the interval is one point."""
    result = case_bootstrap(np.full(5, 200.0), np.ones(5, dtype=bool), draws=100, seed=1)
    assert result is not None
    assert result.total_net == pytest.approx((1_000.0, 1_000.0))
    assert result.durable_share == pytest.approx((1.0, 1.0))


def test_no_cases_no_interval() -> None:
    """An empty file has nothing to resample."""
    assert case_bootstrap(np.array([]), np.array([], dtype=bool)) is None


def _by_the_recipe(
    cases: int, durable_share: float, draws: int, *, seed: int, data: int
) -> tuple[NDArray[np.float64], NDArray[np.bool_], NDArray[np.float64], NDArray[np.float64]]:
    """Random cases (seeded by ``data``) and the interval U1 gives them, written as the spec
    writes it: ``integers(0, n, size=(draws, n))``, ``net[index]``, ``durable[index]``."""
    rng = np.random.default_rng(data)
    net = rng.normal(0.0, 5_000.0, cases)
    durable = rng.random(cases) < durable_share
    index = np.random.Generator(np.random.PCG64(seed)).integers(0, cases, size=(draws, cases))
    expected_net = np.percentile(net[index].sum(axis=1), [2.5, 97.5])
    expected_share = np.percentile(durable[index].mean(axis=1), [2.5, 97.5])
    return net, durable, expected_net, expected_share


def test_many_chunks_in_two_threads_give_the_spec_numbers() -> None:
    """3,000 cases, 500 draws: 87 draws per chunk (6 chunks summed by the second thread) must
    give exactly what one ``integers(0, n, size=(500, n))`` gives."""
    net, durable, expected_net, expected_share = _by_the_recipe(3_000, 0.3, 500, seed=5, data=11)
    result = case_bootstrap(net, durable, draws=500, seed=5)
    assert result is not None
    assert result.total_net == pytest.approx(tuple(expected_net), rel=1e-12)
    assert result.durable_share == tuple(float(x) for x in expected_share)


def test_long_rows_counted_one_by_one_give_the_spec_numbers() -> None:
    """12,000 cases (from 10,000 a row's durable count is a call of its own), 40 draws in
    chunks of 7 rows (6 chunks, the last of 5): the interval is exactly the recipe's, with
    ``net[index]`` and ``durable[index]`` as the spec writes them."""
    net, durable, expected_net, expected_share = _by_the_recipe(12_000, 0.45, 40, seed=8, data=23)
    result = case_bootstrap(net, durable, draws=40, seed=8, max_cells=7 * 12_000)
    assert result is not None
    assert result.total_net == tuple(float(x) for x in expected_net)
    assert result.durable_share == tuple(float(x) for x in expected_share)
