"""The server's warm-up (``app_server.warm_up``): every step runs on a built database, and a missing database is
left to the first visit (which builds it and says so), never built by the warm-up."""

from __future__ import annotations

import logging

from app_server import warm_up


def test_every_step_of_the_warm_up_runs_on_a_built_database(database, monkeypatch, caplog):
    monkeypatch.setenv("PROGRAMMES_DB", str(database))
    calls = []
    monkeypatch.setattr("app_state._cached", lambda function, name, *rest: calls.append(name) or function(database, *rest[-1]))
    with caplog.at_level(logging.INFO, logger="app_server.warm_up"):
        warm_up.warm_up()
    assert [r.message for r in caplog.records if r.name == "app_server.warm_up" and r.levelno >= logging.WARNING] == []
    assert any("warmed up" in r.message for r in caplog.records)
    # the queries the entry runs on every visit, by the names its cache keys them by
    assert {"programme_analysis.queries.communities", "programme_analysis.queries.programmes", "programme_analysis.queries.reference"} <= set(calls)


def test_a_missing_database_is_not_built_by_the_warm_up(tmp_path, monkeypatch, caplog):
    missing = tmp_path / "programmes.duckdb"
    monkeypatch.setenv("PROGRAMMES_DB", str(missing))
    with caplog.at_level(logging.INFO, logger="app_server.warm_up"):
        warm_up.warm_up()
    assert not missing.exists()
    assert [r.message for r in caplog.records if r.name == "app_server.warm_up" and r.levelno >= logging.WARNING] == []
