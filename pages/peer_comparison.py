"""Compare with peers: find any community in the register, rank it among similar communities, see the spread and the map."""

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app_state import choices, downloads, query, t, url_widget
from data_notice import synthetic_banner
from programme_analysis import peer_figures, peers, queries
from programme_analysis.figures import chart_config
from programme_analysis.formatting import format_amount
from programme_analysis.texts import in_language, names_by_id, text

current = choices()
lang = current.lang
synthetic_banner()
key = (str(current.database), current.database.stat().st_mtime)
st.title(t("page_peers"))


# Derived data and figures are cached as objects (st.cache_resource: shared, never mutated here), keyed on the
# database file and its modification time, so that a warm rerun only looks them up (see bench/RESULTS.md).
@st.cache_resource(ttl=3600, max_entries=16, show_spinner=False)
def _register(database: str, modified: float) -> pd.DataFrame:
    return queries.community_register(Path(database))


@st.cache_resource(ttl=3600, max_entries=16, show_spinner=False)
def _labels(database: str, modified: float, lang: str) -> dict[str, str]:
    return peers.register_labels(_register(database, modified), lang)


@st.cache_resource(ttl=3600, max_entries=16, show_spinner=False)
def _indicators(database: str, modified: float) -> pd.DataFrame:
    return peers.indicators(queries.community_programme_totals(Path(database)), queries.community_category_totals(Path(database)))


@st.cache_resource(ttl=3600, max_entries=256, show_spinner=False)
def _peers(database: str, modified: float, katottg: str, rule: str, hand_ids: tuple[str, ...]) -> tuple[list[str], int]:
    """The loaded peers, and how many communities of the register match the rule."""
    register = _register(database, modified)
    matching = 0 if rule == "hand" else len(peers.register_peers(register, katottg, rule))
    return peers.peer_ids(register, katottg, rule, list(hand_ids)), matching


@st.cache_resource(ttl=3600, max_entries=64, show_spinner=False)
def _strip(database: str, modified: float, chosen_id: str | None, peer_ids: tuple[str, ...], lang: str) -> go.Figure:
    return peer_figures.per_resident_strip(_indicators(database, modified), chosen_id, list(peer_ids), lang)


@st.cache_resource(ttl=3600, max_entries=64, show_spinner=False)
def _map(database: str, modified: float, chosen_id: str | None, peer_ids: tuple[str, ...], lang: str) -> go.Figure:
    return peer_figures.programme_map(_indicators(database, modified), chosen_id, list(peer_ids), lang)


