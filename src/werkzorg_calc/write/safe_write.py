"""Writing an output file so that a failure never leaves half a file or touches the input."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from werkzorg_calc.domain.errors import OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock
    fcntl = None  # type: ignore[assignment]  # the module or nothing: checked before use


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_target(path: Path, *, force: bool, inputs: Sequence[Path] = ()) -> None:
    """Refuse an output path that is an input file, a folder, or exists without ``force``."""
    if any(_same_file(path, source) for source in inputs):
        raise OutputError("output_is_input", str(path))
    if path.is_dir():
        raise OutputError("output_is_directory", str(path))
    if path.exists() and not force:
        raise OutputError("output_exists", str(path))
    if not path.parent.is_dir():
        raise OutputError("output_folder_missing", str(path.parent))


@contextlib.contextmanager
def atomic_target(path: Path, *, force: bool, inputs: Sequence[Path] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it into place only on success.

    The rename is atomic on one file system, so readers see the old file or the new one,
    never a partial write; on any failure the temporary file is removed.
    """
    check_target(path, force=force, inputs=inputs)
    with _one_writer(path):
        yield from _write_beside(path)


def _write_beside(path: Path) -> Iterator[Path]:
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except PermissionError:
        raise OutputError("output_folder_not_writable", str(path.parent)) from None
    except OSError as error:
        raise OutputError(
            "output_folder_failed", str(path.parent), write_failure_reason(error)
        ) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp makes the file private (0600); the result gets the usual rights of a new file.
        temporary.chmod(0o666 & ~_umask())
        temporary.replace(path)
    except PermissionError:
        raise OutputError("output_locked", str(path)) from None
    except OSError as error:
        raise OutputError("output_write_failed", str(path), write_failure_reason(error)) from None
    finally:
        temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def _one_writer(path: Path) -> Iterator[None]:
    """Hold a lock beside ``path`` while writing, so a second run at once is told, not mixed.

    ``flock`` is released by the system when a process dies, so a crash leaves no stale lock;
    the lock file itself is removed when the write ends. Where ``fcntl`` is missing (Windows)
    two runs still cannot leave a partial file: each renames a complete file into place.
    """
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    lock = path.with_name(f".{path.name}.lock")
    try:
        handle = os.open(lock, os.O_CREAT | os.O_WRONLY, 0o600)
    except PermissionError:
        raise OutputError("output_folder_not_writable", str(path.parent)) from None
    except OSError as error:
        raise OutputError(
            "output_folder_failed", str(path.parent), write_failure_reason(error)
        ) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError("output_busy", str(path)) from None
        try:
            yield
        finally:
            lock.unlink(missing_ok=True)
    finally:
        os.close(handle)


def check_temp_folder() -> None:
    """Refuse a temporary folder that was asked for but cannot be used.

    Spools (the JSON on stdout, the case sheet of a workbook, openpyxl's sheets) go to the
    system's temporary folder. Python takes ``TMPDIR`` (then ``TEMP``, ``TMP``) only when it
    can write there and otherwise falls back to ``/tmp`` without a word, so a mistyped
    ``TMPDIR``, set to keep health data off a shared disk, would be undone silently.
    """
    for name in ("TMPDIR", "TEMP", "TMP"):
        folder = os.environ.get(name)
        if folder:
            if not (Path(folder).is_dir() and os.access(folder, os.W_OK | os.X_OK)):
                raise OutputError("temp_folder_unusable", f"{name}={folder}")
            return


def write_failure_reason(error: OSError) -> str:
    """The code of the usual ways a write fails (full disk, read-only, gone); see text/issues."""
    reasons = {
        errno.ENOSPC: "disk_full",
        errno.EROFS: "read_only",
        errno.ENOENT: "folder_gone",
        errno.EACCES: "no_permission",
        errno.EDQUOT: "quota",
    }
    return reasons.get(error.errno or 0, "write_error")


def _umask() -> int:
    """The process's file-creation mask (reading it means setting it, so set it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
