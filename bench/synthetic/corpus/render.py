"""Write composed blocks as the files councils publish: a Word file (python-docx), the PDF LibreOffice exports from it
(as Word's "Save as PDF" does, never drawn line by line), and plain text in UTF-8 or cp1251.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench.synthetic.office_copies import save_as

from .compose import Para, Table, compose
from .model import Programme

BODY_FONT = "Times New Roman"
BODY_PT = 12
TABLE_PT = 10


def render(p: Programme, out_dir: Path, stem: str) -> Path:
    """``p`` written in its layout's format into ``out_dir``; the file's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    fmt = p.layout["format"]
    if fmt.startswith("txt"):
        return write_txt(p, out_dir / f"{stem}.txt", "utf-8" if fmt == "txt-utf8" else "cp1251")
    if fmt == "docx":
        return write_docx(p, out_dir / f"{stem}.docx")
    with tempfile.TemporaryDirectory(prefix="corpus_") as folder:
        docx = write_docx(p, Path(folder) / f"{stem}.docx")
        made = save_as(docx, "pdf", Path(folder))
        return Path(shutil.copyfile(made, out_dir / f"{stem}.pdf"))


def _blank_merged(table: Table) -> list[list[str]]:
    """The rows with every merged cell's text in its first cell only, as Word keeps it."""
    rows = [list(r) for r in table.rows]
    for r0, c0, r1, c1 in table.merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    rows[r][c] = ""
    return rows


def write_txt(p: Programme, path: Path, encoding: str) -> Path:
    """Text as Word's "Plain text" export gives it: a paragraph a line, a blank line between, a table row a line of
    tab-separated cells (a merged cell's text in its first cell, a cell's lines joined)."""
    lines: list[str] = []
    for block in compose(p):
        if isinstance(block, Para):
            lines += [block.text, ""]
            continue
        for row in _blank_merged(block):
            lines.append("\t".join("; ".join(cell.split("\n")) for cell in row))
        lines.append("")
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def write_docx(p: Programme, path: Path) -> Path:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = BODY_FONT, Pt(BODY_PT)
    portrait = document.sections[0]
    blocks = compose(p)
    for index, block in enumerate(blocks):
        if isinstance(block, Para):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.bold = block.style in ("title", "heading")
            paragraph.alignment = {"title": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(
                block.style
            )
            paragraph.paragraph_format.page_break_before = block.page_break_before
            continue
        landscape = block.landscape
        if landscape and not _in_landscape(document):
            _section(document, WD_ORIENT.LANDSCAPE, portrait)
        _table(document, block)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if landscape and not (isinstance(following, Table) and following.landscape) and following is not None:
            _section(document, WD_ORIENT.PORTRAIT, portrait)
        if isinstance(following, Table) or following is None:
            # two tables in a row are two tables only with a paragraph between; Word ends with one
            document.add_paragraph("")
    document.save(path)
    return path


def _in_landscape(document) -> bool:
    section = document.sections[-1]
    return section.page_width > section.page_height


def _section(document, orientation, portrait) -> None:
    from docx.enum.section import WD_SECTION
    from docx.shared import Cm

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = orientation
    short, long = portrait.page_width, portrait.page_height
    section.page_width, section.page_height = (long, short) if orientation == 1 else (short, long)
    section.left_margin = section.right_margin = Cm(1.5) if orientation == 1 else portrait.left_margin


def _table(document, block: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    rows = _blank_merged(block)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    if block.ruling == "grid":
        table.style = "Table Grid"
    elif block.ruling == "outer":
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right"):
            edge = OxmlElement(f"w:{side}")
            for key, value in (("val", "single"), ("sz", "8"), ("space", "0"), ("color", "000000")):
                edge.set(qn(f"w:{key}"), value)
            borders.append(edge)
        table._tbl.tblPr.append(borders)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if not text:
                continue
            cell = table.cell(r, c)
            lines = text.split("\n")
            cell.paragraphs[0].add_run(lines[0]).font.size = Pt(TABLE_PT)
            for line in lines[1:]:
                cell.add_paragraph().add_run(line).font.size = Pt(TABLE_PT)
    if block.widths:
        section = document.sections[-1]
        usable = (section.page_width - section.left_margin - section.right_margin) / Pt(1)
        scale = usable / sum(block.widths)
        table.autofit = False
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        for c, width in enumerate(block.widths):
            grid[c].set(qn("w:w"), str(int(width * scale * 20)))
            for cell in table.columns[c].cells:
                cell.width = Pt(width * scale)
    if block.repeat_header:
        for r in range(block.header_rows):
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            table.rows[r]._tr.get_or_add_trPr().append(header)
    for r0, c0, r1, c1 in block.merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
