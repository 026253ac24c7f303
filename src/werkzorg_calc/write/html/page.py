"""The frame of every HTML report: document, security policy, style, tables, provenance footer.

Everything that reaches the page passes :func:`esc` or is built here from escaped parts
(:class:`Markup`), so a value from the input (a case id like ``<script>``) is only ever text.
The Content-Security-Policy forbids every load and every script: the report works offline and
from an e-mail, and the browser would refuse anything that tried to reach out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from html import escape
from importlib import resources
from typing import Final

import pandas as pd

from werkzorg_calc.engine.provenance import Provenance
from werkzorg_calc.text.formatting import show_date
from werkzorg_calc.text.labels import Lang, text

CSP: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"


class Markup(str):
    """Text that is already HTML (built from escaped parts); everything else gets escaped."""

    __slots__ = ()


def esc(value: object) -> Markup:
    """``value`` as HTML text: ``<``, ``>``, ``&`` and quotes become entities."""
    if isinstance(value, Markup):
        return value
    return Markup(escape(str(value), quote=True))


def join(parts: Iterable[str]) -> Markup:
    """Concatenate parts, escaping those that are not already markup."""
    return Markup("".join(esc(part) for part in parts))


def cents(value: float) -> str:
    """A machine-readable amount, rounded to the cent as shown (``-112.36``)."""
    rounded = round(float(value), 2)
    return f"{rounded + 0.0:.2f}"


def column(frame: pd.DataFrame, name: str) -> dict[str, float]:
    """One column of a frame indexed by name (a stakeholder, a target) as plain floats."""
    return dict(zip(map(str, frame.index), map(float, frame[name].tolist()), strict=True))


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: shown text, optionally a number (right-aligned) and data attributes."""

    text: str
    numeric: bool = False
    data: tuple[tuple[str, str], ...] = ()
    header: bool = False


def _cell(cell: str | Cell) -> Markup:
    if not isinstance(cell, Cell):
        return Markup(f"<td>{esc(cell)}</td>")
    tag = "th" if cell.header else "td"
    attrs = ' scope="row"' if cell.header else ""
    attrs += ' class="num"' if cell.numeric else ""
    attrs += "".join(f' data-{esc(key)}="{esc(value)}"' for key, value in cell.data)
    return Markup(f"<{tag}{attrs}>{esc(cell.text)}</{tag}>")


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str | Cell]],
    *,
    caption: str | None = None,
    css: str = "",
    footer: Sequence[Sequence[str | Cell]] = (),
) -> Markup:
    """A table in a horizontally scrolling box (so a wide table never widens the page)."""
    rows = list(rows)
    # A column is right-aligned when its cells are numbers (as the first row shows).
    numeric = [isinstance(c, Cell) and c.numeric for c in rows[0]] if rows else []
    head = "".join(
        f'<th scope="col"{" class=num" if i < len(numeric) and numeric[i] else ""}>{esc(h)}</th>'
        for i, h in enumerate(headers)
    )
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows)
    foot = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in footer)
    caption_html = f"<caption>{esc(caption)}</caption>" if caption else ""
    return Markup(
        f'<div class="scroll"><table class="{esc(css)}">{caption_html}'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
        + (f"<tfoot>{foot}</tfoot>" if foot else "")
        + "</table></div>"
    )


def section(anchor: str, title: str, *content: str, page_break: bool = False) -> Markup:
    """A titled section; ``page_break`` starts it on a new printed page."""
    css = ' class="new-page"' if page_break else ""
    return Markup(
        f'<section id="{esc(anchor)}"{css} aria-labelledby="{esc(anchor)}-h">'
        f'<h2 id="{esc(anchor)}-h">{esc(title)}</h2>'
        + "".join(esc(c) for c in content)
        + "</section>"
    )


def figure(chart: Markup, caption: str, equivalent: Markup | str) -> Markup:
    """A chart with its caption and its text equivalent (a sentence or a table)."""
    return Markup(
        f'<figure class="chart-figure">{chart}<figcaption>{esc(caption)}</figcaption>'
        f'<div class="equivalent">{esc(equivalent)}</div></figure>'
    )


def paragraph(content: str, css: str = "") -> Markup:
    attrs = f' class="{esc(css)}"' if css else ""
    return Markup(f"<p{attrs}>{esc(content)}</p>")


@cache
def stylesheet() -> str:
    """The report's CSS, shipped as package data beside this module."""
    return resources.files("werkzorg_calc.write.html").joinpath("report.css").read_text("utf-8")


def _css_string(value: str) -> str:
    """A CSS string literal for the printed page header (quotes and backslashes escaped)."""
    cleaned = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + cleaned.replace("<", "\\3c ") + '"'


def document(
    *, title: str, peildatum: date, lang: Lang, meta: Sequence[tuple[str, str]], body: Sequence[str]
) -> str:
    """The whole page: head with policy and style, a header block, the sections in order."""
    day = show_date(peildatum, lang)
    running = f"{title} · {text('peildatum', lang)} {day}"
    meta_rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in meta)
    page_header = f"@page {{ @top-left {{ content: {_css_string(running)}; }} }}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(text("html_lang", lang))}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(running)}</title>\n<style>\n{stylesheet()}\n{page_header}\n</style>\n"
        f'</head>\n<body>\n<header class="report-header"><h1>{esc(title)}</h1>'
        f'<dl class="meta">{meta_rows}</dl></header>\n<main>\n'
        + "\n".join(esc(part) for part in body)
        + "\n</main>\n</body>\n</html>\n"
    )


def provenance_footer(provenance: Provenance, lang: Lang) -> Markup:
    """Input files with their hash, the parameter fingerprint, version, command and time."""
    inputs = table(
        [text("file", lang), text("sheet_title", lang), text("cases", lang), "SHA-256"],
        (
            [
                item.file,
                item.sheet or "",
                Cell(str(item.cases), numeric=True),
                Cell(item.sha256, data=(("sha256", item.sha256),)),
            ]
            for item in provenance.inputs
        ),
        css="provenance",
    )
    created = provenance.created_text or text("not_recorded", lang)
    facts = [
        (text("program", lang), provenance.program),
        (text("html_version", lang), provenance.version),
        (text("parameter_set", lang), provenance.parameters_sha256),
        (text("command", lang), provenance.command),
        (text("created", lang), created),
    ]
    rows = "".join(f"<dt>{esc(k)}</dt><dd><code>{esc(v)}</code></dd>" for k, v in facts)
    return Markup(
        '<footer id="provenance" aria-labelledby="provenance-h">'
        f'<h2 id="provenance-h">{esc(text("provenance_title", lang))}</h2>'
        f'{inputs}<dl class="facts">{rows}</dl>'
        f'<p class="note">{esc(text("html_footer_note", lang))}</p></footer>'
    )
