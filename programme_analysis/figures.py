"""Figure builders: pure functions ``(DataFrame, options) -> go.Figure``.

Every figure names what it shows and its unit in the title, carries the source in a
caption line, uses each community's own colour, and shows a missing amount as a
labelled gap, never as a zero bar.
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .formatting import PLOTLY_SEPARATORS, plotly_literal, year_span
from .money_views import MoneyView
from .texts import in_language, label, text

# Where the browser finds the world map: static/topojson/ served by Streamlit (see .streamlit/config.toml).
TOPOJSON_URL = "/app/static/topojson/"

# Relationship types are told apart by line style and marker shape (not by a community's colour),
# in dark neutral tones that stay distinct from the communities' Okabe-Ito colours.
RELATIONSHIP_STYLES = {
    "sister_city": {"dash": "solid", "symbol": "circle", "colour": "#222222"},
    "partner_city": {"dash": "dash", "symbol": "square", "colour": "#555555"},
    "cooperation_roadmap": {"dash": "dot", "symbol": "diamond", "colour": "#332288"},
    "memorandum_prepared": {"dash": "dashdot", "symbol": "triangle-up", "colour": "#882255"},
}
RELATIONSHIP_COLOURS = {k: v["colour"] for k, v in RELATIONSHIP_STYLES.items()}
# Paul Tol's colour-blind-safe "muted" scheme with a red of his rainbow scheme, and a grey: distinct on a projector and for
# colour-blind readers (tests/test_colours.py). The categories' own colours (categories.csv) are these.
CATEGORY_PALETTE = [
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
    "#DC050C",
    "#BBBBBB",
]
GAP_PATTERN = {"shape": "/", "fgcolor": "#888888", "bgcolor": "rgba(0,0,0,0)", "solidity": 0.25}
SUBTITLE_WIDTH = 120  # characters per subtitle line before it wraps
LEGEND_WIDTH = 24  # characters per line of a legend entry, so that an entry fits LEGEND_ENTRY_PX
LEGEND_ENTRY_PX = (
    230  # a legend entry's width: as many columns as fit, one on a phone (a share of the width overlapped there)
)


def wrap(words: str, width: int = SUBTITLE_WIDTH) -> str:
    """Break a long line into lines of at most ``width`` characters with <br> (Plotly does not wrap titles).

    >>> wrap("a b c", 3)
    'a b<br>c'
    """
    lines: list[str] = []
    for word in words.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def literal_in(frame: pd.DataFrame, stem: str, lang: str) -> pd.Series:
    """A column of document or data-file text in the language, escaped once for Plotly (shown as printed, never as markup)."""
    return plotly_literal(in_language(frame, stem, lang))


def shown_names(frame: pd.DataFrame, lang: str, stem: str = "name") -> dict[str, str]:
    """``{community_id: name}`` of the communities in a frame, in order."""
    if frame.empty or f"{stem}_uk" not in frame:
        return {}
    return dict(zip(frame["community_id"], literal_in(frame, stem, lang), strict=False))


def series_of(frame: pd.DataFrame) -> pd.Series:
    """Each row's series: its programme where the frame has programme ids, else its community.
    A community adopts a new programme every few years, so one community may stand for several series."""
    return frame["programme_id"] if "programme_id" in frame else frame["community_id"]


def series_names(frame: pd.DataFrame, lang: str, stem: str = "name") -> pd.Series:
    """Each row's name on a chart: its community's name, followed by its programme's years where the frame holds
    more than one programme of that community (``Мена 2022–2024`` beside ``Мена 2025–2027``).

    >>> frame = pd.DataFrame({"community_id": ["a", "a", "b"], "programme_id": ["a1", "a2", "b1"], "name_en": ["A", "A", "B"],
    ...                       "name_uk": ["А", "А", "Б"], "year_from": [2020, 2024, 2021], "year_to": [2022, 2024, 2023]})
    >>> series_names(frame, "en").tolist()
    ['A 2020–2022', 'A 2024', 'B']
    """
    names = literal_in(frame, stem, lang)
    if frame.empty or "programme_id" not in frame or "year_from" not in frame:
        return names
    several = frame.groupby("community_id")["programme_id"].transform("nunique") > 1
    spans = [year_span(int(a), int(b)) for a, b in zip(frame["year_from"], frame["year_to"], strict=True)]
    return names.where(~several, names + " " + pd.Series(spans, index=frame.index))


def programmes_source(names: dict[str, str], lang: str) -> str:
    """The source line naming only the communities shown."""
    return text("source_programmes_of", lang).format(names=", ".join(names.values()) if names else "—")


def chart_config(file_stem: str, **extra) -> dict:
    """Plotly toolbar settings: the camera button saves a PNG at projector size, titled and sourced like the chart."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": file_stem, "width": 1920, "height": 1080, "scale": 1},
        "topojsonURL": TOPOJSON_URL,
        **extra,
    }


WARNING_COLOUR = "#8a4b00"


def _meta(fig: go.Figure) -> dict:
    """The figure's ``layout.meta`` as a dict (the subtitle's paragraphs, a map's shape)."""
    return dict(fig.layout.meta) if isinstance(fig.layout.meta, dict) else {}


def _base_layout(fig: go.Figure, title: str, source: str, lang: str, height: int = 460, method: str = "") -> go.Figure:
    """Title with the unit, and a subtitle naming the source and, for derived figures, how they were computed."""
    paragraphs = [source] + ([method[:1].upper() + method[1:]] if method else [])
    subtitle = "<br>".join(wrap(paragraph) for paragraph in paragraphs)
    title = wrap(title, 70)
    fig.update_layout(meta={**_meta(fig), "subtitle": [["", paragraph] for paragraph in paragraphs]})
    fig.update_layout(
        title={
            "text": title,
            "x": 0,
            "xanchor": "left",
            "subtitle": {"text": subtitle, "font": {"size": 12, "color": "#555"}},
        },
        separators=PLOTLY_SEPARATORS[lang],
        height=height + 16 * subtitle.count("<br>"),
        margin={"l": 60, "r": 20, "t": 100 + 16 * subtitle.count("<br>") + 22 * title.count("<br>"), "b": 60},
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "yref": "paper"},
        font={"size": 14},
        template="plotly_white",
    )
    # ticks with the language's thousands separator (1 000 / 1,000), trailing zeros trimmed
    fig.update_yaxes(tickformat=",~f")
    return fig


