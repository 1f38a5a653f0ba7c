"""Every map the app ships draws Ukraine in its internationally recognised borders (UN GA resolution 68/262):
Crimea and Sevastopol inside Ukraine, not Russia; the rest of the map unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.map_borders import CRIMEA_PLACES, MAP, country, country_at, crimea_in_ukraine

SHIPPED = sorted((Path(__file__).resolve().parent.parent / "static").rglob("*.json"))


def _topology(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_world_map_is_the_one_shipped():
    assert SHIPPED == [MAP]  # a new map file must be added to this test


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
@pytest.mark.parametrize(("name", "longitude", "latitude"), CRIMEA_PLACES)
def test_places_in_crimea_are_inside_ukraine(path, name, longitude, latitude):
    assert country_at(_topology(path), (longitude, latitude)) == "UKR", name


@pytest.mark.parametrize(
    ("name", "point", "iso3"),
    [
        ("Kyiv", (30.52, 50.45), "UKR"),
        ("Kherson", (32.62, 46.64), "UKR"),
        ("Rostov-on-Don", (39.72, 47.23), "RUS"),
        ("Moscow", (37.62, 55.75), "RUS"),
        ("Warsaw", (21.01, 52.23), "POL"),
    ],
)
def test_the_rest_of_the_map_is_where_it_was(name, point, iso3):
    assert country_at(_topology(MAP), point) == iso3, name


def test_the_change_is_made_once_and_only_to_the_two_countries():
    shipped = _topology(MAP)
    assert crimea_in_ukraine(shipped) is False  # already in its recognised borders: nothing to do
    others = [g for g in shipped["objects"]["countries"]["geometries"] if g.get("id") not in ("RUS", "UKR")]
    assert len(others) == len(shipped["objects"]["countries"]["geometries"]) - 2
    assert country(shipped, "UKR")["type"] == "Polygon"  # one shape: the Perekop isthmus is no border
