"""Partner places: coordinates from GeoNames, pinned where a name is ambiguous."""

from __future__ import annotations

import csv

import pytest

from loaders.gazetteer import PlaceNotFound, find_place
from tests.conftest import GOLDEN

# Rough bounding boxes (lat_min, lat_max, lon_min, lon_max) of the partners' countries.
COUNTRY_BOXES = {
    "PL": (49, 55, 14, 24.2), "BG": (41.2, 44.3, 22.3, 28.7), "RS": (42.2, 46.2, 18.8, 23.1), "CN": (18, 54, 73, 135),
    "BY": (51.2, 56.2, 23.1, 32.8), "ES": (36, 44, -9.5, 3.4), "IL": (29.4, 33.4, 34.2, 35.9), "US": (24, 50, -125, -66),
    "MD": (45.4, 48.5, 26.6, 30.2), "SE": (55, 69.1, 11, 24.2), "LT": (53.9, 56.5, 20.9, 26.9), "MX": (14.5, 32.8, -118, -86),
    "GE": (41, 43.6, 40, 46.8), "UZ": (37.1, 45.6, 55.9, 73.2),
}  # fmt: skip


def _golden_partner_count() -> int:
    with open(GOLDEN / "partners.csv", encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def test_every_partner_has_coordinates_inside_its_country(con):
    rows = con.execute("SELECT partner_name_uk, country_code, latitude, longitude FROM partners").fetchall()
    assert len(rows) == _golden_partner_count()  # every partner the documents name (tests/golden/partners.csv)
    for name, country, lat, lon in rows:
        lat_min, lat_max, lon_min, lon_max = COUNTRY_BOXES[country]
        assert lat_min <= lat <= lat_max and lon_min <= lon <= lon_max, (name, country, lat, lon)


@pytest.mark.parametrize(
    ("name", "country", "geonameid", "english"),
    [
        ("Бор", "RS", 792456, "Bor"),
        ("Сінь-І", "CN", 1789262, "Xinyi"),
        ("Женева", "CH", 2660646, "Geneva"),
        ("Ярочин", "PL", 3097528, "Jarocin"),
    ],
)
def test_ambiguous_names_resolve_to_the_pinned_place(name, country, geonameid, english):
    place = find_place(name, country)
    assert (place.geonameid, place.name_en) == (geonameid, english)


def test_unknown_or_ambiguous_place_is_refused_not_guessed():
    with pytest.raises(PlaceNotFound, match="no GeoNames place"):
        find_place("Неіснуюче-Місто", "PL")
    with pytest.raises(PlaceNotFound, match="GeoNames places called"):
        find_place("Xinyi", "CN")


def test_mena_is_the_ukrainian_town(con):
    assert con.execute(
        "SELECT geonameid, round(latitude, 1) FROM communities WHERE community_id = 'mena'"
    ).fetchone() == (701372, 51.5)
