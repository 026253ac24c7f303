"""The case-file contract: columns, their aliases, statuses and benefit types.

Everything here follows ``case-file.md``; the reader and the validator look names up here so
there is one place that says what a column is called and what it holds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

Kind = Literal[
    "text", "status", "date", "amount", "hours", "share", "benefit_type", "household", "private"
]

Status = Literal["aangemeld", "in_bemiddeling", "solliciteert", "aan_het_werk", "uitgevallen"]
BenefitType = Literal["participatiewet", "ww", "wia", "wajong", "geen"]
# The household decides the bijstand norm (L1): a single person's, or a couple's.
Household = Literal["alleenstaand", "gehuwd", "samenwonend"]
NormHousehold = Literal["single", "couple"]  # the two bijstand norms of art. 21 the table holds


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the case file: its Dutch header, English alias (= field name) and kind."""

    header: str
    field: str
    kind: Kind
    required: bool = False


COLUMNS: Final[tuple[Column, ...]] = (
    Column("casus_id", "case_id", "text", required=True),
    Column("status", "status", "status", required=True),
    Column("start_traject", "trajectory_start", "date", required=True),
    Column("start_werk", "job_start", "date"),
    Column("einde_werk", "job_end", "date"),
    Column("uren_per_week", "hours_per_week", "hours"),
    Column("uitkering_voor", "benefit_before", "amount"),
    Column("uitkering_na", "benefit_after", "amount"),
    Column("uitkering_soort", "benefit_type", "benefit_type"),
    Column("wmo_voor", "wmo_before", "amount"),
    Column("wmo_na", "wmo_after", "amount"),
    Column("ggz_voor", "mhc_before", "amount"),
    Column("ggz_na", "mhc_after", "amount"),
    Column("jobcoach_uren", "jobcoach_hours", "amount"),
    Column("trajectbegeleiding_uren", "counselling_hours", "amount"),
    Column("bemiddeling_kosten", "mediation_cost", "amount"),
    Column("loonkostensubsidie_pm", "wage_subsidy_month", "amount"),
    Column("no_risk_kosten", "no_risk_cost", "amount"),
    Column("verzekeraar_bijdrage", "insurer_contribution", "amount"),
    Column("huishouden", "household", "household"),
    Column("gemeente", "municipality", "text"),
    # Method v2, B1 and W1: what the law needs to derive uitkering_na and loonkostensubsidie_pm.
    Column("netto_loon_pm", "net_earnings_month", "amount"),
    Column("brutoloon_pm", "gross_wage_month", "amount"),
    Column("loonwaarde", "wage_value_share", "share"),
    # Free text may hold personal data: the reader only notes that it exists, never its value.
    Column("opmerking", "note", "private"),
)

BY_FIELD: Final[dict[str, Column]] = {column.field: column for column in COLUMNS}

# Numbers in the file: euro amounts, and the hour counts that share their rules (≥ 0).
NUMBER_FIELDS: Final[tuple[str, ...]] = tuple(
    column.field for column in COLUMNS if column.kind in {"amount", "hours"}
)
MONEY_FIELDS: Final[tuple[str, ...]] = tuple(
    column.field
    for column in COLUMNS
    if column.kind == "amount" and not column.header.endswith("_uren")
)

STATUSES: Final[tuple[Status, ...]] = (
    "aangemeld",
    "in_bemiddeling",
    "solliciteert",
    "aan_het_werk",
    "uitgevallen",
)

BENEFIT_TYPES: Final[tuple[BenefitType, ...]] = ("participatiewet", "ww", "wia", "wajong", "geen")
HOUSEHOLDS: Final[tuple[Household, ...]] = ("alleenstaand", "gehuwd", "samenwonend")
# Single parents get the single norm since 2015 (art. 21 Participatiewet), so they map to it.
HOUSEHOLD_LOOKUP: Final[dict[str, Household]] = {
    "alleenstaand": "alleenstaand",
    "alleenstaande": "alleenstaand",
    "alleenstaande_ouder": "alleenstaand",
    "single": "alleenstaand",
    "gehuwd": "gehuwd",
    "gehuwden": "gehuwd",
    "couple": "gehuwd",
    "married": "gehuwd",
    "samenwonend": "samenwonend",
    "samenwonenden": "samenwonend",
    "cohabiting": "samenwonend",
}
NORM_HOUSEHOLD: Final[dict[Household, NormHousehold]] = {
    "alleenstaand": "single",
    "gehuwd": "couple",
    "samenwonend": "couple",
}

# Headers that announce a citizen service number; such a file is refused (see case-file.md).
BSN_HEADERS: Final[frozenset[str]] = frozenset(
    {"bsn", "burgerservicenummer", "burger_service_nummer", "sofinummer", "sofi_nummer"}
)

_SEPARATORS = re.compile(r"[\s\-_]+")


@lru_cache(maxsize=4096)  # a few dozen spellings, asked for once per cell: remember them
def normalise_name(text: str) -> str:
    """Normalise a header or a spelling: lower case, no accents, spaces/hyphens as ``_``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub("_", plain.strip().lower()).strip("_")


HEADER_LOOKUP: Final[dict[str, Column]] = {
    normalise_name(name): column for column in COLUMNS for name in (column.header, column.field)
}

_STATUS_SPELLINGS: Final[dict[str, tuple[str, ...]]] = {
    "aangemeld": ("aanmelding", "intake"),
    "in_bemiddeling": ("in bemiddeling", "bemiddeling"),
    "solliciteert": ("solliciteren", "solliciterend"),
    "aan_het_werk": ("aan het werk", "werkend", "geplaatst"),
    "uitgevallen": ("uitval", "gestopt"),
}

STATUS_LOOKUP: Final[dict[str, str]] = {
    normalise_name(spelling): status
    for status, spellings in _STATUS_SPELLINGS.items()
    for spelling in (status, *spellings)
}

# "bijstand" and "pw" are how case managers commonly write the Participatiewet benefit.
BENEFIT_TYPE_LOOKUP: Final[dict[str, str]] = {
    **{benefit: benefit for benefit in BENEFIT_TYPES},
    "bijstand": "participatiewet",
    "pw": "participatiewet",
    "participatie_wet": "participatiewet",
    "geen_uitkering": "geen",
}
