"""Build a SourceDocument from text in a test, and run the detected path on it."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from loaders.extract import Detected, Extracted, detect_programme, extract_document
from loaders.extract.detect import with_detected
from loaders.source_documents import SourceDocument

FIXTURES = Path(__file__).parent / "fixtures"


def document(text: str, name: str = "snippet.txt", **meta: str) -> SourceDocument:
    """A document whose lines are ``text``'s lines (1-based, as in a file)."""
    lines = tuple(text.replace("\r\n", "\n").split("\n"))
    return SourceDocument(
        meta=dict(meta), path=Path(name), lines=lines, sha256=hashlib.sha256(text.encode()).hexdigest()
    )


def fixture(name: str, encoding: str = "utf-8") -> SourceDocument:
    return document((FIXTURES / name).read_bytes().decode(encoding), name)


def read_detected(doc: SourceDocument, community_name_uk: str = "") -> tuple[Detected, Extracted, SourceDocument]:
    """The same path as ``loaders.build``: detect, fill the metadata from it, extract."""
    detected = detect_programme(doc)
    meta, _ = with_detected(
        {"programme_id": "p", "community_id": "c", "source_file": doc.file_name, **doc.meta}, detected, doc.file_name
    )
    doc = replace(doc, meta=meta)
    return detected, extract_document(doc, community_name_uk, detected), doc
