"""Inputs for the HTML report tests: a hostile case file and the reports the CLI writes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.paths import EXAMPLE, SCENARIOS
from werkzorg_calc.cli import app

SCRIPT_ID = "<script>alert(1)</script>"
FORMULA_ID = '=HYPERLINK("http://evil.invalid/x")'
REMARK = "Geheime opmerking over de behandeling"
BSN = "123456782"  # passes the 11-proef
DAY = ["--peildatum", "2018-06-30"]


def hostile_csv(path: Path) -> Path:
    """Cases whose ids are markup and a formula, with a remark and a BSN column beside them."""
    header = "casus_id;status;start_traject;start_werk;uren_per_week;uitkering_voor;opmerking;bsn"
    rows = [
        f"{SCRIPT_ID};aan_het_werk;2017-10-02;2017-12-01;24;1401,50;{REMARK};{BSN}",
        f'"{FORMULA_ID.replace(chr(34), chr(34) * 2)}";in_bemiddeling;2017-11-01;;;;{REMARK};'
        "111222333",
    ]
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("utf-8"))
    return path


def run(*args: str | Path) -> str:
    """Run the CLI in-process; fail the test with its output when it does not succeed."""
    outcome = CliRunner().invoke(app, [str(arg) for arg in args])
    assert outcome.exit_code == 0, outcome.output
    return outcome.stdout


def calc_report(folder: Path, *extra: str, source: Path = EXAMPLE, name: str = "rapport") -> Path:
    target = folder / f"{name}.html"
    run("calc", source, *DAY, *extra, "-o", target)
    return target


def compare_report(folder: Path) -> Path:
    target = folder / "vergelijking.html"
    run("compare", EXAMPLE, *sorted(SCENARIOS.glob("*.toml")), *DAY, "-o", target)
    return target


def simulate_report(folder: Path) -> Path:
    target = folder / "simulatie.html"
    run("simulate", EXAMPLE, *DAY, "--horizon", "12", "--draws", "2000", "-o", target)
    return target