def warn_on_chart(fig: go.Figure, message: str) -> None:
    """A visible note under the title, e.g. that some amounts are not stated (part of the subtitle, so it never overlaps)."""
    subtitle = fig.layout.title.subtitle.text or ""
    lines = wrap(f"⚠ {message}").split("<br>")
    shown = "<br>".join(f"<span style='color:{WARNING_COLOUR}'>{line}</span>" for line in lines)
    meta = _meta(fig)
    if "subtitle" in meta:  # the paragraphs, for a slide that wraps them again at its width
        fig.update_layout(meta={**meta, "subtitle": [*meta["subtitle"], [f"color:{WARNING_COLOUR}", f"⚠ {message}"]]})
    fig.update_layout(
        title_subtitle_text=f"{subtitle}<br>{shown}",
        margin_t=fig.layout.margin.t + 18 * len(lines),
        height=fig.layout.height + 18 * len(lines),
    )


def note_gaps(fig: go.Figure, converted: pd.DataFrame, names: pd.Series, lang: str, with_year: bool = True) -> None:
    """Write on the chart which rows have no value and why, so that nobody reads a gap as zero."""
    notes = []
    for reason, rows in converted[converted["value_gap"].notna()].groupby("value_gap", sort=False):
        if reason == "not_stated" and with_year:
            listed = "; ".join(dict.fromkeys(f"{names[i]} {int(y)}" for i, y in rows["year"].items()))
        else:
            listed = ", ".join(dict.fromkeys(names[rows.index]))
        key = {"not_stated": "gap_note", "no_population": "gap_no_population", "no_price_index": "gap_no_price_index"}[
            reason
        ]
        notes.append(f"{text(key, lang)}: {listed}")
    for note in notes:
        warn_on_chart(fig, note)


# Values above vertical bars are written upright (turned 90°) at full size: a bar on a phone is narrower than
# "1 840,0", and a label squeezed to a bar's width is unreadable there. ``value_headroom`` leaves room above the tallest.
VALUE_LABEL = {"textposition": "outside", "textangle": -90, "constraintext": "none", "cliponaxis": False}
HEADROOM = 1.35


def value_headroom(fig: go.Figure, values: pd.Series, placeholder: float) -> None:
    """The value axis from zero to a third above the tallest bar (or placeholder), so upright labels fit inside the plot."""
    top = max(float(values.max()) if values.notna().any() else 0.0, placeholder)
    fig.update_yaxes(range=[0, top * HEADROOM] if top > 0 else None)


GAP_REASON_KEYS = {
    "not_stated": "gap_bar_not_stated",
    "no_population": "gap_bar_no_population",
    "no_price_index": "gap_bar_no_price_index",
}


def _placeholder_height(values: pd.Series) -> float:
    """The height of a not-stated placeholder: a small fixed share of the tallest value, so it reads as "nothing here"."""
    top = values.max()
    return float(top) * 0.06 if pd.notna(top) and top > 0 else 1.0


def totals_by_year(
    years: pd.DataFrame, lang: str = "uk", kind: str = "bar", money: MoneyView | None = None
) -> go.Figure:
    """Planned totals per community and year. Years with no programme are left out; a programme year
    with no amount is drawn as a hatched placeholder labelled "not stated" (a legend entry too), never a zero.
    Each year's bars are centred on the year, however many communities have a programme that year."""
    money = money or MoneyView()
    converted = money.apply(years, amount="planned_total_thousand_uah")
    names = series_names(converted, lang)
    community_names = shown_names(converted, lang)
    converted["series"] = series_of(converted)
    unit = money.unit(lang)
    fig = go.Figure()
    placeholder = _placeholder_height(converted["value"])
    year_list = sorted({int(y) for y in converted["year"]})
    series = list(dict.fromkeys(converted["series"]))
    order = {c: i for i, c in enumerate(series)}
    in_year = converted.groupby(converted["year"].astype(int))["series"].agg(set)
    present = {y: sorted(in_year.get(y, set()), key=order.__getitem__) for y in year_list}
    slot = 0.8 / max([len(v) for v in present.values()] + [1])
    offset = {(c, y): (i - (len(ids) - 1) / 2) * slot for y, ids in present.items() for i, c in enumerate(ids)}
    gap_legend_shown = False
    for series_id, rows in converted.groupby("series", sort=False):
        colour = rows["colour"].iloc[0]
        name = names[rows.index[0]]
        shown, gaps = rows[rows["value"].notna()], rows[rows["value"].isna()]
        labels = [money.format(v, lang) for v in shown["value"]]
        hover = [
            f"{name}, {int(y)}<br>{v} {unit}<br>{label('year_status', s, lang)}"
            for y, v, s in zip(shown["year"], labels, shown["status"], strict=True)
        ]
        x_of = [int(y) + (offset[(series_id, int(y))] if kind == "bar" else 0) for y in shown["year"]]
        gap_x = [int(y) + (offset[(series_id, int(y))] if kind == "bar" else 0) for y in gaps["year"]]
        gap_words = [text(GAP_REASON_KEYS.get(str(r), "gap_bar_not_stated"), lang) for r in gaps["value_gap"]]
        gap_hover = [f"{name}, {int(y)}<br>{w}" for y, w in zip(gaps["year"], gap_words, strict=True)]
        if kind == "line":
            # connectgaps=False keeps a break where a year has no value
            fig.add_trace(
                go.Scatter(
                    x=rows["year"],
                    y=rows["value"],
                    mode="lines+markers",
                    name=name,
                    line_color=colour,
                    connectgaps=False,
                    hovertemplate="%{y:" + money.hover_format() + "}",
                    legendgroup=series_id,
                )
            )
            if not gaps.empty:
                fig.add_trace(
                    go.Scatter(
                        x=gap_x,
                        y=[0] * len(gaps),
                        mode="markers+text",
                        marker={"symbol": "x-open", "size": 14, "color": colour},
                        text=gap_words,
                        textposition="top center",
                        hovertext=gap_hover,
                        hoverinfo="text",
                        name=text("gap_legend", lang),
                        legendgroup="gap",
                        showlegend=not gap_legend_shown,
                    )
                )
                gap_legend_shown = True
            continue
        if not shown.empty:
            fig.add_trace(
                go.Bar(
                    x=x_of,
                    y=shown["value"],
                    width=slot,
                    name=name,
                    marker_color=colour,
                    hovertext=hover,
                    hoverinfo="text",
                    customdata=shown[["community_id", "year", "series"]].values,
                    text=labels,
                    legendgroup=series_id,
                    **VALUE_LABEL,
                )
            )
        if not gaps.empty:
            fig.add_trace(
                go.Bar(
                    x=gap_x,
                    y=[placeholder] * len(gaps),
                    width=slot,
                    name=text("gap_legend", lang),
                    legendgroup="gap",
                    showlegend=not gap_legend_shown,
                    customdata=gaps[["community_id", "year", "series"]].values,
                    text=gap_words,
                    hovertext=gap_hover,
                    hoverinfo="text",
                    textfont={"size": 13, "color": "#8a4b00"},
                    **VALUE_LABEL,
                    marker={"color": "rgba(0,0,0,0)", "line": {"color": colour, "width": 2}, "pattern": GAP_PATTERN},
                )
            )
            gap_legend_shown = True
    fig.update_xaxes(
        tickvals=year_list,
        ticktext=[str(y) for y in year_list],
        tickformat="d",
        range=[min(year_list, default=0) - 0.6, max(year_list, default=0) + 0.6] if kind == "bar" else None,
    )
    fig.update_yaxes(title=unit, rangemode="tozero")
    if kind == "bar":
        value_headroom(fig, converted["value"], placeholder if converted["value"].isna().any() else 0.0)
    # a legend even for one community, so it is named
    fig.update_layout(barmode="overlay", clickmode="event+select", showlegend=True)
    _base_layout(
        fig,
        f"{text('chart_totals_by_year', lang)}, {unit}",
        programmes_source(community_names, lang),
        lang,
        method=money.method_note(lang, community_names),
    )
    return fig


