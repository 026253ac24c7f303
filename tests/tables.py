"""Build a validated ``CaseTable`` from a few Python dicts, without a file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from werkzorg_calc.domain.cases import CaseTable, SourceInfo
from werkzorg_calc.read.cases import models_frame
from werkzorg_calc.read.rows import CaseRow


def make_table(rows: Sequence[dict[str, Any]]) -> CaseTable:
    """Cases from dicts of field values; ``case_id`` and ``trajectory_start`` get defaults."""
    models = [
        CaseRow.model_validate(
            {"case_id": f"T-{number:03d}", "trajectory_start": "2017-10-01", **row}
        )
        for number, row in enumerate(rows, start=1)
    ]
    frame = models_frame(models, [number + 2 for number in range(len(models))])
    frame["file"] = "test.csv"
    source = SourceInfo("test.csv", "0" * 64, None, 1, len(models), {})
    return CaseTable(frame, (source,), ())
