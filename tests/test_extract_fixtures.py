"""Programmes in layouts the four source documents do not use, made by hand (tests/fixtures/).

Every expected value below was typed from the fixture documents (the numbers written into
them), not taken from the parser's output.
"""

from __future__ import annotations

import csv
import shutil
from decimal import Decimal

import duckdb
import pytest

from loaders.build import build
from loaders.gazetteer import find_place

from .documents import FIXTURES, fixture, read_detected

D = Decimal
TEMPLATE = "template_izyaslav_2024-2026.txt"
ONE_YEAR_CP1251 = "one_year_makiv_2025.cp1251.txt"
SECTIONS = "sections_brusyliv_2023-2024.txt"


def _amounts(out) -> dict[tuple[str, int], Decimal | None]:
    return {(a["measure_code"], a["year"]): a["amount_thousand_uah"] for a in out.amounts}


def _totals(out, scope: str) -> dict:
    return {
        (t["year"], t["section_code"]): t["stated_total_thousand_uah"] for t in out.stated_totals if t["scope"] == scope
    }


def _kinds(out) -> list[str]:
    return sorted(i.kind for i in out.issues)


# (a) The standard template: passport, resource table with per-year columns, "Напрями діяльності
# та заходи" with the direction repeated on every row (merged cells as a Word reader expands
# them), one amount column per year, "Разом за напрямом" rows and an "Усього" row.


def test_template_metadata_is_detected():
    detected, _, doc = read_detected(fixture(TEMPLATE))
    assert (
        detected.title
        == "Програма міжнародного співробітництва Ізяславської міської територіальної громади на 2024-2026 роки"
    )
    assert (detected.year_from, detected.year_to, detected.adopted_for) == (2024, 2026, "community")
    assert (detected.decision.date_text, detected.decision.number_text, detected.decision.is_draft) == (
        "14.12.2023",
        "12-45/2023",
        False,
    )
    assert detected.community_name_as_printed == "Ізяславської міської територіальної громади"
    assert detected.council_name_as_printed == "Ізяславської міської ради"
    assert (
        detected.developer == detected.responsible_executor == "Відділ економічного розвитку Ізяславської міської ради"
    )
    assert detected.recognisers == ["passport", "resource_table", "measures_table"]
    assert doc.meta["layout"] == "measures_table"


def test_template_measures_directions_and_amounts():
    _, out, _ = read_detected(fixture(TEMPLATE))
    assert [m["measure_code"] for m in out.measures] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1"]
    assert [m["section_title"] for m in out.measures] == ["Розвиток партнерських зв'язків"] * 3 + [
        "Промоція громади за кордоном"
    ] * 3 + ["Залучення міжнародної технічної допомоги"]
    # the code 1.1. is not part of the title
    assert out.measures[0]["measure_title"] == "Прийом офіційних делегацій міст-партнерів"
    assert (out.measures[2]["term_text"], out.measures[2]["executors"], out.measures[2]["funding_source"]) == (
        "2025",
        "Відділ освіти",
        "Місцевий бюджет",
    )
    amounts = _amounts(out)
    assert (
        amounts[("1.1", 2024)] == D("60.0")
        and amounts[("1.2", 2026)] == D("110.0")
        and amounts[("3.1", 2026)] == D("100.0")
    )
    assert amounts[("1.3", 2024)] is None and amounts[("2.3", 2025)] is None  # printed as dashes
    assert {a["amount_status"] for a in out.amounts if a["measure_code"] == "2.3"} == {"none"}


def test_template_totals_by_direction_year_and_programme():
    _, out, _ = read_detected(fixture(TEMPLATE))
    assert _totals(out, "section") == {
        (2024, "1"): D("150.0"),
        (2025, "1"): D("200.0"),
        (2026, "1"): D("190.0"),
        (2024, "2"): D("100.0"),
        (2025, "2"): D("100.0"),
        (2026, "2"): D("110.0"),
        (2024, "3"): D("50.0"),
        (2025, "3"): D("50.0"),
        (2026, "3"): D("100.0"),
    }
    assert _totals(out, "year") == {(2024, None): D("300.0"), (2025, None): D("350.0"), (2026, None): D("400.0")}
    assert _totals(out, "programme") == {(None, None): D("1050.0")}
    for (year, _), total in _totals(out, "year").items():
        assert sum(a["amount_thousand_uah"] or 0 for a in out.amounts if a["year"] == year) == total


