"""Amount cells as the genre prints them, read through :func:`loaders.ukrainian_text.parse_amount`.

Before parsing, two common spellings are brought to the form ``parse_amount`` reads:

* a decimal point instead of the Ukrainian decimal comma (``50.0``): read as ``50,0``, with the
  quirk ``decimal_point`` so the reading is recorded as a data issue;
* the unit written out (``тис. гривень``, ``гривень``): read as ``тис. грн`` / ``грн``;
* a space before the decimal comma, as a word processor's PDF of a narrow cell sets it (``136000 ,00``): dropped.

Words instead of an amount are read by ``rules/table_words.csv``: «не потребує фінансування» plans no money (as a
dash); «в межах кошторисних призначень» states no amount, the money coming from allocations made elsewhere (the quirk
``within_allocations``, which the reader says).

>>> read_amount("50.0")
ParsedAmount(value=Decimal('50.0'), status='stated', quirk='decimal_point')
>>> read_amount("12,5 тис. гривень").value
Decimal('12.5')
>>> read_amount("1 840,0").quirk is None
True
>>> read_amount("136000 ,00", "грн").value
Decimal('136.00000')
>>> read_amount("Не потребує фінансування").status, read_amount("В межах кошторисних призначень")
('none', ParsedAmount(value=None, status='not_stated', quirk='within_allocations'))
"""

from __future__ import annotations

import re

from ..ukrainian_text import ParsedAmount, parse_amount
from .common import wording

DECIMAL_POINT = re.compile(
    r"^(\s*[–—-]?\s*\d{1,3}(?:[ \u00a0\u202f]\d{3})*|\s*[–—-]?\s*\d+)\.(\d{1,3})(?=\s*(?:тис|грн|\*|$))"
)
UNIT_WORDS = re.compile(r"гривень|гривні|гривня", re.IGNORECASE)
SPACE_BEFORE_COMMA = re.compile(r"(?<=\d) +(?=,\d)")


def read_amount(text: str | None, default_unit: str = "тис. грн") -> ParsedAmount:
    cell = SPACE_BEFORE_COMMA.sub("", UNIT_WORDS.sub("грн", text or ""))
    words = " ".join(cell.split())
    if wording("no_funding_cell").match(words):
        return ParsedAmount(None, "none")
    if wording("within_allocations_cell").match(words):
        return ParsedAmount(None, "not_stated", "within_allocations")
    parsed = parse_amount(cell, default_unit=default_unit)
    if parsed.status == "not_stated" and "," not in cell and (match := DECIMAL_POINT.match(cell)):
        fixed = parse_amount(f"{match.group(1)},{match.group(2)}{cell[match.end() :]}", default_unit=default_unit)
        if fixed.status == "stated":
            return ParsedAmount(fixed.value, "stated", "decimal_point")
    return parsed
