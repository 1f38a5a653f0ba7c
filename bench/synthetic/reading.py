"""Read a generated document the way ``loaders.build`` reads a council's: detect, fill the metadata from it, extract."""

from __future__ import annotations

from dataclasses import replace

from loaders.extract import Detected, Extracted, detect_programme, extract_document
from loaders.extract.detect import with_detected
from loaders.source_documents import SourceDocument


def read_detected(doc: SourceDocument, community_name_uk: str = "") -> tuple[Detected, Extracted, SourceDocument]:
    """The same path as ``loaders.build``: detect, fill the metadata from it, extract."""
    detected = detect_programme(doc)
    meta, _ = with_detected(
        {"programme_id": "p", "community_id": "c", "source_file": doc.file_name, **doc.meta}, detected, doc.file_name
    )
    doc = replace(doc, meta=meta)
    return detected, extract_document(doc, community_name_uk, detected), doc
