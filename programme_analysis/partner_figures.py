"""Plotly builders for the programmes' partners beside the Ministry's partnership map.

The three kinds of relationship are told apart by marker shape and line style, not only by
colour, and never by community colours: filled circle + solid line (in the programme and on the
map), open square + dashed line (programme only), diamond + dotted line (map only). Every figure
names the map's source and date in its subtitle.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .figures import EUROPE, literal_in, map_aspect, partner_lines
from .formatting import PLOTLY_SEPARATORS, plotly_literal
from .partner_register import country_name, map_source
from .texts import label, text

STATUS_STYLE = {
    "both": {"symbol": "circle", "dash": "solid", "colour": "#1b1b1b"},
    "programme_only": {"symbol": "square-open", "dash": "dash", "colour": "#D55E00"},
    "register_only": {"symbol": "diamond", "dash": "dot", "colour": "#0072B2"},
}
CHOSEN_COLOUR, OTHER_COLOUR = "#1b1b1b", "#BBBBBB"


def _layout(fig: go.Figure, title: str, source: str, lang: str, height: int) -> go.Figure:
    fig.update_layout(
        title={
            "text": title,
            "x": 0,
            "xanchor": "left",
            "subtitle": {"text": source, "font": {"size": 12, "color": "#555"}},
        },
        separators=PLOTLY_SEPARATORS[lang],
        height=height,
        margin={"l": 20, "r": 20, "t": 100 + 16 * source.count("<br>"), "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0},
        font={"size": 14},
        template="plotly_white",
    )
    return fig


def _wrap(sentence: str, width: int = 110) -> str:
    """A long subtitle broken into lines of about ``width`` characters (Plotly does not wrap)."""
    lines, line = [], ""
    for word in sentence.split(" "):
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


def shown_name(frame: pd.DataFrame, lang: str) -> pd.Series:
    """A partner's name in the language, escaped for Plotly; in English, a name GeoNames does not know stays Ukrainian in «quotes»."""
    if lang == "uk":
        return plotly_literal(frame["partner_name_uk"])
    return plotly_literal(
        frame["partner_name_en"].where(frame["partner_name_en"].notna(), "«" + frame["partner_name_uk"] + "»")
    )


# no Antarctica and no polar sea: no partner is there
WORLD = {
    "lataxis_range": [-45, 75],
    "lonaxis_range": [-180, 180],
}


def register_map(register: pd.DataFrame, lang: str = "uk") -> go.Figure:
    """Lines from each community to its partners, one style per kind: in both, programme only, map only.
    The world on the left, Europe (where most partners are) enlarged on the right."""
    # Each map's width in proportion to its shape, so that both are as tall as the figure (no empty band beside either).
    world_aspect, europe_aspect = map_aspect(WORLD), map_aspect(EUROPE, "mercator")
    widths = [1 / world_aspect, 1 / europe_aspect]
    fig = make_subplots(
        rows=1,
        cols=2,
        specs=[[{"type": "scattergeo"}, {"type": "scattergeo"}]],
        column_widths=[w / sum(widths) for w in widths],
        horizontal_spacing=0.01,
    )
    located = register[register["latitude"].notna()]
    names = shown_name(register, lang)
    community = literal_in(register, "community", lang)
    homes = register.drop_duplicates("community_id")
    for col in (1, 2):
        for status, style in STATUS_STYLE.items():
            rows = located[located["register_status"] == status]
            if rows.empty:
                continue
            lats, lons = partner_lines(rows)
            name = label("register_status", status, lang)
            fig.add_trace(
                go.Scattergeo(
                    lat=lats,
                    lon=lons,
                    mode="lines",
                    line={"width": 1.4, "color": style["colour"], "dash": style["dash"]},
                    name=name,
                    legendgroup=status,
                    hoverinfo="skip",
                    showlegend=False,
                ),
                row=1,
                col=col,
            )
            fig.add_trace(
                go.Scattergeo(
                    lat=rows["latitude"],
                    lon=rows["longitude"],
                    mode="markers",
                    marker={
                        "size": 10,
                        "symbol": style["symbol"],
                        "color": style["colour"],
                        "line": {"width": 1.5, "color": style["colour"]},
                    },
                    text=names.loc[rows.index] + " — " + community.loc[rows.index],
                    name=name,
                    legendgroup=status,
                    showlegend=False,
                    hovertemplate="%{text}<extra>" + name + "</extra>",
                ),
                row=1,
                col=col,
            )
        if col == 1:  # one legend entry per kind showing both its line style and its marker
            for status, style in STATUS_STYLE.items():
                if (located["register_status"] == status).any():
                    fig.add_trace(
                        go.Scattergeo(
                            lat=[None],
                            lon=[None],
                            mode="lines+markers",
                            name=label("register_status", status, lang),
                            line={"width": 1.4, "color": style["colour"], "dash": style["dash"]},
                            legendgroup=status,
                            marker={"size": 10, "symbol": style["symbol"], "color": style["colour"]},
                        ),
                        row=1,
                        col=1,
                    )
        fig.add_trace(
            go.Scattergeo(
                lat=homes["community_latitude"],
                lon=homes["community_longitude"],
                mode="markers",
                marker={"size": 14, "symbol": "star", "color": "#FFD500", "line": {"width": 1.2, "color": "#000"}},
                text=literal_in(homes, "community", lang),
                hovertemplate="%{text}<extra></extra>",
                name=text("legend_home", lang),
                legendgroup="home",
                showlegend=col == 1,
            ),
            row=1,
            col=col,
        )
    fig.update_geos(
        showcountries=True, countrycolor="#bbb", showland=True, landcolor="#f3f3f3", showframe=True, framecolor="#ccc"
    )
    fig.update_layout(geo={"projection_type": "natural earth", **WORLD}, geo2={"projection_type": "mercator", **EUROPE})
    source = text("source_programmes_and_map", lang).format(map=map_source(register, lang))
    aspect = 1 / (sum(widths) * 1.01)  # the figure's height per unit of width, with the gap between the maps
    _layout(fig, text("chart_register_map", lang), _wrap(source), lang, height=round(1200 * aspect) + 160)
    fig.update_layout(meta={"map_aspect": round(aspect, 4)})
    unplaced = register[register["latitude"].isna()]
    if not unplaced.empty:
        listed = ", ".join(f"«{n}»" for n in plotly_literal(unplaced["partner_name_uk"]))
        fig.update_layout(
            title_subtitle_text=f"{fig.layout.title.subtitle.text}<br><span style='color:#8a4b00'>⚠ {text('not_drawn', lang).format(names=listed)}</span>",
            margin_t=fig.layout.margin.t + 18,
        )
    return fig


