"""Input problems on the terminal: a table for a few, one line each and a summary for many.

A national file with one bad column has 100,000 problems. Rich's table measures every cell of
every row before it draws one (about 40 s for 100,000 rows); the list below lays its columns
out once and writes each problem as one line, so all of them are still reported, at the speed
of writing text. A summary per kind of message follows, so the reader sees at a glance that
it is one column, not a hundred thousand separate mistakes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from werkzorg_calc.domain.errors import InputIssue
from werkzorg_calc.report.results import issue_kind, issue_table, place_cells, plain
from werkzorg_calc.text.formatting import number
from werkzorg_calc.text.issues import issue_message
from werkzorg_calc.text.labels import Lang, text

TABLE_LIMIT: Final = 200  # up to this many problems the table is quick enough and easier to read
_BOLD: Final = Style(bold=True)


def issue_report(issues: Sequence[InputIssue], lang: Lang = "nl") -> RenderableType:
    """Every problem, located: the table of ``issue_table`` for up to ``TABLE_LIMIT`` of them,
    else one line each in fixed columns followed by a summary per kind."""
    if len(issues) <= TABLE_LIMIT:
        return issue_table(issues, lang)
    return Group(IssueLines(issues, lang), Text(""), issue_summary(issues, lang))


def _kind(issue: InputIssue, lang: Lang) -> tuple[str, Style]:
    word, colour = issue_kind(issue, lang)
    return word, Style(color=colour)


@dataclass(frozen=True)
class IssueLines:
    """The problems as lines: (file,) sheet, row, column, kind and message in aligned columns.

    The widths are those of the longest entry in each column, found in one pass; a message is
    never cut (the terminal wraps a long one).
    """

    issues: Sequence[InputIssue]
    lang: Lang = "nl"

    def _rows(self, one_file: bool) -> list[tuple[str, ...]]:
        if one_file:  # the file is named once, above the list
            return [place_cells(issue) for issue in self.issues]
        return [(plain(issue.file).plain, *place_cells(issue)) for issue in self.issues]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        lang = self.lang
        files = list(dict.fromkeys(issue.file for issue in self.issues))
        heads = [] if len(files) == 1 else [text("file", lang)]
        heads += [text("sheet_title", lang), text("row", lang), text("column", lang)]
        rows = self._rows(len(files) == 1)
        kinds = [_kind(issue, lang) for issue in self.issues]
        widths = [max([len(head), *(len(row[j]) for row in rows)]) for j, head in enumerate(heads)]
        kind_width = max(len(text("kind", lang)), *(len(word) for word, _ in kinds))
        right = len(heads) - 2  # the row number is right-aligned, as in the table

        def laid_out(cells: Sequence[str]) -> str:
            return "  ".join(
                cell.rjust(width) if j == right else cell.ljust(width)
                for j, (cell, width) in enumerate(zip(cells, widths, strict=True))
            )

        if len(files) == 1:
            yield Segment(plain(f"{text('input', lang)}: {files[0]}").plain)
            yield Segment.line()
        header = (
            f"{laid_out(heads)}  {text('kind', lang).ljust(kind_width)}  {text('message', lang)}"
        )
        yield Segment(header, _BOLD)
        yield Segment.line()
        for issue, cells, (word, style) in zip(self.issues, rows, kinds, strict=True):
            yield Segment(f"{laid_out(cells)}  ")
            yield Segment(word.ljust(kind_width), style)
            yield Segment(f"  {plain(issue_message(issue, lang)).plain}")
            yield Segment.line()


def issue_summary(issues: Sequence[InputIssue], lang: Lang = "nl") -> Table:
    """One row per kind of problem (severity, column and message code), the most frequent
    first: how often, the first row it occurs in and its first message in full."""
    groups: dict[tuple[str, str, str], list[InputIssue]] = {}
    for issue in issues:
        groups.setdefault((issue.severity, issue.column or "-", issue.code), []).append(issue)
    title = text("issue_summary_title", lang, n=len(issues), kinds=len(groups))
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(text("column", lang))
    table.add_column(text("kind", lang))
    table.add_column(text("issue_count", lang), justify="right")
    table.add_column(text("first_row", lang), justify="right")
    table.add_column(text("first_message", lang), overflow="fold", ratio=1)
    ranked = sorted(groups.values(), key=len, reverse=True)  # stable: ties keep file order
    for members in ranked:
        first = members[0]
        word, style = _kind(first, lang)
        table.add_row(
            first.column or "-",
            Text(word, style=style),
            number(len(members), 0, lang),
            str(first.row) if first.row is not None else "-",
            plain(issue_message(first, lang)),
        )
    return table
