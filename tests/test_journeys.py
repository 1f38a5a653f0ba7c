"""User journeys in a real browser: every widget of every page, the language switch, a seeded random
walk, first visits on a freshly started server, and three window sizes.

Each step waits for the app's run to finish (``Visit.act``) and then checks that nothing went
wrong: no Streamlit exception, no "unexpected error" sentence, no console error, no uncaught page
error, no request to another host.
"""

from __future__ import annotations

import random
import re
from contextlib import ExitStack
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest

from programme_analysis.texts import text
from tests.browser_app import PAGES, open_visit, streamlit_server, wait_for_charts
from tests.slides import SLIDE_COUNT

pytestmark = pytest.mark.browser

WIDGETS = (
    "[data-testid='stMultiSelect'], [data-testid='stRadio'], [data-testid='stButtonGroup'], [data-testid='stTextInput']"
)
CYRILLIC = re.compile("[а-яіїєґА-ЯІЇЄҐ]")
WALK_STEPS = 200
WALK_SEED = 20261130
SIZES = {"desktop": (1920, 1080), "laptop": (1366, 768), "phone": (390, 844)}


def widgets(visit) -> list:
    """Every widget a user can change, except the language switch (its own step)."""
    found = []
    for widget in visit.page.locator(WIDGETS).all():
        label = (
            widget.locator("[data-testid='stWidgetLabel']").first.inner_text()
            if widget.locator("[data-testid='stWidgetLabel']").count()
            else ""
        )
        if "Language" not in label and "Мова" not in label:
            found.append(widget)
    return found


def change(visit, widget, rng: random.Random | None = None) -> bool:
    """Change ``widget`` once, as a user would; False when it cannot be changed (disabled, nothing else to pick)."""
    pick = (lambda n: rng.randrange(n)) if rng else (lambda n: 0)
    kind = widget.get_attribute("data-testid")
    if widget.locator("input[disabled], button[disabled]").count() and kind != "stMultiSelect":
        return False
    if kind == "stMultiSelect":
        chips = widget.locator("button[aria-label^='Remove ']")
        if chips.count() and (rng is None or rng.random() < 0.6):
            visit.act(chips.nth(pick(chips.count())).click)
            return True
        widget.locator("input").first.click()
        # an empty list shows "No results"
        options = visit.page.locator("[role='listbox']:not([data-empty='true']) [role='option']")
        if options.count() == 0:
            visit.page.keyboard.press("Escape")
            return False
        option = options.nth(pick(options.count()))
        # The multiselect may keep its list open and send the choice only when the list closes: both in one action.
        visit.act(lambda: (option.click(), visit.page.keyboard.press("Escape")))
        return True
    if kind == "stRadio":
        options = widget.locator("[data-testid='stRadioOption']:not([data-selected='true'])")
        if options.count() == 0:
            return False
        visit.act(options.nth(pick(options.count())).click)
        return True
    if kind == "stButtonGroup":
        options = widget.locator("button[role='radio'][aria-checked='false']")
        if options.count() == 0:
            return False
        visit.act(options.nth(pick(options.count())).click)
        return True
    field = widget.locator("input").first
    words = ["сувенір", "візит", "<script>alert(1)</script>", "'; DROP TABLE measures; --", ""]
    new = words[pick(len(words))] if rng else words[0]
    if field.input_value() == new:
        return False
    field.fill(new)
    visit.act(lambda: field.press("Enter"))
    return True


def assert_sidebar_in_step(visit, lang: str) -> None:
    """After a language switch: every radio shows one choice, and the community chips are in the new language."""
    sidebar = visit.sidebar()
    for radio in sidebar.locator("[data-testid='stRadio']").all():
        assert radio.locator("[data-testid='stRadioOption'][data-selected='true']").count() == 1
    chips = sidebar.locator("[data-testid='stMultiSelect']").first.locator("[data-tag] span[title]").all_inner_texts()
    if lang == "en":
        assert not [chip for chip in chips if CYRILLIC.search(chip)], chips
    else:
        assert all(CYRILLIC.search(chip) for chip in chips), chips


@pytest.mark.parametrize("path", list(PAGES))
def test_every_widget_then_the_language_then_every_other_page(server, browser, path):
    visit = open_visit(browser, server, path, charts=PAGES[path][1])
    steps: list[tuple[str, list[str]]] = []
    try:
        count = len(widgets(visit))
        for index in range(count):
            current = widgets(visit)
            if index < len(current):
                changed = change(visit, current[index])
                steps.append((f"widget {index} changed={changed}", visit.problems()))
        visit.switch_language("en")
        assert_sidebar_in_step(visit, "en")
        assert visit.page.locator("h1").first.inner_text() == text(PAGES[path][0], "en")
        steps.append(("language en", visit.problems()))
        for other in PAGES:
            if other != path:
                visit.open_from_sidebar(other)
                assert visit.page.locator("h1").first.inner_text() == text(PAGES[other][0], "en")
                assert "lang=en" in visit.page.url
                steps.append((f"open /{other}", visit.problems()))
        assert count >= 4, "the sidebar alone has communities, years, money view and denominator"
        assert [step for step in steps if step[1]] == []
    finally:
        visit.close()


FORWARD_KEYS = ("ArrowRight", "PageDown", "Space")
BACK_KEYS = ("ArrowLeft", "PageUp")


@dataclass(frozen=True)
class AppState:
    """What the user sees, read from the app: the language, and either a presentation slide or a sidebar page."""

    lang: str
    slide: int | None  # the slide shown while presenting, else None
    pages: tuple[str, ...]  # the sidebar's page links (none while presenting)

    @property
    def presenting(self) -> bool:
        return self.slide is not None


