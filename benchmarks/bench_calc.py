"""How fast is ``werkzorg calc`` on large case files, stage by stage, against a bare read?

Run from the repository root (with the project's virtual environment)::

    python benchmarks/bench_calc.py                          # 1,000 / 10,000 / 100,000 cases
    python benchmarks/bench_calc.py --sizes 1000,10000 --repeat 3

For each size the script writes a synthetic, valid case workbook (``case-file.md`` at
peildatum 2018-06-30) with openpyxl's write-only mode and times, best of ``--repeat``:

* the reference: a bare read of the cell values, ``openpyxl.load_workbook(read_only=True,
  data_only=True)`` and ``iter_rows(values_only=True)`` into a list, the fastest safe way;
* our stages in-process: ``read_raw``, validation (``load_cases`` minus ``read_raw``),
  ``calculate``, the terminal report (``full_report`` rendered to a string), ``result_to_json``
  and ``write_excel``;
* the whole ``werkzorg calc FILE --peildatum 2018-06-30`` in a subprocess against a
  subprocess doing only the bare read (both pay for starting Python and importing openpyxl).

It also times start-up: ``werkzorg --help`` against ``python -c "import typer"``.

The aims: the whole calculation at most 2x the bare read, ``--help`` at most 1.5x importing
Typer. The script prints the figures and ratios; it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

import openpyxl
import pandas as pd
import pydantic
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from rich.console import Console  # noqa: TID251 - the benchmark renders the report itself

from werkzorg_calc.domain.columns import COLUMNS
from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.read import workbook as _workbook  # noqa: F401 - imported lazily by read_raw
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.read.raw import read_raw
from werkzorg_calc.report.results import full_report
from werkzorg_calc.write.excel.summary import write_excel
from werkzorg_calc.write.json_document import result_to_json

T = TypeVar("T")

PEILDATUM = date(2018, 6, 30)
FIRST_INTAKE = date(2016, 1, 4)
DEFAULT_SIZES = (1_000, 10_000, 100_000)
CALC_AIM = 2.0
HELP_AIM = 1.5

# The canonical headers, in the order of the case-file contract.
HEADERS: tuple[str, ...] = tuple(column.header for column in COLUMNS)

# Shares roughly as in the pilot's reports: most people in mediation, about a third at work.
STATUS_WEIGHTS: dict[str, int] = {
    "aangemeld": 10,
    "in_bemiddeling": 35,
    "solliciteert": 15,
    "aan_het_werk": 30,
    "uitgevallen": 10,
}
BENEFIT_WEIGHTS: dict[str, int] = {
    "participatiewet": 80,
    "ww": 7,
    "wia": 6,
    "wajong": 4,
    "geen": 3,
}
MUNICIPALITIES = (
    "Dordrecht",
    "Zwijndrecht",
    "Papendrecht",
    "Sliedrecht",
    "Alblasserdam",
    "Hendrik-Ido-Ambacht",
    "Hardinxveld-Giessendam",
)
SINGLE = 1401.50  # bijstand norm, single person (2018)
COUPLE = 2002.13  # bijstand norm, couple (2018)
WMO_HOUR = 55.80  # Wmo begeleiding per hour
NOTES = ("Afspraak verzet", "Overleg met behandelaar", "Start na overleg met sleutelfiguur")

Cell = str | float | date | None

BARE_READ_SCRIPT = (
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)\n"
    "rows = list(wb.worksheets[0].iter_rows(values_only=True))\n"
    "wb.close()\n"
)

# What `werkzorg calc` imports before it reads a byte: a fixed cost paid by every run.
CALC_IMPORTS = (
    "import werkzorg_calc.cli.app, werkzorg_calc.engine.calc, werkzorg_calc.read.cases, "
    "werkzorg_calc.read.workbook, werkzorg_calc.report.results, rich.console"
)


# --- synthetic case files ---------------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _money(value: float) -> float:
    return round(value, 2)


def synthetic_case(rng: random.Random, number: int) -> list[Cell]:
    """One valid row at ``PEILDATUM``: a job start only when at work, never a job end."""
    status = _weighted(rng, STATUS_WEIGHTS)
    working = status == "aan_het_werk"
    intake = FIRST_INTAKE + timedelta(days=rng.randrange((PEILDATUM - FIRST_INTAKE).days + 1))
    job_start: date | None = None
    if working:
        # Usually some months after the intake; now and then a job found just before it.
        offset = rng.randint(-14, 365)
        job_start = min(intake + timedelta(days=offset), PEILDATUM)
    hours = float(rng.choice((8, 12, 16, 20, 24, 28, 32, 36)))
    benefit_type = _weighted(rng, BENEFIT_WEIGHTS)
    household: str | None = None
    if benefit_type == "participatiewet":
        before = rng.choice((SINGLE, SINGLE, SINGLE, COUPLE))
        household = "gehuwd" if before == COUPLE else "alleenstaand"
    elif benefit_type == "geen":
        before = 0.0
    else:
        before = _money(rng.uniform(1100, 2300))
    after = before
    if working:
        after = 0.0 if hours >= 28 else _money(before * (1 - hours / 36))
    wmo_before = _money(WMO_HOUR * rng.randint(0, 10))
    # At work, Wmo support often drops (by whole hours); otherwise it stays as it was.
    wmo_after = (
        _money(WMO_HOUR * rng.randint(0, round(wmo_before / WMO_HOUR))) if working else wmo_before
    )
    mhc_before = _money(rng.uniform(500, 950))
    mhc_after = _money(mhc_before * rng.uniform(0.45, 0.75)) if working else mhc_before
    return [
        f"WBZ-{number:06d}",
        status,
        intake,
        job_start,
        None,
        hours,
        before,
        after,
        benefit_type,
        wmo_before,
        wmo_after,
        mhc_before,
        mhc_after,
        float(rng.randint(8, 80) if working else rng.randint(0, 8)),
        float(rng.randint(8, 60)),
        _money(rng.uniform(250, 1500)),
        _money(rng.uniform(300, 900)) if working and rng.random() < 0.4 else 0.0,
        800.0 if working and rng.random() < 0.2 else 0.0,
        500.0 if rng.random() < 0.15 else 0.0,
        household,
        rng.choice(MUNICIPALITIES),
        None,  # netto_loon_pm, brutoloon_pm, loonwaarde: typed amounts, nothing derived
        None,
        None,
        rng.choice(NOTES) if rng.random() < 0.05 else None,
    ]


def write_case_file(path: Path, cases: int, seed: int, *, dimension: bool = True) -> None:
    """A ``Casussen`` sheet of ``cases`` rows with real dates, written in streaming mode.

    With ``dimension`` the sheet gets the ``<dimension>`` element Excel always writes (see
    ``add_dimension``), so reading it costs what reading a file saved by Excel costs.
    """
    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Casussen")
    sheet.append(list(HEADERS))
    for number in range(1, cases + 1):
        sheet.append(synthetic_case(rng, number))
    workbook.save(path)
    if dimension:
        add_dimension(path, f"A1:{get_column_letter(len(HEADERS))}{cases + 1}")


def add_dimension(path: Path, ref: str) -> None:
    """Insert ``<dimension ref=...>`` into the sheet, which openpyxl's write-only mode omits.

    Without it, openpyxl's read-only reader parses the whole sheet once more just to learn its
    size (about half again the read time), a cost no workbook saved by Excel has.
    """
    element = f'<dimension ref="{ref}" />'.encode()
    patched = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and b"<dimension" not in data:
                if b"</sheetPr>" not in data:
                    raise RuntimeError(f"no <sheetPr> in {info.filename}; cannot add dimension")
                data = data.replace(b"</sheetPr>", b"</sheetPr>" + element, 1)
            target.writestr(info, data)
    patched.replace(path)


# --- timing -------------------------------------------------------------------------------------


def best_of(repeat: int, action: Callable[[], T]) -> tuple[float, T]:
    """The shortest wall-clock time of ``repeat`` calls (at least one), and the last value."""
    start = time.perf_counter()
    value = action()
    best = time.perf_counter() - start
    for _ in range(repeat - 1):
        start = time.perf_counter()
        value = action()
        best = min(best, time.perf_counter() - start)
    return best, value


def run_quietly(command: Sequence[str]) -> None:
    """Run a subprocess with stdout discarded; fail loudly (with its stderr) if it fails."""
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")


def best_subprocess(repeat: int, command: Sequence[str]) -> float:
    seconds, _ = best_of(repeat, lambda: run_quietly(command))
    return seconds


def bare_read(path: Path) -> list[tuple[object, ...]]:
    """The reference: every cell value of the first sheet, as fast as openpyxl safely can."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


