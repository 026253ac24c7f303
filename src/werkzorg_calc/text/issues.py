"""Every problem worded in Dutch or English: the renderer over one catalogue.

A problem is a code with safe params (``domain.errors``); ``issue_message(issue, lang)`` words
it. The templates are in ``input_words.py`` (case files) and ``run_words.py`` (parameters,
outputs, how a run ends); each code appears once. Cell problems (``REASONS``) say why a value
is refused and are prefixed with the column (``uren_per_week: mag hoogstens 60 zijn``); the
same reasons word a bad parameter value.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from werkzorg_calc.domain.errors import (
    InputError,
    InputIssue,
    OutputError,
    Param,
    ParameterError,
    ParameterProblem,
    Params,
    WerkzorgError,
)
from werkzorg_calc.text.formatting import euro, number, percent, row_list, show_date
from werkzorg_calc.text.input_words import MESSAGES, REASONS
from werkzorg_calc.text.labels import Lang
from werkzorg_calc.text.plural import fill
from werkzorg_calc.text.run_words import (
    OUTPUT_MESSAGES,
    OUTPUT_REASONS,
    PARAMETER_MESSAGES,
    RUN_ENDINGS,
)

__all__ = [
    "MESSAGES",
    "OUTPUT_MESSAGES",
    "OUTPUT_REASONS",
    "PARAMETER_MESSAGES",
    "REASONS",
    "RUN_ENDINGS",
    "error_messages",
    "issue_message",
    "issue_place",
    "origin_text",
    "output_message",
    "problem_message",
    "reason_text",
    "run_ending",
]

_PLACE_WORDS: Final[dict[str, tuple[str, str]]] = {
    "column": ("kolom", "column"),
    "row": ("rij", "row"),
    "or": ("of", "or"),
}


def _word(key: str, lang: Lang) -> str:
    return _PLACE_WORDS[key][0 if lang == "nl" else 1]


def _places(value: tuple[object, ...], lang: Lang) -> str:
    """Row numbers (``4, 9, 17``) or places in other files (``b.csv, rij 4``)."""
    if value and isinstance(value[0], tuple):
        row = _word("row", lang)
        return "; ".join(
            f"{place[0]}, {row} {place[1]}" for place in value if isinstance(place, tuple)
        )
    return row_list([int(item) for item in value if isinstance(item, int)])


def _amount(key: str, value: float, lang: Lang) -> object:
    """Euros, shares and limits: 60 (not 60.0), 0,5 with a decimal comma in Dutch."""
    if key.endswith("_euro"):
        return euro(value, lang)
    if key == "share":
        return percent(value, lang=lang)
    if key == "max_rows":
        return number(value, 0, lang)
    if float(value).is_integer():
        return int(value)
    shown = f"{value:.4g}"
    return shown.replace(".", ",") if lang == "nl" else shown


def _shown(key: str, value: Param, lang: Lang) -> object:
    """A param as the reader sees it: dates, euros, shares and row lists in ``lang``."""
    if isinstance(value, date):
        return show_date(value, lang)
    if isinstance(value, tuple):
        return _places(value, lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _amount(key, value, lang)
    return value


def _fill(template: str, params: Params, lang: Lang) -> str:
    return fill(template, lang, **{key: _shown(key, value, lang) for key, value in params.items()})


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "nl" else pair[1]


def reason_text(code: str, params: Params, lang: Lang = "nl") -> str:
    """Why a value is refused, e.g. ``mag hoogstens 60 zijn``."""
    return _fill(_pick(REASONS[code], lang), params, lang)


def issue_message(issue: InputIssue, lang: Lang = "nl") -> str:
    """The message of one input problem in ``lang``; never contains a cell value."""
    if issue.code in REASONS:
        reason = reason_text(issue.code, issue.params, lang)
        field = issue.params.get("field")
        return f"{field}: {reason}" if field else reason
    return _fill(_pick(MESSAGES[issue.code], lang), issue.params, lang)


def issue_place(issue: InputIssue, lang: Lang = "nl") -> str:
    """The location in one string, e.g. ``Casussen!F12``, ``kolom F`` or ``rij 12``."""
    if issue.column and issue.row:
        cell = f"{issue.column}{issue.row}"
    elif issue.column:
        cell = f"{_word('column', lang)} {issue.column}"
    elif issue.row:
        cell = f"{_word('row', lang)} {issue.row}"
    else:
        cell = ""
    if issue.sheet and cell:
        separator = "!" if issue.column and issue.row else ", "
        return f"{issue.sheet}{separator}{cell}"
    return issue.sheet or cell or "-"


# The shapes of ``Override.origin`` (read/parameter_files.py), to word them in English.
_LINE = re.compile(r", regel (\d+|\?)$")
_SHEET_ROW = re.compile(r", blad (.+), rij (\d+)$")
_DEFAULT_ORIGINS = {"standaardwaarden": "defaults", "standaardverdelingen": "default distributions"}


def origin_text(origin: str, lang: Lang = "nl") -> str:
    """Where a value was set, in ``lang``: ``p.toml, regel 4`` → ``p.toml, line 4``."""
    if lang == "nl":
        return origin
    if origin in _DEFAULT_ORIGINS:
        return _DEFAULT_ORIGINS[origin]
    origin = _SHEET_ROW.sub(r", sheet \1, row \2", origin)
    return _LINE.sub(r", line \1", origin)


def problem_message(problem: ParameterProblem, lang: Lang = "nl") -> str:
    """One parameter problem with its origin in front: ``--set x: onbekende parameter 'x'``."""
    if problem.code in REASONS:
        subject = problem.params.get("subject", "")
        body = f"{subject} {reason_text(problem.code, problem.params, lang)}".strip()
    else:
        body = _fill(_pick(PARAMETER_MESSAGES[problem.code], lang), problem.params, lang)
    return f"{origin_text(problem.origin, lang)}: {body}" if problem.origin else body


def output_message(error: OutputError, lang: Lang = "nl") -> str:
    """Why an output file cannot be written, naming the file or folder."""
    reason = _pick(OUTPUT_REASONS[error.reason], lang) if error.reason else ""
    return fill(_pick(OUTPUT_MESSAGES[error.code], lang), lang, path=error.path, reason=reason)


def run_ending(code: str, lang: Lang = "nl") -> str:
    """The one line a run ends with: stopped (``interrupted``) or broken (``internal_error``)."""
    return _pick(RUN_ENDINGS[code], lang)


def error_messages(error: WerkzorgError, lang: Lang = "nl") -> tuple[str, ...]:
    """Every message an error carries, worded in ``lang`` (for scripts, tests and the CLI)."""
    if isinstance(error, InputError):
        return tuple(issue_message(issue, lang) for issue in error.issues)
    if isinstance(error, ParameterError):
        return tuple(problem_message(problem, lang) for problem in error.problems)
    if isinstance(error, OutputError):
        return (output_message(error, lang),)
    return (str(error),)
