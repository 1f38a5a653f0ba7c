"""Browser tests for layout on a laptop and a phone: the partner maps fill the page's width with no text on them
to overlap, value labels keep a readable size on a 390 px phone, and a chart's title and source stand above it
there. Reuses the server and browser of test_browser."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from programme_analysis.texts import text
from tests.browser_app import open_visit

pytestmark = pytest.mark.browser

# For each map a reader can see: its plot area (inside the margins), the width and height of each of its maps' frames, and the texts drawn on them.
_MAPS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p._fullLayout._has('geo') && p.offsetParent !== null).map(p => {
  const land = [...p.querySelectorAll('.geolayer .geo > rect, .geolayer .geo rect')].slice(0, 2).map(e => e.getBoundingClientRect());
  return {chart: p._fullLayout._size.w, area: p._fullLayout._size.h, land: land.map(r => r.width), heights: land.map(r => r.height),
          texts: p.querySelectorAll('.geolayer .textpoint').length};
})"""


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_the_partner_maps_fill_the_page_width_with_no_text_to_overlap(server, browser, width, height):
    maps, problems = [], []
    # the programmes' partners (on a phone also a close-up of Europe), and, in its own section, the programme beside the partnership map
    for section, expected in (("", 1 if width > 640 else 2), ("&section=register", 1)):
        visit = open_visit(
            browser, server, f"sister-cities?lang=uk{section}", width=width, height=height, charts=expected
        )
        try:
            visit.page.wait_for_function(
                "() => document.querySelectorAll('.js-plotly-plot .geolayer .geo rect').length >= 2", timeout=60_000
            )
            # a map's frame takes its height once the page has laid out; measured earlier, under load, a map can be
            # caught between its first height and its settled one (the same numbers as the assertions below)
            with contextlib.suppress(PlaywrightTimeout):
                visit.page.wait_for_function(
                    f"() => ({_MAPS})().every(m => m.area - Math.min(...m.heights) <= Math.max(0.15 * m.area, 40))",
                    timeout=10_000,
                )
            drawn_here = visit.page.evaluate(_MAPS)
            assert len(drawn_here) == expected, (section, drawn_here)
            maps += drawn_here
            problems += visit.problems()
        finally:
            visit.close()
    for drawn in maps:
        assert sum(drawn["land"]) >= 0.9 * drawn["chart"], drawn  # no empty band beside the map
        assert drawn["area"] - min(drawn["heights"]) <= max(0.15 * drawn["area"], 40), drawn  # nor above and below it
        assert max(drawn["heights"]) <= 1.05 * min(drawn["heights"]), drawn  # side by side, both maps as tall
        assert drawn["texts"] == 0, drawn  # communities are named in the legend, never as text that could overlap
    tallest = max(min(drawn["heights"]) for drawn in maps)
    assert tallest >= (200 if width > 640 else 0.6 * width), maps  # on a phone, a map as tall as 60 % of its width
    assert problems == []


# Each value label's height across its line: the box's width for a label turned upright, else its height.
_VALUE_LABELS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetParent !== null)
  .flatMap(p => [...p.querySelectorAll('.bartext')]).map(t => {
  const r = t.getBoundingClientRect(), upright = /rotate\\(-?90/.test(t.getAttribute('transform') || '');
  return {text: t.textContent, size: upright ? r.width : r.height, upright: upright};
})"""


@pytest.mark.parametrize("path", ["by-year?lang=uk", "sister-cities?lang=en&section=national"])
def test_value_labels_stay_readable_on_a_phone(server, browser, path):
    visit = open_visit(browser, server, path, width=390, height=844, charts=1)
    try:
        labels = visit.page.evaluate(_VALUE_LABELS)
        assert labels, "no value labels drawn"
        assert [label for label in labels if label["size"] < 11] == []  # 11 px or more, as on a laptop
        if path.startswith("by-year"):  # the bars lie on their side there, their values written level
            assert [label["text"] for label in labels if label["upright"]] == []
        assert visit.problems() == []
    finally:
        visit.close()


@pytest.mark.parametrize(
    ("width", "shown", "hidden"),
    [(1366, "by_year_chart", "by_year_chart_phone"), (390, "by_year_chart_phone", "by_year_chart")],
)
def test_a_phone_gets_the_yearly_bars_lying_and_a_wider_screen_standing(server, browser, width, shown, hidden):
    visit = open_visit(browser, server, "by-year?lang=en", width=width, height=844, charts=2)
    try:
        assert visit.page.locator(f".st-key-{shown} .js-plotly-plot").is_visible()
        assert not visit.page.locator(f".st-key-{hidden} .js-plotly-plot").is_visible()
        orientation = visit.page.evaluate(
            f"() => document.querySelector('.st-key-{shown} .js-plotly-plot')._fullData[0].orientation"
        )
        assert orientation == ("h" if width < 640 else "v")
        assert visit.problems() == []
    finally:
        visit.close()


def test_on_a_phone_the_title_and_source_stand_above_the_chart(server, browser):
    visit = open_visit(browser, server, "by-year?lang=uk", width=390, height=844, charts=1)
    try:
        caption = visit.page.locator(".st-key-phone_source_by_year_chart_phone")
        assert caption.is_visible()
        assert "Джерело" in caption.inner_text()
        plot_top = visit.page.evaluate(
            "() => { const p = document.querySelector('.st-key-by_year_chart_phone .js-plotly-plot');"
            " return p.getBoundingClientRect().top + p._fullLayout._size.t; }"
        )
        assert caption.bounding_box()["y"] + caption.bounding_box()["height"] <= plot_top
        # the SVG title, which cannot wrap, is hidden
        assert not visit.page.locator(".st-key-by_year_chart_phone .gtitle").is_visible()
        assert visit.problems() == []
    finally:
        visit.close()


# The boxes of every legend entry (marker and words) of every chart, by chart.
_LEGEND_ENTRIES = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetParent !== null).map(p =>
  [...p.querySelectorAll('.legend .traces')].map(e => { const r = e.getBoundingClientRect();
    return {text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }))"""


def _overlapping(entries: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["text"], b["text"])
        for i, a in enumerate(entries)
        for b in entries[i + 1 :]
        if a["left"] < b["right"] - 1
        and b["left"] < a["right"] - 1
        and a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
    ]


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_legend_entries_never_overlap(server, browser, width, height):
    visit = open_visit(browser, server, "by-category?lang=uk", width=width, height=height, charts=2)
    try:
        charts = visit.page.evaluate(_LEGEND_ENTRIES)
        assert any(len(entries) > 5 for entries in charts), charts  # the category legend is drawn
        for entries in charts:
            assert _overlapping(entries) == []
            assert max(entry["right"] for entry in entries or [{"right": 0}]) <= width  # nor run off the screen
        assert visit.problems() == []
    finally:
        visit.close()


