"""The measures table of a programme: one row per measure, with its amounts.

The header row is found by the words of ``rules/column_roles.csv``: a row of cells in which
one cell names the measures (``Перелік заходів``, ``Найменування заходу``…) and at least one
more cell has another role (№ з/п, напрям, строк, виконавці, джерела фінансування, amounts).
Nothing about the layout is configured:

* **Amount columns.** One column named by an amount role (``Фінансування (тис. грн)``) is read
  as the programme's only year; or the years are printed as cells (``2021``, ``2022 р.``) in
  the header or in a row under it, and each of those columns is one year. A column of
  sums over the years (``Усього``) is not read as a year.
* **Unit.** ``тис. грн`` or ``грн`` from the amount header (or the heading above the table);
  грн is converted to thousand UAH.
* **Rows.** A section heading on a row of its own (``I. Міжнародне співробітництво``,
  ``Напрям 1. …``, ``1. …`` without amounts, or an untabbed line inside the table); a
  direction cell (a column named ``Напрям…``) that opens a direction when it changes, so a
  merged cell repeated on every row, as a Word reader expands it, is one direction; sub-total
  rows (``Разом за напрямом``, or ``ВСЬОГО`` before more measures) and total rows
  (``Усього``, ``ВСЬОГО``, ``Разом`` at the end); the row of column numbers, a repeated
  header and ``Продовження таблиці`` are skipped.
* **Codes.** As printed in the № cell or at the start of the measure's text: ``1.1.``,
  ``1)``, ``1.``. Where a № cell numbers the directions only, measures get
  ``<direction>.<position>`` and a data issue says the loader assigned them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..read.document_text import numbers_its_columns
from ..read.wrapped_text import join_wrapped
from ..source_documents import SourceDocument
from ..ukrainian_text import DASHES, clean_title, nearly_same
from .amounts import read_amount
from .common import Extracted, amount_row, cells, roles, stated_total, wording, words_key
from .funding_sources import add_sources, is_source_row, money_maybe_lost
from .passport import amount_unit, names_unit
from .year_rows import fold_years, year_of

ROLES_FILE = "column_roles.csv"
HEADER_SEARCH_ROWS = 3  # rows under the header that may hold the years
# The number column's own header at the start of a cell that goes on with another column's header: a PDF without
# ruling lines whose № column is empty on every row (bulleted measures) reads as one column with both headers.
NUMBER_HEADER = re.compile(r"^(№|N|No)\s*(з\s*/\s*п|п\s*/\s*п|п\.\s*п\.)?\.?\s+(?=\S)")
HEADING_YEAR = re.compile(r"на\s+((?:19|20)\d\d)\s+р", re.IGNORECASE)


@dataclass
class Columns:
    """Which column of a measures table holds what."""

    header_line: int
    last_header_line: int
    header_cells: list[str]
    roles: dict[str, int]
    year_columns: dict[int, int] = field(default_factory=dict)  # year -> column
    amount_column: int | None = None  # the one amount column when years are not columns
    unit: str = "тис. грн"
    unit_stated: bool = True
    indicative: bool = False


def column_role(cell: str) -> str | None:
    """The role of a header cell, by ``rules/column_roles.csv``.

    >>> column_role("Перелік заходів програми"), column_role("N з/п"), column_role("Виконавці")
    ('measure', 'number', 'executors')
    >>> column_role("№ з/п Перелік заходів Програми"), column_role("№ з/п Примітка")
    ('measure', 'number')

    A word a narrow header cell broke and the reader joined with a space («Джерел а фінансування») is read whole:

    >>> column_role("Джерел а фінансування")
    'funding_source'

    and a mark a scan's speck made between two words («Перелік / заходів Програми») is no part of the title:

    >>> column_role("Перелік / заходів Програми")
    'measure'
    """
    text = cell.strip()
    for candidate in dict.fromkeys([text, _BROKEN_TAIL.sub(r"\1\2", text), _STRAY_MARK.sub(" ", text)]):
        for role in roles(ROLES_FILE):
            if wording(role, ROLES_FILE).match(candidate):
                if role == "number" and (rest := NUMBER_HEADER.sub("", candidate, count=1)) != candidate:
                    return column_role(rest) or role  # an empty № column merged into the next one's header
                return role
    return None


_STRAY_MARK = re.compile(r"(?<=\w) [/|\\.,:;] (?=\w)")  # «Перелік / заходів»: a scan's speck or rule read as a mark
_BROKEN_TAIL = re.compile(r"(\w) (\w{1,2})(?=[\s,]|$)")  # «Джерел а»: a word's last letters on a line of their own


def find_header(doc: SourceDocument, start: int = 1) -> Columns | None:
    """The first header row of a measures table from ``start`` on, with its columns."""
    for number, text in doc.numbered(start):
        if "\t" not in text:
            continue
        row = cells(text)
        found: dict[str, int] = {}
        for index, cell in enumerate(row):
            role = column_role(cell) if cell else None
            if role and role not in found:
                found[role] = index
        if "task" in found:  # a column of tasks: the measures when there is no other, else the directions
            task = found.pop("task")
            found.setdefault("measure" if "measure" not in found else "direction", task)
        # a column of measures, and amounts: a column titled so, or a year's own column («№ | Заходи | 2025 рік»)
        if "measure" in found and len(found) >= 2 and ("amount" in found or len(found) >= 3 or _years_in(row)):
            return _columns(doc, number, row, found)
    return None


def _columns(doc: SourceDocument, number: int, row: list[str], found: dict[str, int]) -> Columns:
    columns = Columns(header_line=number, last_header_line=number, header_cells=row, roles=found)
    years = _years_in(row)
    last = number
    if not years and "year" not in found:  # a column of years holds them as rows
        for below, text in doc.numbered(number + 1, min(number + 1 + HEADER_SEARCH_ROWS, len(doc.lines) + 1)):
            if "\t" not in text:
                continue
            below_cells = cells(text)
            if (found_years := _years_in(below_cells)) and not (
                below_cells[found["measure"]] if found["measure"] < len(below_cells) else ""
            ):
                years, last = found_years, below
                break
            if any(read_amount(c).status == "stated" for c in below_cells[len(found) :]):
                break  # a measure row: the years are not under the header
    if not years and last + 1 <= len(doc.lines) and (rest := _header_rest(row, doc.line(last + 1))):
        columns.header_cells, last = rest, last + 1  # «Обсяг фінансування за» / «роками, грн»: its unit in the rest
    columns.year_columns = years
    columns.last_header_line = last
    if not years and "amount" in found:
        columns.amount_column = found["amount"]
    _read_unit(doc, columns)
    return columns


def _header_rest(row: list[str], text: str) -> list[str] | None:
    """The header's cells with the rest of their words, when ``text`` is a row that only finishes header cells wrapped
    in lower case under them («Обсяг фінансування за» / «роками, грн»); else None.

    >>> _header_rest(["№", "Заходи", "Обсяг фінансування за"], "\\t\\tроками, грн")
    ['№', 'Заходи', 'Обсяг фінансування за роками, грн']
    >>> _header_rest(["№", "Заходи", "Обсяг"], "1.1\\tобмін делегаціями\\t40,0") is None
    True
    """
    if "\t" not in text:
        return None
    below = cells(text)
    filled = [(index, cell.strip()) for index, cell in enumerate(below) if cell.strip()]
    if not filled or len(below) != len(row):
        return None
    for index, cell in filled:
        if not (row[index].strip() and cell[:1].islower() and read_amount(cell).status != "stated"):
            return None
    return [
        join_wrapped([head, rest], in_cell=True) if rest.strip() else head
        for head, rest in zip(row, below, strict=True)
    ]


def columns_as_named(
    doc: SourceDocument, line: int, roles: dict[str, int], year_columns: dict[int, int], unit: str | None = None
) -> Columns:
    """The columns of the header row at ``line`` as a person named them (on review): which column holds the measures'
    names (and their numbers), and which year each amount column is for; the unit as named, else as the header says."""
    row = cells(doc.line(line))
    columns = Columns(
        header_line=line, last_header_line=line, header_cells=row, roles=dict(roles), year_columns=dict(year_columns)
    )
    _read_unit(doc, columns)
    if unit:
        columns.unit, columns.unit_stated = unit, True
    return columns


def _read_unit(doc: SourceDocument, columns: Columns) -> None:
    """The table's unit, from the amount column's header, the header row, the row above it or the table's heading."""
    row, found, number = columns.header_cells, columns.roles, columns.header_line
    header_text = " ".join(row)
    amount_header = row[found["amount"]] if "amount" in found else header_text
    unit_text = amount_header if names_unit(amount_header) else header_text
    columns.unit = amount_unit(unit_text)
    columns.unit_stated = names_unit(unit_text)
    # a header row above the titles (over the year columns)
    over = doc.line(number - 1) if number > 1 and "\t" in doc.line(number - 1) else ""
    if not columns.unit_stated:  # that row, or a heading above the table
        above = over if names_unit(over) else _unit_above(doc, number)
        if above and names_unit(above):
            columns.unit, columns.unit_stated = amount_unit(above), True
    columns.indicative = bool(wording("indicative_amounts").search(f"{header_text} {over}"))


