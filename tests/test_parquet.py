"""The Parquet export (python -m loaders export-parquet DIR) and the app running on it; data the app must not rebuild."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from loaders.__main__ import main
from loaders.publish.export_parquet import MANIFEST, connect, relations
from programme_analysis import queries
from tests.app_pages import DATA_PAGES, ENTRY, split, with_sections

PAGES = with_sections([*DATA_PAGES, "pages/peer_comparison.py"])


@pytest.fixture(scope="module")
def parquet_dir(database, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("parquet") / "programmes"
    assert main(["export-parquet", str(target), "--db", str(database), "--quiet"]) == 0
    return target


def test_every_table_and_view_has_a_file_with_the_same_rows(database, parquet_dir):
    with duckdb.connect(str(database), read_only=True) as con:
        names = relations(con)
        counts = {name: con.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for name in names}
    assert {p.stem for p in parquet_dir.glob("*.parquet")} == set(names)
    with connect(parquet_dir) as con:
        assert {name: con.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for name in names} == counts
    assert "spending" in names and "programme_years" in names


def test_export_refuses_a_folder_it_did_not_write(database, tmp_path):
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("keep me", encoding="utf-8")
    assert main(["export-parquet", str(foreign), "--db", str(database), "--quiet"]) == 2
    assert (foreign / "mine.txt").read_text(encoding="utf-8") == "keep me" and not (foreign / MANIFEST).exists()


def test_queries_on_the_folder_equal_queries_on_the_file(database, parquet_dir):
    for name, args in [
        ("programme_years", (["khmelnytskyi", "mena"],)),
        ("community_programme_totals", ()),
        ("data_issues", ()),
    ]:
        from_file = getattr(queries, name)(database, *args)
        from_folder = getattr(queries, name)(parquet_dir, *args)
        assert from_folder.astype(str).equals(from_file.astype(str)), name


def _page(page: str, source: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("PROGRAMMES_DB", str(source))
    page, params = split(page, {"lang": "en"})
    app = AppTest.from_file(str(ENTRY), default_timeout=60)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def _numbers(app: AppTest) -> tuple[list, list]:
    charts = [json.loads(c.proto.spec)["data"] for c in app.get("plotly_chart")]
    tables = [
        frame.value.astype(str).to_dict("list") if hasattr(frame.value, "to_dict") else str(frame.value)
        for frame in app.dataframe
    ]
    return charts, tables


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_the_same_numbers_from_parquet(page, database, parquet_dir, monkeypatch):
    from_file = _numbers(_page(page, database, monkeypatch))
    from_folder = _numbers(_page(page, parquet_dir, monkeypatch))
    assert from_file[0] or from_file[1], "the page shows numbers"
    assert from_folder == from_file


def test_data_the_app_did_not_build_is_never_rebuilt(database, parquet_dir, tmp_path):
    synthetic = tmp_path / "synthetic.duckdb"
    shutil.copy(database, synthetic)
    with duckdb.connect(str(synthetic)) as con:
        con.execute("INSERT INTO build_info VALUES ('synthetic', 'true')")
    os.utime(synthetic, (1, 1))  # older than every source: the app would rebuild a database it built itself
    before = synthetic.read_bytes()
    assert queries.ensure_database(synthetic) == synthetic
    assert synthetic.read_bytes() == before and synthetic.stat().st_mtime == 1
    manifest = (parquet_dir / MANIFEST).read_bytes()
    assert queries.ensure_database(parquet_dir) == parquet_dir and (parquet_dir / MANIFEST).read_bytes() == manifest
