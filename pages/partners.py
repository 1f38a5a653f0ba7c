"""Sister cities and partners: map, timeline, table, and the money tied to relationships.

The page has sections, and draws only the one chosen (``section`` in the URL): drawing every section took
about five times a one-chart page on every rerun (bench/RESULTS.md)."""

import pandas as pd
import streamlit as st

from programme_analysis import figures, partner_figures, partner_register, queries, tables
from programme_analysis.formatting import format_count
from ui.cache import cached, community_names, money_key, query
from ui.source_panel import chart, phone_only
from ui.state import data_table, downloads, page_header, t, url_widget

current = page_header("page_partners", "partners_intro")
lang = current.lang
communities = query(queries.communities)
names = community_names(lang)
key = (tuple(current.community_ids), lang)  # what the figures below depend on, besides the database


def programme_partners() -> None:
    partners = query(queries.partners, current.community_ids)
    if partners.empty:
        st.info(t("no_partners_named"))
    else:
        chart(cached("partner_map", key, lambda: figures.partner_map(partners, lang)), "partner_map", "partner_map")
        close_up = cached("partner_close_up", key, lambda: figures.partner_close_up(partners, lang))
        if close_up is not None:  # on a phone the map of every point is a thin strip
            with phone_only("partner_close_up"):
                chart(close_up, "partner_close_up", "partner_map_europe")
        timeline = cached("agreement_timeline", key, lambda: figures.agreement_timeline(partners, lang))
        if timeline is None:
            st.caption(t("no_agreement_dates").format(count=len(partners)))
        else:
            chart(timeline, "partner_timeline", "agreements")
        data_table(
            cached("partners_table", key, lambda: tables.partners_table(partners, lang)),
        )
        downloads(partners, "partners", key="dl_partners")
    for community_id in current.community_ids:
        if community_id not in set(partners["community_id"]):
            st.markdown(f"**{names[community_id]}:** {t('no_partners_named')}.")


def against_the_map() -> None:
    st.header(t("register_heading"))
    st.caption(t("register_intro"))
    register = query(queries.partner_register, current.community_ids)
    partnership_map = query(queries.partnership_map)
    st.caption(partner_register.map_source(partnership_map, lang))
    on_map = query(queries.map_programmes).set_index("community_id")
    counts = partner_register.status_counts(register, current.community_ids)
    for community_id in current.community_ids:
        rows = register[register["community_id"] == community_id]
        katottg = on_map.loc[community_id, "katottg"] if community_id in on_map.index else None
        st.subheader(names[community_id])
        if rows.empty:
            st.markdown(t("register_none").format(name=names[community_id], katottg=katottg or "—"))
            continue
        if on_map.loc[community_id, "map_partners"] == 0:
            st.warning(t("register_not_on_map").format(katottg=katottg or "—"))
        st.markdown(
            t("register_summary").format(
                name=names[community_id], **{k: int(v) for k, v in counts.loc[community_id].items()}
            )
        )
        table = cached(
            "side_by_side",
            (community_id, lang),
            lambda rows=rows: partner_register.side_by_side(rows, lang).drop(columns=[t("col_community")]),
        )
        st.table(table, hide_index=True, border="horizontal")
    if not register.empty:
        chart(
            cached("register_map", key, lambda: partner_figures.register_map(register, lang)),
            "register_map",
            "partner_register_map",
        )
        downloads(register, "partner_register", key="dl_register")


def national() -> None:
    st.header(t("national_heading"))
    partnership_map = query(queries.partnership_map)
    register = query(queries.partner_register, current.community_ids)
    st.markdown(
        t("national_intro").format(
            **{k: format_count(v, lang) for k, v in partner_register.map_totals(partnership_map).items()}
        )
    )
    # the national rankings depend on the chosen communities only (cached: about a second at every rerun)
    chosen = (tuple(current.community_ids),)
    places = cached(
        "national_places_rows", chosen, lambda: partner_register.national_places(partnership_map, current.community_ids)
    )
    ties = cached("national_places_ties", chosen, lambda: partner_register.ties_left_out(partnership_map, places))
    chart(
        cached("national_places", key, lambda: partner_figures.national_places_bars(places, names, lang, ties)),
        "national_places",
        "partner_cities_ukraine",
    )
    countries = cached(
        "national_countries_rows",
        chosen,
        lambda: partner_register.national_countries(partnership_map, current.community_ids),
    )
    chart(
        cached("national_countries", key, lambda: partner_figures.national_countries_bars(countries, names, lang)),
        "national_countries",
        "partner_countries_ukraine",
    )
    shared = cached("shared_partners_rows", chosen, lambda: partner_register.shared_partners(register, partnership_map))
    if not shared.empty:
        st.subheader(t("shared_heading"))
        data_table(
            pd.DataFrame(
                {
                    t("col_community"): shared["community_id"].map(names),
                    t("col_on_map"): shared["partner_name_uk"],
                    t("col_partner_en"): shared["partner_name_en"].fillna(""),
                    t("col_country"): shared["country_code"].map(lambda c: partner_register.country_name(c, lang)),
                    t("col_partner_communities"): shared["communities"],
                    t("col_spellings"): shared["spellings"],
                }
            ),
            key="shared_partners",
        )
    downloads(partnership_map, "partnership_map", key="dl_partnership_map")


def money() -> None:
    st.header(t("money_tied_heading"))
    st.subheader(t("money_named"))
    destinations = query(queries.partner_spending, current.community_ids)
    destinations = destinations[destinations["year"].isin(current.years)]
    if not destinations.empty:
        totals = query(queries.programme_years, current.community_ids)
        totals = totals[totals["year"].isin(current.years)].groupby("community_id")["planned_total_thousand_uah"].sum()
        destination_key = (*key, tuple(current.years), money_key(current.money))
        chart(
            cached(
                "destinations",
                destination_key,
                lambda: figures.destination_bars(destinations, lang, money=current.money, programme_totals=totals),
            ),
            "destinations",
            "money_tied_to_destinations",
        )
        st.caption(t("money_named_note"))
        data_table(
            cached("destinations_table", destination_key, lambda: tables.destinations_table(destinations, lang)),
        )
        downloads(destinations, "money_tied_to_destinations", key="dl_destinations")

    st.subheader(t("money_twinning"))
    twinning = query(queries.twinning_measures, current.community_ids, current.years)
    for community_id in current.community_ids:
        rows = twinning[twinning["community_id"] == community_id]
        named = community_id in set(destinations["community_id"])
        if rows.empty and not named:
            st.markdown(f"**{names[community_id]}:** {t('no_money_tied')}.")
        elif not rows.empty:
            with st.expander(f"{names[community_id]}: {tables.twinning_total(rows, lang)}"):
                data_table(tables.twinning_table(rows, lang))
                downloads(rows, f"twinning_measures_{community_id}", key=f"dl_twinning_{community_id}")


# id -> what draws it
SECTIONS = {
    "partners": programme_partners,
    "register": against_the_map,
    "national": national,
    "money": money,
}
section = url_widget(
    st.segmented_control,
    t("partners_section"),
    "section",
    list(SECTIONS),
    "partners",
    format_func=lambda s: t(f"partners_section_{s}"),
)
SECTIONS[section]()
