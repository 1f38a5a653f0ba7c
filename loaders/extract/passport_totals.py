"""Layout ``passport_totals``: yearly totals in the passport, spending directions without amounts.

Example (Mena): the passport block "Обсяги та джерела фінансування" prints the labels
``2022 р.``, ``2023 р.``, ``2024 р.``, ``Всього:`` on separate lines and then the amounts
``– 200,00 тис.грн.`` … in the same order. A numbered list introduced by "кошти бюджету
… спрямовуються … на:" names the spending directions, with no amount each.
"""

from __future__ import annotations

import re

from ..source_documents import SourceDocument, SourceError
from ..ukrainian_text import clean_title, parse_amount
from .common import Extracted, cells, wording

YEAR_LABEL = re.compile(r"^(?P<year>\d{4})\s*р\.?$")
AMOUNT_LINE = re.compile(r"^\s*[–—-]\s*\d")
ITEM = re.compile(r"^\s*(?P<code>\d+)\.\s+(?P<title>.+)$")
HEADING_MAX_LENGTH = 80


def extract(doc: SourceDocument) -> Extracted:
    out = Extracted()
    _read_passport_totals(doc, out)
    _read_spending_directions(doc, out)
    return out


def _read_passport_totals(doc: SourceDocument, out: Extracted) -> None:
    start = doc.find(lambda t: any(wording("passport_funding_heading").search(c) for c in cells(t)))
    if start is None:
        raise SourceError(doc.path, "no passport block 'Обсяги та джерела фінансування' found")
    labels: list[tuple[int | None, int]] = []
    amounts: list[tuple[str, int]] = []
    for number, text in doc.numbered(start + 1, min(start + 20, len(doc.lines) + 1)):
        stripped = text.strip()
        if match := YEAR_LABEL.match(stripped):
            labels.append((int(match.group("year")), number))
        elif wording("total_row").search(stripped):
            labels.append((None, number))
        elif AMOUNT_LINE.match(stripped):
            amounts.append((stripped, number))
        elif amounts and (not stripped or "\t" in text):
            break
    if len(labels) != len(amounts) or not labels:
        raise SourceError(doc.path, f"the passport lists {len(labels)} labels but {len(amounts)} amounts", line=start)
    for (year, _), (text, number) in zip(labels, amounts, strict=True):
        parsed = parse_amount(text)
        if parsed.status != "stated":
            out.issue("warning", "unreadable_total", f"Passport total printed as {text!r}.", number)
            continue
        out.stated_totals.append(
            {
                "scope": "year" if year else "programme",
                "year": year,
                "section_code": None,
                "stated_total_thousand_uah": parsed.value,
                "total_text": text,
                "source_line": number,
            }
        )
    out.issue(
        "warning",
        "totals_without_breakdown",
        "The document states only yearly totals; its spending directions have no amounts of their own, so spending per category or measure is 'not stated'.",
        start,
    )


def _read_spending_directions(doc: SourceDocument, out: Extracted) -> None:
    intro = doc.find(lambda t: bool(wording("spending_list_intro").search(t)))
    if intro is None:
        raise SourceError(doc.path, "no list of spending directions found ('кошти бюджету … спрямовуються … на:')")
    section = _heading_above(doc, intro)
    for number, text in doc.numbered(intro + 1):
        match = ITEM.match(text)
        if not match:
            break
        code = match.group("code")
        out.measures.append(
            {
                "measure_code": code,
                "sort_order": len(out.measures) + 1,
                "section_code": None,
                "section_title": section,
                "measure_title": clean_title(match.group("title")),
                "source_line": number,
            }
        )
        for year in doc.years:
            out.amounts.append(
                {"measure_code": code, "year": year, "amount_thousand_uah": None, "amount_status": "not_stated", "amount_text": None, "source_line": number}
            )


def _heading_above(doc: SourceDocument, line: int) -> str | None:
    """The nearest short line above ``line`` that reads as a heading (no final full stop)."""
    for number in range(line - 1, 0, -1):
        text = doc.line(number).strip()
        if text and len(text) <= HEADING_MAX_LENGTH and not text.endswith((".", ":", ";")) and not text[0].isdigit():
            return text
    return None
