"""A copy of data/ changed the way a test needs: a document taken out (its community's rows too), or added by the CLI
as a user adds one (``python -m loaders add``)."""

from __future__ import annotations

import csv
from pathlib import Path

from loaders.__main__ import main
from loaders.build import DATA_DIR


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


DOCUMENTS = read_rows(DATA_DIR / "sources" / "documents.csv")[1]
COMMUNITIES = {row["community_id"]: row for row in read_rows(DATA_DIR / "sources" / "communities.csv")[1]}


def without(data: Path, document: dict[str, str]) -> None:
    """Remove a document, its rows, and its community's rows (population too) from a data copy."""
    sources = data / "sources"
    (sources / document["source_file"]).unlink()
    fields, rows = read_rows(sources / "documents.csv")
    rest = [r for r in rows if r["programme_id"] != document["programme_id"]]
    write_rows(sources / "documents.csv", fields, rest)
    cid = document["community_id"]
    if all(r["community_id"] != cid for r in rest):
        fields, rows = read_rows(sources / "communities.csv")
        write_rows(sources / "communities.csv", fields, [r for r in rows if r["community_id"] != cid])
        fields, rows = read_rows(data / "reference" / "population.csv")
        write_rows(data / "reference" / "population.csv", fields, [r for r in rows if r["community_id"] != cid])


def add_document(path: Path, data: Path, *options: str) -> int:
    return main(
        ["add", str(path), "--data-dir", str(data), "--db", str(data / "programmes.duckdb"), "--quiet", *options]
    )
