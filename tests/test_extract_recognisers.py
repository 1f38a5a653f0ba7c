"""Each recogniser of the genre on a snippet of about ten lines: a tiny document in, exact rows out.

Tabs separate table cells, as in the text extractions. Expected values are the ones typed
into each snippet.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from loaders.errors import SourceError
from loaders.extract import DataIssue, Decision, Extracted, check_layout, detect_programme, extract_document
from loaders.extract.amounts import read_amount
from loaders.extract.breakdown_tables import extract_breakdowns
from loaders.extract.common import Wording, wording
from loaders.extract.detect import with_detected
from loaders.extract.measures_table import column_role, extract_measures_table, find_header, heading_line_above
from loaders.extract.partners import extract_partners
from loaders.extract.passport import amount_unit, label_role, names_unit, read_passport
from loaders.extract.resource_table import find as find_resource_table
from loaders.extract.resource_table import read_resource_table
from loaders.extract.spending_list import heading_above, read_spending_list
from loaders.extract.task_list import find as find_task_list
from loaders.extract.task_list import read_task_list

from .documents import document, read_detected

D = Decimal


def _doc(*lines: str, years: tuple[int, int] | None = None):
    meta = {"year_from": str(years[0]), "year_to": str(years[1])} if years else {}
    return document("\n".join(lines), **meta)


# Passport


def test_passport_labels_values_and_total_beside_the_label():
    doc = _doc(
        "ПАСПОРТ ПРОГРАМИ",
        "1.\tПовна назва Програми\tПрограма співпраці міста Н. на 2021 - 2023 роки",
        "2.\tРозробники Програми\tВідділ економіки",
        "3.\tВідповідальні виконавці Програми\tВідділ економіки, відділ культури",
        "4.\tТермін реалізації Програми\t2021 - 2023 роки",
        "5.\tДжерела фінансування\tМіський бюджет",
        "6.\tЗагальний обсяг фінансування\t1 200,0 тис. грн.",
        "",
        "I. Загальні положення",
    )
    passport = read_passport(doc)
    assert passport.text("developer") == "Відділ економіки"
    assert passport.text("executor") == "Відділ економіки, відділ культури"
    assert passport.text("term") == "2021 - 2023 роки"
    assert [(t["scope"], t["year"], t["stated_total_thousand_uah"], t["source_line"]) for t in passport.totals] == [
        ("programme", None, D("1200.0"), 7)
    ]


def test_passport_years_and_amounts_printed_in_columns_of_their_own():
    doc = _doc(
        "ПАСПОРТ",
        "\tОбсяги та джерела фінансування",
        "2022 р.",
        "2023 р.",
        "Всього:",
        "\tз бюджету громади",
        "",
        "– 100,00 тис.грн.",
        "– 150,00 тис.грн.",
        "– 250,00 тис.грн.",
    )
    totals = read_passport(doc).totals
    assert [(t["year"], t["stated_total_thousand_uah"], t["source_line"]) for t in totals] == [
        (2022, D("100.00"), 8),
        (2023, D("150.00"), 9),
        (None, D("250.00"), 10),
    ]


def test_passport_years_inline_and_split_by_source_in_uah():
    doc = _doc(
        "ПАСПОРТ",
        "1.\tОбсяги фінансування\t2024 рік – 50 000 грн; 2025 рік – 70 000 грн; всього – 120 000 грн",
        "2.\tкоштів місцевого бюджету\t100 000 грн",
        "3.\tкоштів інших джерел\t20 000 грн",
        "",
        "1. Загальні положення",
    )
    passport = read_passport(doc)
    assert [(t["year"], t["stated_total_thousand_uah"]) for t in passport.totals] == [
        (2024, D("50")),
        (2025, D("70")),
        (None, D("120")),
    ]
    assert [(s["source_kind"], s["amount_thousand_uah"]) for s in passport.sources] == [
        ("budget", D("100")),
        ("other", D("20")),
    ]


def _passport_total(value: str):
    """The passport of a document whose total's row prints ``value`` beside a label that names no unit."""
    return read_passport(
        _doc("ПАСПОРТ", f"6.\tЗагальний обсяг фінансових ресурсів\t{value}", "", "1. Загальні положення")
    )


def test_a_scan_s_yearly_pair_with_its_decimals_after_a_space_keeps_the_unit_the_list_names():
    """OCR read «2 258 000,00 грн» as «2 258 000, 00 грн»: the amount is still in UAH (1000× off if taken for the
    default thousands), and a pair whose unit was lost takes the one every other pair of the list names."""
    passport = _passport_total("2021 рік- 4 505 000,00 грн; 2022 рік- 937 000,00; 2023 рік- 2 258 000, 00 грн")
    assert [(t["year"], t["stated_total_thousand_uah"]) for t in passport.totals] == [
        (2021, D("4505")),
        (2022, D("937")),
        (2023, D("2258")),
    ]


def test_a_yearly_amount_printed_in_pieces_is_a_said_gap_not_a_guess():
    """«1303 : 000 , 00 г р н»: the amount read would be «1303», 1000× off in either unit; it is not read, and said."""
    passport = _passport_total("2022 рік - 3 505 000,00 грн; 2024 рік - 1303 : 000 , 00 г р н")
    assert [(t["year"], t["stated_total_thousand_uah"]) for t in passport.totals] == [(2022, D("3505"))]
    assert passport.unread == [("2024 рік - 1303 : 000 , 00 г р н", 2)]


def test_passport_sources_and_totals_in_full_with_their_lines_and_units():
    doc = _doc(
        "ПАСПОРТ ПРОГРАМИ",  # 1
        "1.\tОбсяги фінансування, грн\t2024 рік – 50 000; 2025 рік – 70 000; УСЬОГО 120 000",  # 2: the label names the unit
        "2.\tкоштів місцевого бюджету, тис. грн\t100,0; з них на 2024 рік – 40,0",  # 3
        "3.\tкоштів інших джерел\tгранти",  # 4
        "",
        "1. Загальні положення",
    )
    passport = read_passport(doc)
    assert [
        (t["scope"], t["year"], t["stated_total_thousand_uah"], t["total_text"], t["source_line"])
        for t in passport.totals
    ] == [
        ("year", 2024, D("50"), "2024 рік – 50 000", 2),
        ("year", 2025, D("70"), "2025 рік – 70 000", 2),
        ("programme", None, D("120"), "120 000", 2),
    ]
    assert passport.sources == [
        {
            "stated_in": "passport",
            "source_kind": "budget",
            "source_text": "коштів місцевого бюджету, тис. грн",
            "year": None,
            "amount_thousand_uah": D("100.0"),
            "amount_text": "100,0; з них на 2024 рік – 40,0",
            "source_line": 3,
        },
        {
            "stated_in": "passport",
            "source_kind": "other",
            "source_text": "коштів інших джерел",
            "year": None,
            "amount_thousand_uah": None,
            "amount_text": "гранти",
            "source_line": 4,
        },
    ]


def test_a_source_of_funding_printed_in_the_total_s_block_is_the_passport_s_source():
    doc = _doc(
        "ПАСПОРТ",  # 1
        "\tОбсяги та джерела фінансування",  # 2
        "\tз бюджету громади",  # 3
        "2024 р.",  # 4
        "Всього:",  # 5
        "– 100,00 тис.грн.",  # 6
        "– 100,00 тис.грн.",  # 7
    )
    passport = read_passport(doc)
    assert (passport.values["funding_sources"].text, passport.values["funding_sources"].source_line) == (
        "з бюджету громади",
        3,
    )
    assert [(t["year"], t["stated_total_thousand_uah"], t["source_line"]) for t in passport.totals] == [
        (2024, D("100.00"), 6),
        (None, D("100.00"), 7),
    ]


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Найменування Програми", "title"),
        ("Розробник програми", "developer"),
        ("Відповідальний виконавець програми", "executor"),
        ("Строк виконання", "term"),
        ("Термін реалізації програми", "term"),
        ("Загальний обсяг фінансових ресурсів, необхідних для реалізації програми, всього", "total"),
        ("коштів місцевого бюджету", "source_budget"),
        ("кошти не бюджетних джерел", "source_other"),
        ("Мета Програми", "goal"),
        ("Перелік бюджетів, які беруть участь у виконанні Програми", "budgets"),
    ],
)
def test_passport_label_words(label, role):
    assert label_role(label) == role


# Measures table


@pytest.mark.parametrize(
    ("cell", "role"),
    [
        ("№ з/п", "number"),
        ("N з/п", "number"),
        ("Назва напряму діяльності (пріоритетні завдання)", "direction"),
        ("Напрямки реалізації", "direction"),
        ("Перелік заходів програми", "measure"),
        ("Зміст заходу", "measure"),
        ("Строк виконання заходу", "term"),
        ("Термін виконання", "term"),
        ("Виконавці", "executors"),
        ("Виконавець", "executors"),
        ("Відповідальні за реалізацію заходу", "executors"),
        ("Джерела фінансування", "funding_source"),
        ("Орієнтовні обсяги фінансування (вартість), тис. грн.", "amount"),
        ("Фінансування (тис. грн)", "amount"),
        ("Очікуваний результат", "result"),
        ("Очікуваний обсяг фінансування, тис. грн", "amount"),
        ("Прогнозований обсяг фінансування", "amount"),
        ("Необхідний обсяг коштів, тис. грн", "amount"),
        ("Потреба у фінансуванні, тис. грн", "amount"),
        ("Опис заходу", "measure"),
        ("Співвиконавці", "executors"),
        ("Період виконання", "term"),
        ("N з/п", "number"),
        ("N Заходи з/п", "measure"),
    ],
)
def test_column_role_words(cell, role):
    assert column_role(cell) == role


def _measures(doc) -> Extracted:
    out = Extracted()
    header = find_header(doc)
    assert header is not None
    extract_measures_table(doc, out, header, doc.years)
    return out


def test_the_rest_of_a_numbered_measure_s_row_parted_from_it_joins_its_name():
    """A scan of a table without ruling reads a row's second lines as a row of their own: no number, no amount, every
    cell going on in lower case. They are the rest of the measure above (its name, its executor), not a measure."""
    doc = _doc(
        "№ з/п\tПерелік заходів\tВиконавці\tОбсяги фінансування, тис. грн\t",
        "\t\t\t2021\t2022",
        "1.\tПроведення Днів громади\tВідділ економічного\t10,0\t20,0",
        ".\t" + "\" в містах-партнерах з метою розширення зв'язків\trозвитку\t\t",
        "2.\tУчасть у форумах\tВідділ економіки\t5,0\t-",
        "ВСЬОГО\t\t\t15,0\t20,0",
        years=(2021, 2022),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["measure_title"]) for m in out.measures] == [
        ("1", "Проведення Днів громади в містах-партнерах з метою розширення зв'язків"),
        ("2", "Участь у форумах"),
    ]
    assert "title_continued" in {i.kind for i in out.issues}


