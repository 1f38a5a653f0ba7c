"""A list of measures in the text: «передбачається виконання таких заходів:» followed by ``1. …;``, ``1) …;``,
``а) …;`` or bulleted items, one a paragraph. The list ends at a line that is no item, at an item marked otherwise than
the first («3. Фінансове забезпечення» after «1) …»), or after an item that ends with a full stop.

The intro's wordings are ``measure_list_intro`` in ``rules/table_words.csv``. A measure keeps the code it is printed
with (``1``, ``1.2``); a lettered or bulleted item gets its position, and a data issue says so. An amount printed at an
item's end («… – 50,0 тис. грн;») is the measure's, for the programme's one year, or for each year printed beside it
(«2025 р. – 50,0; 2026 р. – 60,0»); an amount whose year is not known is a said gap. Every other amount is "not
stated" (NULL), never zero: the money is stated, if at all, for the whole programme (:mod:`.sentence_totals`, the
passport).
"""

from __future__ import annotations

import re

from ..source_documents import SourceDocument
from ..ukrainian_text import clean_title
from .amounts import read_amount
from .common import Extracted, wording

ITEM = re.compile(r"^\s*(?:(?P<code>\d+(?:\.\d+)*)[.)]|(?P<letter>[а-яіїєґ])\)|(?P<bullet>[-–—•]))\s+(?P<title>\S.*)$")


def find(doc: SourceDocument) -> int | None:
    """The line that introduces the list, when items follow it."""
    for number, text in doc.numbered():
        if "\t" not in text and wording("measure_list_intro").search(text) and _items(doc, number):
            return number
    return None


# an amount at an item's end, after a dash: «… – 50,0 тис. грн;», perhaps for each year («… – 60,0 тис. грн щорічно;»),
# or words that say the measure needs no money («… – без фінансування.»)
TRAILING_AMOUNT = re.compile(
    r"\s*[–—-]\s*(?P<amounts>(?:(?:19|20)\d\d\s*(?:р\.|рік|році)?\s*[–—:-]\s*)?\d[\d \u00a0]*(?:,\d+)?\s*"
    r"(?:тис\.?\s*грн\.?|млн\.?\s*грн\.?|грн\.?)?(?:[;,]\s*(?:19|20)\d\d.*)?)"
    r"(?P<each_year>\s+(?:щорічно|щороку|кожного\s+року|на\s+рік))?[;.]?\s*$"
)
# the words after an item's last dash, which may say that the measure needs no money (``no_funding_cell``)
TRAILING_WORDS = re.compile(r"\s[–—-]\s*(?P<amounts>[^–—-]+?)[;.]?\s*$")


def _marker(match: re.Match) -> tuple[str, str]:
    """How an item is marked: «1.» and «1)» differ, as a letter and a bullet do."""
    if match.group("code"):
        return "code", match.group(0).lstrip()[len(match.group("code"))]
    return ("letter", ")") if match.group("letter") else ("bullet", "")


def _items(doc: SourceDocument, intro: int) -> list[tuple[int, re.Match]]:
    items: list[tuple[int, re.Match]] = []
    for number, text in doc.numbered(intro + 1):
        if not text.strip():
            continue
        match = ITEM.match(text)
        if not match or "\t" in text:
            break
        if items and (_marker(match) != _marker(items[0][1]) or _ended(items)):
            break  # another list, or a heading («3. Фінансове забезпечення»), after the list's last item
        items.append((number, match))
    return items


def _ended(items: list[tuple[int, re.Match]]) -> bool:
    """Whether the items so far end the list: items parted by «;» whose last ends with a full stop."""
    first, last = (match.group("title").rstrip() for match in (items[0][1], items[-1][1]))
    return len(items) > 1 and first.endswith(";") and last.endswith(".")


def read_measure_list(doc: SourceDocument, out: Extracted, intro: int) -> None:
    assigned = False
    for position, (number, match) in enumerate(_items(doc, intro), 1):
        code = match.group("code")
        if code is None:
            code, assigned = str(position), True
        title = match.group("title")
        trailing = TRAILING_AMOUNT.search(title) or _no_money(title)
        out.add_measure(code, clean_title(title[: trailing.start()] if trailing else title), number, None, None)
        amounts = _trailing_amounts(out, code, trailing, doc.years, number) if trailing else {}
        for year in doc.years:
            value, status, text = amounts.get(year, (None, "not_stated", None))
            out.add_amount(code, year, number, value, status, text)
    if assigned and out.measures:
        out.issue(
            "info",
            "measure_codes_assigned",
            "The list marks its measures with letters or bullets; they are numbered by the loader in printed order.",
            out.measures[0]["source_line"],
        )


def _trailing_amounts(out: Extracted, code: str, trailing: re.Match, years: list[int], number: int) -> dict:
    """``year -> (value, status, text)`` of the amounts at an item's end: each beside its year, one amount for a
    programme of one year or for each year («щорічно»), or no money at all; an amount whose year is not known is said,
    and not read."""
    printed = trailing.group("amounts")
    pairs = {int(m.group("year")): m for m in wording("year_amount_pair").finditer(printed)}
    if pairs:
        return {year: _amount(m.group("amount"), m.group("unit")) for year, m in pairs.items() if year in years}
    each_year = trailing.groupdict().get("each_year")
    amount = _amount(printed, None)
    if len(years) == 1 or each_year or amount[1] == "none":
        if each_year and len(years) > 1:
            out.issue(
                "info",
                "list_amount_each_year",
                f"Measure {code}: the list prints «{printed.strip()}{each_year}» beside it; read as the amount of each of "
                f"the programme's {len(years)} years.",
                number,
            )
        return dict.fromkeys(years, amount)
    out.issue(
        "warning",
        "list_amount_year_unknown",
        f"Measure {code}: the list prints «{printed.strip()}» beside it, not saying for which of the programme's "
        f"{len(years)} years; it is not read.",
        number,
    )
    return {}


def _no_money(title: str) -> re.Match | None:
    """The words at an item's end that say the measure needs no money («… – без фінансування.»), else None."""
    trailing = TRAILING_WORDS.search(title)
    return (
        trailing if trailing and wording("no_funding_cell").match(" ".join(trailing.group("amounts").split())) else None
    )


def _amount(text: str, unit: str | None) -> tuple:
    parsed = read_amount(f"{text} {unit}" if unit else text)
    return parsed.value, parsed.status, text.strip()
