"""CPU time per page to read a scanned programme (OCR), against Tesseract's own floor, and what it reads right.

``python -m bench.read_scans [--repeat 1]`` from the repository root (needs Tesseract with its Ukrainian model).

The scans are made from the real programmes of data/sources/ as councils publish them (tests/fixtures/office/*.pdf, exported from
Word by LibreOffice): each page printed and scanned back by ``bench/synthetic/scans.py`` (grey, 200 dpi, up to 1° askew,
specks of dust), an image-only PDF. A read is what ``loaders add`` does: recognise the text (OCRmyPDF: deskew,
Tesseract, a text layer), find the tables from the ruling lines in the picture, read the PDF, recognise the genre's
parts and extract the rows; it starts from nothing each time (the recognition is not kept between reads).

The floor, measured in the same run on the same pages, is Tesseract alone: ``tesseract page.png - -l ukr`` on each
page's picture, plain text out, on one thread as OCRmyPDF runs it. The ratio says how much the reader adds to the recognition it cannot do without.
CPU time is of this process and of the processes it waited for, so that the machine's load does not count. The
target (issue 22): at most 10 s of CPU per page. The last two columns compare the stated totals and the measures'
amounts read from the scan with those read from the programme's .txt in data/sources/: how many are read alike, and
how many are read with another value (wrong); the rest are gaps, each with a data issue.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402
from tqdm import tqdm  # noqa: E402

from bench.read_programmes import cpu_seconds  # noqa: E402
from bench.synthetic.office_copies import OUT  # noqa: E402
from bench.synthetic.reading import read_detected  # noqa: E402
from bench.synthetic.scans import DPI, scan  # noqa: E402
from loaders.build import DATA_DIR  # noqa: E402
from loaders.read import ocr, read_programme_file  # noqa: E402
from loaders.source_documents import document_of  # noqa: E402

TARGET_CPU_S_PER_PAGE = 10.0
# as OCRmyPDF runs Tesseract: OpenMP's idle threads would count as work
ONE_THREAD = {
    **os.environ,
    "OMP_THREAD_LIMIT": "1",
}


def facts(path: Path) -> tuple[dict, dict]:
    """The stated totals ((scope, year) -> value) and the stated amounts ((measure, year) -> value) read from ``path``."""
    text = read_programme_file(path)
    doc = document_of(path, text)
    _, out, _ = read_detected(doc, "")
    totals = {
        (t["scope"], t["year"]): t["stated_total_thousand_uah"] for t in out.stated_totals if t["scope"] != "section"
    }
    amounts = {
        (a["measure_code"], a["year"]): a["amount_thousand_uah"] for a in out.amounts if a["amount_status"] == "stated"
    }
    return totals, amounts


def compared(expected: dict, got: dict) -> str:
    """``right/all, wrong`` of ``got`` against ``expected``: a key read with another value is wrong; one not read is a gap."""
    right = sum(got.get(key) == value for key, value in expected.items())
    wrong = sum(key in expected and expected[key] != value for key, value in got.items()) + sum(
        key not in expected for key in got
    )
    return f"{right}/{len(expected)}, {wrong} wrong"


def read_once(path: Path) -> float:
    ocr._recognised.clear()
    started = cpu_seconds()
    facts(path)
    return cpu_seconds() - started


def tesseract_floor(path: Path, folder: Path) -> float:
    """CPU seconds of ``tesseract`` alone on every page of the scan ``path``, plain text out."""
    document = pypdfium2.PdfDocument(str(path))
    pictures = []
    for index in range(len(document)):
        picture = folder / f"{path.stem}_{index + 1}.png"
        document[index].render(scale=DPI / 72, grayscale=True).to_pil().save(picture)
        pictures.append(picture)
    document.close()
    started = cpu_seconds()
    for picture in pictures:
        subprocess.run(["tesseract", str(picture), "-", "-l", "ukr"], capture_output=True, check=True, env=ONE_THREAD)
    return cpu_seconds() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.read_scans", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="timed reads per scan (default 1)")
    args = parser.parse_args(argv)
    texts = {
        row["programme_id"]: DATA_DIR / "sources" / row["source_file"]
        for row in csv.DictReader((DATA_DIR / "sources" / "documents.csv").open(encoding="utf-8"))
    }
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_scans_") as folder:
        for pdf in tqdm(sorted(OUT.glob("*.pdf")), desc="Scanning and reading", unit="programme", file=sys.stderr):
            scanned = scan(pdf, Path(folder) / pdf.name)
            pages = len(pypdfium2.PdfDocument(str(scanned)))
            whole = statistics.median(read_once(scanned) for _ in range(args.repeat))
            bare = tesseract_floor(scanned, Path(folder))
            (expected_totals, expected_amounts), (totals, amounts) = facts(texts[pdf.stem]), facts(scanned)
            rows.append(
                (pdf.stem, pages, whole, bare, compared(expected_totals, totals), compared(expected_amounts, amounts))
            )
    print(
        f"Scans made from the real programmes' PDFs (bench/synthetic/scans.py: {DPI} dpi, askew, specks); CPU seconds, median of {args.repeat}.\n"
    )
    print(
        "| programme | pages | CPU s per page, whole read | Tesseract alone per page | ratio to floor | under 10 s a page | totals as in the .txt | amounts as in the .txt |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, pages, whole, bare, found, other in rows:
        print(
            f"| {name} | {pages} | {whole / pages:.2f} | {bare / pages:.2f} | {whole / bare:.1f}× | {'yes' if whole / pages <= TARGET_CPU_S_PER_PAGE else 'no'} | {found} | {other} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
