"""A programme the reader cannot complete by itself, for the review step's tests: its measures table names its columns
in words no rule of the genre knows («Що саме буде зроблено», «Кошти у 2027 р.»), so no measures table is found.

The amounts below are the ones printed in :data:`TEXT`; the tests compare what a review reads with them.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from bench.synthetic.fixture_documents import make_docx
from loaders.build import DATA_DIR


def _community() -> tuple[str, str]:
    """The first community of communities.csv, and its name in the register (which the text prints, so that it is found)."""
    with open(DATA_DIR / "sources" / "communities.csv", encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    with open(DATA_DIR / "reference" / "communities_ua.csv", encoding="utf-8") as handle:
        registered = next(r for r in csv.DictReader(handle) if r["katottg"] == row["katottg"])
    return row["community_id"], registered["name_uk"]


COMMUNITY_ID, REGISTER_NAME = _community()
TEXT = f"""{REGISTER_NAME.upper()}
Програма розвитку міжнародної співпраці на 2027–2028 роки
1. Загальні положення
Програму спрямовано на розвиток зв'язків громади з містами-партнерами.
Громада співпрацює з містами Тарнів (Республіка Польща) та Кошице (Словацька Республіка).
2. Що робитимемо
№\tЩо саме буде зроблено\tХто відповідає\tКошти у 2027 р., тис. грн\tКошти у 2028 р., тис. грн
1\tПрийом делегацій міст-партнерів\tВиконавчий комітет\t40,0\t45,0
2\tУчасть у міжнародних виставках\tВідділ економіки\t25,5\t30,0
3\tПереклад документів громади\tВідділ економіки\t10,0\t–
\tРазом\t\t75,5\t75,0
Секретар міської ради
"""
UNKNOWN_HEADER = {
    "years": (2027, 2028),
    "year_columns": {2027: 4, 2028: 5},  # as printed: the fourth and fifth columns
    "name_column": 2,
    "number_column": 1,
    "first_measure": "Прийом делегацій міст-партнерів",
    # (measure, year) -> thousand UAH as printed; None: the dash, no money planned
    "amounts": {
        ("1", 2027): Decimal("40.0"),
        ("1", 2028): Decimal("45.0"),
        ("2", 2027): Decimal("25.5"),
        ("2", 2028): Decimal("30.0"),
        ("3", 2027): Decimal("10.0"),
        ("3", 2028): None,
    },
    "totals": {2027: Decimal("75.5"), 2028: Decimal("75.0")},
    "partners_in_prose": ("Тарнів", "Кошице"),  # written in running text: the review asks about each
}
UNKNOWN_HEADER_AMOUNTS = ("40,0", "45,0", "25,5", "30,0", "10,0")


def unknown_header_txt(path: Path) -> Path:
    path.write_text(TEXT, encoding="utf-8")
    return path


def unknown_header_docx(path: Path) -> Path:
    """The programme as a council's Word file (its table a real Word table)."""
    return make_docx(unknown_header_txt(path.with_suffix(".txt")), path)
