"""Numbers as each language prints them, with Babel.

>>> format_amount(1840, "uk")
'1\\xa0840,0'
>>> format_amount(1840, "en")
'1,840.0'
>>> format_amount(None, "en")
'not stated'
"""

from __future__ import annotations

import re
import string
from decimal import Decimal
from functools import lru_cache

import pandas as pd
from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

from .texts import text

LOCALES = {"uk": "uk_UA", "en": "en_GB"}
# Plotly's layout.separators: decimal mark, then thousands separator.
PLOTLY_SEPARATORS = {"uk": ",\u00a0", "en": ".,"}


def format_amount(value: Decimal | float | None, lang: str = "uk", digits: int = 1) -> str:
    """An amount with one decimal place, or the words for "not stated"."""
    if value is None or pd.isna(value):  # NULL, NaN or pandas NA
        return text("not_stated", lang)
    return _formatted(value, "#,##0." + "0" * digits, LOCALES[lang])


@lru_cache(maxsize=65_536)
def _formatted(value: Decimal | float | int, pattern: str, locale: str) -> str:
    """Babel's formatting, remembered: a table of the national data formats the same few thousand amounts on every
    rerun. What ``babel.numbers.format_decimal`` does, with the pattern and the locale parsed once: parsing them was
    more than half of each call's cost, paid again for every new amount of a table of 1,400 peers."""
    return _pattern(pattern).apply(value, _locale(locale))


@lru_cache(maxsize=64)
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


@lru_cache(maxsize=8)
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def source_reference(frame: pd.DataFrame) -> pd.Series:
    """``file:line`` for each row, the line left out where there is none.

    >>> source_reference(pd.DataFrame({"source_file": ["a.txt", "a.txt"], "source_line": pd.array([7, None], dtype="Int64")})).tolist()
    ['a.txt:7', 'a.txt:']
    """
    return frame["source_file"] + ":" + frame["source_line"].astype("string").fillna("")


def year_span(first: int, last: int) -> str:
    """``2021–2025``, or one year when a programme has one.

    >>> year_span(2020, 2020), year_span(2021, 2025)
    ('2020', '2021–2025')
    """
    return str(first) if first == last else f"{first}–{last}"


def format_count(value: int, lang: str = "uk") -> str:
    return _formatted(value, "#,##0", LOCALES[lang])


_MARKDOWN_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")


def escape_markdown(value: str) -> str:
    r"""Text from a document or a data file, made safe to put into Markdown: shown as printed.

    Every ASCII punctuation mark gets a backslash (CommonMark shows an escaped mark as itself), so
    ``**``, ``<script>``, links, ``$…$`` formulas and Streamlit's ``:red[…]`` and ``:material/…:``
    stay text; line breaks become spaces, so a text cannot start a list or a heading.

    >>> print(escape_markdown("<b>**1.** Візит</b>"))
    \<b\>\*\*1\.\*\* Візит\<\/b\>
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).splitlines()))


_PLOTLY_SPECIAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def plotly_literal(value):
    """Text from a document or a data file, made safe to put into a Plotly title, label, legend, hover or tile:
    shown as printed. Plotly reads ``<b>``, ``<br>``, ``<a href>``, ``<span style>`` and entities in every
    text it draws; ``&``, ``<`` and ``>`` become entities, which Plotly turns back into the marks themselves.
    Takes one text or a pandas Series (missing values stay missing); escape once, at the figure builder.

    >>> plotly_literal("<b>Rock & Roll</b>")
    '&lt;b&gt;Rock &amp; Roll&lt;/b&gt;'
    >>> plotly_literal(pd.Series(["a<br>b", None])).fillna("(missing)").tolist()
    ['a&lt;br&gt;b', '(missing)']
    """
    if isinstance(value, pd.Series):
        return value.map(lambda v: str(v).translate(_PLOTLY_SPECIAL) if isinstance(v, str) else v)
    return str(value).translate(_PLOTLY_SPECIAL)


def format_decimal_number(value, lang: str = "uk", digits: int = 1) -> str:
    """A number with ``digits`` decimals as the language writes it (``1,8589`` in Ukrainian).

    >>> format_decimal_number(1.85894, "uk", 4), format_decimal_number(1.85894, "en", 4)
    ('1,8589', '1.8589')
    """
    return _formatted(value, "#,##0." + "0" * digits, LOCALES[lang])
