"""A programme whose measures cannot be read is added with what was read, and every page draws it with the gap said.

The document is written here the way a council may write a short programme: a title with its year, the year's total in a
sentence, a partner in prose, and its measures as plain numbered lines that no reader of the genre takes for a list of
measures (no header, no «передбачається виконання таких заходів:»).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from loaders.__main__ import main
from loaders.build import DATA_DIR
from programme_analysis import queries
from programme_analysis.issue_messages import issue_message

from .app_pages import DATA_PAGES, open_page, with_sections

PAGES = with_sections([*DATA_PAGES, "pages/peer_comparison.py", "pages/methodology.py"])
COMMUNITY = pd.read_csv(DATA_DIR / "sources" / "documents.csv", dtype=str)["community_id"].iloc[0]
NAME_UK = (
    pd.read_csv(DATA_DIR / "sources" / "communities.csv", dtype=str).set_index("community_id").loc[COMMUNITY, "name_uk"]
)
YEAR = 2031


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("partial") / "data"
    shutil.copytree(DATA_DIR / "sources", root / "sources")
    shutil.copytree(DATA_DIR / "reference", root / "reference")
    incoming = root.parent / "short_programme.txt"
    incoming.write_text(
        f"Програма міжнародного співробітництва міста {NAME_UK} на {YEAR} рік\n"
        f"Обсяг фінансування Програми на {YEAR} рік становить 75,0 тис. гривень.\n"
        "Місто співпрацює з містом-побратимом Тарнів (Республіка Польща).\n"
        "1. Візити делегацій до міст-партнерів.\n"
        "2. Участь у міжнародних форумах.\n",
        encoding="utf-8",
    )
    path = root / "programmes.duckdb"
    assert (
        main(["add", str(incoming), "--data-dir", str(root), "--db", str(path), "--quiet", "--community-id", COMMUNITY])
        == 0
    )
    return path


def _programme(database: Path) -> str:
    programmes = queries.programmes(database)
    return programmes[(programmes["community_id"] == COMMUNITY) & (programmes["year_from"] == YEAR)][
        "programme_id"
    ].item()


def test_what_was_read_is_kept_and_the_measures_are_a_gap_not_zero(database):
    programme = _programme(database)
    with duckdb.connect(str(database), read_only=True) as con:
        measures = con.execute("SELECT COUNT(*) FROM measures WHERE programme_id = ?", [programme]).fetchone()[0]
        stated = con.execute(
            "SELECT scope, year, stated_total_thousand_uah FROM stated_totals WHERE programme_id = ?", [programme]
        ).fetchall()
        partners = con.execute(
            "SELECT partner_name_uk, country_code FROM partner_relationships WHERE programme_id = ?", [programme]
        ).fetchall()
        issues = con.execute(
            "SELECT severity, kind FROM issue_log WHERE programme_id = ? AND kind LIKE 'measures_%'", [programme]
        ).fetchall()
        category_spending = con.execute(
            "SELECT COUNT(*) FROM measure_amounts WHERE programme_id = ?", [programme]
        ).fetchone()[0]
    assert measures == 0 and category_spending == 0  # no amount is made up for a measure that was not read
    assert [(s, y, float(v)) for s, y, v in stated] == [("year", YEAR, 75.0)]
    assert partners == [("Тарнів", "PL")]
    assert issues == [("error", "measures_not_found")]


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_a_programme_without_measures(database, monkeypatch, page, lang):
    app = open_page(database, monkeypatch, page, {"lang": lang, "c": [COMMUNITY]})
    if page == "pages/sources.py":  # the gap is said where the programme's data issues are listed
        shown = " ".join(str(v) for frame in app.dataframe for v in frame.value.astype(str).to_numpy().ravel())
        assert issue_message("measures_not_found", "", lang) in shown
