"""The descriptions of the database's tables, views and columns, written once as comments in schema.sql.

A table's or view's description is the block of ``--`` lines right above its ``CREATE``; a column's
is the ``--`` comment at the end of its line: a table's column definition (named by its first word),
or a view's output column (named by its last word before the comment, e.g.
``x * 2 AS double_x, -- twice x``). The descriptions are Markdown (code in backticks): the README's
tables show them as written (:mod:`loaders.publish.schema_tables`); the database (``COMMENT ON``, see
:func:`comment_statements`) and the data package hold them as plain text (:func:`plain`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.sql"

_CREATE = re.compile(r"^CREATE (TABLE|VIEW) (\w+)")
_TABLE_COLUMN = re.compile(r"^\s+(\w+) [A-Z]")
_VIEW_COLUMN = re.compile(r"(\w+)\s*,?$")


@dataclass(frozen=True)
class Descriptions:
    """What schema.sql says about its tables and views, in Markdown."""

    kinds: dict[str, str]  # {name: 'TABLE' | 'VIEW'}, in the order of schema.sql
    relations: dict[str, str]  # {name: description}
    columns: dict[tuple[str, str], str]  # {(table or view, column): description}

    def names(self, kind: str) -> list[str]:
        return [name for name, k in self.kinds.items() if k == kind]


def schema_sql() -> str:
    return SCHEMA_FILE.read_text(encoding="utf-8")


def descriptions(sql: str | None = None) -> Descriptions:
    """Every description in ``sql`` (default: schema.sql).

    >>> docs = descriptions("-- Doubles.\\nCREATE VIEW v AS\\nSELECT\\n    t.year, -- the year\\n    x * 2 AS double_x -- twice `x`\\nFROM t;")
    >>> docs.relations, docs.columns
    ({'v': 'Doubles.'}, {('v', 'year'): 'the year', ('v', 'double_x'): 'twice `x`'})
    """
    kinds: dict[str, str] = {}
    relations: dict[str, str] = {}
    columns: dict[tuple[str, str], str] = {}
    above: list[str] = []  # the comment lines just read, a description if a CREATE follows
    current = kind = None
    for line in (schema_sql() if sql is None else sql).splitlines():
        code, _, comment = line.partition("--")
        code, comment = code.rstrip(), comment.strip()
        if match := _CREATE.match(line):
            kind, current = match.groups()
            kinds[current] = kind
            if above:
                relations[current] = " ".join(above)
        elif (
            current
            and comment
            and (match := (_TABLE_COLUMN.match(code) if kind == "TABLE" else _VIEW_COLUMN.search(code)))
        ):
            columns[(current, match.group(1))] = comment
        above = [*above, comment] if not current and not code and comment else []
        if current and (code.endswith(";") or (kind == "TABLE" and code.startswith(")"))):
            current = None
    return Descriptions(kinds, relations, columns)


def plain(markdown: str) -> str:
    """A description as plain text: code spans in quotes, bold marks dropped.

    >>> plain("the cell as printed, e.g. `40,` or `-`; **part of** a line")
    "the cell as printed, e.g. '40,' or '-'; part of a line"
    """
    return re.sub(r"`([^`]*)`", r"'\1'", markdown).replace("**", "")


def comment_statements(docs: Descriptions) -> list[str]:
    """``COMMENT ON`` statements that store every description in the database, as plain text."""

    def quoted(text: str) -> str:
        return "'" + plain(text).replace("'", "''") + "'"  # text from schema.sql, never from users

    statements = [f"COMMENT ON {docs.kinds[name]} {name} IS {quoted(text)}" for name, text in docs.relations.items()]
    statements += [
        f"COMMENT ON COLUMN {name}.{column} IS {quoted(text)}" for (name, column), text in docs.columns.items()
    ]
    return statements