BAR_ROW_PX = 20  # the height of one bar laid on its side, on a phone
LEGEND_BELOW_AXIS_PX = 62  # the amounts' tick labels and the axis title under a chart of lying bars


def sideways(fig: go.Figure) -> go.Figure | None:
    """A chart of standing bars (``totals_by_year``) laid on their side, for a phone: the years down the side, earliest
    on top, the amounts along the width, and each value written level beside its bar (a phone's column is narrower than
    a value written above a standing bar: level, it would not fit; upright, it is read with the head turned). None for
    a chart without standing bars (lines).

    >>> standing = go.Figure(go.Bar(x=[2024, 2025], y=[10.0, 20.0], text=["10,0", "20,0"], textangle=-90))
    >>> lying = sideways(standing)
    >>> lying.data[0].orientation, list(lying.data[0].x), list(lying.data[0].y), lying.data[0].textangle
    ('h', [10.0, 20.0], [2024, 2025], 0)
    >>> sideways(go.Figure(go.Scatter(x=[2024], y=[1.0]))) is None
    True
    """
    if not any(trace.type == "bar" for trace in fig.data):
        return None
    lying = go.Figure(fig.to_dict(), _validate=False)  # a copy of a figure Plotly validated as it was built
    for trace in lying.data:
        if trace.type == "bar":
            trace.update(x=trace.y, y=trace.x, orientation="h", textangle=0, textposition="outside")
    standing_x, standing_y = fig.layout.xaxis.to_plotly_json(), fig.layout.yaxis.to_plotly_json()
    if standing_x.get("range"):  # the earliest year on top
        standing_x["range"] = list(reversed(standing_x["range"]))
    else:
        standing_x["autorange"] = "reversed"
    lying.layout.xaxis, lying.layout.yaxis = standing_y, standing_x
    rows = sum(len(trace.y) for trace in lying.data if trace.type == "bar")  # each bar a row of its own
    margin = lying.layout.margin
    plot_px = 60 + BAR_ROW_PX * max(rows, 2) * 1.4
    lying.update_layout(
        height=int((margin.t or 0) + (margin.b or 0) + plot_px),
        margin_l=44,
        legend_y=-LEGEND_BELOW_AXIS_PX / plot_px,  # below the amounts and their unit, whatever the height
    )
    return lying