_UPLOADER_WORDS = """() => { const box = document.querySelector('.st-key-add_upload [data-testid=stFileUploaderDropzone]');
  const shown = e => ({size: getComputedStyle(e).fontSize, after: getComputedStyle(e, '::after').content});
  return {button: shown(box.querySelector('button [data-testid=stMarkdownContainer] p')),
          limits: shown(box.querySelector('[data-testid=stFileUploaderDropzoneInstructions] span'))}; }"""


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_file_uploader_speaks_the_language(server, browser, lang):
    visit = open_visit(browser, server, f"add?lang={lang}", width=390, height=844)
    try:
        visit.page.locator(".st-key-add_upload [data-testid=stFileUploaderDropzone]").wait_for(timeout=60_000)
        words = visit.page.evaluate(_UPLOADER_WORDS)
        # Streamlit's own English ("Upload", "20MB per file • …") takes no space; the language's words stand in its place
        assert words["button"]["size"] == words["limits"]["size"] == "0px", words
        assert words["button"]["after"] == f'"{text("add_choose_file", lang)}"', words
        assert words["limits"]["after"].startswith('"' + text("add_dropzone", lang).split("{")[0]), words
        assert visit.problems() == []
    finally:
        visit.close()


# In every overview card: texts cut by an ellipsis or running out of their box, and headings taller than one line.
_CARD_TEXTS = """() => [...document.querySelectorAll("[class*='st-key-overview_card_']")].map(card => ({
  cut: [...card.querySelectorAll('[data-testid=stMarkdownContainer], p, h2')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent),
  heading_lines: (() => { const range = document.createRange(); range.selectNodeContents(card.querySelector('h2 [data-heading-text]'));
    return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom))).size; })()}))"""


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_overview_cards_show_every_word_whole_on_a_laptop(server, browser, lang):
    visit = open_visit(browser, server, f"?lang={lang}", width=1366, height=768, charts=1)
    try:
        cards = visit.page.evaluate(_CARD_TEXTS)
        assert len(cards) >= 2, cards
        assert [card["cut"] for card in cards if card["cut"]] == []  # "не зазна…" was cut
        assert [card for card in cards if card["heading_lines"] > 1] == []  # "Хмельницьки" / "й" was broken
        assert visit.problems() == []
    finally:
        visit.close()


@pytest.mark.parametrize(("width", "chart_first"), [(390, True), (1366, False)])
def test_a_phone_shows_the_overview_chart_before_the_stacked_cards(server, browser, width, chart_first):
    visit = open_visit(browser, server, "?lang=uk", width=width, height=844, charts=1)
    try:
        tops = visit.page.evaluate(
            """() => ({chart: [...document.querySelectorAll('.js-plotly-plot')].find(p => p.offsetParent !== null)
                              .getBoundingClientRect().top,
                       card: document.querySelector("[class*='st-key-overview_card_']").getBoundingClientRect().top,
                       title: document.querySelector('h1').getBoundingClientRect().top})"""
        )
        assert tops["title"] < min(tops["chart"], tops["card"]), tops
        assert (tops["chart"] < tops["card"]) == chart_first, tops
        assert visit.problems() == []
    finally:
        visit.close()
