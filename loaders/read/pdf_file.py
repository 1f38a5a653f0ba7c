"""Read a PDF (a scan through OCR first): paragraphs and tables (ruled, or found without ruling by pdf_borderless) in reading order.

Undone on the way: lines wrapped in a paragraph or a narrow cell (joined back, hyphenation too),
page headers and footers (dropped), header rows repeated on a continuation page (dropped) and a
table row split by a page break (joined).
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image

from ..errors import SourceError
from ..ukrainian_text import nearly_same
from .document_text import DocumentText, ReadLimits, numbers_its_columns
from .ocr import (
    SECOND_INSET_PT,
    SECOND_PAD_PT,
    agree,
    is_amount_word,
    page_picture,
    pages_to_recognise,
    recognise,
    roman_heading,
    ruling_lines,
    second_readings,
    unsure,
)
from .pdf_borderless import Borderless, find_tables
from .wrapped_text import join_wrapped

MARGIN_ZONE = 0.08  # a page header or footer sits in the top or bottom 8% of the page
PARAGRAPH_GAP = 0.35  # a line further below the previous than the usual step between paragraphs and this share of a line: an empty line
NEW_PARAGRAPH = 1.2  # a line further below the previous than this many line pitches starts a new paragraph
SPACING_MAX = 1.9  # paragraph spacing ("space after") is less than this many line pitches; more is an empty paragraph
SPACING_SHARE = (
    0.03  # the steps between lines that are paragraph spacing, when they are at least this share of all steps (and 3)
)
COLUMN_TOLERANCE = 6.0  # points: a continued table has its columns where the first part had them (ruling lines are found to a few points)
MAX_REPEATED_HEADER_ROWS = 3
_LIST_ITEM = re.compile(r"^([-–—•]\s|\d+(\.\d+)*[.)]|[IVXLC]+\.\s|[а-щьюяєіїґ]\)\s)")  # «1.», «2)», «II. », «– », «з) »
JUSTIFIED_TOLERANCE = 1.5  # points from the right edge: a line of justified text that the wrap filled
RIGHT_SET_SHARE = (
    0.25  # a line at the right edge that starts further in than this share of the text's width is set flush right
)
JUSTIFIED_SHARE = 0.3  # the body is justified when this share of its lines reach the right edge
_PAGE_NUMBER = re.compile(r"^[\W_]*#[\W_]*$|^(сторінка|стор\.|page)\s*#(\s*(з|із|of)\s*#)?$", re.IGNORECASE)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page_width: float = 0.0  # portrait and landscape pages of one document have their own right edges
    first_word_width: float | None = None  # as printed, with the space before it; None: estimated from the line
    tab_stop: bool = False  # a gap wider than TAB_GAP font sizes inside it («Секретар ради      І. ПЕТРЕНКО»)


@dataclass
class _Table:
    page: int
    number: int  # on its page
    columns: list[float]  # left edges
    rows: list[list[str]]
    merged: list[list[tuple[int, str]]]
    locators: list[str]
    continues: bool = False
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)  # each row's, where known
    headed: bool = False  # a table without ruling whose first rows were read as its header (columns from their titles)

    @property
    def width(self) -> int:
        return len(self.columns)


@dataclass
class _Page:
    number: int
    elements: list = field(default_factory=list)  # (top, _Line | _Table)


def read_pdf_file(raw: bytes, path: Path, limits: ReadLimits) -> DocumentText:
    """The PDF's paragraphs and tables; pages that are only a scanner's picture are recognised first (:mod:`.ocr`)."""
    with _opened(raw, path) as pdf:
        pages = pdf.pages
        if len(pages) > limits.max_pages:
            raise SourceError.of("too_many_pages", path, pages=len(pages), limit=limits.max_pages)
        scanned = pages_to_recognise(pages, path)
        if not scanned:
            if not any(page.chars for page in pages):
                raise SourceError.of("blank_pdf", path, pages=len(pages))
            return _read_pages(pages)
    recognised = recognise(raw, path, len(scanned))
    # opened once: each scanned page is drawn from it for its ruling lines and amounts
    pictures = pypdfium2.PdfDocument(recognised)
    try:
        with _opened(recognised, path) as pdf:
            read = _read_pages(pdf.pages, pictures, set(scanned))
    finally:
        pictures.close()
    notes = (
        f"pages {_ranges(scanned)} are a scanner's pictures: their text was read by OCR (Tesseract, Ukrainian), their tables from the ruling lines in the picture",
    )
    return replace(read, format="pdf_ocr", notes=(*notes, *read.notes), ocr_pages=tuple(scanned), ocr_pdf=recognised)


def _opened(raw: bytes, path: Path):
    if b"%PDF-" not in raw[:1024]:
        raise SourceError.of("not_pdf", path, detail="it does not start like a PDF file")
    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
        pdf.pages  # noqa: B018 - parses the page tree, where a broken file fails
    except (
        PdfminerException,
        PDFPasswordIncorrect,
        PDFEncryptionError,
        PDFSyntaxError,
        PSException,
        ValueError,
        KeyError,
        TypeError,
    ) as exc:
        cause = (
            exc.args[0]
            if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], Exception)
            else exc
        )
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or b"/Encrypt" in raw:
            raise SourceError.of("encrypted_pdf", path) from exc
        raise SourceError.of("not_pdf", path, detail=f"{type(cause).__name__}: {cause}") from exc
    return pdf


@dataclass
class _Scanned:
    """A page whose text OCR recognised: its page of the recognised PDF (to draw), the ruling lines found in its picture,
    and its picture at 300 dpi, drawn once when an amount on it is first read again."""

    page: pypdfium2.PdfPage = field(repr=False)
    ruling: list[dict] = field(init=False)
    _picture: Image.Image | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.ruling = ruling_lines(self.page)

    def second_readings(self, boxes: list[tuple[float, float, float, float]]) -> list[str]:
        if boxes and self._picture is None:
            self._picture = page_picture(self.page)
        return second_readings(self._picture, boxes)


def _read_pages(pages, pictures: pypdfium2.PdfDocument | None = None, scanned: set[int] = frozenset()) -> DocumentText:
    """``scanned``: the numbers of the pages OCR recognised, drawn from ``pictures`` (a page's drawing lives while the
    page is read)."""
    read, hint = [], None
    for number, page in enumerate(pages, start=1):
        read_page, hint = _read_page(page, number, hint, _Scanned(pictures[number - 1]) if number in scanned else None)
        read.append(read_page)
    heights = {number: page.height for number, page in enumerate(pages, start=1)}
    dropped = _drop_headers_and_footers(read, heights)
    return _render(read, dropped)


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``1–3, 5``.

    >>> _ranges([1, 2, 3, 5]), _ranges([4])
    ('1–3, 5', '4')
    """
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


