"""Hostile and unreadable files: each gets its kind and one clear sentence, in Ukrainian and English; the database stays as it was."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.__main__ import main
from loaders.build import DATA_DIR, build
from loaders.errors import SourceError, read_error_messages
from loaders.read import DocumentText, ReadLimits, read_in_worker, read_programme_file
from loaders.read.office_convert import soffice
from loaders.read.text_file import read_text_file
from synthetic.fixture_documents import FONT_DIR, make_docx

TEXT = DATA_DIR / "sources" / "zdolbuniv_2024.txt"


def _pdf(path: Path, pages: int = 1, text: str = "Програма", encrypt: bool = False) -> Path:
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


def _docx(tmp_path: Path) -> Path:
    return make_docx(TEXT, tmp_path / "good.docx")


def _declared_size_bomb(tmp_path: Path) -> Path:
    """A small .docx whose zip directory declares word/document.xml as nearly 4 GB unpacked."""
    raw = bytearray(_docx(tmp_path).read_bytes())
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
    with zipfile.ZipFile(_docx(tmp_path)) as good, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in good.infolist():
            data = good.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 10_000_000)
            bomb.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    path = tmp_path / "ratio_bomb.docx"
    path.write_bytes(buffer.getvalue())
    return path


def _corrupt_zip(tmp_path: Path) -> Path:
    raw = _docx(tmp_path).read_bytes()
    path = tmp_path / "corrupt.docx"
    path.write_bytes(raw[: len(raw) // 2])  # cut in half: no central directory
    return path


def _odt(tmp_path: Path, name: str = "programme.odt") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# A damaged .doc or .odt: LibreOffice cannot open it (or, where it is not installed, says how to install it)
CONVERTER = "conversion_failed" if soffice() else "libreoffice_missing"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + os.urandom(1024)
BAD_FILES = {
    "empty .txt": (lambda t: _write(t, "a.txt", b""), "empty"),
    "empty .docx": (lambda t: _write(t, "a.docx", b""), "empty"),
    "empty .pdf": (lambda t: _write(t, "a.pdf", b"  \n"), "empty"),
    "binary .txt": (lambda t: _write(t, "a.txt", b"\x00\x01\x02garbage" * 50), "binary"),
    "garbage named .docx": (lambda t: _write(t, "a.docx", os.urandom(4096)), "not_docx"),
    "garbage named .pdf": (lambda t: _write(t, "a.pdf", os.urandom(4096)), "not_pdf"),
    "truncated PDF": (lambda t: _write(t, "a.pdf", _pdf(t / "x.pdf").read_bytes()[:300]), "not_pdf"),
    "corrupt zip": (_corrupt_zip, "not_docx"),
    "zip that is not Word": (lambda t: _write(t, "a.docx", _zip_with(("readme.txt", b"hello"))), "not_docx"),
    "zip bomb (declared size)": (_declared_size_bomb, "zip_bomb"),
    "zip bomb (ratio)": (_ratio_bomb, "zip_bomb"),
    "password-protected PDF": (lambda t: _pdf(t / "a.pdf", encrypt=True), "encrypted_pdf"),
    "PDF of blank pages": (lambda t: _pdf(t / "a.pdf", pages=3, text=""), "blank_pdf"),
    "PDF of a thousand blank pages": (lambda t: _pdf(t / "a.pdf", pages=1000, text=""), "too_many_pages"),
    "image-only PDF at a huge resolution": (lambda t: _huge_scan(t / "a.pdf"), "scan_too_large"),
    "300-page PDF": (lambda t: _pdf(t / "a.pdf", pages=300), "too_many_pages"),
    "old binary .doc": (lambda t: _write(t, "a.doc", OLE2), CONVERTER),
    ".doc renamed .docx": (lambda t: _write(t, "a.docx", OLE2), CONVERTER),
    "encrypted .docx": (lambda t: _write(t, "a.docx", OLE2 + "EncryptionInfo".encode("utf-16-le")), "encrypted_docx"),
    "broken .odt": (_odt, CONVERTER),
    "broken .odt renamed .docx": (lambda t: _odt(t, "a.docx"), CONVERTER),
    "unknown extension": (lambda t: _write(t, "a.xlsx", b"PK\x03\x04"), "unknown_extension"),
    "missing file": (lambda t: t / "nowhere.docx", "not_found"),
}


def _zip_with(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_gets_its_kind_and_a_sentence_in_both_languages(case, tmp_path):
    make, kind = BAD_FILES[case]
    path = make(tmp_path)
    with pytest.raises(SourceError) as error:
        read_programme_file(path)
    assert error.value.kind == kind
    for language in ("en", "uk"):
        message = error.value.message_in(language)
        assert message.startswith(path.name + ":")
        assert "{" not in message and "Traceback" not in message
        assert message.rstrip().endswith(".")
    assert error.value.message_in("uk") != error.value.message_in("en")


def test_page_limit_is_stated_and_is_a_parameter(tmp_path):
    path = _pdf(tmp_path / "long.pdf", pages=12)
    assert read_programme_file(path).format == "pdf"
    with pytest.raises(SourceError) as error:
        read_programme_file(path, ReadLimits(max_pages=10))
    assert error.value.params == {"pages": 12, "limit": 10}
    assert "12 pages; the limit is 10 pages" in str(error.value) and "межа — 10 сторінок" in error.value.message_in(
        "uk"
    )


def test_file_over_the_size_limit(tmp_path):
    path = _write(tmp_path, "big.txt", "Програма міжнародного співробітництва\n".encode() * 100)
    with pytest.raises(SourceError) as error:
        read_programme_file(path, ReadLimits(max_file_bytes=1024))
    assert error.value.kind == "too_large"
    assert (
        read_programme_file(path, ReadLimits(max_file_bytes=1024 * 1024)).lines[0]
        == "Програма міжнародного співробітництва"
    )


@pytest.mark.parametrize("encoding", ["cp1251", "cp866"])
def test_cyrillic_code_pages_are_detected_decoded_and_reported(encoding, tmp_path):
    original = TEXT.read_text(encoding="utf-8")
    raw = original.encode(encoding, errors="replace")  # cp866 has no Ukrainian «і»: it becomes «?», as in such files
    document = read_programme_file(_write(tmp_path, "programme.txt", raw))
    assert "\n".join(document.lines) == raw.decode(encoding)
    assert any(note.startswith(f"decoded as {encoding} (detected by charset-normalizer") for note in document.notes)
    if encoding == "cp1251":
        assert "\n".join(document.lines) == original


def test_utf8_with_and_without_byte_order_mark(tmp_path):
    text = TEXT.read_text(encoding="utf-8")
    plain = read_programme_file(_write(tmp_path, "a.txt", text.encode()))
    marked = read_programme_file(_write(tmp_path, "b.txt", text.encode("utf-8-sig")))
    assert plain.lines == marked.lines and plain.notes == ("decoded as UTF-8",)
    assert marked.notes == ("decoded as UTF-8 (with a byte-order mark)",)


def test_every_kind_has_both_sentences_and_each_says_what_to_do():
    messages = read_error_messages()
    assert {kind for _, kind in BAD_FILES.values()} | {
        "undecodable",
        "too_large",
        "timeout",
        "memory",
        "unreadable",
    } <= set(messages)
    for kind, texts in messages.items():
        assert texts["en"].strip() and texts["uk"].strip(), kind
        assert set(_placeholders(texts["en"])) == set(_placeholders(texts["uk"])), kind


def _placeholders(template: str) -> list[str]:
    import string

    return [field for _, field, _, _ in string.Formatter().parse(template) if field]


@pytest.fixture()
def good_db(tmp_path, data_copy):
    path = tmp_path / "good.duckdb"
    assert build(path, data_dir=data_copy, progress=False).ok
    return path


@pytest.mark.parametrize(
    "case",
    [
        "garbage named .docx",
        "zip bomb (declared size)",
        "password-protected PDF",
        "image-only PDF at a huge resolution",
        "300-page PDF",
        "broken .odt renamed .docx",
    ],
)
def test_a_bad_file_in_a_build_leaves_the_database_byte_identical(case, good_db, data_copy, tmp_path, capsys):
    make, kind = BAD_FILES[case]
    bad = make(tmp_path)
    target = data_copy / "sources" / f"zdolbuniv_2024{bad.suffix}"
    target.write_bytes(bad.read_bytes())
    meta = data_copy / "sources" / "documents.csv"
    rows = list(csv.DictReader(meta.read_text(encoding="utf-8").splitlines()))
    for row in rows:
        if row["source_file"] == "zdolbuniv_2024.txt":
            row["source_file"] = target.name
    with meta.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    before = hashlib.sha256(good_db.read_bytes()).hexdigest()
    with pytest.raises(SourceError) as error:
        build(good_db, data_dir=data_copy, progress=False)
    assert error.value.kind == kind
    assert hashlib.sha256(good_db.read_bytes()).hexdigest() == before
    assert main(["build", "--quiet", "--db", str(good_db), "--data-dir", str(data_copy)]) == 2
    err = capsys.readouterr().err
    assert target.name in err and "Traceback" not in err and "not changed" in err
    assert hashlib.sha256(good_db.read_bytes()).hexdigest() == before


def test_worker_reads_like_the_reader_and_maps_overruns_to_kinds(tmp_path):
    docx = _docx(tmp_path)
    assert read_in_worker(docx) == read_programme_file(docx)
    with pytest.raises(SourceError) as error:
        read_in_worker(_pdf(tmp_path / "a.pdf", encrypt=True))
    assert error.value.kind == "encrypted_pdf" and error.value.message_in("uk").startswith(
        "a.pdf: PDF захищено паролем"
    )
    pdf = _pdf(tmp_path / "long.pdf", pages=150)
    with pytest.raises(SourceError) as error:
        read_in_worker(pdf, timeout_s=0.05)
    assert error.value.kind == "timeout" and "0.05 s" in str(error.value)
    with pytest.raises(SourceError) as error:
        read_in_worker(pdf, memory_mb=40)
    assert error.value.kind == "memory" and "40 MB" in str(error.value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_the_text_reader_returns_text_or_a_source_error_for_any_bytes(raw):
    try:
        document = read_text_file(raw, Path("any.txt"))
    except SourceError as error:
        assert error.kind in {"empty", "binary", "undecodable"}
    else:
        assert isinstance(document, DocumentText) and len(document.lines) == len(document.locators) >= 1
        assert all("\n" not in line and "\r" not in line for line in document.lines)
