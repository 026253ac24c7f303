"""The law commands (residual-benefit, wage-subsidy, norms): examples, JSON = API, exit codes."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from werkzorg_calc.cli import app
from werkzorg_calc.engine.law.residual_benefit import residual_benefit
from werkzorg_calc.engine.law.wage_subsidy import wage_subsidy
from werkzorg_calc.write.law_json import residual_benefit_document, wage_subsidy_document

runner = CliRunner()
SINGLE_2026 = ["residual-benefit", "--household", "alleenstaand", "--date", "2026-01-01"]
KOEN = [
    "wage-subsidy",
    "--hours",
    "32",
    "--fulltime-hours",
    "36",
    "--loonwaarde",
    "60%",
    "--wml-vb",
    "2523.96",
    "--employer-charges",
    "0.25",
    "--date",
    "2026-01-01",
]


def _json(args: list[str]) -> dict[str, object]:
    outcome = runner.invoke(app, [*args, "--format", "json"])
    assert outcome.exit_code == 0, outcome.output
    data: dict[str, object] = json.loads(outcome.stdout)
    return data


def test_the_residual_benefit_example_month_1_and_7() -> None:
    """Single, 2026-01-01, net 1,000: 651.50 in month 1 (disregard 250), 401.50 in month 7."""
    first = _json([*SINGLE_2026, "--net-earnings", "1000", "--work-month", "1"])
    assert (first["norm"], first["disregard"], first["benefit_after"]) == (1401.5, 250.0, 651.5)
    seventh = _json([*SINGLE_2026, "--net-earnings", "1000", "--work-month", "7"])
    assert seventh["benefit_after"] == 401.5
    assert seventh["disregard"] == 0.0


def test_residual_benefit_json_equals_the_api() -> None:
    """The command prints exactly the library's document (English keys)."""
    data = _json([*SINGLE_2026, "--net-earnings", "1000", "--work-month", "1"])
    expected = residual_benefit_document(residual_benefit("single", date(2026, 1, 1), 1000, 1))
    assert data == json.loads(json.dumps(expected))
    assert "kostendelersnorm" in data["left_out"]  # type: ignore[operator]
    assert data["notes"][0].startswith("Niet meegenomen: de regel voor jongeren onder 27")  # type: ignore[index]


def test_koen_through_the_command_and_the_api() -> None:
    """The ministry's Koen: 1,121.76 a month, loonwaarde 1,514.38, base 1,009.58."""
    data = _json(KOEN)
    assert (data["loonwaarde_eur"], data["base"], data["wage_subsidy_month"]) == (
        1514.38,
        1009.58,
        1121.76,
    )
    api = wage_subsidy(
        hours=32,
        fulltime_hours=36,
        loonwaarde="0.6",
        wml_vb="2523.96",
        employer_charges="0.25",
        day=date(2026, 1, 1),
    )
    assert data == json.loads(json.dumps(wage_subsidy_document(api)))


def test_the_table_view_shows_steps_rows_article_and_what_is_left_out() -> None:
    """Dutch by default: the amount, the article, the table line and the closing note."""
    outcome = runner.invoke(app, [*SINGLE_2026, "--net-earnings", "1000", "--work-month", "1"])
    assert outcome.exit_code == 0, outcome.output
    out = " ".join(outcome.stdout.split())
    assert "werkmaand 1: € 651,50 per maand" in out
    assert "Participatiewet art. 31 lid 2 onder n" in out
    assert "Regel 24:" in out
    assert "Niet meegenomen:" in out and "kostendelersnorm" in out


def test_dutch_synonyms_and_english_words() -> None:
    """``gehuwd`` is the couple norm; ``--lang en`` speaks English."""
    data = _json(
        [
            "residual-benefit",
            "--household",
            "gehuwd",
            "--date",
            "01-03-2018",
            "--net-earnings",
            "800",
            "--work-month",
            "2",
        ]
    )
    assert data["benefit_after"] == 817.32  # 1417.32 − (800 − 200)
    outcome = runner.invoke(app, [*KOEN, "--lang", "en"])
    assert "Wage subsidy (W1): € 1,121.76 a month" in outcome.stdout


def test_a_date_outside_the_table_exits_1_with_a_message() -> None:
    """2014: no norm; a clear Dutch error, no traceback, exit 1."""
    outcome = runner.invoke(
        app,
        [
            "residual-benefit",
            "--household",
            "single",
            "--date",
            "2014-06-01",
            "--net-earnings",
            "1000",
            "--work-month",
            "1",
        ],
    )
    assert outcome.exit_code == 1
    message = " ".join(outcome.output.split())
    assert "bijstand_norm_single op 01-06-2014: geen rij dekt deze datum" in message
    assert "Traceback" not in outcome.output


def test_bad_options_exit_2() -> None:
    """Unknown household, a bad date, a share above 1, more hours than full-time: usage errors."""
    bad = [
        [
            "residual-benefit",
            "--household",
            "kostendeler",
            "--net-earnings",
            "1",
            "--work-month",
            "1",
        ],
        [*SINGLE_2026, "--net-earnings", "duizend", "--work-month", "1"],
        [*SINGLE_2026, "--net-earnings", "1000", "--work-month", "0"],
        [
            "residual-benefit",
            "--household",
            "single",
            "--date",
            "1/3/2018",
            "--net-earnings",
            "1",
            "--work-month",
            "1",
        ],
        ["wage-subsidy", "--hours", "32", "--fulltime-hours", "36", "--loonwaarde", "60"],
        ["wage-subsidy", "--hours", "40", "--fulltime-hours", "36", "--loonwaarde", "0.6"],
    ]
    for args in bad:
        outcome = runner.invoke(app, args)
        assert outcome.exit_code == 2, (args, outcome.output)


def test_norms_filters_by_key_and_date_and_marks_unverified_rows() -> None:
    """One key on one day is one row; the 2026 hourly WML is used but marked unverified."""
    rows = json.loads(
        runner.invoke(
            app, ["norms", "--key", "wml_hour_adult", "--date", "01-03-2026", "--format", "json"]
        ).stdout
    )
    assert rows == [
        {
            "key": "wml_hour_adult",
            "valid_from": "2026-01-01",
            "valid_to": "2026-06-30",
            "value": 14.71,
            "unit": "EUR/hour gross excl. VB (21+)",
            "verified": "no",
            "unverified": True,
            "source": rows[0]["source"],
            "line": 72,
        }
    ]
    outcome = runner.invoke(app, ["norms", "--key", "wml_hour_adult", "--date", "2026-03-01"])
    assert outcome.exit_code == 0
    assert "nee ⚠" in outcome.stdout
    assert "Geldig vanaf" in outcome.stdout


def test_norms_lists_every_row_and_refuses_an_unknown_key() -> None:
    """Without filters every row of the table; an unknown key is a usage error."""
    rows = json.loads(runner.invoke(app, ["norms", "--format", "json"]).stdout)
    assert len(rows) > 100
    assert {row["key"] for row in rows} >= {"bijstand_norm_single", "lks_cap_share_wml_vb"}
    assert runner.invoke(app, ["norms", "--key", "bijstand"]).exit_code == 2
