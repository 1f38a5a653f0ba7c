"""The guard that keeps tests out of data/ notices a file added, changed or removed."""

from __future__ import annotations

import os

from loaders.build import DATA_DIR, default_database
from tests.conftest import data_snapshot, snapshot_changes


def test_every_test_builds_its_default_database_in_a_temporary_folder():
    assert DATA_DIR not in default_database().parents


def test_snapshot_notices_added_changed_and_removed_files(tmp_path):
    (tmp_path / "kept.csv").write_text("a")
    (tmp_path / "edited.csv").write_text("b")
    (tmp_path / "gone.csv").write_text("c")
    before = data_snapshot(tmp_path)
    (tmp_path / "gone.csv").unlink()
    (tmp_path / "edited.csv").write_text("bb")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "programmes.duckdb").write_bytes(b"x")
    assert snapshot_changes(before, data_snapshot(tmp_path)) == [
        "added: sub/programmes.duckdb",
        "removed: gone.csv",
        "changed: edited.csv",
    ]


def test_snapshot_notices_a_touch_without_a_change_of_size(tmp_path):
    (tmp_path / "cpi.csv").write_text("same")
    before = data_snapshot(tmp_path)
    stamp = before["cpi.csv"][1] + 5_000_000_000
    os.utime(tmp_path / "cpi.csv", ns=(stamp, stamp))
    assert snapshot_changes(before, data_snapshot(tmp_path)) == ["changed: cpi.csv"]
