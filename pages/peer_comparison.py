"""Compare with peers: find any community in the register, rank it among similar communities, see the spread and the map."""

import pandas as pd
import streamlit as st

from programme_analysis import community_search, peers, queries
from programme_analysis.formatting import escape_markdown, format_amount
from programme_analysis.texts import text
from ui import peer_data
from ui.cache import community_names, query
from ui.source_panel import chart
from ui.state import choices, data_table, downloads, t, url_widget

current = choices()
lang = current.lang
codes, labels, default_katottg = peer_data.options(lang)
st.title(t("page_peers"))
st.caption(t("peers_intro").format(count=format_amount(len(codes), lang, digits=0)))


def _in_lang(value: str | None) -> str | None:
    return value if lang == "uk" else peers.in_latin(value)


left, middle, right = st.columns([3, 2, 2])
with left:
    typed = st.text_input(
        t("peers_search"),
        key="peers_search",
        max_chars=community_search.MAX_QUERY,
        placeholder=t("peers_search_placeholder"),
    )
    found = peer_data.found(typed) if typed.strip() else []
    if typed.strip() and not found:
        st.info(t("peers_search_none").format(typed=escape_markdown(typed.strip())))
    katottg = url_widget(
        st.selectbox,
        t("peers_find"),
        "community",
        found or codes,
        found[0] if found else default_katottg,
        format_func=labels.get,
        placeholder=t("add_community_placeholder"),
    )
    if len(found) > 1:
        st.caption(t("peers_search_found").format(count=len(found)))
with middle:
    band = round(peers.POPULATION_BAND * 100)
    rule = url_widget(
        st.selectbox,
        t("peers_rule"),
        "peers",
        list(peers.PEER_RULES),
        peers.DEFAULT_PEER_RULE,
        format_func=lambda r: t(f"peers_rule_{r}").format(band=band),
    )
with right:
    rank_words = peer_data.rank_choices(lang)
    rank_by = url_widget(
        st.selectbox, t("peers_rank_by"), "rank", list(rank_words), "per_resident", format_func=rank_words.get
    )
hand_ids: list[str] = []
if rule == "hand":
    communities = query(queries.communities)
    names = community_names(lang)
    hand_ids = url_widget(
        st.multiselect,
        t("peers_hand_pick"),
        "peer",
        communities["community_id"].tolist(),
        [],
        multi=True,
        format_func=names.get,
    )

chosen = peer_data.register_rows()[katottg]
chosen_id = chosen["community_id"] if isinstance(chosen["community_id"], str) else None
population = format_amount(chosen["population"], lang, digits=0) if pd.notna(chosen["population"]) else t("not_stated")
st.markdown(
    t("peers_register_row").format(
        name=_in_lang(chosen["name_uk"]),
        type=t(f"type_{chosen['type_uk']}"),
        oblast=_in_lang(chosen["oblast_uk"]),
        rayon=_in_lang(chosen["rayon_uk"]) or t("not_stated"),
        population=population,
    )
)
if chosen_id is None:
    st.info(f"**{t('peers_no_programme')}** {t('peers_how_to_add')}", icon=":material/upload_file:")
    st.page_link("pages/add_programme.py", label=t("peers_add_link"), icon=":material/upload_file:")

peer_ids, matching = peer_data.peers_of(katottg, rule, tuple(hand_ids))
if rule != "hand":
    st.caption(
        t("peers_match_count").format(
            count=format_amount(matching, lang, digits=0), loaded=format_amount(len(peer_ids), lang, digits=0)
        )
    )
    if rule == "population" and pd.isna(chosen["population"]):
        st.warning(t("peers_population_unknown"))

st.header(t("peers_ranking_heading"))
if not peer_ids:
    st.info(t("peers_none_loaded"))
compared = (*([chosen_id] if chosen_id else []), *peer_ids)
ranked, table, place = peer_data.ranking_table(chosen_id, compared, rank_by, lang)
if not ranked.empty:
    # The chosen row is marked in its own first column and its place said in a sentence (a pandas Styler
    # colour costs about 2 ms per cell on every rerun; see bench/RESULTS.md).
    if place:
        st.markdown(place)
    data_table(table, pinned=3, key="peers_ranking")  # the mark of the chosen one, the place, the name
    st.caption(
        f"{t('peers_ranking_note')} {t('peers_denominator').format(base_year=peer_data.comparison().reference.base_year)}"
    )
    downloads(ranked, "peers_ranking", key="dl_peers")

st.header(t("peers_distribution_heading"))
chart(peer_data.strip(chosen_id, tuple(peer_ids), lang), "peers_strip", "peers_per_resident")
st.header(t("peers_map_heading"))
chart(peer_data.programme_map(chosen_id, tuple(peer_ids), lang), "peers_map", "peers_map")
st.caption(text("source_programmes_register", lang))
