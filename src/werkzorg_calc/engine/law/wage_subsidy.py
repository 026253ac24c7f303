"""W1: loonkostensubsidie (Participatiewet art. 10d) from loonwaarde, hours and the dated WML.

```
lw   = round2(loonwaarde × WMLVB_fulltime)            loonwaarde in € per full-time month
base = min(WMLVB_fulltime − lw, round2(lks_cap_share_wml_vb × WMLVB_fulltime))
LKS  = round2(base × (1 + employer_charges) × hours / fulltime_hours)
```
WMLVB_fulltime is the full-time minimum wage with holiday pay: WML month × 1.08 up to 2023,
``wml_hour_adult × fulltime_hours × 13/3 × 1.08`` from 2024 (the table says which applies: the
monthly key has no rows after 2023). It is rounded to the cent, as a wage is paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from werkzorg_calc.domain.legal import (
    LKS_CAP,
    LKS_CHARGES,
    WML_HOUR,
    WML_MONTH,
    LegalRow,
    lookup,
    rows_for,
)
from werkzorg_calc.engine.law.derivation import Derivation, Step, round2, to_decimal

ARTICLE: Final = "Participatiewet art. 10d (loonkostensubsidie); WML art. 8 en 15"
# Holiday pay is 8% of the wage by Wet minimumloon art. 15; it is part of the law, not a price.
HOLIDAY_PAY: Final = Decimal("1.08")
WEEKS_PER_MONTH: Final = Decimal(13) / Decimal(3)  # 52 weeks / 12 months, exact as 13/3


@dataclass(frozen=True, slots=True)
class WageSubsidy:
    """The monthly wage subsidy of one placement, with the amounts behind it."""

    hours: Decimal
    fulltime_hours: Decimal
    loonwaarde: Decimal
    day: date
    wml_vb: Decimal
    loonwaarde_eur: Decimal
    base: Decimal
    employer_charges: Decimal
    wage_subsidy_month: Decimal
    derivation: Derivation


Number = Decimal | int | float | str


def _wml_vb(day: date, fulltime: Decimal) -> tuple[Decimal, list[Step], list[LegalRow]]:
    """The dated full-time WML with holiday pay, from the monthly or (from 2024) hourly key."""
    # The hourly key replaced the monthly one on its first row's day (2024-01-01); before that
    # day the monthly key applies, so a day outside the table is named by the key it lacks.
    hourly_from = min((row.valid_from for row in rows_for(WML_HOUR)), default=date.max)
    if day < hourly_from:
        row = lookup(WML_MONTH, day)
        assert row.value is not None
        value = round2(row.value * HOLIDAY_PAY)
        return (
            value,
            [
                Step("wml_month", f"{WML_MONTH}({day.isoformat()})", row.value),
                Step("wml_vb", "round2(wml_month × 1.08)", value),
            ],
            [row],
        )
    row = lookup(WML_HOUR, day)
    assert row.value is not None
    # Multiply first and divide once, so 13/3 costs no precision before the one rounding.
    value = round2(row.value * fulltime * 13 * HOLIDAY_PAY / 3)
    return (
        value,
        [
            Step("wml_hour", f"{WML_HOUR}({day.isoformat()})", row.value),
            Step("wml_vb", "round2(wml_hour × fulltime_hours × 13/3 × 1.08)", value),
        ],
        [row],
    )


def wage_subsidy(
    *,
    hours: Number,
    fulltime_hours: Number,
    loonwaarde: Number,
    day: date,
    wml_vb: Number | None = None,
    employer_charges: Number | None = None,
) -> WageSubsidy:
    """W1 for one placement. Example ("Koen": WML+VB 2,523.96, 60%, 25%, 32 of 36 h): 1,121.76.

    ``loonwaarde`` is a share (0.6 for 60%). Without ``wml_vb`` the dated WML of ``day`` is
    used, without ``employer_charges`` the dated flat surcharge; the 70% cap is always dated.
    Raises ``LegalTableError`` for a day outside the table, ``ValueError`` for bad numbers.
    """
    worked, fulltime, share = to_decimal(hours), to_decimal(fulltime_hours), to_decimal(loonwaarde)
    if fulltime <= 0:
        raise ValueError("full-time hours must be more than 0")
    if not 0 <= worked <= fulltime:
        raise ValueError("hours must be between 0 and the full-time hours")
    if not 0 <= share <= 1:
        raise ValueError("loonwaarde is a share between 0 and 1 (0.6 for 60%)")
    inputs: dict[str, Decimal | date] = {
        "hours": worked,
        "fulltime_hours": fulltime,
        "loonwaarde": share,
        "date": day,
    }
    steps: list[Step] = []
    rows: list[LegalRow] = []
    if wml_vb is None:
        full, wml_steps, wml_rows = _wml_vb(day, fulltime)
        steps += wml_steps
        rows += wml_rows
    else:
        full = to_decimal(wml_vb)
        if full <= 0:
            raise ValueError("WML+VB must be more than 0")
        inputs["wml_vb"] = full
        steps.append(Step("wml_vb", "given", full))
    if employer_charges is None:
        charges_row = lookup(LKS_CHARGES, day)
        assert charges_row.value is not None
        charges = charges_row.value
        rows.append(charges_row)
        steps.append(Step("employer_charges", f"{LKS_CHARGES}({day.isoformat()})", charges))
    else:
        charges = to_decimal(employer_charges)
        if not 0 <= charges <= 1:
            raise ValueError("employer charges are a share between 0 and 1")
        inputs["employer_charges"] = charges
        steps.append(Step("employer_charges", "given", charges))
    cap_row = lookup(LKS_CAP, day)
    assert cap_row.value is not None
    rows.append(cap_row)
    lw = round2(share * full)
    cap = round2(cap_row.value * full)
    base = min(full - lw, cap)
    # Multiply before dividing by the full-time hours: one rounding, at the end, as the spec says.
    subsidy = round2(base * (1 + charges) * worked / fulltime)
    steps += [
        Step("cap_share", f"{LKS_CAP}({day.isoformat()})", cap_row.value),
        Step("loonwaarde_eur", "round2(loonwaarde × wml_vb)", lw),
        Step("cap", "round2(cap_share × wml_vb)", cap),
        Step("base", "min(wml_vb − loonwaarde_eur, cap)", base),
        Step(
            "wage_subsidy_month",
            "round2(base × (1 + employer_charges) × hours / fulltime_hours)",
            subsidy,
        ),
    ]
    derivation = Derivation(
        rule="W1",
        article=ARTICLE,
        inputs=inputs,
        rows=tuple(rows),
        steps=tuple(steps),
    )
    return WageSubsidy(worked, fulltime, share, day, full, lw, base, charges, subsidy, derivation)
