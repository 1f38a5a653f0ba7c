"""Figure builders: pure functions ``(DataFrame, options) -> go.Figure``.

Every figure names what it shows and its unit in the title, carries the source in a
caption line, uses each community's own colour, and shows a missing amount as a
labelled gap, never as a zero bar.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .formatting import PLOTLY_SEPARATORS, format_amount
from .texts import in_language, label, text

# Where the browser finds the world map: static/topojson/ served by Streamlit (see .streamlit/config.toml).
TOPOJSON_URL = "/app/static/topojson/"

RELATIONSHIP_COLOURS = {
    "sister_city": "#0072B2",
    "partner_city": "#009E73",
    "cooperation_roadmap": "#E69F00",
    "memorandum_prepared": "#CC79A7",
}


def _base_layout(fig: go.Figure, title: str, source: str, lang: str, height: int = 460) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "subtitle": {"text": source, "font": {"size": 12, "color": "#555"}}},
        separators=PLOTLY_SEPARATORS[lang],
        height=height,
        margin={"l": 60, "r": 20, "t": 120, "b": 60},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        font={"size": 14},
        template="plotly_white",
    )
    return fig


def warn_on_chart(fig: go.Figure, message: str) -> None:
    """A visible note above the plot area, e.g. that some amounts are not stated."""
    fig.add_annotation(
        text=f"⚠ {message}", xref="paper", yref="paper", x=0, y=1.02, yanchor="bottom", showarrow=False, xanchor="left",
        font={"size": 12, "color": "#8a4b00"}, bgcolor="#fff4e0",
    )  # fmt: skip


def totals_by_year(years: pd.DataFrame, lang: str = "uk", kind: str = "bar") -> go.Figure:
    """Planned totals per community and year. Years with no programme are left out (a gap);
    programme years with no amount are marked "not stated" on the axis instead of a bar."""
    fig = go.Figure()
    gaps = []
    for _, rows in years.groupby("community_id", sort=False):
        first = rows.iloc[0]
        name = in_language(rows, "name", lang).iloc[0]
        stated = rows[rows["planned_total_thousand_uah"].notna()]
        gaps += [(name, int(y)) for y in rows.loc[rows["planned_total_thousand_uah"].isna(), "year"]]
        if stated.empty:
            continue  # nothing to draw: the gap note names it instead
        values = stated["planned_total_thousand_uah"].astype(float)
        hover = [
            f"{name}, {int(y)}<br>{format_amount(v, lang)} {text('unit_thousand_uah', lang)}<br>{label('year_status', s, lang)}"
            for y, v, s in zip(stated["year"], stated["planned_total_thousand_uah"], stated["status"], strict=True)
        ]
        common = {"x": stated["year"], "y": values, "name": name, "marker_color": first["colour"], "hovertext": hover, "hoverinfo": "text",
                  "customdata": stated[["community_id", "year"]].values}  # fmt: skip
        if kind == "line":
            # connectgaps=False keeps a break where a year has no amount
            full = rows.set_index("year")["planned_total_thousand_uah"].astype(float)
            fig.add_trace(go.Scatter(x=full.index, y=full.values, mode="lines+markers", name=name, line_color=first["colour"],
                                     connectgaps=False, hovertemplate="%{y:,.1f}"))  # fmt: skip
        else:
            fig.add_trace(go.Bar(**common, text=[format_amount(v, lang) for v in stated["planned_total_thousand_uah"]], textposition="outside"))
    title = text("chart_totals_by_year", lang)
    fig.update_xaxes(title=text("axis_year", lang), dtick=1, type="category" if kind == "bar" else "linear", categoryorder="category ascending")
    fig.update_yaxes(title=text("unit_thousand_uah", lang), rangemode="tozero")
    fig.update_layout(barmode="group")
    _base_layout(fig, title, text("source_programmes", lang), lang)
    note_gaps(fig, gaps, lang)
    return fig


def note_gaps(fig: go.Figure, gaps: list[tuple[str, int]], lang: str) -> None:
    """Write on the chart which community-years have no amount, so nobody reads them as zero."""
    if gaps:
        listed = "; ".join(f"{name} {year}" for name, year in gaps)
        warn_on_chart(fig, f"{text('gap_note', lang)}: {listed}")


def category_bars(spending: pd.DataFrame, lang: str = "uk", share: bool = False, by: str = "category") -> go.Figure:
    """Stacked bars: for each community, its planned amounts (or shares) by category or by the document's own section."""
    stated = spending[spending["amount_status"] == "stated"].copy()
    stated["amount"] = stated["amount_thousand_uah"].astype(float)
    stated["community"] = in_language(stated, "community", lang)
    stated["group"] = in_language(stated, "category", lang) if by == "category" else stated["section"]
    table = stated.groupby(["community", "group"], sort=False)["amount"].sum().reset_index()
    if share:
        table["amount"] = 100 * table["amount"] / table.groupby("community")["amount"].transform("sum")
    fig = go.Figure()
    for name, rows in table.groupby("group", sort=False):
        fig.add_trace(go.Bar(x=rows["community"], y=rows["amount"], name=str(name),
                             hovertemplate="%{x}<br>" + str(name)[:60] + "<br>%{y:,.1f}" + (" %" if share else "") + "<extra></extra>"))  # fmt: skip
    fig.update_layout(barmode="stack")
    unit = text("unit_percent_of_programme", lang) if share else text("unit_thousand_uah", lang)
    fig.update_yaxes(title=unit)
    title = text("chart_by_category_share" if share else "chart_by_category", lang)
    _base_layout(fig, title, text("source_programmes", lang), lang, height=520)
    _note_missing_breakdown(fig, spending, lang)
    return fig


