"""``write_text``: one text or pieces, all of it or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from werkzorg_calc.domain.errors import OutputError
from werkzorg_calc.write.text_file import write_text


def test_pieces_are_written_in_order_as_one_text(tmp_path: Path) -> None:
    """Three pieces give the bytes of their join; a line break stays one byte (no \\r\\n)."""
    target = tmp_path / "uit.json"
    write_text(target, iter(['{\n  "a": ', "1", "\n}\n"]), force=False)
    assert target.read_bytes() == b'{\n  "a": 1\n}\n'


def test_a_disk_full_between_pieces_leaves_no_file(tmp_path: Path) -> None:
    """The first piece is written, the second finds the disk full: an OutputError that says
    so, and neither the target nor a temporary file is left."""

    def pieces() -> Iterator[str]:
        yield "{"
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError) as caught:
        write_text(tmp_path / "uit.json", pieces(), force=False)
    assert (caught.value.code, caught.value.reason) == ("output_write_failed", "disk_full")
    assert list(tmp_path.iterdir()) == []
