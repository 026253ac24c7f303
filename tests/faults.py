"""Faults of the machine that tests put in place of the real thing."""

from __future__ import annotations

from errno import ENOSPC


class FullDiskSpool:
    """A ``tempfile.SpooledTemporaryFile`` whose every write finds the disk full (ENOSPC)."""

    def __init__(self, **_: object) -> None:
        pass

    def __enter__(self) -> FullDiskSpool:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def write(self, _: bytes) -> int:
        raise OSError(ENOSPC, "No space left on device")
