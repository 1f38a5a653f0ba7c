"""The programme model a generated document is rendered from, and the layout it is rendered in.

A :class:`Programme` holds what a council's programme states: title and years, the decision that approved it, the
passport, measures under directions with an amount per year, and the partner cities. A :class:`Layout` holds how the
council printed it, one value per dimension of :data:`DIMENSIONS`. :func:`programmes` is the Hypothesis strategy that
picks both: every dimension varies on its own.

Amounts are whole hryvnias, so that every unit prints them exactly; an amount may also be a dash (no money planned) or
blank (not stated).
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

REFERENCE = Path(__file__).resolve().parents[3] / "data" / "reference"

# Each dimension and its values; the first value is the plainest.
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "format": ("docx", "pdf", "txt-utf8", "txt-cp1251"),
    "ruling": ("grid", "none", "outer"),
    "wrapped": ("no", "yes"),
    "page_break": ("none", "plain", "repeated_header"),
    "split_table": ("no", "yes"),
    "directions": ("rows", "merged_cells"),
    "years": ("columns", "rows", "one_cell"),
    "total_column": ("last", "first", "absent"),
    "unit": ("тис. грн", "грн", "млн грн"),
    "landscape": ("no", "yes"),
    "numbering": ("1.1", "1)", "а)", "bullets"),
    "headings": ("numbered_caps", "numbered", "plain_caps", "plain"),
    "stamp": ("stamp", "decision_line", "none"),
    "financing": ("table", "passport", "sentence"),
    "partners": ("table", "list", "prose", "adjectives"),
    # a column of funding sources: none; one source per measure; some measures' money from a second source on a row of
    # its own under the measure (the Ministry's form)
    "sources": ("none", "column", "rows"),
}
# dimensions drawn after every other choice, so that the seeds drawn before they were added keep their documents
LATE_DIMENSIONS = ("sources",)

# Countries a generated partner may be in: ISO code -> (short name, formal name or "", plural instrumental adjective).
COUNTRIES: dict[str, tuple[str, str, str]] = {
    "PL": ("Польща", "Республіка Польща", "польськими"),
    "DE": ("Німеччина", "Федеративна Республіка Німеччина", "німецькими"),
    "LT": ("Литва", "Литовська Республіка", "литовськими"),
    "SK": ("Словаччина", "Словацька Республіка", "словацькими"),
    "RO": ("Румунія", "", "румунськими"),
    "HU": ("Угорщина", "", "угорськими"),
    "CZ": ("Чехія", "Чеська Республіка", "чеськими"),
    "GE": ("Грузія", "", "грузинськими"),
    "LV": ("Латвія", "Латвійська Республіка", "латвійськими"),
    "FR": ("Франція", "Французька Республіка", "французькими"),
    "BG": ("Болгарія", "Республіка Болгарія", "болгарськими"),
    "EE": ("Естонія", "Естонська Республіка", "естонськими"),
}

MEASURE_STEMS = (
    "Організація прийому офіційних делегацій міст-партнерів",
    "Участь делегації громади у міжнародних форумах, конференціях та виставках",
    "Виготовлення презентаційної та сувенірної продукції про громаду",
    "Проведення навчальних семінарів з підготовки проєктів міжнародної технічної допомоги",
    "Переклад та друк інформаційних матеріалів іноземними мовами",
    "Сплата членських внесків до асоціацій органів місцевого самоврядування",
    "Організація обміну молодіжними, спортивними та творчими колективами",
    "Забезпечення участі громади у програмах транскордонного співробітництва",
    "Висвітлення міжнародної діяльності громади у засобах масової інформації",
    "Підготовка та подання проєктних заявок до міжнародних донорських організацій",
    "Проведення Днів громади в містах-партнерах",
    "Придбання обладнання для проведення онлайн-зустрічей з партнерами",
)
LONG_TAIL = " з метою розширення партнерських зв'язків, залучення інвестицій та обміну досвідом у сферах освіти, культури і туризму"
DIRECTION_TITLES = (
    "Розвиток партнерських зв'язків",
    "Промоція громади за кордоном",
    "Залучення міжнародної технічної допомоги",
    "Інформаційне забезпечення міжнародної співпраці",
)
# the measures table's column titles, as councils word them: number, direction, measure, executors, term, amount
COLUMN_WORDINGS = (
    (
        "№ з/п",
        "Напрям діяльності",
        "Перелік заходів Програми",
        "Виконавці",
        "Строк виконання",
        "Орієнтовний обсяг фінансування",
    ),
    (
        "№ п/п",
        "Назва напряму діяльності",
        "Найменування заходу",
        "Відповідальні виконавці",
        "Термін виконання",
        "Прогнозований обсяг фінансування",
    ),
    ("№", "Пріоритетні завдання", "Зміст заходу", "Співвиконавці", "Період виконання", "Потреба у фінансуванні"),
    ("N з/п", "Напрями діяльності", "Заходи", "Відповідальні за виконання", "Строк виконання", "Обсяги фінансування"),
)

TITLE_WORDINGS = (
    "Програма міжнародного співробітництва",
    "Програма розвитку міжнародного співробітництва",
    "Програма міжнародного співробітництва та промоції",
    "Програма розвитку міжнародної співпраці та транскордонного співробітництва",
)


@dataclass
class Measure:
    title: str
    amounts: dict[int, int | str]  # year -> hryvnias, or "dash" (no money planned) or "blank" (not stated)


@dataclass
class Direction:
    title: str
    measures: list[Measure]


@dataclass
class Partner:
    name: str  # nominative, as the partnership map prints it
    country: str  # ISO code
    kind: str  # 'sister' | 'partner'
    date: str | None  # dd.mm.yyyy


@dataclass
class Programme:
    community: str  # the register's name, nominative («Агрономічна сільська територіальна громада»)
    council_kind: str  # 'міська' | 'селищна' | 'сільська'
    title_wording: str
    year_from: int
    year_to: int
    decision_date: str
    decision_number: str
    directions: list[Direction]
    partners: list[Partner]
    layout: dict[str, str] = field(default_factory=dict)
    column_wording: int = 0  # which of COLUMN_WORDINGS the measures table's header uses (0 in models older than it)

    @property
    def column_titles(self) -> tuple[str, ...]:
        return COLUMN_WORDINGS[self.column_wording]

    @property
    def years(self) -> list[int]:
        return list(range(self.year_from, self.year_to + 1))

    @property
    def measures(self) -> list[Measure]:
        return [m for d in self.directions for m in d.measures]

    def year_total(self, year: int) -> int:
        return sum(v for m in self.measures if isinstance(v := m.amounts[year], int))

    def total(self) -> int:
        return sum(self.year_total(y) for y in self.years)

    @property
    def title(self) -> str:
        return f"{self.title_wording} {genitive(self.community)} на {years_text(self.year_from, self.year_to)}"

    @property
    def council(self) -> str:
        """The council in the genitive: «Агрономічної сільської ради»."""
        return f"{genitive(self.community.split()[0])} {genitive(self.council_kind)} ради"

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Programme:
        raw = json.loads(text)
        directions = [
            Direction(
                d["title"], [Measure(m["title"], {int(y): v for y, v in m["amounts"].items()}) for m in d["measures"]]
            )
            for d in raw.pop("directions")
        ]
        partners = [Partner(**p) for p in raw.pop("partners")]
        for name in LATE_DIMENSIONS:  # models written before a dimension was added were printed in its plainest value
            raw["layout"].setdefault(name, DIMENSIONS[name][0])
        return cls(directions=directions, partners=partners, **raw)


def years_text(year_from: int, year_to: int) -> str:
    return f"{year_from} рік" if year_from == year_to else f"{year_from}–{year_to} роки"


def genitive(phrase: str) -> str:
    """A community's name (feminine adjectives and «громада») in the genitive: «Агрономічна сільська територіальна
    громада» → «Агрономічної сільської територіальної громади»."""
    words = []
    for word in phrase.split():
        if word == "громада":
            words.append("громади")
        elif word.endswith("а"):
            words.append(word[:-1] + "ої")
        else:
            words.append(word)
    return " ".join(words)


def thousand(hryvnias: int) -> Decimal:
    return Decimal(hryvnias) / 1000


@cache
def communities() -> list[tuple[str, str]]:
    """(name, type) of the register's communities whose name declines by :func:`genitive`'s rule."""
    with (REFERENCE / "communities_ua.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        (r["name_uk"], r["type_uk"])
        for r in rows
        if all(w.endswith("а") for w in r["name_uk"].split()[:-1]) and "-" not in r["name_uk"]
    ]


@cache
def partner_cities() -> list[tuple[str, str]]:
    """(name, country) of the partnership map's partners in :data:`COUNTRIES`, one word, Cyrillic."""
    with (REFERENCE / "partnership_map_ua.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = {(r["partner_name_uk"], r["partner_country"]) for r in rows if r["partner_country"] in COUNTRIES}
    names = [n for n, _ in found]
    cyrillic = re.compile(r"^[А-ЯІЇЄҐ][а-яіїєґ']{3,}$")
    return sorted((n, c) for n, c in found if cyrillic.match(n) and names.count(n) == 1)


AMOUNT_KINDS = ("thousands", "thousands", "thousands", "five_thousands", "five_thousands", "dash", "blank", "zero")


def build(choose: Callable[[Sequence], object], fixed: dict[str, str] | None = None) -> Programme:
    """A programme model with a layout, each choice made by ``choose`` (which picks one item of a sequence): each
    dimension is drawn from its values (or taken from ``fixed``)."""
    layout = {
        name: (fixed or {}).get(name) or choose(values)
        for name, values in DIMENSIONS.items()
        if name not in LATE_DIMENSIONS
    }
    community, kind = choose(communities())
    year_from = choose(range(2021, 2028))
    year_to = year_from + choose((0, 1, 2, 2, 3, 4))
    years = list(range(year_from, year_to + 1))
    directions = []
    for d in range(choose(range(2, 5))):
        directions.append(Direction(DIRECTION_TITLES[d], [_measure(choose, years) for _ in range(choose(range(1, 6)))]))
    if not any(isinstance(v, int) and v for d in directions for m in d.measures for v in m.amounts.values()):
        directions[0].measures[0].amounts[years[0]] = 50000  # a programme plans some money
    cities = partner_cities()
    chosen = {}
    for _ in range(choose(range(1, 5))):
        name, country = choose(cities)
        chosen[name] = country
    partners = [
        Partner(name, country, choose(("sister", "partner")), choose((None, _day(choose))))
        for name, country in chosen.items()
    ]
    programme = Programme(
        community=community,
        council_kind=kind,
        title_wording=choose(TITLE_WORDINGS),
        year_from=year_from,
        year_to=year_to,
        decision_date=f"{choose(range(1, 29)):02d}.{choose(range(1, 13)):02d}.{year_from - 1}",
        decision_number=f"{choose(range(1, 91))}/{choose(range(1, 41))}",
        directions=directions,
        partners=partners,
        layout=layout,
    )
    programme.column_wording = choose(range(len(COLUMN_WORDINGS)))  # drawn last: a seed's other draws stay as they were
    for name in LATE_DIMENSIONS:
        layout[name] = (fixed or {}).get(name) or choose(DIMENSIONS[name])
    return programme


def _measure(choose, years: list[int]) -> Measure:
    title = choose(MEASURE_STEMS) + choose(("", LONG_TAIL))
    amounts: dict[int, int | str] = {}
    for year in years:
        kind = choose(AMOUNT_KINDS)
        amounts[year] = {"dash": "dash", "blank": "blank", "zero": 0}.get(kind) or choose(range(1, 401)) * (
            1000 if kind == "thousands" else 5000
        )
    return Measure(title, amounts)


def _day(choose) -> str:
    return f"{choose(range(1, 29)):02d}.{choose(range(1, 13)):02d}.{choose(range(1995, 2025))}"


@st.composite
def programmes(draw, fixed: dict[str, str] | None = None) -> Programme:
    """The Hypothesis strategy: every choice of :func:`build` drawn by Hypothesis (so that it shrinks a failure)."""
    return build(lambda items: draw(st.sampled_from(items)), fixed)


def random_programmes(count: int, seed: int, fixed: dict[str, str] | None = None) -> list[Programme]:
    """``count`` models drawn independently by a seeded random generator (the sweep's: each document a fresh draw);
    ``fixed`` dimensions are not drawn."""
    rng = random.Random(seed)
    return [build(lambda items: items[rng.randrange(len(items))], fixed) for _ in range(count)]
