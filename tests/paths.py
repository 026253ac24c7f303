"""Where the repository's files are, for tests in any folder."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "drechtsteden-2018.xlsx"
SCENARIOS = ROOT / "examples" / "scenarios"
SHARED = ROOT.parent / "shared"  # the specs beside the repository, where they exist