def _years_in(row: list[str]) -> dict[int, int]:
    years = {}
    for index, cell in enumerate(row):
        if match := wording("year_cell").match(cell.strip()):
            years.setdefault(int(match.group("year")), index)
    ordered = sorted(years)
    if ordered and ordered != list(range(ordered[0], ordered[-1] + 1)):
        return {}
    return years


_AMOUNT_IN_TEXT = re.compile(r"\d,\d")


def _unit_above(doc: SourceDocument, line: int) -> str | None:
    """The nearest of the untabbed lines within five lines above ``line`` (up to another table) that names a unit and
    states no amount: the table's heading («Заходи та обсяги фінансування (тис. гривень)»), perhaps above a
    direction's heading."""
    for number in range(line - 1, max(line - 6, 0), -1):
        text = doc.line(number).strip()
        if "\t" in text:
            break
        if text and names_unit(text) and not _AMOUNT_IN_TEXT.search(text):
            return text
    return None


def heading_line_above(doc: SourceDocument, line: int) -> int | None:
    """The nearest untabbed, non-blank line within five lines above ``line``."""
    for number in range(line - 1, max(line - 6, 0), -1):
        text = doc.line(number).strip()
        if text and "\t" not in text:
            return number
    return None


BULLETS = DASHES | {"•"}  # what a bulleted measure's name begins with
_ROMAN_CELL = re.compile(r"^(?P<code>[IVXLCІХ]+)\.?$")  # a direction numbered in the № column (a Cyrillic І or Х too)


@dataclass
class _State:
    section_code: str | None = None
    section_title: str | None = None
    direction_text: str | None = None
    direction_code: str | None = None
    position: int = 0
    assigned_codes: bool = False
    section_sums: dict[tuple[str | None, int], Decimal] = field(default_factory=dict)
    directions: int = 0
    numbered: bool = False  # the last measure's row printed its number
    source_parts: list[dict] = field(default_factory=list)  # other sources' amounts, on rows under their measures
    lost_rows: list[int] = field(default_factory=list)  # rows with amounts not understood
    # (row's line, year) -> the line a year's amount is printed on, when not on its row's (years as rows)
    printed_at: dict[tuple[int, int], int] = field(default_factory=dict)


def extract_measures_table(doc: SourceDocument, out: Extracted, columns: Columns, years: list[int]) -> int:
    """Read the table's rows into ``out``; return the line after the table."""
    first_amount, first_total, first_measure = len(out.amounts), len(out.stated_totals), len(out.measures)
    first_issue = len(out.issues)
    state = _State()
    end = _read_rows(doc, out, columns, years, _year_columns(columns, years), state)
    for read in [*out.amounts[first_amount:], *state.source_parts, *out.stated_totals[first_total:]]:
        read["source_line"] = state.printed_at.get((read["source_line"], read.get("year")), read["source_line"])
    _wrapped_heads_are_gaps(out, out.amounts[first_amount:] + state.source_parts, out.stated_totals[first_total:])
    add_sources(out, state.source_parts)
    _units_in_cells(out, out.amounts[first_amount:], first_issue)
    # in a table that prints other sources on rows of their own, a row under another header may be one too
    other_header = [i.source_line for i in out.issues[first_issue:] if i.kind == "other_header" and i.source_line]
    money_maybe_lost(out, out.measures[first_measure:], state.lost_rows + (other_header if state.source_parts else []))
    _titles_cut_short(out, out.measures[first_measure:])
    return end


def _columns_lost(row: list[str], columns: Columns) -> bool:
    """Whether a header printed again has fewer columns than the table's own where the amounts stand (a PDF's table
    that lost an empty column on a later page): its rows' amounts would land one year off."""
    money = [*columns.year_columns.values(), *([columns.amount_column] if columns.amount_column is not None else [])]
    return bool(money) and len(row) < len(columns.header_cells) and max(money) >= len(row) - 1


def _year_columns(columns: Columns, years: list[int]) -> dict[int, int]:
    if columns.year_columns:
        return columns.year_columns
    if columns.amount_column is not None:
        return {years[0]: columns.amount_column}
    return {}  # a table of measures without amounts


