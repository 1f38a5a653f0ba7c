"""Every measure gets exactly one category, and the rules agree with the hand-checked labels."""

from __future__ import annotations

import pandas as pd

from .conftest import GOLDEN


def test_rules_agree_with_hand_labels_for_every_measure(con):
    labels = pd.read_csv(GOLDEN / "measure_categories.csv", dtype=str)
    got = con.execute("SELECT DISTINCT community_id, measure_code, category_id, category_rule_id FROM spending").df()
    measures = pd.read_csv(GOLDEN / "measures.csv", dtype=str)[["community_id", "measure_code"]].drop_duplicates()
    assert len(got) == len(labels) == len(measures)
    merged = labels.merge(got, on=["community_id", "measure_code"], suffixes=("_label", "_rule"), how="outer")
    wrong = merged[merged["category_id_label"] != merged["category_id_rule"]]
    assert wrong.empty, wrong.to_string()


def test_taxonomy_has_both_languages_and_definitions(con):
    rows = con.execute("SELECT category_id, name_uk, name_en, definition_uk, definition_en FROM categories").fetchall()
    assert 8 <= len(rows) <= 12
    assert all(all(value.strip() for value in row) for row in rows)


def test_every_rule_that_assigned_a_category_is_stored(con):
    orphans = con.execute(
        "SELECT COUNT(*) FROM measures m LEFT JOIN category_rules r ON r.rule_id = m.category_rule_id WHERE r.rule_id IS NULL"
    ).fetchone()
    assert orphans == (0,)
