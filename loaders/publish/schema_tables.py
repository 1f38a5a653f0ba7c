"""The data model's tables of views and columns, generated from schema.sql (``python -m loaders docs``).

docs/data-model.md marks each generated part with a pair of HTML comments, as cog does:
``<!-- schema: spending -->`` … ``<!-- /schema -->`` holds the view's description and the table of its
columns (name, type as DuckDB gives it, meaning); ``<!-- schema: tables -->`` … ``<!-- /schema -->``
holds the list of tables with their descriptions. :func:`regenerate` rewrites what stands between the
marks and leaves every other line alone; tests/test_docs.py fails when the file differs from it.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from ..load import create_schema
from .schema_docs import Descriptions, descriptions

DATA_MODEL = Path(__file__).resolve().parent.parent.parent / "docs" / "data-model.md"
TABLES = "tables"  # the block that lists the tables
_BLOCK = re.compile(r"(<!-- schema: (\w+) -->\n)(.*?)(<!-- /schema -->)", re.DOTALL)


def column_types() -> dict[str, list[tuple[str, str]]]:
    """``{table or view: [(column, DuckDB type)]}``, from schema.sql run in memory."""
    with duckdb.connect() as con:
        create_schema(con)
        rows = con.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE NOT internal ORDER BY table_name, column_index"
        ).fetchall()
    types: dict[str, list[tuple[str, str]]] = {}
    for name, column, data_type in rows:
        types.setdefault(name, []).append((column, data_type))
    return types


def block(name: str, docs: Descriptions, types: dict[str, list[tuple[str, str]]]) -> str:
    """The Markdown of one generated part: the list of tables, or one view's description and columns."""
    if name == TABLES:
        return "\n".join(f"- `{table}`: {docs.relations[table]}" for table in docs.names("TABLE")) + "\n"
    if docs.kinds.get(name) != "VIEW":
        raise KeyError(f"docs/data-model.md marks a block for {name!r}, which is not a view in schema.sql")
    rows = [
        f"| `{column}` | {data_type} | {_cell(docs.columns[(name, column)])} |" for column, data_type in types[name]
    ]
    return "\n".join([docs.relations[name], "", "| Column | Type | Meaning |", "|---|---|---|", *rows]) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def regenerate(text: str, docs: Descriptions | None = None) -> str:
    """``text`` (docs/data-model.md) with every generated part written anew from schema.sql."""
    docs = docs or descriptions()
    types = column_types()
    return _BLOCK.sub(lambda m: m.group(1) + block(m.group(2), docs, types) + m.group(4), text)


def marked(text: str) -> list[str]:
    """The names of the generated parts of ``text``, in order."""
    return [m.group(2) for m in _BLOCK.finditer(text)]


def write_tables(path: Path = DATA_MODEL) -> bool:
    """Rewrite the generated parts of ``path``; whether anything changed."""
    text = path.read_text(encoding="utf-8")
    new = regenerate(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