def _same_columns_under(doc: SourceDocument, columns: Columns, number: int) -> Columns | None:
    """The header at line ``number``, where the table goes on under it with the same kinds of columns set apart
    otherwise (a PDF's table split over pages, «№» read into the measures' column on one page and not on the other):
    its rows are read by its own columns. Else None (which cell is which is not known)."""
    under = find_header(doc, number)
    # the title over the year columns may stand in the header's row or in a row above it: «amount» is not compared
    loose = {"number", "amount", "total_column"}
    if under is None or under.header_line != number or set(under.roles) - loose != set(columns.roles) - loose:
        return None
    if not under.unit_stated and columns.unit_stated:  # the same table: its unit, where this header's lost it
        under.unit, under.unit_stated = columns.unit, True
    # years in the header's cells (not folded from the rows, which the rows under it are again)
    in_cells = any(index < len(columns.header_cells) for index in columns.year_columns.values())
    folded = bool(columns.year_columns) and not in_cells
    if in_cells and sorted(under.year_columns) != sorted(columns.year_columns):
        return None  # never an amount column taken for the first year, unsaid
    # a table of measures without amounts, under either header
    no_money = not columns.year_columns and columns.amount_column is None and "amount" not in under.roles
    if not under.year_columns and "year" not in under.roles and not folded and not no_money:
        return None  # its amounts would be one column's, the years not known
    for between in range(number + 1, under.last_header_line):  # its years found below a direction's title or a header
        filled = [cell.strip() for cell in cells(doc.line(between)) if cell.strip()]
        if _names_a_column(filled) or any(wording("section_heading").match(cell) for cell in filled):
            return None
    # the rows right under it that finish its cells wrapped on («Перелік заходів» / «Програми»), as the first header's
    known = {words_key(cell) for cell in columns.header_cells if cell.strip()}
    while under.last_header_line < len(doc.lines) and "\t" in (text := doc.line(under.last_header_line + 1)):
        below = cells(text)
        filled = [(i, cell) for i, cell in enumerate(below) if cell.strip()]
        joined = [
            join_wrapped([under.header_cells[i], cell], in_cell=True)
            for i, cell in filled
            if i < len(under.header_cells)
        ]
        if not filled or len(joined) < len(filled) or not all(words_key(cell) in known for cell in joined):
            break
        for (i, _), cell in zip(filled, joined, strict=True):
            under.header_cells[i] = cell
        under.last_header_line += 1
    return under


_TEXT_ROLES = ("direction", "measure", "executors", "term", "funding_source")  # a row number reads as an amount


def _units_in_cells(out: Extracted, amounts: list[dict], first_issue: int) -> None:
    """A table that names no unit, whose every stated amount names its own («45,5 тис. грн»): no unit was assumed."""
    stated = [a for a in amounts if a["amount_status"] == "stated"]
    if stated and all(a["amount_text"] and names_unit(a["amount_text"]) for a in stated):
        out.issues[first_issue:] = [i for i in out.issues[first_issue:] if i.kind != "unit_not_stated"]


def _rows_keep_their_columns(doc: SourceDocument, columns: Columns, under: Columns) -> bool:
    """Whether the first row under a header set apart otherwise fits the first header's columns and not its own (a
    table without ruling whose first page's header merged its first two columns, and the second page's did not): the
    rows are read by the first header's columns, never shifted by one."""
    below = next((cells(t) for _, t in doc.numbered(under.last_header_line + 1) if "\t" in t), None)
    return below is not None and not _misfits(below, columns) and bool(_misfits(below, under))


def _misfits(row: list[str], columns: Columns) -> list[int]:
    """The cells of ``row`` that do not fit ``columns``: an amount in a column of text, a text in a year's column.

    >>> header = Columns(1, 1, ["№", "Заходи", "Джерела", "2022"], {"number": 0, "measure": 1, "funding_source": 2}, {2022: 3})
    >>> _misfits(["1", "Візити", "Бюджет громади", "0,800"], header), _misfits(["Візити", "Бюджет", "0,800", ""], header)
    ([], [2])
    """
    text_columns = {columns.roles[role] for role in _TEXT_ROLES if role in columns.roles}
    out = []
    for index, cell in enumerate(row):
        status = read_amount(cell, default_unit=columns.unit).status
        in_text = index in text_columns and status == "stated" and not year_of(cell)
        if in_text or (index in columns.year_columns.values() and cell.strip() and status == "not_stated"):
            out.append(index)
    return out


