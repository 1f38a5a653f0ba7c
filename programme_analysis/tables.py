"""The labelled tables the pages show: pure ``(frame, lang) -> DataFrame`` functions.

Each takes the rows a query returned and gives the columns a reader sees, headed and worded in
the language; a page only draws the result. Missing values are words, never ``None``: a dash in
a document is "none planned", a missing amount is "not stated" (the two are never mixed).

>>> amount_cell(None, "none", "en"), amount_cell(None, "not_stated", "en"), amount_cell(40, "stated", "uk")
('none planned (dash in the document)', 'not stated in the document', '40,0')
>>> completeness({"total_without_breakdown"})
'totals_only'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
from babel import Locale

from loaders.read.document_text import OCR_UNSURE
from loaders.read.formats import FORMATS, READ_AS

from .formatting import LOCALES, format_amount, format_count, format_decimal_number, source_reference, year_span
from .issue_messages import issue_message
from .money_views import MoneyView, Residents, population_source
from .texts import in_language, label, text

# What the financial data of a programme amounts to, from the statuses of its years (programme_years.status).
BY_MEASURE = {"reconciled", "mismatch", "measures_without_total"}


def completeness(statuses: Iterable[str]) -> str:
    """``full`` when every year has amounts per measure, ``totals_only`` when some year has only a
    stated total, ``none`` when the document states no amount at all."""
    statuses = set(statuses)
    if statuses and statuses <= BY_MEASURE:
        return "full"
    if statuses & (BY_MEASURE | {"total_without_breakdown"}):
        return "totals_only"
    return "none"


def overview_cards(programmes: pd.DataFrame, years: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each programme's planned total over the selected years (``years``: its rows of programme_years),
    labelled "whole programme" when the selection covers every year of it, else with the years it covers."""
    cards = []
    for row in programmes.itertuples():
        own = years[years["programme_id"] == row.programme_id]
        total = own["planned_total_thousand_uah"].astype(float).sum(min_count=1) if not own.empty else None
        shown = sorted(int(y) for y in own["year"])
        whole = shown == list(range(int(row.year_from), int(row.year_to) + 1))
        scope = (
            text("card_whole_programme", lang)
            if whole
            else (", ".join(map(str, shown)) or text("card_no_selected_years", lang))
        )
        has_total = total is not None and not pd.isna(total)
        unit = f", {text('unit_thousand_uah', lang)}" if has_total else ""
        # short: a metric cuts long words
        cards.append(
            {
                "programme_id": row.programme_id,
                "total_label": f"{text('card_total', lang)} ({scope}){unit}",
                "total": format_amount(total, lang) if has_total else text("not_stated", lang),
            }
        )
    return pd.DataFrame(cards, columns=["programme_id", "total_label", "total"])


def amount_cell(value, status: str | None, lang: str) -> str:
    """An amount as printed in the language, or the full phrase for a dash or a missing amount."""
    if status == "stated" or (status is None and value is not None and not pd.isna(value)):
        return format_amount(value, lang)
    if status == "none":
        return text("cell_none_planned", lang)
    if status == "with_other_visit":
        return label("amount_status", status, lang)
    return text("cell_not_stated", lang)


def country_name(code, lang: str) -> str:
    """The country's name in the language (Babel's CLDR names), or the code when Babel does not know it."""
    if not isinstance(code, str) or not code:
        return text("not_stated", lang)
    return Locale.parse(LOCALES[lang]).territories.get(code.upper(), code)


def _text_or(value, lang: str) -> str:
    return value if isinstance(value, str) and value.strip() else text("not_stated", lang)


