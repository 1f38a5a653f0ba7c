"""Build the programme database: extract → transform → load → validate, with a report."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import pandas as pd
from filelock import FileLock, Timeout
from tqdm import tqdm

from . import __version__
from .errors import SourceError
from .extract import check_layout, detect_programme, extract_document
from .extract.detect import with_detected
from .load import build_database
from .partner_register import MAP_CREDIT, MAP_DATA_AS_OF, partner_register_tables
from .read.ocr import page_bar
from .read.text_cache import TextCache
from .review import apply_review, read_review, reviewed_columns
from .rules import read_rules_csv, rule_files
from .source_documents import read_communities, read_document, read_metadata, read_text
from .transform import community_table, concat_tables, programme_rows
from .validate import validate

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DB_ENV_VAR = "PROGRAMMES_DB"


def default_database() -> Path:
    """``data/programmes.duckdb``, or the path in the ``PROGRAMMES_DB`` environment variable."""
    return Path(os.environ.get(DB_ENV_VAR) or DATA_DIR / "programmes.duckdb")


WAITING_FOR_ANOTHER_BUILD = "Another build of this database is running; waiting for it to finish"


def build_lock(database: Path) -> FileLock:
    """The lock every build of ``database`` holds, in this process and any other (the CLI, a second app).

    One instance per lock file, re-entrant within a thread: ``ensure_database`` holds it while it
    checks and builds, and ``build`` takes it again. The lock file stays next to the database.
    """
    database.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(database.parent / f"{database.name}.lock", is_singleton=True)


@dataclass
class BuildReport:
    ok: bool
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def input_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """Every file the database is built from (to tell whether it is out of date)."""
    files = [*sorted((data_dir / "sources").glob("*")), *sorted((data_dir / "reference").glob("*.csv")), *rule_files()]
    return [*files, Path(__file__).resolve().parent / "schema.sql"]


def is_stale(database: Path, data_dir: Path = DATA_DIR) -> bool:
    if not database.exists():
        return True
    built = database.stat().st_mtime
    return any(f.stat().st_mtime > built for f in input_files(data_dir))


def reference_tables(reference_dir: Path) -> dict[str, pd.DataFrame]:
    for name in ("population.csv", "cpi.csv", "communities_ua.csv"):
        read_text(reference_dir / name)  # clear error for a missing, empty or mis-encoded file
    population = pd.read_csv(
        reference_dir / "population.csv", dtype={"population": "Int64", "reference_date": "string"}
    )
    cpi = pd.read_csv(reference_dir / "cpi.csv")
    return {"population": population, "cpi": cpi, "community_register": community_register(reference_dir)}


REGISTER_CREDIT = "Hromada Strategy Collaboration Mapping (W3I), derived in part from data.gov.ua (CC BY 4.0)"


def community_register(reference_dir: Path) -> pd.DataFrame:
    """Every territorial community of Ukraine (``communities_ua.csv``), with the credit its licence asks for."""
    read_text(reference_dir / "communities_ua.csv")
    register = pd.read_csv(
        reference_dir / "communities_ua.csv", dtype={"population": "Int64"}, keep_default_na=False, na_values=[""]
    )
    return register.assign(source=REGISTER_CREDIT)


def build(
    database: Path | None = None,
    data_dir: Path = DATA_DIR,
    progress: bool = True,
    texts: TextCache | None = None,
    origin: Path | None = None,
) -> BuildReport:
    """Build ``database`` from ``data_dir``. Raises :class:`SourceError` for unreadable input. ``texts``: documents
    read before (by default the cache beside ``database``), so that only what changed is read. ``origin``: the data
    folder the database stands for, when ``data_dir`` is a staged copy of it (``loaders add``); recorded in
    ``build_info.data_dir``, by which the app knows a database it may rebuild.

    Holds ``build_lock(database)`` throughout, so two builds of one file (two app processes, or the
    CLI while the app rebuilds) run one after the other; each swaps its file in atomically.
    """
    database = database or default_database()
    lock = build_lock(database)
    try:
        lock.acquire(timeout=0)
    except Timeout:  # said even with --quiet: a command that seems to hang is worse than one line more
        print(f"{WAITING_FOR_ANOTHER_BUILD} ({database})", file=sys.stderr, flush=True)
        lock.acquire()
    try:
        return _build(database, data_dir, progress, texts or TextCache.beside(database), origin or data_dir)
    finally:
        lock.release()


def _build(database: Path, data_dir: Path, progress: bool, texts: TextCache, origin: Path) -> BuildReport:
    sources = data_dir / "sources"
    metadata = read_metadata(sources)
    communities = {row["community_id"]: row for row in read_communities(sources)}
    report = BuildReport(ok=False)
    per_programme = []
    for meta in tqdm(metadata, desc="Reading programmes", unit="doc", disable=not progress, file=sys.stderr):
        if meta["community_id"] not in communities:
            raise SourceError(
                sources / "documents.csv", f"community {meta['community_id']!r} is not in communities.csv"
            )
        with page_bar(progress):
            doc = read_document(sources, meta, texts)
        try:
            detected = detect_programme(doc)
            review = read_review(doc.path)
            merged, differ = with_detected(doc.meta, detected, doc.file_name, doc.format)
            if (columns := reviewed_columns(replace(doc, meta=merged), review)) is not None:
                detected.measures_header, merged["layout"] = columns, "measures_table"
            check_layout(doc, merged["layout"])
            _check_years(sources, merged)
            doc = replace(doc, meta=merged)
            extracted = extract_document(doc, communities[meta["community_id"]]["name_uk"], detected)
            apply_review(doc, extracted, review)
        except SourceError as exc:
            raise doc.located(exc) from exc
        for column in differ:
            extracted.issue(
                "info",
                "metadata_override",
                f"documents.csv gives {column} as {meta[column]!r}; the document reads {detected.metadata()[column]!r}. The value in documents.csv is used.",
            )
        per_programme.append(programme_rows(doc, extracted, detected))
        report.lines.append(_document_line(doc.file_name, extracted))
    report.lines.append(
        f"documents read: {texts.read}; unchanged since read before: {texts.taken} (kept in {texts.folder.name}/)"
    )

    tables = concat_tables(per_programme)
    tables["communities"] = community_table(list(communities.values()))
    tables["categories"] = pd.DataFrame(read_rules_csv("categories.csv"))
    tables["category_rules"] = pd.DataFrame(read_rules_csv("category_rules.csv"))
    tables.update(reference_tables(data_dir / "reference"))
    # population.csv may hold figures for communities that this data folder does not load
    tables["population"] = tables["population"][tables["population"]["community_id"].isin(communities)]
    report.lines += partner_register_tables(tables, data_dir / "reference")
    tables["build_info"] = pd.DataFrame(
        [
            {"key": "built_at", "value": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
            {"key": "loader_version", "value": __version__},
            {"key": "documents", "value": str(len(metadata))},
            # The folder the database was built from: the app rebuilds only a database it built itself.
            {"key": "data_dir", "value": str(origin.resolve())},
            {"key": "partnership_map_data_as_of", "value": MAP_DATA_AS_OF},
            {"key": "partnership_map_source", "value": MAP_CREDIT},
        ]
    )

    def validate_and_record(con: duckdb.DuckDBPyConnection) -> list[str]:
        _record_mismatches(con)
        report.lines += _reconciliation_lines(con)
        return validate(con)

    report.failures = build_database(database, tables, validate_and_record)
    report.ok = not report.failures
    return report


def _check_years(sources: Path, meta: dict[str, str]) -> None:
    for column in ("year_from", "year_to", "adopted_for"):
        if not (meta.get(column) or "").strip():
            raise SourceError(
                sources / meta["source_file"],
                f"{column} could not be read from the document (no title 'на 2024 рік' or passport term found); give it in documents.csv",
            )


def _document_line(file_name: str, extracted) -> str:
    stated = sum(1 for a in extracted.amounts if a["amount_status"] == "stated")
    dashes = sum(1 for a in extracted.amounts if a["amount_status"] == "none")
    missing = sum(1 for a in extracted.amounts if a["amount_status"] == "not_stated")
    return (
        f"{file_name}: {len(extracted.measures)} measures, {len(extracted.amounts)} yearly amounts "
        f"({stated} stated, {dashes} dash = none planned, {missing} not stated), {len(extracted.stated_totals)} stated totals, "
        f"{len(extracted.partners)} partner relationships, {len(extracted.partner_spending)} destination rows, "
        f"{len(extracted.issues)} data issues"
    )


def _record_mismatches(con: duckdb.DuckDBPyConnection) -> None:
    """A stated total that differs from the sum of its parts becomes a data issue."""
    con.execute(
        """
        INSERT INTO issue_log
        SELECT (SELECT COALESCE(MAX(issue_id), 0) FROM issue_log) + ROW_NUMBER() OVER (),
            community_id, programme_id, 'warning', 'total_mismatch',
            'The stated ' || scope || ' total ' || COALESCE(year::VARCHAR || ' ', '') || 'is ' || stated_total_thousand_uah
                || ' thousand UAH, but the ' || computed_from || ' is ' || computed_total_thousand_uah || '.',
            source_file, source_line
        FROM reconciliation WHERE status = 'mismatch'
        """
    )


def _reconciliation_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        """
        SELECT programme_id, scope, year, section_code, stated_total_thousand_uah, computed_total_thousand_uah, computed_from, status, source_line
        FROM reconciliation ORDER BY programme_id, scope DESC, year, section_code
        """
    ).fetchall()
    lines = []
    for pid, scope, year, section, stated, computed, source, status, line in rows:
        what = {"year": f"{year} total", "programme": "programme total", "section": f"section {section} in {year}"}[
            scope
        ]
        lines.append(
            f"  {pid}: {what} stated {_num(stated)} vs {source} {_num(computed)} -> {status.upper()} (line {line})"
        )
    years = con.execute(
        "SELECT programme_id, year, status FROM programme_years WHERE status IN ('no_amounts_stated', 'total_without_breakdown') ORDER BY ALL"
    ).fetchall()
    lines += [f"  {pid}: {year} -> {status.upper().replace('_', ' ')}" for pid, year, status in years]
    return lines


def _num(value) -> str:
    return "—" if value is None else f"{value:,.1f}".replace(",", " ")
