"""B1, residual bijstand (art. 31-2-n), each branch worked by hand from the dated table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from werkzorg_calc.domain.legal import LegalTableError
from werkzorg_calc.engine.law.residual_benefit import norm_household, residual_benefit

JAN_2026 = date(2026, 1, 1)  # single norm 1,401.50 (line 24), disregard max 285.00 (line 96)


def test_the_spec_example_month_1_and_month_7() -> None:
    """Single, 2026-01-01, net 1,000: 1401.50 − (1000 − 250.00) = 651.50; month 7: 401.50."""
    first = residual_benefit("single", JAN_2026, 1000, 1)
    assert first.norm == Decimal("1401.50")
    assert first.disregard == Decimal("250.00")
    assert first.benefit_after == Decimal("651.50")
    seventh = residual_benefit("single", JAN_2026, 1000, 7)
    assert seventh.disregard == Decimal("0.00")
    assert seventh.benefit_after == Decimal("401.50")  # 1401.50 − 1000


def test_month_six_still_has_the_disregard_and_month_seven_not() -> None:
    """The disregard lasts work months 1 to 6: month 6 is 651.50, month 7 is 401.50."""
    assert residual_benefit("single", JAN_2026, 1000, 6).benefit_after == Decimal("651.50")
    assert residual_benefit("single", JAN_2026, 1000, 7).benefit_after == Decimal("401.50")


def test_the_disregard_is_capped_at_the_dated_maximum() -> None:
    """Net 1,400: 25% is 350.00 > 285.00, so 285.00; 1401.50 − (1400 − 285) = 286.50."""
    result = residual_benefit("single", JAN_2026, 1400, 1)
    assert result.derivation.step("disregard_share") == Decimal("350.00")
    assert result.disregard == Decimal("285.00")
    assert result.benefit_after == Decimal("286.50")


def test_earnings_above_the_norm_leave_no_benefit() -> None:
    """Net 2,000: month 1 1401.50 − (2000 − 285) < 0 and month 7 1401.50 − 2000 < 0: both 0."""
    assert residual_benefit("single", JAN_2026, 2000, 1).benefit_after == Decimal("0.00")
    assert residual_benefit("single", JAN_2026, 2000, 7).benefit_after == Decimal("0.00")


def test_a_couple_uses_the_couple_norm_of_its_date() -> None:
    """Couple, 2018-03-01 (norm 1,417.32, max 202.00), net 800, month 2: 25% = 200.00 ≤ 202,
    1417.32 − (800 − 200) = 817.32."""
    result = residual_benefit("gehuwd", date(2018, 3, 1), 800, 2)
    assert result.household == "couple"
    assert result.norm == Decimal("1417.32")
    assert result.disregard == Decimal("200.00")
    assert result.benefit_after == Decimal("817.32")
    assert residual_benefit("samenwonend", date(2018, 3, 1), 800, 2) == result


def test_the_quarter_is_rounded_half_up_to_the_cent() -> None:
    """Net 1,000.10: 0.25 × 1000.10 = 250.025 → 250.03 (half up, not 250.02 half even);
    1401.50 − (1000.10 − 250.03) = 651.43."""
    result = residual_benefit("single", JAN_2026, "1000.10", 3)
    assert result.disregard == Decimal("250.03")
    assert result.benefit_after == Decimal("651.43")


def test_the_derivation_names_the_rows_the_steps_and_the_article() -> None:
    """Every table row with its line, every step in order, the article, what is left out."""
    derivation = residual_benefit("single", JAN_2026, 1000, 1).derivation
    assert derivation.rule == "B1"
    assert "art. 31 lid 2 onder n" in derivation.article
    assert [(row.key, row.line) for row in derivation.rows] == [
        ("bijstand_norm_single", 24),
        ("disregard_31_2_n_max", 96),
    ]
    assert [step.name for step in derivation.steps] == [
        "norm",
        "disregard_share",
        "disregard_max",
        "disregard",
        "counted_earnings",
        "benefit_after",
    ]
    assert derivation.result == Decimal("651.50")
    assert "kostendelersnorm" in derivation.left_out
    data = derivation.to_dict()
    assert data["inputs"] == {
        "household": "single",
        "date": "2026-01-01",
        "net_earnings": 1000.0,
        "work_month": 1,
    }


def test_a_date_outside_the_table_is_a_located_error() -> None:
    """2014 has no bijstand norm in the table: the error names key and date, nothing guessed."""
    with pytest.raises(LegalTableError) as caught:
        residual_benefit("single", date(2014, 12, 1), 1000, 1)
    assert caught.value.key == "bijstand_norm_single"
    assert "01-12-2014" in str(caught.value)


def test_nonsense_inputs_are_refused() -> None:
    """Negative earnings, month 0 and an unknown household are errors, not numbers."""
    with pytest.raises(ValueError, match="negative"):
        residual_benefit("single", JAN_2026, -1, 1)
    with pytest.raises(ValueError, match="counts from 1"):
        residual_benefit("single", JAN_2026, 1000, 0)
    with pytest.raises(ValueError, match="unknown household"):
        norm_household("kostendeler")
    assert norm_household("Alleenstaande ouder") == "single"
