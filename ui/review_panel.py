"""The review step on /add: where the reader is unsure, the person who added the file settles it.

The questions come from :mod:`loaders.review_questions` (carried by the prepared upload); the answers are decisions of
:mod:`loaders.review`, written to ``<file>.review.csv`` beside the uploaded file, and the file is read again with them,
exactly as ``loaders build`` replays them from ``data/sources/``.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from loaders.errors import SourceError, locator_in
from loaders.intake.upload import PreparedUpload
from loaders.read.document_text import OCR_UNSURE
from loaders.review import (
    UNITS,
    Decision,
    Review,
    read_review,
    review_csv,
    review_path,
    table_decisions,
    thousand_uah,
    today,
)
from programme_analysis.formatting import escape_markdown as md
from programme_analysis.texts import label
from ui.state import t

GRID_ROW_PX = 35
GRID_MAX_PX = 420
PARTNER_CHOICES = ("keep", "accept", "reject")


def offered(prepared: PreparedUpload) -> bool:
    """Whether the page shows the review: the reader is unsure of something, or decisions were taken."""
    return bool(prepared.questions) or prepared.reviewed


def draw(upload, prepared: PreparedUpload, lang: str, read_again: Callable[[], None]) -> None:
    """The review's questions, and the button that writes the decisions beside the file and reads it again."""
    target = review_path(upload.path)
    try:
        earlier = read_review(upload.path)
    except SourceError:
        earlier = Review()
    st.header(t("review_heading"))
    st.caption(t("review_intro").format(file=md(target.name)))
    if prepared.reviewed and earlier:
        st.success(t("review_applied").format(count=len(earlier.decisions)), icon=":material/fact_check:")
    decisions: list[Decision] = []
    complete = True
    if prepared.questions.table or earlier.table:
        with st.expander(t("review_table_heading"), expanded=True, icon=":material/table:"):
            if prepared.questions.table:
                doubts = ", ".join(label("issue_kind", kind, lang) for kind in prepared.questions.table)
                st.warning(f"{t('review_table_doubt')}: {doubts}.", icon=":material/help:")
            picked = _table(prepared, earlier, lang)
            complete = picked is not None
            decisions += picked or []
    if prepared.questions.partners:
        with st.expander(
            f"{t('review_partners_heading')} ({len(prepared.questions.partners)})",
            expanded=True,
            icon=":material/handshake:",
        ):
            decisions += _partners(prepared, earlier, lang)
    if prepared.questions.amounts:
        with st.expander(
            f"{t('review_amounts_heading')} ({len(prepared.questions.amounts)})",
            expanded=not prepared.questions.table,
            icon=":material/pin:",
        ):
            decisions += _amounts(prepared, earlier, lang)
    left, right = st.columns(2)
    if left.button(
        t("review_apply"),
        type="primary",
        icon=":material/check:",
        disabled=not complete or not (decisions or target.is_file()),
        key="review_apply",
    ):
        if decisions:
            target.write_text(review_csv(decisions), encoding="utf-8")
        else:
            target.unlink(missing_ok=True)
        read_again()
        st.rerun()
    if target.is_file():
        right.download_button(
            t("review_download"),
            target.read_bytes(),
            file_name=f"{prepared.file_name}.review.csv",
            mime="text/csv",
            icon=":material/download:",
            on_click="ignore",
            key="review_download",
        )
        if right.button(t("review_clear"), icon=":material/undo:", key="review_clear"):
            target.unlink(missing_ok=True)
            read_again()
            st.rerun()
    st.caption(t("review_command").format(file=md(target.name)))


