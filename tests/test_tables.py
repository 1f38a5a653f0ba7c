"""The labelled tables: pure (frame, lang) -> DataFrame functions, checked against the documents."""

from __future__ import annotations

import csv

import pandas as pd

from programme_analysis import queries, tables
from programme_analysis.issue_messages import TEMPLATES, issue_message
from programme_analysis.texts import LABELS, text
from tests.conftest import GOLDEN

ALL = ["khmelnytskyi", "oleksandriia", "zdolbuniv", "mena"]


def test_a_dash_is_none_planned_and_a_gap_is_not_stated(database):
    twinning = queries.twinning_measures(database, ALL, [2020, 2021, 2022, 2023, 2024, 2025])
    oleksandriia = twinning[twinning["community_id"] == "oleksandriia"]
    mena = twinning[twinning["community_id"] == "mena"]
    # Oleksandriia's measure 1.4 prints a dash: no money planned, not a gap
    assert tables.twinning_total(oleksandriia, "uk") == "коштів не передбачено (прочерк у документі)"
    assert tables.twinning_total(oleksandriia, "en") == "none planned (dash in the document)"
    assert tables.twinning_table(oleksandriia, "en")["Amount, thousand UAH"].tolist() == [
        "none planned (dash in the document)"
    ]
    assert set(tables.twinning_table(mena, "uk")["Сума, тис. грн"]) == {"не зазначено в документі"}
    assert "not stated thousand UAH" not in tables.twinning_total(mena, "en")


def test_countries_are_named_in_the_language(database):
    partners = queries.partners(database, ALL)
    uk = tables.partners_table(partners, "uk")["Країна"]
    en = tables.partners_table(partners, "en")["Country"]
    codes = partners["country_code"]
    assert not codes.isin(uk).any() and not codes.isin(en).any()  # no bare ISO codes
    assert "Молдова" in set(uk[codes == "MD"]) and "Mexico" in set(en[codes == "MX"])


def test_no_none_in_any_cell(database):
    frames = [
        tables.partners_table(queries.partners(database, ALL), "uk"),
        tables.measures_table(
            queries.search_measures(
                database,
                ALL,
                [2020, 2021, 2022, 2023, 2024, 2025],
                list(queries.categories(database)["category_id"]),
                list(LABELS["amount_status"]),
                "",
            ),
            "uk",
        ),
        tables.prices_table(queries.price_index(database), "uk"),
        tables.population_table(queries.population(database), "uk"),
        tables.programmes_table(queries.programmes(database), "uk"),
    ]
    for frame in frames:
        assert not frame.isna().any().any()
        assert not frame.astype(str).isin(["None", "nan", "<NA>"]).any().any()


def test_cpi_decimals_are_ukrainian(database):
    prices = tables.prices_table(queries.price_index(database), "uk")
    factors = prices["Множник до цін грудня базового року"]
    assert factors.str.contains(",").all() and not factors.str.contains(r"\.").any()


def test_population_table_shows_both_sources_and_which_choice_uses_each(database):
    people = queries.population(database)
    shown = tables.population_table(people, "en")
    zdolbuniv = shown[(people["community_id"] == "zdolbuniv") & (people["entity"] == "community")]
    assert len(zdolbuniv) == 2  # the cited figure (unknown) and the register's
    assert set(zdolbuniv["Population"]) - {"unknown"}  # the register knows it
    mena_register = shown[(people["community_id"] == "mena") & (people["figure_source"] == "register")]
    assert mena_register["Used for (per resident of…)"].iloc[0].startswith("the territory the programme is for")
    assert "W3I" in mena_register["Credit (as the licence asks)"].iloc[0]


def test_every_issue_reads_in_ukrainian_and_unknown_kinds_fall_back(database):
    issues = queries.data_issues(database)
    names = {"khmelnytskyi": "Хмельницький", "oleksandriia": "Олександрія", "zdolbuniv": "Здолбунів", "mena": "Мена"}
    messages = tables.issues_table(issues, names, "uk")["Подробиці"]
    assert not messages.str.contains("англійською").any()
    assert set(issues["kind"]) <= set(TEMPLATES)
    assert issue_message("not_yet_known", "Some English words.", "uk").endswith("(англійською)")
    english = tables.issues_table(issues, names, "en")["Details"]
    assert english.tolist() == issues["message"].tolist()


