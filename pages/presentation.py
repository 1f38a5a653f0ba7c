"""Presentation mode: a fixed sequence of slides for a projector, each with a takeaway computed from the data."""

import pandas as pd
import streamlit as st

from programme_analysis import figures, partner_figures, queries, takeaways
from programme_analysis.formatting import format_amount, format_count, year_span
from programme_analysis.money_views import COMPARISON_DENOMINATOR, COMPARISON_VIEW, MoneyView
from programme_analysis.url_state import restore
from ui.cache import cached, query
from ui.state import choices, notify_ignored_parameter, t

SLIDES = ("glance", "per_year", "per_resident", "per_category", "map", "partner_money", "register", "gaps")

current = choices()
lang, ids, years = current.lang, current.community_ids, current.years
reference = current.money.reference

if "slide" not in st.session_state:
    number, valid = restore(st.query_params.get_all("slide"), range(1, len(SLIDES) + 1), 1)
    if not valid:
        notify_ignored_parameter("slide")
    st.session_state["slide"] = number
number = st.session_state["slide"]
st.query_params["slide"] = str(number)

# Projector type, and a slide that fits the screen (1280×720 and up) without scrolling: title and takeaway
# on top, the chart fills what is left above the slide buttons (a flex column of the window's height, so a
# takeaway or title that wraps onto more lines shrinks the chart). The toolbar (Deploy, developer menu) is hidden.
st.html(
    "<style>"
    ".stMainBlockContainer{max-width:100%;padding:0.6rem 1.5rem 0.4rem 1.5rem;height:100vh;display:flex;flex-direction:column}"
    ".stMainBlockContainer>[data-testid=stVerticalBlock]{flex:1 1 0;min-height:0}"
    ".stMainBlockContainer>[data-testid=stVerticalBlock]>div:has(>.st-key-slide_body){flex:1 1 0;min-height:12rem;display:flex;flex-direction:column}"
    "[data-testid=stHeader],[data-testid=stToolbar]{display:none}"
    ".stMainBlockContainer h1{font-size:clamp(1.6rem,2.6vw,2.6rem) !important;padding:0.2rem 0 !important;line-height:1.15}"
    ".st-key-takeaway p{font-size:clamp(1rem,1.45vw,1.5rem);line-height:1.3;margin:0}"
    ".st-key-slide_body{flex:1 1 0;min-height:0;overflow:hidden}"
    ".st-key-slide_keys{display:none}"
    "</style>"
)


def chart(build, name: str) -> None:
    """Draw the slide's figure, built once per choice (ui.cache): ``build`` makes it when it is not cached yet."""
    fig = cached(f"slide_{name}", (tuple(ids), tuple(years), lang), lambda: figures.for_projector(build()))
    st.plotly_chart(
        fig,
        width="stretch",
        height="stretch",
        key=f"slide_{name}",
        config=figures.chart_config(f"slide_{number}_{name}"),
    )


def glance() -> str:
    programmes = query(queries.programmes)
    programmes = programmes[programmes["community_id"].isin(ids)]  # the default choice: bounded when many are loaded
    for column, row in zip(st.columns(len(programmes)), programmes.itertuples(), strict=True):
        with column, st.container(border=True):
            st.subheader(getattr(row, f"name_{lang}"))
            st.metric(t("card_years"), year_span(row.year_from, row.year_to))
            st.metric(
                f"{t('card_total')}, {t('unit_thousand_uah')}", format_amount(row.planned_total_thousand_uah, lang)
            )
            st.metric(t("card_partners"), format_count(row.partner_count, lang))
    return takeaways.largest_programme(programmes, lang)


def chosen_years() -> pd.DataFrame:
    """The programme years of the chosen communities within the chosen years, as the pages show them."""
    totals = query(queries.programme_years, ids)
    return totals[totals["year"].isin(years)]


def per_year() -> str:
    totals = chosen_years()
    chart(lambda: figures.totals_by_year(totals, lang), "per_year")
    return takeaways.largest_year(totals, lang, MoneyView(reference=reference))


def per_resident() -> str:
    totals = chosen_years()
    money = MoneyView(COMPARISON_VIEW, COMPARISON_DENOMINATOR, reference)  # as the peers page compares
    chart(lambda: figures.totals_by_year(totals, lang, money=money), "per_resident")
    return takeaways.most_per_resident(totals, lang, money)


def per_category() -> str:
    spending = query(queries.spending, ids, years)
    chart(lambda: figures.category_bars(spending, lang, money=MoneyView("share", reference=reference)), "per_category")
    return takeaways.largest_category(spending, lang)


def partner_map() -> str:
    partners = query(queries.partners, ids)
    chart(lambda: figures.partner_map(partners, lang), "map")
    return takeaways.partner_reach(partners, lang)


def partner_money() -> str:
    destinations = query(queries.partner_spending, ids)
    if not destinations.empty:
        chart(lambda: figures.destination_bars(destinations, lang), "partner_money")
    return takeaways.money_for_partners(destinations, query(queries.programme_years, ids), lang)


def programme_and_map() -> str:
    register = query(queries.partner_register, ids)
    if not register.empty:
        chart(lambda: partner_figures.register_map(register, lang), "register")
    return takeaways.programme_vs_map(register, lang)


def gaps() -> str:
    totals = query(queries.programme_years, ids)
    chart(lambda: figures.amount_completeness(totals, lang), "gaps")
    return takeaways.data_gaps(totals, lang)


def go_to(target: int) -> None:
    st.session_state["slide"] = min(max(target, 1), len(SLIDES))


name = SLIDES[number - 1]
st.title(t(f"slide_{name}").format(base_year=reference.base_year))
takeaway_area = st.container(key="takeaway")
with st.container(key="slide_body"):
    takeaway = {
        "glance": glance,
        "per_year": per_year,
        "per_resident": per_resident,
        "per_category": per_category,
        "map": partner_map,
        "partner_money": partner_money,
        "register": programme_and_map,
        "gaps": gaps,
    }[name]()
takeaway_area.markdown(f"**{takeaway}**")

# A presenter's clicker sends arrow keys, Page Up/Page Down or Space: each is a button's shortcut.
previous, counter, following = st.columns([1, 2, 1], vertical_alignment="center")
previous.button(
    t("present_previous"),
    icon=":material/arrow_back:",
    on_click=go_to,
    args=(number - 1,),
    disabled=number == 1,
    width="stretch",
    shortcut="Left",
)
counter.markdown(t("present_counter").format(number=number, count=len(SLIDES)), text_alignment="center")
following.button(
    t("present_next"),
    icon=":material/arrow_forward:",
    on_click=go_to,
    args=(number + 1,),
    disabled=number == len(SLIDES),
    width="stretch",
    shortcut="Right",
)
with st.container(key="slide_keys"):  # hidden: more keys for the same two moves
    st.button("PageUp", key="key_page_up", on_click=go_to, args=(number - 1,), shortcut="PageUp")
    st.button("PageDown", key="key_page_down", on_click=go_to, args=(number + 1,), shortcut="PageDown")
    st.button("Space", key="key_space", on_click=go_to, args=(number + 1,), shortcut="Space")
