"""The summary workbook prints: LibreOffice makes a handful of readable A4 pages of it.

The example's summary used to print as 32 pages (columns cut into strips, the chart across two
pages). With the print layout of ``write/excel/print_layout.py`` every sheet is A4, fitted to
the width, with a header (title, peildatum) and page numbers, and the front sheet is one page
holding the verdict, the table per party and the chart.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pypdf

from tests.paths import EXAMPLE
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.read.cases import load_cases
from werkzorg_calc.write.excel.summary import write_excel

DAY = date(2018, 6, 30)
A4 = (595, 842)  # points, upright
# Samenvatting 1, Per partij 1, Verrekening 1, Terugverdienen 1, Welvaart 1, Per casus 4 (51
# columns over 4 pages across), Parameters 2, Controle 1, Verantwoording 1.
EXPECTED_PAGES = 13


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is needed: apt-get install libreoffice-calc-nogui (.ci/run does)"
    return found


def _to_pdf(workbook: Path, directory: Path) -> Path:
    profile = directory / "profile"
    command = [
        _soffice(),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(directory),
        str(workbook),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return directory / (workbook.stem + ".pdf")


def test_the_example_summary_prints_as_a_handful_of_a4_pages(tmp_path: Path) -> None:
    cases = load_cases(EXAMPLE, DAY)
    workbook = tmp_path / "samenvatting.xlsx"
    write_excel(calculate(cases, None, DAY), workbook, cases=cases)
    reader = pypdf.PdfReader(_to_pdf(workbook, tmp_path))

    assert len(reader.pages) == EXPECTED_PAGES
    for number, page in enumerate(reader.pages, start=1):
        size = sorted(round(float(side)) for side in (page.mediabox.width, page.mediabox.height))
        assert tuple(size) == A4
        words = page.extract_text()
        # Header (title and peildatum) and footer (page x of n) on every page.
        assert "werkzorg · maatschappelijke business case per casus" in words
        assert "Peildatum 30-06-2018" in words
        assert f"{number} / {EXPECTED_PAGES}" in words

    front = reader.pages[0].extract_text()
    assert "Samenvatting" in front
    assert "Doel niet gehaald: 4 van 29 duurzaam aan het werk (14%, 95%-interval 5%–31%)" in front
    assert "Aangenomen waarden: " in front
    assert "Maandfactor" not in front  # method jargon belongs on the Parameters sheet
    # The table per party, whole, on the front page (figures as in the README).
    for party, net in (
        ("Gemeente", "-35[.,]874[.,]78"),
        ("UWV", "-91[.,]483[.,]68"),
        ("Zorgverzekeraar", "1[.,]985[.,]76"),
        ("GGZ-instelling", "0[.,]00"),
        ("Rijk", "0[.,]00"),
    ):
        assert re.search(rf"{party} .*{net}", front), party
    # The front sheet's layout: landscape, one page; tables repeat their header row.
    book = openpyxl.load_workbook(workbook)
    summary = book["Samenvatting"]
    assert summary.page_setup.orientation == "landscape"
    assert (summary.page_setup.fitToWidth, summary.page_setup.fitToHeight) == (1, 1)
    assert book["Per casus"].print_title_rows == "$1:$1"
    assert book["Per casus"].print_title_cols == "$A:$A"
