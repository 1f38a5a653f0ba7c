"""A copied link reopens the same view: AppTest runs the app with URL parameters and reads back what it shows."""

from __future__ import annotations

import pytest

from programme_analysis.texts import text
from tests.app_pages import _database, figures_of, run_page, served_like_the_server, values_of  # noqa: F401 (fixtures)

ALL = ["khmelnytskyi", "mena", "oleksandriia", "zdolbuniv"]


def _sidebar_value(app, kind: str, index: int = 0):
    return app.sidebar.get(kind)[index].value


def test_a_deep_link_restores_communities_years_measure_and_chart():
    params = {
        "lang": "en",
        "c": ["mena"],
        "y": ["2023", "2024"],
        "m": "per_resident",
        "per": "community_cited",
        "chart": "line",
    }
    app = run_page("pages/spending_by_year.py", params)
    assert _sidebar_value(app, "multiselect", 0) == ["mena"]
    assert _sidebar_value(app, "multiselect", 1) == [2023, 2024]
    assert [radio.value for radio in app.sidebar.radio] == ["per_resident", "community_cited"]
    figure = figures_of(app)[0]
    assert figure["layout"]["title"]["text"] == "Planned per year, UAH per resident"
    assert "territorial community" in figure["layout"]["title"]["subtitle"]["text"]
    (trace,) = figure["data"]
    assert trace["name"] == "Mena" and trace["mode"] == "lines+markers"
    # Mena 2023: 300,0 thousand UAH / 26 014 residents of the community
    assert dict(zip(values_of(trace["x"]), values_of(trace["y"]), strict=True))[2023] == pytest.approx(300_000 / 26_014)
    # the view writes back the same parameters, so the address bar can be copied as it is
    assert (
        app.query_params["c"] == "mena"
        and app.query_params["m"] == "per_resident"
        and app.query_params["chart"] == "line"
    )


def test_category_page_restores_grouping_and_share():
    app = run_page(
        "pages/spending_by_category.py", {"lang": "en", "by": "section", "m": "share", "c": ["oleksandriia"]}
    )
    bars = figures_of(app)[0]
    assert bars["layout"]["title"]["text"].startswith(text("chart_by_section", "en"))
    # long titles wrap
    assert bars["layout"]["title"]["text"].replace("<br>", " ").endswith("% of the programme's total")
    assert sum(sum(values_of(trace["x"])) for trace in bars["data"]) == pytest.approx(100.0)


def test_measures_page_restores_category_status_and_search():
    params = {"lang": "en", "cat": ["souvenirs_materials"], "status": ["stated"], "q": "сувенір"}
    app = run_page("pages/measures.py", params)
    assert app.multiselect[0].value == ["souvenirs_materials"] and app.multiselect[1].value == ["stated"]
    assert app.text_input[0].value == "сувенір"
    table = app.dataframe[0].value
    assert len(table) > 0
    assert set(table["Category"]) == {"Presentation and souvenir materials"}
    assert set(table["Amount status"]) == {"stated"}
    unfiltered = run_page("pages/measures.py", {"lang": "en", "q": "сувенір"}).dataframe[0].value
    assert len(unfiltered) > len(table)


@pytest.mark.parametrize(
    ("page", "params", "ignored"),
    [
        (None, {"c": ["atlantis"]}, "c"),
        (None, {"y": ["1999"]}, "y"),
        (None, {"m": "bitcoin"}, "m"),
        (None, {"lang": "fr"}, "lang"),
        (None, {"present": "yes"}, "present"),
        ("pages/spending_by_year.py", {"chart": "<script>alert(1)</script>"}, "chart"),
    ],
)
def test_an_invalid_parameter_falls_back_to_the_default_with_a_notice(page, params, ignored):
    app = run_page(page, params)
    assert not app.exception
    notices = [toast.value for toast in app.toast]
    assert _ignored(app) == [[ignored]], notices
    assert _sidebar_value(app, "multiselect", 0) == ["khmelnytskyi", "mena", "oleksandriia", "zdolbuniv"]
    expected = "page_by_year" if page else "page_overview"
    assert app.title[0].value in {text(expected, "uk"), text(expected, "en")}


def test_a_stale_community_among_valid_ones_resets_the_whole_choice():
    app = run_page(None, {"lang": "en", "c": ["mena", "kyiv"]})
    assert _sidebar_value(app, "multiselect", 0) == ["khmelnytskyi", "mena", "oleksandriia", "zdolbuniv"]
    assert [toast.value.rsplit(": ", 1)[1] for toast in app.toast] == ["c"]


