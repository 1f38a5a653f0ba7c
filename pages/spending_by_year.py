"""Spending per year: grouped bars or lines, the measures behind a clicked bar, and the same numbers in a table."""

import streamlit as st

from programme_analysis import figures, queries, tables
from ui.cache import cached, money_key, query
from ui.source_panel import show_measures_behind, yearly_chart_with_sources
from ui.state import data_table, downloads, page_header, t, url_widget

current = page_header("page_by_year", "by_year_intro")
lang, money = current.lang, current.money
kind = url_widget(
    st.segmented_control, t("chart_kind"), "chart", ["bar", "line"], "bar", format_func=lambda k: t(f"kind_{k}")
)
years = query(queries.programme_years, current.community_ids)
years = cached(
    "by_year_rows",
    (tuple(current.community_ids), tuple(current.years)),
    lambda: years[years["year"].isin(current.years)],
)
key = (tuple(current.community_ids), tuple(current.years), lang, kind, money_key(money))
yearly_chart_with_sources(
    cached("by_year", key, lambda: figures.totals_by_year(years, lang, kind=kind, money=money)),
    lang,
    key="by_year_chart",
)

st.header(t("table_heading"))
# converted and tabled once per choice: the table's frame is then the same object on every rerun (ui.state.data_table)
table_key = (tuple(current.community_ids), tuple(current.years), lang, money_key(money))
converted = cached("by_year_converted", table_key, lambda: money.apply(years, amount="planned_total_thousand_uah"))
row_event = data_table(
    cached("by_year_table", table_key, lambda: tables.yearly_table(converted, money, lang)),
    pinned=2,  # the community and the year
    on_select="rerun",
    selection_mode="single-row",
    key="by_year_table",
)
if row_event is not None and row_event.selection.rows:
    row = converted.iloc[row_event.selection.rows[0]]
    show_measures_behind(
        lang, [row["community_id"]], [int(row["year"])], key="by_year_row_drill", programme_ids=[row["programme_id"]]
    )
downloads(converted.rename(columns={"value": f"value_{money.view}"}), "planned_per_year", key="dl_by_year")
