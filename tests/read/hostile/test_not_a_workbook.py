"""Files that are not what they claim to be: the bytes decide, and every refusal is clean.

Each test builds its own bad file in ``tmp_path`` and runs ``werkzorg calc --output`` and
``werkzorg check`` on it through Typer's test runner: exit 1, a Dutch message naming the
file, no traceback, nothing on stdout, and no output file left behind.
"""

from __future__ import annotations

import io
import json
import socket
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner, Result

from werkzorg_calc.cli import app
from werkzorg_calc.domain.errors import InputError
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.text.issues import issue_message

runner = CliRunner()
# A wide terminal keeps every message on one line, so a message can be searched whole.
WIDE = {"COLUMNS": "400"}
PEILDATUM = date(2018, 6, 30)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def flat(text: str) -> str:
    """The text with every run of white space (line breaks, table padding) made one space."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """The text without any white space: a long file name wrapped over lines reads whole."""
    return "".join(text.split())


def write_workbook(path: Path) -> Path:
    """A small valid case workbook: sheet ``Casussen`` with two cases."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Casussen"
    sheet.append(["casus_id", "status", "start_traject", "uitkering_voor"])
    sheet.append(["K-1", "aangemeld", date(2018, 1, 15), 1401.5])
    sheet.append(["K-2", "uitgevallen", date(2018, 2, 1), None])
    workbook.save(path)
    return path


def workbook_bytes(tmp_path: Path) -> bytes:
    """The bytes of the valid case workbook."""
    return write_workbook(tmp_path / "bron.xlsx").read_bytes()


def rezip(data: bytes, extra: dict[str, bytes]) -> bytes:
    """The same zip with ``extra`` entries added."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            target.writestr(name, source.read(name))
        for name, content in extra.items():
            target.writestr(name, content)
    return buffer.getvalue()


def make_zip(entries: dict[str, bytes]) -> bytes:
    """A zip holding exactly ``entries``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def ole_file(stream_names: list[str]) -> bytes:
    """An OLE compound file: the magic, a header sector, and a directory naming the streams."""
    header = OLE_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    header += b"\x00" * (512 - len(header))
    directory = b""
    for name in ["Root Entry", *stream_names]:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry = encoded + b"\x00" * (64 - len(encoded)) + len(encoded).to_bytes(2, "little")
        directory += entry + b"\x00" * (128 - len(entry))
    return header + directory + b"\x00" * (2048 - len(directory))


def invoke(args: list[str], stdin: str | None = None) -> Result:
    """Run the command with a wide terminal."""
    return runner.invoke(app, args, env=WIDE, input=stdin)


def refused(path: Path, tmp_path: Path) -> str:
    """Run calc (asking for an output file) and check on ``path``; both refuse it alike."""
    target = tmp_path / "uit.xlsx"
    before = sorted(tmp_path.rglob("*"))
    calc = invoke(["calc", str(path), "--peildatum", "2018-06-30", "-o", str(target)])
    check = invoke(["check", str(path), "--peildatum", "2018-06-30"])
    for outcome in (calc, check):
        assert outcome.exit_code == 1, outcome.output
        assert "Traceback" not in outcome.output
        assert outcome.stdout == ""
    assert calc.stderr == check.stderr
    assert not target.exists()
    assert sorted(tmp_path.rglob("*")) == before
    text = flat(calc.stderr)
    assert f"Invoer:{path}" in squeezed(calc.stderr)
    assert "1 fout gevonden; er is niets berekend." in text
    return text


def only_issue(path: Path) -> str:
    """The message of the single issue ``load_cases`` raises, after checking it names the file."""
    with pytest.raises(InputError) as caught:
        load_cases(path, PEILDATUM)
    (issue,) = caught.value.issues
    assert (issue.file, issue.severity) == (str(path), "fout")
    return issue_message(issue)


# ---------------------------------------------------------------------------- empty and cut off


@pytest.mark.parametrize("name", ["cases.xlsx", "cases.csv", "cases"])
def test_an_empty_file_is_refused_by_the_command(tmp_path: Path, name: str) -> None:
    """A zero-byte file, whatever its name, is 'het bestand is leeg' with exit 1."""
    path = tmp_path / name
    path.write_bytes(b"")
    assert "het bestand is leeg" in refused(path, tmp_path)


