"""Dutch display of money, numbers and dates; used only when showing, never when computing."""

from __future__ import annotations

from datetime import date


def dutch_number(value: float, decimals: int = 2) -> str:
    """``1234.5`` → ``1.234,50`` (point for thousands, comma for decimals)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def euro(value: float) -> str:
    """``-1234.5`` → ``€ -1.234,50``, as Dutch Excel shows a currency cell."""
    rounded = round(value, 2)
    if rounded == 0:
        rounded = 0.0  # never show "€ -0,00"
    return f"€ {dutch_number(rounded)}"


def percent(share: float, decimals: int = 0) -> str:
    """``0.3448`` → ``34%``."""
    return f"{dutch_number(share * 100, decimals)}%"


def dutch_date(day: date) -> str:
    """``date(2018, 6, 30)`` → ``30-06-2018``."""
    return day.strftime("%d-%m-%Y")


def row_list(rows: list[int], limit: int = 8) -> str:
    """``[4, 9, 17]`` → ``4, 9, 17``; long lists end with ``… (+N)``."""
    shown = ", ".join(str(row) for row in rows[:limit])
    return shown if len(rows) <= limit else f"{shown} … (+{len(rows) - limit})"
