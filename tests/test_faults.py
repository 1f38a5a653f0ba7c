"""Faults the app survives: a database deleted, truncated or overwritten while it runs, missing sources,
two builds at once, a database the app did not build, an unexpected error on a page."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from loaders.build import WAITING_FOR_ANOTHER_BUILD, build, build_lock
from programme_analysis import database_files, queries
from programme_analysis.database_files import DatabaseUnavailable
from programme_analysis.texts import text
from tests.app_pages import served_like_the_server  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "dashboard.py"


@pytest.fixture()
def built(database, tmp_path) -> Path:
    """A private copy of the session's database (built from data/), so a test can break it."""
    copy = tmp_path / "db" / "programmes.duckdb"
    copy.parent.mkdir()
    copy.write_bytes(database.read_bytes())
    return copy


def community_count(database: Path) -> int:
    return len(queries.communities(database))


def expected_communities() -> int:
    return sum(1 for _ in (ROOT / "data" / "sources" / "communities.csv").open(encoding="utf-8")) - 1


def test_a_copy_of_a_build_counts_as_ours(built):
    assert database_files.origin(built, ROOT / "data", ROOT / "data" / "programmes.duckdb") == "ours"


@pytest.mark.parametrize("damage", ["delete", "truncate", "garbage", "empty"])
def test_a_damaged_database_is_rebuilt(built, damage):
    if damage == "delete":
        built.unlink()
    elif damage == "truncate":
        data = built.read_bytes()
        built.write_bytes(data[: len(data) // 3])
    elif damage == "garbage":
        built.write_bytes(os.urandom(50_000))
    else:
        built.write_bytes(b"")
    assert database_files.origin(built, ROOT / "data", ROOT / "data" / "programmes.duckdb") in {"missing", "unreadable"}
    if damage != "truncate":  # DuckDB may still read a table from the first third of the file
        with pytest.raises(DatabaseUnavailable) as raised:
            queries.communities(built)  # a query on the damaged file says what is wrong, not a DuckDB traceback
        assert raised.value.reason == "unreadable"
    assert queries.ensure_database(built) == built
    assert community_count(built) == expected_communities()


def test_missing_sources_are_named(tmp_path):
    (tmp_path / "data" / "reference").mkdir(parents=True)
    with pytest.raises(DatabaseUnavailable) as raised:
        queries.ensure_database(tmp_path / "programmes.duckdb", data_dir=tmp_path / "data")
    assert raised.value.reason == "sources_missing"
    assert str(tmp_path / "data" / "sources") in raised.value.detail
    assert "reference" not in raised.value.detail
    assert raised.value.message("uk").startswith(text("database_sources_missing", "uk"))
    assert not (tmp_path / "programmes.duckdb").exists()


@pytest.mark.database
def test_a_database_built_from_other_sources_is_never_rebuilt(data_copy, tmp_path):
    foreign = tmp_path / "deployment.duckdb"
    assert build(foreign, data_dir=data_copy, progress=False).ok
    os.utime(foreign, (1_000_000, 1_000_000))  # older than every source: ours would be rebuilt
    before = foreign.read_bytes()
    assert queries.ensure_database(foreign) == foreign
    assert foreign.read_bytes() == before and foreign.stat().st_mtime == 1_000_000


def test_a_synthetic_database_is_only_read(tmp_path):
    synthetic = tmp_path / "synthetic.duckdb"
    with duckdb.connect(str(synthetic)) as con:
        con.execute("CREATE TABLE communities AS SELECT 'x' AS community_id, 'X' AS name_en")
    os.utime(synthetic, (1_000_000, 1_000_000))
    before = synthetic.read_bytes()
    assert queries.ensure_database(synthetic) == synthetic
    assert synthetic.read_bytes() == before
    assert database_files.origin(synthetic, ROOT / "data", ROOT / "data" / "programmes.duckdb") == "foreign"


def test_a_reader_never_blocks_a_rebuild(built):
    with duckdb.connect(str(built), read_only=True) as reader:  # as the app reads it
        assert build(built, progress=False).ok
        assert reader.execute("SELECT COUNT(*) FROM communities").fetchone()[0] == expected_communities()
    assert community_count(built) == expected_communities()


def _cli_build(database: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "loaders", "build", "--db", str(database), "--quiet"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_build_waits_for_the_lock_another_process_holds(tmp_path):
    database = tmp_path / "programmes.duckdb"
    with build_lock(database):
        waiting = _cli_build(database)
        ready, _, _ = select.select([waiting.stderr], [], [], 60)
        said = waiting.stderr.readline() if ready else ""
        assert said.startswith(WAITING_FOR_ANOTHER_BUILD), f"the CLI build did not say it waits: {said!r}"
        time.sleep(1)
        assert waiting.poll() is None, "the CLI build did not wait for the lock"
        assert not database.exists()
    assert waiting.wait(timeout=180) == 0, waiting.stderr.read()
    assert community_count(database) == expected_communities()


def test_two_builds_and_the_app_at_once_leave_one_good_database(tmp_path):
    database = tmp_path / "programmes.duckdb"
    app_like = [
        sys.executable,
        "-c",
        "import sys; from pathlib import Path; from programme_analysis.queries import ensure_database; "
        "ensure_database(Path(sys.argv[1]))",
        str(database),
    ]
    processes = [
        _cli_build(database),
        _cli_build(database),
        subprocess.Popen(app_like, cwd=ROOT, stderr=subprocess.PIPE, text=True),
    ]
    for process in processes:
        assert process.wait(timeout=300) == 0, process.stderr.read()
    assert community_count(database) == expected_communities()
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT value FROM build_info WHERE key = 'data_dir'").fetchone()[0] == str(
            (ROOT / "data").resolve()
        )
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".wal"))]
    assert leftovers == []


