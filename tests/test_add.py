"""``python -m loaders add``: one command adds a programme, in a tmp copy of data/ (never the repo's)."""

from __future__ import annotations

import hashlib
import re
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from bench.synthetic.fixture_documents import make_docx, make_pdf
from loaders.build import DATA_DIR, build
from loaders.extract import detect_programme
from loaders.intake.add import passport_lines, unread_rows
from tests.conftest import GOLDEN
from tests.data_copy import COMMUNITIES, DOCUMENTS, add_document, read_rows, without, write_rows
from tests.documents import document


def _snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _golden(name: str, community_id: str) -> pd.DataFrame:
    frame = pd.read_csv(GOLDEN / name, dtype=str, keep_default_na=False)
    return frame[frame["community_id"] == community_id]


def _amounts(con: duckdb.DuckDBPyConnection, community_id: str) -> list[tuple]:
    """Every measure's amount for every year, as the database gives it: (code, year, amount or None, status)."""
    rows = con.execute(
        "SELECT measure_code, year, amount_thousand_uah, amount_status FROM spending WHERE community_id = ?",
        [community_id],
    ).fetchall()
    return sorted(rows, key=lambda r: (r[0], r[1]))


def _golden_amounts(community_id: str) -> list[tuple]:
    """The same, from the golden rows checked against the document."""
    rows = _golden("measures.csv", community_id)
    return sorted(
        (
            (
                r.measure_code,
                int(r.year),
                Decimal(r.amount_thousand_uah) if r.amount_thousand_uah else None,
                r.amount_status,
            )
            for r in rows.itertuples()
        ),
        key=lambda r: (r[0], r[1]),
    )


@pytest.mark.database
@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d["programme_id"])
def test_adding_a_real_document_gives_its_community_years_measures_and_totals(document, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "sources", data / "sources")
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    without(data, document)
    copy = tmp_path / "incoming" / "programme.txt"
    copy.parent.mkdir()
    shutil.copyfile(DATA_DIR / "sources" / document["source_file"], copy)
    cid = document["community_id"]

    assert add_document(copy, data, "--community-id", cid) == 0
    out = capsys.readouterr().out
    katottg = COMMUNITIES[cid]["katottg"]
    assert katottg in out and "matched in the register" in out
    assert (
        "rows that look like measures or amounts but were not read:" in out
        and "reconciliation of the stated totals" in out
    )

    measures = _golden("measures.csv", cid)
    totals = _golden("programme_totals.csv", cid)
    with duckdb.connect(str(data / "programmes.duckdb"), read_only=True) as con:
        assert con.execute("SELECT katottg FROM communities WHERE community_id = ?", [cid]).fetchone() == (katottg,)
        years = con.execute("SELECT year_from, year_to FROM programmes WHERE community_id = ?", [cid]).fetchone()
        assert list(range(years[0], years[1] + 1)) == sorted({int(y) for y in measures["year"]})
        assert (
            con.execute(
                "SELECT COUNT(*) FROM measures JOIN programmes USING (programme_id) WHERE community_id = ?", [cid]
            ).fetchone()[0]
            == measures["measure_code"].nunique()
        )
        assert _amounts(con, cid) == _golden_amounts(cid)  # every amount, not only their count
        got = con.execute(
            "SELECT year, stated_total_thousand_uah FROM programme_years WHERE community_id = ? AND stated_total_thousand_uah IS NOT NULL ORDER BY year",
            [cid],
        ).fetchall()
    assert got == [(int(r.year), Decimal(r.stated_total_thousand_uah)) for r in totals.sort_values("year").itertuples()]
    # same name as the repo's: community and years
    assert (data / "sources" / document["source_file"]).read_bytes() == copy.read_bytes()


