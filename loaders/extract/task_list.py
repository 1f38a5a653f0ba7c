"""A list of directions with numbered tasks, without amounts.

Example: "Програма передбачає три основних напрямки:" (``directions_intro`` in
``rules/table_words.csv``) followed by ``1. …``, ``2. …``, then tasks ``1.1. …`` to ``3.8. …``
anywhere after it. Where the document says its resources are set out in an annex that it
does not contain (``annex_reference``), that is recorded; every amount is "not stated"
(NULL), never zero.
"""

from __future__ import annotations

from ..source_documents import SourceDocument
from ..ukrainian_text import clean_title
from .common import Extracted, wording


def find(doc: SourceDocument) -> int | None:
    """The line that introduces the list of directions, or None."""
    return doc.find(lambda t: bool(wording("directions_intro").search(t)))


def read_task_list(doc: SourceDocument, out: Extracted, intro: int) -> None:
    directions: dict[str, str] = {}
    for _, text in doc.numbered(intro + 1):
        match = wording("list_item").match(text)
        if not match or wording("task_item").match(text):
            break
        directions[match.group("code")] = clean_title(match.group("title"))
    for number, text in doc.numbered(intro + 1):
        match = wording("task_item").match(text)
        if not match or "\t" in text:
            continue
        code = match.group("code")
        section = code.split(".")[0]
        if directions and section not in directions:
            out.issue("warning", "task_without_direction", f"Task {code} belongs to no listed direction.", number)
        out.add_measure(code, clean_title(match.group("title")), number, section, directions.get(section))
        for year in doc.years:
            out.add_amount(code, year, number)
    annex = doc.find(lambda t: bool(wording("annex_reference").search(t)))
    if out.measures and annex is not None:
        out.issue(
            "warning",
            "amounts_in_missing_annex",
            "The document states no amounts: it says the resources are set out in an annex to the programme, "
            "and that annex is not part of the document. Every amount is 'not stated', not zero.",
            annex,
        )
