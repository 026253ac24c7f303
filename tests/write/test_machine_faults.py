"""Faults of the machine, not of the file: each provoked, each answered the same way.

A located Dutch message (the path it is about), exit 1, no partial or temporary file, and the
input and any earlier output exactly as they were. The tests run as whatever user CI uses; where
root would not be stopped by file rights, the refusal the system would give is raised instead.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from werkzorg_calc.cli import app
from werkzorg_calc.domain.errors import InputError, OutputError
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.text.issues import error_messages
from werkzorg_calc.write.safe_write import atomic_target

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "drechtsteden-2018.xlsx"
PEIL = ["--peildatum", "2018-06-30"]
PEILDATUM = date(2018, 6, 30)


def invoke(*args: object) -> Result:
    return runner.invoke(app, [str(arg) for arg in args], env={"COLUMNS": "400"})


def flat(text: str) -> str:
    return " ".join(text.split())


def state(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (hidden ones too) with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def case_file(tmp_path: Path, worked_csv: Path) -> Path:
    """The worked example's CSV (tests/conftest.py), in its own folder ``in``."""
    path = tmp_path / "in" / "cases.csv"
    path.parent.mkdir()
    worked_csv.replace(path)
    return path


def refused(tmp_path: Path, output: Path, *extra: str, expected: str) -> None:
    """calc with ``-o output`` fails with exit 1 and ``expected``; nothing on disk changes."""
    before = state(tmp_path)
    outcome = invoke("calc", tmp_path / "in" / "cases.csv", *PEIL, "-o", output, *extra)
    assert outcome.exit_code == 1, outcome.output
    assert expected in flat(outcome.stderr)
    assert "Traceback" not in outcome.output and "interne fout" not in outcome.output
    assert state(tmp_path) == before


def test_a_missing_output_folder(tmp_path: Path, case_file: Path) -> None:
    missing = tmp_path / "bestaat-niet"
    refused(tmp_path, missing / "uit.xlsx", expected=f"{missing}: deze map bestaat niet")


def test_a_read_only_output_folder(
    tmp_path: Path, case_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:
        # root writes anywhere: raise what the system answers any other user here.
        def refuse(*_: object, **__: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
        monkeypatch.setattr(os, "open", lambda *_a, **_k: refuse())
    try:
        refused(
            tmp_path,
            folder / "uit.xlsx",
            expected=f"{folder}: geen schrijfrechten in deze map",
        )
    finally:
        folder.chmod(0o700)


def test_the_output_is_a_folder(tmp_path: Path, case_file: Path) -> None:
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    refused(
        tmp_path, folder, "--force", expected=f"{folder}: dit is een map; geef een bestandsnaam"
    )


def test_the_output_is_the_input_itself(tmp_path: Path) -> None:
    """A workbook named as its own output, even with --force: refused, the input untouched."""
    (tmp_path / "in").mkdir()
    workbook = tmp_path / "in" / "cases.xlsx"
    shutil.copy(EXAMPLE, workbook)
    before = state(tmp_path)
    outcome = invoke("calc", workbook, *PEIL, "-o", workbook, "--force")
    assert outcome.exit_code == 1
    assert f"{workbook}: dit is het invoerbestand" in flat(outcome.stderr)
    assert state(tmp_path) == before


def test_the_output_is_a_symlink_to_the_input(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    workbook = tmp_path / "in" / "cases.xlsx"
    shutil.copy(EXAMPLE, workbook)
    link = tmp_path / "link.xlsx"
    link.symlink_to(workbook)
    before = state(tmp_path)
    outcome = invoke("calc", workbook, *PEIL, "-o", link, "--force")
    assert outcome.exit_code == 1
    assert f"{link}: dit is het invoerbestand" in flat(outcome.stderr)
    assert state(tmp_path) == before
    assert link.is_symlink()


def test_a_full_disk_while_writing(
    tmp_path: Path, case_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer fails half-way with ENOSPC: the earlier output stays, no temporary remains."""
    output = tmp_path / "uit.xlsx"
    output.write_bytes(b"de vorige uitvoer")
    real_save = openpyxl.Workbook.save

    def half_then_full(self: openpyxl.Workbook, filename: str) -> None:
        real_save(self, filename)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", half_then_full)
    refused(
        tmp_path,
        output,
        "--force",
        expected=f"{output} kan niet worden geschreven: de schijf is vol; er is niets veranderd",
    )
    english = invoke("calc", case_file, *PEIL, "-o", output, "--force", "--lang", "en")
    assert "cannot be written: the disk is full; nothing was changed" in flat(english.stderr)


def test_a_second_writer_at_the_same_moment_is_told_to_wait(
    tmp_path: Path, case_file: Path
) -> None:
    """While one run writes ``uit.xlsx``, a second is refused; the first finishes whole."""
    output = tmp_path / "uit.xlsx"
    with atomic_target(output, force=False) as temporary:
        with pytest.raises(OutputError) as caught, atomic_target(output, force=True):
            pass
        assert error_messages(caught.value) == (
            f"{output} wordt op dit moment door een andere werkzorg-opdracht geschreven; "
            "wacht tot die klaar is",
        )
        outcome = invoke("calc", case_file, *PEIL, "-o", output, "--force")
        assert outcome.exit_code == 1
        assert "door een andere werkzorg-opdracht geschreven" in flat(outcome.stderr)
        temporary.write_bytes(b"the first run's file")
    assert output.read_bytes() == b"the first run's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "uit.xlsx"]


def test_two_real_runs_at_once_leave_one_whole_workbook(tmp_path: Path, case_file: Path) -> None:
    """Two processes writing one file: each ends 0 or 1 (never 3), the file is a sound workbook."""
    werkzorg = Path(sys.executable).with_name("werkzorg")
    output = tmp_path / "uit.xlsx"
    command = [str(werkzorg), "calc", str(EXAMPLE), *PEIL, "-o", str(output), "--force"]
    runs = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    codes = [run.returncode for run in runs]
    assert set(codes) <= {0, 1} and 0 in codes, errors
    for code, stderr in zip(codes, errors, strict=True):
        if code == 1:
            assert "andere werkzorg-opdracht" in " ".join(stderr.decode().split())
    assert openpyxl.load_workbook(output)["Samenvatting"]["A1"].value
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "uit.xlsx"]


def test_a_file_that_changes_while_it_is_read(
    case_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saved again by another program while werkzorg reads it: refused, to be tried again."""
    real_read = Path.read_bytes

    def read_while_saving(self: Path) -> bytes:
        data = real_read(self)
        if self == case_file:
            with self.open("ab") as handle:  # another program appends its next row now
                handle.write(b"V-05;aangemeld;2018-03-01;;;;;;;;;;;;;;;;\n")
        return data

    monkeypatch.setattr(Path, "read_bytes", read_while_saving)
    with pytest.raises(InputError) as caught:
        load_cases(case_file, PEILDATUM)
    (issue,) = caught.value.issues
    assert (issue.file, issue.code) == (str(case_file), "file_changed")
    assert error_messages(caught.value)[0].startswith("het bestand veranderde terwijl werkzorg")
    outcome = invoke("check", case_file, *PEIL)
    assert outcome.exit_code == 1
    assert "het bestand veranderde terwijl werkzorg het las" in flat(outcome.stderr)
