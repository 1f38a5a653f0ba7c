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
PAGES = {"home": 1, "by-year": 1, "by-category": 2, "sister-cities": 3, "explore": 0, "data-quality": 0}

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
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


def open_page(browser, url: str, width: int = 1600, height: int = 1100):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    page.wait_for_timeout(1500)  # let Plotly finish drawing
    return page


@pytest.mark.parametrize("path", list(PAGES))
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_page_shows_its_charts_and_no_error(server, browser, path, lang):
    page = open_page(browser, f"{server}/{path}?lang={lang}")
    try:
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.locator("h1").count() >= 1
        assert page.locator(".js-plotly-plot").count() >= PAGES[path]
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{path}_{lang}.png"), full_page=True)
    finally:
        page.close()
