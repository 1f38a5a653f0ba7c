"""A list of measures in the text, without amounts: «передбачається виконання таких заходів:» followed by
``1. …;``, ``1) …;``, ``а) …;`` or bulleted items, one a paragraph.

The intro's wordings are ``measure_list_intro`` in ``rules/table_words.csv``. A measure keeps the code it is printed
with (``1``, ``1.2``); a lettered or bulleted item gets its position, and a data issue says so. Every amount is
"not stated" (NULL), never zero: the money is stated, if at all, for the whole programme (:mod:`.sentence_totals`,
the passport).
"""

from __future__ import annotations

import re

from ..source_documents import SourceDocument
from ..ukrainian_text import clean_title
from .common import Extracted, wording

ITEM = re.compile(r"^\s*(?:(?P<code>\d+(?:\.\d+)*)[.)]|(?P<letter>[а-яіїєґ])\)|(?P<bullet>[-–—•]))\s+(?P<title>\S.*)$")


def find(doc: SourceDocument) -> int | None:
    """The line that introduces the list, when items follow it."""
    for number, text in doc.numbered():
        if "\t" not in text and wording("measure_list_intro").search(text) and _items(doc, number):
            return number
    return None


def _items(doc: SourceDocument, intro: int) -> list[tuple[int, re.Match]]:
    items = []
    for number, text in doc.numbered(intro + 1):
        if not text.strip():
            continue
        match = ITEM.match(text)
        if not match or "\t" in text:
            break
        items.append((number, match))
    return items


def read_measure_list(doc: SourceDocument, out: Extracted, intro: int) -> None:
    assigned = False
    for position, (number, match) in enumerate(_items(doc, intro), 1):
        code = match.group("code")
        if code is None:
            code, assigned = str(position), True
        out.add_measure(code, clean_title(match.group("title")), number, None, None)
        for year in doc.years:
            out.add_amount(code, year, number)
    if assigned and out.measures:
        out.issue(
            "info",
            "measure_codes_assigned",
            "The list marks its measures with letters or bullets; they are numbered by the loader in printed order.",
            out.measures[0]["source_line"],
        )
