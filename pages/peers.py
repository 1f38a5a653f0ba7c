"""Compare with peers: find any community in the register, rank it among similar communities, see the spread and the map."""

import pandas as pd
import streamlit as st

from app_state import choices, downloads, query, t, url_widget
from data_notice import synthetic_banner
from programme_analysis import peer_figures, peers
from programme_analysis.figures import chart_config
from programme_analysis.formatting import format_amount
from programme_analysis.texts import in_language, names_by_id, text

current = choices()
lang = current.lang
synthetic_banner()
register = query("community_register")
st.title(t("page_peers"))
st.caption(t("peers_intro").format(count=format_amount(len(register), lang, digits=0)))


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False)
def _labels(register: pd.DataFrame, lang: str) -> dict[str, str]:
    return peers.register_labels(register, lang)


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False)
def _figures(totals: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    return peers.indicators(totals, categories)


def _in_lang(value: str | None) -> str | None:
    return value if lang == "uk" else peers.in_latin(value)


figures = _figures(query("community_programme_totals"), query("community_category_totals"))
communities = query("communities")
names = names_by_id(communities, "community_id", "name", lang)
labels = _labels(register, lang)
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

peer_ids = peers.peer_ids(register, katottg, rule, hand_ids)
if rule != "hand":
    matching = peers.register_peers(register, katottg, rule)
    st.caption(t("peers_match_count").format(count=format_amount(len(matching), lang, digits=0), loaded=format_amount(len(peer_ids), lang, digits=0)))
    if rule == "population" and pd.isna(chosen["population"]):
        st.warning(t("peers_population_unknown"))

st.header(t("peers_ranking_heading"))
compared = [*([chosen_id] if chosen_id else []), *peer_ids]
if not peer_ids:
    st.info(t("peers_none_loaded"))
ranked = peers.ranking(figures, compared, rank_by)
if not ranked.empty:
    gap_words = {reason: t(f"peers_gap_{reason}") for reason in ("not_stated", "no_population", "not_in_register")}
    table = pd.DataFrame(
        {
            t("col_rank"): ranked["rank"].astype("string").fillna("—"),
            t("col_community"): in_language(ranked, "name", lang),
            t("col_oblast"): ranked["register_oblast_uk"].map(_in_lang),
            t("col_type"): ranked["type_uk"].map(lambda v: t(f"type_{v}") if isinstance(v, str) else None),
            t("col_register_population"): ranked["register_population"].map(lambda v: format_amount(v, lang, digits=0) if pd.notna(v) else t("not_stated")),
            t("col_programme_years"): [f"{a}–{b}" if a != b else str(a) for a, b in zip(ranked["year_from"], ranked["year_to"], strict=True)],
            t("col_planned_per_year"): ranked["planned_per_year_thousand_uah"].map(lambda v: format_amount(v, lang)),
            t("col_per_resident_year"): ranked["uah_per_resident_per_year"].map(lambda v: format_amount(v, lang, digits=2)),
            t("col_partner_count"): ranked["partner_count"].astype(int),
            t("col_why_no_figure"): ranked["per_resident_gap"].map(lambda g: gap_words.get(g, "") if isinstance(g, str) else ""),
        }
    )
    for category_id in share_ids:
        shares = ranked[f"{peers.SHARE_PREFIX}{category_id}"]
        table[t("col_share").format(category=category_names[category_id])] = shares.map(lambda v: format_amount(v, lang) if pd.notna(v) else "—")
    highlight = ranked["community_id"].eq(chosen_id).tolist()
    styled = table.style.apply(lambda row: ["background-color: #ffe3cc; font-weight: bold" if highlight[row.name] else "" for _ in row], axis=1)
    st.dataframe(styled, hide_index=True, width="stretch", key="peers_ranking")
    st.caption(f"{t('peers_ranking_note')} {t('peers_denominator')}")
    downloads(ranked.drop(columns=["colour"]), "peers_ranking", key="dl_peers")

st.header(t("peers_distribution_heading"))
st.plotly_chart(peer_figures.per_resident_strip(figures, chosen_id, peer_ids, lang), width="stretch", key="peers_strip",
                config=chart_config("peers_per_resident"))  # fmt: skip
st.header(t("peers_map_heading"))
st.plotly_chart(peer_figures.programme_map(figures, chosen_id, peer_ids, lang), width="stretch", key="peers_map", config=chart_config("peers_map"))
st.caption(text("source_programmes_register", lang))