# a list's marks a word processor writes in a symbol font's private code points (Symbol's bullet, Wingdings' square,
# arrow and tick), which mean nothing as text
SYMBOL_BULLETS = dict.fromkeys(("\uf0b7", "\uf0a7", "\uf0d8", "\uf0fc", "\uf076", "\uf0a8", "\uf06c", "\uf06e"), "•")


def _plain_bullets(page) -> None:
    """Write a list's marks in a symbol font's private code points as «•», on the page's own characters."""
    for char in page.chars:
        if char["text"] in SYMBOL_BULLETS:
            char["text"] = SYMBOL_BULLETS[char["text"]]


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _read_page(
    page, number: int, hint: list[float] | None = None, scanned: _Scanned | None = None
) -> tuple[_Page, list[float] | None]:
    """The page's text lines and tables, and the columns of a borderless table that ends it (the next page's ``hint``).
    ``scanned``: for a recognised page, the PDF and the ruling lines of its picture, where its tables are ruled."""
    if scanned is not None:
        page = _without_specks(page, [line for line in scanned.ruling if not line["width"]])
    _plain_bullets(page)
    tables = page.find_tables(_ruled_by(scanned.ruling) if scanned is not None else None)
    boxes = [t.bbox for t in tables]
    if scanned is not None:
        _mark_unsure_amounts(page, scanned, boxes)
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    borderless = find_tables(outside.extract_words(extra_attrs=["size"]), hint)
    boxes += [_padded(t.bbox) for t in borderless]
    text_only = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    out = _Page(number)
    for line in text_only.extract_text_lines(strip=True):
        if line["text"].strip():
            chars = line.get("chars", [])
            text = roman_heading(line["text"]) if scanned is not None else line["text"]
            out.elements.append(
                (
                    line["top"],
                    _Line(
                        text,
                        line["x0"],
                        line["x1"],
                        line["top"],
                        line["bottom"],
                        round(page.width),
                        _first_word_width(chars),
                        _has_tab_stop(chars),
                    ),
                )
            )
    words = page.extract_words(keep_blank_chars=False) if tables else []
    for index, table in enumerate(sorted(tables, key=lambda t: t.bbox[1]), start=1):
        out.elements.append((table.bbox[1], _read_table(table, number, index, words, scanned)))
    start = len(tables) + 1
    for index, table in enumerate(borderless, start=start):
        out.elements.append((table.bbox[1], _borderless_table(table, number, index)))
    out.elements.sort(key=lambda element: element[0])
    # not the footer
    body = [e for top, e in out.elements if top < page.height * (1 - MARGIN_ZONE) or isinstance(e, _Table)]
    last = body[-1] if body else None
    ends_page = borderless and isinstance(last, _Table) and last.number >= start
    return out, (borderless[-1].columns if ends_page else None)


SPECK = re.compile(r"^[^\w№%]{1,2}$")  # what OCR makes of a speck of dust: «.», «-», «|», «"», «',»
SPECK_GAP = 2.0  # font sizes: a speck stands this far from any word of its line
SPECK_WIDTH = 0.15  # font sizes: or it is narrower than any sign printed in the font
RULE_SIGNS = {"|", "||", "!", "[", "]"}  # a ruling line read as a letter
RULE_TOUCH = 1.0  # points: a letter this close to a vertical ruling line lies on it
THIN = set("1lIіІїЇ!|")  # the letters a ruling line is read as; a wider letter on a ruling line is a letter of the cell
# never printed in a programme: OCR's reading of a ruling line, even glued to a word («|2023»)
RULE_LETTERS = {
    "|",
    "¦",
}


def _without_specks(page, columns: list[dict]):
    """A scanned page without the marks OCR read from specks: words narrower than any letters they claim to be, and one
    or two signs that are no letter, digit or «№» standing alone, far from the words of their line (a dash or a quote
    beside a word stays); and a
    ruling line read as a letter: «|» anywhere, even glued to a word, and a thin letter («1», «і», «l») that lies on one of the vertical ruling lines ``columns``
    (a cell's text never touches its border, which OCR reads as «1», «і» or «|» beside the cell's first or last word)."""
    on_rule = [(line["x0"] - RULE_TOUCH, line["top"], line["x0"] + RULE_TOUCH, line["bottom"]) for line in columns]
    page = page.filter(
        lambda obj: (
            obj.get("object_type") != "char"
            or not (obj["text"] in RULE_LETTERS or (obj["text"] in THIN and _crosses(obj, on_rule)))
        )
    )
    words = page.extract_words(extra_attrs=["size"])
    specks = []
    for word in words:
        if word["text"] in RULE_SIGNS or word["x1"] - word["x0"] < SPECK_WIDTH * word["size"] * len(word["text"]):
            specks.append((word["x0"], word["top"], word["x1"], word["bottom"]))
            continue
        if not SPECK.match(word["text"]):
            continue
        reach = SPECK_GAP * word["size"]
        neighbours = [
            w
            for w in words
            if w is not word
            and w["top"] < word["bottom"]
            and w["bottom"] > word["top"]
            and w["x0"] - reach < word["x1"]
            and w["x1"] + reach > word["x0"]
        ]
        if not neighbours:
            specks.append((word["x0"], word["top"], word["x1"], word["bottom"]))
    return page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, specks)) if specks else page


def _mark_unsure_amounts(page, scanned: _Scanned, tables: list[tuple[float, float, float, float]]) -> None:
    """Each amount on a recognised page outside its ruled ``tables`` (whose cells :func:`_mark_unsure_cells` checks) is
    read a second time (:func:`.ocr.second_readings`); where the readings differ, the amount's text says so
    («135,0 (OCR unsure)»), and the extractor reads it as no amount, a gap with a data issue, never as either."""
    words = [w for w in page.extract_words(return_chars=True) if is_amount_word(w["text"]) and not _inside(w, tables)]
    around = [
        (w["x0"] - SECOND_PAD_PT, w["top"] - SECOND_PAD_PT, w["x1"] + SECOND_PAD_PT, w["bottom"] + SECOND_PAD_PT)
        for w in words
    ]
    for word, again in zip(words, scanned.second_readings(around), strict=True):
        if not agree(word["text"], again):
            word["chars"][-1]["text"] += unsure("")  # the page's own char, which the lines and cells are read from


