"""The aims of issue 15, measured side by side: werkzorg against the bare libraries.

Run from the repository root (with the project's virtual environment and ``soffice`` on PATH)::

    python benchmarks/bench_scale.py                        # 1k / 10k / 100k xlsx, 1M CSV
    python benchmarks/bench_scale.py --sizes 1000,10000 --csv-cases 0 --repeat 3

For each size the script writes the synthetic case workbook of ``bench_calc.py`` and, for the
largest size, has LibreOffice save it again (``soffice --headless --convert-to xlsx``), so the
reader also meets a file written by another program (shared strings, styles, no inline text).
Every figure is a whole process (interpreter start and imports included), run ``--repeat``
times with werkzorg and its yardstick taking turns (A B A B ...); the script prints the
median seconds, the median of the pairwise ratios and each command's peak resident memory
(``os.wait4``). The yardsticks:

* read: ``python-calamine`` reading the case sheet into a pandas DataFrame;
* ``-o summary.xlsx``: XlsxWriter in ``constant_memory`` mode writing as many plain values as
  our summary has cells (counted in the written file); the writing part of werkzorg is the
  difference between ``calc -o`` and ``calc``;
* ``--format json``: ``json.dumps`` (and ``orjson.dumps``) of the same dict, in one process;
* the 1,000,000-row CSV: pandas' C parser reading it as text, and the absolute aims (60 s, 2 GB);
* start-up: ``werkzorg --help`` against ``python -c "import typer"``;
* problems: ``werkzorg check`` on a 100,000-row CSV with a bad cell in every tenth row (10,000
  of five kinds) against the same check of the clean file, and how many problems it listed.

It asserts nothing about time; the figures go into ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PEILDATUM = "2018-06-30"
PY = sys.executable

CALAMINE_READ = (
    "import sys, pandas as pd\n"
    "from python_calamine import CalamineWorkbook\n"
    "rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('Casussen').to_python()\n"
    "frame = pd.DataFrame(rows[1:], columns=rows[0])\n"
)
PANDAS_CSV = (
    "import sys, pandas as pd\n"
    "frame = pd.read_csv(sys.argv[1], sep=';', dtype=str, keep_default_na=False)\n"
)
XLSXWRITER = (
    "import sys, xlsxwriter\n"
    "rows, columns = int(sys.argv[2]), int(sys.argv[3])\n"
    "book = xlsxwriter.Workbook(sys.argv[1], {'constant_memory': True})\n"
    "sheet = book.add_worksheet()\n"
    "values = [1234.5 + c for c in range(columns)]\n"
    "for r in range(rows):\n"
    "    sheet.write_row(r, 0, values)\n"
    "book.close()\n"
)
COUNT_CELLS = (
    "import sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "book = CalamineWorkbook.from_path(sys.argv[1])\n"
    "print(sum(sum(1 for v in row if v != '') for name in book.sheet_names\n"
    "          for row in book.get_sheet_by_name(name).to_python()))\n"
)
JSON_INPROCESS = (
    "import sys, json, time, orjson\n"
    "from datetime import date\n"
    "from pathlib import Path\n"
    "from werkzorg_calc import calculate, default_parameters, load_cases\n"
    "from werkzorg_calc.write.json_document import result_to_dict, result_to_json\n"
    "table = load_cases(Path(sys.argv[1]), date(2018, 6, 30))\n"
    "result = calculate(table, default_parameters(), date(2018, 6, 30), horizon=0)\n"
    "def best(f):\n"
    "    times = []\n"
    "    for _ in range(3):\n"
    "        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)\n"
    "    return sorted(times)[1]\n"
    "ours = best(lambda: result_to_json(result))\n"
    "data = result_to_dict(result)\n"
    "bare = best(lambda: json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))\n"
    "fast = best(lambda: orjson.dumps(data, option=orjson.OPT_INDENT_2))\n"
    "print(ours, bare, fast)\n"
)


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run(command: Sequence[str], stdout: Path | None = None) -> Run:
    """One process, its wall time and its own peak resident memory (not its parent's).

    Its stderr goes to a temporary file, not a pipe: a run that reports many input problems
    writes more than a pipe holds, and would wait for a reader that only reads after wait4.
    """
    out = stdout.open("w") if stdout else subprocess.DEVNULL
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        error = errors.read().decode(errors="replace")
    if stdout:
        out.close()  # type: ignore[union-attr]
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{error}")
    return Run(seconds, usage.ru_maxrss / 1024)


@dataclass
class Pair:
    label: str
    ours: float
    bare: float
    ratio: float
    ours_mb: float
    bare_mb: float


def paired(label: str, ours: Sequence[str], bare: Sequence[str], repeat: int) -> Pair:
    """Run both in turn ``repeat`` times; medians of times, of pairwise ratios, max of peaks."""
    runs: list[tuple[Run, Run]] = []
    for _ in range(repeat):
        a = run(ours)
        b = run(bare)
        runs.append((a, b))
    pair = Pair(
        label,
        statistics.median(a.seconds for a, _ in runs),
        statistics.median(b.seconds for _, b in runs),
        statistics.median(a.seconds / b.seconds for a, b in runs),
        max(a.peak_mb for a, _ in runs),
        max(b.peak_mb for _, b in runs),
    )
    print(
        f"  {label:<42} {pair.ours:8.3f} s {pair.bare:8.3f} s  x{pair.ratio:5.2f}"
        f"  {pair.ours_mb:7.0f} MB {pair.bare_mb:7.0f} MB",
        flush=True,
    )
    return pair


def libreoffice_copy(source: Path, workdir: Path) -> Path | None:
    """The same workbook saved by LibreOffice Calc (None when soffice is missing)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("  soffice not found: no LibreOffice-saved workbook")
        return None
    outdir = workdir / "libreoffice"
    outdir.mkdir(exist_ok=True)
    profile = workdir / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=1800,
    )
    target = workdir / source.name.replace(".xlsx", "-libreoffice.xlsx")
    (outdir / source.name).replace(target)
    return target


