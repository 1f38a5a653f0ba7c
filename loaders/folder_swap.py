"""Write a folder next to its target and swap it in whole, so a failed write never leaves half a folder.

:func:`new_folder_beside` makes the temporary folder (on the target's file system, with the
permissions a new folder would have); :func:`swap_in` renames it to the target. A previous folder
at the target is renamed aside first and deleted only once the new one is in place; if the
rename fails, the previous folder goes back, byte for byte.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_folder_beside(directory: Path) -> Path:
    """An empty temporary folder next to ``directory`` (which need not exist yet)."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".tmp", dir=directory.parent))
    temp.chmod(0o777 & ~_umask())  # mkdtemp makes it private; what is written there is for sharing
    return temp


def swap_in(temp: Path, directory: Path) -> None:
    """Rename ``temp`` to ``directory``; a previous folder there is swapped out and then deleted.
    Raises OSError, with the previous folder in place, when the new one cannot be moved in."""
    if directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
    if not directory.exists():
        os.rename(temp, directory)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".old", dir=directory.parent))
    os.rename(directory, old)  # onto the empty directory just made
    try:
        os.rename(temp, directory)
    except OSError:
        os.rename(old, directory)
        raise
    shutil.rmtree(old, ignore_errors=True)
