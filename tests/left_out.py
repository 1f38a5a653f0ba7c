"""A database of every document but one, built like the real one: the one left out is what a test uploads or adds.

The document left out is the one whose programme starts first (its years read by hand in ``golden/detected.csv``):
adding it adds a year that no other programme has, so the sidebar's "all years" must grow with it."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from loaders.build import DATA_DIR, build

GOLDEN = Path(__file__).parent / "golden"


def _documents() -> list[dict[str, str]]:
    with open(DATA_DIR / "sources" / "documents.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _earliest() -> dict[str, str]:
    """The document whose programme starts first (years read by hand in golden/detected.csv): uploading
    it adds a year that no other programme has, so the sidebar's "all years" must grow with it."""
    with open(GOLDEN / "detected.csv", encoding="utf-8") as handle:
        first = min(csv.DictReader(handle), key=lambda r: int(r["year_from"]))
    return next(d for d in _documents() if d["source_file"] == first["source_file"])


LEFT_OUT = _earliest()  # the shared database lacks this document; the test uploads it


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Path:
    """A database of every document but one, built like the real one (once per test module)."""
    return build_shared(tmp_path_factory)


def build_shared(tmp_path_factory) -> Path:
    """A database of every document but one, built like the real one."""
    tmp = tmp_path_factory.mktemp("shared")
    data = tmp / "data"
    shutil.copytree(DATA_DIR / "sources", data / "sources")
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    rows = [r for r in _documents() if r["programme_id"] != LEFT_OUT["programme_id"]]
    with open(data / "sources" / "documents.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    path = tmp / "shared.duckdb"
    assert build(path, data_dir=data, progress=False).ok
    return path
