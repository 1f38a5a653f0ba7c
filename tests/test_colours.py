"""Colours: a community's colour on every page and slide, told apart for the default eight even when the stored
colours repeat; a category's colour the same whatever else is shown; both palettes distinct for colour-blind readers."""

from __future__ import annotations

import csv
import itertools
import shutil
from pathlib import Path

import duckdb
import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from bench.national_data import main as write_national_data
from programme_analysis import queries
from programme_analysis.colours import distinct_colours, palette
from programme_analysis.community_selection import DEFAULT_COMMUNITY_LIMIT
from tests.app_pages import figures_of, run_page, served_like_the_server  # noqa: F401 (fixture)

RULES = Path(__file__).resolve().parent.parent / "loaders" / "rules"
# Full-severity simulations of the three colour-vision deficiencies (Machado et al. 2009, as colorspacious has them)
DEFICIENCIES = [None, "deuteranomaly", "protanomaly", "tritanomaly"]
# The smallest difference (CAM02-UCS ΔE) between two colours shown together, for every reader: about ten is a
# difference seen at a glance, where two or three is barely noticed side by side.
SMALLEST_DIFFERENCE = 10


def _seen(colour: str, deficiency: str | None) -> np.ndarray:
    rgb = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    if deficiency is None:
        return rgb
    simulated = cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}, "sRGB1")
    return np.clip(simulated, 0, 1)


def _closest_pair(colours: list[str]) -> tuple[float, str, str, str | None]:
    return min(
        (deltaE(_seen(a, d), _seen(b, d), input_space="sRGB1"), a, b, d)
        for a, b in itertools.combinations(colours, 2)
        for d in DEFICIENCIES
    )


def test_the_default_eight_community_colours_are_distinct_for_colour_blind_readers():
    closest = _closest_pair(palette()[:DEFAULT_COMMUNITY_LIMIT])
    assert closest[0] >= SMALLEST_DIFFERENCE, closest


def test_the_category_colours_are_distinct_for_colour_blind_readers():
    with (RULES / "categories.csv").open(encoding="utf-8") as f:
        colours = [row["colour"] for row in csv.DictReader(f)]
    assert len(set(colours)) == len(colours)
    closest = _closest_pair(colours)
    assert closest[0] >= SMALLEST_DIFFERENCE, closest


def test_the_simulation_tells_a_pair_that_colour_blind_readers_confuse():
    """Red and green of equal lightness differ for most readers and hardly at all for a deuteranope."""
    red, green = "#D55E00", "#6B8E23"
    assert deltaE(_seen(red, None), _seen(green, None), input_space="sRGB1") > 20
    assert deltaE(_seen(red, "deuteranomaly"), _seen(green, "deuteranomaly"), input_space="sRGB1") < SMALLEST_DIFFERENCE


def test_communities_sharing_a_stored_colour_are_told_apart_the_same_way_in_any_order():
    ids = [f"c{n}" for n in range(DEFAULT_COMMUNITY_LIMIT)]
    stored = dict.fromkeys(ids, palette()[0])
    given = distinct_colours(ids, stored)
    assert len(set(given.values())) == DEFAULT_COMMUNITY_LIMIT
    assert distinct_colours(reversed(ids), stored) == given
    assert given["c0"] == palette()[0]  # the first keeps its own


def test_a_community_whose_stored_colour_no_other_shown_one_has_keeps_it():
    first, second = palette()[:2]
    given = distinct_colours(["a", "b", "c"], {"a": first, "b": first, "c": second})
    assert given["c"] == second, "b's clash with a is b's to resolve, not c's"
    assert given["a"] == first and given["b"] not in (first, second)


def test_more_communities_than_colours_share_them_and_none_is_left_without():
    ids = [f"c{n:02}" for n in range(len(palette()) + 3)]
    given = distinct_colours(ids, dict.fromkeys(ids, palette()[1]))
    assert set(given.values()) == set(palette())


@pytest.fixture(scope="module")
def one_colour(tmp_path_factory) -> Path:
    """A synthetic database (marked synthetic) of more communities than the default shows, all stored in one colour."""
    database = tmp_path_factory.mktemp("colours") / "programmes.duckdb"
    arguments = ["--communities", str(DEFAULT_COMMUNITY_LIMIT + 4), "--db", str(database), "--quiet", "--seed", "7"]
    assert write_national_data(arguments) == 0
    with duckdb.connect(str(database)) as con:
        con.execute("UPDATE communities SET colour = ?", [palette()[0]])
    return database


def _community_colours(figure: dict) -> dict[str, str]:
    """``{legend name: colour}`` of a chart's traces that are drawn in one solid colour."""
    found = {}
    for trace in figure["data"]:
        colour = (trace.get("marker") or {}).get("color")
        if isinstance(colour, str) and trace.get("name") and trace.get("showlegend", True):
            found.setdefault(trace["name"], colour.upper())
    return found


def test_the_default_eight_get_eight_colours_and_keep_them_on_the_slide(one_colour, monkeypatch):
    monkeypatch.setenv("PROGRAMMES_DB", str(one_colour))
    on_page = _community_colours(figures_of(run_page("pages/spending_by_year.py", {"lang": "en"}, timeout=60))[0])
    assert len(on_page) == DEFAULT_COMMUNITY_LIMIT
    assert len(set(on_page.values())) == DEFAULT_COMMUNITY_LIMIT
    slide = run_page(None, {"lang": "en", "present": "1", "slide": "2"}, timeout=60)
    on_slide = {name: c for f in figures_of(slide) for name, c in _community_colours(f).items() if name in on_page}
    assert on_slide and all(on_page[name] == colour for name, colour in on_slide.items())


def test_a_category_keeps_its_colour_whatever_else_is_shown(database, tmp_path):
    everyone = queries.spending(
        database, ["khmelnytskyi", "oleksandriia", "zdolbuniv", "mena"], list(range(2015, 2031))
    )
    with (RULES / "categories.csv").open(encoding="utf-8") as f:
        own = {row["category_id"]: row["colour"] for row in csv.DictReader(f)}
    for community in everyone["community_id"].unique():
        one = queries.spending(database, [community], list(range(2015, 2031)))
        assert dict(zip(one["category_id"], one["category_colour"], strict=True)).items() <= own.items()
    assert dict(zip(everyone["category_id"], everyone["category_colour"], strict=True)).items() <= own.items()
    shutil.rmtree(tmp_path, ignore_errors=True)
