"""Stated totals are checked against their parts, and every gap keeps its reason."""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.build import build
from loaders.ukrainian_text import parse_amount, parse_number

from .conftest import GOLDEN


def _golden(name: str) -> pd.DataFrame:
    return pd.read_csv(GOLDEN / name, dtype=str, keep_default_na=False)


def _expected_year_statuses() -> dict[tuple[str, int], str]:
    """Each programme year's status, from the golden files: stated total vs stated measure amounts."""
    measures = _golden("measures.csv")
    totals = {
        (r.community_id, int(r.year)): Decimal(r.stated_total_thousand_uah)
        for r in _golden("programme_totals.csv").itertuples()
    }
    out = {}
    for (community, year), rows in measures.groupby(["community_id", "year"]):
        stated = rows[rows["amount_status"] == "stated"]
        total = totals.get((community, int(year)))
        parts = sum((Decimal(a) for a in stated["amount_thousand_uah"]), Decimal(0)) if len(stated) else None
        if total is not None and parts is not None:
            out[(community, int(year))] = "reconciled" if total == parts else "mismatch"
        elif total is not None:
            out[(community, int(year))] = "total_without_breakdown"
        else:
            out[(community, int(year))] = "measures_without_total" if parts is not None else "no_amounts_stated"
    return out


def test_programme_year_statuses(con):
    rows = {(c, y): s for c, y, s in con.execute("SELECT community_id, year, status FROM programme_years").fetchall()}
    expected = _expected_year_statuses()
    assert len(set(expected.values())) >= 3  # the golden files cover more than one case
    assert rows == expected


def test_missing_amounts_are_null_never_zero(con):
    zero_or_gap = con.execute(
        "SELECT community_id, amount_status, COUNT(*) FROM spending WHERE amount_status <> 'stated' OR amount_thousand_uah = 0 GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    golden = _golden("measures.csv")
    gaps = golden[(golden["amount_status"] != "stated") | (golden["amount_thousand_uah"].isin(["0", "0.0"]))]
    assert zero_or_gap == sorted(
        (c, s, n) for (c, s), n in gaps.groupby(["community_id", "amount_status"]).size().items()
    )
    assert zero_or_gap  # the documents do have dashes and unstated amounts
    assert con.execute(
        "SELECT COUNT(*) FROM spending WHERE amount_status <> 'stated' AND amount_thousand_uah IS NOT NULL"
    ).fetchone() == (0,)
    unstated = [c for (c, _), s in _expected_year_statuses().items() if s == "no_amounts_stated"]
    assert unstated
    for community in unstated:
        assert con.execute(
            "SELECT DISTINCT planned_total_thousand_uah FROM programme_years WHERE community_id = ? AND status = 'no_amounts_stated'",
            [community],
        ).fetchall() == [(None,)]


def test_dash_differs_from_not_stated(con):
    status = con.execute(
        "SELECT amount_status, amount_text FROM spending WHERE community_id = 'khmelnytskyi' AND measure_code = '1.10' AND year = 2023"
    ).fetchone()
    assert status == ("none", "-")


def test_breakdowns_are_not_added_to_the_total(con):
    breakdowns = _golden("partner_spending.csv")
    assert not breakdowns.empty
    for (community, year), rows in breakdowns.groupby(["community_id", "year"]):
        stated = rows[rows["amount_status"] == "stated"]["amount_thousand_uah"]
        total = next(
            Decimal(r.stated_total_thousand_uah)
            for r in _golden("programme_totals.csv").itertuples()
            if (r.community_id, r.year) == (community, year)
        )
        got_total = con.execute(
            "SELECT planned_total_thousand_uah FROM programme_years WHERE community_id = ? AND year = ?",
            [community, int(year)],
        ).fetchone()[0]
        got_breakdown = con.execute(
            "SELECT SUM(amount_thousand_uah) FROM partner_spending WHERE community_id = ? AND year = ?",
            [community, int(year)],
        ).fetchone()[0]
        assert (got_total, got_breakdown) == (total, sum(Decimal(a) for a in stated))


def test_every_reconciliation_passes_on_the_real_documents(con):
    rows = con.execute("SELECT community_id, scope, year, status FROM reconciliation").fetchall()
    expected = {
        (c, y): ("reconciled" if s == "reconciled" else "nothing_to_compare")
        for (c, y), s in _expected_year_statuses().items()
        if s in ("reconciled", "total_without_breakdown")
    }
    assert {(c, y): s for c, scope, y, s in rows if scope == "year"} == expected
    grand = {r.community_id for r in _golden("programme_grand_totals.csv").itertuples()}
    assert {c: s for c, scope, _, s in rows if scope == "programme"} == dict.fromkeys(grand, "reconciled")
    # each direction's stated total (tests/golden/section_totals.csv: the «ВСЬОГО» lines of the document) is there, and adds up
    sections = con.execute(
        "SELECT community_id, section_code, year, stated_total_thousand_uah, source_line, status FROM reconciliation WHERE scope = 'section'"
    ).fetchall()
    golden = [
        (
            r.community_id,
            str(r.section_code),
            int(r.year),
            Decimal(r.stated_total_thousand_uah),
            int(r.source_line),
            "reconciled",
        )
        for r in _golden("section_totals.csv").itertuples()
    ]
    assert sorted(sections) == sorted(golden)


@pytest.mark.database
def test_a_wrong_total_is_reported_as_mismatch(data_copy, tmp_path):
    source = data_copy / "sources" / "khmelnytskyi_2021-2025.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\t1 840,0\t", "\t1 850,0\t"), encoding="utf-8")
    path = tmp_path / "mismatch.duckdb"
    assert build(path, data_dir=data_copy, progress=False).ok
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute(
            "SELECT status FROM programme_years WHERE community_id = 'khmelnytskyi' AND year = 2021"
        ).fetchone() == ("mismatch",)
        message = con.execute("SELECT message FROM data_issues WHERE kind = 'total_mismatch'").fetchall()
    assert len(message) == 1 and "1850" in message[0][0] and "1840" in message[0][0]


@given(st.decimals(min_value=0, max_value=10_000_000, places=1, allow_nan=False, allow_infinity=False))
def test_parse_number_reads_back_babel_formatting(value):
    from babel.numbers import format_decimal

    printed = format_decimal(value, format="#,##0.0", locale="uk_UA")
    assert parse_number(printed) == value
    assert parse_amount(printed + " тис. грн").value == value


def test_amount_units_are_converted_to_thousands():
    assert parse_amount("120 000 грн*".rstrip("*")).value == Decimal("120")
    assert parse_amount("200,00 тис.грн.").value == Decimal("200")
    assert re.fullmatch(r"not_stated", parse_amount("За окремим графіком").status)
