"""The synthetic national data set: built through the real loaders, marked synthetic everywhere, never under data/."""

from __future__ import annotations

import csv

import duckdb
import pytest

from bench.national_data import SYNTHETIC_MARK, main
from loaders.build import DATA_DIR
from programme_analysis import database_files, queries


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("national")
    database = folder / "programmes.duckdb"
    assert main(["--communities", "6", "--db", str(database), "--quiet", "--seed", "3"]) == 0
    return database, folder / "national_data"


def test_every_document_is_loaded_and_marked_synthetic(synthetic):
    database, out = synthetic
    with (out / "sources" / "documents.csv").open(encoding="utf-8") as handle:
        documents = list(csv.DictReader(handle))
    with duckdb.connect(str(database), read_only=True) as con:
        titles = [r[0] for r in con.execute("SELECT title_uk FROM programmes").fetchall()]
        ids = [r[0] for r in con.execute("SELECT community_id FROM communities").fetchall()]
        # a document with yearly amounts against its measures is a measures table; one that lists directions
        # without amounts (its money is in the passport) is a spending list
        layouts = con.execute(
            "SELECT layout, EXISTS (SELECT 1 FROM measure_amounts a WHERE a.programme_id = p.programme_id AND a.amount_status = 'stated') FROM programmes p"
        ).fetchall()
    assert len(titles) == len(documents) == 6
    assert all(title.startswith(SYNTHETIC_MARK) for title in titles)
    assert all(community_id.startswith("syn_") for community_id in ids)
    assert all(d["layout"] == "" for d in documents)  # left blank: the build detects it, as for real documents
    assert {layout for layout, _ in layouts} == {"measures_table", "spending_list"}
    assert all(layout == ("measures_table" if has_amounts else "spending_list") for layout, has_amounts in layouts)
    assert queries.build_info(database)["synthetic"] == "true"
    # never rebuilt by the app
    assert database_files.origin(database, DATA_DIR, DATA_DIR / "programmes.duckdb") == "foreign"


def test_programmes_have_one_to_five_years_and_five_to_forty_measures(synthetic):
    database, _ = synthetic
    rows = queries.read_sql(
        database,
        "SELECT p.programme_id, p.layout, p.year_to - p.year_from + 1 AS years, COUNT(m.measure_code) AS measures "
        "FROM programmes p JOIN measures m USING (programme_id) GROUP BY ALL",
    )
    assert rows["years"].between(1, 5).all()
    tables = rows[rows["layout"] == "measures_table"]
    assert not tables.empty
    assert tables["measures"].between(5, 40).all()


def test_the_generator_refuses_to_write_under_data(tmp_path, capsys):
    assert main(["--communities", "2", "--db", str(DATA_DIR / "synthetic.duckdb"), "--quiet"]) == 2
    assert "inside" in capsys.readouterr().err
    assert not (DATA_DIR / "synthetic.duckdb").exists()
