"""One page of the dashboard, run by Streamlit's AppTest on a given database, as a reader opens it from the entry.

A page to open may carry URL parameters of its own (``pages/partners.py?section=money``): the partners page
draws only its chosen section, so ``with_sections`` lists it once per section."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

ENTRY = Path(__file__).resolve().parent.parent / "dashboard.py"
FIRST_PAGE = "pages/overview.py"  # the entry's default page: no switch needed
PARTNERS_PAGE = "pages/partners.py"
PARTNER_SECTIONS = ["register", "national", "money"]  # besides its default section, "partners"
# the pages that draw the loaded programmes' data, in the sidebar's order; tests add the others they need
DATA_PAGES = [
    "pages/overview.py",
    "pages/spending_by_year.py",
    "pages/spending_by_category.py",
    "pages/partners.py",
    "pages/measures.py",
    "pages/sources.py",
]


def with_sections(pages: list[str]) -> list[str]:
    """``pages``, and the partners page once more for each of its other sections when it is among them."""
    return [*pages, *(f"{PARTNERS_PAGE}?section={section}" for section in PARTNER_SECTIONS if PARTNERS_PAGE in pages)]


def split(page: str, params: dict | None = None) -> tuple[str, dict]:
    """The page's file and the URL parameters to open it with: ``params`` and those the page carries."""
    path, _, query = page.partition("?")
    return path, {**(params or {}), **dict(parse_qsl(query))}


def open_page(database: Path, monkeypatch: pytest.MonkeyPatch, page: str, params: dict | None = None) -> AppTest:
    """``page`` opened on ``database`` with the URL's ``params``; fails on any exception the page raised."""
    page, params = split(page, params)
    monkeypatch.setenv("PROGRAMMES_DB", str(database))  # the app's cache is kept: its keys name the database file
    app = AppTest.from_file(str(ENTRY), default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.run()
    if page != FIRST_PAGE:
        app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app
