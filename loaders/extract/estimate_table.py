"""Layout ``estimate_table``: a one-year estimate (кошторис) grouped by numbered directions.

Example (Oleksandriia): a heading with ``КОШТОРИС``, a header row naming the columns
``Напрямки реалізації`` / ``Перелік заходів`` / ``Фінансування (тис. грн)``, rows that
open a direction with ``1.``, unnumbered measure rows, ``ВСЬОГО`` sub-total rows and a
``Загальний кошторис … ВСЬОГО`` grand total. Measures get codes ``<direction>.<position>``
because the document numbers only the directions.

Separate tables elsewhere in the document that give amounts in грн per destination
city are read by :mod:`loaders.extract.breakdown_tables`.
"""

from __future__ import annotations

import re

from ..source_documents import SourceDocument, SourceError
from ..ukrainian_text import clean_title, parse_amount
from .breakdown_tables import extract_breakdowns
from .common import Extracted, cells, wording

DIRECTION_NUMBER = re.compile(r"^(\d+)\.?$")
COLUMN_NUMBERS = re.compile(r"^[\d\s]+$")
HEADING_YEAR = re.compile(r"НА\s+(\d{4})\s+Р", re.IGNORECASE)


def extract(doc: SourceDocument) -> Extracted:
    out = Extracted()
    heading = doc.find(lambda t: "\t" not in t and bool(wording("estimate_heading").search(t)))
    if heading is None:
        raise SourceError(doc.path, "no estimate table found (no heading with 'КОШТОРИС')")
    _check_heading_year(doc, out, heading)
    header = doc.find(lambda t: any(wording("estimate_amount_header").search(c) for c in cells(t)), start=heading)
    if header is None:
        raise SourceError(doc.path, "the estimate has no header row with a 'Фінансування' column", line=heading)
    columns = cells(doc.line(header))
    direction_col = _column(columns, "estimate_direction_header", doc, header)
    amount_col = _column(columns, "estimate_amount_header", doc, header)
    title_col = _column(columns, "measure_header", doc, header)
    year = doc.years[0]
    if len(doc.years) > 1:
        out.issue("warning", "single_year_estimate", f"The estimate has one amount column; it is read as {year}.", header)

    direction = None
    position = 0
    for number, text in doc.numbered(header + 1):
        row = cells(text)
        if not text.strip() or "\t" not in text:
            # Text between parts of the table ("Продовження таблиці") is skipped; any other text ends it.
            if text.strip() and direction is not None and not wording("table_continued").search(text):
                break
            continue
        if COLUMN_NUMBERS.match("".join(row)) or row[: len(columns)] == columns:
            continue
        total_cell = next((i for i, c in enumerate(row) if wording("total_row").search(c)), None)
        if total_cell is not None:
            _read_total(out, row, total_cell, amount_col, direction, year, number)
            continue
        if match := DIRECTION_NUMBER.match(row[0]):
            direction = {"code": match.group(1), "title": clean_title(row[direction_col])}
            position = 0
        if direction is None or not row[title_col]:
            out.issue("warning", "unrecognised_row", f"A row of the estimate was not understood: {text[:80]!r}", number)
            continue
        position += 1
        code = f"{direction['code']}.{position}"
        out.measures.append(
            {
                "measure_code": code,
                "sort_order": len(out.measures) + 1,
                "section_code": direction["code"],
                "section_title": direction["title"],
                "measure_title": clean_title(row[title_col]),
                "source_line": number,
            }
        )
        cell = row[amount_col] if amount_col < len(row) else ""
        parsed = parse_amount(cell)
        if parsed.status == "not_stated":
            out.issue("warning", "unreadable_amount", f"Measure {code}: cell {cell!r} is not an amount.", number)
        out.amounts.append(
            {
                "measure_code": code,
                "year": year,
                "amount_thousand_uah": parsed.value,
                "amount_status": parsed.status,
                "amount_text": cell,
                "source_line": number,
            }
        )
    if out.measures:
        out.issue(
            "info",
            "measure_codes_assigned",
            "The estimate numbers only its directions; measure codes such as 1.2 (direction 1, second measure) were assigned by the loader in printed order.",
            out.measures[0]["source_line"],
        )
    extract_breakdowns(doc, out, year)
    return out


def _column(columns: list[str], role: str, doc: SourceDocument, line: int) -> int:
    for index, cell in enumerate(columns):
        if wording(role).search(cell):
            return index
    raise SourceError(doc.path, f"the estimate header has no column matching the rule {role!r}", line=line)


def _check_heading_year(doc: SourceDocument, out: Extracted, line: int) -> None:
    if (match := HEADING_YEAR.search(doc.line(line))) and int(match.group(1)) not in doc.years:
        out.issue(
            "warning",
            "heading_year_differs",
            f"The estimate's heading says {match.group(1)}, but the programme (title, passport and every row of the estimate) is for "
            f"{doc.years[0]}. The amounts are read as {doc.years[0]}.",
            line,
        )


def _read_total(out: Extracted, row: list[str], total_cell: int, amount_col: int, direction, year: int, number: int) -> None:
    stated = [(i, parse_amount(c)) for i, c in enumerate(row) if i > total_cell and c]
    stated = [(i, p) for i, p in stated if p.status == "stated"]
    if not stated:
        out.issue("warning", "unreadable_total", "A total row has no amount.", number)
        return
    index, parsed = stated[0]
    is_grand = any(wording("grand_total_row").search(c) for c in row[:total_cell])
    if index != amount_col:
        out.issue(
            "info",
            "total_in_wrong_column",
            f"The total {row[index]} is printed in column {index + 1}, not in the amount column ({amount_col + 1}); it is read as the total all the same.",
            number,
        )
    out.stated_totals.append(
        {
            "scope": "year" if is_grand else "section",
            "year": year,
            "section_code": None if is_grand else (direction or {}).get("code"),
            "stated_total_thousand_uah": parsed.value,
            "total_text": row[index],
            "source_line": number,
        }
    )
