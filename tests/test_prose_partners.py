"""Partners written in running text are found through the gazetteer, in any grammatical case, with their country
from brackets, an adjective, or the gazetteer; a place only mentioned (no word of cooperation) is not a partner."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract.common import Extracted
from loaders.extract.prose_partners import prose_partners
from loaders.source_documents import SourceDocument

LINES = [
    "Програма міжнародного співробітництва громади на 2026-2028 роки",
    "Громада співпрацює з містами Тарнів (Республіка Польща) та Кошице (Словацька Республіка).",
    "Укладено угоди про побратимство з польськими містами Жешувом і Ярославом.",
    "У 2025 році делегація громади взяла участь у форумі в Любліні.",
    "Розвивається партнерство з Вільнюсом (Литовська Республіка) і Клайпедою.",
    "1.\tВізит до міста-партнера Люблін\t20,0",
    "Засідання проведено разом з Верховною Радою та обласною радою.",
]


def _partners(lines: list[str]) -> tuple[list[dict], list]:
    doc = SourceDocument(
        meta={},
        path=Path("programme.txt"),
        lines=tuple(lines),
        sha256="",
        locators=tuple(f"line {i}" for i in range(1, len(lines) + 1)),
        format="txt",
        notes=(),
    )
    out = Extracted()
    prose_partners(doc, out, "Бучач")
    return out.partners, out.issues


@pytest.fixture(scope="module")
def found() -> tuple[list[dict], list]:
    return _partners(LINES)


def test_partners_in_prose_in_any_case_with_their_countries(found):
    partners, _ = found
    got = [
        (p["partner_name_uk"], p["partner_name_as_printed"], p["country_code"], p["relationship"], p["source_line"])
        for p in partners
    ]
    assert got == [
        ("Тарнів", "Тарнів", "PL", "partner_city", 2),
        # «Словацька Республіка»: the adjective, the state's form set aside
        (
            "Кошице",
            "Кошице",
            "SK",
            "partner_city",
            2,
        ),
        ("Жешув", "Жешувом", "PL", "sister_city", 3),  # the instrumental case; the country from «польськими»
        ("Ярослав", "Ярославом", "PL", "sister_city", 3),
        ("Вільнюс", "Вільнюсом", "LT", "partner_city", 5),
        ("Клайпеда", "Клайпедою", "LT", "partner_city", 5),  # no brackets: the gazetteer knows it in one country
    ]
    for partner in partners:
        assert partner["partner_name_as_printed"] in LINES[partner["source_line"] - 1]


def test_a_place_only_mentioned_or_in_a_table_row_or_a_common_word_is_no_partner(found):
    partners, _ = found
    # a forum in Lublin; a trip's row; «Радою» is a council
    assert not [p for p in partners if p["source_line"] in (4, 6, 7)]


def test_each_partner_from_prose_is_a_data_issue_naming_its_line(found):
    partners, issues = found
    assert [(i.kind, i.source_line) for i in issues] == [("partner_in_prose", p["source_line"]) for p in partners]
    assert all(i.severity == "info" and "running text" in i.message for i in issues)


def test_a_name_already_found_and_the_community_itself_are_not_added_again():
    partners, _ = _partners(
        ["Місто Бучач співпрацює з містом Бучач і з побратимом Тарновом.", "Партнерство з Тарновом триває."]
    )
    assert [p["partner_name_uk"] for p in partners] == ["Тарнів"]


def test_names_the_dictionary_does_not_know_in_regular_case_forms():
    partners, _ = _partners(
        [
            "Громада підтримує побратимські зв'язки з польськими містами Любачевом і Гневом.",
            "Партнерство з угорським містом Матесалькою триває.",
            "Угоду про співпрацю з мерією Риманова (Польща) підписано у 2019 році.",
        ]
    )
    assert [(p["partner_name_uk"], p["partner_name_as_printed"]) for p in partners] == [
        ("Любачів", "Любачевом"),
        ("Гнев", "Гневом"),
        ("Матесалька", "Матесалькою"),
        ("Риманів", "Риманова"),
    ]


def test_a_place_the_gazetteer_lacks_is_a_partner_when_named_as_one_with_its_country_and_said_so():
    """«з містом Бардейов (Словаччина)»: a settlement word, a capitalised name and a country in brackets, in a sentence of
    cooperation, make a partner even where the gazetteer spells it otherwise (Бардіїв); it is kept as printed, with a
    warning to check it. Mentioned only (no word of cooperation), or without the settlement word, it is not."""
    partners, issues = _partners(
        [
            "Громада має угоди про співпрацю з містом Бардейов (Словаччина).",
            "Делегація відвідала виставку в місті Гуменне (Словаччина).",
            "Співпраця з Кежмарок (Словаччина) триває.",
        ]
    )
    assert [(p["partner_name_uk"], p["country_code"], p["source_line"]) for p in partners] == [("Бардейов", "SK", 1)]
    assert ("partner_not_in_gazetteer", 1) in [(i.kind, i.source_line) for i in issues]


def test_friendly_ties_and_twinned_towns_are_words_of_cooperation():
    """«дружні зв'язки з містом Кельце», «поріднені міста»: a partner, as «дружба» is; a forum held in Lublin is not."""
    partners, _ = _partners(
        [
            "Громада підтримує дружні зв’язки з містом Кельце (Польща) з 2016 року.",
            "Поріднені міста громади: Ставангер (Норвегія).",
            "Представники громади брали участь у Форумі місцевого самоврядування у Любліні.",
        ]
    )
    assert [(p["partner_name_uk"], p["country_code"], p["source_line"]) for p in partners] == [
        ("Кельце", "PL", 1),
        ("Ставангер", "NO", 2),
    ]


