"""One page of the dashboard, run by Streamlit's AppTest on a given database, as a reader opens it from the entry.

A page to open may carry URL parameters of its own (``pages/partners.py?section=money``): the partners page
draws only its chosen section, so ``with_sections`` lists it once per section."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import parse_qsl

import numpy as np
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


# What the AppTest modules share: the session's database for every test of a module that imports ``_database`` (an
# autouse fixture), the server's routing, a page run from the entry, and the charts it drew.

PAGES = with_sections([*DATA_PAGES])


@pytest.fixture(autouse=True)
def _database(database, monkeypatch):
    """The session's database. The app's cache is kept from test to test, as a server keeps it from session to session:
    its keys name the database file and its modification time (a test that counts what is built empties it itself)."""
    monkeypatch.setenv("PROGRAMMES_DB", str(database))


@pytest.fixture()
def served_like_the_server(monkeypatch):
    """Route reruns through the entry, as the server does.

    AppTest re-detects the pages/ folder on every run and then reruns a page without the entry
    (Streamlit's legacy pages/ router); the server switches that router off when it starts
    (``ui.server.use_navigation_only``), so every run of a visit goes through dashboard.py.
    """
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.pages_manager import PagesManager

    class NavigationOnly(PagesManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    monkeypatch.setattr(app_test, "PagesManager", NavigationOnly)


def run_page(page: str | None = None, params: dict | None = None, timeout: float = 30) -> AppTest:
    if page:
        page, params = split(page, params)
    app = AppTest.from_file(str(ENTRY), default_timeout=timeout)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def values_of(array) -> list:
    """Plotly 6+ ships numeric arrays base64-encoded ({'dtype', 'bdata'}); lists stay lists."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def figures_of(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
