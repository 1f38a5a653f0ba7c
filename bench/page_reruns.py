"""Warm rerun of every page against a floor page that draws one cached Plotly bar chart.

    .venv/bin/python -m bench.page_reruns [--db PATH ...] [--repeat 7]

For each database (default: a fresh build of data/ in a temporary folder; add the synthetic one with
``--db /tmp/national/programmes.duckdb``), every page is opened in Streamlit's AppTest from the
entry (dashboard.py), run twice to warm the caches, then rerun ``--repeat`` times; the median
rerun is divided by the median rerun of the floor measured with the same database: the same entry
(sidebar, language, database check) whose navigation holds only ``bench/apps/floor.py``, a page
that draws one cached Plotly bar chart. The floor's entry is dashboard.py with its list of pages
replaced, written to a temporary folder. AppTest runs the script in this process, without a
browser or websocket: it measures the script's own time, which is what the code controls.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from loaders.build import build

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT / "bench" / "apps" / "floor.py"
PAGES = {
    "overview": "pages/overview.py", "per year": "pages/spending_by_year.py", "per category": "pages/spending_by_category.py",
    "partners": "pages/partners.py", "measures": "pages/measures.py", "sources": "pages/sources.py",
    "methodology": "pages/methodology.py", "peers": "pages/peer_comparison.py", "presentation": None,
}  # fmt: skip


def _reruns(app: AppTest, repeat: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        app.run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - started)
    if app.exception:
        raise RuntimeError([e.message for e in app.exception])
    return times


def floor_entry(folder: Path) -> Path:
    """dashboard.py with its navigation holding only the floor page."""
    source = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    match = re.search(r"^pages = \[.*?^\]\n", source, flags=re.S | re.M)
    if match is None:
        raise SystemExit("dashboard.py has no 'pages = [...]' list to replace; update bench/page_reruns.py")
    floor_pages = f"pages = [st.Page({str(FLOOR)!r}, title='floor', default=True)]\n"
    entry = folder / "floor_entry.py"
    entry.write_text(source[: match.start()] + floor_pages + source[match.end() :], encoding="utf-8")  # imports resolve from ROOT: run from there
    return entry


def floor(entry: Path, repeat: int) -> list[float]:
    app = AppTest.from_file(str(entry), default_timeout=120)
    return _reruns(app, repeat)


def page(name: str, repeat: int) -> list[float]:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    if PAGES[name] is None:
        app.query_params["present"] = "1"
        app.run()
    else:
        app.run()
        app.switch_page(PAGES[name])
    return _reruns(app, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.page_reruns", description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, action="append", default=[], help="database or Parquet folder (repeatable; default: data/ built fresh)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rerun_bench_") as folder:
        databases = args.db
        if not databases or "real" in [str(d) for d in databases]:
            real = Path(folder) / "programmes.duckdb"
            build(real, progress=False)
            databases = [real, *[d for d in databases if str(d) != "real"]]
        entry = floor_entry(Path(folder))
        results = []
        for database in databases:
            os.environ["PROGRAMMES_DB"] = str(database)
            st.cache_data.clear()
            floor_times = floor(entry, args.repeat)
            for name in args.pages:
                results.append((database, name, statistics.median(page(name, args.repeat))))
                print(f"{database.name} {name}: {results[-1][2] * 1000:.1f} ms", file=sys.stderr, flush=True)
            floor_times += floor(entry, args.repeat)
            results.append((database, "floor", statistics.median(floor_times)))
    print("| database | page | median rerun (ms) | ratio to floor |")
    print("|---|---|---:|---:|")
    for database in databases:
        rows = [(name, median) for db, name, median in results if db == database]
        base = dict(rows)["floor"]
        for name, median in rows:
            print(f"| {database.name} | {name} | {median * 1000:.1f} | {median / base:.2f}× |")


if __name__ == "__main__":
    main()
