"""The open data package: valid, true to the database, fully described, and never half-written."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from frictionless import validate

from loaders import folder_swap
from loaders.__main__ import main
from loaders.publish import export
from loaders.publish.export import ExportError, export_package
from loaders.publish.package_zip import package_zip


@pytest.fixture(scope="module")
def package(database, tmp_path_factory) -> Path:
    return export_package(database, tmp_path_factory.mktemp("export") / "package")


@pytest.fixture(scope="module")
def descriptor(package) -> dict:
    return json.loads((package / "datapackage.json").read_text(encoding="utf-8"))


def _rows(package: Path, name: str) -> list[dict]:
    with open(package / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in directory.iterdir()}


def test_package_validates_with_frictionless(package):
    report = validate(package / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def test_every_public_view_and_reference_table_is_a_resource(descriptor, package, con):
    present = {name for (name,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    expected = [n for n in (*export.VIEWS, *export.OPTIONAL_VIEWS, *export.TABLES) if n in present]
    assert [r["name"] for r in descriptor["resources"]] == expected
    assert sorted(p.name for p in package.iterdir()) == sorted(
        ["datapackage.json", "README.md", *(f"{n}.csv" for n in expected)]
    )
    for resource in descriptor["resources"]:
        columns = [d[0] for d in con.execute(f'SELECT * FROM "{resource["name"]}" LIMIT 0').description]
        assert [f["name"] for f in resource["schema"]["fields"]] == columns
        assert (
            len(_rows(package, resource["name"]))
            == con.execute(f'SELECT COUNT(*) FROM "{resource["name"]}"').fetchone()[0]
        )


def test_spending_per_community_adds_up_to_the_database(package, con):
    exported = defaultdict(lambda: None)
    for row in _rows(package, "spending"):
        if row["amount_thousand_uah"]:
            exported[row["community_id"]] = (exported[row["community_id"]] or 0) + Decimal(row["amount_thousand_uah"])
    in_db = dict(
        con.execute("SELECT community_id, SUM(amount_thousand_uah) FROM spending GROUP BY community_id").fetchall()
    )
    assert {c: exported[c] for c in in_db} == in_db
    assert any(total is not None for total in in_db.values())


def test_planned_totals_per_programme_year_equal_the_database(package, con):
    exported = {
        (r["programme_id"], int(r["year"])): Decimal(r["planned_total_thousand_uah"])
        if r["planned_total_thousand_uah"]
        else None
        for r in _rows(package, "programme_years")
    }
    in_db = {
        (pid, year): total
        for pid, year, total in con.execute(
            "SELECT programme_id, year, planned_total_thousand_uah FROM programme_years"
        ).fetchall()
    }
    assert exported == in_db


def test_every_field_and_resource_is_described_and_amounts_give_their_unit(descriptor):
    missing = [
        (r["name"], f["name"])
        for r in descriptor["resources"]
        for f in r["schema"]["fields"]
        if not (f.get("description") or "").strip()
    ]
    assert missing == []
    assert all(r["description"].strip() for r in descriptor["resources"])
    amounts = [f for r in descriptor["resources"] for f in r["schema"]["fields"] if f["name"].endswith("_thousand_uah")]
    assert amounts and all("thousand UAH" in f["description"] and f["type"] == "number" for f in amounts)
    assert "thousand UAH" in descriptor["description"]


def test_table_comments_are_the_field_descriptions(descriptor, con):
    comments = dict(
        ((t, c), text)
        for t, c, text in con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE comment IS NOT NULL"
        ).fetchall()
    )
    communities = next(r for r in descriptor["resources"] if r["name"] == "communities")
    assert {f["name"]: f["description"] for f in communities["schema"]["fields"]} == {
        c: text for (t, c), text in comments.items() if t == "communities"
    }
    assert communities["schema"]["primaryKey"] == ["community_id"]


def test_package_metadata_is_derived_from_the_database(descriptor, con):
    first, last = con.execute("SELECT MIN(year), MAX(year) FROM programme_years").fetchone()
    assert descriptor["fiscalPeriod"] == {"start": f"{first}-01-01", "end": f"{last}-12-31"}
    assert descriptor["countryCode"] == "UA" and descriptor["granularity"] == "aggregated"
    measure = descriptor["model"]["measures"]["planned_amount"]
    assert (measure["currency"], measure["factor"], measure["phase"]) == ("UAH", 1000, "approved")
    assert descriptor["licenses"][0]["title"] == export.LICENCE_WORDING
    sources = json.dumps(descriptor["sources"], ensure_ascii=False)
    files = [f for (f,) in con.execute("SELECT source_file FROM programmes").fetchall()]
    urls = [
        u
        for (u,) in con.execute(
            "SELECT source_url FROM population WHERE source_url IS NOT NULL UNION SELECT source_url FROM cpi"
        ).fetchall()
    ]
    assert files and urls and all(item in sources for item in files + urls)


def test_missing_database_gives_a_clear_error_and_writes_nothing(tmp_path):
    with pytest.raises(ExportError, match="not found"):
        export_package(tmp_path / "nothing.duckdb", tmp_path / "package")
    assert list(tmp_path.iterdir()) == []


def test_impossible_directory_gives_a_clear_error(database, tmp_path):
    (tmp_path / "a_file").write_text("not a folder", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write"):
        export_package(database, tmp_path / "a_file" / "package")
    with pytest.raises(ExportError, match="is a file"):
        export_package(database, tmp_path / "a_file")
    assert _files(tmp_path) == {"a_file": b"not a folder"}


def test_failure_midway_leaves_no_half_written_package(database, tmp_path, monkeypatch):
    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(export, "package_descriptor", fail)  # after every CSV is written
    with pytest.raises(ExportError, match="disk full"):
        export_package(database, tmp_path / "package")
    assert list(tmp_path.iterdir()) == []


def test_failed_export_keeps_the_previous_package_byte_for_byte(database, tmp_path, monkeypatch):
    target = export_package(database, tmp_path / "package")
    before = _files(target)
    real_rename = folder_swap.os.rename

    def rename(source, destination):
        if str(source).endswith(".tmp"):
            raise OSError("rename refused")
        real_rename(source, destination)

    monkeypatch.setattr(folder_swap.os, "rename", rename)  # the new package cannot be moved in: the old one goes back
    with pytest.raises(ExportError, match="rename refused"):
        export_package(database, target)
    assert _files(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["package"]


def test_previous_package_is_replaced_and_other_folders_are_refused(database, tmp_path):
    target = export_package(database, tmp_path / "package")
    (target / "spending.csv").write_text("stale", encoding="utf-8")
    export_package(database, target)
    assert (target / "spending.csv").read_text(encoding="utf-8") != "stale"
    assert [p.name for p in tmp_path.iterdir()] == ["package"]

    (target / "my_notes.txt").write_text("mine", encoding="utf-8")
    before = _files(target)
    with pytest.raises(ExportError, match="not empty"):
        export_package(database, target)
    assert _files(target) == before


def test_cli_export(database, tmp_path, capsys):
    assert main(["export", str(tmp_path / "pkg"), "--db", str(database), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert f"Wrote {tmp_path / 'pkg'}" in out and "spending.csv (" in out and "datapackage.json" in out
    assert (tmp_path / "pkg" / "datapackage.json").is_file()


def test_cli_export_error_exits_2_without_traceback(database, tmp_path, capsys):
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    assert main(["export", str(tmp_path / "a_file"), "--db", str(database), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "error:" in err and "is a file" in err and "Traceback" not in err


def test_package_zip_holds_the_same_files(database, package):
    with zipfile.ZipFile(io.BytesIO(package_zip(database))) as archive:
        assert sorted(archive.namelist()) == sorted(p.name for p in package.iterdir())
        assert archive.read("spending.csv") == (package / "spending.csv").read_bytes()
