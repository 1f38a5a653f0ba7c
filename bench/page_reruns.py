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

A server compiles each page's script once (its ``ScriptCache`` lives as long as the server); AppTest
makes a new cache for every run and so compiles every script again on each rerun (tens of ms for a
long page). This benchmark gives AppTest one cache for the whole run, as a server has.
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
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

from loaders.build import build

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT / "bench" / "apps" / "floor.py"
PAGES = {
    "overview": "pages/overview.py", "per year": "pages/spending_by_year.py", "per category": "pages/spending_by_category.py",
    "partners": "pages/partners.py", "measures": "pages/measures.py", "sources": "pages/sources.py",
    "methodology": "pages/methodology.py", "peers": "pages/peer_comparison.py", "presentation": None,
}  # fmt: skip


def share_script_cache() -> None:
    """One ``ScriptCache`` for every AppTest run of this process, as a server has one for its lifetime."""
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def _reruns(app: AppTest, repeat: int, warmup: int = 2) -> tuple[list[float], list[float]]:
    """Wall-clock seconds of each rerun, and the CPU seconds of the script's own thread (robust to a crowded machine)."""
    for _ in range(warmup):
        app.run()
    walls, cpus = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        app.run()
        walls.append(time.perf_counter() - started)
        cpus.append(app.session_state["_bench_cpu_s"])
    if app.exception:
        raise RuntimeError([e.message for e in app.exception])
    return walls, cpus


def timed_entry(folder: Path, name: str, only_page: Path | None = None) -> Path:
    """dashboard.py that records the CPU time of its own thread in session state, with page paths made absolute;
    with ``only_page``, its navigation holds only that page (the floor)."""
    source = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    if only_page is not None:
        match = re.search(r"^( *)pages = \[.*?^\1\]\n", source, flags=re.S | re.M)
        if match is None:
            raise SystemExit("dashboard.py has no 'pages = [...]' list to replace; update bench/page_reruns.py")
        indent = match.group(1)
        source = (
            source[: match.start()]
            + f"{indent}pages = [st.Page({str(only_page)!r}, title='floor', default=True)]\n"
            + source[match.end() :]
        )
    source = re.sub(r'"(pages/\w+\.py)"', lambda m: repr(str(ROOT / m.group(1))), source)  # st.Page's, on any line
    lines = []
    for line in source.splitlines():
        lines.append(line)
        if line.startswith("from __future__"):
            lines += ["import time as _bench_time", "_bench_cpu_started = _bench_time.thread_time()"]
        if line.rstrip().endswith(".run()") and ("st.navigation(" in line or line.strip().startswith(")")):
            # the end of a navigation's run, on one line or closing a call the formatter split over several
            indent = line[: len(line) - len(line.lstrip())]
            lines.append(f'{indent}st.session_state["_bench_cpu_s"] = _bench_time.thread_time() - _bench_cpu_started')
    entry = folder / f"{name}_entry.py"
    entry.write_text("\n".join(lines) + "\n", encoding="utf-8")  # imports resolve from ROOT: run from there
    return entry


def floor(entry: Path, repeat: int) -> tuple[list[float], list[float]]:
    return _reruns(AppTest.from_file(str(entry), default_timeout=120), repeat)


def page(entry: Path, name: str, repeat: int) -> tuple[list[float], list[float]]:
    app = AppTest.from_file(str(entry), default_timeout=300)
    if PAGES[name] is None:
        app.query_params["present"] = "1"
        app.run()
    else:
        app.run()
        app.switch_page(str(ROOT / PAGES[name]))
    return _reruns(app, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.page_reruns", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db",
        type=Path,
        action="append",
        default=[],
        help="database or Parquet folder (repeatable; default: data/ built fresh)",
    )
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    share_script_cache()
    with tempfile.TemporaryDirectory(prefix="rerun_bench_") as folder:
        databases = args.db
        if not databases or "real" in [str(d) for d in databases]:
            real = Path(folder) / "programmes.duckdb"
            build(real, progress=False)
            databases = [real, *[d for d in databases if str(d) != "real"]]
        floor_at = timed_entry(Path(folder), "floor", FLOOR)
        entry = timed_entry(Path(folder), "dashboard")
        results = []
        for database in databases:
            os.environ["PROGRAMMES_DB"] = str(database)
            st.cache_resource.clear()
            walls, cpus = floor(floor_at, args.repeat)
            for name in args.pages:
                wall, cpu = page(entry, name, args.repeat)
                results.append((database, name, statistics.median(wall), statistics.median(cpu)))
                print(
                    f"{database.name} {name}: {results[-1][2] * 1000:.1f} ms wall, {results[-1][3] * 1000:.1f} ms CPU",
                    file=sys.stderr,
                    flush=True,
                )
            more_walls, more_cpus = floor(floor_at, args.repeat)
            results.append(
                (database, "floor", statistics.median(walls + more_walls), statistics.median(cpus + more_cpus))
            )
    print(
        "| database | page | median rerun, wall (ms) | ratio to floor, wall | median CPU of the script thread (ms) | ratio to floor, CPU |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for database in databases:
        rows = [(name, wall, cpu) for db, name, wall, cpu in results if db == database]
        base_wall, base_cpu = next((wall, cpu) for name, wall, cpu in rows if name == "floor")
        for name, wall, cpu in rows:
            print(
                f"| {database.name} | {name} | {wall * 1000:.1f} | {wall / base_wall:.2f}× | {cpu * 1000:.1f} | {cpu / base_cpu:.2f}× |"
            )


if __name__ == "__main__":
    main()