def generate(kind: str, path: Path, cases: int, seed: int) -> None:
    """Write an input in a child process, so this driver never imports pandas or openpyxl.

    On Linux a child's peak memory (``ru_maxrss``) starts at its parent's: a small driver keeps
    the floor of every figure low (it is printed as ``python -c pass``).
    """
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1])\n"
        "import bench_calc, bench_scale\n"
        "path, cases, seed = Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])\n"
        "if sys.argv[2] == 'xlsx': bench_calc.write_case_file(path, cases, seed)\n"
        "else: bench_scale.write_csv(path, cases, seed)\n"
    )
    here = str(Path(__file__).resolve().parent)
    subprocess.run([PY, "-c", code, here, kind, str(path), str(cases), str(seed)], check=True)


def write_csv(path: Path, cases: int, seed: int) -> None:
    """The synthetic cases as Dutch Excel writes CSV: ``;``, decimal comma, dd-mm-yyyy."""
    from bench_calc import HEADERS, synthetic_case  # noqa: PLC0415 - keeps the driver small

    rng = random.Random(seed)

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, date):
            return value.strftime("%d-%m-%Y")
        if isinstance(value, float):
            return f"{value:.2f}".replace(".", ",")
        return str(value)

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        for number in range(1, cases + 1):
            writer.writerow([text(value) for value in synthetic_case(rng, number)])


def write_bad_csv(clean: Path, path: Path, every: int) -> int:
    """The clean CSV with one bad cell in every ``every``-th row, five kinds in turn.

    Text in an amount column, a negative amount, an unknown status, an impossible date and
    hours above 60: each the kind of mistake a person types. Returns how many cells were spoilt.
    """
    spoil = [
        ("wmo_voor", "veel"),
        ("ggz_voor", "-5"),
        ("status", "klaar"),
        ("start_traject", "31-02-2018"),
        ("uren_per_week", "80"),
    ]
    with clean.open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source, delimiter=";"))
    header, bad = rows[0], 0
    for number, row in enumerate(rows[1:], start=1):
        if number % every == 0:
            name, value = spoil[bad % len(spoil)]
            row[header.index(name)] = value
            bad += 1
    with path.open("w", encoding="utf-8", newline="") as target:
        csv.writer(target, delimiter=";").writerows(rows)
    return bad


def measure_errors(workdir: Path, cases: int, seed: int) -> None:
    """``werkzorg check`` on a file with a bad cell in every tenth row against the clean file."""
    clean = workdir / f"cases-{cases}.csv"
    if not clean.exists():
        generate("csv", clean, cases, seed)
    spoilt = workdir / f"cases-{cases}-bad.csv"
    bad = write_bad_csv(clean, spoilt, 10)
    check = [PY, "-m", "werkzorg_calc", "check", "--peildatum", PEILDATUM]
    print(f"{cases:,} cases, CSV with {bad:,} bad cells")
    paired("check (bad) vs check (clean)", [*check, str(spoilt)], [*check, str(clean)], 1)
    done = subprocess.run([*check, str(spoilt)], capture_output=True, text=True, check=False)
    listed = sum(" fout " in line for line in done.stderr.splitlines())
    print(f"  exit {done.returncode}; {listed:,} problems listed one per line", flush=True)


