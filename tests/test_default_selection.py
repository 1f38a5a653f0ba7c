"""The sidebar's default choice of communities: all of a few, a bounded number of many, and the page says which."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.national_data import main as write_national_data
from programme_analysis import queries
from programme_analysis.community_selection import DEFAULT_COMMUNITY_LIMIT, default_communities
from programme_analysis.texts import text
from tests.app_pages import run_page, served_like_the_server  # noqa: F401 (fixture)


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """A synthetic database with a few more communities than the default shows."""
    database = tmp_path_factory.mktemp("many") / "programmes.duckdb"
    assert (
        write_national_data(
            ["--communities", str(DEFAULT_COMMUNITY_LIMIT + 4), "--db", str(database), "--quiet", "--seed", "5"]
        )
        == 0
    )
    return database


def _largest(database: Path) -> list[str]:
    """The communities with the largest planned total, read with SQL of its own (not through the rule's code)."""
    rows = queries.read_sql(
        database,
        f"""SELECT community_id FROM communities LEFT JOIN programme_years USING (community_id) GROUP BY community_id
            ORDER BY SUM(planned_total_thousand_uah) DESC NULLS LAST, community_id LIMIT {DEFAULT_COMMUNITY_LIMIT}""",
    )
    return sorted(rows["community_id"])


def _open(database: Path, monkeypatch, params: dict | None = None, page: str | None = None) -> AppTest:
    monkeypatch.setenv("PROGRAMMES_DB", str(database))
    return run_page(page, params, timeout=60)


def _note(app: AppTest) -> list[str]:
    opening = text("default_selection_note", app.session_state["choices"].lang).split("{")[0]
    return [m.value for m in app.markdown if m.value.startswith(opening)]


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_many_communities_default_to_the_largest_and_the_page_says_so(many, monkeypatch, lang):
    app = _open(many, monkeypatch, {"lang": lang})
    loaded = len(queries.communities(many))
    assert loaded > DEFAULT_COMMUNITY_LIMIT
    chosen = app.sidebar.multiselect[0].value
    assert sorted(chosen) == _largest(many)
    assert len(app.sidebar.multiselect[0].options) == loaded  # every community can still be chosen
    assert "c" not in app.query_params  # the default stays out of the link
    assert _note(app) == [text("default_selection_note", lang).format(shown=DEFAULT_COMMUNITY_LIMIT, loaded=loaded)]
    (link,) = app.get("page_link")
    assert link.proto.label == text("default_selection_peers", lang) and link.proto.page.endswith("peers")
    # one overview card each
    assert len(app.columns) >= DEFAULT_COMMUNITY_LIMIT and len(app.get("metric")) == 4 * DEFAULT_COMMUNITY_LIMIT


@pytest.mark.usefixtures("served_like_the_server")
def test_a_chosen_community_stays_in_the_link_and_the_note_goes(many, monkeypatch):
    app = _open(many, monkeypatch, {"lang": "en"})
    shown = app.sidebar.multiselect[0].value  # ids (the options are the names)
    other_id = next(c for c in queries.communities(many)["community_id"] if c not in shown)
    app.sidebar.multiselect[0].set_value([*shown, other_id]).run()
    assert not app.exception
    link = app.query_params["c"]
    assert len(link) == DEFAULT_COMMUNITY_LIMIT + 1 and other_id in link
    assert _note(app) == [] and not app.get("page_link")
    reopened = _open(many, monkeypatch, {"lang": "en", "c": link}, page="pages/spending_by_year.py")
    assert sorted(reopened.session_state["choices"].community_ids) == sorted(link)


def test_the_presentation_shows_the_bounded_default(many, monkeypatch):
    app = _open(many, monkeypatch, {"lang": "en", "present": "1"})
    assert sorted(app.session_state["choices"].community_ids) == _largest(many)
    assert len(app.get("metric")) == 3 * DEFAULT_COMMUNITY_LIMIT  # the first slide: one card per community shown


def test_a_few_communities_default_to_all_without_a_note(database, monkeypatch):
    app = _open(database, monkeypatch, {"lang": "en"})
    assert app.sidebar.multiselect[0].value == queries.communities(database)["community_id"].tolist()
    assert _note(app) == [] and not app.get("page_link")


def test_the_rule_ranks_by_total_puts_unknown_totals_last_and_keeps_an_upload():
    programmes = pd.DataFrame(
        {"community_id": ["a", "b", "b", "c", "d", "e"], "planned_total_thousand_uah": [5.0, 1.0, 2.0, None, 4.0, 4.0]}
    )
    ids = ["a", "b", "c", "d", "e"]
    assert default_communities(programmes, ids, limit=5) == ids  # no more than the limit: all
    assert default_communities(programmes, ids, limit=2) == ["a", "d"]  # 5.0, then 4.0 twice: the tie goes by id
    # b: 1.0 + 2.0 over two programmes; c's total is unknown: last
    assert default_communities(programmes, ids, limit=4) == [
        "a",
        "b",
        "d",
        "e",
    ]
    # this session's upload is never hidden
    assert default_communities(programmes, ids, limit=2, always=["c"]) == [
        "a",
        "c",
        "d",
    ]
