"""Extract: read one document into raw rows, no cleaning.

One general path for the genre: :func:`detect_programme` recognises the parts a document
has (passport, resource table, measures table, task list, list of spending directions),
and :func:`extract_document` runs the recogniser of each part it found, then the partner
sentences and the breakdown tables.
"""

from __future__ import annotations

import re

from ..errors import SourceError
from ..source_documents import SourceDocument
from .breakdown_tables import extract_breakdowns
from .common import DataIssue, Extracted, stated_total, wording
from .detect import MAIN_PARTS, Decision, Detected, detect_programme
from .measure_list import read_measure_list
from .measures_table import Columns, extract_measures_table, find_header, repeats_header
from .partners import extract_partners
from .spending_list import read_spending_list
from .task_list import read_task_list

LAYOUTS = MAIN_PARTS
LAYOUT_NAMES = {
    "measures_table": "measures table",
    "task_list": "numbered list of directions",
    "spending_list": "list of spending directions",
    "measure_list": "list of measures",
}
# the error issues that say a programme's measures are a gap
MEASURES_GAP_KINDS = (
    "measures_not_found",
    "measures_not_read",
)
NO_MEASURES_PART = (
    "No measures could be read: the document has no measures table (a header naming 'Перелік заходів' or 'Заходи'), "
    "no numbered list of tasks under 'Програма передбачає … напрямки:', no list of spending directions "
    "and no list of measures ('передбачається виконання таких заходів:'). The programme's title, years, totals and partners are read; "
    "spending by measure is a gap (adding the file lists the rows that look like measures)."
)

__all__ = [
    "LAYOUTS",
    "MEASURES_GAP_KINDS",
    "DataIssue",
    "Decision",
    "Detected",
    "Extracted",
    "check_layout",
    "detect_programme",
    "extract_document",
]


def extract_document(doc: SourceDocument, community_name_uk: str, detected: Detected | None = None) -> Extracted:
    """Read measures, amounts, stated totals, funding sources, partners and breakdowns from one document.

    ``doc.meta`` must hold the programme's years (detected or given); ``detected`` is
    :func:`detect_programme`'s result (computed here when not given). ``doc.meta['layout']``,
    when set, names the part to read the measures from (a person's override).
    """
    detected = detected or detect_programme(doc)
    layout = check_layout(doc, doc.meta.get("layout") or detected.layout)
    out = Extracted()
    if layout is None:
        # neither years nor measures: not a programme (documents.csv's years are not the document's)
        if detected.year_from is None:
            raise SourceError.of("no_programme", doc.path)
        out.issue("error", "measures_not_found", NO_MEASURES_PART)
    elif layout == "measures_table":
        if detected.measures_header is None:
            raise SourceError(doc.path, "no measures table found (no header row naming 'Перелік заходів')")
        end = extract_measures_table(doc, out, detected.measures_header, doc.years)
        _another_measures_table(doc, out, detected.measures_header, end)
    elif layout == "measure_list":
        read_measure_list(
            doc,
            out,
            _required(
                doc, detected.measure_list_line, "a list of measures ('передбачається виконання таких заходів:')"
            ),
        )
    elif layout == "task_list":
        read_task_list(
            doc,
            out,
            _required(
                doc, detected.task_list_line, "a list of directions ('Програма передбачає … основних напрямки:')"
            ),
        )
    else:
        read_spending_list(
            doc,
            out,
            _required(
                doc,
                detected.spending_list_line,
                "a list of spending directions ('кошти бюджету … спрямовуються … на:')",
            ),
        )
    if layout is not None and not out.measures:
        out.issue(
            "error",
            "measures_not_read",
            f"The document has a {LAYOUT_NAMES[layout]}, but no measure under it could be read; "
            "spending by measure is a gap (adding the file lists the rows that look like measures).",
            _part_line(detected, layout),
        )
    _merge_totals(out, detected)
    _funding_sources(out, detected)
    _document_issues(doc, out, detected)
    if any(a["amount_status"] == "stated" for a in out.amounts):
        extract_breakdowns(doc, out, doc.years[0])
    extract_partners(doc, out, community_name_uk)
    _ocr_issues(doc, out)
    return out


