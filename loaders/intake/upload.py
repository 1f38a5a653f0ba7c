"""Read an uploaded programme for one browser session, without touching the shared data.

:func:`prepare_upload` reads the file, recognises its community in the register, and builds it
through the loaders (the same extract → transform → load → validate path as ``add``) into a small
database in the session's own folder. :func:`prepare_in_worker` does the same in a child process
limited in memory and time, so that one pathological file cannot hang the server;
:func:`loaders.intake.overlay.overlay` then puts the result beside the shared programmes.
"""

from __future__ import annotations

import dataclasses
import json
import resource
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..build import DATA_DIR, build
from ..errors import SourceError
from ..read import DEFAULT_LIMITS, ReadLimits, read_programme_file
from ..read.document_text import MB
from ..read.ocr import page_progress
from ..read.sandbox import error_answer, progress_to_stderr, raise_answered_error, run_module
from ..review import review_path
from ..review_pictures import row_crops
from ..review_questions import Questions, Table, document_tables, questions
from ..source_documents import COMMUNITY_COLUMNS, METADATA_COLUMNS
from .add import AddError, choose_community, csv_text, describe, programme_record, unread_in
from .add_support import detect_programme
from .community_match import is_unambiguous, match_community, read_register

DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MEMORY_MB = 4096  # address space: DuckDB and the morphology dictionaries reserve ~2.7 GB of it, using ~0.6 GB
UPLOAD_PREFIX = "upload_"  # source files and programme ids of uploads never collide with the shared ones


