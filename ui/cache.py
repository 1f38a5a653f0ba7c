"""Streamlit glue: the one cache of the pages. Query results, Plotly figures and the tables derived for them are built
once per database and choice, not on every rerun, and shared by every session of the process.

A page reads a query with ``query(queries.programmes, ids, years)``, and wraps a figure's or a derived table's call: ``cached("per_year", (ids, years, lang, kind, money.view), lambda: figures.totals_by_year(...))``.
The figure is built the first time that key is met for the session's database (its path and
modification time are part of the key, so a rebuilt database or a session's upload gets its own
figures) and shared by every session afterwards. Building a figure (mostly Plotly's layout
updates) cost more than the rest of a warm rerun on the busiest pages (bench/RESULTS.md).

The key must name every input the figure depends on besides the database: the page's choices
(communities, years, language, money view, chart kind). The builder is not part of the key
(Streamlit does not hash an argument whose name starts with ``_``). Figures are shared objects
(``st.cache_resource``, no copy on each read): a page draws them and never changes them. The same
holds for a derived table that costs more than drawing it (the partners page's national rankings).

A figure is kept as a ``DrawnFigure``: ``st.plotly_chart`` turns a figure into a dict (a deep copy of
every trace) and then into JSON (``plotly.io.to_json``) on every rerun; a drawn figure makes its dict and its JSON once
(this module routes ``plotly.io.to_json`` of a drawn figure to its own), and the framed copy a map is drawn in
(``framed``) once. With ``orjson`` installed Plotly writes the JSON several times faster.

A query's frame is kept the same way and handed out as a shallow copy: pandas 3 copies on write, so a page that adds a
column or sets a value changes its own copy, never the shared frame, and no frame is pickled or copied on a read (with
``st.cache_data`` each read unpickled a copy: up to 21 ms of a warm rerun on the national database, and a copy per
session of the reference data; bench/RESULTS.md).

Defined in a module (not in a page) so that the cache decorators run once per process.
"""

from __future__ import annotations

import functools
import hashlib
import weakref
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from programme_analysis import figures, queries
from programme_analysis.database_files import DatabaseUnavailable
from programme_analysis.texts import names_by_id
from ui.state import choices

T = TypeVar("T")


class DrawnFigure(go.Figure):
    """A figure that is drawn and never changed: its dict, which ``st.plotly_chart`` serialises, is made once."""

    def __init__(self, figure: go.Figure) -> None:
        # the figure was validated as it was built: copying it again through Plotly's validators cost a third of a
        # chart's first build on the national data
        super().__init__(figure, _validate=False)
        self._drawn_dict: dict | None = None
        self._drawn_json: str | None = None
        self._framed: DrawnFigure | None = None
        self._sideways: DrawnFigure | bool | None = None

    def to_dict(self) -> dict:
        """The figure's dict, made once and shared: to be read (serialised), never changed nor handed to ``go.Figure``,
        which takes each trace's ``type`` out of the dict it is given."""
        if self._drawn_dict is None:
            self._drawn_dict = super().to_dict()
            key = id(self._drawn_dict)
            _DRAWN_DICTS[key] = weakref.ref(self, lambda _, key=key: _DRAWN_DICTS.pop(key, None))
        return self._drawn_dict

    def to_json_once(self) -> str:
        """The figure's JSON as ``st.plotly_chart`` asks for it (``plotly.io.to_json`` of its dict, unvalidated), made
        once: cleaning the dict for JSON was 16 of the 23 ms the peers page's chart cost a rerun on the national data."""
        if self._drawn_json is None:
            self._drawn_json = _PLOTLY_TO_JSON(self.to_dict(), validate=False)
        return self._drawn_json

    def framed(self) -> DrawnFigure:
        """The same figure without a fixed height, for a frame that sizes it (``ui.source_panel.chart`` of a map); made once.

        Built from a fresh dict of its own (``go.Figure(self)`` would take the shared one apart: a second session drawing
        the map while the first built its frame then read traces without their type, and the page failed)."""
        if self._framed is None:
            self._framed = DrawnFigure(go.Figure(super().to_dict(), _validate=False).update_layout(height=None))
        return self._framed

    def sideways(self) -> DrawnFigure | None:
        """The same bars laid on their side, for a phone (``figures.sideways``); made once. None for a chart of lines."""
        if self._sideways is None:
            lying = figures.sideways(go.Figure(super().to_dict(), _validate=False))
            self._sideways = DrawnFigure(lying) if lying is not None else False
        return self._sideways or None


