"""Cold start in a real browser: the dashboard's first and last chart against an empty app and a one-chart app.

    .venv/bin/python -m bench.cold_start [--runs 3] [--db PATH]

For each run and each app, a fresh ``streamlit run`` server is started on a free port on
127.0.0.1 and waited for (``/_stcore/health``); then headless Chromium (Debian's /usr/bin/chromium,
through playwright) opens the app in a new browser context and the time is taken from the
navigation's start until the first Plotly chart is drawn (the empty app: until its script has finished,
``data-test-script-state='notRunning'``), and until the last: the script has finished, nothing is still
loading and every chart on the page has drawn. The empty app is ``bench/apps/empty.py``; the
one-chart app (``bench/apps/floor.py``, one Plotly bar) tells the browser's own cost of a first
Plotly chart (loading plotly.js) from the dashboard's. A fresh
server means the script's first run pays for its imports, the database check and empty caches:
what the first reader after a deployment or restart waits for. The database is a fresh build of
data/ (untimed), or ``--db``. With ``--settle S`` the visit starts S seconds after the server's
first answer: a reader who comes a moment after a restart. With ``--first-visit`` each server (every app alike) is
first visited by ``ui.server.first_visit``, as ``python -m ui.server`` does before it lets readers in: the first
reader of a deployment served that way. Prints the medians and their ratios as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.concurrent_sessions import free_port, stop
from loaders.build import build
from ui.server.__main__ import streamlit_command
from ui.server.first_visit import first_visit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def start_server(script: Path, database: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        streamlit_command(port, script),
        cwd=ROOT,
        env={**os.environ, "PROGRAMMES_DB": str(database)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return server, port
        except OSError:
            time.sleep(0.25)
    server.terminate()
    raise SystemExit(f"{script} did not start")


ALL_DRAWN = """() => document.querySelector("[data-testid='stApp'][data-test-script-state='notRunning']") !== null
    && document.querySelectorAll('[data-testid=stSkeleton]').length === 0
    && [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))"""


def first_paint(browser, port: int, wait_for_chart: bool) -> tuple[float, float]:
    """Seconds from the navigation's start to the first chart drawn (or, without charts, the script's end), and to
    the last: the script has ended, nothing is still loading and every chart on the page has drawn."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(f"http://127.0.0.1:{port}/", wait_until="commit")
    if wait_for_chart:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
    else:
        page.wait_for_selector(DONE, timeout=120_000)
    first = time.perf_counter() - started
    page.wait_for_function(ALL_DRAWN, timeout=120_000, polling=50)
    last = time.perf_counter() - started
    context.close()
    return first, last


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.cold_start", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument(
        "--settle",
        type=float,
        default=0,
        help="seconds between the server's first answer and the visit (default 0: at once)",
    )
    parser.add_argument(
        "--first-visit",
        action="store_true",
        help="each server makes its own first visit before the browser's (as python -m ui.server does)",
    )
    args = parser.parse_args()
    apps = (
        ("empty app", ROOT / "bench" / "apps" / "empty.py", False),
        ("one Plotly chart", ROOT / "bench" / "apps" / "floor.py", True),
        ("dashboard, first chart", ROOT / "dashboard.py", True),
    )
    times: dict[str, list[float]] = {name: [] for name, _, _ in apps}
    lasts: dict[str, list[float]] = {name: [] for name, _, _ in apps}
    with tempfile.TemporaryDirectory(prefix="cold_bench_") as folder, sync_playwright() as playwright:
        database = args.db
        if database is None:
            database = Path(folder) / "programmes.duckdb"
            build(database, progress=False)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for _ in range(args.runs):
            for name, script, chart in apps:
                server, port = start_server(script, database)
                if args.first_visit:
                    first_visit(port)
                time.sleep(args.settle)  # a reader who comes a moment after a restart
                try:
                    first, last = first_paint(browser, port, chart)
                    times[name].append(first)
                    lasts[name].append(last)
                finally:
                    stop(server)
        browser.close()
    empty, one_chart = statistics.median(times["empty app"]), statistics.median(times["one Plotly chart"])
    one_chart_last = statistics.median(lasts["one Plotly chart"])
    print(
        "| app | moment | runs (ms) | median (ms) | ratio to the empty app | ratio to the one-chart app (same moment) |"
    )
    print("|---|---|---|---:|---:|---:|")
    for name in times:
        for moment, values, base in (
            ("first chart", times[name], one_chart),
            ("last chart", lasts[name], one_chart_last),
        ):
            median = statistics.median(values)
            print(
                f"| {name} | {moment} | {'; '.join(f'{v * 1000:,.0f}' for v in values)} | {median * 1000:,.0f} | {median / empty:.2f}× | {median / base:.2f}× |"
            )


if __name__ == "__main__":
    main()