def _note_missing_breakdown(fig: go.Figure, spending: pd.DataFrame, lang: str) -> None:
    missing = in_language(spending, "community", lang)[spending["amount_status"] == "not_stated"].unique().tolist()
    if missing:
        warn_on_chart(fig, f"{text('no_breakdown_note', lang)}: {', '.join(missing)}")


def category_treemap(spending: pd.DataFrame, lang: str = "uk") -> go.Figure:
    """Drill-down community → category → measure, sized by planned amount over the selected years."""
    stated = spending[spending["amount_status"] == "stated"].copy()
    stated["amount"] = stated["amount_thousand_uah"].astype(float)
    stated["community"] = in_language(stated, "community", lang)
    stated["category"] = in_language(stated, "category", lang)
    measures = stated.groupby(["community", "category", "measure_code", "measure_title"], sort=False)["amount"].sum().reset_index()
    colour_of = dict(zip(stated["community"], stated["colour"], strict=False))
    ids, labels, parents, values, colours = [], [], [], [], []
    for name, rows in measures.groupby("community", sort=False):
        ids.append(name), labels.append(name), parents.append(""), values.append(rows["amount"].sum()), colours.append(colour_of[name])
        for cat, cat_rows in rows.groupby("category", sort=False):
            cat_id = f"{name}/{cat}"
            ids.append(cat_id), labels.append(cat), parents.append(name), values.append(cat_rows["amount"].sum()), colours.append(colour_of[name])
            for row in cat_rows.itertuples():
                ids.append(f"{cat_id}/{row.measure_code}")
                labels.append(f"{row.measure_code} {row.measure_title[:50]}")
                parents.append(cat_id)
                values.append(row.amount)
                colours.append(colour_of[name])
    fig = go.Figure(go.Treemap(ids=ids, labels=labels, parents=parents, values=values, branchvalues="total", marker={"colors": colours},
                               hovertemplate="%{label}<br>%{value:,.1f}<extra></extra>"))  # fmt: skip
    _base_layout(fig, text("chart_treemap", lang), text("source_programmes", lang), lang, height=560)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 120, "b": 40})
    _note_missing_breakdown(fig, spending, lang)
    return fig


