"""What a reader returns: a document's lines, where each came from, and how it was read."""

from __future__ import annotations

from dataclasses import dataclass, field

MB = 1024 * 1024
OCR_UNSURE = "(OCR unsure)"  # the reader's mark after an amount OCR read two ways: no number a parser takes


@dataclass(frozen=True)
class ReadLimits:
    """How much an untrusted file may ask of the reader; each is stated in the error it causes."""

    max_file_bytes: int = 20 * MB  # the file as uploaded
    max_pages: int = 200  # pages of a PDF
    max_unzipped_bytes: int = 200 * MB  # a .docx's parts, uncompressed, summed from its zip directory
    max_zip_ratio: int = 100  # uncompressed : compressed, for the .docx as a whole


DEFAULT_LIMITS = ReadLimits()


@dataclass(frozen=True)
class DocumentText:
    """A programme document as lines of text, the way the extractors read it.

    One paragraph per line; one table row per line with its cells joined by TAB. A merged
    cell's text is in its first (top-left) cell, and the cells it covers are empty, so every
    row keeps the columns of the table's header. ``locators[i]`` says where ``lines[i]`` is in
    the original file ("line 12", "table 2, row 5", "page 3, line 7", "page 3, table 1, row 4").
    ``ocr_pages`` are the pages of a scanned PDF whose text was recognised (OCR), not read from a text layer; ``boxes``
    say where a PDF's table rows are, so that a row can be shown as a crop of its page (of ``ocr_pdf`` for a scan).
    ``merged[i]`` lists ``(column, text)`` for the cells of ``lines[i]`` that are empty only
    because a merged cell covers them; :meth:`cells` fills them in.
    """

    lines: tuple[str, ...]
    locators: tuple[str, ...]
    format: str
    notes: tuple[str, ...] = ()
    merged: tuple[tuple[tuple[int, str], ...], ...] = field(default=(), repr=False)
    ocr_pages: tuple[int, ...] = ()  # the pages of a PDF whose text was read by OCR
    # where each table row of a PDF is on its page: (locator, (page, x0, top, x1, bottom)) in points from the top left
    boxes: tuple[tuple[str, tuple[float, float, float, float, float]], ...] = field(default=(), repr=False)
    # a scan as recognised (deskewed, with its text layer): the boxes are on its pages
    ocr_pdf: bytes = field(default=b"", repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.lines) != len(self.locators):
            raise ValueError(f"{len(self.lines)} lines but {len(self.locators)} locators")
        if self.merged and len(self.merged) != len(self.lines):
            raise ValueError(f"{len(self.lines)} lines but {len(self.merged)} rows of merged cells")

    def cells(self, index: int, expand_merged: bool = True) -> list[str]:
        """The TAB-separated cells of ``lines[index]`` (0-based); merged cells filled in unless told not to.

        >>> doc = DocumentText(("1.\\tA\\t5", "\\tB\\t6"), ("table 1, row 1", "table 1, row 2"), "docx", merged=((), ((0, "1."),)))
        >>> doc.cells(1), doc.cells(1, expand_merged=False)
        (['1.', 'B', '6'], ['', 'B', '6'])
        """
        cells = self.lines[index].split("\t")
        if expand_merged and self.merged:
            for column, text in self.merged[index]:
                if column < len(cells) and not cells[column]:
                    cells[column] = text
        return cells


def numbers_its_columns(row: list[str]) -> bool:
    """Whether the table row ``row`` is the row of column numbers under a header: at least three cells, and each that is
    not empty is its column's number (a cell may be lost, or end with a stop, in a scan).

    >>> numbers_its_columns(["", "2", "3", "4"]), numbers_its_columns(["1", "2", "3", "4", "5", "6."]), numbers_its_columns(["1.", "Захід", "", "5,0"])
    (True, True, False)
    """
    filled = [(index, cell.strip().rstrip(".")) for index, cell in enumerate(row, start=1) if cell.strip()]
    return len(filled) >= 3 and all(cell == str(index) for index, cell in filled)
