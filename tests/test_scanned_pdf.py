"""A programme scanned from its signed paper copy (bench/synthetic/scans.py: an image-only PDF, 200 dpi, a little askew, with
specks) is read by OCR: it gives the yearly totals of its plain text, each marked as read by OCR from its page.
Needs Tesseract with its Ukrainian model (CI installs it); skipped, with the reason, where it is missing."""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest

from bench.synthetic.office_copies import OUT
from bench.synthetic.scans import scan
from loaders.build import DATA_DIR, build
from loaders.errors import SourceError
from loaders.read import ocr, read_programme_file
from loaders.read.process_group import group_running

PROGRAMME = "mena_2022_2024"  # the one of the four whose yearly totals stand in its passport
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="Tesseract is not installed (apt-get install -y tesseract-ocr tesseract-ocr-ukr)",
)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    return scan(OUT / f"{PROGRAMME}.pdf", tmp_path_factory.mktemp("scan") / f"{PROGRAMME}.pdf")


@pytest.fixture(scope="module")
def built(scanned, tmp_path_factory) -> Path:
    """data/ with the programme's .txt replaced by its scan."""
    target = tmp_path_factory.mktemp("data")
    shutil.copytree(DATA_DIR / "reference", target / "reference")
    sources = target / "sources"
    shutil.copytree(DATA_DIR / "sources", sources)
    rows = list(csv.DictReader((sources / "documents.csv").open(encoding="utf-8", newline="")))
    for row in rows:
        if row["programme_id"] == PROGRAMME:
            (sources / row["source_file"]).unlink()
            # the row described the .txt; the reader says what the scan is
            row["source_file"], row["original_format"] = (
                scanned.name,
                "",
            )
            shutil.copyfile(scanned, sources / scanned.name)
    with (sources / "documents.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report = build(target / "programmes.duckdb", data_dir=target, progress=False)
    assert report.ok, report.failures
    return target / "programmes.duckdb"


def _totals(database: Path) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(
            "SELECT scope, year, stated_total_thousand_uah FROM stated_totals WHERE programme_id = $1 ORDER BY ALL",
            [PROGRAMME],
        ).fetchall()


def test_the_scan_has_no_text_layer(scanned):
    import pdfplumber

    with pdfplumber.open(scanned) as pdf:
        assert all(page.images and not page.chars for page in pdf.pages)


@needs_tesseract
def test_a_scan_gives_the_yearly_totals_of_its_text(built, database):
    expected = _totals(database)
    assert [year for scope, year, _ in expected if scope == "year"] == [2022, 2023, 2024]
    assert _totals(built) == expected


@needs_tesseract
def test_every_amount_read_by_ocr_is_marked_with_its_page(built):
    with duckdb.connect(str(built), read_only=True) as con:
        totals = con.execute("SELECT source_line FROM stated_totals WHERE programme_id = $1", [PROGRAMME]).fetchall()
        marked = dict(
            con.execute(
                "SELECT source_line, message FROM issue_log WHERE programme_id = $1 AND kind = 'read_by_ocr'",
                [PROGRAMME],
            ).fetchall()
        )
        fmt = con.execute("SELECT original_format FROM programmes WHERE programme_id = $1", [PROGRAMME]).fetchone()[0]
        others = con.execute(
            "SELECT count(*) FROM issue_log WHERE kind = 'read_by_ocr' AND programme_id <> $1", [PROGRAMME]
        ).fetchone()[0]
    assert {line for (line,) in totals} <= set(marked)
    assert all(message.startswith("Read by OCR from page ") and "check «" in message for message in marked.values())
    assert "OCR" in fmt
    assert others == 0  # the programmes read from text are not marked


@needs_tesseract
def test_each_line_read_by_ocr_keeps_the_crop_of_its_page(built):
    """The source panel shows, beside an amount read by OCR, the part of the scanned page it was read from."""
    import io

    from PIL import Image

    with duckdb.connect(str(built), read_only=True) as con:
        marked = dict(
            con.execute(
                "SELECT source_line, message FROM issue_log WHERE programme_id = $1 AND kind = 'read_by_ocr'",
                [PROGRAMME],
            ).fetchall()
        )
        pictures = con.execute(
            "SELECT p.source_line, p.page, p.png FROM line_pictures p JOIN programmes g USING (source_file) "
            "WHERE g.programme_id = $1",
            [PROGRAMME],
        ).fetchall()
        elsewhere = con.execute(
            "SELECT count(*) FROM line_pictures JOIN programmes USING (source_file) WHERE programme_id <> $1",
            [PROGRAMME],
        ).fetchone()[0]
    assert marked and {line for line, _, _ in pictures} == set(marked)
    for line, page, png in pictures:
        assert marked[line].startswith(f"Read by OCR from page {page}:")
        picture = Image.open(io.BytesIO(png)).convert("L")
        assert picture.width > 100 and 20 < picture.height < 600  # a line or a row, not the page
        dark = sum(picture.histogram()[:128]) / (picture.width * picture.height)
        assert 0.005 < dark < 0.5, (line, dark)  # print on it, not a blank margin
    assert elsewhere == 0  # the programmes read from text have none


@needs_tesseract
def test_the_reader_says_which_pages_were_recognised(scanned):
    text = read_programme_file(scanned)
    assert text.format == "pdf_ocr" and text.ocr_pages == tuple(range(1, 10))
    assert any("read by OCR" in note for note in text.notes)
    assert all(locator.startswith("page ") for locator in text.locators)


@needs_tesseract
def test_recognition_past_its_time_is_stopped_and_leaves_nothing(scanned, monkeypatch, tmp_path):
    monkeypatch.setattr(ocr, "START_S", 0.5)
    monkeypatch.setattr(ocr, "SECONDS_PER_PAGE", 0.0)
    monkeypatch.setattr(ocr, "_recognised", {})
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    started = []
    real_popen = ocr.subprocess.Popen
    monkeypatch.setattr(ocr.subprocess, "Popen", lambda *a, **k: started.append(real_popen(*a, **k)) or started[-1])
    with pytest.raises(SourceError) as error:
        read_programme_file(scanned)
    assert error.value.kind == "timeout"
    assert started and not group_running(started[0].pid)
    assert list(tmp_path.iterdir()) == []


def test_without_tesseract_the_user_is_told_how_to_install_it(scanned, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # the worker starts from sys.executable; it finds no tesseract
    monkeypatch.setattr(ocr, "_recognised", {})
    with pytest.raises(SourceError) as error:
        read_programme_file(scanned)
    assert error.value.kind == "ocr_missing"
    assert "apt-get install -y tesseract-ocr tesseract-ocr-ukr" in error.value.message_in("en")
    assert "Встановіть" in error.value.message_in("uk")


def _picture_of(text: str, path: Path) -> Path:
    """A one-page PDF whose only content is a picture of ``text`` in a ruled cell, as a scan prints it."""
    from PIL import Image, ImageDraw, ImageFont

    from bench.synthetic.fixture_documents import FONT_DIR

    picture = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(picture)
    draw.rectangle((400, 400, 700, 480), outline=0, width=3)
    draw.text((430, 415), text, fill=0, font=ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 44))
    picture.save(path, resolution=200)
    return path


@needs_tesseract
def test_the_second_reading_reads_the_picture_not_the_first_reading(tmp_path):
    import pypdfium2

    document = pypdfium2.PdfDocument(_picture_of("35,0", tmp_path / "cell.pdf").read_bytes())
    cell = tuple(v * 72 / 200 for v in (400, 400, 700, 480))  # the ruled cell, in points
    inside = (
        cell[0] + ocr.SECOND_INSET_PT,
        cell[1] + ocr.SECOND_INSET_PT,
        cell[2] - ocr.SECOND_INSET_PT,
        cell[3] - ocr.SECOND_INSET_PT,
    )
    again = ocr.second_readings(ocr.page_picture(document[0]), [inside])
    assert again == ["35,0"]
    assert not ocr.agree("135,0", again[0])  # a speck read as «1» in the first reading: the two differ
    assert ocr.unsure("135,0") == "135,0 (OCR unsure)"


def test_an_amount_whose_readings_differ_is_a_gap_with_an_issue_never_a_number():
    from tests.documents import document, read_detected

    header = "№ з/п\tПерелік заходів\tВиконавці\t2024\t2025"
    text = f"Програма міжнародного співробітництва на 2024-2025 роки\nПерелік заходів\n{header}\n1.\tВізити\tВідділ\t{ocr.unsure('135,0')}\t20,0\n"
    _, out, _ = read_detected(document(text, "scan.pdf"))
    amounts = {(a["year"], a["amount_status"]): a["amount_thousand_uah"] for a in out.amounts}
    assert amounts == {(2024, "not_stated"): None, (2025, "stated"): 20}
    assert any(i.kind == "unreadable_amount" and "OCR unsure" in i.message for i in out.issues)


def _crops_of(database: str, source_file: str, lines: list[int], lang: str) -> None:
    from pathlib import Path

    import pandas as pd
    import streamlit as st

    from ui.source_panel import ocr_crops
    from ui.state import Choices

    st.session_state["choices"] = Choices(database=Path(database), lang=lang, community_ids=[], years=[])
    ocr_crops(pd.DataFrame({"source_file": [source_file] * len(lines), "source_line": lines}), lang)


@needs_tesseract
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_source_panel_shows_the_crops_of_the_lines_read_by_ocr(built, lang):
    from streamlit.testing.v1 import AppTest

    with duckdb.connect(str(built), read_only=True) as con:
        source_file, lines = con.execute(
            "SELECT source_file, list(source_line ORDER BY source_line) FROM line_pictures GROUP BY source_file"
        ).fetchone()
    app = AppTest.from_function(_crops_of, args=(str(built), source_file, [*lines, 1], lang), default_timeout=30)
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    pictures = app.get("image")
    assert len(pictures) == len(lines)  # line 1, not read by OCR, has none
    captions = [image.proto.imgs[0].caption for image in pictures]
    page_word = {"uk": "сторінка", "en": "page"}[lang]
    assert all(source_file in caption and page_word in caption for caption in captions)
    heading = app.expander[0].label
    assert heading.endswith(f": {len(lines)}") and ("OCR" in heading)
