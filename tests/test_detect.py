"""detect_programme on the four documents: the metadata a person used to type, read from the text.

tests/golden/detected.csv was written by reading each document (title as printed at its line,
years from the title, the council decision's date and number as printed, blanks = draft).
"""

from __future__ import annotations

import csv
from dataclasses import replace
from decimal import Decimal

import pytest

from loaders.build import DATA_DIR
from loaders.extract import detect_programme, extract_document
from loaders.extract.detect import with_detected
from loaders.source_documents import read_communities, read_document

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


def test_the_title_is_printed_from_its_line_on():
    """The whole title, word for word, is the text that begins on its line (and may go on over the next lines)."""
    for row in EXPECTED:
        doc = read_document(DATA_DIR / "sources", {"source_file": row["source_file"]})
        first = int(row["title_line"])
        line = doc.line(first).strip()
        printed = " ".join(doc.line(n).strip() for n in range(first, min(first + 6, len(doc.lines) + 1)))
        assert row["title"] in printed, row["source_file"]
        assert printed.index(row["title"]) < len(line), (
            f"{row['source_file']}: the title does not begin on line {first}"
        )


def test_the_database_records_what_was_detected(con):
    rows = con.execute(
        "SELECT source_file, title_uk, year_from, year_to, adopted_for, decision_number_text, is_draft FROM programmes ORDER BY source_file"
    ).fetchall()
    want = sorted(
        (
            r["source_file"],
            r["title"],
            int(r["year_from"]),
            int(r["year_to"]),
            r["adopted_for"],
            r["decision_number_text"] or None,
            r["is_draft"] == "True",
        )
        for r in EXPECTED
    )
    assert rows == want


def test_a_draft_is_a_data_issue_users_see(con):
    drafts = [r["source_file"] for r in EXPECTED if r["is_draft"] == "True"]
    got = con.execute("SELECT source_file FROM data_issues WHERE kind = 'draft' ORDER BY source_file").fetchall()
    assert [f for (f,) in got] == drafts


def test_non_budget_funding_sources_are_data_issues(con):
    """Khmelnytskyi 1.1 «Міський бюджет, приватні кошти» and 1.5 «…, благодійні фонди» (lines 122 and 126)."""
    got = con.execute(
        "SELECT source_file, source_line FROM data_issues WHERE kind = 'not_only_budget_money' ORDER BY source_line"
    ).fetchall()
    assert got == [("khmelnytskyi_2021-2025.txt", 122), ("khmelnytskyi_2021-2025.txt", 126)]
    funding = con.execute(
        "SELECT DISTINCT funding_source FROM spending WHERE community_id = 'khmelnytskyi' AND measure_code = '1.5'"
    ).fetchall()
    assert funding == [("Міський бюджет, приватні кошти, благодійні фонди",)]


def test_indicative_amounts_are_a_data_issue(con):
    got = con.execute("SELECT source_file, source_line FROM data_issues WHERE kind = 'indicative_amounts'").fetchall()
    assert got == [("khmelnytskyi_2021-2025.txt", 119)]  # «Орієнтовні обсяги фінансування (вартість), тис. грн.»


def test_terms_and_executors_are_kept_as_printed(con):
    row = con.execute(
        "SELECT DISTINCT term_text, executors, funding_source FROM spending WHERE community_id = 'khmelnytskyi' AND measure_code = '2.4'"
    ).fetchall()
    assert row == [
        (
            "2021 рік",
            "Управління економіки, управління культури і туризму, управління житлово-комунального господарства міської ради",
            "Міський бюджет",
        )
    ]
    oleksandriia = con.execute(
        "SELECT DISTINCT executors FROM spending WHERE community_id = 'oleksandriia' AND measure_code = '4.1'"
    ).fetchall()
    assert oleksandriia == [
        (
            "Управління стратегічного планування міської ради, управління інформатизації та інформаційно-аналітичної політики міської ради",
        )
    ]


# extract_document on the same documents, compared with the golden files that tests/test_golden.py checks the
# database against, without building a database (fast: mutation testing runs these for every mutant of an extractor).

