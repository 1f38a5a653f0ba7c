"""``loaders add`` reads the new document once and reads no unchanged document again, and the database it gives is
the one a full rebuild gives: every table, row for row (``EXCEPT ALL`` both ways)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from loaders.build import DATA_DIR, build
from loaders.intake import add as add_module
from loaders.read import text_cache
from tests.data_copy import DOCUMENTS, add_document, without

pytestmark = pytest.mark.database

# what differs between two builds by nature: when and from which folder each was built
BUILD_ONLY = {"build_info": "key NOT IN ('built_at', 'data_dir')"}


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1")
    return [name for (name,) in rows.fetchall()]


def _differences(first: Path, second: Path) -> dict[str, tuple[int, int]]:
    """Per table, the rows only in ``first`` and the rows only in ``second``, where there are any."""
    with duckdb.connect() as con:
        con.execute(f"ATTACH '{first}' AS a (READ_ONLY)")
        con.execute(f"ATTACH '{second}' AS b (READ_ONLY)")
        con.execute("USE a")
        names = _tables(con)
        con.execute("USE b")
        assert _tables(con) == names
        found = {}
        for name in names:
            where = f" WHERE {BUILD_ONLY[name]}" if name in BUILD_ONLY else ""
            only_a = con.execute(
                f"SELECT COUNT(*) FROM (SELECT * FROM a.{name}{where} EXCEPT ALL SELECT * FROM b.{name}{where})"
            ).fetchone()[0]
            only_b = con.execute(
                f"SELECT COUNT(*) FROM (SELECT * FROM b.{name}{where} EXCEPT ALL SELECT * FROM a.{name}{where})"
            ).fetchone()[0]
            if only_a or only_b:
                found[name] = (only_a, only_b)
    return found


def test_an_added_document_is_read_once_and_the_database_is_a_full_rebuild_s(tmp_path, monkeypatch, capsys):
    document = next(d for d in DOCUMENTS if d["source_file"].endswith(".txt"))
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "sources", data / "sources")
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    without(data, document)
    before = build(data / "programmes.duckdb", data_dir=data, progress=False)  # the database before: its documents read
    assert before.ok

    reads: list[str] = []
    real = text_cache.read_programme_file
    monkeypatch.setattr(
        add_module, "read_programme_file", lambda path, *a, **k: reads.append(Path(path).name) or real(path, *a, **k)
    )
    monkeypatch.setattr(
        text_cache, "read_programme_file", lambda path, *a, **k: reads.append(Path(path).name) or real(path, *a, **k)
    )
    incoming = tmp_path / "incoming" / document["source_file"]
    incoming.parent.mkdir()
    shutil.copyfile(DATA_DIR / "sources" / document["source_file"], incoming)
    assert add_document(incoming, data, "--community-id", document["community_id"]) == 0
    capsys.readouterr()
    assert reads == [document["source_file"]]  # the new file, once; no document of the database before, again

    monkeypatch.setattr(text_cache, "read_programme_file", real)
    rebuilt = tmp_path / "full" / "programmes.duckdb"
    rebuilt.parent.mkdir()
    assert build(rebuilt, data_dir=data, progress=False).ok  # a new folder: every document read anew
    assert len(list((tmp_path / "full" / "programmes.read-cache").iterdir())) == len(DOCUMENTS)  # each read once
    assert _differences(data / "programmes.duckdb", rebuilt) == {}


def test_the_comparison_finds_a_row_that_differs(tmp_path):
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    for path, value in ((first, 1), (second, 2)):
        with duckdb.connect(str(path)) as con:
            con.execute("CREATE TABLE t (x INTEGER)")
            con.execute("INSERT INTO t VALUES (?), (3)", [value])
    assert _differences(first, second) == {"t": (1, 1)}


def test_a_damaged_cache_entry_is_read_again_never_trusted(tmp_path):
    source = tmp_path / "programme.txt"
    source.write_text(
        (DATA_DIR / "sources" / DOCUMENTS[0]["source_file"]).read_text(encoding="utf-8"), encoding="utf-8"
    )
    texts = text_cache.TextCache(tmp_path / "cache")
    first = texts.text_of(source)
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_text("{not json", encoding="utf-8")
    again = text_cache.TextCache(tmp_path / "cache")
    assert again.text_of(source) == first and (again.read, again.taken) == (1, 0)
    assert text_cache.TextCache(tmp_path / "cache").text_of(source) == first  # and kept right again
