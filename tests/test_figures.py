"""Figure builders on three-row frames: traces, labels, the unit in the title, the source in the
subtitle, and a missing amount shown as a named gap, never as a zero bar.

The tests check the builders' contracts (what a reader must see), not their styling.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from programme_analysis import figures
from programme_analysis.money_views import MoneyView, Reference, Residents
from programme_analysis.texts import label, text

REFERENCE = Reference(
    factors={2021: 1.5, 2022: 1.0},
    base_year=2022,
    residents={("alpha", "city"): Residents(2_000, "city", None, "cited"), ("beta", "city"): Residents(None, "city", None, "cited")},
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
            "amount_thousand_uah": [10.0, 20.0, None],
            "amount_status": ["stated", "stated", "not_stated"],
        }
    )


def _subtitle(fig) -> str:
    return fig.layout.title.subtitle.text or ""


def _trace(fig, name: str):
    (found,) = [trace for trace in fig.data if trace.name == name]
    return found


# totals_by_year


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_totals_by_year_draws_stated_years_and_names_the_missing_one(lang):
    fig = figures.totals_by_year(_years(), lang)
    alpha, beta = ("Альфа", "Бета") if lang == "uk" else ("Alpha", "Beta")
    assert [trace.name for trace in fig.data] == [alpha, beta]
    assert list(_trace(fig, alpha).x) == ["2021"] and list(_trace(fig, alpha).y) == [100.0]  # no bar, not a zero bar, for 2022
    assert list(_trace(fig, beta).y) == [50.0]
    assert [list(c) for c in _trace(fig, alpha).customdata] == [["alpha", 2021]]  # a click knows what it opens
    unit = MoneyView().unit(lang)
    assert fig.layout.title.text == f"{text('chart_totals_by_year', lang)}, {unit}"
    assert fig.layout.yaxis.title.text == unit
    assert text("source_programmes", lang) in _subtitle(fig)
    assert f"{text('gap_note', lang)}: {alpha} 2022" in _subtitle(fig)
    assert str(_trace(fig, alpha).text[0]) == MoneyView().format(100.0, lang)


def test_totals_by_year_line_keeps_the_break_where_a_year_has_no_amount():
    fig = figures.totals_by_year(_years(), "en", kind="line")
    alpha = _trace(fig, "Alpha")
    assert alpha.mode == "lines+markers" and alpha.connectgaps is False
    assert list(alpha.x) == [2021, 2022]
    assert alpha.y[0] == 100.0 and math.isnan(alpha.y[1])
    assert "Alpha 2022" in _subtitle(fig)


def test_totals_by_year_all_complete_has_no_gap_note():
    complete = _years().query("year == 2021")
    assert text("gap_note", "en") not in _subtitle(figures.totals_by_year(complete, "en"))


def test_totals_by_year_leaves_out_a_community_without_any_amount_but_names_it():
    frame = _years().assign(planned_total_thousand_uah=[None, None, 50.0])
    fig = figures.totals_by_year(frame, "en")
    assert [trace.name for trace in fig.data] == ["Beta"]
    assert "Alpha 2021; Alpha 2022" in _subtitle(fig)


def test_totals_by_year_per_resident_divides_and_names_the_population_gap():
    money = MoneyView("per_resident", "city", REFERENCE)
    fig = figures.totals_by_year(_years(), "en", money=money)
    assert fig.layout.title.text.endswith(", UAH per resident")
    assert list(_trace(fig, "Alpha").y) == [pytest.approx(100 * 1000 / 2000)]
    assert [trace.name for trace in fig.data] == ["Alpha"]  # Beta's population is unknown: no bar
    assert f"{text('gap_no_population', 'en')}: Beta" in _subtitle(fig)
    assert money.method_note("en")[1:] in _subtitle(fig)  # how the figure was computed


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
    assert [trace.name for trace in fig.data] == list(groups)
    heights = {trace.name: (list(trace.x), list(trace.y)) for trace in fig.data}
    if by == "category":
        assert heights == {"Travel": (["Alpha"], [10.0]), "Souvenirs": (["Alpha"], [20.0])}
    else:
        assert heights == {"Розділ 1": (["Alpha"], [30.0])}
    assert fig.layout.barmode == "stack"
    title_key = "chart_by_category" if by == "category" else "chart_by_section"
    assert fig.layout.title.text == f"{text(title_key, 'en')}, thousand UAH"
    assert text("source_programmes", "en") in _subtitle(fig)
    assert f"{text('no_breakdown_note', 'en')}: Beta" in _subtitle(fig)
    assert "Beta" not in [x for trace in fig.data for x in trace.x]


def test_category_bars_share_is_of_the_community_total():
    fig = figures.category_bars(_spending(), "en", money=MoneyView("share"))
    assert {trace.name: list(trace.y) for trace in fig.data} == {"Travel": [pytest.approx(100 / 3)], "Souvenirs": [pytest.approx(200 / 3)]}
    assert fig.layout.yaxis.title.text == text("unit_percent_of_programme", "en")


# category_treemap


def test_treemap_goes_community_then_category_then_measure():
    fig = figures.category_treemap(_spending(), "en")
    (tree,) = fig.data
    nodes = {i: (parent, value, name) for i, parent, value, name in zip(tree.ids, tree.parents, tree.values, tree.labels, strict=True)}
    assert nodes == {
        "alpha": ("", 30.0, "Alpha"),
        "alpha/travel": ("alpha", 10.0, "Travel"),
        "alpha/travel/1.1": ("alpha/travel", 10.0, "1.1 Відрядження"),
        "alpha/souvenirs": ("alpha", 20.0, "Souvenirs"),
        "alpha/souvenirs/1.2": ("alpha/souvenirs", 20.0, "1.2 Сувеніри"),
    }
    assert tree.branchvalues == "total"
    assert fig.layout.title.text == f"{text('chart_treemap', 'en')}, thousand UAH"
    assert f"{text('no_breakdown_note', 'en')}: Beta" in _subtitle(fig)


def test_treemap_sums_a_measure_over_the_selected_years():
    two_years = pd.concat([_spending(), _spending().iloc[[0]].assign(year=2022, amount_thousand_uah=5.0)], ignore_index=True)
    (tree,) = figures.category_treemap(two_years, "en").data
    values = dict(zip(tree.ids, tree.values, strict=True))
    assert values["alpha/travel/1.1"] == 15.0 and values["alpha/travel"] == 15.0 and values["alpha"] == 35.0


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
    markers = [trace for trace in fig.data if trace.mode == "markers"]
    assert sorted(name for trace in markers for name in trace.text) == ["Lublin", "Tervel"]  # Atlantis has no coordinates
    lines = {trace.name: list(trace.lat) for trace in fig.data if trace.mode == "lines"}
    assert lines == {label("relationship", "sister_city", "en"): [50.0, 51.2, None], label("relationship", "partner_city", "en"): [50.0, 43.7, None]}
    (homes,) = [trace for trace in fig.data if trace.mode == "markers+text"]
    assert list(homes.text) == ["Alpha", "Beta"]
    assert fig.layout.title.text == text("chart_partner_map", "en")
    assert text("source_programmes_geonames", "en") in _subtitle(fig)


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
    bars = {trace.name: dict(zip(trace.x, trace.y, strict=True)) for trace in fig.data}
    assert bars == {label("relationship", "sister_city", "en"): {"Lublin": 30.0}, text("not_a_partner", "en"): {"Tervel": 120.0}}
    assert fig.layout.title.text == f"{text('chart_destinations', 'en')}, thousand UAH"
    assert text("source_oleksandriia_tables", "en") in _subtitle(fig)


def test_destination_share_is_of_the_programme_total_not_of_the_named_money():
    fig = figures.destination_bars(_destinations(), "en", money=MoneyView("share"), programme_totals=pd.Series({"alpha": 600.0}))
    assert sorted(y for trace in fig.data for y in trace.y) == [pytest.approx(5.0), pytest.approx(20.0)]


# amount_completeness


def test_amount_completeness_counts_cells_by_status():
    fig = figures.amount_completeness(_spending(), "en")
    counts = {trace.name: dict(zip(trace.y, trace.x, strict=True)) for trace in fig.data}
    assert counts == {label("amount_status", "stated", "en"): {"Alpha": 2}, label("amount_status", "not_stated", "en"): {"Beta": 1}}
    assert fig.layout.title.text == text("chart_completeness", "en")
    assert text("source_programmes", "en") in _subtitle(fig)


# shared helpers


def test_warn_on_chart_adds_a_line_and_room_for_it():
    fig = figures.totals_by_year(_years().query("year == 2021"), "en")
    top, subtitle = fig.layout.margin.t, _subtitle(fig)
    figures.warn_on_chart(fig, "look here")
    assert _subtitle(fig).startswith(subtitle) and _subtitle(fig).endswith("⚠ look here</span>")
    assert fig.layout.margin.t > top


def test_separators_follow_the_language():
    assert figures.totals_by_year(_years(), "uk").layout.separators != figures.totals_by_year(_years(), "en").layout.separators


def test_for_projector_enlarges_type_and_height():
    fig = figures.totals_by_year(_years(), "en")
    before_font, before_height = fig.layout.font.size, fig.layout.height
    figures.for_projector(fig)
    assert fig.layout.font.size > before_font and fig.layout.height > before_height


def test_chart_config_saves_a_projector_sized_png_named_for_the_chart():
    config = figures.chart_config("planned_per_year")
    assert config["toImageButtonOptions"]["filename"] == "planned_per_year"
    assert (config["toImageButtonOptions"]["width"], config["toImageButtonOptions"]["height"]) == (1920, 1080)
