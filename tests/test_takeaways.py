"""Slide takeaways are computed from the data: checked against figures worked out by hand from the documents."""

from __future__ import annotations

from programme_analysis import queries, takeaways
from programme_analysis.money_views import MoneyView

ALL = ["khmelnytskyi", "oleksandriia", "zdolbuniv", "mena"]


def test_largest_programme_names_khmelnytskyi_and_the_one_without_amounts(database):
    sentence = takeaways.largest_programme(queries.programmes(database), "en")
    assert (
        sentence
        == "The largest of the 4 programmes is Khmelnytskyi's: 6,905.0 thousand UAH for 2021–2025. No amounts at all: Zdolbuniv."
    )


def test_largest_year_is_khmelnytskyi_2021(database):
    sentence = takeaways.largest_year(queries.programme_years(database, ALL), "uk", MoneyView())
    assert sentence == "Найбільший річний план — Хмельницький, 2021: 1\u00a0840,0 тис. грн."


def test_most_per_resident_is_mena_and_least_khmelnytskyi(database):
    reference = queries.reference(database)
    sentence = takeaways.most_per_resident(
        queries.programme_years(database, ALL), "en", MoneyView("per_resident", "city", reference)
    )
    # Mena: (200 + 300 + 300) thousand UAH / 3 years / 10 935 residents = 24.39 UAH a year;
    # Khmelnytskyi: 6 905 thousand / 5 years / 274 452 = 5.03 UAH a year
    assert sentence.startswith(
        "Per resident of the city, Mena plans most: 24.39 UAH per resident a year on average (city population 10,935"
    )
    assert "Khmelnytskyi plans least: 5.03 (city population 274,452, as of 2022-01-01" in sentence


def test_by_the_adopted_territory_the_per_resident_headline_flips_to_oleksandriia(database):
    reference = queries.reference(database)
    money = MoneyView("per_resident_real", reference=reference)  # the default: the territory each programme is for
    sentence = takeaways.most_per_resident(queries.programme_years(database, ALL), "en", money)
    # Oleksandriia (a city programme): 580,0 thousand UAH × 1.10 × 1.266 × 1.051 × 1.12 × 1.08 / 76 097 = 13.49 UAH;
    # Mena (a community programme) divides by the register's community population, so it is no longer first
    assert sentence.startswith("Per resident of the territory the programme is for, Oleksandriia plans most: 13.49 UAH")
    mena_residents = reference.residents[("mena", "community")].count
    mena = (200 * 1.051 * 1.12 * 1.08 + 300 * 1.12 * 1.08 + 300 * 1.08) * 1000 / 3 / mena_residents
    assert mena < 13.49


def test_money_for_partners_is_oleksandriias_breakdown(database):
    sentence = takeaways.money_for_partners(
        queries.partner_spending(database, ALL), queries.programme_years(database, ALL), "en"
    )
    # 30 + 50 + 50 + 120 + 150 = 400 thousand UAH of 580 = 69.0 %; Tervel 120 + Jarocin 150 = 270 to sister cities
    assert (
        "Oleksandriia, 400.0 thousand UAH for 5 cities in 2020 (69.0 % of its programme), 270.0 of it for partner cities"
        in sentence
    )


def test_gaps_count_a_stated_yearly_total_as_stated(database):
    sentence = takeaways.data_gaps(queries.programme_years(database, ALL), "en")
    # Khmelnytskyi 2021–2025 and Oleksandriia 2020 have amounts per measure (6 years); Mena states a total for
    # each of 2022–2024 but no amounts per direction (3 years); Zdolbuniv 2024 states nothing (1 year)
    assert (
        sentence
        == "Of 10 programme years, 6 have an amount for every measure, 3 only a yearly total (Mena), and 1 no amount at all (Zdolbuniv)."
    )
