"""Measures explorer: every measure of every programme, searchable, with its source line."""

import streamlit as st

from programme_analysis import queries, tables
from programme_analysis.texts import LABELS, label, names_by_id
from ui.cache import cached, query
from ui.source_panel import show_measures_behind
from ui.state import data_table, downloads, page_header, t, url_widget

current = page_header("page_measures", "measures_intro")
lang = current.lang
categories = query(queries.categories)
category_names = names_by_id(categories, "category_id", "name", lang)
statuses = list(LABELS["amount_status"])[:3]

left, middle, right = st.columns([2, 2, 3])
with left:
    chosen_categories = url_widget(
        st.multiselect,
        t("categories_filter"),
        "cat",
        list(category_names),
        list(category_names),
        multi=True,
        format_func=category_names.get,
        placeholder=t("choose_options"),
    )
with middle:
    chosen_statuses = url_widget(
        st.multiselect,
        t("status_filter"),
        "status",
        statuses,
        statuses,
        multi=True,
        format_func=lambda s: label("amount_status", s, lang),
        placeholder=t("choose_options"),
    )
with right:
    words = url_widget(
        st.text_input, t("search"), "q", None, "", max_chars=100, placeholder=t("search_placeholder")
    ).strip()
    st.caption(t("search_hint"))

rows = query(queries.search_measures, current.community_ids, current.years, chosen_categories, chosen_statuses, words)
st.caption(f"{t('rows_found')}: {len(rows)}" + (f" — {t('search_nothing_found')}" if rows.empty and words else ""))
if rows.empty:  # said in words, never Streamlit's untranslated "empty" table
    st.info(t("no_rows_match"), icon=":material/search_off:")
    st.stop()
choice = (tuple(current.community_ids), tuple(current.years), tuple(chosen_categories), tuple(chosen_statuses), words)
table = cached("measures_table", (*choice, lang), lambda: tables.measures_table(rows, lang))
event = data_table(table, on_select="rerun", selection_mode="single-row", key="measure_table")
selected = event.selection.rows if event is not None else []
if selected:
    row = rows.iloc[selected[0]]
    show_measures_behind(
        lang,
        [row["community_id"]],
        [int(row["year"])],
        [row["category_id"]],
        measure_codes=[row["measure_code"]],
        key="measure_drill",
        programme_ids=[row["programme_id"]],
    )
else:
    st.caption(t("select_row_hint"))
st.markdown(f"**{t('download_rows_found')}**")
downloads(rows, "measures", key="dl_measures")
