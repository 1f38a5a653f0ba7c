"""Spending per category: stacked bars (amounts or shares), a treemap, and the document's own sections."""

import streamlit as st

from app_state import download_csv, page_header, query, t
from programme_analysis import figures

current = page_header("page_by_category", "by_category_intro")
lang = current.lang
left, right = st.columns(2)
by = left.segmented_control(
    t("group_by"), ["category", "section"], default="category", key="by", bind="query-params"
) or "category"  # fmt: skip
share = right.toggle(t("show_share"), key="share", bind="query-params")
spending = query("spending", current.community_ids, current.years)
st.plotly_chart(figures.category_bars(spending, lang, share=share, by=by), width="stretch", key="category_bars")
st.plotly_chart(figures.category_treemap(spending, lang), width="stretch", key="category_treemap")
download_csv(spending.drop(columns=["colour"]), "spending_by_measure", key="dl_by_category")
