"""Pydantic's validation errors as problem codes and safe params (the words are in text/).

Our own validators raise ``PydanticCustomError(code, code, params)``, so their type already is a
code; pydantic's own error types are mapped here. The input value is never carried along.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkzorg_calc.domain.errors import Param

if TYPE_CHECKING:  # a type only: the CLI imports this module for --help, before any pydantic
    from pydantic_core import ErrorDetails

_BOUNDS = {
    "greater_than_equal": ("ge", "number_at_least"),
    "greater_than": ("gt", "number_above"),
    "less_than_equal": ("le", "number_at_most"),
    "less_than": ("lt", "number_below"),
}
_FIXED = {
    "float_parsing": "number_expected",
    "float_type": "number_expected",
    "int_parsing": "integer_expected",
    "int_type": "integer_expected",
    "int_from_float": "integer_expected",
    "missing": "value_missing",
    "extra_forbidden": "unknown_name",
    "finite_number": "number_not_finite",
}
# Codes our own validators raise (read/rows.py, read/cells.py): passed through as they are.
OWN_CODES = frozenset(
    {
        "required",
        "excel_error_value",
        "text_expected",
        "text_too_long",
        "status_unknown",
        "status_unknown_close",
        "benefit_type_unknown",
        "household_unknown",
        "share_out_of_range",
        "date_expected",
        "date_ambiguous",
        "date_invalid",
        "date_nonexistent",
        "number_expected",
        "number_ambiguous",
        "number_not_finite",
    }
)


def _limit(value: object) -> Param:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return value


def validation_code(error: ErrorDetails) -> tuple[str, dict[str, Param]]:
    """The code and params of one pydantic error, without echoing the input value."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in OWN_CODES:
        return kind, {key: _limit(value) for key, value in ctx.items()}
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return "number_negative", {}
    if kind in _BOUNDS:
        key, code = _BOUNDS[kind]
        return code, {"limit": _limit(ctx.get(key))}
    if kind == "literal_error":
        return "one_of", {"expected": str(ctx.get("expected", ""))}
    return _FIXED.get(kind, "invalid_value"), {}
