"""Every key of the catalogue of interface strings is used: named in the code as a literal, or built
from a prefix by an f-string (``f"slide_{name}"``). A key nobody asks for is dead text to translate."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from programme_analysis.texts import TEXTS

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "programme_analysis" / "texts.py"


def _code() -> str:
    files = subprocess.run(
        ["git", "ls-files", "*.py", "*.md"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return "\n".join(
        (ROOT / name).read_text(encoding="utf-8")
        for name in files
        if (ROOT / name) != CATALOGUE and (ROOT / name).is_file()
    )


def unused_keys(keys, code: str) -> list[str]:
    """The keys that ``code`` names neither as a quoted literal nor by a prefix an f-string completes."""
    prefixes = set(re.findall(r"f[\"']([a-z_]+)\{", code))
    return [
        key
        for key in keys
        if not re.search(r"[\"']" + re.escape(key) + r"[\"']", code)
        and not any(key.startswith(prefix) for prefix in prefixes)
    ]


def test_the_rule_finds_a_key_nobody_names():
    code = 'text("used_key")\ntext(f"slide_{name}")'
    assert unused_keys(["used_key", "slide_map", "lonely_key", "used"], code) == ["lonely_key", "used"]


def test_every_text_key_is_used():
    assert unused_keys(TEXTS, _code()) == []
