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
chosen_people = cached("population_chosen", (tuple(chosen),), lambda: people[people["community_id"].isin(chosen)])
shown = cached("population_table", (tuple(chosen), lang), lambda: tables.population_table(chosen_people, lang))
data_table(shown, column_config={t("col_source_url"): st.column_config.LinkColumn()})
downloads(chosen_people, "population", key="dl_population")

section("share")
section("gaps")


def _gaps() -> list[str]:
    """The warnings of the chosen communities (and those of no community), as one Markdown block per community."""
    issues = query(queries.data_issues)
    chosen_rows = issues["community_id"].isin(chosen) | issues["community_id"].isna()
    issues = issues[(issues["severity"] != "info") & chosen_rows]
    blocks = []
    for community_id, rows in issues.groupby("community_id", sort=False):
        heading = f"**{names.get(community_id, community_id)}** ({t('col_issue_count')}: {len(rows)})"
        lines = [
            f"- **{label('issue_kind', kind, lang)}.** {escape_markdown(issue_message(kind, message, lang, param))}"
            for kind, message, param in zip(
                rows["kind"], rows["message"], rows.get("params", [None] * len(rows)), strict=True
            )
        ]
        blocks += [heading, "\n".join(lines)]
    return blocks


# written once per choice and language (filtering and grouping every warning on each rerun cost 4 ms nationally)
for block in cached("methodology_gaps", (tuple(chosen), lang), _gaps):
    st.markdown(block)
