"""What the command is doing, on stderr, while it works on a large file.

A line with a spinner, the stage and the seconds so far ("casussen lezen en controleren · 3 s")
replaces itself as the stages pass and disappears at the end. It appears only when stderr is
a terminal, so a pipe, a redirect or a test sees nothing of it, and it never touches stdout
(the JSON and the report stay clean).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Step = Callable[[str], None]


def _ignore(_: str) -> None:
    return None


@contextmanager
def stages(*, enabled: bool | None = None) -> Iterator[Step]:
    """A function that names the current stage; a no-op unless stderr is a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield _ignore
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = progress.add_task("", total=None)

    def step(description: str) -> None:
        progress.update(task, description=description)

    with progress:
        yield step
