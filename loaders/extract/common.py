"""What every layout extractor returns, and the shared wording rules they use."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True)
class DataIssue:
    """A quirk or gap in a document that users should see."""

    severity: str  # 'info' | 'warning' | 'error'
    kind: str
    message: str
    source_line: int | None = None


@dataclass
class Extracted:
    """Raw rows read from one document, before categories, places and checks."""

    measures: list[dict] = field(default_factory=list)
    amounts: list[dict] = field(default_factory=list)
    stated_totals: list[dict] = field(default_factory=list)
    partners: list[dict] = field(default_factory=list)
    partner_spending: list[dict] = field(default_factory=list)
    issues: list[DataIssue] = field(default_factory=list)

    def issue(self, severity: str, kind: str, message: str, source_line: int | None = None) -> None:
        self.issues.append(DataIssue(severity, kind, message, source_line))


def read_rules_csv(name: str) -> list[dict[str, str]]:
    with open(RULES_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def wording(role: str) -> re.Pattern:
    """The regular expression for a role in ``rules/table_words.csv``."""
    for row in read_rules_csv("table_words.csv"):
        if row["role"] == role:
            return re.compile(row["pattern"], re.IGNORECASE)
    raise KeyError(f"no wording rule for role {role!r} in rules/table_words.csv")


def cells(line: str) -> list[str]:
    """The tab-separated cells of a table row, trimmed."""
    return [cell.strip() for cell in line.split("\t")]


def is_blank(line: str) -> bool:
    return not line.strip()
