"""Validate: named checks on a freshly built database. Each returns a list of failures."""

from __future__ import annotations

import duckdb

from .vocabularies import column_values

# views whose computed status columns must stay within their vocabulary (tables have CHECKs instead)
VIEWS_WITH_VOCABULARIES = ("reconciliation", "programme_years")

CHECKS: dict[str, str] = {
    # name: SQL returning one row per failure, with a message in the first column
    "every_measure_has_every_year": """
        SELECT 'measure ' || m.programme_id || ' ' || m.measure_code || ' has ' || COUNT(a.year) || ' yearly amounts, expected ' || (p.year_to - p.year_from + 1)
        FROM measures m JOIN programmes p USING (programme_id)
        LEFT JOIN measure_amounts a USING (programme_id, measure_code)
        GROUP BY m.programme_id, m.measure_code, p.year_from, p.year_to
        HAVING COUNT(a.year) <> p.year_to - p.year_from + 1""",
    "amount_years_within_programme": """
        SELECT 'amount of ' || a.programme_id || ' ' || a.measure_code || ' for ' || a.year || ' is outside the programme years'
        FROM measure_amounts a JOIN programmes p USING (programme_id)
        WHERE a.year NOT BETWEEN p.year_from AND p.year_to""",
    "measure_title_is_on_its_line": """
        SELECT 'measure ' || m.programme_id || ' ' || m.measure_code || ': title not found on line ' || m.source_line
        FROM measures m JOIN source_lines l USING (source_file, source_line)
        WHERE strpos(l.text, left(m.measure_title, 40)) = 0""",
    "amount_text_is_on_its_line": """
        SELECT 'amount ' || a.programme_id || ' ' || a.measure_code || ' ' || a.year || ': ' || a.amount_text || ' not on line ' || a.source_line
        FROM measure_amounts a JOIN programmes p USING (programme_id)
        JOIN source_lines l ON l.source_file = p.source_file AND l.source_line = a.source_line
        WHERE a.amount_text IS NOT NULL AND strpos(l.text, a.amount_text) = 0""",
    "partner_is_on_its_line": """
        SELECT 'partner ' || r.partner_name_uk || ' not on line ' || r.source_line
        FROM partner_relationships r JOIN source_lines l USING (source_file, source_line)
        WHERE strpos(l.text, COALESCE(r.partner_name_as_printed, r.partner_name_uk)) = 0""",
    "breakdowns_sum_to_their_line": """
        SELECT 'breakdown of ' || d.programme_id || ' ' || d.measure_code || ' sums to ' || SUM(d.amount_thousand_uah) || ', the line says ' || ANY_VALUE(a.amount_thousand_uah)
        FROM destination_spending d JOIN measure_amounts a USING (programme_id, measure_code, year)
        WHERE d.measure_code IS NOT NULL
        GROUP BY d.programme_id, d.measure_code, d.year
        HAVING SUM(d.amount_thousand_uah) <> ANY_VALUE(a.amount_thousand_uah)""",
    "every_programme_has_measures": """
        SELECT 'programme ' || p.programme_id || ' has no measures'
        FROM programmes p WHERE NOT EXISTS (SELECT 1 FROM measures m WHERE m.programme_id = p.programme_id)
          AND NOT EXISTS (SELECT 1 FROM issue_log i WHERE i.programme_id = p.programme_id AND i.severity = 'error'
                          AND i.kind IN ('measures_not_found', 'measures_not_read'))  -- a gap the reader says""",
    "population_for_every_community": """
        SELECT 'community ' || c.community_id || ' has neither a row in community_register (katottg) nor a city population row'
        FROM communities c
        WHERE NOT EXISTS (SELECT 1 FROM community_register r WHERE r.katottg = c.katottg)
          AND NOT EXISTS (SELECT 1 FROM population p WHERE p.community_id = c.community_id AND p.entity = 'city')""",
    "every_programme_partner_compared_once": """
        SELECT 'partner ' || r.partner_name_uk || ' of ' || r.community_id || ' appears ' || COUNT(c.partner_id) || ' times in partner_comparison'
        FROM partner_relationships r LEFT JOIN partner_comparison c USING (partner_id)
        GROUP BY r.partner_id, r.partner_name_uk, r.community_id HAVING COUNT(c.partner_id) <> 1""",
    "every_map_partner_compared_once": """
        SELECT 'map partner ' || m.partner_name_uk || ' of ' || k.community_id || ' appears ' || COUNT(c.map_partner_order) || ' times in partner_comparison'
        FROM communities k JOIN partnership_map m ON k.katottg IN (m.katottg, m.register_katottg)
        LEFT JOIN partner_comparison c ON c.community_id = k.community_id AND c.map_partner_order = m.partner_order
        WHERE k.community_id IN (SELECT community_id FROM programmes)  -- a community without a loaded programme is not compared
        GROUP BY k.community_id, m.partner_order, m.partner_name_uk HAVING COUNT(c.map_partner_order) <> 1""",
}


def vocabulary_checks() -> dict[str, str]:
    """Every status a view computes is a value of ``rules/vocabularies.csv`` for that column."""
    checks = {}
    for column, allowed in column_values().items():
        table, name = column.split(".")
        if table in VIEWS_WITH_VOCABULARIES:
            listed = ", ".join(f"'{v}'" for v in allowed)  # values from the rules file, never from users
            checks[f"{column}_in_vocabulary"] = (
                f"SELECT '{column} ' || {name} || ' is not in rules/vocabularies.csv' FROM {table} WHERE {name} NOT IN ({listed})"
            )
    return checks


def validate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Run every check; return ``'check_name: message'`` for each failure."""
    failures = []
    for name, sql in {**CHECKS, **vocabulary_checks()}.items():
        failures += [f"{name}: {row[0]}" for row in con.execute(sql).fetchall()]
    return failures
