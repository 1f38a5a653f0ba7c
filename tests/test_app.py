"""AppTest: every page renders from the entry, in the default and in a filtered state."""

from __future__ import annotations

import csv
import json

import pytest
from streamlit.testing.v1 import AppTest

from programme_analysis.texts import text
from tests.app_pages import PAGES, _database, figures_of, run_page, served_like_the_server, values_of  # noqa: F401 (fixtures)
from tests.conftest import GOLDEN


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_every_page_renders(page, lang):
    app = run_page(page, {"lang": lang})
    assert app.title and app.title[0].value


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_filtered(page):
    app = run_page(page, {"c": ["mena", "zdolbuniv"], "y": ["2024"], "lang": "en"})
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
    app = run_page("pages/spending_by_year.py", {"lang": "en"})
    bars = [trace for fig in figures_of(app) for trace in fig["data"] if trace.get("name") == "Khmelnytskyi"]
    assert bars, "no Khmelnytskyi trace"
    # each bar sits at its year plus its slot's offset (under half a year), so the group is centred on the year
    points = dict(zip([str(round(x)) for x in values_of(bars[0]["x"])], values_of(bars[0]["y"]), strict=True))
    assert points["2021"] == pytest.approx(1840.0)


def test_zdolbuniv_is_not_stated_not_zero():
    app = run_page("pages/spending_by_year.py", {"lang": "en"})
    figure = figures_of(app)[0]
    assert not [t for t in figure["data"] if t.get("name") == "Zdolbuniv"], "Zdolbuniv must have no bar of an amount"
    # ...but a hatched, outlined placeholder labelled "not stated", with its own legend entry
    (placeholder,) = [t for t in figure["data"] if t.get("legendgroup") == "gap"]
    assert placeholder["name"] == "hatched: no amount in the document (not zero)" and placeholder["showlegend"]
    assert placeholder["text"] == ["not stated"] and placeholder["marker"]["pattern"]["shape"] == "/"
    assert [list(c) for c in placeholder["customdata"]] == [["zdolbuniv", 2024, "zdolbuniv_2024"]]
    table = app.dataframe[0].value
    row = table[table["Community"] == "Zdolbuniv"].iloc[0]
    assert row["Planned, thousand UAH"] == "not stated"


@pytest.mark.parametrize(
    ("page", "pinned"), [("pages/spending_by_year.py", ["Community", "Year"]), ("pages/measures.py", ["Community"])]
)
def test_a_table_keeps_its_naming_columns_in_view_when_it_scrolls_sideways(page, pinned):
    """On a phone a table shows two or three columns; the community (and year) stay pinned while the rest scroll."""
    app = run_page(page, {"lang": "en"})
    config = json.loads(app.dataframe[0].proto.columns)
    assert [name for name, column in config.items() if column.get("pinned")] == pinned


def test_a_long_first_column_is_not_pinned():
    """A column of measure titles pinned would fill a phone's width: only brief names are pinned."""

    def script():
        import pandas as pd

        from ui.state import data_table

        data_table(pd.DataFrame({"Measure": ["A measure whose title runs far longer than a name"], "Amount": [1.0]}))
        data_table(pd.DataFrame({"Community": ["Mena"], "Amount": [1.0]}))

    app = AppTest.from_function(script).run()
    assert [json.loads(table.proto.columns) for table in app.dataframe] == [
        {"_index": {"hidden": True}},
        {"Community": {"pinned": True}, "_index": {"hidden": True}},
    ]


def test_measure_search_filters_rows():
    app = run_page("pages/measures.py", {"lang": "en", "q": "СУВЕНІР"})
    table = app.dataframe[0].value
    # titles: Khmelnytskyi 2.2 (5 years), Oleksandriia 2.4, Zdolbuniv 3.6, Mena 1 (3 years)
    by_title = table["Measure (as printed)"].str.contains("сувенір", case=False)
    assert by_title.sum() == 10
    # the rest match the category «Презентаційна і сувенірна продукція» (names of both languages are searched)
    assert set(table.loc[~by_title, "Category"]) == {"Presentation and souvenir materials"}


def test_hostile_search_text_is_only_a_search():
    app = run_page("pages/measures.py", {"lang": "en", "q": "'; DROP TABLE measures; --"})
    # nothing found, said in words
    assert not app.dataframe and [info.value for info in app.info] == [text("no_rows_match", "en")]
    again = run_page("pages/measures.py", {"lang": "en"})
    # a row per measure and year, checked against the documents
    with open(GOLDEN / "measures.csv", encoding="utf-8", newline="") as handle:
        assert len(again.dataframe[0].value) == sum(1 for _ in csv.DictReader(handle))


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_partners_without_any_agreement_date_get_a_sentence_not_an_empty_timeline(lang):
    # Khmelnytskyi's programme names its partners and no agreement date (tests/golden/partners.csv)
    with (GOLDEN / "partners.csv").open(encoding="utf-8") as f:
        named = [row for row in csv.DictReader(f) if row["community_id"] == "khmelnytskyi"]
    assert named and not any(row["agreement_date"] for row in named)
    app = run_page("pages/partners.py", {"lang": lang, "c": "khmelnytskyi"})
    timeline = text("chart_timeline", lang)
    assert not [f for f in figures_of(app) if timeline in str(f["layout"].get("title", {}).get("text", ""))]
    assert text("no_agreement_dates", lang).format(count=len(named)) in [c.value for c in app.caption]
    both = run_page("pages/partners.py", {"lang": lang, "c": ["khmelnytskyi", "oleksandriia"]})
    assert [f for f in figures_of(both) if timeline in str(f["layout"].get("title", {}).get("text", ""))]


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_years_outside_a_programme_are_left_empty_not_called_not_stated(lang):
    """Oleksandriia's programme is for 2020 and Khmelnytskyi's for 2021-2025 (tests/golden/programme_totals.csv): in
    2021-2025 Oleksandriia has no programme, which is not the same as a document that states no amount."""
    with (GOLDEN / "programme_totals.csv").open(encoding="utf-8") as f:
        golden_years = {int(r["year"]) for r in csv.DictReader(f) if r["community_id"] == "oleksandriia"}
    app = run_page("pages/spending_by_year.py", {"lang": lang, "c": ["oleksandriia", "khmelnytskyi"]})
    name = text("not_stated", lang)
    standing, lying = figures_of(app)  # the bars, and the same bars on their side for a phone
    oleksandriia = "Oleksandriia" if lang == "en" else "Олександрія"
    for chart in (standing, lying):
        drawn = [
            (trace.get("name"), hover)
            for trace in chart["data"]
            for hover in trace.get("hovertext") or []
            if hover.startswith(oleksandriia)
        ]
        assert drawn and all(
            hover.startswith(tuple(f"{oleksandriia}, {y}" for y in golden_years)) for _, hover in drawn
        )
    table = app.dataframe[0].value
    rows = table[table.iloc[:, 0] == oleksandriia]
    assert {int(y) for y in rows.iloc[:, 1]} == golden_years
    assert not (rows == name).any().any()
