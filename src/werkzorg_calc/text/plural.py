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


class _Words(string.Formatter):
    """``str.format`` plus ``{n:one|many}``: the count followed by the right word."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec and isinstance(value, int | float) and not isinstance(value, bool):
            one, many = format_spec.split("|", 1)
            count = int(value) if float(value).is_integer() else value
            if one.startswith("~"):  # the word alone: "in {n:~rij|rijen} 4, 9" → "in rijen 4, 9"
                return one[1:] if count == 1 else many
            return f"{count} {one if count == 1 else many}"
        return str(super().format_field(value, format_spec))


_PLAIN = _Words()


def fill(template: str, **values: object) -> str:
    """Fill ``{name}`` and ``{n:one|many}`` placeholders from ``values``."""
    return _PLAIN.format(template, **values)


def placeholders(template: str) -> set[str]:
    """The names a template needs (``{n:rij|rijen}`` needs ``n``)."""
    return {name for _, name, _, _ in _PLAIN.parse(template) if name}
