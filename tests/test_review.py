"""The review step from the command line: ``loaders add FILE --review`` asks what the reader was unsure of, keeps the
answers as ``<source>.review.csv`` beside the source, and every later build from the files gives the same tables.

The document is :mod:`tests.review_documents`' programme whose measures table no rule recognises; the amounts the
tests expect are the ones printed in it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import loaders.intake.add
from loaders.__main__ import main
from loaders.build import DATA_DIR, build
from loaders.errors import SourceError
from loaders.read import read_programme_file
from loaders.review import Decision, parse_review, review_csv, review_path, table_decisions
from loaders.review_prompt import ask_review
from loaders.review_questions import document_tables, questions
from tests.review_documents import UNKNOWN_HEADER, unknown_header_docx

TABLES = ("measures", "measure_amounts", "stated_totals", "partners", "data_issues", "reconciliation")


@pytest.fixture()
def document(tmp_path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    return unknown_header_docx(folder / "programme.docx")


def _add(path: Path, data: Path, *options: str) -> int:
    return main(
        ["add", str(path), "--data-dir", str(data), "--db", str(data / "programmes.duckdb"), "--quiet", *options]
    )


def _new_programme(data: Path) -> str:
    """The one programme the test added (the data copy had the repository's programmes only)."""
    with duckdb.connect(str(data / "programmes.duckdb"), read_only=True) as con:
        ids = {row[0] for row in con.execute("SELECT programme_id FROM programmes").fetchall()}
    # the repository's programmes
    ids -= set(pd.read_csv(DATA_DIR / "sources" / "documents.csv", dtype=str)["programme_id"])
    (programme,) = ids
    return programme


def _rows(database: Path, programme_id: str) -> dict[str, list[dict]]:
    """Every row of the programme in the tables a review changes, ids left out (they number rows of all programmes)."""
    with duckdb.connect(str(database), read_only=True) as con:
        out = {}
        for table in TABLES:
            columns = [
                c
                for (c,) in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if not c.endswith("_id") or c == "programme_id"
            ]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(
                f"SELECT {listed} FROM {table} WHERE programme_id = ? ORDER BY ALL", [programme_id]
            ).fetchall()
            out[table] = [dict(zip(columns, row, strict=True)) for row in rows]
        return out


def _amounts(database: Path, programme_id: str) -> dict[tuple[str, int], Decimal | None]:
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute(
            "SELECT measure_code, year, amount_thousand_uah FROM measure_amounts WHERE programme_id = ?", [programme_id]
        ).fetchall()
    return {(code, year): amount for code, year, amount in rows}


def _answers(table: bool = True, partners: dict[str, str] | None = None):
    """A person at the terminal: picks the printed table's header row and columns, and answers on the partners."""
    script = {
        "Measures table": "1",
        "The row just above": "1",
        "measures' names": str(UNKNOWN_HEADER["name_column"]),
        "measures' numbers": str(UNKNOWN_HEADER["number_column"]),
        "Unit of the amounts": "",
    }
    script |= {f"amounts for {year}": str(column) for year, column in UNKNOWN_HEADER["year_columns"].items()}
    asked: list[str] = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        if prompt.startswith("Partner «"):
            return (partners or {}).get(prompt.split("«")[1].split("»")[0], "")
        if not table:
            return ""
        return next(value for key, value in script.items() if key in prompt)

    return answer, asked


def _review_at_terminal(monkeypatch, answer) -> None:
    monkeypatch.setattr(
        loaders.intake.add, "ask_review", lambda q, t, y: ask_review(q, t, y, ask=answer, say=lambda _: None)
    )


def test_without_a_review_the_unknown_table_is_a_gap_said(data, document):
    assert _add(document, data) == 0
    programme = _new_programme(data)
    rows = _rows(data / "programmes.duckdb", programme)
    assert rows["measures"] == [] and rows["measure_amounts"] == []
    assert "measures_not_found" in {issue["kind"] for issue in rows["data_issues"]}
    doc = read_programme_file(document)
    assert questions(data / "programmes.duckdb", programme, doc).table  # so the review asks about the table
    assert [table.where for table in document_tables(doc)] == ["table 1"]


def test_add_review_reads_the_table_picked_at_the_terminal_and_a_rebuild_from_the_files_is_the_same(
    data, document, monkeypatch, tmp_path
):
    answer, asked = _answers(partners={"Кошице": "r", "Тарнів": "a"})
    _review_at_terminal(monkeypatch, answer)
    assert _add(document, data, "--review") == 0
    assert any(p.startswith("Measures table") for p in asked)
    assert {p.split("«")[1].split("»")[0] for p in asked if p.startswith("Partner «")} == set(
        UNKNOWN_HEADER["partners_in_prose"]
    )
    programme = _new_programme(data)
    database = data / "programmes.duckdb"
    assert _amounts(database, programme) == UNKNOWN_HEADER["amounts"]
    rows = _rows(database, programme)
    assert [m["measure_title"] for m in rows["measures"] if m["measure_code"] == "1"] == [
        UNKNOWN_HEADER["first_measure"]
    ]
    assert {(t["year"], t["stated_total_thousand_uah"]) for t in rows["stated_totals"]} >= set(
        UNKNOWN_HEADER["totals"].items()
    )
    assert [p["partner_name_uk"] for p in rows["partners"]] == ["Тарнів"]  # Кошице rejected
    on_review = [i["message"] for i in rows["data_issues"] if i["kind"] == "set_on_review"]
    assert (
        len(on_review) == 3
        and any("is not taken as a partner" in m for m in on_review)
        and any("measures table" in m for m in on_review)
    )

    source = data / "sources" / rows["measures"][0]["source_file"]
    kept = review_path(source).read_text(encoding="utf-8")
    assert kept.splitlines()[0] == "decision,where,value,reason,decided_on" and "Кошице,reject" in kept

    again = tmp_path / "again.duckdb"
    assert build(again, data_dir=data, progress=False).ok
    assert _rows(again, programme) == rows


def test_a_review_file_beside_the_document_is_taken_without_asking(data, document):
    decisions = table_decisions("table 1, row 1", 2, 1, {2027: 4, 2028: 5}, None)
    decisions.append(
        Decision("amount", "table 1, row 4; 2028", "12,5", "a typing slip in the council's table", "2026-12-06")
    )
    decisions.append(Decision("amount", "table 1, row 9; 2027", "1,0", "", "2026-12-06"))  # no such row
    review_path(document).write_text(review_csv(decisions), encoding="utf-8")
    assert _add(document, data) == 0
    programme = _new_programme(data)
    amounts = _amounts(data / "programmes.duckdb", programme)
    assert amounts == {**UNKNOWN_HEADER["amounts"], ("3", 2028): Decimal("12.5")}
    issues = _rows(data / "programmes.duckdb", programme)["data_issues"]
    assert any(
        i["kind"] == "set_on_review" and "measure 3, 2028" in i["message"] and "12,5" in i["message"] for i in issues
    )
    assert [i["message"] for i in issues if i["kind"] == "review_not_applied" and i["severity"] == "warning"] == [
        "The review sets the amount at table 1, row 9 for 2027, where this reading of the document has none."
    ]


def test_a_review_file_naming_a_row_the_document_lacks_stops_the_add_and_changes_nothing(data, document, capsys):
    review_path(document).write_text(
        review_csv(table_decisions("table 7, row 1", 2, None, {2027: 4}, None)), encoding="utf-8"
    )
    before = {p.name: p.read_bytes() for p in (data / "sources").iterdir()}
    assert _add(document, data) != 0
    assert {p.name: p.read_bytes() for p in (data / "sources").iterdir()} == before
    assert "table 7, row 1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("decision,where,value\ncolour,,red\n", 2, "unknown decision 'colour'"),
        ("decision,where,value\nname,2,\nyear,four,2025\n", 3, "the column must be a number"),
        ("decision,where,value\nyear,4,25\n", 2, "is not a year"),
        ("decision,where,value\nunit,,dollars\n", 2, "is not one of"),
        ("decision,where,value\npartner,Люблін,maybe\n", 2, "accept or reject"),
        ("decision,where,value\namount,table 1 row 4,40\n", 2, "row's locator and the year"),
        ('decision,where,value\namount,"table 1, row 4; 2025",сорок\n', 2, "is not a number of thousand UAH"),
        ("decision,where\ntable,x\n", 1, "missing column(s): value"),
    ],
)
def test_a_wrong_review_file_is_refused_with_its_line(text, line, says, tmp_path):
    path = tmp_path / "programme.docx.review.csv"
    with pytest.raises(SourceError) as raised:
        parse_review(text, path)
    assert raised.value.line == line and says in str(raised.value)


def test_the_review_file_round_trips(tmp_path):
    decisions = [
        *table_decisions("page 2, table 1, row 1", 2, 1, {2025: 4}, "грн"),
        Decision("partner", "Люблін, «місто»", "accept", "a, b", "2026-12-06"),
    ]
    assert list(parse_review(review_csv(decisions), tmp_path / "x.review.csv").decisions) == decisions


def test_an_upload_with_its_review_file_reads_as_the_add_does(document, database, tmp_path):
    from loaders.intake.upload import prepare_in_worker

    review_path(document).write_text(
        review_csv(table_decisions("table 1, row 1", 2, 1, {2027: 4, 2028: 5}, None)), encoding="utf-8"
    )
    after = prepare_in_worker(document, tmp_path / "after", database)
    assert after.reviewed and not after.questions.table  # the table is settled: not asked again
    assert _amounts(Path(after.database), after.programme_id) == UNKNOWN_HEADER["amounts"]
