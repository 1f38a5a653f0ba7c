"""The methodology essay: one Markdown file per language, the same sections, facts filled from the data."""

from __future__ import annotations

import csv
import re

import pytest

from loaders.build import DATA_DIR
from programme_analysis import queries
from programme_analysis.methodology_essay import essay, facts, placeholders
from programme_analysis.texts import LANGUAGES, text
from tests.app_pages import run_page


def _cited_community_years() -> list[int]:
    """The years of the community figures in population.csv, read from the file itself."""
    with open(DATA_DIR / "reference" / "population.csv", encoding="utf-8", newline="") as handle:
        return sorted(
            {
                int(row["reference_date"][:4])
                for row in csv.DictReader(handle)
                if row["entity"] == "community" and row["reference_date"]
            }
        )


def test_both_languages_have_the_same_sections_and_placeholders():
    values = {name: "x" for name in placeholders("uk")}
    assert list(essay("uk", values)) == list(essay("en", values))
    assert placeholders("uk") == placeholders("en") == {"cited_years", "page_sources"}
    assert all(section.heading and section.body for section in essay("en", values).values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_placeholder_is_filled_from_the_data(database, lang):
    sections = essay(lang, facts(queries.population(database), lang))
    shown = " ".join(s.heading + " " + s.body for s in sections.values())
    assert not re.search(r"\{\w*\}", shown)
    years = _cited_community_years()
    assert f"{years[0]}–{years[-1]}" in sections["per_resident"].body
    assert text("page_sources", lang) in sections["gaps"].body


def test_the_essay_has_no_line_breaks_inside_a_paragraph():
    body = essay("en", {name: "x" for name in placeholders("en")})["per_resident"].body
    assert "\n" not in body and "  " not in body


def test_the_methodology_page_shows_the_essay_with_the_years_of_the_data(database, monkeypatch):
    monkeypatch.setenv("PROGRAMMES_DB", str(database))
    app = run_page("pages/methodology.py", {"lang": "en"})
    expected = essay("en", facts(queries.population(database), "en"))
    assert [h.value for h in app.header] == [s.heading for s in expected.values()]
    assert all(any(m.value == s.body for m in app.markdown) for s in expected.values())
