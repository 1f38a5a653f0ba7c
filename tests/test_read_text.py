"""The text-level pieces of the readers, in memory and fast: line splitting, decoding, wrapped lines, a .docx's
zip directory, the lines-with-locators a reader returns. (The whole readers on real files: test_readers.py,
test_read_errors.py.)"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from loaders.errors import SourceError
from loaders.read.document_text import MB, DocumentText, ReadLimits
from loaders.read.text_file import MIN_CYRILLIC_SHARE, cyrillic_share, decode_text, read_text_file, split_lines
from loaders.read.wrapped_text import SOFT_HYPHEN, join_wrapped
from loaders.read.zip_checks import ODT_MIMETYPE, open_checked_zip

PATH = Path("programme.txt")
UKRAINIAN = "Програма міжнародного співробітництва на 2021-2025 роки\nЗахід\t40,0\n"


# Lines and decoding


def test_every_kind_of_line_end_ends_a_line_and_nothing_else_does():
    assert split_lines("a\r\nb\rc\nd") == ("a", "b", "c", "d")
    assert split_lines("a\r\n\r\nb") == ("a", "", "b")
    assert split_lines("a\tb") == ("a\tb",)


def test_the_cyrillic_share_counts_letters_only():
    assert cyrillic_share("") == 0.0
    assert cyrillic_share("2021 - 2025, 40,0") == 0.0
    assert cyrillic_share("Київ") == 1.0
    assert cyrillic_share("Київ Kyiv") == 0.5
    assert cyrillic_share("ab_Ж") == pytest.approx(1 / 3)  # the underscore is not a letter


def test_utf8_is_read_as_is_and_the_note_says_whether_it_had_a_byte_order_mark():
    raw = UKRAINIAN.encode("utf-8")
    assert decode_text(raw, PATH) == (UKRAINIAN, ("decoded as UTF-8",))
    assert decode_text(b"\xef\xbb\xbf" + raw, PATH) == (UKRAINIAN, ("decoded as UTF-8 (with a byte-order mark)",))


@pytest.mark.parametrize("encoding", ["cp1251", "cp1125"])
def test_a_cyrillic_code_page_is_detected_and_the_note_names_it_and_the_first_bad_line(encoding):
    text = "first line\n" + UKRAINIAN * 20
    raw = text.encode(encoding)
    decoded, notes = decode_text(raw, PATH)
    assert decoded.replace("\r\n", "\n") == text
    assert len(notes) == 1 and encoding in notes[0] and "not UTF-8 from line 2" in notes[0]


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (b"\x00" + UKRAINIAN.encode(), "binary"),
        (UKRAINIAN.encode() + b"\x00", "binary"),
    ],
)
def test_empty_or_binary_bytes_are_refused_with_their_kind(raw, kind):
    with pytest.raises(SourceError) as caught:
        decode_text(raw, PATH)
    assert caught.value.kind == kind and caught.value.path == PATH


def test_text_that_decodes_to_latin_letters_is_not_a_ukrainian_programme():
    raw = ("Programme of cooperation, année " * 40).encode("latin-1")
    assert cyrillic_share(raw.decode("latin-1")) < MIN_CYRILLIC_SHARE
    with pytest.raises(SourceError) as caught:
        decode_text(raw, PATH)
    assert caught.value.kind == "undecodable"
    assert caught.value.locator == "line 1"
    assert "Cyrillic letters" in caught.value.message


def test_the_text_reader_gives_one_locator_per_line_numbered_from_one():
    doc = read_text_file("Рядок один\r\nРядок два\nРядок три".encode(), PATH)
    assert doc.lines == ("Рядок один", "Рядок два", "Рядок три")
    assert doc.locators == ("line 1", "line 2", "line 3")
    assert (doc.format, doc.notes) == ("txt", ("decoded as UTF-8",))


# Wrapped lines


def test_wrapped_lines_join_with_one_space_and_blank_parts_are_skipped():
    assert join_wrapped([]) == ""
    assert join_wrapped(["", "  Заходи  ", "", "програми "]) == "Заходи програми"


def test_a_soft_hyphen_always_joins_without_a_space():
    assert join_wrapped([f"спів{SOFT_HYPHEN}", "праця"]) == "співпраця"
    assert join_wrapped([f"2021{SOFT_HYPHEN}", "2025"]) == "20212025"


def test_a_hyphen_between_letters_breaks_a_word_only_when_the_dictionary_says_so():
    assert join_wrapped(["міжнародного співробіт-", "ництва"]) == "міжнародного співробітництва"
    assert join_wrapped(["міст-", "побратимів"]) == "міст-побратимів"  # both parts are words: a compound
    assert join_wrapped(["співробіт-", "Ництва"]) == "співробіт-Ництва"  # a capital starts a new word: kept
    assert join_wrapped(["2021-", "2025"]) == "2021- 2025"  # not between letters: an ordinary line join
    assert join_wrapped(["Київ -", "Берлін"]) == "Київ - Берлін"  # a dash after a space is not a hyphen
    assert join_wrapped(["-", "співпраця"]) == "- співпраця"  # a lone dash is not a hyphen either
    assert join_wrapped(["співробіт-", "ництва."]) == "співробітництва."  # punctuation after the word


# A .docx's zip directory


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_with_word_document_xml_is_opened():
    archive = open_checked_zip(_zip({"word/document.xml": b"<w:document/>"}), PATH, ReadLimits())
    assert archive.read("word/document.xml") == b"<w:document/>"


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"PK\x03\x04 not really a zip", "not_docx"),
        (_zip({"content.xml": b"<x/>"}), "not_docx"),
        (_zip({"mimetype": ODT_MIMETYPE + b"\n", "content.xml": b"<x/>", "word/document.xml": b"<x/>"}), "odt"),
    ],
)
def test_what_is_not_a_word_document_is_refused_with_its_kind(raw, kind):
    with pytest.raises(SourceError) as caught:
        open_checked_zip(raw, PATH, ReadLimits())
    assert caught.value.kind == kind


def test_a_mimetype_member_of_another_kind_is_not_an_odt():
    raw = _zip({"mimetype": b"application/epub+zip", "word/document.xml": b"<x/>"})
    assert open_checked_zip(raw, PATH, ReadLimits()).namelist() == ["mimetype", "word/document.xml"]


def test_the_unzipped_size_and_the_ratio_are_limits_and_the_error_states_them():
    data = b"0" * (3 * MB)
    raw = _zip({"word/document.xml": data}, zipfile.ZIP_DEFLATED)
    ratio = len(data) / len(raw)
    assert open_checked_zip(raw, PATH, ReadLimits(max_unzipped_bytes=3 * MB, max_zip_ratio=int(ratio) + 1))
    with pytest.raises(SourceError) as too_big:
        open_checked_zip(raw, PATH, ReadLimits(max_unzipped_bytes=3 * MB - 1, max_zip_ratio=int(ratio) + 1))
    assert too_big.value.kind == "zip_bomb"
    assert too_big.value.params["uncompressed_mb"] == "3" and too_big.value.params["limit_mb"] == "3"
    with pytest.raises(SourceError) as too_dense:
        open_checked_zip(raw, PATH, ReadLimits(max_unzipped_bytes=4 * MB, max_zip_ratio=int(ratio) - 1))
    assert too_dense.value.kind == "zip_bomb"
    assert too_dense.value.params["ratio"] == f"{ratio:,.0f}".replace(",", " ")


def test_the_default_limits_are_the_ones_the_error_sentences_state():
    limits = ReadLimits()
    assert (limits.max_file_bytes, limits.max_pages, limits.max_unzipped_bytes, limits.max_zip_ratio) == (
        20 * MB,
        200,
        200 * MB,
        100,
    )
    assert MB == 2**20


# Lines with locators


def test_every_line_needs_its_locator_and_every_row_its_merged_cells():
    with pytest.raises(ValueError, match="2 lines but 1 locators"):
        DocumentText(("a", "b"), ("line 1",), "txt")
    with pytest.raises(ValueError, match="2 lines but 1 rows of merged cells"):
        DocumentText(("a", "b"), ("line 1", "line 2"), "docx", merged=((),))
    assert DocumentText(("a",), ("line 1",), "txt").notes == ()


def test_merged_cells_fill_only_empty_cells_that_exist():
    doc = DocumentText(
        ("1.\tA\t5", "\tB\t", "x"),
        ("r1", "r2", "r3"),
        "docx",
        merged=((), ((0, "1."), (1, "A"), (2, "5"), (7, "far")), ((0, "y"),)),
    )
    assert doc.cells(1) == ["1.", "B", "5"]  # column 1 is not empty: kept; column 7 does not exist: ignored
    assert doc.cells(1, expand_merged=False) == ["", "B", ""]
    assert doc.cells(2) == ["x"]
    assert DocumentText(("\tB",), ("r1",), "txt").cells(0) == ["", "B"]
