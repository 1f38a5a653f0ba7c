"""Read an untrusted file in a child process with a memory limit and a wall-clock timeout.

One pathological file cannot hang or exhaust the server: the child (``python -m
loaders.read.sandbox``) limits its own address space before it reads, is killed when it runs
past the timeout, and answers in JSON (never pickle), so an overrun becomes a
:class:`SourceError` of kind ``timeout`` or ``memory``.
"""

from __future__ import annotations

import dataclasses
import json
import resource
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import SourceError
from .document_text import DEFAULT_LIMITS, MB, DocumentText, ReadLimits
from .process_group import progress_line, run_python_module
from .programme_file import read_programme_file

DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MEMORY_MB = 1024
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run_module(
    module_and_arguments: list[str],
    stdin: bytes,
    path: Path,
    timeout_s: float,
    memory_mb: int,
    on_progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Run ``python -m <module> <arguments>`` with ``stdin``, killed after ``timeout_s``; its JSON answer.

    The child limits its own address space to ``memory_mb``. It runs in a process group of its own, killed whole
    when it ends, so that nothing it started (LibreOffice, OCR) outlives it. ``on_progress(done, total)`` is called
    for each ``progress<TAB>what<TAB>done<TAB>total`` line the child writes to stderr. An overrun or a crash becomes a
    :class:`SourceError` about ``path`` of kind ``timeout``, ``memory`` or ``unreadable``.
    """
    finished = run_python_module(module_and_arguments, timeout_s, stdin=stdin, on_progress=on_progress)
    if finished.overran:
        raise SourceError.of("timeout", path, limit_s=f"{timeout_s:g}")
    try:
        return json.loads(finished.stdout)
    except ValueError:
        if finished.returncode < 0 or b"MemoryError" in finished.errors:
            raise SourceError.of("memory", path, limit_mb=memory_mb) from None
        raise SourceError.of(
            "unreadable", path, detail=f"the reading process stopped with exit code {finished.returncode}"
        ) from None


def progress_to_stderr(done: int, total: int) -> None:
    """A child's report of its progress, for :func:`run_module`'s ``on_progress`` in the parent."""
    print(progress_line(done, total), file=sys.stderr, flush=True)


def read_in_worker(
    path: Path,
    limits: ReadLimits = DEFAULT_LIMITS,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> DocumentText:
    """:func:`read_programme_file` in a child process limited to ``memory_mb`` of address space and ``timeout_s`` seconds."""
    path = Path(path)
    arguments = [str(path.resolve()), str(memory_mb), json.dumps(dataclasses.asdict(limits))]
    answer = run_module(["loaders.read.sandbox", *arguments], b"", path, timeout_s, memory_mb)
    if answer["outcome"] == "ok":
        text = answer["text"]
        return DocumentText(
            lines=tuple(text["lines"]),
            locators=tuple(text["locators"]),
            format=text["format"],
            notes=tuple(text["notes"]),
            merged=tuple(tuple((column, cell) for column, cell in row) for row in text["merged"]),
            ocr_pages=tuple(text["ocr_pages"]),
            boxes=tuple((locator, tuple(box)) for locator, box in text["boxes"]),
        )
    raise_answered_error(answer, path, memory_mb)


def error_answer(error: SourceError) -> dict:
    """A child's :class:`SourceError` as JSON for its parent (a memory overrun as its own outcome)."""
    if error.kind == "memory":
        return {"outcome": "memory"}
    params = {k: v if isinstance(v, int | float | str) else str(v) for k, v in error.params.items()}
    return {
        "outcome": "error",
        "error": {
            "message": error.message,
            "line": error.line,
            "kind": error.kind,
            "params": params,
            "locator": error.locator,
        },
    }


def raise_answered_error(answer: dict, path: Path, memory_mb: int) -> None:
    """Raise the :class:`SourceError` a child answered (outcome ``memory`` or ``error``); return for any other outcome."""
    if answer["outcome"] == "memory":
        raise SourceError.of("memory", path, limit_mb=memory_mb)
    if answer["outcome"] == "error":
        error = answer["error"]
        raise SourceError(
            path, error["message"], error["line"], kind=error["kind"], params=error["params"], locator=error["locator"]
        )


def _answer(path: Path, memory_mb: int, limits: ReadLimits) -> dict:
    # the readers' libraries, which programme_file loads only when a file is read, are loaded before the limit: the
    # limit is for what a file makes the reader do, not for the libraries
    from . import docx_file, pdf_file  # noqa: F401

    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
    try:
        text = dataclasses.asdict(read_programme_file(path, limits))
        del text["ocr_pdf"]  # the recognised scan's bytes: only a reader in this process crops rows from it
        return {"outcome": "ok", "text": text}
    except MemoryError:
        return {"outcome": "memory"}
    except SourceError as error:
        return error_answer(error)


if __name__ == "__main__":
    answer = _answer(Path(sys.argv[1]), int(sys.argv[2]), ReadLimits(**json.loads(sys.argv[3])))
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
