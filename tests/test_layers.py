"""The layers of docs/project-layout.md, checked on the imports: pages draw, ``ui`` glues, ``programme_analysis``
computes without Streamlit, ``loaders`` load, ``bench.synthetic`` makes test documents, and neither ``bench`` nor any
package imports ``tests``. A layer is a dotted package name; a module belongs to the longest that names it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOP = ("pages", "ui", "programme_analysis", "loaders", "bench.synthetic", "bench", "tests", "streamlit", "dashboard")

# what each package must not import (its own name's top-level part)
FORBIDDEN = {
    # reads loaders' rules
    "programme_analysis": {
        "streamlit",
        "ui",
        "pages",
        "bench.synthetic",
        "bench",
        "tests",
        "dashboard",
    },
    "loaders": {"streamlit", "ui", "pages", "programme_analysis", "bench.synthetic", "bench", "tests", "dashboard"},
    "ui": {"pages", "bench.synthetic", "bench", "tests", "dashboard"},
    "bench.synthetic": {"streamlit", "ui", "pages", "programme_analysis", "bench", "tests", "dashboard"},
    "bench": {"tests"},
}


def layer_of(module: str) -> str | None:
    """The layer a dotted module name belongs to: the longest of ``TOP`` that is it or a package holding it."""
    found = [layer for layer in TOP if module == layer or module.startswith(layer + ".")]
    return max(found, key=len) if found else None


def imported_tops(path: Path) -> set[str]:
    """The layers a module imports (absolute imports only; a relative import stays in its package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return {layer for name in names if (layer := layer_of(name))}


def modules_of(package: str) -> list[Path]:
    """The modules of a layer, without those of a deeper layer inside it (bench/synthetic/ is not bench's)."""
    deeper = [ROOT / layer.replace(".", "/") for layer in TOP if layer.startswith(package + ".")]
    return [
        path
        for path in sorted((ROOT / package.replace(".", "/")).rglob("*.py"))
        if not any(path.is_relative_to(inner) for inner in deeper)
    ]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_imports_only_the_layers_below_it(package):
    assert modules_of(package), f"{package} has no modules: the layers are stale"
    wrong = {
        path.relative_to(ROOT).as_posix(): sorted(imported_tops(path) & FORBIDDEN[package])
        for path in modules_of(package)
    }
    assert {name: tops for name, tops in wrong.items() if tops} == {}


def test_the_import_check_sees_a_forbidden_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "import os\nfrom tests.documents import document\nfrom . import sibling\nimport streamlit as st\n"
        "from bench.synthetic.scans import scan\nimport bench.run\n"
    )
    assert imported_tops(module) == {"tests", "streamlit", "bench.synthetic", "bench"}


def test_no_module_imports_a_test_module():
    """Shared helpers live in conftest.py or a helper module of tests/, never in a test module another one imports."""
    importing = {}
    for path in sorted(ROOT.rglob("*.py")):
        if ".venv" in path.parts or "mutants" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                name = node.module.rsplit(".", 1)[-1]
                if name.startswith("test_") and (node.level or node.module.startswith("tests.")):
                    importing.setdefault(path.relative_to(ROOT).as_posix(), []).append(node.module)
    assert importing == {}
