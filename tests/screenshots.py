"""Screenshots of every page and slide, for a person to look at: ``python -m tests.screenshots [--only by-year,present] [--sizes phone]``.

Starts ``streamlit run dashboard.py`` on a free port of 127.0.0.1 with a database built into a
temporary folder (or ``--db PATH``), opens each page in headless Chromium at 1920×1080, 1366×768
and 390×844 in Ukrainian and English, and writes full-page PNGs to screenshots/ (git-ignored),
named ``<page>_<lang>_<width>.png``; slides are ``present-<n>_<lang>_<width>.png`` (the window only,
as a projector shows it).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from loaders.build import build
from tests.browser_app import ROOT, chromium, open_visit, streamlit_server
from tests.slides import SLIDE_COUNT

SHOTS = ROOT / "screenshots"

SIZES = {"desktop": (1920, 1080), "laptop": (1366, 768), "phone": (390, 844)}
PAGES = ["", "by-year", "by-category", "sister-cities", "explore", "data-quality", "methodology", "peers", "add"]


def whole_page(page, width: int, height: int) -> None:
    """Grow the window to the page's height: Streamlit scrolls inside its main area, which a full-page screenshot does not follow."""
    page.wait_for_timeout(800)  # Plotly's relayout after the first draw
    tall = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    if tall > height:
        page.set_viewport_size({"width": width, "height": min(tall, 16000)})
        page.wait_for_timeout(1200)


def shoot(origin: str, browser, pages: list[str], sizes: list[str], langs: list[str], present: bool) -> list[Path]:
    SHOTS.mkdir(exist_ok=True)  # screenshots/, git-ignored: for a person to look at
    written = []
    for size in sizes:
        width, height = SIZES[size]
        for lang in langs:
            for path in pages:
                visit = open_visit(browser, origin, f"{path}?lang={lang}", width=width, height=height)
                try:
                    name = SHOTS / f"{path or 'overview'}_{lang}_{width}.png"
                    whole_page(visit.page, width, height)
                    visit.page.screenshot(path=str(name))
                    written.append(name)
                    if visit.problems():
                        print(name.name, "problems:", visit.problems())
                finally:
                    visit.close()
            if not present:
                continue
            for number in range(1, SLIDE_COUNT + 1):
                visit = open_visit(
                    browser,
                    origin,
                    f"?present=1&slide={number}&lang={lang}",
                    width=width,
                    height=height,
                    charts=0 if number == 1 else 1,
                )
                try:
                    visit.page.wait_for_timeout(800)
                    name = SHOTS / f"present-{number}_{lang}_{width}.png"
                    visit.page.screenshot(path=str(name))
                    written.append(name)
                finally:
                    visit.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--only", default="", help="comma-separated url paths (overview is 'overview', the slides 'present')"
    )
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated: " + ", ".join(SIZES))
    parser.add_argument("--langs", default="uk,en")
    parser.add_argument("--db", type=Path, help="an existing database (default: built into a temporary folder)")
    args = parser.parse_args()
    only = [p for p in args.only.split(",") if p]
    pages = [p for p in PAGES if not only or (p or "overview") in only]
    present = not only or "present" in only
    with tempfile.TemporaryDirectory() as folder:
        database = args.db
        if database is None:
            database = Path(folder) / "programmes.duckdb"
            build(database, progress=False)
        with streamlit_server(database) as origin, chromium() as browser:
            for name in shoot(origin, browser, pages, args.sizes.split(","), args.langs.split(","), present):
                print(name)


if __name__ == "__main__":
    main()
