"""Load: write the tables into a new DuckDB file, then swap it in only when it is valid.

The database is built in a temporary file next to the target and moved over it with
``os.replace`` (atomic on one file system), so a failed build leaves the previous
database untouched, byte for byte.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

SCHEMA_FILE = Path(__file__).resolve().parent / "schema.sql"
_TABLE = re.compile(r"^CREATE TABLE (\w+) \($")
_COLUMN = re.compile(r"^\s+(\w+) [A-Z].*?--\s*(.+)$")

log = logging.getLogger(__name__)


def schema_sql() -> str:
    return SCHEMA_FILE.read_text(encoding="utf-8")


def column_comments(sql: str | None = None) -> dict[tuple[str, str], str]:
    """``{(table, column): comment}`` from the ``--`` comments in ``schema.sql``."""
    comments: dict[tuple[str, str], str] = {}
    table = None
    for line in (sql or schema_sql()).splitlines():
        if match := _TABLE.match(line):
            table = match.group(1)
        elif line.startswith(")"):
            table = None
        elif table and (match := _COLUMN.match(line)):
            comments[(table, match.group(1))] = match.group(2).strip()
    return comments


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(schema_sql())
    for (table, column), comment in column_comments().items():
        quoted = comment.replace("'", "''")  # text from schema.sql, never from users
        con.execute(f"COMMENT ON COLUMN {table}.{column} IS '{quoted}'")


def write_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, pd.DataFrame]) -> None:
    """Insert each DataFrame into the table of the same name, in dependency order."""
    order = [
        "communities", "programmes", "source_lines", "categories", "category_rules", "measures", "measure_amounts",
        "stated_totals", "funding_sources", "partner_relationships", "destination_spending", "issue_log", "population", "community_register",
        "partnership_map", "partner_comparison", "cpi", "build_info",
    ]  # fmt: skip
    for name in order:
        frame = tables.get(name)
        if frame is None or frame.empty:
            continue
        columns = [
            r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [name]).fetchall()
        ]
        present = [c for c in columns if c in frame.columns]
        con.register("incoming", frame[present])
        con.execute(f"INSERT INTO {name} ({', '.join(present)}) SELECT {', '.join(present)} FROM incoming")
        con.unregister("incoming")


def build_database(target: Path, tables: dict[str, pd.DataFrame], validate) -> list[str]:
    """Write ``tables`` into a temporary database, run ``validate(con)``, and move it over
    ``target`` only when ``validate`` returns no failures. Returns the failures."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    temp.unlink()  # DuckDB wants to create the file itself
    try:
        with duckdb.connect(str(temp)) as con:
            create_schema(con)
            write_tables(con, tables)
            failures = validate(con)
            con.execute("CHECKPOINT")
        if failures:
            return failures
        os.replace(temp, target)
        log.info("wrote %s", target)
        return []
    finally:
        for leftover in (temp, temp.with_name(temp.name + ".wal")):
            leftover.unlink(missing_ok=True)
