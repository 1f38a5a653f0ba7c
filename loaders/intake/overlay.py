"""A private copy of the shared database with extra programmes, for one browser session.

An uploaded programme is built by the loaders into a small database of its own (validated like
any other). :func:`overlay` then copies the shared database to a session-scoped file and adds the
small database's programme rows to it, so every public view (``spending``, ``programme_years``,
``partners``…) shows the upload beside the shared programmes. The shared file is only read.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb

# Tables that hold one programme's rows, in the order their keys reference each other, with the
# key that tells whether a row is already in the shared database (communities and populations of
# a community that is already there are kept as they are).
PROGRAMME_TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("communities", ("community_id",)),
    ("programmes", ("programme_id",)),
    ("source_lines", ("source_file", "source_line")),
    ("measures", ("programme_id", "measure_code")),
    ("measure_amounts", ("programme_id", "measure_code", "year")),
    ("stated_totals", ()),
    ("partner_relationships", ()),
    ("destination_spending", ()),
    ("issue_log", ()),
    ("population", ("community_id", "entity")),
)
# Row ids numbered per database: shifted past the shared database's largest id.
ROW_IDS = {"partner_relationships": "partner_id", "destination_spending": "partner_id", "issue_log": "issue_id"}


class OverlayError(Exception):
    """The extra programme cannot be added beside the shared ones (e.g. its id is already taken)."""


def _tables(con: duckdb.DuckDBPyConnection, catalog: str) -> set[str]:
    rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [catalog]).fetchall()
    return {name for (name,) in rows}


def _max_id(con: duckdb.DuckDBPyConnection, table: str, column: str) -> int:
    # names from ROW_IDS, never user text
    return con.execute(f"SELECT COALESCE(MAX({column}), 0) FROM main.{table}").fetchone()[0]


def overlay(shared: Path, extra: Path, target: Path) -> Path:
    """Write ``target``: a copy of ``shared`` with the programme rows of ``extra`` added.

    Raises :class:`OverlayError` when a programme or source file of ``extra`` is already in
    ``shared``. ``target`` is written to a temporary file first and moved into place, so it is
    either complete or absent.
    """
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        shutil.copyfile(shared, temp)
        with duckdb.connect(str(temp)) as con:
            con.execute("ATTACH ? AS extra (READ_ONLY)", [str(extra)])
            clashes = con.execute(
                """SELECT programme_id FROM extra.programmes WHERE programme_id IN (SELECT programme_id FROM main.programmes)
                   UNION ALL SELECT source_file FROM extra.programmes WHERE source_file IN (SELECT source_file FROM main.programmes)"""
            ).fetchall()
            if clashes:
                raise OverlayError(f"already in the shared database: {', '.join(sorted({c for (c,) in clashes}))}")
            offsets = {
                column: _max_id(con, table, column)
                for table, column in ROW_IDS.items()
                if table != "destination_spending"
            }
            present = _tables(con, "extra")
            for table, key in PROGRAMME_TABLES:
                if table not in present:
                    continue
                column = ROW_IDS.get(table)
                shift = f" REPLACE ({column} + {offsets[column]} AS {column})" if column else ""
                new_rows = f"SELECT *{shift} FROM extra.{table}"
                if key:
                    condition = " AND ".join(f"m.{k} = x.{k}" for k in key)
                    new_rows += f" x WHERE NOT EXISTS (SELECT 1 FROM main.{table} m WHERE {condition})"
                con.execute(f"INSERT INTO main.{table} BY NAME {new_rows}")
            con.execute("DETACH extra")
            con.execute("CHECKPOINT")
        os.replace(temp, target)
        return target
    finally:
        temp.unlink(missing_ok=True)
        temp.with_name(temp.name + ".wal").unlink(missing_ok=True)
