"""Read a Word .docx: paragraphs and tables in document order, merged cells and split tables undone."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..errors import SourceError
from .document_text import DocumentText, ReadLimits
from .zip_checks import open_checked_zip

MAX_REPEATED_HEADER_ROWS = 3


@dataclass
class _Row:
    cells: list[str]
    merged: list[tuple[int, str]]
    locator: str


@dataclass
class _Table:
    number: int
    rows: list[_Row] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


def read_docx_file(raw: bytes, path: Path, limits: ReadLimits) -> DocumentText:
    open_checked_zip(raw, path, limits)
    try:
        document = docx.Document(io.BytesIO(raw))
    # python-docx raises many kinds (KeyError, XMLSyntaxError, ValueError) for a broken package
    except Exception as exc:
        raise SourceError.of("not_docx", path, detail=f"{type(exc).__name__}: {exc}") from exc
    return _render(_body_blocks(document.element.body), path)


def _body_blocks(body) -> list[str | _Table | tuple[int, str]]:
    """Paragraphs as ``(number, text)`` and tables as :class:`_Table`, in document order (content controls opened)."""
    blocks: list = []
    paragraphs = tables = 0
    stack = list(reversed(list(body)))
    while stack:
        element = stack.pop()
        if element.tag == qn("w:p"):
            paragraphs += 1
            text = Paragraph(element, None).text
            if not text.strip() and element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                continue  # an empty paragraph that only ends a section (a landscape annex begins or ends): no line of the text
            blocks.append((paragraphs, text))
        elif element.tag == qn("w:tbl"):
            tables += 1
            blocks.append(_read_table(element, tables))
        elif element.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            stack.extend(reversed([e for e in element if e.tag != qn("w:sdtPr")]))
    return blocks


def _cell_text(tc) -> str:
    """A cell's paragraphs (and any table nested in it) joined by a space, with no tab or line break left."""
    texts = [Paragraph(p, None).text for p in tc.iter(qn("w:p"))]
    return " ".join(t for t in texts if t.strip()).replace("\t", " ").replace("\n", " ")


def _grid_value(pr, tag: str, default: int) -> int:
    element = pr.find(qn(tag)) if pr is not None else None
    return int(element.get(qn("w:val"), default)) if element is not None else default


def _read_table(tbl, number: int) -> _Table:
    table = _Table(number)
    above: dict[int, str] = {}  # text of the merged cell that starts higher up, by grid column
    for row_number, tr in enumerate(tbl.iter(qn("w:tr")), start=1):
        if tr.getparent() is not tbl and tr.getparent().getparent() is not tbl:  # a row of a table nested in a cell
            continue
        tr_pr = tr.find(qn("w:trPr"))
        cells = [""] * _grid_value(tr_pr, "w:gridBefore", 0)
        merged: list[tuple[int, str]] = []
        for tc in tr.iter(qn("w:tc")):
            if tc.getparent() is not tr and tc.getparent().getparent() is not tr:
                continue
            tc_pr = tc.find(qn("w:tcPr"))
            span = _grid_value(tc_pr, "w:gridSpan", 1)
            v_merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            column = len(cells)
            if v_merge is not None and v_merge.get(qn("w:val"), "continue") == "continue":
                text = above.get(column, "")
                cells += [""] * span
                merged += [(column + k, text) for k in range(span) if text]
            else:
                text = _cell_text(tc)
                cells += [text] + [""] * (span - 1)
                merged += [(column + k, text) for k in range(1, span) if text]
                for k in range(span):
                    above[column + k] = text if v_merge is not None else ""
        cells += [""] * _grid_value(tr_pr, "w:gridAfter", 0)
        table.rows.append(_Row(cells, merged, f"table {number}, row {row_number}"))
    return table


def _render(blocks: list, path: Path) -> DocumentText:
    lines: list[str] = []
    locators: list[str] = []
    merged: list[tuple[tuple[int, str], ...]] = []
    notes: list[str] = []
    current: _Table | None = None  # the table a following table may continue
    for block in blocks:
        if isinstance(block, tuple):
            number, text = block
            if text.strip():
                current = None
            for part in text.split("\n"):
                lines.append(part)
                locators.append(f"paragraph {number}")
                merged.append(())
            continue
        rows = block.rows
        if current is not None and current.width == block.width and current.rows:
            dropped = _repeated_header_rows(current, block)
            rows = rows[dropped:]
            notes.append(
                f"table {block.number} continues table {current.number} ({block.width} columns)"
                + (f"; its {dropped} repeated header row(s) were dropped" if dropped else "")
            )
        else:
            current = block
        for row in rows:
            lines.append("\t".join(row.cells))
            locators.append(row.locator)
            merged.append(tuple(row.merged))
    if not any(line.strip() for line in lines):
        raise SourceError.of("empty", path)
    # the empty paragraph Word keeps after a table at the document's end is no line of text
    while not lines[-1].strip():
        lines.pop(), locators.pop(), merged.pop()
    notes.insert(
        0,
        f"read as a Word document: {sum(1 for b in blocks if isinstance(b, tuple))} paragraphs, {sum(1 for b in blocks if isinstance(b, _Table))} tables",
    )
    return DocumentText(tuple(lines), tuple(locators), "docx", tuple(notes), tuple(merged))


def _repeated_header_rows(first: _Table, continuation: _Table) -> int:
    """How many of the continuation's first rows repeat the first table's header rows."""
    count = 0
    while (
        count < min(MAX_REPEATED_HEADER_ROWS, len(first.rows) - 1, len(continuation.rows))
        and continuation.rows[count].cells == first.rows[count].cells
        and any(c.strip() for c in first.rows[count].cells)
    ):
        count += 1
    return count
