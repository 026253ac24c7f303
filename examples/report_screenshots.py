"""Screenshots of the example HTML report for the README and docs/ (needs Chromium and Playwright).

    python examples/report_screenshots.py          # writes docs/img/rapport-*.png

The report of the bundled example (``calc --horizon 12``) is rendered, then opened in Debian's
Chromium with every request other than the report itself refused.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

import werkzorg_calc as wz

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
URL = "http://report.invalid/rapport.html"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT)  # file names in the report as a user in the repository would give them
    day = date(2018, 6, 30)
    cases = wz.load_cases("examples/drechtsteden-2018.xlsx", day)
    result = wz.calculate(cases, wz.default_parameters(), day, horizon=12)
    body = wz.render_result(result).encode("utf-8")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)

        def serve(route: Route) -> None:
            if route.request.url == URL:
                route.fulfill(body=body, content_type="text/html; charset=utf-8")
            else:
                route.abort()

        shots = (
            ("rapport-1280.png", 1280, 1400, "screen"),
            ("rapport-390.png", 390, 1500, "screen"),
            ("rapport-print.png", 794, 1123, "print"),
        )
        for name, width, height, media in shots:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", serve)
            page.emulate_media(media="print" if media == "print" else "screen")
            page.goto(URL)
            page.screenshot(path=str(OUT / name))
            page.close()
            print(OUT / name)
        browser.close()


if __name__ == "__main__":
    main()
