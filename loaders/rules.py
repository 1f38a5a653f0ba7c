"""The rule files in ``loaders/rules/``: where they are and how one is read.

Each CSV there is a variant written as data (a document's wording, a category rule, a country's
Ukrainian name, a read error's message…), so a new variant is a new row, not a new ``if``. The
README lists the files ("The files in loaders/rules/").
"""

from __future__ import annotations

import csv
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent / "rules"


def read_rules_csv(name: str) -> list[dict[str, str]]:
    """The rows of ``loaders/rules/<name>`` as dicts, in file order."""
    with open(RULES_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rule_files() -> list[Path]:
    """Every rule file, in name order (the database is out of date when one is newer)."""
    return sorted(RULES_DIR.glob("*.csv"))
