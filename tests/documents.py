"""Build a SourceDocument from text in a test; ``read_detected`` (from :mod:`bench.synthetic.reading`) runs the detected path on it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bench.synthetic.reading import read_detected
from loaders.source_documents import SourceDocument

__all__ = ["FIXTURES", "document", "fixture", "read_detected"]

FIXTURES = Path(__file__).parent / "fixtures"


def document(text: str, name: str = "snippet.txt", **meta: str) -> SourceDocument:
    """A document whose lines are ``text``'s lines (1-based, as in a file)."""
    lines = tuple(text.replace("\r\n", "\n").split("\n"))
    return SourceDocument(
        meta=dict(meta), path=Path(name), lines=lines, sha256=hashlib.sha256(text.encode()).hexdigest()
    )


def fixture(name: str, encoding: str = "utf-8") -> SourceDocument:
    return document((FIXTURES / name).read_bytes().decode(encoding), name)
