"""Methodology: what the documents are, what "planned" means, and how every derived figure is computed."""

import streamlit as st

from app_state import downloads, page_header, query, t
from programme_analysis import tables
from programme_analysis.formatting import escape_markdown
from programme_analysis.issue_messages import issue_message
from programme_analysis.texts import label, names_by_id

current = page_header("page_methodology", "methodology_intro")
lang = current.lang
names = names_by_id(query("communities"), "community_id", "name", lang)

st.subheader(t("method_documents_heading"))
st.markdown(t("method_documents"))
chosen = current.community_ids  # the sidebar's choice: with many communities loaded, not every one (community_selection)
programmes = query("programmes")
st.dataframe(tables.programmes_table(programmes[programmes["community_id"].isin(chosen)], lang), hide_index=True, width="stretch")

for section in ("planned", "categories", "reconciliation"):
    st.subheader(t(f"method_{section}_heading"))
    st.markdown(t(f"method_{section}"))

st.subheader(t("method_real_heading"))
st.markdown(t("method_real"))
prices = query("price_index")
st.dataframe(tables.prices_table(prices, lang), hide_index=True, width="stretch", column_config={t("col_source_url"): st.column_config.LinkColumn()})
downloads(prices, "price_factors", key="dl_prices")

st.subheader(t("method_per_resident_heading"))
st.markdown(t("method_per_resident"))
people = query("population")
people = people[people["community_id"].isin(chosen)]
st.dataframe(tables.population_table(people, lang), hide_index=True, width="stretch", column_config={t("col_source_url"): st.column_config.LinkColumn()})
downloads(people, "population", key="dl_population")

st.subheader(t("method_share_heading"))
st.markdown(t("method_share"))

st.subheader(t("method_gaps_heading"))
st.markdown(t("method_gaps"))
issues = query("data_issues")
issues = issues[(issues["severity"] != "info") & (issues["community_id"].isin(chosen) | issues["community_id"].isna())]
for community_id, rows in issues.groupby("community_id", sort=False):
    st.markdown(f"**{names.get(community_id, community_id)}** ({t('col_issue_count')}: {len(rows)})")
    lines = [f"- **{label('issue_kind', kind, lang)}.** {escape_markdown(issue_message(kind, message, lang, param))}"
             for kind, message, param in zip(rows["kind"], rows["message"], rows.get("params", [None] * len(rows)), strict=True)]  # fmt: skip
    st.markdown("\n".join(lines))
