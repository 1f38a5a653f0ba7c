"""Tables that split one line of the measures by destination city, in any document.

A breakdown table is a run of consecutive table rows, outside the measures table, in which
some rows name a destination (a cell such as ``Місто Люблін, Республіка Польща``,
``Місто Женева (Швейцарія)`` or ``м. Ласк (Польща)``: ``destination_cell`` and
``destination_name`` in ``rules/table_words.csv``) and an amount with its unit (``30 000 грн``),
or say that the trip is financed with another visit.

A document does not say which measure a table belongs to. The rule used here: a table belongs
to the measure whose amount in some year equals the table's sum, when exactly one does. The
link is therefore inferred, and a data issue says so.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise

from ..source_documents import SourceDocument
from ..ukrainian_text import parse_amount, parse_date_uk
from .common import Extracted, cells, wording

EXPLICIT_UNIT = re.compile(r"\d\s*(тис\.?\s*)?грн", re.IGNORECASE)
ROW_NUMBER = re.compile(r"^\d+\.?$")


def extract_breakdowns(doc: SourceDocument, out: Extracted, default_year: int) -> None:
    measure_lines = {m["source_line"] for m in out.measures}
    for table in _tables(doc):
        rows = [_read_row(doc, number, cells(text)) for number, text in table if number not in measure_lines]
        rows = [r for r in rows if r is not None]
        if not rows:
            continue
        _inherit_purpose(rows)
        for row in rows:
            row["year"] = row.pop("date_year") or default_year
        _link_to_measure(out, rows)
        out.partner_spending.extend(rows)


def _tables(doc: SourceDocument):
    """Runs of consecutive lines that contain a tab."""
    run: list[tuple[int, str]] = []
    for number, text in doc.numbered():
        if "\t" in text:
            run.append((number, text))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _read_row(doc: SourceDocument, number: int, row: list[str]) -> dict | None:
    destination_index = next((i for i, c in enumerate(row) if wording("destination_cell").search(c)), None)
    amount_cell = row[-1] if row else ""
    joint = bool(wording("with_other_visit").search(amount_cell))
    if destination_index is None or not (joint or EXPLICIT_UNIT.search(amount_cell)):
        return None
    match = wording("destination_name").match(row[destination_index])
    if not match:
        return None
    parsed = parse_amount(amount_cell.rstrip("*"), default_unit="грн")
    date_index = next((i for i, c in enumerate(row) if c and _is_date_cell(c)), None)
    stop = date_index if date_index is not None else destination_index
    purpose_cells = [c for i, c in enumerate(row[:stop]) if c and i != destination_index and not ROW_NUMBER.match(c)]
    date = parse_date_uk(row[date_index]) if date_index is not None else None
    return {
        "destination_name_uk": match.group("name").strip(),
        "country_text": (match.group("country_a") or match.group("country_b")).strip(" .()"),
        "amount_thousand_uah": parsed.value if not joint else None,
        "amount_status": "with_other_visit" if joint else parsed.status,
        "amount_text": amount_cell,
        "purpose": " — ".join(purpose_cells) or None,
        "date_text": row[date_index] if date_index is not None else None,
        "date_year": date.value.year if date and date.value else None,
        "source_line": number,
    }


def _is_date_cell(cell: str) -> bool:
    return parse_date_uk(cell).value is not None or "графіком" in cell


def _inherit_purpose(rows: list[dict]) -> None:
    """A continuation row (no purpose of its own) belongs to the purpose above it."""
    for previous, row in pairwise(rows):
        if row["purpose"] is None:
            row["purpose"] = previous["purpose"]


def _link_to_measure(out: Extracted, rows: list[dict]) -> None:
    table_sum = sum((r["amount_thousand_uah"] for r in rows if r["amount_thousand_uah"] is not None), Decimal(0))
    candidates = [a for a in out.amounts if a["amount_status"] == "stated" and a["amount_thousand_uah"] == table_sum]
    first, last = rows[0]["source_line"], rows[-1]["source_line"]
    if len(candidates) == 1:
        code = candidates[0]["measure_code"]
        for row in rows:
            row["measure_code"] = code
        out.issue(
            "info",
            "breakdown_link_inferred",
            f"The table on lines {first}–{last} sums to {table_sum} thousand UAH, the amount of line {code} of the measures "
            f"(line {candidates[0]['source_line']}). The document does not say so; the link is inferred from the equal sums, "
            "and these amounts are a breakdown of that line, not added to the total.",
            first,
        )
    else:
        for row in rows:
            row["measure_code"] = None
        out.issue(
            "warning",
            "breakdown_not_linked",
            f"The table on lines {first}–{last} sums to {table_sum} thousand UAH; "
            f"{'no' if not candidates else len(candidates)} lines of the measures have that amount, so it is linked to none.",
            first,
        )
