"""The database says what the documents say: compared with hand-checked files in tests/golden/.

The golden files were written by reading the documents line by line, not from the parser.
"""

from __future__ import annotations

import csv
from decimal import Decimal

import pandas as pd
import pytest

from loaders.build import DATA_DIR

from .conftest import GOLDEN

with open(DATA_DIR / "sources" / "documents.csv", encoding="utf-8", newline="") as _handle:
    # every document of data/sources/ is checked; one without golden rows fails (len(expected) > 0)
    COMMUNITIES = sorted({row["community_id"] for row in csv.DictReader(_handle)})

KEY = ["community_id", "measure_code", "year"]


def _golden(name: str) -> pd.DataFrame:
    return pd.read_csv(GOLDEN / name, dtype=str, keep_default_na=False)


def _as_text(value) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value != value.to_integral() else f"{value:.1f}"
    return str(value)


def _decimal_text(text: str) -> str:
    return "" if text == "" else _as_text(Decimal(text))


@pytest.mark.parametrize("community", COMMUNITIES)
def test_measures_and_amounts_match_the_document(con, community):
    expected = _golden("measures.csv").query("community_id == @community")
    got = con.execute(
        "SELECT community_id, measure_code, section, measure_title, year, amount_thousand_uah, amount_status, source_line "
        "FROM spending WHERE community_id = ? ORDER BY sort_order, year",
        [community],
    ).df()
    assert len(got) == len(expected) > 0
    got = got.assign(
        year=got["year"].astype(str),
        source_line=got["source_line"].astype(str),
        amount_thousand_uah=got["amount_thousand_uah"].map(_as_text),
    ).fillna("")
    expected = expected.assign(amount_thousand_uah=expected["amount_thousand_uah"].map(_decimal_text))
    merged = expected.merge(got, on=KEY, how="outer", suffixes=("_doc", "_db"), indicator=True)
    assert (merged["_merge"] == "both").all(), merged.loc[merged["_merge"] != "both", [*KEY, "_merge"]]
    for column in ["section", "measure_title", "amount_thousand_uah", "amount_status", "source_line"]:
        differ = merged[merged[f"{column}_doc"] != merged[f"{column}_db"]]
        assert differ.empty, differ[[*KEY, f"{column}_doc", f"{column}_db"]].to_string()


def test_khmelnytskyi_malformed_cell_is_read_and_reported(con):
    amount, text = con.execute(
        "SELECT amount_thousand_uah, amount_text FROM spending WHERE community_id = 'khmelnytskyi' AND measure_code = '2.7' AND year = 2021"
    ).fetchone()
    assert (amount, text) == (Decimal("40"), "40,")
    issue = con.execute("SELECT source_line FROM data_issues WHERE kind = 'trailing_decimal_comma'").fetchall()
    assert issue == [(148,)]


def test_stated_totals_match_the_document(con):
    expected = _golden("programme_totals.csv")
    got = con.execute(
        "SELECT community_id, year, stated_total_thousand_uah, stated_total_source_line FROM programme_years "
        "WHERE stated_total_thousand_uah IS NOT NULL ORDER BY community_id, year"
    ).fetchall()
    got = {(c, str(y)): (_as_text(t), str(line)) for c, y, t, line in got}
    want = {
        (r.community_id, r.year): (_decimal_text(r.stated_total_thousand_uah), r.source_line)
        for r in expected.itertuples()
    }
    assert got == want


def test_programme_grand_totals_match_the_document(con):
    got = con.execute(
        "SELECT community_id, stated_total_thousand_uah, source_line FROM reconciliation WHERE scope = 'programme' ORDER BY community_id"
    ).fetchall()
    want = sorted(
        (r.community_id, _decimal_text(r.stated_total_thousand_uah), r.source_line)
        for r in _golden("programme_grand_totals.csv").itertuples()
    )
    assert sorted((c, _as_text(t), str(line)) for c, t, line in got) == want


def test_partners_match_the_document(con):
    columns = [
        "community_id",
        "partner_name_uk",
        "country_code",
        "relationship",
        "agreement_date",
        "agreement_date_text",
        "date_precision",
        "cooperation_areas",
        "source_line",
    ]
    rows = con.execute(f"SELECT {', '.join(columns)} FROM partners ORDER BY partner_id").fetchall()
    got = pd.DataFrame([[_as_text(v) for v in row] for row in rows], columns=columns)
    want = _golden("partners.csv")[columns]
    assert got.to_dict("records") == want.to_dict("records")


def test_destination_spending_matches_the_document(con):
    got = con.execute(
        "SELECT community_id, destination_name_uk, country_code, year, amount_thousand_uah, amount_status, measure_code, source_line "
        "FROM partner_spending ORDER BY source_line"
    ).fetchall()
    want = [
        (
            r.community_id,
            r.destination_name_uk,
            r.country_code,
            r.year,
            _decimal_text(r.amount_thousand_uah),
            r.amount_status,
            r.linked_measure_code,
            r.source_line,
        )
        for r in _golden("partner_spending.csv").itertuples()
    ]
    assert [(c, d, k, str(y), _as_text(a), s, m, str(line)) for c, d, k, y, a, s, m, line in got] == want
