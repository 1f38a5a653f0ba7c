"""The ``database`` marker is complete: a test that builds a database without it fails (tests/conftest.py)."""

from __future__ import annotations

import pytest

import loaders.build
from tests.conftest import BUILDING_FIXTURES, UNMARKED_BUILDS


def test_a_build_in_a_test_without_the_marker_fails_it(request, tmp_path):
    target = tmp_path / "unmarked.duckdb"
    with pytest.raises(pytest.fail.Exception, match="without the database marker"):
        loaders.build.build_database(target, {}, None)
    assert request.node.stash[UNMARKED_BUILDS] == [target]
    request.node.stash[UNMARKED_BUILDS].clear()  # seen: the guard's own test does not fail for it
    assert not target.exists()


@pytest.mark.database
def test_a_marked_test_builds_through_the_real_writer():
    assert loaders.build.build_database.__module__ == "loaders.load"


def test_tests_asking_for_a_built_database_are_marked(request):
    items = request.session.items
    asking = [i for i in items if BUILDING_FIXTURES & set(getattr(i, "fixturenames", ()))]
    assert all(i.get_closest_marker("database") for i in asking)
