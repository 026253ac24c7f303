"""Display of money, numbers and dates; used only when showing, never when computing.

Dutch (default): ``€ 1.234,56``, ``30-06-2018``; English: ``€ 1,234.56``, ``2018-06-30``.
"""

from __future__ import annotations

from datetime import date

from werkzorg_calc.text.labels import Lang
from werkzorg_calc.text.plural import dutch_marks


def number(value: float, decimals: int = 2, lang: Lang = "nl") -> str:
    """``1234.5`` → ``1.234,50`` (nl) or ``1,234.50`` (en)."""
    text = f"{value:,.{decimals}f}"
    return text if lang == "en" else dutch_marks(text)


def euro(value: float, lang: Lang = "nl") -> str:
    """``-1234.5`` → ``€ -1.234,50``, as Dutch Excel shows a currency cell."""
    rounded = round(value, 2)
    if rounded == 0:
        rounded = 0.0  # never show "€ -0,00"
    return f"€ {number(rounded, 2, lang)}"


def percent(share: float, decimals: int = 0, lang: Lang = "nl") -> str:
    """``0.3448`` → ``34%``."""
    return f"{number(share * 100, decimals, lang)}%"


def show_date(day: date, lang: Lang = "nl") -> str:
    """``date(2018, 6, 30)`` → ``30-06-2018`` (nl) or ``2018-06-30`` (en)."""
    return day.strftime("%d-%m-%Y") if lang == "nl" else day.isoformat()


def row_list(rows: list[int], limit: int = 8) -> str:
    """``[4, 9, 17]`` → ``4, 9, 17``; long lists end with ``… (+N)``."""
    shown = ", ".join(str(row) for row in rows[:limit])
    return shown if len(rows) <= limit else f"{shown} … (+{len(rows) - limit})"


def or_list(names: list[str], lang: Lang = "nl") -> str:
    """``a``, ``a of b``, ``a, b of c`` (``or`` in English): a list of alternatives."""
    word = " of " if lang == "nl" else " or "
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + word + names[-1]
