"""A community's next programme: two programmes of one community, added as a user adds one, each keep their own
totals on every page and chart.

The second programme is the community's real document with every year moved two years on (2021–2025 becomes
2023–2027), so the two overlap in three years, the case where bars were drawn on top of each other.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from loaders.__main__ import main
from loaders.build import DATA_DIR
from programme_analysis import figures, queries, tables
from programme_analysis.formatting import format_amount

from .app_pages import DATA_PAGES, open_page, with_sections
from .conftest import GOLDEN

PAGES = with_sections([*DATA_PAGES, "pages/peer_comparison.py", "pages/methodology.py", "pages/add_programme.py"])
SHIFT = 2

# The golden yearly totals, checked against the document (tests/golden/README): the community with the most years.
GOLDEN_TOTALS = pd.read_csv(GOLDEN / "programme_totals.csv", dtype={"stated_total_thousand_uah": str})
COMMUNITY = GOLDEN_TOTALS["community_id"].value_counts().idxmax()
OWN = GOLDEN_TOTALS[GOLDEN_TOTALS["community_id"] == COMMUNITY]
TOTAL = sum(Decimal(v) for v in OWN["stated_total_thousand_uah"])


def _document() -> dict[str, str]:
    rows = pd.read_csv(DATA_DIR / "sources" / "documents.csv", dtype=str, keep_default_na=False)
    return rows[rows["community_id"] == COMMUNITY].iloc[0].to_dict()


@pytest.fixture(scope="module")
def two_programmes(tmp_path_factory) -> Path:
    """data/ copied, and the community's next programme added with ``loaders add``."""
    root = tmp_path_factory.mktemp("two") / "data"
    shutil.copytree(DATA_DIR / "sources", root / "sources")
    shutil.copytree(DATA_DIR / "reference", root / "reference")
    text = (DATA_DIR / "sources" / _document()["source_file"]).read_text(encoding="utf-8")
    moved = re.sub(r"\b20\d\d\b", lambda m: str(int(m.group()) + SHIFT), text)
    incoming = root.parent / "next_programme.txt"
    incoming.write_text(moved, encoding="utf-8")
    database = root / "programmes.duckdb"
    assert (
        main(
            [
                "add",
                str(incoming),
                "--data-dir",
                str(root),
                "--db",
                str(database),
                "--quiet",
                "--community-id",
                COMMUNITY,
            ]
        )
        == 0
    )
    return database


@pytest.fixture()
def programmes(two_programmes) -> pd.DataFrame:
    frame = queries.programmes(two_programmes)
    return frame[frame["community_id"] == COMMUNITY]


def test_the_community_has_two_programmes_that_overlap(programmes):
    first, last = int(OWN["year"].min()), int(OWN["year"].max())
    assert sorted(zip(programmes["year_from"], programmes["year_to"], strict=True)) == [
        (first, last),
        (first + SHIFT, last + SHIFT),
    ]


def test_each_programme_keeps_its_own_total(two_programmes, programmes):
    with duckdb.connect(str(two_programmes), read_only=True) as con:
        totals = con.execute(
            "SELECT programme_id, SUM(planned_total_thousand_uah) FROM programme_years WHERE community_id = ? GROUP BY programme_id",
            [COMMUNITY],
        ).fetchall()
    assert sorted(Decimal(str(v)) for _, v in totals) == [TOTAL, TOTAL]  # not one sum of both
    years = queries.programme_years(two_programmes, [COMMUNITY])
    cards = tables.overview_cards(programmes, years, "en")
    assert len(cards) == 2 and cards["programme_id"].is_unique
    assert cards["total"].tolist() == [format_amount(float(TOTAL), "en")] * 2
    assert all("whole programme" in label for label in cards["total_label"])


def test_the_yearly_chart_draws_each_programme_apart_with_its_years(two_programmes):
    years = queries.programme_years(two_programmes, [COMMUNITY])
    fig = figures.totals_by_year(years, "en")
    bars = [trace for trace in fig.data if trace.type == "bar" and trace.legendgroup != "gap"]
    assert len(bars) == 2
    first, last = int(OWN["year"].min()), int(OWN["year"].max())
    assert sorted(trace.name.rsplit(" ", 1)[1] for trace in bars) == [
        f"{first}–{last}",
        f"{first + SHIFT}–{last + SHIFT}",
    ]
    positions = [set(figures_x) for figures_x in (trace.x for trace in bars)]
    assert not positions[0] & positions[1]  # in the shared years the bars stand side by side, not on top of each other
    for trace in bars:  # each bar's value is its own programme's total of the year (the same document, moved)
        values = sorted(Decimal(str(round(v, 1))) for v in trace.y)
        assert values == sorted(Decimal(v) for v in OWN["stated_total_thousand_uah"])


def test_category_charts_keep_the_programmes_apart(two_programmes):
    years = sorted(queries.programme_years(two_programmes, [COMMUNITY])["year"].unique().tolist())
    spending = queries.spending(two_programmes, [COMMUNITY], years)
    treemap = figures.category_treemap(spending, "en").data[0]
    assert len(set(treemap.ids)) == len(treemap.ids)  # Plotly draws nothing when two nodes share an id
    roots = [label for label, parent in zip(treemap.labels, treemap.parents, strict=True) if parent == ""]
    assert len(roots) == 2 and len(set(roots)) == 2
    bars = figures.category_bars(spending, "en")
    assert len(set(bars.layout.yaxis.categoryarray)) == 2


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads_with_two_programmes_of_one_community(two_programmes, monkeypatch, page, lang):
    open_page(two_programmes, monkeypatch, page, {"lang": lang})
