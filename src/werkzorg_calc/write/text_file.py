"""A text output (the HTML report, a JSON document) written atomically as UTF-8."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from werkzorg_calc.write.safe_write import atomic_target


def write_text(path: Path, content: str, *, force: bool, inputs: Sequence[Path] = ()) -> None:
    """Write ``content`` to ``path``: all of it or nothing, never over an input file.

    Newlines are written as given (``\\n``), so the bytes are the same on every platform.
    """
    with atomic_target(path, force=force, inputs=inputs) as temporary:
        temporary.write_text(content, encoding="utf-8", newline="")