@dataclass
class SizeFigures:
    """The timings (seconds) for one file size."""

    cases: int
    megabytes: float
    generate: float
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def calc_ratio(self) -> float:
        return self.stages["werkzorg calc (subprocess)"] / self.stages["bare read (subprocess)"]


def measure_size(
    directory: Path, cases: int, repeat: int, seed: int, *, dimension: bool = True
) -> SizeFigures:
    path = directory / f"cases-{cases}.xlsx"
    start = time.perf_counter()
    write_case_file(path, cases, seed, dimension=dimension)
    generated = time.perf_counter() - start
    figures = SizeFigures(cases, path.stat().st_size / 1e6, generated)
    stages = figures.stages
    params = default_parameters()

    stages["bare read (openpyxl)"], rows = best_of(repeat, lambda: bare_read(path))
    if len(rows) != cases + 1:
        raise RuntimeError(f"bare read found {len(rows)} rows, expected {cases + 1}")
    del rows
    stages["read (read_raw)"], _ = best_of(repeat, lambda: read_raw(path, str(path)))
    stages["load_cases (read + validate)"], table = best_of(
        repeat, lambda: load_cases(path, PEILDATUM)
    )
    if len(table.frame) != cases:
        raise RuntimeError(f"load_cases kept {len(table.frame)} cases, expected {cases}")
    stages["validate (load_cases - read)"] = (
        stages["load_cases (read + validate)"] - stages["read (read_raw)"]
    )
    stages["calculate"], result = best_of(
        repeat, lambda: calculate(table, params, PEILDATUM, horizon=0)
    )

    def render() -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, width=100, highlight=False)
        console.print(full_report(result, 20))
        return buffer.getvalue()

    stages["report (rich, 20 cases)"], _ = best_of(repeat, render)
    stages["JSON (result_to_json)"], _ = best_of(repeat, lambda: result_to_json(result))
    excel = directory / f"summary-{cases}.xlsx"
    stages["Excel (write_excel)"], _ = best_of(
        repeat, lambda: write_excel(result, excel, force=True)
    )
    stages["bare read (subprocess)"] = best_subprocess(
        repeat, [sys.executable, "-c", BARE_READ_SCRIPT, str(path)]
    )
    stages["werkzorg calc (subprocess)"] = best_subprocess(
        repeat,
        [
            sys.executable,
            "-m",
            "werkzorg_calc",
            "calc",
            str(path),
            "--peildatum",
            PEILDATUM.isoformat(),
        ],
    )
    return figures