_PLOTLY_TO_JSON = pio.to_json


_DRAWN_DICTS: dict[int, weakref.ref] = {}  # id of a drawn figure's dict -> the figure (while it lives)


def _to_json(fig, *args, **kwargs):
    """``plotly.io.to_json``, which ``st.plotly_chart`` calls on every rerun with the figure's dict (``to_dict``): the
    JSON of a drawn figure's dict is made once; anything else is Plotly's own call."""
    if isinstance(fig, dict) and not args and kwargs == {"validate": False} and (ref := _DRAWN_DICTS.get(id(fig))):
        owner = ref()
        if owner is not None and owner._drawn_dict is fig:
            return owner.to_json_once()
    return _PLOTLY_TO_JSON(fig, *args, **kwargs)


pio.to_json = _to_json


def sideways(figure: go.Figure) -> go.Figure | None:
    """``figure``'s bars laid on their side (the drawn figure's own copy), or None for a chart of lines."""
    return figure.sideways() if isinstance(figure, DrawnFigure) else figures.sideways(figure)


def framed(figure: go.Figure) -> go.Figure:
    """``figure`` without a fixed height: the drawn figure's own copy, or a new one for a figure not built through ``cached``."""
    return (
        figure.framed() if isinstance(figure, DrawnFigure) else go.Figure(figure.to_dict()).update_layout(height=None)
    )


# bounded, for memory per process (bench/RESULTS.md): figures are the large entries, query frames the many
@st.cache_resource(ttl=3600, max_entries=256, show_spinner=False)
def _built(name: str, database: str, modified: float, key: str, _build: Callable[[], T]) -> T:
    built = _build()
    return DrawnFigure(built) if isinstance(built, go.Figure) else built


@st.cache_resource(ttl=3600, max_entries=1024, show_spinner=False)
def _queried(name: str, database: str, modified: float, key: str, _build: Callable[[], T]) -> T:
    return _build()


def database_version() -> tuple[str, float]:
    """The session's database file and its modification time: the part of every cache key that a rebuild changes."""
    database = choices().database
    try:
        return str(database), database.stat().st_mtime
    except FileNotFoundError as exc:  # deleted while the app runs: the entry says so and rebuilds it
        raise DatabaseUnavailable("unreadable", str(database)) from exc


def database() -> Path:
    """The session's database file (the shared one, or this session's copy with an upload)."""
    return Path(database_version()[0])


def _digest(key: tuple) -> str:
    """A short, stable digest of a key of plain values (strings, numbers, tuples and lists of them): Streamlit hashes an
    argument item by item, and a key with the 1,416 community ids of the national data cost 30 ms of every rerun."""
    return hashlib.blake2b(repr(key).encode(), digest_size=16).hexdigest()


def cached(name: str, key: tuple[Hashable, ...], build: Callable[[], T]) -> T:
    """``build()`` once per ``name``, database file (and its modification time) and ``key``."""
    return _built(name, *database_version(), _digest(key), build)


def _qualified(function: Callable) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def kept(function: Callable[..., T]) -> Callable[..., T]:
    """``function`` (of hashable arguments, reading the session's database) built through ``cached``: once per database
    and arguments."""
    name = _qualified(function)

    @functools.wraps(function)
    def through_cache(*args: Hashable) -> T:
        return cached(name, args, lambda: function(*args))

    return through_cache


def query(function: Callable[..., pd.DataFrame], *args):
    """``function(database, *args)``, a query of ``programme_analysis.queries``, once per database and arguments; a
    frame comes as a shallow copy (see above), anything else (a dict of facts) as the shared object, to be read only."""
    result = _queried(_qualified(function), *database_version(), _digest(args), lambda: function(database(), *args))
    return result.copy(deep=False) if isinstance(result, pd.DataFrame | pd.Series) else result


def money_key(money) -> tuple[str, str]:
    """The part of a ``MoneyView`` a figure depends on besides the database (its reference data is read from it)."""
    return money.view, money.denominator


def community_names(lang: str) -> dict[str, str]:
    """``{community id: its name in the language}``, built once per database and language (1,416 names were 3 ms of every
    rerun of every page on the national data)."""
    return cached(
        "community_names", (lang,), lambda: names_by_id(query(queries.communities), "community_id", "name", lang)
    )
