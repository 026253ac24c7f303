"""How fast is ``simulate`` against a bare NumPy evaluation of the same formulas?

Run from the repository root (with the project's virtual environment)::

    python benchmarks/bench_simulate.py                       # 10,000 draws; 1,000 and 10,000 cases
    python benchmarks/bench_simulate.py --sizes 1000,100000 --draws 10000 --horizon 12 --repeat 3

For each size the script builds a synthetic, valid case table in memory (peildatum
2018-06-30; about a third at work, some with a known future job end so the projection is
capped; imputed inputs; every benefit type) and times, best of ``--repeat``:

* ``simulate``: the whole library call (one ``calculate``, the case sums, drawing every
  parameter, evaluating the net in chunks, percentiles and the target bootstrap);
* the reference: the same parameter draws, then the formulas of ``calc.py`` written out in
  plain NumPy on (draws × cases) arrays, in chunks of at most ``--chunk-mb`` megabytes per
  array, summed per stakeholder. It is what "vectorised, no loop per draw or per case"
  means at its most direct.

It checks that both give the same nets (to 1e-6 euro, or 1e-12 of the largest net when
that is more: the sums are added in another order) and prints the ratio simulate /
reference; the aim is at most 2. It asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from werkzorg_calc.domain.cases import CaseTable, SourceInfo
from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.engine.months import DAYS_PER_MONTH
from werkzorg_calc.engine.uncertainty.distributions import (
    UNCERTAIN_KEYS,
    default_distributions,
    resolve_distributions,
)
from werkzorg_calc.engine.uncertainty.simulate import draw_values, simulate
from werkzorg_calc.read.cases import models_frame
from werkzorg_calc.read.rows import CaseRow

T = TypeVar("T")
Array = np.ndarray[Any, np.dtype[np.float64]]

PEILDATUM = date(2018, 6, 30)
FIRST_INTAKE = date(2016, 1, 4)
DEFAULT_SIZES = (1_000, 10_000)
AIM = 2.0
BENEFIT_TYPES = ("participatiewet",) * 8 + ("ww", "wia", "wajong", "geen")


# --- synthetic cases ----------------------------------------------------------------------------


def synthetic_row(rng: random.Random) -> dict[str, Any]:
    """One valid case: a third at work (a fifth of those with a known future job end)."""
    intake = FIRST_INTAKE + timedelta(days=rng.randrange((PEILDATUM - FIRST_INTAKE).days))
    row: dict[str, Any] = {
        "trajectory_start": intake,
        "benefit_type": rng.choice(BENEFIT_TYPES),
        "mhc_before": round(rng.uniform(400, 950), 2),
        "counselling_hours": None if rng.random() < 0.3 else float(rng.randint(8, 60)),
        "mediation_cost": round(rng.uniform(0, 1500), 2),
        "insurer_contribution": 500.0 if rng.random() < 0.15 else None,
    }
    draw = rng.random()
    if draw < 0.33:
        start = min(intake + timedelta(days=rng.randint(0, 400)), PEILDATUM)
        end = PEILDATUM + timedelta(days=rng.randint(20, 400)) if rng.random() < 0.2 else None
        row.update(
            status="aan_het_werk",
            job_start=start,
            job_end=end,
            hours_per_week=float(rng.choice((8, 12, 16, 24, 32))),
            benefit_before=None if rng.random() < 0.1 else 1401.50,
            benefit_after=0.0 if rng.random() < 0.6 else round(rng.uniform(100, 900), 2),
            wmo_before=55.80 * rng.randint(0, 8),
            wmo_after=0.0,
            jobcoach_hours=float(rng.randint(8, 80)),
            wage_subsidy_month=round(rng.uniform(300, 900), 2) if rng.random() < 0.4 else None,
            no_risk_cost=800.0 if rng.random() < 0.2 else None,
        )
        if rng.random() < 0.5:
            row["mhc_after"] = round(row["mhc_before"] * rng.uniform(0.4, 0.8), 2)
    elif draw < 0.40:
        start = intake + timedelta(days=rng.randint(0, 60))
        end = start + timedelta(days=rng.randint(10, 120))
        if end >= PEILDATUM:
            start, end = PEILDATUM - timedelta(days=90), PEILDATUM - timedelta(days=30)
        row.update(status="uitgevallen", job_start=start, job_end=end, benefit_before=2002.13)
    else:
        row.update(status=rng.choice(("aangemeld", "in_bemiddeling", "solliciteert")))
        row["mhc_after"] = row["mhc_before"]
    return row


def synthetic_cases(cases: int, seed: int) -> CaseTable:
    """``cases`` validated cases, built in memory as the reader would."""
    rng = random.Random(seed)
    models = [
        CaseRow.model_validate({"case_id": f"B-{number:06d}", **synthetic_row(rng)})
        for number in range(1, cases + 1)
    ]
    frame = models_frame(models, [number + 2 for number in range(cases)])
    frame["file"] = "synthetic"
    return CaseTable(frame, (SourceInfo("synthetic", "0" * 64, None, 1, cases, {}),), ())


# --- the reference: calc.py's formulas on (draws × cases) arrays ---------------------------------


def _mask(values: pd.Series, stakeholder: str) -> Array:
    return np.asarray(values == stakeholder, dtype=np.float64)


def _to(stakeholder: str) -> Array:
    """The row vector that puts an amount in ``stakeholder``'s column."""
    return np.array([s == stakeholder for s in STAKEHOLDERS], dtype=np.float64)


