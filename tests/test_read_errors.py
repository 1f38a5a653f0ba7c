"""Hostile and unreadable files: each gets its kind and one clear sentence, in Ukrainian and English; the database stays as it was."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.synthetic.bad_files import BAD_FILES, good_docx, text_pdf, write_bytes
from loaders.__main__ import main
from loaders.build import DATA_DIR, build
from loaders.errors import SourceError, read_error_messages
from loaders.read import DocumentText, ReadLimits, read_in_worker, read_programme_file
from loaders.read.text_file import read_text_file

TEXT = DATA_DIR / "sources" / "zdolbuniv_2024.txt"


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
    path = text_pdf(tmp_path / "long.pdf", pages=12)
    assert read_programme_file(path).format == "pdf"
    with pytest.raises(SourceError) as error:
        read_programme_file(path, ReadLimits(max_pages=10))
    assert error.value.params == {"pages": 12, "limit": 10}
    assert "12 pages; the limit is 10 pages" in str(error.value) and "межа — 10 сторінок" in error.value.message_in(
        "uk"
    )


def test_file_over_the_size_limit(tmp_path):
    path = write_bytes(tmp_path, "big.txt", "Програма міжнародного співробітництва\n".encode() * 100)
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
    document = read_programme_file(write_bytes(tmp_path, "programme.txt", raw))
    assert "\n".join(document.lines) == raw.decode(encoding)
    assert any(note.startswith(f"decoded as {encoding} (detected by charset-normalizer") for note in document.notes)
    if encoding == "cp1251":
        assert "\n".join(document.lines) == original


def test_utf8_with_and_without_byte_order_mark(tmp_path):
    text = TEXT.read_text(encoding="utf-8")
    plain = read_programme_file(write_bytes(tmp_path, "a.txt", text.encode()))
    marked = read_programme_file(write_bytes(tmp_path, "b.txt", text.encode("utf-8-sig")))
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
    docx = good_docx(tmp_path)
    assert read_in_worker(docx) == read_programme_file(docx)
    with pytest.raises(SourceError) as error:
        read_in_worker(text_pdf(tmp_path / "a.pdf", encrypt=True))
    assert error.value.kind == "encrypted_pdf" and error.value.message_in("uk").startswith(
        "a.pdf: PDF захищено паролем"
    )
    pdf = text_pdf(tmp_path / "long.pdf", pages=150)
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
