"""The measures behind a number on screen, each with the line of the document it was read from.

A chart or table calls ``show_measures_behind`` with what was clicked (community, years,
category or section, measure). The panel lists the measures, the printed line, how the
loader read the amount, and any data issue recorded on that line.
"""

from __future__ import annotations

import re

import streamlit as st

from app_state import downloads, query, t
from programme_analysis import figures, queries, tables
from programme_analysis.formatting import format_amount
from programme_analysis.texts import LABELS, label


def clicked_points(event) -> list[list]:
    """The ``customdata`` of the points a Plotly selection event carries (empty when nothing is selected)."""
    if event is None or not getattr(event, "selection", None):
        return []
    return [point["customdata"] for point in event.selection.get("points", []) if point.get("customdata") is not None]


# On a phone the chart's subtitle (source, method, gaps) cannot wrap inside the SVG: hide it there and show
# the same words as a caption under the chart, which wraps. On wider screens the caption is hidden.
PHONE_CSS = (
    "<style>[class*='st-key-phone_source_']{display:none}"
    "@media (max-width: 640px){.js-plotly-plot .gtitle-subtitle,.js-plotly-plot .gtitle{display:none}[class*='st-key-phone_source_']{display:block}}</style>"
)


def phone_source(fig, key: str) -> None:
    """The chart's subtitle as a caption that wraps, shown only on narrow screens."""
    subtitle = fig.layout.title.subtitle.text or ""
    words = re.sub(r"<[^>]+>", " ", subtitle.replace("<br>", "\n")).replace(" \n", "\n")
    st.html(PHONE_CSS)
    with st.container(key=f"phone_source_{key}"):
        title = re.sub(r"<[^>]+>", " ", fig.layout.title.text or "")
        st.markdown(f"**{title}**")
        st.caption(" ".join(line.strip() for line in words.split("\n")))


def chart(fig, key: str, file_stem: str, **kwargs):
    """A Plotly chart with its source line for phones; returns the selection event when ``on_select`` is given."""
    event = st.plotly_chart(fig, width="stretch", key=key, config=figures.chart_config(file_stem), **kwargs)
    phone_source(fig, key)
    return event


def yearly_chart_with_sources(fig, lang: str, key: str) -> None:
    """A chart of planned money per community and year whose clicked bars open the measures behind them."""
    event = chart(fig, key, "planned_per_year", on_select="rerun", selection_mode="points")
    clicked = clicked_points(event)
    if clicked:
        show_measures_behind(lang, sorted({c[0] for c in clicked}), sorted({int(c[1]) for c in clicked}), key=f"{key}_drill")
    else:
        st.caption(t("drill_hint"))


def clicked_tile(event) -> list[str] | None:
    """``[community_id, category_id, measure_code]`` (the last ones may be missing) of a clicked treemap tile."""
    if event is None or not getattr(event, "selection", None):
        return None
    points = [point for point in event.selection.get("points", []) if point.get("id")]
    return points[0]["id"].split("/") if points else None


def read_as(row, lang: str) -> str:
    """How the loader read a line's amount: the text as printed, then the number (or what a dash means)."""
    printed = row["amount_text"] if isinstance(row["amount_text"], str) and row["amount_text"] else None
    if row["amount_status"] == "stated":
        return f"«{printed}» → {format_amount(row['amount_thousand_uah'], lang)}" if printed else format_amount(row["amount_thousand_uah"], lang)
    meaning = label("amount_status", row["amount_status"], lang)
    return f"«{printed}» → {meaning}" if printed else meaning


def show_measures_behind(lang: str, community_ids: list[str], years: list[int], category_ids: list[str] | None = None,
                         sections: list[str] | None = None, measure_codes: list[str] | None = None, key: str = "drill") -> None:  # fmt: skip
    """Draw the panel for the clicked community/years/category; nothing when nothing is clicked."""
    categories = category_ids or query(queries.categories)["category_id"].tolist()
    rows = query(queries.search_measures, community_ids, years, categories, list(LABELS["amount_status"]), "")
    if sections:
        rows = rows[rows["section"].isin(sections)]
    if measure_codes:
        rows = rows[rows["measure_code"].isin(measure_codes)]
    totals = query(queries.stated_year_totals, community_ids, years)
    with st.container(border=True):
        st.subheader(t("drill_heading"))
        st.markdown(tables.selection_summary(rows, totals, lang))
        if (rows.empty or (rows["amount_status"] == "not_stated").all()) and not totals.empty:
            st.markdown(t("drill_total_only"))
            for total in totals.itertuples():
                st.code(f"{total.source_file}:{total.source_line}\n{total.source_text.replace(chr(9), '  |  ')}", language=None, wrap_lines=True)
        if rows.empty:
            return
        shown = tables.drill_table(rows, rows.apply(read_as, axis=1, lang=lang), lang)
        st.dataframe(shown, hide_index=True, width="stretch", key=f"{key}_table",
                     column_config={t("col_printed"): st.column_config.TextColumn(width="large")})  # fmt: skip
        st.markdown(f"**{t('download_behind_selection')}**")
        downloads(rows, "measures_behind_selection", key=f"{key}_download")
