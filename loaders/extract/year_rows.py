"""Years printed down a measures table, not across it, brought into one column per year.

Two layouts of the genre print a measure's amounts under one another:

* **years as rows**: a column ``Рік`` beside one amount column; the measure's first row holds its text and one year,
  the rows under it (their other cells empty, as a merged cell leaves them) hold the other years, and a row
  ``Всього`` may give the measure's sum;
* **years in one cell**: the amount column holds every year as lines of one cell, ``2026 р. – 40,0`` (a Word reader
  joins the lines with a space, a text export with ``;``), with ``Всього – 85,0`` first or last.

:func:`fold_years` rewrites such rows as rows with the years as extra columns at the end, each row keeping the line
of the measure's first row, so that the measures table is read by one path whatever the layout, and says on which
line each year's amount is printed when that is another line (the row of its year), so that every amount keeps its
own line. The sums (``Всього``) are set aside: they repeat the years' amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..read.wrapped_text import join_wrapped
from .common import cells, wording

YEAR_ITEM = re.compile(
    r"(?P<label>(?:19|20)\d\d|Всього|Усього|Разом)\s*(?:р\.|рік|році|року)?\s*[–—:-]\s*"
    r"(?P<amount>\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?|\d+(?:,\d+)?|[–—-]|не\s+визначено|не\s+передбачено|"
    r"не\s+потребує(?:\s+фінансування)?|без\s+фінансування|в\s+межах\s+[^;\n]*?(?=\s+(?:19|20)\d\d\s*р|\s*[;\n]|\s*$))?"
    r"\s*(?P<unit>(?:тис\.?|млн\.?)?\s*грн\.?)?\s*(?=[;,\n]|\s+(?:(?:19|20)\d\d|Всього|Усього|Разом)\b|$)",
    re.IGNORECASE,
)


@dataclass
class _Record:
    """A measure's row, its years' amounts gathered from the rows under it, and the line each amount is printed on."""

    line: int
    row: list[str]
    amounts: dict[int, str]
    lines: dict[int, int] = field(default_factory=dict)

    def take(self, amounts: dict[int, str], line: int) -> None:
        self.amounts.update(amounts)
        self.lines.update(dict.fromkeys(amounts, line))


def year_of(cell: str) -> int | None:
    match = wording("year_cell").match(cell.strip())
    return int(match.group("year")) if match else None


def _is_sum(cell: str) -> bool:
    return bool(wording("total_row").match(cell.strip()))


Folded = tuple[list[tuple[int, str]], list[int], dict[tuple[int, int], int]]


def fold_years(
    rows: list[tuple[int, str]], header: list[str], year_column: int | None, amount_column: int | None
) -> Folded | None:
    """The rows with one column per year appended after the header's cells, the years, and the lines of the amounts
    printed on another line than their row's (``{(row's line, year): line}``); None when the table prints its years
    neither as rows nor in one cell. A repeated header row stays as it is.

    >>> rows = [(5, "1\\tЗустрічі\\t2026\\t10,0"), (6, "\\t\\t2027\\t12,0")]
    >>> fold_years(rows, ["№", "Захід", "Рік", "Обсяг"], 2, 3)
    ([(5, '1\\tЗустрічі\\t\\t\\t10,0\\t12,0')], [2026, 2027], {(5, 2027): 6})
    """
    if amount_column is None:
        return None
    if year_column is not None:
        return _years_as_rows(rows, header, year_column, amount_column)
    return _years_in_one_cell(rows, header, amount_column)


def _as_is(text: str, header: list[str]) -> bool:
    """A row that is not folded: text outside the table, or the header printed again."""
    return "\t" not in text or cells(text)[: len(header)] == header


def _years_as_rows(rows, header: list[str], year_column: int, amount_column: int):
    width = len(header)
    records: list[_Record] = []
    passthrough: list[tuple[int, str] | int] = []  # a row as it is, or the index of a record
    for number, text in rows:
        if _as_is(text, header):
            passthrough.append((number, text))
            continue
        row = cells(text) + [""] * width
        label, amount = row[year_column], row[amount_column]
        lead = [c for i, c in enumerate(row[:width]) if i not in (year_column, amount_column)]
        year = year_of(label)
        several = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", label)]
        if records and not any(lead) and year is None and len(several) > 1:
            records[-1].take(_years_together(several, label, amount), number)
            continue
        if records and not any(lead) and (year is not None or _is_sum(label)):
            if year is not None:
                records[-1].take({year: amount}, number)
            continue
        if year is not None and _goes_on(records, row, {year: amount}):
            # the next year of the measure above, beside the rest of its cells that a page break parted from it
            # («Проведення» / «Днів громади …»): a new measure starts over at the first year, and has a number
            _join_cells(records[-1].row, row[:width], skip=(year_column, amount_column))
            records[-1].take({year: amount}, number)
            continue
        if year is not None:
            amounts = {year: amount}
        else:  # at the measure's first row too
            amounts = _years_together(several, label, amount) if len(several) > 1 else {}
        row[year_column] = row[amount_column] = ""
        records.append(_Record(number, row[:width], amounts))
        passthrough.append(len(records) - 1)
    return _assemble(records, passthrough, width)


def _years_in_one_cell(rows, header: list[str], amount_column: int):
    width = len(header)
    records: list[_Record] = []
    passthrough: list[tuple[int, str] | int] = []
    found = False
    for number, text in rows:
        if records and "\t" not in text and (items := _items_only(text)):
            # the cell's last lines, which a table without ruling set below the row's other cells: the row goes on
            for m in items:
                if m.group("label").isdigit() and int(m.group("label")) not in records[-1].amounts:
                    records[-1].take({int(m.group("label")): _amount_text(m)}, number)
            continue
        if _as_is(text, header):
            passthrough.append((number, text))
            continue
        row = cells(text) + [""] * width
        items = list(YEAR_ITEM.finditer(row[amount_column]))
        amounts = {int(m.group("label")): _amount_text(m) for m in items if m.group("label").isdigit()}
        found |= bool(amounts)
        if amounts or any(_is_sum(m.group("label")) for m in items):
            row[amount_column] = ""
        if _goes_on(records, row, amounts):
            # the next years of the measure above beside the rest of its cells: a table without ruling (a scan) set
            # each line of the row apart; a new measure starts over at the first year, and has a number
            _join_cells(records[-1].row, row[:width], skip=(amount_column,))
            records[-1].take(amounts, number)
            continue
        records.append(_Record(number, row[:width], amounts))
        passthrough.append(len(records) - 1)
    return _assemble(records, passthrough, width) if found else None


def _years_together(years: list[int], label: str, amount: str) -> dict[int, str]:
    """Two years' rows read as one («2022 2023» beside «–»): which year the amount is for is not known, so each year
    keeps the whole printed text, which the table's reader says is not an amount (a said gap, never a guess)."""
    return {year: f"{label}: {amount}".strip() for year in years}


