"""Streamlit glue shared by the pages: the sidebar choices, URL state, page headers, downloads.

Pages draw; this module hands them what the sidebar chose and keeps every choice in the URL so that
a copied link reopens the same view. What they read from the database goes through ``ui.cache``.
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from programme_analysis.community_selection import is_bounded
from programme_analysis.money_views import MoneyView
from programme_analysis.texts import DEFAULT_LANGUAGE, text
from programme_analysis.url_state import encode, restore


@dataclass(frozen=True)
class Choices:
    database: Path | None
    lang: str
    community_ids: list[str]
    years: list[int]
    money: MoneyView = field(default_factory=MoneyView)
    presenting: bool = False
    # the shared file; ``database`` may be this session's copy with an upload beside it
    shared_database: Path | None = None
    loaded_count: int = 0  # how many communities the sidebar offers
    # the sidebar's default choice (programme_analysis.community_selection)
    default_ids: list[str] = field(default_factory=list)


def choices() -> Choices:
    """The sidebar's choices. A page opened without the entry (Streamlit's legacy routing of a
    pages/ file name such as /overview) has none: send the reader to the dashboard instead."""
    if "choices" not in st.session_state or st.session_state["choices"].database is None:
        st.page_link("dashboard.py", label="→ Open the dashboard / Відкрити дашборд")
        st.stop()
    return st.session_state["choices"]


def t(key: str) -> str:
    return text(key, st.session_state["choices"].lang if "choices" in st.session_state else DEFAULT_LANGUAGE)


URL_VALUES = "_url_values"  # session key: {URL parameter: the widget's value as ids}
URL_DEFAULTS = "_url_defaults"  # session key: {URL parameter: the default its widget had when last drawn}
IGNORED = "_ignored_parameters"  # session key: URL parameters not understood in this run
DRAWN = "_drawn_parameters"  # session key: URL parameters whose widgets this run drew


def url_widget(
    widget: Callable, label: str, name: str, options: Sequence | None, default, multi: bool = False, **kwargs
):
    """Draw ``widget`` and keep its value (option ids, never labels) in the URL parameter ``name``.

    The value lives in ``st.session_state[URL_VALUES][name]`` as ids. On a session's first run it
    comes from the URL (checked against ``options``; an invalid one falls back to ``default`` and is
    listed in the run's one notice). Every run hands the stored ids to the widget before drawing it,
    so a label that changes with the language (``format_func``) never changes the value: Streamlit
    sends a widget's value back as its label, and a label from the old language would not match.
    The value is written back to the URL, leaving out defaults; an empty choice is kept (``c=``).

    Streamlit 1.67's ``bind="query-params"`` is not used: it writes the ``format_func`` label
    into the URL (the community's name in the language instead of its id) and drops invalid values without telling the
    app, so a link would change with the language and no notice could name what was ignored.
    """
    widget_key = f"url_{name}"
    st.session_state[widget_key] = _stored(name, options, default, multi)
    kwargs = {"on_change": _remember, "args": (name, widget_key, default), **kwargs}
    # never Streamlit's own English "Choose options"
    if getattr(widget, "__name__", "") in (
        "multiselect",
        "selectbox",
    ):
        kwargs.setdefault("placeholder", t("choose_options"))
    value = (
        widget(label, key=widget_key, **kwargs) if options is None else widget(label, options, key=widget_key, **kwargs)
    )
    if value is None and not multi:  # a segmented control clicked off: back to the default
        value = default
    st.session_state[URL_VALUES][name] = value
    _write_url(name, value, default, multi)
    return value


def _stored(name: str, options: Sequence | None, default, multi: bool):
    """The value kept for URL parameter ``name`` (from the URL on a session's first run), still among ``options``."""
    values = st.session_state.setdefault(URL_VALUES, {})
    st.session_state.setdefault(DRAWN, set()).add(name)
    if name not in values:
        value, valid = restore(st.query_params.get_all(name), options, default, multi)
        if not valid:
            notify_ignored_parameter(name)
        values[name] = value
    last_defaults = st.session_state.setdefault(URL_DEFAULTS, {})
    if name in last_defaults and values[name] == last_defaults[name] and default != last_defaults[name]:
        values[name] = (
            default  # the default ("all") stays the default when the options grow (an upload, a rebuilt database)
        )
    last_defaults[name] = default
    if options is not None:  # the options may have changed (a rebuilt database): keep only what is still offered
        values[name] = (
            [v for v in values[name] if v in options] if multi else values[name] if values[name] in options else default
        )
    return values[name]


def _write_url(name: str, value, default, multi: bool) -> None:
    if value == default:
        st.query_params.pop(name, None)
    elif multi:
        st.query_params[name] = [encode(v) for v in value] if value else ""
    else:
        st.query_params[name] = encode(value)


def url_value(name: str, options: Sequence | None, default, multi: bool = False):
    """The value of URL parameter ``name`` as its widget would hold it, where the widget is not drawn (the
    presentation keeps the sidebar's choice of communities and years, and its link keeps them too)."""
    value = _stored(name, options, default, multi)
    _write_url(name, value, default, multi)
    return value


def _remember(name: str, widget_key: str, default) -> None:
    """A widget's change, read while its labels are still those it was drawn with."""
    value = st.session_state[widget_key]
    st.session_state[URL_VALUES][name] = default if value is None else value


def notify_ignored_parameter(name: str) -> None:
    """Note a link parameter that was not understood; ``show_ignored_parameters`` names them all in one notice."""
    ignored = st.session_state.setdefault(IGNORED, [])
    if name not in ignored:
        ignored.append(name)


def finish_url_state() -> None:
    """At the end of a run: drop the parameters of widgets this run did not draw (another page's),
    and show one short notice listing every link parameter this run ignored (the default is shown instead)."""
    drawn = st.session_state.pop(DRAWN, set())
    for name in st.session_state.get(URL_VALUES, {}):
        if name not in drawn:
            st.query_params.pop(name, None)
    ignored = st.session_state.pop(IGNORED, [])
    if ignored:
        st.toast(f"{t('url_notice')}: {', '.join(ignored)}", icon=":material/link_off:", duration="long")


def page_header(title_key: str, intro_key: str) -> Choices:
    """Title and one sentence on what the page shows; stops the page when nothing is chosen."""
    st.title(t(title_key))
    st.caption(t(intro_key))
    current = choices()
    if is_bounded(current.loaded_count) and current.community_ids == current.default_ids:
        default_selection_note(current)
    if not current.community_ids or not current.years:
        st.info(t("nothing_selected"))
        st.stop()
    return current


PEERS_PAGE = Path(__file__).resolve().parent.parent / "pages" / "peer_comparison.py"


def default_selection_note(current: Choices) -> None:
    """Say what the bounded default shows and how to change it, with a link to the peers page."""
    with st.container(border=True, key="default_selection_note"):
        st.markdown(t("default_selection_note").format(shown=len(current.default_ids), loaded=current.loaded_count))
        st.page_link(PEERS_PAGE, label=t("default_selection_peers"), icon=":material/compare_arrows:")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so that Excel shows Cyrillic."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """An Excel workbook of every row (decimals as numbers, missing values as empty cells)."""
    buffer = io.BytesIO()
    shown = frame.copy()
    for column in shown.columns:
        if shown[column].dtype == object and shown[column].map(lambda v: hasattr(v, "as_tuple")).any():
            shown[column] = pd.to_numeric(shown[column])  # Decimal -> float for openpyxl
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        shown.to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


# A disabled widget's label (the denominator while the money view is not per resident) in a grey that reads at
# 5.6:1 on the sidebar, as WCAG 2.1 AA asks of text (Streamlit's own grey is 2.6:1); its options still look disabled.
DISABLED_LABEL_CSS = "<style>label[data-testid=stWidgetLabel][disabled] p{color:#65656b}</style>"


def _css_string(words: str) -> str:
    return '"' + words.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def uploader_words(key: str, button: str, instructions: str) -> None:
    """Streamlit's file uploader writes its button ("Upload") and its limits line ("20MB per file • …") in English
    whatever the language, and takes no words for them: CSS shows the language's words in their place."""
    box = f".st-key-{key} [data-testid=stFileUploaderDropzone]"
    st.html(
        f"<style>{box} button [data-testid=stMarkdownContainer] p{{font-size:0}}"
        f"{box} button [data-testid=stMarkdownContainer] p::after{{content:{_css_string(button)};font-size:1rem}}"
        f"{box} [data-testid=stFileUploaderDropzoneInstructions] span{{font-size:0;white-space:normal;overflow:visible;text-overflow:clip}}"
        f"{box} [data-testid=stFileUploaderDropzoneInstructions] span::after{{content:{_css_string(instructions)};font-size:0.875rem}}</style>"
    )


PINNED_TEXT_CHARS = 28  # a leading column whose texts are at most this long names the rows briefly


def data_table(frame: pd.DataFrame, *, pinned: int = 1, column_config: dict | None = None, **kwargs):
    """``st.dataframe`` of every row, without the index, as wide as the page. Its first ``pinned`` columns, where they
    name the rows briefly (a community, a year: texts of at most ``PINNED_TEXT_CHARS`` characters), stay in view when
    the table scrolls sideways, as it does on a phone, so that each row's numbers are still read beside its name.
    Returns what ``st.dataframe`` returns (the selection event with ``on_select``).

    The table is handed to Streamlit as Arrow, converted once per frame (:func:`_drawn_table`): a page's frames are
    shared by every rerun (``ui.cache``), and Streamlit converted a pandas frame again on each (4 ms for 1,416 rows)."""
    config = dict(column_config or {})
    table, pinnable = _drawn_table(frame, pinned)
    for column in pinnable:
        config.setdefault(column, st.column_config.Column(pinned=True))
    return st.dataframe(table, hide_index=True, width="stretch", column_config=config or None, **kwargs)


# id of a frame -> (the frame, pinned, its Arrow table, its pinnable columns), while the frame lives
_DRAWN_TABLES: dict[int, tuple[weakref.ref, int, pa.Table, list]] = {}


def _drawn_table(frame: pd.DataFrame, pinned: int) -> tuple[pa.Table, list]:
    """``frame`` as the Arrow table Streamlit would send (its own conversion, the index dropped), and its first
    ``pinned`` columns whose texts are short enough to pin; made once per frame object and ``pinned``."""
    key = id(frame)
    kept = _DRAWN_TABLES.get(key)
    if kept is not None and kept[0]() is frame and kept[1] == pinned:
        return kept[2], kept[3]
    pinnable = []
    if len(frame.columns) > pinned:
        for column in frame.columns[:pinned]:
            longest = frame[column].astype("string").str.len().max()
            if pd.notna(longest) and longest <= PINNED_TEXT_CHARS:
                pinnable.append(column)
    as_sent = dataframe_util.convert_anything_to_arrow_bytes(frame.reset_index(drop=True))
    table = pa.ipc.open_stream(as_sent).read_all()
    _DRAWN_TABLES[key] = (weakref.ref(frame, lambda _, key=key: _DRAWN_TABLES.pop(key, None)), pinned, table, pinnable)
    return table, pinnable


def downloads(frame: pd.DataFrame, file_stem: str, key: str) -> None:
    """CSV (UTF-8 with BOM, so that Excel shows Cyrillic) and XLSX downloads of every row, not only those shown."""
    if "colour" in frame.columns:  # a chart's colour is not data (dropping no column still copied the frame: 2 ms)
        frame = frame.drop(columns=["colour"])
    row = st.container(horizontal=True)  # side by side while they fit, never cut (columns cut the labels at 1366 px)
    # The files are made only when a button is clicked (callable data), and a click does not rerun the page.
    row.download_button(
        t("download_csv"),
        partial(csv_bytes, frame),
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        icon=":material/download:",
        on_click="ignore",
    )
    row.download_button(
        t("download_xlsx"),
        partial(xlsx_bytes, frame, file_stem),
        file_name=f"{file_stem}.xlsx",
        key=f"{key}_xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
    )
