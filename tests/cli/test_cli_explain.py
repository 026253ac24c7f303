"""``werkzorg explain``: one case or one item in the terminal and as JSON, and clear refusals."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from tests.paths import EXAMPLE
from tests.v1 import V1_ARGS
from werkzorg_calc.cli import app
from werkzorg_calc.domain.parameters import default_parameters
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.explain import explain_case, explain_item, explanation_to_dict
from werkzorg_calc.engine.provenance import build_provenance
from werkzorg_calc.read.cases import load_cases

PEILDATUM = date(2018, 6, 30)
PEIL = ["--peildatum", "2018-06-30"]
runner = CliRunner()


def test_explain_a_case(worked_csv: Path) -> None:
    """Every item of V-01 with formula, input cells, amount and payer; the footer at the end."""
    outcome = runner.invoke(app, ["explain", str(worked_csv), "V-01", *PEIL, *V1_ARGS])
    assert outcome.exit_code == 0, outcome.output
    out = outcome.stdout
    assert out.startswith("Uitleg van casus V-01")
    assert "Uitkering bespaard (benefit) · Gemeente · € 9.715,53" in out
    assert "(€ 1.401,50 − € 0,00) × (1 − 0) × 6,932238 = € 9.715,53" in out
    assert "uitkering_voor (G2): € 1.401,50" in out
    assert "Jobcoach (jobcoach) · Gemeente · € -3.560,80" in out
    # T1: 12,437.35 − 500.00 received back by the insurer, who pays the counselling (v1 payer)
    assert "Casus V-01: besparing € 15.384,37 · kosten € 11.937,35 · saldo € 3.447,01" in out
    assert "Bron: " in out
    assert out.index("Verantwoording") > out.index("Casus V-01: besparing")
    assert max(len(line) for line in out.splitlines()) <= 80


def test_explain_an_item_across_cases(worked_csv: Path) -> None:
    """--item mental_health_care: each case's sum and the total 3,411.99 for the insurer."""
    outcome = runner.invoke(
        app, ["explain", str(worked_csv), "--item", "mental_health_care", *PEIL, *V1_ARGS]
    )
    assert outcome.exit_code == 0, outcome.output
    out = " ".join(outcome.stdout.split())
    assert "Uitleg van de post GGZ-kosten bespaard (mental_health_care)" in out
    assert "L3, M3*" in out  # V-02's ggz_na was imputed
    assert "* V-02, M3: ggz_na ontbrak: ggz_voor × (1 − 0,45) aangenomen" in out
    assert "Totaal GGZ-kosten bespaard: € 3.411,99" in out
    assert "Zorgverzekeraar € 3.411,99" in out


def test_one_item_of_one_case_in_english(worked_csv: Path) -> None:
    """CASE_ID with --item shows only that item; --lang en gives English labels."""
    args = ["explain", str(worked_csv), "V-02", "--item", "counselling", *PEIL, "--lang", "en"]
    args += V1_ARGS
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    assert "Trajectory counselling (counselling) · Health insurer · € -8,000.00" in outcome.stdout
    assert "Benefit saved" not in outcome.stdout


def test_json_equals_the_library(worked_csv: Path) -> None:
    """explain --format json is explanation_to_dict of the library's explanation and provenance."""
    args = ["explain", str(worked_csv), "V-02", *PEIL, "--horizon", "12", "-f", "json"]
    outcome = runner.invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    cases = load_cases(worked_csv, PEILDATUM)
    result = calculate(cases, default_parameters(), PEILDATUM, 12)
    expected = explanation_to_dict(
        explain_case(result, cases, "V-02"),
        build_provenance(result, set_items=[], command="explain", arguments=["V-02"]),
    )
    assert json.loads(outcome.stdout) == json.loads(json.dumps(expected))
    item = json.loads(
        runner.invoke(
            app, ["explain", str(worked_csv), "--item", "wmo", *PEIL, "-f", "json"]
        ).stdout
    )
    assert (
        item["item"]["total"]
        == explain_item(calculate(cases, default_parameters(), PEILDATUM), cases, "wmo").total
    )


