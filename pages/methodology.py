"""Methodology: what the documents are, what "planned" means, and how every derived figure is computed."""

import pandas as pd
import streamlit as st

from app_state import downloads, page_header, query, t
from programme_analysis.formatting import escape_markdown, format_count
from programme_analysis.texts import label, names_by_id

current = page_header("page_methodology", "methodology_intro")
lang = current.lang
names = names_by_id(query("communities"), "community_id", "name", lang)

st.subheader(t("method_documents_heading"))
st.markdown(t("method_documents"))
programmes = query("programmes")
st.dataframe(
    pd.DataFrame(
        {
            t("col_community"): programmes["community_id"].map(names),
            t("col_title"): programmes["title_uk"],
            t("council_decision"): programmes["council_decision_as_printed"],
            t("card_years"): programmes["year_from"].astype(str) + "–" + programmes["year_to"].astype(str),
            t("source_file"): "data/sources/" + programmes["source_file"],
        }
    ),
    hide_index=True,
    width="stretch",
)

for section in ("planned", "categories", "reconciliation"):
    st.subheader(t(f"method_{section}_heading"))
    st.markdown(t(f"method_{section}"))

st.subheader(t("method_real_heading"))
st.markdown(t("method_real"))
prices = query("price_index")
st.dataframe(
    pd.DataFrame(
        {
            t("col_year"): prices["year"].astype(str),
            t("col_cpi"): prices["cpi_dec_over_dec_pct"].astype(float),
            t("col_factor"): prices["factor_to_base_year"].round(4),
            t("col_source_url"): prices["source_url"],
        }
    ),
    hide_index=True,
    width="stretch",
    column_config={t("col_source_url"): st.column_config.LinkColumn()},
)
downloads(prices, "price_factors", key="dl_prices")

st.subheader(t("method_per_resident_heading"))
st.markdown(t("method_per_resident"))
people = query("population")
st.dataframe(
    pd.DataFrame(
        {
            t("col_community"): people["community_id"].map(names),
            t("col_entity"): people["entity"].map(lambda e: label("entity", e, lang)),
            t("col_population"): people["population"].map(lambda p: t("population_unknown") if pd.isna(p) else format_count(int(p), lang)),
            t("col_reference_date"): people["reference_date"].fillna("—"),
            t("col_source_url"): people["source_url"],
            t("col_note"): people["note"],
        }
    ),
    hide_index=True,
    width="stretch",
    column_config={t("col_source_url"): st.column_config.LinkColumn()},
)
downloads(people, "population", key="dl_population")

st.subheader(t("method_share_heading"))
st.markdown(t("method_share"))

st.subheader(t("method_gaps_heading"))
st.markdown(t("method_gaps"))
issues = query("data_issues")
issues = issues[issues["severity"] != "info"]
for community_id, rows in issues.groupby("community_id", sort=False):
    st.markdown(f"**{names.get(community_id, community_id)}** ({t('col_issue_count')}: {len(rows)})")
    st.markdown("\n".join(f"- **{label('issue_kind', kind, lang)}.** {escape_markdown(message)}" for kind, message in zip(rows["kind"], rows["message"], strict=True)))