def test_amount_columns_whose_years_are_unread_are_a_said_gap_not_the_first_year():
    """An amount header spanning columns whose years the reader could not take apart («Всьо 2026 2027 го», a header
    wrapped in narrow columns) must not make the first column (here the sum) the programme's first year: the amounts
    are a gap, said as ``year_columns_unclear``, which the review step asks about."""
    doc = _doc(
        "№\tПерелік заходів\tВиконавці\tОрієнтовний обсяг фінансування, грн\t\t",
        "з / п\t\t\tВсьо 2026 2027 го\t\t",
        "1.\tПроведення Днів громади\tВідділ економіки\t30 000,00\t10 000,00\t20 000,00",
        "2.\tУчасть у форумах\tВідділ економіки\t5 000,00\t5 000,00\t–",
        years=(2026, 2027),
    )
    out = _measures(doc)
    assert [m["measure_title"] for m in out.measures] == ["Проведення Днів громади", "Участь у форумах"]
    assert {(a["amount_thousand_uah"], a["amount_status"]) for a in out.amounts} == {(None, "not_stated")}
    assert ("year_columns_unclear", 1) in [(i.kind, i.source_line) for i in out.issues]


def test_a_table_going_on_under_a_header_with_its_columns_set_apart_otherwise_is_read_by_that_header():
    """A table split over pages whose second header is laid out otherwise («№» read into the measures' column, the
    amounts now in грн): its rows are read by their own header's columns and unit, and the change is said."""
    doc = _doc(
        "№ з/п\tПерелік заходів\tВиконавці\tОбсяг фінансування, тис. грн\t",
        "\t\t\t2025\t2026",
        "1.\tПрийом делегацій\tВідділ економіки\t10,0\t20,0",
        "№ з/п Перелік заходів\tВиконавці\tОбсяг фінансування, грн\t",
        "\t\t2025\t2026",
        "2. Участь у форумах\tВідділ економіки\t5 000,00\t–",
        "ВСЬОГО\t\t15 000,00\t20 000,00",
        years=(2025, 2026),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["measure_title"]) for m in out.measures] == [
        ("1", "Прийом делегацій"),
        ("2", "Участь у форумах"),
    ]
    assert [(a["measure_code"], a["year"], a["amount_thousand_uah"]) for a in out.amounts] == [
        ("1", 2025, D("10.0")),
        ("1", 2026, D("20.0")),
        ("2", 2025, D("5")),
        ("2", 2026, None),
    ]
    assert [(t["year"], t["stated_total_thousand_uah"]) for t in out.stated_totals] == [
        (2025, D("15")),
        (2026, D("20")),
    ]
    assert ("header_changed", 4) in [(i.kind, i.source_line) for i in out.issues]


def test_rows_after_another_header_are_read_again_once_the_table_s_own_header_comes_back():
    """A header with other columns (its years joined in one cell) is a said gap; a direction's title under it still
    opens its direction, and once the table's own header is printed again its rows are read again, their codes
    counted within their direction («II.1»)."""
    doc = _doc(
        "№ з/п\tПерелік заходів\tВиконавці\tОбсяг фінансування, тис. грн\t",
        "\t\t\t2025\t2026",
        "I. Співпраця з містами-побратимами\t\t\t\t",
        "–\tПрийом делегацій\tВідділ економіки\t10,0\t20,0",
        "–\tВізит до міста-побратима\tВідділ економіки\t5,0\t–",
        "№ з/\tПерелік заходів Програми\tВиконавці\tОбсяг фінансування, тис. грн 2025 2026",
        "II. Промоція\t\t\t",
        "№ з/п\tПерелік заходів\tВиконавці\tОбсяг фінансування, тис. грн\t",
        "\t\t\t2025\t2026",
        "–\tБуклети\tВідділ економіки\t3,0\t4,0",
        "ВСЬОГО\t\t\t18,0\t24,0",
        years=(2025, 2026),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["section_code"], m["measure_title"]) for m in out.measures] == [
        ("I.1", "I", "Прийом делегацій"),
        ("I.2", "I", "Візит до міста-побратима"),
        ("II.1", "II", "Буклети"),
    ]
    assert [(a["measure_code"], a["year"], a["amount_thousand_uah"]) for a in out.amounts][-2:] == [
        ("II.1", 2025, D("3.0")),
        ("II.1", 2026, D("4.0")),
    ]
    assert [(i.kind, i.source_line) for i in out.issues][:2] == [("other_header", 6), ("header_back", 8)]


def test_two_years_rows_read_as_one_are_a_said_gap_for_both_years():
    """A PDF's rows of two years read as one («2022 2023» beside «–»): which year the dash is for is not known, so
    both years are a said gap (``unreadable_amount``), never a silent «not stated»."""
    doc = _doc(
        "№ з/п\tПерелік заходів\tВиконавці\tРік\tОбсяг фінансування, тис. грн",
        "1.\tПрийом делегацій\tВідділ економіки\t2022\t10,0",
        "\t\t\t2023\t20,0",
        "2.\tВізит до міста-побратима\tВідділ економіки\t\t",
        "\t\t\t2022 2023\t–",
        "Всього\t\t\t2022\t10,0",
        "\t\t\t2023\t20,0",
        years=(2022, 2023),
    )
    out = _measures(doc)
    assert [(a["year"], a["amount_thousand_uah"]) for a in out.amounts if a["measure_code"] == "2"] == [
        (2022, None),
        (2023, None),
    ]
    assert [(i.kind, i.source_line) for i in out.issues] == [("unreadable_amount", 4), ("unreadable_amount", 4)]
    # the same at a measure's first row («2022 2023» beside «0,800»): both years a said gap too
    first = _doc(
        "№ з/п\tПерелік заходів\tВиконавці\tРік\tОбсяг фінансування, тис. грн",
        "1.\tПрийом делегацій\tВідділ економіки\t2022 2023\t0,800",
        "\t\t\tВсього\t0,800",
        years=(2022, 2023),
    )
    out = _measures(first)
    assert [(a["year"], a["amount_status"]) for a in out.amounts] == [(2022, "not_stated"), (2023, "not_stated")]
    assert [(i.kind, i.source_line) for i in out.issues if i.source_line] == [("unreadable_amount", 2)] * 2


def test_measures_with_roman_sections_year_columns_and_a_total_row():
    doc = _doc(
        "№ з/п\tПерелік заходів\tВиконавці\tДжерела фінансування\tОбсяги фінансування, тис. грн\t",
        "\t\t\t\t2021\t2022",
        "I. Співпраця з містами-побратимами\t\t\t\t\t",
        "1.1.\tПрийом делегацій\tВідділ економіки\tМіський бюджет\t10,0\t20,0",
        "1.2.\tВізит до міста-побратима\tВідділ економіки\tМіський бюджет, благодійні фонди\t5,0\t-",
        "",
        "II. Промоція",
        "2.1.\tБуклети\tВідділ економіки\tМіський бюджет\t3,0\t4,0",
        "ВСЬОГО\t\t\t\t18,0\t24,0",
        years=(2021, 2022),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["section_code"], m["section_title"]) for m in out.measures] == [
        ("1.1", "I", "Співпраця з містами-побратимами"),
        ("1.2", "I", "Співпраця з містами-побратимами"),
        ("2.1", "II", "Промоція"),
    ]
    assert [(a["measure_code"], a["year"], a["amount_thousand_uah"], a["amount_status"]) for a in out.amounts][2:4] == [
        ("1.2", 2021, D("5.0"), "stated"),
        ("1.2", 2022, None, "none"),
    ]
    assert [(t["scope"], t["year"], t["stated_total_thousand_uah"], t["source_line"]) for t in out.stated_totals] == [
        ("year", 2021, D("18.0"), 9),
        ("year", 2022, D("24.0"), 9),
    ]
    assert [(i.kind, i.source_line) for i in out.issues] == [("not_only_budget_money", 5)]


def test_estimate_with_direction_cells_left_blank_under_a_merged_cell_and_sub_totals():
    doc = _doc(
        "№ з/п\tНапрямки реалізації\tПерелік заходів Програми\tФінансування (тис. грн)",
        "1\t2\t3\t4",
        "1.\tСпівпраця з побратимами\tПрийом делегацій\t40,0",
        "\t\tВізити за кордон\t60,0",
        "\t\tВСЬОГО\t100,0",
        "2.\tПромоція\tБуклети\t15,0",
        "\tЗагальний кошторис\tВСЬОГО\t115,0",
        years=(2020, 2020),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["section_code"], m["measure_title"]) for m in out.measures] == [
        ("1.1", "1", "Прийом делегацій"),
        ("1.2", "1", "Візити за кордон"),
        ("2.1", "2", "Буклети"),
    ]
    assert [(t["scope"], t["section_code"], t["stated_total_thousand_uah"]) for t in out.stated_totals] == [
        ("section", "1", D("100.0")),
        ("year", None, D("115.0")),
    ]
    assert "measure_codes_assigned" in [i.kind for i in out.issues]


def test_direction_repeated_on_every_row_is_one_direction_with_a_sub_total_row():
    doc = _doc(
        "№ з/п\tНазва напряму діяльності\tПерелік заходів програми\tОбсяги фінансування, тис. грн\t",
        "\t\t\t2024\t2025",
        "1\tПартнерство\t1.1. Прийом делегацій\t10,0\t10,0",
        "1\tПартнерство\t1.2. Обмін учнями\t5,0\t-",
        "\tРазом за напрямом 1\t\t15,0\t10,0",
        "2\tПромоція\t2.1. Відео про громаду\t7,0\t8,0",
        "\tРазом за напрямом 2\t\t7,0\t8,0",
        "\tУсього\t\t22,0\t18,0",
        years=(2024, 2025),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["section_code"], m["measure_title"]) for m in out.measures] == [
        ("1.1", "1", "Прийом делегацій"),
        ("1.2", "1", "Обмін учнями"),
        ("2.1", "2", "Відео про громаду"),
    ]
    assert [(t["scope"], t["year"], t["section_code"], t["stated_total_thousand_uah"]) for t in out.stated_totals] == [
        ("section", 2024, "1", D("15.0")),
        ("section", 2025, "1", D("10.0")),
        ("section", 2024, "2", D("7.0")),
        ("section", 2025, "2", D("8.0")),
        ("year", 2024, None, D("22.0")),
        ("year", 2025, None, D("18.0")),
    ]


