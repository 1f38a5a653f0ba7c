"""The passport of a programme: a two-column table of labels and values near the top.

Labels are recognised by the words in ``rules/passport_labels.csv`` (title, developer,
responsible executor, term, sources of funding, total and its split by source). A value is
the next cell of the label's row, or the next row when the label stands alone, and any
untabbed lines that continue it (a list of co-developers).

The total is read in the wordings the genre uses:

* one amount: ``Загальний обсяг фінансування ⇥ 6 905,0 тис. грн.``;
* years and amounts in one phrase: ``2024 рік – 500,0 тис. грн; 2025 рік – …``;
* year labels in one column and amounts in another, printed one under the other
  (``2022 р.`` … ``Всього:`` then ``– 200,00 тис.грн.`` …);
* rows of its split by source: ``коштів місцевого бюджету ⇥ 1 200,0``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..source_documents import SourceDocument
from ..ukrainian_text import ParsedAmount
from .amounts import read_amount
from .common import cells, roles, stated_total, wording

LABELS_FILE = "passport_labels.csv"
PASSPORT_MAX_LINES = 90
NUMBER_CELL = re.compile(r"^\d+(\.\d+)*\.?$")


@dataclass(frozen=True)
class PassportValue:
    text: str
    source_line: int


@dataclass
class Passport:
    """What a passport states. ``values`` maps a label role to its value as printed."""

    heading_line: int | None = None
    values: dict[str, PassportValue] = field(default_factory=dict)
    totals: list[dict] = field(default_factory=list)  # rows for stated_totals (scope 'year' or 'programme')
    sources: list[dict] = field(default_factory=list)  # rows for funding_sources (the split by source)
    unread: list[tuple[str, int]] = field(default_factory=list)  # a year's amount printed in pieces: (text, line)

    def text(self, role: str) -> str | None:
        value = self.values.get(role)
        return value.text if value else None


def label_role(cell: str) -> str | None:
    """The passport role a label cell names, or None.

    >>> label_role("Відповідальні виконавці Програми")
    'executor'
    >>> label_role("коштів місцевого бюджету")
    'source_budget'
    """
    text = cell.strip()
    for role in roles(LABELS_FILE):
        if wording(role, LABELS_FILE).match(text):
            return role
    return None


INLINE_AMOUNT = r"\d[\d\s\u00a0]*(?:,\d+)?\s*(?:тис\.?\s*грн\.?|млн\.?\s*грн\.?|грн\.?)?"


def amount_unit(text: str, default: str = "тис. грн") -> str:
    """The unit a label or header names: ``тис. грн``, ``млн грн`` or ``грн`` (``default`` when it names none)."""
    if wording("unit_thousand_uah").search(text):
        return "тис. грн"
    if wording("unit_million_uah").search(text):
        return "млн грн"
    if wording("unit_uah").search(text):
        return "грн"
    return default


def names_unit(text: str) -> bool:
    """Whether ``text`` names a unit of money."""
    return amount_unit(text, default="") != ""


def _table_header(text: str) -> bool:
    """Whether a row is a measures table's header (``measures_table._names_a_column``)."""
    from .measures_table import _names_a_column  # (that module reads units with this one's helpers)

    return "\t" in text and _names_a_column(cells(text))


def read_passport(doc: SourceDocument) -> Passport:
    passport = Passport()
    heading = doc.find(lambda t: bool(wording("passport_heading").match(t)))
    if heading is None:
        return passport
    passport.heading_line = heading
    stop = min(heading + PASSPORT_MAX_LINES, len(doc.lines) + 1)
    labelled: list[tuple[str, int, str]] = []  # role, line, label cell
    for number, text in doc.numbered(heading + 1, stop):
        if ("\t" not in text and wording("passport_end").match(text.strip()) and labelled) or _table_header(text):
            stop = number  # the first chapter, or a table of measures (whose total is not the passport's)
            break
        row = [c for c in cells(text) if c]
        row = row[1:] if row and NUMBER_CELL.match(row[0]) and len(row) > 1 else row
        if "\t" in text and row and (role := label_role(row[0])):
            labelled.append((role, number, row[0]))
    for index, (role, number, label) in enumerate(labelled):
        end = labelled[index + 1][1] if index + 1 < len(labelled) else stop
        block = list(doc.numbered(number, end))
        value, value_line = _value(block, label)
        if role not in passport.values and value:
            passport.values[role] = PassportValue(value, value_line)
        if role == "total":
            _read_total(passport, block, label)
            _source_named_with_the_total(passport, block)
        elif role in ("source_budget", "source_other"):
            _read_source(passport, role, label, value, value_line)
    return passport


def _value(block: list[tuple[int, str]], label: str) -> tuple[str, int]:
    """The value beside the label (or, when the label stands alone, in the next row), with the
    untabbed lines that continue it, joined by ``; ``."""
    first_line, first_text = block[0]
    after = _after_label(first_text, label)
    parts: list[str] = [" ".join(after)] if after else []
    line = first_line
    for number, text in block[1:]:
        stripped = " ".join(c for c in cells(text) if c)
        if not stripped:
            if parts:
                break
            continue
        if parts and "\t" in text:
            break
        if not parts:
            line = number
        parts.append(stripped)
    return "; ".join(p for p in parts if p), line


