"""Methodology: what the documents are, what "planned" means, and how every derived figure is computed."""

import streamlit as st

from programme_analysis import queries, tables
from programme_analysis.formatting import escape_markdown
from programme_analysis.issue_messages import issue_message
from programme_analysis.methodology_essay import essay, facts
from programme_analysis.texts import label
from ui.cache import cached, community_names, query
from ui.state import data_table, downloads, page_header, t

current = page_header("page_methodology", "methodology_intro")
lang = current.lang
names = community_names(lang)
people = query(queries.population)
sections = cached("methodology_essay", (lang,), lambda: essay(lang, facts(people, lang)))
# the sidebar's choice: with many communities loaded, not every one (community_selection)
chosen = current.community_ids


def section(name: str) -> None:
    st.header(sections[name].heading)
    st.markdown(sections[name].body)


section("documents")
programmes = query(queries.programmes)
shown = cached(
    "programmes_table",
    (tuple(chosen), lang),
    lambda: tables.programmes_table(programmes[programmes["community_id"].isin(chosen)], lang),
)
data_table(shown)

for name in ("planned", "categories", "reconciliation"):
    section(name)

section("real")
prices = query(queries.price_index)
data_table(
    cached("prices_table", (lang,), lambda: tables.prices_table(prices, lang)),
    column_config={t("col_source_url"): st.column_config.LinkColumn()},
)
downloads(prices, "price_factors", key="dl_prices")

section("per_resident")
people = people[people["community_id"].isin(chosen)]
shown = cached("population_table", (tuple(chosen), lang), lambda: tables.population_table(people, lang))
data_table(shown, column_config={t("col_source_url"): st.column_config.LinkColumn()})
downloads(people, "population", key="dl_population")

section("share")
section("gaps")
issues = query(queries.data_issues)
issues = issues[(issues["severity"] != "info") & (issues["community_id"].isin(chosen) | issues["community_id"].isna())]
for community_id, rows in issues.groupby("community_id", sort=False):
    st.markdown(f"**{names.get(community_id, community_id)}** ({t('col_issue_count')}: {len(rows)})")
    lines = [
        f"- **{label('issue_kind', kind, lang)}.** {escape_markdown(issue_message(kind, message, lang, param))}"
        for kind, message, param in zip(
            rows["kind"], rows["message"], rows.get("params", [None] * len(rows)), strict=True
        )
    ]
    st.markdown("\n".join(lines))
