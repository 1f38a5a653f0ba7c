"""Browser tests for the presentation on a projector: every slide fits the screen, keys move between slides,
and leaving removes the slide from the link. The server and browser fixtures are in conftest.py."""

from __future__ import annotations

import pytest

from tests.browser_app import SHOTS, open_visit
from tests.slides import SLIDE_COUNT

pytestmark = pytest.mark.browser

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]


def open_page(browser, url: str, width: int, height: int):
    """A tab at ``url`` once the app has finished its run and drawn its charts."""
    origin, _, query = url.partition("/?")
    return open_visit(browser, origin, f"?{query}", width=width, height=height).page


# For each chart: the bottom of its subtitle (source lines), the top and bottom of its plot area, the bottom of the
# x axis's tick labels and title, and the top of its legend (null when there is none).
_CHART_PARTS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p._fullLayout._has('cartesian')).map(p => {
  const box = e => e ? e.getBoundingClientRect() : null;
  const chart = box(p), size = p._fullLayout._size, subtitle = box(p.querySelector('.gtitle-subtitle'));
  const axis = [...p.querySelectorAll('.xtick text, .g-xtitle text')].map(box);
  const legend = box(p.querySelector('.legend'));
  return {subtitle: subtitle ? subtitle.bottom : chart.top, plotTop: chart.top + size.t, plotBottom: chart.top + size.t + size.h,
          axisBottom: axis.length ? Math.max(...axis.map(b => b.bottom)) : chart.top + size.t + size.h, legend: legend ? legend.top : null};
})"""


def chart_parts_overlap(page) -> list[dict]:
    """The charts whose source lines reach into the plot area, or whose legend covers the x axis."""
    return [
        c
        for c in page.evaluate(_CHART_PARTS)
        if c["subtitle"] > c["plotTop"] + 1 or (c["legend"] is not None and c["legend"] < c["axisBottom"] - 1)
    ]


def _scroll_height(page) -> int:
    return page.evaluate(
        "() => Math.max(document.scrollingElement.scrollHeight, document.querySelector('[data-testid=stMain]').scrollHeight)"
    )


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_slide_fits_without_scrolling_title_and_takeaway_on_top(server, browser, width, height):
    for lang in ("uk", "en"):
        for number in range(1, SLIDE_COUNT + 1):
            page = open_page(browser, f"{server}/?present=1&slide={number}&lang={lang}", width=width, height=height)
            try:
                assert page.locator("[data-testid='stException']").count() == 0
                assert _scroll_height(page) <= height, (lang, number, _scroll_height(page))
                title = page.locator("h1").first.bounding_box()
                takeaway = page.locator(".st-key-takeaway strong").first.bounding_box()
                assert title["y"] < takeaway["y"] < height / 3  # title, then the takeaway, at the top
                for chart in page.locator(".js-plotly-plot").all():
                    box = chart.bounding_box()
                    assert (
                        box["y"] > takeaway["y"]
                        and box["y"] + box["height"] <= height
                        and box["x"] + box["width"] <= width
                    )
                # the source lines stay above the plot, the legend below the axis, however little height the slide leaves
                assert chart_parts_overlap(page) == [], (lang, number)
                if width == 1366:
                    SHOTS.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(SHOTS / f"fit_slide_{number}_{lang}_{width}.png"))
            finally:
                page.close()


def _sidebar_width(page) -> float:
    """How much of the window the sidebar takes (0 when it is collapsed or absent)."""
    sidebar = page.locator("[data-testid='stSidebar']")
    if sidebar.count() == 0:
        return 0
    box = sidebar.first.bounding_box()
    return max(0, box["x"] + box["width"]) if box else 0


def test_keys_move_between_slides_and_leaving_drops_the_slide(server, browser):
    page = open_page(browser, f"{server}/?lang=en", width=1366, height=768)
    try:
        assert _sidebar_width(page) > 0
        page.locator("[data-testid='stSidebar']").get_by_role("button", name="Presentation mode").click()
        page.get_by_text(f"Slide 1 of {SLIDE_COUNT}").wait_for(timeout=30_000)
        # Entered from the dashboard, the slides take the whole width: no empty sidebar beside them.
        page.wait_for_function(
            "() => { const s = document.querySelector('[data-testid=stSidebar]');"
            " return !s || s.getBoundingClientRect().right <= 0; }",
            timeout=30_000,
        )
        assert _sidebar_width(page) == 0
        # no Deploy button or developer menu on a projector
        assert (
            not page.locator("[data-testid='stToolbar']").is_visible()
            and not page.locator("[data-testid='stMainMenu']").is_visible()
        )
        for key, expected in [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("PageUp", 3), ("ArrowLeft", 2)]:
            page.mouse.click(5, 300)  # focus the page, not a widget
            page.keyboard.press(key)
            page.get_by_text(f"Slide {expected} of {SLIDE_COUNT}").wait_for(timeout=30_000)
            assert f"slide={expected}" in page.url
        page.get_by_role("button", name="Leave the presentation").click()
        page.wait_for_function("() => !location.search.includes('present')", timeout=30_000)
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
        assert "slide=" not in page.url and "present=" not in page.url
        page.wait_for_function(
            "() => { const s = document.querySelector('[data-testid=stSidebar]');"
            " return s && s.getBoundingClientRect().right > 0; }",
            timeout=30_000,
        )
    finally:
        page.close()
