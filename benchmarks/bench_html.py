"""How much does ``-o rapport.html`` add to a ``calc`` run, and how big is the file?

Run from the repository root (with the project's virtual environment)::

    python benchmarks/bench_html.py                      # 1,000 / 10,000 / 100,000 cases
    python benchmarks/bench_html.py --sizes 100000 --repeat 3 --horizon 12

For each size the script builds the synthetic, valid case table of ``bench_simulate.py`` in
memory (so reading a workbook is not timed), then times, best of ``--repeat``:

* ``calculate``: the library call the report is drawn from;
* ``build_provenance``: what the CLI adds for every output;
* ``write_html_report``: rendering the page (every section, the per-case table capped at 500
  rows) and writing it atomically.

It prints the report's size and how many case rows it holds, and says whether writing the
report stays under the budget of 2 seconds over the calculation. It asserts nothing.
"""

from __future__ import annotations

import argparse
import platform
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from bench_simulate import synthetic_cases

from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.provenance import build_provenance
from werkzorg_calc.write.html import write_html_report

PEILDATUM = date(2018, 6, 30)
BUDGET = 2.0  # seconds the report may add to the calculation
T = TypeVar("T")


def best_of(repeat: int, action: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall-clock time of ``repeat`` runs (at least one), and the last value."""
    start = time.perf_counter()
    value = action()
    best = time.perf_counter() - start
    for _ in range(repeat - 1):
        start = time.perf_counter()
        value = action()
        best = min(best, time.perf_counter() - start)
    return best, value


def measure(cases: int, repeat: int, horizon: int, folder: Path) -> dict[str, float]:
    table = synthetic_cases(cases, seed=20180630)
    parameters = default_parameters()
    calc_time, result = best_of(repeat, lambda: calculate(table, parameters, PEILDATUM, horizon))
    provenance_time, provenance = best_of(repeat, lambda: build_provenance(result))
    target = folder / f"rapport-{cases}.html"

    def write() -> None:
        write_html_report(result, target, provenance=provenance, force=True)

    html_time, _ = best_of(repeat, write)
    page = target.read_text("utf-8")
    rows = len(
        re.findall(r"<tr><th scope=\"row\">", page.split('id="cases"')[1].split("</section>")[0])
    )
    return {
        "cases": cases,
        "calculate": calc_time,
        "provenance": provenance_time,
        "html": html_time,
        "size_kb": target.stat().st_size / 1000,
        "case_rows": rows,
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--horizon", type=int, default=12)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}")
    print(f"horizon {args.horizon}, best of {args.repeat}")
    print(
        f"{'cases':>8} {'calculate s':>12} {'provenance s':>13} {'html s':>8} {'size kB':>8} "
        f"{'rows':>5}  budget"
    )
    with tempfile.TemporaryDirectory() as folder:
        measure(200, 1, args.horizon, Path(folder))  # warm-up: imports and first calls
        for size in sizes:
            figures = measure(size, args.repeat, args.horizon, Path(folder))
            added = figures["html"] + figures["provenance"]
            verdict = "ok" if added < BUDGET else "OVER"
            print(
                f"{size:>8,} {figures['calculate']:>12.3f} {figures['provenance']:>13.3f} "
                f"{figures['html']:>8.3f} {figures['size_kb']:>8.1f} {figures['case_rows']:>5.0f}"
                f"  {verdict} (+{added:.2f} s of {BUDGET:.0f} s)"
            )


if __name__ == "__main__":
    main()
