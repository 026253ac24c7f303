"""Sentences that state a result in Dutch, shared by the terminal report and the Excel file."""

from __future__ import annotations

from .formatting import percent
from .result import Result


def verdict(result: Result) -> str:
    """The target in one Dutch sentence, e.g. ``Doel niet gehaald: 4 van 29 …, doel 50%``."""
    target = result.target
    if target.participants == 0:
        return "Doel niet gehaald: geen deelnemers in het bestand"
    what = "duurzaam aan het werk" if target.basis == "durable" else "geplaatst"
    head = "Doel gehaald" if target.met else "Doel niet gehaald"
    share = percent(target.share or 0.0)
    interval = ""
    if target.interval95 is not None:
        low, high = target.interval95
        interval = f", 95%-interval {percent(low)}–{percent(high)}"
    goal = f"doel {percent(target.target_share)}"
    if target.target_count is not None:
        goal += f" en minstens {target.target_count}"
    return f"{head}: {target.count} van {target.participants} {what} ({share}{interval}), {goal}"
