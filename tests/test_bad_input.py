"""Broken, empty, mis-encoded or unrecognised input gives a clear error and changes nothing."""

from __future__ import annotations

import csv
import hashlib

import pytest

from bench.synthetic.fixture_documents import facts
from loaders.__main__ import main
from loaders.build import build
from loaders.errors import SourceError

KHMELNYTSKYI = "khmelnytskyi_2021-2025.txt"


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def good_db(tmp_path, data_copy):
    path = tmp_path / "good.duckdb"
    assert build(path, data_dir=data_copy, progress=False).ok
    return path


def test_cp1251_document_is_decoded_and_gives_the_same_facts(data_copy, tmp_path, database):
    source = data_copy / "sources" / KHMELNYTSKYI
    source.write_bytes(source.read_text(encoding="utf-8").encode("cp1251"))
    assert build(tmp_path / "x.duckdb", data_dir=data_copy, progress=False).ok
    assert facts(tmp_path / "x.duckdb") == facts(database)


def test_text_in_no_cyrillic_encoding_is_refused_with_file_and_line(data_copy, tmp_path):
    source = data_copy / "sources" / KHMELNYTSKYI
    source.write_bytes("Programme\n\nCafé, crème brûlée, déjà vu, naïve façade\n".encode("latin-1"))
    with pytest.raises(SourceError) as error:
        build(tmp_path / "x.duckdb", data_dir=data_copy, progress=False)
    assert error.value.kind == "undecodable"
    assert f"{KHMELNYTSKYI}, line 3: The text is not UTF-8" in str(error.value)
    assert not (tmp_path / "x.duckdb").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01PK\x03\x04", "binary"),
        ("Лист про погоду.\n".encode(), "year_from could not be read from the document"),
    ],
)
def test_empty_binary_or_unrecognised_document(data_copy, tmp_path, content, expected):
    (data_copy / "sources" / KHMELNYTSKYI).write_bytes(content)
    with pytest.raises(SourceError, match=expected):
        build(tmp_path / "x.duckdb", data_dir=data_copy, progress=False)


def test_missing_document_and_unknown_layout(data_copy, tmp_path):
    meta = data_copy / "sources" / "documents.csv"
    rows = list(csv.DictReader(meta.open(encoding="utf-8")))
    rows[1]["layout"] = "spreadsheet"
    with meta.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=rows[0].keys())
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(SourceError, match="unknown layout 'spreadsheet'"):
        build(tmp_path / "x.duckdb", data_dir=data_copy, progress=False)
    (data_copy / "sources" / KHMELNYTSKYI).unlink()
    with pytest.raises(
        SourceError, match=f"{KHMELNYTSKYI}: documents.csv lists this file, but it is not in the sources folder"
    ):
        build(tmp_path / "x.duckdb", data_dir=data_copy, progress=False)


def test_failed_build_keeps_the_old_database_byte_for_byte(good_db, data_copy, tmp_path):
    before = _digest(good_db)
    (data_copy / "sources" / "mena_2022-2024.txt").write_bytes(b"\xff\xfe broken")
    with pytest.raises(SourceError):
        build(good_db, data_dir=data_copy, progress=False)
    assert _digest(good_db) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".good")) == []


def test_failed_validation_keeps_the_old_database(good_db, data_copy, monkeypatch):
    before = _digest(good_db)
    monkeypatch.setattr("loaders.build.validate", lambda con: ["forced_failure: for the test"])
    report = build(good_db, data_dir=data_copy, progress=False)
    assert not report.ok and report.failures == ["forced_failure: for the test"]
    assert _digest(good_db) == before


def test_cli_exits_non_zero_with_a_clear_message(data_copy, tmp_path, capsys):
    (data_copy / "sources" / "zdolbuniv_2024.txt").write_bytes("Café, crème brûlée, déjà vu\n".encode("latin-1"))
    code = main(["build", "--quiet", "--db", str(tmp_path / "x.duckdb"), "--data-dir", str(data_copy)])
    err = capsys.readouterr().err
    assert code == 2
    assert "zdolbuniv_2024.txt, line 1: The text is not UTF-8" in err
    assert "Traceback" not in err and "not changed" in err


@pytest.mark.database
def test_cli_prints_the_reconciliation(tmp_path, capsys):
    assert main(["build", "--quiet", "--db", str(tmp_path / "ok.duckdb")]) == 0
    out = capsys.readouterr().out
    assert "khmelnytskyi_2021_2025: 2021 total stated 1 840.0 vs sum of measures 1 840.0 -> RECONCILED" in out
    assert "zdolbuniv_2024: 2024 -> NO AMOUNTS STATED" in out
    assert out.count("\n") >= 4 + 13