def test_measures_numbered_with_a_parenthesis_in_uah():
    doc = _doc(
        "№\tНайменування заходу\tТермін виконання\tОбсяг фінансування, грн",
        "1)\tПрийом делегації\tтравень\t12 500",
        "2)\tВізит делегації\tвересень\t7 500",
        "Разом\t\t\t20 000",
        years=(2025, 2025),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["term_text"]) for m in out.measures] == [("1", "травень"), ("2", "вересень")]
    assert [a["amount_thousand_uah"] for a in out.amounts] == [D("12.5"), D("7.5")]
    assert [(t["scope"], t["stated_total_thousand_uah"]) for t in out.stated_totals] == [("year", D("20"))]


def test_one_amount_column_a_heading_of_another_year_and_no_total_row_are_issues_with_their_lines():
    doc = _doc(
        "Заходи програми на 2023 рік",  # 1: the heading names a year outside the programme
        "",
        "№\tНайменування заходу\tТермін виконання\tОбсяг фінансування, тис. грн",  # 3
        "1)\tПрийом делегації\tтравень\t12,5",  # 4
        "2)\tВізит делегації\tвересень\t7,5",  # 5
        years=(2024, 2025),
    )
    out = _measures(doc)
    assert [(a["measure_code"], a["year"], a["amount_thousand_uah"]) for a in out.amounts] == [
        ("1", 2024, D("12.5")),
        ("2", 2024, D("7.5")),
    ]
    assert [(i.severity, i.kind, i.message, i.source_line) for i in out.issues] == [
        ("warning", "single_year_estimate", "The table has one amount column; it is read as 2024.", 3),
        (
            "warning",
            "heading_year_differs",
            "The table's heading says 2023, but the programme (title, passport and every row of the table) is for 2024. The amounts are read as 2024.",
            1,
        ),
        ("warning", "no_total_row", "The measures table has no total row to check the measures against.", None),
    ]


def test_year_columns_other_than_the_programme_s_and_no_unit_are_issues_with_their_lines():
    doc = _doc(
        "Заходи програми",  # 1: a heading without a year
        "№\tПерелік заходів\tОбсяги фінансування",  # 2
        "\t\t2024\t2025\t2026",  # 3
        "1.\tПрийом делегації\t1,0\t2,0\t3,0",  # 4
        "Усього\t\t1,0\t2,0\t3,0",  # 5
        years=(2024, 2025),
    )
    out = _measures(doc)
    assert [(i.severity, i.kind, i.message, i.source_line) for i in out.issues] == [
        ("warning", "year_columns_differ", "The table has columns for 2024–2026, the programme runs 2024–2025.", 3),
        (
            "warning",
            "unit_not_stated",
            "The table names no unit (тис. грн or грн); the amounts are read as thousand UAH.",
            2,
        ),
    ]


def test_a_heading_is_looked_for_within_five_untabbed_lines_above():
    doc = _doc("Заходи на 2019 рік", "a", "b\tc", "d", "e", "", "", "f\tg")
    assert [heading_line_above(doc, n) for n in (1, 2, 3, 4, 7, 8)] == [None, 1, 2, 2, 5, 5]
    assert heading_line_above(_doc("x", "", "", "", "", "", "y"), 7) is None  # six lines up is too far


# Resource table


def test_resource_table_totals_by_year_and_source():
    doc = _doc(
        "Ресурсне забезпечення програми",
        "тис. грн",
        "Обсяг коштів, які пропонується залучити\t2024 рік\t2025 рік\tУсього витрат на виконання програми",
        "Обсяг ресурсів, усього, у тому числі:\t100,0\t120,0\t220,0",
        "місцевий бюджет\t90,0\t100,0\t190,0",
        "кошти інших джерел\t10,0\t20,0\t30,0",
        "",
        "4. Напрями діяльності",
    )
    table = find_resource_table(doc)
    assert table == read_resource_table(doc, 1)
    assert [(r["source_kind"], r["year"], r["amount_thousand_uah"]) for r in table.rows] == [
        ("total", 2024, D("100.0")),
        ("total", 2025, D("120.0")),
        ("total", None, D("220.0")),
        ("budget", 2024, D("90.0")),
        ("budget", 2025, D("100.0")),
        ("budget", None, D("190.0")),
        ("other", 2024, D("10.0")),
        ("other", 2025, D("20.0")),
        ("other", None, D("30.0")),
    ]


def test_a_sentence_that_puts_the_resources_in_a_missing_annex_is_not_a_resource_table():
    doc = _doc("Ресурсне забезпечення виконання програми визначене у додатку до Програми.")
    assert find_resource_table(doc) is None


def test_a_sentence_that_names_the_resource_table_is_passed_over_for_the_table_itself():
    doc = _doc(
        "Ресурсне забезпечення Програми наведено в додатку 1.",
        "Додаток 1",
        "Ресурсне забезпечення Програми",
        "Обсяг коштів, які пропонується залучити\t2026 рік\t2027 рік\tУсього витрат на виконання програми",
        "Обсяг ресурсів, усього, у тому числі:\t400,5\t415,0\t815,5",
    )
    table = find_resource_table(doc)
    assert table.heading_line == 3
    assert [(r["year"], r["amount_thousand_uah"]) for r in table.totals()] == [
        (2026, D("400.5")),
        (2027, D("415.0")),
        (None, D("815.5")),
    ]


# Lists without amounts


def test_task_list_with_directions_numbered_with_a_parenthesis():
    doc = _doc(
        "Програма передбачає два основних напрями:",
        "1) Партнерство громад;",
        "2) Промоція громади.",
        "Завданнями напрямів є:",
        "1.1. Обмін делегаціями;",
        "1.2. Спільні проєкти;",
        "2.1. Буклети.",
        years=(2024, 2024),
    )
    out = Extracted()
    read_task_list(doc, out, find_task_list(doc))
    assert [(m["measure_code"], m["section_title"], m["measure_title"]) for m in out.measures] == [
        ("1.1", "Партнерство громад", "Обмін делегаціями"),
        ("1.2", "Партнерство громад", "Спільні проєкти"),
        ("2.1", "Промоція громади", "Буклети"),
    ]
    assert {a["amount_status"] for a in out.amounts} == {"not_stated"}


def test_spending_list_items_are_measures_without_amounts():
    doc = _doc(
        "Обсяги фінансування",
        "Кошти бюджету громади спрямовуються на:",
        "1. сувенірну продукцію;",
        "2. транспортні витрати делегацій.",
        "Термін виконання Програми",
        years=(2022, 2023),
    )
    out = Extracted()
    read_spending_list(doc, out, 2)
    assert [(m["measure_code"], m["section_title"]) for m in out.measures] == [
        ("1", "Обсяги фінансування"),
        ("2", "Обсяги фінансування"),
    ]
    assert len(out.amounts) == 4 and {a["amount_thousand_uah"] for a in out.amounts} == {None}


def test_task_list_rows_in_full_a_task_of_no_listed_direction_and_the_missing_annex():
    doc = _doc(
        "Вступ",  # 1
        "Програма передбачає два основних напрями:",  # 2
        "1. Партнерство громад;",  # 3
        "2) Промоція громади.",  # 4
        "1.1 Обмін делегаціями;",  # 5
        "3.1. Участь у виставках.",  # 6
        "1.2.\tрядок таблиці, не завдання",  # 7
        "Ресурси визначено в додатку до Програми.",  # 8
        years=(2024, 2025),
    )
    out = Extracted()
    read_task_list(doc, out, 2)
    assert out.measures == [
        {
            "measure_code": "1.1",
            "sort_order": 1,
            "section_code": "1",
            "section_title": "Партнерство громад",
            "measure_title": "Обмін делегаціями",
            "source_line": 5,
        },
        {
            "measure_code": "3.1",
            "sort_order": 2,
            "section_code": "3",
            "section_title": None,
            "measure_title": "Участь у виставках",
            "source_line": 6,
        },
    ]
    assert out.amounts == [
        {
            "measure_code": code,
            "year": year,
            "amount_thousand_uah": None,
            "amount_status": "not_stated",
            "amount_text": None,
            "source_line": line,
        }
        for code, line in (("1.1", 5), ("3.1", 6))
        for year in (2024, 2025)
    ]
    assert [(i.severity, i.kind, i.source_line) for i in out.issues] == [
        ("warning", "task_without_direction", 6),
        ("warning", "amounts_in_missing_annex", 8),
    ]
    assert "3.1" in out.issues[0].message and "not zero" in out.issues[1].message


def test_a_task_list_without_directions_and_without_an_annex_has_no_issues():
    doc = _doc("Програма передбачає три основних напрямки:", "1.1. Візити;", "2.1. Буклети.", years=(2024, 2024))
    out = Extracted()
    read_task_list(doc, out, 1)
    assert [(m["measure_code"], m["section_code"], m["section_title"]) for m in out.measures] == [
        ("1.1", "1", None),
        ("2.1", "2", None),
    ]
    assert out.issues == []


def test_spending_list_rows_in_full_end_at_the_first_line_that_is_not_an_item():
    doc = _doc(
        "1. Загальні положення",  # 1: starts with a digit, not a heading
        "Мета Програми.",  # 2: ends with a full stop, not a heading
        "Обсяги фінансування",  # 3: the heading
        "Фінансування:",  # 4: ends with a colon, not a heading
        "Кошти бюджету громади спрямовуються на:",  # 5
        "1. сувенірну продукцію;",  # 6
        "2) транспортні витрати делегацій.",  # 7
        "Термін виконання Програми",  # 8
        "3. не пункт списку, бо після рядка вище",  # 9
        years=(2022, 2023),
    )
    out = Extracted()
    read_spending_list(doc, out, 5)
    assert out.measures == [
        {
            "measure_code": "1",
            "sort_order": 1,
            "section_code": None,
            "section_title": "Обсяги фінансування",
            "measure_title": "сувенірну продукцію",
            "source_line": 6,
        },
        {
            "measure_code": "2",
            "sort_order": 2,
            "section_code": None,
            "section_title": "Обсяги фінансування",
            "measure_title": "транспортні витрати делегацій",
            "source_line": 7,
        },
    ]
    assert out.amounts == [
        {
            "measure_code": code,
            "year": year,
            "amount_thousand_uah": None,
            "amount_status": "not_stated",
            "amount_text": None,
            "source_line": line,
        }
        for code, line in (("1", 6), ("2", 7))
        for year in (2022, 2023)
    ]


