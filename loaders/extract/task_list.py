"""Layout ``task_list``: numbered directions with numbered tasks, amounts in an annex.

Example (Zdolbuniv): "Програма передбачає три основних напрямки:" followed by
``1. …``, ``2. …``, ``3. …``, then tasks ``1.1. …`` to ``3.8. …``. The document says
that its resources are set out in an annex to the programme, which it does not
contain, so every amount is "not stated" (NULL), never zero.
"""

from __future__ import annotations

import re

from ..source_documents import SourceDocument, SourceError
from ..ukrainian_text import clean_title
from .common import Extracted, wording

DIRECTION = re.compile(r"^\s*(?P<code>\d+)\.\s+(?P<title>.+)$")
TASK = re.compile(r"^\s*(?P<code>\d+\.\d+)\.?\s*(?P<title>\S.*)$")


def extract(doc: SourceDocument) -> Extracted:
    out = Extracted()
    intro = doc.find(lambda t: bool(wording("directions_intro").search(t)))
    if intro is None:
        raise SourceError(doc.path, "no list of directions found ('Програма передбачає … основних напрямки:')")
    directions: dict[str, str] = {}
    for _, text in doc.numbered(intro + 1):
        match = DIRECTION.match(text)
        if not match or TASK.match(text):
            break
        directions[match.group("code")] = clean_title(match.group("title"))
    if not directions:
        raise SourceError(doc.path, "the list of directions is empty", line=intro)

    for number, text in doc.numbered(intro + 1):
        match = TASK.match(text)
        if not match:
            continue
        code = match.group("code")
        section = code.split(".")[0]
        if section not in directions:
            out.issue("warning", "task_without_direction", f"Task {code} belongs to no listed direction.", number)
        out.measures.append(
            {
                "measure_code": code,
                "sort_order": len(out.measures) + 1,
                "section_code": section,
                "section_title": directions.get(section),
                "measure_title": clean_title(match.group("title")),
                "source_line": number,
            }
        )
        for year in doc.years:
            out.amounts.append(
                {"measure_code": code, "year": year, "amount_thousand_uah": None, "amount_status": "not_stated", "amount_text": None, "source_line": number}
            )
    if not out.measures:
        raise SourceError(doc.path, "no numbered tasks (such as '1.1.') found", line=intro)
    annex = doc.find(lambda t: bool(wording("annex_reference").search(t)))
    out.issue(
        "warning",
        "amounts_in_missing_annex",
        "The document states no amounts: it says the resources are set out in an annex to the programme, "
        "and that annex is not part of the document. Every amount is 'not stated', not zero.",
        annex,
    )
    return out
