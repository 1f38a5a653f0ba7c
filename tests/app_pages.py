"""One page of the dashboard, run by Streamlit's AppTest on a given database, as a reader opens it from the entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ENTRY = Path(__file__).resolve().parent.parent / "dashboard.py"
FIRST_PAGE = "pages/overview.py"  # the entry's default page: no switch needed


def open_page(database: Path, monkeypatch: pytest.MonkeyPatch, page: str, params: dict | None = None) -> AppTest:
    """``page`` opened on ``database`` with the URL's ``params``; fails on any exception the page raised."""
    monkeypatch.setenv("PROGRAMMES_DB", str(database))
    import streamlit as st

    st.cache_data.clear()
    app = AppTest.from_file(str(ENTRY), default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.run()
    if page != FIRST_PAGE:
        app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    return app