def measures_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Measures explorer: one row per measure and year."""
    return pd.DataFrame(
        {
            text("col_community", lang): in_language(rows, "community", lang),
            text("col_year", lang): rows["year"].astype(str),
            text("col_code", lang): rows["measure_code"],
            text("col_measure", lang): rows["measure_title"],
            text("col_category", lang): in_language(rows, "category", lang),
            text("col_amount", lang): [
                amount_cell(v, s, lang) for v, s in zip(rows["amount_thousand_uah"], rows["amount_status"], strict=True)
            ],
            text("col_amount_status", lang): rows["amount_status"].map(lambda s: label("amount_status", s, lang)),
            text("col_source_line", lang): source_reference(rows),
        }
    )


def yearly_table(converted: pd.DataFrame, money: MoneyView, lang: str) -> pd.DataFrame:
    """Planned totals per community and year, with the value as charted when the view converts it."""
    columns = {
        text("col_community", lang): in_language(converted, "name", lang),
        text("col_year", lang): converted["year"].astype(str),
        text("col_planned", lang): converted["planned_total_thousand_uah"].map(lambda v: format_amount(v, lang)),
    }
    if money.view != "nominal":
        columns[f"{text('col_shown', lang)}, {money.unit(lang)}"] = converted["value"].map(
            lambda v: money.format(v, lang)
        )
    if money.is_per_resident:
        columns[text("col_residents", lang)] = converted["community_id"].map(lambda c: money.residents_phrase(c, lang))
    columns |= {
        text("col_stated_total", lang): converted["stated_total_thousand_uah"].map(lambda v: format_amount(v, lang)),
        text("col_measures_total", lang): converted["measures_total_thousand_uah"].map(
            lambda v: format_amount(v, lang)
        ),
        text("col_status", lang): converted["status"].map(lambda s: label("year_status", s, lang)),
        text("col_source_line", lang): converted["stated_total_source_line"].astype("string").fillna(""),
    }
    return pd.DataFrame(columns)


def reconciliation_table(checks: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """Every stated total beside the sum of its parts."""

    def scope(r) -> str:
        words = label("scope", r["scope"], lang)
        words += f" {int(r['year'])}" if not pd.isna(r["year"]) else ""
        return words + (f", {r['section_code']}" if isinstance(r["section_code"], str) else "")

    def status(r) -> str:
        by_years = r["status"] == "reconciled" and r["computed_from"] == "sum of yearly totals"
        return label("year_status", "reconciled_with_years" if by_years else r["status"], lang)

    return pd.DataFrame(
        {
            text("col_community", lang): checks["community_id"].map(names),
            text("col_scope", lang): checks.apply(scope, axis=1) if len(checks) else pd.Series(dtype=str),
            text("col_stated_total", lang): checks["stated_total_thousand_uah"].map(lambda v: format_amount(v, lang)),
            text("col_computed", lang): checks["computed_total_thousand_uah"].map(lambda v: format_amount(v, lang)),
            text("col_status", lang): checks.apply(status, axis=1) if len(checks) else pd.Series(dtype=str),
            text("col_source_line", lang): source_reference(checks),
        }
    )


def issue_params(issues: pd.DataFrame) -> pd.Series:
    """The issues' params (None where a database has no such column)."""
    return issues["params"] if "params" in issues else pd.Series(None, index=issues.index, dtype=object)