def test_template_resource_table_and_passport_split_by_source():
    _, out, _ = read_detected(fixture(TEMPLATE))
    resource = {
        (f["source_kind"], f["year"]): f["amount_thousand_uah"]
        for f in out.funding_sources
        if f["stated_in"] == "resource_table"
    }
    assert resource == {
        ("total", 2024): D("300.0"),
        ("total", 2025): D("350.0"),
        ("total", 2026): D("400.0"),
        ("total", None): D("1050.0"),
        ("budget", 2024): D("250.0"),
        ("budget", 2025): D("300.0"),
        ("budget", 2026): D("350.0"),
        ("budget", None): D("900.0"),
        ("other", 2024): D("50.0"),
        ("other", 2025): D("50.0"),
        ("other", 2026): D("50.0"),
        ("other", None): D("150.0"),
    }
    passport = {
        (f["source_kind"], f["source_text"]): f["amount_thousand_uah"]
        for f in out.funding_sources
        if f["stated_in"] == "passport"
    }
    assert passport == {
        ("budget", "коштів місцевого бюджету"): D("900.0"),
        ("other", "коштів інших джерел"): D("150.0"),
    }


def test_template_data_issues_and_partners():
    _, out, _ = read_detected(fixture(TEMPLATE))
    assert [i.source_line for i in out.issues if i.kind == "not_only_budget_money"] == [46, 50]  # measures 1.2 and 2.2
    assert "indicative_amounts" in _kinds(out)
    assert "totals_differ" not in _kinds(out)  # passport, resource table and measures table agree
    assert [(p["partner_name_uk"], p["country_code"]) for p in out.partners] == [("Ласк", "PL"), ("Кельме", "LT")]


# (b) A one-year programme in грн, measures numbered 1), a "Разом" row, saved in cp1251.
# The reader helper's code decodes cp1251 itself; here the test decodes the file explicitly.


def test_one_year_programme_in_uah_saved_in_cp1251():
    raw = (FIXTURES / ONE_YEAR_CP1251).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the fixture really is cp1251
    detected, out, doc = read_detected(fixture(ONE_YEAR_CP1251, encoding="cp1251"))
    assert (detected.year_from, detected.year_to, detected.adopted_for) == (2025, 2025, "community")
    assert detected.decision.is_draft and detected.decision_as_printed().endswith("(draft: date and number left blank)")
    assert detected.council_name_as_printed == "Маківської сільської ради"
    assert [m["measure_code"] for m in out.measures] == ["1", "2", "3", "4", "5", "6"]
    assert out.measures[1]["measure_title"] == "Поїздка делегації громади до гміни-партнера"
    assert _amounts(out) == {
        ("1", 2025): D("45"),
        ("2", 2025): D("60.5"),
        ("3", 2025): D("30"),
        ("4", 2025): D("15"),
        ("5", 2025): None,
        ("6", 2025): D("35"),
    }
    assert _totals(out, "year") == {(2025, None): D("185.5")}  # «Разом … 185 500» грн
    assert _totals(out, "programme") == {(None, None): D("185.5")}  # passport: «185 500 грн»
    assert {"draft", "amounts_in_uah"} <= set(_kinds(out))
    assert doc.meta["council_decision_as_printed"].startswith(
        "«Рішення Маківської сільської ради від ____________ 2025 року № ____»"
    )


# (c) Another wording: "Перелік заходів", "Обсяг фінансування, тис. грн" with the years as
# sub-columns and a column of sums, sections as "Розділ N." rows, measures numbered "1." across
# sections, "Разом по розділу" and "Всього по програмі"; the passport gives years inline.


def test_sections_with_years_as_sub_columns():
    detected, out, _ = read_detected(fixture(SECTIONS))
    assert (detected.year_from, detected.year_to) == (2023, 2024)
    assert detected.decision.printed is False and detected.signatory == "Селищний голова Петро МЕЛЬНИК"
    assert [(m["measure_code"], m["section_code"]) for m in out.measures] == [
        ("1", "1"),
        ("2", "1"),
        ("3", "2"),
        ("4", "2"),
        ("5", "2"),
    ]
    assert out.measures[3]["section_title"] == "Інформаційна діяльність"
    assert _amounts(out)[("4", 2023)] is None and _amounts(out)[("4", 2024)] == D("40.0")
    assert len(out.amounts) == 10  # the column «Усього» is not a year
    assert _totals(out, "section") == {
        (2023, "1"): D("70.0"),
        (2024, "1"): D("80.0"),
        (2023, "2"): D("50.0"),
        (2024, "2"): D("70.0"),
    }
    assert _totals(out, "year") == {(2023, None): D("120.0"), (2024, None): D("150.0")}
    assert _totals(out, "programme") == {(None, None): D("270.0")}
    assert [i.source_line for i in out.issues if i.kind == "not_only_budget_money"] == [19]  # «благодійні внески»


