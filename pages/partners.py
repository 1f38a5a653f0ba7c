"""Sister cities and partners: map, timeline, table, and the money tied to relationships."""

import streamlit as st

from app_state import download_csv, page_header, query, t
from programme_analysis import figures
from programme_analysis.formatting import format_amount, source_reference
from programme_analysis.texts import label, names_by_id

current = page_header("page_partners", "partners_intro")
lang = current.lang
partners = query("partners", current.community_ids)
communities = query("communities")
names = names_by_id(communities, "community_id", "name", lang)

if partners.empty:
    st.info(t("no_partners_named"))
else:
    st.plotly_chart(figures.partner_map(partners, lang), width="stretch", key="partner_map", config={"topojsonURL": figures.TOPOJSON_URL})
    st.plotly_chart(figures.agreement_timeline(partners, lang), width="stretch", key="partner_timeline")
    table = partners.assign(
        **{
            t("col_community"): partners["community_id"].map(names),
            t("col_partner"): partners["partner_name_uk"] + " / " + partners["partner_name_en"].fillna("?"),
            t("col_country"): partners["country_code"],
            t("col_relationship"): partners["relationship"].map(lambda r: label("relationship", r, lang)),
            t("col_since"): partners["agreement_date_text"].fillna(t("not_stated")),
            t("col_areas"): partners["cooperation_areas"].fillna(t("not_stated")),
            t("col_source_line"): source_reference(partners),
        }
    )
    columns = ["col_community", "col_partner", "col_country", "col_relationship", "col_since", "col_areas", "col_source_line"]
    st.dataframe(table[[t(c) for c in columns]], hide_index=True, width="stretch")
    download_csv(partners.drop(columns=["colour"]), "partners", key="dl_partners")
for community_id in current.community_ids:
    if community_id not in set(partners["community_id"]):
        st.markdown(f"**{names[community_id]}:** {t('no_partners_named')}.")

st.header(t("money_tied_heading"))
st.subheader(t("money_named"))
destinations = query("partner_spending", current.community_ids)
destinations = destinations[destinations["year"].isin(current.years)]
if not destinations.empty:
    st.plotly_chart(figures.destination_bars(destinations, lang), width="stretch", key="destinations")
    st.caption(t("money_named_note"))
    shown = destinations.assign(
        **{
            t("col_destination"): destinations["destination_name_uk"] + " / " + destinations["destination_name_en"].fillna("?"),
            t("col_relationship"): destinations["relationship"].map(lambda r: label("relationship", r, lang) if isinstance(r, str) else t("not_a_partner")),
            t("col_amount"): destinations["amount_thousand_uah"].map(lambda v: format_amount(v, lang)),
            t("col_amount_status"): destinations["amount_status"].map(lambda s: label("amount_status", s, lang)),
            t("col_purpose"): destinations["purpose"],
            t("col_source_line"): source_reference(destinations),
        }
    )
    columns = ["col_destination", "col_relationship", "col_amount", "col_amount_status", "col_purpose", "col_source_line"]
    st.dataframe(shown[[t(c) for c in columns]], hide_index=True, width="stretch")
    download_csv(destinations, "money_tied_to_destinations", key="dl_destinations")

st.subheader(t("money_twinning"))
twinning = query("twinning_measures", current.community_ids, current.years)
for community_id in current.community_ids:
    rows = twinning[twinning["community_id"] == community_id]
    named = community_id in set(destinations["community_id"])
    if rows.empty and not named:
        st.markdown(f"**{names[community_id]}:** {t('no_money_tied')}.")
    elif not rows.empty:
        stated = rows[rows["amount_status"] == "stated"]
        total = stated["amount_thousand_uah"].sum() if not stated.empty else None
        with st.expander(f"{names[community_id]}: {format_amount(total, lang)} {t('unit_thousand_uah')}"):
            view = rows.assign(amount=rows["amount_thousand_uah"].map(lambda v: format_amount(v, lang)))
            st.dataframe(view[["measure_code", "measure_title", "year", "amount", "source_line"]], hide_index=True, width="stretch")
