"""One reading of a parameter value as a Dutch user types it, wherever it is typed.

``--set``, a TOML file and the ``Parameters`` sheet of a case workbook all hand their values to
``read_value`` (through ``apply_overrides``), so the three entry points read the same text the
same way: ``57%`` is 0.57, ``75,50`` and ``€ 75,50`` are 75.5, ``1.401,50`` is 1401.5, and the
payers may be named in Dutch (``gemeente``, ``uwv``, ``zorgverzekeraar``, ``ggz-instelling``).
Anything else is handed on unchanged for the parameter model to validate and word the error.
"""

from __future__ import annotations

import re

# Dutch (and a few everyday) names of the four parties, to the ids of the method.
PAYER_NAMES: dict[str, str] = {
    "gemeente": "municipality",
    "municipality": "municipality",
    "uwv": "uwv",
    "zorgverzekeraar": "health_insurer",
    "verzekeraar": "health_insurer",
    "health_insurer": "health_insurer",
    "ggz-instelling": "care_provider",
    "ggz_instelling": "care_provider",
    "ggz instelling": "care_provider",
    "zorgaanbieder": "care_provider",
    "care_provider": "care_provider",
}

_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")
# Thousands with a dot and a decimal comma, as Dutch Excel shows an amount: 1.401,50.
_DUTCH_GROUPED = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")


def read_number(text: str) -> int | float | None:
    """``12`` → 12, ``0,25`` → 0.25, ``57%`` → 0.57, ``€ 75,50`` → 75.5; else ``None``."""
    cleaned = text.strip().replace("€", "").replace("\u00a0", " ").strip()
    share = cleaned.endswith("%")
    if share:
        cleaned = cleaned[:-1].strip()
    cleaned = cleaned.replace(" ", "")
    if _DUTCH_GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "")
    if not _NUMBER.fullmatch(cleaned):
        return None
    cleaned = cleaned.replace(",", ".")
    if share:
        return float(cleaned) / 100
    return int(cleaned) if "." not in cleaned else float(cleaned)


def read_value(value: object) -> object:
    """A parameter value as the model expects it; text that is no number or party stays."""
    if not isinstance(value, str):
        return value
    number = read_number(value)
    if number is not None:
        return number
    party = PAYER_NAMES.get(value.strip().lower())
    return party if party is not None else value.strip()
