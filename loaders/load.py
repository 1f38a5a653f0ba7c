"""Load: write the tables into a new DuckDB file, then swap it in only when it is valid.

The database is built in a temporary file next to the target and moved over it with
``os.replace`` (atomic on one file system), so a failed build leaves the previous
database untouched, byte for byte.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

from .publish.schema_docs import comment_statements, descriptions, schema_sql

log = logging.getLogger(__name__)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The tables and views of schema.sql, with every description stored as a comment."""
    con.execute(schema_sql())
    con.execute(";\n".join(comment_statements(descriptions())))


def write_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, pd.DataFrame]) -> None:
    """Insert each DataFrame into the table of the same name, in dependency order."""
    order = [
        "communities",
        "programmes",
        "source_lines",
        "line_pictures",
        "categories",
        "category_rules",
        "measures",
        "measure_amounts",
        "stated_totals",
        "funding_sources",
        "partner_relationships",
        "destination_spending",
        "issue_log",
        "population",
        "community_register",
        "partnership_map",
        "partner_comparison",
        "cpi",
        "build_info",
    ]
    for name in order:
        frame = tables.get(name)
        if frame is None or frame.empty:
            continue
        columns = [
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [name],
            ).fetchall()
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
