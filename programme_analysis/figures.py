"""Figure builders: pure functions ``(DataFrame, options) -> go.Figure``.

Every figure names what it shows and its unit in the title, carries the source in a
caption line, uses each community's own colour, and shows a missing amount as a
labelled gap, never as a zero bar.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .formatting import PLOTLY_SEPARATORS
from .money_views import MoneyView
from .texts import in_language, label, text

# Where the browser finds the world map: static/topojson/ served by Streamlit (see .streamlit/config.toml).
TOPOJSON_URL = "/app/static/topojson/"

RELATIONSHIP_COLOURS = {
    "sister_city": "#0072B2",
    "partner_city": "#009E73",
    "cooperation_roadmap": "#E69F00",
    "memorandum_prepared": "#CC79A7",
}


def chart_config(file_stem: str, **extra) -> dict:
    """Plotly toolbar settings: the camera button saves a PNG at projector size, titled and sourced like the chart."""
    return {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": file_stem, "width": 1920, "height": 1080, "scale": 1},
            "topojsonURL": TOPOJSON_URL, **extra}  # fmt: skip


def _base_layout(fig: go.Figure, title: str, source: str, lang: str, height: int = 460, method: str = "") -> go.Figure:
    """Title with the unit, and a subtitle naming the source and, for derived figures, how they were computed."""
    subtitle = source + (f"<br>{method[:1].upper()}{method[1:]}" if method else "")
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "subtitle": {"text": subtitle, "font": {"size": 12, "color": "#555"}}},
        separators=PLOTLY_SEPARATORS[lang],
        height=height,
        margin={"l": 60, "r": 20, "t": 100 + 16 * subtitle.count("<br>"), "b": 60},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        font={"size": 14},
        template="plotly_white",
    )
    return fig


def warn_on_chart(fig: go.Figure, message: str) -> None:
    """A visible note under the title, e.g. that some amounts are not stated (part of the subtitle, so it never overlaps)."""
    subtitle = fig.layout.title.subtitle.text or ""
    fig.update_layout(title_subtitle_text=f"{subtitle}<br><span style='color:#8a4b00'>⚠ {message}</span>", margin_t=fig.layout.margin.t + 18)


def note_gaps(fig: go.Figure, converted: pd.DataFrame, names: pd.Series, lang: str, with_year: bool = True) -> None:
    """Write on the chart which rows have no value and why, so that nobody reads a gap as zero."""
    notes = []
    for reason, rows in converted[converted["value_gap"].notna()].groupby("value_gap", sort=False):
        if reason == "not_stated" and with_year:
            listed = "; ".join(dict.fromkeys(f"{names[i]} {int(y)}" for i, y in rows["year"].items()))
        else:
            listed = ", ".join(dict.fromkeys(names[rows.index]))
        key = {"not_stated": "gap_note", "no_population": "gap_no_population", "no_price_index": "gap_no_price_index"}[reason]
        notes.append(f"{text(key, lang)}: {listed}")
    for note in notes:
        warn_on_chart(fig, note)


def totals_by_year(years: pd.DataFrame, lang: str = "uk", kind: str = "bar", money: MoneyView | None = None) -> go.Figure:
    """Planned totals per community and year. Years with no programme are left out (a gap);
    programme years with no amount are named in a note on the chart instead of a bar."""
    money = money or MoneyView()
    converted = money.apply(years, amount="planned_total_thousand_uah")
    names = in_language(converted, "name", lang)
    fig = go.Figure()
    for _, rows in converted.groupby("community_id", sort=False):
        first = rows.iloc[0]
        name = names[rows.index[0]]
        shown = rows[rows["value"].notna()]
        if shown.empty:
            continue  # nothing to draw: the gap note names it instead
        labels = [money.format(v, lang) for v in shown["value"]]
        hover = [f"{name}, {int(y)}<br>{v} {money.unit(lang)}<br>{label('year_status', s, lang)}"
                 for y, v, s in zip(shown["year"], labels, shown["status"], strict=True)]  # fmt: skip
        if kind == "line":
            # connectgaps=False keeps a break where a year has no value
            fig.add_trace(go.Scatter(x=rows["year"], y=rows["value"], mode="lines+markers", name=name, line_color=first["colour"],
                                     connectgaps=False, hovertemplate="%{y:" + money.hover_format() + "}"))  # fmt: skip
        else:
            fig.add_trace(go.Bar(x=shown["year"].astype(str), y=shown["value"], name=name, marker_color=first["colour"], hovertext=hover,
                                 hoverinfo="text", customdata=shown[["community_id", "year"]].values, text=labels, textposition="outside"))  # fmt: skip
    fig.update_xaxes(title=text("axis_year", lang), dtick=1, type="category" if kind == "bar" else "linear", categoryorder="category ascending")
    fig.update_yaxes(title=money.unit(lang), rangemode="tozero")
    fig.update_layout(barmode="group", clickmode="event+select", showlegend=True)  # a legend even for one community, so it is named
    _base_layout(fig, f"{text('chart_totals_by_year', lang)}, {money.unit(lang)}", text("source_programmes", lang), lang, method=money.method_note(lang))
    note_gaps(fig, converted, names, lang)
    return fig


def _breakdown(spending: pd.DataFrame, lang: str, money: MoneyView, by: str = "category") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Converted rows of measures with a stated amount, plus the converted frame of all rows (for gap notes)."""
    converted = money.apply(spending)
    converted["community"] = in_language(converted, "community", lang)
    converted["group"] = in_language(converted, "category", lang) if by == "category" else converted["section"]
    converted["group_id"] = converted["category_id"] if by == "category" else converted["section"]
    return converted[converted["amount_status"] == "stated"], converted


