"""Tables a PDF draws without ruling lines, found from where its words stand.

A word processor sets every cell's text inside the cell's box, so down a table's columns run
"rivers": strips of the page that no word of the table's body touches. Found the other way round:

- **Lines and chunks.** The page's words make lines; a line's words further apart than a space
  (:data:`CHUNK_GAP` of the font size) are in different cells: chunks.
- **Blocks.** A run of lines with two chunks or more, with the short lines between them (a cell's
  wrapped text), is a candidate table.
- **Columns.** The rivers of the block's body, wider than a gap between words, part its
  columns. A line that runs across the columns (a direction's title, the total's label, a header
  over the years) may cross one river; more than that and it is no river.
- **Header.** The lines before the first row that holds a row number or an amount; a header text
  that runs across columns is a row of its own above the column titles.
- **Rows.** A new row begins at a row number (or bullet) in the first column, at a second year
  or a second whole amount in a column, and after a line that runs across the columns. The
  lines between are its cells' wrapped text, joined back as in a ruled table.

What is not sure stays text: a block with fewer than two lines of two chunks, or without a
river, is left to the paragraphs.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field

from .wrapped_text import join_wrapped

CHUNK_GAP = 0.8  # of the font size: words further apart are in different cells (a justified space stays below)
MIN_GAP = 4.5  # points: the least gap between two columns (LibreOffice pads a cell by 0.1 cm, 2.8 points, a side; Word by 5.4)
LINE_TOLERANCE = 2.0  # points: words whose tops differ by less are on one line
SHORT_STEP = 0.9  # a step between lines shorter than this many pitches: two rows' lines interleaved
WIDE_SHARE = 0.35  # a chunk wider than this share of the block, without an amount beside it, may run across columns
MAX_HEADER_LINES = 10  # a table's header (titles wrapped in narrow columns included) is no longer
SPLIT_GAP = 0.35  # of the font size: wider than a space (a quarter of it) between two words at a column's edge
EVEN_SPACING = 1.0  # points: the gaps of a justified line differ by less
MAX_STEP = 3.5  # line heights: a wider vertical gap ends a block
CONTINUATION_SHARE = (
    0.6  # of the page's text width: a single-chunk line narrower than this may be a cell's wrapped text
)
LINE_SPACING = 1.3  # of the font size: at most the step between a paragraph's lines (single spacing is about 1.15)
ROW_GAP = 1.4  # line pitches: a wider step between lines is the padding between two rows
FILLED_LETTERS = 1.5  # a cell's line ending this many letters short of the column's edge was filled by the wrap

_ROW_NUMBER = re.compile(r"^(\d{1,3}(\.\d{1,3})*[.)]?|[IVXLC]+\.?|[а-щьюяєіїґ]\)|[-–—•·*])$")
_BULLET = re.compile(r"^[-–—•·]\s+\w")  # a list item in a cell: a row of data, never a column's title
_BULLETS = {"-", "–", "—", "•", "·", "*", "▪", "◦", "○", "●", "■", "□", "➢", "✓", "✔", "§"}  # a list item's mark
DASHES = ("-", "–", "—")  # an amount not planned
_TOTAL = re.compile(r"^(всього|усього|разом)\b", re.IGNORECASE)  # a total's row: data, never a column's title
_AMOUNT = re.compile(r"^(\d{1,3}([\s\u00a0]\d{3})*|\d+)([,.]\d+)$|^[-–—]$")
_THOUSANDS = re.compile(r"^\d{1,3}([\s\u00a0]\d{3})+$")  # «1 255»: an amount, its rest wrapped below; never a title
_YEAR_AMOUNT = re.compile(r"^((19|20)\d\d\s*(р\.|рік)?|Всього|Усього|Разом)\s*[–—-]\s*\S", re.IGNORECASE)
_YEAR = re.compile(r"^(19|20)\d\d( р\.?)?$")
# the rest of an amount wrapped in its cell («3 804 000,» / «00»): never a column's title or number
_AMOUNT_PIECE = re.compile(r"^(0\d*|\d{1,3}([\s\u00a0]\d{3})*,\d*|,\d+)$")


@dataclass
class Chunk:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    words: list[dict] = field(default_factory=list)


@dataclass
class Line:
    top: float
    bottom: float
    chunks: list[Chunk]

    @property
    def x0(self) -> float:
        return self.chunks[0].x0

    @property
    def x1(self) -> float:
        return self.chunks[-1].x1


@dataclass
class Borderless:
    """A table found without ruling: its box, its columns' left edges and its rows of cells."""

    bbox: tuple[float, float, float, float]
    columns: list[float]
    rows: list[list[str]]
    header_rows: int = 0
    notes: list[str] = field(default_factory=list)


