"""Read time per document and format, and whether the three formats give the same facts.

``python -m bench.read_formats [--repeat N]`` from the repository root. The .docx and .pdf are made
from each .txt in data/sources/ (bench/synthetic/fixture_documents.py) in a temporary directory; each read
is timed ``--repeat`` times after one untimed read, and the median is reported with documents per
second. Then the database is built from each format and the facts (measures, amounts, stated
totals, partners, destinations, data-issue kinds; no line numbers) are compared with the .txt's.
Times from one run compare with each other only: the machine is shared.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic.fixture_documents import facts, make_docx, make_pdf  # noqa: E402
from loaders.build import DATA_DIR, build  # noqa: E402
from loaders.read import read_in_worker, read_programme_file  # noqa: E402

MAKERS = {"docx": make_docx, "pdf": make_pdf}


def _median_seconds(call, repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``call`` (the CPU time says more on a shared machine)."""
    call()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    texts = sorted((DATA_DIR / "sources").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = {(text.stem, "txt"): text for text in texts}
        for text in texts:
            for fmt, make in MAKERS.items():
                files[(text.stem, fmt)] = make(text, work / f"{text.stem}.{fmt}")
        print(
            f"{'document':28} {'format':6} {'lines':>5} {'wall s':>8} {'docs/s':>7} {'CPU s':>7} {'docs/CPU s':>10} {'worker s':>9}"
        )
        for (stem, fmt), path in sorted(
            files.items(), key=lambda kv: (kv[0][0], ["txt", "docx", "pdf"].index(kv[0][1]))
        ):
            wall, cpu = _median_seconds(lambda p=path: read_programme_file(p), args.repeat)
            worker, _ = _median_seconds(lambda p=path: read_in_worker(p), max(1, args.repeat // 2))
            lines = len(read_programme_file(path).lines)
            print(
                f"{stem:28} {fmt:6} {lines:5} {wall:8.3f} {1 / wall:7.1f} {cpu:7.3f} {1 / max(cpu, 1e-6):10.1f} {worker:9.3f}"
            )

        built = {}
        for fmt in ("txt", "docx", "pdf"):
            data = work / f"data_{fmt}"
            shutil.copytree(DATA_DIR / "reference", data / "reference")
            shutil.copytree(DATA_DIR / "sources", data / "sources", ignore=shutil.ignore_patterns("*.txt"))
            meta = data / "sources" / "documents.csv"
            rows = list(csv.DictReader(meta.read_text(encoding="utf-8").splitlines()))
            for row in rows:
                stem = Path(row["source_file"]).stem
                shutil.copy(files[(stem, fmt)], data / "sources" / f"{stem}.{fmt}")
                row["source_file"] = f"{stem}.{fmt}"
            with meta.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            assert build(data / "db.duckdb", data_dir=data, progress=False).ok
            built[fmt] = facts(data / "db.duckdb")
        print(f"\n{'facts':14} {'txt':>5} {'docx':>12} {'pdf':>12}")
        for kind, rows in built["txt"].items():
            cells = [
                f"{sum(r in rows for r in built[f][kind])}/{len(rows)}" + ("" if built[f][kind] == rows else " DIFF")
                for f in ("docx", "pdf")
            ]
            print(f"{kind:14} {len(rows):5} {cells[0]:>12} {cells[1]:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
