"""The national comparison: figures per community, peers by rule, the ranking, and the page."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from programme_analysis import peers, queries
from programme_analysis.money_views import COMPARISON_DENOMINATOR, COMPARISON_VIEW, MoneyView, Reference, Residents
from programme_analysis.texts import TEXTS

REGISTER = pd.DataFrame(
    {
        "katottg": ["K1", "K2", "K3", "K4", "K5"],
        "name_uk": ["Аська", "Бська", "Вська", "Гська", "Дська"],
        "oblast_uk": ["O1", "O1", "O2", "O2", "O1"],
        "type_uk": ["міська", "сільська", "міська", "міська", "сільська"],
        "population": pd.array([10_000, 14_000, 16_000, None, 5_000], dtype="Int64"),
        "community_id": ["a", "b", None, "d", "e"],
    }
)


def _totals(**overrides) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "community_id": ["a", "b", "d"],
            "name_uk": ["А", "Б", "Г"],
            "name_en": ["A", "B", "D"],
            "katottg": ["K1", "K2", None],
            "register_population": pd.array([10_000, 14_000, None], dtype="Int64"),
            "years_with_amount": [4, 0, 1],
            "planned_total_thousand_uah": [200.0, None, 50.0],
            "partner_count": [2, 5, 1],
        }
    )
    return frame.assign(**overrides)


def _money(residents: dict, adopted_for: dict) -> MoneyView:
    """Prices of 2024 are 1.1 times lower than December 2025's; ``residents``: {(community, basis): count}."""
    people = {key: Residents(count, key[1], None, "cited") for key, count in residents.items()}
    return MoneyView("per_resident_real", "adopted", Reference({2024: 1.1, 2025: 1.0}, 2025, people, adopted_for))


def _years(rows: list[tuple[str, int, float | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["community_id", "year", "planned_total_thousand_uah"])


def test_per_resident_is_each_years_plan_at_base_prices_per_resident_of_its_territory_averaged():
    years = _years([("a", 2024, 100.0), ("a", 2025, 30.0), ("a", 2025, None), ("c", 2025, 50.0)])
    money = _money(
        {("a", "city"): 10_000, ("a", "community"): 20_000, ("c", "community"): 5_000}, {"a": "city", "c": "community"}
    )
    figures = peers.per_resident_per_year(years, money).set_index("community_id")
    # a: (100 × 1.1 + 30) thousand UAH over 10,000 city residents, two years with an amount; c: the community's residents
    assert math.isclose(figures.loc["a", "uah_per_resident_per_year"], (110_000 / 10_000 + 30_000 / 10_000) / 2)
    assert math.isclose(figures.loc["c", "uah_per_resident_per_year"], 50_000 / 5_000)
    assert figures["per_resident_gap"].isna().all()


def test_a_missing_figure_is_nan_with_its_reason_never_zero():
    years = _years([("a", 2025, 10.0), ("b", 2025, None), ("d", 2025, 5.0), ("e", 2019, 5.0)])
    money = _money({("a", "city"): 1_000, ("e", "city"): 1_000}, dict.fromkeys("abde", "city"))
    per_resident = peers.per_resident_per_year(years, money)
    figures = peers.indicators(_totals(), per_resident=per_resident).set_index("community_id")
    assert figures["uah_per_resident_per_year"].isna().tolist() == [False, True, True]
    assert figures.loc["b", "per_resident_gap"] == "not_stated"
    assert figures.loc["d", "per_resident_gap"] == "no_population"
    assert per_resident.set_index("community_id").loc["e", "per_resident_gap"] == "no_price_index"
    no_years = peers.indicators(_totals(), per_resident=per_resident[per_resident["community_id"] != "a"])
    assert no_years.set_index("community_id").loc["a", "per_resident_gap"] == "not_stated"


def test_category_shares_add_up_to_100_and_are_gaps_without_a_breakdown():
    categories = pd.DataFrame(
        {"community_id": ["a", "a", "d"], "category_id": ["x", "y", "x"], "planned_thousand_uah": [30.0, 10.0, 0.0]}
    )
    figures = peers.indicators(_totals(), categories).set_index("community_id")
    share_x, share_y = f"{peers.SHARE_PREFIX}x", f"{peers.SHARE_PREFIX}y"
    assert math.isclose(figures.loc["a", share_x], 30 / 40 * 100)
    assert math.isclose(figures.loc["a", share_x] + figures.loc["a", share_y], 100)
    assert figures.loc["b", [share_x, share_y]].isna().all() and figures.loc["b", "share_gap"] == "no_breakdown"
    assert figures.loc["d", [share_x, share_y]].isna().all(), "a breakdown that sums to nothing has no shares"


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("type", ["K3", "K4"]),
        ("oblast", ["K2", "K5"]),
        ("population", ["K2", "K5"]),
        ("all", ["K2", "K3", "K4", "K5"]),
        ("hand", []),
    ],
)
def test_register_peers_by_rule(rule, expected):
    assert peers.register_peers(REGISTER, "K1", rule)["katottg"].tolist() == expected