with open(DATA_DIR / "sources" / "documents.csv", encoding="utf-8", newline="") as _handle:
    DOCUMENTS = list(csv.DictReader(_handle))


def _golden_rows(name: str, community: str) -> list[dict[str, str]]:
    with open(GOLDEN / name, encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["community_id"] == community]


def _number(value) -> str:
    """A Decimal or a golden file's number as one text: ``Decimal('30.000')`` and ``"30.0"`` are both ``"30"``."""
    return "" if value in (None, "") else f"{Decimal(value).normalize():f}"


_EXTRACTED: dict = {}


@pytest.fixture(autouse=True)
def _fresh_extractions():
    """Each test extracts afresh (about a second for all of them): mutmut forks its workers from a process that ran the
    tests once, and a result kept from that run would hide every mutant of the extractors; and mutmut runs, for a
    mutant, only the tests that called its function, so a test that reused another test's extraction (the data
    issues' test, say) would never be run for the extractors' mutants."""
    _EXTRACTED.clear()
    yield
    _EXTRACTED.clear()


def _extracted(programme_id: str):
    if programme_id not in _EXTRACTED:
        _EXTRACTED[programme_id] = _extract(programme_id)
    return _EXTRACTED[programme_id]


def _extract(programme_id: str):
    meta = next(m for m in DOCUMENTS if m["programme_id"] == programme_id)
    sources = DATA_DIR / "sources"
    communities = {row["community_id"]: row for row in read_communities(sources)}
    doc = read_document(sources, meta)
    detected = detect_programme(doc)
    doc = replace(doc, meta=with_detected(doc.meta, detected, doc.file_name)[0])
    return extract_document(doc, communities[meta["community_id"]]["name_uk"], detected)


@pytest.mark.parametrize("meta", DOCUMENTS, ids=[m["programme_id"] for m in DOCUMENTS])
def test_extracted_measures_and_amounts_are_the_golden_ones(meta):
    out = _extracted(meta["programme_id"])
    measures = {m["measure_code"]: m for m in out.measures}
    got = [
        {
            "measure_code": a["measure_code"],
            "section": measures[a["measure_code"]]["section_title"] or "",
            "measure_title": measures[a["measure_code"]]["measure_title"],
            "year": str(a["year"]),
            "amount_thousand_uah": _number(a["amount_thousand_uah"]),
            "amount_status": a["amount_status"],
            "source_line": str(measures[a["measure_code"]]["source_line"]),
        }
        for a in out.amounts
    ]
    want = [
        {
            **{k: v for k, v in row.items() if k != "community_id"},
            "amount_thousand_uah": _number(row["amount_thousand_uah"]),
        }
        for row in _golden_rows("measures.csv", meta["community_id"])
    ]
    assert len(want) > 0
    assert sorted(got, key=lambda r: (r["measure_code"], r["year"])) == sorted(
        want, key=lambda r: (r["measure_code"], r["year"])
    )
    assert [m["sort_order"] for m in out.measures] == list(range(1, len(out.measures) + 1))


@pytest.mark.parametrize("meta", DOCUMENTS, ids=[m["programme_id"] for m in DOCUMENTS])
def test_extracted_totals_are_the_golden_ones(meta):
    out = _extracted(meta["programme_id"])
    community = meta["community_id"]
    yearly = {
        (str(t["year"]), _number(t["stated_total_thousand_uah"]), str(t["source_line"]))
        for t in out.stated_totals
        if t["scope"] == "year"
    }
    assert yearly == {
        (r["year"], _number(r["stated_total_thousand_uah"]), r["source_line"])
        for r in _golden_rows("programme_totals.csv", community)
    }
    whole = {
        (_number(t["stated_total_thousand_uah"]), str(t["source_line"]))
        for t in out.stated_totals
        if t["scope"] == "programme"
    }
    assert whole == {
        (_number(r["stated_total_thousand_uah"]), r["source_line"])
        for r in _golden_rows("programme_grand_totals.csv", community)
    }


