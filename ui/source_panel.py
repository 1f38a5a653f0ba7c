"""The measures behind a number on screen, each with the line of the document it was read from.

A chart or table calls ``show_measures_behind`` with what was clicked (community, years,
category or section, measure). The panel lists the measures, the printed line, how the
loader read the amount, and any data issue recorded on that line.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import streamlit as st

from loaders.errors import locator_in
from programme_analysis import figures, queries, tables
from programme_analysis.formatting import escape_markdown, format_amount
from programme_analysis.texts import LABELS, label
from ui import cache
from ui.cache import query
from ui.state import data_table, downloads, t


def clicked_points(event) -> list[list]:
    """The ``customdata`` of the points a Plotly selection event carries (empty when nothing is selected)."""
    if event is None or not getattr(event, "selection", None):
        return []
    return [point["customdata"] for point in event.selection.get("points", []) if point.get("customdata") is not None]


# On a phone the chart's title and subtitle (source, method, gaps) cannot wrap inside the SVG: hide them there and
# show the same words as a caption above the chart, which wraps; the chart moves up over its empty title margin.
# On wider screens the caption is hidden.
PHONE_CSS = (
    "<style>[class*='st-key-phone_source_']{display:none}"
    "@media (max-width: 640px){.js-plotly-plot .gtitle-subtitle,.js-plotly-plot .gtitle{display:none}"
    "[class*='st-key-phone_source_']{display:block;position:relative;z-index:2}}</style>"
)


def plain_words(plotly_text: str) -> str:
    r"""A Plotly title or subtitle as plain words for Markdown: tags dropped, entities decoded, Markdown marks escaped.

    >>> print(plain_words("Planned, <span style='x'>⚠ a &lt;b&gt;</span><br>next *line*"))
    Planned\, ⚠ a \<b\> next \*line\*
    """
    words = re.sub(r"<[^>]+>", " ", plotly_text.replace("<br>", " "))
    return escape_markdown(" ".join(html.unescape(words).split()))


def phone_source(fig, key: str) -> None:
    """The chart's title and subtitle as a caption that wraps, shown only on narrow screens."""
    st.html(PHONE_CSS)
    with st.container(key=f"phone_source_{key}"):
        st.markdown(f"**{plain_words(fig.layout.title.text or '')}**")
        paragraphs = (fig.layout.meta or {}).get("subtitle") if isinstance(fig.layout.meta, dict) else None
        if paragraphs:  # the source, the method and each warning on a line of its own
            st.caption("  \n".join(plain_words(words) for _, words in paragraphs))
        else:
            st.caption(plain_words(fig.layout.title.subtitle.text or ""))


def phone_pull_up_css(fig, key: str, moved: str) -> str:
    """On a phone, the chart (the element with class ``st-key-<moved>``) moves up under its caption by its title margin, empty there."""
    top = max(int(fig.layout.margin.t or 0) - 10, 0)
    return f"<style>@media (max-width: 640px){{.st-key-chart_box_{key} .st-key-{moved}{{margin-top:-{top}px}}}}</style>"


def phone_legend_rows(fig, width: int = 358, char: float = 6.5, marker: int = 46) -> int:
    """How many rows a horizontal legend takes on a phone: entries are packed into rows ``width`` px wide, each as wide
    as its marker plus about ``char`` px per character of its name (Plotly's legend font on a 390 px screen)."""
    if fig.layout.showlegend is False:
        return 0
    rows, used = 0, width
    for trace in fig.data:
        if trace.showlegend is False or not trace.name:
            continue
        wide = marker + char * len(trace.name)
        rows, used = (rows + 1, wide) if used + wide > width else (rows, used + wide)
    return rows


def map_frame_css(fig, key: str) -> str:
    """CSS giving a map the height that lets it fill the page's width (``layout.meta["map_aspect"]``, height per unit
    of width), plus room for the title above and the legend below (on a phone, its rows counted)."""
    aspect = fig.layout.meta["map_aspect"]
    top = fig.layout.margin.t or 100
    return (
        f"<style>.st-key-map_width_{key}{{container-type:inline-size}}"
        f".st-key-map_frame_{key}{{flex:none;height:calc({100 * aspect:.2f}cqw + {top + 70}px)}}"
        f"@media (max-width: 640px){{.st-key-map_frame_{key}{{height:calc({100 * aspect:.2f}cqw + {top + 24 + 29 * phone_legend_rows(fig)}px)}}}}</style>"
    )


def _hidden_when(media: str, name: str):
    """A container (``st-key-<name>``) that a window matching the CSS ``media`` query does not show."""
    st.html(f"<style>@media {media}{{.st-key-{name}{{display:none}}}}</style>")
    return st.container(key=name)


def phone_only(key: str):
    """A container shown only on a phone (a window at most 640 px wide), for what a wider screen shows in another way."""
    return _hidden_when("(min-width: 641px)", f"phone_only_{key}")


def wide_only(key: str):
    """A container hidden on a phone (a window at most 640 px wide), whose content a phone shows in another way."""
    return _hidden_when("(max-width: 640px)", f"wide_only_{key}")


