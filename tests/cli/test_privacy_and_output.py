"""Personal data never leaves the tool, and what it writes is safe to open.

Privacy: BSNs are refused (header or 11-proef values) and never shown; free text from
``opmerking`` reaches no output (terminal, JSON, Excel); tracebacks carry no cell values.
Safe output: formula-like text is written as text, control characters and Rich markup are
shown inert, the input is never overwritten, and a failed write leaves nothing behind.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook
from openpyxl.worksheet import _writer as openpyxl_writer
from typer.testing import CliRunner, Result

from werkzorg_calc.cli import app
from werkzorg_calc.engine import calc as calc_module

runner = CliRunner()
WIDE = {"COLUMNS": "400"}
HEADER = "casus_id;status;start_traject;start_werk;uren_per_week;uitkering_voor;gemeente"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def invoke(args: list[str]) -> Result:
    """Run the command with a wide terminal."""
    return runner.invoke(app, args, env=WIDE)


def flat(text: str) -> str:
    """The text with every run of white space made one space."""
    return " ".join(text.split())


def write_csv(path: Path, header: str, rows: Sequence[str]) -> Path:
    """A Dutch CSV (';', UTF-8, CRLF) with ``header`` and ``rows``."""
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("utf-8"))
    return path


def calc(path: Path, *extra: str) -> Result:
    """`werkzorg calc` at peildatum 2018-06-30 listing every case."""
    return invoke(["calc", str(path), "--peildatum", "2018-06-30", "--cases", "all", *extra])


def excel_cells(path: Path) -> Iterator[openpyxl.cell.cell.Cell]:
    """Every cell of every sheet of a written workbook."""
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell, openpyxl.cell.cell.Cell):
                    yield cell


def excel_text(path: Path) -> str:
    """All cell values of a written workbook as one string."""
    return "\n".join(str(cell.value) for cell in excel_cells(path) if cell.value is not None)


def elf_proef(text: str) -> bool:
    """The Dutch 11-proef for a citizen service number, written out independently."""
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(int(d) * w for d, w in zip(text, weights, strict=True)) % 11 == 0


def valid_bsns(count: int) -> list[str]:
    """``count`` distinct 9-digit numbers that pass the 11-proef."""
    found: list[str] = []
    candidate = 123_456_700
    while len(found) < count:
        candidate += 1
        if elf_proef(str(candidate)):
            found.append(str(candidate))
    return found


BSNS = valid_bsns(4)


# ---------------------------------------------------------------------------- BSN


@pytest.mark.parametrize("header", ["bsn", "BSN", "Burgerservicenummer"])
def test_a_bsn_header_is_refused_unless_allowed(tmp_path: Path, header: str) -> None:
    """A BSN column refuses the file; with --allow-bsn it is ignored; its values never show."""
    path = write_csv(
        tmp_path / "bsn.csv",
        f"casus_id;status;start_traject;{header}",
        [f"B-{n};aangemeld;2018-01-15;{bsn}" for n, bsn in enumerate(BSNS)],
    )
    refused = calc(path, "-o", str(tmp_path / "uit.xlsx"))
    assert refused.exit_code == 1
    text = flat(refused.stderr)
    assert "- 1 D fout deze kolom bevat burgerservicenummers (BSN)" in text
    assert "gebruik --allow-bsn" in text
    assert not (tmp_path / "uit.xlsx").exists()

    allowed = calc(path, "--allow-bsn", "-f", "json")
    assert allowed.exit_code == 0, allowed.output
    warnings = [w["message"] for w in json.loads(allowed.stdout)["warnings"]]
    assert "BSN-kolom genegeerd (--allow-bsn)" in warnings
    written = calc(path, "--allow-bsn", "-o", str(tmp_path / "uit.xlsx"))
    assert written.exit_code == 0, written.output
    for shown in (
        refused.output,
        allowed.output,
        written.output,
        excel_text(tmp_path / "uit.xlsx"),
    ):
        for bsn in BSNS:
            assert bsn not in shown


@pytest.mark.parametrize("as_numbers", [False, True], ids=["text", "numbers"])
def test_a_column_of_valid_bsns_is_refused_and_never_shown(
    tmp_path: Path, as_numbers: bool
) -> None:
    """An innocently named column whose values pass the 11-proef refuses the file, unseen."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Casussen"
    sheet.append(["casus_id", "status", "start_traject", "nummer"])
    for number, bsn in enumerate(BSNS):
        sheet.append(
            [f"B-{number}", "aangemeld", date(2018, 1, 15), int(bsn) if as_numbers else bsn]
        )
    path = tmp_path / "bsn.xlsx"
    workbook.save(path)

    refused = calc(path)
    assert refused.exit_code == 1
    assert "Casussen 1 D fout deze kolom lijkt burgerservicenummers (BSN) te bevatten" in flat(
        refused.stderr
    )
    allowed = calc(path, "--allow-bsn", "-f", "json")
    assert allowed.exit_code == 0, allowed.output
    assert "kolom met BSN's genegeerd (--allow-bsn)" in allowed.stdout
    for outcome in (refused, allowed):
        for bsn in BSNS:
            assert bsn not in outcome.output


