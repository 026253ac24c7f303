"""Counts in words: ``1 rij`` but ``2 rijen``, ``1 row`` but ``2 rows``.

A template names both forms in the placeholder's format spec, ``{n:rij|rijen}``, so one
sentence serves every count and no label ever says ``rij(en)``; ``{n:~rij|rijen}`` gives the
word alone, for a sentence that lists the rows after it.
"""

from __future__ import annotations

import string


def plural(count: int, one: str, many: str) -> str:
    """``plural(1, "rij", "rijen")`` → ``1 rij``; ``plural(4, …)`` → ``4 rijen``."""
    return f"{count} {one if count == 1 else many}"


def dutch_marks(text: str) -> str:
    """English number marks to Dutch ones: ``1,234.5`` → ``1.234,5``."""
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def count_text(count: float, lang: str = "nl") -> str:
    """A count as a reader writes it: ``10.005`` in Dutch, ``10,005`` in English.

    ``lang`` is ``"nl"`` or ``"en"``; a fraction keeps its own decimal mark (``1,5``).
    """
    shown = f"{count:,}"
    return shown if lang == "en" else dutch_marks(shown)


class _Words(string.Formatter):
    """``str.format`` plus ``{n:one|many}``: the count followed by the right word."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec and isinstance(value, int | float) and not isinstance(value, bool):
            one, many = format_spec.split("|", 1)
            count = int(value) if float(value).is_integer() else value
            if one.startswith("~"):  # the word alone: "in {n:~rij|rijen} 4, 9" → "in rijen 4, 9"
                return one[1:] if count == 1 else many
            return f"{count_text(count, self.lang)} {one if count == 1 else many}"
        return str(super().format_field(value, format_spec))


_WORDS = {"nl": _Words("nl"), "en": _Words("en")}


def fill(template: str, lang: str = "nl", /, **values: object) -> str:
    """Fill ``{name}`` and ``{n:one|many}`` placeholders from ``values``, counts in ``lang``.

    Example: ``fill("{n:melding|meldingen}", "nl", n=10005)`` → ``10.005 meldingen``.
    """
    return _WORDS.get(lang, _WORDS["nl"]).format(template, **values)


def placeholders(template: str) -> set[str]:
    """The names a template needs (``{n:rij|rijen}`` needs ``n``)."""
    return {name for _, name, _, _ in _WORDS["nl"].parse(template) if name}
