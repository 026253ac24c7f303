"""LibreOffice recalculates the Excel summary from scratch and gets werkzorg's numbers, to the cent.

LibreOffice keeps the stored values of an xlsx on load unless its profile says otherwise, so
the test runs it with a fresh profile whose ``OOXMLRecalcMode`` is 0 (always recalculate). One
workbook has parameter cells changed before recalculation; its figures must then equal a run
of werkzorg with those parameters, which also proves the recalculation happened.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import WORKED_CSV
from tests.v1 import v1_parameters
from werkzorg_calc.domain.parameters import with_overrides
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.write.excel.summary import write_excel

PEILDATUM = date(2018, 6, 30)
CENT = 0.005
# The worked example plus a case whose job ends 2018-10-15: its projection stops after 3 months.
EXTRA_CASE = (
    "V-05;aan_het_werk;2018-01-10;2018-03-01;2018-10-15;20;1200;100;ww;100;;300;;5;;;200;;\n"
)
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
CHANGES: dict[str, object] = {
    "jobcoach_hour_rate": 95.0,
    "deadweight": 0.25,
    "mhc_reduction_when_working": 0.3,
    "retention_per_year": 0.7,
    "durable_months": 2.0,
    "payers.counselling": "care_provider",
}


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is needed: apt-get install libreoffice-calc-nogui (.ci/run does)"
    return found


def _recalculate(files: list[Path], directory: Path) -> list[Path]:
    """Open each workbook in headless LibreOffice, recalculating everything, and save as xlsx."""
    profile = directory / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    out = directory / "recalculated"
    out.mkdir()
    command = [
        _soffice(),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(out),
        *map(str, files),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return [out / file.name for file in files]


def _sheet_part(path: Path, title: str) -> str:
    """The zip entry of the sheet called ``title``."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode("utf-8")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    found = re.search(
        rf'<sheet name="{re.escape(title)}" sheetId="\d+" [^>]*r:id="(\w+)"', workbook
    )
    assert found is not None
    target = re.search(
        rf'Id="{found.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{found.group(1)}"',
        rels,
    )
    assert target is not None
    name = target.group(1) or target.group(2)
    return name.lstrip("/") if name.startswith("/") else f"xl/{name}"


