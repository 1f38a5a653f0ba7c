"""Convert a legacy word-processor file (.doc, .odt, .rtf) to .docx with LibreOffice, headless, in a throw-away folder.

LibreOffice runs with a fresh profile of its own (never the user's), in a process group that is killed whole when it
runs past the time limit, with its address space limited; the default macro security of a fresh profile runs no
macro of a document. Nothing is left behind: the folder, the profile and the processes go when the conversion ends.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import SourceError
from .process_group import kill_group, memory_limit

TIMEOUT_S = 120.0
MEMORY_MB = 4096  # LibreOffice maps much more address space than it uses; this bounds a runaway document


def soffice() -> str | None:
    """The LibreOffice command, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(raw: bytes, path: Path, suffix: str, timeout_s: float = TIMEOUT_S) -> bytes:
    """The .docx that LibreOffice saves from ``raw`` (the bytes of ``path``, a ``suffix`` file whatever its name says),
    or a :class:`SourceError`."""
    command = soffice()
    if command is None:
        raise SourceError.of("libreoffice_missing", path, extension=suffix)
    with tempfile.TemporaryDirectory(prefix="office_convert_") as folder:
        source = Path(folder) / f"document{suffix}"
        source.write_bytes(raw)
        arguments = [
            command,
            f"-env:UserInstallation=file://{folder}/profile",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(Path(folder) / "out"),
            str(source),
        ]
        process = subprocess.Popen(
            arguments,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=memory_limit(MEMORY_MB),
            cwd=folder,
        )
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            raise SourceError.of("timeout", path, limit_s=f"{timeout_s:g}") from None
        finally:
            kill_group(process)
        converted = Path(folder) / "out" / "document.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise SourceError.of("conversion_failed", path, extension=suffix)
        return converted.read_bytes()