def test_the_heading_above_a_spending_list_is_short_and_none_when_there_is_none():
    long_line = "Кошти " + "дуже " * 20 + "багато"
    doc = _doc(long_line, "Кошти бюджету громади спрямовуються на:", "1. візити.", years=(2022, 2022))
    assert len(long_line) > 80
    assert heading_above(doc, 2) is None
    assert heading_above(_doc("", "Кошти бюджету громади спрямовуються на:"), 2) is None
    exactly = "Н" * 80
    assert heading_above(_doc(exactly, "x"), 2) == exactly


def test_a_resource_table_total_that_differs_from_the_measures_table_is_an_issue_and_the_measures_total_is_kept():
    doc = _doc(
        "Програма розвитку міжнародного співробітництва міста Н. на 2024-2025 роки",  # 1
        "Ресурсне забезпечення програми",  # 2
        "тис. грн",  # 3
        "Обсяг коштів, які пропонується залучити\t2024 рік\t2025 рік\tУсього витрат на виконання програми",  # 4
        "Обсяг ресурсів, усього, у тому числі:\t100,0\t120,0\t220,0",  # 5
        "",
        "№ з/п\tПерелік заходів\tВиконавці\tОбсяги фінансування, тис. грн\t",  # 7
        "\t\t\t2024\t2025",  # 8
        "1.1.\tПрийом делегацій\tВідділ економіки\t100,0\t110,0",  # 9
        "ВСЬОГО\t\t\t100,0\t110,0",  # 10
        years=(2024, 2025),
    )
    detected, out, _ = read_detected(doc)
    assert detected.layout == "measures_table"
    totals = sorted(
        ((t["scope"], t["year"]), (t["stated_total_thousand_uah"], t["stated_in"], t["source_line"]))
        for t in out.stated_totals
        if t["scope"] != "section"
    )
    assert totals == [
        (("programme", None), (D("220.0"), "resource table", 5)),
        (("year", 2024), (D("100.0"), "measures table", 10)),
        (("year", 2025), (D("110.0"), "measures table", 10)),
    ]
    differ = [(i.severity, i.kind, i.message, i.source_line) for i in out.issues if i.kind == "totals_differ"]
    assert differ == [
        ("warning", "totals_differ", "The resource table states the 2025 total as 120,0, but line 10 states 110,0.", 5)
    ]
    assert [
        (f["stated_in"], f["source_kind"], f["year"], f["amount_thousand_uah"], f["source_line"])
        for f in out.funding_sources
    ] == [
        ("resource_table", "total", 2024, D("100.0"), 5),
        ("resource_table", "total", 2025, D("120.0"), 5),
        ("resource_table", "total", None, D("220.0"), 5),
    ]


def test_a_layout_must_name_a_part_that_holds_measures():
    doc = _doc("Програма")
    assert check_layout(doc, "task_list") == "task_list"
    with pytest.raises(SourceError) as unknown:
        check_layout(doc, "tables")
    assert (
        unknown.value.message
        == "unknown layout 'tables' in documents.csv (known: measure_list, measures_table, spending_list, task_list)"
    )
    assert check_layout(doc, None) is None  # read without measures, with the data issue measures_not_found


@pytest.mark.parametrize(
    ("layout", "message"),
    [
        ("measures_table", "no measures table found (no header row naming 'Перелік заходів')"),
        ("task_list", "no a list of directions ('Програма передбачає … основних напрямки:') found"),
        ("spending_list", "no a list of spending directions ('кошти бюджету … спрямовуються … на:') found"),
    ],
)
def test_a_layout_typed_in_documents_csv_that_the_document_lacks_is_a_clear_error(layout, message):
    doc = document("Програма співпраці міста Ніжина на 2021 рік", layout=layout, year_from="2021", year_to="2021")
    with pytest.raises(SourceError) as caught:
        extract_document(doc, "Ніжин")
    assert caught.value.message == message


def test_a_measures_table_header_without_rows_is_an_error_data_issue_at_the_header():
    doc = document(
        "Програма співпраці міста Ніжина на 2021 рік\n№ з/п\tПерелік заходів\tВиконавці\tОбсяг фінансування, тис. грн\n\nI. Загальні положення",
        year_from="2021",
        year_to="2021",
    )
    out = extract_document(doc, "Ніжин")
    assert out.measures == [] and out.amounts == []
    assert [(i.severity, i.kind, i.source_line) for i in out.issues if i.kind.startswith("measures_")] == [
        ("error", "measures_not_read", 2)
    ]


def test_a_programme_without_measures_keeps_its_totals_and_partners_and_says_the_measures_are_missing():
    doc = document(
        "Програма міжнародного співробітництва міста Ніжина на 2025 рік\n"  # 1
        "Обсяг фінансування Програми на 2025 рік становить 75,0 тис. гривень.\n"  # 2
        "Місто співпрацює з містом-побратимом Тарнів (Республіка Польща).\n",  # 3
        year_from="2025",
        year_to="2025",
    )
    out = extract_document(doc, "Ніжин")
    assert out.measures == []
    assert [(i.severity, i.kind, i.source_line) for i in out.issues if i.kind.startswith("measures_")] == [
        ("error", "measures_not_found", None)
    ]
    assert [(t["scope"], t["year"], t["stated_total_thousand_uah"], t["source_line"]) for t in out.stated_totals] == [
        ("year", 2025, D("75.0"), 2)
    ]
    assert [(p["partner_name_uk"], p["country_code"], p["source_line"]) for p in out.partners] == [("Тарнів", "PL", 3)]


def test_totals_outside_the_measures_table_keep_the_resource_table_s_before_the_passport_s():
    """extract._merge_totals: the measures table's total first (here it has none), then the resource table's, then the passport's."""
    doc = _doc(
        "ПРОГРАМА МІЖНАРОДНОГО СПІВРОБІТНИЦТВА НА 2024-2025 РОКИ",  # 1
        "ПАСПОРТ ПРОГРАМИ",  # 2
        "1.\tДжерела фінансування\tМіський бюджет, кошти інших джерел",  # 3
        "2.\tЗагальний обсяг фінансування\t200,0 тис. грн.",  # 4
        "",
        "I. Загальні положення",  # 6
        "",
        "Ресурсне забезпечення програми",  # 8
        "тис. грн",  # 9
        "Обсяг коштів, які пропонується залучити\t2024 рік\t2025 рік\tУсього витрат на виконання програми",  # 10
        "Обсяг ресурсів, усього, у тому числі:\t100,0\t120,0\t220,0",  # 11
        "",
        "№ з/п\tПерелік заходів\tВиконавці\tОбсяги фінансування, тис. грн\t",  # 13
        "\t\t\t2024\t2025",  # 14
        "1.1.\tПрийом делегацій\tВідділ економіки\t100,0\t120,0",  # 15: no total row
    )
    _, out, _ = read_detected(doc)
    assert [
        (t["scope"], t["year"], t["stated_total_thousand_uah"], t["stated_in"], t["source_line"])
        for t in out.stated_totals
    ] == [
        ("year", 2024, D("100.0"), "resource table", 11),
        ("year", 2025, D("120.0"), "resource table", 11),
        ("programme", None, D("220.0"), "resource table", 11),
    ]
    assert (
        DataIssue(
            "warning",
            "totals_differ",
            "The passport states the programme total as 200,0 тис. грн., but line 11 states 220,0.",
            4,
        )
        in out.issues
    )
    assert (
        DataIssue(
            "warning",
            "adopted_for_assumed",
            "The title names neither the city nor the territorial community; the programme is read as the community's "
            "(documents.csv can say otherwise). Per-resident figures divide by that population.",
            1,
        )
        in out.issues
    )
    assert out.funding_sources[-1] == {
        "stated_in": "passport",
        "source_kind": "other",
        "source_text": "Міський бюджет, кошти інших джерел",
        "year": None,
        "amount_thousand_uah": None,
        "amount_text": None,
        "source_line": 3,
    }
    budget_only = _doc(*[line.replace(", кошти інших джерел", "") for line in doc.lines])
    assert read_detected(budget_only)[1].funding_sources[-1]["source_kind"] == "budget"


def test_a_draft_decision_is_a_warning_on_its_heading_line():
    doc = _doc(
        "ЗАТВЕРДЖЕНО",
        "Рішення міської ради",  # 2
        "від ___ 2020 року № ___",
        "",
        "Програма співпраці міста Ніжина на 2021 рік",  # 5
        "№ з/п\tПерелік заходів\tВиконавці\tОбсяг фінансування, тис. грн",
        "1.\tПрийом делегацій\tВідділ економіки\t20,0",
        "Разом\t\t\t20,0",
    )
    _, out, _ = read_detected(doc)
    drafts = [i for i in out.issues if i.kind == "draft"]
    assert drafts == [
        DataIssue(
            "warning",
            "draft",
            "The council decision is printed with blanks («Рішення міської ради від ___ 2020 року № ___»): this is a draft, and the adopted programme may differ.",
            2,
        )
    ]


# Detection


def test_detect_title_on_two_lines_city_programme_and_draft_decision():
    doc = _doc(
        "ЗАТВЕРДЖЕНО",
        "Рішення міської ради",
        "від ___ 2020 року № ___",
        "",
        "Програма співпраці",
        "міста Ніжина на 2021 рік",
        "",
        "Секретар міської ради",
        "",
        "О. ПЕТРЕНКО",
    )
    found = detect_programme(doc)
    assert (found.title, found.title_line) == ("Програма співпраці міста Ніжина на 2021 рік", 5)
    assert (found.year_from, found.year_to, found.adopted_for) == (2021, 2021, "city")
    assert (found.decision.date_text, found.decision.number_text, found.decision.is_draft) == (
        "___ 2020 року",
        "___",
        True,
    )
    assert found.community_name_as_printed == "міста Ніжина"
    assert found.signatory == "Секретар міської ради О. ПЕТРЕНКО"


def test_detect_community_programme_and_council_name_as_printed():
    doc = _doc(
        "Рішення Ізяславської міської ради від 14.12.2023 № 45",
        "",
        "Програма партнерства Ізяславської міської територіальної громади на 2024-2026 роки",
    )
    found = detect_programme(doc)
    assert (found.year_from, found.year_to, found.adopted_for) == (2024, 2026, "community")
    assert found.community_name_as_printed == "Ізяславської міської територіальної громади"
    assert found.council_name_as_printed == "Ізяславської міської ради"
    assert (found.decision.date_text, found.decision.number_text, found.decision.is_draft) == (
        "14.12.2023",
        "45",
        False,
    )
    assert found.layout is None  # no measures: the build says so


