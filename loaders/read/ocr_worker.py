"""``python -m loaders.read.ocr_worker IN.pdf OUT.pdf``: OCRmyPDF (Tesseract, Ukrainian) adds a text layer to the pages
of ``IN.pdf`` that have none. Run by :mod:`loaders.read.ocr` as a process group of its own, with its limits.

Progress goes to stderr, one line a step: ``progress<TAB>what<TAB>done<TAB>total``. A failure is answered on stdout
as JSON, ``{"kind": …, "detail": …}``, with exit status 1.
"""

from __future__ import annotations

import json
import logging
import sys

try:
    import ocrmypdf
    from ocrmypdf import hookimpl
except ImportError:  # answered as a missing dependency
    ocrmypdf = None

    def hookimpl(function):
        return function


LANGUAGE = "ukr"  # Debian's tesseract-ocr-ukr
MAX_IMAGE_MPIXELS = 60.0  # an A4 page at 600 dpi is 35 megapixels (loaders.read.ocr refuses a larger picture first)
TESSERACT_TIMEOUT_S = 60.0  # a page Tesseract cannot finish in this time is left without text


class PageProgress:
    """OCRmyPDF's progress through the pages, as lines on stderr that :mod:`loaders.read.ocr` reads."""

    def __init__(self, *, total=None, desc=None, unit=None, disable=False, **_):
        self.total, self.desc, self.done = total, desc or "", 0

    def __enter__(self):
        return self

    def __exit__(self, *_):
        return False

    def update(self, n=1, *, completed=None):
        self.done = completed if completed is not None else self.done + n
        if self.desc == "OCR":  # not the steps before and after, which take a small share of the time
            print(f"progress\t{self.desc}\t{self.done:g}\t{self.total or 0:g}", file=sys.stderr, flush=True)


@hookimpl
def get_progressbar_class():
    return PageProgress


def main(source: str, target: str) -> int:
    logging.disable(logging.WARNING)
    if ocrmypdf is None:
        print(json.dumps({"kind": "ocr_missing", "detail": "the Python package ocrmypdf is not installed"}))
        return 1
    try:
        ocrmypdf.ocr(
            source,
            target,
            language=[LANGUAGE],
            mode="skip",
            deskew=True,
            output_type="pdf",
            optimize=0,
            fast_web_view=1_000_000,
            jobs=1,
            progress_bar=True,
            plugins=["loaders.read.ocr_worker"],
            max_image_mpixels=MAX_IMAGE_MPIXELS,
            tesseract_timeout=TESSERACT_TIMEOUT_S,
        )
    except ocrmypdf.exceptions.MissingDependencyError as exc:
        print(json.dumps({"kind": "ocr_missing", "detail": str(exc)}))
        return 1
    except Exception as exc:  # any failure of the recogniser on an untrusted file is answered, never a traceback
        print(json.dumps({"kind": "ocr_failed", "detail": f"{type(exc).__name__}: {exc}"[:300]}))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