def chart(fig, key: str, file_stem: str, **kwargs):
    """A Plotly chart with its title and source as a caption for phones; returns the selection event when ``on_select``
    is given. A map that says its shape (``layout.meta["map_aspect"]``) gets the height that fills the page's width."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    with st.container(key=f"chart_box_{key}"):
        st.html(phone_pull_up_css(fig, key, f"map_width_{key}" if "map_aspect" in meta else key))
        phone_source(fig, key)
        if "map_aspect" in meta:
            st.html(map_frame_css(fig, key))
            with st.container(key=f"map_width_{key}"), st.container(key=f"map_frame_{key}"):
                framed = cache.framed(fig)
                return st.plotly_chart(
                    framed, width="stretch", height="stretch", key=key, config=figures.chart_config(file_stem), **kwargs
                )
        return st.plotly_chart(fig, width="stretch", key=key, config=figures.chart_config(file_stem), **kwargs)


def yearly_chart_with_sources(fig, lang: str, key: str) -> None:
    """A chart of planned money per community and year whose clicked bars open the measures behind them. A phone gets
    the bars laid on their side, their values written level beside them (``figures.sideways``)."""
    lying = cache.sideways(fig)
    if lying is None:
        event = chart(fig, key, "planned_per_year", on_select="rerun", selection_mode="points")
    else:
        with wide_only(key):
            event = chart(fig, key, "planned_per_year", on_select="rerun", selection_mode="points")
        with phone_only(key):
            event_on_phone = chart(
                lying, f"{key}_phone", "planned_per_year", on_select="rerun", selection_mode="points"
            )
        event = event if clicked_points(event) else event_on_phone
    clicked = clicked_points(event)
    if clicked:
        show_measures_behind(
            lang,
            sorted({c[0] for c in clicked}),
            sorted({int(c[1]) for c in clicked}),
            key=f"{key}_drill",
            programme_ids=sorted({c[2] for c in clicked if len(c) > 2}),
        )
    else:
        st.caption(t("drill_hint"))


def clicked_tile(event) -> list[str] | None:
    """``[community_id, programme_id, category_id, measure_code]`` (the last ones may be missing) of a clicked treemap tile
    (its id, ``figures.category_treemap``)."""
    if event is None or not getattr(event, "selection", None):
        return None
    points = [point for point in event.selection.get("points", []) if point.get("id")]
    return points[0]["id"].split("/", 3) if points else None


def read_as(row, lang: str) -> str:
    """How the loader read a line's amount: the text as printed, then the number (or what a dash means)."""
    printed = row["amount_text"] if isinstance(row["amount_text"], str) and row["amount_text"] else None
    if row["amount_status"] == "stated":
        return (
            f"«{printed}» → {format_amount(row['amount_thousand_uah'], lang)}"
            if printed
            else format_amount(row["amount_thousand_uah"], lang)
        )
    meaning = label("amount_status", row["amount_status"], lang)
    return f"«{printed}» → {meaning}" if printed else meaning


def show_measures_behind(
    lang: str,
    community_ids: list[str],
    years: list[int],
    category_ids: list[str] | None = None,
    sections: list[str] | None = None,
    measure_codes: list[str] | None = None,
    key: str = "drill",
    programme_ids: list[str] | None = None,
) -> None:
    """Draw the panel for the clicked community/years/category (and programme, where a chart draws programmes apart);
    nothing when nothing is clicked."""
    categories = category_ids or query(queries.categories)["category_id"].tolist()
    rows = query(queries.search_measures, community_ids, years, categories, list(LABELS["amount_status"]), "")
    totals = query(queries.stated_year_totals, community_ids, years)
    if programme_ids:
        rows, totals = (
            rows[rows["programme_id"].isin(programme_ids)],
            totals[totals["programme_id"].isin(programme_ids)],
        )
    if sections:
        rows = rows[rows["section"].isin(sections)]
    if measure_codes:
        rows = rows[rows["measure_code"].isin(measure_codes)]
    with st.container(border=True):
        st.header(t("drill_heading"))
        st.markdown(tables.selection_summary(rows, totals, lang))
        if (rows.empty or (rows["amount_status"] == "not_stated").all()) and not totals.empty:
            st.markdown(t("drill_total_only"))
            for total in totals.itertuples():
                st.code(
                    f"{total.source_file}:{total.source_line}\n{tables.printed(total.source_text, lang, '  |  ')}",
                    language=None,
                    wrap_lines=True,
                )
        if rows.empty:
            ocr_crops(totals, lang)
            return
        shown = tables.drill_table(rows, rows.apply(read_as, axis=1, lang=lang), lang)
        data_table(
            shown,
            key=f"{key}_table",
            column_config={t("col_printed"): st.column_config.TextColumn(width="large")},
        )
        ocr_crops(pd.concat([rows[["source_file", "source_line"]], totals[["source_file", "source_line"]]]), lang)
        st.markdown(f"**{t('download_behind_selection')}**")
        downloads(rows, "measures_behind_selection", key=f"{key}_download")


def ocr_crops(lines: pd.DataFrame, lang: str) -> None:
    """For the lines shown whose amounts were read by OCR from a scan, the crop of the page each was read from."""
    if lines.empty:
        return
    pictures = query(
        queries.line_pictures,
        sorted(set(lines["source_file"])),
        sorted({int(n) for n in lines["source_line"]}),
    )
    shown = set(zip(lines["source_file"], lines["source_line"].astype(int), strict=True))
    pictures = pictures[[pair in shown for pair in zip(pictures["source_file"], pictures["source_line"], strict=True)]]
    if pictures.empty:
        return
    with st.expander(t("ocr_crops_heading").format(count=len(pictures))):
        st.caption(t("ocr_crops_hint"))
        for picture in pictures.itertuples():
            st.image(
                bytes(picture.png),
                caption=t("ocr_crop_caption").format(
                    file=picture.source_file,
                    line=picture.source_line,
                    locator=locator_in(picture.locator, lang),
                ),
            )
