"""The HTML report as text: the tool's own figures, escaped input, no loads, reproducible."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.paths import EXAMPLE, SCENARIOS
from tests.v1 import v1_parameters
from tests.write.html_inputs import (
    BSN,
    DAY,
    FORMULA_ID,
    REMARK,
    SCRIPT_ID,
    calc_report,
    compare_report,
    hostile_csv,
    run,
    simulate_report,
)
from werkzorg_calc import calculate, default_parameters, load_cases
from werkzorg_calc.cli import app
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import OutputError
from werkzorg_calc.text.issues import output_message
from werkzorg_calc.write.html import render_result, write_html_report
from werkzorg_calc.write.html.detail_sections import cases_section
from werkzorg_calc.write.html.page import CSP

PEIL = date(2018, 6, 30)


def _party_nets(page: str) -> dict[str, float]:
    found = re.findall(r'data-party="([a-z_]+)" data-net="(-?\d+\.\d\d)"', page)
    return {party: float(net) for party, net in found}


def test_worked_example_nets_by_hand(worked_cases: CaseTable) -> None:
    """The four hand-worked cases: each party's net in the page as the worked example states.

    v1 values as overrides; T1 gives the insurer back V-01's 500.00 (−19,764.51 + 500.00).
    """
    result = calculate(worked_cases, v1_parameters(), PEIL, 0)
    page = render_result(result)
    assert _party_nets(page) == {
        "municipality": 5514.73,
        "uwv": 3620.30,
        "health_insurer": -19264.51,
        "care_provider": 0.0,
        "rijk": 0.0,
        "total": -10129.48,
    }
    assert "€ -19.264,51" in page  # the same figure as people read it
    assert 'data-met="false" data-count="1" data-participants="4"' in page


def test_the_pocket_table_holds_each_partys_items(worked_cases: CaseTable) -> None:
    """The table of items per party (``Result.stakeholder_items``) for the four hand-worked
    cases: the insurer's care saving is its whole savings, 3,411.99, and its counselling its
    whole costs, 22,676.50 (the 500.00 contribution it pays and, by T1, receives back cancel);
    each party's column adds up to its net (5,514.73 for the municipality), to a cent a row."""
    result = calculate(worked_cases, v1_parameters(), PEIL, 0)
    page = render_result(result)
    table = page[page.index('<table class="pocket">') :]
    table = table[: table.index("</table>")]
    rows = {
        label: [float(amount) for amount in re.findall(r'data-amount="(-?\d+\.\d\d)"', body)]
        for label, body in re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', table)
    }
    parties = ["municipality", "uwv", "health_insurer", "care_provider", "rijk"]
    by_party = {party: [row[i] for row in rows.values()] for i, party in enumerate(parties)}
    assert rows["GGZ-kosten bespaard (besparing)"] == [0.0, 0.0, 3411.99, 0.0, 0.0]
    assert rows["Trajectbegeleiding (kosten)"] == [0.0, 0.0, -22676.50, 0.0, 0.0]
    nets = _party_nets(page)
    for party in parties:
        assert sum(by_party[party]) == pytest.approx(nets[party], abs=0.005 * len(rows)), party
    assert nets["municipality"] == 5514.73


def test_calc_report_holds_the_json_figures(tmp_path: Path) -> None:
    """Every party's net and the verdict in the page equal the JSON result to the cent."""
    page = calc_report(tmp_path).read_text("utf-8")
    document = json.loads(run("calc", EXAMPLE, *DAY, "--format", "json"))
    nets = _party_nets(page)
    for party, figures in document["stakeholders"].items():
        assert nets[party] == round(figures["net"], 2), party
    assert nets["total"] == round(document["totals"]["net"], 2) == -125372.70  # README figure
    target = document["target"]
    met = "true" if target["met"] else "false"
    assert f'data-met="{met}" data-count="{target["durable"]}"' in page
    assert "Doel niet gehaald: 4 van 29 duurzaam aan het werk (14%, 95%-interval 5%–31%)" in page