def test_population_band_is_inclusive_and_needs_both_populations():
    assert peers.in_population_band(15_000, 10_000) and peers.in_population_band(5_000, 10_000)
    assert not peers.in_population_band(15_001, 10_000)
    assert not peers.in_population_band(10_000, None)
    assert peers.register_peers(REGISTER, "K4", "population").empty, "no population: no peers by population"


def test_peer_ids_are_loaded_communities_only_and_never_the_chosen_one():
    assert peers.peer_ids(REGISTER, "K1", "type") == ["d"]  # K3 has no programme
    assert peers.peer_ids(REGISTER, "K1", "hand", ["a", "e", "e"]) == ["e"]
    assert peers.peer_ids(REGISTER, "K3", "type") == ["a", "d"]
    with pytest.raises(ValueError):
        peers.register_peers(REGISTER, "nope", "type")


def test_ranking_puts_gaps_last_without_a_rank_and_ties_share_a_rank():
    figures = pd.DataFrame({"community_id": ["a", "b", "c", "d"], "partner_count": [3, 5, 3, None]})
    ranked = peers.ranking(figures, ["a", "b", "c", "d"], "partners")
    assert ranked["community_id"].tolist() == ["b", "a", "c", "d"]
    assert ranked["rank"].tolist()[:3] == [1, 2, 2]
    assert pd.isna(ranked["rank"].iloc[3])


def test_figures_from_the_database_match_the_views(database):
    totals = queries.community_programme_totals(database)
    years = queries.programme_years(database, totals["community_id"].tolist())
    money = MoneyView(COMPARISON_VIEW, COMPARISON_DENOMINATOR, queries.reference(database))
    per_resident = peers.per_resident_per_year(years, money)
    figures = peers.indicators(totals, queries.community_category_totals(database), per_resident)
    figures = figures.set_index("community_id")
    # Each year's plan at base-year prices over the residents of the territory the programme is for (the city's
    # figure cited in population.csv, or the register's community), averaged: SQL of its own, not the code's.
    check = queries.read_sql(
        database,
        """
        WITH residents AS (
            SELECT p.community_id,
                CASE WHEN p.adopted_for = 'city'
                    THEN (SELECT ANY_VALUE(population) FROM population WHERE community_id = p.community_id AND entity = 'city')
                    ELSE r.population END AS residents
            FROM (SELECT DISTINCT community_id, adopted_for FROM programmes) p
            JOIN communities c USING (community_id) LEFT JOIN community_register r USING (katottg)
        )
        SELECT y.community_id, AVG(y.planned_total_thousand_uah * f.factor_to_base_year * 1000 / n.residents) AS per_resident
        FROM programme_years y JOIN price_factors f USING (year) JOIN residents n USING (community_id)
        GROUP BY y.community_id
        """,
    ).set_index("community_id")["per_resident"]
    assert check.notna().sum() >= 3, "the real programmes have figures to compare"
    for community_id, value in check.items():
        if pd.isna(value):
            assert pd.isna(figures.loc[community_id, "uah_per_resident_per_year"])
        else:
            assert math.isclose(figures.loc[community_id, "uah_per_resident_per_year"], float(value))
    for community_id, row in figures[figures["share_gap"].isna()].iterrows():
        shares = row[[c for c in figures.columns if c.startswith(peers.SHARE_PREFIX)]].astype(float)
        assert math.isclose(shares.sum(), 100), community_id