def _breakdown(
    spending: pd.DataFrame, lang: str, money: MoneyView, by: str = "category"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Converted rows of measures with a stated amount, plus the converted frame of all rows (for gaps)."""
    converted = money.apply(
        spending, share_within=("programme_id",) if "programme_id" in spending else ("community_id",)
    )
    converted["community"] = series_names(converted, lang, "community")
    converted["series"] = series_of(converted)
    converted["group"] = (
        literal_in(converted, "category", lang) if by == "category" else plotly_literal(converted["section"])
    )
    converted["group_id"] = converted["category_id"] if by == "category" else converted["section"]
    return converted[converted["amount_status"] == "stated"], converted


def _without_breakdown(converted: pd.DataFrame, drawn: set[str]) -> dict[str, str]:
    """``{community: reason}`` for communities in the rows that have no value to draw: no amounts per measure, or a value that cannot be computed."""
    missing = {}
    for community, rows in converted.groupby("community", sort=False):
        if community in drawn:
            continue
        reasons = rows.loc[rows["amount_status"] != "none", "value_gap"].dropna()
        reason = (
            "not_stated"
            if reasons.empty or (reasons == "not_stated").all()
            else str(reasons[reasons != "not_stated"].iloc[0])
        )
        missing[community] = reason
    return missing


def _note_breakdown_gaps(fig: go.Figure, converted: pd.DataFrame, lang: str) -> None:
    """Communities whose document has no amounts per measure, and values that could not be computed."""
    gaps = converted[converted["value_gap"].notna() & (converted["amount_status"] != "none")]
    unstated = gaps[gaps["value_gap"] == "not_stated"]
    stated_communities = set(converted.loc[converted["amount_status"] == "stated", "community"])
    unstated = unstated[~unstated["community"].isin(stated_communities)]
    notes = []
    if not unstated.empty:
        notes.append(f"{text('no_breakdown_note', lang)}: {', '.join(dict.fromkeys(unstated['community']))}")
    for reason, rows in gaps[gaps["value_gap"] != "not_stated"].groupby("value_gap"):
        notes.append(f"{text('gap_' + str(reason), lang)}: {', '.join(dict.fromkeys(rows['community']))}")
    for note in notes:
        warn_on_chart(fig, note)


def category_colours(spending: pd.DataFrame, by: str) -> dict[str, str]:
    """A category's own colour (``categories.colour``), the same on every chart and slide whatever else is shown; a
    document's own sections, which no table names in advance, take the palette's colours in the order they come."""
    if by == "category":
        return dict(zip(spending["category_id"], spending["category_colour"], strict=True))
    groups = list(dict.fromkeys(spending["section"].fillna("")))
    return {g: CATEGORY_PALETTE[i % len(CATEGORY_PALETTE)] for i, g in enumerate(groups)}


def category_bars(
    spending: pd.DataFrame, lang: str = "uk", by: str = "category", money: MoneyView | None = None
) -> go.Figure:
    """Horizontal stacked bars: for each community, its planned money by category or by the document's own section.
    Segments carry their values; the legend reads left to right in stacking order; a community whose document
    has no amounts per measure gets a hatched bar labelled "no breakdown in the document"."""
    money = money or MoneyView()
    stated, converted = _breakdown(spending, lang, money, by)
    colours = category_colours(spending, by)
    table = (
        stated.groupby(["community_id", "series", "community", "group_id", "group"], sort=False)["value"]
        .sum(min_count=1)
        .reset_index()
    )
    table = table[table["value"].notna()]
    communities = list(dict.fromkeys(converted["community"]))
    fig = go.Figure()
    for (group_id, name), rows in table.groupby(["group_id", "group"], sort=False):
        values = [money.format(v, lang) for v in rows["value"]]
        hover = [f"{c}<br>{name}<br>{v} {money.unit(lang)}" for c, v in zip(rows["community"], values, strict=True)]
        fig.add_trace(
            go.Bar(
                y=rows["community"],
                x=rows["value"],
                name=wrap(str(name), LEGEND_WIDTH),
                orientation="h",
                hovertext=hover,
                hoverinfo="text",
                marker_color=colours.get(group_id, "#999"),
                text=values,
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                constraintext="inside",
                customdata=rows[["community_id", "group_id", "series"]].values,
            )
        )
    totals = table.groupby("community")["value"].sum()
    # the length of nothing: a short outline, its words beside it, never read as an amount
    placeholder = _placeholder_height(totals)
    missing = _without_breakdown(converted, set(table["community"]))
    for i, (community, reason) in enumerate(missing.items()):
        words = text(
            "no_breakdown_bar" if reason == "not_stated" else GAP_REASON_KEYS.get(reason, "gap_bar_not_stated"), lang
        )
        community_id, series = converted.loc[converted["community"] == community, ["community_id", "series"]].iloc[0]
        fig.add_trace(
            go.Bar(
                y=[community],
                x=[placeholder],
                orientation="h",
                name=wrap(text("no_breakdown_legend", lang), LEGEND_WIDTH),
                legendgroup="gap",
                showlegend=i == 0,
                text=[words],
                textposition="outside",
                cliponaxis=False,
                textangle=0,
                hovertext=[f"{community}<br>{words}"],
                hoverinfo="text",
                customdata=[[community_id, None, series]],
                marker={"color": "rgba(0,0,0,0)", "line": {"color": "#666", "width": 2}, "pattern": GAP_PATTERN},
            )
        )
    fig.update_layout(
        barmode="stack",
        clickmode="event+select",
        uniformtext={"minsize": 10, "mode": "hide"},
        legend_traceorder="normal",
    )
    fig.update_xaxes(tickformat=",~f")  # the unit is in the title
    # each bar's total under its community's name: segments too small for their value still add up to it
    shown_totals = {c: text("bar_total", lang).format(value=money.format(v, lang)) for c, v in totals.items()}
    ticks = [
        f"{c}<br><span style='font-size:12px'>{shown_totals[c]}</span>" if c in shown_totals else c for c in communities
    ]
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=communities,
        autorange="reversed",
        tickformat=None,
        tickvals=communities,
        ticktext=ticks,
    )
    title = text("chart_by_category" if by == "category" else "chart_by_section", lang)
    names = shown_names(converted, lang, "community")
    entries = [*table["group"].unique(), text("no_breakdown_legend", lang)]  # the hatched entry last
    lines = [wrap(str(name), LEGEND_WIDTH).count("<br>") + 1 for name in entries]
    legend_rows = sum(max(lines[i : i + 2]) for i in range(0, len(lines), 2)) + 1  # two columns on a laptop
    _base_layout(
        fig,
        f"{title}, {money.unit(lang)}",
        programmes_source(names, lang),
        lang,
        height=220 + 70 * len(communities) + 24 * legend_rows,
        method=money.method_note(lang, names),
    )
    fig.update_layout(
        legend={"y": -0.08 - 0.6 / max(len(communities), 1), "entrywidth": LEGEND_ENTRY_PX, "entrywidthmode": "pixels"}
    )
    return fig


def category_treemap(spending: pd.DataFrame, lang: str = "uk", money: MoneyView | None = None) -> go.Figure:
    """Drill-down community → category → measure, sized by planned money over the selected years; tiles show amount and share."""
    money = money or MoneyView()
    stated, converted = _breakdown(spending, lang, money)
    stated = stated[stated["value"].notna()]
    colours = category_colours(spending, "category")
    keys = ["community_id", "series", "community", "category_id", "group", "measure_code", "measure_title", "colour"]
    measures = stated.groupby(keys, sort=False)["value"].sum().reset_index()
    # Node ids are "community_id/series/category_id/measure_code" (the series is the programme): Streamlit reports a
    # clicked tile by its id, and two programmes of one community are two trees.
    # one pass over plain rows (a pandas group per community and category cost most of a first drawing on 1,500)
    trees: dict[str, dict] = {}  # root id -> its name, colour, total and categories (in the order first met)
    for row in measures.itertuples(index=False):
        root = f"{row.community_id}/{row.series}"
        tree = trees.setdefault(root, {"name": row.community, "colour": row.colour, "value": 0.0, "categories": {}})
        tree["value"] += row.value
        category = tree["categories"].setdefault(row.category_id, {"name": row.group, "value": 0.0, "measures": []})
        category["value"] += row.value
        category["measures"].append(row)
    nodes = []  # (id, label, parent, value, colour)
    for root, tree in trees.items():
        nodes.append((root, tree["name"], "", tree["value"], tree["colour"]))
        for category_id, category in tree["categories"].items():
            parent = f"{root}/{category_id}"
            colour = colours.get(category_id, "#999")
            nodes.append((parent, wrap(category["name"], 28), root, category["value"], colour))
            for row in category["measures"]:
                title = row.measure_title if len(row.measure_title) <= 84 else row.measure_title[:83] + "…"
                tile = plotly_literal(f"{row.measure_code} {title}")
                nodes.append((f"{parent}/{row.measure_code}", wrap(tile, 28), parent, row.value, colour))
    ids, labels, parents, values, tile_colours = (
        (list(column) for column in zip(*nodes, strict=True)) if nodes else ([],) * 5
    )
    number = "%{value:" + money.hover_format() + "}"
    fig = go.Figure(
        go.Treemap(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            marker={"colors": tile_colours},
            texttemplate="<b>%{label}</b><br>" + number + "<br>%{percentParent:.0%}",
            textfont={"size": 13},
            hovertemplate="%{label}<br>" + number + " " + money.unit(lang) + "<br>%{percentParent:.1%}<extra></extra>",
            maxdepth=2,
            pathbar={"visible": True},
        )
    )
    title = f"{text('chart_treemap', lang)}, {money.unit(lang)}"
    names = shown_names(converted, lang, "community")
    _base_layout(fig, title, programmes_source(names, lang), lang, height=620, method=money.method_note(lang, names))
    fig.update_layout(margin={"l": 10, "r": 10, "b": 10}, clickmode="event+select")
    warn_on_chart(fig, text("treemap_share_note", lang))
    _note_breakdown_gaps(fig, converted, lang)
    return fig


def _natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Natural Earth projection of a point (Šavrič et al. 2011), in the projection's own units."""
    phi, lam = math.radians(lat), math.radians(lon)
    p2 = phi * phi
    x = lam * (0.870700 - 0.131979 * p2 - 0.013791 * p2**2 + 0.003971 * p2**5 - 0.001529 * p2**6)
    y = phi * (1.007226 + 0.015085 * p2 - 0.044475 * p2**3 + 0.028874 * p2**4 - 0.005916 * p2**5)
    return x, y


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


PROJECTIONS = {"natural earth": _natural_earth, "mercator": _mercator}


def _great_circle(start: tuple[float, float], end: tuple[float, float], steps: int = 24) -> list[tuple[float, float]]:
    """Points (longitude, latitude) along the shorter great circle from ``start`` to ``end``, both included."""

    def unit(lon, lat):
        lam, phi = math.radians(lon), math.radians(lat)
        return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))

    a, b = unit(*start), unit(*end)
    angle = math.acos(max(-1.0, min(1.0, sum(p * q for p, q in zip(a, b, strict=True)))))
    points = []
    for step in range(steps + 1):
        share = step / steps
        if angle < 1e-9:
            x, y, z = a
        else:
            wa, wb = math.sin((1 - share) * angle) / math.sin(angle), math.sin(share * angle) / math.sin(angle)
            x, y, z = (wa * p + wb * q for p, q in zip(a, b, strict=True))
        lon = math.degrees(math.atan2(y, x))
        lon = start[0] + (lon - start[0] + 180) % 360 - 180  # continuous from the start (no jump at the antimeridian)
        points.append((lon, math.degrees(math.atan2(z, math.hypot(x, y)))))
    return points


