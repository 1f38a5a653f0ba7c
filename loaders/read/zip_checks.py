"""Look inside a .docx's zip directory before anything is unpacked."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import SourceError
from .document_text import MB, ReadLimits

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def open_checked_zip(raw: bytes, path: Path, limits: ReadLimits, expect: str = "docx") -> zipfile.ZipFile:
    """The zip archive of a .docx (or, with ``expect="odt"``, an OpenDocument text), after its declared sizes passed the limits.

    Python's ``zipfile`` never inflates a member past the size its directory declares (it stops
    and fails the CRC check), so checking the declared sizes here bounds what reading can unpack.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise SourceError.of("not_docx", path, detail=f"the zip archive is damaged ({exc})") from exc
    unzipped = sum(m.file_size for m in members)
    ratio = unzipped / max(len(raw), 1)
    if unzipped > limits.max_unzipped_bytes or ratio > limits.max_zip_ratio:
        raise SourceError.of(
            "zip_bomb",
            path,
            uncompressed_mb=f"{unzipped / MB:,.0f}".replace(",", " "),
            limit_mb=f"{limits.max_unzipped_bytes / MB:.0f}",
            ratio=f"{ratio:,.0f}".replace(",", " "),
        )
    names = {m.filename for m in members}
    is_odt = "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE
    if expect == "odt":
        if not is_odt:
            raise SourceError.of("conversion_failed", path, extension=".odt")
        return archive
    if is_odt:
        raise SourceError.of("odt", path)
    if "word/document.xml" not in names:
        raise SourceError.of(
            "not_docx", path, detail="the zip archive has no word/document.xml, so it is not a Word document"
        )
    return archive
