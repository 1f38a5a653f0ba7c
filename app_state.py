"""Streamlit glue shared by the pages: the database, the sidebar choices, cached queries, downloads.

Pages draw; this module only hands them what the sidebar chose and caches query results
(keyed on the database file's modification time, so a rebuilt database is read afresh).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from programme_analysis import queries
from programme_analysis.texts import DEFAULT_LANGUAGE, text


@dataclass(frozen=True)
class Choices:
    database: Path
    lang: str
    community_ids: list[str]
    years: list[int]


@st.cache_data(ttl=3600, max_entries=256, show_spinner=False)
def _cached(name: str, database: str, modified: float, args: tuple):
    return getattr(queries, name)(Path(database), *args)


def query(name: str, *args):
    """Run ``programme_analysis.queries.<name>(database, *args)`` through the cache."""
    database = choices().database
    return _cached(name, str(database), database.stat().st_mtime, args)


def choices() -> Choices:
    """The sidebar's choices. A page opened without the entry (Streamlit's legacy routing of a
    pages/ file name such as /overview) has none: send the reader to the dashboard instead."""
    if "choices" not in st.session_state or st.session_state["choices"].database is None:
        st.page_link("dashboard.py", label="→ Open the dashboard / Відкрити дашборд")
        st.stop()
    return st.session_state["choices"]


def t(key: str) -> str:
    return text(key, st.session_state.get("choices").lang if "choices" in st.session_state else DEFAULT_LANGUAGE)


def page_header(title_key: str, intro_key: str) -> Choices:
    """Title and one sentence on what the page shows; stops the page when nothing is chosen."""
    st.title(t(title_key))
    st.caption(t(intro_key))
    current = choices()
    if not current.community_ids or not current.years:
        st.info(t("nothing_selected"))
        st.stop()
    return current


def download_csv(frame: pd.DataFrame, file_stem: str, key: str) -> None:
    """A CSV download of every row, UTF-8 with BOM so that Excel shows Cyrillic."""
    st.download_button(t("download_csv"), frame.to_csv(index=False).encode("utf-8-sig"), file_name=f"{file_stem}.csv", mime="text/csv", key=key)