def test_bsns_as_case_ids_are_refused_even_with_allow_bsn(tmp_path: Path) -> None:
    """Case ids reach every output, so BSNs there are refused, --allow-bsn or not."""
    path = write_csv(
        tmp_path / "bsn.csv",
        "casus_id;status;start_traject",
        [f"{bsn};aangemeld;2018-01-15" for bsn in BSNS],
    )
    for extra in ((), ("--allow-bsn",)):
        outcome = calc(path, *extra)
        assert outcome.exit_code == 1
        assert "gebruik een pseudoniem" in flat(outcome.stderr)
        assert all(bsn not in outcome.output for bsn in BSNS)


# ---------------------------------------------------------------------------- free text, messages

NOTE = "woont bij moeder; diagnose psychose; tel 0612345678"


def test_note_text_appears_in_no_output(tmp_path: Path) -> None:
    """The opmerking text reaches neither the terminal, nor JSON, nor any written cell."""
    path = write_csv(
        tmp_path / "notitie.csv",
        HEADER + ";opmerking",
        [
            f'N-1;aan_het_werk;2017-10-02;2017-12-01;24;1401,50;Dordrecht;"{NOTE}"',
            f'N-2;aangemeld;2018-01-15;;;;Zwijndrecht;"{NOTE}"',
        ],
    )
    target = tmp_path / "uit.xlsx"
    table = calc(path, "-o", str(target))
    as_json = calc(path, "-f", "json")
    checked = invoke(["check", str(path), "--peildatum", "2018-06-30"])
    for outcome in (table, as_json, checked):
        assert outcome.exit_code == 0, outcome.output
    written = excel_text(target)
    assert "N-1" in written  # the workbook holds the cases ...
    for shown in (table.output, as_json.output, checked.output, written):
        assert "psychose" not in shown  # ... but never the note
        assert "0612345678" not in shown


def test_error_messages_never_echo_the_bad_values(tmp_path: Path) -> None:
    """Bad status, amount, date and note: every error located, no cell text repeated."""
    path = write_csv(
        tmp_path / "fout.csv",
        HEADER + ";opmerking",
        [
            f'F-1;Jan heeft een psychose;2018-01-15;;;;Dordrecht;"{NOTE}"',
            f'F-2;aangemeld;geboren 12-3-1980;;;veel geld van Piet;Dordrecht;"{NOTE}"',
        ],
    )
    outcome = calc(path)
    assert outcome.exit_code == 1
    text = flat(outcome.stderr)
    assert "3 fouten gevonden" in text
    assert "- 2 B fout status: onbekende status" in text
    assert "- 3 C fout start_traject" in text
    assert "- 3 F fout uitkering_voor" in text
    for value in ("psychose", "Jan", "1980", "Piet", "0612345678"):
        assert value not in outcome.output


# ---------------------------------------------------------------------------- tracebacks

MARKED_ID = "GEHEIM-4711"
MARKED_CSV = f'{HEADER};opmerking\r\n{MARKED_ID};aangemeld;2018-01-15;;;;Dordrecht;"{NOTE}"\r\n'


def _broken_calculation(*args: object, **kwargs: object) -> None:
    raise RuntimeError("kapot")


def test_an_internal_error_is_exit_3_without_traceback_or_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in the calculation: a short note, exit 3, no traceback, no cell value."""
    path = tmp_path / "geheim.csv"
    path.write_text(MARKED_CSV, encoding="utf-8")
    monkeypatch.setattr(calc_module, "calculate", _broken_calculation)
    outcome = calc(path)
    assert outcome.exit_code == 3
    assert "interne fout: dit is een fout in werkzorg, niet in uw bestand" in flat(outcome.stderr)
    assert "RuntimeError" not in outcome.output  # no class name for the user; --debug has it
    assert "Traceback" not in outcome.output
    assert MARKED_ID not in outcome.output
    assert "psychose" not in outcome.output


def test_debug_re_raises_the_error_without_cell_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --debug the exception itself comes out; neither it nor the output holds a value."""
    path = tmp_path / "geheim.csv"
    path.write_text(MARKED_CSV, encoding="utf-8")
    monkeypatch.setattr(calc_module, "calculate", _broken_calculation)
    outcome = calc(path, "--debug")
    assert isinstance(outcome.exception, RuntimeError)
    shown = outcome.output + "".join(traceback.format_exception(outcome.exception))
    assert "RuntimeError: kapot" in shown
    assert MARKED_ID not in shown
    assert "psychose" not in shown