def _read_rows(
    doc: SourceDocument, out: Extracted, columns: Columns, years: list[int], year_columns: dict, state: _State
) -> int:
    rows = list(doc.numbered(columns.last_header_line + 1))
    if not columns.year_columns and (
        folded := fold_years(rows, columns.header_cells, columns.roles.get("year"), columns.amount_column)
    ):
        rows, printed_years, printed_at = folded
        state.printed_at.update(printed_at)
        year_columns = columns.year_columns = {
            year: len(columns.header_cells) + k for k, year in enumerate(printed_years)
        }
        columns.amount_column = None
    elif columns.amount_column is not None and len(years) > 1 and _unnamed_columns_after(columns):
        out.issue(
            "warning",
            "year_columns_unclear",
            f"The amount header «{columns.header_cells[columns.amount_column]}» spans "
            f"{len(columns.header_cells) - columns.amount_column} columns whose years could not be read: their amounts "
            "are not read. Name the year columns on review.",
            columns.header_line,
        )
        year_columns, columns.amount_column = {}, None
    _check(doc, out, columns, years, year_columns)
    header_words = _words(
        " ".join(doc.line(n) for n in range(max(columns.header_line - 1, 1), columns.last_header_line + 1))
    )
    end = len(doc.lines) + 1
    other_header, goes_on, header_text = False, None, False
    for index, (number, text) in enumerate(rows):
        stripped = text.strip()
        if not stripped:
            continue
        header_text = header_text and "\t" not in text and _header_piece(stripped, header_words)
        if header_text or ("\t" not in text and wording("table_continued").search(stripped)):
            continue  # the header printed again as text goes on over lines of its cells' pieces
        if "\t" not in text:
            # a heading between parts of the table, or right under its header (the first direction's, in a text export)
            first = not out.measures and all(not t.strip() for _, t in rows[:index])
            if (heading := wording("section_heading").match(stripped)) and (out.measures or first):
                _open_section(state, heading.group("code"), heading.group("title"))
                continue
            # the header printed again, its columns not told apart
            if out.measures and (_HEADER_AS_TEXT.search(stripped) or _own_titles_in(stripped, columns)):
                following = next((cells(t) for _, t in rows[index + 1 :] if "\t" in t), None)
                if following is not None and len(following) != len(columns.header_cells):
                    # its rows have other columns than the header's own: which cell is which is not known
                    out.issue(
                        "warning",
                        "other_header",
                        f"The table goes on under its header printed again as text, over {len(following)} columns, "
                        f"not {len(columns.header_cells)}: the rows under it are not read.",
                        number,
                    )
                    other_header, goes_on = True, None
                    continue
                _say_header_again(out, number)
                header_text = True
                continue
            if out.measures and _name_goes_on_alone(out, columns, stripped, rows[index + 1 :]):
                # the last words of the measure's name, set alone at a page's top where a borderless table goes on
                _name_goes_on(out, stripped, "in a line of its own", number)
                continue
            if out.measures:
                end = number
                _rows_after_end(out, columns, rows[index + 1 :], number, stripped)
                break
            continue
        row = cells(text)
        repeated = repeats_header(row, columns)
        if other_header and repeated:  # the table's own header again: its rows are read again
            other_header, goes_on = False, None
            out.issue(
                "info",
                "header_back",
                "The table's own header is printed again after the other one; the rows under it are read again.",
                number,
            )
            continue
        if out.measures and not other_header and repeated and _columns_lost(row, columns):
            # the header again, but over fewer columns than its own: an empty column the page lost; which amount
            # is which year is not known
            out.issue(
                "warning",
                "other_header",
                f"The table goes on under its header printed over {len(row)} columns, not {len(columns.header_cells)}: "
                "the rows under it are not read.",
                number,
            )
            other_header, goes_on = True, None
            continue
        if (
            wording("column_number_row").match("".join(row))
            or numbers_its_columns(row)
            or repeated
            or (header_words_only(row, header_words) and not _names_a_column(row))  # its cells not told apart
        ):
            continue
        if row == cells(doc.line(columns.last_header_line)) and columns.last_header_line != columns.header_line:
            continue
        filled = [cell.strip() for cell in row if cell.strip()]
        if other_header and len(filled) == 1 and (heading := wording("section_heading").match(filled[0])):
            _open_section(state, heading.group("code"), heading.group("title"))  # a direction's title: one cell
            continue
        # a header with other columns: which cell is which is not known
        if other_header or (out.measures and _names_a_column(row)):
            if not other_header and (under := _same_columns_under(doc, columns, number)) is not None:
                if _rows_keep_their_columns(doc, columns, under):  # its own header, set apart otherwise in print
                    _say_header_again(out, number)
                    again = replace(columns, header_line=number, last_header_line=under.last_header_line)
                    return _read_rows(doc, out, again, years, year_columns, state)
                out.issue(
                    "info",
                    "header_changed",
                    "The table goes on under a header with the same columns set apart otherwise; the rows under it "
                    "are read by its columns.",
                    number,
                )
                return _read_rows(doc, out, under, years, _year_columns(under, years), state)
            if not other_header:
                out.issue(
                    "warning",
                    "other_header",
                    f"The table goes on under another header, with other columns: {stripped[:80]!r}; "
                    "the rows under it are not read.",
                    number,
                )
                other_header, goes_on = True, _goes_on_under(row)
                continue
            # the first row under it goes on with the last measure's name
            if goes_on is not None and (rest := goes_on(row)):
                _name_goes_on(out, rest, "under the other header", number)
            elif not _names_a_column(row):
                out.issue(
                    "warning",
                    "unread_row",
                    f"A row under the other header was not read: {' | '.join(c for c in row if c)[:200]}",
                    number,
                )
            goes_on = goes_on if _names_a_column(row) else None
            continue
        if _total_row(doc, out, columns, row, year_columns, state, number, rows[index + 1 :]):
            if (
                out.measures
                and out.stated_totals
                and out.stated_totals[-1]["scope"] == "year"
                and out.stated_totals[-1]["source_line"] == number
            ):
                end = number + 1
                break
            continue
        _measure_or_heading(out, columns, row, year_columns, state, number, text)
    else:
        if out.measures:
            out.issue("warning", "no_total_row", "The measures table has no total row to check the measures against.")
    if not year_columns:  # a table of measures without amounts: each year's amount is not stated (NULL), never zero
        for measure in out.measures:
            for year in years:
                out.add_amount(measure["measure_code"], year, measure["source_line"])
    if state.assigned_codes and out.measures:
        out.issue(
            "info",
            "measure_codes_assigned",
            "The table numbers only its directions; measure codes such as 1.2 (direction 1, second measure) were assigned by the loader in printed order.",
            out.measures[0]["source_line"],
        )
    return end


_DECIMAL_MARK = re.compile(r"\d ?[,.](\d|\s|$)")  # «40,0», «304 000,00», «40,» (a trailing comma is a quirk of its own)
MIN_DECIMAL_SHARE = 0.8  # of a table's stated amounts printed with decimals: a whole number among them is a fragment


# a name that ends on a comma or a word that joins it to more (a preposition, a conjunction) goes on somewhere
def _name_goes_on(out: Extracted, rest: str, where: str, number: int) -> None:
    """Join ``rest`` (if any) to the last measure's name, and say where the name went on (``title_continued``)."""
    if rest:
        out.measures[-1]["measure_title"] = clean_title(
            join_wrapped([out.measures[-1]["measure_title"], rest], in_cell=True)
        )
    out.issue(
        "info", "title_continued", f"The name of measure {out.measures[-1]['measure_code']} goes on {where}.", number
    )


MAX_NAME_REST_WORDS = 4  # the most words of a name's rest set alone between two rows of a table


def _name_goes_on_alone(out: Extracted, columns: Columns, line: str, rest: list[tuple[int, str]]) -> bool:
    """Whether a line of text between a table's rows is the rest of the last measure's name: that name is cut short
    (it ends on a dash, a comma or a word that joins it to more), the line is a few words, and the table goes on under
    it with rows of its own columns («Облаштування велосипедного маршруту Перечин –» / «Собранці»).

    >>> out = Extracted()
    >>> out.add_measure("1.1.1", "Облаштування маршруту Перечин –", 22, None, None)
    >>> columns = Columns(20, 20, ["№", "Зміст заходу", "2026 р."], {"number": 0, "measure": 1})
    >>> _name_goes_on_alone(out, columns, "Собранці", [(24, "1.1.2\\tРозроблення\\t150.0")])
    True
    >>> _name_goes_on_alone(out, columns, "Собранці", [(24, "Секретар ради")])
    False
    """
    title = out.measures[-1]["measure_title"].rstrip()
    cut = title.endswith(("–", "—", "-")) or bool(_CUT_SHORT.search(title)) or line[:1].islower()
    following = next((text for _, text in rest if text.strip()), "")
    return (
        cut
        and len(line.split()) <= MAX_NAME_REST_WORDS
        and "\t" in following
        and len(cells(following)) == len(columns.header_cells)
    )


_CUT_SHORT = re.compile(r"(,|\b(з|із|зі|та|і|й|у|в|до|на|для|щодо|а|або|між|про|від|за|по|що)\s*)$", re.IGNORECASE)