def prepare(table: CaseTable, horizon: int) -> dict[str, Any]:
    """The case columns as arrays: work months, projection months, inputs, payers."""
    frame = table.frame
    peil = pd.Timestamp(PEILDATUM)
    start, end = frame["job_start"], frame["job_end"]
    stop = end.where(end.notna() & end.lt(peil), peil)
    working = (start.le(peil) & (end.isna() | end.gt(peil))).to_numpy()
    left = ((end - peil).dt.days.clip(lower=0) / DAYS_PER_MONTH).where(end.notna(), horizon)
    kind = frame["benefit_type"].fillna("participatiewet")
    payer = kind.map(
        {"participatiewet": "municipality", "ww": "uwv", "wia": "uwv", "wajong": "uwv"}
    )
    payers = default_parameters().payers
    return {
        "work_months": ((stop - start).dt.days.clip(lower=0) / DAYS_PER_MONTH)
        .fillna(0.0)
        .to_numpy(),
        "months": np.where(working, np.floor(np.minimum(left.to_numpy(), horizon)), 0.0),
        "has_benefit": kind.ne("geen").to_numpy(),
        "monthly_owner": np.stack([_mask(payer, s) for s in STAKEHOLDERS], axis=1),
        "before": frame["benefit_before"].to_numpy(),
        "after": frame["benefit_after"].fillna(0.0).to_numpy(),
        "wmo": (frame["wmo_before"].fillna(0.0) - frame["wmo_after"].fillna(0.0)).to_numpy(),
        "mhc_before": frame["mhc_before"].to_numpy(),
        "mhc_after": frame["mhc_after"].to_numpy(),
        "wage": frame["wage_subsidy_month"].fillna(0.0).to_numpy(),
        "counselling_hours": frame["counselling_hours"].to_numpy(),
        "jobcoach_hours": frame["jobcoach_hours"].fillna(0.0).sum(),
        "fixed": (
            frame["mediation_cost"].fillna(0.0).sum() * _to(payers.mediation)
            + frame["no_risk_cost"].fillna(0.0).sum() * _to("uwv")
            + frame["insurer_contribution"].fillna(0.0).sum() * _to("health_insurer")
        ),
        "counselling_to": _to(payers.counselling or "uwv"),  # C1 for the 2018 benchmark cases
        "jobcoach_to": _to(payers.jobcoach),
    }


