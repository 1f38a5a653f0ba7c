"""Real-browser smoke test: `streamlit run` on 127.0.0.1, every page in headless Chromium.

Uses Debian's chromium through Playwright's ``executable_path`` (no browser download).
Skipped when chromium is missing, unless REQUIRE_BROWSER=1 (CI sets it), then it fails.
Screenshots go to screenshots/ (not committed) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
# page url path -> the least number of Plotly charts it must show
PAGES = {"": 1, "by-year": 1, "by-category": 2, "sister-cities": 3, "explore": 0, "data-quality": 0, "methodology": 0}

pytestmark = pytest.mark.browser
if not CHROMIUM:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise RuntimeError("REQUIRE_BROWSER=1 but Debian's chromium is not installed (apt-get install -y chromium)")
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason="Debian's chromium is not installed")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(database):
    port = _free_port()
    env = {**os.environ, "PROGRAMMES_DB": str(database)}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless=true",
               f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("streamlit did not start: " + process.stdout.read().decode(errors="replace")[-2000:])
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        # Streamlit 1.67 runs its legacy pages/ router for the first session of a process, before
        # st.navigation registers the URL paths; a first visit to a deep link then shows a
        # "Page not found" dialog over the right page. Open the root once, as the first visitor of a
        # deployed app would, so that the tests below check what every later visitor sees.
        open_page(chromium, server).close()
        yield chromium
        chromium.close()


def open_page(browser, url: str, width: int = 1600, height: int = 1100):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    page.wait_for_timeout(1500)  # let Plotly finish drawing
    # Plotly draws a chart only after its bundle loads, which can take seconds on a busy machine
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length >= document.querySelectorAll('[data-testid=stPlotlyChart]').length",
                           timeout=30_000)  # fmt: skip
    return page


@pytest.mark.parametrize("path", list(PAGES))
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_page_shows_its_charts_and_no_error(server, browser, path, lang):
    page = open_page(browser, f"{server}/{path}?lang={lang}")
    try:
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator("h1").count() >= 1
        if PAGES[path]:  # Plotly draws after its bundle loads: wait for the charts, then count them
            page.wait_for_function(f"() => document.querySelectorAll('.js-plotly-plot').length >= {PAGES[path]}", timeout=30_000)
        assert page.locator(".js-plotly-plot").count() >= PAGES[path]
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{path or 'home'}_{lang}.png"), full_page=True)
    finally:
        page.close()


def chart_titles(page) -> list[str]:
    return page.locator(".js-plotly-plot .gtitle").evaluate_all("titles => titles.map(t => t.textContent)")


def test_a_deep_link_restores_the_view(server, browser):
    page = open_page(browser, f"{server}/by-year?lang=en&c=mena&y=2023&y=2024&m=per_resident&per=community&chart=line")
    try:
        assert page.get_by_text("Page not found").count() == 0
        assert chart_titles(page)[0] == "Planned per year, UAH per resident"
        sidebar = page.locator("[data-testid='stSidebar']")
        assert sidebar.get_by_text("Mena", exact=True).count() == 1 and sidebar.get_by_text("Khmelnytskyi", exact=True).count() == 0
        assert sidebar.get_by_role("radio", name="UAH per resident", exact=True).is_checked()
        assert sidebar.get_by_role("radio", name="the territorial community (register of communities)").is_checked()
        legend = page.locator(".js-plotly-plot .legendtext").evaluate_all("items => items.map(t => t.textContent)")
        assert legend == ["Mena"]
        assert "m=per_resident" in page.url and "c=mena" in page.url
    finally:
        page.close()


def test_switching_language_changes_the_chart_title(server, browser):
    page = open_page(browser, f"{server}/by-year")
    try:
        page.wait_for_selector(".js-plotly-plot .gtitle", state="attached", timeout=30_000)
        assert chart_titles(page)[0].startswith("Заплановано на рік")
        page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
        page.wait_for_function("() => document.querySelector('.js-plotly-plot .gtitle')?.textContent.startsWith('Planned per year')", timeout=30_000)
        assert chart_titles(page)[0] == "Planned per year, thousand UAH"
        assert "lang=en" in page.url
        assert page.locator("h1").first.inner_text() == "Spending per year"
    finally:
        page.close()


def test_clicking_a_bar_shows_the_line_of_the_document(server, browser):
    page = open_page(browser, f"{server}/by-year?lang=en&c=oleksandriia")
    try:
        box = page.locator(".js-plotly-plot .bars .point path").first.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # Plotly's drag layer sits on top of the bars
        heading = page.get_by_text("Measures behind the selected number")
        heading.wait_for(timeout=30_000)
        page.wait_for_function("() => document.querySelectorAll('[data-testid=stDataFrame]').length >= 2", timeout=30_000)
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "drill_down_en.png"), full_page=True)
    finally:
        page.close()


def test_presentation_walks_through_every_slide(server, browser):
    page = open_page(browser, f"{server}/?present=1&lang=en", width=1920, height=1080)
    titles = []
    try:
        assert page.locator("[data-testid='stSidebar']").count() == 0 or not page.locator("[data-testid='stSidebar']").is_visible()
        for number in range(1, 8):
            page.get_by_text(f"Slide {number} of 7").wait_for(timeout=30_000)
            page.wait_for_timeout(1500)
            assert page.locator("[data-testid='stException']").count() == 0
            titles.append(page.locator("h1").first.inner_text())
            assert page.locator("strong").first.inner_text().endswith(".")  # the takeaway sentence
            SHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SHOTS / f"slide_{number}_en.png"))
            if number < 7:
                page.get_by_role("button", name="Next").click()
        assert len(set(titles)) == 7, titles
        assert page.get_by_role("button", name="Next").is_disabled()
        assert "slide=7" in page.url
    finally:
        page.close()


def test_clicking_a_treemap_tile_shows_the_measures_behind_it(server, browser):
    page = open_page(browser, f"{server}/by-category?lang=en&c=oleksandriia")
    try:
        tile = page.locator(".js-plotly-plot .treemaplayer path.surface").nth(3)
        tile.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        box = tile.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.get_by_text("Measures behind the selected number").wait_for(timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        page.close()
