"""Read the source documents and their metadata, refusing anything we cannot trust.

A document that is missing, empty, binary or not UTF-8 stops the build with a
:class:`SourceError` that names the file (and the line, where one applies).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .read import DocumentText, read_programme_file
from .read.text_cache import TextCache

METADATA_FILE = "documents.csv"
COMMUNITIES_FILE = "communities.csv"
METADATA_COLUMNS = (
    "programme_id",
    "community_id",
    "source_file",
    "layout",
    "programme_title_uk",
    "year_from",
    "year_to",
    "adopted_for",
    "council_decision_as_printed",
    "original_format",
)
# Columns that must have a value; the others may be left blank and are then read from the
# document by loaders.extract.detect_programme (a value given here overrides the detection).
METADATA_REQUIRED = ("programme_id", "community_id", "source_file")
COMMUNITY_COLUMNS = ("community_id", "name_uk", "name_en", "oblast_uk", "oblast_en", "geonameid", "colour", "katottg")
MAY_BE_EMPTY = ("geonameid",)  # empty when GeoNames does not know the town unambiguously


@dataclass(frozen=True)
class SourceDocument:
    """One programme document: its metadata and its lines (1-based via :meth:`line`).

    ``locators[n - 1]`` says where line ``n`` is in the original file ("line 12" in a .txt,
    "table 2, row 5" in a .docx, "page 3, line 7" in a .pdf); ``format`` is 'txt', 'docx' or 'pdf'.
    """

    meta: dict[str, str]
    path: Path
    lines: tuple[str, ...]
    sha256: str
    locators: tuple[str, ...] = ()
    format: str = "txt"
    notes: tuple[str, ...] = ()
    ocr_pages: tuple[int, ...] = ()  # the pages of a scanned PDF whose text was read by OCR
    # where each PDF table row is on its page, and a scan as recognised: to crop the page a line was read from
    boxes: tuple[tuple[str, tuple[float, float, float, float, float]], ...] = field(
        default=(), repr=False, compare=False
    )
    ocr_pdf: bytes = field(default=b"", repr=False, compare=False)

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def years(self) -> list[int]:
        return list(range(int(self.meta["year_from"]), int(self.meta["year_to"]) + 1))

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def locator(self, number: int) -> str:
        """Where line ``number`` is in the original file ("line 12", "table 2, row 5", "page 3, line 7")."""
        return self.locators[number - 1] if self.locators and 1 <= number <= len(self.locators) else f"line {number}"

    def located(self, error: SourceError) -> SourceError:
        """``error`` about one of this document's lines, saying where that line is in the original file."""
        if error.line is None or self.format == "txt":
            return error
        return SourceError(
            error.path,
            error.message,
            error.line,
            kind=error.kind,
            params=error.params,
            locator=self.locator(error.line),
        )

    def numbered(self, start: int = 1, stop: int | None = None):
        """Yield ``(line_number, text)`` from ``start`` up to, not including, ``stop``."""
        stop = len(self.lines) + 1 if stop is None else stop
        for number in range(start, stop):
            yield number, self.lines[number - 1]

    def find(self, predicate, start: int = 1) -> int | None:
        """The number of the first line from ``start`` on for which ``predicate(text)`` holds."""
        for number, text in self.numbered(start):
            if predicate(text):
                return number
        return None


def read_text(path: Path) -> str:
    """Read a UTF-8 text file, or raise :class:`SourceError` saying why it can't be read."""
    if not path.exists():
        raise SourceError(path, "file not found")
    raw = path.read_bytes()
    if not raw.strip():
        raise SourceError(path, "the file is empty")
    if b"\x00" in raw:
        raise SourceError(path, "the file is binary (it contains NUL bytes), not a text extraction")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            raw.decode("cp1251")
            hint = " It looks like Windows-1251 (cp1251): re-save it as UTF-8."
        except UnicodeDecodeError:
            pass
        raise SourceError(path, f"not valid UTF-8 text.{hint}", line=line) from exc
    return text


def read_document(sources_dir: Path, meta: dict[str, str], texts: TextCache | None = None) -> SourceDocument:
    """Read a programme file listed in ``documents.csv``; ``texts``: documents read before, taken when unchanged."""
    path = sources_dir / meta["source_file"]
    if not path.exists():
        raise SourceError.of("listed_not_found", path)
    text = texts.text_of(path) if texts is not None else read_programme_file(path)
    return document_of(path, text, meta)


def document_of(path: Path, text: DocumentText, meta: dict[str, str] | None = None) -> SourceDocument:
    """The document at ``path`` as the extractors take it, from what its reader returned."""
    return SourceDocument(
        meta=meta or {},
        path=path,
        lines=text.lines,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        locators=text.locators,
        format=text.format,
        notes=text.notes,
        ocr_pages=text.ocr_pages,
        boxes=text.boxes,
        ocr_pdf=text.ocr_pdf,
    )


def read_csv_table(
    path: Path, required: tuple[str, ...], non_blank: tuple[str, ...] | None = None
) -> list[dict[str, str]]:
    """Read a metadata CSV and check that it has the ``required`` columns, and a value in
    every ``non_blank`` column (all required columns by default)."""
    text = read_text(path)
    rows = list(csv.DictReader(text.splitlines()))
    missing = [c for c in required if c not in (rows[0].keys() if rows else ())]
    if missing:
        raise SourceError(path, f"missing column(s): {', '.join(missing)}", line=1)
    for number, row in enumerate(rows, start=2):
        blanks = [c for c in (required if non_blank is None else non_blank) if not (row.get(c) or "").strip()]
        if blanks:
            raise SourceError(path, f"empty value in column(s) {', '.join(blanks)}", line=number)
    return rows


def read_metadata(sources_dir: Path) -> list[dict[str, str]]:
    rows = read_csv_table(sources_dir / METADATA_FILE, METADATA_COLUMNS, METADATA_REQUIRED)
    for number, row in enumerate(rows, start=2):
        for column in ("year_from", "year_to"):
            if row[column].strip() and not row[column].isdigit():
                raise SourceError(sources_dir / METADATA_FILE, f"{column} is not a year: {row[column]!r}", line=number)
    return rows


def read_communities(sources_dir: Path) -> list[dict[str, str]]:
    return read_csv_table(
        sources_dir / COMMUNITIES_FILE, COMMUNITY_COLUMNS, tuple(c for c in COMMUNITY_COLUMNS if c not in MAY_BE_EMPTY)
    )