def _mark_unsure_cells(checked: dict[tuple, str], texts: dict[tuple, str], scanned: _Scanned) -> None:
    """Each amount in a recognised page's ruled ``checked`` cells (cell -> text) is read a second time from inside the
    cell's ruling; where the readings differ, its text in ``texts`` says so (:func:`.ocr.unsure`): a gap, never either."""
    cells = [cell for cell, text in checked.items() if is_amount_word(text)]
    inside = [
        (x0 + SECOND_INSET_PT, top + SECOND_INSET_PT, x1 - SECOND_INSET_PT, bottom - SECOND_INSET_PT)
        for x0, top, x1, bottom in cells
    ]
    for cell, again in zip(cells, scanned.second_readings(inside), strict=True):
        if not agree(texts[cell], again):
            texts[cell] = unsure(texts[cell])


def _crosses(char: dict, rules: list[tuple[float, float, float, float]]) -> bool:
    y = (char["top"] + char["bottom"]) / 2
    return any(char["x0"] <= x1 and char["x1"] >= x0 and top <= y <= bottom for x0, top, x1, bottom in rules)


def _ruled_by(ruling: list[dict]) -> dict:
    return {
        "vertical_strategy": "lines",
        "horizontal_strategy": "lines",
        "explicit_vertical_lines": [line for line in ruling if not line["width"]],
        "explicit_horizontal_lines": [line for line in ruling if not line["height"]],
    }


def _padded(bbox: tuple[float, float, float, float], pad: float = 1.0) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = bbox
    return x0 - pad, top - pad, x1 + pad, bottom + pad


def _borderless_table(table: Borderless, page: int, number: int) -> _Table:
    locators = [f"page {page}, table {number} (no ruling), row {index}" for index in range(1, len(table.rows) + 1)]
    return _Table(
        page, number, list(table.columns), table.rows, [[] for _ in table.rows], locators, headed=table.header_rows > 0
    )


LINE_TOLERANCE = 2.0  # points: words whose tops differ by less are on one line of a cell


def _cell_text(words: list[dict], cell: tuple[float, float, float, float]) -> str:
    """The text of a table cell from the words inside it, its wrapped lines joined back. A line that runs to the
    cell's right edge (as far as the cell's left padding from it) may end in a word broken for want of room."""
    x0, top, x1, bottom = cell
    inside = sorted(
        (w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom),
        key=lambda w: (w["top"], w["x0"]),
    )
    lines: list[list[dict]] = []
    for word in inside:
        if lines and abs(word["top"] - lines[-1][0]["top"]) < LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    if not lines:
        return ""
    lines = [sorted(line, key=lambda w: w["x0"]) for line in lines]
    padding = max(min(line[0]["x0"] for line in lines) - x0, 0.0)
    edge = x1 - padding
    filled = []
    for line in lines:
        last = line[-1]
        letter = (last["x1"] - last["x0"]) / max(len(last["text"]), 1)
        filled.append(last["x1"] >= edge - 1.5 * letter)
    return join_wrapped([" ".join(w["text"] for w in line) for line in lines], in_cell=True, filled=filled)


WORD_GAP = 0.15  # of the font size: a wider gap between two letters is a space (PDFs often print none)


TAB_GAP = 2.0  # font sizes: a wider gap between two letters of a line is a tab stop, never a space


def _has_tab_stop(chars: list[dict]) -> bool:
    """Whether a line's letters stand apart somewhere by more than a space could stretch: a tab stop (a signature's
    name at the right margin), which no line of running text has."""
    printed = [c for c in chars if not c["text"].isspace()]
    return any(b["x0"] - a["x1"] > TAB_GAP * a["size"] for a, b in itertools.pairwise(printed))


def _first_word_width(chars: list[dict]) -> float | None:
    """How much room a line's first word needs at the end of the line above: its printed width and a space."""
    if not chars or chars[0]["text"].isspace():
        return None
    end = 0
    while (
        end + 1 < len(chars)
        and not chars[end + 1]["text"].isspace()
        and chars[end + 1]["x0"] - chars[end]["x1"] <= WORD_GAP * chars[end]["size"]
    ):
        end += 1
    return chars[end]["x1"] - chars[0]["x0"] + 0.3 * chars[0]["size"]


