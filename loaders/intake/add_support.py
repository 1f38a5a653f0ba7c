"""What ``add`` and the upload page need from genre detection, for a file that is not in documents.csv yet."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import SourceError
from ..extract import check_layout
from ..extract.detect import Detected
from ..extract.detect import detect_programme as detect_in_document
from ..read import DocumentText
from ..source_documents import SourceDocument

__all__ = ["Detected", "detect_programme"]


def detect_programme(doc: DocumentText, path: Path) -> Detected:
    """The programme's metadata and parts, or a :class:`SourceError` saying what could not be found."""
    source = SourceDocument(
        meta={},
        path=path,
        lines=doc.lines,
        sha256=hashlib.sha256("\n".join(doc.lines).encode()).hexdigest(),
        locators=doc.locators,
        format=doc.format,
        notes=doc.notes,
        ocr_pages=doc.ocr_pages,
    )
    detected = detect_in_document(source)
    check_layout(source, detected.layout)
    if not detected.year_from or not detected.year_to:
        raise SourceError.of("no_programme" if detected.layout is None else "no_years", path)
    return detected
