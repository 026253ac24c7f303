"""The terminal views beyond the business case: settlement and payback fit 80 columns."""

from __future__ import annotations

from rich.console import Console

from tests.conftest import PEILDATUM
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.report.beyond import payback_lines, settlement_table


def _render(renderable: object) -> list[str]:
    console = Console(width=80, record=True, color_system=None)
    console.print(renderable)
    return console.export_text().splitlines()


def test_settlement_table_fits_80_columns(worked_cases: CaseTable) -> None:
    """Each party's row holds its net and the three transfers on one line of ≤ 80 characters."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    lines = _render(settlement_table(result.beyond))
    assert all(len(line) <= 80 for line in lines)
    municipality = next(line for line in lines if line.lstrip().startswith("Gemeente"))
    assert "€ 5.514,73" in municipality
    assert "€ -12.342,91" in municipality
    assert any(line.startswith("S1 kosten volgen baten") for line in lines)


def test_payback_line(worked_cases: CaseTable) -> None:
    """Months per party in one line; a party that does not pay back says so in words."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.beyond is not None
    lines = _render(payback_lines(result.beyond))
    assert all(len(line) <= 80 for line in lines)
    joined = " ".join(lines)
    assert "Gemeente 5" in joined and "UWV 3" in joined
    assert "Zorgverzekeraar niet binnen de periode" in joined