def check_layout(doc: SourceDocument, layout: str | None) -> str | None:
    """``layout`` if it names a part that holds measures, None when none was found (the programme is read without
    measures, with the data issue ``measures_not_found``); a :class:`SourceError` for a layout no reader knows."""
    if not layout:
        return None
    if layout not in LAYOUTS:
        raise SourceError(doc.path, f"unknown layout {layout!r} in documents.csv (known: {', '.join(sorted(LAYOUTS))})")
    return layout


def _part_line(detected: Detected, layout: str) -> int | None:
    """The line where the part that should hold the measures begins."""
    if layout == "measures_table":
        return detected.measures_header.header_line if detected.measures_header else None
    return {
        "task_list": detected.task_list_line,
        "spending_list": detected.spending_list_line,
        "measure_list": detected.measure_list_line,
    }[layout]


def _required(doc: SourceDocument, line: int | None, what: str) -> int:
    if line is None:
        raise SourceError(doc.path, f"no {what} found")
    return line


def _merge_totals(out: Extracted, detected: Detected) -> None:
    """Yearly and programme totals stated outside the measures table: the passport's and the
    resource table's. One total per year and one for the programme are kept (the measures
    table's first, then the resource table's, then the passport's); a total that differs from
    the one kept is recorded as a data issue."""
    for text, line in detected.passport.unread:
        out.issue(
            "warning",
            "unreadable_amount",
            f"The passport's amount {text[:60]!r} is printed in pieces (as a scan can read it); it is not read.",
            line,
        )
    resource = detected.resource_table.totals() if detected.resource_table else []
    candidates = [
        *[dict(t) for t in detected.passport.totals],
        *[dict(t) for t in detected.sentence_totals],
        *[
            stated_total(r["year"], r["amount_thousand_uah"], r["amount_text"], r["source_line"], "resource table")
            for r in resource
            if r["amount_thousand_uah"] is not None
        ],
    ]
    candidates.sort(key=lambda t: {"resource table": 0, "passport": 1}.get(t["stated_in"], 2))
    for total in candidates:
        kept = next(
            (
                t
                for t in out.stated_totals
                if t["scope"] == total["scope"] and t["year"] == total["year"] and t["scope"] != "section"
            ),
            None,
        )
        stated_in = total["stated_in"]
        if kept is None:
            out.stated_totals.append(total)
        elif kept["stated_total_thousand_uah"] != total["stated_total_thousand_uah"]:
            what = f"{total['year']} total" if total["year"] else "programme total"
            out.issue(
                "warning",
                "totals_differ",
                f"The {stated_in} states the {what} as {total['total_text']}, but line {kept['source_line']} states {kept['total_text']}.",
                total["source_line"],
            )


def _funding_sources(out: Extracted, detected: Detected) -> None:
    out.funding_sources.extend(detected.passport.sources)
    if detected.resource_table:
        out.funding_sources.extend(detected.resource_table.rows)
    if detected.funding_sources_text and detected.passport.values.get("funding_sources"):
        value = detected.passport.values["funding_sources"]
        out.funding_sources.append(
            {
                "stated_in": "passport",
                "source_kind": "other" if wording("non_budget_source").search(value.text) else "budget",
                "source_text": value.text,
                "year": None,
                "amount_thousand_uah": None,
                "amount_text": None,
                "source_line": value.source_line,
            }
        )


