"""Real-browser smoke test: `streamlit run` on 127.0.0.1, every page in headless Chromium.

Uses Debian's chromium through Playwright's ``executable_path`` (no browser download).
Skipped when chromium is missing, unless REQUIRE_BROWSER=1 (CI sets it), then it fails.
Screenshots go to screenshots/ (not committed) for a person to look at. The server is started
once for this module and nothing opens it before the tests: the first test is a first visit.
"""

from __future__ import annotations

import csv

import pytest

from loaders.build import DATA_DIR
from programme_analysis.texts import text
from tests.browser_app import PAGES, RUN_TIMEOUT_MS, open_visit, wait_for_charts
from tests.conftest import GOLDEN
from tests.slides import SLIDE_COUNT

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", list(PAGES))
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_page_shows_its_charts_and_no_error(server, browser, path, lang):
    title_key, charts = PAGES[path]
    visit = open_visit(browser, server, f"{path}?lang={lang}", charts=charts)
    try:
        assert visit.page.get_by_text("Page not found").count() == 0
        assert visit.page.locator("h1").first.inner_text() == text(title_key, lang)
        assert visit.page.locator(".js-plotly-plot").count() >= charts
        assert visit.problems() == []
        visit.screenshot(f"{path or 'home'}_{lang}")
    finally:
        visit.close()


def chart_titles(page) -> list[str]:
    return page.locator(".js-plotly-plot .gtitle").evaluate_all("titles => titles.map(t => t.textContent)")


def test_a_deep_link_restores_the_view(server, browser):
    visit = open_visit(
        browser, server, "by-year?lang=en&c=mena&y=2023&y=2024&m=per_resident&per=community&chart=line", charts=1
    )
    page = visit.page
    try:
        assert page.get_by_text("Page not found").count() == 0
        assert chart_titles(page)[0] == "Planned per year, UAH per resident"
        sidebar = visit.sidebar()
        assert (
            sidebar.get_by_text("Mena", exact=True).count() == 1
            and sidebar.get_by_text("Khmelnytskyi", exact=True).count() == 0
        )
        assert sidebar.get_by_role("radio", name="UAH per resident", exact=True).is_checked()
        assert sidebar.get_by_role("radio", name="the territorial community (register of communities)").is_checked()
        legend = page.locator(".js-plotly-plot .legendtext").evaluate_all("items => items.map(t => t.textContent)")
        assert legend == ["Mena"]
        assert "m=per_resident" in page.url and "c=mena" in page.url
        assert visit.problems() == []
    finally:
        visit.close()


def test_switching_language_changes_the_chart_title(server, browser):
    visit = open_visit(browser, server, "by-year", charts=1)
    page = visit.page
    try:
        page.wait_for_selector(".js-plotly-plot .gtitle", state="attached", timeout=30_000)
        assert chart_titles(page)[0].startswith("Заплановано на рік")
        visit.switch_language("en")
        page.wait_for_function(
            "() => document.querySelector('.js-plotly-plot .gtitle')?.textContent.startsWith('Planned per year')",
            timeout=RUN_TIMEOUT_MS,
        )
        assert chart_titles(page)[0] == "Planned per year, thousand UAH"
        assert "lang=en" in page.url
        assert page.locator("h1").first.inner_text() == "Spending per year"
        assert visit.problems() == []
    finally:
        visit.close()


def click_centre(visit, locator) -> None:
    """Click the middle of an SVG shape (Plotly's drag layer sits on top of bars and tiles)."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    visit.act(lambda: visit.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2))


def _first_golden_measure(community_id: str) -> tuple[str, str]:
    """``(file:line, the line as printed)`` of the community's first measure in the golden rows, read from the document."""
    with open(GOLDEN / "measures.csv", encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["community_id"] == community_id)
    with open(DATA_DIR / "sources" / "documents.csv", encoding="utf-8", newline="") as handle:
        source = next(r["source_file"] for r in csv.DictReader(handle) if r["community_id"] == community_id)
    printed = (DATA_DIR / "sources" / source).read_text(encoding="utf-8").splitlines()[int(row["source_line"]) - 1]
    return f"{source}:{row['source_line']}", printed.replace("\t", "  |  ").strip()


def test_clicking_a_bar_shows_the_line_of_the_document(server, browser):
    reference, printed = _first_golden_measure("oleksandriia")
    visit = open_visit(browser, server, "by-year?lang=en&c=oleksandriia", charts=1)
    try:
        click_centre(visit, visit.page.locator(".js-plotly-plot .bars .point path").first)
        assert visit.page.get_by_text("Measures behind the selected number").count() == 1
        grids = visit.page.locator("[data-testid=stDataFrame]")
        assert grids.count() >= 2
        # the grid is drawn on a canvas; its cells are also in the page as an accessible table (text_content); the
        # panel's grid may mount a moment after the run that drew it
        shown = ""
        for _ in range(60):
            shown = " ".join(grid.text_content() for grid in grids.all())
            if reference in shown and printed[:60] in shown:
                break
            visit.page.wait_for_timeout(500)
        assert reference in shown and printed[:60] in shown, (reference, printed[:60], shown[-1500:])
        assert visit.problems() == []
        visit.screenshot("drill_down_en")
    finally:
        visit.close()


def test_presentation_walks_through_every_slide(server, browser):
    visit = open_visit(browser, server, "?present=1&lang=en", width=1920, height=1080, charts=0)
    page = visit.page
    titles = []
    try:
        assert (
            page.locator("[data-testid='stSidebar']").count() == 0
            or not page.locator("[data-testid='stSidebar']").is_visible()
        )
        for number in range(1, SLIDE_COUNT + 1):
            assert page.get_by_text(f"Slide {number} of {SLIDE_COUNT}").count() == 1
            wait_for_charts(page, 0 if number == 1 else 1)  # the first slide is cards, the others a chart
            assert visit.errors_shown() == []
            titles.append(page.locator("h1").first.inner_text())
            assert page.locator("strong").first.inner_text().endswith(".")  # the takeaway sentence
            visit.screenshot(f"slide_{number}_en")
            if number < SLIDE_COUNT:
                visit.act(page.get_by_role("button", name="Next").click)
        assert len(set(titles)) == SLIDE_COUNT, titles
        assert page.get_by_role("button", name="Next").is_disabled()
        assert f"slide={SLIDE_COUNT}" in page.url
        assert visit.problems() == []
    finally:
        visit.close()


def test_clicking_a_treemap_tile_shows_the_measures_behind_it(server, browser):
    visit = open_visit(browser, server, "by-category?lang=en&c=oleksandriia", charts=2)
    try:
        click_centre(visit, visit.page.locator(".js-plotly-plot .treemaplayer path.surface").nth(3))
        assert visit.page.get_by_text("Measures behind the selected number").count() >= 1
        assert visit.problems() == []
    finally:
        visit.close()
