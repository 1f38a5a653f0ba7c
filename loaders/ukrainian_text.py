"""Small parsers for numbers, amounts and dates as Ukrainian council documents print them.

Numbers are read with Babel's Ukrainian locale rules; this module only adds what
Babel does not know: units (``грн``, ``тис. грн``), the dash that means "no money
planned", and dates with month names in the genitive or locative case.

>>> parse_amount("1 840,0")
ParsedAmount(value=Decimal('1840.0'), status='stated', quirk=None)
>>> parse_amount("40,").value, parse_amount("40,").quirk
(Decimal('40'), 'trailing_decimal_comma')
>>> parse_amount("30 000 грн").value
Decimal('30.000')
>>> parse_amount("200,00 тис.грн.").value
Decimal('200.00')
>>> parse_amount("-").status
'none'
>>> parse_amount("Фінансується спільно з візитом до м. Тервел").status
'not_stated'
>>> parse_date_uk("17 жовтня 2003 року")
ParsedDate(value=datetime.date(2003, 10, 17), precision='day', text='17 жовтня 2003 року')
>>> parse_date_uk("у квітні 2010 року")
ParsedDate(value=datetime.date(2010, 4, 1), precision='month', text='у квітні 2010 року')
>>> parse_date_uk("28.06.2002").value
datetime.date(2002, 6, 28)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import NumberFormatError, parse_decimal
from rapidfuzz import fuzz

DASHES = {"-", "–", "—"}
# A number as printed: digits, optionally grouped by (non-breaking) spaces, optional decimal comma with at most three
# decimals (no amount of the genre has more: «188 000,0093» is two amounts a table without ruling ran together)
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d{0,3})?|\d+(?:,\d{0,3})?"
_AMOUNT_RE = re.compile(
    rf"^\s*(?:[–—-]\s+)?(?P<number>{_NUMBER})\s*(?P<unit>тис\.?\s*грн\.?|млн\.?\s*грн\.?|грн\.?)?\s*\*?\s*$",
    re.IGNORECASE,
)
# Which unit a printed amount is in, as a factor to thousand UAH.
_UNIT_TO_THOUSAND = {"грн": Decimal("0.001"), "тис. грн": Decimal("1"), "млн грн": Decimal("1000")}


@dataclass(frozen=True)
class ParsedAmount:
    """An amount in thousand UAH, or None with the reason in ``status``."""

    value: Decimal | None
    status: str  # 'stated' | 'none' (a dash: no money planned) | 'not_stated'
    quirk: str | None = None


@dataclass(frozen=True)
class ParsedDate:
    value: dt.date | None
    precision: str  # 'day' | 'month' | 'year' | 'not_stated'
    text: str | None


def parse_number(text: str) -> Decimal:
    """Read a number printed the Ukrainian way (``1 840,0``) with Babel; ``ValueError`` for anything else.

    >>> parse_number("6 905,0")
    Decimal('6905.0')
    >>> parse_number("NaN")
    Traceback (most recent call last):
    ValueError: not a Ukrainian number: 'NaN'
    """
    try:
        value = parse_decimal(text.strip(), locale="uk_UA", strict=False)
    except NumberFormatError as exc:
        raise ValueError(f"not a Ukrainian number: {text!r}") from exc
    if not value.is_finite():  # Babel passes "NaN" and "Infinity" through to Decimal
        raise ValueError(f"not a Ukrainian number: {text!r}")
    return value


def parse_amount(text: str | None, default_unit: str = "тис. грн") -> ParsedAmount:
    """Read a budget cell. ``default_unit`` is the unit named in the table header.

    A dash means that no budget money is planned (status ``none``); anything that is
    not a number (empty cell, a remark) is ``not_stated``.

    A dash and a space before the number is the separator of ``2022 р. – 200,00 тис.грн.``
    (the year in one cell, the amount in the next). A dash touching the digits is a minus
    sign, and money a programme plans to spend cannot be negative: such a cell is not an
    amount (``not_stated``), never the number without its sign.

    >>> parse_amount("– 200,00 тис.грн.").value
    Decimal('200.00')
    >>> parse_amount("-5,0")
    ParsedAmount(value=None, status='not_stated', quirk=None)
    >>> parse_amount("188 000,0093").status, parse_amount("0,125 млн грн").value
    ('not_stated', Decimal('125.000'))
    >>> parse_amount("000,00").status, parse_amount("0,0").status
    ('not_stated', 'stated')

    Hryvnias have two decimal places (kopecks): «4,300 грн» is no amount in hryvnias (a thousands separator read as a
    decimal comma, or a unit that belongs elsewhere), and is not read.

    >>> parse_amount("4,300 грн").status, parse_amount("4,300", default_unit="грн").status, parse_amount("4,30 грн").value
    ('not_stated', 'not_stated', Decimal('0.00430'))
    """
    cell = (text or "").strip()
    if cell in DASHES:
        return ParsedAmount(None, "none")
    match = _AMOUNT_RE.match(cell)
    if not match:
        return ParsedAmount(None, "not_stated")
    number = match.group("number")
    whole = number.split(",")[0].replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if len(whole) > 1 and whole.startswith("0"):  # «000,00»: the rest of a wrapped amount, never an amount of its own
        return ParsedAmount(None, "not_stated")
    quirk = "trailing_decimal_comma" if number.endswith(",") else None
    value = parse_number(number)
    unit = match.group("unit")
    unit_key = default_unit if unit is None else {"тис": "тис. грн", "млн": "млн грн"}.get(unit.lower()[:3], "грн")
    if unit_key == "грн" and len(number.rstrip(",").partition(",")[2]) > 2:
        return ParsedAmount(None, "not_stated")
    value = value * _UNIT_TO_THOUSAND[unit_key]
    return ParsedAmount(value, "stated", quirk)


@cache
def _month_stems() -> dict[str, int]:
    """Month stems shared by the nominative, genitive and locative forms (``квіт`` for
    ``квітень``, ``квітня``, ``квітні``), derived from Babel's Ukrainian calendar names."""
    locale = Locale("uk")
    stems = {}
    for number, genitive in locale.months["format"]["wide"].items():
        nominative = locale.months["stand-alone"]["wide"][number]
        stem = _common_prefix(genitive, nominative)
        stems[stem] = number
    return stems