def calc(path: Path, *extra: str) -> list[str]:
    return [PY, "-m", "werkzorg_calc", "calc", str(path), "--peildatum", PEILDATUM, *extra]


def measure_xlsx(path: Path, label: str, workdir: Path, repeat: int, full: bool) -> None:
    megabytes = path.stat().st_size / 1e6
    print(f"{label} ({megabytes:.1f} MB)", flush=True)
    paired("calc vs calamine read", calc(path), [PY, "-c", CALAMINE_READ, str(path)], repeat)
    if not full:
        return
    summary = workdir / "summary.xlsx"
    write = paired("calc -o vs calc", calc(path, "-o", str(summary), "--force"), calc(path), 1)
    cells = int(
        subprocess.run(
            [PY, "-c", COUNT_CELLS, str(summary)], capture_output=True, text=True, check=True
        ).stdout
    )
    columns = 40
    bare = run(
        [PY, "-c", XLSXWRITER, str(workdir / "bare.xlsx"), str(cells // columns), str(columns)]
    )
    part = write.ours - write.bare
    print(
        f"  writing part {part:8.3f} s; XlsxWriter constant_memory {cells:,} cells "
        f"{bare.seconds:8.3f} s  x{part / bare.seconds:5.2f}  {bare.peak_mb:7.0f} MB",
        flush=True,
    )
    jsonrun = run(calc(path, "--format", "json"), workdir / "out.json")
    print(f"  calc --format json {jsonrun.seconds:8.3f} s  {jsonrun.peak_mb:7.0f} MB")
    done = subprocess.run(
        [PY, "-c", JSON_INPROCESS, str(path)], capture_output=True, text=True, check=True
    )
    ours, bare_json, fast = (float(x) for x in done.stdout.split())
    print(
        f"  result_to_json {ours:.3f} s, json.dumps {bare_json:.3f} s (x{ours / bare_json:.2f}),"
        f" orjson {fast:.3f} s (x{ours / fast:.2f})",
        flush=True,
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--csv-cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20180630)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--no-libreoffice", action="store_true")
    parser.add_argument("--error-cases", type=int, default=100_000)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], capture_output=True, text=True, check=False
    ).stdout.strip()
    print(f"werkzorg {commit} · Python {platform.python_version()}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as temporary:
        workdir = args.workdir or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        print(
            f"  {'':<42} {'werkzorg':>10} {'bare':>10} {'ratio':>6} {'peak':>10} {'bare peak':>10}"
        )
        floor = run([PY, "-c", "pass"])
        print(f"  python -c pass: {floor.seconds:.3f} s, {floor.peak_mb:.0f} MB (the floor)")
        paired(
            "--help vs import typer",
            [PY, "-m", "werkzorg_calc", "--help"],
            [PY, "-c", "import typer"],
            max(args.repeat, 5),
        )
        for cases in sizes:
            path = workdir / f"cases-{cases}.xlsx"
            if not path.exists():
                generate("xlsx", path, cases, args.seed)
            largest = cases == max(sizes)
            measure_xlsx(path, f"{cases:,} cases, openpyxl-written", workdir, args.repeat, largest)
            if largest and not args.no_libreoffice:
                saved = workdir / f"cases-{cases}-libreoffice.xlsx"
                if not saved.exists():
                    made = libreoffice_copy(path, workdir)
                    if made is None:
                        continue
                measure_xlsx(
                    saved, f"{cases:,} cases, LibreOffice-saved", workdir, args.repeat, True
                )
        if args.error_cases:
            measure_errors(workdir, args.error_cases, args.seed)
        if args.csv_cases:
            path = workdir / f"cases-{args.csv_cases}.csv"
            if not path.exists():
                generate("csv", path, args.csv_cases, args.seed)
            print(f"{args.csv_cases:,} cases, CSV ({path.stat().st_size / 1e6:.0f} MB)")
            paired(
                "calc vs pandas read_csv(dtype=str)",
                calc(path),
                [PY, "-c", PANDAS_CSV, str(path)],
                1,
            )


if __name__ == "__main__":
    main()