def _read_table(table, page: int, number: int, words: list[dict], scanned: _Scanned | None = None) -> _Table:
    columns = sorted({cell[0] for cell in table.cells})
    right = table.bbox[2]
    texts: dict[tuple, str] = {}
    x0, top, x1, bottom = table.bbox
    words = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    for row in table.rows:
        for cell in row.cells:
            if cell is not None:
                texts[cell] = _cell_text(words, cell)
    if scanned is not None:
        numbering = {
            cell
            for row in table.rows
            if numbers_its_columns([texts.get(c, "") if c else "" for c in row.cells])
            for cell in row.cells
        }
        _mark_unsure_cells({cell: text for cell, text in texts.items() if cell not in numbering}, texts, scanned)
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
    return _Table(
        page,
        number,
        columns,
        rows,
        merged,
        locators,
        boxes=[(x0, row.bbox[1], right, row.bbox[3]) for row in table.rows],
    )


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
    notes = [f"read as a PDF: {len(pages)} pages"] + (
        [f"dropped {len(dropped)} page header/footer lines"] if dropped else []
    )
    paragraph: list[_Line] = []
    boxes: list[tuple[str, tuple[float, float, float, float, float]]] = []
    where: dict[int, str] = {}
    for page in pages:
        numbered = [e for _, e in page.elements if isinstance(e, _Line) and id(e) not in dropped]
        where.update({id(line): f"page {page.number}, line {n}" for n, line in enumerate(numbered, start=1)})

    def flush() -> None:
        if paragraph:
            lines.append(join_wrapped([p.text for p in paragraph]))
            locators.append(where[id(paragraph[0])])
            merged.append(())
            # where the paragraph is on its first page (a scan's line is shown as a crop of it)
            page = int(where[id(paragraph[0])].split(",")[0].removeprefix("page "))
            on_page = [p for p in paragraph if where[id(p)].startswith(f"page {page}, ")]
            box = (min(p.x0 for p in on_page), on_page[0].top, max(p.x1 for p in on_page), on_page[-1].bottom)
            boxes.append((locators[-1], (page, *box)))
            paragraph.clear()

    chain: _Table | None = None  # the table a table right after it (no text between, maybe on the next page) continues
    # the first table of each chain so far (the last is ``chain``'s): a header repeated on a later page is one of theirs
    headed: list[_Table] = []
    chain_rows: list[int] = []  # the indexes in ``lines`` of that table's rows, continuations included
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
            mapping = _continues(chain, element) if chain is not None else None
            if mapping is not None:
                element = _widened(element, mapping, chain.width)
            rows, fills, places = element.rows, element.merged, element.locators
            if mapping is not None:
                first = max(headed[-3:], key=lambda first: _repeated_header_rows(first, element))
                skip = _repeated_header_rows(first, element)
                parted = _header_with_tail(first, element, skip)
                rows, fills, places = rows[skip:], fills[skip:], places[skip:]
                notes.append(
                    f"table {element.number} on page {element.page} continues the table on page {chain.page}"
                    + (f"; {skip} repeated header row(s) dropped" if skip else "")
                )
                if parted is not None:
                    after, tail = parted
                    rows, fills, places = [tail, *rows[after:]], [[], *fills[after:]], [places[0], *places[after:]]
                    notes.append(
                        f"the text at the top of page {element.page} that was read into the repeated header was "
                        "parted from it: the row before goes on"
                    )
                if rows and (rests := _clipped_rests(first, element, skip)) and _rests_alone(rows[0], rests):
                    rows = [["" if rest else cell for cell, rest in zip(rows[0], rests, strict=True)], *rows[1:]]
                    notes.append(
                        f"the repeated header at the top of page {element.page} was printed clipped; the rest of its "
                        "words, printed under it, was dropped from the row below"
                    )
                if (
                    rows
                    and chain_rows
                    and not (lines and _splits_row(lines[-1].split("\t"), rows[0], _codes_of_parts(lines, chain_rows)))
                ):
                    rows = [_carry_merged_cells(lines, chain_rows, rows[0]), *rows[1:]]
                    if rows[0] != element.rows[len(element.rows) - len(rows)]:
                        notes.append(
                            f"the text of a merged cell continued on page {element.page} was put back in its cell"
                        )
                    if not any(cell.strip() for cell in rows[0]):  # nothing else was on that row
                        rows, fills, places = rows[1:], fills[1:], places[1:]
                # the row the page break split (what is left of it once a merged cell's text went back to its cell),
                # its rest perhaps read as two rows at the page's top («.» / «3 . проєктів …» of «1 . 3 .»)
                continued = f" (continued on page {element.page})"
                while (
                    rows and lines and _splits_row(lines[-1].split("\t"), rows[0], _codes_of_parts(lines, chain_rows))
                ):
                    lines[-1] = "\t".join(
                        _join_split_cell(a, b) for a, b in zip(lines[-1].split("\t"), rows[0], strict=True)
                    )
                    if not locators[-1].endswith(continued):  # said once, however many rows the rest was read as
                        if boxes and boxes[-1][0] == locators[-1]:
                            boxes[-1] = (f"{locators[-1]}{continued}", boxes[-1][1])
                        locators[-1] += continued
                        notes.append(f"a table row split by the page break before page {element.page} was joined")
                    rows, fills, places = rows[1:], fills[1:], places[1:]
            else:
                chain = element
                headed.append(element)
                chain_rows = []
            box_of = dict(zip(element.locators, element.boxes, strict=False))
            for row, fill, locator in zip(rows, fills, places, strict=True):
                if locator in box_of:
                    boxes.append((locator, (element.page, *box_of[locator])))
                chain_rows.append(len(lines))
                lines.append("\t".join(row))
                locators.append(locator)
                merged.append(tuple(fill))
    flush()
    return DocumentText(tuple(lines), tuple(locators), "pdf", tuple(notes), tuple(merged), boxes=tuple(boxes))