class UploadError(Exception):
    """The file was read, but it could not be built into a programme (the reasons are listed)."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__("; ".join(reasons))


@dataclass(frozen=True)
class Candidate:
    """A community of the register that the text may name."""

    katottg: str
    name_uk: str
    oblast_uk: str
    score: float
    why: str


@dataclass(frozen=True)
class PreparedUpload:
    """What was read from an upload. ``database`` is empty while the community must be chosen."""

    file_name: str
    candidates: tuple[Candidate, ...]
    database: str = ""
    programme_id: str = ""
    community: dict[str, str] = field(default_factory=dict)
    community_how: str = ""
    unread: tuple[tuple[str, str, str], ...] = ()  # locator, kind, the row as printed
    notes: tuple[str, ...] = ()
    report: tuple[str, ...] = ()  # what ``python -m loaders add`` prints for the same file
    years: tuple[int, ...] = ()
    tables: tuple[Table, ...] = ()  # the document's tables as read, to pick the measures table from on review
    questions: Questions = field(default_factory=Questions)  # where the reader is unsure
    # locator -> picture of that row of the page (OCR amounts), to check against
    crops: tuple[tuple[str, str], ...] = ()
    reviewed: bool = False  # decisions of a review (``<file>.review.csv`` beside the upload) were applied

    @property
    def needs_community(self) -> bool:
        return not self.database


def _shared_rows(shared: Path, table: str) -> list[dict[str, str]]:
    with duckdb.connect(str(shared), read_only=True) as con:
        frame = con.execute(f"SELECT * FROM {table}").df()  # fixed table names, never user text
    return [{k: "" if v is None or v != v else str(v) for k, v in row.items()} for row in frame.to_dict("records")]


def prepare_upload(
    path: Path,
    workdir: Path,
    shared: Path,
    katottg: str | None = None,
    data_dir: Path = DATA_DIR,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> PreparedUpload:
    """Read ``path`` and build it into ``workdir/upload.duckdb``. Raises :class:`SourceError`
    (unreadable), :class:`AddError` (no community can be placed) or :class:`UploadError`."""
    path, workdir = Path(path), Path(workdir)
    doc = read_programme_file(path, limits)
    detected = detect_programme(doc, path)
    register = read_register(data_dir / "reference" / "communities_ua.csv")
    matches = match_community(doc.lines, register)
    candidates = tuple(Candidate(c.katottg, c.name_uk, c.oblast_uk, c.score, "; ".join(c.why)) for c in matches[:10])
    if not katottg and not is_unambiguous(matches):
        return PreparedUpload(file_name=path.name, candidates=candidates, notes=doc.notes)

    communities = _shared_rows(shared, "communities")
    choice = choose_community(doc, communities, register, None, None, None, katottg)
    taken = {row["programme_id"] for row in _shared_rows(shared, "programmes")}
    record = programme_record(
        path, detected, choice, taken_programmes=taken, taken_files=set(), prefix=UPLOAD_PREFIX, read_as=doc.format
    )

    staging = workdir / "staging"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "sources").mkdir(parents=True)
    (staging / "reference").symlink_to((data_dir / "reference").resolve(), target_is_directory=True)
    shutil.copyfile(path, staging / "sources" / record["source_file"])
    if (decisions := review_path(path)).is_file():
        shutil.copyfile(decisions, review_path(staging / "sources" / record["source_file"]))
    (staging / "sources" / "documents.csv").write_text(
        csv_text([*METADATA_COLUMNS, "community_match"], [record]), encoding="utf-8"
    )
    (staging / "sources" / "communities.csv").write_text(
        csv_text(list(COMMUNITY_COLUMNS), [choice.row]), encoding="utf-8"
    )
    database = workdir / "upload.duckdb"
    report = build(database, data_dir=staging, progress=False)
    shutil.rmtree(staging, ignore_errors=True)
    if not report.ok:
        raise UploadError(report.failures)
    lines = describe(database, record["programme_id"], choice, detected, doc)
    asked = questions(database, record["programme_id"], doc)
    unread = tuple(
        (doc.locators[n - 1], kind, text)
        for n, kind, text in unread_in(database, record["programme_id"], doc, detected)
    )
    return PreparedUpload(
        file_name=path.name,
        candidates=candidates,
        database=str(database),
        programme_id=record["programme_id"],
        community=dict(choice.row),
        community_how=choice.how,
        unread=unread,
        notes=doc.notes,
        report=tuple(lines),
        years=tuple(range(int(record["year_from"]), int(record["year_to"]) + 1)),
        tables=tuple(document_tables(doc)),
        questions=asked,
        crops=tuple(row_crops(doc, path, [locator for locator, *_ in asked.amounts], workdir).items()),
        reviewed=review_path(path).is_file(),
    )


def prepare_in_worker(
    path: Path,
    workdir: Path,
    shared: Path,
    katottg: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int = DEFAULT_MEMORY_MB,
    limits: ReadLimits = DEFAULT_LIMITS,
    on_progress: Callable[[int, int], None] | None = None,
) -> PreparedUpload:
    """:func:`prepare_upload` in a child process limited to ``memory_mb`` and ``timeout_s``;
    an overrun becomes a :class:`SourceError` of kind ``timeout`` or ``memory``. ``on_progress(done, total)`` hears of
    each page a scan's text recognition has done."""
    request = {
        "path": str(Path(path).resolve()),
        "workdir": str(Path(workdir).resolve()),
        "shared": str(Path(shared).resolve()),
        "katottg": katottg or "",
        "memory_mb": memory_mb,
        "limits": dataclasses.asdict(limits),
    }
    answer = run_module(
        ["loaders.intake.upload"], json.dumps(request).encode(), Path(path), timeout_s, memory_mb, on_progress
    )
    outcome = answer["outcome"]
    if outcome == "ok":
        value = answer["value"]
        value["candidates"] = tuple(Candidate(**c) for c in value["candidates"])
        value["unread"] = tuple(tuple(row) for row in value["unread"])
        value["tables"] = tuple(
            Table(t["number"], t["where"], tuple((loc, tuple(cells)) for loc, cells in t["rows"]))
            for t in value["tables"]
        )
        value["questions"] = Questions(
            **{k: tuple(tuple(item) for item in v) if k != "table" else tuple(v) for k, v in value["questions"].items()}
        )
        return PreparedUpload(**{k: tuple(v) if isinstance(v, list) else v for k, v in value.items()})
    raise_answered_error(answer, Path(path), memory_mb)
    if outcome == "add_error":
        raise AddError(answer["error"])
    raise UploadError(answer["error"])


def _answer(request: dict) -> dict:
    memory = request["memory_mb"] * MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        with page_progress(progress_to_stderr):
            prepared = prepare_upload(
                Path(request["path"]),
                Path(request["workdir"]),
                Path(request["shared"]),
                request["katottg"] or None,
                limits=ReadLimits(**request["limits"]),
            )
        return {"outcome": "ok", "value": dataclasses.asdict(prepared)}
    except MemoryError:
        return {"outcome": "memory"}
    except SourceError as error:
        return error_answer(error)
    except AddError as error:
        return {"outcome": "add_error", "error": str(error)}
    except UploadError as error:
        return {"outcome": "upload_error", "error": error.reasons}


if __name__ == "__main__":
    sys.stdout.write(json.dumps(_answer(json.loads(sys.stdin.read())), ensure_ascii=False))
