"""Dutch wording for pydantic's own validation errors (our validators already speak Dutch)."""

from __future__ import annotations

from pydantic_core import ErrorDetails


def _number(value: object) -> str:
    """A limit as a person writes it: 60 (not 60.0), 0,5 (decimal comma)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


_OWN = frozenset({"verplicht", "cel", "tekst", "status", "uitkering_soort", "datum", "getal"})
_BOUNDS = {
    "greater_than_equal": ("ge", "moet minstens {} zijn"),
    "greater_than": ("gt", "moet groter dan {} zijn"),
    "less_than_equal": ("le", "mag hoogstens {} zijn"),
    "less_than": ("lt", "moet kleiner dan {} zijn"),
}
_FIXED = {
    "float_parsing": "moet een getal zijn",
    "float_type": "moet een getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "missing": "ontbreekt",
    "extra_forbidden": "onbekende naam",
}


def dutch_message(error: ErrorDetails) -> str:
    """Return a Dutch sentence for one pydantic error, without echoing the input value."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _OWN:
        return error["msg"]  # raised by our own validators, already Dutch
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return "mag niet negatief zijn"
    if kind in _BOUNDS:
        key, template = _BOUNDS[kind]
        return template.format(_number(ctx.get(key)))
    if kind == "literal_error":
        return f"moet een van deze waarden zijn: {ctx.get('expected', '')}"
    return _FIXED.get(kind, "ongeldige waarde")
