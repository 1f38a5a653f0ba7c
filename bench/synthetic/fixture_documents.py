"""Make .docx and .pdf versions of a plain-text programme, for tests (never committed as binaries).

``make_docx(txt_path, out_path)`` writes a Word document: paragraphs for the text lines and real
Word tables for the TAB-separated rows, with

- a horizontally merged cell where a header cell or a section row spans the columns to its right,
- vertically merged cells where a row's leading cells are empty under a filled cell (a direction
  spanning its measures, a two-row header),
- a table split in two where the text has a blank line inside a table, the second part starting
  with the first part's header rows repeated (as Word does with "repeat header rows").

``make_pdf(txt_path, out_path)`` renders the same structure with fpdf2 and DejaVu Sans: narrow
columns so cells wrap, header rows repeated on every page, a page header and page numbers, and
one table row split across a forced page break (its text continues on the next page).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from loaders.read.text_file import split_lines

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass
class Table:
    rows: list[list[str]]
    heading_rows: int = 1
    repeated_header: list[list[str]] = field(default_factory=list)  # rows repeated on top (a split table)
    first_part: Table | None = None  # the table this one continues, if it is the second part of a split table

    @property
    def width(self) -> int:
        return len(self.rows[0])

    def all_rows(self) -> list[list[str]]:
        return [*self.repeated_header, *self.rows]


def blocks(txt_path: Path) -> list[str | Table]:
    """Paragraph texts and tables, in order, from a plain-text extraction."""
    lines = list(split_lines(Path(txt_path).read_text(encoding="utf-8")))
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the file
    out: list[str | Table] = []
    chain: Table | None = None  # the table a table after only blank lines continues
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            if lines[i].strip():
                chain = None
            out.append(lines[i])
            i += 1
            continue
        width = lines[i].count("\t") + 1
        j = i
        while j < len(lines) and "\t" in lines[j] and lines[j].count("\t") + 1 == width:
            j += 1
        rows = [line.split("\t") for line in lines[i:j]]
        table = Table(rows, heading_rows=2 if len(rows) > 2 and rows[1][0] == "" and rows[0][0] != "" else 1)
        if chain is not None and chain.width == width and _has_header(chain) and out and out[-1] == "":
            table.repeated_header = [list(r) for r in chain.rows[: chain.heading_rows]]
            table.heading_rows = chain.heading_rows
            table.first_part = chain
        else:
            chain = table
        out.append(table)
        i = j
    return out


def _has_header(table: Table) -> bool:
    """A table of three rows or more whose first row is a header, not a numbered measure."""
    return len(table.rows) >= 3 and not table.rows[0][0].strip()[:1].isdigit()


def spans(rows: list[list[str]], heading_rows: int) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """``(row, first column, last column)`` of horizontal merges and ``(column, first row, last row)`` of vertical ones."""
    horizontal = []
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        filled = [c for c, text in enumerate(row) if text.strip()]
        if filled and (r < heading_rows or len(filled) == 1) and filled[-1] < len(row) - 1:
            horizontal.append((r, filled[-1], len(row) - 1))
            covered |= {(r, c) for c in range(filled[-1], len(row))}
    vertical: dict[int, list[int]] = {}  # column -> [first row, last row] of the open merge
    result = []
    for r in range(1, len(rows)):
        filled = [c for c, text in enumerate(rows[r]) if text.strip()]
        leading = range(filled[0]) if filled else range(0)
        for c in range(len(rows[r])):
            open_merge = vertical.get(c)
            if (
                c in leading
                and r != heading_rows
                and (r - 1, c) not in covered
                and (rows[r - 1][c].strip() or (open_merge and open_merge[1] == r - 1))
            ):
                vertical[c] = [open_merge[0], r] if open_merge and open_merge[1] == r - 1 else [r - 1, r]
            elif open_merge:
                result.append((c, *open_merge))
                del vertical[c]
    result += [(c, first, last) for c, (first, last) in vertical.items()]
    return horizontal, result


LANDSCAPE_FROM_COLUMNS = 7  # a table this wide goes on a landscape page, as councils set their annexes


def make_docx(txt_path: Path, out_path: Path, widths: str = "content") -> Path:
    """A Word document of the text. ``widths``: ``content`` sets each column as wide as Word's "AutoFit to contents"
    would (no word broken inside, the rest shared by how much text a column holds) and puts a wide table on a
    landscape page; ``equal`` leaves python-docx's equal columns on a portrait page, where long words break."""
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    portrait = document.sections[0]
    for block in blocks(txt_path):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows = block.all_rows()
        landscape = widths == "content" and block.width >= LANDSCAPE_FROM_COLUMNS and block.first_part is None
        if landscape:
            _new_section(document, WD_SECTION, WD_ORIENT.LANDSCAPE, portrait)
        table = document.add_table(rows=len(rows), cols=block.width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text:
                    table.cell(r, c).text = text
                    if widths == "content":
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.font.size = Pt(TABLE_FONT_PT)
        if widths == "content":
            section = document.sections[-1]
            usable = (section.page_width - section.left_margin - section.right_margin) / Pt(1)
            table.autofit = False
            grid = table._tbl.tblGrid.findall(qn("w:gridCol"))  # the grid is what LibreOffice lays a table out by
            for c, width in enumerate(_content_widths(rows, usable)):
                grid[c].set(qn("w:w"), str(int(width * 20)))  # twentieths of a point
                for cell in table.columns[c].cells:
                    cell.width = Pt(width)
        horizontal, vertical = spans(rows, block.heading_rows)
        for r, first, last in horizontal:
            table.cell(r, first).merge(table.cell(r, last))
        for c, first, last in vertical:
            table.cell(first, c).merge(table.cell(last, c))
        if landscape:
            _new_section(document, WD_SECTION, WD_ORIENT.PORTRAIT, portrait)
    if document.element.body[-2].tag.endswith("}tbl"):  # before the closing sectPr: Word always ends with a paragraph
        document.add_paragraph("")
    document.save(out_path)
    return Path(out_path)


def _new_section(document, sections, orientation, portrait) -> None:
    from docx.shared import Cm

    section = document.add_section(sections.NEW_PAGE)
    section.orientation = orientation
    section.left_margin = section.right_margin = portrait.left_margin if orientation == 0 else Cm(1.5)
    short, long = portrait.page_width, portrait.page_height
    section.page_width, section.page_height = (long, short) if orientation == 1 else (short, long)


TABLE_FONT_PT = 10
CHAR_PT = 6.4  # how wide a wide letter of 10-point Calibri is, in points (a column as wide as its longest word in them)
CELL_PADDING_PT = 11.0  # a cell's left and right margins, and a little room


def _content_widths(rows: list[list[str]], usable: float) -> list[float]:
    """Column widths in points that add up to ``usable``: each at least its longest word (when they all fit), the rest
    shared by how much text each column holds."""
    width = len(rows[0])
    longest = [
        max((len(w) for row in rows for w in row[c].split()), default=2) * CHAR_PT + CELL_PADDING_PT
        for c in range(width)
    ]
    if sum(longest) > usable:
        return [usable * w / sum(longest) for w in longest]
    text = [sum(len(row[c]) for row in rows) + 1 for c in range(width)]
    free = usable - sum(longest)
    return [w + free * t / sum(text) for w, t in zip(longest, text, strict=True)]


def make_pdf(txt_path: Path, out_path: Path) -> Path:
    from fpdf import FPDF

    title = Path(txt_path).stem

    class Programme(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", size=7)
            self.cell(0, 4, f"Програма: {title}", align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("DejaVu", size=7)
            self.cell(0, 4, f"— {self.page_no()} —", align="C")

    pdf = Programme(format="A4")
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    body = blocks(txt_path)
    split_at = _row_to_split(body)
    parts: dict[int, list[list[str]]] = {}  # a split table's parts share their column widths
    for block in body:
        if isinstance(block, Table):
            parts.setdefault(id(block.first_part or block), []).extend(block.all_rows())
    for block in body:
        if isinstance(block, str):
            pdf.set_font("DejaVu", size=9)
            if block.strip():
                pdf.multi_cell(0, 4.5, block, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(3)
            continue
        rows = block.all_rows()
        heading = block.heading_rows
        widths = _column_widths(pdf, parts[id(block.first_part or block)])
        if split_at and split_at[0] is block:
            s = split_at[1] + len(block.repeated_header)
            first, second = _split_row(rows[s])
            _pdf_table(pdf, [*rows[:s], first], heading, widths)
            pdf.add_page()
            _pdf_table(pdf, [*rows[:heading], second, *rows[s + 1 :]], heading, widths)
        else:
            _pdf_table(pdf, rows, heading, widths)
    pdf.output(str(out_path))
    return Path(out_path)


PADDING = 1.0


def _column_widths(pdf, rows: list[list[str]]) -> list[float]:
    """Narrow columns: each as wide as its longest word, the rest of the page shared by how much text a column holds."""
    pdf.set_font("DejaVu", size=7)
    width = len(rows[0])
    longest_word = [
        max((pdf.get_string_width(w) for row in rows for w in row[c].split()), default=4) + 2 * PADDING + 1
        for c in range(width)
    ]
    text = [max((len(row[c]) for row in rows), default=1) + 8 for c in range(width)]
    free = max(pdf.epw - 0.01 - sum(longest_word), 0)
    return [lw + free * t / sum(text) for lw, t in zip(longest_word, text, strict=True)]


def _pdf_table(pdf, rows: list[list[str]], heading_rows: int, widths: list[float]) -> None:
    from fpdf.enums import TableHeadingsDisplay
    from fpdf.fonts import FontFace

    pdf.set_font("DejaVu", size=7)
    usable = pdf.epw - 0.01
    padding = PADDING
    horizontal, vertical = spans(rows, min(heading_rows, len(rows)))
    colspan = {(r, first): last - first + 1 for r, first, last in horizontal}
    rowspan = {(first, c): last - first + 1 for c, first, last in vertical}
    skip = {(r, c) for r, first, last in horizontal for c in range(first + 1, last + 1)}
    skip |= {(r, c) for c, first, last in vertical for r in range(first + 1, last + 1)}
    with pdf.table(
        col_widths=widths,
        width=min(sum(widths), usable),
        text_align="LEFT",
        line_height=3.2,
        padding=padding,
        num_heading_rows=min(heading_rows, len(rows)),
        repeat_headings=TableHeadingsDisplay.ON_TOP_OF_EVERY_PAGE,
        headings_style=FontFace(emphasis="BOLD"),
    ) as table:
        for r, row in enumerate(rows):
            pdf_row = table.row()
            for c, cell in enumerate(row):
                if (r, c) not in skip:
                    pdf_row.cell(cell, colspan=colspan.get((r, c), 1), rowspan=rowspan.get((r, c), 1))
    pdf.ln(3)


def _row_to_split(body: list) -> tuple[Table, int] | None:
    """The longest table and a row in its middle whose long cells can be cut before a lowercase word."""
    tables = [b for b in body if isinstance(b, Table) and len(b.rows) >= 6]
    if not tables:
        return None
    table = max(tables, key=lambda t: len(t.rows))
    _, vertical = spans(table.all_rows(), table.heading_rows)
    offset = len(table.repeated_header)
    in_merge = {r - offset for _, first, last in vertical for r in range(first, last + 1)}
    middle = len(table.rows) // 2
    for r in sorted(range(table.heading_rows, len(table.rows)), key=lambda r: abs(r - middle)):
        if r in in_merge or r + 1 in in_merge or not table.rows[r][0].strip():
            continue
        if any(_cut(cell) for cell in table.rows[r]):
            return table, r
    return None


def _cut(text: str) -> int | None:
    words = text.split(" ")
    if len(words) < 6:
        return None
    for k in range(len(words) // 2, len(words) - 1):
        if words[k][:1].islower():
            return k
    return None


def _split_row(row: list[str]) -> tuple[list[str], list[str]]:
    """The row as printed before a page break, and the rest of its text after it (first cell empty)."""
    first, second = [], []
    for cell in row:
        k = _cut(cell)
        words = cell.split(" ")
        first.append(" ".join(words[:k]) if k else cell)
        second.append(" ".join(words[k:]) if k else "")
    return first, second


FACT_QUERIES = {
    "measures": "SELECT programme_id, measure_code, sort_order, section_code, section_title, measure_title, category_id FROM measures",
    "amounts": "SELECT programme_id, measure_code, year, amount_thousand_uah, amount_status, amount_text FROM measure_amounts",
    "stated_totals": "SELECT programme_id, scope, year, section_code, stated_total_thousand_uah, total_text FROM stated_totals",
    "partners": """SELECT programme_id, partner_name_uk, country_code, relationship, agreement_date, agreement_date_text, date_precision,
        cooperation_areas, geonameid FROM partner_relationships""",
    "destinations": "SELECT programme_id, destination_name_uk, year, amount_thousand_uah, amount_status, purpose, measure_code FROM destination_spending",
    "issue_kinds": "SELECT programme_id, kind, count(*) FROM issue_log GROUP BY ALL",
}


def facts(database: Path) -> dict[str, list[tuple]]:
    """What a document says, without where it says it (no line numbers): sorted rows per kind of fact.

    Runs of white space in text are one space: a PDF does not keep them.
    """
    import duckdb

    def tidy(value):
        return " ".join(value.split()) if isinstance(value, str) else value

    with duckdb.connect(str(database), read_only=True) as con:
        return {
            name: sorted((tuple(tidy(v) for v in row) for row in con.execute(sql).fetchall()), key=repr)
            for name, sql in FACT_QUERIES.items()
        }
