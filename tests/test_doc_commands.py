"""Every command that README.md and docs/ give is checked by running it.

A command of this project (``python -m loaders …``, ``python -m bench.…``, ``python -m tests.…``,
``python -m ui.server …``) is run with its real argument parser: the module runs as ``__main__`` with the documented
arguments, and stops when its parser has read them, before any work. An unknown option, a missing argument or a
wrong choice fails here. What the commands then do is tested by the tests of each subject (the build, the export,
``add``, the corpus, the server). A command of another tool (pip, apt-get, streamlit, pytest, mutmut) must be one
of those named below, each with the test or the CI step that runs it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.doc_commands import _PROJECT, ROOT, documented_commands

# Another tool's command, by how it begins: where it is run.
OTHER_TOOLS = {
    "sudo apt-get install": ".ci/run installs the same Debian packages (tests/test_docs.py checks the list)",
    "apt-get install": ".ci/run",
    "python3 -m venv": ".ci/run",
    ".venv/bin/pip install -r": ".ci/run",
    "pip install": ".ci/run",
    ".venv/bin/streamlit run dashboard.py": "tests/browser_app.py starts the dashboard with it",
    "streamlit run dashboard.py": "tests/browser_app.py",
    ".venv/bin/python -m pytest": ".ci/run runs both tiers",
    "pytest": ".ci/run",
    ".venv/bin/mutmut": "tests.mutation runs mutmut; mutation testing is a slow check of its own (docs/testing.md)",
    "frictionless validate": "tests/test_export.py validates the package with frictionless",
}

# Run inside a fresh interpreter: each command as ``python -m module args``, its parser stopped once it has read them.
_PARSE_ONLY = r"""
import argparse, json, runpy, sys

class Parsed(Exception):
    pass

original = argparse.ArgumentParser.parse_args

def parse_args(self, args=None, namespace=None):
    original(self, args, namespace)
    raise Parsed

argparse.ArgumentParser.parse_args = parse_args
results = {}
for module, args in json.loads(sys.argv[1]):
    sys.argv = [module, *args]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        results[f"{module} {' '.join(args)}"] = "ran without reading its arguments with argparse"
    except Parsed:
        results[f"{module} {' '.join(args)}"] = "parsed"
    except SystemExit as exc:
        results[f"{module} {' '.join(args)}"] = f"the parser refused the arguments (exit {exc.code})"
print(json.dumps(results))
"""


def _placeholders(args: str) -> list[str]:
    """The arguments, a placeholder in angle brackets (``<cores>``) given a value."""
    return [re.sub(r"^<[^>]+>$", "2", word) for word in args.split()]


def test_the_docs_give_commands():
    commands = [command for _, command in documented_commands()]
    assert any(_PROJECT.match(c) for c in commands) and ".venv/bin/streamlit run dashboard.py" in commands


def test_every_documented_command_is_the_projects_or_a_tool_with_a_test():
    unknown = [
        (f, c)
        for f, c in documented_commands()
        if not _PROJECT.match(c) and not any(c.startswith(t) for t in OTHER_TOOLS)
    ]
    assert unknown == [], "commands in the docs that no test runs (add a test, or name the tool in OTHER_TOOLS)"


def test_every_project_command_in_the_docs_is_read_by_its_own_parser():
    commands = sorted({(m["module"], m["args"].strip()) for _, c in documented_commands() if (m := _PROJECT.match(c))})
    for module, _ in commands:
        source = ROOT / module.replace(".", "/")
        main = source / "__main__.py" if source.is_dir() else source.with_suffix(".py")
        assert "argparse" in main.read_text(encoding="utf-8"), (
            f"{module}: a documented command must read its arguments with argparse"
        )
    payload = json.dumps([(module, _placeholders(args)) for module, args in commands])
    run = subprocess.run(
        [sys.executable, "-c", _PARSE_ONLY, payload], cwd=ROOT, capture_output=True, text=True, timeout=240
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout.strip().splitlines()[-1])
    assert {command: result for command, result in results.items() if result != "parsed"} == {}
    assert len(results) == len(commands)


@pytest.mark.parametrize("pattern", ["--definitely-not-an-option", "no-such-command"])
def test_a_wrong_command_is_refused_by_the_parse_check(pattern):
    payload = json.dumps([("loaders", [pattern])])
    run = subprocess.run(
        [sys.executable, "-c", _PARSE_ONLY, payload], cwd=ROOT, capture_output=True, text=True, timeout=240
    )
    assert "refused" in json.loads(run.stdout.strip().splitlines()[-1])[f"loaders {pattern}"]
