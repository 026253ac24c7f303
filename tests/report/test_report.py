"""The terminal report, rendered at a fixed width of 80 columns and compared as text."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

from tests.conftest import PEILDATUM
from tests.tables import make_table
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import (
    Override,
    apply_overrides,
    default_set,
)
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.report.results import (
    case_table,
    full_report,
    header,
    parts_table,
    stakeholder_table,
)
from werkzorg_calc.report.results import target_panel as panel


def render(*parts: RenderableType) -> str:
    """Plain text at 80 columns, trailing spaces removed."""
    console = Console(width=80, file=io.StringIO(), color_system=None)
    for part in parts:
        console.print(part)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in str(output).splitlines())


def _result(cases: CaseTable, horizon: int = 0) -> Result:
    return calculate(cases, v1_parameters(), PEILDATUM, horizon)


def test_target_panel_and_stakeholder_table(worked_cases: CaseTable) -> None:
    """Worked example at horizon 12: verdict in words, amounts in Dutch notation.

    v1 values as overrides; T1 moves the insurer's 500.00 back to it (it pays the counselling):
    its net −11,944.05 + 500 = −11,444.05, total costs 41,507.68 − 500 = 41,007.68.
    """
    result = _result(worked_cases, 12)
    assert render(panel(result), stakeholder_table(result)) == (
        "╭─ Doel van de pilot ──────────────────────────────────────────────────────────╮\n"
        "│ Doel niet gehaald: 1 van 4 duurzaam aan het werk (25%, 95%-interval 5%–70%), │\n"
        "│ doel 50%                                                                     │\n"
        "│ 4 deelnemers: 0 aangemeld · 1 in bemiddeling · 0 solliciteren · 2 aan het    │\n"
        "│ werk · 1 uitgevallen                                                         │\n"
        "│ Geplaatst (werkt op peildatum): 2 · duurzaam (≥ 6 maanden en ≥ 12 uur per    │\n"
        "│ week): 1                                                                     │\n"
        "╰──────────────────────────────────────────────────────────────────────────────╯\n"
        "Per partij\n"
        "\n"
        " Partij              Besparing        Kosten          Saldo\n"
        " ───────────────────────────────────────────────────────────────────────\n"
        " Gemeente          € 47.513,15   € 17.531,18    € 29.981,96   ██████████\n"
        " UWV                € 4.420,30      € 800,00     € 3.620,30   █\n"
        " Zorgverzekeraar   € 11.232,45   € 22.676,50   € -11.444,05   ▒▒▒▒\n"
        " GGZ-instelling         € 0,00        € 0,00         € 0,00\n"
        " Rijk                   € 0,00        € 0,00         € 0,00\n"
        "\n"
        " Totaal            € 63.165,89   € 41.007,68    € 22.158,21\n"
    )


def test_parts_and_cases(worked_cases: CaseTable) -> None:
    """Realised, projected and total side by side; cases by largest absolute net."""
    result = _result(worked_cases, 12)
    assert render(parts_table(result), case_table(result)) == (
        "Gerealiseerd + projectie 12 mnd (contante waarde)\n"
        "\n"
        " Deel              Besparing        Kosten          Saldo\n"
        " ────────────────────────────────────────────────────────\n"
        " Gerealiseerd    € 24.032,02   € 34.161,49   € -10.129,48\n"
        " Geprojecteerd   € 39.133,88    € 6.846,19    € 32.287,69\n"
        " Totaal          € 63.165,89   € 41.007,68    € 22.158,21\n"
        "\n"
        "Per casus (op grootte van het saldo, + of −, grootste eerst)\n"
        "\n"
        " Casus  Status        Mnd  Duurz.    Besparing       Kosten        Saldo\n"
        " ───────────────────────────────────────────────────────────────────────\n"
        " V-01   aan het werk  6,9  ja      € 38.758,84  € 18.783,54  € 19.975,30\n"
        " V-02   aan het werk  2,9  nee     € 20.085,32   € 9.068,24  € 11.017,08\n"
        " V-04   uitgevallen   0,0  nee          € 0,00   € 8.350,00  € -8.350,00\n"
        " V-03   bemiddeling   2,0  nee      € 4.321,73   € 4.805,90    € -484,17\n"
    )


def test_header_names_changed_parameters(worked_cases: CaseTable) -> None:
    """Parameters that differ from the defaults are named with their default."""
    params = apply_overrides(default_set(), [Override("deadweight", 0.25, "test")])
    text = render(header(calculate(worked_cases, params, PEILDATUM)))
    assert "Peildatum   30-06-2018" in text
    assert "Casussen    4" in text
    assert "Parameters  deadweight = 0,25 (standaard 0,5682; test)" in text


def test_case_table_limits_and_says_so(worked_cases: CaseTable) -> None:
    """With a limit below the number of cases, the title says how to see them all."""
    text = render(case_table(_result(worked_cases), limit=2))
    assert (
        "Per casus (2 van 4, op grootte van het saldo, + of −; --cases all toont alle)"
        in " ".join(text.split())
    )
    assert "V-04" in text and "V-02" in text and "V-01" not in text


def test_markup_in_a_case_id_is_shown_not_obeyed() -> None:
    """A case id with Rich markup or control characters is printed as plain text."""
    table = make_table([{"case_id": "[bold]X\x1b[31m", "status": "aangemeld"}])
    text = render(full_report(_result(table)))
    assert "[bold]X[31m" in text
    assert "\x1b" not in text


def test_report_fits_in_eighty_columns(worked_cases: CaseTable) -> None:
    """No line of the full report is wider than 80 characters."""
    text = render(full_report(_result(worked_cases, 12)))
    assert max(len(line) for line in text.splitlines()) <= 80