# --- the page ---------------------------------------------------------------------------------


@pytest.fixture()
def _app_database(database, monkeypatch):
    monkeypatch.setenv("PROGRAMMES_DB", str(database))


def _peers_page(params: dict, typed: str | None = None) -> AppTest:
    """The peers page opened with the URL ``params``; ``typed`` is in its search box from the start."""
    app = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if typed is not None:
        app.session_state["peers_search"] = typed
    app.switch_page("pages/peer_comparison.py").run()
    assert not app.exception, [e.message for e in app.exception]
    return app


@pytest.mark.usefixtures("_app_database")
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_page_ranks_the_loaded_communities_and_highlights_the_chosen_one(database, lang):
    app = _peers_page({"lang": lang})
    table = app.dataframe[0].value
    linked = queries.read_sql(database, "SELECT COUNT(*) AS n FROM communities WHERE katottg IS NOT NULL")["n"].iloc[0]
    assert len(table) == linked
    chosen = queries.communities(database).dropna(subset=["katottg"]).iloc[0][f"name_{lang}"]
    marked = table[table.iloc[:, 0] == TEXTS["peers_chosen_marker"][lang]]
    assert marked.iloc[:, 2].tolist() == [chosen], "the chosen community's row, and only it, is marked"
    assert any(m.value.startswith(f"**{chosen}**") for m in app.markdown), "a sentence names its place"
    assert len(app.get("plotly_chart")) == 2


@pytest.mark.usefixtures("_app_database")
def test_community_without_a_programme_says_so_and_how_to_add_one(database):
    unloaded = queries.read_sql(
        database,
        "SELECT katottg FROM community_register WHERE katottg NOT IN (SELECT katottg FROM communities WHERE katottg IS NOT NULL) ORDER BY katottg LIMIT 1",
    )
    app = _peers_page({"lang": "en", "community": unloaded["katottg"].iloc[0], "peers": "oblast"})
    infos = " ".join(i.value for i in app.info)
    assert TEXTS["peers_no_programme"]["en"] in infos and "python -m loaders add" in infos
    links = [
        element
        for element in app.get("page_link")
        if element.proto.page.endswith("add_programme.py") or element.proto.page == "add"
    ]
    # a link to the upload page, not only a command
    assert [link.proto.label for link in links] == [TEXTS["peers_add_link"]["en"]]


@pytest.mark.usefixtures("_app_database")
def test_hostile_community_parameter_is_ignored_with_a_notice(database):
    app = _peers_page({"lang": "en", "community": "' OR 1=1; DROP TABLE communities; --", "peers": "nonsense"})
    first_linked = queries.communities(database)["katottg"].dropna().iloc[0]
    assert app.selectbox(key="url_community").value == first_linked
    assert app.selectbox(key="url_peers").value == peers.DEFAULT_PEER_RULE
    # one notice (ui.state.finish_url_state) names every parameter it ignored
    assert [toast.value for toast in app.toast] == [f"{TEXTS['url_notice']['en']}: community, peers"]


def _figures_frame() -> pd.DataFrame:
    totals = _totals(latitude=[50.0, 49.0, None], longitude=[30.0, 31.0, None])
    per_resident = pd.DataFrame(
        {
            "community_id": ["a", "d"],
            "uah_per_resident_per_year": [5.0, None],
            "per_resident_gap": [None, "no_population"],
        }
    )
    return peers.indicators(totals, per_resident=per_resident)