def test_completeness_counts_a_stated_yearly_total():
    assert tables.completeness(["reconciled", "reconciled"]) == "full"
    assert tables.completeness(["total_without_breakdown"] * 3) == "totals_only"
    assert tables.completeness(["no_amounts_stated"]) == "none"


def _golden_total(community_id: str, year: int) -> float:
    """The year's total as the document states it (tests/golden/programme_totals.csv)."""
    with open(GOLDEN / "programme_totals.csv", encoding="utf-8", newline="") as handle:
        return next(
            float(r["stated_total_thousand_uah"])
            for r in csv.DictReader(handle)
            if r["community_id"] == community_id and int(r["year"]) == year
        )


def test_overview_cards_follow_the_year_filter(database):
    programmes = queries.programmes(database)
    years = queries.programme_years(database, ALL)
    ids = dict(zip(programmes["community_id"], programmes["programme_id"], strict=True))
    cards = tables.overview_cards(programmes, years[years["year"] == 2022], "en").set_index("programme_id")
    # Khmelnytskyi 2022: the document's yearly total (tests/golden/programme_totals.csv), not the programme's 6 905,0
    stated_2022 = _golden_total("khmelnytskyi", 2022)
    assert cards.loc[ids["khmelnytskyi"], "total"] == f"{stated_2022:,.1f}"
    assert cards.loc[ids["khmelnytskyi"], "total_label"] == "Planned in total (2022), thousand UAH"
    whole = tables.overview_cards(programmes, years, "en").set_index("programme_id")
    assert whole.loc[ids["khmelnytskyi"], "total_label"] == "Planned in total (whole programme), thousand UAH"
    assert whole.loc[ids["zdolbuniv"], "total"] == text("not_stated", "en")  # short, so the card never cuts it


def test_the_source_panel_summary_names_the_number_and_its_total(database):
    rows = queries.search_measures(
        database,
        ["khmelnytskyi"],
        [2021],
        list(queries.categories(database)["category_id"]),
        list(LABELS["amount_status"]),
        "",
    )
    summary = tables.selection_summary(rows, pd.DataFrame(columns=["year", "stated_total_thousand_uah"]), "en")
    total = _golden_total("khmelnytskyi", 2021)  # the sum of the year's measures, which the document's total confirms
    assert summary.startswith("**Khmelnytskyi · 2021")
    assert f"{total:,.1f} thousand UAH in total" in summary
    mena = queries.search_measures(
        database, ["mena"], [2023], list(queries.categories(database)["category_id"]), list(LABELS["amount_status"]), ""
    )
    summary = tables.selection_summary(mena, queries.stated_year_totals(database, ["mena"], [2023]), "uk")
    assert "300,0 тис. грн" in summary and "річні підсумки" in summary


def test_council_decision_words_are_ukrainian(database):
    programmes = queries.programmes(database)
    decisions = tables.programmes_table(programmes, "uk")["Рішення ради"]
    assert not decisions.str.contains("англійською").any()
    assert not decisions.str.replace(r"«[^»]*»", "", regex=True).str.contains(r"[A-Za-z]{3,}").any()


def test_an_english_search_matches_category_names_in_both_languages(database):
    categories = list(queries.categories(database)["category_id"])
    statuses = list(LABELS["amount_status"])
    years = [2020, 2021, 2022, 2023, 2024, 2025]
    english = queries.search_measures(database, ALL, years, categories, statuses, "souvenir")
    ukrainian = queries.search_measures(database, ALL, years, categories, statuses, "сувенірна продукція")
    assert len(english) > 0 and set(english["category_id"]) >= {"souvenirs_materials"}
    assert set(english.loc[english["category_id"] == "souvenirs_materials", "measure_code"]) == set(
        ukrainian.loc[ukrainian["category_id"] == "souvenirs_materials", "measure_code"]
    )
