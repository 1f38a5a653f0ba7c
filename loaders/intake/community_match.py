"""Recognise a document's community from its text, against the register of every community.

Councils print their own name inflected: «Ізяславської міської ради», «Маківської сільської
територіальної громади», «БІЛОЦЕРКІВСЬКОЇ МІСЬКОЇ РАДИ». Each such phrase is lemmatised with
pymorphy3's Ukrainian dictionaries (its predictor handles names it does not know), so the first
word becomes the adjective's dictionary form (``ізяславський``) and the second the council type
(``міський``); the register's names («Ізяславська міська територіальна громада») are lemmatised the
same way. Many names occur in several oblasts, so oblast and rayon words in the text
(«Тернопільської області», «Шепетівського району») add to the score of the community they name.

>>> lemma("Ізяславської")
'ізяславський'
>>> lemma("БІЛОЦЕРКІВСЬКОЇ")
'білоцерківський'
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pymorphy3

from ..rules import read_rules_csv

WORD = r"[А-ЯІЇЄҐа-яіїєґ'’ʼ-]+"
# «<name> міської ради», «<name> сільської територіальної громади», «<name> селищна рада» …
COUNCIL_PHRASE = re.compile(
    rf"(?<![\w'’ʼ-])({WORD})\s+((?:міськ|сільськ|селищн)\w*)\s+(?:рад\w*|територіальн\w*\s+громад\w*|громад\w*)",
    re.IGNORECASE,
)
OBLAST_PHRASE = re.compile(rf"(?<![\w'’ʼ-])({WORD})\s+(?:област\w*|обл\.)", re.IGNORECASE)
RAYON_PHRASE = re.compile(rf"(?<![\w'’ʼ-])({WORD})\s+(?:район\w*|р-н\w*)", re.IGNORECASE)
SETTLEMENT_PHRASE = re.compile(
    rf"(?P<lead>\bм\.|\bмісто|\bміста|\bсмт\.?|\bселища|\bселище|\bсела|\bс\.)\s*(?P<name>{WORD})", re.IGNORECASE
)

# points for each kind of evidence; a council phrase decides, the rest only separates namesakes
SCORE_PER_PHRASE = 10.0
SCORE_OBLAST = 5.0
SCORE_RAYON = 3.0


@dataclass(frozen=True)
class Candidate:
    """A register row that the document's text names, with the score and why."""

    katottg: str
    name_uk: str
    oblast_uk: str
    rayon_uk: str
    type_uk: str
    population: int | None
    score: float
    why: tuple[str, ...] = field(default=())


@cache
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="uk")


@cache
def lemma(word: str) -> str:
    """The dictionary form of an adjective (``ізяславський``), else of the word's likeliest parse."""
    parses = _morph().parse(word.lower().replace("’", "'").replace("ʼ", "'"))
    for parse in parses:
        if "ADJF" in parse.tag:
            return parse.normal_form
    return parses[0].normal_form if parses else word.lower()


def _is_adjective(word: str) -> bool:
    return any("ADJF" in p.tag for p in _morph().parse(word.lower()))