def test_without_options_the_id_and_english_name_come_from_the_transliteration(database, tmp_path, capsys):
    document = next(
        d
        for d in DOCUMENTS
        if COMMUNITIES[d["community_id"]]["name_uk"]
        in (DATA_DIR / "sources" / d["source_file"]).read_text(encoding="utf-8")
    )
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "sources", data / "sources")
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    without(data, document)
    copy = tmp_path / "programme.txt"
    shutil.copyfile(DATA_DIR / "sources" / document["source_file"], copy)
    assert add_document(copy, data) == 0
    capsys.readouterr()
    community = read_rows(data / "sources" / "communities.csv")[1][-1]
    original = COMMUNITIES[document["community_id"]]
    assert (community["name_uk"], community["katottg"], community["oblast_uk"]) == (
        original["name_uk"],
        original["katottg"],
        original["oblast_uk"],
    )
    assert community["community_id"] == document["community_id"]  # the official transliteration gives the same id
    assert community["name_en"] == original["name_en"]
    assert community["colour"] not in {
        c["colour"] for c in COMMUNITIES.values() if c["community_id"] != document["community_id"]
    }
    record = read_rows(data / "sources" / "documents.csv")[1][-1]
    with duckdb.connect(str(database), read_only=True) as con:  # the build of data/ detects the same layout
        layout = con.execute(
            "SELECT layout FROM programmes WHERE programme_id = ?", [document["programme_id"]]
        ).fetchone()[0]
    assert record["layout"] == layout and record["community_match"].startswith("matched in the register")


def test_a_community_that_is_not_loaded_yet_gets_its_register_row_and_a_transliterated_id(data, tmp_path, capsys):
    # a real document with its city's name changed in every form: a programme of a community the data lacks
    document = next(
        d for d in DOCUMENTS if "Хмельницького" in (DATA_DIR / "sources" / d["source_file"]).read_text(encoding="utf-8")
    )
    text = (DATA_DIR / "sources" / document["source_file"]).read_text(encoding="utf-8")
    forms = {
        "Хмельницького": "Ізяслава",
        "Хмельницький": "Ізяслав",
        "Хмельницької": "Ізяславської",
        "Хмельницьким": "Ізяславом",
        "хмельницьких": "ізяславських",
    }
    renamed = tmp_path / "programme.txt"
    renamed.write_text(re.sub("|".join(forms), lambda m: forms[m.group(0)], text), encoding="utf-8")
    register = pd.read_csv(DATA_DIR / "reference" / "communities_ua.csv", dtype=str)
    expected = register[register["name_uk"] == "Ізяславська міська територіальна громада"].iloc[0]
    assert add_document(renamed, data) == 0
    out = capsys.readouterr().out
    community = read_rows(data / "sources" / "communities.csv")[1][-1]
    assert (community["community_id"], community["name_uk"], community["name_en"]) == (
        "iziaslav",
        "Ізяслав",
        "Iziaslav",
    )
    assert (community["katottg"], community["oblast_uk"]) == (expected["katottg"], expected["oblast_uk"])
    assert expected["katottg"] in out
    with duckdb.connect(str(data / "programmes.duckdb"), read_only=True) as con:
        assert (
            con.execute(
                "SELECT COUNT(*) FROM measures JOIN programmes USING (programme_id) WHERE community_id = 'iziaslav'"
            ).fetchone()[0]
            == _golden("measures.csv", document["community_id"])["measure_code"].nunique()
        )
        assert con.execute(
            "SELECT r.population FROM communities c JOIN community_register r USING (katottg) WHERE c.community_id = 'iziaslav'"
        ).fetchone()[0] == int(expected["population"])
        # no hand row needed
        assert not con.execute("SELECT * FROM population WHERE community_id = 'iziaslav'").fetchall()


def test_namesakes_stop_the_command_until_a_katottg_is_given(data, tmp_path, capsys):
    document = next(
        d for d in DOCUMENTS if "Хмельницького" in (DATA_DIR / "sources" / d["source_file"]).read_text(encoding="utf-8")
    )
    text = (DATA_DIR / "sources" / document["source_file"]).read_text(encoding="utf-8")
    forms = {
        "Хмельницької міської ради": "Іванівської сільської ради",
        "Хмельницького": "Іванівки",
        "Хмельницький": "Іванівка",
        "Хмельницьким": "Іванівкою",
    }
    renamed = tmp_path / "programme.txt"
    renamed.write_text(re.sub("|".join(forms), lambda m: forms[m.group(0)], text), encoding="utf-8")
    register = pd.read_csv(DATA_DIR / "reference" / "communities_ua.csv", dtype=str)
    namesakes = register[register["name_uk"] == "Іванівська сільська територіальна громада"]
    assert len(namesakes) > 1
    before = _snapshot(data)
    assert add_document(renamed, data) == 2
    err = capsys.readouterr().err
    assert "--katottg" in err and all(code in err for code in namesakes["katottg"])
    assert _snapshot(data) == before

    chosen = namesakes.iloc[-1]
    assert (
        add_document(
            renamed, data, "--katottg", chosen["katottg"], "--name-uk", "Іванівка", "--name-en", "Ivanivka village"
        )
        == 0
    )
    assert "given with --katottg" in capsys.readouterr().out
    community = read_rows(data / "sources" / "communities.csv")[1][-1]
    assert (community["community_id"], community["name_uk"], community["name_en"]) == (
        "ivanivka",
        "Іванівка",
        "Ivanivka village",
    )
    assert (community["katottg"], community["oblast_uk"]) == (chosen["katottg"], chosen["oblast_uk"])


