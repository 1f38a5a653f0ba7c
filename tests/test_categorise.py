"""Category rules on their own (no database): the hand labels of tests/golden, the priority order, bad rule files."""

from __future__ import annotations

import csv

import pytest

from loaders import categories
from loaders.categories import categorise, category_rules
from loaders.rules import read_rules_csv

from .conftest import GOLDEN


def _golden_measures() -> list[tuple[str, str, str, str]]:
    """(community, code, title, section) of every measure in tests/golden/measures.csv, once."""
    with open(GOLDEN / "measures.csv", encoding="utf-8", newline="") as handle:
        rows = {
            (r["community_id"], r["measure_code"]): (r["measure_title"], r["section"]) for r in csv.DictReader(handle)
        }
    return [(c, m, title, section) for (c, m), (title, section) in rows.items()]


def _hand_labels() -> dict[tuple[str, str], str]:
    with open(GOLDEN / "measure_categories.csv", encoding="utf-8", newline="") as handle:
        return {(r["community_id"], r["measure_code"]): r["category_id"] for r in csv.DictReader(handle)}


def test_rules_give_every_golden_measure_its_hand_label():
    labels = _hand_labels()
    measures = _golden_measures()
    assert {(c, m) for c, m, _, _ in measures} == set(labels)
    wrong = [
        (c, m, categorise(title, section)[0], labels[(c, m)])
        for c, m, title, section in measures
        if categorise(title, section)[0] != labels[(c, m)]
    ]
    assert not wrong, wrong


def test_the_rule_id_is_the_rule_that_matched():
    known = {rule.rule_id: rule for rule in category_rules()}
    for _, _, title, section in _golden_measures():
        category, rule_id = categorise(title, section)
        rule = known[rule_id]
        assert rule.category_id == category
        assert rule.pattern.search(title if rule.field == "title" else section)


def test_rules_are_tried_by_priority_and_the_last_matches_everything():
    rules = category_rules()
    assert [r.priority for r in rules] == sorted(r.priority for r in rules)
    assert len(rules) == len(read_rules_csv("category_rules.csv"))
    assert rules[-1].pattern.search("") and rules[-1].pattern.search("будь-що")


def test_a_section_rule_reads_the_section_and_a_missing_section_is_empty():
    section_rule = next(r for r in category_rules() if r.field == "section")
    words = section_rule.pattern.pattern.split("|")[0]
    assert categorise("Захід", words) == (section_rule.category_id, section_rule.rule_id)
    assert categorise(words, None)[1] != section_rule.rule_id  # the title alone does not trigger a section rule
    assert categorise("Подарунки та СУВЕНІРИ", None)[0] == "souvenirs_materials"  # case does not matter


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"category_id": "no_such_category"}, "names unknown category 'no_such_category'"),
        ({"field": "body"}, "field must be 'title' or 'section'"),
    ],
)
def test_a_bad_rule_file_is_refused_with_the_rule_named(monkeypatch, bad, message):
    original = read_rules_csv

    def patched(name):
        rows = original(name)
        return [{**rows[0], **bad}, *rows[1:]] if name == "category_rules.csv" else rows

    monkeypatch.setattr(categories, "read_rules_csv", patched)
    category_rules.cache_clear()
    try:
        with pytest.raises(ValueError, match=f"rule {original('category_rules.csv')[0]['rule_id']}.*{message}"):
            category_rules()
    finally:
        category_rules.cache_clear()


def test_without_a_fallback_rule_categorise_says_what_is_missing(monkeypatch):
    original = read_rules_csv
    monkeypatch.setattr(
        categories,
        "read_rules_csv",
        lambda name: original(name)[:1] if name == "category_rules.csv" else original(name),
    )
    category_rules.cache_clear()
    try:
        with pytest.raises(ValueError, match="fallback rule"):
            categorise("Захід без жодного ключового слова", None)
    finally:
        category_rules.cache_clear()
