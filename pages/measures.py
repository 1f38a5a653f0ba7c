"""Measures explorer: every measure of every programme, searchable, with its source line."""

import streamlit as st

from app_state import download_csv, page_header, query, t
from programme_analysis.formatting import format_amount, source_reference
from programme_analysis.texts import LABELS, in_language, label, names_by_id

current = page_header("page_measures", "measures_intro")
lang = current.lang
categories = query("categories")
category_names = names_by_id(categories, "category_id", "name", lang)
statuses = list(LABELS["amount_status"])[:3]

left, middle, right = st.columns([2, 2, 3])
chosen_categories = left.multiselect(t("categories_filter"), list(category_names), default=list(category_names), format_func=category_names.get, key="cat")
chosen_statuses = middle.multiselect(t("status_filter"), statuses, default=statuses, format_func=lambda s: label("amount_status", s, lang), key="status")
words = right.text_input(t("search"), key="q", bind="query-params", max_chars=100).strip()

rows = query("search_measures", current.community_ids, current.years, chosen_categories, chosen_statuses, words)
st.caption(f"{t('rows_found')}: {len(rows)}")
table = rows.assign(
    **{
        t("col_community"): in_language(rows, "community", lang),
        t("col_year"): rows["year"].astype(str),
        t("col_code"): rows["measure_code"],
        t("col_measure"): rows["measure_title"],
        t("col_category"): in_language(rows, "category", lang),
        t("col_amount"): rows["amount_thousand_uah"].map(lambda v: format_amount(v, lang)),
        t("col_amount_status"): rows["amount_status"].map(lambda s: label("amount_status", s, lang)),
        t("col_source_line"): source_reference(rows),
    }
)
columns = ["col_community", "col_year", "col_code", "col_measure", "col_category", "col_amount", "col_amount_status", "col_source_line"]
event = st.dataframe(table[[t(c) for c in columns]], hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="measure_table")
selected = event.selection.rows if event is not None else []
if selected:
    row = rows.iloc[selected[0]]
    st.markdown(f"**{t('source_text')}** — `{row['source_file']}`, {row['source_line']}:")
    st.code(row["source_text"].replace("\t", "  |  "), language=None, wrap_lines=True)
    st.markdown(f"**{t('col_printed')}:** `{row['amount_text'] if row['amount_text'] else '—'}` → {format_amount(row['amount_thousand_uah'], lang)}")
else:
    st.caption(t("select_row_hint"))
download_csv(rows, "measures", key="dl_measures")
