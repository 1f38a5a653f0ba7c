"""Source documents and their metadata files, read from a temporary folder: what is refused, and how the error says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.build import DATA_DIR
from loaders.errors import SourceError
from loaders.source_documents import METADATA_FILE, SourceDocument, read_csv_table, read_metadata, read_text


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_read_text_names_the_reason_a_file_cannot_be_read(tmp_path):
    cases = {
        "missing.txt": (None, "file not found", None),
        "empty.txt": (b" \n", "the file is empty", None),
        "binary.txt": (b"ab\x00cd", "the file is binary", None),
        "cp1251.txt": ("рядок\nдругий рядок, ще\n".encode("cp1251"), "It looks like Windows-1251", 1),
        "late.txt": (b"line one\nline two\n\xff\xfe\xfd", "not valid UTF-8 text.", 3),
    }
    for name, (raw, words, line) in cases.items():
        path = tmp_path / name
        if raw is not None:
            _write(path, raw)
        with pytest.raises(SourceError) as caught:
            read_text(path)
        assert words in caught.value.message, name
        assert caught.value.line == line, name
        assert caught.value.path == path
    assert read_text(_write(tmp_path / "bom.txt", b"\xef\xbb\xbf\xd1\x80\xd1\x8f\xd0\xb4")) == "ряд"


def test_a_csv_needs_its_columns_and_a_value_in_each_required_one(tmp_path):
    path = _write(tmp_path / "t.csv", "a,b,c\n1,2,3\n4,,6\n")
    with pytest.raises(SourceError) as missing:
        read_csv_table(path, ("a", "d", "e"))
    assert (missing.value.message, missing.value.line) == ("missing column(s): d, e", 1)
    with pytest.raises(SourceError) as blank:
        read_csv_table(path, ("a", "b"))
    assert (blank.value.message, blank.value.line) == ("empty value in column(s) b", 3)
    assert read_csv_table(path, ("a", "b"), non_blank=("a",)) == [
        {"a": "1", "b": "2", "c": "3"},
        {"a": "4", "b": "", "c": "6"},
    ]
    with pytest.raises(SourceError) as header_only:
        read_csv_table(_write(tmp_path / "h.csv", "x\n"), ("x",))
    assert header_only.value.message == "missing column(s): x"


def test_metadata_years_must_be_years(tmp_path):
    columns = (DATA_DIR / "sources" / METADATA_FILE).read_text(encoding="utf-8").splitlines()[0]
    row = {c: f"v_{c}" for c in columns.split(",")}
    row.update(year_from="2021", year_to="2025")
    _write(tmp_path / METADATA_FILE, columns + "\n" + ",".join(row[c] for c in columns.split(",")) + "\n")
    assert read_metadata(tmp_path)[0]["year_to"] == "2025"
    row["year_to"] = "2025 р."
    _write(tmp_path / METADATA_FILE, columns + "\n" + ",".join(row[c] for c in columns.split(",")) + "\n")
    with pytest.raises(SourceError) as caught:
        read_metadata(tmp_path)
    assert (caught.value.message, caught.value.line) == ("year_to is not a year: '2025 р.'", 2)


def _doc(fmt: str = "docx") -> SourceDocument:
    return SourceDocument(
        meta={"year_from": "2022", "year_to": "2024"},
        path=Path("p.docx"),
        lines=("a", "b", "c"),
        sha256="0",
        locators=("table 1, row 1", "page 2, line 7", "x"),
        format=fmt,
    )


def test_a_document_numbers_its_lines_from_one_and_knows_where_each_is():
    doc = _doc()
    assert doc.years == [2022, 2023, 2024]
    assert (doc.line(1), doc.line(3)) == ("a", "c")
    assert list(doc.numbered()) == [(1, "a"), (2, "b"), (3, "c")]
    assert list(doc.numbered(2, 3)) == [(2, "b")]
    assert doc.find(lambda t: t in "bc") == 2 and doc.find(lambda t: t == "a", start=2) is None
    assert (doc.locator(2), doc.locator(0), doc.locator(4)) == ("page 2, line 7", "line 0", "line 4")
    assert SourceDocument(meta={}, path=Path("p.txt"), lines=("a",), sha256="0").locator(1) == "line 1"


def test_an_error_on_a_line_gets_the_line_s_place_in_the_original_file_in_either_language():
    error = SourceError("p.docx", "bad row", line=2, kind="empty", params={"n": 1})
    located = _doc().located(error)
    assert (located.locator, located.line, located.message, located.kind, located.params) == (
        "page 2, line 7",
        2,
        "bad row",
        "empty",
        {"n": 1},
    )
    assert str(located) == "p.docx, page 2, line 7: bad row"
    assert located.message_in("uk").startswith("p.docx, сторінка 2, рядок 7: Файл порожній.")
    assert _doc("txt").located(error) is error
    no_line = SourceError("p.docx", "bad file")
    assert _doc().located(no_line) is no_line and str(no_line) == "p.docx: bad file"


def test_a_reader_error_is_said_in_both_languages_from_the_rules_file():
    error = SourceError.of("empty", "a/p.txt")
    assert error.kind == "empty" and error.path == Path("a/p.txt")
    assert error.message.startswith("The file is empty.")
    assert error.message_in("en") == "p.txt: " + error.message
    assert error.message_in("uk").startswith("p.txt: Файл порожній.")
    assert SourceError("p.txt", "plain", line=4).message_in("uk") == "p.txt, рядок 4: plain"
