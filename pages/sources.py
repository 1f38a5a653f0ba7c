"""Sources and data quality: passports, reconciliation of totals, and every data issue."""

from functools import partial

import streamlit as st

from loaders.publish.package_zip import package_zip
from programme_analysis import queries, tables
from programme_analysis.formatting import escape_markdown, year_span
from ui.cache import cached, community_names, query
from ui.state import data_table, downloads, page_header, t

current = page_header("page_sources", "sources_intro")
lang = current.lang

st.header(t("export_heading"))
st.caption(t("export_intro"))
st.download_button(
    t("export_download"),
    partial(package_zip, current.database),
    file_name="cooperation_programmes_datapackage.zip",
    mime="application/zip",
    key="dl_package",
    icon=":material/folder_zip:",
    on_click="ignore",
)

st.header(t("documents_heading"))
# the sidebar's choice: with many communities loaded, not every one (community_selection)
chosen = current.community_ids


def _documents() -> list[tuple[str, str]]:
    """Each chosen programme's title and the Markdown of its document's facts."""
    programmes = query(queries.programmes)
    return [
        (
            f"{row.name_uk if lang == 'uk' else row.name_en}: “{escape_markdown(row.title_uk)}”",
            f"- **{t('card_years')}:** {year_span(row.year_from, row.year_to)}\n"
            f"- **{t('council_decision')}:** {escape_markdown(tables.council_decision(row.council_decision_as_printed, lang))}\n"
            f"- **{t('original_format')}:** {escape_markdown(tables.original_format(row.original_format, lang))}\n"
            f"- **{t('source_file')}:** {escape_markdown(row.source_file)} (SHA-256 `{row.source_sha256[:16]}…`)",
        )
        for row in programmes[programmes["community_id"].isin(chosen)].itertuples()
    ]


# the chosen rows are picked once per choice, not on every rerun (2-4 ms each on the national data)
for title, facts in cached("source_documents", (tuple(chosen), lang), _documents):
    with st.expander(title):
        st.markdown(facts)

st.header(t("reconciliation_heading"))
checks = query(queries.reconciliation)
checks = cached("reconciliation_chosen", (tuple(chosen),), lambda: checks[checks["community_id"].isin(chosen)])
names = community_names(lang)
data_table(
    cached("reconciliation_table", (tuple(chosen), lang), lambda: tables.reconciliation_table(checks, names, lang)),
)
downloads(checks, "reconciliation", key="dl_reconciliation")

st.header(t("issues_heading"))
issues = query(queries.data_issues)
issues = cached(
    "issues_chosen",
    (tuple(chosen),),
    lambda: issues[issues["community_id"].isin(chosen) | issues["community_id"].isna()],
)
data_table(
    cached("issues_table", (tuple(chosen), lang), lambda: tables.issues_table(issues, names, lang)),
)
downloads(issues, "data_issues", key="dl_issues")