def test_detect_a_passport_s_title_without_its_short_name_years_from_its_term_and_its_texts():
    doc = _doc(
        "ПАСПОРТ ПРОГРАМИ",  # 1
        "1.\tНазва програми\tКомплексна програма міжнародного співробітництва (далі - Програма)",  # 2
        "2.\tРозробник програми\tВідділ економіки",  # 3
        "3.\tВідповідальний виконавець\tВідділ культури",  # 4
        "4.\tТермін реалізації програми\t2022 - 2024 роки",  # 5
        "5.\tДжерела фінансування\tБюджет Маківської сільської територіальної громади",  # 6
    )
    found = detect_programme(doc)
    assert (found.title, found.title_line) == ("Комплексна програма міжнародного співробітництва", 2)
    assert (found.year_from, found.year_to, found.years_from) == (2022, 2024, "passport term")
    assert (found.developer, found.responsible_executor) == ("Відділ економіки", "Відділ культури")
    assert found.funding_sources_text == "Бюджет Маківської сільської територіальної громади"
    assert found.recognisers == ["passport"]
    assert found.metadata() == {
        "layout": "",
        "programme_title_uk": "Комплексна програма міжнародного співробітництва",
        "year_from": "2022",
        "year_to": "2024",
        "adopted_for": "community",
        "council_decision_as_printed": "not printed in the document",
    }


def test_detect_years_from_a_line_naming_the_programme_when_neither_title_nor_term_has_them():
    doc = _doc(
        "Звіт", "Заходи на 2019 рік", "Ця програма на 2020 рік діє в місті.", "Дію програми продовжено на 2021 рік"
    )
    found = detect_programme(doc)
    assert (found.title, found.year_from, found.year_to, found.years_from) == (
        None,
        2020,
        2020,
        "a line naming the programme",
    )
    assert detect_programme(_doc("Звіт", "Заходи на 2019 рік")).years_from is None


def test_a_title_is_looked_for_in_the_first_80_lines_and_over_at_most_four_lines():
    late = detect_programme(_doc(*[""] * 80, "Програма співпраці на 2021 рік"))  # line 81
    assert (late.title, late.year_from) == (None, None)
    # the years on the fifth line
    five = detect_programme(_doc("Програма", "співпраці", "громад", "і міст", "на 2021 рік"))
    assert five.title is None
    four = detect_programme(_doc("Програма", "співпраці", "громад", "на 2021 рік"))
    assert (four.title, four.title_line) == ("Програма співпраці громад на 2021 рік", 1)


def test_a_decision_stamp_two_lines_above_comes_first_and_the_decision_s_own_title_is_not_part_of_it():
    doc = _doc(
        "Рішення міської ради",  # 1: a decision heading, not stamped
        "Про затвердження Програми від 01.02.2020 № 1",  # 2: the decision's title ends it
        "",
        "ЗАТВЕРДЖЕНО",  # 4
        "",
        "Рішення міської ради",  # 6: stamped two lines above
        "від 12.03.2021 № 5",  # 7
        "",
        "ЗАТВЕРДЖЕНО",  # 9: three lines above line 12, too far
        "",
        "",
        "Рішення сесії\tміської ради від 14.04.2022 № 6",  # 12: a table row is not a decision
    )
    decision = detect_programme(doc).decision
    assert decision == Decision("Рішення міської ради від 12.03.2021 № 5", "12.03.2021", "5", False, 6, 7)
    title_only = detect_programme(_doc("Рішення міської ради", "Про затвердження Програми від 01.02.2020 № 1")).decision
    assert title_only == Decision()
    far = detect_programme(_doc("ЗАТВЕРДЖЕНО", "", "", "Рішення міської ради", "", "від 12.03.2021 № 5")).decision
    # not stamped: read on past the blank line
    assert (far.text, far.source_line) == (
        "Рішення міської ради від 12.03.2021 № 5",
        4,
    )


def test_a_stated_decision_and_a_signature_as_printed():
    found = detect_programme(
        _doc("ЗАТВЕРДЖЕНО", "Рішення міської ради від 12.03.2021 № 5", "", "Міський голова\tІ. КОВАЛЬ")
    )
    assert found.decision_as_printed() == "«Рішення міської ради від 12.03.2021 № 5»"
    unsigned = detect_programme(_doc("Програма на 2021 рік", "", "Секретар ради"))
    assert unsigned.signatory is None and unsigned.decision_as_printed() == "not printed in the document"
    signed = detect_programme(_doc("Міський голова\tІ. КОВАЛЬ", "Секретар міської ради", "", "М. КРИВАК"))
    # the secretary first
    assert signed.decision_as_printed() == "not printed in the document (signed «Секретар міської ради М. КРИВАК»)"


def test_a_signatory_without_a_name_is_skipped_when_the_next_line_is_another_signatory_or_too_long():
    assert (
        detect_programme(_doc("Секретар міської ради", "Міський голова\tІ. КОВАЛЬ")).signatory
        == "Міський голова І. КОВАЛЬ"
    )
    long_line = "Рішення міської ради від 12.03.2021 № 5, яким затверджено програму співпраці з містами-партнерами"  # over 60 characters
    assert (
        detect_programme(_doc("Секретар міської ради", long_line, "Міський голова\tІ. КОВАЛЬ")).signatory
        == "Міський голова І. КОВАЛЬ"
    )


def test_wording_gives_the_first_pattern_s_match_in_file_order_and_every_pattern_s_matches():
    words = Wording("test", [re.compile(r"\d+"), re.compile(r"[a-z]+")])
    assert words.role == "test"
    assert words.search("ab 12").group() == "12" and words.search("ab").group() == "ab" and words.search("--") is None
    assert words.match("ab 12").group() == "ab" and words.match(" 12") is None
    assert [m.group() for m in words.finditer("a1b2")] == ["1", "2", "a", "b"]


@pytest.mark.parametrize(
    ("file_name", "original_format"),
    [
        ("a.TXT", "plain text"),
        ("a.b.pdf", "PDF with a text layer"),
        ("a.docx", "Word document (.docx)"),
        ("a.odt", "OpenDocument text (.odt), converted to .docx by LibreOffice"),
        ("a.xyz", "xyz"),
        ("noext", "unknown"),
    ],
)
def test_with_detected_fills_blank_columns_keeps_typed_ones_and_names_the_format(file_name, original_format):
    found = detect_programme(_doc("Програма співпраці міста Ніжина на 2021 рік"))
    meta = {"programme_id": "p", "year_from": "2020", "year_to": " ", "layout": "", "adopted_for": "community"}
    merged, differ = with_detected(meta, found, file_name)
    assert merged == {
        "programme_id": "p",
        "year_from": "2020",
        "year_to": "2021",
        "layout": "",
        "adopted_for": "community",
        "programme_title_uk": "Програма співпраці міста Ніжина на 2021 рік",
        "council_decision_as_printed": "not printed in the document",
        "original_format": original_format,
    }
    assert differ == ["year_from", "adopted_for"]  # typed values that differ from the document's stay, and are reported
    assert with_detected({"original_format": "scan"}, found, file_name)[0]["original_format"] == "scan"


# Breakdown tables, in any document


def test_a_table_of_destinations_that_adds_up_to_a_measure_is_its_breakdown():
    doc = _doc(
        "№\tПерелік заходів\tОбсяг фінансування, тис. грн",
        "1.\tВізити делегацій до міст-партнерів\t80,0",
        "2.\tБуклети\t20,0",
        "Разом\t\t100,0",
        "",
        "Візити\tКуди\tКошторис",
        "Обмін досвідом\tм. Ласк (Польща)\t50 000 грн",
        "Фестиваль\tм. Кельме (Литва)\t30 000 грн",
        years=(2024, 2024),
    )
    out = _measures(doc)
    extract_breakdowns(doc, out, 2024)
    assert [(r["destination_name_uk"], r["amount_thousand_uah"], r["measure_code"]) for r in out.partner_spending] == [
        ("Ласк", D("50"), "1"),
        ("Кельме", D("30"), "1"),
    ]
    assert [(i.kind, i.source_line) for i in out.issues if i.kind.startswith("breakdown")] == [
        ("breakdown_link_inferred", 7)
    ]


def test_a_breakdown_that_matches_no_measure_is_linked_to_none_and_a_continuation_row_keeps_the_purpose_above():
    doc = _doc(
        "№\tПерелік заходів\tОбсяг фінансування, тис. грн",  # 1
        "1.\tВізити делегацій до міст-партнерів\t80,0",  # 2
        "2.\tБуклети\t20,0",  # 3
        "Разом\t\t100,0",  # 4
        "",
        "Візити\tКуди\tКошторис",  # 6
        "Обмін досвідом\tм. Ласк (Польща)\t50 000 грн*",  # 7
        "\tм. Кельме (Литва)\t40 000 грн",  # 8: no purpose of its own
        years=(2024, 2024),
    )
    out = _measures(doc)
    extract_breakdowns(doc, out, 2024)
    assert [
        (
            r["destination_name_uk"],
            r["amount_thousand_uah"],
            r["amount_text"],
            r["purpose"],
            r["measure_code"],
            r["source_line"],
        )
        for r in out.partner_spending
    ] == [
        ("Ласк", D("50"), "50 000 грн*", "Обмін досвідом", None, 7),
        ("Кельме", D("40"), "40 000 грн", "Обмін досвідом", None, 8),
    ]
    breakdown = [i for i in out.issues if i.kind.startswith("breakdown")]
    assert [(i.severity, i.kind, i.source_line) for i in breakdown] == [("warning", "breakdown_not_linked", 7)]
    assert "lines 7–8 sums to 90" in breakdown[0].message and "no lines of the measures" in breakdown[0].message


# Partners


def _partners(*lines: str, own_name: str = "Ізяслав") -> Extracted:
    out = Extracted()
    extract_partners(_doc(*lines), out, own_name)
    return out


NOT_STATED = {"agreement_date": None, "agreement_date_text": None, "date_precision": "not_stated", "cooperation_areas": None,
              "started_date": None, "started_date_text": None, "started_precision": "not_stated"}  # fmt: skip


def test_a_sentence_listing_sister_cities_gives_each_city_its_country_and_says_what_it_lacks():
    out = _partners(
        "", "Місто має 3 іноземних міст-побратимів: Модесто (США), Сілістра (Республіка Болгарія), Атлантида (Нарнія)."
    )
    assert out.partners == [
        {
            "partner_name_uk": "Модесто",
            "partner_name_as_printed": "Модесто",
            "country_text": "США",
            "country_code": "US",
            "relationship": "sister_city",
            **NOT_STATED,
            "source_line": 2,
        },
        {
            "partner_name_uk": "Сілістра",
            "partner_name_as_printed": "Сілістра",
            "country_text": "Республіка Болгарія",
            "country_code": "BG",
            "relationship": "sister_city",
            **NOT_STATED,
            "source_line": 2,
        },
        {
            "partner_name_uk": "Атлантида",
            "partner_name_as_printed": "Атлантида",
            "country_text": "Нарнія",
            "country_code": None,
            "relationship": "sister_city",
            **NOT_STATED,
            "source_line": 2,
        },
    ]
    assert out.issues == [
        DataIssue("warning", "unknown_country", "Атлантида: the country 'Нарнія' is not in rules/countries_uk.csv.", 2),
        DataIssue(
            "info",
            "no_agreement_dates",
            "The document lists 3 sister cities without agreement dates or areas of cooperation.",
            2,
        ),
    ]


