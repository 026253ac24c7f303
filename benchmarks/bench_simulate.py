"""How fast is ``simulate`` against a bare NumPy evaluation of the same formulas?

Run from the repository root (with the project's virtual environment)::

    python benchmarks/bench_simulate.py                       # 10,000 draws; 1,000 and 10,000 cases
    python benchmarks/bench_simulate.py --sizes 1000,100000 --draws 10000 --horizon 12 --repeat 3

For each size the script builds a synthetic, valid case table in memory (peildatum
2018-06-30; about a third at work, some with a known future job end so the projection is
capped; imputed inputs; every benefit type) and times, best of ``--repeat``:

* ``simulate``: the whole library call (one ``calculate``, the case sums, drawing every
  parameter, evaluating the net in chunks, percentiles and the target bootstrap);
* the reference: the same parameter draws, then method v2's formulas written out in plain
  NumPy on (draws × cases) arrays (two retention curves, the dated norm of each projected
  month, counselling split with the rijk), in chunks of at most ``--chunk-mb`` megabytes per
  array, summed per stakeholder. It is what "vectorised, no loop per draw or per case" means
  at its most direct. Its per-case inputs (work months, payers, imputed inputs) come from one
  ``calculate`` made before the clock starts.

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
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.norms import norm_keys, projected_norms
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


def _owners(payers: pd.Series) -> Array:
    """(cases × stakeholders) ones where the case's item belongs to that stakeholder."""
    names = payers.to_numpy()
    return np.stack([names == s for s in STAKEHOLDERS], axis=1).astype(np.float64)


def prepare(table: CaseTable, horizon: int) -> dict[str, Any]:
    """The per-case inputs of method v2 as arrays, from one ``calculate`` at the base values.

    ``simulate`` runs the same ``calculate`` first: work months, projection months, payers, the
    inputs as the sum used them (the dated norm for an empty bijstand ``uitkering_voor``) and
    the norm of every projected month of such a case hold no uncertain parameter.
    """
    base = calculate(table, default_parameters(), PEILDATUM, horizon, bootstrap_draws=0)
    frame, cases, inputs, payers = table.frame, base.cases, base.inputs, base.payers
    has_benefit = inputs["benefit_type"].ne("geen").to_numpy()
    imputed_mhc = (frame["mhc_after"].isna() & frame["mhc_before"].notna()).to_numpy()
    after = inputs["benefit_after"].to_numpy()
    dated = cases["benefit_norm_projected"].notna().to_numpy()
    months = cases["projection_months"].to_numpy()
    norms = np.zeros((int(dated.sum()), int(months.max()) if months.size else 0))
    if dated.any():
        keys = norm_keys(inputs["household"]).where(pd.Series(dated, index=frame.index))
        table_of = projected_norms(keys, PEILDATUM, norms.shape[1]).values
        for row, key in enumerate(keys[dated]):
            norms[row] = np.nan_to_num(table_of[str(key)])
    hours = frame["counselling_hours"]
    share = inputs["rijk_share"].to_numpy()
    started = frame["status"].ne("aangemeld").to_numpy()
    contribution = frame["insurer_contribution"].fillna(0.0).to_numpy()
    fixed = (
        frame["mediation_cost"].fillna(0.0).to_numpy() @ _owners(payers["mediation"])
        + frame["no_risk_cost"].fillna(0.0).to_numpy() @ _owners(payers["no_risk"])
        + contribution @ _owners(payers["insurer_contribution"])
        - contribution @ _owners(payers["insurer_contribution_received"])
    )
    return {
        "work_months": cases["work_months"].to_numpy(),
        "months": months,
        "dated": dated,
        "norms": norms,
        "benefit": np.where(has_benefit, inputs["benefit_before"].to_numpy() - after, 0.0),
        "after": np.where(has_benefit, after, 0.0),
        "outflow": (after == 0) & has_benefit,
        "wmo": (inputs["wmo_before"] - inputs["wmo_after"]).to_numpy(),
        "mhc_given": np.where(imputed_mhc, 0.0, (inputs["mhc_before"] - inputs["mhc_after"])),
        "mhc_imputed": np.where(imputed_mhc, inputs["mhc_before"].to_numpy(), 0.0),
        "wage": frame["wage_subsidy_month"].fillna(0.0).to_numpy(),
        "hours": hours.fillna(0.0).to_numpy(),
        "trajectories": (hours.isna().to_numpy() & started).astype(np.float64),
        "share": share,
        "jobcoach_hours": frame["jobcoach_hours"].fillna(0.0).to_numpy(),
        "to_benefit": _owners(payers["benefit"]),
        "to_administration": _owners(payers["benefit_administration"]),
        "uwv_administration": (payers["benefit_administration"] == "uwv").to_numpy(),
        "to_wmo": _owners(payers["wmo"]),
        "to_mhc": _owners(payers["mental_health_care"]),
        "to_wage": _owners(payers["wage_subsidy"]),
        "to_counselling": _owners(payers["counselling"]),
        "to_rijk": _owners(payers["counselling_rijk"]),
        "to_jobcoach": _owners(payers["jobcoach"]),
        "fixed": fixed,
    }