@pytest.mark.parametrize("meta", DOCUMENTS, ids=[m["programme_id"] for m in DOCUMENTS])
def test_extracted_partners_and_destinations_are_the_golden_ones(meta):
    out = _extracted(meta["programme_id"])
    community = meta["community_id"]
    columns = [
        "partner_name_uk",
        "relationship",
        "agreement_date_text",
        "date_precision",
        "cooperation_areas",
        "source_line",
    ]
    got = [
        {c: "" if p[c] is None else str(p[c]) for c in columns}
        | {"agreement_date": p["agreement_date"].isoformat() if p["agreement_date"] else ""}
        for p in out.partners
    ]
    want = [{c: row[c] for c in [*columns, "agreement_date"]} for row in _golden_rows("partners.csv", community)]
    assert got == want
    # the country as the document names it; the gazetteer fills in the others (tests/test_golden.py)
    assert all(
        p["country_code"] in (None, row["country_code"])
        for p, row in zip(out.partners, _golden_rows("partners.csv", community), strict=True)
    )
    starts = [
        (
            p["partner_name_uk"],
            p["relationship"],
            p["started_date"].isoformat(),
            p["started_date_text"],
            p["started_precision"],
        )
        for p in out.partners
        if p["started_date"]
    ]
    golden_starts = _golden_rows("partner_starts.csv", community)
    assert starts == [
        (r["partner_name_uk"], r["relationship"], r["started_date"], r["started_date_text"], r["started_precision"])
        for r in golden_starts
    ]
    spending = [
        (
            d["destination_name_uk"],
            str(d["year"]),
            _number(d["amount_thousand_uah"]),
            d["amount_status"],
            d.get("measure_code") or "",
            str(d["source_line"]),
        )
        for d in out.partner_spending
    ]
    wanted = [
        (
            r["destination_name_uk"],
            r["year"],
            _number(r["amount_thousand_uah"]),
            r["amount_status"],
            r["linked_measure_code"],
            r["source_line"],
        )
        for r in _golden_rows("partner_spending.csv", community)
    ]
    assert spending == wanted


# The data issues each document gives, read from the document: (kind, line), with what the line prints.
ISSUES = {
    "khmelnytskyi_2021_2025": [
        ("indicative_amounts", 119),  # the header: «Орієнтовні обсяги фінансування»
        ("not_only_budget_money", 122),  # 1.1: «Міський бюджет, приватні кошти»
        ("not_only_budget_money", 126),  # 1.5: «…, приватні кошти, благодійні фонди»
        ("trailing_decimal_comma", 148),  # 2.7, 2021: «40,»
        ("funding_source_dash", 148),  # 2.7: the source of funding is «-»
        ("no_agreement_dates", 41),  # the list of sister cities, without dates
    ],
    "oleksandriia_2020": [
        ("heading_year_differs", 343),  # «… НА 2019 РІК» in a programme for 2020
        ("total_in_wrong_column", 351),  # «ВСЬОГО … 380,0» one column to the right
        ("measure_codes_assigned", 347),
        ("draft", 33),  # «Рішення міської ради» with the date and number left blank
        ("breakdown_link_inferred", 327),  # the visits' table, linked to an estimate line by its sum
        ("breakdown_link_inferred", 340),
    ],
    "zdolbuniv_2024": [("amounts_in_missing_annex", 27)],  # «… визначені у додатку до Програми.»
    "mena_2022_2024": [("totals_without_breakdown", 31)],  # «Обсяги та джерела фінансування»: totals per year only
}


@pytest.mark.parametrize("meta", DOCUMENTS, ids=[m["programme_id"] for m in DOCUMENTS])
def test_extracted_data_issues_are_the_ones_the_document_shows(meta):
    out = _extracted(meta["programme_id"])
    assert sorted((i.kind, i.source_line) for i in out.issues) == sorted(ISSUES[meta["programme_id"]])
    assert all(i.severity in {"info", "warning"} and i.message for i in out.issues)