def map_aspect(ranges: dict, projection: str = "natural earth") -> float:
    """The height per unit of width of the map Plotly draws for these longitude and latitude ranges.

    Plotly fits the map to a box whose edges run along great circles between points a quarter of the longitude
    range apart (``makeRangeBox`` in plotly.js's geo), not along the parallels, so a wide frame reaches further
    towards the poles than its latitudes: the world between 45° S and 75° N is drawn about 0.42 times as tall as
    it is wide, not 0.38.

    >>> round(map_aspect(EUROPE, "mercator"), 2)
    0.78
    """
    (west, east), (south, north) = ranges["lonaxis_range"], ranges["lataxis_range"]
    quarter = (east - west) / 4
    top = [(west + k * quarter, north) for k in range(5)]
    bottom = [(east - k * quarter, south) for k in range(5)]
    ring = [*top, *bottom, top[0]]
    project = PROJECTIONS[projection]
    xs, ys = zip(*(project(*point) for a, b in itertools.pairwise(ring) for point in _great_circle(a, b)), strict=True)
    return (max(ys) - min(ys)) / max(max(xs) - min(xs), 1e-9)


def map_frame(lats: pd.Series, lons: pd.Series, pad: float = 8.0) -> tuple[list[float], list[float], float]:
    """The longitude and latitude ranges that hold every point with a margin, and the map's height per unit of width.

    >>> lon, lat, aspect = map_frame(pd.Series([50.0, 40.0]), pd.Series([30.0, 110.0]))
    >>> lon, lat
    ([22.0, 118.0], [32.0, 58.0])
    """
    lon = [max(float(lons.min()) - pad, -180.0), min(float(lons.max()) + pad, 180.0)]
    lat = [max(float(lats.min()) - pad, -60.0), min(float(lats.max()) + pad, 85.0)]
    return lon, lat, map_aspect({"lonaxis_range": lon, "lataxis_range": lat})