@dataclass(frozen=True)
class _Layout:
    """How the body text is set: its right edge on pages of each width (portrait, landscape), line pitch, and whether
    it is justified."""

    right_edges: dict[float, float]
    pitch: float
    justified: bool
    paragraph_step: float = (
        0.0  # the usual step from a paragraph's last line to the next paragraph (its spacing); 0: none
    )
    left_edges: dict[float, float] = field(default_factory=dict)  # the text's left edge on pages of each width

    @classmethod
    def of(cls, lines: list[_Line]) -> _Layout:
        right_edges: dict[float, float] = {}
        left_edges: dict[float, float] = {}
        for line in lines:
            right_edges[line.page_width] = max(right_edges.get(line.page_width, 0.0), line.x1)
            left_edges[line.page_width] = min(left_edges.get(line.page_width, line.x0), line.x0)
        pairs = [(a, b) for a, b in itertools.pairwise(lines) if b.top > a.top]
        steps = sorted(b.top - a.top for a, b in pairs)
        pitch = steps[len(steps) // 4] if steps else 0.0  # the lines inside paragraphs: the shortest common step
        step, count = _usual([step for step in steps if NEW_PARAGRAPH * pitch < step < SPACING_MAX * pitch])
        # A paragraph that ends short of the edge with the next one a line's pitch below: this text has no paragraph
        # spacing, and a wider step is an empty line (a Word default adds spacing after every paragraph instead).
        unspaced = sum(
            1
            for a, b in pairs
            if b.top - a.top < NEW_PARAGRAPH * pitch and _room(a, right_edges) > (b.first_word_width or 0.0) + 1.0
        )
        spaced = count >= max(3, SPACING_SHARE * len(steps)) and unspaced * 4 < count
        at_edge = sum(1 for line in lines if right_edges[line.page_width] - line.x1 <= JUSTIFIED_TOLERANCE)
        return cls(
            right_edges, pitch, at_edge >= JUSTIFIED_SHARE * len(lines), float(step) if spaced else 0.0, left_edges
        )

    def set_flush_right(self, line: _Line) -> bool:
        """A line set flush right (a stamp's «від 18.12.2025 № 2210»): at the right edge, starting far in from the left."""
        left, right = self.left_edges.get(line.page_width, 0.0), self.right_edges[line.page_width]
        return _room(line, self.right_edges) <= JUSTIFIED_TOLERANCE and line.x0 - left > RIGHT_SET_SHARE * (
            right - left
        )

    def after_gap(self, above: _Line, line: _Line) -> bool:
        """Whether an empty line stands between: more space than a paragraph's spacing (when the text has any) and a part of a line."""
        return (
            bool(self.pitch)
            and line.top - above.top > (self.paragraph_step or self.pitch) + PARAGRAPH_GAP * self.pitch + 1
        )

    def same_paragraph(self, above: _Line, line: _Line, new_page: bool) -> bool:
        """Whether ``line`` goes on the paragraph that ``above`` ends.

        Not after a gap, nor for a list item after a line that ends a sentence. In justified text,
        only after a line that reaches the right edge; otherwise only when ``above`` had no room
        for ``line``'s first word (or a wrapper would have put it there).
        """
        if not new_page and line.top - above.top > NEW_PARAGRAPH * self.pitch:
            return False
        # after a sentence's end, a signature line set with a tab
        if line.tab_stop and above.text.rstrip()[-1:] in ".;:!?":
            return False
        if _LIST_ITEM.match(line.text) and above.text.rstrip()[-1:] in ".;:!?":
            return False
        # after a sentence's end, a line set in further (a paragraph's first-line indent) that begins a sentence
        if above.text.rstrip()[-1:] in ".;!?" and line.text[:1].isupper() and line.x0 - above.x0 > FIRST_LINE_INDENT:
            return False
        # a stamp set flush right is no full line of justified text: the centred title under it starts anew
        if self.set_flush_right(above) and not self.set_flush_right(line):
            return False
        room = _room(above, self.right_edges)
        if self.justified:
            return room <= JUSTIFIED_TOLERANCE
        if line.first_word_width is not None:
            return room < line.first_word_width + 1.0
        first_word = line.text.split(" ", 1)[0]
        char_width = (line.x1 - line.x0) / max(len(line.text), 1)
        return room < char_width * (len(first_word) + 1)


FIRST_LINE_INDENT = 14.0  # points (half a centimetre): a line set in this much further than the one above begins anew
STEP_TOLERANCE = 1.5  # points: steps this close are one step (a scan's recognised lines stand a point or two apart from where they were set)


def _usual(steps: list[float]) -> tuple[float, int]:
    """The step that most ``steps`` are within STEP_TOLERANCE of, and how many are; ``(0.0, 0)`` for none.

    >>> _usual([20.1, 21.4, 19.8, 30.0, 20.6]), _usual([])
    ((20, 4), (0.0, 0))
    """
    near = Counter(
        {round(step): sum(1 for other in steps if abs(other - round(step)) <= STEP_TOLERANCE) for step in steps}
    )
    return near.most_common(1)[0] if near else (0.0, 0)


def _room(line: _Line, right_edges: dict[float, float]) -> float:
    """The room left at the end of a line, before its pages' right edge."""
    return right_edges[line.page_width] - line.x1


def _continues(first: _Table, table: _Table) -> list[int] | None:
    """The column of ``first`` each column of ``table`` stands in, when ``table`` goes on with ``first``; else None.

    Its columns begin where ``first``'s do; without ruling lines a column may also begin further right inside one of
    ``first``'s (the first column's text indented under a header that starts left of it: «№ з/п Перелік заходів» over
    «– Участь …»), and columns empty on every row of the continuation are missing from it. Each column of ``first``
    holds at most one of ``table``'s, and every one of them but an indented first lines up with one of ``first``'s; a
    table read with a header of its own must have all of ``first``'s columns.

    >>> first = _Table(2, 1, [90.1, 289.5, 378.0, 433.4], [], [], [])
    >>> _continues(first, _Table(3, 1, [112.3, 289.5, 378.0, 433.4], [], [], []))
    [0, 1, 2, 3]
    >>> _continues(first, _Table(4, 1, [112.3, 433.4], [], [], []))
    [0, 3]
    >>> _continues(first, _Table(4, 1, [112.3, 300.0], [], [], [])) is None
    True
    """
    if first.width == table.width and all(
        abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(first.columns, table.columns, strict=True)
    ):
        return list(range(first.width))
    if table.headed:  # a header of its own: its columns are its titles', which would have to line up
        return None
    mapping: list[int] = []
    aligned = 0
    for x in table.columns:
        inside = [i for i, start in enumerate(first.columns) if start - COLUMN_TOLERANCE <= x]
        if not inside:
            return None
        column = inside[-1]
        if abs(first.columns[column] - x) <= COLUMN_TOLERANCE:
            aligned += 1
        elif mapping or column != 0:  # only the first column may be indented inside its column
            return None
        if mapping and column <= mapping[-1]:
            return None
        mapping.append(column)
    return mapping if aligned >= 1 and len(mapping) >= 2 else None


def _widened(table: _Table, mapping: list[int], width: int) -> _Table:
    """``table``'s rows with each cell in the column ``mapping`` gives it, in rows ``width`` cells wide."""
    if mapping == list(range(width)):
        return table
    rows = []
    for row in table.rows:
        wide = [""] * width
        for column, cell in zip(mapping, row, strict=True):
            wide[column] = cell
        rows.append(wide)
    merged = [[(mapping[column], text) for column, text in fills] for fills in table.merged]
    columns = [table.columns[mapping.index(i)] if i in mapping else 0.0 for i in range(width)]
    return replace(table, rows=rows, merged=merged, columns=columns)


def _repeated_header_rows(first: _Table, continuation: _Table) -> int:
    """How many rows at the top of ``continuation`` repeat the header of ``first``: row by row, or, where the header's
    titles wrap otherwise on this page («Орієнтовний обсяг» / «фінансування» against «Орієнтовний» / «обсяг …»), its
    rows joined column by column."""
    count = 0
    while (
        count < min(MAX_REPEATED_HEADER_ROWS, len(first.rows) - 1, len(continuation.rows))
        and _same_header(continuation.rows[count], first.rows[count])
        and any(c.strip() for c in first.rows[count])
    ):
        count += 1
    if count or first.width != continuation.width:
        return count
    for mine in range(1, min(MAX_REPEATED_HEADER_ROWS, len(continuation.rows)) + 1):
        for theirs in range(1, min(MAX_REPEATED_HEADER_ROWS, len(first.rows) - 1) + 1):
            if _same_header(_joined_rows(continuation.rows[:mine]), _joined_rows(first.rows[:theirs])):
                return mine
    return 0


def _header_with_tail(first: _Table, continuation: _Table, skip: int) -> tuple[int, list[str]] | None:
    """Where the row after the ``skip`` repeated header rows of ``continuation`` is the next header row of ``first``
    with words after it in some cells (the page-top rest of the row the page break split, which a borderless table
    read into the header, having nothing to start a row of its own): how many rows after ``skip`` are still header
    (that row and any repeated after it), and the words after the header, cell by cell, as a row of their own."""
    last = min(len(first.rows) - 1, len(continuation.rows))
    if skip >= last:
        return None
    tail = _tail_after_header(continuation.rows[skip], first.rows[skip])
    if tail is None:
        return None
    after = skip + 1
    while after < min(last, skip + MAX_REPEATED_HEADER_ROWS) and _same_header(
        continuation.rows[after], first.rows[after]
    ):
        after += 1
    return after - skip, tail


def _tail_after_header(mine: list[str], theirs: list[str]) -> list[str] | None:
    """The words of ``mine`` after the header row ``theirs``, cell by cell, where every cell of ``mine`` starts with the
    same cell of ``theirs`` (word by word), at least two cells print a header word, and some have words after it;
    else None.

    >>> _tail_after_header(["№ з / п", "Перелік заходів освіти, культури", "2025"], ["№ з / п", "Перелік заходів", "2025"])
    ['', 'освіти, культури', '']
    >>> _tail_after_header(["№ з / п", "Перелік заходів", "2025"], ["№ з / п", "Перелік заходів", "2025"]) is None
    True
    >>> _tail_after_header(["1.1", "Перелік заходів освіти", "2025"], ["№ з / п", "Перелік заходів", "2025"]) is None
    True
    """
    if len(mine) != len(theirs) or sum(bool(_letters(cell)) for cell in theirs) < 2:
        return None
    tail = []
    for cell, header in zip(mine, theirs, strict=True):
        words, header_words = cell.split(), header.split()
        head = words[: len(header_words)]
        if len(head) < len(header_words) or not nearly_same(_letters(" ".join(head)), _letters(header)):
            return None
        tail.append(" ".join(words[len(header_words) :]))
    return tail if any(_letters(cell) for cell in tail) else None


def _clipped_rests(first: _Table, continuation: _Table, skip: int) -> list[str]:
    """The letters a word processor clipped off each cell of the header it repeated at the top of ``continuation``
    (its first ``skip`` rows): «ння» of «Строк викона» under «Строк виконання»; "" for a cell printed whole. Empty
    when no cell was clipped."""
    rests = [""] * continuation.width
    for mine, theirs in zip(continuation.rows[:skip], first.rows[:skip], strict=False):
        for column, (a, b) in enumerate(zip(mine, theirs, strict=False)):
            shown, whole = _letters(a), _letters(b)
            if shown and whole.startswith(shown) and shown != whole:
                rests[column] = whole[len(shown) :]
    return rests if any(rests) else []


def _rests_alone(row: list[str], rests: list[str]) -> bool:
    """Whether each clipped header cell's rest stands alone in its column of ``row`` (the text overran the header
    into the row under it), so that it can be dropped from the row without losing the row's own text.

    >>> _rests_alone(["", "досвідом у сферах", "", "ння"], ["", "", "", "ння"]), _rests_alone(["", "", "", "роки"], ["", "", "", "ння"])
    (True, False)
    """
    return any(rests) and all(not rest or _letters(cell) == rest for cell, rest in zip(row, rests, strict=False))


def _same_header(mine: list[str], theirs: list[str]) -> bool:
    """Whether ``mine`` prints the header ``theirs``: the same row (``_same_row``), or with a cell's last lines cut off, as
    a word processor clips a header row it repeats at a page's top («№ з /» under «№ з / п»); no more cells clipped
    than printed whole, every other cell the same.

    >>> _same_header(["№ з /", "Напрям діяльності"], ["№ з / п", "Напрям діяльності"])
    True
    >>> _same_header(["№", "Перелік", "Строк викона"], ["№ з / п", "Перелік", "Строк виконання"])
    False
    >>> _same_header(["№", "Перелік", "Строк викона", "Виконавці"], ["№ з / п", "Перелік", "Строк виконання", "Виконавці"])
    True
    >>> _same_header(["№", "Напрям"], ["№ з / п", "Напрям діяльності"]), _same_header(["", "Напрям діяльності"], ["№ з / п", "Напрям діяльності"])
    (False, False)
    """
    if _same_row(mine, theirs):
        return True
    if len(mine) != len(theirs):
        return False
    # a cell clipped to a sign alone («№» of «№ з / п») has no letters left, but is printed
    letters = [(_letters(a), _letters(b), bool(a.strip())) for a, b in zip(mine, theirs, strict=True)]
    clipped = sum(a != b for a, b, _ in letters)
    whole = sum(bool(a) and a == b for a, b, _ in letters)
    return 1 <= clipped <= whole and all(
        nearly_same(a, b) or (printed and b.startswith(a)) for a, b, printed in letters
    )


def _joined_rows(rows: list[list[str]]) -> list[str]:
    """Rows as one: each column's texts joined with a space."""
    return [" ".join(cell.strip() for cell in column if cell.strip()) for column in zip(*rows, strict=True)]


_NUMBER_LIKE = re.compile(r"^[\d\s.,–—-]*$")
_LETTER_NUMBER = re.compile(r"^[а-яіїєґ]\s?\)\s")  # «б) Переклад …»: a row numbered with a letter, not text going on


def _goes_on_in_lower_case(cell: str) -> bool:
    """Whether a cell at a page's top starts in lower case as a text going on does: «містами-побратимами», not a row
    numbered with a letter («б) Переклад …»)."""
    return cell[:1].islower() and not _LETTER_NUMBER.match(cell)


_NUMBER_HEAD = re.compile(r"\d{1,3}(\.\d{1,3})*\.?")  # a row number a page break split: «2.» or «3» of «2.3.», «3.1.»
_NUMBER_TAIL = re.compile(r"\.?\d{1,3}(\.\d{1,3})*\.?")  # its rest on the next page: «3.», «.1.»
_ROW_CODE = re.compile(r"\d{1,3}(\.\d{1,3})+\.?")  # what the two make: a code of two parts or more


def _same_row(a: list[str], b: list[str]) -> bool:
    """Whether two rows print the same: cell by cell, the same letters and digits, or nearly (OCR's misreadings).

    >>> _same_row(["№ з/п", "2023"], ["№ з/п", "|2023"]), _same_row(["Перелік заходів програми"], ["Перелік заходів прогрями"])
    (True, True)
    >>> _same_row(["2023"], ["2024"]), _same_row(["1.1", "Захід"], ["1.2", "Захід"])
    (False, False)
    """
    return len(a) == len(b) and all(nearly_same(_letters(x), _letters(y)) for x, y in zip(a, b, strict=True))


def _letters(cell: str) -> str:
    """A cell's letters and digits, what two printings of one header are compared by."""
    return re.sub(r"[\W_]+", "", cell)


_AMOUNT_HEAD = re.compile(r"\d{1,3}(?: \d{3})*")  # an amount's thousands, before the space it wrapped at
# the rest of that amount: hundreds and decimals (their last digit maybe wrapped below, joined with a space: «000,0 0»)
_AMOUNT_REST = re.compile(r"\d{3}(?: \d{3})*,\d+(?: \d{1,2})?$")
_DECIMALS_HEAD = re.compile(r"\d{1,3}(?: \d{3})*,\d+")  # an amount wrapped inside its decimals («0,24» of «0,247»)
_DECIMALS_REST = re.compile(r"\d{1,3}")  # their rest, alone in its cell («7»)


def _amount_goes_on(before: str, cell: str) -> bool:
    """Whether ``cell`` is the rest of an amount that a page break split: at its thousands space (``1 916`` /
    ``000,00``: three digits and decimals never begin an amount) or inside its decimals (``0,24`` / ``7``).

    >>> _amount_goes_on("1", "916,0"), _amount_goes_on("0,24", "7"), _amount_goes_on("40,0", "300,0"), _amount_goes_on("40,0", "Обмін")
    (True, True, False, False)
    >>> _amount_goes_on("1 775", "000,0 0"), _amount_goes_on("1 775", "000,0 300,0")
    (True, False)
    """
    before, cell = before.strip(), cell.strip()
    return bool(_AMOUNT_HEAD.fullmatch(before) and _AMOUNT_REST.match(cell)) or _decimals_split(before, cell)


def _decimals_split(before: str, cell: str) -> bool:
    """Whether ``cell`` is the rest of an amount's decimals that a page break split: «0,24» / «7»."""
    return bool(_DECIMALS_HEAD.fullmatch(before.strip()) and _DECIMALS_REST.fullmatch(cell.strip()))


def _continues_text(before: str, cell: str) -> bool:
    """Whether ``cell`` (at the top of a page) goes on with a text that ``before`` began: it starts in lower case, or
    with a digit after words that end no sentence (``Протягом`` / ``2020 року``); never an amount after an amount.

    A range goes on after its dash (``2026–`` / ``2028 роки``), and an amount wrapped at its thousands space goes on
    with the rest (``1`` / ``916,0``).

    >>> _continues_text("Протягом", "2020 року"), _continues_text("40,0", "300,0"), _continues_text("Обмін.", "2020")
    (True, False, False)
    >>> _continues_text("2026–", "2028 роки"), _continues_text("1", "916,0"), _continues_text("1", "16,0")
    (True, True, False)
    """
    before = before.strip()
    if not before:
        return False
    if cell[:1].isdigit():
        if before[-1] in "–—-" or _amount_goes_on(before, cell) or _year_split(before, cell):
            return True
        return not _NUMBER_LIKE.match(before) and before[-1] not in ".;:!?"
    return _goes_on_in_lower_case(cell)


def _number_split(before: str, after: str) -> bool:
    """Whether two texts are a row code that a page break split: joined, a code of two parts or more.

    >>> _number_split("2.", "3."), _number_split("3", ". 1 ."), _number_split("1", "2"), _number_split("2.", "Обмін")
    (True, True, False, False)
    """
    head, tail = _unspaced(before), _unspaced(after)
    return bool(_NUMBER_HEAD.fullmatch(head) and _NUMBER_TAIL.fullmatch(tail) and _ROW_CODE.fullmatch(head + tail))


def _stop_split(before: str, after: str) -> bool:
    """Whether ``after`` is the last stop of a code of two parts or more that a page break split: «3.1» / «.».

    >>> _stop_split("3.1", "."), _stop_split("3 . 1", " . "), _stop_split("3.", "."), _stop_split("3.1", "2.")
    (True, True, False, False)
    """
    return after.strip() == "." and bool(re.fullmatch(r"\d{1,3}(\.\d{1,3})+", _unspaced(before)))


def _year_split(before: str, after: str) -> bool:
    """Whether a year was wrapped in a narrow column and split by the page break: «202» / «5».

    >>> _year_split("202", "5"), _year_split("20", "25"), _year_split("40", "5"), _year_split("2025", "2026")
    (True, True, False, False)
    """
    before, after = before.strip(), after.strip()
    return bool(
        re.fullmatch(r"\d{2,3}", before)
        and re.fullmatch(r"\d{1,2}", after)
        and re.fullmatch(r"(19|20)\d\d", before + after)
    )


def _code_split(before: str, after: str) -> bool:
    """Whether a page break split a row code: its parts («2.» / «3.») or its last stop («3.1» / «.»)."""
    return _number_split(before, after) or _stop_split(before, after)


_RANGE_HEAD = re.compile(r"\d\s*[–—-]$")  # «2022–»: a range whose end is on the next line (a dash alone is an amount)


def _codes_of_parts(lines: list[str], chain_rows: list[int]) -> bool:
    """Whether the table's rows so far are numbered with codes of two parts or more («1.1.»): then «1.» / «2.» at a page
    break is one code split; in a table numbered «1.», «2.», «3.» they are two rows."""
    return any(_ROW_CODE.fullmatch(_unspaced(lines[index].split("\t")[0])) for index in chain_rows)


def _unspaced(number: str) -> str:
    """A row number without the spaces a narrow cell's letters may be read with («1 . 5 .» is «1.5.»)."""
    return re.sub(r"\s+", "", number)


def _text_goes_on(before: str, cell: str) -> bool:
    """Whether ``cell`` may go on with the words of ``before``: both are words, and ``before`` ends no sentence."""
    before = before.strip()
    return bool(before) and before[-1:].isalpha() and cell.strip()[:1].isalpha()


def _join_split_cell(before: str, after: str) -> str:
    """A cell's text that a page break split: a row number is joined without a space («2.» / «3.» is «2.3.»).

    >>> _join_split_cell("2.", "3."), _join_split_cell("Переклад та", "друк"), _join_split_cell("0,24", "7"), _join_split_cell("6 196", "000,00")
    ('2.3.', 'Переклад та друк', '0,247', '6 196 000,00')
    """
    if _code_split(before, after):
        return _unspaced(before) + _unspaced(after)
    if _decimals_split(before, after) or _year_split(before, after):
        return before.strip() + after.strip()
    return join_wrapped([before, after], in_cell=True)


def _splits_row(last: list[str], first: list[str], codes_of_parts: bool = True) -> bool:
    """Whether ``first`` (at the top of a page) is the rest of ``last`` (at the bottom of the page before).

    It is when its first cell (the number) is empty, a cell goes on, in lower case, with a text that ``last`` began,
    and every other cell of it is empty: a cell that starts anew (a capital, an amount) belongs to a row of its own,
    beside a merged cell whose text goes on (``_carry_merged_cells``). ``codes_of_parts``: whether the table numbers
    its rows with codes of two parts or more, so that a row number may be split («2.» / «3.» of «2.3.»).

    >>> _splits_row(["1.1", "Обмін делегаціями між", "40,0"], ["", "містами-побратимами", ""])
    True
    >>> _splits_row(["1.1", "Напрям співпраці з", "Візити", "40,0"], ["", "містами-побратимами", "Прийом делегацій", "300,0"])
    False
    >>> _splits_row(["б", "Підготовка та подання", "2026–", "3", "281,0"], [")", "проєктних заявок", "2028 роки", "556,0", ""])
    True
    >>> _splits_row(["б )", "Підготовка заявок", "2026–2028", "3", "281,0"], ["в )", "Обмін", "2026–2028", "556,0", "2,0"])
    False
    >>> _splits_row(["2.", "Переклад та друк", "2021–"], ["3.", "матеріалів іноземними мовами", "2023 роки"])
    True
    >>> _splits_row(["2.", "Переклад та друк", "2021–2023"], ["3.", "Прийом делегацій", "2021–2023"])
    False
    >>> _splits_row(["1 .", "Придбання обладнання", "2024–"], ["5 .", "з партнерами", "2026 роки"])
    True
    >>> _splits_row(["", "Всього по", "6 196", "0,24"], ["", "Програмі", "000,00", "7"])
    True
    >>> _splits_row(["", "Всього по", "6 196,0", "0,24"], ["", "Програмі", "300,0", "1,7"])
    False
    >>> _splits_row(["в", "Проведення Днів громади в", "2026", "1 775"], [")", "містах-партнерах", "рік", "000,0 0"])
    True
    """
    if len(last) != len(first):
        return False
    stop = not first[0].strip().strip(".)")  # empty, or a number's last stop («2.3» / «.»)
    number_part = codes_of_parts and _number_split(last[0], first[0])  # «2.» / «3.», «3» / «. 1 .»
    if not stop and not number_part and not _continues_text(last[0], first[0]):  # a direction's name going on
        return False
    # an amount that goes on is sure: beside it, a text goes on whatever its first letter («Всього по» / «Програмі»)
    amount_split = any(_amount_goes_on(a, b) for a, b in zip(last[1:], first[1:], strict=True))
    continued = [
        _continues_text(a, b)
        or (i == 0 and (stop or number_part) and b.strip())
        or (amount_split and _text_goes_on(a, b))
        for i, (a, b) in enumerate(zip(last, first, strict=True))
    ]
    if number_part and not any(continued[1:]):  # «3.» under «2.» is the next row unless its other cells go on
        return False
    return any(continued) and all(go_on or not b.strip() for go_on, b in zip(continued, first, strict=True))


def _last_numbered_row(lines: list[str], chain_rows: list[int], width: int) -> int | None:
    """The index of the last row above with a row number, over the rows without one (a measure's rows per year), in the
    rows of the same width; None when there is none.

    >>> _last_numbered_row(["2.\\tПроведення Днів\\t2024\\t0,955", "\\t\\t2025\\t0,268"], [0, 1], 4)
    0
    >>> _last_numbered_row(["2.\\tПроведення\\t2024", "\\t\\t2025\\t0,268"], [0, 1], 4) is None
    True
    """
    for index in reversed(chain_rows):
        cells = lines[index].split("\t")
        if len(cells) != width:
            return None
        if cells[0].strip():
            return index
    return None


def _carry_merged_cells(lines: list[str], chain_rows: list[int], first: list[str]) -> list[str]:
    """``first`` (a new row at the top of a page) without the text of the merged cells that go on beside it from the page
    before: each such text is put back at the end of its cell, in the nearest row above that has text in that column.

    A row number the page break split («1.» / «2.») goes back to the row above too, when its text cells go on there:
    the rest of that row and a year's row of it were read as one row («2.» | «підготовки …» | «2023» | «690 000,00»);
    it goes back past the measure's rows per year, to the row that has a number:

    >>> lines = ["1.1.\\tОбмін\\tВідділ\\t2024\\t0,1", "2.\\tДні громади з метою розширення\\tВідділ економічного\\t2024\\t0,955",
    ...          "\\t\\t\\t2025\\t0,268"]
    >>> _carry_merged_cells(lines, [0, 1, 2], ["1.", "партнерських зв'язків", "розвитку", "", ""])
    ['', '', '', '', '']
    >>> lines[1]
    "2.1.\\tДні громади з метою розширення партнерських зв'язків\\tВідділ економічного розвитку\\t2024\\t0,955"

    A code's last stop alone at the page top («3.1» / «.») goes back the same way, beside the measure's «Всього» row:

    >>> lines = ["1.1.\\tОбмін\\tВідділ\\t2024\\t0,1", "3.1\\tЗалучення\\tВиготовлення\\t2024\\t1,400"]
    >>> _carry_merged_cells(lines, [0, 1], [".", "міжнародної допомоги", "презентаційної продукції", "Всього", "1,400"])
    ['', '', '', 'Всього', '1,400']
    >>> lines[1]
    '3.1.\\tЗалучення міжнародної допомоги\\tВиготовлення презентаційної продукції\\t2024\\t1,400'
    """
    width = len(first)
    out = list(first)
    if first[0].strip() and not _goes_on_in_lower_case(first[0]):  # a new row's number; a direction's name may go on
        # past a year's rows of that measure («\t…\t2025\t0,268»)
        numbered = _last_numbered_row(lines, chain_rows, width)
        above = lines[numbered].split("\t") if numbered is not None else []
        goes_on = any(cell[:1].islower() for cell in first[1:])
        if not (goes_on and above and _code_split(above[0], first[0]) and _codes_of_parts(lines, chain_rows)):
            return first
        above[0] = _join_split_cell(above[0], first[0])
        lines[numbered] = "\t".join(above)
        out[0] = ""
    for column, cell in enumerate(first):
        if not out[column].strip():  # nothing to put back (or the number, put back above)
            continue
        for index in reversed(chain_rows):
            cells = lines[index].split("\t")
            if len(cells) != width:
                break
            if cells[column].strip():
                # a merged cell's text goes on in lower case, or a range after its dash (a digit may start a row)
                if _goes_on_in_lower_case(cell) or (cell.strip() and _RANGE_HEAD.search(cells[column]) is not None):
                    cells[column] = join_wrapped([cells[column], cell], in_cell=True)
                    lines[index] = "\t".join(cells)
                    out[column] = ""
                break
    return out
