"""Find a community of the register by what people type: its centre's name in any case form («Вінниці», «Ніжина»,
«Бар»), the community's or the council's name, or the oblast; in Cyrillic or in Latin letters.

Each word typed must name something of the community; a word that names its centre or the community itself counts
more than one that names its oblast, and among equals the larger community comes first. No SQL: the register is a
DataFrame in memory, and the text typed is only compared.

>>> import pandas as pd
>>> register = pd.DataFrame({"katottg": ["A", "B", "C"], "population": [370000, 68000, 9000],
...     "name_uk": ["Вінницька міська територіальна громада", "Ніжинська міська територіальна громада", "Барська міська територіальна громада"],
...     "oblast_uk": ["Вінницька область", "Чернігівська область", "Вінницька область"]})
>>> find(register, "Вінниці"), find(register, "ніжин"), find(register, "Бар"), find(register, "Chernihivska oblast")
(['A'], ['B'], ['C'], ['B'])
>>> find(register, "Ніжинська міська рада"), find(register, "Вінницька область"), find(register, "Київ"), find(register, "' OR 1=1 --")
(['B'], ['A', 'C'], [], [])
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
from translitua import UkrainianKMU, translit

from loaders.intake.community_match import lemma, names_the_same_place

MAX_QUERY = 100  # characters read of what is typed
MAX_WORDS = 6
MIN_LETTERS = 3  # a shorter word («м.», «or») names nothing
# words that name no community in particular (in their dictionary form, or as typed in Latin letters)
GENERIC = {"міський", "місто", "ради", "рад", "сільський", "селищний", "селище", "село", "територіальний", "громада", "рада", "область", "обл", "м", "с", "смт",
           "miska", "misto", "silska", "selyshchna", "terytorialna", "hromada", "rada", "oblast", "city", "community", "council", "village", "of"}  # fmt: skip
OBLAST_WORDS = {"область", "обл", "oblast", "region"}  # typed: the oblast is what is looked for
EXACT, NAME, OBLAST = 3, 2, 1  # a word that is the community's own name, that names its centre, or only its oblast
_WORD = re.compile(r"[\w'’ʼ-]+")


def find(register: pd.DataFrame, typed: str, limit: int = 50) -> list[str]:
    """The ``katottg`` of the communities that ``typed`` names, best first (see the module's docstring). A community
    found by its own name or centre comes before any found only by its oblast, which are left out unless the text says
    «область»."""
    typed_words = _WORD.findall(typed[:MAX_QUERY].casefold())
    words = [
        w
        for w in typed_words
        if sum(c.isalpha() for c in w) >= MIN_LETTERS and w not in GENERIC and lemma(w) not in GENERIC
    ][:MAX_WORDS]
    if not words:
        return []
    by_oblast = any(w in OBLAST_WORDS or lemma(w) in OBLAST_WORDS for w in typed_words)
    scored = []
    for katottg, name, oblast, population in zip(
        register["katottg"], register["name_uk"], register["oblast_uk"], register["population"], strict=True
    ):
        points = [_points(word, _keys(name), _keys(oblast), by_oblast) for word in words]
        if all(points):
            scored.append((-min(points), -sum(points), -(population if pd.notna(population) else 0), katottg))
    best = min((s[0] for s in scored), default=0)
    return [katottg for first, *_, katottg in sorted(scored) if by_oblast or first == best or -first >= NAME][:limit]


def _points(word: str, name: tuple[str, str], oblast: tuple[str, str], by_oblast: bool) -> int:
    if by_oblast and _matches(word, oblast):
        return EXACT
    if name[0] and lemma(word) == name[0]:
        return EXACT
    if _matches(word, name):
        return NAME
    return OBLAST if _matches(word, oblast) else 0


@cache
def _keys(name: str) -> tuple[str, str]:
    """A register name's first word («Вінницька») as its dictionary form and as its Latin spelling."""
    first = name.split()[0] if isinstance(name, str) and name.split() else ""
    return lemma(first), translit(first, UkrainianKMU).casefold()


def _matches(word: str, keys: tuple[str, str]) -> bool:
    adjective, latin = keys
    if not adjective:
        return False
    if re.search(r"[a-z]", word):
        return _same_stem(word, latin)
    return names_the_same_place(lemma(word), adjective) or _same_stem(word, adjective)


def _same_stem(a: str, b: str) -> bool:
    """Two spellings of one name whose endings differ («vinnytsia» and «vinnytska», «bar» and «barska»)."""
    common = len(next((a[:i] for i in range(min(len(a), len(b)), 0, -1) if a[:i] == b[:i]), ""))
    return common >= max(MIN_LETTERS, min(4, len(a) - 1)) and common >= min(len(a), len(b)) - 2