def _note_breakdown_gaps(fig: go.Figure, converted: pd.DataFrame, lang: str) -> None:
    """Communities whose document has no amounts per measure, and values that could not be computed."""
    gaps = converted[converted["value_gap"].notna() & (converted["amount_status"] != "none")]
    unstated = gaps[gaps["value_gap"] == "not_stated"]
    notes = []
    if not unstated.empty:
        notes.append(f"{text('no_breakdown_note', lang)}: {', '.join(dict.fromkeys(unstated['community']))}")
    for reason, rows in gaps[gaps["value_gap"] != "not_stated"].groupby("value_gap"):
        notes.append(f"{text('gap_' + str(reason), lang)}: {', '.join(dict.fromkeys(rows['community']))}")
    for note in notes:
        warn_on_chart(fig, note)


def category_bars(spending: pd.DataFrame, lang: str = "uk", by: str = "category", money: MoneyView | None = None) -> go.Figure:
    """Stacked bars: for each community, its planned money by category or by the document's own section."""
    money = money or MoneyView()
    stated, converted = _breakdown(spending, lang, money, by)
    table = stated.groupby(["community_id", "community", "group_id", "group"], sort=False)["value"].sum(min_count=1).reset_index()
    table = table[table["value"].notna()]
    fig = go.Figure()
    for name, rows in table.groupby("group", sort=False):
        hover = [f"{c}<br>{str(name)[:60]}<br>{money.format(v, lang)} {money.unit(lang)}" for c, v in zip(rows["community"], rows["value"], strict=True)]
        fig.add_trace(go.Bar(x=rows["community"], y=rows["value"], name=str(name)[:60], hovertext=hover, hoverinfo="text",
                             customdata=rows[["community_id", "group_id"]].values))  # fmt: skip
    fig.update_layout(barmode="stack", clickmode="event+select")
    fig.update_yaxes(title=money.unit(lang))
    title = text("chart_by_category" if by == "category" else "chart_by_section", lang)
    _base_layout(fig, f"{title}, {money.unit(lang)}", text("source_programmes", lang), lang, height=560, method=money.method_note(lang))
    _note_breakdown_gaps(fig, converted, lang)
    return fig