def _common_prefix(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return a[:size]


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_WORD_DATE = re.compile(
    r"(?:(?P<prefix>\bу|\bв)\s+)?(?:(?P<day>\d{1,2})\s+)?(?P<month>[а-яіїєґ']+)\s+(?P<year>\d{4})\s*(?:року|р\.)?",
    re.IGNORECASE,
)
_YEAR_DATE = re.compile(r"\b(?:у|в)\s+(?P<year>\d{4})\s+(?:році|року|р\.)", re.IGNORECASE)


def parse_date_uk(text: str) -> ParsedDate:
    """Find the first date in ``text``: ``28.06.2002``, ``17 жовтня 2003 року``,
    ``у квітні 2010 року`` (month precision) or ``у 2004 році`` (year precision).

    >>> parse_date_uk("У 2004 році було укладено Угоду").precision
    'year'
    >>> parse_date_uk("Підготовлено до підписання").precision
    'not_stated'

    A date the calendar does not have is not read as a date (the next one is):

    >>> parse_date_uk("31.02.2020, підписано 28.06.2002").value
    datetime.date(2002, 6, 28)
    """
    found: list[tuple[int, ParsedDate]] = []
    for m in _NUMERIC_DATE.finditer(text):
        day, month, year = (int(g) for g in m.groups())
        if value := _date(year, month, day):
            found.append((m.start(), ParsedDate(value, "day", m.group(0))))
            break
    for m in _WORD_DATE.finditer(text):
        month = _month_number(m.group("month"))
        if month is None:
            continue
        year = int(m.group("year"))
        precision = "day" if m.group("day") else "month"
        if value := _date(year, month, int(m.group("day") or 1)):
            found.append((m.start(), ParsedDate(value, precision, m.group(0).strip())))
            break
    for m in _YEAR_DATE.finditer(text):
        if value := _date(int(m.group("year")), 1, 1):
            found.append((m.start(), ParsedDate(value, "year", m.group(0))))
            break
    if not found:
        return ParsedDate(None, "not_stated", None)
    return min(found, key=lambda item: item[0])[1]


def _date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the calendar has no such day (``31.02.2020``, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(word: str) -> int | None:
    """The month a word names in any case: its stem with a short ending (``квітні``), or, for a rarer form, a noun
    whose dictionary form is the month (``січневі``); an adjective of the same stem (``березовий``) names none."""
    word = word.lower()
    for stem, number in _month_stems().items():
        if word.startswith(stem) and len(word) - len(stem) <= 3:
            return number
    return _month_by_dictionary(word)


def _month_by_dictionary(word: str) -> int | None:
    from .read.wrapped_text import morphology  # the dictionary is loaded once, when a date needs it

    morph = morphology()
    if morph is None or not any(word.startswith(stem) for stem in _month_stems()):
        return None
    months = {name: number for number, name in Locale("uk").months["stand-alone"]["wide"].items()}
    found = {
        months[parse.normal_form]
        for parse in morph.parse(word)
        if parse.tag.POS == "NOUN" and parse.normal_form in months
    }
    return found.pop() if len(found) == 1 else None


def clean_title(text: str) -> str:
    """Trim a title as printed: surrounding space, a trailing ``;`` or ``.``.

    >>> clean_title("  Подання проектів; ")
    'Подання проектів'
    """
    return re.sub(r"[\s;.]+$", "", text.strip())


NEARLY_SAME = 85  # rapidfuzz ratio: a long text printed twice and read once by OCR with a letter or two amiss
NEARLY_MIN_LENGTH = 9  # shorter texts (a year, a measure code) must be equal: one wrong letter changes what they mean


def nearly_same(a: str, b: str) -> bool:
    """Whether two printed texts are the same but for white space and OCR's misreadings of a long one.

    >>> nearly_same("Орієнтовні обсяги фінансування", "Орієнтовні обсяги інансування"), nearly_same("2023", "2024")
    (True, False)
    >>> nearly_same("№ з / п", "№ з/п"), nearly_same("1.1", "1.2")
    (True, False)
    """
    a, b = "".join(a.split()), "".join(b.split())
    return a == b or (min(len(a), len(b)) >= NEARLY_MIN_LENGTH and fuzz.ratio(a, b) >= NEARLY_SAME)