@dataclass(frozen=True)
class Startup:
    """Start-up times (seconds, best of n)."""

    python: float
    typer: float
    help: float
    imports: float

    @property
    def ratio(self) -> float:
        return self.help / self.typer


def measure_startup(repeat: int) -> Startup:
    python = sys.executable
    return Startup(
        python=best_subprocess(repeat, [python, "-c", "pass"]),
        typer=best_subprocess(repeat, [python, "-c", "import typer"]),
        help=best_subprocess(repeat, [python, "-m", "werkzorg_calc", "--help"]),
        imports=best_subprocess(repeat, [python, "-c", CALC_IMPORTS]),
    )


# --- report -------------------------------------------------------------------------------------

IN_PROCESS = (
    "read (read_raw)",
    "validate (load_cases - read)",
    "calculate",
    "report (rich, 20 cases)",
    "JSON (result_to_json)",
    "Excel (write_excel)",
)


def revision() -> str:
    """The commit being measured (``-dirty`` when the work tree has changes), if known."""
    try:
        done = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent,
        )
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def machine() -> str:
    return (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs; openpyxl {openpyxl.__version__}, pandas {pd.__version__}, "
        f"pydantic {pydantic.VERSION}"
    )


def print_size(figures: SizeFigures) -> None:
    stages = figures.stages
    bare = stages["bare read (openpyxl)"]
    print(
        f"\n{figures.cases:,} cases ({figures.megabytes:.1f} MB, generated in "
        f"{figures.generate:.2f} s)"
    )
    print(f"  {'stage':<32} {'seconds':>9} {'rows/s':>11} {'x bare read':>12}")
    for name in ("bare read (openpyxl)", *IN_PROCESS):
        seconds = stages[name]
        print(
            f"  {name:<32} {seconds:>9.3f} {figures.cases / seconds:>11,.0f} "
            f"{seconds / bare:>12.2f}"
        )
    pipeline = (
        stages["load_cases (read + validate)"]
        + stages["calculate"]
        + stages["report (rich, 20 cases)"]
    )
    label = "in-process calc (read..report)"
    print(f"  {label:<32} {pipeline:>9.3f} {'':>11} {pipeline / bare:>12.2f}")
    sub_bare = stages["bare read (subprocess)"]
    for name in ("bare read (subprocess)", "werkzorg calc (subprocess)"):
        seconds = stages[name]
        print(
            f"  {name:<32} {seconds:>9.3f} {figures.cases / seconds:>11,.0f} "
            f"{seconds / sub_bare:>12.2f}"
        )