@st.cache_resource(ttl=3600, max_entries=64, show_spinner=False)
def _ranking_table(database: str, modified: float, compared: tuple[str, ...], rank_by: str, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ranked rows and the table shown (formatted in the language)."""
    figures = _indicators(database, modified)
    ranked = peers.ranking(figures, list(compared), rank_by)
    categories = queries.categories(Path(database))
    names = names_by_id(categories, "category_id", "name", lang)
    gap_words = {reason: text(f"peers_gap_{reason}", lang) for reason in ("not_stated", "no_population", "not_in_register")}
    in_lang = (lambda v: v) if lang == "uk" else peers.in_latin
    table = pd.DataFrame(
        {
            text("col_rank", lang): ranked["rank"].astype("string").fillna("—"),
            text("col_community", lang): in_language(ranked, "name", lang),
            text("col_oblast", lang): ranked["register_oblast_uk"].map(in_lang),
            text("col_type", lang): ranked["type_uk"].map(lambda v: text(f"type_{v}", lang) if isinstance(v, str) else None),
            text("col_register_population", lang): ranked["register_population"].map(lambda v: format_amount(v, lang, digits=0) if pd.notna(v) else text("not_stated", lang)),
            text("col_programme_years", lang): [f"{a}–{b}" if a != b else str(a) for a, b in zip(ranked["year_from"], ranked["year_to"], strict=True)],
            text("col_planned_per_year", lang): ranked["planned_per_year_thousand_uah"].map(lambda v: format_amount(v, lang)),
            text("col_per_resident_year", lang): ranked["uah_per_resident_per_year"].map(lambda v: format_amount(v, lang, digits=2)),
            text("col_partner_count", lang): ranked["partner_count"].astype(int),
            text("col_why_no_figure", lang): ranked["per_resident_gap"].map(lambda g: gap_words.get(g, "") if isinstance(g, str) else ""),
        }
    )
    for category_id in categories["category_id"]:
        column = f"{peers.SHARE_PREFIX}{category_id}"
        if column in ranked.columns:
            table[text("col_share", lang).format(category=names[category_id])] = ranked[column].map(lambda v: format_amount(v, lang) if pd.notna(v) else "—")
    return ranked, table


def _in_lang(value: str | None) -> str | None:
    return value if lang == "uk" else peers.in_latin(value)


register = _register(*key)
st.caption(t("peers_intro").format(count=format_amount(len(register), lang, digits=0)))
figures = _indicators(*key)
communities = query("communities")
names = names_by_id(communities, "community_id", "name", lang)
labels = _labels(*key, lang)
linked = register[register["community_id"].notna()]
default_katottg = next((k for k in communities["katottg"] if isinstance(k, str) and k in set(linked["katottg"])), register["katottg"].iloc[0])

left, middle, right = st.columns([3, 2, 2])
with left:
    katottg = url_widget(st.selectbox, t("peers_find"), "community", register["katottg"].tolist(), default_katottg, format_func=labels.get)
with middle:
    band = round(peers.POPULATION_BAND * 100)
    rule = url_widget(st.selectbox, t("peers_rule"), "peers", list(peers.PEER_RULES), peers.DEFAULT_PEER_RULE,
                      format_func=lambda r: t(f"peers_rule_{r}").format(band=band))  # fmt: skip
categories = query("categories")
share_ids = [c for c in categories["category_id"] if f"{peers.SHARE_PREFIX}{c}" in figures.columns]
category_names = names_by_id(categories, "category_id", "name", lang)
with right:
    rank_options = [*peers.RANK_BY_FIXED, *share_ids]
    rank_by = url_widget(st.selectbox, t("peers_rank_by"), "rank", rank_options, "per_resident",
                         format_func=lambda r: t(f"peers_rank_{r}") if r in peers.RANK_BY_FIXED else t("peers_rank_share").format(category=category_names[r]))  # fmt: skip
hand_ids: list[str] = []
if rule == "hand":
    hand_ids = url_widget(st.multiselect, t("peers_hand_pick"), "peer", figures["community_id"].tolist(), [], multi=True, format_func=names.get)

chosen = register[register["katottg"] == katottg].iloc[0]
chosen_id = chosen["community_id"] if isinstance(chosen["community_id"], str) else None
population = format_amount(chosen["population"], lang, digits=0) if pd.notna(chosen["population"]) else t("not_stated")
st.markdown(t("peers_register_row").format(name=_in_lang(chosen["name_uk"]), type=t(f"type_{chosen['type_uk']}"), oblast=_in_lang(chosen["oblast_uk"]),
                                            rayon=_in_lang(chosen["rayon_uk"]) or t("not_stated"), population=population))  # fmt: skip
if chosen_id is None:
    st.info(f"**{t('peers_no_programme')}** {t('peers_how_to_add')}", icon=":material/upload_file:")

peer_ids, matching = _peers(*key, katottg, rule, tuple(hand_ids))
if rule != "hand":
    st.caption(t("peers_match_count").format(count=format_amount(matching, lang, digits=0), loaded=format_amount(len(peer_ids), lang, digits=0)))
    if rule == "population" and pd.isna(chosen["population"]):
        st.warning(t("peers_population_unknown"))

st.header(t("peers_ranking_heading"))
compared = [*([chosen_id] if chosen_id else []), *peer_ids]
if not peer_ids:
    st.info(t("peers_none_loaded"))
ranked, table = _ranking_table(*key, tuple(compared), rank_by, lang)
if not ranked.empty:
    # The chosen row is marked in its own first column and named in a sentence above the table (a pandas Styler
    # colour costs about 2 ms per cell on every rerun; see bench/RESULTS.md).
    if chosen_id is not None:
        row = ranked.index[ranked["community_id"] == chosen_id][0]
        place = ranked.loc[row, "rank"]
        where = t("peers_place").format(rank=place, count=int(ranked["rank"].notna().sum())) if pd.notna(place) else t("peers_no_place")
        st.markdown(f"**{names[chosen_id]}**: {where} ({t(f'peers_rank_{rank_by}') if rank_by in peers.RANK_BY_FIXED else t('peers_rank_share').format(category=category_names[rank_by])}).")
    marker = ranked["community_id"].eq(chosen_id).map({True: t("peers_chosen_marker"), False: ""})
    shown = table.copy()
    shown.insert(0, "▶", marker.to_numpy())
    st.dataframe(shown, hide_index=True, width="stretch", key="peers_ranking")
    st.caption(f"{t('peers_ranking_note')} {t('peers_denominator')}")
    downloads(ranked.drop(columns=["colour"]), "peers_ranking", key="dl_peers")

st.header(t("peers_distribution_heading"))
st.plotly_chart(_strip(*key, chosen_id, tuple(peer_ids), lang), width="stretch", key="peers_strip", config=chart_config("peers_per_resident"))
st.header(t("peers_map_heading"))
st.plotly_chart(_map(*key, chosen_id, tuple(peer_ids), lang), width="stretch", key="peers_map", config=chart_config("peers_map"))
st.caption(text("source_programmes_register", lang))