def test_explain_works_on_the_example_workbook() -> None:
    """The bundled workbook: cell references carry the sheet name."""
    outcome = runner.invoke(app, ["explain", str(EXAMPLE), "WBZ-002", *PEIL])
    assert outcome.exit_code == 0, outcome.output
    assert "uitkering_voor (Casussen!G3)" in outcome.stdout


def test_unknown_case_or_item_exits_1_in_dutch(worked_csv: Path) -> None:
    """An unknown case or item is one Dutch line on stderr and exit code 1."""
    outcome = runner.invoke(app, ["explain", str(worked_csv), "V-1", *PEIL])
    assert outcome.exit_code == 1
    assert "fout: casus 'V-1' staat niet in het bestand; bedoelt u V-01?" in outcome.stderr
    assert outcome.stdout == ""
    outcome = runner.invoke(app, ["explain", str(worked_csv), "--item", "zorg", *PEIL])
    assert outcome.exit_code == 1
    assert "onbekende post 'zorg'; kies uit: benefit, " in outcome.stderr
    outcome = runner.invoke(app, ["explain", str(worked_csv), "123456782", *PEIL])
    assert outcome.exit_code == 1
    assert "123456782" not in outcome.output


def test_a_case_or_an_item_is_required(worked_csv: Path) -> None:
    """Neither CASE_ID nor --item is a usage error (exit 2)."""
    outcome = runner.invoke(app, ["explain", str(worked_csv), *PEIL])
    assert outcome.exit_code == 2
    assert "geef een casus of --item POST" in outcome.output


def test_help_lists_explain() -> None:
    """werkzorg --help names the explain command with its one-line help."""
    outcome = runner.invoke(app, ["--help"])
    assert "explain" in outcome.stdout
    assert "Leg elk bedrag uit" in outcome.stdout


def test_explain_takes_the_dutch_item_name(worked_csv: Path) -> None:
    """``--item ggz`` is the GGZ item, as ``--item mental_health_care`` is."""
    dutch = runner.invoke(app, ["explain", str(worked_csv), "--item", "ggz", *PEIL])
    english = runner.invoke(
        app, ["explain", str(worked_csv), "--item", "mental_health_care", *PEIL]
    )
    assert dutch.exit_code == 0, dutch.output
    assert dutch.stdout == english.stdout


def test_set_takes_dutch_payer_names_and_percentages(worked_csv: Path) -> None:
    """``--set payers.counselling=gemeente --set deadweight=25%`` as the ids and 0.25 would."""
    dutch = runner.invoke(
        app,
        [
            "calc",
            str(worked_csv),
            *PEIL,
            "--format",
            "json",
            *V1_ARGS,  # v1's values, so the hand-worked v1 figures hold
            "--set",
            "payers.counselling=gemeente",
            "--set",
            "deadweight=25%",
        ],
    )
    assert dutch.exit_code == 0, dutch.output
    data = json.loads(dutch.stdout)
    assert data["parameters"]["payers.counselling"] == "municipality"
    assert data["parameters"]["deadweight"] == 0.25
    # Hand-worked (worked-example.md, deadweight 0.25): savings 18,024.01; the counselling
    # (8,000 + 8,000 + 4,005.90 + 8,000 = 28,005.90) moves from the insurer to the municipality.
    assert round(data["totals"]["savings"], 2) == 18_024.01
    assert data["stakeholders"]["municipality"]["costs"] > 28_005.90


def test_explain_provenance_names_the_explain_command_and_years_only_euros() -> None:
    """The provenance's command is the explain that ran; a share has no price year."""
    outcome = runner.invoke(
        app, ["explain", str(EXAMPLE), "WBZ-002", "--item", "ggz", *PEIL, "--format", "json"]
    )
    assert outcome.exit_code == 0, outcome.output
    command = json.loads(outcome.stdout)["provenance"]["command"]
    assert command.startswith("werkzorg explain ")
    assert "WBZ-002 --item mental_health_care --peildatum 2018-06-30" in command
    table = runner.invoke(app, ["explain", str(EXAMPLE), "WBZ-002", *PEIL])
    out = table.stdout
    assert "deadweight = 0,568182 · aandeel · onderbouwd" in out  # a share: no price year
    assert "benefit_admin_cost_year = € 2.883,00 · EUR per casus per jaar · prijsjaar 2018" in out
    assert "werkzorg explain " in " ".join(out.split())