def test_a_list_shorter_than_the_number_it_announces_is_an_issue():
    out = _partners("Має 3 іноземних міст-побратимів: Ласк (Польща), Кельме (Литва).")
    assert [p["partner_name_uk"] for p in out.partners] == ["Ласк", "Кельме"]
    assert out.issues[0] == DataIssue("warning", "count_differs", "The text announces 3 sister cities but lists 2.", 1)
    assert [i.kind for i in out.issues] == ["count_differs", "no_agreement_dates"]


def test_a_road_map_between_two_cities_names_the_other_one_and_none_when_the_community_is_not_one_of_them():
    out = _partners(
        "Підписано дорожню карту співпраці між містами Ізяслав та Наманган.",
        "",
        "Дорожня карта між містами Ласк та Кельме.",
    )
    assert out.partners == [
        {
            "partner_name_uk": "Наманган",
            "partner_name_as_printed": "Наманган",
            "country_text": None,
            "country_code": None,
            "relationship": "cooperation_roadmap",
            **NOT_STATED,
            "source_line": 1,
        }
    ]
    assert out.issues == []


def test_a_city_block_ends_at_the_next_roman_heading_and_a_table_row_or_long_line_is_not_a_city_heading():
    """Ласк's block ends at «II. …» although Кельме's block comes later (it used to run on to Кельме's line and take
    section II's date as the date Ласк's agreement was signed)."""
    out = _partners(
        "Міста-побратими",  # 1
        "м. Ласк, Республіка Польща.",  # 2
        "II. Фінансування",  # 3: the block of Ласк is empty
        "Угоду підписано 12 травня 2018 року у сфері культури.",  # 4: in section II, not about Ласк
        "Міста-партнери",  # 5
        "1.\tКельме, Литва",  # 6: a table row
        "Місто, з яким співпраця триває багато років, хоча угода ще не підписана, і яке лежить на самому кордоні, Литва",  # 7: over 100 characters
        "Кельме, Литва.",  # 8
    )
    assert [
        (
            p["partner_name_uk"],
            p["country_text"],
            p["country_code"],
            p["relationship"],
            p["agreement_date"],
            p["source_line"],
        )
        for p in out.partners
    ] == [
        ("Ласк", "Республіка Польща", "PL", "sister_city", None, 2),
        ("Кельме", "Литва", "LT", "partner_city", None, 8),
    ]


def test_when_a_relationship_began_is_kept_apart_from_an_unsigned_memorandum():
    doc = _doc(
        "Міста-партнери",
        "",
        "м. Ласк, Польща.",
        "",
        "Підготовлено до підписання «Меморандум порозуміння»",
        "",
        "Партнерські відносини між містами започатковані у березні 2019 року.",
    )
    out = Extracted()
    extract_partners(doc, out, "Ізяслав")
    assert [
        (p["partner_name_uk"], p["relationship"], p["agreement_date"], p["started_date_text"], p["started_precision"])
        for p in out.partners
    ] == [("Ласк", "memorandum_prepared", None, "у березні 2019 року", "month")]


def test_years_in_the_header_direction_rows_of_their_own_and_decimal_points():
    doc = _doc(
        "№\tЗавдання\tЗміст заходу\tВиконавець\t2024\t2025",
        "1.\tПартнерство громад\t\t\t\t",
        "\t\tПрийом делегацій\tВідділ економіки\t12.5\t10.0",
        "\t\tВізит делегації\tВідділ економіки\t7.5\t-",
        "2.\tПромоція\t\t\t\t",
        "\t\tБуклети англійською\tВідділ культури\t5.0\t5.0",
        "Усього\t\t\t\t25.0\t15.0",
        years=(2024, 2025),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["section_title"], m["measure_title"]) for m in out.measures] == [
        ("1.1", "Партнерство громад", "Прийом делегацій"),
        ("1.2", "Партнерство громад", "Візит делегації"),
        ("2.1", "Промоція", "Буклети англійською"),
    ]
    assert [a["amount_thousand_uah"] for a in out.amounts] == [D("12.5"), D("10.0"), D("7.5"), None, D("5.0"), D("5.0")]
    assert [(t["year"], t["stated_total_thousand_uah"]) for t in out.stated_totals] == [
        (2024, D("25.0")),
        (2025, D("15.0")),
    ]
    # the direction rows are understood; the header names no unit and the measures have no codes of their own
    assert sorted({i.kind for i in out.issues}) == ["decimal_point", "measure_codes_assigned", "unit_not_stated"]
    assert [i.kind for i in out.issues].count("decimal_point") == 5


def test_a_numbered_row_without_amounts_or_executors_opens_a_direction():
    doc = _doc(
        "№ з/п\tПерелік заходів\tВиконавці\tОбсяг фінансування, тис. грн",
        "1.\tМіжнародне співробітництво\t\t",
        "1.1.\tПрийом делегацій\tВідділ економіки\t20,0",
        "2.\tПромоція\t\t",
        "2.1.\tБуклети\tВідділ економіки\t10,0",
        "Разом\t\t\t30,0",
        years=(2021, 2021),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["section_code"], m["section_title"]) for m in out.measures] == [
        ("1.1", "1", "Міжнародне співробітництво"),
        ("2.1", "2", "Промоція"),
    ]
    assert [(t["scope"], t["stated_total_thousand_uah"]) for t in out.stated_totals] == [("year", D("30.0"))]


def test_detect_a_title_in_capitals_and_a_council_that_does_not_say_city_or_community():
    doc = _doc(
        "ПРОГРАМА",
        "МІЖНАРОДНОГО СПІВРОБІТНИЦТВА НА 2023 РІК",
        "",
        "Розробник: виконавчий комітет Новоселицької міської ради",
    )
    found = detect_programme(doc)
    assert (found.title, found.year_from, found.year_to) == (
        "ПРОГРАМА МІЖНАРОДНОГО СПІВРОБІТНИЦТВА НА 2023 РІК",
        2023,
        2023,
    )
    # assumed, with a data issue in the build
    assert found.adopted_for is None and found.metadata()["adopted_for"] == "community"
    assert found.council_name_as_printed == "Новоселицької міської ради"


def test_a_heading_merged_across_every_cell_as_a_word_reader_expands_it():
    heading = "I. Міжнародне співробітництво"
    doc = _doc(
        "№ з/п\tПерелік заходів\tОбсяги фінансування, тис. грн\tОбсяги фінансування, тис. грн",
        "\t\t2021\t2022",
        "\t".join([heading] * 4),
        "1.1.\tПрийом делегацій\t10,0\t-",
        "\t".join(["ВСЬОГО"] * 2 + ["10,0", "-"]),
        years=(2021, 2022),
    )
    out = _measures(doc)
    assert [(m["measure_code"], m["section_code"], m["section_title"]) for m in out.measures] == [
        ("1.1", "I", "Міжнародне співробітництво")
    ]
    assert [(t["year"], t["stated_total_thousand_uah"]) for t in out.stated_totals] == [(2021, D("10.0"))]
    assert [i.kind for i in out.issues] == ["unreadable_total"]  # the dash in the 2022 total is no amount


@pytest.mark.parametrize("marks", [("1.1.", "2.1.", "2.2."), ("–", "–", "•")], ids=["numbered", "bulleted"])
def test_measure_rows_after_a_line_that_ends_the_table_are_said_to_be_unread(marks):
    header = "№ з/п\tПерелік заходів\tВиконавці\t2024"
    first, second, third = marks
    text = (
        f"Програма міжнародного співробітництва на 2024 рік\nПерелік заходів\n{header}\n{first}\tВізити\tВідділ\t10,0\n"
        f"П. Промоція міста\n{second}\tВиставки\tВідділ\t20,0\n{third}\tСувеніри\tВідділ\t5,0\n"
    )
    _, out, _ = read_detected(document(text))
    assert [m["measure_title"] for m in out.measures] == ["Візити"]
    issue = next(i for i in out.issues if i.kind == "rows_after_table_end")
    assert issue.source_line == 5 and "2 rows after it look like measures (lines 6–7)" in issue.message


@pytest.mark.parametrize(
    ("title", "years"),
    [
        ("Програма розвитку міжнародної співпраці на 2027–2028 роки", (2027, 2028)),
        ("Програма розвитку міжнародної співпраці на 2027-- 2028 роки", (2027, 2028)),  # the en dash as OCR reads it
        ("Програма співпраці на 2021 — 2025 рр.", (2021, 2025)),
        ("Програма співпраці на 2021 --- 2025 роки", None),  # three dashes: not a span a council prints
    ],
)
def test_a_title_s_years_are_read_with_any_dash_between_them(title, years):
    match = wording("title_years").search(title)
    assert (None if match is None else (int(match.group("from")), int(match.group("to")))) == years


def test_measure_rows_after_a_line_that_ends_a_table_with_years_as_rows_are_said_to_be_unread():
    """The same with the years printed down a column «Рік»: the rows are folded into a column per year, and a measure
    after the line that ends the table is still said to be unread, never dropped silently."""
    header = "№ з/п\tПерелік заходів Програми\tВиконавці\tСтрок виконання\tРік\tОрієнтовний обсяг фінансування, грн"
    rows = [
        "1.1.\tВізити\tВідділ\t2024–2025 роки\tВсього\t22 000,00",
        "\t\t\t\t2024\t10 000,00",
        "\t\t\t\t2025\t12 000,00",
    ]
    after = ["2.1.\tВиставки\tВідділ\t2024–2025 роки\tВсього\t20 000,00", "\t\t\t\t2024\t20 000,00", "\t\t\t\t2025\t–"]
    text = (
        "\n".join(
            [
                "Програма міжнародного співробітництва на 2024–2025 роки",
                "Перелік заходів",
                header,
                *rows,
                "2025",
                *after,
            ]
        )
        + "\n"
    )
    _, out, _ = read_detected(document(text))
    assert [m["measure_code"] for m in out.measures] == ["1.1"]
    issue = next(i for i in out.issues if i.kind == "rows_after_table_end")
    assert "look like measures (lines 8" in issue.message