def reference(cases: dict[str, Any], values: dict[str, Array], chunk_bytes: int) -> Array:
    """Net per stakeholder and in total for every draw: calc.py's formulas, written out."""
    c = cases
    draws, size = len(values["deadweight"]), len(c["work_months"])
    rows = max(1, chunk_bytes // (8 * size))
    nets = np.empty((draws, len(STAKEHOLDERS) + 1))
    for first in range(0, draws, rows):
        p = {key: values[key][first : first + rows, None] for key in UNCERTAIN_KEYS}
        keep = 1 - p["deadweight"]
        q = (p["retention_per_year"] / (1 + p["discount_rate"])) ** (1 / 12)
        with np.errstate(divide="ignore", invalid="ignore"):
            factor = np.where(q == 1, c["months"], q * (1 - q ** c["months"]) / (1 - q))
        months = c["work_months"] + factor
        before = np.where(np.isnan(c["before"]), p["benefit_default_month"], c["before"])
        benefit = np.where(c["has_benefit"], before - c["after"], 0.0) * keep * months
        outflow = (c["after"] == 0) & c["has_benefit"]
        administration = p["benefit_admin_cost_year"] / 12 * outflow * keep * months
        reduced = np.where(
            np.isnan(c["mhc_after"]),
            c["mhc_before"] * (1 - p["mhc_reduction_when_working"]),
            c["mhc_after"],
        )
        care = (np.nan_to_num(c["mhc_before"]) - np.nan_to_num(reduced)) * keep * months
        counselling = np.where(
            np.isnan(c["counselling_hours"]),
            p["counselling_cost_per_trajectory"],
            c["counselling_hours"] * p["counselling_hour_rate"],
        )
        net = (
            (benefit + administration) @ c["monthly_owner"]
            + (c["wmo"] * keep * months - c["wage"] * months).sum(axis=1, keepdims=True)
            * _to("municipality")
            + care.sum(axis=1, keepdims=True) * _to("health_insurer")
            - counselling.sum(axis=1, keepdims=True) * c["counselling_to"]
            - p["jobcoach_hour_rate"] * c["jobcoach_hours"] * c["jobcoach_to"]
            - c["fixed"]
        )
        nets[first : first + rows, :-1] = net
        nets[first : first + rows, -1] = net.sum(axis=1)
    return nets


# --- timing -------------------------------------------------------------------------------------


def best_of(repeat: int, action: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall-clock time of ``repeat`` calls (at least one), and the last value."""
    best, value = float("inf"), None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        value = action()
        best = min(best, time.perf_counter() - start)
    assert value is not None
    return best, value


def measure(cases: int, args: argparse.Namespace) -> dict[str, float]:
    table = synthetic_cases(cases, args.seed)
    params = default_parameters()
    distributions = resolve_distributions(default_distributions(), params)

    def run_simulate() -> Array:
        result = simulate(table, params, PEILDATUM, args.horizon, draws=args.draws, seed=args.seed)
        return result.nets.to_numpy()

    def run_reference() -> Array:
        values = draw_values(distributions, args.draws, args.seed)
        return reference(prepare(table, args.horizon), values, args.chunk_mb * 1_000_000)

    ours, our_nets = best_of(args.repeat, run_simulate)
    bare, bare_nets = best_of(args.repeat, run_reference)
    difference = float(np.abs(our_nets - bare_nets).max())
    scale = float(np.abs(bare_nets).max())
    if difference > 1e-6 + 1e-12 * scale:  # summation order: rounding grows with the sums
        raise RuntimeError(f"simulate and the reference differ by {difference} euro")
    return {"simulate": ours, "reference": bare, "difference": difference}


def machine() -> str:
    return (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs; numpy {np.__version__}, pandas {pd.__version__}"
    )


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError("give sizes as 1000,10000") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive whole numbers")
    return sizes


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=_sizes, default=DEFAULT_SIZES, help="numbers of cases")
    parser.add_argument("--draws", type=int, default=10_000, help="draws (default 10000)")
    parser.add_argument("--horizon", type=int, default=12, help="projection months (default 12)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N (default 3)")
    parser.add_argument("--seed", type=int, default=42, help="random seed")
    parser.add_argument(
        "--chunk-mb", type=int, default=64, help="reference: MB per (draws × cases) array"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    print(f"werkzorg simulate benchmark; {machine()}")
    print(
        f"{args.draws:,} draws, horizon {args.horizon}, best of {args.repeat}, seed {args.seed}, "
        f"reference arrays ≤ {args.chunk_mb} MB"
    )
    measure(200, argparse.Namespace(**{**vars(args), "repeat": 1}))  # warm-up, untimed
    print(f"\n  {'cases':>9} {'simulate s':>11} {'reference s':>12} {'ratio':>7}  aim <= {AIM:g}")
    for cases in args.sizes:
        figures = measure(cases, args)
        ratio = figures["simulate"] / figures["reference"]
        print(
            f"  {cases:>9,} {figures['simulate']:>11.3f} {figures['reference']:>12.3f} "
            f"{ratio:>7.2f}  {'met' if ratio <= AIM else 'NOT met'}"
            f"  (nets agree to {figures['difference']:.1e} euro)"
        )


if __name__ == "__main__":
    main()
