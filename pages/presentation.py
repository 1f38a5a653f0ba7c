"""Presentation mode: a fixed sequence of slides for a projector, each with a takeaway computed from the data."""

import streamlit as st

from app_state import choices, notify_ignored_parameter, query, t
from programme_analysis import figures, takeaways
from programme_analysis.formatting import format_amount, format_count, year_span
from programme_analysis.money_views import MoneyView
from programme_analysis.url_state import restore

SLIDES = ("glance", "per_year", "per_resident", "per_category", "map", "partner_money", "gaps")

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

# Projector type: larger text everywhere on the page.
st.html("<style>.stMainBlockContainer{max-width:100%;padding-top:4.5rem} .stMarkdown p{font-size:1.6rem} h1{font-size:3rem !important}</style>")


def chart(fig, name: str) -> None:
    st.plotly_chart(figures.for_projector(fig), width="stretch", key=f"slide_{name}", config=figures.chart_config(f"slide_{number}_{name}"))


def glance() -> str:
    programmes = query("programmes")
    for column, row in zip(st.columns(len(programmes)), programmes.itertuples(), strict=True):
        with column, st.container(border=True):
            st.subheader(getattr(row, f"name_{lang}"))
            st.metric(t("card_years"), year_span(row.year_from, row.year_to))
            st.metric(f"{t('card_total')}, {t('unit_thousand_uah')}", format_amount(row.planned_total_thousand_uah, lang))
            st.metric(t("card_partners"), format_count(row.partner_count, lang))
    return takeaways.largest_programme(programmes, lang)


def per_year() -> str:
    totals = query("programme_years", ids)
    chart(figures.totals_by_year(totals, lang), "per_year")
    return takeaways.largest_year(totals, lang, MoneyView(reference=reference))


def per_resident() -> str:
    totals = query("programme_years", ids)
    money = MoneyView("per_resident_real", "adopted", reference)
    chart(figures.totals_by_year(totals, lang, money=money), "per_resident")
    return takeaways.most_per_resident(totals, lang, money)


def per_category() -> str:
    spending = query("spending", ids, years)
    chart(figures.category_bars(spending, lang, money=MoneyView("share", reference=reference)), "per_category")
    return takeaways.largest_category(spending, lang)


def partner_map() -> str:
    partners = query("partners", ids)
    chart(figures.partner_map(partners, lang), "map")
    return takeaways.partner_reach(partners, lang)


def partner_money() -> str:
    destinations = query("partner_spending", ids)
    if not destinations.empty:
        chart(figures.destination_bars(destinations, lang), "partner_money")
    return takeaways.money_for_partners(destinations, query("programme_years", ids), lang)


def gaps() -> str:
    spending = query("spending", ids, years)
    chart(figures.amount_completeness(spending, lang), "gaps")
    return takeaways.data_gaps(spending, lang)


def go_to(target: int) -> None:
    st.session_state["slide"] = min(max(target, 1), len(SLIDES))


name = SLIDES[number - 1]
st.title(t(f"slide_{name}").format(base_year=reference.base_year))
takeaway_area = st.empty()
takeaway = {"glance": glance, "per_year": per_year, "per_resident": per_resident, "per_category": per_category,
            "map": partner_map, "partner_money": partner_money, "gaps": gaps}[name]()  # fmt: skip
takeaway_area.markdown(f"**{takeaway}**")

previous, counter, following = st.columns([1, 2, 1], vertical_alignment="center")
previous.button(t("present_previous"), icon=":material/arrow_back:", on_click=go_to, args=(number - 1,), disabled=number == 1, width="stretch")
counter.markdown(t("present_counter").format(number=number, count=len(SLIDES)), text_alignment="center")
following.button(t("present_next"), icon=":material/arrow_forward:", on_click=go_to, args=(number + 1,), disabled=number == len(SLIDES), width="stretch")
