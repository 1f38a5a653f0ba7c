"""The resource table (``Ресурсне забезпечення``): totals per year, by source of funding.

The standard form of a local programme has, after a heading naming ``Ресурсне забезпечення``,
a table whose header (or the row under it) names the years, and rows such as
``Обсяг ресурсів, усього`` (all sources), ``місцевий бюджет`` and ``кошти інших джерел``.
A column ``Усього`` holds the sum over the years. Source rows are recognised with the
passport's words (``rules/passport_labels.csv``), total rows with ``resource_total_row``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..source_documents import SourceDocument
from .amounts import read_amount
from .common import cells, wording
from .measures_table import _years_in
from .passport import amount_unit, label_role

HEADER_SEARCH_LINES = 8


@dataclass
class ResourceTable:
    heading_line: int
    rows: list[dict] = field(default_factory=list)  # funding_sources rows: year None = the sum over the years

    def totals(self) -> list[dict]:
        """The rows of all sources together."""
        return [r for r in self.rows if r["source_kind"] == "total"]


def find(doc: SourceDocument) -> ResourceTable | None:
    """The first resource table: a heading naming it, then a header naming years. A sentence that only names the
    table («Ресурсне забезпечення Програми наведено в додатку 1.») gives way to a heading between it and the rows."""
    headings = [
        n
        for n, t in doc.numbered()
        if wording("resource_table_heading").search(t) and not wording("annex_reference").search(t)
    ]
    for index, heading in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else None
        table = read_resource_table(doc, heading)
        if table and table.rows and (following is None or following > min(r["source_line"] for r in table.rows)):
            return table
    return None


def read_resource_table(doc: SourceDocument, heading: int) -> ResourceTable | None:
    table = ResourceTable(heading)
    header_line = years = None
    for number, text in doc.numbered(heading, min(heading + HEADER_SEARCH_LINES, len(doc.lines) + 1)):
        if "\t" in text and (found := _years_in(cells(text))):
            header_line, years = number, found
            break
    if header_line is None:
        return None
    header_cells = cells(doc.line(header_line))
    sum_column = next(
        (
            i
            for i, c in enumerate(header_cells)
            if i > max(years.values()) and wording("total_column", "column_roles.csv").match(c)
        ),
        None,
    )
    if sum_column is None:
        above = cells(doc.line(header_line - 1)) if header_line > 1 else []
        sum_column = next(
            (
                i
                for i, c in enumerate(above)
                if i > max(years.values()) and wording("total_column", "column_roles.csv").match(c)
            ),
            None,
        )
    unit_text = " ".join(doc.line(n) for n in range(heading, header_line + 1))
    unit = amount_unit(unit_text)
    columns = {**years, **({None: sum_column} if sum_column is not None else {})}
    for number, text in doc.numbered(header_line + 1):
        if not text.strip():
            if table.rows:  # a blank line ends the table: the rows after it belong to the next table
                break
            continue
        if "\t" not in text:
            break
        row = cells(text)
        label = next((c for c in row if c and not wording("column_number_row").match(c)), "")
        if not label:
            continue
        if wording("resource_total_row").match(label):
            kind = "total"
        elif (role := label_role(label)) in ("source_budget", "source_other"):
            kind = "budget" if role == "source_budget" else "other"
        else:
            continue
        for year, column in columns.items():
            cell = row[column] if column < len(row) else ""
            parsed = read_amount(cell, default_unit=unit)
            table.rows.append(
                {
                    "stated_in": "resource_table",
                    "source_kind": kind,
                    "source_text": label,
                    "year": year,
                    "amount_thousand_uah": parsed.value,
                    "amount_text": cell or None,
                    "source_line": number,
                }
            )
    return table
