"""Figure builders on three-row frames: traces, labels, the unit in the title, the source in the
subtitle, and a missing amount drawn as a hatched, outlined placeholder labelled with why (a legend
entry too), never as a zero bar or a number.

The tests check the builders' contracts (what a reader must see), not their styling.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from programme_analysis import figures
from programme_analysis.money_views import MoneyView, Reference, Residents
from programme_analysis.texts import label, text

REFERENCE = Reference(
    factors={2021: 1.5, 2022: 1.0},
    base_year=2022,
    residents={
        ("alpha", "city"): Residents(2_000, "city", None, "cited", "https://stat.example.org/pop"),
        ("beta", "city"): Residents(None, "city", None, "cited"),
    },
    adopted_for={"alpha": "city", "beta": "city"},
)


def _years() -> pd.DataFrame:
    """Alpha plans 100 in 2021 and states nothing for 2022; Beta plans 50 in 2021."""
    return pd.DataFrame(
        {
            "community_id": ["alpha", "alpha", "beta"],
            "name_uk": ["Альфа", "Альфа", "Бета"],
            "name_en": ["Alpha", "Alpha", "Beta"],
            "colour": ["#111111", "#111111", "#222222"],
            "year": [2021, 2022, 2021],
            "planned_total_thousand_uah": [100.0, None, 50.0],
            "status": ["reconciled", "no_amounts_stated", "reconciled"],
        }
    )


def _spending() -> pd.DataFrame:
    """Alpha: 10 for travel (1.1) and 20 for souvenirs (1.2); Beta states no amount for its one measure."""
    return pd.DataFrame(
        {
            "community_id": ["alpha", "alpha", "beta"],
            "community_uk": ["Альфа", "Альфа", "Бета"],
            "community_en": ["Alpha", "Alpha", "Beta"],
            "colour": ["#111111", "#111111", "#222222"],
            "year": [2021, 2021, 2021],
            "measure_code": ["1.1", "1.2", "1"],
            "measure_title": ["Відрядження", "Сувеніри", "Промоція"],
            "section": ["Розділ 1", "Розділ 1", "Напрям 1"],
            "category_id": ["travel", "souvenirs", "travel"],
            "category_uk": ["Поїздки", "Сувеніри", "Поїздки"],
            "category_en": ["Travel", "Souvenirs", "Travel"],
            "category_colour": ["#332288", "#882255", "#332288"],
            "amount_thousand_uah": [10.0, 20.0, None],
            "amount_status": ["stated", "stated", "not_stated"],
        }
    )


def _subtitle(fig) -> str:
    return fig.layout.title.subtitle.text or ""


def _flat_subtitle(fig) -> str:
    """The subtitle with its line breaks undone (long lines are wrapped at spaces)."""
    return _subtitle(fig).replace("<br>", " ")


def _trace(fig, name: str):
    (found,) = [trace for trace in fig.data if trace.name == name]
    return found


PLACEHOLDER_NAMES = {text(key, lang) for key in ("gap_legend", "no_breakdown_legend") for lang in ("uk", "en")}
NOT_STATED = {"uk": "не зазначено", "en": "not stated"}


def _unwrapped(name: str) -> str:
    return (name or "").replace("<br>", " ")


def _placeholders(fig) -> list:
    return [trace for trace in fig.data if _unwrapped(trace.name) in PLACEHOLDER_NAMES]


def _data(fig) -> list:
    return [trace for trace in fig.data if _unwrapped(trace.name) not in PLACEHOLDER_NAMES]


def _is_hatched_outline(trace) -> bool:
    """A placeholder bar is see-through with an outline and hatching, so it cannot be read as a real bar."""
    marker = trace.marker
    return marker.color == "rgba(0,0,0,0)" and marker.pattern.shape == "/" and marker.line.width > 0


def _no_real_zero(fig) -> None:
    """No real data trace has a zero or a made-up value where the source had no amount."""
    for trace in _data(fig):
        values = [v for v in (trace.x if trace.orientation == "h" else trace.y) if not isinstance(v, str)]
        assert all(v is None or math.isnan(v) or v > 0 for v in values), (trace.name, values)


# totals_by_year


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_totals_by_year_draws_stated_years_and_names_the_missing_one(lang):
    fig = figures.totals_by_year(_years(), lang)
    alpha, beta = ("Альфа", "Бета") if lang == "uk" else ("Alpha", "Beta")
    assert [trace.name for trace in _data(fig)] == [alpha, beta]
    # no real bar, not a zero bar, for 2022
    assert list(_trace(fig, alpha).y) == [100.0] and list(_trace(fig, beta).y) == [50.0]
    _no_real_zero(fig)
    # grouped bars sit centred on their year: Alpha left of 2021, Beta right of it, symmetrically
    (alpha_x,), (beta_x,) = _trace(fig, alpha).x, _trace(fig, beta).x
    assert alpha_x < 2021 < beta_x and alpha_x + beta_x == pytest.approx(2 * 2021)
    assert list(fig.layout.xaxis.tickvals) == [2021, 2022] and list(fig.layout.xaxis.ticktext) == ["2021", "2022"]
    # a click knows what it opens (community, year, series)
    assert [list(c) for c in _trace(fig, alpha).customdata] == [["alpha", 2021, "alpha"]]
    # Alpha 2022 states no amount: a hatched placeholder labelled "not stated", with a legend entry, alone on its year
    (gap,) = _placeholders(fig)
    assert gap.name == text("gap_legend", lang) and gap.showlegend is True
    assert list(gap.text) == [NOT_STATED[lang]] and text("gap_bar_not_stated", lang) == NOT_STATED[lang]
    assert [list(c) for c in gap.customdata] == [["alpha", 2022, "alpha"]] and list(gap.x) == [2022]
    assert _is_hatched_outline(gap)
    assert 0 < gap.y[0] < 50.0  # visible, but lower than every real bar: it is not an amount
    # the height is never shown as a number
    assert gap.hoverinfo == "text" and all(NOT_STATED[lang] in h and f"{gap.y[0]:g}" not in h for h in gap.hovertext)
    unit = {"uk": "тис. грн", "en": "thousand UAH"}[lang]  # as planned, in the documents' unit
    assert fig.layout.title.text == f"{text('chart_totals_by_year', lang)}, {unit}"
    assert fig.layout.yaxis.title.text == unit
    assert text("source_programmes_of", lang).format(names=f"{alpha}, {beta}") in _flat_subtitle(fig)
    # the amount, written in the language's way
    assert str(_trace(fig, alpha).text[0]) == {"uk": "100,0", "en": "100.0"}[lang]


def test_totals_by_year_line_keeps_the_break_where_a_year_has_no_amount():
    fig = figures.totals_by_year(_years(), "en", kind="line")
    alpha = _trace(fig, "Alpha")
    assert alpha.mode == "lines+markers" and alpha.connectgaps is False
    assert list(alpha.x) == [2021, 2022]
    assert alpha.y[0] == 100.0 and math.isnan(alpha.y[1])
    # the missing year is a separate open marker labelled "not stated" (not a point of the line), with a legend entry
    (gap,) = _placeholders(fig)
    assert gap.mode == "markers+text" and gap.marker.symbol == "x-open" and gap.showlegend is True
    assert list(gap.x) == [2022] and list(gap.text) == ["not stated"]
    assert gap.hoverinfo == "text" and all("Alpha, 2022" in h and "not stated" in h for h in gap.hovertext)


def test_totals_by_year_all_complete_has_no_gap_note():
    complete = _years().query("year == 2021")
    assert text("gap_note", "en") not in _subtitle(figures.totals_by_year(complete, "en"))


def test_totals_by_year_leaves_out_a_community_without_any_amount_but_names_it():
    frame = _years().assign(planned_total_thousand_uah=[None, None, 50.0])
    fig = figures.totals_by_year(frame, "en")
    assert [trace.name for trace in _data(fig)] == ["Beta"]
    _no_real_zero(fig)
    (gap,) = _placeholders(fig)  # both of Alpha's years, drawn and labelled, one legend entry
    assert [list(c) for c in gap.customdata] == [["alpha", 2021, "alpha"], ["alpha", 2022, "alpha"]]
    assert list(gap.text) == ["not stated", "not stated"] and gap.showlegend is True and _is_hatched_outline(gap)
    assert all(0 < y < 50.0 for y in gap.y)


def test_totals_by_year_per_resident_divides_and_names_the_population_gap():
    money = MoneyView("per_resident", "city", REFERENCE)
    fig = figures.totals_by_year(_years(), "en", money=money)
    assert fig.layout.title.text.endswith(", UAH per resident")
    assert list(_trace(fig, "Alpha").y) == [pytest.approx(100 * 1000 / 2000)]
    assert [trace.name for trace in _data(fig)] == ["Alpha"]  # Beta's population is unknown: no real bar
    _no_real_zero(fig)
    # each gap is drawn with its own reason: Alpha 2022 not stated, Beta 2021 population unknown; one legend entry
    gaps = {
        tuple(c): words for trace in _placeholders(fig) for c, words in zip(trace.customdata, trace.text, strict=True)
    }
    assert gaps == {("alpha", 2022, "alpha"): "not stated", ("beta", 2021, "beta"): text("gap_bar_no_population", "en")}
    assert [trace.showlegend for trace in _placeholders(fig)] == [True, False]
    # how the figure was computed: the denominator, and each community's figure and source (or that it is unknown)
    assert text("note_per_resident_city", "en")[1:] in _flat_subtitle(fig)
    assert f"Alpha: {money.residents_phrase('alpha', 'en')}" in _flat_subtitle(fig)
    assert "2,000" in money.residents_phrase("alpha", "en") and "stat.example.org" in money.residents_phrase(
        "alpha", "en"
    )
    assert f"Beta: {text('gap_no_population', 'en')}" in _flat_subtitle(fig)


def test_totals_by_year_in_real_terms_multiplies_by_the_price_factor():
    money = MoneyView("real", reference=REFERENCE)
    fig = figures.totals_by_year(_years(), "en", money=money)
    assert list(_trace(fig, "Alpha").y) == [pytest.approx(150.0)]
    assert "2022" in fig.layout.title.text


# category_bars


@pytest.mark.parametrize("by", ["category", "section"])
def test_category_bars_stack_stated_money_and_name_a_community_without_breakdown(by):
    fig = figures.category_bars(_spending(), "en", by=by)
    groups = {"category": ("Travel", "Souvenirs"), "section": ("Розділ 1",)}[by]
    assert [trace.name for trace in _data(fig)] == list(groups)  # legend in stacking order
    assert fig.layout.legend.traceorder == "normal"
    lengths = {trace.name: (list(trace.y), list(trace.x)) for trace in _data(fig)}
    if by == "category":
        assert lengths == {"Travel": (["Alpha"], [10.0]), "Souvenirs": (["Alpha"], [20.0])}
    else:
        assert lengths == {"Розділ 1": (["Alpha"], [30.0])}
    assert all(trace.orientation == "h" for trace in fig.data) and fig.layout.barmode == "stack"
    written = {"category": {"Travel": ["10.0"], "Souvenirs": ["20.0"]}, "section": {"Розділ 1": ["30.0"]}}[by]
    assert {trace.name: list(trace.text) for trace in _data(fig)} == written
    _no_real_zero(fig)
    assert "Beta" not in [y for trace in _data(fig) for y in trace.y]
    # Beta has no amounts per measure: a labelled, hatched bar, not a missing row and not a zero
    (gap,) = _placeholders(fig)
    assert _unwrapped(gap.name) == text("no_breakdown_legend", "en") and gap.showlegend is True
    assert list(gap.y) == ["Beta"] and list(gap.text) == ["no breakdown in the document"] == [
        text("no_breakdown_bar", "en")
    ]
    # the length of nothing (a tenth of the largest total at most), its words beside it: never read as an amount
    assert (
        _is_hatched_outline(gap)
        and 0 < gap.x[0] <= 0.1 * 30.0
        and gap.textposition == "outside"
        and gap.hoverinfo == "text"
    )
    assert list(fig.layout.yaxis.categoryarray) == ["Alpha", "Beta"]
    # each stated bar's total under its name (segments too small for their value still add up to it); none for Beta
    total = text("bar_total", "en").format(value="30.0")
    assert list(fig.layout.yaxis.tickvals) == ["Alpha", "Beta"]
    assert [_unwrapped(re.sub("<[^b][^>]*>|</span>", "", tick)) for tick in fig.layout.yaxis.ticktext] == [
        f"Alpha {total}",
        "Beta",
    ]
    title_key = "chart_by_category" if by == "category" else "chart_by_section"
    assert fig.layout.title.text.replace("<br>", " ") == f"{text(title_key, 'en')}, thousand UAH"  # long titles wrap
    assert text("source_programmes_of", "en").format(names="Alpha, Beta") in _flat_subtitle(fig)


def test_category_bars_share_is_of_the_community_total():
    fig = figures.category_bars(_spending(), "en", money=MoneyView("share"))
    assert {trace.name: list(trace.x) for trace in _data(fig)} == {
        "Travel": [pytest.approx(100 / 3)],
        "Souvenirs": [pytest.approx(200 / 3)],
    }
    assert fig.layout.title.text.replace("<br>", " ").endswith(", " + text("unit_percent_of_programme", "en"))
    (gap,) = _placeholders(fig)
    assert list(gap.y) == ["Beta"] and list(gap.text) == ["no breakdown in the document"]


# category_treemap


def test_treemap_goes_community_then_category_then_measure():
    fig = figures.category_treemap(_spending(), "en")
    (tree,) = fig.data
    nodes = {
        i: (parent, value, name)
        for i, parent, value, name in zip(tree.ids, tree.parents, tree.values, tree.labels, strict=True)
    }
    assert nodes == {  # community/series/category/measure; without programme ids the series is the community
        "alpha/alpha": ("", 30.0, "Alpha"),
        "alpha/alpha/travel": ("alpha/alpha", 10.0, "Travel"),
        "alpha/alpha/travel/1.1": ("alpha/alpha/travel", 10.0, "1.1 Відрядження"),
        "alpha/alpha/souvenirs": ("alpha/alpha", 20.0, "Souvenirs"),
        "alpha/alpha/souvenirs/1.2": ("alpha/alpha/souvenirs", 20.0, "1.2 Сувеніри"),
    }
    assert tree.branchvalues == "total"
    assert fig.layout.title.text == f"{text('chart_treemap', 'en')}, thousand UAH"
    assert f"{text('no_breakdown_note', 'en')}: Beta" in _subtitle(fig)


def test_treemap_sums_a_measure_over_the_selected_years():
    two_years = pd.concat(
        [_spending(), _spending().iloc[[0]].assign(year=2022, amount_thousand_uah=5.0)], ignore_index=True
    )
    (tree,) = figures.category_treemap(two_years, "en").data
    values = dict(zip(tree.ids, tree.values, strict=True))
    assert (
        values["alpha/alpha/travel/1.1"] == 15.0
        and values["alpha/alpha/travel"] == 15.0
        and values["alpha/alpha"] == 35.0
    )


def test_treemap_without_any_stated_amount_is_empty_with_a_note():
    fig = figures.category_treemap(_spending().iloc[[2]], "uk")
    assert list(fig.data[0].ids) == []
    assert f"{text('no_breakdown_note', 'uk')}: Бета" in _subtitle(fig)


# partners


def _partners() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "community_id": ["alpha", "alpha", "beta"],
            "community_uk": ["Альфа", "Альфа", "Бета"],
            "community_en": ["Alpha", "Alpha", "Beta"],
            "colour": ["#111111", "#111111", "#222222"],
            "community_latitude": [50.0, 50.0, 51.0],
            "community_longitude": [30.0, 30.0, 31.0],
            "partner_name_uk": ["Люблін", "Тервел", "Атлантида"],
            "partner_name_en": ["Lublin", "Tervel", None],
            "latitude": [51.2, 43.7, None],
            "longitude": [22.6, 27.4, None],
            "relationship": ["sister_city", "partner_city", "sister_city"],
            "agreement_date": pd.to_datetime(["2003-10-17", None, "2010-04-01"]),
            "agreement_date_text": ["17 жовтня 2003 року", None, "у квітні 2010 року"],
        }
    )


def test_partner_map_draws_located_partners_only_and_every_home():
    fig = figures.partner_map(_partners(), "en")
    homes = [trace for trace in fig.data if str(trace.legendgroup).startswith("home_")]
    markers = [trace for trace in fig.data if trace.mode == "markers" and trace not in homes]
    # Atlantis has no coordinates
    assert sorted(name for trace in markers for name in trace.text) == [
        "Lublin",
        "Tervel",
    ]
    lines = {trace.name: list(trace.lat) for trace in fig.data if trace.mode == "lines"}
    assert lines == {
        label("relationship", "sister_city", "en"): [50.0, 51.2, None],
        label("relationship", "partner_city", "en"): [50.0, 43.7, None],
    }
    # each community is a star named in the legend, never text on the map (nearby names would overlap)
    assert [trace.name for trace in homes] == [
        f"{name} ({text('ukrainian_community', 'en')})" for name in ("Alpha", "Beta")
    ]
    assert not [trace for trace in fig.data if "text" in trace.mode]
    # the frame holds every point, and the figure says its shape so that the page can fill its width
    (west, east), (south, north) = fig.layout.geo.lonaxis.range, fig.layout.geo.lataxis.range
    points = [
        (lat, lon) for trace in fig.data for lat, lon in zip(trace.lat, trace.lon, strict=True) if lat is not None
    ]
    assert all(south < lat < north and west < lon < east for lat, lon in points)
    assert 0.05 < fig.layout.meta["map_aspect"] < 2
    assert fig.layout.title.text == text("chart_partner_map", "en")
    assert text("source_programmes_geonames_of", "en").format(names="Alpha, Beta") in _flat_subtitle(fig)
    # the relationship type is the line style and marker shape, not a community colour
    dashes = {trace.name: trace.line.dash for trace in fig.data if trace.mode == "lines"}
    assert len(set(dashes.values())) == 2


def _great_circle_midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """The middle of the shortest path on the globe: the normalised sum of the two places' unit vectors."""
    x = y = z = 0.0
    for lat, lon in ((lat1, lon1), (lat2, lon2)):
        x += math.cos(math.radians(lat)) * math.cos(math.radians(lon))
        y += math.cos(math.radians(lat)) * math.sin(math.radians(lon))
        z += math.sin(math.radians(lat))
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def test_partner_map_frame_holds_every_line_whole_where_it_bends_north():
    # Khmelnytskyi to Modesto (California): the line is drawn on the globe's shortest path, over the north
    far = _partners().assign(latitude=[37.64, 43.7, 21.9], longitude=[-120.99, 27.4, -102.3])
    fig = figures.partner_map(far, "en")
    (west, east), (south, north) = fig.layout.geo.lonaxis.range, fig.layout.geo.lataxis.range
    for row in far.itertuples():
        lat, lon = _great_circle_midpoint(row.community_latitude, row.community_longitude, row.latitude, row.longitude)
        if row.longitude < -100:  # to the Americas the path bends north of both ends
            assert lat > max(row.community_latitude, row.latitude) + 5
        assert south < lat < north and west < lon < east, (row.partner_name_uk, lat, lon, (south, north))


