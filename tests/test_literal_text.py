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

from programme_analysis.formatting import escape_markdown, plotly_literal
from programme_analysis.texts import text
from tests.app_pages import run_page

HOSTILE = "<script>alert(1)</script> **bold** _it_ [link](javascript:alert(1)) $x^2$ :red[red] :material/home: # 1. - `code` &amp; | a | \\"
RENDER = MarkdownIt("commonmark")


def rendered_text(markdown: str) -> str:
    """What a reader sees of ``markdown``: the rendered HTML's text, entities decoded."""
    body = RENDER.render(markdown).strip()
    # one paragraph: no heading, list, code block or raw HTML
    assert body.startswith("<p>") and body.endswith("</p>"), body
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
        con.execute(
            "UPDATE programmes SET title_uk = ?, council_decision_as_printed = ? WHERE programme_id = ?",
            [HOSTILE, HOSTILE, programme_id],
        )
        (issue_id,) = con.execute("SELECT MIN(issue_id) FROM issue_log WHERE severity = 'warning'").fetchone()
        con.execute("UPDATE issue_log SET message = ? WHERE issue_id = ?", [HOSTILE, issue_id])
    monkeypatch.setenv("PROGRAMMES_DB", str(path))
    return path


def _shown(elements) -> list[str]:
    """What the reader sees of each Markdown element that carries the hostile text."""
    return [rendered_text(element.value) for element in elements if "alert" in element.value]


def test_a_programme_title_on_the_overview_is_shown_literally(hostile_database):
    app = run_page(None, {"lang": "en"})
    (caption,) = _shown(app.caption)
    assert caption.startswith(f"“{HOSTILE}”")


def test_a_data_issue_on_the_methodology_page_is_shown_literally(hostile_database):
    app = run_page("pages/methodology.py", {"lang": "en"})
    (issues,) = [element for element in app.markdown if "alert" in element.value]
    lines = [line for line in issues.value.split("\n") if "alert" in line]
    assert len(lines) == 1
    # the issue list is Markdown on purpose (a bulleted list with the kind in bold); the message itself stays text
    item = RENDER.render(lines[0])
    assert "<script>" not in item and "<strong>bold</strong>" not in item and 'href="javascript' not in item
    assert html.escape(HOSTILE, quote=False) in item


def test_a_council_decision_and_title_on_the_sources_page_are_shown_literally(hostile_database):
    app = run_page("pages/sources.py", {"lang": "en"})
    (expander,) = [e for e in app.expander if "alert" in e.label]
    assert rendered_text(expander.label).endswith(f"“{HOSTILE}”")
    (details,) = [element for element in app.markdown if "alert" in element.value]
    decision = next(line for line in details.value.split("\n") if text("council_decision", "en") in line)
    assert HOSTILE in html.unescape(RENDER.render(decision))
    assert "<script>" not in RENDER.render(decision) and "<strong>bold" not in RENDER.render(decision)


# --- Plotly's pseudo-HTML: document text in a figure is shown as printed ---

PLOTLY_HOSTILE = (
    "<b>Bold</b> <br> <a href='javascript:alert(1)'>link</a> <span style='color:red'>red</span> & &amp; <i>x</i>"
)
RAW_MARKUP = ("<b>Bold", "<a href", "<span style='color:red'>", "<i>x", "<br> <a")


NOT_DRAWN = {"customdata", "ids", "legendgroup", "uid"}  # what a click reports back to the app, never drawn as text


def _strings(value) -> list[str]:
    """Every string anywhere in a figure's JSON (data and layout) that Plotly may draw."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in NOT_DRAWN for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    if hasattr(value, "tolist"):
        return _strings(value.tolist())
    return []


def _hostile(frame, *columns):
    """``frame`` with every named column that exists set to the hostile text."""
    frame = frame.copy()
    for column in columns:
        if column in frame:
            frame[column] = PLOTLY_HOSTILE
    return frame


def _figures_with_hostile_text(database):
    from programme_analysis import figures, partner_figures, partner_register, queries

    ids = queries.communities(database)["community_id"].tolist()
    years = queries.available_years(database)
    names = ("name_uk", "name_en", "community_uk", "community_en")
    programme_years = _hostile(queries.programme_years(database, ids), *names)
    spending = _hostile(queries.spending(database, ids, years), *names, "section", "measure_title", "measure_code")
    partners = _hostile(
        queries.partners(database, ids), *names, "partner_name_uk", "partner_name_en", "agreement_date_text"
    )
    destinations = _hostile(
        queries.partner_spending(database, ids), *names, "destination_name_uk", "destination_name_en", "purpose"
    )
    register = _hostile(queries.partner_register(database, ids), *names, "partner_name_uk", "partner_name_en")
    partnership_map = _hostile(queries.partnership_map(database), "partner_name_uk", "partner_name_en")
    places = partner_register.national_places(partnership_map, ids)
    hostile_names = dict.fromkeys(ids, PLOTLY_HOSTILE)
    for lang in ("uk", "en"):
        yield "totals_by_year", figures.totals_by_year(programme_years, lang)
        yield "totals_by_year line", figures.totals_by_year(programme_years, lang, kind="line")
        yield "category_bars", figures.category_bars(spending, lang)
        yield "section_bars", figures.category_bars(spending, lang, by="section")
        yield "category_treemap", figures.category_treemap(spending, lang)
        yield "partner_map", figures.partner_map(partners, lang)
        yield "agreement_timeline", figures.agreement_timeline(partners, lang)
        yield "destination_bars", figures.destination_bars(destinations, lang)
        yield "amount_completeness", figures.amount_completeness(programme_years, lang)
        yield "register_map", partner_figures.register_map(register, lang)
        yield "national_places_bars", partner_figures.national_places_bars(places, hostile_names, lang)


def test_document_text_reaches_every_figure_escaped_once_for_plotly(database):
    """Names, measure titles, sections, partner and destination names, purposes and dates as printed reach the
    figure with & < > as entities: Plotly shows them as the marks, never as bold, a line break or a link."""
    escaped = plotly_literal(PLOTLY_HOSTILE)
    for name, fig in _figures_with_hostile_text(database):
        strings = _strings(fig.to_plotly_json())
        assert not [s for s in strings if any(markup in s for markup in RAW_MARKUP)], name
        # the text is there (a wrapped tile keeps its first word)
        assert any(escaped in s or escaped.split(" ")[0] in s for s in strings), name
        assert not [s for s in strings if "&amp;amp;amp;" in s], name  # escaped once, not twice


def test_plotly_literal_round_trips_through_plotlys_entities():
    """Plotly decodes &amp; &lt; &gt; back to the marks; the escaped text contains no tag at all."""
    escaped = plotly_literal(PLOTLY_HOSTILE)
    assert "<" not in escaped and ">" not in escaped
    assert html.unescape(escaped) == PLOTLY_HOSTILE
