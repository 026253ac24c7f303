"""The HTML reports opened in a real browser (Debian's Chromium, driven by Playwright).

All network is blocked: the page itself is served by a route, every other request is recorded
and aborted, and a test fails if any was attempted. The browser must be installed (the README's
test command and ``.ci/run`` install it with apt when missing); these tests never skip.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Playwright,
    Route,
    sync_playwright,
)
from pypdf import PdfReader

from tests.paths import EXAMPLE, SCENARIOS
from tests.write.html_inputs import (
    DAY,
    FORMULA_ID,
    SCRIPT_ID,
    calc_report,
    compare_report,
    hostile_csv,
    run,
    simulate_report,
)

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPORT_URL = "http://report.invalid/rapport.html"
A4_POINTS = (595.28, 841.89)


@dataclass
class Opened:
    """A report in a page, with everything the page tried to fetch or complain about."""

    page: Page
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    assert CHROMIUM.exists(), "install Chromium: apt-get install -y chromium (see README)"
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    yield launched
    launched.close()


class Opener(Protocol):
    def __call__(self, path: Path, width: int = 1280) -> Opened: ...


@pytest.fixture
def open_report(browser: Browser) -> Iterator[Opener]:
    """Open an HTML file as the only thing the network gives; record every other request."""
    contexts = []

    def opener(path: Path, width: int = 1280) -> Opened:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, java_script_enabled=True
        )
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        body = path.read_bytes()

        def route(request_route: Route) -> None:
            url = request_route.request.url
            opened.requests.append(url)
            if url == REPORT_URL:
                request_route.fulfill(body=body, content_type="text/html; charset=utf-8")
            else:
                request_route.abort()

        context.route("**/*", route)

        def console(message: ConsoleMessage) -> None:
            if message.type == "error":
                opened.console_errors.append(message.text)

        def dialog(shown: Dialog) -> None:
            opened.dialogs.append(shown.message)
            shown.dismiss()

        page.on("console", console)
        page.on("pageerror", lambda error: opened.console_errors.append(str(error)))
        page.on("dialog", dialog)
        page.goto(REPORT_URL, wait_until="load")
        return opened

    yield opener
    for context in contexts:
        context.close()


def _euro(shown: str) -> float:
    """``€ -1.234,56`` → ``-1234.56``."""
    return float(shown.replace("€", "").replace(".", "").replace(",", ".").strip())


def _assert_clean(opened: Opened) -> None:
    assert opened.requests == [REPORT_URL], opened.requests
    assert opened.console_errors == []
    assert opened.dialogs == []


def test_calc_report_shows_the_json_figures(tmp_path: Path, open_report: Opener) -> None:
    """Verdict and each party's net, as data and as shown text, equal the JSON to the cent."""
    opened = open_report(calc_report(tmp_path))
    document = json.loads(run("calc", EXAMPLE, *DAY, "--format", "json"))
    page = opened.page
    verdict = page.locator(".verdict")
    assert verdict.get_attribute("data-met") == str(document["target"]["met"]).lower()
    assert verdict.get_attribute("data-count") == str(document["target"]["durable"])
    assert verdict.inner_text().startswith("Doel niet gehaald: 4 van 29")
    cells = page.eval_on_selector_all(
        "td[data-party]", "cells => cells.map(c => [c.dataset.party, c.dataset.net, c.textContent])"
    )
    expected = {party: figures["net"] for party, figures in document["stakeholders"].items()}
    expected["total"] = document["totals"]["net"]
    assert {party for party, _, _ in cells} == set(expected)
    for party, data_net, shown in cells:
        assert float(data_net) == round(expected[party], 2), party
        assert _euro(shown) == round(expected[party], 2), party
    _assert_clean(opened)


@pytest.mark.parametrize("kind", ["calc", "compare", "simulate"])
def test_every_chart_is_drawn_with_a_text_equivalent(
    tmp_path: Path, open_report: Opener, kind: str
) -> None:
    """Each chart has a title, marks of non-zero size (bars, or the payback curve's lines) and a
    non-empty text equivalent."""
    path = {"calc": calc_report, "compare": compare_report, "simulate": simulate_report}[kind](
        tmp_path
    )
    opened = open_report(path)
    charts = opened.page.eval_on_selector_all(
        "svg.chart",
        """charts => charts.map(svg => ({
            title: svg.querySelector('title').textContent,
            marks: [...svg.querySelectorAll('rect.bar, polyline.line')]
                .filter(r => r.getBBox().width > 0).length,
            drawn: svg.getBoundingClientRect().width,
            equivalent: svg.closest('figure').querySelector('.equivalent').textContent.trim(),
        }))""",
    )
    assert len(charts) >= 2
    for chart in charts:
        assert chart["title"].strip(), chart
        assert chart["marks"] > 0, chart
        assert chart["drawn"] > 100, chart
        assert len(chart["equivalent"]) > 20, chart
    _assert_clean(opened)