def test_the_page_loads_nothing_and_runs_nothing(tmp_path: Path) -> None:
    """A policy that forbids every load; no script, no external reference, no web font."""
    page = calc_report(tmp_path).read_text("utf-8")
    assert (
        f'<meta http-equiv="Content-Security-Policy" content="{CSP.replace(chr(39), "&#x27;")}">'
        in page
    )
    assert "default-src &#x27;none&#x27;" in page
    assert "<script" not in page.lower()
    assert not re.search(r"\b(src|srcset|poster|data)\s*=", page.replace("data-", "d-"))
    assert "<link" not in page and "@import" not in page and "@font-face" not in page
    assert re.findall(r"url\(([^)]*)\)", page) == [
        f"#{ref}" for ref in re.findall(r"url\(#([^)]*)\)", page)
    ]


def test_hostile_ids_are_text_and_private_data_stays_out(tmp_path: Path) -> None:
    """Markup and formula ids are escaped; no remark, no BSN in the page."""
    source = hostile_csv(tmp_path / "vijandig.csv")
    page = calc_report(tmp_path, "--allow-bsn", source=source).read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert SCRIPT_ID not in page
    assert "=HYPERLINK(&quot;http://evil.invalid/x&quot;)" in page
    assert FORMULA_ID not in page  # the quotes are entities too
    assert REMARK not in page
    for bsn in (BSN, "111222333"):
        assert bsn not in page


def test_the_case_table_is_capped_with_a_note(worked_cases: CaseTable) -> None:
    """Past the cap the table shows the largest nets only and says so; the order is fixed."""
    result = calculate(worked_cases, default_parameters(), PEIL, 0)
    capped = cases_section(result, "nl", limit=2)
    ids = re.findall(r'<th scope="row">([^<]+)</th>', capped)
    assert ids == ["V-04", "V-02"]  # nets -8,350.00 and -4,742.33: the largest in size
    assert "De 2 grootste saldo&#x27;s van 4 casussen" in capped
    whole = cases_section(result, "nl")
    assert "grootste saldo&#x27;s van" not in whole
    assert re.findall(r'<th scope="row">([^<]+)</th>', whole) == ["V-04", "V-02", "V-01", "V-03"]


def test_rerun_is_byte_identical_unless_timestamped(tmp_path: Path) -> None:
    """Two runs give the same bytes; --timestamp records the time in the provenance."""
    one = calc_report(tmp_path, "--horizon", "12", name="een").read_bytes()
    two = calc_report(tmp_path, "--horizon", "12", name="twee").read_bytes()
    assert one == two
    assert "niet vastgelegd" in one.decode("utf-8")
    stamped = calc_report(tmp_path, "--timestamp", name="tijd").read_text("utf-8")
    assert re.search(r"<code>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</code>", stamped)


def test_english_report(tmp_path: Path) -> None:
    """--lang en: the page is English and says so to the browser."""
    page = calc_report(tmp_path, "--lang", "en").read_text("utf-8")
    assert '<html lang="en">' in page
    assert "Target not met: 4 of 29 durably at work" in page
    assert "Who pays, who saves" in page and "€ -125,372.70" in page


def test_provenance_footer(tmp_path: Path) -> None:
    """The footer names the input with its hash, the parameter fingerprint and the command."""
    page = calc_report(tmp_path).read_text("utf-8")
    document = json.loads(run("calc", EXAMPLE, *DAY, "--format", "json"))
    provenance = document["provenance"]
    assert f'data-sha256="{provenance["inputs"][0]["sha256"]}"' in page
    assert provenance["parameters_sha256"] in page
    assert f"<code>{provenance['command']}</code>" in page


def test_compare_report_shows_every_run_with_differences(tmp_path: Path) -> None:
    """compare -o: each run's net per party equals the comparison JSON to the cent."""
    page = compare_report(tmp_path).read_text("utf-8")
    document = json.loads(
        run("compare", EXAMPLE, *sorted(SCENARIOS.glob("*.toml")), *DAY, "--format", "json")
    )
    runs = [document["base"], *document["scenarios"]]
    for entry in runs:
        for party, figures in entry["stakeholders"].items():
            net = f"{round(figures['net'], 2):.2f}"
            expected = f'data-run="{entry["name"]}" data-party="{party}" data-net="{net}"'
            assert expected in page, expected
    assert "Δ conservatief" in page


