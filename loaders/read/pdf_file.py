"""Read a PDF with a text layer: paragraphs and ruled tables in reading order.

Undone on the way: lines wrapped in a paragraph or a narrow cell (joined back, hyphenation too),
page headers and footers (dropped), header rows repeated on a continuation page (dropped) and a
table row split by a page break (joined).
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from ..source_documents import SourceError
from .document_text import DocumentText, ReadLimits
from .wrapped_text import join_wrapped

MARGIN_ZONE = 0.08  # a page header or footer sits in the top or bottom 8% of the page
PARAGRAPH_GAP = 1.35  # a line further below the previous than this many usual line pitches starts a paragraph
COLUMN_TOLERANCE = 6.0  # points: a continued table has its columns where the first part had them (ruling lines are found to a few points)
MAX_REPEATED_HEADER_ROWS = 3
_LIST_ITEM = re.compile(r"^([-–—•]\s|\d+(\.\d+)*[.)]|[IVXLC]+\.\s)")
JUSTIFIED_TOLERANCE = 1.5  # points from the right edge: a line of justified text that the wrap filled
JUSTIFIED_SHARE = 0.3  # the body is justified when this share of its lines reach the right edge
_PAGE_NUMBER = re.compile(r"^[\W_]*#[\W_]*$|^(сторінка|стор\.|page)\s*#(\s*(з|із|of)\s*#)?$", re.IGNORECASE)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class _Table:
    page: int
    number: int  # on its page
    columns: list[float]  # left edges
    rows: list[list[str]]
    merged: list[list[tuple[int, str]]]
    locators: list[str]
    continues: bool = False

    @property
    def width(self) -> int:
        return len(self.columns)


@dataclass
class _Page:
    number: int
    elements: list = field(default_factory=list)  # (top, _Line | _Table)


def read_pdf_file(raw: bytes, path: Path, limits: ReadLimits) -> DocumentText:
    if b"%PDF-" not in raw[:1024]:
        raise SourceError.of("not_pdf", path, detail="it does not start like a PDF file")
    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
        pages = pdf.pages
    except (PdfminerException, PDFPasswordIncorrect, PDFEncryptionError, PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or b"/Encrypt" in raw:
            raise SourceError.of("encrypted_pdf", path) from exc
        raise SourceError.of("not_pdf", path, detail=f"{type(cause).__name__}: {cause}") from exc
    with pdf:
        if len(pages) > limits.max_pages:
            raise SourceError.of("too_many_pages", path, pages=len(pages), limit=limits.max_pages)
        if not any(page.chars for page in pages):
            raise SourceError.of("scanned_pdf", path, pages=len(pages))
        read = [_read_page(page, number) for number, page in enumerate(pages, start=1)]
        heights = {number: page.height for number, page in enumerate(pages, start=1)}
    dropped = _drop_headers_and_footers(read, heights)
    return _render(read, dropped)


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _read_page(page, number: int) -> _Page:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    text_only = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    out = _Page(number)
    for line in text_only.extract_text_lines(strip=True):
        if line["text"].strip():
            out.elements.append((line["top"], _Line(line["text"], line["x0"], line["x1"], line["top"], line["bottom"])))
    for index, table in enumerate(sorted(tables, key=lambda t: t.bbox[1]), start=1):
        out.elements.append((table.bbox[1], _read_table(table, number, index)))
    out.elements.sort(key=lambda element: element[0])
    return out


def _read_table(table, page: int, number: int) -> _Table:
    extracted = table.extract()
    columns = sorted({cell[0] for cell in table.cells})
    right = table.bbox[2]
    texts: dict[tuple, str] = {}
    for row, row_text in zip(table.rows, extracted, strict=True):
        for cell, text in zip(row.cells, row_text, strict=True):
            if cell is not None:
                texts[cell] = join_wrapped((text or "").split("\n"))
    rows, merged, locators = [], [], []
    for index, row in enumerate(table.rows, start=1):
        cells, fills = [], []
        for column, cell in enumerate(row.cells):
            if cell is not None:
                cells.append(texts[cell])
                continue
            cells.append("")
            x = (columns[column] + (columns[column + 1] if column + 1 < len(columns) else right)) / 2
            y = (row.bbox[1] + row.bbox[3]) / 2
            cover = next((c for c in texts if c[0] <= x <= c[2] and c[1] <= y <= c[3]), None)
            if cover is not None and texts[cover]:
                fills.append((column, texts[cover]))
        rows.append(cells)
        merged.append(fills)
        locators.append(f"page {page}, table {number}, row {index}")
    return _Table(page, number, columns, rows, merged, locators)


def _drop_headers_and_footers(pages: list[_Page], heights: dict[int, float]) -> set[int]:
    """Ids of the lines that are page headers or footers: in a page's margin zone and repeated on most pages, or a page number."""
    candidates: list[tuple[int, str]] = []
    for page in pages:
        lines = [e for _, e in page.elements if isinstance(e, _Line)]
        height = heights[page.number]
        for line in lines[:1] + lines[-1:]:
            if line.bottom < height * MARGIN_ZONE or line.top > height * (1 - MARGIN_ZONE):
                candidates.append((id(line), re.sub(r"\d+", "#", line.text.strip())))
    counts = Counter(key for _, key in set(candidates))
    repeated = max(2, (len(pages) + 1) // 2)
    return {line_id for line_id, key in candidates if counts[key] >= repeated or _PAGE_NUMBER.match(key)}


def _render(pages: list[_Page], dropped: set[int]) -> DocumentText:
    body = [e for page in pages for _, e in page.elements if not (isinstance(e, _Line) and id(e) in dropped)]
    text_lines = [e for e in body if isinstance(e, _Line)]
    layout = _Layout.of(text_lines)
    lines: list[str] = []
    locators: list[str] = []
    merged: list[tuple[tuple[int, str], ...]] = []
    notes = [f"read as a PDF: {len(pages)} pages"] + ([f"dropped {len(dropped)} page header/footer lines"] if dropped else [])
    paragraph: list[_Line] = []
    where: dict[int, str] = {}
    for page in pages:
        numbered = [e for _, e in page.elements if isinstance(e, _Line) and id(e) not in dropped]
        where.update({id(line): f"page {page.number}, line {n}" for n, line in enumerate(numbered, start=1)})

    def flush() -> None:
        if paragraph:
            lines.append(join_wrapped([p.text for p in paragraph]))
            locators.append(where[id(paragraph[0])])
            merged.append(())
            paragraph.clear()

    chain: _Table | None = None  # the table a table right after it (no text between, maybe on the next page) continues
    for page in pages:
        for _, element in page.elements:
            if isinstance(element, _Line):
                if id(element) in dropped:
                    continue
                new_page = where[id(element)].endswith(", line 1")
                if paragraph and not layout.same_paragraph(paragraph[-1], element, new_page):
                    gap = not new_page and layout.after_gap(paragraph[-1], element)
                    flush()
                    if gap:  # vertical space between paragraphs is an empty line, as in a text export
                        lines.append("")
                        locators.append(f"page {page.number}, space before {where[id(element)].split(', ')[1]}")
                        merged.append(())
                paragraph.append(element)
                chain = None
                continue
            flush()
            rows, fills, places = element.rows, element.merged, element.locators
            if chain is not None and _continues(chain, element):
                skip = _repeated_header_rows(chain, element)
                rows, fills, places = rows[skip:], fills[skip:], places[skip:]
                notes.append(
                    f"table {element.number} on page {element.page} continues the table on page {chain.page}"
                    + (f"; {skip} repeated header row(s) dropped" if skip else "")
                )
                if rows and lines and _splits_row(lines[-1].split("\t"), rows[0]):
                    lines[-1] = "\t".join(join_wrapped([a, b]) for a, b in zip(lines[-1].split("\t"), rows[0], strict=True))
                    locators[-1] += f" (continued on page {element.page})"
                    notes.append(f"a table row split by the page break before page {element.page} was joined")
                    rows, fills, places = rows[1:], fills[1:], places[1:]
            else:
                chain = element
            for row, fill, locator in zip(rows, fills, places, strict=True):
                lines.append("\t".join(row))
                locators.append(locator)
                merged.append(tuple(fill))
    flush()
    return DocumentText(tuple(lines), tuple(locators), "pdf", tuple(notes), tuple(merged))


@dataclass(frozen=True)
class _Layout:
    """How the body text is set: its right edge, line pitch, and whether it is justified."""

    right_edge: float
    pitch: float
    justified: bool

    @classmethod
    def of(cls, lines: list[_Line]) -> _Layout:
        right_edge = max((line.x1 for line in lines), default=0.0)
        pitches = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top]
        at_edge = sum(1 for line in lines if right_edge - line.x1 <= JUSTIFIED_TOLERANCE)
        return cls(right_edge, statistics.median(pitches) if pitches else 0.0, at_edge >= JUSTIFIED_SHARE * len(lines))

    def after_gap(self, above: _Line, line: _Line) -> bool:
        return bool(self.pitch) and line.top - above.top > PARAGRAPH_GAP * self.pitch

    def same_paragraph(self, above: _Line, line: _Line, new_page: bool) -> bool:
        """Whether ``line`` goes on the paragraph that ``above`` ends.

        Not after a gap, nor for a list item after a line that ends a sentence. In justified text,
        only after a line that reaches the right edge; otherwise only when ``above`` had no room
        for ``line``'s first word (or a wrapper would have put it there).
        """
        if not new_page and self.after_gap(above, line):
            return False
        if _LIST_ITEM.match(line.text) and above.text.rstrip()[-1:] in ".;:!?":
            return False
        room = self.right_edge - above.x1
        if self.justified:
            return room <= JUSTIFIED_TOLERANCE
        first_word = line.text.split(" ", 1)[0]
        char_width = (line.x1 - line.x0) / max(len(line.text), 1)
        return room < char_width * (len(first_word) + 1)


def _continues(first: _Table, table: _Table) -> bool:
    return first.width == table.width and all(abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(first.columns, table.columns, strict=True))


def _repeated_header_rows(first: _Table, continuation: _Table) -> int:
    count = 0
    while (
        count < min(MAX_REPEATED_HEADER_ROWS, len(first.rows) - 1, len(continuation.rows))
        and continuation.rows[count] == first.rows[count]
        and any(c.strip() for c in first.rows[count])
    ):
        count += 1
    return count


def _splits_row(last: list[str], first: list[str]) -> bool:
    """Whether ``first`` (at the top of a page) is the rest of ``last`` (at the bottom of the page before).

    It is when its first cell (the number) is empty and a cell goes on, in lower case, with a text that ``last`` began.
    """
    if len(last) != len(first) or first[0].strip():
        return False
    return any(b[:1].islower() and a.strip() for a, b in zip(last, first, strict=True))
