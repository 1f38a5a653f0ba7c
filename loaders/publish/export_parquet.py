"""Export every table and view of the database as Parquet (``python -m loaders export-parquet DIR``).

One file per table or view (``spending.parquet``…) plus ``MANIFEST.txt``. The dashboard runs on
such a folder as it runs on the database file: point ``PROGRAMMES_DB`` at the folder, and each
query opens an in-memory DuckDB with one view per Parquet file (:func:`connect`). The folder can
live on object storage or be copied to stateless replicas; nobody writes to it while it is read.

The files are written into a temporary folder next to the target and swapped into place at the
end (:mod:`loaders.folder_swap`), so a failed export leaves no half-written folder. The target must be new, empty, or a folder
this export wrote before (it has ``MANIFEST.txt``), which is then replaced as a whole.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import duckdb
from tqdm import tqdm

from ..folder_swap import new_folder_beside, swap_in

MANIFEST = "MANIFEST.txt"
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


class ParquetExportError(Exception):
    pass


def relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every table and view of the database's main schema, in name order."""
    rows = con.execute(
        """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'main' AND table_catalog = current_database() ORDER BY table_name
        """
    ).fetchall()
    return [r[0] for r in rows if _NAME.match(r[0])]


def export_parquet(database: Path, directory: Path, progress: bool = True) -> list[str]:
    """Write each table and view of ``database`` to ``directory/<name>.parquet``; return the names."""
    if directory.exists() and any(directory.iterdir()) and not (directory / MANIFEST).exists():
        raise ParquetExportError(
            f"{directory} is not empty and was not written by export-parquet; choose a new or empty folder"
        )
    temp = new_folder_beside(directory)
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            names = relations(con)
            for name in tqdm(names, desc="Writing Parquet", unit="table", disable=not progress, file=sys.stderr):
                target = str(temp / f"{name}.parquet").replace("'", "''")
                # names from the catalogue, not from users
                con.execute(f"COPY (SELECT * FROM {name}) TO '{target}' (FORMAT parquet)")
        (temp / MANIFEST).write_text(
            f"Parquet export of {database.name} (python -m loaders export-parquet): one file per table or view.\n"
            + "\n".join(names)
            + "\n",
            encoding="utf-8",
        )
        swap_in(temp, directory)
        return names
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def connect(directory: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per Parquet file of ``directory`` (read-only data)."""
    con = duckdb.connect()
    for path in sorted(directory.glob("*.parquet")):
        if _NAME.match(path.stem):
            quoted = str(path).replace("'", "''")
            con.execute(f"CREATE VIEW {path.stem} AS SELECT * FROM read_parquet('{quoted}')")
    return con
