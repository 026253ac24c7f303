"""A small inline-SVG chart renderer for the HTML report: bars, stacks, ranges and a share.

Hand-written rather than a plotting library so that the report stays one file with no script
and the output is byte-identical on rerun. Every chart carries a ``<title>`` and a ``<desc>``
(read by screen readers), every value is printed beside its mark, and negative or alternate
series are hatched, so the chart still reads in greyscale and for colour-blind readers. The
colours are the Okabe-Ito palette. Callers pass text already formatted for people; this module
escapes all of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Final

POSITIVE: Final = "#0072B2"  # blue
NEGATIVE: Final = "#D55E00"  # vermillion, also hatched
SERIES: Final = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
WIDTH: Final = 640
LABEL_WIDTH: Final = 200
VALUE_WIDTH: Final = 120
ROW: Final = 26
BAR: Final = 16
PAD: Final = 10


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, signed value, the value as shown, and its series (colour)."""

    label: str
    value: float
    shown: str
    series: int = 0
    gap_before: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    """A part of a stacked bar: positive parts stack right of zero, negative ones left."""

    series: int
    value: float


@dataclass(frozen=True, slots=True)
class StackRow:
    """One stacked bar: its label, its parts and a text shown at its end."""

    label: str
    segments: tuple[Segment, ...]
    shown: str


@dataclass(frozen=True, slots=True)
class Range:
    """A spread from ``low`` to ``high`` with a middle mark and a reference point."""

    label: str
    low: float
    middle: float
    high: float
    point: float
    shown: str


def _t(value: object) -> str:
    return escape(str(value), quote=True)


