"""README.md and docs/ stay true to the code: views, columns, commands, pages and sources.

These tests fail when a view, a column, a page or a reference source changes without the README or docs/.
"""

from __future__ import annotations

import csv
import difflib
import os
import re
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from loaders.extract import LAYOUTS
from loaders.load import create_schema
from loaders.publish.schema_docs import descriptions, plain
from loaders.publish.schema_tables import TABLES, marked, regenerate

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
DATA_MODEL = DOCS / "data-model.md"
PROJECT_LAYOUT = DOCS / "project-layout.md"
README_MAX_LINES = 250
CI_SCRIPT = ROOT / ".ci" / "run"

APT_INSTALL = "sudo apt-get install -y python3-venv libreoffice-writer-nogui tesseract-ocr tesseract-ocr-ukr"
INSTALL = f"{APT_INSTALL} && python3 -m venv .venv && .venv/bin/pip install -r requirements.txt"
RUN = ".venv/bin/streamlit run dashboard.py"
TEST = ".venv/bin/pip install -r requirements-dev.txt && .venv/bin/python -m pytest"
BROWSER_TIER = ".venv/bin/python -m pytest -m browser"

_CODE = re.compile(r"```[^\n]*\n(?P<block>.*?)```|`(?P<inline>[^`\n]+)`", re.DOTALL)


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data_model() -> str:
    return DATA_MODEL.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def docs() -> str:
    """Every file of docs/, one after the other."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md")))


@pytest.fixture(scope="module")
def schema() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_schema(con)
    yield con
    con.close()


def _names(con: duckdb.DuckDBPyConnection, table_type: str) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = ? ORDER BY table_name", [table_type]
    ).fetchall()
    return [name for (name,) in rows]


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table]
    ).fetchall()
    return [name for (name,) in rows]


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


# (a) every table, view and column is described once, in schema.sql, and docs/data-model.md's tables are generated from it


def test_views_in_schema_sql_are_the_views_in_the_database(schema):
    declared = sorted(descriptions().names("VIEW"))
    assert declared == _names(schema, "VIEW")
    assert {"spending", "programme_years", "reconciliation", "partners", "partner_spending", "data_issues"} <= set(
        declared
    )


def test_every_table_view_and_column_has_a_description_in_schema_sql(schema):
    docs = descriptions()
    relations = _names(schema, "BASE TABLE") + _names(schema, "VIEW")
    columns = {(t, c) for t in relations for c in _columns(schema, t)}
    assert sorted(set(relations) - set(docs.relations)) == [], (
        "tables or views without '--' lines above their CREATE in loaders/schema.sql"
    )
    assert sorted(columns - set(docs.columns)) == [], "columns without a '--' comment in loaders/schema.sql"
    assert sorted(set(docs.columns) - columns) == [], "comments read for columns that do not exist"
    assert all(text.strip() for text in [*docs.relations.values(), *docs.columns.values()])


def test_descriptions_are_stored_in_the_database_as_plain_text(schema):
    missing = schema.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND (comment IS NULL OR trim(comment) = '')"
    ).fetchall()
    assert missing == []
    stored = dict(schema.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    stored |= dict(schema.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
    assert stored == {name: plain(text) for name, text in descriptions().relations.items()}
    assert "`" not in "".join(stored.values())


def test_the_data_model_has_a_generated_table_for_every_view_and_the_list_of_tables(schema, data_model):
    assert sorted(marked(data_model)) == sorted([*_names(schema, "VIEW"), TABLES])


def test_the_data_model_tables_are_what_python_m_loaders_docs_writes(data_model):
    expected = regenerate(data_model)
    diff = "".join(
        difflib.unified_diff(
            data_model.splitlines(True), expected.splitlines(True), "docs/data-model.md", "generated", n=0
        )
    )
    assert data_model == expected, (
        f"docs/data-model.md differs from loaders/schema.sql; run: python -m loaders docs\n{diff}"
    )


def test_a_changed_description_changes_the_generated_data_model(data_model):
    docs = descriptions()
    changed = replace(docs, columns={**docs.columns, ("spending", "year"): "a new meaning"})
    assert regenerate(data_model, changed) != regenerate(data_model)
    assert "| `year` | INTEGER | a new meaning |" in regenerate(data_model, changed)


def test_every_table_is_mentioned_in_the_data_model(schema, data_model):
    code = _in_backticks(data_model)
    missing = [t for t in _names(schema, "BASE TABLE") if t not in code]
    assert not missing, f"tables not mentioned in backticks in docs/data-model.md: {missing}"


# (c) the first three commands of the README


def test_readme_opens_with_install_run_and_test_commands(readme):
    before_first_section = readme.split("\n## ", 1)[0]
    assert _code_commands(readme)[:3] == [INSTALL, RUN, TEST]
    assert _code_commands(before_first_section)[:3] == [INSTALL, RUN, TEST], (
        "the three commands must come before the first section"
    )


def test_ci_runs_the_readme_test_command_with_the_browser_required(readme):
    script = CI_SCRIPT.read_text(encoding="utf-8")
    lines = [line.strip() for line in script.splitlines()]
    assert os.access(CI_SCRIPT, os.X_OK), ".ci/run must be executable"
    assert "set -euo pipefail" in lines
    assert all(step in lines for step in INSTALL.split(" && ")[1:])
    installed = script.split("APT_PACKAGES=", 1)[1].split("\n", 1)[0].replace('"', " ") + " python3-venv"
    assert set(APT_INSTALL.split()[4:]) <= set(installed.split()), "CI installs the README's Debian packages"
    dev_install, default_tier = TEST.split(" && ")
    assert dev_install in lines and default_tier in lines and BROWSER_TIER in lines
    assert "export REQUIRE_BROWSER=1" in lines
    assert (
        lines.index(dev_install)
        < lines.index(default_tier)
        < lines.index("export REQUIRE_BROWSER=1")
        < lines.index(BROWSER_TIER)
    )


# (d) every dashboard page is listed


@pytest.mark.parametrize("document", [README, DOCS / "pages.md"], ids=["README", "docs/pages.md"])
def test_every_page_file_is_mentioned(document):
    text = document.read_text(encoding="utf-8")
    pages = ROOT / "pages"
    files = sorted(p for p in pages.rglob("*.py") if p.name != "__init__.py") if pages.is_dir() else []
    missing = [p.relative_to(ROOT).as_posix() for p in files if p.relative_to(ROOT).as_posix() not in text]
    assert not missing, f"page files not mentioned in {document.name}: {missing}"


# (e) the project layout names every module, and every name in it exists

# pages/ are listed in docs/pages.md, tests/ by their subjects
LAYOUT_PACKAGES = (
    "ui",
    "loaders",
    "programme_analysis",
    "bench",
    "synthetic",
)
DESCRIPTION_COLUMN = 24  # a line indented this far continues the description above it


def _layout_paths(layout: str) -> list[str]:
    """The paths the layout's code block names: each line's first word, inside the folder named above it
    with less indentation (``loaders/`` then ``  read/`` then ``    sandbox.py`` is ``loaders/read/sandbox.py``)."""
    block = layout.split("```", 2)[1]
    paths: list[str] = []
    folders: list[tuple[int, str]] = []  # (indentation, path) of the folders above
    for line in block.splitlines()[1:]:
        indent = len(line) - len(line.lstrip())
        if not line.strip() or indent >= DESCRIPTION_COLUMN:
            continue
        while folders and folders[-1][0] >= indent:
            folders.pop()
        path = (folders[-1][1] if folders else "") + line.split()[0]
        paths.append(path)
        if path.endswith("/"):
            folders.append((indent, path))
    return paths


def _modules() -> list[str]:
    """Every top-level .py file and every module of the code packages (an ``__init__.py`` only when it defines something)."""
    found = [p for p in ROOT.glob("*.py")]
    found += [p for package in LAYOUT_PACKAGES for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts]
    keep = [
        p
        for p in found
        if p.name != "__init__.py" or re.search(r"^(def|class) ", p.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    return sorted(p.relative_to(ROOT).as_posix() for p in keep)


def test_the_layout_reads_nested_folders():
    text = "\n## Project layout\n\n```\na.py                    top\nloaders/                pkg\n  read/                 sub\n    x.py                in sub\n                        more words\n  y.py                  in pkg\nz/                      other\n```\n"
    assert _layout_paths(text) == ["a.py", "loaders/", "loaders/read/", "loaders/read/x.py", "loaders/y.py", "z/"]


def test_every_module_is_in_the_project_layout():
    listed = set(_layout_paths(PROJECT_LAYOUT.read_text(encoding="utf-8")))
    assert [module for module in _modules() if module not in listed] == [], (
        "modules missing from docs/project-layout.md"
    )


def test_every_name_in_the_project_layout_exists():
    assert [
        path
        for path in _layout_paths(PROJECT_LAYOUT.read_text(encoding="utf-8"))
        if not (ROOT / path.rstrip("/")).exists()
    ] == []


# The data described in docs/data.md is the data in the repository


def test_every_document_and_layout_is_in_the_docs(docs):
    code = _in_backticks(docs)
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


# (f) a short README that leads to docs/, and links that lead somewhere

_LINK = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")


def _anchor(heading: str) -> str:
    """GitHub's anchor of a Markdown heading: lower case, punctuation left out, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_readme_is_at_most_250_lines(readme):
    assert len(readme.splitlines()) <= README_MAX_LINES


def test_the_readme_links_every_file_of_docs(readme):
    linked = {m.group("target").split("#")[0] for m in _LINK.finditer(readme)}
    assert [
        p.relative_to(ROOT).as_posix()
        for p in sorted(DOCS.glob("*.md"))
        if p.relative_to(ROOT).as_posix() not in linked
    ] == []


@pytest.mark.parametrize("document", [README, *sorted(DOCS.glob("*.md"))], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_leads_to_a_file_and_heading_that_exist(document):
    broken = []
    for match in _LINK.finditer(document.read_text(encoding="utf-8")):
        target = match.group("target")
        if re.match(r"^[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (document.parent / path).resolve() if path else document
        if not file.exists():
            broken.append(target)
        elif anchor and file.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", file.read_text(encoding="utf-8"), re.MULTILINE)
            if anchor not in {_anchor(h) for h in headings}:
                broken.append(target)
    assert broken == []


def test_a_link_to_a_missing_heading_is_found():
    assert _anchor("Review: deciding what the reader was unsure of") == "review-deciding-what-the-reader-was-unsure-of"
    assert _anchor("`spending`") == "spending"
