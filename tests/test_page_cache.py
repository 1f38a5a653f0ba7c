"""Figures are built once per database and choice (ui.cache), and a changed choice builds a new one."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import streamlit as st

from programme_analysis import figures
from tests.app_pages import _database, run_page, served_like_the_server  # noqa: F401 (fixtures)


@pytest.fixture()
def built(monkeypatch) -> list[tuple]:
    """Every call of ``figures.totals_by_year`` the pages make: (lang, kind, money view)."""
    calls: list[tuple] = []
    original = figures.totals_by_year

    def counting(years, lang="uk", kind="bar", money=None):
        calls.append((lang, kind, money.view if money else None))
        return original(years, lang, kind=kind, money=money)

    monkeypatch.setattr(figures, "totals_by_year", counting)
    st.cache_resource.clear()
    return calls


@pytest.mark.usefixtures("served_like_the_server")
def test_a_rerun_draws_the_cached_figure_and_a_new_choice_builds_its_own(built):
    app = run_page("pages/spending_by_year.py", {"lang": "en"})
    assert built == [("en", "bar", "nominal")] * 2  # the overview's chart (the first page), then this page's
    first = app.get("plotly_chart")[0].proto.spec
    app.run()
    app.run()
    assert built == [("en", "bar", "nominal")] * 2, "a rerun with the same choices builds no figure"
    assert app.get("plotly_chart")[0].proto.spec == first
    app.sidebar.radio[0].set_value("real").run()
    assert built[-1] == ("en", "bar", "real") and len(built) == 3
    app.sidebar.get("button_group")[0].set_value("uk").run()
    assert built[-1] == ("uk", "bar", "real") and len(built) == 4
    app.sidebar.get("button_group")[0].set_value("en").run()
    assert len(built) == 4, "back to a choice already drawn: the cached figure"


def test_another_chart_kind_is_another_figure(built):
    run_page("pages/spending_by_year.py", {"lang": "en"})
    assert built[-1] == ("en", "bar", "nominal")
    app = run_page("pages/spending_by_year.py", {"lang": "en", "chart": "line"})  # a new session, another link
    assert built[-1] == ("en", "line", "nominal")
    assert {trace["type"] for trace in json.loads(app.get("plotly_chart")[0].proto.spec)["data"]} == {"scatter"}


def test_a_query_runs_once_and_a_page_that_changes_its_frame_leaves_the_shared_one_alone(tmp_path):
    from ui import cache
    from ui.state import Choices

    database = tmp_path / "programmes.duckdb"
    database.write_bytes(b"")  # only its path and modification time key the cache here
    runs: list[tuple] = []

    def programmes(path, year):
        runs.append((path, year))
        return pd.DataFrame({"name": ["Мена", "Здолбунів"], "year": [year, year]})

    st.cache_resource.clear()
    st.session_state["choices"] = Choices(database=database, lang="en", community_ids=[], years=[])
    try:
        first = cache.query(programmes, 2026)
        first["added"] = 1
        first.loc[0, "name"] = "changed"
        second = cache.query(programmes, 2026)
        assert runs == [(database, 2026)], "the second read is the cached frame"
        assert list(second.columns) == ["name", "year"] and second.loc[0, "name"] == "Мена"
        cache.query(programmes, 2027)
        assert runs[-1] == (database, 2027), "other arguments, another query"
    finally:
        del st.session_state["choices"]


def test_a_drawn_figure_is_written_as_json_once_and_as_plotly_writes_it(monkeypatch):
    import plotly.graph_objects as go
    import plotly.io as pio
    from plotly.tools import return_figure_from_figure_or_data

    from ui import cache

    written: list[object] = []
    original = cache._PLOTLY_TO_JSON

    def counting(fig, *args, **kwargs):
        written.append(fig)
        return original(fig, *args, **kwargs)

    monkeypatch.setattr(cache, "_PLOTLY_TO_JSON", counting)

    def as_streamlit_writes(figure) -> str:  # what st.plotly_chart does with a figure, rerun after rerun
        return pio.to_json(return_figure_from_figure_or_data(figure, validate_figure=True), validate=False)

    plain = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    drawn = cache.DrawnFigure(plain)
    first = as_streamlit_writes(drawn)
    assert as_streamlit_writes(drawn) is first and len(written) == 1
    assert json.loads(first) == json.loads(original(plain, validate=False))
    as_streamlit_writes(plain)  # a figure not kept in the cache is written anew each time
    as_streamlit_writes(plain)
    pio.to_json(drawn.to_dict(), pretty=True)  # any other call is plotly's own
    assert len(written) == 4
