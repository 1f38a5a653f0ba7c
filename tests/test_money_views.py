"""Real terms, per resident and shares, checked against values worked out by hand from
data/reference/cpi.csv (5.0, 10.0, 26.6, 5.1, 12.0, 8.0 % for 2020–2025) and population.csv."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from loaders.build import DATA_DIR
from programme_analysis import queries
from programme_analysis.money_views import MoneyView, Reference


@pytest.fixture(scope="module")
def reference(database) -> Reference:
    return queries.reference(database)


def test_price_factors_are_the_products_of_the_later_years(reference):
    # a 2021 amount in December-2025 prices: prices rose 26.6 % in 2022, 5.1 % in 2023, 12.0 % in 2024, 8.0 % in 2025
    assert reference.base_year == 2025
    assert reference.factors[2025] == pytest.approx(1.0)
    assert reference.factors[2024] == pytest.approx(1.08)
    assert reference.factors[2023] == pytest.approx(1.12 * 1.08)
    assert reference.factors[2021] == pytest.approx(1.266 * 1.051 * 1.12 * 1.08)
    assert reference.factors[2020] == pytest.approx(1.10 * 1.266 * 1.051 * 1.12 * 1.08)
    assert 2026 not in reference.factors  # no CPI for 2026: no factor, not a guess


def _years(database) -> pd.DataFrame:
    return queries.programme_years(database, ["khmelnytskyi", "oleksandriia", "zdolbuniv", "mena"])


def _value(frame, community, year):
    return frame[(frame["community_id"] == community) & (frame["year"] == year)].iloc[0]


def test_khmelnytskyi_2021_at_2025_prices(database, reference):
    converted = MoneyView("real", reference=reference).apply(_years(database), amount="planned_total_thousand_uah")
    # 1 840,0 thousand UAH (ВСЬОГО, 2021) × 1.266 × 1.051 × 1.12 × 1.08 = 2 961.39 thousand UAH
    assert _value(converted, "khmelnytskyi", 2021)["value"] == pytest.approx(2961.393, abs=0.001)
    # a 2025 amount is already in 2025 prices
    assert _value(converted, "khmelnytskyi", 2025)["value"] == pytest.approx(1410.0)


def test_mena_per_resident_of_city_and_community(database, reference):
    years = _years(database)
    city = MoneyView("per_resident", "city", reference).apply(years, amount="planned_total_thousand_uah")
    community = MoneyView("per_resident", "community_cited", reference).apply(
        years, amount="planned_total_thousand_uah"
    )
    # Mena 2023: 300,0 thousand UAH; 10 935 residents of the city, 26 014 of the community
    assert _value(city, "mena", 2023)["value"] == pytest.approx(300_000 / 10_935)  # 27.43 UAH
    assert _value(community, "mena", 2023)["value"] == pytest.approx(300_000 / 26_014)  # 11.53 UAH


def test_per_resident_at_2025_prices_combines_both(database, reference):
    converted = MoneyView("per_resident_real", "city", reference).apply(
        _years(database), amount="planned_total_thousand_uah"
    )
    # Oleksandriia 2020: 580,0 thousand UAH × 1.7704 / 76 097 residents = 13.49 UAH
    assert _value(converted, "oleksandriia", 2020)["value"] == pytest.approx(
        580_000 * 1.10 * 1.266 * 1.051 * 1.12 * 1.08 / 76_097
    )


def _register_population() -> dict[str, int]:
    """``{community_id: population}`` as the register file prints it (data/reference/communities_ua.csv), by KATOTTG."""
    with open(DATA_DIR / "sources" / "communities.csv", encoding="utf-8", newline="") as handle:
        codes = {row["community_id"]: row["katottg"] for row in csv.DictReader(handle)}
    with open(DATA_DIR / "reference" / "communities_ua.csv", encoding="utf-8", newline="") as handle:
        people = {row["katottg"]: int(row["population"]) for row in csv.DictReader(handle)}
    return {community: people[code] for community, code in codes.items() if code in people}


def test_default_divides_by_the_territory_the_programme_was_adopted_for(database, reference, con):
    years = _years(database)
    converted = MoneyView("per_resident", reference=reference).apply(years, amount="planned_total_thousand_uah")
    register = _register_population()
    adopted = dict(con.execute("SELECT community_id, adopted_for FROM programmes").fetchall())
    assert adopted["mena"] == "community" and adopted["oleksandriia"] == "city"
    # Mena's programme is for the whole community: 300,0 thousand UAH in 2023 / the register's population
    mena = _value(converted, "mena", 2023)
    assert mena["value"] == pytest.approx(300_000 / register["mena"])
    assert (mena["residents_of"], mena["residents"], mena["residents_source"]) == (
        "community",
        register["mena"],
        reference.residents[("mena", "community")].credit,
    )
    assert "W3I" in mena["residents_source"]
    # Oleksandriia's is for the city: 580,0 / 76 097 (population.csv, 2022-01-01)
    oleksandriia = _value(converted, "oleksandriia", 2020)
    assert oleksandriia["value"] == pytest.approx(580_000 / 76_097)
    assert (oleksandriia["residents_of"], oleksandriia["residents_date"]) == ("city", "2022-01-01")


def test_zdolbuniv_community_population_comes_from_the_register(reference):
    register = _register_population()["zdolbuniv"]
    frame = pd.DataFrame({"community_id": ["zdolbuniv"], "year": [2024], "amount_thousand_uah": [10.0]})
    assert MoneyView("per_resident", "community", reference).apply(frame)["value"].iloc[0] == pytest.approx(
        10_000 / register
    )
    # the figures cited in population.csv stay a choice, and Zdolbuniv's community is unknown there
    assert MoneyView("per_resident", "community_cited", reference).apply(frame)["value_gap"].tolist() == [
        "no_population"
    ]


def test_the_method_note_names_each_denominator_its_figure_date_and_source(reference):
    note = MoneyView("per_resident", reference=reference).method_note(
        "en", {"mena": "Mena", "oleksandriia": "Oleksandriia"}
    )
    register = reference.residents[("mena", "community")].count
    assert f"Mena: community population {register:,}, register of communities, date not stated" in note
    assert "Oleksandriia: city population 76,097, as of 2022-01-01, en.wikipedia.org" in note
    assert "Hromada Strategy Collaboration Mapping (W3I), derived in part from data.gov.ua" in note


def test_unknown_population_is_a_gap_not_a_number(database, reference):
    converted = MoneyView("per_resident", "community_cited", reference).apply(
        _years(database), amount="planned_total_thousand_uah"
    )
    zdolbuniv = _value(converted, "zdolbuniv", 2024)
    assert pd.isna(zdolbuniv["value"])
    # Zdolbuniv's 2024 amount is itself not stated: the first reason wins
    assert zdolbuniv["value_gap"] == "not_stated"
    frame = pd.DataFrame({"community_id": ["zdolbuniv"], "year": [2024], "amount_thousand_uah": [10.0]})
    assert MoneyView("per_resident", "community_cited", reference).apply(frame)["value_gap"].tolist() == [
        "no_population"
    ]


def test_year_without_price_index_is_a_gap(reference):
    frame = pd.DataFrame({"community_id": ["mena"], "year": [2026], "amount_thousand_uah": [100.0]})
    converted = MoneyView("real", reference=reference).apply(frame)
    assert pd.isna(converted["value"].iloc[0]) and converted["value_gap"].iloc[0] == "no_price_index"


def test_shares_are_of_the_community_total_over_the_rows(database):
    converted = MoneyView("share").apply(_years(database), amount="planned_total_thousand_uah")
    # Khmelnytskyi 2021: 1 840,0 of 6 905,0 = 26.65 %; Mena 2022: 200 of 800 = 25 %
    assert _value(converted, "khmelnytskyi", 2021)["value"] == pytest.approx(100 * 1840 / 6905)
    assert _value(converted, "mena", 2022)["value"] == pytest.approx(25.0)
    assert converted.groupby("community_id")["value"].sum(min_count=1).dropna().round(6).eq(100).all()


def test_formats_and_units_follow_the_language(reference):
    real = MoneyView("real", reference=reference)
    assert real.unit("en") == "thousand UAH at December 2025 prices"
    assert "2025" in real.method_note("uk") and "Держстату" in real.method_note("uk")
    assert MoneyView("per_resident", "community", reference).format(27.434, "en") == "27.43"
    assert MoneyView("share").format(26.66, "uk") == "26,7 %"
    assert MoneyView("per_resident").format(None, "en") == "not stated"


def test_a_share_of_part_of_a_programme_is_of_the_programme_total(database):
    destinations = queries.partner_spending(database, ["oleksandriia"])
    stated = destinations[destinations["amount_status"] == "stated"]
    converted = MoneyView("share").apply(stated, share_of=pd.Series({"oleksandriia": 580}))
    # Jarocin: 150 000 грн = 150,0 of the programme's 580,0 thousand UAH = 25.86 %
    jarocin = converted[converted["destination_name_en"] == "Jarocin"]["value"]
    assert jarocin.iloc[0] == pytest.approx(100 * 150 / 580)
    assert converted["value"].sum() == pytest.approx(100 * 400 / 580)  # the named cities are 69 % of it, not 100 %