def test_the_same_file_twice_is_already_added(data, tmp_path, capsys):
    before = _snapshot(data)
    copy = tmp_path / "again.txt"
    shutil.copyfile(data / "sources" / DOCUMENTS[0]["source_file"], copy)
    assert add_document(copy, data) == 0
    assert "already added" in capsys.readouterr().out
    assert _snapshot(data) == before


def test_a_second_programme_of_a_loaded_community_joins_it_and_overlapping_years_are_flagged(data, tmp_path, capsys):
    document = DOCUMENTS[0]
    revised = tmp_path / "revised.txt"
    revised.write_bytes((data / "sources" / document["source_file"]).read_bytes() + "\nНова редакція\n".encode())
    communities_before = (data / "sources" / "communities.csv").read_bytes()
    assert add_document(revised, data) == 0
    out = capsys.readouterr().out
    assert "(already loaded)" in out and f"also has programme {document['programme_id']}" in out
    assert (data / "sources" / "communities.csv").read_bytes() == communities_before
    record = read_rows(data / "sources" / "documents.csv")[1][-1]
    assert record["community_id"] == document["community_id"] and record["programme_id"] != document["programme_id"]


def test_a_programme_whose_measures_cannot_be_read_is_added_with_what_was_read_and_the_gap_said(data, tmp_path, capsys):
    """Never refuse what can be partly read: title, years, a total and a partner in prose, but no measures table."""
    name = COMMUNITIES[DOCUMENTS[0]["community_id"]]["name_uk"]
    source = tmp_path / "partial.txt"
    source.write_text(
        f"Програма міжнародного співробітництва міста {name} на 2031 рік\n"
        "Обсяг фінансування Програми на 2031 рік становить 75,0 тис. гривень.\n"
        "Місто співпрацює з містом-побратимом Тарнів (Республіка Польща).\n"
        "1. Візити делегацій до міст-партнерів 40,0\n",
        encoding="utf-8",
    )
    assert add_document(source, data, "--community-id", DOCUMENTS[0]["community_id"]) == 0
    out = capsys.readouterr().out
    assert "measures:   0 in 0 sections" in out and "error measures_not_found: No measures could be read" in out
    assert "Тарнів (PL)" in out and "line 4 [money]: 1. Візити делегацій до міст-партнерів 40,0" in out
    record = read_rows(data / "sources" / "documents.csv")[1][-1]
    with duckdb.connect(str(data / "programmes.duckdb"), read_only=True) as con:
        layout, measures, total = con.execute(
            "SELECT layout, (SELECT COUNT(*) FROM measures WHERE programme_id = $1), "
            "(SELECT stated_total_thousand_uah FROM stated_totals WHERE programme_id = $1 AND scope = 'year') FROM programmes WHERE programme_id = $1",
            [record["programme_id"]],
        ).fetchone()
    assert (layout, measures, total) == ("none", 0, Decimal("75.0"))


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("empty.txt", b"", "empty"),
        ("garbage.docx", bytes(range(256)) * 40, "garbage.docx"),
        ("notes.txt", "Протокол засідання\nПрисутні: 5 осіб\n".encode(), "The file holds no programme"),
        ("windows.txt", "Програма розвитку на 2024 рік".encode("cp1251"), "windows.txt"),
    ],
)
def test_a_bad_file_exits_2_and_changes_nothing(data, tmp_path, capsys, name, content, says):
    before = _snapshot(data)
    bad = tmp_path / name
    bad.write_bytes(content)
    assert add_document(bad, data) == 2
    err = capsys.readouterr().err
    assert name in err and says in err and "Traceback" not in err
    assert _snapshot(data) == before


