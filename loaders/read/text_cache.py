"""Documents read before, kept so that a build reads only what changed (and ``add`` reads a new file once).

A document's text is kept under the SHA-256 of its bytes and of the readers' own code: a changed file, or a changed
reader, is read again. The cache is a folder of JSON files beside the database (``programmes.read-cache/`` beside
``programmes.duckdb``); deleting it only makes the next build read every document again. A file in it that cannot
be read back is read from its document again, never trusted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .document_text import DocumentText
from .programme_file import read_programme_file

READERS = Path(__file__).resolve().parent  # the readers' code: a change to it reads every document again


@cache
def reader_version() -> str:
    """A digest of the readers' source files."""
    digest = hashlib.sha256()
    for source in sorted(READERS.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass
class TextCache:
    """The folder of documents read before; ``read`` and ``taken`` count what this build read and took from it."""

    folder: Path
    read: int = 0
    taken: int = 0
    known: dict[str, DocumentText] = field(default_factory=dict)  # read already in this process, not yet kept

    def prime(self, path: Path, text: DocumentText) -> None:
        """``path``'s text, just read: taken by the build that follows, and kept only then (nothing is written for
        a document whose adding stops before its build)."""
        self.known[file_digest(path)] = text

    @classmethod
    def beside(cls, database: Path) -> TextCache:
        database = Path(database)
        return cls(database.parent / f"{database.stem}.read-cache")

    def _entry(self, digest: str) -> Path:
        return self.folder / f"{digest}-{reader_version()}.json"

    def text_of(self, path: Path) -> DocumentText:
        """``path`` read, or taken from the cache when the same bytes were read by the same readers before."""
        digest = file_digest(path)
        entry = self._entry(digest)
        if digest in self.known:
            self.taken += 1
            self._store(entry, self.known[digest])
            return self.known[digest]
        if entry.is_file():
            try:
                text = _from_json(json.loads(entry.read_text(encoding="utf-8")))
            except (ValueError, KeyError, TypeError):
                text = None  # a damaged entry: the document is read again
            if text is not None:
                self.taken += 1
                return text
        text = read_programme_file(path)
        self.read += 1
        self._store(entry, text)
        return text

    def _store(self, entry: Path, text: DocumentText) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.folder, suffix=".tmp", delete=False
            ) as handle:
                json.dump(_to_json(text), handle, ensure_ascii=False)
            os.replace(handle.name, entry)
        except OSError:  # a read-only folder: the document is simply read again next time
            pass


def _to_json(text: DocumentText) -> dict:
    return {
        "lines": list(text.lines),
        "locators": list(text.locators),
        "format": text.format,
        "notes": list(text.notes),
        "merged": [[[column, cell] for column, cell in row] for row in text.merged],
        "ocr_pages": list(text.ocr_pages),
        "boxes": [[locator, list(box)] for locator, box in text.boxes],
        "ocr_pdf": base64.b64encode(text.ocr_pdf).decode("ascii"),
    }


def _from_json(data: dict) -> DocumentText:
    return DocumentText(
        lines=tuple(data["lines"]),
        locators=tuple(data["locators"]),
        format=data["format"],
        notes=tuple(data["notes"]),
        merged=tuple(tuple((int(column), cell) for column, cell in row) for row in data["merged"]),
        ocr_pages=tuple(int(page) for page in data["ocr_pages"]),
        boxes=tuple((locator, tuple(float(x) for x in box)) for locator, box in data["boxes"]),
        ocr_pdf=base64.b64decode(data["ocr_pdf"]),
    )
