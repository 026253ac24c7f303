"""The report's SVG renderer: marks where the values put them, titles, escaped text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from defusedxml.ElementTree import fromstring

from werkzorg_calc.write.html import svg
from werkzorg_calc.write.html.svg import Bar, Range, Segment, StackRow

NS = {"s": "http://www.w3.org/2000/svg"}


def _parse(markup: str) -> ET.Element:
    element: ET.Element = fromstring(markup)
    return element


def _bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("class") == "bar"]


def _zero(root: ET.Element) -> float:
    line = next(
        el for el in root.iter("{http://www.w3.org/2000/svg}line") if el.get("class") == "zero"
    )
    return float(line.get("x1", "nan"))


def test_diverging_bars_run_from_zero_with_lengths_in_proportion() -> None:
    """A positive bar starts at the zero line, a negative one ends there; 2x the value, 2x long."""
    root = _parse(
        svg.diverging_bars(
            [Bar("A", 100.0, "€ 100"), Bar("B", -50.0, "€ -50"), Bar("C", 200.0, "€ 200")],
            chart_id="t",
            title="Saldo",
            desc="Drie partijen",
        )
    )
    a, b, c = _bars(root)
    zero = _zero(root)
    width = {name: float(bar.get("width", "0")) for name, bar in zip("abc", (a, b, c), strict=True)}
    assert float(a.get("x", "0")) == pytest.approx(zero, abs=0.1)
    assert float(b.get("x", "0")) + width["b"] == pytest.approx(zero, abs=0.1)
    assert width["c"] == pytest.approx(2 * width["a"], abs=0.2)
    assert width["a"] == pytest.approx(2 * width["b"], abs=0.2)
    assert b.get("fill") == "url(#t-neg)"  # negative is hatched, not only a colour
    assert root.find("s:title", NS) is not None and root.find("s:title", NS).text == "Saldo"  # type: ignore[union-attr]
    assert root.get("role") == "img" and root.get("aria-labelledby") == "t-title t-desc"
    texts = [el.text for el in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {"A", "B", "C", "€ 100", "€ -50", "€ 200"} <= set(texts)


def test_every_text_is_escaped() -> None:
    """A label with markup stays text: the SVG still parses and shows the characters."""
    hostile = "<script>alert(1)</script> & \"'"
    markup = svg.diverging_bars(
        [Bar(hostile, 1.0, hostile)], chart_id="x", title=hostile, desc=hostile
    )
    assert "<script>" not in markup
    root = _parse(markup)
    assert root.find("s:title", NS).text == hostile  # type: ignore[union-attr]
    assert hostile in [el.text for el in root.iter("{http://www.w3.org/2000/svg}text")]


def test_stacked_bars_put_costs_left_and_savings_right_of_zero() -> None:
    """Segments stack outward from zero; their widths add up to the row's reach each way."""
    rows = [
        StackRow("Gemeente", (Segment(0, 300.0), Segment(1, -100.0), Segment(2, 100.0)), "€ 300"),
        StackRow("UWV", (Segment(0, 0.0), Segment(1, -200.0), Segment(2, 0.0)), "€ -200"),
    ]
    root = _parse(svg.stacked_bars(rows, series=["a", "b", "c"], chart_id="p", title="t", desc="d"))
    bars = _bars(root)
    assert len(bars) == 4  # zero-valued segments draw nothing
    zero = _zero(root)
    saving, cost, second_saving, uwv_cost = bars
    assert float(saving.get("x", "0")) == pytest.approx(zero, abs=0.1)
    assert float(cost.get("x", "0")) + float(cost.get("width", "0")) == pytest.approx(zero, abs=0.1)
    assert float(second_saving.get("x", "0")) == pytest.approx(
        zero + float(saving.get("width", "0")), abs=0.2
    )
    assert float(uwv_cost.get("width", "0")) == pytest.approx(
        2 * float(cost.get("width", "0")), abs=0.2
    )
    assert cost.get("fill") == "url(#p-s1)"  # every other series hatched
    legend = [el.text for el in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {"a", "b", "c"} <= set(legend)


def test_range_chart_spans_low_to_high() -> None:
    """The bar covers P5 to P95; the middle line sits at P50."""
    root = _parse(
        svg.range_chart(
            [Range("Totaal", -100.0, 0.0, 100.0, 50.0, "x")], chart_id="r", title="t", desc="d"
        )
    )
    (bar,) = _bars(root)
    zero = _zero(root)
    left, width = float(bar.get("x", "0")), float(bar.get("width", "0"))
    assert left + width / 2 == pytest.approx(zero, abs=0.1)
    lines = [
        el for el in root.iter("{http://www.w3.org/2000/svg}line") if el.get("class") != "zero"
    ]
    assert float(lines[0].get("x1", "0")) == pytest.approx(zero, abs=0.1)


def test_share_chart_marks_share_interval_and_goal() -> None:
    """The bar reaches the share; the dashed line stands at the goal."""
    markup = svg.share_chart(
        share=0.25,
        low=0.1,
        high=0.4,
        goal=0.5,
        labels=("25%", "doel 50%"),
        chart_id="s",
        title="t",
        desc="d",
    )
    root = _parse(markup)
    (bar,) = _bars(root)
    assert float(bar.get("width", "0")) == pytest.approx(0.25 * (svg.WIDTH - 40), abs=0.1)
    goal = next(el for el in root.iter("{http://www.w3.org/2000/svg}line"))
    assert float(goal.get("x1", "0")) == pytest.approx(20 + 0.5 * (svg.WIDTH - 40), abs=0.1)
    assert re.search(r"M\d+\.\d 24 V36", markup)  # the interval's whisker


def test_same_input_same_bytes() -> None:
    """The renderer is deterministic: the report can be byte-identical on rerun."""
    bars = [Bar("A", 1 / 3, "x"), Bar("B", -2 / 3, "y")]
    first = svg.diverging_bars(bars, chart_id="c", title="t", desc="d")
    assert first == svg.diverging_bars(bars, chart_id="c", title="t", desc="d")