def test_partner_close_up_is_europe_for_a_phone_only_when_the_whole_map_is_wider():
    near = _partners()  # every point in Europe: the whole map is already the close-up
    assert figures.partner_close_up(near, "en") is None
    far = near.assign(latitude=[51.2, 43.7, 21.9], longitude=[22.6, 27.4, -102.3])  # a third partner in Mexico
    fig = figures.partner_close_up(far, "en")
    (west, east), (south, north) = fig.layout.geo.lonaxis.range, fig.layout.geo.lataxis.range
    europe = figures.EUROPE
    assert europe["lonaxis_range"][0] <= west < 22.6 and 31.0 < east <= europe["lonaxis_range"][1]
    assert europe["lataxis_range"][0] <= south < 43.7 and 51.2 < north <= europe["lataxis_range"][1]
    assert fig.layout.geo.projection.type == "mercator"
    assert fig.layout.meta["map_aspect"] == round(
        figures.map_aspect({"lonaxis_range": [west, east], "lataxis_range": [south, north]}, "mercator"), 4
    )
    assert not [trace for trace in fig.data if trace.showlegend is not False]  # the map above it has the legend
    drawn = sorted(
        lat
        for trace in fig.data
        if trace.mode == "markers" and not str(trace.legendgroup).startswith("home_")
        for lat in trace.lat
    )
    # the partner outside the close-up keeps its line, which leaves the frame towards it
    assert drawn == [
        21.9,
        43.7,
        51.2,
    ]


