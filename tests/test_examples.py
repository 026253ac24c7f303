"""The bundled example files and scripts keep working."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT


def test_analysis_script_runs_end_to_end() -> None:
    """examples/analysis.py runs and prints the target, the stakeholders and the scenarios."""
    completed = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "analysis.py")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Target: not met" in completed.stdout
    assert "4 of 29 durably at work" in completed.stdout
    assert "['jobcoach-95', 'behoud-70', 'ggz-betaalt']" in completed.stdout


def test_example_generator_reproduces_the_bundled_files(tmp_path: Path) -> None:
    """Regenerating the example gives the same cases as the committed CSV."""
    script = (ROOT / "examples" / "make_example.py").read_text(encoding="utf-8")
    copy = tmp_path / "make_example.py"
    copy.write_text(script, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, str(copy)], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert completed.returncode == 0, completed.stderr
    committed = (ROOT / "examples" / "drechtsteden-2018.csv").read_bytes()
    assert (tmp_path / "drechtsteden-2018.csv").read_bytes() == committed
