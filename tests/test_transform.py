"""Transform: a tiny set of raw rows in, exact tables out (PUDL's transform unit tests).

The gazetteer is replaced by a two-place fake, so that these tests are about the transform alone
(and fast enough for mutation testing); tests/test_partners.py covers the real GeoNames look-ups.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from loaders import transform
from loaders.extract.common import DataIssue, Extracted
from loaders.gazetteer import Place, PlaceNotFound
from loaders.source_documents import SourceDocument
from loaders.transform import (
    community_table,
    concat_tables,
    link_destinations_to_partners,
    programme_rows,
    programme_tables,
)

META = {
    "programme_id": "alpha_2021_2022",
    "community_id": "alpha",
    "programme_title_uk": "Програма міжнародного співробітництва",
    "year_from": "2021",
    "year_to": "2022",
    "adopted_for": "city",
    "council_decision_as_printed": "рішення №1",
    "original_format": "docx",
    "layout": "measure_table",
}
LINES = (
    "Програма",
    "1.1\tПридбання сувенірної продукції\t10,0\t-",
    "Місто-побратим Ярочин (Республіка Польща)",
    "Атлантида",
)


def _doc() -> SourceDocument:
    return SourceDocument(META, Path("/nowhere/alpha.txt"), LINES, "ab" * 32)


def _extracted() -> Extracted:
    return Extracted(
        measures=[
            {
                "measure_code": "1.1",
                "sort_order": 1,
                "section_code": "1",
                "section_title": "Промоція",
                "measure_title": "Придбання сувенірної продукції",
                "source_line": 2,
            }
        ],
        amounts=[
            {
                "measure_code": "1.1",
                "year": 2021,
                "amount_thousand_uah": Decimal("10.0"),
                "amount_status": "stated",
                "amount_text": "10,0",
                "source_line": 2,
            },
            {
                "measure_code": "1.1",
                "year": 2022,
                "amount_thousand_uah": None,
                "amount_status": "none",
                "amount_text": "-",
                "source_line": 2,
            },
        ],
        stated_totals=[
            {
                "scope": "year",
                "year": 2021,
                "section_code": None,
                "stated_total_thousand_uah": Decimal("10.0"),
                "total_text": "10,0",
                "source_line": 2,
                "stated_in": "measures table",
            }
        ],
        partners=[
            {
                "partner_name_uk": "Ярочин",
                "country_text": "Республіка Польща",
                "country_code": "PL",
                "relationship": "sister_city",
                "agreement_date": None,
                "agreement_date_text": None,
                "date_precision": "not_stated",
                "cooperation_areas": None,
                "source_line": 3,
            },
            {
                "partner_name_uk": "Атлантида",
                "country_text": None,
                "country_code": None,
                "relationship": "partner_city",
                "agreement_date": None,
                "agreement_date_text": None,
                "date_precision": "not_stated",
                "cooperation_areas": None,
                "source_line": 4,
            },
        ],
        partner_spending=[
            {
                "destination_name_uk": "Ярочин",
                "country_text": "Польща",
                "amount_thousand_uah": Decimal("150"),
                "amount_status": "stated",
                "amount_text": "150 000 грн",
                "purpose": "візит",
                "date_text": None,
                "date_year": None,
                "source_line": 3,
            },
        ],
        issues=[DataIssue("info", "assigned_codes", "codes assigned", 2)],
    )


JAROCIN = Place(3096880, "Jarocin", "PL", 51.97, 17.5, "name_match")
HOME = Place(700001, "Alpha", "UA", 50.0, 30.0, "pinned")


def _find_place(name_uk: str, country_code: str | None) -> Place:
    if (name_uk, country_code) == ("Ярочин", "PL"):
        return JAROCIN
    raise PlaceNotFound(f"no GeoNames place called {name_uk!r}")


def _by_geonameid(geonameid: int) -> Place:
    if geonameid == HOME.geonameid:
        return HOME
    raise PlaceNotFound(f"GeoNames id {geonameid} is unknown")


@pytest.fixture(autouse=True)
def _fake_gazetteer(monkeypatch):
    monkeypatch.setattr(transform, "find_place", _find_place)
    monkeypatch.setattr(transform, "by_geonameid", _by_geonameid)


@pytest.fixture()
def tables(_fake_gazetteer) -> dict[str, pd.DataFrame]:
    return programme_tables(_doc(), _extracted())


def test_measures_get_their_programme_file_and_category_rule(tables):
    expected = pd.DataFrame(
        {
            "measure_code": ["1.1"],
            "sort_order": [1],
            "section_code": ["1"],
            "section_title": ["Промоція"],
            "measure_title": ["Придбання сувенірної продукції"],
            "source_line": [2],
            "category_id": ["souvenirs_materials"],
            "category_rule_id": ["souvenirs"],
            "programme_id": ["alpha_2021_2022"],
            "source_file": ["alpha.txt"],
            # the extractor read no term, executors or funding source for this measure: NULL, never a guess
            "term_text": [None],
            "executors": [None],
            "funding_source": [None],
        }
    )
    pd.testing.assert_frame_equal(tables["measures"], expected)


def test_amounts_and_totals_keep_their_values_and_gain_the_programme(tables):
    amounts = tables["measure_amounts"]
    assert amounts[["measure_code", "year", "amount_status", "amount_text", "programme_id"]].values.tolist() == [
        ["1.1", 2021, "stated", "10,0", "alpha_2021_2022"],
        ["1.1", 2022, "none", "-", "alpha_2021_2022"],
    ]
    assert amounts["amount_thousand_uah"].tolist() == [Decimal("10.0"), None]  # a dash stays NULL, never 0
    totals = tables["stated_totals"]
    assert list(totals.columns) == [
        "scope",
        "year",
        "section_code",
        "stated_total_thousand_uah",
        "total_text",
        "source_line",
        "stated_in",
        "programme_id",
    ]
    assert totals.values.tolist() == [
        ["year", 2021, None, Decimal("10.0"), "10,0", 2, "measures table", "alpha_2021_2022"]
    ]


def test_programme_row_comes_from_the_metadata(tables):
    (row,) = tables["programmes"].to_dict("records")
    assert row == {
        "programme_id": "alpha_2021_2022",
        "community_id": "alpha",
        "title_uk": "Програма міжнародного співробітництва",
        "year_from": 2021,
        "year_to": 2022,
        "adopted_for": "city",
        "council_decision_as_printed": "рішення №1",
        "original_format": "docx",
        "layout": "measure_table",
        "source_file": "alpha.txt",
        "source_sha256": "ab" * 32,
    }


def test_every_line_is_kept_with_its_number(tables):
    # a .txt document has no reader locators: each line is located by its own number
    assert list(tables["source_lines"].columns) == ["source_file", "source_line", "text", "locator"]
    assert tables["source_lines"].values.tolist() == [
        ["alpha.txt", n, line, f"line {n}"] for n, line in enumerate(LINES, start=1)
    ]


def test_a_found_partner_gets_coordinates_and_a_missing_one_a_warning(tables):
    partners = tables["partner_relationships"]
    jarocin, atlantis = partners.to_dict("records")
    assert (jarocin["partner_name_en"], jarocin["country_code"], jarocin["place_match"]) == (
        "Jarocin",
        "PL",
        "name_match",
    )
    assert (jarocin["geonameid"], jarocin["latitude"], jarocin["longitude"]) == (3096880, 51.97, 17.5)
    assert (jarocin["community_id"], jarocin["programme_id"], jarocin["source_file"]) == (
        "alpha",
        "alpha_2021_2022",
        "alpha.txt",
    )
    assert pd.isna(atlantis["partner_name_en"]) and pd.isna(atlantis["latitude"]) and pd.isna(atlantis["geonameid"])
    issues = tables["issue_log"]
    assert issues[["severity", "kind", "source_line"]].values.tolist() == [
        ["info", "assigned_codes", 2],
        ["warning", "place_not_found", 4],
    ]
    assert issues["message"].iloc[1] == "Атлантида: no GeoNames place called 'Атлантида'. It is not shown on the map."
    assert set(issues["community_id"]) == {"alpha"} and set(issues["source_file"]) == {"alpha.txt"}


def test_a_destination_gets_its_country_code_and_place(tables):
    (row,) = tables["destination_spending"].to_dict("records")
    assert (row["country_code"], row["destination_name_en"], row["programme_id"], row["source_file"]) == (
        "PL",
        "Jarocin",
        "alpha_2021_2022",
        "alpha.txt",
    )
    assert row["amount_thousand_uah"] == Decimal("150") and (row["latitude"], row["longitude"]) == (51.97, 17.5)


def test_extracting_twice_gives_the_same_tables_and_does_not_touch_the_input():
    extracted = _extracted()
    first = programme_tables(_doc(), extracted)
    assert len(extracted.issues) == 1  # the place warning goes to the table, not into the extractor's list
    second = programme_tables(_doc(), extracted)
    for name in first:
        pd.testing.assert_frame_equal(first[name], second[name])


def test_destinations_link_to_the_same_programmes_partner_only():
    destinations = pd.DataFrame(
        {"programme_id": ["a", "a", "b"], "destination_name_uk": ["Люблін", "Брюссель", "Люблін"]}
    )
    partners = pd.DataFrame({"programme_id": ["a", "b"], "partner_name_uk": ["Люблін", "Тервел"], "partner_id": [7, 8]})
    linked = link_destinations_to_partners(destinations, partners)
    assert linked["partner_id"].tolist()[0] == 7
    assert linked["partner_id"].isna().tolist() == [False, True, True]
    assert linked[["programme_id", "destination_name_uk"]].values.tolist() == destinations.values.tolist()


def test_destinations_without_partners_get_an_empty_partner_id():
    destinations = pd.DataFrame({"programme_id": ["a"], "destination_name_uk": ["Люблін"]})
    linked = link_destinations_to_partners(destinations, pd.DataFrame())
    assert linked["partner_id"].tolist() == [None]
    assert link_destinations_to_partners(pd.DataFrame(), pd.DataFrame({"partner_id": [1]})).empty


def test_community_table_places_a_community_by_its_geonames_id():
    rows = [
        {"community_id": "alpha", "name_en": "Alpha", "geonameid": "700001"},
        {"community_id": "nowhere", "name_en": "Nowhere", "geonameid": ""},
    ]
    table = community_table(rows)
    assert table[["community_id", "name_en"]].values.tolist() == [["alpha", "Alpha"], ["nowhere", "Nowhere"]]
    assert (table["geonameid"].iloc[0], table["latitude"].iloc[0], table["longitude"].iloc[0]) == (700001, 50.0, 30.0)
    assert table[["geonameid", "latitude", "longitude"]].iloc[1].isna().all()


def test_concat_numbers_partners_and_issues_across_programmes():
    other_meta = {**META, "programme_id": "beta_2021_2022", "community_id": "beta"}
    other = programme_rows(SourceDocument(other_meta, Path("/nowhere/beta.txt"), LINES, "cd" * 32), _extracted())
    stacked = concat_tables([programme_rows(_doc(), _extracted()), other])
    assert stacked["partner_relationships"]["partner_id"].tolist() == [1, 2, 3, 4]
    assert stacked["issue_log"]["issue_id"].tolist() == [1, 2, 3, 4]
    assert stacked["measures"]["programme_id"].tolist() == ["alpha_2021_2022", "beta_2021_2022"]
    # each destination links to its own programme's Jarocin
    assert stacked["destination_spending"]["partner_id"].tolist() == [1, 3]
    assert len(stacked["source_lines"]) == 2 * len(LINES)


def test_concat_skips_a_programme_without_rows_of_a_table(tables):
    rows = programme_rows(_doc(), _extracted())
    empty = {name: [] for name in rows}
    stacked = concat_tables([rows, empty])
    pd.testing.assert_frame_equal(stacked["measures"], tables["measures"])


def test_concat_of_one_programme_gives_its_tables_numbered(tables):
    stacked = concat_tables([programme_rows(_doc(), _extracted())])
    for name, frame in tables.items():
        numbered = {
            "partner_relationships": ["partner_id"],
            "issue_log": ["issue_id"],
            "destination_spending": ["partner_id"],
        }.get(name, [])
        pd.testing.assert_frame_equal(stacked[name].drop(columns=numbered), frame)


def test_stacked_tables_are_numbered_from_zero_without_repeats():
    other_meta = {**META, "programme_id": "beta_2021_2022", "community_id": "beta"}
    other = programme_rows(SourceDocument(other_meta, Path("/nowhere/beta.txt"), LINES, "cd" * 32), _extracted())
    stacked = concat_tables([programme_rows(_doc(), _extracted()), other])
    for name in ("measures", "measure_amounts", "source_lines", "issue_log", "partner_relationships"):
        assert stacked[name].index.tolist() == list(range(len(stacked[name]))), name


def test_funding_sources_gain_the_programme_and_file_and_none_give_an_empty_table():
    source = {
        "stated_in": "passport",
        "source_kind": "budget",
        "source_text": "Міський бюджет",
        "year": None,
        "amount_thousand_uah": Decimal("10.0"),
        "amount_text": "10,0",
        "source_line": 2,
    }
    extracted = _extracted()
    extracted.funding_sources.append(source)
    frame = programme_tables(_doc(), extracted)["funding_sources"]
    assert frame.to_dict("records") == [{**source, "programme_id": "alpha_2021_2022", "source_file": "alpha.txt"}]
    assert programme_tables(_doc(), _extracted())["funding_sources"].empty
