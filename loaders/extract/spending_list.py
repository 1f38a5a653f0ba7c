"""A numbered list of spending directions, without amounts.

Example: "За Програмою кошти бюджету громади спрямовуються в першу чергу на:"
(``spending_list_intro`` in ``rules/table_words.csv``) followed by ``1. …``, ``2. …``.
Each item is a measure whose amount is "not stated"; its section is the nearest heading above.
"""

from __future__ import annotations

from ..source_documents import SourceDocument
from ..ukrainian_text import clean_title
from .common import Extracted, wording

HEADING_MAX_LENGTH = 80


def find(doc: SourceDocument) -> int | None:
    return doc.find(lambda t: bool(wording("spending_list_intro").search(t)))


def read_spending_list(doc: SourceDocument, out: Extracted, intro: int) -> None:
    section = heading_above(doc, intro)
    for number, text in doc.numbered(intro + 1):
        match = wording("list_item").match(text)
        if not match:
            break
        code = match.group("code")
        out.add_measure(code, clean_title(match.group("title")), number, None, section)
        for year in doc.years:
            out.add_amount(code, year, number)


def heading_above(doc: SourceDocument, line: int) -> str | None:
    """The nearest short line above ``line`` that reads as a heading (no final full stop)."""
    for number in range(line - 1, 0, -1):
        text = doc.line(number).strip()
        if text and len(text) <= HEADING_MAX_LENGTH and not text.endswith((".", ":", ";")) and not text[0].isdigit():
            return text
    return None
