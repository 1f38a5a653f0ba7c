"""Decisions a person took where the reader was unsure, kept beside the source file and replayed by every build.

A document's decisions live in ``<source file>.review.csv`` next to it in ``data/sources/``, one row per decision:

========== ============================== ============================================ ========
decision   where                          value                                        example
========== ============================== ============================================ ========
table      the header row's locator       (empty)                                      ``table 2, row 1``
name       column number (1 = first)      (empty)                                      ``2``
number     column number                  (empty)                                      ``1``
year       column number                  the year its amounts are for                 ``4`` / ``2025``
unit       (empty)                        тис. грн, грн or млн грн                     ``грн``
partner    the partner's name as read     accept or reject                             ``Люблін`` / ``reject``
amount     locator of the row; the year   thousand UAH (empty: not stated, a gap)      ``page 2, table 1, row 4; 2025`` / ``40,0``
========== ============================== ============================================ ========

plus ``reason`` (why, in the person's words) and ``decided_on`` (an ISO date). A build reads the table, its columns
and unit from the decisions instead of recognising them, then applies the partner and amount decisions; each value so
set carries the data issue ``set_on_review``, which the sources page and the downloads show. A decision that no longer
fits the document (a row or a partner it does not have) is not applied, and that is said (``review_not_applied``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .errors import SourceError
from .extract.common import Extracted, cells
from .source_documents import SourceDocument

SUFFIX = ".review.csv"
COLUMNS = ("decision", "where", "value", "reason", "decided_on")
DECISIONS = ("table", "name", "number", "year", "unit", "partner", "amount")
UNITS = ("тис. грн", "грн", "млн грн")
PARTNER_VALUES = ("accept", "reject")


@dataclass(frozen=True)
class Decision:
    decision: str
    where: str = ""
    value: str = ""
    reason: str = ""
    decided_on: str = ""

    def row(self) -> dict[str, str]:
        return {
            "decision": self.decision,
            "where": self.where,
            "value": self.value,
            "reason": self.reason,
            "decided_on": self.decided_on,
        }


@dataclass(frozen=True)
class Review:
    """A document's decisions, in the order they were taken."""

    decisions: tuple[Decision, ...] = ()

    def of(self, kind: str) -> list[Decision]:
        return [d for d in self.decisions if d.decision == kind]

    def first(self, kind: str) -> Decision | None:
        found = self.of(kind)
        return found[-1] if found else None  # a later decision of a kind taken once overrides an earlier one

    @property
    def table(self) -> Decision | None:
        return self.first("table")

    def year_columns(self) -> dict[int, int]:
        """year -> 0-based column."""
        return {int(d.value): int(d.where) - 1 for d in self.of("year")}

    def __bool__(self) -> bool:
        return bool(self.decisions)


def review_path(source: Path) -> Path:
    """``data/sources/x_2025.pdf`` -> ``data/sources/x_2025.pdf.review.csv``."""
    return source.with_name(source.name + SUFFIX)


def today() -> str:
    return dt.date.today().isoformat()


