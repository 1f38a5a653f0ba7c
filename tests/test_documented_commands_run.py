"""Every project command the README and docs give is run, at a small scale (the slow tier: ``pytest -m slow``).

``tests/test_doc_commands.py`` (default tier) reads every documented command with its own parser; the commands of
``loaders`` and ``ui.server`` are run by the default tier's tests (``DEFAULT_TIER`` names where). Here each other
documented module is run as a reader would run it, with arguments that make it small (fewer repeats, documents,
readers, seconds), and must end without an error and leave the repository as it was.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.doc_commands import _PROJECT, documented_commands

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent

# Documented modules that a default-tier test runs (the CLI's main, or the module in a process), and where.
DEFAULT_TIER = {
    "loaders": ("tests/test_faults.py", "tests/test_export.py", "tests/test_parquet.py", "tests/test_docs.py"),
    "ui.server": ("tests/test_server.py",),
    "bench.national_data": ("tests/test_national_data.py",),
}

# The other documented modules, each with the arguments of a small run ({tmp}: the test's temporary folder).
SMALL_RUNS = {
    "bench.page_reruns": ["--repeat", "1"],
    "bench.cold_start": ["--runs", "1"],
    "bench.concurrent_sessions": [
        *("--processes", "1", "--sessions", "2", "--seconds", "4", "--think", "1"),
        *("--solo-seconds", "2", "--saturate-seconds", "2"),
    ],
    "bench.loader_throughput": ["--documents", "3", "--office-documents", "2", "--runs", "1"],
    "bench.read_programmes": ["--documents", "1", "--repeat", "1"],
    "bench.read_formats": ["--repeat", "1"],
    "bench.read_scans": ["--repeat", "1"],
    "bench.run": ["--repeat", "1", "--warmup", "0", "--no-progress", "--results-dir", "{tmp}"],
    "bench.synthetic.corpus": ["--sweep", "2", "--seed", "1"],
    "bench.synthetic.office_copies": ["--formats", "odt", "--out", "{tmp}"],
    "tests.mutation": ["--scores"],
}


def _documented_modules() -> set[str]:
    return {m["module"] for _, command in documented_commands() if (m := _PROJECT.match(command))}


def test_every_documented_module_is_run_by_a_test():
    assert _documented_modules() - set(DEFAULT_TIER) - set(SMALL_RUNS) == set()
    for module, files in DEFAULT_TIER.items():
        for name in files:
            source = (ROOT / name).read_text(encoding="utf-8")
            assert module.rsplit(".", 1)[-1] in source, f"{name} does not run {module}"


def _repository_state() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize("module", sorted(SMALL_RUNS))
def test_a_documented_command_runs_at_a_small_scale(module, tmp_path):
    before = _repository_state()
    args = [arg.format(tmp=tmp_path) for arg in SMALL_RUNS[module]]
    run = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, (run.stdout[-2000:], run.stderr[-4000:])
    assert _repository_state() == before, "the command changed files in the repository"
