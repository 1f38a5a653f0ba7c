"""Text recognition for a scanned PDF: the pages without a text layer get one from OCRmyPDF (Tesseract, Ukrainian),
and the PDF reader then reads it as it reads any PDF. A scan's ruling lines are pixels, not drawn lines, so they are
found in the page's picture (:func:`ruling_lines`) and given to the table finder.

OCRmyPDF runs in a process group of its own (``python -m loaders.read.ocr_worker``), with a memory limit and a time
limit for the whole document, killed whole when it ends; nothing of it is left behind. A document is recognised once
in a process: adding a file reads it, then builds it, from the same recognition.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image
from tqdm import tqdm

from ..errors import SourceError
from .document_text import OCR_UNSURE
from .process_group import memory_limit, run_python_module

if TYPE_CHECKING:  # imported by the PDF reader, which a dashboard that reads no file never loads
    import pypdfium2

SECONDS_PER_PAGE = 30.0  # the time limit of a document's recognition, per page to recognise (it takes ~2 s here)
START_S = 30.0  # and for starting OCRmyPDF and writing its PDF
MEMORY_MB = 3072
PROJECT_ROOT = Path(__file__).resolve().parents[2]
_recognised: dict[str, bytes] = {}  # sha256 of a scan -> the PDF with its text layer, for this process
_KEEP = 4
_progress: list[Callable[[int, int], None]] = []


@contextlib.contextmanager
def page_progress(callback: Callable[[int, int], None]) -> Iterator[None]:
    """Call ``callback(done, total)`` as pages are recognised while this context is open."""
    _progress.append(callback)
    try:
        yield
    finally:
        _progress.remove(callback)


MAX_MEGAPIXELS = 60.0  # an A4 page scanned at 600 dpi is 35 megapixels


@contextlib.contextmanager
def page_bar(enabled: bool = True) -> Iterator[None]:
    """A progress bar on stderr, a step a page, while a scan is recognised in this context (the CLI's)."""
    bar: list[tqdm] = []

    def update(done: int, total: int) -> None:
        if not bar:
            bar.append(
                tqdm(total=total, desc="Recognising the scan (OCR)", unit="page", disable=not enabled, file=sys.stderr)
            )
        bar[0].update(done - bar[0].n)

    with page_progress(update):
        yield
    for made in bar:
        made.close()


def pages_to_recognise(pages, path: Path) -> list[int]:
    """The numbers of the pdfplumber ``pages`` that have a picture but no text: a scanner's pages. A picture larger than
    any scanner makes is refused before it is decoded."""
    scanned = [number for number, page in enumerate(pages, start=1) if not page.chars and page.images]
    for number in scanned:
        for image in pages[number - 1].images:
            width, height = image.get("srcsize") or (0, 0)
            if width * height > MAX_MEGAPIXELS * 1e6:
                raise SourceError.of(
                    "scan_too_large",
                    path,
                    page=number,
                    megapixels=f"{width * height / 1e6:.0f}",
                    limit=f"{MAX_MEGAPIXELS:g}",
                )
    return scanned


def recognise(raw: bytes, path: Path, pages: int) -> bytes:
    """``raw`` (the PDF at ``path``) with a text layer on each page that had none, or a :class:`SourceError`."""
    key = hashlib.sha256(raw).hexdigest()
    if key not in _recognised:
        _recognised[key] = _run(raw, path, pages)
        while len(_recognised) > _KEEP:
            _recognised.pop(next(iter(_recognised)))
    return _recognised[key]


def _run(raw: bytes, path: Path, pages: int) -> bytes:
    timeout_s = START_S + SECONDS_PER_PAGE * pages
    with tempfile.TemporaryDirectory(prefix="ocr_") as folder:
        source, target = Path(folder) / "scan.pdf", Path(folder) / "read.pdf"
        source.write_bytes(raw)
        finished = run_python_module(
            ["loaders.read.ocr_worker", str(source), str(target)],
            timeout_s,
            cwd=Path(folder),
            on_progress=_report,
            preexec_fn=memory_limit(MEMORY_MB, die_with_parent=True),
        )
        if finished.overran:
            raise SourceError.of("timeout", path, limit_s=f"{timeout_s:g}")
        if finished.returncode < 0:
            raise SourceError.of("memory", path, limit_mb=MEMORY_MB)
        if finished.returncode != 0 or not target.is_file():
            failure = _failure(finished.stdout)
            raise SourceError.of(
                failure.get("kind", "ocr_failed"),
                path,
                detail=failure.get("detail", f"exit status {finished.returncode}"),
            )
        return target.read_bytes()


def _report(done: int, total: int) -> None:
    for callback in list(_progress):
        callback(done, total)


def _failure(answer: bytes) -> dict:
    try:
        failure = json.loads(answer)
    except ValueError:
        return {}
    return failure if isinstance(failure, dict) else {}


SCALE = 2.0  # pixels per point at which a page's picture is searched for ruling lines (144 dpi)
DARK = 140  # grey level under which a pixel is ink
MIN_RULE_PT = 30.0  # a horizontal ruling line is at least this long; a dash or a letter's stroke is shorter
MIN_COLUMN_RULE_PT = 10.0  # a vertical one, of a table of one short row, may be shorter than a letter is tall: it must meet a horizontal one
MEET_PT = 2.0  # how far from a horizontal ruling line a vertical one may end and still meet it
MAX_THICKNESS_PX = 8  # a thicker dark bar is a picture or a black border, not a ruling line
JOIN_PX = 2  # runs in rows this close, overlapping, are one line a few pixels thick


def ruling_lines(page: pypdfium2.PdfPage) -> list[dict]:
    """The ruling lines drawn in the picture of ``page`` (of the recognised PDF), as pdfplumber line objects in points,
    for ``find_tables``'s ``explicit_*_lines``."""
    picture = np.asarray(page.render(scale=SCALE, grayscale=True).to_pil().convert("L"))
    ink = picture < DARK
    rows = _lines(ink, horizontal=True, min_pt=MIN_RULE_PT)
    columns = [line for line in _lines(ink.T, horizontal=False, min_pt=MIN_COLUMN_RULE_PT) if _meets(line, rows)]
    return rows + columns


def _meets(column: dict, rows: list[dict]) -> bool:
    return any(
        row["x0"] - MEET_PT <= column["x0"] <= row["x1"] + MEET_PT
        and column["top"] - MEET_PT <= row["top"] <= column["bottom"] + MEET_PT
        for row in rows
    )


def _lines(ink: np.ndarray, horizontal: bool, min_pt: float) -> list[dict]:
    """Runs of ink along the rows of ``ink`` at least ``min_pt`` long, joined across neighbouring rows.

    >>> ink = np.zeros((20, 200), dtype=bool); ink[5:7, 10:150] = True; ink[12, 10:40] = True
    >>> [(line["x0"], line["x1"], line["top"]) for line in _lines(ink, horizontal=True, min_pt=30)]
    [(5.0, 75.0, 3.0)]
    """
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    steps = np.diff(padded, axis=1)
    starts, ends = np.argwhere(steps == 1), np.argwhere(steps == -1)  # row-major: the n-th start and end are one run
    long = (ends[:, 1] - starts[:, 1]) >= min_pt * SCALE
    joined: list[list[int]] = []  # [first row, last row, start, end]
    for row, start, end in zip(starts[long, 0].tolist(), starts[long, 1].tolist(), ends[long, 1].tolist(), strict=True):
        for line in reversed(joined):
            if row - line[1] > JOIN_PX:
                continue
            if start < line[3] and end > line[2]:
                line[1], line[2], line[3] = row, min(line[2], start), max(line[3], end)
                break
        else:
            joined.append([row, row, start, end])
    out = []
    for first, last, start, end in joined:
        if last - first + 1 > MAX_THICKNESS_PX:
            continue
        at, begin, finish = (first + last + 1) / 2 / SCALE, start / SCALE, end / SCALE
        if horizontal:
            out.append(
                {
                    "object_type": "line",
                    "x0": begin,
                    "x1": finish,
                    "top": at,
                    "bottom": at,
                    "width": finish - begin,
                    "height": 0.0,
                }
            )
        else:
            out.append(
                {
                    "object_type": "line",
                    "x0": at,
                    "x1": at,
                    "top": begin,
                    "bottom": finish,
                    "width": 0.0,
                    "height": finish - begin,
                }
            )
    return out


# A Roman numeral that numbers a heading, as Tesseract's Ukrainian model reads it in Cyrillic letters that look alike
ROMAN_READ_AS = {
    "І": "I",
    "ІІ": "II",
    "П": "II",
    "ІІІ": "III",
    "Ш": "III",
    "ПІ": "III",
    "ІП": "III",
    "ІУ": "IV",
    "ІV": "IV",
    "У": "V",
    "УІ": "VI",
    "Х": "X",
}
_ROMAN_HEADING = re.compile(r"^(?P<numeral>[ІПШУVХ]{1,3})\.\s+(?=[А-ЯІЇЄҐ])")


def roman_heading(text: str) -> str:
    """A recognised line that starts with a heading's Roman numeral read as Cyrillic letters, with the numeral restored.

    >>> roman_heading("П. Промоція міста"), roman_heading("Ш. Інше"), roman_heading("Паспорт програми"), roman_heading("У. вжиток")
    ('II. Промоція міста', 'III. Інше', 'Паспорт програми', 'У. вжиток')
    """
    match = _ROMAN_HEADING.match(text)
    if not match or match.group("numeral") not in ROMAN_READ_AS:
        return text
    return ROMAN_READ_AS[match.group("numeral")] + text[match.end("numeral") :]


# A second reading of each amount: the amount's box cut out of the page at 300 dpi and read again by Tesseract, with
# only digits and separators allowed. Where the two readings differ (a speck read as «1» before «35,0»), the amount is
# not sure, and it is left a gap, never taken as either.
AMOUNT_WORD = re.compile(r"^[-–(]?(\d[\d.]*,\d*|\d+)\)?[.,]?$")  # «35,0», «1100,», «840,00», «100», «0», «(100,0»
NOT_AMOUNT = re.compile(r"^(19|20)\d\d$")  # a year
SECOND_DPI = 300
SECOND_PAD_PT = 2.0  # around a word
SECOND_INSET_PT = 1.5  # inside a ruled cell, off its ruling lines
SECOND_GAP_PX = 40  # white between the boxes stacked on one sheet for one call of Tesseract
SECOND_LANGUAGE = "eng"  # digits read alike in every model; Debian's tesseract-ocr ships English
ONE_THREAD = {"OMP_THREAD_LIMIT": "1"}


def is_amount_word(text: str) -> bool:
    """Whether OCR's word (or a cell's text) ``text`` may be an amount, to be read a second time.

    >>> [is_amount_word(w) for w in ("35,0", "1100,", "0", "(100,0", "1 840,0", "113810", "1.1.", "1.1", "2021", "роки", "-")]
    [True, True, True, True, True, True, False, False, False, False, False]
    """
    bare = "".join(text.split())
    return bool(AMOUNT_WORD.match(bare)) and not NOT_AMOUNT.match(bare)


def agree(first: str, second: str) -> bool:
    """Whether a second reading leaves the first standing: the same number as printed (spaces and a trailing stop
    aside). A single digit (a row's number, a «0») stands unless the second reading finds more digits in its place.

    >>> agree("1 840,0", "1840,0"), agree("100,0.", "100,0"), agree("135,0", "35,0"), agree("0", "100,0"), agree("1", "")
    (True, True, False, False, True)
    """
    first, second = "".join(first.split()).rstrip(".,"), "".join(second.split()).rstrip(".,")
    if len(first) == 1:
        return sum(c.isdigit() for c in second) <= 1
    return first == second


def unsure(text: str) -> str:
    """An amount whose two readings differ, as the reader passes it on: no number a parser could take, and the reason
    (the second reading is not written in: a date or an amount parser might take it).

    >>> unsure("135,0")
    '135,0 (OCR unsure)'
    """
    return f"{text} {OCR_UNSURE}"


def page_picture(page: pypdfium2.PdfPage) -> Image.Image:
    """``page`` at SECOND_DPI, in grey: what :func:`second_readings` cuts its boxes from."""
    return page.render(scale=SECOND_DPI / 72, grayscale=True).to_pil().convert("L")


def second_readings(picture: Image.Image, boxes: list[tuple[float, float, float, float]]) -> list[str]:
    """What Tesseract reads, a second time and alone, in each of ``boxes`` (``x0, top, x1, bottom`` in points) of a
    page's ``picture`` (:func:`page_picture`): the text, without spaces ('' where it reads nothing)."""
    if not boxes:
        return []
    scale = SECOND_DPI / 72
    crops = [
        picture.crop((int(x0 * scale), int(top * scale), int(x1 * scale) + 1, int(bottom * scale) + 1))
        for x0, top, x1, bottom in boxes
    ]
    sheet = Image.new(
        "L",
        (max(c.width for c in crops) + 2 * SECOND_GAP_PX, sum(c.height + SECOND_GAP_PX for c in crops) + SECOND_GAP_PX),
        255,
    )
    spans, top = [], SECOND_GAP_PX
    for crop in crops:
        sheet.paste(crop, (SECOND_GAP_PX, top))
        spans.append((top - SECOND_GAP_PX / 2, top + crop.height + SECOND_GAP_PX / 2))
        top += crop.height + SECOND_GAP_PX
    with tempfile.TemporaryDirectory(prefix="ocr_second_") as folder:
        image = Path(folder) / "amounts.png"
        sheet.save(image)
        done = subprocess.run(
            [
                "tesseract",
                str(image),
                "stdout",
                "-l",
                SECOND_LANGUAGE,
                "--psm",
                "6",
                "-c",
                "tessedit_char_whitelist=0123456789,.-",
                "tsv",
            ],
            capture_output=True,
            text=True,
            timeout=SECONDS_PER_PAGE,
            env={**os.environ, **ONE_THREAD},
            check=False,
        )
    read: list[list[str]] = [[] for _ in boxes]
    for row in csv.DictReader(io.StringIO(done.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") == "5" and text:
            middle = int(row["top"]) + int(row["height"]) / 2
            for index, (start, end) in enumerate(spans):
                if start <= middle <= end:
                    read[index].append(text)
    return ["".join(parts) for parts in read]
