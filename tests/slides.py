"""The number of presentation slides, read from pages/presentation.py (so tests follow the page)."""

from __future__ import annotations

import ast
from pathlib import Path

PRESENTATION = Path(__file__).resolve().parent.parent / "pages" / "presentation.py"


def slide_names() -> tuple[str, ...]:
    for node in ast.parse(PRESENTATION.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "SLIDES" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise AssertionError("pages/presentation.py has no SLIDES tuple")


SLIDE_COUNT = len(slide_names())
