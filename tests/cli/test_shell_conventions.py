"""What a shell user relies on: exit codes, --lang en for problems too, Ctrl-C and `| head`.

Exit 0 done, 1 the input cannot be used, 2 a usage error (as Click exits on a bad option),
130 Ctrl-C (128 + SIGINT), 141 the reader of our output went away (128 + SIGPIPE).
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from tests.faults import FullDiskSpool
from werkzorg_calc.cli import app

runner = CliRunner()
WIDE = {"COLUMNS": "400"}
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "drechtsteden-2018.xlsx"
PEIL = ["--peildatum", "2018-06-30"]
BAD_CSV = (
    "casus_id;status;start_traject;uitkering_voor\r\n"
    "A-1;werkt niet;2018-01-01;100\r\n"
    "A-2;aangemeld;31-02-2018;-5\r\n"
)


def invoke(*args: object) -> Result:
    return runner.invoke(app, [str(arg) for arg in args], env=WIDE)


def flat(text: str) -> str:
    return " ".join(text.split())


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# ---------------------------------------------------------------------------- --lang en


def test_input_problems_are_shown_in_english_with_lang_en(tmp_path: Path) -> None:
    """Three bad cells: the same table, every word English, the counts in the plural."""
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    dutch = flat(invoke("check", path, *PEIL).stderr)
    english = invoke("check", path, *PEIL, "--lang", "en")
    assert english.exit_code == 1
    shown = flat(english.stderr)
    assert "- 2 B error status: unknown status; use aangemeld" in shown
    assert "- 3 C error start_traject: this date does not exist" in shown
    assert "- 3 D error uitkering_voor: must not be negative" in shown
    assert "3 errors found; nothing was calculated." in shown
    for dutch_word in ("onbekende", "bestaat niet", "negatief", "fouten gevonden", " fout "):
        assert dutch_word not in shown
    assert "- 2 B fout status: onbekende status" in dutch


def test_one_error_is_counted_in_the_singular(tmp_path: Path) -> None:
    """'1 fout gevonden' and '1 error found', never 'fout(en)'."""
    path = tmp_path / "bad.csv"
    path.write_text("casus_id;status;start_traject\r\nA-1;onzin;2018-01-01\r\n", encoding="utf-8")
    assert "1 fout gevonden; er is niets berekend." in flat(invoke("check", path, *PEIL).stderr)
    english = flat(invoke("check", path, *PEIL, "--lang", "en").stderr)
    assert "1 error found; nothing was calculated." in english


def test_warnings_in_json_keep_their_code_and_speak_the_chosen_language(tmp_path: Path) -> None:
    """The JSON warning has the code and params for scripts, and the message in --lang."""
    path = tmp_path / "gap.csv"
    path.write_text(
        "casus_id;status;start_traject\r\nA-1;aangemeld;2018-01-01\r\n;;\r\nA-2;aangemeld;2018-02-01\r\n",
        encoding="utf-8",
    )
    for lang, message in (("nl", "lege rij overgeslagen"), ("en", "empty row skipped")):
        outcome = invoke("calc", path, *PEIL, "-f", "json", "--lang", lang)
        assert outcome.exit_code == 0, outcome.output
        warnings = json.loads(outcome.stdout)["warnings"]
        (gap,) = [w for w in warnings if w["code"] == "empty_row_skipped"]
        assert (gap["row"], gap["message"], gap["params"]) == (3, message, {})


def test_the_check_sheet_of_the_excel_file_speaks_english_too(tmp_path: Path) -> None:
    """The Controle sheet (Checks in English) words the same warning in the chosen language."""
    path = tmp_path / "gap.csv"
    path.write_text(
        "casus_id;status;start_traject\r\nA-1;aangemeld;2018-01-01\r\n;;\r\nA-2;aangemeld;2018-02-01\r\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.xlsx"
    assert invoke("calc", path, *PEIL, "--lang", "en", "-o", target).exit_code == 0
    sheet = openpyxl.load_workbook(target)["Checks"]
    messages = [row[6] for row in sheet.iter_rows(values_only=True)]
    assert "empty row skipped" in messages
    assert "lege rij overgeslagen" not in messages


# ---------------------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    "extra",
    [
        ["--set", "deadweight"],  # no '='
        ["--set", "onbekend=1"],  # no such parameter
        ["--peildatum", "30/06/2018"],  # neither ISO nor day first
        ["--peildatum", "31-02-2018"],  # a day that does not exist
    ],
)
def test_usage_errors_exit_2(extra: list[str]) -> None:
    """A bad option is a usage error: exit 2, a message on stderr, nothing on stdout."""
    outcome = invoke("calc", EXAMPLE, *PEIL, *extra)
    assert outcome.exit_code == 2, outcome.output
    assert outcome.stdout == ""
    assert "Traceback" not in outcome.output


def test_an_unknown_uncertain_parameter_on_the_command_line_exits_2() -> None:
    """``simulate --set uncertainty.niets.sd=1``: a usage error too."""
    outcome = invoke("simulate", EXAMPLE, *PEIL, "--draws", "10", "--set", "uncertainty.niets.sd=1")
    assert outcome.exit_code == 2
    assert "onbekende parameter 'niets' in uncertainty" in flat(outcome.stderr)


def test_set_without_equals_names_the_fix() -> None:
    """``--set deadweight``: the message says how to write it, in both languages."""
    assert "--set deadweight: schrijf --set sleutel=waarde" in flat(
        invoke("calc", EXAMPLE, *PEIL, "--set", "deadweight").stderr
    )
    english = invoke("calc", EXAMPLE, *PEIL, "--set", "deadweight", "--lang", "en")
    assert "--set deadweight: write --set key=value" in flat(english.stderr)


def test_a_bad_parameter_file_stays_exit_1(tmp_path: Path) -> None:
    """A problem in a file (here a TOML file) is about the input: exit 1, not 2."""
    params = tmp_path / "p.toml"
    params.write_text("onbekend = 1\n", encoding="utf-8")
    outcome = invoke("calc", EXAMPLE, *PEIL, "--params", params)
    assert outcome.exit_code == 1
    assert f"{params}, regel 1: onbekende parameter 'onbekend'" in flat(outcome.stderr)


def test_the_peildatum_may_be_written_day_first() -> None:
    """``30-06-2018`` (as the case file writes dates) gives exactly the ISO run's document."""
    iso = invoke("calc", EXAMPLE, "--peildatum", "2018-06-30", "-f", "json")
    dutch = invoke("calc", EXAMPLE, "--peildatum", "30-06-2018", "-f", "json")
    assert iso.exit_code == dutch.exit_code == 0
    # The reproduce command names the date as typed; every figure is the same.
    first, second = json.loads(iso.stdout), json.loads(dutch.stdout)
    first.pop("provenance"), second.pop("provenance")
    assert first == second


