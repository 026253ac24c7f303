"""The law renderables: the legal rows with their sources, unverified rows marked."""

from __future__ import annotations

from datetime import date
from io import StringIO

from rich.console import Console

from werkzorg_calc.domain.legal import rows_for
from werkzorg_calc.engine.law.residual_benefit import residual_benefit
from werkzorg_calc.report.law import derivation_view, row_table, unverified_lines


def _render(renderable: object) -> str:
    console = Console(width=120, file=StringIO(), color_system=None)
    console.print(renderable)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(text, str)
    return " ".join(text.split())


def test_rows_show_value_period_verification_and_source() -> None:
    """2026's first hourly WML: 14,71, its period, 'nee ⚠' and its source line."""
    rows = rows_for("wml_hour_adult", date(2026, 3, 1))
    shown = _render(row_table(rows, "nl"))
    assert "72 wml_hour_adult 01-01-2026 30-06-2026 14,71 nee ⚠" in shown
    assert "Regel 72: EUR/hour gross excl. VB (21+). Bron: project reference-values.csv" in shown
    assert unverified_lines(rows, "en") == [
        "not verified: wml_hour_adult 2026-01-01 to 2026-06-30 (line 72) is used but not yet "
        "confirmed"
    ]


def test_a_derivation_shows_each_step_the_article_and_what_is_left_out() -> None:
    """B1 for the spec's example, in English: steps with values, article, the closing note."""
    derivation = residual_benefit("single", date(2026, 1, 1), 1000, 1).derivation
    shown = _render(derivation_view(derivation, "B1", "en"))
    assert "bijstand norm bijstand_norm_single(2026-01-01) 1,401.50" in shown
    assert "disregard min(disregard_share, disregard_max) 250.00" in shown
    assert "Article: Participatiewet art. 31 lid 2 onder n" in shown
    assert "Left out: the rule for people under 27" in shown
    assert "not verified" not in shown  # both rows are verified