def lines_of(words: list[dict]) -> list[Line]:
    """The words (pdfplumber's, with their ``size``) as lines of chunks, top to bottom."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) < LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = []
    for group in lines:
        group.sort(key=lambda w: w["x0"])
        chunks: list[Chunk] = []
        spaced = _evenly_spaced(group)
        for word in group:
            size = float(word.get("size") or 10.0)
            if chunks and (spaced or word["x0"] - chunks[-1].x1 < min(CHUNK_GAP * size, MIN_GAP)):
                last = chunks[-1]
                last.text, last.x1, last.bottom = (
                    f"{last.text} {word['text']}",
                    word["x1"],
                    max(last.bottom, word["bottom"]),
                )
                last.words.append(word)
            else:
                chunks.append(Chunk(word["text"], word["x0"], word["x1"], word["top"], word["bottom"], size, [word]))
        out.append(Line(min(w["top"] for w in group), max(w["bottom"] for w in group), chunks))
    return out


def _evenly_spaced(words: list[dict]) -> bool:
    """Whether a line's words stand evenly apart, as justified text spreads them (and a table's cells seldom are):
    three gaps or more, equal within :data:`EVEN_SPACING`, between words that are not all numbers."""
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(words)]
    numbers = all(w["text"].replace(",", "").replace(".", "").isdigit() for w in words)
    return len(gaps) >= 3 and max(gaps) - min(gaps) <= EVEN_SPACING and not numbers


def find_tables(words: list[dict], hint: list[float] | None = None) -> list[Borderless]:
    """The borderless tables among a page's ``words`` (those outside ruled tables). ``hint``: the columns of a
    borderless table that ended the page before, which a table at the top of this page may continue."""
    lines = lines_of(words)
    if not lines or (len(lines) < 2 and not hint):  # one line is a table only as the rows of a table going on
        return []
    text_width = max(line.x1 for line in lines) - min(line.x0 for line in lines)
    height = statistics.median(line.bottom - line.top for line in lines)
    tables = []
    index = 0
    while index < len(lines):
        year_row = bool(tables) and _lone_year(lines[index]) and _same_columns(tables[-1], lines[index]) is not None
        if len(lines[index].chunks) < 2 and not year_row:  # a table begins with a row of cells (or a year's row of it)
            index += 1
            continue
        end = index
        foot_title = False
        while end + 1 < len(lines):
            if _title_at_page_foot(lines, end, height):  # a direction's title, its rows on the next page
                end += 1
                foot_title = True
            elif _goes_on(lines[end], lines[end + 1], text_width, height):
                end += 1
            elif _title_row(lines, end, text_width, height):  # a direction's title across the table, a row follows
                end += 2
            elif hint and not tables and _repeated_header(lines[index : end + 1], lines[end + 1], hint, height):
                end += 1
            else:
                break
        lead = (
            index
            if hint
            and not tables
            and all(_goes_on_in_column(line, hint, i == 0) for i, line in enumerate(lines[:index]))
            else 0
        )
        # a header cell's text going on over its columns, above the year titles
        header_lead = index if hint and not tables and not lead and _header_going_on(lines[: end + 1], hint) else 0
        columns = hint if not tables else _same_columns(tables[-1], lines[index])
        table = _table(lines[index - lead - header_lead : end + 1], columns, lead, foot_title, header_lead)
        if lead and table is not None and table.header_rows:
            # text going on above a header is the rest of the page before's last row, not of this table's first:
            # a row of its own (``_cell_going_on_alone``, below)
            table = _table(lines[index : end + 1], columns, 0, foot_title)
        if table is not None:
            tables.append(table)
            index = end + 1
        else:
            index += 1
    if (
        hint
        and (alone := _cell_going_on_alone(lines, hint)) is not None
        and (not tables or tables[0].bbox[1] > alone.bbox[3])
    ):
        tables.insert(0, alone)
    return tables


def _header_going_on(block: list[Line], hint: list[float]) -> bool:
    """Whether the lines at a page's top before the first row are the rest of a header the page before ended with:
    its cells' text going on (in lower case, at a column's left edge), then the year titles under them."""
    lead = list(itertools.takewhile(lambda line: len(line.chunks) == 1 and not _years_only(line.chunks[0]), block))
    rest = block[len(lead) :]
    return (
        bool(lead)
        and bool(rest)
        and all(line.chunks[0].text[:1].islower() for line in lead)
        and all(any(abs(line.x0 - start) <= 3.0 for start in hint) for line in lead)
        and all(_years_only(c) for c in rest[0].chunks)
    )


def _cell_going_on_alone(lines: list[Line], hint: list[float]) -> Borderless | None:
    """The text at a page's top that goes on with a cell of the table the page before ended with, when no row of the
    table follows it on this page (the last cell's text ran over the page): its lines, one under another at the
    same left edge, a line's pitch apart, inside one column. A row of the table, empty but for that cell."""
    if not lines or not _goes_on_in_column(lines[0], hint, True):
        return None
    left, count = lines[0].x0, 1
    pitch = LINE_SPACING * lines[0].chunks[0].size
    while count < len(lines) and len(lines[count].chunks) == 1 and abs(lines[count].x0 - left) <= 1.0:
        # a cell's list of yearly amounts («2027 р. – 6,691») goes on however far apart its lines are set
        listed = all(_YEAR_AMOUNT.match(lines[i].chunks[0].text) for i in (count - 1, count))
        if not listed and (
            lines[count].top - lines[count - 1].top > ROW_GAP * pitch
            or not _goes_on_in_column(lines[count], hint, True)
        ):
            break
        count += 1
    block = lines[:count]
    edges = _edges(block, list(hint))
    cells = [[] for _ in hint]
    for line in block:
        cells[_column(line.chunks[0], list(hint))].append(line.chunks[0])
    bbox = (min(line.x0 for line in block), block[0].top, max(line.x1 for line in block), block[-1].bottom)
    return Borderless(
        bbox, list(hint), [_join_cells(cells, list(hint), edges)], 0, ["a cell's text going on from the page before"]
    )


def _same_columns(before: Borderless, first: Line) -> list[float] | None:
    """The columns of the table ``before`` on the same page, when the next table begins in them (its header, or a row,
    has a chunk at each of them): a Word table split in two, its header repeated, whose own rows are too few to show
    every column (a total's label across the first two hides the gap between the number and the title)."""
    at_columns = all(any(abs(c.x0 - x) <= 3.0 for x in before.columns) for c in first.chunks)
    if not at_columns or (len(first.chunks) < len(before.columns) - 1 and not _lone_year(first)):
        return None
    return list(before.columns)


def _years_only(chunk: Chunk) -> bool:
    """Whether a chunk is a header's years: one, or several that the chunking joined over narrow columns, maybe with the
    sum's title after them («2022 2023 2024 Всього»).

    >>> _years_only(_chunk_of([{"text": t, "x0": 0, "x1": 1, "top": 0, "bottom": 1} for t in ("2022", "2023", "Всього")], 9))
    True
    >>> _years_only(_chunk_of([{"text": t, "x0": 0, "x1": 1, "top": 0, "bottom": 1} for t in ("2022", "54")], 9))
    False
    >>> _years_only(_chunk_of([{"text": t, "x0": 0, "x1": 1, "top": 0, "bottom": 1} for t in ("2025", "2026", "Всьо")], 9))
    True
    """
    words = [w["text"] for w in chunk.words] or chunk.text.split()
    years = [w for w in words if _YEAR.match(w)]
    # the sum's title whole, or the part of it a narrow column left on this line («Всьо» / «го»)
    return bool(years) and all(
        w in years or _TOTAL.match(w.casefold()) or (not w.isdigit() and _year_piece(w)) for w in words
    )


def _lone_year(line: Line) -> bool:
    """A line that is one year alone: a year's row whose amount is not stated (no other cell on it)."""
    return len(line.chunks) == 1 and bool(_YEAR.match(line.chunks[0].text))


def _goes_on_in_column(line: Line, hint: list[float], first: bool) -> bool:
    """Whether ``line``, at the top of a page, belongs to the table there on the page before: one chunk, at one of its
    columns' left edges. The first such line goes on with a cell's text (in lower case, or a digit) inside its column;
    those after it may begin anew (a total's label, a direction's title across the columns)."""
    if len(line.chunks) != 1:
        return False
    chunk = line.chunks[0]
    if not first:
        return any(abs(chunk.x0 - start) <= 3.0 for start in hint)
    # «Всього – 1 873,0»
    if not (chunk.text[:1].islower() or chunk.text[:1].isdigit() or re.search(r"\d,\d", chunk.text)):
        return False
    # a cell's text indented inside its column (a bulleted measure under the column's header) goes on in lower case
    indented = chunk.text[:1].islower()
    return any(
        (abs(chunk.x0 - start) <= 3.0 or (indented and chunk.x0 > start))
        and (i + 1 == len(hint) or chunk.x1 < hint[i + 1])
        for i, start in enumerate(hint)
    )


def _repeated_header(block: list[Line], line: Line, hint: list[float], height: float) -> bool:
    """Whether ``block``, at the top of a page, is the header of the table the page before ended with, repeated, and
    ``line`` its next row, however far below (a tall header cell, the space of a row that did not fit)."""
    near = line.top - block[-1].top <= 2 * MAX_STEP * height
    # «№» may stand left of them
    aligned = all(c.x0 < hint[0] - 3.0 or any(abs(c.x0 - h) <= 3.0 for h in hint) for c in block[0].chunks)
    return near and len(line.chunks) >= 2 and aligned and _in_columns([line], hint) and len(block) <= MAX_HEADER_LINES


def _title_at_page_foot(lines: list[Line], end: int, height: float) -> bool:
    """Whether the line after ``end`` is a numbered title across the table (one chunk: «3. Залучення …») that ends the
    page's text (a page number alone may follow), right below the table's last row: its rows are on the next page."""
    after = lines[end + 1 :]
    if not after or len(after[0].chunks) != 1 or any(not line.chunks[0].text.strip().isdigit() for line in after[1:]):
        return False
    title = after[0].chunks[0].text
    numbered = bool(_ROW_NUMBER.match(title.split(" ", 1)[0])) and " " in title and not _is_amount(title)
    near = after[0].top - lines[end].top <= MAX_STEP * max(height, lines[end].bottom - lines[end].top)
    return numbered and near


def _title_row(lines: list[Line], end: int, text_width: float, height: float) -> bool:
    """Whether the line after ``end`` is a title across the table (one wide chunk) with a row of cells right below."""
    if end + 2 >= len(lines) or len(lines[end + 1].chunks) != 1 or len(lines[end + 2].chunks) < 2:
        return False
    near = lines[end + 2].top - lines[end].top <= 2 * MAX_STEP * max(height, lines[end].bottom - lines[end].top)
    return near and _goes_on(lines[end + 1], lines[end + 2], text_width, height)


def _goes_on(above: Line, line: Line, text_width: float, height: float) -> bool:
    if line.top - above.top > MAX_STEP * max(height, above.bottom - above.top):
        return False
    return len(line.chunks) >= 2 or line.x1 - line.x0 < CONTINUATION_SHARE * text_width


def _is_amount(text: str) -> bool:
    return bool(_AMOUNT.match(text.strip()))


def _whole_amount(text: str) -> bool:
    return _is_amount(text) and ("," in text or text in "-–—")


def _table(
    block: list[Line], hint: list[float] | None, lead: int = 0, foot_title: bool = False, header_lead: int = 0
) -> Borderless | None:
    """The table in ``block``, if it is one; its first ``lead`` lines are text going on from the page before (its first
    ``header_lead`` lines: header text going on, ``_header_going_on``); ``foot_title``: its last line is a direction's
    title whose rows are on the next page (kept, not trimmed as text)."""
    if sum(1 for line in block if len(line.chunks) >= 2) < (1 if hint and _in_columns(block, hint, True) else 2):
        return None
    left, right = min(line.x0 for line in block), max(line.x1 for line in block)
    header_going_on, block = block[:header_lead], block[header_lead:]
    going_on, block = block[:lead], block[lead:]
    first_data = next(
        (i for i, line in enumerate(block) if _starts_data(line, left, block[i + 1] if i + 1 < len(block) else None)),
        None,
    )
    last_multi = max(i for i, line in enumerate(block) if len(line.chunks) >= 2)
    header_only = (
        (first_data is None or first_data > last_multi) and not going_on and _titles_only(block[: last_multi + 1])
    )
    if header_only:  # a header at a page's foot, its rows on the next page: the header, and a title after it
        first_data = last_multi + 1
    # no titles: a cell's text going on
    if first_data is None or any(chunk.text[:1].islower() for chunk in block[0].chunks):
        first_data = 0
    if first_data:
        titles = [c.x0 for line in block[:first_data] for c in line.chunks]
        block = block[:first_data] + [_split_at(line, titles) for line in block[first_data:]]
    body = going_on + block[first_data:]
    rivers = _rivers(block[:first_data] if header_only else body, left, right)
    if not rivers:
        return None
    starts = _header_columns(
        block[:first_data], body, _column_starts(block[:first_data] if header_only else body, rivers, left)
    )
    # (or the rows here begin in the columns of the table before, a first cell set in under its column's start)
    if hint and (
        _fits(starts, hint) or _holds(starts, hint, block) or (not first_data and _in_columns(body, hint, True))
    ):
        starts = list(hint)
    if len(starts) < 2:
        return None
    body = _trim_tail(body[:-1], starts) + body[-1:] if foot_title else _trim_tail(body, starts)
    if sum(1 for line in body if len(line.chunks) >= 2) < (1 if starts == hint else 2) and first_data == 0:
        return None
    header = header_going_on + block[:first_data]
    if header and _padded_rows(block) and (going_on := _text_going_on(header, _pitch(block), starts)):
        header, body = header[:-going_on], header[-going_on:] + body
    edges = _edges(header + body, starts)
    rows = _header_rows(header, starts, edges)
    header_rows = len(rows)
    rows += _body_rows(body, starts, edges)
    if len(starts) == 2 and all(_list_mark(row[0]) for row in rows):
        return None  # a bulleted list: its marks stand apart from their text as a column would, but it is text
    used = header + body
    bbox = (left, min(line.top for line in used), right, max(line.bottom for line in used))
    return Borderless(bbox, starts, rows, header_rows)


def _list_mark(cell: str) -> bool:
    """Whether a cell is a list item's mark: a bullet, or (read from a scan) a sign or two without a digit.

    >>> [_list_mark(cell) for cell in ("•", "-.", "е", "", "1", "1)", "Всього")]
    [True, True, True, False, False, False, False]
    """
    cell = cell.strip()
    return cell in _BULLETS or (0 < len(cell) <= 2 and not any(c.isdigit() for c in cell))


def _titles_only(block: list[Line]) -> bool:
    """Whether lines without data are a table's header: a few lines a line's pitch apart, the first of them column
    titles (each begins with a capital, «№» or a year)."""
    if len(block) > MAX_HEADER_LINES or len(block[0].chunks) < 2:
        return False
    # a header's lines follow at a line's pitch: no row gap between them
    single = LINE_SPACING * block[0].chunks[0].size
    together = all(b.top - a.top < ROW_GAP * single for a, b in itertools.pairwise(block))
    return together and all(c.text[:1].isupper() or c.text[:1] in "№" or _YEAR.match(c.text) for c in block[0].chunks)


def _split_at(line: Line, titles: list[float]) -> Line:
    """``line`` with a chunk parted where a word begins at a column title's left edge, after more than a space: two
    cells whose texts the chunking joined (a narrow column's text runs to its edge)."""
    chunks = []
    for chunk in line.chunks:
        part: list[dict] = []
        for word in chunk.words:
            if (
                part
                and word["x0"] - part[-1]["x1"] > SPLIT_GAP * chunk.size
                and any(abs(word["x0"] - x) <= 1.5 for x in titles)
            ):
                chunks.append(_chunk_of(part, chunk.size))
                part = []
            part.append(word)
        chunks.append(_chunk_of(part, chunk.size) if chunk.words else chunk)
    return Line(line.top, line.bottom, chunks)


def _chunk_of(words: list[dict], size: float) -> Chunk:
    text = " ".join(w["text"] for w in words)
    return Chunk(
        text,
        words[0]["x0"],
        words[-1]["x1"],
        min(w["top"] for w in words),
        max(w["bottom"] for w in words),
        size,
        words,
    )


def _in_columns(block: list[Line], hint: list[float], indented_first: bool = False) -> bool:
    """Whether every chunk of the block's lines of two chunks or more begins at one of ``hint``'s columns; with
    ``indented_first``, a line's first chunk may also begin inside the first column (a bullet's measure set in under
    its direction's number, where the header named the two in one column).

    >>> row = Line(0, 10, [Chunk("– Переклад", 104, 300, 0, 10, 10), Chunk("Відділ", 350, 450, 0, 10, 10)])
    >>> _in_columns([row], [42.6, 350.0]), _in_columns([row], [42.6, 350.0], indented_first=True)
    (False, True)
    """

    def placed(chunk: Chunk, first: bool) -> bool:
        at_column = any(abs(chunk.x0 - h) <= 3.0 for h in hint)
        return at_column or (first and indented_first and len(hint) > 1 and hint[0] < chunk.x0 < hint[1] - MIN_GAP)

    return all(placed(c, i == 0) for line in block if len(line.chunks) >= 2 for i, c in enumerate(line.chunks))


def _starts_data(line: Line, left: float, below: Line | None = None) -> bool:
    """Whether ``line`` (``below``: the line after it) begins a table's rows: a row number in the first column (or its
    first part, the column too narrow for «а)», its rest on the next line), a year's row, an amount, a bullet, a total."""
    if _lone_year(line):
        return True
    first = line.chunks[0]
    if abs(first.x0 - left) <= 2.0 and _ROW_NUMBER.match(first.text.split(" ", 1)[0]) and not _YEAR.match(first.text):
        return True
    if abs(first.x0 - left) <= 2.0 and below is not None and _number_wrapped(first, below.chunks[0]):
        return True
    if sum(1 for chunk in line.chunks if _AMOUNT_PIECE.match(chunk.text)) >= 2:
        return True
    # a year's row: «2030 | –»
    if any(_YEAR.match(c.text) for c in line.chunks) and any(c.text in DASHES for c in line.chunks):
        return True
    return any(
        (_is_amount(chunk.text) and "," in chunk.text)
        or _THOUSANDS.match(chunk.text)
        or _BULLET.match(chunk.text)
        or _TOTAL.match(chunk.text)
        for chunk in line.chunks
    )


def _number_wrapped(first: Chunk, below: Chunk) -> bool:
    """Whether ``below`` is the rest of a row number that ``first`` begins, wrapped in a narrow column («а» / «)»):
    the two, a line apart at one left edge, make a number; the first alone is a letter or digits."""
    return (
        abs(below.x0 - first.x0) <= 2.0
        and below.top - first.top < LINE_SPACING * 1.5 * first.size
        and bool(re.fullmatch(r"[а-щьюяєіїґ]|\d{1,3}", first.text))
        and bool(_ROW_NUMBER.match(first.text + below.text))
        and not _YEAR.match(first.text + below.text)
    )


def _rivers(body: list[Line], left: float, right: float) -> list[tuple[float, float]]:
    """The strips between ``left`` and ``right`` that the body's words leave free. In a long table, one line of text
    may cross a strip (a total's label over merged cells); an amount never does."""
    width = right - left
    counted = [line for line in body if len(line.chunks) >= 2 and not _runs_across(line, width)]
    allowed = 1 if len(counted) >= 8 else 0
    steps = int(width) + 1
    cover, amounts = [0] * steps, [0] * steps
    for line in counted:
        for chunk in line.chunks:
            for x in range(max(int(chunk.x0 - left), 0), min(int(chunk.x1 - left) + 1, steps)):
                cover[x] += 1
                amounts[x] += _is_amount(chunk.text) or chunk.text.isdigit()
    rivers, start = [], None
    for x in range(steps + 1):
        free = x < steps and cover[x] <= allowed and not amounts[x]
        if free and start is None:
            start = x
        elif not free and start is not None:
            if x - start >= MIN_GAP and start > 0 and x < steps:
                rivers.append((left + start, left + x))
            start = None
    return rivers


def _runs_across(line: Line, width: float) -> bool:
    """A line that may run across columns: a wide chunk, alone or beside a row number, and no amount (a direction's
    title); a row of other cells is a row, however wide one of them."""
    wide = [c for c in line.chunks if c.x1 - c.x0 > WIDE_SHARE * width]
    rest = [c for c in line.chunks if c not in wide]
    numbered = all(_ROW_NUMBER.match(c.text) for c in rest)
    return len(line.chunks) <= 2 and bool(wide) and numbered and not any(_is_amount(c.text) for c in line.chunks)


def _column_starts(body: list[Line], rivers: list[tuple[float, float]], left: float) -> list[float]:
    edges = [left] + [end for _, end in rivers]
    starts = []
    for i, edge in enumerate(edges):
        limit = rivers[i][0] if i < len(rivers) else float("inf")
        inside = [c.x0 for line in body for c in line.chunks if edge - 1 <= c.x0 < limit]
        if inside:
            starts.append(min(inside))
    return starts


def _header_columns(header: list[Line], body: list[Line], starts: list[float]) -> list[float]:
    """``starts`` and the columns that only the header shows (a year whose cells are all empty on this page): a title
    beyond the right edge of its column's body text, within the column."""
    edges = _edges(body, starts)
    found = []
    for chunk in (c for line in header for c in line.chunks):
        column = _column(chunk, starts)
        inside = column + 1 == len(starts) or chunk.x1 < starts[column + 1] - MIN_GAP
        if edges[column] and chunk.x0 > edges[column] + MIN_GAP and inside and len(chunk.text.split()) == 1:
            found.append(chunk.x0)
    return sorted(starts + [x for i, x in enumerate(sorted(found)) if i == 0 or x - sorted(found)[i - 1] > MIN_GAP])


def _fits(starts: list[float], hint: list[float]) -> bool:
    """Whether columns found on a continuation page are among those of the table before (a column may be empty here)."""
    return len(starts) <= len(hint) and all(any(abs(s - h) <= 6.0 for h in hint) for s in starts)


def _holds(starts: list[float], hint: list[float], block: list[Line]) -> bool:
    """Whether a table at a page's top is the one the page before ended with, though one column more was found here: a
    column the page before found no gap for (an empty «№» column beside titles that run into it) shows on this page,
    in the repeated header. Every column of the page before begins a text here, and one column at most is new."""
    begun = all(any(abs(c.x0 - h) <= 3.0 for line in block for c in line.chunks) for h in hint)
    return begun and sum(1 for s in starts if not any(abs(s - h) <= 6.0 for h in hint)) <= 1


def _column(chunk: Chunk, starts: list[float]) -> int:
    column = 0
    for i, start in enumerate(starts):
        if chunk.x0 >= start - 3.0:
            column = i
    return column


def _crosses(chunk: Chunk, starts: list[float]) -> bool:
    column = _column(chunk, starts)
    return column + 1 < len(starts) and chunk.x1 > starts[column + 1] - 1.0


def _trim_tail(body: list[Line], starts: list[float]) -> list[Line]:
    """The body without trailing lines that run across columns and hold no amount: text after the table (a signature)."""
    end = len(body)
    while (
        end > 1
        and any(_crosses(c, starts) for c in body[end - 1].chunks)
        and not any(_is_amount(c.text) for c in body[end - 1].chunks)
    ):
        end -= 1
    return body[:end]


def _text_going_on(header: list[Line], pitch: float, starts: list[float]) -> int:
    """How many of the header's last lines are rows of the body rather: after a row gap below the header, a cell's
    text going on from the page before (in lower case) under a repeated header, or a title across the columns."""
    for start in range(1, len(header)):
        if header[start].top - header[start - 1].top < ROW_GAP * pitch:
            continue
        chunks = header[start].chunks
        text_or_amount = any(c.text[:1].islower() or (c.text[:1].isdigit() and not _years_only(c)) for c in chunks)
        going_on = text_or_amount and not any(c.text[:1].isupper() or c.text[:1] == "№" for c in chunks)
        if going_on or (len(chunks) == 1 and _crosses(chunks[0], starts) and not _years_only(chunks[0])):
            return len(header) - start
    return 0


def _edges(lines: list[Line], starts: list[float]) -> list[float]:
    """Each column's right edge: where its longest line ends."""
    edges = [0.0] * len(starts)
    for line in lines:
        for chunk in line.chunks:
            if not _crosses(chunk, starts):
                column = _column(chunk, starts)
                edges[column] = max(edges[column], chunk.x1)
    return edges


def _header_rows(header: list[Line], starts: list[float], edges: list[float]) -> list[list[str]]:
    """The header: a row of the texts that run across columns (if any) above a row of the column titles."""
    if not header:
        return []
    across: list[list[Chunk]] = [[] for _ in starts]
    titles: list[list[Chunk]] = [[] for _ in starts]
    last: dict[int, list[list[Chunk]]] = {}  # the part each column's last header text went to
    for line in header:
        for chunk in (part for whole in line.chunks for part in _years_apart(whole, starts)):
            column = _column(chunk, starts)
            goes_on = chunk.text[:1].islower() and last.get(column) is across  # «…фінансування, млн» / «грн»
            part = across if _crosses(chunk, starts) or goes_on else titles
            if part is across and chunk.text[:1].islower() and last.get(column) is titles and titles[column]:
                # a title across columns whose first line fitted in one («Потреба у» / «фінансуванні, млн грн»)
                across[column].append(titles[column].pop())
            part[column].append(chunk)
            last[column] = part
    rows = [_join_cells(across, starts)] if any(across) else []
    return [*rows, _join_cells(titles, starts, edges)]


def _years_apart(chunk: Chunk, starts: list[float]) -> list[Chunk]:
    """A header's chunk of years that the chunking joined across narrow year columns («2024 2025 2026 2027 Всьог»), as
    one chunk per column; any other chunk as it is (a title across columns stays whole)."""
    words = chunk.words
    # or the pieces of years wrapped inside columns too narrow for them («202 202 Всь» over «5 6 ого»), each word at
    # a column's left edge
    wrapped = len(words) >= 2 and all(
        _year_piece(word["text"]) and any(abs(word["x0"] - x) <= 3.0 for x in starts) for word in words
    )
    if sum(1 for word in words if _YEAR.match(word["text"])) < 2 and not wrapped:
        return [chunk]
    columns = [_column(_chunk_of([word], chunk.size), starts) for word in words]
    if len(set(columns)) < 2:
        return [chunk]
    parts: list[list[dict]] = []
    for index, word in enumerate(words):
        if not parts or columns[index] != columns[index - 1]:
            parts.append([])
        parts[-1].append(word)
    return [_chunk_of(part, chunk.size) for part in parts]


TOTAL_TITLES = ("всього", "усього", "разом")


def _year_piece(text: str) -> bool:
    """A piece of a year or of the sum's title that a narrow column wrapped: «202» / «5», «Всь» / «ого».

    >>> [_year_piece(t) for t in ("202", "5", "Всь", "ого", "обсяг", "2025", "12345")]
    [True, True, True, True, False, True, False]
    """
    word = text.casefold()
    return bool(re.fullmatch(r"\d{1,4}", word)) or any(
        len(word) >= 2 and (title.startswith(word) or title.endswith(word)) for title in TOTAL_TITLES
    )


def _join_cells(cells: list[list[Chunk]], starts: list[float], edges: list[float] | None = None) -> list[str]:
    out = []
    for column, chunks in enumerate(cells):
        if edges is None:
            out.append(join_wrapped([c.text for c in chunks], in_cell=True))
            continue
        letter = [(c.x1 - c.x0) / max(len(c.text), 1) for c in chunks]
        filled = [c.x1 >= edges[column] - FILLED_LETTERS * w for c, w in zip(chunks, letter, strict=True)]
        out.append(join_wrapped([c.text for c in chunks], in_cell=True, filled=filled))
    return out


def _body_rows(body: list[Line], starts: list[float], edges: list[float]) -> list[list[str]]:
    rows = _rows_by_gaps(body, starts) if _padded_rows(body) else _rows_by_content(body, starts, edges)
    return [_join_cells(row, starts, edges) for row in rows]


def _pitch(lines: list[Line]) -> float:
    """The step from a line to the next inside a cell: the shortest common step between two chunks that begin at one
    x (a column's left edge), lines of other columns between them or not."""
    last_top: dict[int, float] = {}
    steps = []
    for line in lines:
        for chunk in line.chunks:
            x = _left_edge(chunk)
            if x in last_top and chunk.top - last_top[x] > LINE_TOLERANCE:
                steps.append(chunk.top - last_top[x])
            last_top[x] = chunk.top
    steps.sort()
    sizes = sorted(c.size for line in lines for c in line.chunks)
    # where every step is a paragraph's spacing
    single = LINE_SPACING * sizes[len(sizes) // 2] if sizes else float("inf")
    return min(steps[len(steps) // 4], single) if steps else 0.0


def _left_edge(chunk: Chunk) -> int:
    """Where a chunk begins, to the nearest two points: the chunks of one column's lines share it."""
    return round(chunk.x0 / 2)


def _padded_rows(body: list[Line]) -> bool:
    """Whether the rows are set apart by their cells' padding: some steps between lines are a row gap, the rest a pitch.

    A merged cell whose text runs on beside the next row fills the gap between lines; the padding then shows as a line
    less than a pitch below the line before (two rows' lines interleaved, which rows without padding never are) where
    two cells or more begin a row gap below their columns' last text."""
    pitch = _pitch(body)
    if not pitch:
        return False
    gap = ROW_GAP * pitch
    if any(b.top - a.top >= gap for a, b in itertools.pairwise(body)):
        return True
    last_top: dict[int, float] = {}
    above: Line | None = None
    for line in body:
        columns = {_left_edge(chunk): chunk.top for chunk in line.chunks}
        fresh = sum(1 for x, top in columns.items() if x in last_top and top - last_top[x] >= gap)
        if above is not None and line.top - above.top < SHORT_STEP * pitch and fresh >= 2:
            return True
        last_top.update(columns)
        above = line
    return False


def _rows_by_gaps(body: list[Line], starts: list[float]) -> list[list[list[Chunk]]]:
    """Rows where each cell's text begins at its row's top and rows are a padding apart. A row begins after a row gap, or
    where a column's text begins again a row gap below its last line; a merged cell's text that runs on beside the
    next row stays in the row it began in."""
    pitch = _pitch(body)
    gap = ROW_GAP * pitch
    rows: list[list[list[Chunk]]] = []
    row_top = 0.0
    above: Line | None = None
    for line in body:
        placed = [(_column(c, starts), c) for c in line.chunks]
        new = not rows or (line.top - above.top >= gap and _begins_row(placed, starts))
        if not new:  # the cells this line begins a row gap below their column's text or the row's top, beside merged cells going on
            fresh = [(column, chunk) for column, chunk in placed if _begins_cell(rows, column, chunk, row_top, gap)]
            new = (bool(fresh) and _begins_row(fresh, starts)) or any(
                _second_year(rows[-1][column], chunk) for column, chunk in placed
            )
            new = new or _total_label(placed)
        if new:
            rows.append([[] for _ in starts])
            row_top = line.top
        for column, chunk in placed:
            target = (not rows[-1][column] and _runs_on(rows, column, chunk, gap)) or rows[-1]
            target[column].append(chunk)
        above = line
    return rows


def _second_year(cell: list[Chunk], chunk: Chunk) -> bool:
    """Whether ``chunk`` is a year under a year in its cell: a year's row of its own (a year never wraps)."""
    return bool(cell) and bool(_YEAR.match(cell[-1].text)) and bool(_YEAR.match(chunk.text))


def _begins_cell(rows: list[list[list[Chunk]]], column: int, chunk: Chunk, row_top: float, gap: float) -> bool:
    """Whether ``chunk`` begins a cell of a new row: a row gap below its column's text in the row, or below the row's
    top in an empty column, and no merged cell's text going on from a row above."""
    cell = rows[-1][column]
    if cell:
        return chunk.top - cell[-1].top >= gap
    return chunk.top - row_top >= gap and not _runs_on(rows, column, chunk, gap)


def _begins_row(placed: list[tuple[int, Chunk]], starts: list[float]) -> bool:
    """Whether a line after a row gap may begin a row: two cells or more, the first column, or a title across columns.
    A lone text in another column is a cell's next paragraph (the space after a paragraph looks like a row gap)."""
    return len(placed) >= 2 or placed[0][0] == 0 or _crosses(placed[0][1], starts)


def _runs_on(rows: list[list[list[Chunk]]], column: int, chunk: Chunk, gap: float) -> list[list[Chunk]] | None:
    """The row whose text in ``column`` ``chunk`` goes on with (a merged cell beside the rows after it): the nearest
    earlier row with text there, ending a line's pitch above."""
    earlier = next((row for row in reversed(rows[:-1]) if row[column]), None)
    return earlier if earlier is not None and chunk.top - earlier[column][-1].top < gap else None


def _rows_by_content(body: list[Line], starts: list[float], edges: list[float]) -> list[list[list[Chunk]]]:
    """Rows where nothing but the text tells them apart: a row number, a line across columns, a second year or amount.
    A row that a second year or amount began (a year's row beside merged cells) leaves the text that goes on in the
    other columns, a line's pitch below, to the row it began in."""
    gap = ROW_GAP * _pitch(body)
    rows: list[list[list[Chunk]]] = []
    split: list[bool] = []  # whether each row was begun by a second year or amount
    across_before = False
    for line in body:
        placed = [(_column(c, starts), c) for c in line.chunks]
        across = any(_crosses(c, starts) for c in line.chunks) and not any(_is_amount(c.text) for c in line.chunks)
        if not rows or (
            _new_row(rows[-1], placed, across, across_before, starts[0])
            and not _number_goes_on(rows[-1], placed, edges[0], gap)
        ):
            numbered = not rows or across or across_before or _numbered(placed)
            rows.append([[] for _ in starts])
            split.append(not numbered)
            row_top = line.top
        for column, chunk in placed:
            # beside a year's row, or below a numbered row's first line, a merged cell's text going on from a row above
            merged = (split[-1] or chunk.top > row_top) and not rows[-1][column] and _runs_on(rows, column, chunk, gap)
            (merged or rows[-1])[column].append(chunk)
        across_before = across
    return rows


def _number_goes_on(row: list[list[Chunk]], placed: list[tuple[int, Chunk]], edge: float, gap: float) -> bool:
    """Whether the first column's text is the rest of a row number that the column was too narrow for («1.» / «1.»):
    a line's pitch below a number that the rest would not have fitted beside (the number's last line and a space and
    the rest run past the column's edge), the two making a number, and the other columns' texts going on in lower case.
    A narrow column may wrap a number letter by letter («1» / «.» / «1» / «.» of «1.1.»)."""
    firsts = [c for column, c in placed if column == 0]
    if not firsts or not row[0]:
        return False
    above = row[0][-1]
    last_line = [c for c in row[0] if abs(c.top - above.top) <= LINE_TOLERANCE]
    number, rest = "".join(c.text for c in row[0]), "".join(c.text for c in firsts)
    letter = (above.x1 - above.x0) / max(len(above.text), 1)
    rest_width = max(c.x1 for c in firsts) - min(c.x0 for c in firsts)
    # a new row's texts begin with a capital
    others_go_on = all(not c.text[:1].isupper() for column, c in placed if column)
    return (
        bool(_ROW_NUMBER.match(number))
        and bool(_ROW_NUMBER.match(number + rest))
        and max(c.x1 for c in last_line) + letter + rest_width > edge
        and firsts[0].top - above.top < gap
        and others_go_on
    )


def _total_label(placed: list[tuple[int, Chunk]]) -> bool:
    """Whether the line holds a total's label in its first two columns (a total's row is a row of its own; «Всього» in
    an amount's cell is that cell's last paragraph)."""
    return any(column <= 1 and _TOTAL.match(chunk.text) for column, chunk in placed)


def _numbered(placed: list[tuple[int, Chunk]]) -> bool:
    first = next((c for column, c in placed if column == 0), None)
    return first is not None and bool(_ROW_NUMBER.match(first.text.split(" ", 1)[0])) and not _YEAR.match(first.text)


def _new_row(
    row: list[list[Chunk]], placed: list[tuple[int, Chunk]], across: bool, across_before: bool, left: float
) -> bool:
    if _numbered(placed) or _total_label(placed):
        return True
    if across or (across_before and not (len(placed) == 1 and placed[0][1].text[:1].islower())):
        return True
    for column, chunk in placed:
        before = " ".join(c.text for c in row[column])
        if not before:
            continue
        if _YEAR.match(before) and _YEAR.match(chunk.text):
            return True
        # a whole amount (with its decimals, or a dash) under a whole amount; «3» above «281,0» is one amount wrapped in its cell
        if _whole_amount(before) and _whole_amount(chunk.text):
            return True
    return False
