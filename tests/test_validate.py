"""Each validation check, fed one bad row, fails alone and says which row (PUDL-style unit tests).

The built database is copied to a temporary folder and one row is corrupted; the rows to corrupt are
picked from the database itself, so the tests hold for any set of documents.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable

import duckdb
import pytest

from loaders.validate import CHECKS, VIEWS_WITH_VOCABULARIES, validate, vocabulary_checks
from programme_analysis.issue_messages import check_failure


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> tuple:
    row = con.execute(sql, params or []).fetchone()
    assert row is not None, f"no row to corrupt: {sql}"
    return row


def _drop_a_year(con) -> list[str]:
    pid, code, year = _one(con, "SELECT programme_id, measure_code, year FROM measure_amounts ORDER BY ALL LIMIT 1")
    count, expected = _one(
        con,
        "SELECT COUNT(*) - 1, ANY_VALUE(p.year_to - p.year_from + 1) FROM measure_amounts a JOIN programmes p USING (programme_id) "
        "WHERE a.programme_id = ? AND a.measure_code = ?",
        [pid, code],
    )
    con.execute(
        "DELETE FROM measure_amounts WHERE programme_id = ? AND measure_code = ? AND year = ?", [pid, code, year]
    )
    return [f"measure {pid} {code} has {count} yearly amounts, expected {expected}"]


def _move_a_year_outside(con) -> list[str]:
    # delete one year and add one after the programme's end, so that the count of years stays right
    pid, code, year, year_to = _one(
        con,
        "SELECT a.programme_id, a.measure_code, a.year, p.year_to FROM measure_amounts a JOIN programmes p USING (programme_id) "
        "WHERE a.amount_text IS NULL ORDER BY ALL LIMIT 1",
    )
    where = "programme_id = ? AND measure_code = ? AND year = ?"
    con.execute(
        f"CREATE TEMP TABLE moved AS SELECT * REPLACE (? AS year) FROM measure_amounts WHERE {where}",
        [year_to + 1, pid, code, year],
    )
    con.execute(f"DELETE FROM measure_amounts WHERE {where}", [pid, code, year])
    con.execute("INSERT INTO measure_amounts SELECT * FROM moved")
    return [f"amount of {pid} {code} for {year_to + 1} is outside the programme years"]


def _retitle_a_measure(con) -> list[str]:
    pid, code, line = _one(con, "SELECT programme_id, measure_code, source_line FROM measures ORDER BY ALL LIMIT 1")
    con.execute(
        "UPDATE measures SET measure_title = 'Захід, якого немає в документі' WHERE programme_id = ? AND measure_code = ?",
        [pid, code],
    )
    return [f"measure {pid} {code}: title not found on line {line}"]


def _misprint_an_amount(con) -> list[str]:
    pid, code, year, line = _one(
        con,
        "SELECT programme_id, measure_code, year, source_line FROM measure_amounts WHERE amount_text IS NOT NULL ORDER BY ALL LIMIT 1",
    )
    con.execute(
        "UPDATE measure_amounts SET amount_text = '987 654,3' WHERE programme_id = ? AND measure_code = ? AND year = ?",
        [pid, code, year],
    )
    return [f"amount {pid} {code} {year}: 987 654,3 not on line {line}"]


def _rename_a_partner(con) -> list[str]:
    partner_id, line = _one(
        con, "SELECT partner_id, source_line FROM partner_relationships ORDER BY partner_id LIMIT 1"
    )
    con.execute(
        "UPDATE partner_relationships SET partner_name_uk = 'Атлантида', partner_name_as_printed = 'Атлантида' WHERE partner_id = ?",
        [partner_id],
    )
    return [f"partner Атлантида not on line {line}"]


def _inflate_a_breakdown(con) -> list[str]:
    pid, code, year, destination = _one(
        con,
        "SELECT programme_id, measure_code, year, destination_name_uk FROM destination_spending "
        "WHERE measure_code IS NOT NULL AND amount_thousand_uah IS NOT NULL ORDER BY ALL LIMIT 1",
    )
    line_total, breakdown = _one(
        con,
        "SELECT ANY_VALUE(a.amount_thousand_uah), SUM(d.amount_thousand_uah) + 1 FROM destination_spending d "
        "JOIN measure_amounts a USING (programme_id, measure_code, year) WHERE d.programme_id = ? AND d.measure_code = ? AND d.year = ?",
        [pid, code, year],
    )
    con.execute(
        "UPDATE destination_spending SET amount_thousand_uah = amount_thousand_uah + 1 "
        "WHERE programme_id = ? AND measure_code = ? AND year = ? AND destination_name_uk = ?",
        [pid, code, year, destination],
    )
    return [f"breakdown of {pid} {code} sums to {breakdown}, the line says {line_total}"]


def _add_an_empty_programme(con) -> list[str]:
    con.execute(
        "INSERT INTO programmes SELECT * REPLACE ('empty_programme' AS programme_id) FROM programmes ORDER BY programme_id LIMIT 1"
    )
    return ["programme empty_programme has no measures"]


def _forget_a_communitys_population(con) -> list[str]:
    # either source of a population passes a community, so take both away from one community
    community, katottg = _one(
        con,
        "SELECT c.community_id, c.katottg FROM communities c JOIN community_register r USING (katottg) "
        "WHERE EXISTS (SELECT 1 FROM population p WHERE p.community_id = c.community_id AND p.entity = 'city') ORDER BY ALL LIMIT 1",
    )
    con.execute("DELETE FROM population WHERE community_id = ? AND entity = 'city'", [community])
    con.execute("DELETE FROM community_register WHERE katottg = ?", [katottg])
    return [f"community {community} has neither a row in community_register (katottg) nor a city population row"]


def _forget_a_programme_partners_comparison(con) -> list[str]:
    # a programme-only partner, so that no map partner loses its row too
    partner_id, name, community = _one(
        con,
        "SELECT partner_id, partner_name_uk, community_id FROM partner_comparison WHERE register_status = 'programme_only' ORDER BY ALL LIMIT 1",
    )
    con.execute("DELETE FROM partner_comparison WHERE partner_id = ?", [partner_id])
    return [f"partner {name} of {community} appears 0 times in partner_comparison"]


def _compare_a_map_partner_twice(con) -> list[str]:
    # a map-only partner (no programme partner_id), copied: the map partner is compared twice
    community, order, name = _one(
        con,
        "SELECT c.community_id, c.map_partner_order, m.partner_name_uk FROM partner_comparison c JOIN communities k USING (community_id) "
        "JOIN partnership_map m ON k.katottg IN (m.katottg, m.register_katottg) AND m.partner_order = c.map_partner_order "
        "WHERE c.register_status = 'register_only' ORDER BY ALL LIMIT 1",
    )
    con.execute(
        "INSERT INTO partner_comparison SELECT * FROM partner_comparison WHERE community_id = ? AND map_partner_order = ?",
        [community, order],
    )
    return [f"map partner {name} of {community} appears 2 times in partner_comparison"]


# check name -> a corruption that only this check should notice; returns the messages it expects
CORRUPTIONS: dict[str, Callable[[duckdb.DuckDBPyConnection], list[str]]] = {
    "every_measure_has_every_year": _drop_a_year,
    "amount_years_within_programme": _move_a_year_outside,
    "measure_title_is_on_its_line": _retitle_a_measure,
    "amount_text_is_on_its_line": _misprint_an_amount,
    "partner_is_on_its_line": _rename_a_partner,
    "breakdowns_sum_to_their_line": _inflate_a_breakdown,
    "every_programme_has_measures": _add_an_empty_programme,
    "population_for_every_community": _forget_a_communitys_population,
    "every_programme_partner_compared_once": _forget_a_programme_partners_comparison,
    "every_map_partner_compared_once": _compare_a_map_partner_twice,
}


@pytest.fixture()
def writable_copy(database, tmp_path):
    path = tmp_path / "copy.duckdb"
    shutil.copyfile(database, path)
    with duckdb.connect(str(path)) as connection:
        yield connection


def test_every_check_has_a_bad_row_test():
    assert set(CORRUPTIONS) == set(CHECKS)


def test_the_built_database_passes_every_check(writable_copy):
    assert validate(writable_copy) == []


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_one_bad_row_fails_exactly_its_check_with_a_message_naming_the_row(writable_copy, check):
    expected = CORRUPTIONS[check](writable_copy)
    assert validate(writable_copy) == [f"{check}: {message}" for message in expected]


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_a_failure_says_what_is_wrong_in_both_languages(writable_copy, check):
    CORRUPTIONS[check](writable_copy)
    (failure,) = validate(writable_copy)
    uk, en = check_failure(failure, "uk"), check_failure(failure, "en")
    assert uk[1] == en[1] == failure.split(": ", 1)[1]  # the details as the check wrote them
    assert check not in (uk[0], en[0]) and uk[0] != en[0]  # words for the check, not its code
    assert re.search("[а-яіїєґ]", uk[0]) and not re.search("[а-яіїєґ]", en[0], re.IGNORECASE)


def test_a_vocabulary_failure_says_what_is_wrong_in_both_languages():
    for name in vocabulary_checks():
        words = {lang: check_failure(f"{name}: x", lang)[0] for lang in ("uk", "en")}
        assert name not in words.values() and words["uk"] != words["en"]


def test_two_bad_rows_give_two_failures_in_check_order(writable_copy):
    first = CORRUPTIONS["measure_title_is_on_its_line"](writable_copy)
    second = CORRUPTIONS["every_programme_has_measures"](writable_copy)
    assert validate(writable_copy) == [
        f"measure_title_is_on_its_line: {first[0]}",
        f"every_programme_has_measures: {second[0]}",
    ]


# Without the built database (fast, for mutation testing): the checks run on an empty schema in memory.


@pytest.fixture()
def empty_schema():
    from loaders.load import create_schema

    with duckdb.connect(":memory:") as connection:
        create_schema(connection)
        yield connection


def test_an_empty_database_passes_and_a_programme_without_measures_fails_in_check_order(empty_schema):
    assert validate(empty_schema) == []
    empty_schema.execute(
        "INSERT INTO communities (community_id, name_uk, name_en, oblast_uk, oblast_en, colour) VALUES ('c', 'Н', 'N', 'О', 'O', '#000000')"
    )
    for pid in ("b_programme", "a_programme"):
        empty_schema.execute(
            "INSERT INTO programmes (programme_id, community_id, title_uk, year_from, year_to, adopted_for, council_decision_as_printed, original_format, layout, source_file, source_sha256) "
            "VALUES (?, 'c', 'Програма', 2021, 2022, 'city', '-', 'txt', 'task_list', 'f.txt', '0')",
            [pid],
        )
    failures = validate(empty_schema)
    # check order: the programmes' check comes before the population check (the community has neither population source)
    assert sorted(failures[:2]) == [
        "every_programme_has_measures: programme a_programme has no measures",
        "every_programme_has_measures: programme b_programme has no measures",
    ]
    assert failures[2:] == [
        "population_for_every_community: community c has neither a row in community_register (katottg) nor a city population row"
    ]


def test_every_computed_status_of_the_views_is_checked_against_the_vocabulary_file():
    from loaders.vocabularies import column_values

    checks = vocabulary_checks()
    expected = {f"{c}_in_vocabulary" for c in column_values() if c.split(".")[0] in VIEWS_WITH_VOCABULARIES}
    assert set(checks) == expected and len(expected) >= 2
    for name, sql in checks.items():
        column = name.removesuffix("_in_vocabulary")
        table, field = column.split(".")
        assert f"FROM {table} WHERE {field} NOT IN (" in sql
        assert all(f"'{value}'" in sql for value in column_values()[column])
        assert sql.startswith(f"SELECT '{column} ' || {field} || ' is not in rules/vocabularies.csv'")
