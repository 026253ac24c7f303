"""Turning text cells into dates and numbers without guessing silently.

Spreadsheets made by hand hold dates and amounts as text in several notations. We accept the
notations the case-file contract names and refuse the ambiguous ones with a message that says
how to write the value instead, so nothing is misread without a word.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

DecimalStyle = Literal["comma", "point", "unknown"]


class CellValueError(ValueError):
    """A cell's text cannot be read as the kind of value its column needs.

    ``args[0]`` is the problem code (``date_ambiguous``…); ``text.issues`` has its words.
    """

    @property
    def code(self) -> str:
        """The problem code, e.g. ``number_ambiguous``."""
        return str(self.args[0])


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_SLASHED_DATE = re.compile(r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}")


def parse_date_text(text: str) -> date:
    """Read ISO ``2018-03-01`` or Dutch day-first ``1-3-2018`` / ``01-03-2018``."""
    stripped = text.strip()
    if match := _ISO_DATE.fullmatch(stripped):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DUTCH_DATE.fullmatch(stripped):
        day, month, year = (int(part) for part in match.groups())
    elif _SLASHED_DATE.fullmatch(stripped):
        # 04/03/2024 is 4 March in Dutch Excel and 3 April in American Excel: refuse to guess.
        raise CellValueError("date_ambiguous")
    else:
        raise CellValueError("date_invalid")
    try:
        return date(year, month, day)
    except ValueError:
        raise CellValueError("date_nonexistent") from None


_PLAIN = re.compile(r"[+-]?\d+")
# A thousands group never starts with 0: "0.500" is a decimal, not five hundred.
_GROUPED_DOT = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+")
_GROUPED_COMMA = re.compile(r"[+-]?[1-9]\d{0,2}(?:,\d{3})+")
_DECIMAL = re.compile(r"[+-]?\d*[.,]\d+")
_THOUSANDS_AND_DECIMAL = {
    ",": re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+,\d+"),  # Dutch 1.401,50
    ".": re.compile(r"[+-]?[1-9]\d{0,2}(?:,\d{3})+\.\d+"),  # English 1,401.50
}

_AMBIGUOUS = "number_ambiguous"
# Scientific notation as Dutch Excel writes it in a CSV (1,5E+03) and English Excel (1.5E+03):
# one mark before the exponent can only be the decimal mark.
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d{1,3}")


def parse_number_text(text: str, style: DecimalStyle) -> float:
    """Read a number written as text, with Dutch or English separators.

    ``style`` says what the file itself uses: ``comma`` for a Dutch CSV (``;`` separated),
    ``point`` for an English CSV, ``unknown`` for a text cell in a workbook. A value such as
    ``1.401`` whose meaning depends on that style and cannot be told apart is refused.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").removeprefix("€")
    if cleaned.startswith(("€", "-€")):
        cleaned = cleaned.replace("€", "")
    if not cleaned:
        raise CellValueError("number_expected")
    if _PLAIN.fullmatch(cleaned):
        return float(cleaned)
    if _SCIENTIFIC.fullmatch(cleaned):
        return float(cleaned.replace(",", "."))
    for decimal_mark, pattern in _THOUSANDS_AND_DECIMAL.items():
        if pattern.fullmatch(cleaned):
            grouping = "." if decimal_mark == "," else ","
            return float(cleaned.replace(grouping, "").replace(",", "."))
    grouped_dot = _GROUPED_DOT.fullmatch(cleaned) is not None
    grouped_comma = _GROUPED_COMMA.fullmatch(cleaned) is not None
    if grouped_dot or grouped_comma:
        mark = "." if grouped_dot else ","
        # 1.401 is 1401 to a Dutch writer and 1.401 to an English one.
        thousands = (style == "comma" and mark == ".") or (style == "point" and mark == ",")
        decimal = (style == "comma" and mark == ",") or (style == "point" and mark == ".")
        if thousands:
            return float(cleaned.replace(mark, ""))
        if decimal and cleaned.count(mark) == 1:
            return float(cleaned.replace(",", "."))
        raise CellValueError(_AMBIGUOUS)
    if _DECIMAL.fullmatch(cleaned):
        return float(cleaned.replace(",", "."))
    raise CellValueError("number_expected")
