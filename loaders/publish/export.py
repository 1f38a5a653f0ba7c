"""Export: the public views and reference tables as an open data package (``python -m loaders export DIR``).

:func:`export_package` writes one CSV per view or table, a ``datapackage.json``
(:mod:`loaders.publish.package_descriptor`: a Frictionless Tabular Data Package with the properties of the
Fiscal Data Package, :mod:`loaders.fiscal_metadata`) and a README.

The package is written into a temporary directory next to the target and swapped into place at the
end (:mod:`loaders.folder_swap`), so a failed export never leaves a half-written package. The target
must be new, empty, or a package this export wrote before (which is then replaced as a whole); any
other non-empty directory is refused and left untouched, so the export never deletes files it did
not write. :mod:`loaders.publish.package_zip` gives the same package as a ZIP file.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import duckdb
from tqdm import tqdm

from ..folder_swap import new_folder_beside, swap_in
from .package_descriptor import LICENCE_TEXT, LICENCE_WORDING, package_descriptor, resource

VIEWS = ("spending", "programme_years", "reconciliation", "partners", "partner_spending", "data_issues")
OPTIONAL_VIEWS = ("price_factors", "partner_register")  # exported when the database has them
TABLES = ("communities", "programmes", "categories", "population", "cpi")
DESCRIPTOR = "datapackage.json"
PACKAGE_README = "README.md"

__all__ = ["LICENCE_WORDING", "ExportError", "export_package", "summary"]


class ExportError(Exception):
    """The package cannot be written; nothing was changed."""


def export_package(database: Path, directory: Path, progress: bool = False) -> Path:
    """Write the package for ``database`` (an existing database, opened read-only) into ``directory``."""
    database, directory = Path(database), Path(directory).resolve()
    if not database.is_file():
        raise ExportError(
            f"database {database} not found; build it first with: python -m loaders build --db {database}"
        )
    _check_target(directory)
    try:
        temp = new_folder_beside(directory)
    except OSError as exc:
        raise ExportError(f"cannot write the package {directory}: {exc}") from exc
    try:
        try:
            with duckdb.connect(str(database), read_only=True) as con:
                _write_package(con, temp, progress)
        except duckdb.Error as exc:
            raise ExportError(f"cannot export {database}: {exc}") from exc
        except OSError as exc:
            raise ExportError(f"cannot write the package {directory}: {exc}") from exc
        try:
            swap_in(temp, directory)
        except OSError as exc:
            raise ExportError(f"cannot move the package into {directory}: {exc}") from exc
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return directory


def summary(directory: Path) -> list[str]:
    """One line per file of the package in ``directory``, with the number of rows of each CSV."""
    descriptor = json.loads((directory / DESCRIPTOR).read_text(encoding="utf-8"))
    lines = [
        f"{DESCRIPTOR} (Frictionless Tabular Data Package, {len(descriptor['resources'])} resources)",
        f"{PACKAGE_README} (description and licence)",
    ]
    for item in descriptor["resources"]:
        with open(directory / item["path"], encoding="utf-8", newline="") as handle:
            rows = sum(1 for _ in csv.reader(handle)) - 1
        lines.append(f"{item['path']} ({rows} rows)")
    return lines


def _written_by_export(directory: Path) -> bool:
    """Whether ``directory`` holds only the files of a package this export wrote."""
    try:
        descriptor = json.loads((directory / DESCRIPTOR).read_text(encoding="utf-8"))
        ours = {DESCRIPTOR, PACKAGE_README} | {item["path"] for item in descriptor["resources"]}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return all(entry.is_file() and entry.name in ours for entry in directory.iterdir())


def _check_target(directory: Path) -> None:
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory} is a file, not a directory")
    if directory.is_dir() and any(directory.iterdir()) and not _written_by_export(directory):
        raise ExportError(
            f"{directory} is not empty and does not hold a package written by this export; choose a new or empty directory (nothing was changed)"
        )


def _write_package(con: duckdb.DuckDBPyConnection, folder: Path, progress: bool) -> None:
    names = _resource_names(con)
    resources = []
    for name in tqdm(names, desc="Exporting tables", unit="table", disable=not progress, file=sys.stderr):
        path = folder / f"{name}.csv"
        quoted_path = str(path).replace("'", "''")
        # names from the catalogue
        con.execute(f"COPY (SELECT * FROM \"{name}\" ORDER BY ALL) TO '{quoted_path}' (HEADER, DELIMITER ',')")
        resources.append(resource(con, name, path, names))
    descriptor = package_descriptor(con, resources)
    (folder / PACKAGE_README).write_text(_package_readme(descriptor), encoding="utf-8")
    (folder / DESCRIPTOR).write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _resource_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main'"
    ).fetchall()
    present = {name for (name,) in rows}
    missing = [name for name in (*VIEWS, *TABLES) if name not in present]
    if missing:
        raise ExportError(f"the database has no {', '.join(missing)}; rebuild it with: python -m loaders build")
    return [name for name in (*VIEWS, *OPTIONAL_VIEWS, *TABLES) if name in present]


def _package_readme(descriptor: dict) -> str:
    """The package's README.md: what it is, its licence and sources, and its files."""
    lines = [
        f"# {descriptor['title']}",
        "",
        descriptor["description"],
        "",
        "## Licence",
        "",
        LICENCE_TEXT,
        "",
        "## Sources",
        "",
    ]
    lines += [
        f"- {item['title']}" + (f": {item['path']}" if "path" in item else f" ({item['description']})")
        for item in descriptor["sources"]
    ]
    lines += ["", "## Files", ""]
    lines += [f"- `{item['path']}`: {item['description']}" for item in descriptor["resources"]]
    lines += ["", f"`{DESCRIPTOR}` describes every column (Frictionless Tabular Data Package)."]
    return "\n".join(lines) + "\n"
