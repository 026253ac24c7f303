"""The terminal renderables: exact tornado bars, Dutch numbers, and 80 columns."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console, RenderableType

from tests.conftest import PEILDATUM
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.engine.uncertainty.sensitivity import sensitivity
from werkzorg_calc.engine.uncertainty.simulate import simulate
from werkzorg_calc.report.uncertainty import (
    break_even_table,
    sensitivity_report,
    simulation_report,
    tornado_bar,
)


def _render(renderable: RenderableType, width: int = 80) -> str:
    buffer = StringIO()
    Console(width=width, file=buffer, color_system=None, highlight=False).print(renderable)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("low", "high", "bar"),
    [
        (-50.0, 100.0, "    ░░░░│████████"),  # low left, high right, scaled to the largest
        (0.0, -100.0, "████████│        "),  # only the high value moves, to the left
        (-100.0, -25.0, "░░░░░░██│        "),  # both left: the shorter drawn over the longer
        (0.0, 0.0, "        │        "),
    ],
)
def test_tornado_bar(low: float, high: float, bar: str) -> None:
    """Bars grow from the axis, left when the net falls, ░ for low and █ for high."""
    assert tornado_bar(low, high, largest=100.0).plain == bar


def test_sensitivity_report_fits_80_columns_in_dutch(worked_cases: CaseTable) -> None:
    """Every line fits 80 columns; amounts and shares are in Dutch notation."""
    output = _render(sensitivity_report(sensitivity(worked_cases, v1_parameters(), PEILDATUM, 12)))
    assert max(len(line.rstrip()) for line in output.splitlines()) <= 80
    assert "counselling_cost_per_trajectory" in output  # never cut off
    assert "€ 7.826,00 – € 8.000,00" in output
    assert "30,0% – 85,0%" in output  # the deadweight range of N1


def test_break_even_cells_say_value_or_direction(worked_cases: CaseTable) -> None:
    """A crossing shows the value in its unit; otherwise whether the net stays + or −."""
    output = _render(break_even_table(sensitivity(worked_cases, v1_parameters(), PEILDATUM)))
    deadweight = next(line for line in output.splitlines() if line.startswith("deadweight"))
    # total stays negative; municipality 1 − 10.684,99 / 16.199,73 = 34,0%; UWV
    # 1 − 800 / 4.420,30 = 81,9% (inside N1's range 30–85%); the insurer stays negative
    assert deadweight.split()[1:] == ["steeds", "−", "34,0%", "81,9%", "steeds", "−"]


def test_a_stakeholder_without_items_is_named_not_shown(worked_cases: CaseTable) -> None:
    """The care provider has no items in the worked example: left out, with a note."""
    output = _render(sensitivity_report(sensitivity(worked_cases, v1_parameters(), PEILDATUM)))
    assert "Niet getoond: GGZ-instelling, Rijk (geen posten; saldo steeds € 0)." in output
    header = next(line for line in output.splitlines() if line.startswith("Parameter  "))
    assert "GGZ-instelling" not in header


def test_simulation_report(worked_cases: CaseTable) -> None:
    """Settings, the summary per stakeholder and the bootstrap line, within 80 columns."""
    output = _render(
        simulation_report(simulate(worked_cases, v1_parameters(), PEILDATUM, draws=1000))
    )
    assert max(len(line.rstrip()) for line in output.splitlines()) <= 80
    assert "Trekkingen 1.000 · seed 42 · 10 onzekere parameters" in output
    total = next(line for line in output.splitlines() if line.startswith("Totaal"))
    assert total.split()[1] == "-10.129"  # the worked example's net, in whole euros
    assert "Doel: 1 van 4 duurzaam aan het werk (25%)" in " ".join(output.split())


def test_simulate_says_why_its_interval_differs_from_calcs(worked_cases: CaseTable) -> None:
    """Wilson (calc) against the bootstrap (simulate), named and explained.

    Hand-worked Wilson for 1 durable of 4 (V-01): p = 0.25, z = 1.96: centre (0.25 + 0.4802) /
    1.9604 = 0.3725, half 1.96 × √(0.046875 + 0.060025) / 1.9604 = 0.3268 → 4.6%–69.9%.
    """
    result = simulate(worked_cases, None, PEILDATUM, draws=200, seed=1)
    low, high = result.base.target.interval95 or (0.0, 0.0)
    assert (low, high) == pytest.approx((0.0456, 0.6994), abs=5e-4)
    text = " ".join(_render(simulation_report(result)).split())
    assert "Waarom een ander interval dan werkzorg calc (5%–70%)?" in text
    assert "calc geeft het Wilson-interval" in text
    assert "hier is het interval een bootstrap" in text
