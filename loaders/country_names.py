"""Countries as a Ukrainian document names them: ``Польща``, ``Республіка Польща``, ``Словацька Республіка``,
``Румунія`` or an adjective (``з польськими містами``), in any grammatical case.

Three sources, in this order: the project's own spellings (``rules/countries_uk.csv``), Babel's Ukrainian names of
every country (CLDR), and adjectives of countries (``rules/country_adjectives.csv``). A state's form of government
(Республіка, Королівство, …) is set aside, so ``Литовська Республіка`` is read as its adjective, ``литовський``.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from .read.wrapped_text import normal_forms
from .rules import read_rules_csv

# Words of a state's official name that say its form, not which state it is
STATE_FORMS = {"республіка", "королівство", "федеративна", "народна", "демократична", "соціалістична", "федерація", "держава",
               "князівство", "конфедерація", "сполучене", "об'єднане", "об’єднане", "велике", "герцогство", "співдружність"}  # fmt: skip
_WORD = re.compile(r"[\w'’-]+")


@cache
def _names() -> dict[str, str]:
    """Case-folded country name -> ISO code: Babel's Ukrainian names, then the project's own (which win)."""
    names = {
        name.casefold(): code
        for code, name in Locale.parse("uk").territories.items()
        if len(code) == 2 and code.isalpha()
    }
    names.update({row["name_uk"].casefold(): row["country_code"] for row in read_rules_csv("countries_uk.csv")})
    return names


@cache
def _adjectives() -> dict[str, str]:
    return {row["adjective_uk"].casefold(): row["country_code"] for row in read_rules_csv("country_adjectives.csv")}


def adjective_country(word: str) -> str | None:
    """The country an adjective names in any case and gender (``польськими`` -> ``PL``), or None.

    >>> adjective_country("польськими"), adjective_country("Словацька"), adjective_country("міськими")
    ('PL', 'SK', None)
    """
    return next((_adjectives()[form] for form in sorted(normal_forms(word)) if form in _adjectives()), None)


def country_code(text: str) -> str | None:
    """The ISO code of a country as printed, or None.

    >>> [country_code(t) for t in ["Республіка Польща", "Словацька Республіка", "Румунія", "Литовської Республіки", "Атлантида"]]
    ['PL', 'SK', 'RO', 'LT', None]
    """
    cleaned = text.strip(" .,;:()").casefold()
    if cleaned in _names():
        return _names()[cleaned]
    words = [w for w in _WORD.findall(cleaned) if not (normal_forms(w) & STATE_FORMS)]
    if not words:
        return None
    if " ".join(words) in _names():
        return _names()[" ".join(words)]
    if len(words) == 1:
        for form in sorted(normal_forms(words[0])):
            if form in _names():
                return _names()[form]
        return adjective_country(words[0])
    return None
