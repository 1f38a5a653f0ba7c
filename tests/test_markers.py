"""The ``database`` marker is complete: a test that builds a database without it fails (tests/conftest.py)."""

from __future__ import annotations

import ast
from pathlib import Path

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
def test_a_marked_test_builds_through_the_real_writer(tmp_path):
    target = tmp_path / "marked.duckdb"
    assert loaders.build.build_database(target, {}, lambda con: []) == []
    assert target.is_file()


def test_every_building_fixture_named_is_a_fixture_of_the_tests():
    """The list the marker is given by names fixtures that exist (a renamed fixture would leave its tests unmarked)."""
    defined = set()
    for path in Path(__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any("fixture" in ast.unparse(d) for d in node.decorator_list):
                defined.add(node.name)
    assert defined >= BUILDING_FIXTURES, BUILDING_FIXTURES - defined
