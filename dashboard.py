"""Entry point: page config, shared sidebar, navigation over pages/. Run: streamlit run dashboard.py"""

from __future__ import annotations

import streamlit as st

from app_state import Choices, t
from loaders.source_documents import SourceError
from programme_analysis import queries
from programme_analysis.texts import DEFAULT_LANGUAGE, LANGUAGES

st.set_page_config(page_title="Cooperation programmes", page_icon=":material/handshake:", layout="wide")

# Widgets bound to the URL keep their raw option values there (lang=uk, c=mena), so they
# take no format_func: Streamlit would put the formatted label in the URL instead.
lang = st.sidebar.segmented_control("Мова / Language", LANGUAGES, default=DEFAULT_LANGUAGE, key="lang", bind="query-params") or DEFAULT_LANGUAGE
st.session_state["choices"] = Choices(None, lang, [], [])  # language is known before the database is

try:
    with st.spinner(t("building_database")):
        database = queries.ensure_database()
except (SourceError, RuntimeError) as exc:
    st.error(f"{t('database_error')}: {exc}")
    st.stop()

communities = queries.communities(database)
all_years = queries.available_years(database)
all_ids = communities["community_id"].tolist()
community_ids = st.sidebar.multiselect(t("communities"), all_ids, default=all_ids, key="c", bind="query-params")
years = st.sidebar.multiselect(t("years"), all_years, default=all_years, key="y", bind="query-params")
st.session_state["choices"] = Choices(database, lang, community_ids, sorted(years))

# URL paths differ from the file names on purpose: a path equal to a file name in pages/
# (e.g. /overview) is routed by Streamlit's legacy pages/ discovery, bypassing this entry.
pages = [
    st.Page("pages/overview.py", title=t("page_overview"), icon=":material/home:", url_path="home", default=True),
    st.Page("pages/spending_by_year.py", title=t("page_by_year"), icon=":material/calendar_month:", url_path="by-year"),
    st.Page("pages/spending_by_category.py", title=t("page_by_category"), icon=":material/category:", url_path="by-category"),
    st.Page("pages/partners.py", title=t("page_partners"), icon=":material/public:", url_path="sister-cities"),
    st.Page("pages/measures.py", title=t("page_measures"), icon=":material/search:", url_path="explore"),
    st.Page("pages/sources.py", title=t("page_sources"), icon=":material/description:", url_path="data-quality"),
]
st.navigation(pages).run()
