"""Where the reader is unsure about a document it built, as questions a person can settle on review.

:func:`document_tables` gives the document's tables as read (a grid of rows and numbered columns, each row with its
locator), to pick the measures table from; :func:`questions` reads the built database for the signs of doubt:

* ``table``: no measures table found or read, two candidate tables (``another_measures_table``), or columns whose
  year or unit is unclear;
* ``partner``: a partner found in running text, or one whose country is unknown;
* ``amount``: an amount read by OCR (or one two OCR readings disagree on).

Everything returned is plain tuples and strings, so that a sandboxed worker can send it back as JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .read import DocumentText

# the data issues after which the measures table and its columns are worth a look, and the question they raise
TABLE_DOUBTS = ("measures_not_found", "measures_not_read", "year_columns_differ", "year_columns_unclear", "single_year_estimate",
                "unit_not_stated", "unit_not_read", "rows_after_table_end", "other_header", "another_measures_table")  # fmt: skip
PARTNER_DOUBTS = ("partner_in_prose", "unknown_country")
_TABLE_OF = re.compile(r"^(.*?table \d+)\b")


@dataclass(frozen=True)
class Table:
    """One table of a document as read: ``rows`` are ``(locator, cells)``."""

    number: int
    where: str  # 'table 2' or 'page 3, table 1' ('lines 6–10' in a text file)
    rows: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def width(self) -> int:
        return max(len(cells) for _, cells in self.rows)


@dataclass(frozen=True)
class Questions:
    table: tuple[str, ...] = ()  # the kinds of doubt about the measures table (rows of TABLE_DOUBTS found)
    partners: tuple[tuple[str, str, str], ...] = ()  # name as read, locator, why (the issue kind)
    # locator, year, measure code, amount as read, thousand UAH as read ('' = none)
    amounts: tuple[tuple[str, int, str, str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.table or self.partners or self.amounts)


def document_tables(doc: DocumentText) -> list[Table]:
    """The document's tables in printed order: runs of table rows (lines with cells) under one table locator.

    >>> doc = DocumentText(("Вступ", "№\\tЗахід", "1\\tВізит", "Кінець"), ("line 1", "line 2", "line 3", "line 4"), "txt")
    >>> [(t.where, [loc for loc, _ in t.rows]) for t in document_tables(doc)]
    [('lines 2–3', ['line 2', 'line 3'])]
    """
    tables: list[list[tuple[str, tuple[str, ...]]]] = []
    keys: list[str] = []
    previous = None
    for index, text in enumerate(doc.lines):
        locator = doc.locators[index]
        if "\t" not in text:
            previous = None
            continue
        match = _TABLE_OF.match(locator)
        key = match.group(1) if match else "text"
        if previous is None or key != previous or (key == "text" and not tables):
            tables.append([])
            keys.append(key)
        tables[-1].append((locator, tuple(doc.cells(index, expand_merged=False))))
        previous = key
    out = []
    for number, (key, rows) in enumerate(zip(keys, tables, strict=True), start=1):
        where = (
            key if key != "text" else f"lines {rows[0][0].removeprefix('line ')}–{rows[-1][0].removeprefix('line ')}"
        )
        out.append(Table(number, where, tuple(rows)))
    return out


def questions(database: Path, programme_id: str, doc: DocumentText) -> Questions:
    """The questions the built programme raises (see the module's docstring)."""
    with duckdb.connect(str(database), read_only=True) as con:
        kinds = [
            k
            for (k,) in con.execute(
                "SELECT DISTINCT kind FROM issue_log WHERE programme_id = ?", [programme_id]
            ).fetchall()
        ]
        partners = con.execute(
            """SELECT DISTINCT p.partner_name_uk, p.source_line, i.kind FROM partner_relationships p
               JOIN issue_log i ON i.programme_id = p.programme_id AND i.source_line = p.source_line AND i.kind IN ('partner_in_prose', 'unknown_country')
               WHERE p.programme_id = ? ORDER BY p.source_line, p.partner_name_uk""",
            [programme_id],
        ).fetchall()
        amounts = con.execute(
            """SELECT a.source_line, a.year, a.measure_code, COALESCE(a.amount_text, ''), a.amount_thousand_uah FROM measure_amounts a
               WHERE a.programme_id = $1 AND (a.amount_text LIKE '%OCR%' OR a.source_line IN
                     (SELECT source_line FROM issue_log WHERE programme_id = $1 AND kind = 'read_by_ocr'))
               ORDER BY a.source_line, a.year""",
            [programme_id],
        ).fetchall()
    locator = lambda line: doc.locators[line - 1]  # noqa: E731
    return Questions(
        table=tuple(k for k in TABLE_DOUBTS if k in kinds),
        partners=tuple((name, locator(line), kind) for name, line, kind in partners),
        amounts=tuple(
            (locator(line), year, code, text, "" if value is None else f"{value:f}")
            for line, year, code, text, value in amounts
        ),
    )
