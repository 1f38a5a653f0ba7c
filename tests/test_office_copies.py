"""The four programmes as councils publish them (bench/synthetic/office_copies.py: a Word file exported to PDF by LibreOffice,
or saved as .doc, .odt and .rtf) give exactly the facts of their plain text: every measure, amount, total, partner,
trip and kind of data issue.

The PDFs are read without LibreOffice; a .doc, .odt or .rtf is converted by LibreOffice first, so those are skipped,
with the reason, where it is not installed (CI installs it).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from bench.synthetic.fixture_documents import facts
from bench.synthetic.office_copies import OUT
from loaders.build import DATA_DIR, build
from loaders.read.office_convert import soffice

FORMATS = ["pdf", "doc", "odt", "rtf"]


def _data_dir(fmt: str, target: Path) -> Path:
    """A copy of data/ whose documents are the committed copies in ``fmt``, and documents.csv naming them."""
    shutil.copytree(DATA_DIR / "reference", target / "reference")
    sources = target / "sources"
    shutil.copytree(DATA_DIR / "sources", sources, ignore=shutil.ignore_patterns("*.txt"))
    with (sources / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        copy = OUT / f"{row['programme_id']}.{fmt}"
        row["source_file"] = copy.name
        shutil.copyfile(copy, sources / copy.name)
    with (sources / "documents.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.fixture(scope="module", params=FORMATS)
def built(request, tmp_path_factory) -> tuple[str, Path]:
    fmt = request.param
    if fmt != "pdf" and soffice() is None:
        pytest.skip(
            "LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui): it converts .doc, .odt and .rtf"
        )
    data = _data_dir(fmt, tmp_path_factory.mktemp(fmt))
    report = build(data / "programmes.duckdb", data_dir=data, progress=False)
    assert report.ok, report.failures
    return fmt, data / "programmes.duckdb"


def test_the_copies_are_committed():
    names = {
        row["programme_id"] for row in csv.DictReader((DATA_DIR / "sources" / "documents.csv").open(encoding="utf-8"))
    }
    assert {p.name for p in OUT.iterdir()} == {f"{name}.{fmt}" for name in names for fmt in FORMATS}


def test_a_council_copy_gives_exactly_the_facts_of_the_text(built, database):
    fmt, copy = built
    expected, got = facts(database), facts(copy)
    assert all(expected[kind] for kind in ("measures", "amounts", "stated_totals", "partners", "destinations"))
    for kind in expected:
        missing = [row for row in expected[kind] if row not in got[kind]]
        extra = [row for row in got[kind] if row not in expected[kind]]
        assert (missing, extra) == ([], []), f"{fmt}: {kind} differ"
