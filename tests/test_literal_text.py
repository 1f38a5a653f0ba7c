"""Text from documents and data files is shown as printed: Markdown, HTML and Streamlit's own
directives in it stay text. The rendered check uses markdown-it (CommonMark, like Streamlit's renderer)."""

from __future__ import annotations

import html
import re
import shutil

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from programme_analysis.formatting import escape_markdown
from programme_analysis.texts import text
from tests.test_app import _run

HOSTILE = "<script>alert(1)</script> **bold** _it_ [link](javascript:alert(1)) $x^2$ :red[red] :material/home: # 1. - `code` &amp; | a | \\"
RENDER = MarkdownIt("commonmark")


def rendered_text(markdown: str) -> str:
    """What a reader sees of ``markdown``: the rendered HTML's text, entities decoded."""
    body = RENDER.render(markdown).strip()
    assert body.startswith("<p>") and body.endswith("</p>"), body  # one paragraph: no heading, list, code block or raw HTML
    inner = body[3:-4]
    assert not re.search(r"<(?!br\s*/?>)", inner), inner  # no tag at all inside: no <strong>, <a>, <script>, <code>
    return html.unescape(inner)


@given(st.text(alphabet=st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"])))
def test_escaped_text_renders_as_itself(value):
    assert rendered_text(escape_markdown(f"x {value} y")) == f"x {value} y"


def test_streamlit_directives_and_math_are_escaped():
    escaped = escape_markdown(HOSTILE)
    assert ":red[" not in escaped and ":material/" not in escaped and "\\$x" in escaped
    assert rendered_text(escaped) == HOSTILE


def test_line_breaks_cannot_start_a_list_or_heading():
    assert rendered_text(escape_markdown("Захід\n# 1. Заголовок\n- пункт")) == "Захід # 1. Заголовок - пункт"


@pytest.fixture()
def hostile_database(database, tmp_path, monkeypatch):
    """A copy of the database whose first programme's title and first warning carry hostile text."""
    path = tmp_path / "hostile.duckdb"
    shutil.copyfile(database, path)
    with duckdb.connect(str(path)) as con:
        (programme_id,) = con.execute("SELECT programme_id FROM programmes ORDER BY programme_id LIMIT 1").fetchone()
        con.execute("UPDATE programmes SET title_uk = ?, council_decision_as_printed = ? WHERE programme_id = ?", [HOSTILE, HOSTILE, programme_id])
        (issue_id,) = con.execute("SELECT MIN(issue_id) FROM issue_log WHERE severity = 'warning'").fetchone()
        con.execute("UPDATE issue_log SET message = ? WHERE issue_id = ?", [HOSTILE, issue_id])
    monkeypatch.setenv("PROGRAMMES_DB", str(path))
    return path


def _shown(elements) -> list[str]:
    """What the reader sees of each Markdown element that carries the hostile text."""
    return [rendered_text(element.value) for element in elements if "alert" in element.value]


def test_a_programme_title_on_the_overview_is_shown_literally(hostile_database):
    app = _run(None, {"lang": "en"})
    (caption,) = _shown(app.caption)
    assert caption.startswith(f"“{HOSTILE}”")


def test_a_data_issue_on_the_methodology_page_is_shown_literally(hostile_database):
    app = _run("pages/methodology.py", {"lang": "en"})
    (issues,) = [element for element in app.markdown if "alert" in element.value]
    lines = [line for line in issues.value.split("\n") if "alert" in line]
    assert len(lines) == 1
    # the issue list is Markdown on purpose (a bulleted list with the kind in bold); the message itself stays text
    item = RENDER.render(lines[0])
    assert "<script>" not in item and "<strong>bold</strong>" not in item and 'href="javascript' not in item
    assert html.escape(HOSTILE, quote=False) in item


def test_a_council_decision_and_title_on_the_sources_page_are_shown_literally(hostile_database):
    app = _run("pages/sources.py", {"lang": "en"})
    (expander,) = [e for e in app.expander if "alert" in e.label]
    assert rendered_text(expander.label).endswith(f"“{HOSTILE}”")
    (details,) = [element for element in app.markdown if "alert" in element.value]
    decision = next(line for line in details.value.split("\n") if text("council_decision", "en") in line)
    assert HOSTILE in html.unescape(RENDER.render(decision))
    assert "<script>" not in RENDER.render(decision) and "<strong>bold" not in RENDER.render(decision)
