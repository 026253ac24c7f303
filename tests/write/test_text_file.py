"""``write_text`` and ``write_whole_to``: one text or pieces, all of it or nothing."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults import FullDiskSpool
from werkzorg_calc.domain.errors import OutputError
from werkzorg_calc.write.text_file import write_text, write_whole_to


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


def test_a_stream_gets_the_utf8_of_all_pieces_also_beyond_the_memory_spool() -> None:
    """Forty pieces of 'netto € 12,50\n' (14 characters, 16 bytes: € is three) = 640 bytes,
    with a spool of 64 bytes in memory, so it moves to a temporary file on the way: the stream
    gets exactly the 640 bytes, in order."""
    stream = io.BytesIO()
    write_whole_to(stream, ("netto € 12,50\n" for _ in range(40)), in_memory=64)
    assert len(stream.getvalue()) == 40 * 16 == 640
    assert stream.getvalue() == ("netto € 12,50\n" * 40).encode("utf-8")


def test_an_error_while_the_pieces_are_made_leaves_the_stream_empty() -> None:
    """Two pieces made, then the maker fails: nothing reaches the stream."""

    def pieces() -> Iterator[str]:
        yield '{\n  "cases": [\n'
        yield "    {},\n"
        raise RuntimeError("half-way")

    stream = io.BytesIO()
    with pytest.raises(RuntimeError):
        write_whole_to(stream, pieces(), in_memory=8)
    assert stream.getvalue() == b""


def test_a_full_temporary_folder_is_an_output_error_and_nothing_is_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The spool cannot be written: an OutputError that names the temporary folder and the
    full disk (no internal error), and the stream stays empty."""
    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", FullDiskSpool)
    stream = io.BytesIO()
    with pytest.raises(OutputError) as caught:
        write_whole_to(stream, iter(["{", "}"]))
    assert caught.value.code == "stdout_spool_failed"
    assert caught.value.reason == "disk_full"
    assert caught.value.path == tempfile.gettempdir()
    assert stream.getvalue() == b""