def partner_map(partners: pd.DataFrame, lang: str = "uk") -> go.Figure:
    """Lines from each community to its partners, coloured by the type of relationship."""
    fig = go.Figure()
    located = partners[partners["latitude"].notna()]
    for relationship, rows in located.groupby("relationship", sort=False):
        lats, lons = [], []
        for row in rows.itertuples():
            lats += [row.community_latitude, row.latitude, None]
            lons += [row.community_longitude, row.longitude, None]
        colour = RELATIONSHIP_COLOURS.get(relationship, "#555")
        name = label("relationship", relationship, lang)
        fig.add_trace(go.Scattergeo(lat=lats, lon=lons, mode="lines", line={"width": 1.5, "color": colour}, name=name, hoverinfo="skip",
                                    legendgroup=relationship))  # fmt: skip
        partner_names = in_language(rows, "partner_name", lang)
        fig.add_trace(go.Scattergeo(lat=rows["latitude"], lon=rows["longitude"], mode="markers", marker={"size": 8, "color": colour},
                                    text=partner_names, hovertemplate="%{text}<extra>" + name + "</extra>", legendgroup=relationship,
                                    showlegend=False))  # fmt: skip
    homes = partners.drop_duplicates("community_id")
    fig.add_trace(go.Scattergeo(lat=homes["community_latitude"], lon=homes["community_longitude"], mode="markers+text",
                                marker={"size": 11, "color": homes["colour"], "line": {"width": 1, "color": "#000"}},
                                text=in_language(homes, "community", lang), textposition="top center",
                                name=text("ukrainian_community", lang)))  # fmt: skip
    fig.update_geos(projection_type="natural earth", showcountries=True, countrycolor="#bbb", showland=True, landcolor="#f3f3f3")
    _base_layout(fig, text("chart_partner_map", lang), text("source_programmes_geonames", lang), lang, height=560)
    return fig


def agreement_timeline(partners: pd.DataFrame, lang: str = "uk") -> go.Figure:
    """Agreements by date; relationships whose date is not stated are listed in a note, not plotted."""
    dated = partners[partners["agreement_date"].notna()].sort_values("agreement_date")
    fig = go.Figure()
    for relationship, rows in dated.groupby("relationship", sort=False):
        names = in_language(rows, "partner_name", lang)
        community = in_language(rows, "community", lang)
        fig.add_trace(go.Scatter(x=rows["agreement_date"], y=community + " – " + names, mode="markers",
                                 marker={"size": 12, "color": RELATIONSHIP_COLOURS.get(relationship)},
                                 name=label("relationship", relationship, lang),
                                 hovertext=rows["agreement_date_text"], hovertemplate="%{y}<br>%{hovertext}<extra></extra>"))  # fmt: skip
    fig.update_xaxes(title=text("axis_agreement_date", lang))
    _base_layout(fig, text("chart_timeline", lang), text("source_programmes", lang), lang, height=420)
    undated = partners[partners["agreement_date"].isna()]
    if not undated.empty:
        warn_on_chart(fig, f"{text('undated_note', lang)}: {len(undated)}")
    return fig


def destination_bars(spending: pd.DataFrame, lang: str = "uk") -> go.Figure:
    """Money a document ties to a named destination, coloured by whether it is a partner."""
    stated = spending[spending["amount_status"] == "stated"].copy()
    names = in_language(stated, "destination_name", lang)
    kind = stated["relationship"].map(lambda r: label("relationship", r, lang) if isinstance(r, str) else text("not_a_partner", lang))
    fig = go.Figure()
    for group, idx in stated.groupby(kind, sort=False).groups.items():
        rows = stated.loc[idx]
        fig.add_trace(go.Bar(x=names.loc[idx], y=rows["amount_thousand_uah"].astype(float), name=group,
                             marker_color=RELATIONSHIP_COLOURS.get(rows["relationship"].iloc[0], "#999"),
                             text=[format_amount(v, lang) for v in rows["amount_thousand_uah"]], textposition="outside",
                             hovertext=rows["purpose"], hovertemplate="%{x}: %{y:,.1f}<br>%{hovertext}<extra></extra>"))  # fmt: skip
    fig.update_yaxes(title=text("unit_thousand_uah", lang), rangemode="tozero")
    _base_layout(fig, text("chart_destinations", lang), text("source_oleksandriia_tables", lang), lang, height=440)
    return fig