EUROPE = {"lataxis_range": [34, 62], "lonaxis_range": [-11, 45]}  # where most partners of Ukrainian communities are


def partner_lines(rows: pd.DataFrame) -> tuple[list, list]:
    """Latitudes and longitudes of one line per row, from the community to its partner, each ended by a gap (None)."""
    lats, lons = [], []
    for row in rows.itertuples():
        lats += [row.community_latitude, row.latitude, None]
        lons += [row.community_longitude, row.longitude, None]
    return lats, lons


def close_up_frame(lats: pd.Series, lons: pd.Series, box: dict = EUROPE, pad: float = 2.0) -> dict | None:
    """The ranges of a close-up of ``box``: the points inside it with a margin, kept within it. None when no point
    is inside, or every point is (then the whole map is already that close).

    >>> close_up_frame(pd.Series([50.0, 48.0, 21.9]), pd.Series([30.0, 20.0, -102.3]))
    {'lonaxis_range': [18.0, 32.0], 'lataxis_range': [46.0, 52.0]}
    >>> close_up_frame(pd.Series([50.0]), pd.Series([30.0])) is None
    True
    """
    (west, east), (south, north) = box["lonaxis_range"], box["lataxis_range"]
    inside = lats.between(south, north) & lons.between(west, east)
    if not inside.any() or inside.all():
        return None
    return {
        "lonaxis_range": [max(float(lons[inside].min()) - pad, west), min(float(lons[inside].max()) + pad, east)],
        "lataxis_range": [max(float(lats[inside].min()) - pad, south), min(float(lats[inside].max()) + pad, north)],
    }


def great_circle(lat1: float, lon1: float, lat2: float, lon2: float, steps: int = 24) -> tuple[list, list]:
    """Points along the shortest path on the globe between two places, as the map draws a line between them (a line
    from Ukraine to the Americas bends north, past both ends' latitudes).

    >>> lats, lons = great_circle(49.4, 27.0, 21.9, -102.3)
    >>> round(max(lats)), round(lats[0], 1), round(lons[-1], 1)
    (62, 49.4, -102.3)
    """
    a, b = (
        np.array(
            [
                np.cos(np.radians(la)) * np.cos(np.radians(lo)),
                np.cos(np.radians(la)) * np.sin(np.radians(lo)),
                np.sin(np.radians(la)),
            ]
        )
        for la, lo in ((lat1, lon1), (lat2, lon2))
    )
    angle = np.arccos(np.clip(a @ b, -1.0, 1.0))
    if angle < 1e-9:
        return [lat1], [lon1]
    share = np.linspace(0.0, 1.0, steps + 1)[:, None]
    points = (np.sin((1 - share) * angle) * a + np.sin(share * angle) * b) / np.sin(angle)
    return (
        np.degrees(np.arctan2(points[:, 2], np.hypot(points[:, 0], points[:, 1]))).tolist(),
        np.degrees(np.arctan2(points[:, 1], points[:, 0])).tolist(),
    )


def _map_points(partners: pd.DataFrame, lines: bool = True) -> tuple[pd.Series, pd.Series]:
    """Latitudes and longitudes of every partner and community that has a place, and (``lines``) of the lines
    between them, so that a frame around them holds every line whole."""
    located, homes = partners[partners["latitude"].notna()], partners.drop_duplicates("community_id")
    lats = [located["latitude"], homes["community_latitude"]]
    lons = [located["longitude"], homes["community_longitude"]]
    for row in located[located["community_latitude"].notna()].itertuples() if lines else ():
        arc_lats, arc_lons = great_circle(row.community_latitude, row.community_longitude, row.latitude, row.longitude)
        lats.append(pd.Series(arc_lats, dtype=float))
        lons.append(pd.Series(arc_lons, dtype=float))
    return pd.concat(lats).dropna(), pd.concat(lons).dropna()


def _partner_traces(fig: go.Figure, partners: pd.DataFrame, lang: str, legend: bool) -> None:
    located = partners[partners["latitude"].notna()]
    for relationship, rows in located.groupby("relationship", sort=False):
        style = RELATIONSHIP_STYLES.get(relationship, {"dash": "solid", "symbol": "circle", "colour": "#555"})
        lats, lons = partner_lines(rows)
        name = label("relationship", relationship, lang)
        fig.add_trace(
            go.Scattergeo(
                lat=lats,
                lon=lons,
                mode="lines",
                line={"width": 1.6, "color": style["colour"], "dash": style["dash"]},
                name=name,
                hoverinfo="skip",
                legendgroup=relationship,
                showlegend=legend,
            )
        )
        partner_names = literal_in(rows, "partner_name", lang)
        fig.add_trace(
            go.Scattergeo(
                lat=rows["latitude"],
                lon=rows["longitude"],
                mode="markers",
                name=name,
                legendgroup=relationship,
                showlegend=False,
                marker={
                    "size": 9,
                    "color": style["colour"],
                    "symbol": style["symbol"],
                    "line": {"width": 1, "color": "#fff"},
                },
                text=partner_names,
                hovertemplate="%{text}<extra>" + name + "</extra>",
            )
        )
    homes = partners.drop_duplicates("community_id")
    for home, name in zip(homes.itertuples(), literal_in(homes, "community", lang), strict=True):
        fig.add_trace(
            go.Scattergeo(
                lat=[home.community_latitude],
                lon=[home.community_longitude],
                mode="markers",
                name=f"{name} ({text('ukrainian_community', lang)})",
                marker={"size": 14, "color": home.colour, "line": {"width": 1, "color": "#000"}, "symbol": "star"},
                showlegend=legend,
                hovertemplate=name + "<extra></extra>",
                legendgroup=f"home_{home.community_id}",
            )
        )