@pytest.mark.parametrize("keep", ["half", "all but the end record", "all but one byte"])
def test_a_cut_off_workbook_is_refused_as_damaged(tmp_path: Path, keep: str) -> None:
    """A workbook cut short (an interrupted download or copy) is 'beschadigd', not a crash."""
    data = workbook_bytes(tmp_path)
    length = {"half": len(data) // 2, "all but the end record": len(data) - 22}.get(
        keep, len(data) - 1
    )
    path = tmp_path / "cases.xlsx"
    path.write_bytes(data[:length])
    assert "beschadigd of geen werkmap (geen geldige zip)" in only_issue(path)
    assert "beschadigd of geen werkmap" in refused(path, tmp_path)


def test_a_workbook_with_broken_xml_inside_is_refused(tmp_path: Path) -> None:
    """A sound zip whose workbook part is cut-off XML is refused as unreadable."""
    data = workbook_bytes(tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"][:40]
    path = tmp_path / "cases.xlsx"
    path.write_bytes(make_zip(parts))
    assert only_issue(path).startswith("het Excel-bestand kon niet worden gelezen: ")
    refused(path, tmp_path)


# ---------------------------------------------------------------------------- the bytes decide


def test_csv_text_named_xlsx_is_named_as_text(tmp_path: Path) -> None:
    """Text under an .xlsx name that is no case file: called a text file, with what to do."""
    path = tmp_path / "cases.xlsx"
    path.write_bytes(b"naam;adres\r\nJan;Dorpsstraat 1\r\n")
    shown = refused(path, tmp_path)
    assert "dit is een tekstbestand (waarschijnlijk CSV) met de extensie .xlsx" in shown
    assert "hernoem het naar .csv" in shown
    assert "Dorpsstraat" not in shown


@pytest.mark.parametrize("name", ["cases.csv", "cases.txt", "cases"])
def test_a_real_workbook_under_another_name_is_read_as_a_workbook(
    tmp_path: Path, name: str
) -> None:
    """An .xlsx named .csv, .txt or nothing is read by its bytes: the sheet and its cases."""
    path = tmp_path / name
    path.write_bytes(workbook_bytes(tmp_path))
    outcome = invoke(["calc", str(path), "--peildatum", "2018-06-30", "-f", "json"])
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.stdout)
    assert data["source"]["sheet"] == "Casussen"
    assert [case["case_id"] for case in data["cases"]] == ["K-1", "K-2"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plaatje.xlsx", "geen geldig Excel-bestand (.xlsx)"),
        ("plaatje.csv", "geen tekstbestand (CSV) en geen Excel-werkmap"),
    ],
)
def test_binary_data_of_another_kind_is_refused(tmp_path: Path, name: str, expected: str) -> None:
    """A PNG image named as a case file is refused with a message fitting the name given."""
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert expected in refused(path, tmp_path)


def test_a_utf16_text_export_is_refused_not_misread(tmp_path: Path) -> None:
    """Excel's 'Unicode text' (UTF-16 with NUL bytes) is refused rather than read as garbage."""
    path = tmp_path / "cases.csv"
    path.write_bytes(
        "\ufeffcasus_id\tstatus\tstart_traject\r\nK-1\taangemeld\t15-1-2018\r\n".encode("utf-16-le")
    )
    assert "geen tekstbestand (CSV)" in refused(path, tmp_path)


