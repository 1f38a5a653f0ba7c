"""``python -m bench.synthetic.corpus``: write the committed sample of generated documents, or sweep fresh ones.

- ``python -m bench.synthetic.corpus --sample 60`` writes 60 documents and their models (``<name>.json``) into
  tests/fixtures/corpus/, for the default tests (which then need no LibreOffice); ``--append --fixed sources=rows``
  adds documents with a dimension's value chosen (one added after the sample was written);
- ``python -m bench.synthetic.corpus --sweep 500`` renders 500 fresh documents in a temporary folder, reads each, and prints the
  share read fully right and with no wrong number, per value of every dimension (``--results`` writes that table
  into bench/RESULTS.md).

Rendering PDFs needs LibreOffice (Debian's ``libreoffice-writer-nogui``).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from tqdm import tqdm

from bench.synthetic.scans import scan

from .check import OUTCOMES, check
from .model import DIMENSIONS, random_programmes
from .render import render

SAMPLE_DIR = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "corpus"
RESULTS = Path(__file__).resolve().parents[3] / "bench" / "RESULTS.md"
RESULTS_HEADING = "## The generated corpus: documents read right, per dimension value"


def write_sample(
    count: int, seed: int, out: Path = SAMPLE_DIR, append: bool = False, fixed: dict[str, str] | None = None
) -> list[Path]:
    """Write ``count`` documents and their models into ``out`` (emptied first unless ``append``, which numbers the new
    ones after those there); ``fixed`` dimensions are not drawn."""
    if out.exists() and not append:
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    first = len([m for m in out.glob("[0-9][0-9][0-9]_*.json")])
    written = []
    for index, p in enumerate(tqdm(random_programmes(count, seed, fixed), desc="Rendering", unit="document"), first):
        stem = f"{index:03d}_{p.layout['format']}"
        written.append(render(p, out, stem))
        (out / f"{stem}.json").write_text(p.to_json() + "\n", encoding="utf-8")
    return written


def sweep(count: int, seed: int, show: int = 0, scans: bool = False) -> tuple[dict, Counter, float, dict]:
    """Render and read ``count`` fresh documents: per dimension value, a Counter of outcomes; per format, the CPU
    seconds of each read (and a PDF's pages). With ``scans``, each is a PDF printed and scanned back (bench/synthetic/scans.py),
    read by OCR, under the format ``scan``."""
    per_value: dict[tuple[str, str], Counter] = defaultdict(Counter)
    timings: dict[str, list[tuple[float, int | None]]] = defaultdict(list)
    overall: Counter = Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="corpus_sweep_") as folder:
        for index, p in enumerate(
            tqdm(random_programmes(count, seed, {"format": "pdf"} if scans else None), desc="Sweeping", unit="document")
        ):
            try:
                path = render(p, Path(folder), f"{index:04d}")
                if scans:
                    path = scan(path, path.with_name(f"{path.stem}_scan.pdf"), seed=seed + index)
                    p.layout["format"] = "scan"
            # LibreOffice crashes on a few files it is given (not the reader's doing)
            except subprocess.CalledProcessError:
                overall["not rendered"] += 1
                tqdm.write(
                    f"{index:04d}.{p.layout['format']}: LibreOffice could not save the document in this format; not counted"
                )
                continue
            result = check(p, path)
            overall[result.outcome] += 1
            timings[p.layout["format"]].append((result.cpu_seconds, result.pages))
            for name in DIMENSIONS:
                per_value[(name, p.layout[name])][result.outcome] += 1
            if result.outcome in ("wrong", "silent") or (result.outcome != "right" and show > 0):
                show -= 1
                keep = Path(folder).parent / "corpus_failures"
                keep.mkdir(exist_ok=True)
                shutil.copyfile(path, keep / path.name)
                (keep / f"{path.stem}.json").write_text(p.to_json(), encoding="utf-8")
                tqdm.write(f"{path.name}: {result.summary()}")
    return per_value, overall, time.monotonic() - started, timings


def table(per_value: dict, overall: Counter, count: int, seed: int, seconds: float, timings: dict) -> str:
    def share(c: Counter, outcomes) -> str:
        total = sum(c.values())
        return f"{100 * sum(c[o] for o in outcomes) / total:.1f}%" if total else "–"

    counted = Counter({o: overall[o] for o in OUTCOMES})
    lines = [
        RESULTS_HEADING,
        "",
        f"`python -m bench.synthetic.corpus --sweep {count} --seed {seed}`: {count} documents generated, rendered and read in {seconds / 60:.1f} min. "
        "*Read right*: every number, measure and partner equals the model's. *No wrong number*: nothing read differs from the "
        "model, and every gap comes with a data issue (a missing measure or partner named by one). Outcomes: "
        + ", ".join(f"{o} {overall[o]}" for o in OUTCOMES)
        + (
            f"; {overall['not rendered']} not counted: LibreOffice crashed saving them as PDF."
            if overall["not rendered"]
            else "."
        ),
        "",
        f"**All documents: {share(counted, ['right'])} read right, {share(counted, ['right', 'gaps', 'refused'])} with no wrong number and no silent gap.**",
        "",
        "| dimension | value | documents | read right | no wrong number, no silent gap | wrong | silent gap | refused |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, values in DIMENSIONS.items():
        for value in values:
            c = per_value.get((name, value), Counter())
            lines.append(
                f"| {name} | {value} | {sum(c.values())} | {share(c, ['right'])} | {share(c, ['right', 'gaps', 'refused'])} | "
                f"{c['wrong']} | {c['silent']} | {c['refused']} |"
            )
    lines += [
        "",
        "CPU seconds to read one document (read the file, detect, extract; this process only), per format:",
        "",
    ]
    lines += ["| format | documents | median | 90th percentile | max | pages (PDF) |", "|---|---|---|---|---|---|"]
    for fmt, values in timings.items():
        cpu = sorted(v for v, _ in values)
        pages = sorted(p for _, p in values if p)
        span = f"{pages[0]}–{pages[-1]}" if pages else "–"
        lines.append(
            f"| {fmt} | {len(cpu)} | {statistics.median(cpu):.3f} | {cpu[int(0.9 * (len(cpu) - 1))]:.3f} | {cpu[-1]:.3f} | {span} |"
        )
    return "\n".join(lines) + "\n"


def write_results(text: str) -> None:
    current = RESULTS.read_text(encoding="utf-8")
    start = current.find(RESULTS_HEADING)
    if start >= 0:
        end = current.find("\n## ", start + len(RESULTS_HEADING))
        current = current[:start] + text + (current[end + 1 :] if end >= 0 else "")
    else:
        first = current.find("\n## ")
        current = current[: first + 1] + text + "\n" + current[first + 1 :]
    RESULTS.write_text(current, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--sample", type=int, metavar="N", help="write N documents and their models into tests/fixtures/corpus/"
    )
    what.add_argument(
        "--sweep", type=int, metavar="N", help="render and read N fresh documents; print the share read right"
    )
    parser.add_argument("--seed", type=int, default=None, help="the random generator's seed (default: the time)")
    parser.add_argument(
        "--append", action="store_true", help="with --sample: add the documents to the sample, after those there"
    )
    parser.add_argument(
        "--fixed",
        action="append",
        default=[],
        metavar="DIMENSION=VALUE",
        help="a dimension's value, not drawn (repeatable), e.g. --fixed sources=rows",
    )
    parser.add_argument("--results", action="store_true", help="write the sweep's table into bench/RESULTS.md")
    parser.add_argument(
        "--scans",
        action="store_true",
        help="with --sweep: print each PDF and scan it back, and read the scan by OCR (slow: ~20 s a document)",
    )
    parser.add_argument(
        "--show",
        type=int,
        default=10,
        metavar="K",
        help="print what went wrong in the first K documents not read right",
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    fixed = dict(item.split("=", 1) for item in args.fixed)
    if unknown := [f"{k}={v}" for k, v in fixed.items() if v not in DIMENSIONS.get(k, ())]:
        parser.error(f"not a dimension's value: {', '.join(unknown)}")
    if args.sample:
        written = write_sample(args.sample, seed, append=args.append, fixed=fixed or None)
        print(f"{len(written)} documents written to {SAMPLE_DIR}")
        return 0
    per_value, overall, seconds, timings = sweep(args.sweep, seed, args.show, args.scans)
    text = table(per_value, overall, args.sweep, seed, seconds, timings)
    print(text)
    if args.results:
        write_results(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
