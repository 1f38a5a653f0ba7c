"""What ``add`` needs from the reader (loaders/read/) and from genre detection, in one place.

STAND-IN for genre detection: ``detect_programme`` is replaced by ``loaders.extract.detect``'s.
At the switch, build a ``SourceDocument`` from the ``DocumentText``, call
``loaders.extract.detect.detect_programme(source_document)`` and fill this module's ``Detected``
from it: ``title``, ``year_from``, ``year_to``, ``council_decision`` ← ``decision.text`` (or the
reason it is missing), ``adopted_for``, ``council_name`` ← ``council_name_as_printed`` or
``community_name_as_printed``, ``layout`` ← the names of the recognisers used.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .extract import LAYOUTS
from .read import DocumentText
from .source_documents import SourceDocument, SourceError

FORMATS = {".txt": "plain text (UTF-8)", ".docx": "Word document (.docx)", ".pdf": "PDF with a text layer"}


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
