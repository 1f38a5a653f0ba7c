"""In a real browser: a .docx uploaded on /add shows beside the others on the overview, per-year and
partners pages of that session, and a second browser context (another reader) sees no trace of it."""

from __future__ import annotations

import csv
import re

import pytest

from bench.synthetic.fixture_documents import make_docx
from loaders.build import DATA_DIR
from programme_analysis.texts import text
from tests.browser_app import chromium, open_visit, streamlit_server, wait_for_charts
from tests.left_out import LEFT_OUT, shared  # noqa: F401  (fixture: a database of every document but one)

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
        # its section beside the partnership map: a heading for each chosen community, the upload's among them
        visit.act(visit.page.get_by_text(text("partners_section_register", "en"), exact=True).first.click)
        visit.page.get_by_role("heading", name=name).first.wait_for(timeout=60_000)
        assert visit.page.get_by_role("heading", name=name).count() >= 1
        visit.screenshot("add_compared_partners_en")
        assert visit.problems() == []
        # every page says the upload lives in this tab only, and the browser asks before a reload would lose it
        assert visit.page.get_by_text(text("upload_session_only", "en").format(file=document.name)).count() == 1
        assert visit.page.evaluate("() => typeof window.onbeforeunload") == "function"

        # another reader: Browser.new_page opens a new browser context (its own cookies), so a new session
        other = open_visit(browser, origin, "?lang=en", width=1366, height=900, charts=1)
        try:
            assert other.page.get_by_role("heading", name=name).count() == 0
            assert name not in other.page.locator(".js-plotly-plot").first.inner_text()
            assert other.problems() == []
        finally:
            other.close()

        # removed, the upload no longer holds the tab: the browser lets it go without asking
        visit.open_from_sidebar("add")
        visit.act(visit.page.get_by_role("button", name=text("add_remove", "en")).first.click)
        assert visit.page.evaluate("() => window.onbeforeunload") is None


def test_a_scanned_programme_is_read_by_ocr_and_said_so_in_both_languages(shared, tmp_path):  # noqa: F811
    """A scan of the programme (bench/synthetic/scans.py) uploaded on /add: the recognition runs and the page names the format, in
    Ukrainian and in English; screenshots at 1366×768 and 390×844. (The marks on the amounts read by OCR are in a data
    grid, which the browser draws on a canvas: tests/test_scanned_pdf.py checks them in the database.)"""
    from bench.synthetic.office_copies import OUT
    from bench.synthetic.scans import scan

    scanned = scan(OUT / f"{LEFT_OUT['programme_id']}.pdf", tmp_path / "scan.pdf")
    with streamlit_server(shared) as origin, chromium() as browser:
        visit = open_visit(browser, origin, "add", width=1366, height=768)
        visit.act(lambda: visit.page.locator("input[type=file]").set_input_files(str(scanned)))
        visit.page.get_by_text(text("add_compare", "uk")).wait_for(timeout=400_000)
        visit.page.get_by_text("сканований PDF, текст розпізнано OCR").first.wait_for()  # the format, in the language
        visit.screenshot("add_scan_uk_1366")
        visit.page.set_viewport_size({"width": 390, "height": 844})
        visit.screenshot("add_scan_uk_390")
        visit.page.set_viewport_size({"width": 1366, "height": 768})
        visit.switch_language("en")
        visit.page.get_by_text("scanned PDF, its text read by OCR").first.wait_for()
        assert visit.page.get_by_text("сканований PDF").count() == 0
        visit.screenshot("add_scan_en_1366")
        visit.page.set_viewport_size({"width": 390, "height": 844})
        visit.screenshot("add_scan_en_390")
        assert visit.problems() == []
