"""Loader throughput: documents per second per core, for .txt, .docx and .pdf programme documents.

    .venv/bin/python -m bench.loader_throughput [--documents 300] [--office-documents 60] [--runs 3] [--formats txt docx pdf]

Writes ``--documents`` synthetic programmes (``bench.national_data``) into a temporary folder, then
builds them with ``loaders.build.build`` ``--runs`` times and prints the median wall time and the
median CPU time of the process. Documents per second per core = documents / CPU seconds (the build
runs in one process and one thread, so on a shared machine the CPU time is the fairer clock; the
wall-clock rate is printed beside it). The one-off loading of the GeoNames data is done before the
timing, since a long-running loader pays it once.

For .docx and .pdf, the first ``--office-documents`` of the same .txt documents are made into a
Word file and a PDF (``bench/synthetic/fixture_documents.py``, untimed) and listed in ``documents.csv`` under
their new names; the build then reads them with the real readers.
"""

from __future__ import annotations

import argparse
import csv
import platform
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from bench.national_data import write_sources
from bench.synthetic.fixture_documents import make_docx, make_pdf
from loaders.build import build
from loaders.gazetteer import _index_file

MAKERS = {"docx": make_docx, "pdf": make_pdf}


def as_format(data: Path, fmt: str, documents: int) -> None:
    """Keep the first ``documents`` programmes of ``data`` and make each into ``fmt`` (untimed)."""
    listing = data / "sources" / "documents.csv"
    with listing.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:documents]
    for row in rows:
        text = data / "sources" / row["source_file"]
        MAKERS[fmt](text, text.with_suffix(f".{fmt}"))
        text.unlink()
        row["source_file"] = text.with_suffix(f".{fmt}").name
    with listing.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def measure(documents: int, runs: int, fmt: str = "txt") -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="loader_bench_") as folder:
        data = Path(folder) / "data"
        write_sources(documents, data, progress=False)
        if fmt != "txt":
            as_format(data, fmt, documents)
        _index_file()  # the GeoNames index: written once per machine, before the timing
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
    return {
        "format": fmt,
        "documents": documents,
        "runs": runs,
        "median_wall_s": wall,
        "median_cpu_s": cpu,
        "docs_per_s_wall": documents / wall,
        "docs_per_cpu_s": documents / cpu,
    }


def at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a whole number of at least 1, not {text!r}")
    return int(text)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.loader_throughput", description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=at_least_one, default=300, help=".txt documents per build")
    parser.add_argument(
        "--office-documents", type=at_least_one, default=60, help=".docx and .pdf documents per build (slower to make)"
    )
    parser.add_argument("--runs", type=at_least_one, default=3)
    parser.add_argument("--formats", nargs="*", default=["txt", "docx", "pdf"], choices=["txt", "docx", "pdf"])
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, duckdb {duckdb.__version__}"
    )
    for fmt in args.formats:
        result = measure(args.documents if fmt == "txt" else args.office_documents, args.runs, fmt)
        print(
            f".{fmt}: {result['documents']} documents, median of {result['runs']} builds: {result['median_wall_s']:.2f} s wall, "
            f"{result['median_cpu_s']:.2f} s CPU -> {result['docs_per_cpu_s']:.0f} documents per CPU second (per core), "
            f"{result['docs_per_s_wall']:.0f} per wall second",
            flush=True,
        )


if __name__ == "__main__":
    main()
