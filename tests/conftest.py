"""Shared fixtures: one database built from data/ for the whole test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from loaders.build import DATA_DIR, build

GOLDEN = Path(__file__).parent / "golden"
# AppTest: an unexpected error on a page is raised again after the sentence users see, so that app.exception shows it.
os.environ["DASHBOARD_RAISE_ERRORS"] = "1"


@pytest.fixture(scope="session")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "programmes.duckdb"
    report = build(path, progress=False)
    assert report.ok, report.failures
    return path


@pytest.fixture()
def con(database):
    with duckdb.connect(str(database), read_only=True) as connection:
        yield connection


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ (sources and reference) for tests that break things."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR / "sources", target / "sources")
    shutil.copytree(DATA_DIR / "reference", target / "reference")
    return target
