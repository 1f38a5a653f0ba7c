"""Hostile text, property-based (Hypothesis): every parser returns a value or raises its one documented
error, for any text (control characters, right-to-left marks, emoji, very long strings), and the
round trips that exist hold: ``parse(format(x)) == x``."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest
from babel.dates import format_date
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from loaders.extract.common import cells
from loaders.read.wrapped_text import morphology
from loaders.ukrainian_text import (
    DASHES,
    ParsedAmount,
    ParsedDate,
    _common_prefix,
    _month_number,
    _month_stems,
    clean_title,
    parse_amount,
    parse_date_uk,
    parse_number,
)
from programme_analysis.formatting import format_amount
from programme_analysis.money_views import VIEWS, MoneyView
from programme_analysis.url_state import MAX_TEXT, clean_text, encode, restore

# Pieces that break naive parsers: controls, bidi marks, zero-width and non-breaking spaces, emoji,
# Ukrainian letters and apostrophes, digits of other scripts, markup.
AWKWARD = [
    "\x00", "\x07", "\t", "\n", "\r", "\x1b[31m", "\u200f", "\u200e", "\u202e", "\u2066", "\u200b", "\ufeff", "\u00a0", "\u202f",
    "😀", "👩‍👩‍👧", "🇺🇦", "ї", "Ґ", "ʼ", "'", "١٢٣", "１２", "²", "½", "-", "–", "—", ",", ".", " ", "0", "7", "2024",
    "тис. грн", "грн", "року", "жовтня", "у", "<script>alert(1)</script>", "**", "`", "NaN", "Infinity", "1e5", "%s", "{0}",
]  # fmt: skip
awkward_text = st.lists(st.sampled_from(AWKWARD), max_size=30).map("".join)
any_text = st.one_of(
    st.text(),
    awkward_text,
    st.builds(lambda piece, n: piece * n, st.text(min_size=1, max_size=8), st.integers(200, 2000)),
)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# Ukrainian numbers and amounts


@SETTINGS
@given(any_text)
@example("NaN")
@example("Infinity")
@example("1" * 5000)
def test_parse_number_returns_a_finite_decimal_or_raises_value_error(text):
    try:
        value = parse_number(text)
    except ValueError as error:
        assert "not a Ukrainian number" in str(error)
    else:
        assert isinstance(value, Decimal) and value.is_finite()


@SETTINGS
@given(st.one_of(any_text, st.none()))
@example("40,")
@example("\u200f1 840,0\u200f")
def test_parse_amount_never_raises_and_a_value_means_stated(text):
    parsed = parse_amount(text)
    assert isinstance(parsed, ParsedAmount)
    assert parsed.status in {"stated", "none", "not_stated"}
    assert (parsed.value is not None) == (parsed.status == "stated")
    if parsed.value is not None:
        assert parsed.value.is_finite() and parsed.value >= 0
    if parsed.status == "none":
        assert (text or "").strip() in DASHES


amounts = st.decimals(min_value=0, max_value=10**9, places=1, allow_nan=False, allow_infinity=False)


@SETTINGS
@given(amounts)
@example(Decimal("1840.0"))
@example(Decimal("0.0"))
def test_an_amount_printed_the_ukrainian_way_reads_back(value):
    printed = format_amount(value, "uk")  # '1\xa0840,0': Babel's Ukrainian grouping and decimal comma
    assert parse_number(printed) == value
    parsed = parse_amount(printed)
    assert (parsed.value, parsed.status, parsed.quirk) == (value, "stated", None)


@SETTINGS
@given(amounts)
def test_an_amount_in_uah_reads_back_in_thousand_uah(value):
    printed = format_amount(value, "uk") + " грн"
    assert parse_amount(printed).value == value / 1000


@SETTINGS
@given(amounts.filter(lambda v: v > 0), st.sampled_from(sorted(DASHES)), st.sampled_from(["", " тис. грн", " грн"]))
@example(Decimal("5.0"), "-", "")
def test_a_minus_sign_is_never_dropped_and_a_separator_dash_is(value, dash, unit):
    """Planned money cannot be negative: a dash touching the digits (``-5,0``) is a minus sign, so the cell is
    not an amount; a dash and a space (``– 200,00 тис.грн.``, the passport's year–amount separator) is not a sign."""
    printed = format_amount(value, "uk") + unit
    assert parse_amount(dash + printed) == ParsedAmount(None, "not_stated")
    separated = parse_amount(f"{dash} {printed}")
    assert (separated.value, separated.status) == (parse_amount(printed).value, "stated")
    assert separated.value > 0


@SETTINGS
@given(any_text)
def test_clean_title_only_trims(text):
    cleaned = clean_title(text)
    assert cleaned == cleaned.strip() and not cleaned.endswith((";", "."))
    assert cleaned in text


# Ukrainian dates


@SETTINGS
@given(any_text)
@example("31.02.2020")
@example("00.00.0000")
@example("30 лютого 2020 року")
@example("у 0000 році")
def test_parse_date_uk_never_raises(text):
    parsed = parse_date_uk(text)
    assert isinstance(parsed, ParsedDate)
    assert parsed.precision in {"day", "month", "year", "not_stated"}
    assert (parsed.value is None) == (parsed.precision == "not_stated")
    if parsed.text is not None:
        assert parsed.text in text


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@SETTINGS
@given(dates, st.sampled_from(["", "Угоду підписано ", "\u200f", "😀 "]))
def test_a_date_printed_with_a_genitive_month_reads_back(date, before):
    printed = f"{before}{format_date(date, 'd MMMM y', locale='uk')} року"  # '17 жовтня 2003 року'
    parsed = parse_date_uk(printed)
    assert (parsed.value, parsed.precision) == (date, "day")


@SETTINGS
@given(dates)
def test_a_numeric_date_reads_back(date):
    assert parse_date_uk(date.strftime("%d.%m.%Y")) == ParsedDate(date, "day", date.strftime("%d.%m.%Y"))


def _locatives(month_name: str) -> list[str]:
    """The month's singular locative forms in the Ukrainian dictionary (pymorphy3): квітень → квітні, квітню…"""
    parsed = morphology().parse(month_name)[0]
    return sorted(
        {
            form.word
            for form in parsed.lexeme
            if {"loct", "sing"} <= form.tag.grammemes or {"loct", "masc"} <= form.tag.grammemes
        }
    )


@SETTINGS
@given(dates, st.data())
def test_a_month_in_the_locative_reads_back_with_month_precision(date, data):
    forms = _locatives(format_date(date, "LLLL", locale="uk"))  # 'квітень' as Babel names it
    assert forms, "the dictionary gives every month a locative"
    printed = f"у {data.draw(st.sampled_from(forms))} {date.year} року"  # 'у квітні 2010 року', a word of the language
    parsed = parse_date_uk(printed)
    assert (parsed.value, parsed.precision) == (date.replace(day=1), "month")


# exact dates: what the properties above cannot pin down


def test_month_stems_are_shared_by_the_genitive_and_the_nominative():
    stems = _month_stems.__wrapped__()  # computed afresh, not from the cache
    assert sorted(stems.values()) == list(range(1, 13))
    assert stems["квіт"] == 4 and stems["берез"] == 3 and stems["груд"] == 12
    assert _common_prefix("квітня", "квітень") == "квіт"
    assert _common_prefix("травня", "травень") == "трав"
    assert _common_prefix("", "травень") == "" and _common_prefix("лютого", "лютий") == "лют"
    assert _common_prefix("abc", "abc") == "abc" and _common_prefix("abc", "xbc") == ""


@pytest.mark.parametrize(
    ("word", "month"),
    [
        ("квітня", 4),
        ("квітні", 4),
        ("квітень", 4),
        ("ЖОВТНЯ", 10),
        ("березовий", None),
        ("травневий", None),
        ("груднева", None),
        ("слово", None),
    ],
)
def test_a_month_name_in_any_case_but_not_a_longer_word(word, month):
    assert _month_number(word) == month


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("У 2004 році було укладено Угоду", ParsedDate(dt.date(2004, 1, 1), "year", "У 2004 році")),
        ("в 1999 р. підписано", ParsedDate(dt.date(1999, 1, 1), "year", "в 1999 р.")),
        ("у квітні 2010 року", ParsedDate(dt.date(2010, 4, 1), "month", "у квітні 2010 року")),
        ("17 жовтня 2003 року", ParsedDate(dt.date(2003, 10, 17), "day", "17 жовтня 2003 року")),
        # a word before a year that is not a month is skipped, and the date after it is read
        ("Рішення 2003 року від 17 жовтня 2003 року", ParsedDate(dt.date(2003, 10, 17), "day", "17 жовтня 2003 року")),
        ("березовий 2010 року", ParsedDate(None, "not_stated", None)),
    ],
)
def test_dates_as_printed(printed, expected):
    assert parse_date_uk(printed) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("у 2004 році, а потім 28.06.2002", dt.date(2004, 1, 1)),
        ("28.06.2002, а потім у 2004 році", dt.date(2002, 6, 28)),
        ("у квітні 2010 року та 01.02.2011", dt.date(2010, 4, 1)),
        ("у 2001 році та у квітні 2010 року", dt.date(2001, 1, 1)),
    ],
)
def test_the_first_date_in_the_text_wins(printed, expected):
    assert parse_date_uk(printed).value == expected


