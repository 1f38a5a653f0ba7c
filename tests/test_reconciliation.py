"""Stated totals are checked against their parts, and every gap keeps its reason."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from loaders.build import build
from loaders.ukrainian_text import parse_amount, parse_number


def test_programme_year_statuses(con):
    rows = dict(((c, y), s) for c, y, s in con.execute("SELECT community_id, year, status FROM programme_years").fetchall())
    assert {rows[("khmelnytskyi", y)] for y in range(2021, 2026)} == {"reconciled"}
    assert rows[("oleksandriia", 2020)] == "reconciled"
    assert rows[("zdolbuniv", 2024)] == "no_amounts_stated"
    assert {rows[("mena", y)] for y in (2022, 2023, 2024)} == {"total_without_breakdown"}
    assert len(rows) == 5 + 1 + 1 + 3


def test_missing_amounts_are_null_never_zero(con):
    zero_or_gap = con.execute(
        "SELECT community_id, amount_status, COUNT(*) FROM spending WHERE amount_status <> 'stated' OR amount_thousand_uah = 0 GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert zero_or_gap == [("khmelnytskyi", "none", 31), ("mena", "not_stated", 27), ("oleksandriia", "none", 2), ("zdolbuniv", "not_stated", 18)]
    assert con.execute("SELECT COUNT(*) FROM spending WHERE amount_status <> 'stated' AND amount_thousand_uah IS NOT NULL").fetchone() == (0,)
    assert con.execute("SELECT planned_total_thousand_uah FROM programme_years WHERE community_id = 'zdolbuniv'").fetchone() == (None,)


def test_dash_differs_from_not_stated(con):
    status = con.execute(
        "SELECT amount_status, amount_text FROM spending WHERE community_id = 'khmelnytskyi' AND measure_code = '1.10' AND year = 2023"
    ).fetchone()
    assert status == ("none", "-")


def test_breakdowns_are_not_added_to_the_total(con):
    total = con.execute("SELECT planned_total_thousand_uah FROM programme_years WHERE community_id = 'oleksandriia'").fetchone()[0]
    breakdown = con.execute("SELECT SUM(amount_thousand_uah) FROM partner_spending").fetchone()[0]
    assert (total, breakdown) == (Decimal("580"), Decimal("400"))


def test_every_reconciliation_passes_on_the_real_documents(con):
    statuses = con.execute("SELECT status, COUNT(*) FROM reconciliation GROUP BY ALL ORDER BY ALL").fetchall()
    assert statuses == [("nothing_to_compare", 3), ("reconciled", 10)]


def test_a_wrong_total_is_reported_as_mismatch(data_copy, tmp_path):
    source = data_copy / "sources" / "khmelnytskyi_2021-2025.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\t1 840,0\t", "\t1 850,0\t"), encoding="utf-8")
    path = tmp_path / "mismatch.duckdb"
    assert build(path, data_dir=data_copy, progress=False).ok
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT status FROM programme_years WHERE community_id = 'khmelnytskyi' AND year = 2021").fetchone() == ("mismatch",)
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
