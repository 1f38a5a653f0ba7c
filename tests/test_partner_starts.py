"""When a relationship began, read by hand from the documents (tests/golden/partner_starts.csv)."""

from __future__ import annotations

import pandas as pd

from .conftest import GOLDEN


def test_relationship_starts_match_the_document(con):
    want = pd.read_csv(GOLDEN / "partner_starts.csv", dtype=str, keep_default_na=False)
    rows = con.execute(
        "SELECT community_id, partner_name_uk, relationship, started_date, started_date_text, started_precision FROM partners "
        "WHERE started_date IS NOT NULL ORDER BY partner_id"
    ).fetchall()
    got = [(c, n, r, d.isoformat(), t, p) for c, n, r, d, t, p in rows]
    assert got == [tuple(r) for r in want.drop(columns="read_on_line").itertuples(index=False)]


def test_each_start_is_printed_on_the_line_the_golden_file_names(con):
    want = pd.read_csv(GOLDEN / "partner_starts.csv", dtype=str, keep_default_na=False)
    for row in want.itertuples():
        text = con.execute(
            "SELECT text FROM source_lines WHERE source_file LIKE ? AND source_line = ?",
            [f"{row.community_id}%", int(row.read_on_line)],
        ).fetchone()[0]
        assert row.started_date_text in text


def test_a_prepared_memorandum_has_no_agreement_date(con):
    rows = con.execute(
        "SELECT agreement_date, date_precision FROM partners WHERE relationship = 'memorandum_prepared'"
    ).fetchall()
    assert rows and all(agreed is None and precision == "not_stated" for agreed, precision in rows)
