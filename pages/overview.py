"""Overview: one card per community and the planned totals per year."""

import pandas as pd
import streamlit as st

from app_state import page_header, query, t
from programme_analysis import figures
from programme_analysis.formatting import escape_markdown, format_amount, format_count, year_span
from programme_analysis.texts import label
from source_panel import yearly_chart_with_sources

current = page_header("page_overview", "overview_intro")
lang = current.lang
programmes = query("programmes")
programmes = programmes[programmes["community_id"].isin(current.community_ids)]

columns = st.columns(max(len(programmes), 1))
for column, row in zip(columns, programmes.itertuples(), strict=False):
    with column, st.container(border=True):
        st.subheader(getattr(row, f"name_{lang}"))
        st.caption(f"“{escape_markdown(row.title_uk)}” ({t('adopted_for_' + row.adopted_for)})")
        st.metric(t("card_years"), year_span(row.year_from, row.year_to))
        total = format_amount(row.planned_total_thousand_uah, lang)
        has_total = not pd.isna(row.planned_total_thousand_uah)  # a missing total reads "not stated", with no unit
        st.metric(f"{t('card_total')}, {t('unit_thousand_uah')}" if has_total else t("card_total"), total)
        st.metric(t("card_measures"), format_count(row.measure_count, lang))
        st.metric(t("card_partners"), format_count(row.partner_count, lang))
        statuses = set(row.year_statuses.split(","))
        if statuses <= {"reconciled", "mismatch", "measures_without_total"}:
            completeness = t("completeness_full")
        elif "total_without_breakdown" in statuses:
            completeness = t("completeness_totals_only")
        else:
            completeness = t("completeness_none")
        st.markdown(f"**{t('card_completeness')}:** {completeness}")
        if "mismatch" in statuses:
            st.warning(label("year_status", "mismatch", lang))

years = query("programme_years", current.community_ids)
years = years[years["year"].isin(current.years)]
yearly_chart_with_sources(figures.totals_by_year(years, lang, money=current.money), lang, key="overview_totals")
