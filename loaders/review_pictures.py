"""Crops of a PDF's pages around table rows, to check an amount read by OCR against the picture it was read from."""

from __future__ import annotations

from pathlib import Path

import pypdfium2

from .read import DocumentText

DPI = 150
MARGIN_PT = (8.0, 14.0)  # around the row: sideways, above and below (a row's neighbours show where it is)
MAX_CROPS = 120


def row_crops(doc: DocumentText, source: Path, locators: list[str], folder: Path) -> dict[str, str]:
    """``locator -> PNG file`` in ``folder`` for each of ``locators`` that is a PDF table row whose place is known.

    A scan's rows are cut from the page as recognised (deskewed, as the boxes were measured on it), a PDF's from its page.
    """
    boxes = dict(doc.boxes)
    wanted = [loc for loc in dict.fromkeys(locators) if loc in boxes][:MAX_CROPS]
    if not wanted:
        return {}
    pdf = pypdfium2.PdfDocument(doc.ocr_pdf or source.read_bytes())
    scale = DPI / 72
    out: dict[str, str] = {}
    drawn: dict[int, object] = {}
    try:
        for number, locator in enumerate(wanted, start=1):
            page, x0, top, x1, bottom = boxes[locator]
            if page not in drawn:
                drawn[page] = pdf[page - 1].render(scale=scale).to_pil()
            picture = drawn[page]
            side, above = MARGIN_PT
            box = (
                max(0, (x0 - side) * scale),
                max(0, (top - above) * scale),
                min(picture.width, (x1 + side) * scale),
                min(picture.height, (bottom + above) * scale),
            )
            path = folder / f"row-{number}.png"
            picture.crop(tuple(int(v) for v in box)).save(path)
            out[locator] = str(path)
    finally:
        pdf.close()
    return out