def test_presentation_link_opens_the_slide():
    app = run_page(None, {"lang": "en", "present": "1", "slide": "4"})
    assert app.title[0].value == text("slide_per_category", "en")
    assert not app.sidebar.get("multiselect"), "presentation mode hides the sidebar controls"


def _communities_with_bars(chart: dict) -> set[str]:
    """The communities a yearly chart draws an amount for (not the hatched bars of an amount not stated)."""
    return {t["name"] for t in chart["data"] if t.get("type") == "bar" and t.get("legendgroup") != "gap"}


def test_a_presentation_link_keeps_its_communities_and_years():
    """A journalist's or presenter's link into the slides shows what it names, and keeps naming it."""
    app = run_page(None, {"lang": "en", "present": "1", "slide": "2", "c": ["mena"], "y": ["2022", "2023"]})
    (chart,) = figures_of(app)
    names = _communities_with_bars(chart)
    assert names == {"Mena"}
    years = {round(x) for trace in chart["data"] if trace.get("type") == "bar" for x in values_of(trace["x"])}
    assert years == {2022, 2023}
    kept = {k: v if isinstance(v, list) else [v] for k, v in app.query_params.items()}
    assert kept["c"] == ["mena"] and sorted(kept["y"]) == ["2022", "2023"]
    assert not app.toast


def test_a_presentation_link_naming_a_community_not_loaded_shows_the_default_and_says_so():
    app = run_page(None, {"lang": "en", "present": "1", "slide": "2", "c": ["atlantis"]})
    (chart,) = figures_of(app)
    names = _communities_with_bars(chart)
    assert names == {"Khmelnytskyi", "Mena", "Oleksandriia"}  # Zdolbuniv states no amount: its gap bar only
    assert _ignored(app) == [["c"]]


def test_presentation_with_a_slide_that_does_not_exist_starts_at_the_first():
    app = run_page(None, {"lang": "en", "present": "1", "slide": "99"})
    assert app.title[0].value == text("slide_glance", "en")
    assert [toast.value.rsplit(": ", 1)[1] for toast in app.toast] == ["slide"]


def _ignored(app) -> list[list[str]]:
    """The parameters each notice names (one notice per run lists them all)."""
    return [toast.value.rsplit(": ", 1)[1].split(", ") for toast in app.toast]


def test_one_notice_names_every_ignored_parameter():
    app = run_page(None, {"c": ["atlantis"], "m": "bitcoin", "lang": "fr", "per": "nobody", "y": ["2023"]})
    assert _ignored(app) == [["lang", "c", "m", "per"]]
    assert app.toast[0].value.startswith(text("url_notice", "uk"))
    assert _sidebar_value(app, "multiselect", 1) == [2023], "a valid parameter next to invalid ones is kept"


def test_clearing_every_community_stays_in_the_link():
    app = run_page(None, {"lang": "en", "c": [""]})
    assert _sidebar_value(app, "multiselect", 0) == []
    assert [info.value for info in app.info] == [text("nothing_selected", "en")]
    assert app.query_params["c"] == ""  # ?c= : a copied link shows nothing chosen, not every community


@pytest.mark.usefixtures("served_like_the_server")
def test_clearing_in_the_sidebar_writes_an_empty_choice():
    app = run_page(None, {"lang": "en"})
    app.sidebar.multiselect[0].set_value([]).run()
    assert app.query_params["c"] == ""
    app.sidebar.multiselect[0].set_value(ALL).run()
    assert "c" not in app.query_params


@pytest.mark.usefixtures("served_like_the_server")
def test_switching_the_language_keeps_every_choice_as_ids():
    app = run_page("pages/spending_by_year.py", {"c": ["mena"], "m": "real", "per": "community", "chart": "line"})
    app.sidebar.get("button_group")[0].set_value("en").run()
    assert not app.exception
    communities = app.sidebar.multiselect[0]
    assert communities.value == ["mena"] and "Mena" in communities.options  # ids kept, labels in English
    assert [radio.value for radio in app.sidebar.radio] == ["real", "community"]
    assert app.sidebar.radio[0].options[1] == "thousand UAH at 2025 prices"
    assert dict(app.query_params) == {"c": "mena", "m": "real", "per": "community", "chart": "line", "lang": "en"}
    app.switch_page("pages/spending_by_category.py").run()
    assert not app.exception
    assert app.title[0].value == text("page_by_category", "en")
    assert app.sidebar.multiselect[0].value == ["mena"] and app.sidebar.radio[0].value == "real"
    assert "chart" not in app.query_params  # a page's own parameter leaves with the page