def _document_issues(doc: SourceDocument, out: Extracted, detected: Detected) -> None:
    if detected.adopted_for is None:
        out.issue(
            "warning",
            "adopted_for_assumed",
            f"The title names neither the city nor the territorial community; the programme is read as the {doc.meta.get('adopted_for')}'s "
            "(documents.csv can say otherwise). Per-resident figures divide by that population.",
            detected.title_line,
        )
    if detected.years_from == "measures table":
        out.issue(
            "warning",
            "years_from_table",
            f"Neither a title such as «Програма … на 2025 рік» nor a passport term gives the programme's years; they are "
            f"read from the measures table's year columns ({detected.year_from}–{detected.year_to}).",
            detected.measures_header.header_line if detected.measures_header else None,
        )
    if detected.decision.is_draft:
        out.issue(
            "warning",
            "draft",
            f"The council decision is printed with blanks («{detected.decision.text}»): this is a draft, and the adopted programme may differ.",
            detected.decision.source_line,
        )
    stated = any(a["amount_status"] == "stated" for a in out.amounts)
    yearly = [t for t in out.stated_totals if t["scope"] == "year"]
    if yearly and not stated:
        label = detected.passport.values.get("total")
        out.issue(
            "warning",
            "totals_without_breakdown",
            "The document states only yearly totals; its measures have no amounts of their own, so spending per category or measure is 'not stated'.",
            min(t["source_line"] for t in yearly) if label is None else _label_line(doc, label.source_line),
        )


def _another_measures_table(doc: SourceDocument, out: Extracted, read: Columns, end: int) -> None:
    """A second table after the one read whose header also names a measures column (not the first one's header printed
    again): which of the two holds the programme's measures is a person's call, asked on review."""
    other = find_header(doc, end) if end <= len(doc.lines) else None
    if other is None or repeats_header(other.header_cells, read):
        return
    out.issue(
        "warning",
        "another_measures_table",
        f"Another table (line {other.header_line}) also has a header of measures: "
        f"«{' | '.join(c for c in other.header_cells if c.strip())[:120]}». Only the first one (line {read.header_line}) "
        "is read; pick the table on review if the other one holds the programme's measures.",
        other.header_line,
    )


def _ocr_issues(doc: SourceDocument, out: Extracted) -> None:
    """Each amount read from a page that OCR recognised is marked, to be checked against the page. In a scan, a table
    whose unit could not be read most likely printed one that OCR misread (a «млн грн» read as thousands would make
    every amount a thousand times too small): its amounts and totals are not taken, and that is said."""
    if not doc.ocr_pages:
        return
    if any(i.kind == "unit_not_stated" for i in out.issues) and (
        stated := [a for a in out.amounts if a["amount_status"] == "stated"]
    ):
        for amount in stated:
            amount.update(amount_thousand_uah=None, amount_status="not_stated")
        out.stated_totals = [t for t in out.stated_totals if t["stated_in"] != "measures table"]
        out.issue(
            "error",
            "unit_not_read",
            f"The measures table's unit (тис. грн, грн or млн грн) could not be read in this scan: its {len(stated)} "
            "amounts and its totals are not taken, since a wrong unit would make each a thousand times too large or too small.",
        )
    read = [(a["source_line"], a["amount_text"]) for a in out.amounts if a["amount_status"] == "stated"]
    read += [(t["source_line"], t.get("total_text")) for t in out.stated_totals]
    for line, text in sorted(set(read), key=lambda pair: pair[0]):
        page = _page_of(doc.locator(line))
        if page in doc.ocr_pages:
            shown = f"«{text}»" if text else "the amount"
            out.issue(
                "warning", "read_by_ocr", f"Read by OCR from page {page}: check {shown} against the document.", line
            )


def _page_of(locator: str) -> int | None:
    """``page 3, table 1, row 4`` -> 3.

    >>> _page_of("page 3, table 1, row 4"), _page_of("table 2, row 5")
    (3, None)
    """
    match = re.match(r"page (\d+)\b", locator)
    return int(match.group(1)) if match else None


def _label_line(doc: SourceDocument, value_line: int) -> int:
    """The passport label's line: the value's own line when the label is beside it, else the tabbed row above."""
    if "\t" in doc.line(value_line):
        return value_line
    for number in range(value_line - 1, 0, -1):
        if "\t" in doc.line(number):
            return number
    return value_line
