"""Entry point: page config, shared sidebar, navigation over pages/. Run: streamlit run dashboard.py

``streamlit run`` finds ``app`` below and serves it (see ``ui.server``); each visit then runs
this file as a script (``__name__ == "__main__"``), which draws the sidebar and the chosen page.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from programme_analysis import queries
from programme_analysis.community_selection import default_communities
from programme_analysis.database_files import DatabaseUnavailable
from programme_analysis.money_views import DEFAULT_DENOMINATOR, DEFAULT_VIEW, DENOMINATORS, VIEWS, MoneyView
from programme_analysis.texts import DEFAULT_LANGUAGE, LANGUAGES, label, text
from programme_analysis.url_state import restore
from ui import server, session_upload
from ui.cache import cached, community_names, query
from ui.notices import synthetic_banner, upload_notice
from ui.state import DISABLED_LABEL_CSS, Choices, finish_url_state, notify_ignored_parameter, t, url_value, url_widget

ICON = Path(__file__).resolve().parent / "static" / "favicon.png"
log = logging.getLogger("dashboard")
RAISE_ERRORS = "DASHBOARD_RAISE_ERRORS"  # "1": an unexpected error is raised again after its sentence (tests only)

if __name__ != "__main__":  # imported by `streamlit run` when the server starts
    server.use_navigation_only()
    server.use_system_allocator()
    app = st.App(__file__, middleware=[Middleware(server.BackendAtRoot)])


def draw() -> None:
    if "presenting" not in st.session_state:
        st.session_state["presenting"], valid = restore(st.query_params.get_all("present"), [False, True], False)
        if not valid:
            notify_ignored_parameter("present")
    presenting = st.session_state["presenting"]
    # The slides take the whole width: the sidebar (which a hidden navigation would keep, empty) folds away.
    st.set_page_config(
        page_title="Cooperation programmes",
        page_icon=str(ICON),
        layout="wide",
        initial_sidebar_state="collapsed" if presenting else "auto",
    )
    controls = st.container(horizontal=True, vertical_alignment="bottom") if presenting else st.sidebar

    lang = url_widget(
        controls.segmented_control,
        text("language_switch", DEFAULT_LANGUAGE),
        "lang",
        LANGUAGES,
        DEFAULT_LANGUAGE,
        format_func=lambda code: text(f"language_{code}", code),
    )
    st.session_state["choices"] = Choices(None, lang, [], [])  # language is known before the database is

    with st.spinner(t("building_database")):
        database = queries.ensure_database()

    # a session's upload is beside the shared programmes
    shared_database, database = (
        database,
        session_upload.database_for_session(database),
    )
    # from here on, queries go through the cache
    st.session_state["choices"] = Choices(database, lang, [], [], shared_database=shared_database)
    synthetic_banner()  # every page says so when the database holds generated test data
    upload = session_upload.current()
    if not presenting:  # a slide carries no notice; the browser still asks before the tab is lost
        upload_notice(upload.file_name if upload is not None and database != shared_database else None)
    communities = query(queries.communities)
    # Kept in every session's choices: one shared object (ui.cache; bench/RESULTS.md). Nothing changes it.
    reference = query(queries.reference)
    all_ids = communities["community_id"].tolist()
    all_years = query(queries.available_years)
    # all communities when a few are loaded, otherwise a bounded default (the page says which; see community_selection)
    added = tuple(session_upload.added_community_ids())
    default_ids = list(  # a copy: the shared list is never handed to a widget
        cached(
            "default_ids", added, lambda: default_communities(query(queries.programmes), all_ids, always=list(added))
        )
    )

    if presenting:
        st.query_params["present"] = "1"
        controls.button(
            t("present_exit"),
            icon=":material/close_fullscreen:",
            on_click=st.session_state.update,
            kwargs={"presenting": False},
        )
        # the sidebar's (or the link's) communities and years, as the pages showed them; none chosen: the default
        community_ids = url_value("c", all_ids, default_ids, multi=True) or default_ids
        years = url_value("y", all_years, all_years, multi=True) or all_years
        st.session_state["choices"] = Choices(
            database,
            lang,
            community_ids,
            sorted(years),
            MoneyView(reference=reference),
            presenting=True,
            shared_database=shared_database,
            loaded_count=len(all_ids),
            default_ids=default_ids,
        )
        st.navigation(
            [st.Page("pages/presentation.py", title=t("page_presentation"), url_path="present")], position="hidden"
        ).run()
        return

    st.query_params.pop("present", None)
    st.query_params.pop("slide", None)  # leaving the presentation leaves no slide number in the link
    st.session_state.pop("slide", None)
    names = community_names(lang)
    community_ids = url_widget(
        st.sidebar.multiselect,
        t("communities"),
        "c",
        all_ids,
        default_ids,
        multi=True,
        format_func=lambda c: names.get(c, str(c)),
    )
    years = url_widget(st.sidebar.multiselect, t("years"), "y", all_years, all_years, multi=True)
    view = url_widget(
        st.sidebar.radio,
        t("money_view"),
        "m",
        VIEWS,
        DEFAULT_VIEW,
        format_func=lambda v: label("money_view", v, lang).format(base_year=reference.base_year),
    )
    denominator = url_widget(
        st.sidebar.radio,
        t("denominator"),
        "per",
        DENOMINATORS,
        DEFAULT_DENOMINATOR,
        format_func=lambda d: label("denominator", d, lang),
        disabled=not MoneyView(view).is_per_resident,
    )
    st.html(DISABLED_LABEL_CSS)
    st.sidebar.button(
        t("present_start"), icon=":material/slideshow:", on_click=st.session_state.update, kwargs={"presenting": True}
    )
    money = MoneyView(view, denominator, reference)
    st.session_state["choices"] = Choices(
        database,
        lang,
        community_ids,
        sorted(years),
        money,
        shared_database=shared_database,
        loaded_count=len(all_ids),
        default_ids=default_ids,
    )

    # Only this navigation routes pages (ui.server.use_navigation_only): a file name such as /overview is no page.
    pages = [
        st.Page("pages/overview.py", title=t("page_overview"), icon=":material/home:", default=True),
        st.Page(
            "pages/spending_by_year.py", title=t("page_by_year"), icon=":material/calendar_month:", url_path="by-year"
        ),
        st.Page(
            "pages/spending_by_category.py",
            title=t("page_by_category"),
            icon=":material/category:",
            url_path="by-category",
        ),
        st.Page("pages/partners.py", title=t("page_partners"), icon=":material/public:", url_path="sister-cities"),
        st.Page("pages/measures.py", title=t("page_measures"), icon=":material/search:", url_path="explore"),
        st.Page("pages/sources.py", title=t("page_sources"), icon=":material/description:", url_path="data-quality"),
        st.Page("pages/add_programme.py", title=t("page_add"), icon=":material/upload_file:", url_path="add"),
        st.Page(
            "pages/methodology.py", title=t("page_methodology"), icon=":material/menu_book:", url_path="methodology"
        ),
        st.Page("pages/peer_comparison.py", title=t("page_peers"), icon=":material/compare_arrows:", url_path="peers"),
    ]
    st.navigation(pages).run()


def start_again() -> None:
    """Forget the choices (and the URL) that led to an error, keeping only the language."""
    lang = st.session_state.get("choices", Choices(None, DEFAULT_LANGUAGE, [], [])).lang
    st.session_state.clear()
    st.query_params.clear()
    if lang != DEFAULT_LANGUAGE:
        st.query_params["lang"] = lang


if __name__ == "__main__":
    try:
        draw()
    except DatabaseUnavailable as exc:  # said in the user's language, with what to do; logged without a traceback
        log.warning("%s", exc)
        lang = st.session_state["choices"].lang if "choices" in st.session_state else DEFAULT_LANGUAGE
        st.error(exc.message(lang))
        if exc.reason == "unreadable":  # deleted, truncated or overwritten while the app runs: build it again now
            try:
                with st.spinner(t("building_database")):
                    queries.ensure_database()
                st.success(t("database_rebuilt"))
            except DatabaseUnavailable as again:
                log.warning("%s", again)
                st.error(again.message(lang))
        st.button(t("try_again"), icon=":material/refresh:")
    except Exception:  # anything unexpected: the traceback goes to the server's log, the user reads one sentence
        log.exception("unexpected error while drawing the page")
        st.error(t("unexpected_error"))
        st.button(t("start_again"), icon=":material/restart_alt:", on_click=start_again)
        if os.environ.get(RAISE_ERRORS) == "1":  # set by tests/conftest.py for AppTest: app.exception must see it
            raise
    finally:
        finish_url_state()