def issues_table(issues: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """Every data issue, its message in the language (see ``issue_messages``)."""
    params = issue_params(issues)
    return pd.DataFrame(
        {
            text("col_community", lang): issues["community_id"].map(lambda c: names.get(c, text("not_stated", lang))),
            text("col_severity", lang): issues["severity"].map(lambda s: label("severity", s, lang)),
            text("col_issue_kind", lang): issues["kind"].map(lambda k: label("issue_kind", k, lang)),
            text("col_message", lang): [
                issue_message(k, m, lang, p) for k, m, p in zip(issues["kind"], issues["message"], params, strict=True)
            ],
            text("col_source_line", lang): source_reference(issues),
            text("col_printed", lang): issues["source_text"]
            .fillna("")
            .map(lambda s: printed(s, lang))
            .str.slice(0, 160),
        }
    )


def partners_table(partners: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every sister-city and partner relationship, the country named in the language."""
    return pd.DataFrame(
        {
            text("col_community", lang): in_language(partners, "community", lang),
            text("col_partner", lang): in_language(partners, "partner_name", lang),
            text("col_partner_other", lang): in_language(partners, "partner_name", "en" if lang == "uk" else "uk"),
            text("col_country", lang): partners["country_code"].map(lambda c: country_name(c, lang)),
            text("col_relationship", lang): partners["relationship"].map(lambda r: label("relationship", r, lang)),
            text("col_since", lang): partners["agreement_date_text"].map(lambda v: _text_or(v, lang)),
            text("col_areas", lang): partners["cooperation_areas"].map(lambda v: _text_or(v, lang)),
            text("col_source_line", lang): source_reference(partners),
        }
    )


def destinations_table(destinations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Money a document ties to named destination cities."""
    return pd.DataFrame(
        {
            text("col_destination", lang): in_language(destinations, "destination_name", lang),
            text("col_country", lang): destinations["country_code"].map(lambda c: country_name(c, lang)),
            text("col_relationship", lang): destinations["relationship"].map(
                lambda r: label("relationship", r, lang) if isinstance(r, str) else text("not_a_partner", lang)
            ),
            text("col_amount", lang): [
                amount_cell(v, s, lang)
                for v, s in zip(destinations["amount_thousand_uah"], destinations["amount_status"], strict=True)
            ],
            text("col_amount_status", lang): destinations["amount_status"].map(
                lambda s: label("amount_status", s, lang)
            ),
            text("col_purpose", lang): destinations["purpose"].map(lambda v: _text_or(v, lang)),
            text("col_source_line", lang): source_reference(destinations),
        }
    )


def twinning_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Measures that serve twinning in general: a dash is "none planned", a missing amount "not stated"."""
    return pd.DataFrame(
        {
            text("col_code", lang): rows["measure_code"],
            text("col_measure", lang): rows["measure_title"],
            text("col_year", lang): rows["year"].astype(str),
            text("col_amount", lang): [
                amount_cell(v, s, lang) for v, s in zip(rows["amount_thousand_uah"], rows["amount_status"], strict=True)
            ],
            text("col_source_line", lang): source_reference(rows),
        }
    )


def twinning_total(rows: pd.DataFrame, lang: str) -> str:
    """The headline of a community's twinning measures: the stated sum with its unit, or the full phrase for why there is none."""
    stated = rows[rows["amount_status"] == "stated"]
    if not stated.empty:
        return f"{format_amount(stated['amount_thousand_uah'].sum(), lang)} {text('unit_thousand_uah', lang)}"
    if (rows["amount_status"] == "none").all():
        return text("cell_none_planned", lang)
    return text("cell_not_stated", lang)


def selection_summary(rows: pd.DataFrame, year_totals: pd.DataFrame, lang: str) -> str:
    """Which number was clicked and its total: the communities, years and categories behind it, and the sum
    of their stated amounts (or the stated yearly totals where the document has no amounts per measure)."""
    what = ", ".join(dict.fromkeys(in_language(rows, "community", lang))) if not rows.empty else ""
    years = sorted({int(y) for y in rows["year"]}) if not rows.empty else sorted({int(y) for y in year_totals["year"]})
    categories = list(dict.fromkeys(in_language(rows, "category", lang))) if not rows.empty else []
    parts = [p for p in (what, ", ".join(map(str, years)), "; ".join(categories) if len(categories) <= 3 else "") if p]
    stated = rows[rows["amount_status"] == "stated"] if not rows.empty else rows
    if not stated.empty:
        total = text("selection_total_measures", lang).format(
            amount=format_amount(stated["amount_thousand_uah"].astype(float).sum(), lang),
            unit=text("unit_thousand_uah", lang),
            count=format_count(len(stated), lang),
            rows=format_count(len(rows), lang),
        )
    elif not year_totals.empty:
        total = text("selection_total_years", lang).format(
            amount=format_amount(year_totals["stated_total_thousand_uah"].astype(float).sum(), lang),
            unit=text("unit_thousand_uah", lang),
        )
    else:
        total = text("cell_not_stated", lang)
    return f"**{' · '.join(parts)}**: {total}"


def printed(line: str, lang: str, between: str = " | ") -> str:
    """A document's line as shown: its cells apart, and the reader's own mark (an amount OCR read two ways) in the
    language of the page; the document's words stay as printed.

    >>> printed("1." + chr(9) + "135,0 (OCR unsure)", "uk")
    '1. | 135,0 (OCR: не певно)'
    """
    if not isinstance(line, str):
        return line
    return line.replace("\t", between).replace(OCR_UNSURE, f"({text('ocr_unsure_mark', lang)})")


def drill_table(rows: pd.DataFrame, read_as: pd.Series, lang: str) -> pd.DataFrame:
    """The measures behind a clicked number, with the printed line and how its amount was read."""
    params = (
        rows["data_issue_params"] if "data_issue_params" in rows else pd.Series(None, index=rows.index, dtype=object)
    )
    kinds = rows["data_issue_kinds"] if "data_issue_kinds" in rows else pd.Series(None, index=rows.index, dtype=object)

    def issue(kind, message, param) -> str:
        if not isinstance(message, str) or not message:
            return ""
        if isinstance(kind, str) and kind and " | " not in message:
            return issue_message(kind.split(",")[0], message, lang, param)
        return message if lang == "en" else message + " (англійською)"

    return pd.DataFrame(
        {
            text("col_year", lang): rows["year"].astype(str),
            text("col_code", lang): rows["measure_code"],
            text("col_read_as", lang): read_as,
            text("col_source_line", lang): source_reference(rows),
            text("col_printed", lang): rows["source_text"].map(lambda s: printed(s, lang, "  |  ")),
            text("col_data_issue", lang): [
                issue(k, m, p) for k, m, p in zip(kinds, rows["data_issues"], params, strict=True)
            ],
            text("col_category", lang): in_language(rows, "category", lang),
            text("col_community", lang): in_language(rows, "community", lang),
        }
    )


def programmes_table(programmes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The documents: title, council decision as printed, years (no file paths of the code)."""
    return pd.DataFrame(
        {
            text("col_community", lang): in_language(programmes, "name", lang),
            text("col_title", lang): programmes["title_uk"],
            text("council_decision", lang): programmes["council_decision_as_printed"].map(
                lambda v: council_decision(v, lang)
            ),
            text("card_years", lang): [
                year_span(a, b) for a, b in zip(programmes["year_from"], programmes["year_to"], strict=True)
            ],
            text("col_adopted_for", lang): programmes["adopted_for"].map(lambda a: text(f"adopted_for_{a}", lang)),
            text("source_file", lang): programmes["source_file"],
        }
    )


# The loader's English words around the quoted decision (documents.csv), and the same in Ukrainian.
DECISION_PHRASES = {
    "not printed in the document": "у документі не надруковано",
    "signed by the council secretary": "підписав секретар ради",
    "draft: date and number left blank": "проєкт: дату й номер не заповнено",
    "signed": "підписано",  # after the longer phrases that begin with it
}


def council_decision(printed, lang: str) -> str:
    """The council decision as printed (a Ukrainian quote in «»), the words around it in the language.

    >>> council_decision("not printed in the document (signed by the council secretary «М. КРИВАК»)", "uk")
    'у документі не надруковано (підписав секретар ради «М. КРИВАК»)'
    >>> council_decision("not printed in the document (signed «Секретар ради М. КРИВАК»)", "uk")
    'у документі не надруковано (підписано «Секретар ради М. КРИВАК»)'
    """
    if not isinstance(printed, str) or not printed.strip():
        return text("decision_not_printed", lang)
    if lang == "en":
        return printed
    parts = re.split(r"(«[^»]*»)", printed)
    for i in range(0, len(parts), 2):  # outside the quotes
        for english, ukrainian in DECISION_PHRASES.items():
            parts[i] = re.sub(rf"\b{re.escape(english)}\b", ukrainian, parts[i])
    words = "".join(parts)
    unquoted = "".join(parts[0::2])
    return words + (" (англійською)" if re.search(r"[A-Za-z]{3,}", unquoted) else "")


FORMAT_PHRASES = {
    "Word document; plain-text extraction (tables as tab-separated rows)": "документ Word; текст, видобутий з нього (таблиці — рядки з клітинками через табуляцію)",
    **{names["en"]: names["uk"] for names in [*FORMATS.values(), *READ_AS.values()]},
}


# How ``loaders add`` says it recognised a community (its fixed phrases), as the upload page says it in each language
MATCH_PHRASES: tuple[tuple[str, dict[str, str]], ...] = (
    ("matched in the register: ", {"uk": "знайдено в реєстрі: ", "en": "matched in the register: "}),
    ("given with --katottg", {"uk": "вибрано у списку", "en": "chosen in the list"}),
    ("the text names it: ", {"uk": "текст її називає: ", "en": "the text names it: "}),
    (" named ×", {"uk": " згадано ×", "en": " named ×"}),
    ("(score ", {"uk": "(бали: ", "en": "(score "}),
    (", next: ", {"uk": ", далі: ", "en": ", next: "}),
    (", score ", {"uk": ", бали: ", "en": ", score "}),
    ("; already in communities.csv as ", {"uk": "; уже є серед громад як ", "en": "; already loaded as "}),
)


def how_matched(how: str, lang: str) -> str:
    """``loaders add``'s account of how it recognised the community, in the page's language.

    >>> how_matched("matched in the register: «Ніжинської міської ради» ×24; Чернігівська область named ×3 (score 65)", "uk")
    'знайдено в реєстрі: «Ніжинської міської ради» ×24; Чернігівська область згадано ×3 (бали: 65)'
    >>> how_matched("given with --katottg (the text names it: «Ніжинської міської ради» ×2)", "en")
    'chosen in the list (the text names it: «Ніжинської міської ради» ×2)'
    """
    for phrase, words in MATCH_PHRASES:
        how = how.replace(phrase, words[lang])
    return how


def original_format(value, lang: str) -> str:
    """The original format of a document (documents.csv, in English) in the language."""
    if not isinstance(value, str) or not value:
        return text("not_stated", lang)
    if lang == "en":
        return value
    return FORMAT_PHRASES.get(value, value + " (англійською)")


def prices_table(prices: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The consumer price index with each year's factor, decimals as the language writes them."""
    return pd.DataFrame(
        {
            text("col_year", lang): prices["year"].astype(str),
            text("col_cpi", lang): prices["cpi_dec_over_dec_pct"].map(
                lambda v: text("not_stated", lang) if pd.isna(v) else format_decimal_number(v, lang, 1)
            ),
            text("col_factor", lang): prices["factor_to_base_year"].map(lambda v: format_decimal_number(v, lang, 4)),
            text("col_source_url", lang): prices["source_url"].fillna(""),
        }
    )


def population_table(people: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every population figure (cited in population.csv, or from the register), and which per-resident choice uses it."""

    def used_by(row) -> str:
        basis = (
            "city"
            if row["entity"] == "city"
            else ("community" if row["figure_source"] == "register" else "community_cited")
        )
        choices = [label("denominator", basis, lang)]
        if row["entity"] == row["adopted_for"] and basis != "community_cited":
            choices.insert(0, label("denominator", "adopted", lang))
        return "; ".join(choices)

    def source(row) -> str:
        figure_date = row["reference_date"] if isinstance(row["reference_date"], str) else None
        return population_source_of(row["figure_source"], figure_date, row["source_url"], lang)

    return pd.DataFrame(
        {
            text("col_community", lang): in_language(people, "community", lang),
            text("col_entity", lang): people["entity"].map(lambda e: label("entity", e, lang)),
            text("col_population", lang): people["population"].map(
                lambda p: text("population_unknown", lang) if pd.isna(p) else format_count(int(p), lang)
            ),
            text("col_figure_source", lang): people.apply(source, axis=1) if len(people) else pd.Series(dtype=str),
            text("col_used_by", lang): people.apply(used_by, axis=1) if len(people) else pd.Series(dtype=str),
            text("col_source_url", lang): people["source_url"].fillna(""),
            text("col_credit", lang): people.apply(
                lambda r: r["credit"] if r["figure_source"] == "register" else "", axis=1
            )
            if len(people)
            else pd.Series(dtype=str),
        }
    )


def population_source_of(figure_source: str, figure_date: str | None, source_url, lang: str) -> str:
    return population_source(
        Residents(None, "", figure_date, figure_source, source_url if isinstance(source_url, str) else None), lang
    )
