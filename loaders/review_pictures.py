"""Crops of a PDF's pages around table rows, to check an amount read by OCR against the picture it was read from."""

from __future__ import annotations

import io
from pathlib import Path

from .read import DocumentText

DPI = 150
MARGIN_PT = (8.0, 14.0)  # around the row: sideways, above and below (a row's neighbours show where it is)
MAX_CROPS = 120


def row_pictures(
    boxes: tuple[tuple[str, tuple[float, float, float, float, float]], ...], pdf_bytes: bytes, locators: list[str]
) -> dict[str, bytes]:
    """``locator -> PNG bytes`` for each of ``locators`` that is a PDF table row whose place (``boxes``) is known, cut
    from the pages of ``pdf_bytes`` (a scan's pages as recognised, deskewed, as the boxes were measured on them)."""
    places = dict(boxes)
    wanted = [loc for loc in dict.fromkeys(locators) if loc in places][:MAX_CROPS]
    if not wanted or not pdf_bytes:
        return {}
    import pypdfium2  # only when a scan's lines are cut: the dashboard's processes never load it otherwise

    pdf = pypdfium2.PdfDocument(pdf_bytes)
    scale = DPI / 72
    out: dict[str, bytes] = {}
    drawn: dict[int, object] = {}
    try:
        for locator in wanted:
            page, x0, top, x1, bottom = places[locator]
            if not 1 <= page <= len(pdf):
                continue
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
            png = io.BytesIO()
            picture.crop(tuple(int(v) for v in box)).save(png, format="PNG", optimize=True)
            out[locator] = png.getvalue()
    finally:
        pdf.close()
    return out


def row_crops(doc: DocumentText, source: Path, locators: list[str], folder: Path) -> dict[str, str]:
    """``locator -> PNG file`` in ``folder`` for each of ``locators`` that is a PDF table row whose place is known.

    A scan's rows are cut from the page as recognised (deskewed, as the boxes were measured on it), a PDF's from its page.
    """
    if not any(loc in dict(doc.boxes) for loc in locators):
        return {}
    pictures = row_pictures(doc.boxes, doc.ocr_pdf or source.read_bytes(), locators)
    out: dict[str, str] = {}
    for number, (locator, png) in enumerate(pictures.items(), start=1):
        path = folder / f"row-{number}.png"
        path.write_bytes(png)
        out[locator] = str(path)
    return out