def review_csv(decisions: list[Decision] | tuple[Decision, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(d.row() for d in decisions)
    return out.getvalue()


def parse_review(text: str, path: Path) -> Review:
    """The decisions of a review file, each checked; a :class:`SourceError` names the first row that is wrong and why."""
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    if rows and (missing := [c for c in ("decision", "where", "value") if c not in rows[0]]):
        raise SourceError(
            path, f"missing column(s): {', '.join(missing)} (a review file has {', '.join(COLUMNS)})", line=1
        )
    decisions = []
    for number, row in enumerate(rows, start=2):
        decision = Decision(*((row.get(c) or "").strip() for c in COLUMNS))
        if problem := _problem(decision):
            raise SourceError(path, problem, line=number)
        decisions.append(decision)
    return Review(tuple(decisions))


def read_review(source: Path) -> Review:
    """The review beside ``source``, or an empty one."""
    path = review_path(source)
    if not path.is_file():
        return Review()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(path, "not valid UTF-8 text: save the review file as UTF-8") from exc
    return parse_review(text, path)


def _problem(d: Decision) -> str | None:
    """Why a decision cannot be taken as written, or None.

    >>> _problem(Decision("year", "4", "2025")), _problem(Decision("year", "0", "2025")), _problem(Decision("colour", "", ""))
    (None, "year: the column must be a number from 1 (it is '0')", "unknown decision 'colour' (known: table, name, number, year, unit, partner, amount)")
    """
    if d.decision not in DECISIONS:
        return f"unknown decision {d.decision!r} (known: {', '.join(DECISIONS)})"
    if d.decision in ("name", "number", "year") and not (d.where.isdigit() and int(d.where) >= 1):
        return f"{d.decision}: the column must be a number from 1 (it is {d.where!r})"
    if d.decision == "year" and not (d.value.isdigit() and 1990 <= int(d.value) <= 2100):
        return f"year: {d.value!r} is not a year"
    if d.decision == "table" and not d.where:
        return "table: give the locator of the table's header row (such as 'table 2, row 1')"
    if d.decision == "unit" and d.value not in UNITS:
        return f"unit: {d.value!r} is not one of {', '.join(UNITS)}"
    if d.decision == "partner" and (not d.where or d.value not in PARTNER_VALUES):
        return f"partner: give the partner's name and accept or reject (not {d.value!r})"
    if d.decision == "amount":
        if _amount_place(d.where) is None:
            return f"amount: where must be the row's locator and the year, such as 'table 1, row 4; 2025' (not {d.where!r})"
        if d.value and thousand_uah(d.value) is None:
            return f"amount: {d.value!r} is not a number of thousand UAH"
    return None


def thousand_uah(text: str) -> Decimal | None:
    """A person's figure: ``40,0``, ``1 840.5`` -> Decimal; None when it is no number.

    >>> thousand_uah("1 840,5"), thousand_uah("сорок")
    (Decimal('1840.5'), None)
    """
    try:
        value = Decimal(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


def _amount_place(where: str) -> tuple[str, int] | None:
    """``'table 1, row 4; 2025'`` -> ('table 1, row 4', 2025)."""
    locator, _, year = where.rpartition(";")
    year = year.strip()
    return (locator.strip(), int(year)) if locator.strip() and year.isdigit() else None


def line_of(doc: SourceDocument, locator: str) -> int | None:
    """The document's line at ``locator`` (as :meth:`SourceDocument.locator` says it), or None."""
    for number in range(1, len(doc.lines) + 1):
        if doc.locator(number) == locator:
            return number
    return None


@dataclass
class Applied:
    """What a build did with a review: the layout's columns it took, and the decisions that did not fit."""

    header_line: int | None = None
    not_applied: list[str] = field(default_factory=list)


def reviewed_columns(doc: SourceDocument, review: Review):
    """The measures table the person picked, as :class:`~loaders.extract.measures_table.Columns`; None without such a decision.
    A header row the document does not have raises a :class:`SourceError` that says so."""
    from .extract.measures_table import columns_as_named

    table = review.table
    if table is None:
        return None
    line = line_of(doc, table.where)
    if line is None:
        raise SourceError(
            review_path(doc.path),
            f"the review picks the measures table at {table.where!r}, which the document does not have",
        )
    width = len(cells(doc.line(line)))
    name = review.first("name")
    if name is None:
        raise SourceError(
            review_path(doc.path),
            "the review picks a measures table but names no column of the measures' names (decision 'name')",
        )
    roles = {"measure": int(name.where) - 1}
    if number := review.first("number"):
        roles["number"] = int(number.where) - 1
    years = review.year_columns()
    wide = [c + 1 for c in [*roles.values(), *years.values()] if c >= width]
    if wide:
        raise SourceError(
            review_path(doc.path),
            f"the review names column {wide[0]}, but the row at {table.where!r} has {width} columns",
        )
    unit = review.first("unit")
    return columns_as_named(doc, line, roles, years, unit.value if unit else None)


def apply_review(doc: SourceDocument, out: Extracted, review: Review) -> None:
    """Apply the partner and amount decisions to what was read, and record each decision as a data issue."""
    if not review:
        return
    for d in review.of("partner"):
        _partner(out, d)
    for d in review.of("amount"):
        _amount(doc, out, d)
    if (table := review.table) is not None:
        years = ", ".join(f"column {d.where} = {d.value}" for d in review.of("year")) or "no year columns"
        unit = review.first("unit")
        out.issue(
            "info",
            "set_on_review",
            f"Set by hand on review ({table.decided_on or 'date not given'}): the measures table is the one whose header is "
            f"at {table.where}; the measures' names are in column {review.first('name').where}; {years}"
            + (f"; the unit is {unit.value}" if unit else "")
            + (f". Why: {table.reason}" if table.reason else "."),
            line_of(doc, table.where),
        )


def _partner(out: Extracted, d: Decision) -> None:
    found = [p for p in out.partners if p["partner_name_uk"] == d.where]
    if not found:
        out.issue(
            "warning",
            "review_not_applied",
            f"The review {d.value}s the partner «{d.where}», which this reading of the document does not find.",
        )
        return
    why = f". Why: {d.reason}" if d.reason else "."
    if d.value == "reject":
        out.partners = [p for p in out.partners if p["partner_name_uk"] != d.where]
        message = (
            f"Set by hand on review ({d.decided_on or 'date not given'}): «{d.where}» is not taken as a partner{why}"
        )
    else:
        message = (
            f"Set by hand on review ({d.decided_on or 'date not given'}): «{d.where}» is confirmed as a partner{why}"
        )
    out.issue("info", "set_on_review", message, found[0]["source_line"])


def _amount(doc: SourceDocument, out: Extracted, d: Decision) -> None:
    locator, year = _amount_place(d.where)
    line = line_of(doc, locator)
    target = next((a for a in out.amounts if a["source_line"] == line and a["year"] == year), None) if line else None
    if target is None:
        out.issue(
            "warning",
            "review_not_applied",
            f"The review sets the amount at {locator} for {year}, where this reading of the document has none.",
        )
        return
    value = thousand_uah(d.value) if d.value else None
    was = target["amount_text"] or "—"
    # amount_text stays as printed (or as OCR read it): the line still says it; the issue says what replaced it.
    target.update(amount_thousand_uah=value, amount_status="stated" if value is not None else "not_stated")
    now = f"{d.value} thousand UAH" if value is not None else "not stated (a gap)"
    ocr = next(
        (i for i in out.issues if i.kind == "read_by_ocr" and i.source_line == line and f"«{was}»" in i.message), None
    )
    out.issues = [i for i in out.issues if i is not ocr]
    why = f". Why: {d.reason}" if d.reason else "."
    out.issue(
        "info",
        "set_on_review",
        f"Set by hand on review ({d.decided_on or 'date not given'}): measure {target['measure_code']}, {year}, "
        f"was read as «{was}», is {now}{why}",
        line,
    )


def table_decisions(
    where: str, name: int, number: int | None, years: dict[int, int], unit: str | None, reason: str = "picked on review"
) -> list[Decision]:
    """The decisions that pick a measures table: its header row, the columns of names (and numbers), each year's column
    (``year -> 1-based column``) and the unit (None: as the header says).

    >>> [(d.decision, d.where, d.value) for d in table_decisions("table 1, row 1", 2, None, {2027: 4}, "грн")]
    [('table', 'table 1, row 1', ''), ('name', '2', ''), ('year', '4', '2027'), ('unit', '', 'грн')]
    """
    date = today()
    out = [Decision("table", where, "", reason, date), Decision("name", str(name), "", "", date)]
    if number:
        out.append(Decision("number", str(number), "", "", date))
    out += [Decision("year", str(column), str(year), "", date) for year, column in sorted(years.items())]
    if unit:
        out.append(Decision("unit", "", unit, "", date))
    return out