def test_a_second_table_with_a_header_of_measures_is_left_to_review_never_mixed_in():
    first = [
        "№ з/п\tПерелік заходів\tВиконавці\tОбсяг фінансування, тис. грн",  # 1
        "1.\tПрийом делегацій\tВідділ економіки\t10,0",  # 2
        "2.\tБуклети\tВідділ економіки\t4,0",  # 3
        "Всього\t\t\t14,0",  # 4
        "",
    ]
    other = [
        "Заходи за рахунок грантів",  # 6
        "№ з/п\tНайменування заходу\tДжерело фінансування\tВартість, тис. грн",  # 7
        "1.\tОбмін школярами\tГрант ЄС\t30,0",  # 8
    ]
    repeated = ["№ з/п\tПерелік заходів\tВиконавці\tОбсяг фінансування, тис. грн", "3.\tВізит\tВідділ економіки\t1,0"]
    out = extract_document(_doc(*first, *other, years=(2024, 2024)), "Громада")
    assert [m["measure_title"] for m in out.measures] == ["Прийом делегацій", "Буклети"]
    asked = [(i.kind, i.source_line) for i in out.issues if i.kind == "another_measures_table"]
    assert asked == [("another_measures_table", 7)]
    again = extract_document(_doc(*first, *repeated, years=(2024, 2024)), "Громада")  # the header printed again
    assert not any(i.kind == "another_measures_table" for i in again.issues)


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("Обсяг фінансування, тис. грн", "тис. грн"),
        ("Обсяг фінансування (тис.грн.)", "тис. грн"),
        ("Обсяг фінансування, тис. гривень", "тис. грн"),
        ("Обсяг фінансування (тисяч гривень)", "тис. грн"),
        ("Обсяг фінансування, грн.", "грн"),
        ("Обсяг фінансування, гривень", "грн"),
        ("Обсяг фінансування, млн. грн", "млн грн"),
        ("Обсяг фінансування, мільйонів гривень", "млн грн"),
    ],
)
def test_a_header_s_unit_in_short_or_in_words(header, unit):
    """The unit written out («гривень», «тисяч гривень») is the unit, never taken for the default thousands."""
    assert names_unit(header) and amount_unit(header) == unit


def test_a_passport_numbered_with_a_cyrillic_numeral_is_read_and_ends_at_the_next_chapter_or_the_measures_table():
    """«І. Паспорт Програми» (its «І» typed in Cyrillic) is the passport; it ends at «ІІ. …», and where no chapter
    heading ends it, at the measures table's header, whose total row is never taken for the passport's total."""
    lines = [
        "ПРОГРАМА міжнародної співпраці громади на 2025-2026 роки",
        "І. Паспорт Програми",
        "1.\tТермін реалізації Програми\t2025-2026 роки",
        "2.\tЗагальний обсяг фінансових ресурсів, всього, у тому числі:\t500,0 тис. грн",
        "\t2025 рік\t200,0 тис. грн",
        "\t2026 рік\t300,0 тис. грн",
        "ІІ. Заходи Програми",
        "№ п/п\tНайменування заходу\tВідповідальний виконавець\tОбсяг фінансування, тис. грн\t",
        "\t\t\t2025\t2026",
        "1.\tПрийом делегацій\tВідділ економіки\t100,0\t100,0",
        "\tРазом\t\t100,0\t100,0",
    ]
    for chapter in ("ІІ. Заходи Програми", "Заходи Програми"):  # ended by the chapter, or only by the table
        passport = read_passport(_doc(*[chapter if line.startswith("ІІ.") else line for line in lines]))
        assert passport.heading_line == 2
        assert [(t["scope"], t["year"], t["stated_total_thousand_uah"]) for t in passport.totals] == [
            ("year", 2025, D("200.0")),
            ("year", 2026, D("300.0")),
        ]


def test_an_annex_stamp_on_two_lines_is_the_decision():
    """«Додаток 1» on a line of its own, «до рішення … ради» on the next, then «від … № …»: the decision."""
    doc = _doc(
        "Додаток 1",
        "до рішення Березанської міської ради",
        "від 15.12.2024 № 789-45-VIII",
        "",
        "ПРОГРАМА",
        "розвитку міжнародної співпраці Березанської міської територіальної громади на 2025-2027 роки",
    )
    found = detect_programme(doc)
    assert (found.decision.date_text, found.decision.number_text, found.decision.is_draft) == (
        "15.12.2024",
        "789-45-VIII",
        False,
    )


def test_a_title_led_by_an_adjective_and_a_passport_headed_as_a_chapter_are_read():
    """«КОМПЛЕКСНА ПРОГРАМА» / «Цільова програма» start a title as «Програма» does; «Розділ 1. Паспорт Програми» is the
    passport, which ends at «Розділ 2. …»."""
    for first in ("КОМПЛЕКСНА ПРОГРАМА", "Цільова програма"):
        doc = _doc(
            "ЗАТВЕРДЖЕНО",
            "рішення сесії Бершадської міської ради",
            "8 скликання",
            "від 21.12.2024 р. № 1542-45/VIII",
            first,
            "розвитку міжнародного співробітництва Бершадської міської територіальної громади на 2025–2027 роки",
            "Розділ 1. Паспорт Програми",
            "1.\tТермін реалізації Програми\t2025–2027 роки",
            "2.\tЗагальний обсяг фінансових ресурсів, всього, тис. грн\t1 230,0",
            "Розділ 2. Визначення проблеми",
            "3.\tСума\t99,0",
        )
        found = detect_programme(doc)
        assert (found.year_from, found.year_to, found.title_line) == (2025, 2027, 5)
        assert (found.decision.number_text, found.decision.source_line, found.decision.end_line) == (
            "1542-45/VIII",
            2,
            4,
        )
        assert found.passport.heading_line == 7
        assert [t["stated_total_thousand_uah"] for t in found.passport.totals] == [D("1230.0")]


def test_a_measure_funded_from_several_sources_on_rows_of_their_own_plans_their_sum():
    """Under a measure's row, a row of only a source of funding and amounts adds that source's money to the measure (the
    table's total adds them up); a part left blank makes the year's sum not known, said; a row whose one cell is no
    source stays an unrecognised row, and the measure above it, whose source may be that row, is a said gap."""
    header = "№ з/п\tНазва заходу\tВиконавець\tДжерела фінансування\t2025\t2026"
    text = "\n".join(
        [
            "Програма міжнародного співробітництва на 2025-2026 роки",
            "Заходи програми",
            header,
            "1\tПрийом делегацій\tСелищна рада\tБюджет громади\t80,0\t90,0",  # 4
            "\t\t\tІнші джерела\t20,0\t",  # 5: 2026 left blank
            "2\tУчасть у форумах\tВідділ\tБюджет громади\t45,5\t–",  # 6
            "\t\t\tКошти міжнародної технічної допомоги\t900,0\t–",  # 7
            "3\tВиставки\tВідділ\tБюджет громади\t10,0\t10,0",  # 8
            "\t\t\tОбмін учнями\t5,0\t5,0",  # 9: no source
            "4\tСувеніри\tВідділ\tБюджет громади\t7,0\t7,0",  # 10
            "\tРазом\t\t\t1 067,5\t107,0",
        ]
    )
    _, out, _ = read_detected(document(text))
    amounts = {(a["measure_code"], a["year"]): (a["amount_thousand_uah"], a["amount_status"]) for a in out.amounts}
    assert amounts == {
        ("1", 2025): (D("100.0"), "stated"),
        ("1", 2026): (None, "not_stated"),
        ("2", 2025): (D("945.5"), "stated"),
        ("2", 2026): (None, "none"),
        # the row under it not understood, in a table of several sources: a source may be lost there
        ("3", 2025): (None, "not_stated"),
        ("3", 2026): (None, "not_stated"),
        ("4", 2025): (D("7.0"), "stated"),
        ("4", 2026): (D("7.0"), "stated"),
    }
    assert [m["funding_source"] for m in out.measures] == [
        "Бюджет громади; Інші джерела",
        "Бюджет громади; Кошти міжнародної технічної допомоги",
        "Бюджет громади",
        "Бюджет громади",
    ]
    said = [(i.kind, i.source_line) for i in out.issues]
    assert [(kind, line) for kind, line in said if line == 5] == [
        ("several_sources", 5),
        ("not_only_budget_money", 5),
        ("source_part_unknown", 5),
    ]
    assert ("several_sources", 7) in said and ("not_only_budget_money", 7) in said
    assert ("unrecognised_row", 9) in said and ("money_row_lost", 9) in said


def test_words_instead_of_an_amount_plan_no_money_or_state_none():
    """«не потребує фінансування» plans no money, as a dash; «в межах кошторисних призначень» states no amount, said as
    money from allocations made elsewhere, not as a cell that is no amount."""
    header = "№ з/п\tЗміст заходу\tВиконавці\t2025 р.\t2026 р."
    text = "\n".join(
        [
            "Програма міжнародного співробітництва на 2025-2026 роки",
            "Заходи програми, тис. грн",
            header,
            "1.\tПрийом делегацій\tУправління\t150,0\tНе потребує фінансування",
            "2.\tПроєктні заявки\tУправління\tВ межах кошторисних призначень\t20,0",
        ]
    )
    _, out, _ = read_detected(document(text))
    amounts = {(a["measure_code"], a["year"]): (a["amount_thousand_uah"], a["amount_status"]) for a in out.amounts}
    assert amounts == {
        ("1", 2025): (D("150.0"), "stated"),
        ("1", 2026): (None, "none"),
        ("2", 2025): (None, "not_stated"),
        ("2", 2026): (D("20.0"), "stated"),
    }
    said = [(i.kind, i.source_line) for i in out.issues]
    assert ("within_allocations", 5) in said and not [k for k, _ in said if k == "unreadable_amount"]


@pytest.mark.parametrize(
    ("printed", "number"),
    [
        ("від 21.12.2024 № 1542-45/VIII", "1542-45/VIII"),
        ("від 21.12.2024 р. Ме 1542-45/VIII", "1542-45/VIII"),
        ("від 21.12.2024 No 77", "77"),
        ("від 21.12.2024 № ___", "___"),
        ("Метою 12 заходів", None),
    ],
)
def test_a_decision_s_number_as_printed_or_as_ocr_reads_its_sign(printed, number):
    """OCR reads «№» as «Ме», «Мо» or «No»: before digits, still the decision's number (never a word's first letters)."""
    found = wording("decision_number").search(printed)
    assert (found.group("number") if found else None) == number


