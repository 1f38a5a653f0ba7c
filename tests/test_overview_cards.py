"""The overview card says how complete each programme's money is, derived here from the golden files
(rows written by reading the documents), not from the database the page reads."""

from __future__ import annotations

import csv
from collections import defaultdict

from loaders.build import DATA_DIR
from programme_analysis.texts import text
from tests.app_pages import run_page

from .conftest import GOLDEN


def _rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _programme_years() -> list[dict[str, str]]:
    """Each programme's years as read from its document (golden detected.csv); a value filled in
    documents.csv overrides the document's, as the loader does."""
    detected = {row["source_file"]: row for row in _rows(GOLDEN / "detected.csv")}
    rows = []
    for document in _rows(DATA_DIR / "sources" / "documents.csv"):
        read = detected[document["source_file"]]
        rows.append(
            {
                "community_id": document["community_id"],
                **{key: document[key] or read[key] for key in ("year_from", "year_to")},
            }
        )
    return rows


def expected_completeness() -> dict[str, str]:
    """Per community: every year has measure amounts → full; some year has only a total → totals only; else none."""
    programmes = {
        row["community_id"]: range(int(row["year_from"]), int(row["year_to"]) + 1) for row in _programme_years()
    }
    with_amounts, with_totals = defaultdict(set), defaultdict(set)
    for row in _rows(GOLDEN / "measures.csv"):
        if row["amount_status"] == "stated":
            with_amounts[row["community_id"]].add(int(row["year"]))
    for row in _rows(GOLDEN / "programme_totals.csv"):
        with_totals[row["community_id"]].add(int(row["year"]))
    expected = {}
    for community, years in programmes.items():
        if all(year in with_amounts[community] for year in years):
            expected[community] = "completeness_full"
        elif any(year in with_totals[community] and year not in with_amounts[community] for year in years):
            expected[community] = "completeness_totals_only"
        else:
            expected[community] = "completeness_none"
    return expected


def test_each_card_says_how_complete_the_money_in_its_document_is(database, monkeypatch):
    monkeypatch.setenv("PROGRAMMES_DB", str(database))
    expected = expected_completeness()
    # the golden files cover all three
    assert set(expected.values()) == {
        "completeness_full",
        "completeness_totals_only",
        "completeness_none",
    }
    names = {row["name_en"]: row["community_id"] for row in _rows(DATA_DIR / "sources" / "communities.csv")}
    app = run_page(None, {"lang": "en"})
    cards = [names[s.value] for s in app.header if s.value in names]
    prefix = f"**{text('card_completeness', 'en')}:** "
    said = [m.value.removeprefix(prefix) for m in app.markdown if m.value.startswith(prefix)]
    assert dict(zip(cards, said, strict=True)) == {community: text(key, "en") for community, key in expected.items()}
