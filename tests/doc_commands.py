"""The commands the README and docs give: every line of a code block or code span that begins with a command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PROJECT_MODULES = ("loaders", "bench", "tests", "ui", "synthetic")

_CODE = re.compile(r"```[^\n]*\n(?P<block>.*?)```|`(?P<inline>[^`\n]+)`", re.DOTALL)
_COMMAND = re.compile(r"^(sudo |\.venv/bin/)?(python3?|pip|pytest|streamlit|mutmut|apt-get|frictionless)(?=\s|$)")
_PROJECT = re.compile(
    r"^(?:\.venv/bin/)?python3? -m (?P<module>(?:" + "|".join(PROJECT_MODULES) + r")(?:\.\w+)*)(?P<args>(?: .*)?)$"
)


def documented_commands() -> list[tuple[str, str]]:
    """``(file, command)`` for each command in a code span or a code block line: a line that begins with a command
    (a layout's description that names one further on is prose). A comment after ``#`` is left out; commands joined
    with ``&&`` are taken one by one."""
    found = []
    for document in DOCUMENTS:
        for match in _CODE.finditer(document.read_text(encoding="utf-8")):
            text = match.group("block") if match.group("block") is not None else match.group("inline")
            for line in text.splitlines():
                for command in line.split("  #", 1)[0].split(" && "):
                    command = command.strip()
                    if _COMMAND.match(command):
                        found.append((document.relative_to(ROOT).as_posix(), command))
    return found
