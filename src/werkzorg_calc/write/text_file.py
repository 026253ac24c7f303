"""A text output (the HTML report, a JSON document) written atomically as UTF-8."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO, Final

from werkzorg_calc.domain.errors import OutputError
from werkzorg_calc.write.safe_write import atomic_target, check_temp_folder, write_failure_reason

# A document on a stream is held in memory up to this size, beyond it in a temporary file.
SPOOL_IN_MEMORY: Final = 4 * 1024 * 1024


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


def write_whole_to(
    stream: BinaryIO, pieces: Iterable[str], *, in_memory: int | None = None
) -> None:
    """Write the UTF-8 of ``pieces`` to ``stream`` (standard output) only once the last is made.

    The pieces go into a spool first, so an error or Ctrl-C while they are made leaves nothing
    on the stream for a pipe to take as a document, and the text never exists whole in
    memory: beyond ``in_memory`` bytes (default ``SPOOL_IN_MEMORY``) the spool is a temporary
    file in the system's temporary folder, which POSIX systems unlink at once (no name to find;
    gone with the run; on Windows it has a name until the run ends). Encoded here, the copy
    cannot fail half-way on the stream's own encoding; a reader that goes away or a Ctrl-C
    during the copy itself can still cut it short. A spool that cannot be
    written (a full disk), or a ``TMPDIR`` that is no usable folder, is an ``OutputError``
    about that folder, before anything is copied.
    """
    check_temp_folder()
    limit = SPOOL_IN_MEMORY if in_memory is None else in_memory
    with tempfile.SpooledTemporaryFile(max_size=limit) as spool:
        try:
            for piece in pieces:
                spool.write(piece.encode("utf-8"))
        except OSError as error:
            reason = write_failure_reason(error)
            raise OutputError("stdout_spool_failed", tempfile.gettempdir(), reason) from None
        spool.seek(0)
        shutil.copyfileobj(spool, stream)