# ---------------------------------------------------------------------------- Ctrl-C


def _interrupt(*_: object, **__: object) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_while_reading_exits_130_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted inside the reader: exit 130, one line, no file made, none changed."""
    cases_module = importlib.import_module("werkzorg_calc.read.cases")
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(cases_module, "read_raw", _interrupt)
    before = listing(tmp_path)
    outcome = invoke("calc", EXAMPLE, *PEIL, "-o", target)
    assert outcome.exit_code == 130
    assert outcome.stderr.strip().splitlines() == [
        "afgebroken (Ctrl-C); er is geen half bestand achtergelaten"
    ]
    assert listing(tmp_path) == before
    english = invoke("calc", EXAMPLE, *PEIL, "--lang", "en")
    assert english.stderr.strip() == "interrupted (Ctrl-C); no partial file was left behind"


def test_ctrl_c_while_writing_keeps_the_earlier_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted after half a workbook is saved: the old file stays, no temporary remains."""
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"earlier output")
    real_save = openpyxl.Workbook.save

    def half_then_interrupt(self: openpyxl.Workbook, filename: str) -> None:
        real_save(self, filename)
        raise KeyboardInterrupt

    monkeypatch.setattr(openpyxl.Workbook, "save", half_then_interrupt)
    before = listing(tmp_path)
    outcome = invoke("calc", EXAMPLE, *PEIL, "-o", target, "--force")
    assert outcome.exit_code == 130
    assert len(outcome.stderr.strip().splitlines()) == 1
    assert listing(tmp_path) == before


