"""Every count takes the singular for one and the plural otherwise, in both languages."""

from __future__ import annotations

import pytest

from werkzorg_calc.text.labels import status_label, text
from werkzorg_calc.text.plural import fill, plural


def test_the_helper() -> None:
    assert plural(1, "rij", "rijen") == "1 rij"
    assert plural(0, "rij", "rijen") == "0 rijen"
    assert fill("{n:fout|fouten}", n=2) == "2 fouten"
    assert fill("in {n:~rij|rijen} 4", n=1) == "in rij 4"
    assert fill("{n:maand|maanden}", n=1.0) == "1 maand"  # a whole float counts as its integer


def test_a_large_count_is_grouped_in_thousands_as_the_reader_writes_it() -> None:
    """10005 problems read as 10.005 meldingen in Dutch and 10,005 problems in English; a
    count below a thousand and a fraction keep their own form (1,5 maanden in Dutch)."""
    assert fill("{n:melding|meldingen}", "nl", n=10005) == "10.005 meldingen"
    assert fill("{n:problem|problems}", "en", n=10005) == "10,005 problems"
    assert fill("{n:rij|rijen}", "nl", n=1_048_575) == "1.048.575 rijen"
    assert fill("{n:rij|rijen}", "nl", n=999) == "999 rijen"
    assert fill("{n:maand|maanden}", "nl", n=1.5) == "1,5 maanden"
    assert fill("{n:month|months}", "en", n=1.5) == "1.5 months"
    assert text("errors_found", "nl", n=10005).startswith("10.005 fouten gevonden")
    assert text("errors_found", "en", n=10005).startswith("10,005 errors found")


@pytest.mark.parametrize(
    ("key", "values", "nl", "en"),
    [
        ("errors_found", {"n": 1}, "1 fout gevonden;", "1 error found;"),
        ("errors_found", {"n": 3}, "3 fouten gevonden;", "3 errors found;"),
        ("check_ok", {"n": 1}, "1 casus kan worden berekend.", "1 case can be calculated."),
        ("check_ok", {"n": 29}, "29 casussen kunnen worden", "29 cases can be"),
        ("participants_line", {"n": 1}, "1 deelnemer", "1 participant"),
        ("participants_line", {"n": 2}, "2 deelnemers", "2 participants"),
        ("plus_projection", {"n": 1}, "projectie 1 maand", "projection of 1 month"),
        ("case_count", {"n": 1}, "1 casus", "1 case"),
        ("case_count", {"n": 4}, "4 casussen", "4 cases"),
        (
            "per_case_limited",
            {"limit": 1, "n": 9},
            "(1 van 9, op grootte van het saldo",
            "(1 of 9, by size of the net",
        ),
        ("simulation_table_title", {"draws": "1", "count": 1}, "over 1 trekking", "over 1 draw"),
        ("more_months", {"n": 1}, "nog 1 maand", "1 more month"),
    ],
)
def test_labels_with_a_count(key: str, values: dict[str, object], nl: str, en: str) -> None:
    assert nl in text(key, "nl", **values)  # type: ignore[arg-type]
    assert en in text(key, "en", **values)  # type: ignore[arg-type]


def test_a_status_after_a_count() -> None:
    """'1 solliciteert' but '4 solliciteren'; the other statuses do not change."""
    assert status_label("solliciteert", count=1) == "1 solliciteert"
    assert status_label("solliciteert", count=4) == "4 solliciteren"
    assert status_label("solliciteert", count=0) == "0 solliciteren"
    assert status_label("aan_het_werk", count=10) == "10 aan het werk"
    assert status_label("solliciteert", "en", count=4) == "4 applying"
