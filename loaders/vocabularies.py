"""The fixed vocabularies (amount statuses, relationship types, severities, reconciliation statuses,
adopted_for…) read from the one file ``rules/vocabularies.csv``.

Each row is a value of a vocabulary with its Ukrainian and English label, its order, and the
database columns (``table.column``, space-separated) that may hold it. The schema's CHECK lists,
the loaders and the interface labels (``programme_analysis.texts``) all come from this file;
``tests/test_vocabularies.py`` proves that ``schema.sql`` agrees with it.

>>> " ".join(values("severity"))
'info warning error'
>>> labels("relationship")["sister_city"]["en"]
'sister city'
"""

from __future__ import annotations

import re
from functools import cache

from .rules import read_rules_csv

VOCABULARIES_FILE = "vocabularies.csv"
_CHECK_IN = re.compile(r"CHECK \((\w+) IN \(([^)]*)\)\)")
_TABLE = re.compile(r"^CREATE TABLE (\w+) \($")


@cache
def _rows() -> tuple[dict[str, str], ...]:
    rows = read_rules_csv(VOCABULARIES_FILE)
    return tuple(sorted(rows, key=lambda r: (r["vocabulary"], int(r["sort_order"]))))


def names() -> list[str]:
    return sorted({row["vocabulary"] for row in _rows()})


def values(vocabulary: str) -> list[str]:
    """The values of one vocabulary, in their order."""
    found = [row["value"] for row in _rows() if row["vocabulary"] == vocabulary]
    if not found:
        raise KeyError(f"no vocabulary {vocabulary!r} in rules/{VOCABULARIES_FILE}")
    return found


def labels(vocabulary: str) -> dict[str, dict[str, str]]:
    """``{value: {"uk": …, "en": …}}`` for one vocabulary."""
    return {
        row["value"]: {"uk": row["label_uk"], "en": row["label_en"]}
        for row in _rows()
        if row["vocabulary"] == vocabulary
    }


def column_values() -> dict[str, list[str]]:
    """``{"table.column": [allowed values in order]}``, as the file declares them."""
    out: dict[str, list[str]] = {}
    for row in _rows():
        for column in row["columns"].split():
            out.setdefault(column, []).append(row["value"])
    return out


def schema_checks(sql: str) -> dict[str, list[str]]:
    """``{"table.column": [values]}`` of every ``CHECK (column IN (...))`` in a schema's tables."""
    out: dict[str, list[str]] = {}
    table = None
    for line in sql.splitlines():
        if match := _TABLE.match(line):
            table = match.group(1)
        elif line.startswith(")"):
            table = None
        elif table and (match := _CHECK_IN.search(line)):
            out[f"{table}.{match.group(1)}"] = [v.strip().strip("'") for v in match.group(2).split(",")]
    return out