def read_register(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _key(name_uk: str, type_uk: str) -> tuple[str, str]:
    """``("ізяславський", "міський")`` for «Ізяславська міська територіальна громада»."""
    return lemma(name_uk.split()[0]), lemma(type_uk)


def _phrases(pattern: re.Pattern, text: str) -> Counter[str]:
    return Counter(lemma(m.group(1)) for m in pattern.finditer(text) if _is_adjective(m.group(1)))


def match_community(lines: Sequence[str], register: Iterable[dict[str, str]]) -> list[Candidate]:
    """Register communities the text names as its council, best first, each with its score and why.

    An empty list means that no council phrase of the text names a community of the register.
    """
    text = "\n".join(lines)
    councils = Counter()
    printed: dict[tuple[str, str], str] = {}
    for m in COUNCIL_PHRASE.finditer(text):
        if not _is_adjective(m.group(1)):
            continue  # «комітету міської ради», «секретар міської ради»
        key = (lemma(m.group(1)), lemma(m.group(2)))
        councils[key] += 1
        printed.setdefault(key, " ".join(m.group(0).split()))
    oblasts = _phrases(OBLAST_PHRASE, text)
    rayons = _phrases(RAYON_PHRASE, text)
    candidates = []
    for row in register:
        key = _key(row["name_uk"], row["type_uk"])
        if key not in councils:
            continue
        score = SCORE_PER_PHRASE * councils[key]
        why = [f"«{printed[key]}» ×{councils[key]}"]
        if (n := oblasts.get(lemma(row["oblast_uk"].split()[0]))) and row["oblast_uk"]:
            score += SCORE_OBLAST
            why.append(f"{row['oblast_uk']} named ×{n}")
        if (n := rayons.get(lemma(row["rayon_uk"].split()[0]))) and row["rayon_uk"]:
            score += SCORE_RAYON
            why.append(f"{row['rayon_uk']} named ×{n}")
        population = int(row["population"]) if str(row.get("population") or "").strip() else None
        candidates.append(
            Candidate(
                row["katottg"],
                row["name_uk"],
                row["oblast_uk"],
                row["rayon_uk"],
                row["type_uk"],
                population,
                score,
                tuple(why),
            )
        )
    return sorted(candidates, key=lambda c: (-c.score, c.katottg))


def is_unambiguous(candidates: Sequence[Candidate]) -> bool:
    """One best candidate: no other has the same score."""
    return bool(candidates) and (len(candidates) == 1 or candidates[0].score > candidates[1].score)


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(
        sorted((row["suffix"] for row in read_rules_csv("place_adjective_suffixes.csv")), key=len, reverse=True)
    )


def _stem(adjective_lemma: str) -> str:
    for suffix in _suffixes():
        if adjective_lemma.endswith(suffix) and len(adjective_lemma) > len(suffix) + 1:
            return adjective_lemma[: -len(suffix)]
    return adjective_lemma


def names_the_same_place(town_lemma: str, adjective_lemma: str) -> bool:
    """«Вінниця» and «вінницький», «Ізяслав» and «ізяславський», «Первомайський» and itself."""
    if town_lemma == adjective_lemma or (len(town_lemma) >= 4 and adjective_lemma.startswith(town_lemma)):
        return True  # «Луцьк» and «луцький»: the adjective is the name and an ending
    stem = _stem(adjective_lemma)
    common = len(next((p for p in (town_lemma[:i] for i in range(len(town_lemma), 0, -1)) if stem.startswith(p)), ""))
    return common >= 3 and common >= min(len(stem), len(town_lemma) - 1)


# the case a settlement's name takes after the word before it («міста Луцька»: genitive); any after an abbreviation
_CASE_AFTER = {"міста": "gent", "села": "gent", "селища": "gent", "місто": "nomn", "селище": "nomn"}


def _town(before: str, word: str, adjective: str) -> str | None:
    """The dictionary form of a settlement's name after ``before`` («міста», «м.») that names the community's place
    (``adjective``: the lemma of the community's name): a reading as a place's name (an inanimate noun, in the case
    ``before`` asks for) before one as an adjective or a surname («міста Луцька» → «луцьк», not «луцький»), the
    adjective's own form first («міста Первомайського» → «первомайський», not the village «первомайське»).

    >>> _town("міста", "Луцька", "луцький"), _town("м.", "Вінниці", "вінницький"), _town("міста", "Острога", "острозький")
    ('луцьк', 'вінниця', 'острог')
    >>> _town("міста", "Первомайського", "первомайський"), _town("міста", "Києва", "луцький")
    ('первомайський', None)
    """
    parses = _morph().parse(word.lower())
    case = _CASE_AFTER.get(before.strip().lower())

    def place(parse) -> bool:
        tag = parse.tag
        return (
            "NOUN" in tag
            and "inan" in tag
            and not {"Surn", "Name", "Patr"} & tag.grammemes
            and case in (None, tag.case)
        )

    places = [p.normal_form for p in parses if place(p)]
    if adjective in places:
        return adjective
    forms = [*places, *(p.normal_form for p in parses)] or [word.lower()]
    return next((form for form in forms if names_the_same_place(form, adjective)), None)


def settlement_name(lines: Sequence[str], community_name_uk: str) -> str | None:
    """The community's centre as the text names it («м. Вінниці» → «Вінниця»), or None."""
    adjective = lemma(community_name_uk.split()[0])
    found = Counter()
    for m in SETTLEMENT_PHRASE.finditer("\n".join(lines)):
        if town := _town(m.group("lead"), m.group("name"), adjective):
            found[town] += 1
    if not found:
        return None
    town = found.most_common(1)[0][0]
    return "-".join(part[:1].upper() + part[1:] for part in town.split("-"))