def reference(cases: dict[str, Any], values: dict[str, Array], chunk_bytes: int) -> Array:
    """Net per stakeholder and in total for every draw: method v2's formulas, written out.

    Per draw and case: the two projection factors q(1 − q^N)/(1 − q) of R1 (benefit and work),
    savings times 1 − deadweight, the imputed GGZ saving as mhc_before × reduction, counselling
    by hours or per trajectory split between its payer and the rijk (C1), and for a dated-norm
    case the projected benefit Σ norm(m)·q^m − benefit_after × factor (L1).
    """
    c = cases
    draws, size = len(values["deadweight"]), len(c["work_months"])
    rows = max(1, chunk_bytes // (8 * size))
    nets = np.empty((draws, len(STAKEHOLDERS) + 1))
    power = np.arange(1, c["norms"].shape[1] + 1)
    for first in range(0, draws, rows):
        p = {key: values[key][first : first + rows, None] for key in UNCERTAIN_KEYS}
        keep = 1 - p["deadweight"]
        factors = []
        for retention in (p["retention_benefit_per_year"], p["retention_work_per_year"]):
            q = (retention / (1 + p["discount_rate"])) ** (1 / 12)
            with np.errstate(divide="ignore", invalid="ignore"):
                factors.append(np.where(q == 1, c["months"], q * (1 - q ** c["months"]) / (1 - q)))
        benefit_factor, work_factor = factors
        benefit_months = c["work_months"] + benefit_factor
        work_months = c["work_months"] + work_factor
        benefit = c["benefit"] * benefit_months
        if c["dated"].any():
            q = (p["retention_benefit_per_year"] / (1 + p["discount_rate"])) ** (1 / 12)
            weights = q[:, :, None] ** power * (power <= c["months"][c["dated"], None])
            norm_sum = (weights * c["norms"]).sum(axis=2)
            benefit[:, c["dated"]] = (
                c["benefit"][c["dated"]] * c["work_months"][c["dated"]]
                + norm_sum
                - c["after"][c["dated"]] * benefit_factor[:, c["dated"]]
            )
        rate = np.where(
            c["uwv_administration"], p["benefit_admin_cost_year_uwv"], p["benefit_admin_cost_year"]
        )
        administration = rate / 12 * c["outflow"] * benefit_months
        care = (c["mhc_given"] + c["mhc_imputed"] * p["mhc_reduction_when_working"]) * work_months
        counselling = np.where(
            c["trajectories"] > 0,
            p["counselling_cost_per_trajectory"] * c["trajectories"],
            c["hours"] * p["counselling_hour_rate"],
        )
        net = (
            keep * (benefit @ c["to_benefit"] + administration @ c["to_administration"])
            + keep * ((c["wmo"] * work_months) @ c["to_wmo"] + care @ c["to_mhc"])
            - (c["wage"] * work_months) @ c["to_wage"]
            - (counselling * (1 - c["share"])) @ c["to_counselling"]
            - (counselling * c["share"]) @ c["to_rijk"]
            - (p["jobcoach_hour_rate"] * c["jobcoach_hours"]) @ c["to_jobcoach"]
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

    # The per-case inputs come from one calculate, outside the reference's time: simulate's
    # own time includes its calculate, so the ratio is, if anything, against us.
    prepared = prepare(table, args.horizon)

    def run_reference() -> Array:
        values = draw_values(distributions, args.draws, args.seed)
        return reference(prepared, values, args.chunk_mb * 1_000_000)

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
