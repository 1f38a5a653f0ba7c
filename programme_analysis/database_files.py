"""Whose database file is it, and can it be read? The app's answer decides whether it may rebuild it.

- ``missing``: no file; the app builds one from its sources.
- ``ours``: a readable database whose ``build_info.data_dir`` is the app's own data folder (or the
  default file ``data/programmes.duckdb``); rebuilt when older than its sources.
- ``foreign``: a readable database the app did not build from its sources (a deployment, a folder
  of Parquet files, or a database marked synthetic, named by ``PROGRAMMES_DB``); opened read-only,
  never rebuilt or replaced.
- ``unreadable``: a file that is not a DuckDB database, or a truncated or damaged one; it holds
  nothing the app can show, so the app replaces it with a build from its sources.

The check opens the file read-only for a moment and remembers the answer per (path, size,
modification time, inode), so a replaced or damaged file is noticed on the next run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .texts import text

log = logging.getLogger(__name__)

_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB file
_HEADER_BYTES = 3 * 4096  # DuckDB's file header and its two database headers, before the first block
_seen: dict[tuple[str, int, int, int], str] = {}


@dataclass
class DatabaseUnavailable(Exception):
    """The database cannot be shown: ``reason`` is a key of ``texts`` (``database_<reason>``), ``detail`` names what."""

    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return self.message("en")

    def message(self, lang: str) -> str:
        sentence = text(f"database_{self.reason}", lang)
        return f"{sentence} {self.detail}".strip()


def origin(database: Path, data_dir: Path, default: Path) -> str:
    """``missing``, ``ours``, ``foreign`` or ``unreadable`` (see the module's docstring)."""
    try:
        stat = database.stat()
    except FileNotFoundError:
        return "missing"
    if database.is_dir():  # a folder of Parquet files (python -m loaders export-parquet): only read
        return "foreign"
    key = (str(database), stat.st_size, stat.st_mtime_ns, stat.st_ino)
    if key not in _seen:
        _seen[key] = _read_origin(database, data_dir, default)
    return _seen[key]


def _read_origin(database: Path, data_dir: Path, default: Path) -> str:
    with database.open("rb") as handle:
        header = handle.read(12)
    if header[8:12] != _MAGIC:
        log.warning("%s is not a DuckDB database", database)
        return "unreadable"
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            block_size, blocks = con.execute("SELECT block_size, total_blocks FROM pragma_database_size()").fetchone()
            if database.stat().st_size < _HEADER_BYTES + block_size * blocks:  # cut short: later reads would fail
                log.warning("%s is truncated", database)
                return "unreadable"
            tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            built_from, synthetic = None, False
            if "build_info" in tables:
                info = dict(
                    con.execute("SELECT key, value FROM build_info WHERE key IN ('data_dir', 'synthetic')").fetchall()
                )
                built_from, synthetic = info.get("data_dir"), info.get("synthetic") == "true"
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():  # another program writes it: not ours to judge, and certainly not to replace
            log.warning("%s is locked by another program: %s", database, exc)
            return "foreign"
        log.warning("%s cannot be read: %s", database, exc)
        return "unreadable"
    except duckdb.Error as exc:
        log.warning("%s cannot be read: %s", database, exc)
        return "unreadable"
    if synthetic:  # generated test data (bench.national_data): shown as it is, never replaced by a build
        return "foreign"
    if database.resolve() == default.resolve() or built_from == str(data_dir.resolve()):
        return "ours"
    return "foreign"


def missing_sources(data_dir: Path) -> list[str]:
    """The folders and files a build needs that are not there (empty when the build can start)."""
    needed = [
        data_dir / "sources",
        data_dir / "sources" / "documents.csv",
        data_dir / "sources" / "communities.csv",
        data_dir / "reference",
    ]
    return [str(path) for path in needed if not path.exists()]