def _chosen_text(chosen: pd.Series, names: dict[str, str]) -> list[str]:
    return ["  ← " + ", ".join(plotly_literal(names.get(c, c)) for c in ids) if ids else "" for ids in chosen]


def _ranked_bars(
    labels: pd.Series, values: pd.Series, chosen: pd.Series, names: dict[str, str], lang: str, hover: pd.Series
) -> go.Figure:
    fig = go.Figure()
    marked = chosen.map(bool)
    for is_chosen, colour, pattern, key in (
        (True, CHOSEN_COLOUR, "/", "legend_chosen"),
        (False, OTHER_COLOUR, "", "legend_not_chosen"),
    ):
        idx = marked[marked == is_chosen].index
        if len(idx) == 0:
            continue
        fig.add_trace(
            go.Bar(
                y=labels.loc[idx],
                x=values.loc[idx],
                orientation="h",
                name=text(key, lang),
                marker={"color": colour, "pattern": {"shape": pattern, "fgcolor": "#FFFFFF", "solidity": 0.25}},
                text=[f"{v}{c}" for v, c in zip(values.loc[idx], _chosen_text(chosen.loc[idx], names), strict=True)],
                textposition="outside",
                cliponaxis=False,
                constraintext="none",
                hovertext=hover.loc[idx],
                hovertemplate="%{y}: %{x}<br>%{hovertext}<extra></extra>",
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=list(labels)[::-1])
    fig.update_xaxes(range=[0, float(values.max()) * 1.6])
    return fig


def national_places_bars(
    places: pd.DataFrame, community_names: dict[str, str], lang: str = "uk", ties_left_out: int = 0
) -> go.Figure:
    """The foreign places with the most partner communities in Ukraine; the chosen communities' partners marked."""
    # a country's name, not its code
    labels = shown_name(places, lang) + " (" + places["country_code"].map(lambda c: country_name(c, lang)) + ")"
    fig = _ranked_bars(
        labels, places["communities"], places["chosen"], community_names, lang, plotly_literal(places["spellings"])
    )
    fig.update_xaxes(title=text("axis_partner_communities", lang))
    source = _wrap(map_source(places, lang))
    if ties_left_out:
        source += "<br>" + _wrap(
            text("ties_left_out", lang).format(count=ties_left_out, communities=int(places["communities"].iloc[-1]))
        )
    return _layout(fig, text("chart_national_places", lang), source, lang, height=160 + 30 * len(places))


def national_countries_bars(countries: pd.DataFrame, community_names: dict[str, str], lang: str = "uk") -> go.Figure:
    """Countries by the number of Ukrainian communities with a partner there; the chosen communities marked."""
    labels = countries["country_code"].map(lambda c: country_name(c, lang))
    hover = countries["partners"].map(lambda n: f"{n} {text('col_partners_count', lang)}")
    fig = _ranked_bars(labels, countries["communities"], countries["chosen"], community_names, lang, hover)
    fig.update_xaxes(title=text("axis_communities_with_partner", lang))
    return _layout(
        fig,
        text("chart_national_countries", lang),
        _wrap(map_source(countries, lang)),
        lang,
        height=160 + 30 * len(countries),
    )
