"""axe-core (bundled by axe-playwright-python) on every page, every section of the partners page and every slide, in
Chromium at 1366×768 in both languages: no serious or critical violation (WCAG 2.1 AA colour contrast among them).
Reuses the server and browser of the browser tier.

axe leaves the contrast of text scrolled out of view undecided, so once a page has drawn at 1366×768 its window is
made as tall as the page (the layout keeps its width) and everything is checked."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.app_pages import PARTNER_SECTIONS
from tests.browser_app import open_visit, wait_for_charts
from tests.slides import SLIDE_COUNT

pytestmark = pytest.mark.browser

# Every address a reader can open: the pages by their paths, the partners page's sections, the slides.
PATHS = [
    "",
    "by-year",
    "by-category",
    "sister-cities",
    *(f"sister-cities?section={section}" for section in PARTNER_SECTIONS),
    "explore",
    "data-quality",
    "add",
    "methodology",
    "peers",
    *(f"?present=1&slide={number}" for number in range(1, SLIDE_COUNT + 1)),
]
BLOCKING = {"serious", "critical"}


def _whole_page(visit) -> list[dict]:
    """axe's violations on the whole page: the window grown to the page's height first."""
    tallest = visit.page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebarContent]')]"
        ".map(e => e.scrollHeight), 768)"
    )
    visit.page.set_viewport_size({"width": 1366, "height": tallest})
    visit.wait_until_idle()
    wait_for_charts(visit.page)
    return Axe().run(visit.page).response["violations"]


def _violations(browser, server: str, path: str, lang: str) -> list[str]:
    visit = open_visit(browser, server, f"{path}{'&' if '?' in path else '?'}lang={lang}", width=1366, height=768)
    try:
        found = _whole_page(visit)
        return [
            f"{v['id']} ({v['impact']}) at {node['target']}: {node.get('failureSummary', '')[:200]}"
            for v in found
            if v["impact"] in BLOCKING
            for node in v["nodes"]
        ]
    finally:
        visit.close()


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_no_page_has_a_serious_or_critical_accessibility_violation(server, browser, lang):
    found = {path or "/": problems for path in PATHS if (problems := _violations(browser, server, path, lang))}
    assert not found, found


def test_axe_finds_a_contrast_failure_put_on_a_page(server, browser):
    """The check can fail: grey text of 2.3:1 on white, added at the foot of a long page, is reported."""
    visit = open_visit(browser, server, "methodology?lang=en", width=1366, height=768)
    try:
        visit.page.evaluate(
            "() => { const p = document.createElement('p'); p.textContent = 'Low contrast';"
            " p.style.color = '#aaaaaa'; document.querySelector('[data-testid=stMain]').appendChild(p); }"
        )
        found = _whole_page(visit)
        assert any(v["id"] == "color-contrast" and v["impact"] in BLOCKING for v in found)
    finally:
        visit.close()
