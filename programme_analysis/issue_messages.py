"""Data-issue messages in the reader's language.

The loader records each issue with a ``kind`` and an English ``message`` (and may record
``params``, a mapping of the values the message names). A message is shown from a template:
the kind's template filled with its params when they are all there; otherwise the kind's
general explanation, which needs no params; an unknown kind falls back to the loader's
English message, marked as English in the Ukrainian interface.

>>> issue_message("trailing_decimal_comma", "Measure 2.7, 2021: ...", "uk", {"measure": "2.7", "year": 2021, "cell": "40,"})
'Захід 2.7, 2021 р.: клітинку надруковано як «40,»; прочитано як ціле число тис. грн.'
>>> issue_message("trailing_decimal_comma", "Measure 2.7, 2021: ...", "uk")
'Число надруковано з комою в кінці (як «40,»); прочитано як ціле число тис. грн.'
>>> issue_message("a_new_kind", "Something new.", "uk")
'Something new. (англійською)'
>>> issue_message("a_new_kind", "Something new.", "en")
'Something new.'
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping

from programme_analysis.texts import LABELS, label

# kind -> {"params": template with {names} the loader's params fill, "uk"/"en": general explanation needing no params}
TEMPLATES: dict[str, dict[str, dict[str, str]]] = {
    "another_measures_table": {
        "general": {
            "uk": "Ще одна таблиця документа має заголовок таблиці заходів. Прочитано лише першу; якщо заходи програми в іншій, виберіть її під час перевірки.",
            "en": "Another table of the document has a header of measures. Only the first is read; if the programme's measures are in the other one, pick it on review.",
        },
    },
    "amounts_in_missing_annex": {
        "general": {
            "uk": "Документ не зазначає сум: ресурси нібито наведено в додатку до програми, але цього додатка в документі немає. Кожна сума — «не зазначено», а не нуль.",
            "en": "The document states no amounts: it says they are in an annex that is not part of the document. Every amount is “not stated”, not zero.",
        },
    },
    "breakdown_link_inferred": {
        "general": {
            "uk": "Таблицю сум за містами пов'язано з рядком кошторису, бо їхні суми рівні; документ цього прямо не каже. Ці суми — розбивка рядка, а не додаткові кошти.",
            "en": "A table of amounts by city is linked to an estimate line because their sums are equal; the document does not say so. These amounts break the line down; they are not extra money.",
        },
    },
    "breakdown_not_linked": {
        "general": {
            "uk": "Таблицю сум за містами не вдалося пов'язати з жодним рядком кошторису.",
            "en": "A table of amounts by city could not be linked to any estimate line.",
        },
    },
    "community_not_on_map": {
        "general": {
            "uk": "Мапа партнерств Мінрозвитку (кінець 2025 р.) не має партнерів цієї громади, тож партнерів із програми не можна з нею звірити.",
            "en": "The Ministry partnership map (end of 2025) lists no partners for this community, so the partners in its programme cannot be checked against it.",
        },
    },
    "count_differs": {
        "params": {
            "uk": "Текст оголошує {announced} міст-побратимів, а перелічує {listed}.",
            "en": "The text announces {announced} sister cities but lists {listed}.",
        },
        "general": {
            "uk": "Кількість міст-побратимів, оголошена в тексті, не збігається з переліком.",
            "en": "The number of sister cities the text announces differs from the list.",
        },
    },
    "draft": {
        "general": {
            "uk": "Рішення ради надруковано з пропусками замість дати й номера: це проєкт, і ухвалена програма може відрізнятися.",
            "en": "The council decision is printed with blanks for its date and number: this is a draft, and the adopted programme may differ.",
        },
    },
    "funding_source_dash": {
        "params": {
            "uk": "Захід {measure} має суми, але джерело фінансування позначено прочерком.",
            "en": "Measure {measure} plans amounts, but its source of funding is printed as a dash.",
        },
        "general": {
            "uk": "Захід має суми, але його джерело фінансування позначено прочерком.",
            "en": "A measure plans amounts, but its source of funding is printed as a dash.",
        },
    },
    "grand_total_row": {
        "general": {
            "uk": "Рядок загального підсумку прочитано як підсумок програми, а не як захід.",
            "en": "The grand total row is read as the programme's total, not as a measure.",
        },
    },
    "heading_year_differs": {
        "params": {
            "uk": "У заголовку кошторису — {heading_year} рік, а програма (назва, паспорт і кожен рядок) — на {year}. Суми прочитано як {year} рік.",
            "en": "The estimate's heading says {heading_year}, but the programme is for {year}. The amounts are read as {year}.",
        },
        "general": {
            "uk": "Рік у заголовку кошторису відрізняється від року програми; суми прочитано як рік програми (як у назві, паспорті й рядках).",
            "en": "The year in the estimate's heading differs from the programme's; the amounts are read as the programme's year.",
        },
    },
    "indicative_amounts": {
        "general": {
            "uk": "Заголовок таблиці називає суми орієнтовними: це планові оцінки, які річний бюджет може змінити.",
            "en": "The table's header calls its amounts indicative: they are planned estimates, which the yearly budget may change.",
        },
    },
    "map_place_not_found": {
        "general": {
            "uk": "Партнера з мапи партнерств не знайдено в GeoNames (або знайдено кілька місць) у його країні: його перелічено, але на карті не позначено.",
            "en": "A partner on the partnership map finds no GeoNames place, or several, in its country: it is listed but not drawn on the map.",
        },
    },
    "measure_codes_assigned": {
        "general": {
            "uk": "Документ нумерує лише напрями; номери заходів (напр. 1.2 — напрям 1, другий захід) присвоєно завантажувачем у порядку друку.",
            "en": "The document numbers only its directions; measure codes (e.g. 1.2: direction 1, second measure) were assigned by the loader in printed order.",
        },
    },
    "no_agreement_dates": {
        "params": {
            "uk": "Документ перелічує {count} міст-побратимів без дат угод і напрямів співпраці.",
            "en": "The document lists {count} sister cities without agreement dates or areas of cooperation.",
        },
        "general": {
            "uk": "Документ перелічує міста-побратими без дат угод і напрямів співпраці.",
            "en": "The document lists sister cities without agreement dates or areas of cooperation.",
        },
    },
    "no_total_row": {
        "general": {
            "uk": "Таблиця заходів не має рядка підсумку, з яким можна звірити суми.",
            "en": "The measures table has no total row to check the measures against.",
        },
    },
    "not_only_budget_money": {
        "general": {
            "uk": "Джерелом фінансування заходу названо не лише бюджет (також приватні, благодійні чи інші кошти): його суми — не лише бюджетні гроші.",
            "en": "A measure's source of funding names more than the budget (private, charity or other money): its amounts are not all budget money.",
        },
    },
    "partner_not_on_map": {
        "general": {
            "uk": "Партнера, названого в програмі, немає серед партнерів громади на мапі партнерств Мінрозвитку (дані на кінець 2025 р.).",
            "en": "A partner the programme names is not among the community's partners on the Ministry partnership map (data as checked at the end of 2025).",
        },
    },
    "partner_only_on_map": {
        "general": {
            "uk": "Мапа партнерств Мінрозвитку (кінець 2025 р.) називає партнера громади, якого програма не згадує.",
            "en": "The Ministry partnership map (end of 2025) lists a partner of the community that the programme does not name.",
        },
    },
    "place_not_found": {
        "general": {
            "uk": "Місто не знайдено в GeoNames (або знайдено кілька), тому його немає на карті.",
            "en": "The place was not found in GeoNames (or found more than once), so it is not on the map.",
        },
    },
    "single_year_estimate": {
        "general": {
            "uk": "Кошторис має одну колонку сум; її прочитано як рік програми.",
            "en": "The estimate has one amount column; it is read as the programme's year.",
        },
    },
    "year_columns_unclear": {
        "general": {
            "uk": "Заголовок сум охоплює кілька колонок, але роки цих колонок не вдалося прочитати: їхні суми не прочитано. Назвіть колонки років під час перевірки.",
            "en": "The amount header spans several columns whose years could not be read: their amounts are not read. Name the year columns on review.",
        },
    },
    "task_without_direction": {
        "general": {
            "uk": "Завдання не належить до жодного з перелічених напрямів.",
            "en": "A task belongs to no listed direction.",
        },
    },
    "total_in_wrong_column": {
        "general": {
            "uk": "Підсумок надруковано не в колонці сум; його все одно прочитано як підсумок.",
            "en": "A total is printed outside the amount column; it is read as the total all the same.",
        },
    },
    "total_mismatch": {
        "general": {
            "uk": "Надрукований підсумок не збігається із сумою частин (див. звірку підсумків).",
            "en": "A printed total differs from the sum of its parts (see the check of totals).",
        },
    },
    "totals_without_breakdown": {
        "general": {
            "uk": "Документ подає лише річні підсумки; напрями витрат не мають власних сум, тому витрати за категоріями чи заходами «не зазначено».",
            "en": "The document states only yearly totals; its spending directions have no amounts, so spending per category or measure is “not stated”.",
        },
    },
    "trailing_decimal_comma": {
        "params": {
            "uk": "Захід {measure}, {year} р.: клітинку надруковано як «{cell}»; прочитано як ціле число тис. грн.",
            "en": "Measure {measure}, {year}: the cell is printed as “{cell}”; read as a whole number of thousand UAH.",
        },
        "general": {
            "uk": "Число надруковано з комою в кінці (як «40,»); прочитано як ціле число тис. грн.",
            "en": "A number is printed with a trailing comma (like “40,”); read as a whole number of thousand UAH.",
        },
    },
    "partner_in_prose": {
        "general": {
            "uk": "Партнера названо в тексті, а не в таблиці чи переліку; його знайдено за довідником місць (мапа партнерств, GeoNames). Перевірте за документом.",
            "en": "A partner is named in running text, not in a table or list; it was found by the gazetteer (the partnership map, GeoNames). Check it against the document.",
        },
    },
    "unknown_country": {
        "general": {
            "uk": "Назви країни немає в правилах завантажувача, тому країну не визначено.",
            "en": "The country's name is not in the loader's rules, so the country is unknown.",
        },
    },
    "unreadable_amount": {
        "general": {
            "uk": "Клітинку суми не вдалося прочитати як число; суму не враховано.",
            "en": "An amount cell could not be read as a number; it is not counted.",
        },
    },
    "unreadable_total": {
        "general": {"uk": "Підсумок не вдалося прочитати як число.", "en": "A total could not be read as a number."},
    },
    "unit_not_read": {
        "general": {
            "uk": "Одиницю таблиці заходів (тис. грн, грн чи млн грн) у цьому скані не вдалося прочитати, тож її суми й підсумки не взято: хибна одиниця зробила б кожну суму в тисячу разів більшою чи меншою.",
            "en": "The measures table's unit (тис. грн, грн or млн грн) could not be read in this scan, so its amounts and totals are not taken: a wrong unit would make each a thousand times too large or too small.",
        },
    },
    "rows_after_table_end": {
        "general": {
            "uk": "Таблицю заходів прочитано до рядка, якого читач не розпізнав; рядки після нього схожі на заходи, але їх не прочитано. Ці заходи — пропуск, перевірте їх за документом.",
            "en": "The measures table is read up to a line the reader did not recognise; the rows after it look like measures but are not read. Those measures are a gap: check them against the document.",
        },
    },
    "set_on_review": {
        "general": {
            "uk": "Встановлено вручну під час перевірки: людина, що додала документ, вибрала таблицю заходів і її стовпці, підтвердила чи відхилила партнера або виправила суму, прочитану OCR. Рішення записано у файлі «….review.csv» поруч із документом.",
            "en": "Set by hand on review: the person who added the document picked the measures table and its columns, accepted or rejected a partner, or corrected an amount read by OCR. The decision is kept in the “….review.csv” file beside the document.",
        },
    },
    "review_not_applied": {
        "general": {
            "uk": "Рішення перевірки не застосовано: документ, як його прочитано тепер, не має рядка чи партнера, якого воно стосується.",
            "en": "A review decision was not applied: the document, as read now, has no row or partner it is about.",
        },
    },
    "read_by_ocr": {
        "general": {
            "uk": "Суму прочитано розпізнаванням тексту (OCR) зі сканованої сторінки: звірте її з документом.",
            "en": "The amount was read by OCR from a scanned page: check it against the document.",
        },
    },
    "measures_not_found": {
        "general": {
            "uk": "Заходів не знайдено: у документі немає ні таблиці заходів, ні переліку напрямів чи заходів. Назву, роки, підсумки й партнерів "
            "прочитано, а суми за заходами позначено як прогалину.",
            "en": "No measures were found: the document has no measures table and no list of directions or measures. Its title, years, totals "
            "and partners are read; spending by measure is a gap.",
        },
    },
    "measures_not_read": {
        "general": {
            "uk": "У документі є таблиця чи перелік заходів, але жодного заходу з них прочитати не вдалося; суми за заходами позначено як прогалину.",
            "en": "The document has a measures table or list, but no measure in it could be read; spending by measure is a gap.",
        },
    },
    "other_header": {
        "general": {
            "uk": "Таблиця продовжується під іншим заголовком з іншими колонками; рядки під ним не прочитано.",
            "en": "The table goes on under another header with other columns; the rows under it are not read.",
        },
    },
    "header_changed": {
        "general": {
            "uk": "Таблиця продовжується під заголовком з тими самими колонками, розміщеними інакше; рядки під ним прочитано за його колонками.",
            "en": "The table goes on under a header with the same columns set apart otherwise; the rows under it are read by its columns.",
        },
    },
    "title_cut_short": {
        "general": {
            "uk": "Назва заходу закінчується там, де назва закінчитися не може (кома, прийменник чи сполучник): її продовження читач не знайшов (розрив сторінки, нечитаний заголовок). Звірте назву з документом.",
            "en": "The measure's name ends where a name cannot end (a comma, a preposition or a conjunction): the reader did not find the rest (a page break, a header it could not read). Check the name against the document.",
        },
    },
    "header_back": {
        "general": {
            "uk": "Після іншого заголовка таблицю знову надруковано з її власним заголовком; рядки під ним прочитано знову.",
            "en": "The table's own header is printed again after the other one; the rows under it are read again.",
        },
    },
    "partner_not_in_gazetteer": {
        "general": {
            "uk": "Місця немає в довіднику: його назву записано так, як надруковано (можливо, в іншому відмінку чи написанні). Звірте з документом.",
            "en": "The place is not in the gazetteer: its name is kept as printed (maybe in another grammatical case or spelling). Check it against the document.",
        },
    },
    "several_sources": {
        "general": {
            "uk": "Захід фінансують із кількох джерел, кожне в окремому рядку під ним; його суми — сума цих джерел.",
            "en": "The measure is funded from several sources, each on a row of its own under it; its amounts are their sum.",
        },
    },
    "source_part_unknown": {
        "general": {
            "uk": "Частку одного з джерел фінансування заходу не вказано або не прочитано, тож суму заходу за цей рік невідомо.",
            "en": "The part of one of the measure's sources of funding is not stated or not readable, so the measure's amount for that year is not known.",
        },
    },
    "amounts_without_years": {
        "general": {
            "uk": "Захід подає суми в колонках, роки яких заголовок таблиці не називає (або їх не вдалося прочитати): ці суми не прочитано.",
            "en": "The measure prints amounts in columns whose years the table's header does not name (or could not be read): they are not read.",
        },
    },
    "measure_code_stop_lost": {
        "general": {
            "uk": "Код заходу прочитано без крапки між числами («11»), хоча це наступний захід відкритого напряму: його прочитано як «1.1» (крапку загубило розпізнавання скану).",
            "en": "A measure's code was read without the stop between its numbers («11»), though it is the next measure of the open direction: it is read as «1.1» (the scan's reading lost the stop).",
        },
    },
    "no_money_across_years": {
        "general": {
            "uk": "Слова на кшталт «не потребує фінансування» чи «в межах кошторису» надруковано один раз через колонки всіх років (об’єднана клітинка): їх прочитано для кожного року.",
            "en": "Words such as «не потребує фінансування» (needs no funding) or «в межах кошторису» (within the budget) are printed once across all the years' columns (a merged cell): they are read for each year.",
        },
    },
    "list_amount_year_unknown": {
        "general": {
            "uk": "Список заходів подає суму біля заходу, не кажучи, за який із років програми; її не прочитано.",
            "en": "The list of measures prints an amount beside the measure without saying for which of the programme's years; it is not read.",
        },
    },
    "list_amount_each_year": {
        "general": {
            "uk": "Список заходів подає суму біля заходу зі словом «щорічно» (або «на рік»): її прочитано як суму кожного з років програми.",
            "en": "The list of measures prints an amount beside the measure with «щорічно» (each year) or «на рік» (a year): it is read as the amount of each of the programme's years.",
        },
    },
    "years_from_table": {
        "general": {
            "uk": "Ні назва на кшталт «Програма … на 2025 рік», ні строк у паспорті не дають років програми; їх прочитано з колонок років таблиці заходів.",
            "en": "Neither a title such as «Програма … на 2025 рік» nor a passport term gives the programme's years; they are read from the measures table's year columns.",
        },
    },
    "within_allocations": {
        "general": {
            "uk": "Замість суми надруковано «в межах … призначень»: гроші заходу йдуть із коштів, передбачених деінде, тож суму не вказано.",
            "en": "Instead of an amount the cell says «в межах … призначень» (within allocations): the measure's money comes from allocations made elsewhere, so no amount is stated.",
        },
    },
    "money_row_lost": {
        "general": {
            "uk": "Рядок із сумами після заходу не вдалося прочитати: гроші заходу можуть продовжуватися там (інше джерело фінансування, решта перенесеної суми), тож його суми не взято.",
            "en": "A row with amounts after the measure could not be read: the measure's money may go on there (another source of funding, the rest of a wrapped amount), so its amounts are not taken.",
        },
    },
    "header_as_text": {
        "general": {
            "uk": "Заголовок таблиці повторено як текст; рядки під ним прочитано за тими самими колонками.",
            "en": "The table's header is printed again as text; the rows under it are read with the same columns.",
        },
    },
    "title_continued": {
        "general": {
            "uk": "Назва заходу продовжується під повтореним заголовком таблиці; її з'єднано.",
            "en": "A measure's name goes on under a repeated table header; it was joined.",
        },
    },
    "unread_row": {
        "general": {
            "uk": "Рядок під іншим заголовком таблиці не прочитано; його не враховано.",
            "en": "A row under another header of the table was not read; it is not counted.",
        },
    },
    "unrecognised_row": {
        "general": {
            "uk": "Рядок таблиці не розпізнано; його не враховано.",
            "en": "A table row was not understood; it is not counted.",
        },
    },
    "year_columns_differ": {
        "general": {
            "uk": "Колонки років у таблиці не збігаються з роками програми.",
            "en": "The table's year columns differ from the programme's years.",
        },
    },
}

# A kind with no explanation of its own reads as its label (texts.LABELS["issue_kind"]), a sentence.
for _kind, _words in LABELS["issue_kind"].items():
    TEMPLATES.setdefault(
        _kind, {"general": {lang: words[:1].upper() + words[1:] + "." for lang, words in _words.items()}}
    )

IN_ENGLISH = {"uk": " (англійською)", "en": ""}


def _params(params) -> Mapping:
    if isinstance(params, Mapping):
        return params
    if isinstance(params, str) and params.strip():
        try:
            loaded = json.loads(params)
        except ValueError:
            return {}
        return loaded if isinstance(loaded, Mapping) else {}
    return {}


def issue_message(kind: str, message: str, lang: str, params=None) -> str:
    """The issue's message in ``lang``: the template with params, the kind's general words, or the English message."""
    entry = TEMPLATES.get(kind)
    values = _params(params)
    if entry and "params" in entry and values:
        template = entry["params"].get(lang, entry["params"]["en"])
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        if names <= set(values):
            return template.format(**values)
    if lang == "en":
        return message  # the loader's own words are the most specific English message
    if entry:
        return entry["general"].get(lang, message)
    return message + IN_ENGLISH.get(lang, "")


def check_failure(failure: str, lang: str) -> tuple[str, str]:
    """A failed check of a built database (``'check_name: details'``, loaders/validate.py): what is wrong, in the
    language, and its details (codes and numbers from the database, in the loader's English words).

    >>> check_failure("every_programme_has_measures: programme upload_x has no measures", "uk")
    ('У програмі не знайдено жодного заходу', 'programme upload_x has no measures')
    >>> check_failure("reconciliation.status_in_vocabulary: reconciliation.status odd is not in rules/vocabularies.csv", "en")[0]
    'A computed status has a value outside its vocabulary'
    """
    name, _, details = failure.partition(": ")
    return label("check", "in_vocabulary" if name.endswith("_in_vocabulary") else name, lang), details
