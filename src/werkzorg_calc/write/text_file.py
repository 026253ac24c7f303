"""A text output (the HTML report, a JSON document) written atomically as UTF-8."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from werkzorg_calc.write.safe_write import atomic_target


def write_text(
    path: Path, content: str | Iterable[str], *, force: bool, inputs: Sequence[Path] = ()
) -> None:
    """Write ``content`` (one text, or pieces in order) to ``path``: all of it or nothing,
    never over an input file.

    Newlines are written as given (``\\n``), so the bytes are the same on every platform.
    """
    with atomic_target(path, force=force, inputs=inputs) as temporary:
        if isinstance(content, str):
            temporary.write_text(content, encoding="utf-8", newline="")
            return
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            for piece in content:
                handle.write(piece)