def test_hostile_case_ids_show_as_text(tmp_path: Path, open_report: Opener) -> None:
    """A script tag and a formula as case ids are shown as written; nothing runs."""
    source = hostile_csv(tmp_path / "vijandig.csv")
    opened = open_report(calc_report(tmp_path, "--allow-bsn", source=source))
    ids = opened.page.eval_on_selector_all(
        "table.cases th[scope=row]", "cells => cells.map(c => c.textContent)"
    )
    assert sorted(ids) == sorted([SCRIPT_ID, FORMULA_ID])
    assert opened.page.evaluate("document.scripts.length") == 0
    _assert_clean(opened)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("kind", ["calc", "compare", "simulate"])
def test_no_horizontal_scroll(tmp_path: Path, open_report: Opener, kind: str, width: int) -> None:
    """The page is no wider than the window on a laptop and on a phone."""
    path = {"calc": calc_report, "compare": compare_report, "simulate": simulate_report}[kind](
        tmp_path
    )
    opened = open_report(path, width)
    widths = opened.page.evaluate(
        "[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]"
    )
    assert max(widths[:2]) <= widths[2], widths
    _assert_clean(opened)


def test_print_is_a4_and_page_one_holds_the_verdict_and_money(
    tmp_path: Path, open_report: Opener
) -> None:
    """Printed to PDF: every page A4; page 1 alone has the verdict and every party's net."""
    opened = open_report(calc_report(tmp_path, "--horizon", "12"))
    document = json.loads(run("calc", EXAMPLE, *DAY, "--horizon", "12", "--format", "json"))
    pdf = PdfReader(io.BytesIO(opened.page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) >= 3
    for page in pdf.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1.0)
    first = " ".join(pdf.pages[0].extract_text().split())
    assert "Doel niet gehaald: 4 van 29 duurzaam aan het werk" in first
    assert "Peildatum 30-06-2018" in first  # the running header
    for party, figures in document["stakeholders"].items():
        shown = f"{round(figures['net'], 2):,.2f}".replace(",", "_").replace(".", ",")
        assert shown.replace("_", ".") in first, party
    assert "Het verkeerde zakje" not in first  # the next section starts on page 2
    _assert_clean(opened)


def test_compare_and_simulate_figures_in_the_browser(tmp_path: Path, open_report: Opener) -> None:
    """Each scenario's net per party and each P(net > 0) in the page equal their JSON."""
    opened = open_report(compare_report(tmp_path))
    document = json.loads(
        run("compare", EXAMPLE, *sorted(SCENARIOS.glob("*.toml")), *DAY, "--format", "json")
    )
    cells = opened.page.eval_on_selector_all(
        "td[data-run][data-party]",
        "cells => cells.map(c => [c.dataset.run, c.dataset.party, c.dataset.net])",
    )
    runs = {entry["name"]: entry for entry in [document["base"], *document["scenarios"]]}
    seen = 0
    for name, party, net in cells:
        entry = runs[name]
        value = entry["totals"]["net"] if party == "total" else entry["stakeholders"][party]["net"]
        assert float(net) == round(value, 2), (name, party)
        seen += 1
    assert seen == len(runs) * 6  # five parties (rijk included) and the total
    _assert_clean(opened)

    simulated = open_report(simulate_report(tmp_path))
    figures = json.loads(
        run("simulate", EXAMPLE, *DAY, "--horizon", "12", "--draws", "2000", "--format", "json")
    )
    chances = simulated.page.eval_on_selector_all(
        "td[data-chance]",
        "cells => cells.map(c => [c.dataset.party, c.dataset.chance, c.textContent])",
    )
    assert {party for party, _, _ in chances} == set(figures["net"])
    for party, data, shown in chances:
        chance = figures["net"][party]["chance_positive"]
        assert data == f"{chance:.4f}", party
        value = float(re.sub(r"[^\d,]", "", shown).replace(",", ".")) / 100
        assert value == pytest.approx(chance, abs=0.00051), party  # shown to 0.1%
    _assert_clean(simulated)
