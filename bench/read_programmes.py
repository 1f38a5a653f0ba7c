"""CPU time to read one programme of about ten pages, from every format a council publishes, against a floor.

``python -m bench.read_programmes [--documents N] [--repeat N]`` from the repository root (needs LibreOffice).

The programmes are **synthetic**: models of the generated corpus (``bench/synthetic/corpus``), each with its measures repeated
until the word processor's PDF runs to about ten pages, written as .docx by python-docx and saved by LibreOffice as
.pdf, .odt, .rtf and .doc (the way councils make their files), and as a UTF-8 .txt. Each file is read ``--repeat``
times after one untimed read; a read is what ``loaders add`` does with the file: read it (LibreOffice converts .odt,
.rtf and .doc first), recognise the genre's parts and extract the rows. The time is CPU time, of this process and of
the processes it waited for (LibreOffice), so that a shared machine's load does not count.

The floor, measured in the same run on the same file, is what a library alone needs to hand over the text: pdfplumber's
``extract_text`` of every page for a .pdf, python-docx opening the .docx and walking its paragraphs and table cells, a
plain decode for a .txt, and LibreOffice's conversion to .docx plus that walk for .odt, .rtf and .doc. The ratio says
how much the reader adds to it. The target (issue 21): under 2 s of CPU per programme of about ten pages.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
import pdfplumber  # noqa: E402
from tqdm import tqdm  # noqa: E402

from bench.synthetic.corpus.model import Direction, build  # noqa: E402
from bench.synthetic.corpus.render import write_docx, write_txt  # noqa: E402
from bench.synthetic.office_copies import save_as  # noqa: E402
from bench.synthetic.reading import read_detected  # noqa: E402
from loaders.read import read_programme_file  # noqa: E402
from loaders.read.office_convert import convert_to_docx  # noqa: E402
from loaders.source_documents import document_of  # noqa: E402

FORMATS = ("pdf", "docx", "odt", "rtf", "doc", "txt")
TARGET_CPU_S = 2.0
PAGES_WANTED = 10
FLOOR_MIN_S = 0.001  # a floor below this is too small for a ratio to mean anything


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def read_whole(path: Path) -> int:
    """What ``loaders add`` does with the file: read, detect, extract. Returns the number of measures read."""
    text = read_programme_file(path)
    doc = document_of(path, text)
    _, out, _ = read_detected(doc, "")
    return len(out.measures)


def _walk_docx(source) -> int:
    document = docx.Document(source)
    cells = sum(len(cell.text) for table in document.tables for row in table.rows for cell in row.cells)
    return cells + sum(len(p.text) for p in document.paragraphs)


def floor(path: Path) -> int:
    """The text as a library alone hands it over (see the module's docstring)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        with pdfplumber.open(path) as pdf:
            return sum(len(page.extract_text() or "") for page in pdf.pages)
    if suffix == ".docx":
        return _walk_docx(path)
    if suffix == ".txt":
        return len(path.read_bytes().decode("utf-8"))
    import io

    return _walk_docx(io.BytesIO(convert_to_docx(path.read_bytes(), path, suffix)))


def pdf_pages(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def make_programmes(count: int, seed: int, folder: Path) -> list[tuple[dict[str, Path], int]]:
    """``count`` synthetic programmes of about ten pages, each in every format, with the number of measures they have."""
    rng = random.Random(seed)
    made = []
    for index in tqdm(range(count), desc="Writing synthetic programmes", unit="programme", file=sys.stderr):
        model = build(
            lambda items: items[rng.randrange(len(items))], fixed={"format": "docx", "page_break": "repeated_header"}
        )
        for times in range(2, 40):
            bigger = replace(model, directions=[Direction(d.title, d.measures * times) for d in model.directions])
            stem = folder / f"synthetic_{index:02d}"
            source = write_docx(bigger, stem.with_suffix(".docx"))
            pdf = save_as(source, "pdf", folder)
            if pdf_pages(pdf) >= PAGES_WANTED:
                break
        # the model, for bench/synthetic/corpus/check.py
        stem.with_suffix(".json").write_text(bigger.to_json(), encoding="utf-8")
        files = {"docx": source, "pdf": pdf, "txt": write_txt(bigger, stem.with_suffix(".txt"), "utf-8")}
        files |= {fmt: save_as(source, fmt, folder) for fmt in ("odt", "rtf", "doc")}
        made.append((files, sum(len(d.measures) for d in bigger.directions)))
    return made


def median_cpu(call: Callable[[Path], object], path: Path, repeat: int) -> float:
    call(path)  # untimed: imports, caches
    times = []
    for _ in range(repeat):
        started = cpu_seconds()
        call(path)
        times.append(cpu_seconds() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.read_programmes", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--documents", type=int, default=4, help="synthetic programmes, each written in every format (default 4)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed reads per file (default 3)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        metavar="DIR",
        help="write the documents into DIR and keep them (default: a temporary folder)",
    )
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_read_") as folder:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        programmes = make_programmes(args.documents, args.seed, args.keep or Path(folder))
        cases = [(i, fmt, files[fmt]) for i, (files, _) in enumerate(programmes) for fmt in FORMATS]
        for index, fmt, path in tqdm(cases, desc="Reading", unit="file", file=sys.stderr):
            whole = median_cpu(read_whole, path, args.repeat)
            bare = median_cpu(floor, path, args.repeat)
            files, measures = programmes[index]
            rows.append((index, fmt, pdf_pages(files["pdf"]), f"{read_whole(path)}/{measures}", whole, bare))
    print(
        "SYNTHETIC programmes (bench/synthetic/corpus models, measures repeated to about ten pages); CPU seconds per read, "
        f"median of {args.repeat}; floor: the library alone (module docstring).\n"
    )
    print(
        "| format | programmes | pages (as PDF) | measures read / in the model | median CPU s, whole read | worst | floor | ratio to floor | under 2 s |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for fmt in FORMATS:
        own = [r for r in rows if r[1] == fmt]
        whole = statistics.median(r[4] for r in own)
        bare = statistics.median(r[5] for r in own)
        pages = f"{min(r[2] for r in own)}–{max(r[2] for r in own)}"
        measures = ", ".join(r[3] for r in own)
        worst = max(r[4] for r in own)
        ratio = f"{whole / bare:.1f}×" if bare >= FLOOR_MIN_S else "— (floor under 1 ms)"
        print(
            f"| {fmt} | {len(own)} | {pages} | {measures} | {whole:.3f} | {worst:.3f} | {bare:.3f} | {ratio} | "
            f"{sum(r[4] < TARGET_CPU_S for r in own)}/{len(own)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