def _titles_cut_short(out: Extracted, measures: list[dict]) -> None:
    """A measure's name that ends where a name cannot end («… з метою розширення партнерських зв'язків,») went on where
    the reader could not follow it (over a page break, under a header it could not read): said, not taken as whole.

    >>> out = Extracted()
    >>> _titles_cut_short(out, [{"measure_code": "1.1", "measure_title": "Підготовка заявок з метою розширення зв'язків,", "source_line": 7}])
    >>> [(i.kind, i.source_line) for i in out.issues]
    [('title_cut_short', 7)]
    """
    for measure in measures:
        if _CUT_SHORT.search(measure["measure_title"].strip()):
            out.issue(
                "warning",
                "title_cut_short",
                f"The name of measure {measure['measure_code']} ends on «{measure['measure_title'].split()[-1]}»: it "
                "goes on where the reader could not follow it (a page break, a header it could not read). Check the "
                "name against the document.",
                measure["source_line"],
            )


def _wrapped_heads_are_gaps(out: Extracted, amounts: list[dict], totals: list[dict]) -> None:
    """In a table whose amounts are printed with decimals («40,0», «304 000,00»), a whole number («304», «2 185») is
    the head of an amount that wrapped in its cell, its rest lost (a page break, a narrow column): never read as a
    number a thousand times smaller, but as a gap, said."""
    stated = [a for a in amounts if a["amount_status"] == "stated" and a["amount_text"]]
    printed = [a["amount_text"] for a in stated] + [t["total_text"] for t in totals if t["total_text"]]
    with_decimals = [text for text in printed if _DECIMAL_MARK.search(text)]
    if len(printed) < 4 or len(with_decimals) < MIN_DECIMAL_SHARE * len(printed):
        return
    for amount in stated:
        if not _DECIMAL_MARK.search(amount["amount_text"]):
            out.issue(
                "warning",
                "unreadable_amount",
                f"Measure {amount['measure_code']}, {amount['year']}: «{amount['amount_text']}» has no decimals where "
                "the table's other amounts have them: the rest of a wrapped amount is missing, so it is not read.",
                amount["source_line"],
            )
            amount["amount_thousand_uah"], amount["amount_status"] = None, "not_stated"
    for total in [t for t in totals if t["total_text"] and not _DECIMAL_MARK.search(t["total_text"])]:
        out.issue(
            "warning",
            "unreadable_total",
            f"The total «{total['total_text']}» has no decimals where the table's amounts have them: the rest of a "
            "wrapped amount is missing, so it is not read.",
            total["source_line"],
        )
        out.stated_totals.remove(total)


def _rows_after_end(out: Extracted, columns: Columns, rest, number: int, text: str) -> None:
    """The table ends at the line ``text``: rows after it with the table's columns and a measure's number are not read,
    and that is said (a heading the reader did not know, as OCR may misread «II.» as «П.»)."""
    after = {
        line: _strip_code(_role_cell(row, columns, "measure")).lstrip("".join(BULLETS) + " ")
        for line, row_text in rest
        if "\t" in row_text
        and len(row := cells(row_text)) >= len(columns.header_cells)
        and (_plain(row[0].strip()) or row[0].strip()[:1] in BULLETS)
        and _role_cell(row, columns, "measure")
    }
    if after:
        names = "; ".join(f"«{name[:60]}»" for name in after.values())
        out.issue(
            "warning",
            "rows_after_table_end",
            f"The measures table is read up to «{text[:60]}» (line {number}); {len(after)} rows after it "
            f"look like measures (lines {min(after)}–{max(after)}) and are not read: {names}.",
            number,
        )


def _own_titles_in(text: str, columns: Columns) -> bool:
    """Whether a line of text holds the titles of the table's own header (the measures' column and another): the header
    printed again with its columns not told apart, in whatever words the council titled them.

    >>> columns = Columns(1, 1, ["№", "Зміст заходу", "Співвиконавці", ""], {"number": 0, "measure": 1, "executors": 2})
    >>> _own_titles_in("№ Пріоритетні завдання Зміст заходу Співвиконавці Період виконання", columns)
    True
    >>> _own_titles_in("Зміст заходу визначено рішенням ради", columns)
    False

    Its cells' first lines alone, side by side, where the cells wrap: the first word of three titles or more.

    >>> columns = Columns(1, 1, ["N з/п", "Напрями діяльності", "Заходи", "Відповідальні за виконання"], {"measure": 2})
    >>> _own_titles_in("N Напрями Заходи Відповідальні за", columns), _own_titles_in("Заходи Відповідальні", columns)
    (True, False)
    """
    line = words_key(text)
    titles = [cell for cell in columns.header_cells if len(cell.strip()) > 2]
    found = [cell for cell in titles if words_key(cell) in line]
    measure = columns.header_cells[columns.roles["measure"]] if "measure" in columns.roles else None
    if measure in found and len(found) >= 2:
        return True
    words = line.split()
    heads = [cell for cell in titles if words_key(cell).split()[0] in words]
    return measure in heads and len(heads) >= 3


_HEADER_AS_TEXT = re.compile(
    r"(Перелік|Найменування|Зміст)\s+заходів.*Виконав|Виконав.*(Перелік|Найменування|Зміст)\s+заходів"
)


def _goes_on_under(header: list[str]):
    """For a header with other columns: the text, in its measures column, of a row that only goes on with the name above
    (every other cell empty, in lower case), or None."""
    column = next((i for i, cell in enumerate(header) if cell.strip() and column_role(cell) == "measure"), None)

    def rest(row: list[str]) -> str | None:
        text = row[column].strip() if column is not None and column < len(row) else ""
        others = [cell for i, cell in enumerate(row) if i != column and cell.strip()]
        return text if text[:1].islower() and not others else None

    return rest


def _names_a_column(row: list[str]) -> bool:
    """Whether a row is a header: the title of a measures column and another column's (a measure's row holds neither)."""
    found = [column_role(cell) for cell in row if cell.strip()]
    return "measure" in found and sum(1 for role in found if role) >= 2


def repeats_header(row: list[str], columns: Columns) -> bool:
    """Whether ``row`` is the header printed again (a continuation page, a second Word table): the same measure cell,
    and every other cell the header's or the start of it (a page break may cut a wrapped header cell short), or nearly
    (a scan's header read again by OCR with a letter amiss, :func:`nearly_same`).

    >>> repeats_header(["№ з /", "Перелік заходів", ""], Columns(1, 1, ["№ з / п", "Перелік заходів", ""], {"measure": 1}))
    True
    """
    header = columns.header_cells
    measure = columns.roles["measure"]
    if measure >= len(row) or not nearly_same(row[measure], header[measure]):
        return False
    return all(
        not cell.strip()
        or (i < len(header) and (_squeezed(header[i]).startswith(_squeezed(cell)) or nearly_same(cell, header[i])))
        for i, cell in enumerate(row)
    )


