"""detect_programme on the four documents: the metadata a person used to type, read from the text.

tests/golden/detected.csv was written by reading each document (title as printed at its line,
years from the title, the council decision's date and number as printed, blanks = draft).
"""

from __future__ import annotations

import csv

import pytest

from loaders.build import DATA_DIR
from loaders.extract import detect_programme
from loaders.source_documents import read_document

from .conftest import GOLDEN

with open(GOLDEN / "detected.csv", encoding="utf-8", newline="") as _handle:
    EXPECTED = list(csv.DictReader(_handle))


def _text(value) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("row", EXPECTED, ids=[r["source_file"] for r in EXPECTED])
def test_detected_metadata_matches_the_document(row):
    found = detect_programme(read_document(DATA_DIR / "sources", {"source_file": row["source_file"]}))
    got = {
        "source_file": row["source_file"],
        "title": found.title,
        "title_line": found.title_line,
        "year_from": found.year_from,
        "year_to": found.year_to,
        "adopted_for": found.adopted_for,
        "decision_date_text": found.decision.date_text,
        "decision_number_text": found.decision.number_text,
        "is_draft": found.decision.is_draft,
        "community_name_as_printed": found.community_name_as_printed,
        "council_name_as_printed": found.council_name_as_printed,
        "developer": found.developer,
        "responsible_executor": found.responsible_executor,
        "layout": found.layout,
    }
    assert {k: _text(v) for k, v in got.items()} == row


def test_every_document_in_documents_csv_has_a_detected_row():
    with open(DATA_DIR / "sources" / "documents.csv", encoding="utf-8", newline="") as handle:
        files = sorted(r["source_file"] for r in csv.DictReader(handle))
    assert files == sorted(r["source_file"] for r in EXPECTED)


def test_the_title_is_printed_on_its_line():
    for row in EXPECTED:
        doc = read_document(DATA_DIR / "sources", {"source_file": row["source_file"]})
        line = doc.line(int(row["title_line"])).strip()
        assert line in row["title"] or row["title"] in line  # a title on several lines starts on its line


def test_the_database_records_what_was_detected(con):
    rows = con.execute("SELECT source_file, title_uk, year_from, year_to, adopted_for, decision_number_text, is_draft FROM programmes ORDER BY source_file").fetchall()
    want = sorted((r["source_file"], r["title"], int(r["year_from"]), int(r["year_to"]), r["adopted_for"], r["decision_number_text"] or None, r["is_draft"] == "True") for r in EXPECTED)
    assert rows == want


def test_a_draft_is_a_data_issue_users_see(con):
    drafts = [r["source_file"] for r in EXPECTED if r["is_draft"] == "True"]
    got = con.execute("SELECT source_file FROM data_issues WHERE kind = 'draft' ORDER BY source_file").fetchall()
    assert [f for (f,) in got] == drafts


def test_non_budget_funding_sources_are_data_issues(con):
    """Khmelnytskyi 1.1 «Міський бюджет, приватні кошти» and 1.5 «…, благодійні фонди» (lines 122 and 126)."""
    got = con.execute("SELECT source_file, source_line FROM data_issues WHERE kind = 'not_only_budget_money' ORDER BY source_line").fetchall()
    assert got == [("khmelnytskyi_2021-2025.txt", 122), ("khmelnytskyi_2021-2025.txt", 126)]
    funding = con.execute("SELECT DISTINCT funding_source FROM spending WHERE community_id = 'khmelnytskyi' AND measure_code = '1.5'").fetchall()
    assert funding == [("Міський бюджет, приватні кошти, благодійні фонди",)]


def test_indicative_amounts_are_a_data_issue(con):
    got = con.execute("SELECT source_file, source_line FROM data_issues WHERE kind = 'indicative_amounts'").fetchall()
    assert got == [("khmelnytskyi_2021-2025.txt", 119)]  # «Орієнтовні обсяги фінансування (вартість), тис. грн.»


def test_terms_and_executors_are_kept_as_printed(con):
    row = con.execute(
        "SELECT DISTINCT term_text, executors, funding_source FROM spending WHERE community_id = 'khmelnytskyi' AND measure_code = '2.4'"
    ).fetchall()
    assert row == [("2021 рік", "Управління економіки, управління культури і туризму, управління житлово-комунального господарства міської ради", "Міський бюджет")]
    oleksandriia = con.execute("SELECT DISTINCT executors FROM spending WHERE community_id = 'oleksandriia' AND measure_code = '4.1'").fetchall()
    assert oleksandriia == [("Управління стратегічного планування міської ради, управління інформатизації та інформаційно-аналітичної політики міської ради",)]
