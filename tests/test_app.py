"""AppTest: every page renders from the entry, in the default and in a filtered state."""

from __future__ import annotations

import base64
import csv
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from programme_analysis.texts import text
from tests.app_pages import DATA_PAGES, ENTRY, split, with_sections
from tests.conftest import GOLDEN

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


def _run(page: str | None = None, params: dict | None = None, timeout: float = 30) -> AppTest:
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


def _values(array) -> list:
    """Plotly 6+ ships numeric arrays base64-encoded ({'dtype', 'bdata'}); lists stay lists."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def _figures(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_every_page_renders(page, lang):
    app = _run(page, {"lang": lang})
    assert app.title and app.title[0].value


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_filtered(page):
    app = _run(page, {"c": ["mena", "zdolbuniv"], "y": ["2024"], "lang": "en"})
    assert app.title
    if not app.sidebar.multiselect:  # the presentation hides the sidebar; its slides are checked in test_presentation
        return
    assert sorted(app.sidebar.multiselect[0].value) == ["mena", "zdolbuniv"] and app.sidebar.multiselect[1].value == [
        2024
    ]
    for frame in (element.value for element in app.dataframe):
        if "Community" in frame.columns:  # a table of the chosen communities shows no other
            assert set(frame["Community"]) <= {"Mena", "Zdolbuniv"}, page
        if "Year" in frame.columns:
            assert set(frame["Year"].astype(str)) <= {"2024"}, page


def test_khmelnytskyi_2021_total_reaches_the_per_year_chart():
    app = _run("pages/spending_by_year.py", {"lang": "en"})
    bars = [trace for fig in _figures(app) for trace in fig["data"] if trace.get("name") == "Khmelnytskyi"]
    assert bars, "no Khmelnytskyi trace"
    # each bar sits at its year plus its slot's offset (under half a year), so the group is centred on the year
    points = dict(zip([str(round(x)) for x in _values(bars[0]["x"])], _values(bars[0]["y"]), strict=True))
    assert points["2021"] == pytest.approx(1840.0)


def test_zdolbuniv_is_not_stated_not_zero():
    app = _run("pages/spending_by_year.py", {"lang": "en"})
    figure = _figures(app)[0]
    assert not [t for t in figure["data"] if t.get("name") == "Zdolbuniv"], "Zdolbuniv must have no bar of an amount"
    # ...but a hatched, outlined placeholder labelled "not stated", with its own legend entry
    (placeholder,) = [t for t in figure["data"] if t.get("legendgroup") == "gap"]
    assert placeholder["name"] == "hatched: no amount in the document (not zero)" and placeholder["showlegend"]
    assert placeholder["text"] == ["not stated"] and placeholder["marker"]["pattern"]["shape"] == "/"
    assert [list(c) for c in placeholder["customdata"]] == [["zdolbuniv", 2024, "zdolbuniv_2024"]]
    table = app.dataframe[0].value
    row = table[table["Community"] == "Zdolbuniv"].iloc[0]
    assert row["Planned, thousand UAH"] == "not stated"


def test_measure_search_filters_rows():
    app = _run("pages/measures.py", {"lang": "en", "q": "СУВЕНІР"})
    table = app.dataframe[0].value
    # titles: Khmelnytskyi 2.2 (5 years), Oleksandriia 2.4, Zdolbuniv 3.6, Mena 1 (3 years)
    by_title = table["Measure (as printed)"].str.contains("сувенір", case=False)
    assert by_title.sum() == 10
    # the rest match the category «Презентаційна і сувенірна продукція» (names of both languages are searched)
    assert set(table.loc[~by_title, "Category"]) == {"Presentation and souvenir materials"}


def test_hostile_search_text_is_only_a_search():
    app = _run("pages/measures.py", {"lang": "en", "q": "'; DROP TABLE measures; --"})
    # nothing found, said in words
    assert not app.dataframe and [info.value for info in app.info] == [text("no_rows_match", "en")]
    again = _run("pages/measures.py", {"lang": "en"})
    # a row per measure and year, checked against the documents
    with open(GOLDEN / "measures.csv", encoding="utf-8", newline="") as handle:
        assert len(again.dataframe[0].value) == sum(1 for _ in csv.DictReader(handle))
