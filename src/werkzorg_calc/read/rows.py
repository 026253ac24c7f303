"""The validated shape of one case row (casus), as pydantic sees it at the edge.

Cells arrive as whatever the spreadsheet held (numbers, dates, text in Dutch or ISO notation);
the ``before`` validators turn them into typed values or raise a problem code. Rules that
involve several fields or the peildatum are checked on whole columns in ``consistency.py``.
"""

from __future__ import annotations

import difflib
import math
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from werkzorg_calc.domain.columns import (
    BENEFIT_TYPE_LOOKUP,
    HOUSEHOLD_LOOKUP,
    NUMBER_FIELDS,
    STATUS_LOOKUP,
    STATUSES,
    BenefitType,
    Household,
    Status,
    normalise_name,
)
from werkzorg_calc.read.cells import (
    CellValueError,
    DecimalStyle,
    parse_date_text,
    parse_number_text,
)
from werkzorg_calc.read.table import EXCEL_ERRORS, is_blank

# No single case amount reaches ten million euros; a larger number is a typing error (or an
# attack: 1e308 × months overflows to infinity).
MAX_AMOUNT = 10_000_000
NonNegative = Annotated[float, Field(ge=0, le=MAX_AMOUNT)]

MAX_TEXT = 200  # a pseudonym or a municipality; longer text is not what this column holds
# Each error's type is a problem code of text/issues.py, which words it; the input is not kept.
_REQUIRED = PydanticCustomError("required", "required")

_DATE_FIELDS = ("trajectory_start", "job_start", "job_end")


def _is_blank(value: object) -> bool:
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        # A formula that failed in Excel: the cell looks filled but holds no usable value.
        raise PydanticCustomError("excel_error_value", "excel_error_value")
    return is_blank(value)


def _fail(exc: CellValueError) -> PydanticCustomError:
    return PydanticCustomError(exc.code, exc.code)


def case_id_text(value: object) -> str | None:
    """A case id as text: Excel's 1001.0 becomes "1001", so it matches the case list."""
    if is_blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str | int | float):
        return str(value).strip()
    return None


def _plausible(day: date) -> date:
    """A programme date lies between 1900 and 2200; 3017 is a typing error (and would not fit
    the calculation's timestamps)."""
    if not 1900 <= day.year <= 2200:
        raise PydanticCustomError("date_out_of_range", "date_out_of_range")
    return day


class CaseRow(BaseModel):
    """One participant's row, typed; the note column (free text) is deliberately absent."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    case_id: str
    status: Status
    trajectory_start: date
    job_start: date | None = None
    job_end: date | None = None
    hours_per_week: Annotated[float, Field(gt=0, le=60)] | None = None
    benefit_before: NonNegative | None = None
    benefit_after: NonNegative | None = None
    benefit_type: BenefitType | None = None
    household: Household | None = None
    wmo_before: NonNegative | None = None
    wmo_after: NonNegative | None = None
    mhc_before: NonNegative | None = None
    mhc_after: NonNegative | None = None
    jobcoach_hours: NonNegative | None = None
    counselling_hours: NonNegative | None = None
    mediation_cost: NonNegative | None = None
    wage_subsidy_month: NonNegative | None = None
    no_risk_cost: NonNegative | None = None
    insurer_contribution: NonNegative | None = None
    municipality: str | None = None
    net_earnings_month: NonNegative | None = None
    gross_wage_month: NonNegative | None = None
    wage_value_share: Annotated[float, Field(ge=0, le=1)] | None = None

    @field_validator("case_id", "municipality", mode="before")
    @classmethod
    def _text(cls, value: Any, info: ValidationInfo) -> str | None:
        if _is_blank(value):
            if info.field_name == "case_id":
                raise _REQUIRED
            return None
        text = case_id_text(value)
        if text is None:
            raise PydanticCustomError("text_expected", "text_expected")
        if len(text) > MAX_TEXT:
            raise PydanticCustomError("text_too_long", "text_too_long", {"limit": MAX_TEXT})
        return text

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> str:
        if _is_blank(value):
            raise _REQUIRED
        status = STATUS_LOOKUP.get(normalise_name(str(value)))
        if status is None:
            # A suggestion names a known status, never the cell's own text (health data).
            close = difflib.get_close_matches(normalise_name(str(value)), STATUSES, n=1)
            if close:
                raise PydanticCustomError(
                    "status_unknown_close", "status_unknown_close", {"suggestion": close[0]}
                )
            raise PydanticCustomError("status_unknown", "status_unknown")
        return status

    @field_validator("benefit_type", mode="before")
    @classmethod
    def _benefit_type(cls, value: Any) -> str | None:
        if _is_blank(value):
            return None
        benefit = BENEFIT_TYPE_LOOKUP.get(normalise_name(str(value)))
        if benefit is None:
            raise PydanticCustomError("benefit_type_unknown", "benefit_type_unknown")
        return benefit

    @field_validator("household", mode="before")
    @classmethod
    def _household(cls, value: Any) -> str | None:
        if _is_blank(value):
            return None
        household = HOUSEHOLD_LOOKUP.get(normalise_name(str(value)))
        if household is None:
            raise PydanticCustomError("household_unknown", "household_unknown")
        return household

    @field_validator("wage_value_share", mode="before")
    @classmethod
    def _share(cls, value: Any, info: ValidationInfo) -> float | None:
        percent = isinstance(value, str) and value.strip().endswith("%")
        number = _to_number(value.strip().removesuffix("%") if percent else value, info)
        if number is None:
            return None
        share = number / 100 if percent else number
        if not 0 <= share <= 1:
            raise PydanticCustomError("share_out_of_range", "share_out_of_range")
        return share

    @field_validator(*_DATE_FIELDS, mode="before")
    @classmethod
    def _date(cls, value: Any, info: ValidationInfo) -> date | None:
        if _is_blank(value):
            if info.field_name == "trajectory_start":
                raise _REQUIRED
            return None
        if isinstance(value, datetime):
            return _plausible(value.date())
        if isinstance(value, date):
            return _plausible(value)
        if isinstance(value, str):
            try:
                return _plausible(parse_date_text(value))
            except CellValueError as exc:
                raise _fail(exc) from None
        raise PydanticCustomError("date_expected", "date_expected")

    @field_validator(*NUMBER_FIELDS, mode="before")
    @classmethod
    def _number(cls, value: Any, info: ValidationInfo) -> float | None:
        return _to_number(value, info)


def _to_number(value: Any, info: ValidationInfo) -> float | None:
    """A cell as a finite float (``None`` when blank), Dutch or English separators."""
    if type(value) is float and math.isfinite(value):
        return value  # the common case in a workbook: a plain number
    if _is_blank(value):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise PydanticCustomError("number_expected", "number_expected")
    if isinstance(value, str):
        style: DecimalStyle = (info.context or {}).get("decimal", "unknown")
        try:
            value = parse_number_text(value, style)
        except CellValueError as exc:
            raise _fail(exc) from None
    try:
        number = float(value)
    except OverflowError:  # an integer with hundreds of digits
        number = math.inf
    if not math.isfinite(number):
        raise PydanticCustomError("number_not_finite", "number_not_finite")
    return number