def test_map_aspect_follows_plotly_s_great_circle_frame():
    # Plotly's frame has edges along great circles between points a quarter of the longitude range apart
    # (plotly.js makeRangeBox): an edge at latitude φ between longitudes Δ apart reaches atan(tan φ / cos(Δ/2)).
    def mercator_y(lat):
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    for (west, east), (south, north) in (((0, 40), (-10, 10)), ((0, 160), (-60, 60)), ((-11, 45), (34, 62))):
        half = math.radians((east - west) / 8)
        top = math.degrees(math.atan(math.tan(math.radians(north)) / math.cos(half)))
        bottom = math.degrees(math.atan(math.tan(math.radians(south)) / math.cos(half))) if south < 0 else south
        expected = (mercator_y(top) - mercator_y(bottom)) / math.radians(east - west)
        assert figures.map_aspect(
            {"lonaxis_range": [west, east], "lataxis_range": [south, north]}, "mercator"
        ) == pytest.approx(expected, rel=2e-3)


def test_agreement_timeline_plots_dated_agreements_and_counts_the_undated():
    fig = figures.agreement_timeline(_partners(), "en")
    points = sorted((str(y), str(x)[:10]) for trace in fig.data for x, y in zip(trace.x, trace.y, strict=True))
    assert points == [("Alpha – Lublin", "2003-10-17"), ("Beta – Атлантида", "2010-04-01")]
    assert f"{text('undated_note', 'en')}: 1" in _subtitle(fig)
    assert fig.layout.title.text == text("chart_timeline", "en")