def print_summary(all_figures: Sequence[SizeFigures], startup: Startup) -> None:
    print("\nSummary: werkzorg calc vs bare read, both as a fresh process")
    print(f"  {'cases':>9} {'bare read s':>12} {'calc s':>9} {'ratio':>7}  aim <= {CALC_AIM:g}")
    for figures in all_figures:
        stages = figures.stages
        ratio = figures.calc_ratio
        print(
            f"  {figures.cases:>9,} {stages['bare read (subprocess)']:>12.3f} "
            f"{stages['werkzorg calc (subprocess)']:>9.3f} {ratio:>7.2f}  "
            f"{'met' if ratio <= CALC_AIM else 'NOT met'}"
        )
    print("\nStart-up (best of n)")
    for label, seconds in (
        ("python -c pass", startup.python),
        ('python -c "import typer"', startup.typer),
        ("werkzorg --help", startup.help),
        ("imports of `calc`", startup.imports),
    ):
        print(f"  {label:<26} {seconds:.3f} s")
    verdict = "met" if startup.ratio <= HELP_AIM else "NOT met"
    print(f"  ratio --help / import typer: {startup.ratio:.2f} (aim <= {HELP_AIM:g}: {verdict})")


# --- command line -------------------------------------------------------------------------------


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError("give sizes as 1000,10000") from None
    if not sizes or any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("sizes must be positive whole numbers")
    return sizes


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return int(text)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=DEFAULT_SIZES,
        help="comma-separated numbers of cases (default 1000,10000,100000)",
    )
    parser.add_argument("--repeat", type=_positive, default=1, help="best of N (default 1)")
    parser.add_argument(
        "--startup-repeat", type=_positive, default=5, help="best of N for start-up (default 5)"
    )
    parser.add_argument("--seed", type=int, default=20180630, help="random seed")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="keep the generated workbooks in this directory (default: a temporary one)",
    )
    parser.add_argument(
        "--no-dimension",
        dest="dimension",
        action="store_false",
        help="keep openpyxl's write-only output as is, without the <dimension> element "
        "(reading then parses the sheet twice)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    print(f"werkzorg calc benchmark at {revision()}; {machine()}")
    print(
        f"peildatum {PEILDATUM.isoformat()}, best of {args.repeat}, seed {args.seed}, "
        f"sheet {'with' if args.dimension else 'WITHOUT'} <dimension>"
    )
    with tempfile.TemporaryDirectory(prefix="werkzorg-bench-") as temporary:
        directory: Path = args.workdir or Path(temporary)
        directory.mkdir(parents=True, exist_ok=True)
        # One untimed pass on a small file, so first-call costs (lazy imports, pydantic's
        # validator build, rich's set-up) do not land on the first timed stage.
        measure_size(directory, 200, 1, args.seed, dimension=args.dimension)
        all_figures = []
        for cases in args.sizes:
            figures = measure_size(
                directory, cases, args.repeat, args.seed, dimension=args.dimension
            )
            print_size(figures)
            all_figures.append(figures)
    startup = measure_startup(args.startup_repeat)
    print_summary(all_figures, startup)


if __name__ == "__main__":
    main()