def _table(prepared: PreparedUpload, earlier: Review, lang: str) -> list[Decision] | None:
    """The decisions that pick the measures table; [] when none is picked, None while one is picked but not complete."""
    tables = prepared.tables
    if not tables:
        st.info(t("review_no_tables"))
        return []
    before = earlier.table.where if earlier.table else None
    default = next((i for i, table in enumerate(tables) if any(loc == before for loc, _ in table.rows)), None)

    def table_option(index: int) -> str:
        table = tables[index]
        first = " | ".join(c for c in table.rows[0][1] if c.strip())[:70]
        return t("review_table_option").format(
            where=locator_in(table.where, lang), rows=len(table.rows), columns=table.width, first=first
        )

    chosen = st.selectbox(
        t("review_table"),
        range(len(tables)),
        index=default,
        format_func=table_option,
        key="review_table",
        placeholder="—",
    )
    if chosen is None:
        return []
    table = tables[chosen]
    width = table.width
    grid = pd.DataFrame(
        [list(cells) + [""] * (width - len(cells)) for _, cells in table.rows],
        columns=[str(n) for n in range(1, width + 1)],
        index=[locator_in(loc, lang) for loc, _ in table.rows],
    )
    st.caption(t("review_grid_caption"))
    st.dataframe(grid, height=min(GRID_ROW_PX * (len(grid) + 1) + 3, GRID_MAX_PX), key=f"review_grid_{chosen}")
    locators = [loc for loc, _ in table.rows]
    header = st.selectbox(
        t("review_header_row"),
        locators,
        index=locators.index(before) if before in locators else None,
        format_func=lambda place: locator_in(place, lang),
        key=f"review_header_{chosen}",
        placeholder="—",
    )
    header_cells = dict(table.rows)[header] if header else ()
    columns = list(range(1, width + 1))

    def column_option(column: int | None) -> str:
        if column is None:
            return t("review_no_column")
        cell = " ".join(header_cells[column - 1].split()) if column - 1 < len(header_cells) else ""
        return f"{column} · {cell[:48]}" if cell else str(column)

    named = (
        {d.decision: int(d.where) for d in earlier.decisions if d.decision in ("name", "number")}
        if before in locators
        else {}
    )
    left, right = st.columns(2)
    name = left.selectbox(
        t("review_name_column"),
        columns,
        index=columns.index(named["name"]) if named.get("name") in columns else None,
        format_func=column_option,
        key=f"review_name_{chosen}",
        placeholder="—",
    )
    number = right.selectbox(
        t("review_number_column"),
        [None, *columns],
        index=[None, *columns].index(named.get("number")) if named.get("number") in columns else 0,
        format_func=column_option,
        key=f"review_number_{chosen}",
    )
    years_before = {year: column + 1 for year, column in earlier.year_columns().items()} if before in locators else {}
    years: dict[int, int] = {}
    for index, year in enumerate(prepared.years):  # keyed by the header row too: a new header row guesses again
        guess = years_before.get(year) or next(
            (c for c in columns if c - 1 < len(header_cells) and str(year) in header_cells[c - 1]), None
        )
        place = (left, right)[index % 2]
        column = place.selectbox(
            t("review_year_column").format(year=year),
            [None, *columns],
            index=[None, *columns].index(guess) if guess in columns else 0,
            format_func=column_option,
            key=f"review_year_{chosen}_{header}_{year}",
        )
        if column:
            years[year] = column
    unit_before = earlier.first("unit").value if earlier.first("unit") else None
    unit = st.selectbox(
        t("review_unit"),
        [None, *UNITS],
        index=[None, *UNITS].index(unit_before) if unit_before in UNITS else 0,
        format_func=lambda u: t("review_unit_header") if u is None else u,
        key=f"review_unit_{chosen}",
    )
    if header is None or name is None:
        st.info(t("review_need_name"), icon=":material/info:")
        return None
    return table_decisions(header, name, number, years, unit)


def _partners(prepared: PreparedUpload, earlier: Review, lang: str) -> list[Decision]:
    before = {d.where: d.value for d in earlier.of("partner")}
    out = []
    for index, (name, where, why) in enumerate(prepared.questions.partners):
        default = PARTNER_CHOICES.index(before[name]) if before.get(name) in PARTNER_CHOICES else 0
        choice = st.radio(
            t("review_partner").format(
                name=md(name), where=locator_in(where, lang), why=label("issue_kind", why, lang)
            ),
            PARTNER_CHOICES,
            index=default,
            horizontal=True,
            format_func=lambda c: t(f"review_{c}"),
            key=f"review_partner_{index}",
        )
        if choice != "keep":
            out.append(Decision("partner", name, choice, f"on review of {where}", today()))
    return out


def _amounts(prepared: PreparedUpload, earlier: Review, lang: str) -> list[Decision]:
    st.caption(t("review_amounts_intro"))
    before = {d.where: d.value for d in earlier.of("amount")}
    crops = dict(prepared.crops)
    out = []
    for index, (where, year, code, text, value) in enumerate(prepared.questions.amounts):
        place = f"{where}; {year}"
        picture, field = st.columns([3, 1], vertical_alignment="center")
        if where in crops:
            picture.image(crops[where], width="stretch")
        else:
            picture.caption(locator_in(where, lang))
        shown = before.get(place, text.removesuffix(f" {OCR_UNSURE}") if value else "")
        typed = field.text_input(
            t("review_amount").format(code=code, year=year, where=locator_in(where, lang)),
            shown,
            key=f"review_amount_{index}",
            max_chars=20,
            placeholder=text or None,
        ).strip()
        if typed and thousand_uah(typed) is None:
            field.warning(t("review_not_a_number").format(value=md(typed)), icon=":material/warning:")
            continue
        read = thousand_uah(value) if value else None
        if place in before or (thousand_uah(typed) if typed else None) != read:
            out.append(Decision("amount", place, typed, "checked against the page crop", today()))
    return out
