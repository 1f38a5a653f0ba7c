"""Tables a PDF draws without ruling (loaders/read/pdf_borderless.py), on words placed as a word processor sets them.

Each test lays out words by hand (x, top, in points, a 10-point font) the way LibreOffice exports a table whose
cells have no borders, and checks the cells read back. The generated corpus (tests/test_corpus.py and the sweep)
checks the same on whole documents.
"""

from __future__ import annotations

from loaders.read.pdf_borderless import find_tables, lines_of

SIZE = 10.0
SPACE = 2.5  # a space in a 10-point font
PITCH = 12.0  # the step from a line to the next inside a cell
ROW_GAP = 20.0  # the step from a row's last line to the next row (the cells' padding)


def words_of(text: str, x: float, top: float) -> list[dict]:
    """The words of ``text`` set from ``x`` on one line, each 5 points a letter wide."""
    out = []
    for word in text.split():
        out.append({"text": word, "x0": x, "x1": x + 5.0 * len(word), "top": top, "bottom": top + SIZE, "size": SIZE})
        x += 5.0 * len(word) + SPACE
    return out


def table(rows: list[list[list[str]]], columns: list[float], top: float = 100.0, gap: float = ROW_GAP) -> list[dict]:
    """Words of a table: each row a list of cells, each cell its lines (top-aligned), rows ``gap`` apart."""
    words = []
    for row in rows:
        for column, lines in enumerate(row):
            for index, line in enumerate(lines):
                words += words_of(line, columns[column], top + index * PITCH)
        top += (max(len(lines) for lines in row) - 1) * PITCH + gap
    return words


COLUMNS = [50.0, 80.0, 300.0, 420.0]
MEASURES = [
    [["№"], ["Перелік заходів"], ["Виконавці"], ["2024"]],
    [["1."], ["Обмін делегаціями", "з містами-партнерами"], ["Відділ", "економіки"], ["40,0"]],
    [["2."], ["Участь у форумах"], ["Відділ"], ["15,5"]],
    [[""], ["Всього"], [""], ["55,5"]],
]


def test_a_table_without_ruling_gives_its_cells_with_wrapped_lines_joined():
    [found] = find_tables(table(MEASURES, COLUMNS))
    assert found.columns == COLUMNS
    assert found.rows == [
        ["№", "Перелік заходів", "Виконавці", "2024"],
        ["1.", "Обмін делегаціями з містами-партнерами", "Відділ економіки", "40,0"],
        ["2.", "Участь у форумах", "Відділ", "15,5"],
        ["", "Всього", "", "55,5"],
    ]
    assert found.header_rows == 1


def test_without_padding_rows_are_told_apart_by_their_numbers():
    [found] = find_tables(table(MEASURES, COLUMNS, gap=PITCH))
    assert [row[0] for row in found.rows] == ["№", "1.", "2.", ""]
    assert found.rows[1][1] == "Обмін делегаціями з містами-партнерами"


def test_a_merged_cell_that_runs_beside_the_next_row_stays_in_its_own():
    direction = [["№"], ["Напрям"], ["Захід"], ["2024"]]
    rows = [direction, [["1."], ["Розвиток", "партнерських", "зв'язків"], ["Обмін"], ["40,0"]]]
    words = table(rows, COLUMNS)
    # one line below the merged text's second line, a row gap below the first row
    second_top = 100.0 + ROW_GAP + ROW_GAP
    words += (
        words_of("2.", COLUMNS[0], second_top)
        + words_of("Візити", COLUMNS[2], second_top)
        + words_of("15,5", COLUMNS[3], second_top)
    )
    [found] = find_tables(words)
    assert found.rows[1][1] == "Розвиток партнерських зв'язків"
    assert found.rows[2] == ["2.", "", "Візити", "15,5"]


def test_a_justified_paragraph_is_no_table():
    line = "Програма розвитку міжнародного співробітництва та партнерства громади"
    words = []
    for top in (100.0, 100.0 + PITCH, 100.0 + 2 * PITCH):
        x = 50.0
        for word in line.split():  # justified: every space stretched alike, wider than a column's gap
            words.append(
                {"text": word, "x0": x, "x1": x + 5.0 * len(word), "top": top, "bottom": top + SIZE, "size": SIZE}
            )
            x += 5.0 * len(word) + 7.0
    assert [len(line.chunks) for line in lines_of(words)] == [1, 1, 1]
    assert find_tables(words) == []


def test_a_unit_that_wraps_under_a_header_across_the_years_stays_with_it():
    columns = [50.0, 80.0, 300.0, 360.0]
    words = words_of("№", 50.0, 80.0) + words_of("Захід", 80.0, 80.0) + words_of("Обсяг фінансування, млн", 300.0, 80.0)
    words += words_of("грн", 300.0, 80.0 + PITCH)
    words += table(
        [
            [["№"], ["Захід"], ["2024"], ["2025"]],
            [["1."], ["Обмін"], ["1,250"], ["0,500"]],
            [["2."], ["Візити"], ["0,100"], ["–"]],
        ],
        columns,
        top=80.0 + 2 * PITCH,
    )
    [found] = find_tables(words)
    assert "Обсяг фінансування, млн грн" in found.rows[0]
    assert "грн" not in " ".join(found.rows[1])