def _app(database: Path) -> AppTest:
    app = AppTest.from_file(str(ENTRY), default_timeout=60)
    app.query_params["lang"] = "en"
    return app


@pytest.mark.parametrize("damage", ["delete", "garbage"])
@pytest.mark.usefixtures("served_like_the_server")
def test_the_app_rebuilds_a_database_damaged_while_it_runs(built, monkeypatch, damage):
    import streamlit as st

    st.cache_resource.clear()
    monkeypatch.setenv("PROGRAMMES_DB", str(built))
    app = _app(built)
    app.run()
    assert not app.exception and app.title[0].value == text("page_overview", "en")
    if damage == "delete":
        built.unlink()
    else:
        built.write_bytes(os.urandom(20_000))
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    assert app.title[0].value == text("page_overview", "en")
    assert community_count(built) == expected_communities()


def test_the_app_names_missing_sources_without_a_traceback(tmp_path, monkeypatch):
    import loaders.build
    import programme_analysis.queries

    monkeypatch.setenv("PROGRAMMES_DB", str(tmp_path / "programmes.duckdb"))
    monkeypatch.setattr(loaders.build, "DATA_DIR", tmp_path / "data")
    monkeypatch.setattr(programme_analysis.queries, "DATA_DIR", tmp_path / "data")
    app = _app(tmp_path / "programmes.duckdb")
    app.run()
    assert not app.exception
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and errors[0].startswith(text("database_sources_missing", "en")) and "sources" in errors[0]


@pytest.mark.parametrize("raise_again", ["1", "0"])
def test_an_unexpected_error_shows_one_sentence_in_the_users_language(database, monkeypatch, raise_again):
    import streamlit as st

    st.cache_resource.clear()
    monkeypatch.setenv("PROGRAMMES_DB", str(database))
    monkeypatch.setenv("DASHBOARD_RAISE_ERRORS", raise_again)  # "0": as deployed

    def broken(*args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(queries, "programme_years", broken)
    app = _app(database)
    app.run()
    assert [e.value for e in app.error] == [text("unexpected_error", "en")]
    assert len(app.exception) == (1 if raise_again == "1" else 0)  # raised again for the tests only
    assert [b.label for b in app.button if b.label == text("start_again", "en")]