def test_ctrl_c_while_simulating_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    """Interrupted while drawing: exit 130 and the one line, no traceback."""
    # The package re-exports the function under the module's name: fetch the module itself.
    simulate_module = importlib.import_module("werkzorg_calc.engine.uncertainty.simulate")
    monkeypatch.setattr(simulate_module, "simulate", _interrupt)
    outcome = invoke("simulate", EXAMPLE, *PEIL, "--draws", "10")
    assert outcome.exit_code == 130
    assert "Traceback" not in outcome.output
    assert outcome.stderr.strip().startswith("afgebroken (Ctrl-C)")


# ---------------------------------------------------------------------------- | head


def test_a_closed_pipe_ends_quietly_with_the_shells_code() -> None:
    """`werkzorg calc … -f json | head -1` with the reader gone: exit 141, nothing on stderr."""
    werkzorg = Path(sys.executable).with_name("werkzorg")
    command = [str(werkzorg), "calc", str(EXAMPLE), *PEIL, "-f", "json"]
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first byte is written
    process = subprocess.run(command, stdout=write, stderr=subprocess.PIPE, check=False)
    os.close(write)
    assert process.returncode == 141
    assert process.stderr == b""


@pytest.mark.parametrize(
    "args",
    [
        ("calc", str(EXAMPLE), *PEIL),  # the terminal report (Rich)
        ("explain", str(EXAMPLE), "--item", "ggz", *PEIL),  # 130 lines: more than a pipe holds
        ("params",),
    ],
)
def test_a_closed_pipe_ends_the_text_reports_with_the_shells_code_too(args: tuple[str]) -> None:
    """The reports Rich prints end like the JSON when the reader has gone: exit 141 and nothing
    on stderr (Rich's own handling exited 1)."""
    werkzorg = Path(sys.executable).with_name("werkzorg")
    read, write = os.pipe()
    os.close(read)
    process = subprocess.run(
        [str(werkzorg), *args], stdout=write, stderr=subprocess.PIPE, check=False
    )
    os.close(write)
    assert process.returncode == 141
    assert process.stderr == b""


@pytest.mark.parametrize("output_format", ["tabel", "json"])
def test_a_full_stdout_is_said_in_one_line_with_exit_1(output_format: str) -> None:
    """`> /dev/full`: the device takes nothing (ENOSPC). Exit 1 and one line that says the
    output cannot be written because the disk is full; no "interne fout", no traceback."""
    werkzorg = Path(sys.executable).with_name("werkzorg")
    command = [str(werkzorg), "calc", str(EXAMPLE), *PEIL, "-f", output_format]
    with Path("/dev/full").open("wb") as full:
        process = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, check=False)
    message = process.stderr.decode("utf-8")
    assert process.returncode == 1
    assert flat(message) == "fout: de uitvoer (stdout) kan niet worden geschreven: de schijf is vol"
    assert "Traceback" not in message


def test_an_unusable_tmpdir_is_refused_not_ignored(tmp_path: Path) -> None:
    """TMPDIR set to a folder that does not exist: Python would quietly spool to /tmp; werkzorg
    says so in one line (exit 1) and writes nothing, for the JSON on stdout and a workbook."""
    missing = tmp_path / "bestaat-niet"
    werkzorg = Path(sys.executable).with_name("werkzorg")
    target = tmp_path / "uit.xlsx"
    environment = {**os.environ, "TMPDIR": str(missing)}
    for extra in (["-f", "json"], ["-o", str(target)]):
        process = subprocess.run(
            [str(werkzorg), "calc", str(EXAMPLE), *PEIL, *extra],
            capture_output=True,
            env=environment,
            check=False,
        )
        assert process.returncode == 1
        assert process.stdout == b""
        expected = (
            f"fout: TMPDIR={missing}: dit is geen map waarin werkzorg tijdelijke bestanden "
            "kan schrijven; er is niets geschreven"
        )
        # Compared without the line breaks Rich puts in at 80 columns (inside a long path too).
        assert "".join(process.stderr.decode("utf-8").split()) == "".join(expected.split())
    assert not target.exists()