def category_treemap(spending: pd.DataFrame, lang: str = "uk", money: MoneyView | None = None) -> go.Figure:
    """Drill-down community → category → measure, sized by planned money over the selected years."""
    money = money or MoneyView()
    stated, converted = _breakdown(spending, lang, money)
    stated = stated[stated["value"].notna()]
    measures = stated.groupby(["community_id", "community", "category_id", "group", "measure_code", "measure_title", "colour"], sort=False)["value"]
    measures = measures.sum().reset_index()
    # Node ids are "community_id/category_id/measure_code": Streamlit reports a clicked tile by its id.
    nodes = []  # (id, label, parent, value, colour)
    for (community_id, name), rows in measures.groupby(["community_id", "community"], sort=False):
        colour = rows["colour"].iloc[0]
        nodes.append((community_id, name, "", rows["value"].sum(), colour))
        for (category_id, category), cat_rows in rows.groupby(["category_id", "group"], sort=False):
            parent = f"{community_id}/{category_id}"
            nodes.append((parent, category, community_id, cat_rows["value"].sum(), colour))
            for row in cat_rows.itertuples():
                nodes.append((f"{parent}/{row.measure_code}", f"{row.measure_code} {row.measure_title[:50]}", parent, row.value, colour))
    ids, labels, parents, values, colours = (list(column) for column in zip(*nodes, strict=True)) if nodes else ([],) * 5
    fig = go.Figure(go.Treemap(ids=ids, labels=labels, parents=parents, values=values, branchvalues="total", marker={"colors": colours},
                               hovertemplate="%{label}<br>%{value:" + money.hover_format() + "} " + money.unit(lang) + "<extra></extra>"))  # fmt: skip
    title = f"{text('chart_treemap', lang)}, {money.unit(lang)}"
    _base_layout(fig, title, text("source_programmes", lang), lang, height=560, method=money.method_note(lang))
    fig.update_layout(margin={"l": 10, "r": 10, "t": 140, "b": 40}, clickmode="event+select")
    _note_breakdown_gaps(fig, converted, lang)
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


def destination_bars(spending: pd.DataFrame, lang: str = "uk", money: MoneyView | None = None, programme_totals: pd.Series | None = None) -> go.Figure:
    """Money a document ties to a named destination, coloured by whether it is a partner.
    A share is of the programme's planned total (``programme_totals`` by community), not of the named money alone."""
    money = money or MoneyView()
    stated = money.apply(spending[spending["amount_status"] == "stated"], share_of=programme_totals)
    names = in_language(stated, "destination_name", lang)
    kind = stated["relationship"].map(lambda r: label("relationship", r, lang) if isinstance(r, str) else text("not_a_partner", lang))
    fig = go.Figure()
    for group, idx in stated.groupby(kind, sort=False).groups.items():
        rows = stated.loc[idx]
        fig.add_trace(go.Bar(x=names.loc[idx], y=rows["value"], name=group,
                             marker_color=RELATIONSHIP_COLOURS.get(rows["relationship"].iloc[0], "#999"),
                             text=[money.format(v, lang) for v in rows["value"]], textposition="outside",
                             hovertext=rows["purpose"], hovertemplate="%{x}: %{text}<br>%{hovertext}<extra></extra>"))  # fmt: skip
    fig.update_yaxes(title=money.unit(lang), rangemode="tozero")
    title = f"{text('chart_destinations', lang)}, {money.unit(lang)}"
    _base_layout(fig, title, text("source_oleksandriia_tables", lang), lang, height=460, method=money.method_note(lang))
    community_names = in_language(stated, "community", lang) if "community_uk" in stated else stated["community_id"]
    note_gaps(fig, stated, community_names, lang, with_year=False)
    return fig


STATUS_COLOURS = {"stated": "#0072B2", "none": "#BBBBBB", "not_stated": "#D55E00", "with_other_visit": "#56B4E9"}


def amount_completeness(spending: pd.DataFrame, lang: str = "uk") -> go.Figure:
    """For each community, how many measure-year cells state an amount, print a dash, or state nothing."""
    frame = spending.assign(community=in_language(spending, "community", lang))
    counts = frame.groupby(["community", "amount_status"], sort=False).size().reset_index(name="cells")
    fig = go.Figure()
    for status, rows in counts.groupby("amount_status", sort=False):
        name = label("amount_status", status, lang)
        fig.add_trace(go.Bar(y=rows["community"], x=rows["cells"], name=name, orientation="h", marker_color=STATUS_COLOURS.get(status, "#999"),
                             text=rows["cells"], textposition="inside", hovertemplate="%{y}: %{x}<extra>" + name + "</extra>"))  # fmt: skip
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=text("axis_cells", lang))
    fig.update_yaxes(autorange="reversed")
    return _base_layout(fig, text("chart_completeness", lang), text("source_programmes", lang), lang, height=420)


def for_projector(fig: go.Figure, height: int = 640) -> go.Figure:
    """Larger type and a taller plot for a presentation slide."""
    fig.update_layout(height=height, font={"size": 20}, title_font_size=30, legend_font_size=20, title_subtitle_font_size=17,
                      margin_t=fig.layout.margin.t * 1.4)  # fmt: skip
    fig.update_xaxes(tickfont_size=18, title_font_size=20)
    fig.update_yaxes(tickfont_size=18, title_font_size=20)
    return fig