def test_a_csv_with_a_utf8_mark_but_other_bytes_is_refused(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark over Windows-1252 text ('café'): an unknown-encoding error."""
    path = tmp_path / "cases.csv"
    path.write_bytes(
        b"\xef\xbb\xbfcasus_id;status;start_traject;gemeente\r\n"
        + "K-1;aangemeld;15-1-2018;Caf\u00e9\r\n".encode("cp1252")
    )
    assert only_issue(path).startswith("onbekende tekenset")
    assert "onbekende tekenset" in refused(path, tmp_path)


# ---------------------------------------------------------------------------- OLE files


def test_legacy_xls_and_password_workbook_get_distinct_messages(tmp_path: Path) -> None:
    """An old .xls asks to save as .xlsx; an encrypted workbook asks to remove the password."""
    legacy = tmp_path / "oud.xls"
    legacy.write_bytes(ole_file(["Workbook", "\x05SummaryInformation"]))
    locked = tmp_path / "beveiligd.xlsx"
    locked.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage"]))
    assert "EncryptedPackage".encode("utf-16-le") in locked.read_bytes()

    legacy_text = refused(legacy, tmp_path)
    locked_text = refused(locked, tmp_path)
    assert "oud Excel-formaat (.xls); sla het op als Excel-werkmap (.xlsx)" in legacy_text
    assert "wachtwoord" not in legacy_text
    assert "met een wachtwoord beveiligd; haal het wachtwoord eraf" in locked_text
    assert "werkzorg vraagt nooit om een wachtwoord" in locked_text
    assert ".xls)" not in locked_text
    assert only_issue(legacy) != only_issue(locked)


def test_a_password_workbook_never_prompts_for_a_password(tmp_path: Path) -> None:
    """Typed input is never read and no option takes a password: the run just refuses."""
    locked = tmp_path / "beveiligd.xlsx"
    locked.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage"]))
    outcome = invoke(["calc", str(locked), "--peildatum", "2018-06-30"], stdin="geheim\n")
    assert outcome.exit_code == 1
    assert outcome.stdout == ""  # a prompt would be written to stdout
    assert "geheim" not in outcome.output
    assert "Aborted" not in outcome.output
    for command in ("calc", "check"):
        help_text = invoke([command, "--help"]).stdout.lower()
        assert "password" not in help_text
        assert "wachtwoord" not in help_text


# ---------------------------------------------------------------------------- other zips


@pytest.mark.parametrize("name", ["cases.xlsm", "cases.xlsx"])
def test_a_workbook_with_a_vba_part_is_refused_as_a_macro_workbook(
    tmp_path: Path, name: str
) -> None:
    """A valid workbook plus ``xl/vbaProject.bin`` is refused, whatever the extension."""
    data = rezip(workbook_bytes(tmp_path), {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})
    path = tmp_path / name
    path.write_bytes(data)
    assert "werkmap met macro's (.xlsm); werkzorg opent die niet" in refused(path, tmp_path)


@pytest.mark.parametrize(
    "entries",
    [
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"},
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"},
        {"cases.csv": b"casus_id;status;start_traject\r\nK-1;aangemeld;15-1-2018\r\n"},
    ],
    ids=["word-document", "opendocument-spreadsheet", "zipped-csv"],
)
def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path, entries: dict[str, bytes]) -> None:
    """A Word document, an .ods or a zipped CSV is 'een zip-bestand maar geen Excel-werkmap'."""
    path = tmp_path / "cases.xlsx"
    path.write_bytes(make_zip(entries))
    assert "dit is een zip-bestand maar geen Excel-werkmap" in refused(path, tmp_path)


# ---------------------------------------------------------------------------- Excel's lock file


def excel_owner_file(user: str) -> bytes:
    """What Excel writes into ``~$name.xlsx``: the user's name, in ANSI and in UTF-16."""
    ansi = bytes([len(user)]) + user.encode("cp1252")
    wide = len(user).to_bytes(2, "little") + user.encode("utf-16-le")
    return ansi + b" " * (54 - len(ansi)) + wide + b"\x20\x00" * ((165 - 54 - len(wide)) // 2)


@pytest.mark.parametrize(
    ("real", "lock"),
    [("cases.xlsx", "~$cases.xlsx"), ("budget2020.xlsx", "~$dget2020.xlsx")],
)
def test_a_lock_file_names_the_real_workbook(tmp_path: Path, real: str, lock: str) -> None:
    """``~$`` lock file beside the workbook: the message names the workbook, never the user."""
    write_workbook(tmp_path / real)
    path = tmp_path / lock
    path.write_bytes(excel_owner_file("Jan Jansen"))
    text = refused(path, tmp_path)
    assert "tijdelijke vergrendelingsbestand dat Excel maakt" in text
    assert f"bedoelt u {real}?" in text
    assert "Jan Jansen" not in text


def test_a_lock_file_without_its_workbook_is_still_refused(tmp_path: Path) -> None:
    """A lone ``~$`` file (even one holding a valid zip) is refused, without a guess."""
    path = tmp_path / "~$cases.xlsx"
    path.write_bytes(workbook_bytes(tmp_path))
    (tmp_path / "bron.xlsx").unlink()
    text = refused(path, tmp_path)
    assert "vergrendelingsbestand" in text
    assert "bedoelt u" not in text


# ---------------------------------------------------------------------------- never a URL


def test_a_url_is_a_missing_file_and_no_connection_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A web address given as the case file is looked up on disk only: 'niet gevonden'."""
    attempts: list[object] = []

    def no_network(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("geen netwerk in deze test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.chdir(tmp_path)
    for url in ("https://example.org/cases.xlsx", "file:///etc/passwd"):
        with pytest.raises(InputError) as caught:
            load_cases(url, PEILDATUM)
        (issue,) = caught.value.issues
        assert (issue.file, issue_message(issue)) == (url, "bestand niet gevonden")
        outcome = invoke(["check", url])
        assert outcome.exit_code == 1
        assert "bestand niet gevonden" in flat(outcome.stderr)
    assert attempts == []
