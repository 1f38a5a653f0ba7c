"""Shared fixtures: one database built from data/ for the whole test session.

No test writes outside a temporary folder: every test runs with ``PROGRAMMES_DB`` pointing into the
session's temporary folder (so an AppTest run of the entry never builds ``data/programmes.duckdb``),
Hypothesis keeps its example database in the user's cache folder, not in the working tree (so a failing example
replays on the next run), and the session fails when anything under
``data/`` was created, changed or deleted while the tests ran.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

import loaders.build
from loaders.build import DATA_DIR, DB_ENV_VAR, build
from tests.browser_app import chromium, streamlit_server, without_chromium

# the scripts that write the hand-made documents are no test modules: --doctest-modules would import them, and each
# import wrote its document again into tests/fixtures/hand/
collect_ignore_glob = ["fixtures/*"]
GOLDEN = Path(__file__).parent / "golden"
# AppTest: an unexpected error on a page is raised again after the sentence users see, so that app.exception shows it.
os.environ["DASHBOARD_RAISE_ERRORS"] = "1"

# A failing example is saved outside the repository and tried first on the next run: HYPOTHESIS_EXAMPLES names the
# folder (default: ~/.cache/programme-dashboard/hypothesis).
EXAMPLES = Path(os.environ.get("HYPOTHESIS_EXAMPLES", Path.home() / ".cache" / "programme-dashboard" / "hypothesis"))
settings.register_profile("saved", database=DirectoryBasedExampleDatabase(EXAMPLES))
# python -m tests.mutation runs every test once per mutant: fewer, reproducible examples, nothing saved
settings.register_profile("mutation", database=None, max_examples=25, derandomize=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "saved"))


def data_snapshot(root: Path = DATA_DIR) -> dict[str, tuple[int, int]]:
    """``{relative path: (size, mtime in ns)}`` of every file under ``root``."""
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def snapshot_changes(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    """What differs between two snapshots, as ``added/changed/removed: path`` lines."""
    changes = [f"added: {p}" for p in sorted(after.keys() - before.keys())]
    changes += [f"removed: {p}" for p in sorted(before.keys() - after.keys())]
    changes += [f"changed: {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    return changes


@pytest.fixture(scope="session", autouse=True)
def _data_folder_is_untouched():
    """Fail the session when a test created, changed or removed a file under data/."""
    before = data_snapshot()
    yield
    changes = snapshot_changes(before, data_snapshot())
    assert not changes, f"tests wrote into {DATA_DIR} (tests may write only to temporary folders): {changes}"


# The fixtures that build a database (from data/, or a synthetic one): a test that asks for one of them is marked
# ``database`` (pytest_collection_modifyitems below).
BUILDING_FIXTURES = frozenset(
    {
        "database",
        "built_copy",
        "data",
        "shared",
        "good_db",
        "built",
        "two_programmes",
        "many",
        "national",
        "one_colour",
        "synthetic",
    }
)
# What a test without the marker built: the guard below fails the test when this is not empty (and it has not failed).
UNMARKED_BUILDS = pytest.StashKey[list]()
ALREADY_FAILED = pytest.StashKey[bool]()
_RUNNING: list[pytest.Item] = []  # the test being set up, run or torn down (a module fixture builds in its setup)
_WRITE = loaders.build.build_database


def _guarded_write(target, *args, **kwargs):
    """Every build writes through ``loaders.build.build_database``: one made for a test without the ``database``
    marker (by the test, a fixture of any scope it asked for, or the app in an AppTest thread) fails that test."""
    item = _RUNNING[-1] if _RUNNING else None
    if item is not None and not item.get_closest_marker("database"):
        item.stash.setdefault(UNMARKED_BUILDS, []).append(Path(target))
        pytest.fail(f"{item.nodeid} builds a database ({target}) without the database marker")
    return _WRITE(target, *args, **kwargs)


loaders.build.build_database = _guarded_write


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem):
    _RUNNING.append(item)
    try:
        return (yield)
    finally:
        _RUNNING.pop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    if report.failed:
        item.stash[ALREADY_FAILED] = True
    return report


@pytest.fixture(autouse=True)
def _builds_carry_the_marker(request):
    """A build the test did not see fail (the app's, in an AppTest thread) still fails the test at its end."""
    yield
    builds = request.node.stash.get(UNMARKED_BUILDS, [])
    if builds and not request.node.stash.get(ALREADY_FAILED, False):
        pytest.fail(f"{request.node.nodeid} built {[str(b) for b in builds]} without the database marker")


@pytest.fixture(scope="session")
def _session_db_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("db")


@pytest.fixture(autouse=True)
def _database_in_tmp(_session_db_dir, monkeypatch):
    """Every test sees PROGRAMMES_DB in the session's temporary folder (a test may set its own)."""
    monkeypatch.setenv(DB_ENV_VAR, str(_session_db_dir / "default.duckdb"))


@pytest.fixture(scope="session")
def database(_session_db_dir) -> Path:
    path = _session_db_dir / "programmes.duckdb"
    report = build(path, progress=False)
    assert report.ok, report.failures
    return path


@pytest.fixture(scope="module")
def server(database):
    """``streamlit run dashboard.py`` on the session's database, one server per browser test module."""
    with streamlit_server(database) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server):
    """Debian's chromium through playwright, one per browser test module."""
    with chromium() as browser:
        yield browser


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


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory) -> Path:
    """data/ copied once per test module, with a database built from it."""
    root = tmp_path_factory.mktemp("built") / "data"
    shutil.copytree(DATA_DIR / "sources", root / "sources")
    shutil.copytree(DATA_DIR / "reference", root / "reference")
    assert build(root / "programmes.duckdb", data_dir=root, progress=False).ok
    return root


@pytest.fixture()
def data(built_copy, tmp_path) -> Path:
    """A writable copy of data/ with its database, for a test that adds documents to it."""
    target = tmp_path / "data"
    shutil.copytree(built_copy, target)
    return target


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the built database, so that fast runs (mutation testing) can leave them out:
    ``-m "not database"``; skip the browser tier, with the reason, where chromium is missing."""
    reason = without_chromium() if any(item.get_closest_marker("browser") for item in items) else None
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.database)
        if reason and item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.skip(reason=reason))