def test_simulate_report_shows_the_spread_and_chances(tmp_path: Path) -> None:
    """simulate -o: P5, P50, P95 and P(net > 0) per party as in the simulation JSON."""
    page = simulate_report(tmp_path).read_text("utf-8")
    document = json.loads(
        run("simulate", EXAMPLE, *DAY, "--horizon", "12", "--draws", "2000", "--format", "json")
    )
    for party, figures in document["net"].items():
        assert f'data-party="{party}" data-chance="{figures["chance_positive"]:.4f}"' in page
        for column in ("p5", "p50", "p95"):
            assert f'data-{column}="{round(figures[column], 2):.2f}"' in page
    assert "kans dat het doel (50%) gehaald wordt" in page


@pytest.mark.parametrize("command", ["calc", "compare", "simulate"])
def test_json_output_file_equals_stdout(tmp_path: Path, command: str) -> None:
    """-o result.json writes exactly the document that --format json prints."""
    target = tmp_path / "uit.json"
    extra = ["--draws", "50"] if command == "simulate" else []
    run(command, EXAMPLE, *DAY, *extra, "-o", target)
    printed = run(command, EXAMPLE, *DAY, *extra, "--format", "json")
    assert target.read_text("utf-8") == printed


def test_unknown_extension_and_existing_file_are_refused(tmp_path: Path) -> None:
    """A .txt output is a usage error; an existing report needs --force; input never a target."""
    runner = CliRunner()
    outcome = runner.invoke(app, ["calc", str(EXAMPLE), *DAY, "-o", str(tmp_path / "r.txt")])
    assert outcome.exit_code == 2
    assert "de uitvoer moet eindigen op .xlsx, .html of .json" in outcome.output
    existing = tmp_path / "r.html"
    existing.write_text("oud", encoding="utf-8")
    outcome = runner.invoke(app, ["calc", str(EXAMPLE), *DAY, "-o", str(existing)])
    assert outcome.exit_code == 1 and existing.read_text("utf-8") == "oud"
    copy = tmp_path / "casussen.html"
    copy.write_bytes(EXAMPLE.read_bytes())
    outcome = runner.invoke(app, ["calc", str(copy), *DAY, "-o", str(copy), "--force"])
    assert outcome.exit_code == 1 and copy.read_bytes() == EXAMPLE.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fills half way through the write leaves neither report nor temporary file."""
    cases = load_cases(EXAMPLE, PEIL)
    result = calculate(cases, default_parameters(), PEIL, 0)
    real_write = Path.write_text

    def half_then_full(self: Path, data: str, *args: object, **kwargs: object) -> int:
        real_write(self, data[: len(data) // 2], encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", half_then_full)
    with pytest.raises(OutputError) as caught:
        write_html_report(result, tmp_path / "r.html")
    assert (caught.value.code, caught.value.reason) == ("output_write_failed", "disk_full")
    assert "de schijf is vol" in output_message(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_status_counts_agree_in_number(tmp_path: Path) -> None:
    """The example's four applicants are "4 solliciteren", one verb form per count."""
    page = calc_report(tmp_path).read_text("utf-8")
    assert "4 solliciteren" in page
    assert "4 solliciteert" not in page


def test_the_report_puts_the_gross_result_beside_the_net_headline(tmp_path: Path) -> None:
    """N1 in the page: the net headline after deadweight, the gross result beside it, and H1."""
    page = calc_report(tmp_path).read_text("utf-8")
    document = json.loads(run("calc", EXAMPLE, *DAY, "--format", "json"))
    assert document["in_words"]["result"] in page
    assert "Bruto resultaat (zonder deadweight)" in page
    assert "Gemeenschappelijke horizon (24 mnd)" in page


def test_compare_and_simulate_reports_carry_their_own_run_provenance(tmp_path: Path) -> None:
    """The footer names the command that made the page, as the workbook and the JSON do."""
    compared = compare_report(tmp_path).read_text("utf-8")
    assert "<code>werkzorg compare " in compared
    assert "conservatief.toml" in compared
    simulated = simulate_report(tmp_path).read_text("utf-8")
    assert "<code>werkzorg simulate " in simulated
    assert "--draws 2000" in simulated
