"""No module outside tests/ names one of the loaded communities or says how many there are:
a new community is data (python -m loaders add), never code."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = re.compile(
    r"khmelnytsk|oleksandri|zdolbuniv|\bmena\b|хмельниц|олександрі|здолбун|менськ|\bfour\b|чотир", re.IGNORECASE
)

# Modules that other branches rewrite (issue 11: the genre extractors, the breakdown's source line, the
# money views' doctest). Each must leave this list when its branch lands; the test fails if a listed
# file no longer names a community, so the list can only shrink.
NOT_YET: set[str] = set()


def _modules() -> list[Path]:
    skip = {"tests", ".venv", "venv", "data", "screenshots", ".git", "mutants"}  # mutants/: mutmut's git-ignored copies
    return [p for p in ROOT.rglob("*") if p.suffix in {".py", ".sql"} and not skip & set(p.relative_to(ROOT).parts)]


def test_no_module_names_a_community():
    naming = {str(p.relative_to(ROOT)): NAMES.findall(p.read_text(encoding="utf-8")) for p in _modules()}
    naming = {path: found for path, found in naming.items() if found}
    assert set(naming) - NOT_YET == set(), {p: naming[p] for p in set(naming) - NOT_YET}
    assert NOT_YET - set(naming) == set(), (
        f"no longer names a community, remove from NOT_YET: {sorted(NOT_YET - set(naming))}"
    )
