"""Shared fixtures: the four hand-worked cases of ``shared/spec/worked-example.md``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.read.cases import load_cases

PEILDATUM = date(2018, 6, 30)

# The worked example's table, as a Dutch-Excel CSV: ';' separated, decimal comma.
WORKED_CSV = """\
casus_id;status;start_traject;start_werk;einde_werk;uren_per_week;uitkering_voor;uitkering_na;uitkering_soort;wmo_voor;wmo_na;ggz_voor;ggz_na;jobcoach_uren;trajectbegeleiding_uren;bemiddeling_kosten;loonkostensubsidie_pm;no_risk_kosten;verzekeraar_bijdrage
V-01;aan_het_werk;2017-10-02;2017-12-01;;24;1401,50;0;participatiewet;480;240;750;412,50;40;30;1200;650;;500
V-02;aan_het_werk;2018-01-15;2018-04-03;;16;1401,50;310,25;;;;900;;12;;;;;
V-03;in_bemiddeling;2017-11-01;2018-01-08;2018-03-09;;2002,13;;wia;;;600;650;;45;;;800;
V-04;uitgevallen;2018-02-01;;;;;;;;;;;;;350;;;
"""


@pytest.fixture
def worked_csv(tmp_path: Path) -> Path:
    """The worked example written as a CSV file."""
    path = tmp_path / "worked.csv"
    path.write_text(WORKED_CSV, encoding="utf-8")
    return path


@pytest.fixture
def worked_cases(worked_csv: Path) -> CaseTable:
    """The worked example read and validated at peildatum 2018-06-30."""
    return load_cases(worked_csv, PEILDATUM)
