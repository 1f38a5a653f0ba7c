"""A session's copy of the database with an extra programme shows the same rows as a build of all of them."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from loaders.build import DATA_DIR, build
from loaders.intake.overlay import OverlayError, overlay

VIEWS = ("spending", "programme_years", "reconciliation", "partners", "partner_spending", "communities")
ORDER = {"partners": "community_id, partner_name_uk", "partner_spending": "programme_id, destination_name_uk, year"}


def _data_dir(tmp: Path, keep) -> Path:
    """A copy of data/ whose documents.csv keeps only the rows for which ``keep(row)`` holds."""
    target = tmp / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*"))
    path = target / "sources" / "documents.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, [r for r in reader if keep(r)]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(rows)
    return target


def _rows(path: Path, view: str) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        columns = [
            c
            for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [view]
            ).fetchall()
        ]
        keep = [c for c in columns if c not in ("partner_id", "issue_id")]  # row ids are numbered per database
        return sorted(con.execute(f"SELECT {', '.join(keep)} FROM {view}").fetchall(), key=repr)


@pytest.fixture(scope="module")
def databases(tmp_path_factory, database):
    tmp = tmp_path_factory.mktemp("overlay")
    with open(DATA_DIR / "sources" / "documents.csv", encoding="utf-8") as handle:
        last = list(csv.DictReader(handle))[-1]["programme_id"]
    shared, extra = tmp / "shared.duckdb", tmp / "extra.duckdb"
    assert build(shared, _data_dir(tmp / "a", lambda r: r["programme_id"] != last), progress=False).ok
    assert build(extra, _data_dir(tmp / "b", lambda r: r["programme_id"] == last), progress=False).ok
    return shared, extra, tmp, database


@pytest.mark.parametrize("view", VIEWS)
def test_overlay_equals_a_build_of_every_document(databases, view):
    shared, extra, tmp, full = databases
    session = overlay(shared, extra, tmp / f"session_{view}.duckdb")
    assert _rows(session, view) == _rows(full, view)


def test_the_shared_database_is_not_written(databases):
    shared, extra, tmp, _ = databases
    before = shared.read_bytes()
    overlay(shared, extra, tmp / "session_bytes.duckdb")
    assert shared.read_bytes() == before


def test_a_programme_already_shared_is_refused_and_nothing_is_written(databases):
    shared, _, tmp, full = databases
    target = tmp / "session_clash.duckdb"
    with pytest.raises(OverlayError, match="already in the shared database"):
        overlay(full, shared, target)
    assert not target.exists()
    assert not [p for p in tmp.iterdir() if p.name.startswith(".session_clash")]