def _framed(
    fig: go.Figure, partners: pd.DataFrame, lang: str, title_key: str, projection: str, ranges: dict, aspect: float
) -> go.Figure:
    fig.update_geos(
        projection_type=projection,
        showcountries=True,
        countrycolor="#bbb",
        showland=True,
        landcolor="#f3f3f3",
        domain={"x": [0, 1], "y": [0, 1]},
        showframe=False,
        **ranges,
    )
    names = shown_names(partners, lang, "community")
    _base_layout(
        fig,
        text(title_key, lang),
        text("source_programmes_geonames_of", lang).format(names=", ".join(names.values())),
        lang,
        height=round(1200 * aspect) + 100,
    )
    fig.update_layout(
        margin={"l": 0, "r": 0, "b": 10},
        legend={"y": -0.02, "yanchor": "top"},
        meta={**_meta(fig), "map_aspect": round(aspect, 4)},
    )
    return fig


def partner_map(partners: pd.DataFrame, lang: str = "uk") -> go.Figure:
    """Lines from each community to its partners; the type of relationship is the line style and the marker shape.
    Each community is a star in its own colour, named in the legend (never as text on the map, where nearby
    communities' names would overlap). The frame holds every point; ``layout.meta["map_aspect"]`` is the map's
    height per unit of width, so that a page can give the chart the height that fills its width."""
    fig = go.Figure()
    _partner_traces(fig, partners, lang, legend=True)
    lats, lons = _map_points(partners)
    lon, lat, aspect = map_frame(lats, lons) if not lats.empty else ([-180.0, 180.0], [-60.0, 85.0], 0.5)
    return _framed(
        fig, partners, lang, "chart_partner_map", "natural earth", {"lonaxis_range": lon, "lataxis_range": lat}, aspect
    )


def partner_close_up(partners: pd.DataFrame, lang: str = "uk") -> go.Figure | None:
    """The same lines and markers in a close-up of Europe, where most partners are, for a phone, where the map of
    every point (from the Americas to Asia) is a thin strip; None when the whole map is already that close. No legend:
    the map above it has one."""
    lats, lons = _map_points(partners, lines=False)
    ranges = close_up_frame(lats, lons)
    if ranges is None:
        return None
    fig = go.Figure()
    _partner_traces(fig, partners, lang, legend=False)
    return _framed(fig, partners, lang, "chart_partner_close_up", "mercator", ranges, map_aspect(ranges, "mercator"))


def agreement_timeline(partners: pd.DataFrame, lang: str = "uk") -> go.Figure | None:
    """Agreements by date; relationships whose date is not stated are counted in a note, not plotted. None when no
    date is stated (an empty chart would show a meaningless axis): the page says so in words."""
    dated = partners[partners["agreement_date"].notna()].sort_values("agreement_date")
    if dated.empty:
        return None
    fig = go.Figure()
    for relationship, rows in dated.groupby("relationship", sort=False):
        style = RELATIONSHIP_STYLES.get(relationship, {"symbol": "circle", "colour": "#555"})
        names = literal_in(rows, "partner_name", lang)
        community = literal_in(rows, "community", lang)
        fig.add_trace(
            go.Scatter(
                x=rows["agreement_date"],
                y=community + " – " + names,
                mode="markers",
                marker={"size": 12, "color": style["colour"], "symbol": style["symbol"]},
                name=label("relationship", relationship, lang),
                hovertext=plotly_literal(rows["agreement_date_text"]),
                hovertemplate="%{y}<br>%{hovertext}<extra></extra>",
            )
        )
    fig.update_xaxes(title=text("axis_agreement_date", lang))
    names = shown_names(partners, lang, "community")
    _base_layout(fig, text("chart_timeline", lang), programmes_source(names, lang), lang, height=420)
    fig.update_layout(legend_y=-0.22)  # below the axis title
    fig.update_yaxes(tickformat=None)
    undated = partners[partners["agreement_date"].isna()]
    if not undated.empty:
        warn_on_chart(fig, f"{text('undated_note', lang)}: {len(undated)}")
    return fig


def destination_bars(
    spending: pd.DataFrame, lang: str = "uk", money: MoneyView | None = None, programme_totals: pd.Series | None = None
) -> go.Figure:
    """Money a document ties to a named destination, by whether it is a partner (colour and hatching).
    A share is of the programme's planned total (``programme_totals`` by community), not of the named money alone.
    A destination without a stated amount is a hatched placeholder labelled with why."""
    money = money or MoneyView()
    converted = money.apply(spending, share_of=programme_totals)
    names = literal_in(converted, "destination_name", lang)
    kind = converted["relationship"].map(
        lambda r: label("relationship", r, lang) if isinstance(r, str) else text("not_a_partner", lang)
    )
    fig = go.Figure()
    stated = converted["value"].notna()
    for group, idx in converted[stated].groupby(kind[stated], sort=False).groups.items():
        rows = converted.loc[idx]
        relationship = rows["relationship"].iloc[0]
        fig.add_trace(
            go.Bar(
                x=names.loc[idx],
                y=rows["value"],
                name=group,
                marker_color=RELATIONSHIP_COLOURS.get(relationship, "#999"),
                marker_pattern_shape="" if isinstance(relationship, str) else ".",
                text=[money.format(v, lang) for v in rows["value"]],
                **VALUE_LABEL,
                hovertext=plotly_literal(rows["purpose"]),
                hovertemplate="%{x}: %{text}<br>%{hovertext}<extra></extra>",
            )
        )
    gaps = converted[~stated]
    if not gaps.empty:
        words = [
            label("amount_status", s, lang)
            if s != "stated"
            else text(GAP_REASON_KEYS.get(str(r), "gap_bar_not_stated"), lang)
            for s, r in zip(gaps["amount_status"], gaps["value_gap"], strict=True)
        ]
        fig.add_trace(
            go.Bar(
                x=names.loc[gaps.index],
                y=[_placeholder_height(converted["value"])] * len(gaps),
                name=text("gap_legend", lang),
                text=words,
                hovertext=words,
                hoverinfo="text+x",
                **VALUE_LABEL,
                marker={"color": "rgba(0,0,0,0)", "line": {"color": "#666", "width": 2}, "pattern": GAP_PATTERN},
            )
        )
    fig.update_yaxes(title=money.unit(lang), rangemode="tozero")
    value_headroom(fig, converted["value"], _placeholder_height(converted["value"]) if not gaps.empty else 0.0)
    title = f"{text('chart_destinations', lang)}, {money.unit(lang)}"
    community_names = shown_names(converted, lang, "community")
    _base_layout(
        fig,
        title,
        text("source_destination_tables", lang).format(names=", ".join(community_names.values())),
        lang,
        height=460,
        method=money.method_note(lang, community_names),
    )
    return fig


