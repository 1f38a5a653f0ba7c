"""Text recognition for a scanned PDF: the pages without a text layer get one from OCRmyPDF (Tesseract, Ukrainian),
and the PDF reader then reads it as it reads any PDF. A scan's ruling lines are pixels, not drawn lines, so they are
found in the page's picture (:func:`ruling_lines`) and given to the table finder.

OCRmyPDF runs in a process group of its own (``python -m loaders.read.ocr_worker``), with a memory limit and a time
limit for the whole document, killed whole when it ends; nothing of it is left behind. A document is recognised once
in a process: adding a file reads it, then builds it, from the same recognition.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pypdfium2
from tqdm import tqdm

from ..source_documents import SourceError
from .process_group import kill_group, memory_limit, read_progress

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
            bar.append(tqdm(total=total, desc="Recognising the scan (OCR)", unit="page", disable=not enabled, file=sys.stderr))
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
                raise SourceError.of("scan_too_large", path, page=number, megapixels=f"{width * height / 1e6:.0f}", limit=f"{MAX_MEGAPIXELS:g}")
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
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    with tempfile.TemporaryDirectory(prefix="ocr_") as folder:
        source, target = Path(folder) / "scan.pdf", Path(folder) / "read.pdf"
        source.write_bytes(raw)
        process = subprocess.Popen([sys.executable, "-m", "loaders.read.ocr_worker", str(source), str(target)], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                                   preexec_fn=memory_limit(MEMORY_MB, die_with_parent=True), cwd=folder, env=env)  # fmt: skip
        overran = threading.Event()
        timer = threading.Timer(timeout_s, lambda: (overran.set(), kill_group(process)))
        timer.start()
        try:
            for line in process.stderr:  # ends when the worker ends, or is killed
                for callback in list(_progress):
                    read_progress(line, callback)
            answer = process.stdout.read()
            process.wait()
        finally:
            timer.cancel()
            kill_group(process)
            process.stdout.close()
            process.stderr.close()
        if process.returncode < 0:
            raise SourceError.of("timeout", path, limit_s=f"{timeout_s:g}") if overran.is_set() else SourceError.of("memory", path, limit_mb=MEMORY_MB)
        if process.returncode != 0 or not target.is_file():
            failure = _failure(answer)
            raise SourceError.of(failure.get("kind", "ocr_failed"), path, detail=failure.get("detail", f"exit status {process.returncode}"))
        return target.read_bytes()


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


def ruling_lines(raw: bytes, page_index: int) -> list[dict]:
    """The ruling lines drawn in the picture of page ``page_index`` (0-based) of the PDF ``raw``, as pdfplumber line
    objects in points, for ``find_tables``'s ``explicit_*_lines``."""
    document = pypdfium2.PdfDocument(raw)
    try:
        picture = np.asarray(document[page_index].render(scale=SCALE, grayscale=True).to_pil().convert("L"))
    finally:
        document.close()
    ink = picture < DARK
    rows = _lines(ink, horizontal=True, min_pt=MIN_RULE_PT)
    columns = [line for line in _lines(ink.T, horizontal=False, min_pt=MIN_COLUMN_RULE_PT) if _meets(line, rows)]
    return rows + columns


def _meets(column: dict, rows: list[dict]) -> bool:
    return any(row["x0"] - MEET_PT <= column["x0"] <= row["x1"] + MEET_PT and column["top"] - MEET_PT <= row["top"] <= column["bottom"] + MEET_PT
               for row in rows)  # fmt: skip


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
            out.append({"object_type": "line", "x0": begin, "x1": finish, "top": at, "bottom": at, "width": finish - begin, "height": 0.0})
        else:
            out.append({"object_type": "line", "x0": at, "x1": at, "top": begin, "bottom": finish, "width": 0.0, "height": finish - begin})
    return out