# table rows


@SETTINGS
@given(any_text)
def test_cells_split_a_row_at_every_tab_and_trim_each_cell(row):
    split = cells(row)
    assert len(split) == row.count("\t") + 1
    assert all("\t" not in cell and cell == cell.strip() for cell in split)


@SETTINGS
@given(st.lists(any_text.map(lambda s: s.replace("\t", " ").strip()), min_size=1, max_size=12))
def test_cells_of_joined_cells_are_the_cells(parts):
    assert cells("\t".join(parts)) == parts


# URL parameters

OPTIONS = {
    "lang": (["uk", "en"], "uk"),
    "m": (list(VIEWS), "nominal"),
    "y": ([2020, 2021, 2022, 2023, 2024, 2025], None),
    "present": ([False, True], False),
}


@SETTINGS
@given(st.sampled_from(sorted(OPTIONS)), st.lists(any_text, max_size=5))
def test_restore_gives_a_known_option_or_the_default(name, raw):
    options, default = OPTIONS[name]
    value, valid = restore(raw, options, default)
    assert value in options or value == default
    if not valid:
        assert value == default


@SETTINGS
@given(st.lists(any_text, max_size=5))
@example([""])
def test_restore_multi_gives_known_options_or_the_whole_default(raw):
    options = ["khmelnytskyi", "mena", "oleksandriia", "zdolbuniv"]
    value, valid = restore(raw, options, options, multi=True)
    if raw == [""]:  # an explicit empty choice (?c=): a link with everything cleared stays cleared
        assert (value, valid) == ([], True)
        return
    assert set(value) <= set(options)
    assert valid or value == options
    # one unknown value resets the whole choice, never a silent subset
    assert valid == all(item in options for item in raw)


