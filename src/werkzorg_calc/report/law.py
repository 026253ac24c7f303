"""The law engines and the legal table as Rich renderables (returned, never printed)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from werkzorg_calc.domain.legal import LegalRow
from werkzorg_calc.engine.law.derivation import Derivation
from werkzorg_calc.text.formatting import number, show_date
from werkzorg_calc.text.labels import Lang
from werkzorg_calc.text.law import law_text, left_out_note, step_words, verified_words


def _amount(value: Decimal, lang: Lang) -> str:
    """A step's value: euros and shares alike with their own decimals, never rounded here."""
    exponent = value.as_tuple().exponent
    decimals = max(2, -exponent) if isinstance(exponent, int) else 2
    return number(float(value), decimals, lang)


def row_table(rows: Sequence[LegalRow], lang: Lang = "nl", *, title: str | None = None) -> Group:
    """Legal rows: line, key, period, value, verified (unverified marked); then their sources.

    Unit and source follow as one line per row: long texts read better so than in narrow
    columns.
    """
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    for key in ("line", "key", "valid_from", "valid_to", "value", "verified"):
        right = key in ("value", "line")
        table.add_column(law_text(key, lang), justify="right" if right else "left", no_wrap=True)
    sources = Text()
    for row in rows:
        value = law_text("no_value", lang) if row.value is None else _amount(row.value, lang)
        style = None if row.usable_as_verified else "yellow"
        table.add_row(
            str(row.line),
            row.key,
            show_date(row.valid_from, lang),
            show_date(row.valid_to, lang),
            value,
            verified_words(row.verified, lang),
            style=style,
        )
        sources.append(f"{law_text('line', lang)} {row.line}: ", style="bold")
        sources.append(f"{row.unit}. {law_text('source', lang)}: {row.source}\n", style=style)
    return Group(table, sources)


def unverified_lines(rows: Sequence[LegalRow], lang: Lang = "nl") -> list[str]:
    """One warning per unverified row used (L1: every output says so)."""
    return [
        law_text(
            "unverified",
            lang,
            name=row.key,
            start=show_date(row.valid_from, lang),
            end=show_date(row.valid_to, lang),
            line=row.line,
        )
        for row in dict.fromkeys(rows)
        if not row.usable_as_verified
    ]


def derivation_view(derivation: Derivation, title: str, lang: Lang = "nl") -> Group:
    """Title, every step with its formula and value, the rows used, the article, the note."""
    steps = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    steps.add_column(law_text("step", lang))
    steps.add_column(law_text("formula", lang), overflow="fold")
    steps.add_column(law_text("value", lang), justify="right")
    for step in derivation.steps:
        steps.add_row(step_words(step.name, lang), step.formula, _amount(step.value, lang))
    parts: list[RenderableType] = [
        steps,
        row_table(derivation.rows, lang, title=law_text("table_rows", lang)),
        Text(f"{law_text('article', lang)}: {derivation.article}"),
    ]
    parts += [Text(line, style="yellow") for line in unverified_lines(derivation.rows, lang)]
    parts.append(Text(left_out_note(derivation.left_out, lang), style="italic"))
    return Group(*parts)
