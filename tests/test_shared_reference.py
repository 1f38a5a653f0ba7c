"""The money views' reference data, which every session keeps in its choices, is one object shared by the sessions:
an unpickled copy for each cost about 14 MB a session on the 1,500-community database (bench/RESULTS.md)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app_pages import ENTRY


def _session(database, monkeypatch) -> AppTest:
    monkeypatch.setenv("PROGRAMMES_DB", str(database))
    app = AppTest.from_file(str(ENTRY), default_timeout=60)
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def test_two_sessions_share_one_reference_object(database, monkeypatch):
    first, second = _session(database, monkeypatch), _session(database, monkeypatch)
    one, other = first.session_state["choices"].money.reference, second.session_state["choices"].money.reference
    assert one.residents and one.factors  # the real reference data, not an empty default
    assert one is other