def _words(text: str) -> set[str]:
    return {word.strip(",.;:()«»").casefold() for word in text.split()} - {""}


def _say_header_again(out: Extracted, number: int) -> None:
    out.issue(
        "info",
        "header_as_text",
        "The table's header is printed again here; its rows go on under the same columns.",
        number,
    )


def _header_piece(text: str, header_words: set[str]) -> bool:
    """Whether a line holds only pieces of the header's words (a year, «Всьог», «ння», «/»): the rest of a header printed
    again as text, its narrow cells' words broken over lines.

    >>> words = _words("№ з/п Перелік заходів Програми Строк виконання 2026 2027 Всього")
    >>> [_header_piece(t, words) for t in ("з ння 2026 2027 Всьог", "о", "/", "Проведення Днів громади")]
    [True, True, True, False]
    """
    return all(any(word in known for known in header_words) for word in _words(text))  # a word is a piece of itself


def header_words_only(row: list[str], header_words: set[str], least: int = 3) -> bool:
    """Whether ``row`` is made of the header's words alone, at least ``least`` of them: the header printed again with its
    columns not told apart (a PDF without ruling whose repeated header was read with columns of its own). A measure's
    row has its own name, and amounts or executors, none of them all header words.

    >>> words = _words("Орієнтовний обсяг фінансування, грн № з/п Перелік заходів Програми Виконавці Строк виконання")
    >>> header_words_only(["№ Перелік заходів Програми Виконавці Строк", "", ""], words)
    True
    >>> header_words_only(["Виконання заходів Програми", "Виконавці", "40,0"], words)
    False
    """
    found = _words(" ".join(row))
    return len(found) >= least and found <= header_words


def _unnamed_columns_after(columns: Columns) -> bool:
    """Whether the amount column's header goes on over columns with no title of their own (the header of one column per
    year, whose years were not read): which year each holds is not known.

    >>> _unnamed_columns_after(Columns(1, 1, ["№", "Перелік заходів", "Обсяг фінансування", "", ""], {}, amount_column=2))
    True
    >>> _unnamed_columns_after(Columns(1, 1, ["№", "Перелік заходів", "Обсяг фінансування"], {}, amount_column=2))
    False
    """
    after = columns.header_cells[columns.amount_column + 1 :]
    return bool(after) and not any(cell.strip() for cell in after)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _check(
    doc: SourceDocument, out: Extracted, columns: Columns, years: list[int], year_columns: dict[int, int]
) -> None:
    line = columns.header_line
    said = {(issue.kind, issue.message) for issue in out.issues}

    def say(severity: str, kind: str, message: str, source_line: int | None) -> None:
        if (kind, message) not in said:  # a table going on under a header of its own says each thing once
            out.issue(severity, kind, message, source_line)

    if columns.amount_column is not None and len(years) > 1:
        say("warning", "single_year_estimate", f"The table has one amount column; it is read as {years[0]}.", line)
    if columns.year_columns and sorted(columns.year_columns) != years:
        found = sorted(columns.year_columns)
        say(
            "warning",
            "year_columns_differ",
            f"The table has columns for {found[0]}–{found[-1]}, the programme runs {years[0]}–{years[-1]}.",
            columns.last_header_line,
        )
    if columns.indicative:
        say(
            "warning",
            "indicative_amounts",
            "The table's header says its amounts are indicative (Орієнтовні обсяги): they are planned estimates, which the yearly budget may change.",
            line,
        )
    if not columns.unit_stated and year_columns:
        say(
            "warning",
            "unit_not_stated",
            "The table names no unit (тис. грн or грн); the amounts are read as thousand UAH.",
            line,
        )
    elif columns.unit != "тис. грн":
        say(
            "info",
            "amounts_in_uah",
            f"The table gives amounts in {columns.unit}; they are converted to thousand UAH.",
            line,
        )
    heading_line = heading_line_above(doc, line)
    heading = doc.line(heading_line) if heading_line else ""
    if (match := HEADING_YEAR.search(heading)) and int(match.group(1)) not in years:
        say(
            "warning",
            "heading_year_differs",
            f"The table's heading says {match.group(1)}, but the programme (title, passport and every row of the table) is for "
            f"{years[0]}. The amounts are read as {years[0]}.",
            heading_line,
        )


def _open_section(state: _State, code: str | None, title: str | None) -> None:
    state.section_code, state.section_title = code, clean_title(title) if title else None
    state.direction_text = None
    state.directions += 1
    state.position = 0  # codes assigned in a direction count its own measures («II.1» for its first)


def _rest_of_the_row_above(
    out: Extracted, state: _State, number_cell: str, labels: list[tuple[int, str]], has_amount: bool
) -> bool:
    """Whether a row is the rest of the measure's row above: the table numbered that measure (or set a bullet before
    it), this row has no number and no amount, and every cell it prints goes on in lower case (a measure's name begins with a capital).

    >>> state, out = _State(numbered=True), Extracted()
    >>> out.add_measure("1", "Проведення днів громади", 3, None, None)
    >>> _rest_of_the_row_above(out, state, "", [(2, "з метою розширення"), (3, "розвитку")], False)
    True
    >>> _rest_of_the_row_above(out, state, "", [(2, "Участь у форумах")], False)
    False
    >>> _rest_of_the_row_above(out, _State(numbered=False), "", [(2, "з метою розширення")], False)
    False
    >>> _rest_of_the_row_above(out, state, ".", [(0, "."), (2, '" д о п о м о г и')], False)
    True
    """
    printed = [_SPECKS.sub("", cell) for _, cell in labels]  # a scan's specks before a word («.», «"») aside
    printed = [cell for cell in printed if cell]
    return (
        bool(out.measures)
        and state.numbered
        and not _SPECKS.sub("", number_cell)
        and not has_amount
        and bool(printed)
        and all(cell[:1].islower() for cell in printed)
    )


_SPECKS = re.compile(r"^[^\w№]+")


def _role_cell(row: list[str], columns: Columns, role: str) -> str:
    index = columns.roles.get(role)
    return row[index].strip() if index is not None and index < len(row) else ""


def _label_cells(row: list[str], year_columns: dict[int, int]) -> list[tuple[int, str]]:
    amount_indexes = set(year_columns.values())
    return [(i, c.strip()) for i, c in enumerate(row) if c.strip() and i not in amount_indexes]