COMPLETENESS_COLOURS = {"full": "#0072B2", "totals_only": "#88CCEE", "none": "rgba(0,0,0,0)"}


def amount_completeness(years: pd.DataFrame, lang: str = "uk") -> go.Figure:
    """For each community, how many programme years have amounts per measure, only a stated yearly total, or no amount at all."""
    from .tables import completeness

    frame = years.assign(
        community=literal_in(years, "name", lang), what=years["status"].map(lambda s: completeness([s]))
    )
    counts = frame.groupby(["community", "what"], sort=False).size().reset_index(name="years")
    fig = go.Figure()
    for what in ("full", "totals_only", "none"):
        rows = counts[counts["what"] == what]
        if rows.empty:
            continue
        name = text(f"year_completeness_{what}", lang)
        marker = {"color": COMPLETENESS_COLOURS[what], "line": {"color": "#333", "width": 1.5}}
        if what == "none":
            marker["pattern"] = GAP_PATTERN
        fig.add_trace(
            go.Bar(
                y=rows["community"],
                x=rows["years"],
                name=name,
                orientation="h",
                marker=marker,
                text=rows["years"],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate="%{y}: %{x}<extra>" + name + "</extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=text("axis_programme_years", lang), dtick=1, tickformat="d")
    fig.update_yaxes(autorange="reversed")
    names = shown_names(years, lang)
    _base_layout(fig, text("chart_completeness", lang), programmes_source(names, lang), lang, height=420)
    fig.update_yaxes(tickformat=None)
    return fig


_SPAN_LINE = re.compile(r"<span style='([^']*)'>(.*)</span>")


def rewrap_subtitle(subtitle: str, width: int) -> str:
    """A subtitle's lines joined into paragraphs (the source and method; each warning) and wrapped again at ``width``
    characters, each warning line in its colour.

    >>> rewrap_subtitle("Source a<br>b<br><span style='c'>⚠ x</span><br><span style='c'>y</span>", 40)
    "Source a b<br><span style='c'>⚠ x y</span>"
    """
    paragraphs: list[list] = []  # [style or None, words]
    for line in subtitle.split("<br>"):
        match = _SPAN_LINE.fullmatch(line)
        style, words = (match.group(1), match.group(2)) if match else (None, line)
        if paragraphs and paragraphs[-1][0] == style and not words.startswith("⚠"):
            paragraphs[-1][1] += " " + words
        else:
            paragraphs.append([style, words])
    lines = []
    for style, words in paragraphs:
        for line in wrap(words, width).split("<br>"):
            lines.append(f"<span style='{style}'>{line}</span>" if style else line)
    return "<br>".join(lines)


PROJECTOR_SUBTITLE_WIDTH = 200  # characters of 13 px type across a 1280 px slide
PROJECTOR_TITLE_WIDTH = 90  # characters of 24 px type across a 1280 px slide


def for_projector(fig: go.Figure, height: int | None = None) -> go.Figure:
    """Larger type for a presentation slide; the height is left to the slide (it fills the screen below the takeaway).
    The title and subtitle are wrapped again for the slide's width (fewer, longer lines) and get their room on top,
    and the legend is anchored to the figure's foot (Plotly makes room for it), so that neither the source lines nor
    the legend overlap the plot, however little height the slide leaves."""
    fig.update_layout(font={"size": 18}, title_font_size=24, legend_font_size=17, title_subtitle_font_size=13)
    paragraphs = _meta(fig).get("subtitle")
    if paragraphs:
        lines = [
            (style, line) for style, words in paragraphs for line in wrap(words, PROJECTOR_SUBTITLE_WIDTH).split("<br>")
        ]
        fig.update_layout(
            title_subtitle_text="<br>".join(
                f"<span style='{style}'>{line}</span>" if style else line for style, line in lines
            )
        )
    elif fig.layout.title.subtitle.text:
        fig.update_layout(title_subtitle_text=rewrap_subtitle(fig.layout.title.subtitle.text, PROJECTOR_SUBTITLE_WIDTH))
    if fig.layout.title.text:
        fig.update_layout(title_text=wrap(fig.layout.title.text.replace("<br>", " "), PROJECTOR_TITLE_WIDTH))
    title_lines = (fig.layout.title.text or "").count("<br>") + 1
    subtitle_lines = (fig.layout.title.subtitle.text or "").count("<br>") + 1 if fig.layout.title.subtitle.text else 0
    # the title and subtitle sit on the plot area (anchored at their foot): a margin too small could only cut them at the top
    fig.update_layout(
        margin_t=int(32 * title_lines + 18 * subtitle_lines + 48),
        height=height,
        title={"yref": "paper", "y": 1, "yanchor": "bottom", "pad": {"b": 18 * subtitle_lines + 16}},
    )
    if fig.layout.legend.orientation == "h" and (fig.layout.legend.y or 0) < 0:
        fig.update_layout(legend={"yref": "container", "y": 0, "yanchor": "bottom"}, margin_b=20)
    fig.update_xaxes(tickfont_size=16, title_font_size=17, automargin=True)
    fig.update_yaxes(tickfont_size=16, title_font_size=17, automargin=True)
    unit = fig.layout.yaxis.title.text
    if unit and unit in (fig.layout.title.text or "").replace("<br>", " "):
        # the title names the unit; at projector size a long axis title would reach the source lines
        fig.update_yaxes(title_text=None)
    return fig