def test_a_table_at_a_page_top_goes_on_with_the_columns_of_the_page_before():
    words = words_of("і туризму", COLUMNS[1], 60.0)  # the last cell's text going on from the page before
    words += table(
        [[["2."], ["Участь у форумах"], ["Відділ"], ["15,5"]], [[""], ["Всього"], [""], ["55,5"]]],
        COLUMNS,
        top=60.0 + ROW_GAP,
    )
    [found] = find_tables(words, hint=COLUMNS)
    assert found.rows[0] == ["", "і туризму", "", ""]
    assert found.rows[1] == ["2.", "Участь у форумах", "Відділ", "15,5"]


def test_a_table_split_in_two_on_one_page_keeps_the_columns_of_its_first_part():
    """A Word table split in two, its header repeated: the second part's few rows, a total's label across the number
    and the title, hide the gap between those columns; its header stands in the first part's columns."""
    words = table(MEASURES[:3], COLUMNS)
    second = [MEASURES[0], [["1."], ["Переклад матеріалів"], ["Відділ"], ["30,0"]]]
    words += table(second, COLUMNS, top=300.0)
    words += words_of("Всього по Програмі", COLUMNS[0], 300.0 + 2 * ROW_GAP)
    words += words_of("85,5", COLUMNS[3], 300.0 + 2 * ROW_GAP)
    first, split = find_tables(words)
    assert first.columns == split.columns == COLUMNS
    assert split.rows[:2] == [
        ["№", "Перелік заходів", "Виконавці", "2024"],
        ["1.", "Переклад матеріалів", "Відділ", "30,0"],
    ]
    assert split.rows[2][-1] == "85,5"


def test_a_header_repeated_at_a_page_top_with_a_column_the_page_before_found_no_gap_for_keeps_its_columns():
    """Rows whose «№» column is empty (the bullet stands in the title): the page before found no gap between «№» and the
    titles, so its columns are [number and title, executors, years]; the repeated header shows the «№» column apart.
    The top of the next page keeps the page before's columns, so the two parts are one table."""
    columns = [50.0, 300.0, 420.0]
    header = [["№"], ["Перелік заходів"], ["Виконавці"], ["Строк"]]
    words = table([header], [50.0, 80.0, 300.0, 420.0], top=60.0)
    words += words_of("та обміну досвідом", 80.0, 60.0 + ROW_GAP)  # the last title going on from the page before
    words += table(
        [[["– Переклад матеріалів"], ["Відділ"], ["2025 рік"]]],
        [80.0, 300.0, 420.0],
        top=60.0 + ROW_GAP + PITCH + ROW_GAP,
    )
    [found] = find_tables(words, hint=columns)
    assert found.columns == columns
    assert found.rows[0] == ["№ Перелік заходів", "Виконавці", "Строк"]


def test_a_cell_whose_text_ran_over_the_page_is_a_row_of_its_own_at_the_next_page_top():
    """The last row's title ran over the page and no row follows: its rest, at the top of the next page inside the
    title column, is a row empty but for that cell (the PDF reader joins it to the row above); a paragraph under it,
    after a gap, is not."""
    words = words_of("масової інформації з метою", COLUMNS[1], 60.0)
    words += words_of("розширення партнерських зв'язків", COLUMNS[1], 60.0 + PITCH)
    words += words_of("Секретар ради", COLUMNS[0], 60.0 + 6 * PITCH)
    [found] = find_tables(words, hint=COLUMNS)
    assert found.rows == [["", "масової інформації з метою розширення партнерських зв'язків", "", ""]]
    assert find_tables(words) == []  # without a table on the page before, it is text


def test_a_direction_title_at_a_page_foot_stays_in_the_table_and_its_one_row_on_the_next_page_is_read():
    """A direction's title ends the page (its rows are on the next): it is the table's last row, not text after it;
    the next page holds one row of the table, read in the same columns."""
    words = table(MEASURES[:3], COLUMNS)
    # a row below the last
    words += words_of("3. Залучення міжнародної технічної допомоги", COLUMNS[0], 100.0 + 3 * ROW_GAP + PITCH)
    [found] = find_tables(words)
    assert found.rows[-1][0].startswith("3. Залучення")
    [next_page] = find_tables(
        table([[["3.1."], ["Прийом делегацій"], ["Відділ"], ["12,0"]]], COLUMNS, top=60.0), hint=found.columns
    )
    assert next_page.rows == [["3.1.", "Прийом делегацій", "Відділ", "12,0"]]