# destination_bars


def _destinations() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "community_id": ["alpha", "alpha", "alpha"],
            "community_uk": ["Альфа", "Альфа", "Альфа"],
            "community_en": ["Alpha", "Alpha", "Alpha"],
            "destination_name_uk": ["Люблін", "Тервел", "Брюссель"],
            "destination_name_en": ["Lublin", "Tervel", "Brussels"],
            "relationship": ["sister_city", None, None],
            "purpose": ["візит", "візит", "конференція"],
            "year": [2020, 2020, 2020],
            "amount_thousand_uah": [30.0, 120.0, None],
            "amount_status": ["stated", "stated", "with_other_visit"],
        }
    )


def test_destination_bars_colour_partners_and_leave_out_unstated_money():
    fig = figures.destination_bars(_destinations(), "en")
    bars = {trace.name: dict(zip(trace.x, trace.y, strict=True)) for trace in _data(fig)}
    assert bars == {
        label("relationship", "sister_city", "en"): {"Lublin": 30.0},
        text("not_a_partner", "en"): {"Tervel": 120.0},
    }
    _no_real_zero(fig)
    # Brussels' money is within another visit: a hatched placeholder saying so, with a legend entry
    (gap,) = _placeholders(fig)
    assert gap.name == text("gap_legend", "en") and gap.showlegend is not False and _is_hatched_outline(gap)
    assert list(gap.x) == ["Brussels"] and list(gap.text) == [label("amount_status", "with_other_visit", "en")]
    assert 0 < gap.y[0] < 30.0
    assert fig.layout.title.text == f"{text('chart_destinations', 'en')}, thousand UAH"
    assert text("source_destination_tables", "en").format(names="Alpha") in _flat_subtitle(fig)


