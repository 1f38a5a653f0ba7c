"""The file formats a programme is read from: the one list that the reader, ``add``, the upload page and the
sources page use. A legacy word-processor format is converted to .docx by LibreOffice first (``office_convert``)."""

from __future__ import annotations

# suffix -> its name in English and in Ukrainian, as the sources page and the data package describe a document's format
FORMATS: dict[str, dict[str, str]] = {
    ".txt": {"en": "plain text", "uk": "звичайний текст"},
    ".docx": {"en": "Word document (.docx)", "uk": "документ Word (.docx)"},
    ".pdf": {"en": "PDF with a text layer", "uk": "PDF з текстовим шаром"},
    ".doc": {
        "en": "Word 97–2003 document (.doc), converted to .docx by LibreOffice",
        "uk": "документ Word 97–2003 (.doc), перетворений на .docx у LibreOffice",
    },
    ".odt": {
        "en": "OpenDocument text (.odt), converted to .docx by LibreOffice",
        "uk": "документ OpenDocument (.odt), перетворений на .docx у LibreOffice",
    },
    ".rtf": {
        "en": "Rich Text Format (.rtf), converted to .docx by LibreOffice",
        "uk": "документ RTF (.rtf), перетворений на .docx у LibreOffice",
    },
}
CONVERTED = (".doc", ".odt", ".rtf")  # read after LibreOffice has saved them as .docx
# how a file was read, where that is more than its suffix says (DocumentText.format)
READ_AS: dict[str, dict[str, str]] = {
    "pdf_ocr": {
        "en": "scanned PDF, its text read by OCR (Tesseract, Ukrainian)",
        "uk": "сканований PDF, текст розпізнано OCR (Tesseract, українська)",
    },
}


def format_name(suffix: str, lang: str = "en", read_as: str | None = None) -> str:
    """``.pdf`` -> ``PDF with a text layer``; a scan read by OCR says so; an unknown suffix stays as it is.

    >>> format_name(".DOC"), format_name(".odt", "uk").split(",")[0], format_name(".pdf", read_as="pdf_ocr").split(",")[0]
    ('Word 97–2003 document (.doc), converted to .docx by LibreOffice', 'документ OpenDocument (.odt)', 'scanned PDF')
    """
    known = READ_AS.get(read_as or "") or FORMATS.get(suffix.lower())
    return known[lang] if known else suffix.lstrip(".") or "unknown"


def accepted_extensions() -> list[str]:
    """``['txt', 'docx', …]``: what the upload page accepts."""
    return [suffix.lstrip(".") for suffix in FORMATS]