# The fixtures go through loaders.build like the four documents, into a database that validates.


@pytest.fixture()
def data_with_fixtures(data_copy):
    sources = data_copy / "sources"
    shutil.copy(FIXTURES / TEMPLATE, sources / TEMPLATE)
    shutil.copy(FIXTURES / SECTIONS, sources / SECTIONS)
    with open(sources / "documents.csv", encoding="utf-8", newline="") as handle:
        fields = csv.DictReader(handle).fieldnames
    with open(sources / "documents.csv", "a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writerow({"programme_id": "izyaslav_2024_2026", "community_id": "izyaslav", "source_file": TEMPLATE})
        writer.writerow({"programme_id": "brusyliv_2023_2024", "community_id": "brusyliv", "source_file": SECTIONS})
    with open(sources / "communities.csv", "a", encoding="utf-8", newline="") as handle:
        # KATOTTG codes from data/reference/communities_ua.csv
        for cid, name_uk, name_en, oblast_uk, oblast_en, colour, katottg in [
            (
                "izyaslav",
                "Ізяслав",
                "Iziaslav",
                "Хмельницька область",
                "Khmelnytskyi Oblast",
                "#56B4E9",
                "UA68060090000093924",
            ),
            (
                "brusyliv",
                "Брусилів",
                "Brusyliv",
                "Житомирська область",
                "Zhytomyr Oblast",
                "#D55E00",
                "UA18040050000049937",
            ),
        ]:
            geonameid = find_place(name_uk, "UA").geonameid  # an input of the fixture, not an expected value
            handle.write(f"{cid},{name_uk},{name_en},{oblast_uk},{oblast_en},{geonameid},{colour},{katottg}\n")
    with open(data_copy / "reference" / "population.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write(
            "izyaslav,city,Ізяслав,,,,no source used in this test\nbrusyliv,city,Брусилів,,,,no source used in this test\n"
        )
    return data_copy


@pytest.mark.database
def test_fixtures_build_into_a_valid_database(data_with_fixtures, tmp_path):
    report = build(tmp_path / "x.duckdb", data_dir=data_with_fixtures, progress=False)
    assert report.ok, report.failures
    with duckdb.connect(str(tmp_path / "x.duckdb"), read_only=True) as con:
        rows = con.execute(
            "SELECT programme_id, year, status, stated_total_thousand_uah FROM programme_years WHERE programme_id IN ('izyaslav_2024_2026', 'brusyliv_2023_2024') ORDER BY ALL"
        ).fetchall()
        assert rows == [
            ("brusyliv_2023_2024", 2023, "reconciled", D("120.0")),
            ("brusyliv_2023_2024", 2024, "reconciled", D("150.0")),
            ("izyaslav_2024_2026", 2024, "reconciled", D("300.0")),
            ("izyaslav_2024_2026", 2025, "reconciled", D("350.0")),
            ("izyaslav_2024_2026", 2026, "reconciled", D("400.0")),
        ]
        mismatches = con.execute(
            "SELECT COUNT(*) FROM reconciliation WHERE programme_id IN ('izyaslav_2024_2026', 'brusyliv_2023_2024') AND status <> 'reconciled'"
        ).fetchone()
        assert mismatches == (0,)
        programme = con.execute(
            "SELECT title_uk, adopted_for, decision_number_text, is_draft, layout FROM programmes WHERE programme_id = 'izyaslav_2024_2026'"
        ).fetchone()
        assert programme == (
            "Програма міжнародного співробітництва Ізяславської міської територіальної громади на 2024-2026 роки",
            "community",
            "12-45/2023",
            False,
            "measures_table",
        )
        funding = con.execute(
            "SELECT funding_source FROM spending WHERE programme_id = 'izyaslav_2024_2026' AND measure_code = '1.2' AND year = 2024"
        ).fetchone()
        assert funding == ("Місцевий бюджет, кошти інших джерел",)