def test_destination_share_is_of_the_programme_total_not_of_the_named_money():
    fig = figures.destination_bars(
        _destinations(), "en", money=MoneyView("share"), programme_totals=pd.Series({"alpha": 600.0})
    )
    assert sorted(y for trace in _data(fig) for y in trace.y) == [pytest.approx(5.0), pytest.approx(20.0)]
    assert [list(trace.x) for trace in _placeholders(fig)] == [["Brussels"]]


# amount_completeness


def test_amount_completeness_counts_programme_years_by_what_they_state():
    # Alpha: 2021 amounts per measure, 2022 nothing; Beta: 2021 per measure, 2022 only a stated yearly total
    extra = pd.DataFrame(
        {
            "community_id": ["beta"],
            "name_uk": ["Бета"],
            "name_en": ["Beta"],
            "colour": ["#222222"],
            "year": [2022],
            "planned_total_thousand_uah": [40.0],
            "status": ["total_without_breakdown"],
        }
    )
    fig = figures.amount_completeness(pd.concat([_years(), extra], ignore_index=True), "en")
    counts = {trace.name: dict(zip(trace.y, trace.x, strict=True)) for trace in fig.data}
    assert counts == {
        text("year_completeness_full", "en"): {"Alpha": 1, "Beta": 1},
        # a stated yearly total counts as stated, not as a gap
        text("year_completeness_totals_only", "en"): {"Beta": 1},
        text("year_completeness_none", "en"): {"Alpha": 1},
    }
    assert _trace(fig, text("year_completeness_none", "en")).marker.pattern.shape == "/"  # the gap is hatched
    assert fig.layout.barmode == "stack"
    assert fig.layout.title.text == text("chart_completeness", "en")
    assert text("source_programmes_of", "en").format(names="Alpha, Beta") in _flat_subtitle(fig)