def test_a_year_row_alone_under_a_repeated_header_is_a_row_of_the_table_after_it():
    """At a page's top, under the repeated header, a year's row whose amount is not stated («2031» alone), then the
    next measure: the year is a row in the table's columns, not text between two tables."""
    columns = [50.0, 80.0, 300.0, 420.0]
    words = table([[["№"], ["Перелік заходів"], ["Рік"], ["Обсяг"]]], columns, top=60.0)
    words += words_of("2031", columns[2], 60.0 + 3 * ROW_GAP)  # well below the header: its row's padding
    words += table([[["3.1."], ["Сплата внесків"], ["Всього"], ["1 530,0"]]], columns, top=60.0 + 4 * ROW_GAP)
    found = find_tables(words, hint=columns)  # the table goes on from the page before
    assert [row for table_ in found for row in table_.rows][1:3] == [
        ["", "", "2031", ""],
        ["3.1.", "Сплата внесків", "Всього", "1 530,0"],
    ]


def test_a_row_number_wrapped_letter_by_letter_in_a_narrow_column_stays_one_number():
    """«1.1.» in a column two letters wide, printed «1» / «.» / «1» / «.»: one row, not a row per «1»."""
    narrow = [50.0, 62.0, 300.0, 420.0]
    rows = [
        [["№"], ["Перелік заходів"], ["Виконавці"], ["2024"]],
        [["1", ".", "1", "."], ["Обмін делегаціями", "з містами-партнерами"], ["Відділ", "економіки"], ["40,0"]],
        [["1", ".", "2", "."], ["Участь у форумах"], ["Відділ"], ["15,5"]],
    ]
    [found] = find_tables(table(rows, narrow, gap=PITCH))
    assert [row[0].replace(" ", "") for row in found.rows] == ["№", "1.1.", "1.2."]
    assert found.rows[1][1:] == ["Обмін делегаціями з містами-партнерами", "Відділ економіки", "40,0"]


def test_padded_rows_show_column_by_column_when_a_merged_cell_runs_on_beside_the_next_row():
    """A direction's name four lines long beside a measure two lines long: the next measure begins a padding below its
    column's text, but less than a line below the name's last line, so no step between lines is a row gap."""
    columns = [50.0, 80.0, 200.0, 320.0]
    header = [
        words_of(text, x, 70.0)
        for text, x in zip(["№", "Напрям", "Перелік заходів", "Виконавці"], columns, strict=True)
    ]
    direction = ["Інформаційне", "забезпечення", "міжнародної", "співпраці"]
    words = [word for cell in header for word in cell]
    words += [w for i, line in enumerate(direction) for w in words_of(line, columns[1], 100.0 + i * PITCH)]
    words += words_of("– Забезпечення участі", columns[2], 100.0) + words_of("громади у програмах", columns[2], 112.0)
    words += words_of("Відділ", columns[3], 100.0) + words_of("розвитку", columns[3], 112.0)
    second = 100.0 + 3 * PITCH + 10.0  # the padding below the measure's text, 10 points below the name's last line
    words += words_of("– Переклад та друк", columns[2], second) + words_of("матеріалів", columns[2], second + PITCH)
    words += words_of("Відділ", columns[3], second)
    [found] = find_tables(words)
    assert found.rows[1:] == [
        [
            "Інформаційне забезпечення міжнародної співпраці",
            "– Забезпечення участі громади у програмах",
            "Відділ розвитку",
        ],
        ["", "– Переклад та друк матеріалів", "Відділ"],
    ]


def test_years_joined_across_narrow_year_columns_are_parted_into_their_columns():
    """Years under a title across the year columns, each column barely wider than its year: the words are closer than a
    gap between cells, so they came as one text; each year is its column's title, and the title above stays whole."""
    columns = [50.0, 250.0, 274.0, 298.0]
    words = words_of("Перелік заходів", columns[0], 70.0) + words_of("Обсяг фінансування", columns[1], 70.0)
    words += [
        word for year, x in zip(("2024", "2025", "2026"), columns[1:], strict=True) for word in words_of(year, x, 82.0)
    ]
    for top, (title, amounts) in zip(
        (110.0, 130.0),
        [("Обмін делегаціями", ("0,1", "0,2", "0,3")), ("Участь у форумах", ("1,5", "–", "2,0"))],
        strict=True,
    ):
        words += words_of(title, columns[0], top)
        words += [word for amount, x in zip(amounts, columns[1:], strict=True) for word in words_of(amount, x, top)]
    [found] = find_tables(words)
    assert found.rows[found.header_rows - 1] == ["Перелік заходів", "2024", "2025", "2026"]
    assert found.rows[0][1] == "Обсяг фінансування"
    assert found.rows[found.header_rows :] == [
        ["Обмін делегаціями", "0,1", "0,2", "0,3"],
        ["Участь у форумах", "1,5", "–", "2,0"],
    ]
