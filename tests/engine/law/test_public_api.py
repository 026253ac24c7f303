"""The two examples of issue 13 through the public API (``import werkzorg_calc as wz``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import werkzorg_calc as wz


def test_residual_benefit_example_through_the_package() -> None:
    """Single, 2026-01-01, net 1,000: 651.50 in month 1 and 401.50 in month 7."""
    assert wz.residual_benefit("single", date(2026, 1, 1), 1000, 1).benefit_after == Decimal(
        "651.50"
    )
    assert wz.residual_benefit("alleenstaand", date(2026, 1, 1), 1000, 7).benefit_after == (
        Decimal("401.50")
    )


def test_koen_through_the_package() -> None:
    """WML+VB 2,523.96, loonwaarde 60%, charges 25%, 32 of 36 hours: 1,121.76 a month."""
    koen = wz.wage_subsidy(
        hours=32,
        fulltime_hours=36,
        loonwaarde="0.6",
        wml_vb="2523.96",
        employer_charges="0.25",
        day=date(2026, 1, 1),
    )
    assert koen.wage_subsidy_month == Decimal("1121.76")
    assert isinstance(koen.derivation, wz.Derivation)
    assert "BenefitSchedule" in wz.__all__ and "residual_benefit_schedule" in wz.__all__
    assert issubclass(wz.LegalTableError, wz.WerkzorgError)