# shared helpers


def test_warn_on_chart_adds_a_line_and_room_for_it():
    fig = figures.totals_by_year(_years().query("year == 2021"), "en")
    top, subtitle = fig.layout.margin.t, _subtitle(fig)
    figures.warn_on_chart(fig, "look here")
    assert _subtitle(fig).startswith(subtitle) and _subtitle(fig).endswith("⚠ look here</span>")
    assert fig.layout.margin.t > top


def test_separators_follow_the_language():
    assert (
        figures.totals_by_year(_years(), "uk").layout.separators
        != figures.totals_by_year(_years(), "en").layout.separators
    )


def test_for_projector_enlarges_type_and_leaves_the_height_to_the_slide():
    fig = figures.totals_by_year(_years(), "en")
    before_font, before_title = fig.layout.font.size, fig.layout.title.font.size or fig.layout.font.size
    figures.for_projector(fig)
    assert fig.layout.font.size > before_font and fig.layout.title.font.size > before_title
    assert fig.layout.xaxis.tickfont.size > before_font and fig.layout.legend.font.size > before_font
    assert fig.layout.height is None  # the slide gives the chart the screen below the takeaway
    assert figures.for_projector(figures.totals_by_year(_years(), "en"), height=700).layout.height == 700
    # room on top for the title and every subtitle line
    long = figures.totals_by_year(_years(), "en", money=MoneyView("per_resident", "city", REFERENCE))
    assert figures.for_projector(long).layout.margin.t > fig.layout.margin.t
    # the unit is in the title: no long axis title to reach up into the source lines
    assert (
        fig.layout.title.text.endswith(fig.layout.yaxis.title.text or "thousand UAH")
        and fig.layout.yaxis.title.text is None
    )


def test_chart_config_saves_a_projector_sized_png_named_for_the_chart():
    config = figures.chart_config("planned_per_year")
    assert config["toImageButtonOptions"]["filename"] == "planned_per_year"
    assert (config["toImageButtonOptions"]["width"], config["toImageButtonOptions"]["height"]) == (1920, 1080)


def test_treemap_tiles_show_amount_and_share():
    (tree,) = figures.category_treemap(_spending(), "en").data
    assert (
        "%{value:" in tree.texttemplate and "%{percentParent" in tree.texttemplate and "%{label}" in tree.texttemplate
    )


def test_agreement_timeline_is_none_when_no_date_is_stated():
    assert figures.agreement_timeline(_partners().assign(agreement_date=pd.NaT), "en") is None
