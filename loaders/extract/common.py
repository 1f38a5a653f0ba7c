"""What every layout extractor returns, and the shared wording rules they use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from ..rules import read_rules_csv


@dataclass(frozen=True)
class DataIssue:
    """A quirk or gap in a document that users should see."""

    severity: str  # 'info' | 'warning' | 'error'
    kind: str
    message: str
    source_line: int | None = None
    # The programme whose document holds source_line, when an issue about a whole community (the partner-map
    # comparison) points to one of its programmes; None: the programme the issue is recorded for.
    programme_id: str | None = None
    source_file: str | None = None


@dataclass
class Extracted:
    """Raw rows read from one document, before categories, places and checks."""

    measures: list[dict] = field(default_factory=list)
    amounts: list[dict] = field(default_factory=list)
    stated_totals: list[dict] = field(default_factory=list)
    partners: list[dict] = field(default_factory=list)
    partner_spending: list[dict] = field(default_factory=list)
    funding_sources: list[dict] = field(default_factory=list)
    issues: list[DataIssue] = field(default_factory=list)

    def issue(self, severity: str, kind: str, message: str, source_line: int | None = None) -> None:
        self.issues.append(DataIssue(severity, kind, message, source_line))

    def add_measure(
        self,
        code: str,
        title: str,
        source_line: int,
        section_code: str | None,
        section_title: str | None,
        **printed: str | None,
    ) -> None:
        """A measure in printed order (its ``sort_order`` is its position); ``printed`` holds the
        columns a layout may have (``term_text``, ``executors``, ``funding_source``)."""
        measure = {
            "measure_code": code,
            "sort_order": len(self.measures) + 1,
            "section_code": section_code,
            "section_title": section_title,
        }
        self.measures.append({**measure, "measure_title": title, **printed, "source_line": source_line})

    def add_amount(
        self,
        code: str,
        year: int,
        source_line: int,
        value: Decimal | None = None,
        status: str = "not_stated",
        text: str | None = None,
    ) -> None:
        """A measure's amount for a year: by default one the document does not state."""
        self.amounts.append(amount_row(code, year, source_line, value, status, text))


def stated_total(
    year: int | None,
    value: Decimal,
    text: str,
    line: int,
    stated_in: str,
    scope: str | None = None,
    section_code: str | None = None,
) -> dict:
    """A total the document states: for a year, or (``year`` None) for the whole programme, unless ``scope`` says
    otherwise (``section``)."""
    return {
        "scope": scope or ("year" if year else "programme"),
        "year": year,
        "section_code": section_code,
        "stated_total_thousand_uah": value,
        "total_text": text,
        "source_line": line,
        "stated_in": stated_in,
    }


class Wording:
    """All the patterns of one role in ``rules/table_words.csv``: a new wording is a new row.

    ``search``/``match`` return the first pattern's match (rows in file order); ``finditer``
    yields the matches of every pattern.
    """

    def __init__(self, role: str, patterns: list[re.Pattern]):
        self.role = role
        self.patterns = patterns

    def search(self, text: str) -> re.Match | None:
        return next((m for p in self.patterns if (m := p.search(text))), None)

    def match(self, text: str) -> re.Match | None:
        return next((m for p in self.patterns if (m := p.match(text))), None)

    def finditer(self, text: str):
        for pattern in self.patterns:
            yield from pattern.finditer(text)


@cache
def wording(role: str, rules_file: str = "table_words.csv") -> Wording:
    """The patterns for a role in a rules CSV (columns ``role``, ``pattern``)."""
    patterns = [re.compile(row["pattern"], re.IGNORECASE) for row in read_rules_csv(rules_file) if row["role"] == role]
    if not patterns:
        raise KeyError(f"no wording rule for role {role!r} in rules/{rules_file}")
    return Wording(role, patterns)


@cache
def roles(rules_file: str) -> tuple[str, ...]:
    """The roles of a rules CSV in file order (first appearance)."""
    return tuple(dict.fromkeys(row["role"] for row in read_rules_csv(rules_file)))


def cells(line: str) -> list[str]:
    """The tab-separated cells of a table row, trimmed."""
    return [cell.strip() for cell in line.split("\t")]


def amount_row(
    code: str,
    year: int,
    source_line: int,
    value: Decimal | None = None,
    status: str = "not_stated",
    text: str | None = None,
) -> dict:
    """A row of ``Extracted.amounts``: a measure's amount for a year, as read from ``source_line``."""
    return {
        "measure_code": code,
        "year": year,
        "amount_thousand_uah": value,
        "amount_status": status,
        "amount_text": text,
        "source_line": source_line,
    }


def words_key(text: str) -> str:
    """A text compared word by word: case and white space set aside («Бюджет  Громади» is «бюджет громади»)."""
    return " ".join(text.casefold().split())