def _total_row(doc, out: Extracted, columns: Columns, row, year_columns, state: _State, number: int, rest) -> bool:
    labels = _label_cells(row, year_columns)
    total_at = next(
        (i for i, c in labels if wording("total_row").match(c) or wording("grand_total_row").match(c)), None
    )
    if total_at is None:
        return False
    # a measure's row (its code and its own name) whose other cell begins with «усього» (an amount cell «усього – 85,0
    # у т.ч.: …» not read as years) is no total row: it stays a measure, its amounts said gaps
    code_cell, title = _role_cell(row, columns, "number"), _role_cell(row, columns, "measure")
    total_words = (wording("total_row"), wording("grand_total_row"))
    if (
        code_cell
        and wording("measure_code").match(code_cell)
        and title
        and not any(w.match(title) or w.match(code_cell) for w in total_words)
    ):
        return False
    label_text = " ".join(c for _, c in labels)
    if wording("section_total_row").match(label_text.split("  ")[0]) or any(
        wording("section_total_row").match(c) for _, c in labels
    ):
        scope = "section"
    elif any(wording("grand_total_row").match(c) for _, c in labels):
        scope = "year"
    else:  # ВСЬОГО, Разом, Усього: a sub-total when more measures follow in the table
        scope = "section" if _more_measures_follow(rest, columns) and state.section_code is not None else "year"
    for year, column in year_columns.items():
        cell = row[column] if column < len(row) else ""
        parsed = read_amount(cell, default_unit=columns.unit)
        if parsed.status != "stated" and columns.amount_column is not None:
            moved = [
                (i, c)
                for i, c in enumerate(row)
                if i > total_at and c.strip() and read_amount(c, default_unit=columns.unit).status == "stated"
            ]
            if moved:
                index, cell = moved[0]
                parsed = read_amount(cell, default_unit=columns.unit)
                out.issue(
                    "info",
                    "total_in_wrong_column",
                    f"The total {cell} is printed in column {index + 1}, not in the amount column ({column + 1}); it is read as the total all the same.",
                    number,
                )
        if parsed.status != "stated":
            out.issue("warning", "unreadable_total", f"Total for {year} is printed as {cell!r}.", number)
            continue
        section_code = state.section_code if scope == "section" else None
        out.stated_totals.append(stated_total(year, parsed.value, cell, number, "measures table", scope, section_code))
    return True


def _more_measures_follow(rest, columns: Columns) -> bool:
    for _, text in rest:
        if not text.strip():
            continue
        if "\t" not in text:
            if wording("table_continued").search(text) or wording("section_heading").match(text.strip()):
                continue
            return False
        row = cells(text)
        measure = _role_cell(row, columns, "measure")
        if (
            measure
            and not wording("total_row").match(measure)
            and not wording("column_number_row").match("".join(row))
            and not numbers_its_columns(row)
        ):
            return True
    return False


def _measure_or_heading(
    out: Extracted, columns: Columns, row, year_columns, state: _State, number: int, text: str
) -> None:
    labels = _label_cells(row, year_columns)
    distinct = list(dict.fromkeys(c for _, c in labels))
    amounts = [row[c] if c < len(row) else "" for c in year_columns.values()]
    # an amount or a dash; a heading merged across the amount columns repeats its text there, which is no amount
    has_amount = any(read_amount(a, default_unit=columns.unit).status != "not_stated" for a in amounts)
    if len(distinct) == 1 and not has_amount and (heading := wording("section_heading").match(distinct[0])):
        _open_section(state, heading.group("code"), heading.group("title"))
        return
    number_cell = _role_cell(row, columns, "number")
    direction = _role_cell(row, columns, "direction")
    title = _role_cell(row, columns, "measure")
    details = [_role_cell(row, columns, r) for r in ("term", "executors", "funding_source")]
    source = _role_cell(row, columns, "funding_source")
    if is_source_row(source, [number_cell, direction, title], _sources_so_far(out, state)):
        parts = _amounts(out, out.measures[-1]["measure_code"], year_columns, row, columns.unit, number)
        state.source_parts += [{**part, "funding_source": source} for part in parts]
        return
    roman = _ROMAN_CELL.match(number_cell)
    if (
        year_columns
        and not has_amount
        and not any(details)
        and title
        and not direction
        and (roman or _plain(number_cell or title))
    ):
        # «1. ⇥ Міжнародне співробітництво» or «II ⇥ Промоція» with no amounts, term or executors: a direction's heading
        heading_code = roman.group("code") if roman else _plain(number_cell) if number_cell else _plain(title)
        if heading_code and "." not in heading_code:
            _open_section(state, heading_code, _strip_code(title) if not number_cell else title)
            return
    if _rest_of_the_row_above(out, state, number_cell, labels, has_amount):
        # in a numbered table, a row with no number whose every cell goes on in lower case, with no amount: the rest of
        # the row above, which a scan's reading of an unruled table parted from it («з метою розширення …»)
        _name_goes_on(out, _SPECKS.sub("", title) if title else "", "in a row of its own", number)
        return
    opened = bool(direction and direction != state.direction_text)
    if opened:
        code_match = wording("measure_code").match(number_cell) if number_cell else None
        code = (
            code_match.group("code")
            if code_match and "." not in code_match.group("code")
            else str(state.directions + 1)
        )
        _open_section(state, code, direction)
        state.direction_text, state.direction_code = direction, code
    if not title:
        if labels and not opened:  # a row that only opens a direction is not a problem
            out.issue(
                "warning", "unrecognised_row", f"A row of the measures table was not understood: {text[:80]!r}", number
            )
            if has_amount:  # money the measure above may go on with
                state.lost_rows.append(number)
        return
    lettered = None if number_cell else wording("letter_item").match(title.strip())
    state.numbered = bool(number_cell or lettered) or title[:1] in BULLETS  # the table marks where each measure begins
    code = _measure_code(number_cell, title, state, bool(direction or state.direction_text))
    if code is not None and (with_stop := _stop_lost(code, state)):
        out.issue(
            "warning",
            "measure_code_stop_lost",
            f"The code «{code}» is read as {with_stop}: it is the next measure of direction {state.section_code}, "
            "and the stop between the two numbers was lost (a scan's reading).",
            number,
        )
        code = with_stop
    if code is None:
        code = _assign(state)
        title = title.strip()[lettered.end() :] if lettered else title  # «а) Назва» in one cell: its letter is no name
    elif _plain(title.strip()) in (code, None) or not number_cell:
        title = _strip_code(title)
    state.position += 1
    if any(m["measure_code"] == code for m in out.measures):
        out.issue(
            "warning",
            "duplicate_measure_code",
            f"The code {code} is printed twice; this row is read as {code}-{number}.",
            number,
        )
        code = f"{code}-{number}"
    printed = {
        "term_text": _role_cell(row, columns, "term") or None,
        "executors": _role_cell(row, columns, "executors") or None,
        "funding_source": source or None,
    }
    out.add_measure(code, clean_title(title), number, state.section_code, state.section_title, **printed)
    row = _no_money_across_years(out, row, columns, year_columns, code, number)
    read = _amounts(out, code, year_columns, row, columns.unit, number)
    if not year_columns and (loose := _amounts_without_years(row, columns)):
        out.issue(
            "warning",
            "amounts_without_years",
            f"Measure {code} prints amounts ({'; '.join(loose)}) in columns whose years the table's header does not "
            "name (or could not be read): they are not read.",
            number,
        )
    if wording("no_funding_cell").match(" ".join(source.split())):  # «Не потребує фінансування» as its source
        for amount in read:
            if amount["amount_status"] == "not_stated" and not (amount["amount_text"] or "").strip():
                amount["amount_status"] = "none"
    out.amounts += read
    any_stated = any(amount["amount_status"] == "stated" for amount in read)
    if any_stated and "funding_source" in columns.roles and source in DASHES:
        out.issue(
            "info",
            "funding_source_dash",
            f"Measure {code} plans amounts, but its source of funding is printed as a dash.",
            number,
        )
    if any_stated and source and wording("non_budget_source").search(source):
        out.issue(
            "warning",
            "not_only_budget_money",
            f"Measure {code} is funded from «{source}»: its amounts are not all budget money.",
            number,
        )


