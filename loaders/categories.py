"""Assign each measure one category of the common taxonomy, by transparent rules.

The taxonomy is ``rules/categories.csv``; the rules are ``rules/category_rules.csv``:
each rule looks for a regular expression in the measure's title or its section, and
the first rule (by priority) that matches decides. The rule's id is stored with the
measure, so anyone can see why a measure got its category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .rules import read_rules_csv


@dataclass(frozen=True)
class CategoryRule:
    priority: int
    rule_id: str
    category_id: str
    field: str  # 'title' | 'section'
    pattern: re.Pattern


@cache
def category_rules() -> tuple[CategoryRule, ...]:
    known = {row["category_id"] for row in read_rules_csv("categories.csv")}
    rules = []
    for row in read_rules_csv("category_rules.csv"):
        if row["category_id"] not in known:
            raise ValueError(f"rule {row['rule_id']} names unknown category {row['category_id']!r}")
        if row["field"] not in ("title", "section"):
            raise ValueError(f"rule {row['rule_id']}: field must be 'title' or 'section'")
        rules.append(
            CategoryRule(
                int(row["priority"]),
                row["rule_id"],
                row["category_id"],
                row["field"],
                re.compile(row["pattern"], re.IGNORECASE),
            )
        )
    return tuple(sorted(rules, key=lambda r: r.priority))


def categorise(measure_title: str, section_title: str | None) -> tuple[str, str]:
    """``(category_id, rule_id)`` of the first rule that matches.

    >>> categorise("Придбання презентаційної, сувенірної та іміджевої продукції", "Промоція міста")
    ('souvenirs_materials', 'souvenirs')
    """
    for rule in category_rules():
        text = measure_title if rule.field == "title" else (section_title or "")
        if rule.pattern.search(text):
            return rule.category_id, rule.rule_id
    raise ValueError("category_rules.csv must end with a fallback rule that matches everything")
