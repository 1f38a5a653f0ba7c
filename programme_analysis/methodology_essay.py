"""The methodology page's essay: one Markdown file per language (``methodology/uk.md``, ``en.md``).

Each section is a second-level heading ending in its id (``## Per resident {#per_resident}``) and the
paragraphs under it. Facts about the data (the years of the cited population figures) and the
names of other pages are placeholders in braces, filled here from the database and the catalogue
of interface strings (:mod:`programme_analysis.texts`), never typed into the essay.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .texts import DEFAULT_LANGUAGE, LANGUAGES, text

ESSAYS = Path(__file__).resolve().parent / "methodology"
_HEADING = re.compile(r"^## (?P<heading>.+?) \{#(?P<id>\w+)\}\s*$", re.MULTILINE)


class Section(NamedTuple):
    heading: str
    body: str  # Markdown


@cache
def _sections(lang: str) -> dict[str, Section]:
    source = (ESSAYS / f"{lang}.md").read_text(encoding="utf-8")
    matches = list(_HEADING.finditer(source))
    sections = {}
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        body = source[match.end() : following.start() if following else len(source)].strip()
        # lines wrapped in the file join up again
        paragraphs = [" ".join(paragraph.split("\n")) for paragraph in body.split("\n\n")]
        sections[match["id"]] = Section(match["heading"], "\n\n".join(paragraphs))
    return sections


def placeholders(lang: str) -> set[str]:
    """The names in braces that the essay in ``lang`` asks for."""
    return {
        name
        for section in _sections(lang).values()
        for name in re.findall(r"\{(\w+)\}", section.heading + section.body)
    }


def facts(population: pd.DataFrame, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The values of the placeholders, from ``queries.population`` and the catalogue of strings.

    >>> frame = pd.DataFrame({"entity": ["community", "community", "city"], "figure_source": ["cited", "cited", "cited"],
    ...                       "reference_date": ["2019", "2022-01-01", "2022-01-01"]})
    >>> facts(frame, "en")["cited_years"]
    '2019–2022'
    """
    cited = population[(population["entity"] == "community") & (population["figure_source"] == "cited")]
    years = sorted({int(str(date)[:4]) for date in cited["reference_date"].dropna()})
    span = "–".join(dict.fromkeys([str(years[0]), str(years[-1])])) if years else text("population_unknown", lang)
    return {"cited_years": span, "page_sources": text("page_sources", lang)}


def essay(lang: str, values: dict[str, str]) -> dict[str, Section]:
    """``{section id: Section}`` in the file's order, its placeholders filled from ``values``."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return {key: Section(s.heading.format_map(values), s.body.format_map(values)) for key, s in _sections(lang).items()}