def _n(value: float) -> str:
    """Coordinates with one decimal: enough for the eye, stable bytes."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _colour(series: int) -> str:
    return SERIES[series % len(SERIES)]


def _hatched(series: int) -> bool:
    """Every other series is hatched, so neighbours differ in pattern as well as colour."""
    return series % 2 == 1


def _defs(chart_id: str, series: Sequence[int]) -> str:
    patterns = [
        f'<pattern id="{chart_id}-neg" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{NEGATIVE}"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern>'
    ]
    for index in sorted(set(series)):
        if _hatched(index):
            patterns.append(
                f'<pattern id="{chart_id}-s{index}" width="6" height="6" '
                f'patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">'
                f'<rect width="6" height="6" fill="{_colour(index)}"/>'
                '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern>'
            )
    return "<defs>" + "".join(patterns) + "</defs>"


def _series_fill(chart_id: str, series: int) -> str:
    return f"url(#{chart_id}-s{series})" if _hatched(series) else _colour(series)


def _open(chart_id: str, title: str, desc: str, height: float) -> str:
    return (
        f'<svg class="chart" id="{_t(chart_id)}" role="img" '
        f'aria-labelledby="{_t(chart_id)}-title {_t(chart_id)}-desc" '
        f'viewBox="0 0 {WIDTH} {_n(height)}" width="{WIDTH}" height="{_n(height)}" '
        'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">'
        f'<title id="{_t(chart_id)}-title">{_t(title)}</title>'
        f'<desc id="{_t(chart_id)}-desc">{_t(desc)}</desc>'
    )


class _Scale:
    """Maps values onto the plot area between the label column and the value column."""

    def __init__(self, values: Sequence[float], value_width: int = VALUE_WIDTH) -> None:
        low, high = min(0.0, *values), max(0.0, *values)
        self.low = low
        self.span = (high - low) or 1.0
        self.left = LABEL_WIDTH + PAD
        self.width = WIDTH - LABEL_WIDTH - value_width - 2 * PAD

    def x(self, value: float) -> float:
        return self.left + (value - self.low) / self.span * self.width


def _label(y: float, text: str) -> str:
    return f'<text x="{LABEL_WIDTH}" y="{_n(y + BAR / 2 + 4)}" text-anchor="end">{_t(text)}</text>'


def _value(y: float, text: str) -> str:
    x = WIDTH - PAD
    return f'<text x="{x}" y="{_n(y + BAR / 2 + 4)}" text-anchor="end">{_t(text)}</text>'


def _zero(scale: _Scale, height: float) -> str:
    x = _n(scale.x(0.0))
    return (
        f'<line class="zero" x1="{x}" y1="{PAD}" x2="{x}" y2="{_n(height - PAD)}" stroke="#333"/>'
    )


def diverging_bars(bars: Sequence[Bar], *, chart_id: str, title: str, desc: str) -> str:
    """Horizontal bars from zero: positive to the right (solid), negative to the left (hatched)."""
    gaps = sum(bar.gap_before for bar in bars)
    height = 2 * PAD + ROW * len(bars) + 8 * gaps
    scale = _Scale([bar.value for bar in bars] or [0.0])
    parts = [_open(chart_id, title, desc, height), _defs(chart_id, [b.series for b in bars])]
    y = float(PAD)
    for bar in bars:
        y += 8 if bar.gap_before else 0
        start, end = sorted((scale.x(0.0), scale.x(bar.value)))
        fill = (
            f"url(#{chart_id}-neg)"
            if bar.value < 0 and bar.series == 0
            else _series_fill(chart_id, bar.series)
        )
        parts += [
            _label(y + (ROW - BAR) / 2, bar.label),
            f'<rect class="bar" x="{_n(start)}" y="{_n(y + (ROW - BAR) / 2)}" '
            f'width="{_n(max(end - start, 1.0))}" height="{BAR}" fill="{fill}" stroke="#222" '
            f'stroke-width="0.5"><title>{_t(bar.label)}: {_t(bar.shown)}</title></rect>',
            _value(y + (ROW - BAR) / 2, bar.shown),
        ]
        y += ROW
    parts += [_zero(scale, height), "</svg>"]
    return "".join(parts)


def stacked_bars(
    rows: Sequence[StackRow],
    *,
    series: Sequence[str],
    chart_id: str,
    title: str,
    desc: str,
) -> str:
    """One bar per row: negative parts stack left of zero, positive parts right; a legend below."""
    legend_rows = (len(series) + 1) // 2
    height = 2 * PAD + ROW * len(rows) + 18 * legend_rows + 8
    ends = [0.0]
    for row in rows:
        ends.append(sum(s.value for s in row.segments if s.value > 0))
        ends.append(sum(s.value for s in row.segments if s.value < 0))
    scale = _Scale(ends)
    used = sorted({segment.series for row in rows for segment in row.segments})
    parts = [_open(chart_id, title, desc, height), _defs(chart_id, used)]
    y = float(PAD)
    for row in rows:
        top = y + (ROW - BAR) / 2
        parts.append(_label(top, row.label))
        right = left = 0.0
        for segment in row.segments:
            if segment.value == 0:
                continue
            if segment.value > 0:
                start, right = right, right + segment.value
                x0, x1 = scale.x(start), scale.x(right)
            else:
                start, left = left, left + segment.value
                x0, x1 = scale.x(left), scale.x(start)
            parts.append(
                f'<rect class="bar" x="{_n(x0)}" y="{_n(top)}" width="{_n(max(x1 - x0, 0.5))}" '
                f'height="{BAR}" fill="{_series_fill(chart_id, segment.series)}" '
                f'stroke="#fff" stroke-width="1"><title>{_t(row.label)}, '
                f"{_t(series[segment.series])}</title></rect>"
            )
        parts.append(_value(top, row.shown))
        y += ROW
    parts.append(_zero(scale, y + PAD))
    y += 12
    for index, name in enumerate(series):
        x = PAD + (index % 2) * (WIDTH // 2)
        line = y + (index // 2) * 18
        parts.append(
            f'<rect x="{x}" y="{_n(line)}" width="12" height="12" '
            f'fill="{_series_fill(chart_id, index)}" stroke="#222" stroke-width="0.5"/>'
            f'<text x="{x + 18}" y="{_n(line + 10)}">{_t(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def range_chart(ranges: Sequence[Range], *, chart_id: str, title: str, desc: str) -> str:
    """Per row a bar from low to high, a line at the middle and a diamond at the point."""
    height = 2 * PAD + ROW * len(ranges)
    values = [v for r in ranges for v in (r.low, r.high, r.point)] or [0.0]
    scale = _Scale(values, value_width=2 * VALUE_WIDTH)  # "€ low – € high" is a long text
    parts = [_open(chart_id, title, desc, height)]
    y = float(PAD)
    for item in ranges:
        top = y + (ROW - BAR) / 2
        x0, x1 = scale.x(item.low), scale.x(item.high)
        mid, point = scale.x(item.middle), scale.x(item.point)
        centre = top + BAR / 2
        parts += [
            _label(top, item.label),
            f'<rect class="bar" x="{_n(x0)}" y="{_n(top)}" width="{_n(max(x1 - x0, 1.0))}" '
            f'height="{BAR}" fill="#9ecae1" stroke="{POSITIVE}"/>',
            f'<line x1="{_n(mid)}" y1="{_n(top)}" x2="{_n(mid)}" y2="{_n(top + BAR)}" '
            'stroke="#000" stroke-width="2"/>',
            f'<path d="M{_n(point)} {_n(centre - 6)} L{_n(point + 6)} {_n(centre)} '
            f'L{_n(point)} {_n(centre + 6)} L{_n(point - 6)} {_n(centre)} Z" fill="#E69F00" '
            'stroke="#000"/>',
            _value(top, item.shown),
        ]
        y += ROW
    parts += [_zero(scale, height), "</svg>"]
    return "".join(parts)


def share_chart(
    *,
    share: float,
    low: float | None,
    high: float | None,
    goal: float,
    labels: tuple[str, str],
    chart_id: str,
    title: str,
    desc: str,
) -> str:
    """A 0-100% scale: a bar to ``share``, a whisker for its interval, a dashed target line.

    ``labels`` are the texts shown for the share and for the goal.
    """
    height = 70.0
    left, width = 20.0, WIDTH - 40.0

    def x(value: float) -> float:
        return left + min(max(value, 0.0), 1.0) * width

    parts = [
        _open(chart_id, title, desc, height),
        f'<rect x="{_n(left)}" y="20" width="{_n(width)}" height="20" fill="#eee" stroke="#999"/>',
        f'<rect class="bar" x="{_n(left)}" y="20" width="{_n(max(x(share) - left, 1.0))}" '
        f'height="20" fill="{POSITIVE}"/>',
    ]
    if low is not None and high is not None:
        parts.append(
            f'<path d="M{_n(x(low))} 24 V36 M{_n(x(low))} 30 H{_n(x(high))} M{_n(x(high))} 24 '
            'V36" stroke="#000" stroke-width="2" fill="none"/>'
        )
    parts += [
        f'<line x1="{_n(x(goal))}" y1="12" x2="{_n(x(goal))}" y2="48" stroke="#000" '
        'stroke-width="2" stroke-dasharray="4 3"/>',
        f'<text x="{_n(x(goal))}" y="10" text-anchor="middle">{_t(labels[1])}</text>',
        f'<text x="{_n(min(x(share), left + width - 60))}" y="62">{_t(labels[0])}</text>',
        f'<text x="{_n(left)}" y="62" text-anchor="start" fill="#555">0%</text>',
        f'<text x="{_n(left + width)}" y="62" text-anchor="end" fill="#555">100%</text>',
        "</svg>",
    ]
    return "".join(parts)
