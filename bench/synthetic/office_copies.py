"""The programmes of data/sources/ as a council publishes them: ``python -m bench.synthetic.office_copies`` writes, for each
document there, a Word file made from its text (``fixture_documents.make_docx``: columns fitted to their contents, a
wide table on a landscape page) and what LibreOffice makes of that file, as Word's "Save as" does:

- ``.pdf``, exported by LibreOffice (``soffice --headless --convert-to pdf``), never drawn line by line;
- ``.doc`` (Word 97–2003), ``.odt`` and ``.rtf``, saved by LibreOffice.

They are committed in tests/fixtures/office/, so that the default tests read the PDFs without LibreOffice; reading a
.doc, .odt or .rtf needs LibreOffice anyway. Needs Debian's ``libreoffice-writer-nogui``.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.synthetic.fixture_documents import make_docx
from loaders.build import DATA_DIR

OUT = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "office"
# LibreOffice's export filter for each format
FILTERS = {"pdf": "pdf:writer_pdf_Export", "doc": "doc:MS Word 97", "odt": "odt", "rtf": "rtf"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


ATTEMPTS = 3  # LibreOffice now and then aborts (exit status 134), or exits 0 and writes nothing, on a file it converts the next time


def save_as(source: Path, fmt: str, out_dir: Path) -> Path:
    """``source`` saved by LibreOffice as ``fmt`` into ``out_dir`` (a fresh profile, so that runs never share one)."""
    for attempt in range(1, ATTEMPTS + 1):
        with tempfile.TemporaryDirectory(prefix="lo_profile_") as profile:
            command = [
                soffice(),
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                FILTERS[fmt],
                "--outdir",
                str(out_dir),
                str(source),
            ]
            result = subprocess.run(command, capture_output=True, timeout=180)
        written = out_dir / f"{source.stem}.{fmt}"
        if result.returncode == 0 and written.exists():
            return written
        if attempt == ATTEMPTS:
            raise subprocess.CalledProcessError(result.returncode, command, result.stdout, result.stderr)
    raise AssertionError("unreachable")


def documents() -> list[dict[str, str]]:
    with (DATA_DIR / "sources" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_copies(out: Path = OUT, formats: tuple[str, ...] = tuple(FILTERS)) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="office_copies_") as folder:
        for row in documents():
            docx = make_docx(DATA_DIR / "sources" / row["source_file"], Path(folder) / f"{row['programme_id']}.docx")
            for fmt in formats:
                made = save_as(docx, fmt, Path(folder))
                written.append(Path(shutil.copyfile(made, out / made.name)))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--formats", default=",".join(FILTERS), help="comma-separated: " + ", ".join(FILTERS))
    parser.add_argument("--out", type=Path, default=OUT, help="where the copies go (default: tests/fixtures/office/)")
    args = parser.parse_args()
    if soffice() is None:
        raise SystemExit("LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui")
    for path in write_copies(args.out, tuple(args.formats.split(","))):
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)


if __name__ == "__main__":
    main()