def _no_money_across_years(
    out: Extracted, row: list[str], columns: Columns, year_columns: dict, code: str, number: int
) -> list[str]:
    """The row with a cell in words that says no money is planned, or that it comes from allocations made elsewhere
    («Не потребує фінансування», «в межах кошторису»), read for every year when it is the only cell of the years' columns
    (and of the total's before them) and stands in the first of them: a cell merged across the columns, whose text a
    reader finds in the first.

    >>> out, columns = Extracted(), Columns(1, 1, ["№", "Захід", "2026", "2027"], {"number": 0, "measure": 1})
    >>> _no_money_across_years(out, ["4", "Форуми", "не потребує фінансування", ""], columns, {2026: 2, 2027: 3}, "4", 9)
    ['4', 'Форуми', 'не потребує фінансування', 'не потребує фінансування']
    >>> _no_money_across_years(out, ["4", "Форуми", "", "в межах кошторису"], columns, {2026: 2, 2027: 3}, "4", 9)
    ['4', 'Форуми', '', 'в межах кошторису']
    """
    # the total's column: named so, or the amounts' title over the years standing over it («Обсяг …» / «Всього»)
    spots = sorted(
        {columns.roles[role] for role in ("total_column", "amount") if role in columns.roles}
        | set(year_columns.values())
    )
    filled = [column for column in spots if column < len(row) and row[column].strip()]
    if len(year_columns) < 2 or filled[:1] != spots[:1] or len(filled) != 1:
        return row
    cell = row[filled[0]]
    parsed = read_amount(cell, default_unit=columns.unit)
    if not (any(ch.isalpha() for ch in cell) and (parsed.status == "none" or parsed.quirk == "within_allocations")):
        return row
    spread = [*row, *[""] * (max(spots) + 1 - len(row))]
    for column in year_columns.values():
        spread[column] = cell
    out.issue(
        "info",
        "no_money_across_years",
        f"Measure {code}: «{' '.join(cell.split())}» is printed once across the years' columns; it is read for each year.",
        number,
    )
    return spread


def _amounts_without_years(row: list[str], columns: Columns) -> list[str]:
    """A row's amounts in columns the header gives no role: where the years' titles were lost."""
    named = set(columns.roles.values())
    return [
        cell.strip()
        for index, cell in enumerate(row)
        if index not in named
        and cell.strip()
        and not year_of(cell)
        and read_amount(cell, default_unit=columns.unit).status == "stated"
    ]


def _sources_so_far(out: Extracted, state: _State) -> list[str] | None:
    """The sources of funding of the last measure read: its own row's and those on rows under it (None: no measure)."""
    if not out.measures:
        return None
    code = out.measures[-1]["measure_code"]
    own = out.measures[-1].get("funding_source") or ""
    return [own, *(part["funding_source"] for part in state.source_parts if part["measure_code"] == code)]


def _amounts(
    out: Extracted, code: str, year_columns: dict, row: list[str], unit: str | None, number: int
) -> list[dict]:
    """The amounts of measure ``code`` in a row's year columns, in the form of ``out.amounts``; a quirk or a cell that
    is not an amount is said."""
    read = []
    for year, column in year_columns.items():
        cell = row[column] if column < len(row) else ""
        parsed = read_amount(cell, default_unit=unit)
        if parsed.quirk == "within_allocations":
            out.issue(
                "info",
                "within_allocations",
                f"Measure {code}, {year}: «{cell.strip()}»: its money comes from allocations made elsewhere, so no "
                "amount is stated.",
                number,
            )
        elif parsed.quirk:
            out.issue(
                "warning",
                parsed.quirk,
                f"Measure {code}, {year}: the cell is printed as {cell!r}; read as {parsed.value} thousand UAH.",
                number,
            )
        elif parsed.status == "not_stated" and cell.strip():
            out.issue(
                "warning", "unreadable_amount", f"Measure {code}, {year}: cell {cell!r} is not an amount.", number
            )
        read.append(amount_row(code, year, number, parsed.value, parsed.status, cell if column < len(row) else None))
    return read


def _stop_lost(code: str, state: _State) -> str | None:
    """``code`` with the stop a scan's reading lost, when its digits are the open direction's code and the position of
    the next measure in it («11» for the first measure of direction 1, «23» for the third of direction 2); else None.

    >>> _stop_lost("23", _State(section_code="2", position=2)), _stop_lost("23", _State(section_code="2", position=0))
    ('2.3', None)
    >>> _stop_lost("11", _State(section_code=None, position=0)), _stop_lost("1.1", _State(section_code="1", position=0))
    (None, None)
    """
    direction, following = state.section_code, str(state.position + 1)
    if direction and direction.isdigit() and code.isdigit() and code == direction + following:
        return f"{direction}.{following}"
    return None


def _measure_code(number_cell: str, title: str, state: _State, has_directions: bool) -> str | None:
    """The code as printed: in the № cell, unless that cell numbers the direction; else at the start of the title."""
    if (
        number_cell
        and not (has_directions and state.direction_code == _plain(number_cell))
        and (match := wording("measure_code").match(number_cell))
    ):
        return match.group("code")
    if match := wording("measure_code").match(title.strip()):
        return match.group("code")
    return None


def _plain(cell: str) -> str | None:
    match = wording("measure_code").match(cell)
    return match.group("code") if match else None


def _strip_code(title: str) -> str:
    match = wording("measure_code").match(title.strip())
    return title.strip()[match.end() :].strip() if match else title


def _assign(state: _State) -> str:
    state.assigned_codes = True
    prefix = state.direction_code or state.section_code
    return f"{prefix}.{state.position + 1}" if prefix else str(state.position + 1)