def test_distribution_marks_the_chosen_community_and_names_gaps_instead_of_drawing_zero():
    from programme_analysis.peer_figures import per_resident_strip

    figures = _figures_frame()
    fig = per_resident_strip(figures, "a", ["b", "d"], "en")
    drawn = {trace.name: list(trace.customdata) for trace in fig.data if trace.type == "scatter"}
    assert drawn == {TEXTS["peers_role_chosen"]["en"]: ["a"]}, "b and d have no figure: not drawn, not at zero"
    subtitle = fig.layout.title.subtitle.text
    assert (
        f"{TEXTS['peers_gap_not_stated']['en']} (1): B" in subtitle
        and f"{TEXTS['peers_gap_no_population']['en']} (1): D" in subtitle
    )


def test_map_sizes_by_money_and_draws_a_missing_amount_as_a_hollow_ring():
    from programme_analysis.peer_figures import programme_map

    fig = programme_map(_figures_frame(), "a", ["b"], "en")
    by_name = {trace.name: trace for trace in fig.data}
    chosen, peer = by_name[TEXTS["peers_role_chosen"]["en"]], by_name[TEXTS["peers_role_peer"]["en"]]
    assert list(chosen.marker.symbol) == ["circle"] and list(peer.marker.symbol) == ["circle-open"]
    assert "D" in fig.layout.title.subtitle.text, "a community without coordinates is named under the title"


@pytest.mark.usefixtures("_app_database")
@pytest.mark.parametrize(
    ("typed", "lang"),
    [("Хмельницького", "uk"), ("Олександрія", "uk"), ("Мена", "uk"), ("Здолбунова", "en"), ("Mena", "en")],
)
def test_a_community_is_found_by_its_town_in_any_case_form(typed, lang, database):
    expected = {
        "Хмельницького": "Хмельницька",
        "Олександрія": "Олександрійська",
        "Мена": "Менська",
        "Здолбунова": "Здолбунівська",
        "Mena": "Менська",
    }
    app = _peers_page({"lang": lang}, typed)
    chosen = app.selectbox(key="url_community").value
    register = queries.community_register(database).set_index("katottg")
    assert register.loc[chosen, "name_uk"].startswith(expected[typed] + " міська")
    assert not app.info or TEXTS["peers_search_none"][lang].split("{")[0] not in " ".join(i.value for i in app.info)


@pytest.mark.usefixtures("_app_database")
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_a_search_that_finds_nothing_says_so_in_the_language(lang, database):
    before = _peers_page({"lang": lang}).selectbox(key="url_community").value
    app = _peers_page({"lang": lang}, "Атлантида *[x](y)* ' OR 1=1 --")
    infos = " ".join(i.value for i in app.info)
    assert TEXTS["peers_search_none"][lang].split("{")[0] in infos
    assert app.selectbox(key="url_community").value == before


def test_a_far_outlier_does_not_squeeze_the_others_and_is_named_with_its_value():
    from programme_analysis.peer_figures import per_resident_strip

    values = [4.0, 5.0, 6.0, 7.0, 8.0, 400.0]  # one community plans 50 times the others per resident
    ids = [f"c{n}" for n in range(len(values))]
    figures = pd.DataFrame(
        {
            "community_id": ids,
            "name_uk": [f"Г{n}" for n in range(len(values))],
            "name_en": [f"C{n}" for n in range(len(values))],
            "uah_per_resident_per_year": values,
            "per_resident_gap": [None] * len(values),
        }
    )
    fig = per_resident_strip(figures, "c0", ["c1"], "en", base_year=2025)
    low, high = fig.layout.xaxis.range
    assert low == 0 and 8.0 <= high < 20, "the axis ends near the largest of the rest"
    points = {
        c: (x, s)
        for t in fig.data
        if t.type == "scatter"
        for c, x, s in zip(t.customdata, t.x, t.marker.symbol, strict=True)
    }
    assert points["c5"][0] <= high and points["c5"][1] == "triangle-right"
    assert all(points[c][1] == "circle" for c in ids[:-1])
    assert f"{TEXTS['beyond_axis']['en']}: C5 400.00" in fig.layout.title.subtitle.text
    close = per_resident_strip(figures.assign(uah_per_resident_per_year=[*values[:-1], 9.0]), "c0", [], "en", 2025)
    assert close.layout.xaxis.range is None, "without an outlier the axis holds every point"