def _goes_on(records: list[_Record], row: list[str], amounts: dict[int, str]) -> bool:
    """Whether a row with no number whose years come after every year of the record above goes on with it."""
    return bool(
        records and amounts and records[-1].amounts and not row[0].strip() and min(amounts) > max(records[-1].amounts)
    )


def _join_cells(kept: list[str], row: list[str], skip: tuple[int, ...]) -> None:
    """Join each cell of ``row`` with text to the same cell of ``kept``, as the lines of one cell."""
    for index, cell in enumerate(row):
        if cell.strip() and index not in skip:
            kept[index] = join_wrapped([kept[index], cell], in_cell=True)


def _items_only(text: str) -> list[re.Match]:
    """The year items of a line that holds nothing else («2029 р. – 11 587 000,00», «Всього – 35 250 000,00»)."""
    items = list(YEAR_ITEM.finditer(text))
    rest = YEAR_ITEM.sub("", text)
    return items if items and not rest.strip(" ;,") else []


_NO_MONEY_WORDS = re.compile(r"^(не\s+потребує|без\s+фінансування|в\s+межах\b)", re.IGNORECASE)


def _amount_text(match: re.Match) -> str:
    amount = (match.group("amount") or "").strip()
    if _NO_MONEY_WORDS.match(amount):
        return (
            amount  # «не потребує»: none; «в межах кошторису»: allocations made elsewhere (read as the table's cells)
        )
    if not amount or (not amount[0].isdigit() and amount not in "–—-"):
        return ""  # «не визначено»: not stated
    return f"{amount} {match.group('unit')}".strip() if match.group("unit") else amount


def _assemble(records: list[_Record], passthrough, width: int) -> Folded | None:
    years = sorted({y for record in records for y in record.amounts})
    if not years:
        return None
    out: list[tuple[int, str]] = []
    for item in passthrough:
        if isinstance(item, tuple):
            out.append(item)
            continue
        record = records[item]
        out.append((record.line, "\t".join(record.row + [record.amounts.get(y, "") for y in years])))
    printed_at = {(r.line, year): line for r in records for year, line in r.lines.items() if line != r.line}
    return out, years, printed_at
