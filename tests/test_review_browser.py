"""In a real browser: a Word programme whose measures table the reader cannot find (its header names the measures in
words no rule knows) is completed on /add by picking the table, its header row and the column of the measures' names;
the year columns are offered from the header. Tried at 1366×768 in English and at 390×844 (a phone) in Ukrainian."""

from __future__ import annotations

import re
import time

import pytest

from loaders.errors import locator_in
from programme_analysis.texts import text
from tests.browser_app import chromium, open_visit, streamlit_server
from tests.left_out import shared  # noqa: F401  (fixture: a database of every document but one)
from tests.review_documents import UNKNOWN_HEADER, UNKNOWN_HEADER_AMOUNTS, unknown_header_docx

pytestmark = pytest.mark.browser


def _choose(visit, label: str, option: str) -> None:
    """Pick ``option`` (its text starts so) in the selectbox labelled ``label``.

    The first click may land while the page is still redrawing after the last choice; the list is opened again
    until its options show."""
    box = visit.page.locator("[data-testid='stSelectbox']").filter(has=visit.page.get_by_text(label, exact=True))
    options = visit.page.locator("[role='listbox'] [role='option']")
    for _ in range(10):
        box.locator("input").first.click()
        try:
            options.first.wait_for(timeout=2_000)
            break
        except Exception:
            visit.page.keyboard.press("Escape")
    choice = options.filter(has_text=re.compile("^" + re.escape(option)))
    visit.act(choice.first.click)


def _shown_choice(visit, label: str, expected: str, seconds: float = 30) -> str:
    """What the selectbox labelled ``label`` shows, read again until it matches ``expected`` or ``seconds`` pass.

    On a busy machine the boxes of the last choice's run may still be mounting when the run is counted finished."""
    box = visit.page.locator("[data-testid='stSelectbox']").filter(has=visit.page.get_by_text(label))
    shown = ""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if box.count():
            shown = box.first.inner_text() + " " + box.first.locator("input").first.input_value()
            if re.search(expected, shown):
                break
        visit.page.wait_for_timeout(250)
    return shown


def _grids_text(visit, expected: tuple[str, ...], seconds: float = 60) -> str:
    """The text of every grid on the page, read again until each of ``expected`` is in it or ``seconds`` pass."""
    grids = visit.page.locator("[data-testid='stDataFrame']")
    shown = ""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        shown = " ".join(frame.text_content() for frame in grids.all())
        if all(amount in shown for amount in expected):
            break
        visit.page.wait_for_timeout(500)
    return shown


@pytest.mark.parametrize(("lang", "width", "height"), [("en", 1366, 768), ("uk", 390, 844)])
def test_a_table_the_reader_cannot_find_is_picked_on_review(shared, tmp_path, lang, width, height):  # noqa: F811
    document = unknown_header_docx(tmp_path / "programme.docx")
    with streamlit_server(shared) as origin, chromium() as browser:
        visit = open_visit(browser, origin, f"add?lang={lang}", width=width, height=height)
        visit.act(lambda: visit.page.locator("input[type=file]").set_input_files(str(document)))
        visit.page.get_by_text(text("review_heading", lang)).wait_for(timeout=240_000)
        doubt = visit.page.get_by_text(text("review_table_doubt", lang), exact=False)
        doubt.first.wait_for(timeout=60_000)  # drawn in the same run as the heading, perhaps a moment later
        assert doubt.count() == 1
        # nothing picked: nothing to apply... yet
        assert visit.page.get_by_role("button", name=text("review_apply", lang)).is_disabled()
        _choose(visit, text("review_table", lang), locator_in("table 1", lang))  # said in the page's language
        visit.screenshot(f"review_grid_{lang}_{width}")
        _choose(visit, text("review_header_row", lang), locator_in("table 1, row 1", lang))
        _choose(visit, text("review_name_column", lang), "2 ·")
        for year in UNKNOWN_HEADER["years"]:  # offered from the header's «Кошти у 2027 р.»; checked, not chosen
            label = text("review_year_column", lang).format(year=year)
            shown = _shown_choice(visit, label, rf"(^|\s){UNKNOWN_HEADER['year_columns'][year]} ·")
            assert re.search(rf"(^|\s){UNKNOWN_HEADER['year_columns'][year]} ·", shown), shown
        visit.screenshot(f"review_picked_{lang}_{width}")
        visit.act(visit.page.get_by_role("button", name=text("review_apply", lang)).click)
        visit.page.get_by_text(text("review_applied", lang).split("(")[0].strip(), exact=False).wait_for(
            timeout=240_000
        )
        visit.wait_until_idle()
        # The grid is drawn on a canvas; its cells are also in the page as an accessible table (text_content, not
        # inner_text). The review's own grid of the raw table shows the measures' names too, so the wait is for the
        # amounts: the table of read measures may mount a moment after the run ends.
        shown = _grids_text(visit, UNKNOWN_HEADER_AMOUNTS)
        for amount in UNKNOWN_HEADER_AMOUNTS:
            assert amount in shown, (amount, shown[-3000:])
        assert (
            text("review_download", lang)
            in visit.page.locator("[data-testid='stDownloadButton']").all_inner_texts().__str__()
        )
        visit.screenshot(f"review_applied_{lang}_{width}")
        assert visit.problems() == []
