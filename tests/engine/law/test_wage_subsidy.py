"""W1, loonkostensubsidie (art. 10d), each branch worked by hand from the dated table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from werkzorg_calc.domain.legal import LegalTableError
from werkzorg_calc.engine.law.wage_subsidy import wage_subsidy

KOEN = {"wml_vb": "2523.96", "employer_charges": "0.25", "day": date(2026, 1, 1)}


def test_the_ministrys_koen() -> None:
    """WML+VB 2,523.96, 60%, 25%, 32 of 36 h: lw = round2(1514.376) = 1514.38,
    base = min(1009.58, 1766.77) = 1009.58, 1009.58 × 1.25 × 32/36 = 1121.7555… → 1121.76."""
    result = wage_subsidy(hours=32, fulltime_hours=36, loonwaarde="0.6", **KOEN)  # type: ignore[arg-type]
    assert result.loonwaarde_eur == Decimal("1514.38")
    assert result.base == Decimal("1009.58")
    assert result.wage_subsidy_month == Decimal("1121.76")
    assert result.derivation.step("cap") == Decimal("1766.77")  # round2(0.70 × 2523.96)


def test_the_70_percent_cap_binds_at_a_low_loonwaarde() -> None:
    """Loonwaarde 20%: lw = round2(504.792) = 504.79, WML+VB − lw = 2019.17 > cap 1766.77;
    base 1766.77, full-time 36 of 36: 1766.77 × 1.25 = 2208.4625 → 2208.46."""
    result = wage_subsidy(hours=36, fulltime_hours=36, loonwaarde="0.2", **KOEN)  # type: ignore[arg-type]
    assert result.loonwaarde_eur == Decimal("504.79")
    assert result.base == Decimal("1766.77")
    assert result.wage_subsidy_month == Decimal("2208.46")


def test_full_loonwaarde_needs_no_subsidy() -> None:
    """Loonwaarde 100%: lw = WML+VB, base = min(0, cap) = 0, subsidy 0.00."""
    result = wage_subsidy(hours=32, fulltime_hours=36, loonwaarde=1, **KOEN)  # type: ignore[arg-type]
    assert result.base == Decimal("0.00")
    assert result.wage_subsidy_month == Decimal("0.00")


def test_before_2024_the_dated_monthly_wml_and_charges() -> None:
    """2018-03-01: WML 1,578.00 × 1.08 = 1704.24; 50% → lw 852.12, base 852.12 (cap
    1192.97); charges 2018 0.235: 852.12 × 1.235 × 24 / 36 = 701.5788 → 701.58."""
    result = wage_subsidy(hours=24, fulltime_hours=36, loonwaarde="0.5", day=date(2018, 3, 1))
    assert result.wml_vb == Decimal("1704.24")
    assert result.employer_charges == Decimal("0.235")
    assert result.loonwaarde_eur == Decimal("852.12")
    assert result.wage_subsidy_month == Decimal("701.58")
    assert [row.key for row in result.derivation.rows] == [
        "wml_month_fulltime_adult",
        "lks_employer_charges_share",
        "lks_cap_share_wml_vb",
    ]


def test_from_2024_the_hourly_wml_times_the_fulltime_hours() -> None:
    """2025-01-01: 14.06 × 36 × 13/3 × 1.08 = 2368.8288 → 2368.83; 60% → lw 1421.30
    (1421.298), base 947.53; 947.53 × 1.25 × 32/36 = 1052.8111 → 1052.81."""
    result = wage_subsidy(hours=32, fulltime_hours=36, loonwaarde="0.6", day=date(2025, 1, 1))
    assert result.wml_vb == Decimal("2368.83")
    assert result.loonwaarde_eur == Decimal("1421.30")
    assert result.base == Decimal("947.53")
    assert result.wage_subsidy_month == Decimal("1052.81")
    assert result.derivation.unverified_rows == ()


def test_an_unverified_wml_row_is_used_and_flagged() -> None:
    """2026's hourly WML (line 72) is not yet verified: used, and listed as unverified."""
    result = wage_subsidy(hours=32, fulltime_hours=36, loonwaarde="0.6", day=date(2026, 1, 1))
    assert [row.line for row in result.derivation.unverified_rows] == [72]
    # 14.71 × 36 × 13/3 × 1.08 = 2478.3408 → 2478.34; lw round2(1487.004) = 1487.00
    assert result.wml_vb == Decimal("2478.34")
    assert result.loonwaarde_eur == Decimal("1487.00")


def test_a_date_outside_the_table_is_a_located_error() -> None:
    """2014 has no WML row: LegalTableError naming the key."""
    with pytest.raises(LegalTableError) as caught:
        wage_subsidy(hours=32, fulltime_hours=36, loonwaarde="0.6", day=date(2014, 6, 1))
    assert caught.value.key == "wml_month_fulltime_adult"


def test_nonsense_inputs_are_refused() -> None:
    """More hours than full-time, a share above 1, zero full-time hours: errors."""
    with pytest.raises(ValueError, match="between 0 and the full-time"):
        wage_subsidy(hours=40, fulltime_hours=36, loonwaarde="0.6", **KOEN)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="share between 0 and 1"):
        wage_subsidy(hours=32, fulltime_hours=36, loonwaarde=60, **KOEN)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="more than 0"):
        wage_subsidy(hours=0, fulltime_hours=0, loonwaarde="0.6", **KOEN)  # type: ignore[arg-type]