def test_the_items_of_a_list_that_a_line_naming_sister_cities_introduces_are_sister_cities():
    """«Громада має міста-побратими:» then «• м. Ярослав (Польща).»: an item with no word of cooperation of its own is
    a sister city still; under a lead that names no partners («Співпраця передбачає:»), a city is only mentioned."""
    partners, _ = _partners(
        [
            "Громада має міста-побратими:",
            "• м. Любачів (Республіка Польща) – угода від 12.05.2005 р.;",
            "",
            "• м. Ярослав (Польща).",
            "Співпраця передбачає:",
            "– участь у форумі в Любліні;",
        ]
    )
    assert [(p["partner_name_uk"], p["relationship"], p["source_line"]) for p in partners] == [
        ("Любачів", "sister_city", 2),
        ("Ярослав", "sister_city", 4),
    ]


def test_a_numbered_heading_naming_partner_cities_introduces_its_list():
    """«3. Міста-партнери громади» (a heading, no colon) over «1. Місто Жешув (Республіка Польща) – з 1992 р.»: each item
    is a partner city; the heading «4. Ресурсне забезпечення» after it introduces nothing."""
    partners, _ = _partners(
        [
            "3. Міста-партнери громади",
            "1. Місто Жешув (Республіка Польща) – з 1992 р.",
            "2. Місто Перемишль (Польща) – з 2003 р.",
            "4. Ресурсне забезпечення Програми",
            "1. Візит до Любліна (Польща).",
        ]
    )
    assert [(p["partner_name_uk"], p["relationship"], p["source_line"]) for p in partners] == [
        ("Жешув", "partner_city", 2),
        ("Перемишль", "partner_city", 3),
    ]


def test_an_abbreviated_city_and_a_city_the_gazetteer_lacks_beside_its_country_s_adjective():
    """«з м. Бидгощ (Польща)»: «м.» ends no sentence, so the partner is found; «з литовським містом Паневежис», a place
    the gazetteer lacks, is a partner with its country from the adjective, said to be kept as printed."""
    partners, issues = _partners(
        [
            "Партнерські відносини підтримуються з німецьким містом Целле та з м. Бидгощ (Польща).",
            "У 2019 році підписано меморандум про співпрацю з литовським містом Паневежис.",
        ]
    )
    assert [(p["partner_name_uk"], p["country_code"], p["source_line"]) for p in partners] == [
        ("Целле", "DE", 1),
        ("Бидгощ", "PL", 1),
        ("Паневежис", "LT", 2),
    ]
    assert ("partner_not_in_gazetteer", 2) in [(i.kind, i.source_line) for i in issues]


def test_a_line_naming_one_partner_and_an_agreement_gives_the_agreement_s_date():
    """A list item with its agreement dated («– угода про співпрацю від 14.03.2019») dates that partner; a line naming
    two partners, or a date with no agreement named, dates none."""
    partners, _ = _partners(
        [
            "Громада має партнерські відносини з:",
            "– гміною Ганна (Республіка Польща) – угода про співпрацю від 14.03.2019;",
            "– містом Ярослав (Польща), делегація прибула 02.09.2021;",
            "Угоди підписано з містами Любачів і Холм (Польща) 12 травня 2005 року.",
        ]
    )
    dates = {p["partner_name_uk"]: (p["agreement_date_text"], p["date_precision"]) for p in partners}
    assert dates == {
        "Ганна": ("14.03.2019", "day"),
        "Ярослав": (None, "not_stated"),
        "Любачів": (None, "not_stated"),
        "Холм": (None, "not_stated"),
    }
