"""Helpers for the real-browser tests: a freshly started server, Debian's Chromium, and waiting for the app.

Tests wait for the app's state, never for a fixed time: every page counts the script runs that
finished (``data-test-script-state`` going from ``running`` to ``notRunning`` on the app's root),
and ``act`` waits until an action's run has finished. Every page records console errors, uncaught
page errors and requests to any host other than the app's own.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from programme_analysis.texts import text

ROOT = Path(__file__).resolve().parent.parent
# Browser tests write their screenshots outside the repository (SCREENSHOTS_DIR, else the system's temporary folder);
# python -m tests.screenshots writes the ones for a person to look at into screenshots/ (git-ignored).
SHOTS = Path(os.environ.get("SCREENSHOTS_DIR") or Path(tempfile.gettempdir()) / "programme-screenshots")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
# url path -> (title key, the least number of Plotly charts it must show)
PAGES = {
    "": ("page_overview", 1),
    "by-year": ("page_by_year", 1),
    "by-category": ("page_by_category", 2),
    "sister-cities": ("page_partners", 2),  # its default section: the partner map and the timeline
    "explore": ("page_measures", 0),
    "data-quality": ("page_sources", 0),
    "methodology": ("page_methodology", 0),
}
SETTLE_MS = 300  # after a run ends, the page's elements are still being replaced for a moment
RUN_TIMEOUT_MS = 180_000  # a very busy machine (load 20 on 2 cores) has taken over 60 s for one rerun

# Counts finished script runs; installed before Streamlit's own scripts on every page.
_RUN_COUNTER = """
window.__finishedRuns = 0;
new MutationObserver((records) => {
  for (const r of records) {
    const now = r.target.getAttribute('data-test-script-state');
    if (now === 'notRunning' && r.oldValue !== 'notRunning') window.__finishedRuns++;
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
"""


def without_chromium() -> str | None:
    """Why browser tests cannot run here (None when they can); with REQUIRE_BROWSER=1 (CI) a missing chromium is an error."""
    if CHROMIUM:
        return None
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise RuntimeError("REQUIRE_BROWSER=1 but Debian's chromium is not installed (apt-get install -y chromium)")
    return "Debian's chromium is not installed (apt-get install -y chromium)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(database: Path) -> Iterator[str]:
    """``streamlit run dashboard.py`` (the README's command) on a free port of 127.0.0.1; yields its URL."""
    port = _free_port()
    # as deployed
    env = {
        **{k: v for k, v in os.environ.items() if k != "DASHBOARD_RAISE_ERRORS"},
        "PROGRAMMES_DB": str(database),
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard.py"),
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
    ]
    with tempfile.TemporaryFile() as output:  # not a pipe: a full pipe would stop the server
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)

        def log() -> str:
            output.seek(0)
            return output.read().decode(errors="replace")[-2000:]

        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and process.poll() is None:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        else:
            process.kill()
            pytest.fail("streamlit did not start: " + log())
        try:
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


@dataclass
class Visit:
    """One browser tab on the app, with what it has seen."""

    page: object
    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    other_hosts: set[str] = field(default_factory=set)

    def finished_runs(self) -> int:
        return self.page.evaluate("() => window.__finishedRuns")

    def wait_until_idle(self) -> None:
        self.page.wait_for_selector(READY, timeout=RUN_TIMEOUT_MS)

    def act(self, action: Callable[[], object], reruns: bool = True) -> None:
        """Do ``action`` once the app is idle, and wait until the run it starts has finished (when it starts one).

        Waiting for the app to be idle first keeps a click from landing on a part of the page being redrawn. A click
        that starts no run is done once more, as a user would, and that is never hidden: it is a warning in the test
        report (``pytest -rw``), so a click the app drops shows."""
        self.wait_until_idle()
        self.page.wait_for_timeout(SETTLE_MS)  # the last run's elements may still be mounting
        before, url_before = self.finished_runs(), self.page.url
        action()
        if reruns:
            try:
                try:
                    self.page.wait_for_function(f"() => window.__finishedRuns > {before}", timeout=RUN_TIMEOUT_MS // 3)
                except Exception:
                    self.wait_until_idle()
                    # it took effect, its run uncounted
                    if self.finished_runs() > before or self.page.url != url_before:
                        self.wait_until_idle()
                        return
                    warnings.warn(f"an action started no run and was done again (url {self.page.url})", stacklevel=2)
                    action()
                    self.page.wait_for_function(f"() => window.__finishedRuns > {before}", timeout=RUN_TIMEOUT_MS)
            except Exception as exc:
                state = self.page.locator("[data-testid='stApp']").get_attribute("data-test-script-state")
                self.screenshot("timeout")
                raise AssertionError(
                    f"no run finished after the action (state {state}, url {self.page.url}, {self.problems()})"
                ) from exc
        self.wait_until_idle()

    def errors_shown(self) -> list[str]:
        """Streamlit exceptions and the app's own "unexpected error" sentence, as shown."""
        shown = self.page.locator("[data-testid='stException']").all_inner_texts()
        for lang in ("uk", "en"):
            shown += self.page.get_by_text(text("unexpected_error", lang)).all_inner_texts()
        return shown

    def problems(self) -> list[str]:
        return [*self.errors_shown(), *self.console_errors, *self.page_errors, *sorted(self.other_hosts)]

    def sidebar(self):
        return self.page.locator("[data-testid='stSidebar']")

    def switch_language(self, lang: str) -> None:
        button = self.sidebar().get_by_role("radio", name=text(f"language_{lang}", lang), exact=True)
        if button.count() == 0:  # presentation mode: the switch is at the top of the page
            button = self.page.get_by_role("radio", name=text(f"language_{lang}", lang), exact=True)
        self.act(button.first.click)

    def open_from_sidebar(self, path: str) -> None:
        link = self.page.locator(f"[data-testid='stSidebarNav'] a[href='{self.origin}/{path}']")
        self.act(link.first.click)

    def screenshot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        self.page.close()


def open_visit(browser, origin: str, path: str = "", width: int = 1600, height: int = 1100, charts: int = 0) -> Visit:
    """A new tab at ``origin/path``, waited for until the first run has finished and ``charts`` charts are drawn."""
    page = browser.new_page(viewport={"width": width, "height": height})
    visit = Visit(page, origin)
    page.add_init_script(_RUN_COUNTER)
    page.on("console", lambda message: visit.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
    host = origin.split("//", 1)[1]

    def request(req) -> None:
        if not req.url.startswith(("data:", "blob:")) and req.url.split("//", 1)[-1].split("/", 1)[0] != host:
            visit.other_hosts.add(req.url)

    page.on("request", request)
    page.goto(f"{origin}/{path}")
    page.wait_for_function("() => window.__finishedRuns > 0", timeout=RUN_TIMEOUT_MS)
    visit.wait_until_idle()
    wait_for_charts(page, charts)
    return visit


def wait_for_charts(page, at_least: int = 0) -> None:
    """No element is still loading, at least ``at_least`` Plotly charts are there, and every chart has drawn its SVG."""
    page.wait_for_function(
        """(least) => document.querySelectorAll('[data-testid=stSkeleton]').length === 0
            && document.querySelectorAll('.js-plotly-plot .main-svg').length >= least
            && [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))""",
        arg=at_least,
        timeout=RUN_TIMEOUT_MS,
    )


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
