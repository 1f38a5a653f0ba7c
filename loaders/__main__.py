"""Command line: ``python -m loaders build`` and ``python -m loaders export DIR``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .build import build, default_database
from .source_documents import SourceError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build the programme database from data/sources/")
    build_cmd.add_argument("--db", type=Path, default=None, help="database file (default: $PROGRAMMES_DB or data/programmes.duckdb)")
    build_cmd.add_argument("--data-dir", type=Path, default=None, help="folder with sources/ and reference/ (default: data/)")
    build_cmd.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if args.command == "build":
        database = args.db or default_database()
        kwargs = {"data_dir": args.data_dir} if args.data_dir else {}
        try:
            report = build(database, progress=not args.quiet, **kwargs)
        except SourceError as exc:
            print(f"error: {exc}", file=sys.stderr)
            print("The database was not changed.", file=sys.stderr)
            return 2
        print("\n".join(report.lines))
        if not report.ok:
            print("Validation failed; the database was not changed:", file=sys.stderr)
            print("\n".join(f"  {f}" for f in report.failures), file=sys.stderr)
            return 1
        print(f"Wrote {database}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