def read_state(visit) -> AppState:
    """The app's state as shown; fails when its parts disagree (the link, the slide counter, the sidebar)."""
    page = visit.page
    params = parse_qs(urlsplit(page.url).query)
    lang = params.get("lang", ["uk"])[0]
    presenting = page.get_by_role("button", name=text("present_exit", lang)).count() > 0
    links = tuple(link.get_attribute("href") for link in page.locator("[data-testid='stSidebarNav'] a").all())
    if not presenting:
        assert "present" not in params and "slide" not in params, page.url
        assert links, "a page without the presentation has the sidebar's page links"
        return AppState(lang, None, links)
    assert params.get("present") == ["1"] and not links, page.url
    slide = int(params["slide"][0])
    counter = text("present_counter", lang).format(number=slide, count=SLIDE_COUNT)
    assert page.get_by_text(counter, exact=True).count() == 1, (page.url, counter)
    return AppState(lang, slide, ())


def _selectable_bars(page) -> list:
    """Bars of charts that select points on a click (each click starts a run), big enough to hit."""
    found = []
    for chart in page.locator(".js-plotly-plot").filter(has=page.locator(".bars .point path")).all():
        if chart.evaluate("(el) => (el._fullLayout.clickmode || '').includes('select')"):
            found += [
                p
                for p in chart.locator(".bars .point path").all()
                if (box := p.bounding_box()) and box["width"] > 4 and box["height"] > 4
            ]
    return found


def walk_actions(visit, state: AppState) -> dict[str, float]:
    """The actions a user can take in ``state``, with their weights."""
    if state.presenting:
        moves = {"next": 2, "key forward": 2} if state.slide < SLIDE_COUNT else {}
        if state.slide > 1:
            moves |= {"previous": 1, "key back": 1}
        return {**moves, "exit": 1, "language": 0.5}
    actions = {"page": 3, "language": 1, "present": 1}
    if widgets(visit):
        actions["widget"] = 4
    if _selectable_bars(visit.page):
        actions["chart"] = 2
    return actions


def test_a_seeded_random_walk_breaks_nothing(server, browser):
    """At least WALK_STEPS user actions picked at random from those the app's current state offers."""
    rng = random.Random(WALK_SEED)
    visit = open_visit(browser, server, "", charts=1)
    page = visit.page
    done: list[str] = []
    try:
        for step in range(WALK_STEPS):
            state = read_state(visit)
            actions = walk_actions(visit, state)
            action = rng.choices(list(actions), weights=list(actions.values()))[0]
            if action == "page":
                here = urlsplit(page.url).path
                visit.act(
                    page.locator(
                        f"[data-testid='stSidebarNav'] a[href='{rng.choice([a for a in state.pages if urlsplit(a).path != here])}']"
                    ).click
                )
            elif action == "widget":
                change(visit, rng.choice(widgets(visit)), rng)
            elif action == "language":
                visit.switch_language("uk" if state.lang == "en" else "en")
                assert read_state(visit).lang != state.lang
            elif action == "present":
                visit.act(visit.sidebar().get_by_role("button", name=text("present_start", state.lang)).click)
                assert read_state(visit).slide == 1
            elif action in ("next", "previous"):
                visit.act(page.get_by_role("button", name=text(f"present_{action}", state.lang)).click)
                assert read_state(visit).slide == state.slide + (1 if action == "next" else -1)
            elif action.startswith("key"):
                key = rng.choice(FORWARD_KEYS if action == "key forward" else BACK_KEYS)
                page.mouse.click(5, 300)  # focus the page, not a widget: a focused button would take Space itself
                visit.act(lambda key=key: page.keyboard.press(key))
                assert read_state(visit).slide == state.slide + (1 if action == "key forward" else -1), key
            elif action == "exit":
                visit.act(page.get_by_role("button", name=text("present_exit", state.lang)).click)
                assert not read_state(visit).presenting
            elif action == "chart":
                point = rng.choice(_selectable_bars(page))
                point.scroll_into_view_if_needed()
                box = point.bounding_box()
                visit.act(lambda box=box: page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2))
            done.append(action)
            assert visit.problems() == [], (step, done[-5:], page.url, visit.problems())
        wait_for_charts(page)
        assert visit.problems() == []
        assert {
            "page",
            "widget",
            "language",
            "present",
            "chart",
            "next",
            "previous",
            "key forward",
            "key back",
            "exit",
        } <= set(done), set(done)
    finally:
        visit.close()


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_first_visit_of_every_deep_link_on_a_fresh_server(database, browser, lang):
    """One freshly started server per page: its first visitor opens the deep link, nothing else before."""
    with ExitStack() as stack:
        servers = {path: stack.enter_context(streamlit_server(database)) for path in PAGES}
        for path, origin in servers.items():
            visit = open_visit(browser, origin, f"{path}?lang={lang}", charts=PAGES[path][1])
            try:
                assert visit.page.get_by_text("Page not found").count() == 0, path
                assert visit.page.locator("h1").first.inner_text() == text(PAGES[path][0], lang)
                assert visit.problems() == [], (path, visit.problems())
            finally:
                visit.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_window_sizes(server, browser, size):
    width, height = SIZES[size]
    for path in ("", "by-year", "sister-cities", "explore"):
        visit = open_visit(browser, server, f"{path}?lang=en", width=width, height=height, charts=PAGES[path][1])
        try:
            assert visit.page.locator("h1").first.is_visible()
            overflow = visit.page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at {width}x{height}"
            assert visit.problems() == []
            visit.screenshot(f"size_{size}_{path or 'home'}")
        finally:
            visit.close()
