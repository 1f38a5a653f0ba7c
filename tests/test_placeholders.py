"""Streamlit's own English words never show in the interface: every choice widget carries a placeholder from the
catalogue in the reader's language, and an empty result is said in words instead of Streamlit's "empty" table."""

from __future__ import annotations

import pytest

from programme_analysis.texts import TEXTS, text
from tests.app_pages import DATA_PAGES, _database, run_page, served_like_the_server, with_sections  # noqa: F401  (fixtures)

# every run goes through the entry, which draws the sidebar
pytestmark = pytest.mark.usefixtures("served_like_the_server")

PAGES = with_sections([*DATA_PAGES, "pages/methodology.py", "pages/peer_comparison.py", "pages/add_programme.py"])


def _placeholders(app) -> dict[str, str]:
    """``{widget label: placeholder}`` of every multiselect, selectbox and text input drawn."""
    widgets = [*app.multiselect, *app.selectbox, *app.text_input]
    return {widget.label: widget.proto.placeholder for widget in widgets}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_every_choice_widget_has_a_placeholder_in_the_language(page, lang):
    # the hand-picked peers' list too
    params = {
        "lang": lang,
        **({"peers": "hand"} if page == "pages/peer_comparison.py" else {}),
    }
    app = run_page(page, params)
    found = _placeholders(app)
    assert len(found) >= 2, found  # the sidebar's communities and years at least
    catalogue = {texts[lang] for texts in TEXTS.values()}
    assert {label: words for label, words in found.items() if words.strip() not in catalogue} == {}


def test_the_sidebar_lists_keep_their_placeholder_when_cleared():
    app = run_page("pages/spending_by_year.py", {"lang": "en", "c": "", "y": ""})
    assert [m.proto.placeholder for m in app.sidebar.multiselect] == [text("choose_options", "en")] * 2
    assert [m.value for m in app.sidebar.multiselect] == [[], []]


def test_a_search_that_finds_nothing_says_so_instead_of_an_empty_table():
    app = run_page("pages/measures.py", {"lang": "uk", "q": "жжжщщщ"})
    assert not app.dataframe
    assert [info.value for info in app.info] == [text("no_rows_match", "uk")]