def _set_cells(path: Path, title: str, values: dict[str, object]) -> None:
    """Overwrite cells of one sheet in the saved file, as a person typing in Excel would."""
    part = _sheet_part(path, title)
    with zipfile.ZipFile(path) as archive:
        entries = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    xml = entries[part].decode("utf-8")
    for coordinate, value in values.items():
        if isinstance(value, str):
            cell = f'<c r="{coordinate}" t="inlineStr"><is><t>{value}</t></is></c>'
        else:
            cell = f'<c r="{coordinate}" t="n"><v>{value}</v></c>'
        xml, count = re.subn(rf'<c r="{coordinate}"[^>]*?(?:/>|>.*?</c>)', cell, xml, count=1)
        assert count == 1, coordinate
    entries[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def _formula_cells(path: Path) -> list[tuple[str, str]]:
    book = openpyxl.load_workbook(path)
    return [
        (sheet.title, cell.coordinate)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def _same(expected: object, actual: object) -> bool:
    if expected in (None, "") and actual in (None, ""):
        return True
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return abs(float(expected) - float(actual)) <= CENT
    return expected == actual


def _differences(
    expected_path: Path, actual_path: Path, skip: frozenset[tuple[str, str]] = frozenset()
) -> list[str]:
    """Every formula cell whose recalculated value differs from the stored one of ``expected``."""
    cells = [cell for cell in _formula_cells(expected_path) if cell not in skip]
    assert len(cells) > 200
    expected = openpyxl.load_workbook(expected_path, data_only=True)
    actual = openpyxl.load_workbook(actual_path, data_only=True)
    wrong = []
    for title, coordinate in cells:
        want, got = expected[title][coordinate].value, actual[title][coordinate].value
        if not _same(want, got):
            wrong.append(f"{title}!{coordinate}: werkzorg {want!r}, LibreOffice {got!r}")
    return wrong


def test_libreoffice_recalculates_every_figure_to_the_cent(tmp_path: Path) -> None:
    """Recalculated in LibreOffice (as written, changed parameters, at 2024 prices), every
    formula cell equals werkzorg's own result to the cent."""
    source = tmp_path / "cases.csv"
    source.write_text(WORKED_CSV + EXTRA_CASE, encoding="utf-8")
    cases = load_cases(source, PEILDATUM)
    books = tmp_path / "books"
    books.mkdir()

    as_written = books / "as_written.xlsx"
    write_excel(calculate(cases, v1_parameters(), PEILDATUM, 12), as_written, cases=cases)
    changed = books / "changed.xlsx"
    shutil.copy(as_written, changed)
    rows = {
        row[0].value: row[0].row
        for row in openpyxl.load_workbook(changed)["Parameters"].iter_rows(min_row=2)
    }
    _set_cells(changed, "Parameters", {f"C{rows[key]}": value for key, value in CHANGES.items()})
    indexed = books / "indexed.xlsx"
    write_excel(
        calculate(cases, v1_parameters(), PEILDATUM, 12, price_year=2024), indexed, cases=cases
    )

    recalculated = _recalculate([as_written, changed, indexed], tmp_path)

    assert _differences(as_written, recalculated[0]) == []
    assert _differences(indexed, recalculated[2]) == []
    params = with_overrides(v1_parameters(), CHANGES, "test")
    expected_result = calculate(cases, params, PEILDATUM, 12)
    expected = tmp_path / "expected.xlsx"
    write_excel(expected_result, expected, cases=cases)
    # The count of warnings on the front sheet (a link to Controle) is the run's, like the
    # Controle sheet itself: a parameter edited in Excel may change which warnings apply
    # (method v2's plausibility checks depend on the values), so that one cell is not compared.
    counts_line = frozenset({("Samenvatting", "A3")})
    assert _differences(expected, recalculated[1], counts_line) == []
    # The changed figures really were recalculated, not kept from the file.
    totals = openpyxl.load_workbook(recalculated[1], data_only=True)["Per partij"]
    stored = openpyxl.load_workbook(changed, data_only=True)["Per partij"]
    assert totals["D7"].value == pytest.approx(expected_result.totals.all.net, abs=CENT)
    assert abs(totals["D7"].value - stored["D7"].value) > 1000
    care_provider = expected_result.stakeholders["costs"].to_dict()["care_provider"]
    assert care_provider > 0
    assert totals["C5"].value == pytest.approx(care_provider, abs=CENT)
    # Settlement S1 and S2 follow the changed parameters through their live formulas, and the
    # care provider, which now pays the counselling, gets its first transfer.
    settled = openpyxl.load_workbook(recalculated[1], data_only=True)["Verrekening"]
    assert expected_result.beyond is not None
    rules = expected_result.beyond.settlement
    assert rules.costs_follow_benefits is not None
    assert rules.surplus_follows_investment is not None
    for row, party in enumerate(expected_result.stakeholders.index, start=2):
        # A party without a flow (rijk here) is no party to the settlement: 0 on the sheet.
        s1 = rules.costs_follow_benefits.get(str(party), 0.0)
        s2 = rules.surplus_follows_investment.get(str(party), 0.0)
        assert settled[f"E{row}"].value == pytest.approx(s1, abs=CENT)
        assert settled[f"F{row}"].value == pytest.approx(s2, abs=CENT)
    total_row = 2 + len(expected_result.stakeholders)
    assert settled[f"E{total_row}"].value == pytest.approx(0.0, abs=CENT)
    assert abs(rules.costs_follow_benefits["care_provider"]) > 1000
