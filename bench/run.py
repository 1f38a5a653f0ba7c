"""Benchmarks: medians and ratios measured in one run (``python -m bench.run`` from the repository root).

Each case is timed ``--repeat`` times with ``time.perf_counter`` after ``--warmup`` untimed calls,
and reported with its median, min and max and the ratio of its median to the median of a named
baseline case timed in the same run. Only these ratios, and numbers from the same run, may be
compared: the machine is shared and noisy, so a time from another run says nothing.

Everything is written into a temporary directory (the database, the exported packages);
data/programmes.duckdb is never read or written. The table goes to standard output, a progress
bar over the cases to standard error, and a CSV copy to bench/results/.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so that ``python bench/run.py`` finds loaders/ and programme_analysis/ too

import duckdb  # noqa: E402
from tqdm import tqdm  # noqa: E402

from loaders.build import DB_ENV_VAR, build, is_stale  # noqa: E402
from loaders.publish.export import export_package  # noqa: E402
from programme_analysis import figures, queries  # noqa: E402
from programme_analysis.money_views import MoneyView  # noqa: E402

DEFAULT_REPEAT = 25  # about a minute on 2 cores, most of it the builds
RESULTS_DIR = ROOT / "bench" / "results"


@dataclass
class Case:
    """One thing to time. ``prepare`` runs untimed before each call (e.g. to pick a fresh target)."""

    name: str
    what: str
    run: Callable[[], object]
    baseline: str  # the case whose median this one is divided by (itself for a baseline)
    prepare: Callable[[], None] = lambda: None
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def _time(case: Case, repeat: int, warmup: int) -> None:
    for i in range(warmup + repeat):
        case.prepare()
        gc.collect()  # garbage left over from the previous call is not this call's cost
        start = time.perf_counter()
        case.run()
        elapsed = time.perf_counter() - start
        if i >= warmup:
            case.times.append(elapsed)


def _checked(ok: bool, message: str) -> None:
    if not ok:
        raise RuntimeError(message)


def make_cases(work: Path) -> list[Case]:
    """The cases, on a database built once (untimed) into ``work``."""
    database = work / "fixture.duckdb"
    report = build(database, progress=False)
    _checked(report.ok, "the fixture database could not be built: " + "; ".join(report.failures))
    community_ids = queries.communities(database)["community_id"].tolist()
    years = queries.available_years(database)
    spending = queries.spending(database, community_ids, years)
    programme_years = queries.programme_years(database, community_ids)
    reference = queries.reference(database)
    per_resident_real = MoneyView("per_resident_real", reference=reference)

    counter = {"build": 0, "export": 0}
    targets: dict[str, Path] = {}

    def next_build_target() -> None:
        if "build" in targets:
            targets["build"].unlink(missing_ok=True)
        counter["build"] += 1
        targets["build"] = work / f"build_{counter['build']}.duckdb"

    def next_export_target() -> None:
        if "export" in targets:
            shutil.rmtree(targets["export"], ignore_errors=True)
        counter["export"] += 1
        targets["export"] = work / f"export_{counter['export']}"

    def run_build() -> None:
        result = build(targets["build"], progress=False)
        _checked(result.ok, "build failed: " + "; ".join(result.failures))

    def run_is_stale() -> None:
        _checked(not is_stale(database), "the fixture database counts as stale")

    def run_export() -> None:
        export_package(database, targets["export"])

    def run_query() -> None:
        _checked(
            len(queries.spending(database, community_ids, years)) == len(spending),
            "the query returned another number of rows",
        )

    def run_figure() -> None:
        figures.totals_by_year(programme_years)

    def run_money_view() -> None:
        per_resident_real.apply(spending)

    return [
        Case(
            "is_stale",
            "staleness check the dashboard runs on every script run (database up to date)",
            run_is_stale,
            "is_stale",
        ),
        Case(
            "build",
            "full build into a new temporary file: extract, transform, load, validate",
            run_build,
            "is_stale",
            next_build_target,
        ),
        Case(
            "export_package",
            "data package (CSV + datapackage.json) into a new temporary directory",
            run_export,
            "build",
            next_export_target,
        ),
        Case(
            "spending query (cold)",
            "queries.spending, all communities and years, new read-only connection",
            run_query,
            "spending query (cold)",
        ),
        Case(
            "totals_by_year figure",
            "figures.totals_by_year from the programme_years frame already read",
            run_figure,
            "spending query (cold)",
        ),
        Case(
            "MoneyView per_resident_real",
            "MoneyView('per_resident_real').apply on the spending frame already read",
            run_money_view,
            "spending query (cold)",
        ),
    ]


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10, check=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}" if seconds >= 0.01 else f"{seconds * 1000:,.3f}"


def _ratio(value: float) -> str:
    return f"{value:,.0f}×" if value >= 100 else f"{value:,.2f}×" if value < 10 else f"{value:,.1f}×"


def table(cases: list[Case], repeat: int) -> str:
    """A Markdown table: one row per case, ratio = median / median of the baseline."""
    medians = {c.name: c.median for c in cases}
    lines = [
        "| Case | N | Median (ms) | Min (ms) | Max (ms) | Baseline | Ratio to baseline (median) |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for c in cases:
        ratio = "baseline" if c.baseline == c.name else _ratio(c.median / medians[c.baseline])
        baseline = "—" if c.baseline == c.name else c.baseline
        lines.append(
            f"| {c.name} | {repeat} | {_ms(c.median)} | {_ms(min(c.times))} | {_ms(max(c.times))} | {baseline} | {ratio} |"
        )
    return "\n".join(lines)


def write_csv(cases: list[Case], run_info: dict[str, str], directory: Path) -> Path:
    medians = {c.name: c.median for c in cases}
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.fromisoformat(run_info["started_at"]).astimezone(dt.UTC)
    path = directory / f"bench_{stamp:%Y%m%dT%H%M%SZ}.csv"
    columns = [*run_info, "case", "what", "n", "median_s", "min_s", "max_s", "baseline", "ratio_to_baseline", "times_s"]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        for c in cases:
            writer.writerow(
                {
                    **run_info,
                    "case": c.name,
                    "what": c.what,
                    "n": len(c.times),
                    "median_s": f"{c.median:.6f}",
                    "min_s": f"{min(c.times):.6f}",
                    "max_s": f"{max(c.times):.6f}",
                    "baseline": c.baseline,
                    "ratio_to_baseline": f"{c.median / medians[c.baseline]:.4f}",
                    "times_s": " ".join(f"{t:.6f}" for t in c.times),
                }
            )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeat", type=int, default=DEFAULT_REPEAT, help=f"timed calls per case (default {DEFAULT_REPEAT})"
    )
    parser.add_argument("--warmup", type=int, default=1, help="untimed calls per case before timing (default 1)")
    parser.add_argument(
        "--results-dir", type=Path, default=RESULTS_DIR, help="where the CSV goes (default bench/results/)"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.warmup < 0:
        parser.error("--repeat must be at least 1 and --warmup at least 0")

    started = dt.datetime.now().astimezone()
    run_info = {
        "started_at": started.isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpu_count": str(os.cpu_count()),
        "platform": platform.platform(),
        "duckdb": duckdb.__version__,
        "git_commit": _git_commit(),
        "repeat": str(args.repeat),
        "warmup": str(args.warmup),
    }
    with tempfile.TemporaryDirectory(prefix="programmes-bench-") as tmp:
        work = Path(tmp)
        # anything that falls back to the default path stays in the temporary directory
        os.environ[DB_ENV_VAR] = str(work / "default.duckdb")
        cases = make_cases(work)
        gc.collect()
        gc.freeze()  # the long-lived objects (modules, the GeoNames tables) are not scanned by the collections between calls
        try:
            for case in tqdm(cases, desc="Benchmarks", unit="case", disable=args.no_progress, file=sys.stderr):
                _time(case, args.repeat, args.warmup)
        finally:
            gc.unfreeze()
    finished = dt.datetime.now().astimezone()

    print(
        f"Run of {started:%Y-%m-%d %H:%M} — Python {run_info['python']}, {run_info['cpu_count']} CPUs, DuckDB {run_info['duckdb']}, "
        f"commit {run_info['git_commit'] or 'unknown'}, {args.repeat} timed calls per case after {args.warmup} warm-up, "
        f"{(finished - started).total_seconds():.0f} s in all"
    )
    print()
    print(table(cases, args.repeat))
    print()
    print("Ratios compare medians of this run only; never compare these times with another run's.")
    print(f"CSV: {write_csv(cases, run_info, args.results_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