def test_a_stale_community_among_known_ones_resets_the_whole_choice():
    options = ["khmelnytskyi", "mena", "oleksandriia", "zdolbuniv"]
    assert restore(["mena", "kyiv"], options, options, multi=True) == (options, False)


@SETTINGS
@given(st.sampled_from(sorted(OPTIONS)), st.data())
def test_an_option_written_to_the_url_reads_back(name, data):
    options, default = OPTIONS[name]
    option = data.draw(st.sampled_from(options))
    assert restore([encode(option)], options, default) == (option, True)


@SETTINGS
@given(st.lists(st.integers(2020, 2025), min_size=1, unique=True))
def test_years_written_to_the_url_read_back_in_option_order(years):
    options = [2020, 2021, 2022, 2023, 2024, 2025]
    assert restore([encode(y) for y in years], options, options, multi=True) == (sorted(years), True)


@SETTINGS
@given(st.lists(any_text, min_size=1, max_size=3))
def test_free_text_is_cleaned_of_control_characters_and_cut(raw):
    value, valid = restore(raw, None, "")
    assert valid and value == clean_text(raw[0])
    assert len(value) <= MAX_TEXT and value == value.strip()
    assert not any(unicodedata.category(ch).startswith("C") for ch in value)
    assert "  " not in value


@SETTINGS
@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=MAX_TEXT))
def test_plain_search_text_survives_the_url(text):
    assert restore([text], None, "") == (text, True)


# numbers on screen


@SETTINGS
# up to 10^15: DECIMAL(18,5) thousand UAH (below 10^13) times 1000 per resident, and more (Babel cannot format 28 digits and more)
@given(
    st.one_of(st.floats(min_value=-1e15, max_value=1e15), st.just(float("nan")), st.none()),
    st.sampled_from(VIEWS),
    st.sampled_from(["uk", "en"]),
)
def test_a_value_on_screen_is_a_number_or_the_words_for_not_stated(value, view, lang):
    shown = MoneyView(view).format(value, lang)
    assert isinstance(shown, str) and shown
    if value is None or value != value:
        assert shown == format_amount(None, lang)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_a_missing_amount_is_words_not_zero(lang):
    assert "0" not in format_amount(None, lang) and "0" not in format_amount(float("nan"), lang)


def test_a_failing_example_is_saved_outside_the_repository_to_replay():
    from pathlib import Path

    from hypothesis.database import DirectoryBasedExampleDatabase

    database = settings.default.database
    root = Path(__file__).resolve().parent.parent
    assert isinstance(database, DirectoryBasedExampleDatabase)
    assert root not in Path(database.path).resolve().parents
