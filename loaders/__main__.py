"""Command line: ``python -m loaders build``, ``add PATH``, ``export DIR``, ``export-parquet DIR`` and ``docs``.

Exit codes: 0 on success; 2 when an input cannot be read or the package cannot be written (a clear
message, no traceback); 1 when the database fails a validation check.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import duckdb

from .build import build, default_database, is_stale
from .errors import SourceError
from .intake.add import AddError, add_document
from .publish.export import ExportError, export_package, summary
from .publish.schema_tables import DATA_MODEL, write_tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build the programme database from data/sources/")
    _options(build_cmd, "database file (default: $PROGRAMMES_DB or data/programmes.duckdb)", data_dir=True)
    export_cmd = commands.add_parser(
        "export", help="write the public views and reference tables as a data package (CSV + datapackage.json)"
    )
    export_cmd.add_argument(
        "directory",
        type=Path,
        metavar="DIR",
        help="new or empty folder, or a package exported before (replaced as a whole)",
    )
    _options(export_cmd, "database file, built first when missing or out of date (default as for build)")
    add_cmd = commands.add_parser(
        "add",
        help="add a programme document (.txt, .docx, .pdf, .doc, .odt, .rtf, scanned PDF): copy it into data/sources/, record it, rebuild",
    )
    add_cmd.add_argument("path", type=Path, metavar="PATH", help="the programme document")
    add_cmd.add_argument(
        "--community-id",
        default=None,
        help="id of the community (default: recognised from the text; an existing id adds the document to that community)",
    )
    add_cmd.add_argument(
        "--name-uk", default=None, help="the community's name in Ukrainian (default: its centre as the text names it)"
    )
    add_cmd.add_argument(
        "--name-en",
        default=None,
        help="the community's name in English (default: the official transliteration of the Ukrainian name)",
    )
    add_cmd.add_argument(
        "--katottg", default=None, help="KATOTTG code of the community, when the text names several or none"
    )
    add_cmd.add_argument(
        "--review",
        action="store_true",
        help="where the reader is unsure, ask (measures table and columns, partners, OCR amounts) "
        "and keep the answers in <source>.review.csv beside the file; a PATH.review.csv beside PATH is always taken",
    )
    _options(
        add_cmd, "database file (default: programmes.duckdb in --data-dir when given, else as for build)", data_dir=True
    )
    parquet_cmd = commands.add_parser(
        "export-parquet", help="write every table and view as Parquet files, for the app to run on (PROGRAMMES_DB=DIR)"
    )
    parquet_cmd.add_argument(
        "directory", type=Path, metavar="DIR", help="new or empty folder, or one exported before (replaced as a whole)"
    )
    _options(parquet_cmd, "database file (default as for build)")
    commands.add_parser(
        "docs", help="write docs/data-model.md's tables of views and columns from the comments in loaders/schema.sql"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if args.command == "build":
        database = args.db or default_database()
        kwargs = {"data_dir": args.data_dir} if args.data_dir else {}
        try:
            report = build(database, progress=not args.quiet, **kwargs)
        except SourceError as exc:
            return _fail(2, f"error: {exc}", "The database was not changed.")
        print("\n".join(report.lines))
        if not report.ok:
            return _fail(1, "Validation failed; the database was not changed:", *(f"  {f}" for f in report.failures))
        print(f"Wrote {database}")
        return 0
    if args.command == "add":
        return _add(args)
    if args.command == "export":
        return _export(args.directory, args.db or default_database(), progress=not args.quiet)
    if args.command == "export-parquet":
        return _export_parquet(args.directory, args.db or default_database(), progress=not args.quiet)
    if args.command == "docs":
        changed = write_tables()
        print(
            f"{DATA_MODEL}: "
            + (
                "its tables were written anew from loaders/schema.sql"
                if changed
                else "its tables already match loaders/schema.sql"
            )
        )
        return 0
    return 2


def _fail(code: int, *lines: str) -> int:
    """Print ``lines`` to standard error; ``code`` is the exit code."""
    print("\n".join(lines), file=sys.stderr)
    return code


def _options(command: argparse.ArgumentParser, db_help: str, data_dir: bool = False) -> None:
    """The options commands share: --db, --data-dir (where the command reads data/), --quiet."""
    command.add_argument("--db", type=Path, default=None, help=db_help)
    if data_dir:
        command.add_argument(
            "--data-dir", type=Path, default=None, help="folder with sources/ and reference/ (default: data/)"
        )
    command.add_argument("--quiet", action="store_true", help="no progress bar")


def _add(args: argparse.Namespace) -> int:
    kwargs = {"data_dir": args.data_dir} if args.data_dir else {}
    try:
        report = add_document(
            args.path,
            database=args.db or (args.data_dir / "programmes.duckdb" if args.data_dir else default_database()),
            community_id=args.community_id,
            name_uk=args.name_uk,
            name_en=args.name_en,
            katottg=args.katottg,
            progress=not args.quiet,
            review=args.review,
            **kwargs,
        )
    except (EOFError, KeyboardInterrupt):
        return _fail(
            2, "\nThe review was stopped.", "Nothing was added; data/sources/ and the database were not changed."
        )
    except SourceError as exc:
        return _fail(2, f"error: {exc}", "Nothing was added; data/sources/ and the database were not changed.")
    except AddError as exc:
        return _fail(
            2, f"error: {args.path.name}: {exc}", "Nothing was added; data/sources/ and the database were not changed."
        )
    print("\n".join(report.lines))
    if not report.ok:
        return _fail(
            1,
            f"Validation failed for {args.path.name}; nothing was added and the database was not changed:",
            *(f"  {f}" for f in report.build.failures),
        )
    return 0


def _export(directory: Path, database: Path, progress: bool) -> int:
    """Build the database when it is missing or stale (as the dashboard does), then export it."""
    try:
        if is_stale(database):
            print(f"Building {database} first: it is missing or older than its sources.", file=sys.stderr)
            report = build(database, progress=progress)
            if not report.ok:
                return _fail(
                    1,
                    "Validation failed; the database was not changed and no package was written:",
                    *(f"  {f}" for f in report.failures),
                )
        export_package(database, directory, progress=progress)
    except (SourceError, ExportError, duckdb.Error, OSError) as exc:
        return _fail(2, f"error: {exc}", "No package was written.")
    print(f"Wrote {directory}:")
    print("\n".join(f"  {line}" for line in summary(directory)))
    return 0


def _export_parquet(directory: Path, database: Path, progress: bool) -> int:
    from .publish.export_parquet import ParquetExportError, export_parquet

    if not database.is_file():
        return _fail(2, f"error: no database at {database}; run python -m loaders build first.")
    try:
        names = export_parquet(database, directory, progress=progress)
    except (ParquetExportError, duckdb.Error, OSError) as exc:
        return _fail(2, f"error: {exc}", "No Parquet folder was written.")
    print(f"Wrote {len(names)} Parquet files to {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