def test_a_file_listed_in_documents_csv_but_deleted_by_hand_is_named_and_nothing_changes(data, tmp_path, capsys):
    """Adding the same programme again after its saved copy was deleted from the sources folder (its row kept) names
    the missing file and what to do, never a traceback nor a second row of the same file name."""
    document = DOCUMENTS[0]
    copy = tmp_path / "again.txt"
    shutil.copyfile(data / "sources" / document["source_file"], copy)
    (data / "sources" / document["source_file"]).unlink()
    before = _snapshot(data)
    assert add_document(copy, data) == 2
    err = capsys.readouterr().err
    assert f"{document['source_file']}: documents.csv lists this file" in err and "Traceback" not in err
    assert _snapshot(data) == before


def test_a_text_naming_no_community_exits_2_and_changes_nothing(data, tmp_path, capsys):
    before = _snapshot(data)
    source = (data / "sources" / DOCUMENTS[0]["source_file"]).read_text(encoding="utf-8")
    stem = COMMUNITIES[DOCUMENTS[0]["community_id"]]["name_uk"][:5]
    stripped = tmp_path / "anonymous.txt"
    # a name no community has
    stripped.write_text(re.sub(re.escape(stem), "Щипцюрківськ", source, flags=re.IGNORECASE), encoding="utf-8")
    assert add_document(stripped, data) == 2
    err = capsys.readouterr().err
    assert "anonymous.txt" in err and "--katottg" in err
    assert _snapshot(data) == before


def test_a_community_needs_a_register_row_or_a_city_population(data):
    fields, rows = read_rows(data / "sources" / "communities.csv")
    cid = rows[0]["community_id"]
    rows[0]["katottg"] = "UA00000000000000000"
    write_rows(data / "sources" / "communities.csv", fields, rows)
    assert build(data / "check.duckdb", data_dir=data, progress=False).ok  # the city population row is enough
    fields, people = read_rows(data / "reference" / "population.csv")
    write_rows(data / "reference" / "population.csv", fields, [p for p in people if p["community_id"] != cid])
    report = build(data / "check.duckdb", data_dir=data, progress=False)
    assert not report.ok
    assert any(f.startswith("population_for_every_community") and cid in f for f in report.failures)


@pytest.mark.database
@pytest.mark.parametrize("maker", ["make_docx", "make_pdf"])
def test_adding_a_word_or_pdf_copy_gives_the_same_measures_amounts_and_totals(maker, tmp_path, capsys):
    document = DOCUMENTS[0]
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "sources", data / "sources")
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    without(data, document)
    suffix = {"make_docx": ".docx", "make_pdf": ".pdf"}[maker]
    made = {"make_docx": make_docx, "make_pdf": make_pdf}[maker](
        DATA_DIR / "sources" / document["source_file"], tmp_path / f"incoming{suffix}"
    )
    cid = document["community_id"]
    assert add_document(Path(made), data, "--community-id", cid) == 0
    capsys.readouterr()
    measures = _golden("measures.csv", cid)
    totals = _golden("programme_totals.csv", cid)
    with duckdb.connect(str(data / "programmes.duckdb"), read_only=True) as con:
        assert con.execute("SELECT katottg FROM communities WHERE community_id = ?", [cid]).fetchone() == (
            COMMUNITIES[cid]["katottg"],
        )
        count = con.execute(
            "SELECT COUNT(*) FROM measures JOIN programmes USING (programme_id) WHERE community_id = ?", [cid]
        ).fetchone()[0]
        amounts = _amounts(con, cid)
        got = con.execute(
            "SELECT year, stated_total_thousand_uah FROM programme_years WHERE community_id = ? AND stated_total_thousand_uah IS NOT NULL ORDER BY year",
            [cid],
        ).fetchall()
    assert count == measures["measure_code"].nunique()
    assert amounts == _golden_amounts(cid)
    assert got == [(int(r.year), Decimal(r.stated_total_thousand_uah)) for r in totals.sort_values("year").itertuples()]


