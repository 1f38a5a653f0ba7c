"""Sister cities and partners: map, timeline, table, and the money tied to relationships."""

import streamlit as st

from app_state import downloads, page_header, query, t
from programme_analysis import figures, tables
from programme_analysis.texts import names_by_id
from source_panel import chart

current = page_header("page_partners", "partners_intro")
lang = current.lang
partners = query("partners", current.community_ids)
communities = query("communities")
names = names_by_id(communities, "community_id", "name", lang)

if partners.empty:
    st.info(t("no_partners_named"))
else:
    chart(figures.partner_map(partners, lang), "partner_map", "partner_map")
    chart(figures.agreement_timeline(partners, lang), "partner_timeline", "agreements")
    st.dataframe(tables.partners_table(partners, lang), hide_index=True, width="stretch")
    downloads(partners, "partners", key="dl_partners")
for community_id in current.community_ids:
    if community_id not in set(partners["community_id"]):
        st.markdown(f"**{names[community_id]}:** {t('no_partners_named')}.")

st.header(t("money_tied_heading"))
st.subheader(t("money_named"))
destinations = query("partner_spending", current.community_ids)
destinations = destinations[destinations["year"].isin(current.years)]
if not destinations.empty:
    totals = query("programme_years", current.community_ids)
    totals = totals[totals["year"].isin(current.years)].groupby("community_id")["planned_total_thousand_uah"].sum()
    st.plotly_chart(figures.destination_bars(destinations, lang, money=current.money, programme_totals=totals), width="stretch",
                    key="destinations", config=figures.chart_config("money_tied_to_destinations"))  # fmt: skip
    st.caption(t("money_named_note"))
    st.dataframe(tables.destinations_table(destinations, lang), hide_index=True, width="stretch")
    downloads(destinations, "money_tied_to_destinations", key="dl_destinations")

st.subheader(t("money_twinning"))
twinning = query("twinning_measures", current.community_ids, current.years)
for community_id in current.community_ids:
    rows = twinning[twinning["community_id"] == community_id]
    named = community_id in set(destinations["community_id"])
    if rows.empty and not named:
        st.markdown(f"**{names[community_id]}:** {t('no_money_tied')}.")
    elif not rows.empty:
        with st.expander(f"{names[community_id]}: {tables.twinning_total(rows, lang)}"):
            st.dataframe(tables.twinning_table(rows, lang), hide_index=True, width="stretch")
            downloads(rows, f"twinning_measures_{community_id}", key=f"dl_twinning_{community_id}")
