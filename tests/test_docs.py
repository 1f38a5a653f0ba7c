"""README.md stays true to the code: views, columns, commands, pages and sources.

These tests fail when a view, a column, a page or a reference source changes without the README.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import duckdb
import pytest

from loaders.extract import LAYOUTS
from loaders.load import column_comments, create_schema, schema_sql

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI_SCRIPT = ROOT / ".ci" / "run"

INSTALL = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt"
RUN = ".venv/bin/streamlit run dashboard.py"
TEST = ".venv/bin/python -m pytest"

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.MULTILINE)
_CODE = re.compile(r"```[^\n]*\n(?P<block>.*?)```|`(?P<inline>[^`\n]+)`", re.DOTALL)
_TABLE_ROW_NAME = re.compile(r"^\|\s*`(\w+)`\s*\|", re.MULTILINE)


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def schema() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_schema(con)
    yield con
    con.close()


def _names(con: duckdb.DuckDBPyConnection, table_type: str) -> list[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_type = ? ORDER BY table_name", [table_type]).fetchall()
    return [name for (name,) in rows]


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    return [name for (name,) in rows]


def _section(readme: str, name: str) -> str:
    """The text under the heading that names ``name`` (plain or in backticks), up to the next
    heading of the same or a higher level."""
    headings = list(_HEADING.finditer(readme))
    for index, match in enumerate(headings):
        if match.group(2).strip("` ") != name:
            continue
        level = len(match.group(1))
        end = next((h.start() for h in headings[index + 1 :] if len(h.group(1)) <= level), len(readme))
        return readme[match.end() : end]
    raise AssertionError(f"README.md has no heading for {name!r}")


def _code_commands(text: str) -> list[str]:
    """Code in document order: each inline span, and each non-empty line of a fenced block."""
    commands = []
    for match in _CODE.finditer(text):
        if match.group("block") is not None:
            commands += [line.strip() for line in match.group("block").splitlines() if line.strip()]
        else:
            commands.append(match.group("inline").strip())
    return commands


def _in_backticks(readme: str) -> set[str]:
    return {match.group("inline").strip() for match in _CODE.finditer(readme) if match.group("inline")}


# (a) every view and every view column is documented


def test_views_in_schema_sql_are_the_views_in_the_database(schema):
    declared = sorted(re.findall(r"^CREATE VIEW (\w+)", schema_sql(), re.MULTILINE))
    assert declared == _names(schema, "VIEW")
    assert {"spending", "programme_years", "reconciliation", "partners", "partner_spending", "data_issues"} <= set(declared)


def test_every_view_has_a_readme_section_listing_all_its_columns(schema, readme):
    code = _in_backticks(readme)
    problems = []
    for view in _names(schema, "VIEW"):
        columns = _columns(schema, view)
        missing_anywhere = [c for c in columns if c not in code]
        if missing_anywhere:
            problems.append(f"{view}: columns not in backticks anywhere in README.md: {missing_anywhere}")
        documented = _TABLE_ROW_NAME.findall(_section(readme, view))
        if documented != columns:
            problems.append(
                f"{view}: the README table lists {documented}, the view has {columns} "
                f"(missing {sorted(set(columns) - set(documented))}, not in the view {sorted(set(documented) - set(columns))})"
            )
    assert not problems, "\n".join(problems)


def test_every_table_is_mentioned_in_the_readme(schema, readme):
    code = _in_backticks(readme)
    missing = [t for t in _names(schema, "BASE TABLE") if t not in code]
    assert not missing, f"tables not mentioned in backticks in README.md: {missing}"


# (b) every table column in schema.sql has a comment


def test_every_table_column_has_a_comment_in_schema_sql(schema):
    comments = column_comments()
    columns = {(t, c) for t in _names(schema, "BASE TABLE") for c in _columns(schema, t)}
    assert sorted(columns - set(comments)) == [], "columns without a '--' comment in loaders/schema.sql"
    assert sorted(set(comments) - columns) == [], "comments parsed for columns that do not exist"
    assert all(text.strip() for text in comments.values())


def test_column_comments_are_stored_in_the_database(schema):
    rows = schema.execute(
        "SELECT c.table_name, c.column_name FROM duckdb_columns() AS c "
        "JOIN information_schema.tables AS t ON t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
        "WHERE c.comment IS NULL OR trim(c.comment) = ''"
    ).fetchall()
    assert rows == []


# (c) the first three commands of the README


def test_readme_opens_with_install_run_and_test_commands(readme):
    before_first_section = readme.split("\n## ", 1)[0]
    assert _code_commands(readme)[:3] == [INSTALL, RUN, TEST]
    assert _code_commands(before_first_section)[:3] == [INSTALL, RUN, TEST], "the three commands must come before the first section"


def test_ci_runs_the_readme_test_command_with_the_browser_required(readme):
    script = CI_SCRIPT.read_text(encoding="utf-8")
    lines = [line.strip() for line in script.splitlines()]
    assert os.access(CI_SCRIPT, os.X_OK), ".ci/run must be executable"
    assert "set -euo pipefail" in lines
    assert INSTALL.split(" && ")[1] in lines
    assert "export REQUIRE_BROWSER=1" in lines
    assert lines.index("export REQUIRE_BROWSER=1") < lines.index(TEST)


# (d) every dashboard page is listed


def test_every_page_file_is_mentioned_in_the_readme(readme):
    pages = ROOT / "pages"
    files = sorted(p for p in pages.rglob("*.py") if p.name != "__init__.py") if pages.is_dir() else []
    missing = [p.relative_to(ROOT).as_posix() for p in files if p.relative_to(ROOT).as_posix() not in readme]
    assert not missing, f"page files not mentioned in README.md: {missing}"


# The data described in the README is the data in the repository


def test_every_document_and_layout_is_in_the_readme(readme):
    code = _in_backticks(readme)
    with open(ROOT / "data" / "sources" / "documents.csv", encoding="utf-8", newline="") as handle:
        documents = list(csv.DictReader(handle))
    assert [d["source_file"] for d in documents if d["source_file"] not in code] == []
    assert [layout for layout in LAYOUTS if layout not in code] == []


def test_every_reference_source_is_cited_in_the_readme(readme):
    urls = set()
    for name in ("population.csv", "cpi.csv"):
        with open(ROOT / "data" / "reference" / name, encoding="utf-8", newline="") as handle:
            urls |= {row["source_url"] for row in csv.DictReader(handle) if row["source_url"]}
    assert sorted(u for u in urls if u not in readme) == []
