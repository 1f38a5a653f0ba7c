"""Read any programme file into lines with locators: pick the reader by extension, refuse what cannot be read."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from ..errors import SourceError
from .document_text import DEFAULT_LIMITS, MB, DocumentText, ReadLimits
from .formats import CONVERTED, FORMATS
from .office_convert import convert_to_docx
from .text_file import read_text_file
from .zip_checks import open_checked_zip

log = logging.getLogger(__name__)


def read_docx_file(raw: bytes, path: Path, limits: ReadLimits) -> DocumentText:
    """``docx_file.read_docx_file``, its library (python-docx) loaded only when a file is read."""
    from .docx_file import read_docx_file as read

    return read(raw, path, limits)


def read_pdf_file(raw: bytes, path: Path, limits: ReadLimits) -> DocumentText:
    """``pdf_file.read_pdf_file``, its libraries (pdfplumber, pypdfium2) loaded only when a file is read: a dashboard
    process that reads no file is about 25 MB smaller (bench/RESULTS.md)."""
    from .pdf_file import read_pdf_file as read

    return read(raw, path, limits)


READERS = {".txt": read_text_file, ".docx": read_docx_file, ".pdf": read_pdf_file}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Word (.doc), and also an encrypted .docx
ENCRYPTED_OFFICE_MARK = "EncryptionInfo".encode("utf-16-le")
assert set(READERS) | set(CONVERTED) == set(FORMATS)


def read_programme_file(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> DocumentText:
    """Read ``path`` (.txt, .docx, .pdf; .doc, .odt or .rtf through LibreOffice) into a :class:`DocumentText`, or raise
    :class:`SourceError` with a ``kind``.

    Whatever the file holds, the result is a DocumentText or a SourceError, never another exception.
    """
    path = Path(path)
    try:
        return _read(path, limits)
    except SourceError:
        raise
    except MemoryError:
        raise SourceError.of("memory", path, limit_mb="?") from None
    except Exception as exc:  # a reader library failing on a hostile file must not become a traceback
        log.debug("unexpected error reading %s", path, exc_info=True)
        raise SourceError.of("unreadable", path, detail=f"{type(exc).__name__}: {exc}") from exc


def _read(path: Path, limits: ReadLimits) -> DocumentText:
    if not path.is_file():
        raise SourceError.of("not_found", path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SourceError.of("unknown_extension", path, extension=suffix or "(none)")
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise SourceError.of(
            "too_large",
            path,
            size_mb=f"{size / MB:.1f}",
            limit_mb=f"{limits.max_file_bytes / MB:.1f}".removesuffix(".0"),
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise SourceError.of("empty", path)
    sniffed = _sniff(raw)
    if sniffed and sniffed != suffix:
        log.info("%s is a %s file named %s", path.name, sniffed, suffix)
    if sniffed in CONVERTED or suffix in CONVERTED:
        if sniffed == ".doc" and ENCRYPTED_OFFICE_MARK in raw:
            raise SourceError.of("encrypted_docx", path)
        return _read_converted(raw, path, sniffed if sniffed in CONVERTED else suffix, limits)
    return READERS[suffix](raw, path, limits) if suffix != ".txt" else read_text_file(raw, path)


def _read_converted(raw: bytes, path: Path, kind: str, limits: ReadLimits) -> DocumentText:
    """A .doc, .odt or .rtf, saved as .docx by LibreOffice and read as one; its notes say so."""
    if kind == ".odt":
        open_checked_zip(raw, path, limits, expect="odt")  # a zip bomb is refused before LibreOffice unpacks it
    converted = convert_to_docx(raw, path, kind)
    read = read_docx_file(converted, path, limits)
    return replace(read, format=kind.lstrip("."), notes=(f"converted from {kind} to .docx by LibreOffice", *read.notes))


def _sniff(raw: bytes) -> str | None:
    """The format the first bytes show, whatever the file is named.

    >>> _sniff(b"{\\\\rtf1\\\\ansi ..."), _sniff(b"%PDF-1.7 ..."), _sniff(b"Hello")
    ('.rtf', '.pdf', None)
    """
    head = raw[:1024].lstrip()
    if raw.startswith(OLE2_MAGIC):
        return ".doc"
    if head.startswith(b"{\\rtf"):
        return ".rtf"
    if b"%PDF-" in raw[:1024]:
        return ".pdf"
    if raw.startswith(b"PK\x03\x04"):
        return ".docx" if b"mimetype" not in raw[30:38] else ".odt"
    return None
