"""Layout ``measure_table``: a table of numbered measures with one amount column per year.

Example (Khmelnytskyi): a header row naming ``Перелік заходів``, a row of years,
section headings such as ``I. Міжнародне співробітництво``, measure rows that start
with a code such as ``1.1.``, and a ``ВСЬОГО`` row with the total per year.
The passport states the whole programme's total (``Загальний обсяг фінансування``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..source_documents import SourceDocument, SourceError
from ..ukrainian_text import DASHES, clean_title, parse_amount
from .common import Extracted, cells, wording

MEASURE_CODE = re.compile(r"^(\d+(?:\.\d+)+)\.?$")
SECTION_HEADING = re.compile(r"^(?P<code>[IVXLC]+)\.\s+(?P<title>.+)$")
YEAR_CELL = re.compile(r"^(19|20)\d\d$")


def extract(doc: SourceDocument) -> Extracted:
    out = Extracted()
    header_line = doc.find(lambda t: "\t" in t and bool(wording("measure_header").search(t)))
    if header_line is None:
        raise SourceError(doc.path, "no measures table found (no header row naming 'Перелік заходів')")
    years_line, years = _find_year_row(doc, header_line)
    _check_years(doc, out, years, years_line)

    section_code = section_title = None
    order = 0
    for number, text in doc.numbered(years_line + 1):
        row = cells(text)
        first = row[0]
        if not text.strip():
            continue
        if wording("total_row").search(first):
            _read_total_row(doc, out, row, years, number)
            break
        if heading := SECTION_HEADING.match(first):
            section_code, section_title = heading.group("code"), clean_title(heading.group("title"))
            continue
        code = MEASURE_CODE.match(first)
        if not code:
            out.issue("warning", "unrecognised_row", f"A row of the measures table was not understood: {text[:80]!r}", number)
            continue
        order += 1
        measure_code = code.group(1)
        out.measures.append(
            {
                "measure_code": measure_code,
                "sort_order": order,
                "section_code": section_code,
                "section_title": section_title,
                "measure_title": clean_title(row[1]),
                "source_line": number,
            }
        )
        amount_cells = row[-len(years) :]
        funding_source = row[-len(years) - 1] if len(row) > len(years) + 1 else ""
        any_stated = False
        for year, cell in zip(years, amount_cells, strict=True):
            parsed = parse_amount(cell)
            any_stated |= parsed.status == "stated"
            if parsed.quirk:
                out.issue(
                    "warning",
                    parsed.quirk,
                    f"Measure {measure_code}, {year}: the cell is printed as {cell!r}; read as {parsed.value} thousand UAH.",
                    number,
                )
            if parsed.status == "not_stated":
                out.issue("warning", "unreadable_amount", f"Measure {measure_code}, {year}: cell {cell!r} is not an amount.", number)
            out.amounts.append(
                {
                    "measure_code": measure_code,
                    "year": year,
                    "amount_thousand_uah": parsed.value,
                    "amount_status": parsed.status,
                    "amount_text": cell,
                    "source_line": number,
                }
            )
        if any_stated and funding_source in DASHES:
            out.issue(
                "info",
                "funding_source_dash",
                f"Measure {measure_code} plans amounts, but its source of funding is printed as a dash.",
                number,
            )
    else:
        out.issue("warning", "no_total_row", "The measures table has no total row to check the measures against.")
    _read_passport_total(doc, out)
    return out


def _find_year_row(doc: SourceDocument, header_line: int) -> tuple[int, list[int]]:
    for number, text in doc.numbered(header_line, min(header_line + 4, len(doc.lines) + 1)):
        years = [int(c) for c in cells(text) if YEAR_CELL.match(c)]
        if len(years) >= 1 and all(b == a + 1 for a, b in pairwise(years)):
            return number, years
    raise SourceError(doc.path, "the measures table has no row of years under its header", line=header_line)


def _check_years(doc: SourceDocument, out: Extracted, years: list[int], line: int) -> None:
    if years != doc.years:
        out.issue(
            "warning",
            "year_columns_differ",
            f"The table has columns for {years[0]}–{years[-1]}, the programme runs {doc.years[0]}–{doc.years[-1]}.",
            line,
        )


def _read_total_row(doc: SourceDocument, out: Extracted, row: list[str], years: list[int], number: int) -> None:
    for year, cell in zip(years, row[-len(years) :], strict=True):
        parsed = parse_amount(cell)
        if parsed.status != "stated":
            out.issue("warning", "unreadable_total", f"Total for {year} is printed as {cell!r}.", number)
            continue
        out.stated_totals.append(
            {"scope": "year", "year": year, "section_code": None, "stated_total_thousand_uah": parsed.value, "total_text": cell, "source_line": number}
        )


def _read_passport_total(doc: SourceDocument, out: Extracted) -> None:
    pattern = wording("passport_grand_total")
    for number, text in doc.numbered():
        row = [c for c in cells(text) if c]
        for index, cell in enumerate(row):
            if pattern.search(cell) and index + 1 < len(row):
                parsed = parse_amount(row[index + 1])
                if parsed.status == "stated":
                    out.stated_totals.append(
                        {
                            "scope": "programme",
                            "year": None,
                            "section_code": None,
                            "stated_total_thousand_uah": parsed.value,
                            "total_text": row[index + 1],
                            "source_line": number,
                        }
                    )
                    return
