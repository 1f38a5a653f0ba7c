"""Figures of the national comparison: where a community stands among all loaded ones, and the map.

Pure functions ``(DataFrame, options) -> go.Figure`` over ``peers.indicators``; a community without a
figure is named in a note on the chart, never drawn at zero.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from .figures import _base_layout, literal_in, map_aspect, warn_on_chart
from .formatting import format_amount
from .texts import text

CHOSEN_COLOUR = "#D55E00"
PEER_COLOUR = "#0072B2"
OTHER_COLOUR = "#999999"
NAMED_PEERS = 8  # peers named on the strip when there are at most this many (more would lie on each other)
# Ukraine's extent, for the map's frame.
UKRAINE_LON = (22.0, 40.5)
UKRAINE_LAT = (44.2, 52.5)


def _gap_counts(figures: pd.DataFrame, gap_column: str, lang: str) -> list[str]:
    notes = []
    for reason, rows in figures[figures[gap_column].notna()].groupby(gap_column, sort=True):
        listed = ", ".join(literal_in(rows, "name", lang).head(8))
        more = f" … (+{len(rows) - 8})" if len(rows) > 8 else ""
        notes.append(f"{text('peers_gap_' + reason, lang)} ({len(rows)}): {listed}{more}")
    return notes


def _role(community_ids: pd.Series, chosen_id: str | None, peer_ids: list[str]) -> pd.Series:
    peers = set(peer_ids)
    return community_ids.map(lambda c: "chosen" if c == chosen_id else "peer" if c in peers else "other")


def per_resident_strip(
    figures: pd.DataFrame, chosen_id: str | None, peer_ids: list[str], lang: str = "uk", base_year: int | None = None
) -> go.Figure:
    """Planned UAH per resident per year (at ``base_year`` prices) of every loaded community: a box with every
    community as a point, the chosen one and its peers marked, and named when there are at most ``NAMED_PEERS``."""
    unit = text("unit_uah_per_resident_year", lang).format(base_year=base_year)
    shown = figures[figures["uah_per_resident_per_year"].notna()].copy()
    shown["role"] = _role(shown["community_id"], chosen_id, peer_ids)
    shown["label"] = literal_in(shown, "name", lang)
    edge = axis_edge(shown["uah_per_resident_per_year"])
    shown["x"] = shown["uah_per_resident_per_year"].clip(upper=edge)  # a far outlier sits at the edge, marked
    beyond = shown["uah_per_resident_per_year"] > edge
    fig = go.Figure()
    if len(shown) >= 5:  # a box says something only with a few points
        fig.add_trace(
            go.Box(
                x=shown["uah_per_resident_per_year"],
                name="",
                boxpoints=False,
                marker_color=OTHER_COLOUR,
                hoverinfo="skip",
                showlegend=False,
                orientation="h",
            )
        )
    styles = {
        "other": (OTHER_COLOUR, 7, "peers_role_other"),
        "peer": (PEER_COLOUR, 10, "peers_role_peer"),
        "chosen": (CHOSEN_COLOUR, 16, "peers_role_chosen"),
    }
    for role in ("other", "peer", "chosen"):
        rows = shown[shown["role"] == role]
        if rows.empty:
            continue
        colour, size, key = styles[role]
        fig.add_trace(
            go.Scatter(
                x=rows["x"],
                y=[""] * len(rows),
                mode="markers+text" if role == "chosen" or (role == "peer" and len(rows) <= NAMED_PEERS) else "markers",
                marker={
                    "color": colour,
                    "size": size,
                    "line": {"width": 1, "color": "#000"} if role != "other" else {},
                    # beyond the axis: an arrow at its edge, pointing on
                    "symbol": ["triangle-right" if far else "circle" for far in beyond[rows.index]],
                },
                text=rows["label"],
                textposition=_label_sides(rows["x"], edge, role == "chosen"),
                name=text(key, lang),
                customdata=rows["community_id"],
                hovertext=[format_amount(v, lang, digits=2) for v in rows["uah_per_resident_per_year"]],
                hovertemplate="%{text}: %{hovertext} " + unit + "<extra></extra>",
            )
        )
    title = f"{text('chart_peers_distribution', lang)} {text('at_prices_of', lang).format(base_year=base_year)}"
    _base_layout(
        fig,
        title,
        text("source_programmes_per_resident", lang),
        lang,
        height=360,
        method=text("peers_method", lang).format(base_year=base_year),
    )
    fig.update_xaxes(title=unit, rangemode="tozero")
    if beyond.any():
        fig.update_xaxes(range=[0, edge * 1.04])
        far = shown[beyond].sort_values("uah_per_resident_per_year", ascending=False).head(NAMED_PEERS)
        values = [
            f"{n} {format_amount(v, lang, digits=2)}"
            for n, v in zip(far["label"], far["uah_per_resident_per_year"], strict=True)
        ]
        more = int(beyond.sum()) - len(values)
        warn_on_chart(fig, f"{text('beyond_axis', lang)}: {', '.join(values)}{f' +{more}' if more else ''}")
    fig.update_yaxes(showticklabels=False)
    fig.update_layout(legend_y=-0.35)  # below the axis title
    for note in _gap_counts(figures, "per_resident_gap", lang):
        warn_on_chart(fig, note)
    return fig


def _label_sides(x: pd.Series, edge: float, chosen: bool) -> list[str]:
    """Where each point's name stands: above (the chosen one) or above and below in turn, so that neighbours' names
    do not lie on each other; left of a point near the axis's end, so that a phone does not cut the name off.

    >>> _label_sides(pd.Series([2.0, 1.0, 9.5]), 10.0, False)
    ['top center', 'bottom center', 'bottom left']
    """
    order = x.rank(method="first").astype(int).tolist()  # alternate along the axis, not in the rows' order
    sides = ["top"] * len(x) if chosen else [("bottom", "top")[(n - 1) % 2] for n in order]
    return [f"{side} {'left' if edge and v > 0.85 * edge else 'center'}" for side, v in zip(sides, x, strict=True)]


def axis_edge(values: pd.Series, fences: float = 3.0) -> float:
    """Where the value axis ends: past the largest value, unless a few lie far beyond the rest (more than ``fences``
    interquartile ranges above the upper quartile, with at least five values), which would squeeze the others into
    a corner; then just past the largest of the rest.

    >>> axis_edge(pd.Series([1.0, 2.0, 3.0, 4.0, 100.0]))
    4.0
    >>> axis_edge(pd.Series([1.0, 2.0, 3.0, 4.0, 5.0]))
    5.0
    >>> axis_edge(pd.Series([0.0, 0.0, 0.0, 0.0, 5.0]))  # no spread: nothing is "far"
    5.0
    """
    values = values.dropna().astype(float)
    if values.empty:
        return 0.0
    if len(values) < 5:
        return float(values.max())
    q1, q3 = values.quantile([0.25, 0.75])
    if q3 <= q1:  # most values alike: no spread to measure "far" by
        return float(values.max())
    fence = q3 + fences * (q3 - q1)
    rest = values[values <= fence]
    return float(rest.max()) if not rest.empty else float(values.max())


def programme_map(figures: pd.DataFrame, chosen_id: str | None, peer_ids: list[str], lang: str = "uk") -> go.Figure:
    """Communities with a loaded programme at their centres, sized by planned money per year (offline
    map: Plotly's topojson served from static/topojson)."""
    located = figures[figures["latitude"].notna() & figures["longitude"].notna()].copy()
    located["role"] = _role(located["community_id"], chosen_id, peer_ids)
    located["label"] = literal_in(located, "name", lang)
    largest = located["planned_per_year_thousand_uah"].max()
    fig = go.Figure()
    colours = {"other": OTHER_COLOUR, "peer": PEER_COLOUR, "chosen": CHOSEN_COLOUR}
    for role, key in (("other", "peers_role_other"), ("peer", "peers_role_peer"), ("chosen", "peers_role_chosen")):
        rows = located[located["role"] == role]
        if rows.empty:
            continue
        money = rows["planned_per_year_thousand_uah"]
        # Marker area proportional to money; a community without an amount is a hollow ring of fixed size (a gap, not zero).
        sizes = [6 + 34 * math.sqrt(v / largest) if pd.notna(v) and largest and largest > 0 else 9 for v in money]
        symbols = ["circle" if pd.notna(v) else "circle-open" for v in money]
        amounts = [format_amount(v, lang) if pd.notna(v) else text("not_stated", lang) for v in money]
        fig.add_trace(
            go.Scattergeo(
                lat=rows["latitude"],
                lon=rows["longitude"],
                mode="markers+text" if role == "chosen" else "markers",
                name=text(key, lang),
                textposition="top center",
                marker={
                    "size": sizes,
                    "color": colours[role],
                    "symbol": symbols,
                    "opacity": 0.8,
                    "line": {"width": 1, "color": "#333"},
                },
                text=rows["label"],
                customdata=amounts,
                hovertemplate="%{text}: %{customdata} " + text("unit_thousand_uah_per_year", lang) + "<extra></extra>",
            )
        )
    fig.update_geos(
        projection_type="mercator",
        showcountries=True,
        countrycolor="#888",
        showland=True,
        landcolor="#f3f3f3",
        lonaxis_range=list(UKRAINE_LON),
        lataxis_range=list(UKRAINE_LAT),
        resolution=110,
    )
    title = f"{text('chart_peers_map', lang)}, {text('unit_thousand_uah_per_year', lang)}"
    _base_layout(
        fig, title, text("source_programmes_geonames", lang), lang, height=560, method=text("peers_map_method", lang)
    )
    aspect = map_aspect({"lonaxis_range": list(UKRAINE_LON), "lataxis_range": list(UKRAINE_LAT)}, "mercator")
    # the page fills its width with it
    fig.update_layout(meta={**dict(fig.layout.meta or {}), "map_aspect": round(aspect, 4)})
    missing = figures[figures["latitude"].isna() | figures["longitude"].isna()]
    if not missing.empty:
        listed = ", ".join(literal_in(missing, "name", lang).head(8)) + (
            f" … (+{len(missing) - 8})" if len(missing) > 8 else ""
        )
        warn_on_chart(fig, f"{text('peers_gap_no_coordinates', lang)} ({len(missing)}): {listed}")
    return fig
