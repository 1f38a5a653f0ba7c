"""Spending per year: grouped bars or lines, and the same numbers in a table."""

import streamlit as st

from app_state import download_csv, page_header, query, t
from programme_analysis import figures
from programme_analysis.formatting import format_amount
from programme_analysis.texts import in_language, label

current = page_header("page_by_year", "by_year_intro")
lang = current.lang
kind = st.segmented_control(
    t("chart_kind"), ["bar", "line"], default="bar", key="chart", bind="query-params"
) or "bar"  # fmt: skip
years = query("programme_years", current.community_ids)
years = years[years["year"].isin(current.years)]
st.plotly_chart(figures.totals_by_year(years, lang, kind=kind), width="stretch", key="by_year_chart")

st.subheader(t("table_heading"))
table = years.assign(
    **{
        t("col_community"): in_language(years, "name", lang),
        t("col_year"): years["year"].astype(str),
        t("col_planned"): years["planned_total_thousand_uah"].map(lambda v: format_amount(v, lang)),
        t("col_stated_total"): years["stated_total_thousand_uah"].map(lambda v: format_amount(v, lang)),
        t("col_measures_total"): years["measures_total_thousand_uah"].map(lambda v: format_amount(v, lang)),
        t("col_status"): years["status"].map(lambda s: label("year_status", s, lang)),
        t("col_source_line"): years["stated_total_source_line"].astype("string").fillna(""),
    }
)[[t("col_community"), t("col_year"), t("col_planned"), t("col_stated_total"), t("col_measures_total"), t("col_status"), t("col_source_line")]]
st.dataframe(table, hide_index=True, width="stretch")
download_csv(years.drop(columns=["colour"]), "planned_per_year", key="dl_by_year")
