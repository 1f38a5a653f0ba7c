"""Loader throughput: documents per second per core, for .txt programme documents.

    .venv/bin/python -m bench.loader_throughput [--documents 300] [--runs 3]

Writes ``--documents`` synthetic programmes (``bench.national_data``) into a temporary folder, then
builds them with ``loaders.build.build`` ``--runs`` times and prints the median wall time and the
median CPU time of the process. Documents per second per core = documents / CPU seconds (the build
runs in one process and one thread, so on a shared machine the CPU time is the fairer clock; the
wall-clock rate is printed beside it). The one-off loading of the GeoNames data is done before the
timing, since a long-running loader pays it once.

The loaders read plain-text extractions only; .docx and .pdf are not measured until a reader for
them exists (the "any community's programme" issue).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from bench.national_data import write_sources
from loaders.build import build
from loaders.gazetteer import _by_name


def measure(documents: int, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="loader_bench_") as folder:
        data = Path(folder) / "data"
        write_sources(documents, data, progress=False)
        _by_name()  # GeoNames index: loaded once per process
        walls, cpus = [], []
        for run in range(runs):
            database = Path(folder) / f"run{run}.duckdb"
            wall, cpu = time.perf_counter(), time.process_time()
            report = build(database, data_dir=data, progress=False)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            if not report.ok:
                raise SystemExit(f"build failed: {report.failures[:5]}")
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    return {"documents": documents, "runs": runs, "median_wall_s": wall, "median_cpu_s": cpu,
            "docs_per_s_wall": documents / wall, "docs_per_cpu_s": documents / cpu}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.loader_throughput", description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    result = measure(args.documents, args.runs)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, duckdb {duckdb.__version__}")
    print(f".txt: {result['documents']} documents, median of {result['runs']} builds: {result['median_wall_s']:.2f} s wall, "
          f"{result['median_cpu_s']:.2f} s CPU -> {result['docs_per_cpu_s']:.0f} documents per CPU second (per core), "
          f"{result['docs_per_s_wall']:.0f} per wall second")  # fmt: skip


if __name__ == "__main__":
    main()