def test_head_minus_one_gets_its_line_and_no_complaint() -> None:
    """Through a real `head -1` in a shell: the first line arrives, werkzorg says nothing."""
    werkzorg = Path(sys.executable).with_name("werkzorg")
    script = f"'{werkzorg}' calc '{EXAMPLE}' --peildatum 2018-06-30 -f json | head -1"
    process = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script], capture_output=True, check=False
    )
    assert process.stdout == b"{\n"
    assert b"BrokenPipe" not in process.stderr and b"interne fout" not in process.stderr
    assert process.returncode in {0, 141}  # 0 when head read before werkzorg wrote its last


def _half_a_document(*_: object, **__: object) -> object:
    yield '{\n  "cases": [\n'
    raise RuntimeError("made to fail half-way")


def _half_then_ctrl_c(*_: object, **__: object) -> object:
    yield '{\n  "cases": [\n'
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("pieces", "exit_code"), [(_half_a_document, None), (_half_then_ctrl_c, 130)]
)
def test_json_on_stdout_is_whole_or_nothing(
    monkeypatch: pytest.MonkeyPatch, pieces: object, exit_code: int | None
) -> None:
    """An error or Ctrl-C after the first piece of the JSON leaves stdout empty: a pipe never
    gets half a document (the pieces are spooled and copied out only when the last is made)."""
    json_module = importlib.import_module("werkzorg_calc.write.json_document")
    monkeypatch.setattr(json_module, "result_json_pieces", pieces)
    outcome = invoke("calc", EXAMPLE, *PEIL, "--format", "json")
    assert outcome.stdout == ""
    assert outcome.exit_code != 0
    if exit_code is not None:
        assert outcome.exit_code == exit_code
    assert "Traceback" not in outcome.output


def test_json_on_stdout_is_the_whole_document() -> None:
    """Through the spool the document arrives whole: it parses, and it holds all 29 cases of
    the example, WBZ-001 first."""
    outcome = invoke("calc", EXAMPLE, *PEIL, "--format", "json")
    assert outcome.exit_code == 0
    document = json.loads(outcome.stdout)
    assert len(document["cases"]) == 29
    assert document["cases"][0]["case_id"] == "WBZ-001"
    assert outcome.stdout.endswith("}\n")


def test_json_beyond_the_memory_spool_is_the_same_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a spool of 1 kB in memory the example's document (tens of kB) goes through a
    temporary file: stdout gets the same bytes as with the whole spool in memory."""
    whole = invoke("calc", EXAMPLE, *PEIL, "--format", "json")
    text_file = importlib.import_module("werkzorg_calc.write.text_file")
    monkeypatch.setattr(text_file, "SPOOL_IN_MEMORY", 1024)
    spooled = invoke("calc", EXAMPLE, *PEIL, "--format", "json")
    assert spooled.exit_code == whole.exit_code == 0
    assert len(spooled.stdout_bytes) > 10 * 1024
    assert spooled.stdout_bytes == whole.stdout_bytes


def test_a_full_temporary_folder_is_said_in_one_line_and_stdout_stays_empty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The spool finds the disk full: exit 1, one line naming the folder and the full disk,
    the way out (-o), nothing on stdout and no traceback; in English with --lang en."""
    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", FullDiskSpool)
    outcome = invoke("calc", EXAMPLE, *PEIL, "--format", "json")
    assert outcome.exit_code == 1
    assert outcome.stdout == ""
    assert "Traceback" not in outcome.output
    line = flat(outcome.stderr)
    assert "de schijf is vol" in line
    assert "gebruik -o bestand.json" in line
    english = invoke("calc", EXAMPLE, *PEIL, "--format", "json", "--lang", "en")
    assert "the disk is full" in flat(english.stderr)


def test_the_peildatum_help_names_both_ways_of_writing_a_date() -> None:
    """`--peildatum` takes 2018-06-30 and 30-06-2018 alike, and its help says so."""
    outcome = invoke("calc", "--help")
    assert "JJJJ-MM-DD of DD-MM-JJJJ" in flat(outcome.stdout)
    for day in ("2018-06-30", "30-06-2018"):
        assert invoke("calc", EXAMPLE, "--peildatum", day, "--format", "json").exit_code == 0