def _after_label(text: str, label: str) -> list[str]:
    """The non-empty cells of a passport row after its label cell."""
    row = [c for c in cells(text) if c]
    return row[row.index(label) + 1 :] if label in row else []


def _read_total(passport: Passport, block: list[tuple[int, str]], label: str) -> None:
    unit = amount_unit(label)
    pairs = [(number, m) for number, text in block for m in wording("year_amount_pair").finditer(text)]
    if pairs:
        # a pair whose unit was lost (a scan's misreading) has the unit every other pair names, not the default
        named = {amount_unit(m.group("unit")) for _, m in pairs if m.group("unit")}
        pair_unit = named.pop() if len(named) == 1 and not names_unit(label) else unit
        for number, match in pairs:
            if _cut_short(match):  # «1303 : 000 , 00 г р н»: what was read is not the whole amount; a gap, not a guess
                passport.unread.append((match.string[match.start() :].split(";")[0].strip(), number))
                continue
            amount = re.sub(r",\s+(\d{2})$", r",\1", match.group("amount").strip())  # «2 258 000, 00»
            parsed = read_amount(f"{amount} {match.group('unit') or ''}", default_unit=pair_unit)
            _add_total(passport, int(match.group("year")), parsed, match.group(0).strip(), number)
        _inline_grand_total(passport, block, unit, label)
        return
    years: list[int | None] = []
    amounts: list[tuple[str, int]] = []
    for number, text in block[1:]:
        for cell in (c for c in cells(text) if c):
            if match := wording("year_label").match(cell):
                years.append(int(match.group("year")))
            elif wording("total_row").match(cell) and not amounts:
                years.append(None)
            elif wording("amount_line").match(cell):
                amounts.append((cell, number))
    if years and len(years) == len(amounts):
        for year, (text, number) in zip(years, amounts, strict=True):
            _add_total(passport, year, read_amount(text, default_unit=unit), text, number)
        return
    first_line, first_text = block[0]
    for cell in _after_label(first_text, label):
        parsed = read_amount(cell, default_unit=unit)
        if parsed.status == "stated":
            _add_total(passport, None, parsed, cell, first_line)
            return


def _cut_short(match: re.Match) -> bool:
    """Whether more digits follow a year's amount before the next year or «;» (a scan's «1303 : 000 , 00»): the
    amount read is a piece of the printed one.

    >>> pair = wording("year_amount_pair")
    >>> _cut_short(pair.search("2024 рік - 1303 : 000 , 00 г р н")), _cut_short(pair.search("2024 рік - 1 303 000,00 грн; 2025 рік - 5"))
    (True, False)
    """
    rest = re.split(r";|(?:19|20)\d\d\s*(?:р\.?|рік|році)", match.string[match.end() :], maxsplit=1)[0]
    return bool(re.search(r"\d", rest))


def _source_named_with_the_total(passport: Passport, block: list[tuple[int, str]]) -> None:
    """``з бюджету … громади`` printed in the total's block: the source of funding, when no row names it."""
    if "funding_sources" in passport.values:
        return
    for number, text in block[1:]:
        for cell in (c for c in cells(text) if c):
            if wording("funding_source_phrase").search(cell) and not wording("amount_line").match(cell):
                passport.values["funding_sources"] = PassportValue(cell, number)
                return


def _inline_grand_total(passport: Passport, block: list[tuple[int, str]], unit: str, label: str) -> None:
    """``… Всього – 1 500,0 тис. грн`` after the years of an inline split, or the amount the value opens with,
    before ``у тому числі``: ``7 243,0 тис. грн, у тому числі: 2023 рік – …``."""
    for number, text in block:
        for match in re.finditer(rf"(?:всього|усього|разом)\s*[:–—-]?\s*(?P<amount>{INLINE_AMOUNT})", text, re.I):
            parsed = read_amount(match.group("amount"), default_unit=unit)
            if parsed.status == "stated":
                _add_total(passport, None, parsed, match.group("amount").strip(), number)
                return
    number, text = block[0]
    value = " ".join(_after_label(text, label))
    if (
        match := re.match(
            rf"\s*(?P<amount>{INLINE_AMOUNT})\s*[,;]?\s*(?:у\s+тому\s+числі|в\s+т\.\s*ч\.|з\s+них)", value, re.I
        )
    ) and (parsed := read_amount(match.group("amount"), default_unit=unit)).status == "stated":
        _add_total(passport, None, parsed, match.group("amount").strip(), number)


def _add_total(passport: Passport, year: int | None, parsed: ParsedAmount, text: str, number: int) -> None:
    if parsed.status != "stated":
        return
    if any(t["year"] == year for t in passport.totals):
        return
    passport.totals.append(stated_total(year, parsed.value, text, number, "passport"))


def _read_source(passport: Passport, role: str, label: str, value: str, line: int) -> None:
    parsed = read_amount(value.split(";")[0], default_unit=amount_unit(label))
    passport.sources.append(
        {
            "stated_in": "passport",
            "source_kind": "budget" if role == "source_budget" else "other",
            "source_text": label,
            "year": None,
            "amount_thousand_uah": parsed.value,
            "amount_text": value or None,
            "source_line": line,
        }
    )


__all__ = ["Passport", "PassportValue", "amount_unit", "label_role", "read_passport"]
