"""Read a generated document the way ``loaders.build`` reads a council's: detect, fill the metadata from it, extract."""

from __future__ import annotations

from dataclasses import replace

from loaders.errors import SourceError
from loaders.extract import Detected, Extracted, detect_programme, extract_document
from loaders.extract.detect import with_detected
from loaders.source_documents import SourceDocument


def read_detected(doc: SourceDocument, community_name_uk: str = "") -> tuple[Detected, Extracted, SourceDocument]:
    """The same path as ``loaders.build``: detect, fill the metadata from it, extract; a :class:`SourceError` for a
    document whose years were not found, as the build and ``loaders add`` refuse it."""
    detected = detect_programme(doc)
    meta, _ = with_detected(
        {"programme_id": "p", "community_id": "c", "source_file": doc.file_name, **doc.meta}, detected, doc.file_name
    )
    if not meta.get("year_from") or not meta.get("year_to"):  # as loaders.build and loaders add refuse it
        raise SourceError.of("no_programme" if detected.layout is None else "no_years", doc.path)
    doc = replace(doc, meta=meta)
    return detected, extract_document(doc, community_name_uk, detected), doc
