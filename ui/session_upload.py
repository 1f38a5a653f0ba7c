"""Streamlit glue for a programme uploaded in the browser: it lives in this session only.

Each session that uploads gets a folder of its own. The upload is built there into a small
database, and once the user asks to compare it, into a copy of the shared database with the upload
added (:func:`loaders.intake.overlay.overlay`). The entry then reads that copy instead of the shared file,
so every page shows the upload; other sessions never see it, and the shared file is never written.
The folder is deleted when the upload is removed or when the session ends (its state is dropped).
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import weakref
from pathlib import Path

import streamlit as st

from loaders.intake.overlay import overlay
from loaders.intake.upload import PreparedUpload

_KEY = "uploaded_programme"


class SessionUpload:
    """One session's uploaded file, what was read from it, and the database that shows it beside the others."""

    def __init__(self, file_name: str, data: bytes):
        self.folder = Path(tempfile.mkdtemp(prefix="programme-upload-"))
        self._delete = weakref.finalize(self, shutil.rmtree, self.folder, ignore_errors=True)
        self.file_name = file_name
        self.digest = hashlib.sha256(data).hexdigest()
        self.path = self.folder / Path(file_name).name
        self.path.write_bytes(data)
        self.prepared: PreparedUpload | None = None
        self.error: Exception | None = None
        self.compared = False

    def database_beside(self, shared: Path) -> Path:
        """The shared database with this upload added, rebuilt when the shared file is newer."""
        combined = self.folder / "session.duckdb"
        if not combined.exists() or combined.stat().st_mtime < shared.stat().st_mtime:
            overlay(shared, Path(self.prepared.database), combined)
        return combined

    def remove(self) -> None:
        self._delete()


def current() -> SessionUpload | None:
    return st.session_state.get(_KEY)


def replace(upload: SessionUpload | None) -> None:
    """Keep ``upload`` for this session, deleting the previous one's files."""
    previous = st.session_state.get(_KEY)
    if previous is not None and previous is not upload:
        previous.remove()
    if upload is None:
        st.session_state.pop(_KEY, None)
    else:
        st.session_state[_KEY] = upload


def added_community_ids() -> list[str]:
    """The community of this session's compared upload (shown by default beside the others), if any."""
    upload = current()
    if upload is None or not upload.compared or upload.prepared is None or upload.prepared.needs_community:
        return []
    return [upload.prepared.community["community_id"]] if upload.prepared.community.get("community_id") else []


def database_for_session(shared: Path) -> Path:
    """The database this session reads: the shared one, or the shared one with its upload beside it."""
    upload = current()
    if upload is None or not upload.compared or upload.prepared is None or upload.prepared.needs_community:
        return shared
    return upload.database_beside(shared)
