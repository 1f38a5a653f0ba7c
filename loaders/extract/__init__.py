"""Extract: read one document into raw rows, no cleaning. One module per document layout."""

from __future__ import annotations

from ..source_documents import SourceDocument, SourceError
from . import estimate_table, measure_table, passport_totals, task_list
from .common import DataIssue, Extracted
from .partners import extract_partners

LAYOUTS = {
    "measure_table": measure_table.extract,
    "estimate_table": estimate_table.extract,
    "task_list": task_list.extract,
    "passport_totals": passport_totals.extract,
}

__all__ = ["LAYOUTS", "DataIssue", "Extracted", "extract_document"]


def extract_document(doc: SourceDocument, community_name_uk: str) -> Extracted:
    """Read measures, amounts, stated totals, partners and breakdowns from one document."""
    layout = doc.meta["layout"]
    if layout not in LAYOUTS:
        raise SourceError(doc.path, f"unknown layout {layout!r} in documents.csv (known: {', '.join(sorted(LAYOUTS))})")
    extracted = LAYOUTS[layout](doc)
    extract_partners(doc, extracted, community_name_uk)
    if not extracted.measures:
        raise SourceError(doc.path, f"no measures found with the {layout!r} layout: is this the right document?")
    return extracted
