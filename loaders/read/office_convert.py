"""Convert a legacy word-processor file (.doc, .odt, .rtf) to .docx with LibreOffice, headless, in a throw-away folder.

LibreOffice runs with a fresh profile of its own (never the user's), in a process group that is killed whole when it
runs past the time limit, with its address space limited; the default macro security of a fresh profile runs no
macro of a document. Nothing is left behind: the folder, the profile and the processes go when the conversion ends.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from ..source_documents import SourceError
from .document_text import MB

TIMEOUT_S = 120.0
MEMORY_MB = 4096  # LibreOffice maps much more address space than it uses; this bounds a runaway document


def soffice() -> str | None:
    """The LibreOffice command, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _limit_memory() -> None:  # runs in the child before LibreOffice starts (within any limit the reader already has)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = MEMORY_MB * MB if hard == resource.RLIM_INFINITY else min(MEMORY_MB * MB, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def convert_to_docx(raw: bytes, path: Path, suffix: str, timeout_s: float = TIMEOUT_S) -> bytes:
    """The .docx that LibreOffice saves from ``raw`` (the bytes of ``path``, a ``suffix`` file whatever its name says),
    or a :class:`SourceError`."""
    command = soffice()
    if command is None:
        raise SourceError.of("libreoffice_missing", path, extension=suffix)
    with tempfile.TemporaryDirectory(prefix="office_convert_") as folder:
        source = Path(folder) / f"document{suffix}"
        source.write_bytes(raw)
        arguments = [command, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--norestore", "--nolockcheck",
                     "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(Path(folder) / "out"), str(source)]  # fmt: skip
        process = subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True, preexec_fn=_limit_memory, cwd=folder)  # fmt: skip
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            raise SourceError.of("timeout", path, limit_s=f"{timeout_s:g}") from None
        finally:
            _kill_group(process)
        converted = Path(folder) / "out" / "document.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise SourceError.of("conversion_failed", path, extension=suffix)
        return converted.read_bytes()


def _kill_group(process: subprocess.Popen) -> None:
    """End LibreOffice and every process it started (soffice.bin, its helpers), whether it finished or not."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    _wait_for_group_to_end(process.pid)


GROUP_END_S = 5.0  # how long a killed process of the group may take to release its memory and end


def _wait_for_group_to_end(group: int) -> None:
    """Wait until no process of ``group`` is still running: a killed soffice.bin, no longer LibreOffice's child, ends on its
    own time (a zombie that no one reaps runs no more). Where /proc is missing, return at once."""
    deadline = time.monotonic() + GROUP_END_S
    while time.monotonic() < deadline and _group_running(group):
        time.sleep(0.02)


def _group_running(group: int) -> bool:
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()  # after «(name)»: state, ppid, pgrp, …
            if int(fields[2]) == group and fields[0] not in ("Z", "X"):
                return True
    return False