def test_the_debug_traceback_in_a_real_terminal_shows_no_local_values(tmp_path: Path) -> None:
    """`werkzorg calc --debug` as a process: a plain traceback, no locals, no cell values."""
    path = tmp_path / "geheim.csv"
    path.write_text(MARKED_CSV, encoding="utf-8")
    script = (
        "import werkzorg_calc.engine.calc as c\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('kapot')\n"
        "c.calculate = broken\n"
        "from werkzorg_calc.cli import main\n"
        "main()\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script, "calc", str(path), "--peildatum", "2018-06-30", "--debug"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200", "TERM": "xterm-256color"},
    )
    assert completed.returncode != 0
    assert "Traceback (most recent call last)" in completed.stderr
    assert "RuntimeError: kapot" in completed.stderr
    for shown in (completed.stdout, completed.stderr):
        assert MARKED_ID not in shown
        assert "psychose" not in shown
        assert "Dordrecht" not in shown


# ---------------------------------------------------------------------------- formula injection

INJECTIONS = {
    '"=HYPERLINK(""https://example.org"",""KWAAD"")"': '=HYPERLINK("https://example.org","KWAAD")',
    "+KWAAD()": "+KWAAD()",
    "-KWAAD()": "-KWAAD()",
    "@KWAAD": "@KWAAD",
    '"\tKWAAD-TAB"': "\tKWAAD-TAB",
    '"\rKWAAD-CR"': "\rKWAAD-CR",
    '"\nKWAAD-LF"': "\nKWAAD-LF",
}

MARKERS = ("KWAAD", "GEMEENTE", "BESTAND")


