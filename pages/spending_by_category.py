"""Spending per category: stacked bars by common category or the document's own sections, a treemap, and the measures behind a click."""

import streamlit as st

from programme_analysis import figures, queries
from ui.cache import cached, money_key, query
from ui.source_panel import chart, clicked_points, clicked_tile, show_measures_behind
from ui.state import downloads, page_header, t, url_widget

current = page_header("page_by_category", "by_category_intro")
lang, money = current.lang, current.money
by = url_widget(
    st.segmented_control,
    t("group_by"),
    "by",
    ["category", "section"],
    "category",
    format_func=lambda g: t(f"group_{g}"),
)
spending = query(queries.spending, current.community_ids, current.years)
key = (tuple(current.community_ids), tuple(current.years), lang, money_key(money))
bars = chart(
    cached("category_bars", (*key, by), lambda: figures.category_bars(spending, lang, by=by, money=money)),
    "category_bars",
    "planned_by_category",
    on_select="rerun",
    selection_mode="points",
)
tiles = chart(
    cached("category_treemap", key, lambda: figures.category_treemap(spending, lang, money=money)),
    "category_treemap",
    "planned_treemap",
    on_select="rerun",
    selection_mode="points",
)
clicked_bars, clicked_tiles = clicked_points(bars), clicked_tile(tiles)
if clicked_bars:
    groups = sorted({c[1] for c in clicked_bars})
    show_measures_behind(
        lang,
        sorted({c[0] for c in clicked_bars}),
        current.years,
        category_ids=groups if by == "category" else None,
        sections=groups if by == "section" else None,
        key="bars_drill",
        programme_ids=sorted({c[2] for c in clicked_bars}),
    )
if clicked_tiles:
    community, programme, category, code = [*clicked_tiles, None, None, None][:4]
    show_measures_behind(
        lang,
        [community],
        current.years,
        category_ids=[category] if category else None,
        measure_codes=[code] if code else None,
        key="tiles_drill",
        programme_ids=[programme] if programme else None,
    )
if not clicked_bars and not clicked_tiles:
    st.caption(t("drill_hint"))
downloads(
    money.apply(spending).rename(columns={"value": f"value_{money.view}"}), "spending_by_measure", key="dl_by_category"
)
