"""The fixed vocabularies live in one file; the schema, the loaders and the labels agree with it."""

from __future__ import annotations

import re

from loaders.load import schema_sql
from loaders.validate import vocabulary_checks
from loaders.vocabularies import column_values, labels, names, schema_checks, values
from programme_analysis.texts import LABELS

_VIEW = re.compile(r"CREATE (?:OR REPLACE )?VIEW (\w+) AS(.*?);", re.DOTALL)


def test_every_check_list_in_the_schema_is_the_file():
    checks = schema_checks(schema_sql())
    tables = set(re.findall(r"^CREATE TABLE (\w+)", schema_sql(), re.MULTILINE))
    declared = {column: allowed for column, allowed in column_values().items() if column.split(".")[0] in tables}
    assert checks, "no CHECK (… IN (…)) found in schema.sql"
    assert {column: set(allowed) for column, allowed in checks.items()} == {
        column: set(allowed) for column, allowed in declared.items()
    }


def test_every_status_a_view_computes_is_in_the_file():
    views = dict(_VIEW.findall(re.sub(r"--.*", "", schema_sql())))  # comments may hold a semicolon
    for column in ("reconciliation.status", "programme_years.status"):
        view, _ = column.split(".")
        computed = set(re.findall(r"(?:THEN|ELSE) '([a-z_]+)'", views[view])) - {
            "sum of measures",
            "sum of yearly totals",
        }
        assert computed, view
        assert computed <= set(column_values()[column]), (column, computed - set(column_values()[column]))


def test_the_build_checks_the_view_statuses_against_the_file(con):
    for name, sql in vocabulary_checks().items():
        assert con.execute(sql).fetchall() == [], name
    assert set(vocabulary_checks()) == {"reconciliation.status_in_vocabulary", "programme_years.status_in_vocabulary"}


def test_interface_labels_are_the_file():
    groups = {
        "relationship": "relationship",
        "year_status": "year_status",
        "amount_status": "amount_status",
        "severity": "severity",
        "entity": "adopted_for",
        "scope": "scope",
        "register_status": "register_status",
    }
    for group, vocabulary in groups.items():
        assert LABELS[group] == labels(vocabulary), group
        assert list(LABELS[group]) == values(vocabulary), group


def test_every_vocabulary_has_both_languages():
    for vocabulary in names():
        for value, words in labels(vocabulary).items():
            assert words["uk"].strip() and words["en"].strip(), (vocabulary, value)