def test_formula_like_text_is_written_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Case ids, municipalities and the file name starting with = + - @ stay text in Excel."""
    rows = [
        f"{written};aangemeld;2018-01-15;;;;{'=GEMEENTE()' if n % 2 else '@GEMEENTE'}"
        for n, written in enumerate(INJECTIONS)
    ]
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path / "=BESTAND().csv", HEADER, rows)
    outcome = invoke(
        [
            "calc",
            "=BESTAND().csv",
            "--peildatum",
            "2018-06-30",
            "--by",
            "gemeente",
            "-o",
            "uit.xlsx",
        ]
    )
    assert outcome.exit_code == 0, outcome.output
    cells = list(excel_cells(tmp_path / "uit.xlsx"))
    # The workbook has formulas of its own; none of them may carry text from the input.
    formulas = " ".join(str(cell.value) for cell in cells if cell.data_type == "f")
    for payload in (*MARKERS, "example.org"):
        assert payload not in formulas
    from_input = [
        (cell, cell.value)
        for cell in cells
        if isinstance(cell.value, str) and any(marker in cell.value for marker in MARKERS)
    ]
    risky = [(cell, value) for cell, value in from_input if value.startswith(FORMULA_START)]
    for cell, value in risky:
        assert cell.data_type == "s", (cell.parent.title, cell.coordinate, value)
        assert cell.quotePrefix, (cell.parent.title, cell.coordinate, value)
    texts = {value for _, value in risky}
    expected = {'=HYPERLINK("https://example.org","KWAAD")', "+KWAAD()", "-KWAAD()", "@KWAAD"}
    assert expected <= texts
    assert {"=GEMEENTE()", "@GEMEENTE", "=BESTAND().csv"} <= texts
    # Tab, CR and LF ids arrive trimmed or quoted, never as a bare leading control character.
    for name in ("KWAAD-TAB", "KWAAD-CR", "KWAAD-LF"):
        holding = [(cell, value) for cell, value in from_input if name in value]
        assert holding
        assert all(value == name or cell.quotePrefix for cell, value in holding)


# ---------------------------------------------------------------------------- terminal safety


def test_control_characters_and_markup_in_case_ids_are_shown_inert(tmp_path: Path) -> None:
    """Escape sequences never reach the terminal; Rich markup in a cell is printed, not obeyed."""
    ids = ["[bold]VET[/bold]", "\x1b[31mROOD", "BEL\x07L", "[link=https://example.org]LINK[/link]"]
    rows = [f"{case_id};aangemeld;2018-01-15;;;;[red]Dordrecht[/red]" for case_id in ids]
    path = write_csv(tmp_path / "markup.csv", HEADER, rows)
    target = tmp_path / "uit.xlsx"
    outcome = calc(path, "--by", "gemeente", "-o", str(target))
    assert outcome.exit_code == 0, outcome.output
    for shown in (outcome.stdout, outcome.stderr):
        assert "\x1b" not in shown
        assert "\x07" not in shown
    for literal in ("[bold]VET[/bold]", "[link=https://example.org]LINK[/link]", "[red]Dordrecht"):
        assert literal in outcome.stdout
    assert "\x1b" not in excel_text(target)


def test_markup_in_a_file_name_is_shown_inert_in_the_error_table(tmp_path: Path) -> None:
    """A bad file named with Rich markup: the error table shows the name as typed."""
    path = write_csv(tmp_path / "[bold]cases[red].csv", HEADER, ["X-1;onzin;2018-01-15;;;;"])
    outcome = calc(path)
    assert outcome.exit_code == 1
    assert "[bold]cases[red].csv" in "".join(outcome.stderr.split())
    assert "\x1b" not in outcome.stderr


# ---------------------------------------------------------------------------- where output goes


def _workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Casussen"
    sheet.append(["casus_id", "status", "start_traject"])
    sheet.append(["W-1", "aangemeld", date(2018, 1, 15)])
    workbook.save(path)
    return path


def test_the_output_never_replaces_the_input(tmp_path: Path) -> None:
    """The input named again through '..' or a symbolic link is refused, even with --force."""
    source = _workbook(tmp_path / "cases.xlsx")
    before = source.read_bytes()
    (tmp_path / "sub").mkdir()
    alias = tmp_path / "alias.xlsx"
    alias.symlink_to(source)
    for target in (tmp_path / "sub" / ".." / "cases.xlsx", alias):
        outcome = calc(source, "-o", str(target), "--force")
        assert outcome.exit_code == 1
        assert "dit is het invoerbestand; kies een andere naam voor de uitvoer" in flat(
            outcome.stderr
        )
        assert "Traceback" not in outcome.output
    assert source.read_bytes() == before


def test_an_output_file_open_in_excel_asks_to_close_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel holds the target open (permission denied on replace): exit 1, old file intact."""
    source = _workbook(tmp_path / "cases.xlsx")
    target = tmp_path / "uit.xlsx"
    target.write_bytes(b"de oude uitvoer")
    before = sorted(tmp_path.iterdir())

    def locked(self: Path, other: object) -> Path:
        raise PermissionError(13, "Permission denied", str(other))

    monkeypatch.setattr(Path, "replace", locked)
    outcome = calc(source, "-o", str(target), "--force")
    assert outcome.exit_code == 1
    assert "is het geopend in Excel? Sluit het bestand en probeer opnieuw" in flat(outcome.stderr)
    assert "Traceback" not in outcome.output
    assert target.read_bytes() == b"de oude uitvoer"
    assert sorted(tmp_path.iterdir()) == before  # no temporary file left


def test_a_read_only_folder_is_refused_and_left_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Output into a folder without write permission: exit 1, a message, nothing created."""
    source = _workbook(tmp_path / "cases.xlsx")
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root ignores the mode bits; refuse as the kernel would for a user
        real_mkstemp = tempfile.mkstemp

        def denied(*args: object, dir: str | Path | None = None, **kwargs: object) -> object:
            if dir is not None and Path(dir) == folder:
                raise PermissionError(13, "Permission denied", str(dir))
            return real_mkstemp(*args, dir=dir, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(tempfile, "mkstemp", denied)
    spooled = set(openpyxl_writer.ALL_TEMP_FILES)
    try:
        outcome = calc(source, "-o", str(folder / "uit.xlsx"))
        assert outcome.exit_code == 1
        assert f"{folder}: geen schrijfrechten in deze map" in flat(outcome.stderr)
        assert "Traceback" not in outcome.output
        assert list(folder.iterdir()) == []
        # openpyxl spools each sheet of a workbook being built to the system temp folder;
        # a workbook abandoned unsaved must not leave case data lying there.
        assert set(openpyxl_writer.ALL_TEMP_FILES) <= spooled
    finally:
        folder.chmod(0o700)
        gc.collect()  # an abandoned workbook's sheet writers complain now, inside this test
