"""Sources and data quality: passports, reconciliation of totals, and every data issue."""

from functools import partial

import pandas as pd
import streamlit as st

from app_state import downloads, page_header, query, t
from loaders.export import package_zip
from programme_analysis.formatting import escape_markdown, format_amount, source_reference
from programme_analysis.texts import label, names_by_id

current = page_header("page_sources", "sources_intro")
lang = current.lang

st.header(t("export_heading"))
st.caption(t("export_intro"))
st.download_button(t("export_download"), partial(package_zip, current.database), file_name="cooperation_programmes_datapackage.zip",
                   mime="application/zip", key="dl_package", icon=":material/folder_zip:", on_click="ignore")  # fmt: skip

st.header(t("documents_heading"))
programmes = query("programmes")
for row in programmes.itertuples():
    with st.expander(f"{row.name_uk if lang == 'uk' else row.name_en}: “{escape_markdown(row.title_uk)}”"):
        st.markdown(
            f"- **{t('card_years')}:** {row.year_from}–{row.year_to}\n"
            f"- **{t('council_decision')}:** {escape_markdown(row.council_decision_as_printed)}\n"
            f"- **{t('original_format')}:** {escape_markdown(row.original_format)}\n"
            f"- **{t('source_file')}:** `data/sources/{row.source_file}` (SHA-256 `{row.source_sha256[:16]}…`)"
        )

st.header(t("reconciliation_heading"))
checks = query("reconciliation")
communities = query("communities")
names = names_by_id(communities, "community_id", "name", lang)
shown = checks.assign(
    **{
        t("col_community"): checks["community_id"].map(names),
        t("col_scope"): checks.apply(
            lambda r: (
                label("scope", r["scope"], lang)
                + (f" {int(r['year'])}" if not pd.isna(r["year"]) else "")
                + (f", {r['section_code']}" if isinstance(r["section_code"], str) else "")
            ),
            axis=1,
        ),
        t("col_stated_total"): checks["stated_total_thousand_uah"].map(lambda v: format_amount(v, lang)),
        t("col_computed"): checks["computed_total_thousand_uah"].map(lambda v: format_amount(v, lang)),
        t("col_status"): checks.apply(
            lambda r: (
                label("year_status", "reconciled_with_years", lang)
                if r["status"] == "reconciled" and r["computed_from"] == "sum of yearly totals"
                else label("year_status", r["status"], lang)
            ),
            axis=1,
        ),
        t("col_source_line"): source_reference(checks),
    }
)
columns = ["col_community", "col_scope", "col_stated_total", "col_computed", "col_status", "col_source_line"]
st.dataframe(shown[[t(c) for c in columns]], hide_index=True, width="stretch")
downloads(checks, "reconciliation", key="dl_reconciliation")

st.header(t("issues_heading"))
issues = query("data_issues")
shown = issues.assign(
    **{
        t("col_community"): issues["community_id"].map(names),
        t("col_severity"): issues["severity"].map(lambda s: label("severity", s, lang)),
        t("col_issue_kind"): issues["kind"].map(lambda k: label("issue_kind", k, lang)),
        t("col_message"): issues["message"],
        t("col_source_line"): source_reference(issues),
        t("col_printed"): issues["source_text"].fillna("").str.replace("\t", " | ").str.slice(0, 160),
    }
)
columns = ["col_community", "col_severity", "col_issue_kind", "col_message", "col_source_line", "col_printed"]
st.dataframe(shown[[t(c) for c in columns]], hide_index=True, width="stretch")
downloads(issues, "data_issues", key="dl_issues")
