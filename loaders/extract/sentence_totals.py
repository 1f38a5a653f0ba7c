"""Totals stated in a sentence of the text: «Обсяг фінансування Програми на 2026 рік становить 75,0 тис. гривень»,
«Загальний обсяг фінансування Програми становить 225,0 тис. гривень».

The wordings are ``sentence_year_total`` and ``sentence_programme_total`` in ``rules/table_words.csv``; each match
gives a total with its line, as the passport's totals do. After the programme's total, its years' parts in the same
line («…: 2,45 млн гривень, у т.ч.: 2026 рік – 0,75 млн грн; 2027 рік – 0,80 млн грн», ``sentence_year_part``) are
the years' totals. A sentence whose amount cannot be read gives nothing.
"""

from __future__ import annotations

from ..source_documents import SourceDocument
from .amounts import read_amount
from .common import stated_total, wording


def sentence_totals(doc: SourceDocument) -> list[dict]:
    found: list[dict] = []
    for number, text in doc.numbered():
        if "\t" in text:
            continue
        for role in ("sentence_year_total", "sentence_programme_total"):
            for match in wording(role).finditer(text):
                year = int(match.group("year")) if role == "sentence_year_total" else None
                amount = match.group("amount").strip()
                parsed = read_amount(amount)
                if parsed.status != "stated" or any(t["year"] == year for t in found):
                    continue
                found.append(stated_total(year, parsed.value, amount, number, "text"))
                if role == "sentence_programme_total":
                    _year_parts(text[match.end() :], number, found)
    return found


def _year_parts(rest: str, number: int, found: list[dict]) -> None:
    """The years' parts printed after a programme's total in its line, each a year's total."""
    for part in wording("sentence_year_part").finditer(rest):
        year, amount = int(part.group("year")), part.group("amount").strip()
        parsed = read_amount(amount)
        if parsed.status == "stated" and not any(t["year"] == year for t in found):
            found.append(stated_total(year, parsed.value, amount, number, "text"))