def test_years_printed_only_in_the_measures_table_s_header_are_the_programme_s_said():
    """No title with years and no passport term: the years are the measures table's year columns, with a warning at
    its header (the programme is added, not refused)."""
    text = "\n".join(
        [
            "МІСЬКА ЦІЛЬОВА ПРОГРАМА",
            "«Розвиток міжнародного співробітництва громади»",
            "Обсяги фінансування Програми (тис. грн)",
            "№\tЗаходи\t2025 рік\t2026 рік\t2027 рік",
            "1.1\tПрийом делегацій\t100\t100\t100",
        ]
    )
    detected, out, _ = read_detected(document(text))
    assert (detected.year_from, detected.year_to, detected.years_from) == (2025, 2027, "measures table")
    assert [(i.kind, i.source_line) for i in out.issues if i.kind == "years_from_table"] == [("years_from_table", 4)]


@pytest.mark.parametrize(
    ("years", "items", "amounts", "said"),
    [
        (
            "на 2025 рік",
            ["1) прийом делегацій – 50,0 тис. грн;", "2) участь у форумах – 30,0 тис. грн."],
            {("1", 2025): D("50.0"), ("2", 2025): D("30.0")},
            [],
        ),
        (
            "на 2025-2026 роки",
            ["1) прийом делегацій – 2025 р. – 50,0 тис. грн; 2026 р. – 60,0 тис. грн;", "2) форуми – 30,0 тис. грн."],
            {("1", 2025): D("50.0"), ("1", 2026): D("60.0"), ("2", 2025): None, ("2", 2026): None},
            [("list_amount_year_unknown", 10)],
        ),
        (
            "на 2025-2026 роки",
            ["1) прийом делегацій – 60,0 тис. грн щорічно;", "2) форуми – без фінансування."],
            {("1", 2025): D("60.0"), ("1", 2026): D("60.0"), ("2", 2025): None, ("2", 2026): None},
            [("list_amount_each_year", 9)],
        ),
    ],
    ids=["one_year", "years_beside_it", "each_year_and_no_money"],
)
def test_a_list_of_measures_reads_the_amount_at_an_item_s_end_and_ends_before_a_heading(years, items, amounts, said):
    """«1) прийом делегацій – 50,0 тис. грн;»: the measure's amount, for the programme's one year or for each year
    printed beside it; an amount whose year is not known is a said gap. «3. Фінансове забезпечення» after the list's
    last item (marked otherwise, after a full stop) is no measure."""
    text = "\n".join(
        [
            f"Програма міжнародного співробітництва громади {years}",
            "",
            "2. Заходи Програми",
            "Для досягнення мети передбачається виконання таких заходів:",
            "",
            "",
            "",
            "",
            items[0],
            items[1],
            "",
            "3. Фінансове забезпечення",
        ]
    )
    _, out, _ = read_detected(document(text))
    assert [m["measure_title"] for m in out.measures] == ["прийом делегацій", items[1][3:].split(" –")[0]]
    assert {(a["measure_code"], a["year"]): a["amount_thousand_uah"] for a in out.amounts} == amounts
    assert [(i.kind, i.source_line) for i in out.issues if i.kind.startswith("list_amount")] == said
    if "без фінансування" in items[1]:
        assert {a["amount_status"] for a in out.amounts if a["measure_code"] == "2"} == {"none"}


def test_a_stamp_set_in_a_table_of_its_own_is_the_decision():
    """A council that sets «ЗАТВЕРДЖЕНО рішенням … від … № …» in a table at the page's top right (one cell with text)
    approved the programme by that decision; a table row of several cells is still no decision."""
    doc = _doc(
        "\tЗАТВЕРДЖЕНО рішенням Глибоцької селищної ради від 20.12.2024 № 45/7",
        "ПРОГРАМА",
        "міжнародного співробітництва Глибоцької селищної територіальної громади на 2025 рік",
    )
    decision = detect_programme(doc).decision
    assert (decision.date_text, decision.number_text, decision.source_line) == ("20.12.2024", "45/7", 1)
    assert not detect_programme(_doc("Рішення сесії\tміської ради від 14.04.2022 № 6")).decision.printed


def test_years_in_one_cell_whose_lines_a_table_without_ruling_set_apart_are_one_measure():
    """A scan of a table without ruling gives each line of a row apart: a row with no number whose years come after the
    row above's goes on with it (its name's rest, its next year); a numbered row starts a measure."""
    header = "№ з/п\tЗаходи\tВиконавці\tОбсяг фінансування за роками, тис. грн"
    text = "\n".join(
        [
            "Програма міжнародного співробітництва на 2023-2024 роки",
            "Перелік заходів",
            header,
            "1.1.\tВиготовлення\tВідділ економічного\t2023 р. – 10,0",
            "\tпрезентаційної продукції\tрозвитку\t2024 р. – 20,0",
            "1.2.\tПрийом делегацій\tВідділ\t2023 р. – 5,0",
            "\tз міст-партнерів\t\t2023 р. – 7,0",
        ]
    )
    _, out, _ = read_detected(document(text))
    first, second = out.measures[:2]
    assert (first["measure_code"], first["measure_title"], first["executors"]) == (
        "1.1",
        "Виготовлення презентаційної продукції",
        "Відділ економічного розвитку",
    )
    assert (second["measure_code"], second["measure_title"]) == ("1.2", "Прийом делегацій")
    amounts = {(a["measure_code"], a["year"]): a["amount_thousand_uah"] for a in out.amounts}
    # a row whose year is not after the row above's is not that row's rest: 1.2's 2023 stays its own
    assert (amounts[("1.1", 2023)], amounts[("1.1", 2024)], amounts[("1.2", 2023)]) == (D("10.0"), D("20.0"), D("5.0"))


def test_a_table_of_partners_titled_otherwise_and_the_year_relations_began():
    """«Місто (громада)-партнер» is the column of cities, «Рік встановлення відносин» that of the date (a year alone),
    «Форма співпраці» that of the relationship: every row is a partner (all three were dropped without a word)."""
    out = _partners(
        "Країна\tМісто (громада)-партнер\tРік встановлення відносин\tФорма співпраці",
        "Румунія\tСигіт\t2004\tпобратимство",
        "Угорщина\tНьїредьгаза\t2010\tпартнерство",
    )
    assert [
        (p["partner_name_uk"], p["country_code"], p["relationship"], p["agreement_date_text"], p["date_precision"])
        for p in out.partners
    ] == [("Сигіт", "RO", "sister_city", "2004", "year"), ("Ньїредьгаза", "HU", "partner_city", "2010", "year")]


def test_the_unit_named_in_a_heading_above_a_direction_s_heading_is_the_table_s():
    """«Заходи Програми та обсяги фінансування (тис. гривень)», then «1. Розвиток …», then the table: the unit is
    named (no unit_not_stated); a sentence that states an amount above the table names no unit of the table."""
    header = "№ з/п\tЗміст заходу\tВиконавець\t2025\t2026"
    rows = ["1.1\tПрийом делегацій\tВідділ\t60,0\t60,0"]
    for heading, said in (("V. Заходи Програми та обсяги фінансування (тис. гривень)", False),
                          ("Обсяг фінансування становить 120,0 тис. грн.", True)):  # fmt: skip
        text = "\n".join(
            ["Програма співпраці на 2025-2026 роки", heading, "1. Розвиток партнерських зв’язків", header, *rows]
        )
        _, out, _ = read_detected(document(text))
        assert ("unit_not_stated" in [i.kind for i in out.issues]) is said


def test_amounts_that_name_their_unit_and_a_source_that_needs_no_money():
    """Every amount naming its unit («45,5 тис. грн»): no unit was assumed, so none is said to be; a measure whose
    source of funding reads «Не потребує фінансування», its amounts blank, plans no money (as a dash)."""
    header = "№\tЗаходи\tВиконавці\tДжерела фінансування\t2025 р.\t2026 р."
    text = "\n".join(
        [
            "Програма розвитку міжнародної співпраці міста Ніжина на 2025-2026 роки",
            "Напрями діяльності та заходи Програми",
            header,
            "1.1.\tПрийом делегацій\tУправління\tМісцевий бюджет\t45,5 тис. грн\t50,0 тис. грн",
            "2.1.\tПромоційні відео\tУправління\tНе потребує фінансування\t\t",
        ]
    )
    _, out, _ = read_detected(document(text))
    amounts = {(a["measure_code"], a["year"]): (a["amount_thousand_uah"], a["amount_status"]) for a in out.amounts}
    assert amounts == {
        ("1.1", 2025): (D("45.5"), "stated"),
        ("1.1", 2026): (D("50.0"), "stated"),
        ("2.1", 2025): (None, "none"),
        ("2.1", 2026): (None, "none"),
    }
    assert "unit_not_stated" not in [i.kind for i in out.issues]


def test_a_row_numbered_with_a_roman_numeral_and_no_amounts_is_a_direction_not_a_measure():
    """«I ⇥ Партнерські зв'язки» and «II ⇥ Промоція» with no amounts, term or executors head their directions (they were
    read as two measures with no amounts); the measures under them keep their amounts."""
    header = "№\tНайменування заходу\tВиконавець\tОбсяг фінансування, тис. грн"
    text = "\n".join(
        [
            "Програма міжнародного співробітництва громади на 2025 рік",
            "Перелік заходів Програми",
            header,
            "I\tПартнерські зв'язки\t\t",
            "1.1\tПрийом делегацій\tВідділ\t30,0",
            "ІІ.\tПромоція\t\t",  # a Cyrillic «І», and a stop
            "2.1\tБуклети\tВідділ\t10,0",
            "\tВСЬОГО:\t\t40,0",
        ]
    )
    _, out, _ = read_detected(document(text))
    assert [(m["measure_code"], m["section_code"], m["measure_title"]) for m in out.measures] == [
        ("1.1", "I", "Прийом делегацій"),
        ("2.1", "ІІ", "Буклети"),
    ]


def test_amounts_in_columns_whose_years_the_header_lost_are_said_and_a_fragment_is_no_amount():
    """A header whose years were garbled (no year columns): a measure's amounts in its unnamed columns are a said gap,
    not dropped without a word. «000,00» (the rest of a wrapped amount) is no amount of its own."""
    text = "\n".join(
        [
            "Програма міжнародного співробітництва на 2026-2028 роки",
            "Перелік заходів",
            "№ п/п\tНазва напряму діяльності\tНайменування заходу\tВідповідальні виконавці\tТермін\t\t\t",
            "1.1.\tРозвиток\tПридбання обладнання\tВідділ\t2026–2028 роки\t0,239\t0,360\t0,599",
        ]
    )
    _, out, _ = read_detected(document(text))
    said = [i for i in out.issues if i.kind == "amounts_without_years"]
    assert [(i.source_line, "0,239; 0,360; 0,599" in i.message) for i in said] == [(4, True)]
    assert read_amount("000,00").status == "not_stated"
