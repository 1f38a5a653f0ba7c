"""Entry point: page config, shared sidebar, navigation over pages/. Run: streamlit run dashboard.py"""

from __future__ import annotations

import streamlit as st

from app_state import Choices, notify_ignored_parameter, query, t, url_widget
from loaders.source_documents import SourceError
from programme_analysis import queries
from programme_analysis.money_views import DEFAULT_DENOMINATOR, DEFAULT_VIEW, DENOMINATORS, VIEWS, MoneyView
from programme_analysis.texts import DEFAULT_LANGUAGE, LANGUAGES, label, names_by_id, text
from programme_analysis.url_state import restore

st.set_page_config(page_title="Cooperation programmes", page_icon=":material/handshake:", layout="wide")

if "presenting" not in st.session_state:
    st.session_state["presenting"], valid = restore(st.query_params.get_all("present"), [False, True], False)
    if not valid:
        notify_ignored_parameter("present")
presenting = st.session_state["presenting"]
controls = st.container(horizontal=True, vertical_alignment="bottom") if presenting else st.sidebar

lang = url_widget(controls.segmented_control, text("language_switch", DEFAULT_LANGUAGE), "lang", LANGUAGES, DEFAULT_LANGUAGE,
                  format_func=lambda code: text(f"language_{code}", code))  # fmt: skip
st.session_state["choices"] = Choices(None, lang, [], [])  # language is known before the database is

try:
    with st.spinner(t("building_database")):
        database = queries.ensure_database()
except (SourceError, RuntimeError) as exc:
    st.error(f"{t('database_error')}: {exc}")
    st.stop()

st.session_state["choices"] = Choices(database, lang, [], [])  # from here on, queries go through the cache
communities = query("communities")
reference = query("reference")
all_ids = communities["community_id"].tolist()
all_years = query("available_years")

if presenting:
    st.query_params["present"] = "1"
    controls.button(t("present_exit"), icon=":material/close_fullscreen:", on_click=st.session_state.update, kwargs={"presenting": False})
    st.session_state["choices"] = Choices(database, lang, all_ids, all_years, MoneyView(reference=reference), presenting=True)
    st.navigation([st.Page("pages/presentation.py", title=t("page_presentation"), url_path="present")], position="hidden").run()
    st.stop()

st.query_params.pop("present", None)
st.query_params.pop("slide", None)  # leaving the presentation leaves no slide number in the link
st.session_state.pop("slide", None)
names = names_by_id(communities, "community_id", "name", lang)
community_ids = url_widget(st.sidebar.multiselect, t("communities"), "c", all_ids, all_ids, multi=True, format_func=names.get)
years = url_widget(st.sidebar.multiselect, t("years"), "y", all_years, all_years, multi=True)
view = url_widget(st.sidebar.radio, t("money_view"), "m", VIEWS, DEFAULT_VIEW,
                  format_func=lambda v: label("money_view", v, lang).format(base_year=reference.base_year))  # fmt: skip
denominator = url_widget(st.sidebar.radio, t("denominator"), "per", DENOMINATORS, DEFAULT_DENOMINATOR,
                         format_func=lambda d: label("denominator", d, lang), disabled=not MoneyView(view).is_per_resident)  # fmt: skip
st.sidebar.button(t("present_start"), icon=":material/slideshow:", on_click=st.session_state.update, kwargs={"presenting": True})
money = MoneyView(view, denominator, reference)
st.session_state["choices"] = Choices(database, lang, community_ids, sorted(years), money)

# URL paths differ from the file names on purpose: a path equal to a file name in pages/
# (e.g. /overview) is routed by Streamlit's legacy pages/ discovery, bypassing this entry.
pages = [
    st.Page("pages/overview.py", title=t("page_overview"), icon=":material/home:", default=True),
    st.Page("pages/spending_by_year.py", title=t("page_by_year"), icon=":material/calendar_month:", url_path="by-year"),
    st.Page("pages/spending_by_category.py", title=t("page_by_category"), icon=":material/category:", url_path="by-category"),
    st.Page("pages/partners.py", title=t("page_partners"), icon=":material/public:", url_path="sister-cities"),
    st.Page("pages/measures.py", title=t("page_measures"), icon=":material/search:", url_path="explore"),
    st.Page("pages/sources.py", title=t("page_sources"), icon=":material/description:", url_path="data-quality"),
    st.Page("pages/methodology.py", title=t("page_methodology"), icon=":material/menu_book:", url_path="methodology"),
]
st.navigation(pages).run()
