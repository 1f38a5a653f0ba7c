"""Streamlit glue for the peers page: derived data, tables and figures, each built once per database and choice
through ``ui.cache.cached`` (shared objects: the page never changes them). See bench/RESULTS.md.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from programme_analysis import community_search, peer_figures, peers, queries
from programme_analysis.formatting import format_amount
from programme_analysis.money_views import COMPARISON_DENOMINATOR, COMPARISON_VIEW, MoneyView
from programme_analysis.texts import in_language, names_by_id, text
from ui.cache import database, kept


@kept
def register() -> pd.DataFrame:
    return queries.community_register(database())


@kept
def register_rows() -> dict[str, dict]:
    """``{katottg: row}`` of the register."""
    return register().set_index("katottg", drop=False).to_dict("index")


@kept
def options(lang: str) -> tuple[list[str], dict[str, str], str]:
    """The register's codes, their labels for the search box, and the default choice (the first loaded community)."""
    rows = register()
    communities = queries.communities(database())
    linked = set(rows.loc[rows["community_id"].notna(), "katottg"])
    default = next((k for k in communities["katottg"] if isinstance(k, str) and k in linked), rows["katottg"].iloc[0])
    return rows["katottg"].tolist(), peers.register_labels(rows, lang), default


@kept
def found(typed: str) -> list[str]:
    """The register's communities that ``typed`` names, best first (programme_analysis.community_search)."""
    return community_search.find(register(), typed)


@kept
def comparison() -> MoneyView:
    """Money per resident as the slide compares it: base-year prices, residents of the territory each programme is for."""
    return MoneyView(COMPARISON_VIEW, COMPARISON_DENOMINATOR, queries.reference(database()))


@kept
def indicators() -> pd.DataFrame:
    totals = queries.community_programme_totals(database())
    years = queries.programme_years(database(), totals["community_id"].tolist())
    return peers.indicators(
        totals,
        queries.community_category_totals(database()),
        peers.per_resident_per_year(years, comparison()),
    )


@kept
def rank_choices(lang: str) -> dict[str, str]:
    """``{rank option: its words}``: the fixed measures, then each category that has shares."""
    figures = indicators()
    categories = queries.categories(database())
    names = names_by_id(categories, "category_id", "name", lang)
    choices = {by: text(f"peers_rank_{by}", lang) for by in peers.RANK_BY_FIXED}
    for category_id in categories["category_id"]:
        if f"{peers.SHARE_PREFIX}{category_id}" in figures.columns:
            choices[category_id] = text("peers_rank_share", lang).format(category=names[category_id])
    return choices


@kept
def peers_of(katottg: str, rule: str, hand_ids: tuple[str, ...]) -> tuple[list[str], int]:
    """The loaded peers, and how many communities of the register match the rule."""
    rows = register()
    matching = 0 if rule == "hand" else len(peers.register_peers(rows, katottg, rule))
    return peers.peer_ids(rows, katottg, rule, list(hand_ids)), matching


@kept
def ranking_table(
    chosen_id: str | None, compared: tuple[str, ...], rank_by: str, lang: str
) -> tuple[pd.DataFrame, pd.DataFrame, str | None]:
    """The ranked rows (for downloads), the table shown (formatted, the chosen row marked) and a sentence on the chosen one's place."""
    figures = indicators()
    ranked = peers.ranking(figures, list(compared), rank_by).drop(columns=["colour"])
    categories = queries.categories(database())
    names = names_by_id(categories, "category_id", "name", lang)
    gap_words = {
        reason: text(f"peers_gap_{reason}", lang) for reason in ("not_stated", "no_population", "no_price_index")
    }
    money = comparison()
    in_lang = (lambda v: v) if lang == "uk" else peers.in_latin
    chosen = ranked["community_id"].eq(chosen_id)
    table = pd.DataFrame(
        {
            "▶": chosen.map({True: text("peers_chosen_marker", lang), False: ""}),
            text("col_rank", lang): ranked["rank"].astype("string").fillna("—"),
            text("col_community", lang): in_language(ranked, "name", lang),
            text("col_oblast", lang): ranked["register_oblast_uk"].map(in_lang),
            text("col_type", lang): ranked["type_uk"].map(
                lambda v: text(f"type_{v}", lang) if isinstance(v, str) else None
            ),
            text("col_register_population", lang): ranked["register_population"].map(
                lambda v: format_amount(v, lang, digits=0) if pd.notna(v) else text("not_stated", lang)
            ),
            text("col_programme_years", lang): [
                f"{a}–{b}" if a != b else str(a) for a, b in zip(ranked["year_from"], ranked["year_to"], strict=True)
            ],
            text("col_planned_per_year", lang): ranked["planned_per_year_thousand_uah"].map(
                lambda v: format_amount(v, lang)
            ),
            text("col_per_resident_year", lang).format(base_year=money.reference.base_year): ranked[
                "uah_per_resident_per_year"
            ].map(lambda v: format_amount(v, lang, digits=2)),
            text("col_residents", lang): ranked["community_id"].map(lambda c: money.residents_phrase(c, lang)),
            text("col_partner_count", lang): ranked["partner_count"].astype(int),
            text("col_why_no_figure", lang): ranked["per_resident_gap"].map(
                lambda g: gap_words.get(g, "") if isinstance(g, str) else ""
            ),
        }
    )
    for category_id in categories["category_id"]:
        column = f"{peers.SHARE_PREFIX}{category_id}"
        if column in ranked.columns:
            table[text("col_share", lang).format(category=names[category_id])] = ranked[column].map(
                lambda v: format_amount(v, lang) if pd.notna(v) else "—"
            )
    sentence = None
    if chosen.any():
        row = ranked[chosen].iloc[0]
        place = row["rank"]
        where = (
            text("peers_place", lang).format(rank=place, count=int(ranked["rank"].notna().sum()))
            if pd.notna(place)
            else text("peers_no_place", lang)
        )
        sentence = f"**{in_language(ranked[chosen], 'name', lang).iloc[0]}**: {where} ({rank_choices(lang)[rank_by]})."
    return ranked, table, sentence


@kept
def strip(chosen_id: str | None, peer_ids: tuple[str, ...], lang: str) -> go.Figure:
    return peer_figures.per_resident_strip(
        indicators(), chosen_id, list(peer_ids), lang, base_year=comparison().reference.base_year
    )


@kept
def programme_map(chosen_id: str | None, peer_ids: tuple[str, ...], lang: str) -> go.Figure:
    return peer_figures.programme_map(indicators(), chosen_id, list(peer_ids), lang)
