"""Bringing amounts to one price year with the CBS CPI, checked by hand."""

from __future__ import annotations

import pytest

from tests.conftest import PEILDATUM
from tests.v1 import v1_parameters
from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.errors import ParameterError
from werkzorg_calc.domain.prices import cpi, price_factor
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.text.issues import error_messages

CPI_2018, CPI_2024, CPI_2026 = 103.44, 130.27, 136.86  # CBS, 2015 = 100 (data/cpi.csv)
V01_MONTHS = 211 / 30.4375


def test_factor_is_the_ratio_of_two_index_values() -> None:
    """2018 → 2024 multiplies by 130.27 / 103.44 = 1.2594; the reverse divides by it."""
    assert price_factor(2018, 2024) == pytest.approx(CPI_2024 / CPI_2018)
    assert price_factor(2018, 2024) == pytest.approx(1.2594, abs=1e-4)
    assert price_factor(2024, 2018) * price_factor(2018, 2024) == pytest.approx(1.0)
    assert price_factor(2020, 2020) == 1.0


def test_index_follows_the_published_yearly_changes() -> None:
    """Each year's index is the previous one times 1 + CBS's yearly change (2022: 10.0%)."""
    series = cpi()
    assert series[2022].index / series[2021].index == pytest.approx(1.100, abs=1e-3)
    assert series[2024].index / series[2023].index == pytest.approx(1.033, abs=1e-3)
    assert series[2026].evidence == "aanname"  # not yet published: an explicit assumption


def test_unknown_years_are_refused_with_the_available_range() -> None:
    """A year outside the series is a parameter error naming the available years."""
    with pytest.raises(ParameterError) as caught:
        price_factor(1990, 2018)
    assert error_messages(caught.value) == (
        "prijsjaar 1990: geen prijsindex (beschikbaar 2015–2026)",
    )


def test_price_year_of_the_peildatum_indexes_only_parameters(worked_cases: CaseTable) -> None:
    """At 2018 prices the 2024 hour rates shrink; 2018 amounts and the case amounts stay."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, price_year=2018)
    rate_2018 = 89.02 * CPI_2018 / CPI_2024  # 89.02 (2024) → 70.69 in 2018 prices
    items = result.items
    assert float(items["jobcoach"].iloc[0]) == pytest.approx(-40 * rate_2018)
    assert float(items["counselling"].iloc[0]) == pytest.approx(-30 * rate_2018)
    assert float(items["benefit"].iloc[0]) == pytest.approx(1401.50 * V01_MONTHS)  # factor 1
    assert float(items["counselling"].iloc[1]) == -8000.0  # per trajectory, 2018 price
    assert result.price_factors["cases"] == 1.0
    assert result.price_factors["jobcoach_hour_rate"] == pytest.approx(CPI_2018 / CPI_2024)


def test_price_year_later_than_the_cases_indexes_case_amounts(worked_cases: CaseTable) -> None:
    """At 2024 prices, 2018 case amounts and the 2018 administration cost rise by 1.2594."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM, price_year=2024)
    up = CPI_2024 / CPI_2018
    items = result.items
    assert float(items["benefit"].iloc[0]) == pytest.approx(1401.50 * up * V01_MONTHS)
    assert float(items["benefit_administration"].iloc[0]) == pytest.approx(
        2883 * up / 12 * V01_MONTHS
    )
    assert float(items["jobcoach"].iloc[0]) == pytest.approx(-40 * 89.02)  # already 2024
    assert float(items["mediation"].iloc[0]) == pytest.approx(-1200 * up)
    # V-04's missing benefit is imputed at the 2026 norm brought back to 2024 prices.
    assert result.price_factors["benefit_default_month"] == pytest.approx(CPI_2024 / CPI_2026)


def test_without_price_year_nothing_is_indexed(worked_cases: CaseTable) -> None:
    """The default keeps amounts as given, so the worked example holds to the cent."""
    result = calculate(worked_cases, v1_parameters(), PEILDATUM)
    assert result.price_year is None and result.price_factors == {}
    assert result.totals.all.net == pytest.approx(-10129.48, abs=0.005)
