"""Overview: one card per community and the planned totals per year."""

import streamlit as st

from programme_analysis import figures, queries, tables
from programme_analysis.formatting import escape_markdown, format_count, year_span
from programme_analysis.texts import label
from ui.cache import cached, money_key, query
from ui.source_panel import yearly_chart_with_sources
from ui.state import page_header, t

current = page_header("page_overview", "overview_intro")
lang = current.lang


def _cards():
    """The chosen communities' programmes, their years' rows, and each card's figures beside its programme."""
    programmes = query(queries.programmes)
    programmes = programmes[programmes["community_id"].isin(current.community_ids)]
    all_years = query(queries.programme_years, current.community_ids)
    years = all_years[all_years["year"].isin(current.years)]
    cards = tables.overview_cards(programmes, years, lang)
    return years, list(zip(programmes.itertuples(), cards.itertuples(), strict=True))


# made once per choice (filtering 1,416 communities' rows on every rerun cost 5 ms on the national data)
years, shown = cached("overview_cards", (tuple(current.community_ids), tuple(current.years), lang), _cards)

CARDS_PER_ROW = 4  # more would leave a card too narrow for a community's name at 1366 px
# In a card, words wrap instead of being cut ("не зазна…") or broken inside a word (a long name split before its last letter).
st.html(
    "<style>[class*='st-key-overview_card_'] h2{font-size:1.4rem;word-break:normal;overflow-wrap:normal}"
    "[class*='st-key-overview_card_'] [data-testid=stMetric] [data-testid=stMarkdownContainer]{white-space:normal;overflow:visible}"
    "[class*='st-key-overview_card_'] [data-testid=stMetric] p{white-space:normal;overflow-wrap:anywhere}"
    "[class*='st-key-overview_card_'] [data-testid=stMetricValue]{font-size:1.75rem;line-height:1.2}"
    # a phone stacks the cards one under another: the chart that compares them comes first, the cards after it
    "@media (max-width: 640px){.stMainBlockContainer>[data-testid=stVerticalBlock]>div:has(>.st-key-overview_cards)"
    "{order:1}}</style>"
)
cards_box = st.container(key="overview_cards")
for start in range(0, max(len(shown), 1), CARDS_PER_ROW):
    columns = cards_box.columns(min(len(shown), CARDS_PER_ROW) or 1)  # a last, shorter row keeps the others' widths
    for column, (row, card) in zip(columns, shown[start : start + CARDS_PER_ROW], strict=False):
        with column, st.container(border=True, key=f"overview_card_{row.programme_id}"):
            st.header(getattr(row, f"name_{lang}"))
            st.caption(f"“{escape_markdown(row.title_uk)}” ({t('adopted_for_' + row.adopted_for)})")
            st.metric(t("card_years"), year_span(row.year_from, row.year_to))
            st.metric(card.total_label, card.total)
            st.metric(t("card_measures"), format_count(row.measure_count, lang))
            st.metric(t("card_partners"), format_count(row.partner_count, lang))
            st.markdown(
                f"**{t('card_completeness')}:** {t('completeness_' + tables.completeness(row.year_statuses.split(',')))}"
            )
            if "mismatch" in row.year_statuses.split(","):
                st.warning(label("year_status", "mismatch", lang))

key = (tuple(current.community_ids), tuple(current.years), lang, money_key(current.money))
yearly_chart_with_sources(
    cached("overview_totals", key, lambda: figures.totals_by_year(years, lang, money=current.money)),
    lang,
    key="overview_totals",
)
