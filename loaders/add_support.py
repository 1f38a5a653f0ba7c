"""STAND-IN for the reader (loaders/read/) and genre detection (loaders/extract/detect.py).

Everything ``add`` needs from those two modules goes through this file, so that at merge only this
file changes: replace ``read_programme_file`` with ``loaders.read.read_programme_file`` and
``detect_programme`` with ``loaders.extract.detect.detect_programme`` (same names, same fields).

What changes at the switch (the other branches' names, as seen at the time of writing):

* ``read_programme_file(path)`` → ``loaders.read.read_programme_file(path)``: the same
  ``DocumentText(lines, locators, format, notes)``; ``add`` uses ``lines``, ``locators``, ``format``.
* ``detect_programme(doc, path)`` → build a ``SourceDocument`` from the ``DocumentText`` and call
  ``loaders.extract.detect.detect_programme(source_document)``; fill this module's ``Detected`` from
  it: ``title``, ``year_from``, ``year_to``, ``council_decision`` ← ``decision.text`` (or the reason it
  is missing), ``adopted_for``, ``council_name`` ← ``council_name_as_printed`` or
  ``community_name_as_printed``, ``layout`` ← whatever names the recognisers used.
* ``FORMATS``: the reader's ``DocumentText.format`` can replace it.
* ``loaders.build`` still reads ``data/sources/`` as text (``read_document``); with the reader
  merged it must read a ``.docx``/``.pdf`` source through ``read_programme_file`` too.

Until then: only UTF-8 ``.txt`` is read, the layout is the one extractor of ``LAYOUTS`` that finds
the most measures and amounts, and the title, years and decision are read with simple patterns.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .extract import LAYOUTS
from .source_documents import SourceDocument, SourceError, read_text

FORMATS = {".txt": "plain text (UTF-8)", ".docx": "Word document (.docx)", ".pdf": "PDF with a text layer"}


@dataclass(frozen=True)
class DocumentText:
    """What the reader returns: the document's lines, a locator per line, its format and notes."""

    lines: tuple[str, ...]
    locators: tuple[str, ...]
    format: str
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Detected:
    """What genre detection returns for one document."""

    title: str
    year_from: int
    year_to: int
    council_decision: str
    adopted_for: str  # 'city' | 'community'
    council_name: str  # e.g. «Ізяславської міської ради», as printed
    layout: str


def read_programme_file(path: Path) -> DocumentText:
    """STAND-IN for ``loaders.read.read_programme_file``: UTF-8 text only."""
    suffix = path.suffix.lower()
    if suffix != ".txt":
        raise SourceError(path, f"{suffix or 'a file without an extension'} cannot be read yet: save the document as UTF-8 text (.txt)")
    text = read_text(path)
    lines = tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return DocumentText(lines=lines, locators=tuple(f"line {n}" for n in range(1, len(lines) + 1)), format=FORMATS[suffix])


_YEARS = r"на\s+(\d{4})(?:\s*[-–—]\s*(\d{4}))?\s+р(?:ік|оки|оків|\.)"
_TITLE = re.compile(r"\bПрограм\w*\s+((?:(?!\bПрограм)[^\n]){0,300}?(?:\n(?:(?!\bПрограм)[^\n]){0,300}?)?" + _YEARS + r")", re.IGNORECASE)
_DECISION = re.compile(r"(Рішення\s[^\n]{0,80}\n?[^\n]{0,10}?від\s[^\n]{0,40}?№\s*[^\s,]+)", re.IGNORECASE)
_COUNCIL = re.compile(r"[А-ЯІЇЄҐа-яіїєґ'’-]+\s+(?:міськ|сільськ|селищн)\w*\s+(?:рад\w*|територіальн\w*\s+громад\w*)", re.IGNORECASE)


def detect_programme(doc: DocumentText, path: Path) -> Detected:
    """STAND-IN for ``loaders.extract.detect.detect_programme``."""
    text = "\n".join(doc.lines)
    title = _TITLE.search(text)
    if not title:
        raise SourceError(path, "no programme title with its years found («Програма … на 2021–2025 роки»)")
    year_from = int(title.group(2))
    year_to = int(title.group(3) or year_from)
    title_text = "Програма " + " ".join(title.group(1).split())
    head = "\n".join(doc.lines[:60])
    decision = _DECISION.search(head)
    council = _COUNCIL.search(text)
    layout = _best_layout(doc, path, year_from, year_to)
    return Detected(
        title=title_text,
        year_from=year_from,
        year_to=year_to,
        council_decision=f"«{' '.join(decision.group(1).split())}»" if decision else "not printed in the document",
        adopted_for="community" if re.search(r"громад", title_text, re.IGNORECASE) else "city",
        council_name=" ".join(council.group(0).split()) if council else "",
        layout=layout,
    )


def _best_layout(doc: DocumentText, path: Path, year_from: int, year_to: int) -> str:
    """The extractor that reads the most measures and stated amounts."""
    sha = hashlib.sha256("\n".join(doc.lines).encode()).hexdigest()
    scores = {}
    errors = []
    for layout, extract in LAYOUTS.items():
        meta = {"layout": layout, "year_from": str(year_from), "year_to": str(year_to), "programme_id": "", "community_id": ""}
        try:
            found = extract(SourceDocument(meta=meta, path=path, lines=doc.lines, sha256=sha))
        except SourceError as exc:
            errors.append(str(exc).split(": ", 1)[-1])
            continue
        stated = sum(1 for a in found.amounts if a["amount_status"] == "stated")
        if found.measures:
            scores[layout] = (len(found.measures) + stated, len(found.stated_totals))
    if not scores:
        raise SourceError(path, "no table of measures, estimate, task list or passport totals was recognised (" + "; ".join(errors) + ")")
    return max(scores, key=scores.get)
