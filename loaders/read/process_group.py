"""A converter (LibreOffice, OCR) run as a process group of its own: its address space limited, killed whole when it
ends or runs past its time, so that no process of it is left running."""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .document_text import MB

PR_SET_PDEATHSIG = 1  # prctl(2)
PROJECT_ROOT = Path(__file__).resolve().parents[2]
GROUP_END_S = 5.0  # how long a killed process of the group may take to release its memory and end


def progress_line(done: int, total: int, what: str = "pages") -> str:
    """What a child writes to stderr, a line a step, for its parent's :func:`read_progress`."""
    return f"progress\t{what}\t{done}\t{total}"


def read_progress(line: bytes | str, on_progress: Callable[[int, int], None] | None) -> bool:
    """Whether ``line`` (of a child's stderr) is a :func:`progress_line`; if so, ``on_progress(done, total)`` is told.

    >>> told = []
    >>> read_progress(progress_line(2, 9) + "\\n", lambda done, total: told.append((done, total))), read_progress(b"Traceback", None), told
    (True, False, [(2, 9)])
    """
    text = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
    fields = text.rstrip("\n").split("\t")
    if len(fields) != 4 or fields[0] != "progress":
        return False
    with contextlib.suppress(ValueError):
        if on_progress is not None:
            on_progress(int(float(fields[2])), int(float(fields[3])))
    return True


def memory_limit(memory_mb: int, die_with_parent: bool = False) -> Callable[[], None]:
    """A ``preexec_fn`` that limits the child's address space to ``memory_mb`` (within any limit the parent already has)
    and, with ``die_with_parent``, has Linux kill the child when its parent dies (a reading worker killed at its
    time limit takes its recogniser with it)."""

    def limit() -> None:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        value = memory_mb * MB if hard == resource.RLIM_INFINITY else min(memory_mb * MB, hard)
        resource.setrlimit(resource.RLIMIT_AS, (value, value))
        if die_with_parent and sys.platform.startswith("linux"):
            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

    return limit


def kill_group(process: subprocess.Popen) -> None:
    """End ``process`` and every process it started, whether it finished or not."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    wait_for_group_to_end(process.pid)


def wait_for_group_to_end(group: int) -> None:
    """Wait until no process of ``group`` is still running: a killed grandchild, no longer its parent's child, ends on its
    own time (a zombie that no one reaps runs no more). Where /proc is missing, return at once."""
    deadline = time.monotonic() + GROUP_END_S
    while time.monotonic() < deadline and group_running(group):
        time.sleep(0.02)


def group_running(group: int) -> bool:
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()  # after «(name)»: state, ppid, pgrp, …
            if int(fields[2]) == group and fields[0] not in ("Z", "X"):
                return True
    return False


@dataclass(frozen=True)
class Finished:
    """How a child run by :func:`run_python_module` ended."""

    returncode: int
    stdout: bytes
    errors: bytes  # its stderr, but for the progress lines
    overran: bool  # killed at its time limit


def run_python_module(
    module_and_arguments: list[str],
    timeout_s: float,
    stdin: bytes = b"",
    cwd: Path = PROJECT_ROOT,
    on_progress: Callable[[int, int], None] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> Finished:
    """``python -m <module> <arguments>`` (this project importable) in a process group of its own, killed whole when it
    ends or at ``timeout_s``; each :func:`progress_line` it writes to stderr goes to ``on_progress``."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", *module_and_arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
        start_new_session=True,
        preexec_fn=preexec_fn,
    )
    overran = threading.Event()
    timer = threading.Timer(timeout_s, lambda: (overran.set(), kill_group(process)))
    answer: list[bytes] = []
    # a long answer never blocks the child
    reader = threading.Thread(target=lambda: answer.append(process.stdout.read()), daemon=True)
    timer.start()
    reader.start()
    errors: list[bytes] = []
    try:
        with contextlib.suppress(BrokenPipeError):
            process.stdin.write(stdin)
            process.stdin.close()
        for line in process.stderr:  # ends when the child ends, or is killed
            if not read_progress(line, on_progress):
                errors.append(line)
        reader.join()
        process.wait()
    finally:
        timer.cancel()
        kill_group(process)
        process.stdout.close()
        process.stderr.close()
    return Finished(process.returncode, answer[0] if answer else b"", b"".join(errors), overran.is_set())
