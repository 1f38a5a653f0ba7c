"""A programme as a council's scanner makes it: ``scan(pdf, out)`` prints each page of a PDF and scans it back, an
image-only PDF with no text layer. The page is grey, set a little askew, at 200 dpi, with specks of dust, as the
signed paper copy comes back from an office scanner. Seeded, so that a test scans the same way each time.

``python -m bench.synthetic.scans IN.pdf OUT.pdf [--dpi 200] [--seed 7]``.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw

DPI = 200
MAX_TILT_DEGREES = 1.0
SPECKS_PER_PAGE = 300


def scan(pdf: Path, out: Path, dpi: int = DPI, seed: int = 7) -> Path:
    """``pdf``'s pages as a scanner gives them back, written to ``out`` (an image-only PDF)."""
    rng = random.Random(seed)
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pages = [
            _scanned(document[index].render(scale=dpi / 72).to_pil().convert("L"), rng)
            for index in range(len(document))
        ]
    finally:
        document.close()
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return out


def _scanned(page: Image.Image, rng: random.Random) -> Image.Image:
    page = page.rotate(
        rng.uniform(-MAX_TILT_DEGREES, MAX_TILT_DEGREES), resample=Image.Resampling.BICUBIC, fillcolor=255
    )
    draw = ImageDraw.Draw(page)
    for _ in range(SPECKS_PER_PAGE):
        x, y, size = rng.randrange(page.width), rng.randrange(page.height), rng.choice((1, 1, 2))
        draw.ellipse((x, y, x + size, y + size), fill=rng.randrange(0, 120))
    return page


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dpi", type=int, default=DPI)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(scan(args.pdf, args.out, args.dpi, args.seed))


if __name__ == "__main__":
    main()
