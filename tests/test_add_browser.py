"""In a real browser: a .docx uploaded on /add shows beside the others on the overview, per-year and
partners pages of that session, and a second browser context (another reader) sees no trace of it."""

from __future__ import annotations

import csv
import re

import pytest

from loaders.build import DATA_DIR
from programme_analysis.texts import text
from tests.browser_app import chromium, open_visit, streamlit_server, wait_for_charts
from tests.fixture_documents import make_docx
from tests.test_add_page import LEFT_OUT, shared  # noqa: F401  (fixture: a database of every document but one)

pytestmark = pytest.mark.browser


def _community() -> dict[str, str]:
    with open(DATA_DIR / "sources" / "communities.csv", encoding="utf-8") as handle:
        return next(r for r in csv.DictReader(handle) if r["community_id"] == LEFT_OUT["community_id"])


def test_an_upload_is_compared_in_its_session_only(shared, tmp_path):  # noqa: F811
    document = make_docx(DATA_DIR / "sources" / LEFT_OUT["source_file"], tmp_path / "programme.docx")
    name = _community()["name_en"]
    with streamlit_server(shared) as origin, chromium() as browser:
        visit = open_visit(browser, origin, "add?lang=en", width=1366, height=900)
        visit.act(lambda: visit.page.locator("input[type=file]").set_input_files(str(document)))
        visit.page.get_by_text(text("add_compare", "en")).wait_for(timeout=240_000)
        assert name in visit.page.locator("[data-testid='stMarkdown']").all_inner_texts().__str__()
        visit.screenshot("add_read_en")
        visit.act(visit.page.get_by_role("button", name=text("add_compare", "en")).click)
        assert visit.page.get_by_text(text("add_compared", "en")).count() == 1

        visit.open_from_sidebar("")  # the overview: a card for the uploaded programme
        wait_for_charts(visit.page, 1)
        assert visit.page.get_by_role("heading", name=name).count() == 1
        visit.open_from_sidebar("by-year")
        wait_for_charts(visit.page, 1)
        assert re.search(re.escape(name), visit.page.locator(".js-plotly-plot").first.inner_text())
        visit.open_from_sidebar("sister-cities")
        assert visit.page.get_by_role("heading", name=name).count() >= 1
        visit.screenshot("add_compared_partners_en")
        assert visit.problems() == []

        # another reader: Browser.new_page opens a new browser context (its own cookies), so a new session
        other = open_visit(browser, origin, "?lang=en", width=1366, height=900, charts=1)
        try:
            assert other.page.get_by_role("heading", name=name).count() == 0
            assert name not in other.page.locator(".js-plotly-plot").first.inner_text()
            assert other.problems() == []
        finally:
            other.close()
