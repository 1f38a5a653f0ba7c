"""Broken and hostile files, made as a user might bring them (an empty file, garbage with a Word or PDF name, zip bombs,
encrypted or blank PDFs, a scan at a huge resolution, damaged .doc and .odt files), each with the kind of error
(``loaders/rules/read_errors.csv``) the reader must give it. Used by the tests of reading errors and of the upload page."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from bench.synthetic.fixture_documents import FONT_DIR, make_docx
from loaders.build import DATA_DIR
from loaders.read.office_convert import soffice

# a programme's text to make a good Word file from (any of data/sources/ will do)
TEXT = sorted((DATA_DIR / "sources").glob("*.txt"))[0]


def text_pdf(path: Path, pages: int = 1, text: str = "Програма", encrypt: bool = False) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", size=12)
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    for _ in range(pages):
        pdf.add_page()
        pdf.cell(0, 10, text)
    pdf.output(str(path))
    return path


def _huge_scan(path: Path) -> Path:
    """An image-only PDF whose one page is a 400-megapixel picture (small on disk: it is all white)."""
    from PIL import Image

    Image.new("1", (20_000, 20_000), 1).save(path, resolution=200)
    return path


def good_docx(tmp_path: Path) -> Path:
    return make_docx(TEXT, tmp_path / "good.docx")


def _declared_size_bomb(tmp_path: Path) -> Path:
    """A small .docx whose zip directory declares word/document.xml as nearly 4 GB unpacked."""
    raw = bytearray(good_docx(tmp_path).read_bytes())
    name = b"word/document.xml"
    central = raw.find(b"PK\x01\x02" + raw[raw.find(b"PK\x01\x02") + 4 : raw.find(b"PK\x01\x02") + 4])
    while central != -1:
        name_length = int.from_bytes(raw[central + 28 : central + 30], "little")
        if raw[central + 46 : central + 46 + name_length] == name:
            raw[central + 24 : central + 28] = (0xF0000000).to_bytes(4, "little")
        central = raw.find(b"PK\x01\x02", central + 4)
    path = tmp_path / "bomb.docx"
    path.write_bytes(bytes(raw))
    return path


def _ratio_bomb(tmp_path: Path) -> Path:
    """A real one: 60 MB of one repeated tag, deflated to a few dozen kilobytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(good_docx(tmp_path)) as good, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in good.infolist():
            data = good.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 10_000_000)
            bomb.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    path = tmp_path / "ratio_bomb.docx"
    path.write_bytes(buffer.getvalue())
    return path


def _corrupt_zip(tmp_path: Path) -> Path:
    raw = good_docx(tmp_path).read_bytes()
    path = tmp_path / "corrupt.docx"
    path.write_bytes(raw[: len(raw) // 2])  # cut in half: no central directory
    return path


def _odt(tmp_path: Path, name: str = "programme.odt") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# A damaged .doc or .odt: LibreOffice cannot open it (or, where it is not installed, says how to install it)
CONVERTER = "conversion_failed" if soffice() else "libreoffice_missing"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + os.urandom(1024)
BAD_FILES = {
    "empty .txt": (lambda t: write_bytes(t, "a.txt", b""), "empty"),
    "empty .docx": (lambda t: write_bytes(t, "a.docx", b""), "empty"),
    "empty .pdf": (lambda t: write_bytes(t, "a.pdf", b"  \n"), "empty"),
    "binary .txt": (lambda t: write_bytes(t, "a.txt", b"\x00\x01\x02garbage" * 50), "binary"),
    "garbage named .docx": (lambda t: write_bytes(t, "a.docx", os.urandom(4096)), "not_docx"),
    "garbage named .pdf": (lambda t: write_bytes(t, "a.pdf", os.urandom(4096)), "not_pdf"),
    "truncated PDF": (lambda t: write_bytes(t, "a.pdf", text_pdf(t / "x.pdf").read_bytes()[:300]), "not_pdf"),
    "corrupt zip": (_corrupt_zip, "not_docx"),
    "zip that is not Word": (lambda t: write_bytes(t, "a.docx", _zip_with(("readme.txt", b"hello"))), "not_docx"),
    "zip bomb (declared size)": (_declared_size_bomb, "zip_bomb"),
    "zip bomb (ratio)": (_ratio_bomb, "zip_bomb"),
    "password-protected PDF": (lambda t: text_pdf(t / "a.pdf", encrypt=True), "encrypted_pdf"),
    "PDF of blank pages": (lambda t: text_pdf(t / "a.pdf", pages=3, text=""), "blank_pdf"),
    "PDF of a thousand blank pages": (lambda t: text_pdf(t / "a.pdf", pages=1000, text=""), "too_many_pages"),
    "image-only PDF at a huge resolution": (lambda t: _huge_scan(t / "a.pdf"), "scan_too_large"),
    "300-page PDF": (lambda t: text_pdf(t / "a.pdf", pages=300), "too_many_pages"),
    "old binary .doc": (lambda t: write_bytes(t, "a.doc", OLE2), CONVERTER),
    ".doc renamed .docx": (lambda t: write_bytes(t, "a.docx", OLE2), CONVERTER),
    "encrypted .docx": (
        lambda t: write_bytes(t, "a.docx", OLE2 + "EncryptionInfo".encode("utf-16-le")),
        "encrypted_docx",
    ),
    "broken .odt": (_odt, CONVERTER),
    "broken .odt renamed .docx": (lambda t: _odt(t, "a.docx"), CONVERTER),
    "unknown extension": (lambda t: write_bytes(t, "a.xlsx", b"PK\x03\x04"), "unknown_extension"),
    "missing file": (lambda t: t / "nowhere.docx", "not_found"),
}


def _zip_with(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()