@pytest.mark.database
def test_an_add_records_the_real_data_folder_and_leaves_no_staged_file(data, tmp_path, capsys):
    revised = tmp_path / "revised.txt"
    revised.write_bytes((data / "sources" / DOCUMENTS[0]["source_file"]).read_bytes() + "\nНова редакція\n".encode())
    assert add_document(revised, data) == 0
    with duckdb.connect(str(data / "programmes.duckdb"), read_only=True) as con:
        recorded = con.execute("SELECT value FROM build_info WHERE key = 'data_dir'").fetchone()[0]
    assert recorded == str(data.resolve()), "the folder the database stands for, not the staged copy it was built from"
    assert not [p.name for p in data.iterdir() if ".adding" in p.name]


@pytest.mark.database
def test_a_crash_before_the_database_is_swapped_in_leaves_the_old_one_citing_only_files_that_exist(
    data, tmp_path, capsys, monkeypatch
):
    """The source file and the CSVs are written first and the database last: stopped between the two, the old
    database is whole and every file it cites exists, and the sources are newer, so the app rebuilds it."""
    from loaders.build import is_stale
    from loaders.intake import add

    database = data / "programmes.duckdb"
    before = database.read_bytes()
    real_replace = add.os.replace

    def crash_on_the_database(source, target):
        if Path(target) == database:
            raise OSError("the machine stopped")
        real_replace(source, target)

    monkeypatch.setattr(add.os, "replace", crash_on_the_database)
    revised = tmp_path / "revised.txt"
    revised.write_bytes((data / "sources" / DOCUMENTS[0]["source_file"]).read_bytes() + "\nНова редакція\n".encode())
    with pytest.raises(OSError, match="stopped"):
        add_document(revised, data)
    assert database.read_bytes() == before
    with duckdb.connect(str(database), read_only=True) as con:
        cited = {row[0] for row in con.execute("SELECT source_file FROM programmes").fetchall()}
    assert all((data / "sources" / name).is_file() for name in cited)
    assert len(read_rows(data / "sources" / "documents.csv")[1]) == len(DOCUMENTS) + 1  # the new row is written
    assert is_stale(database, data)
    assert not [p.name for p in data.iterdir() if ".adding" in p.name]


def test_a_path_that_does_not_exist_is_said_to_be_missing(tmp_path, capsys):
    assert add_document(tmp_path / "nowhere.pdf", tmp_path) == 2
    err = capsys.readouterr().err
    assert "file not found" in err and "empty" not in err


def test_the_passport_s_and_the_stamp_s_lines_are_not_listed_as_unread():
    """A passport's yearly totals (set aside where the measures table states its own) and the stamp's «8 скликання»
    were read: the add report does not list them among rows that look like measures or amounts."""
    lines = [
        "ЗАТВЕРДЖЕНО",
        "рішення сесії Костопільської міської ради",
        "8 скликання",
        "від 12.12.2024 № 1234",
        "Програма міжнародного співробітництва на 2025-2026 роки",
        "ПАСПОРТ ПРОГРАМИ",
        "1.\tЗагальний обсяг фінансових ресурсів, тис. грн, усього\t260,0",
        "\t2025 рік\t120,0",
        "\t2026 рік\t140,0",
        "2. Заходи",
        "1.1 Візит делегації 40,0",
    ]
    read = passport_lines(detect_programme(document("\n".join(lines))))
    assert [n for n, _, _ in unread_rows(list(enumerate(lines, start=1)), read)] == [11, 10]


@pytest.mark.database
def test_direction_rows_and_resource_table_rows_that_were_read_are_not_listed_as_unread(tmp_path, capsys):
    """A direction's row read as its measures' section («1. | Напрям 1. Партнерські зв’язки») and a resource table's
    budget row read as a source of funding are not «rows that look like measures or amounts but were not read»."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "sources", data / "sources")
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    hand = Path(__file__).parent / "fixtures" / "hand"
    assert add_document(hand / "truskavets.docx", data) == 0
    assert add_document(hand / "kovel.docx", data) == 0
    out = capsys.readouterr().out
    unread = [line for line in out.splitlines() if re.match(r"\s+(table|paragraph) \d+.*\[\w+\]:", line)]
    assert unread and not any("Напрям" in line or "бюджет міської" in line for line in unread)
    assert any("Стан справ" in line for line in unread)  # a numbered heading is still listed: it could be a measure
