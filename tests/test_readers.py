"""The readers: the same programme as .txt, .docx and .pdf gives the same facts; locators say where each line is."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from bench.synthetic.fixture_documents import blocks, facts, make_docx, make_pdf
from loaders.build import DATA_DIR, build
from loaders.read import read_programme_file
from loaders.read.text_file import split_lines

SOURCES = DATA_DIR / "sources"
TEXTS = sorted(SOURCES.glob("*.txt"))
MAKERS = {"docx": make_docx, "pdf": make_pdf}


def _data_dir_in(fmt: str, target: Path) -> Path:
    """A copy of data/ whose documents are the .docx or .pdf made from the .txt, and documents.csv pointing at them."""
    shutil.copytree(DATA_DIR / "reference", target / "reference")
    sources = target / "sources"
    shutil.copytree(SOURCES, sources, ignore=shutil.ignore_patterns("*.txt"))
    for text in TEXTS:
        MAKERS[fmt](text, sources / f"{text.stem}.{fmt}")
    meta = sources / "documents.csv"
    with meta.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["source_file"] = f"{Path(row['source_file']).stem}.{fmt}"
    with meta.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.fixture(scope="module", params=["docx", "pdf"])
def built_in_format(request, tmp_path_factory) -> tuple[str, Path, Path]:
    fmt = request.param
    data = _data_dir_in(fmt, tmp_path_factory.mktemp(fmt))
    database = data / f"{fmt}.duckdb"
    report = build(database, data_dir=data, progress=False)
    assert report.ok, report.failures
    return fmt, data, database


def test_every_format_gives_the_same_facts(built_in_format, database):
    fmt, _, built = built_in_format
    expected, got = facts(database), facts(built)
    assert all(expected[kind] for kind in ("measures", "amounts", "stated_totals", "partners"))
    for kind in expected:
        missing = [row for row in expected[kind] if row not in got[kind]]
        extra = [row for row in got[kind] if row not in expected[kind]]
        assert (missing, extra) == ([], []), f"{fmt}: {kind} differ"


def _quoted_rows(database: Path) -> dict[tuple[str, str], str]:
    """Each measure's source line as printed (cells trimmed, runs of spaces as one)."""
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute(
            "SELECT programme_id, measure_code, l.text FROM measures m JOIN source_lines l USING (source_file, source_line)"
        ).fetchall()
    return {
        (pid, code): "\t".join(" ".join(c.split()) for c in text.split("\t")).strip("\t") for pid, code, text in rows
    }


def test_source_lines_carry_the_locator_and_the_row_as_printed(built_in_format, database):
    fmt, _, built = built_in_format
    with duckdb.connect(str(built), read_only=True) as con:
        rows = con.execute(
            "SELECT source_file, locator FROM source_lines WHERE text LIKE '%' || chr(9) || '%'"
        ).fetchall()
    pattern = (
        r"^table \d+, row \d+$" if fmt == "docx" else r"^page \d+, table \d+, row \d+( \(continued on page \d+\))?$"
    )
    assert rows and all(file.endswith(f".{fmt}") for file, _ in rows)
    assert [locator for _, locator in rows if not re.match(pattern, locator)] == []
    assert _quoted_rows(built) == _quoted_rows(database)


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.stem)
def test_docx_reads_back_the_lines_of_the_text(text, tmp_path):
    """Merged cells come back as text once and empty cells, split tables as one, repeated header rows dropped."""
    document = read_programme_file(make_docx(text, tmp_path / "doc.docx"))
    expected = list(split_lines(text.read_text(encoding="utf-8")))
    while expected[-1] == "":  # the file's last newline, and empty paragraphs at the end, which are no text
        expected.pop()
    assert list(document.lines) == expected
    assert document.format == "docx" and len(document.locators) == len(document.lines)
    splits = sum(1 for b in blocks(text) if not isinstance(b, str) and b.repeated_header)
    assert sum("repeated header row(s) were dropped" in note for note in document.notes) == splits


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_merged_cells_apply_to_every_row_beside_them(fmt, tmp_path):
    text = next(p for p in TEXTS if "oleksandriia" in p.name)
    document = read_programme_file(MAKERS[fmt](text, tmp_path / f"doc.{fmt}"))
    index = next(i for i, line in enumerate(document.lines) if line.startswith("\t\tЗабезпечення участі делегацій"))
    direction = document.cells(index - 1)[1]
    assert direction.startswith("Співпраця партнерських міст")
    assert document.cells(index)[:2] == document.cells(index - 1)[:2]
    assert document.cells(index, expand_merged=False)[:2] == ["", ""]
    text = next(p for p in TEXTS if "khmelnytskyi" in p.name)
    document = read_programme_file(MAKERS[fmt](text, tmp_path / f"header.{fmt}"))
    header = next(i for i, line in enumerate(document.lines) if line.startswith("N з/п"))
    assert document.cells(header)[9] == document.cells(header)[5] != ""  # «Орієнтовні обсяги» spans the five years
    assert document.cells(header + 1)[:5] == document.cells(header)[:5]  # the two-row header: merged vertically
    assert document.cells(header, expand_merged=False)[6:] == ["", "", "", ""]


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.stem)
def test_pdf_reads_back_the_text_of_the_lines(text, tmp_path):
    """Paragraphs and cells unwrapped, page headers and numbers dropped, split rows joined: the same non-blank lines, up to spaces."""
    document = read_programme_file(make_pdf(text, tmp_path / "doc.pdf"))

    def tidy(lines):
        return [
            "\t".join(" ".join(cell.split()) for cell in line.split("\t")).strip("\t") for line in lines if line.strip()
        ]

    assert tidy(document.lines) == tidy(split_lines(text.read_text(encoding="utf-8")))
    assert not any("Програма: " in line or line.startswith("— ") for line in document.lines)
    assert any(note.startswith("dropped ") and "page header/footer lines" in note for note in document.notes)


def test_pdf_joins_a_row_split_by_a_page_break_and_drops_repeated_headers(tmp_path):
    text = next(p for p in TEXTS if "khmelnytskyi" in p.name)
    document = read_programme_file(make_pdf(text, tmp_path / "doc.pdf"))
    assert "a table row split by the page break before page 5 was joined" in document.notes
    joined = next(i for i, locator in enumerate(document.locators) if locator.endswith("(continued on page 5)"))
    original = next(
        line
        for line in split_lines(text.read_text(encoding="utf-8"))
        if line.split("\t")[0] == document.cells(joined)[0]
    )
    assert document.lines[joined] == original
    # the header, printed on three pages, read once
    assert sum(line.startswith("N з/п") for line in document.lines) == 1
    assert any("2 repeated header row(s) dropped" in note for note in document.notes)
