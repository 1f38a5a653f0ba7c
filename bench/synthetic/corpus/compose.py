"""A programme model laid out as a council lays it out: paragraphs and tables, before any file format.

:func:`compose` turns a :class:`~synthetic.corpus.model.Programme` and its layout into :class:`Para` and :class:`Table`
blocks; :mod:`bench.synthetic.corpus.render` writes them as .docx, PDF or .txt. Every dimension of
:data:`~synthetic.corpus.model.DIMENSIONS` is decided here, except the file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .model import COUNTRIES, Measure, Partner, Programme, years_text

ROMAN = ("I", "II", "III", "IV", "V", "VI")
LETTERS = "абвгґдеєжзиі"
UNIT_FACTOR = {"тис. грн": Decimal(1000), "грн": Decimal(1), "млн грн": Decimal(1_000_000)}
UNIT_DIGITS = {"тис. грн": 1, "грн": 2, "млн грн": 3}
FILLER = (
    "Міжнародне співробітництво є важливим чинником розвитку громади: воно відкриває доступ до досвіду, інвестицій і "
    "ресурсів міжнародних партнерів, сприяє впровадженню європейських стандартів надання послуг мешканцям. "
)


@dataclass
class Para:
    text: str
    style: str = "normal"  # 'normal' | 'heading' | 'title' | 'right' | 'list'
    page_break_before: bool = False


@dataclass
class Table:
    rows: list[list[str]]
    header_rows: int = 1
    # (first row, first column, last row, last column)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    widths: list[float] | None = None  # relative widths; None: python-docx's equal columns
    ruling: str = "grid"
    repeat_header: bool = False
    landscape: bool = False


Block = Para | Table


def money(hryvnias: int, unit: str) -> str:
    """An amount printed in ``unit`` with the decimal comma and spaces between thousands: 45000 → «45,0» (тис. грн)."""
    value = Decimal(hryvnias) / UNIT_FACTOR[unit]
    text = f"{value:,.{UNIT_DIGITS[unit]}f}".replace(",", " ").replace(".", ",")
    return text


def cell_amount(value: int | str, unit: str) -> str:
    return {"dash": "–", "blank": ""}.get(value) if isinstance(value, str) else money(value, unit)


def heading(text: str, number: int, style: str) -> Para:
    shown = text.upper() if style.endswith("caps") else text
    return Para(f"{number}. {shown}" if style.startswith("numbered") else shown, "heading")


def compose(p: Programme) -> list[Block]:
    lay = p.layout
    blocks: list[Block] = [*stamp(p), Para(p.title, "title")]
    blocks += [heading("Паспорт Програми", 1, lay["headings"]), passport(p)]
    blocks += [heading("Загальні положення", 2, lay["headings"]), Para(FILLER * 2)]
    blocks += [heading("Міжнародні партнери громади", 3, lay["headings"]), *partners(p)]
    blocks += [heading("Фінансове забезпечення Програми", 4, lay["headings"])]
    blocks += [
        Para(
            "Фінансування Програми здійснюється за рахунок коштів місцевого бюджету та інших джерел, не заборонених законодавством."
        )
    ]
    if lay["financing"] == "sentence":
        blocks += financing_sentences(p)
        blocks += [heading("Заходи Програми", 5, lay["headings"]), *measure_list(p)]
    blocks += signature()
    if lay["financing"] != "sentence":
        blocks += measures_annex(p)
    return blocks


def stamp(p: Programme) -> list[Block]:
    kind = p.layout["stamp"]
    if kind == "stamp":
        return [
            Para("ЗАТВЕРДЖЕНО", "right"),
            Para(f"рішенням {p.council}", "right"),
            Para(f"від {p.decision_date} № {p.decision_number}", "right"),
        ]
    if kind == "decision_line":
        return [Para(f"Додаток до рішення {p.council} від {p.decision_date} № {p.decision_number}", "right")]
    return []


def passport(p: Programme) -> Table:
    unit = passport_unit(p)
    total = f"{money(p.total(), unit)} {unit}"
    if p.layout["financing"] == "passport":
        total += ", у тому числі: " + "; ".join(f"{y} рік – {money(p.year_total(y), unit)} {unit}" for y in p.years)
    rows = [
        ["1.", "Ініціатор розроблення Програми", f"Виконавчий комітет {p.council}"],
        ["2.", "Розробник Програми", f"Відділ економічного розвитку {p.council}"],
        ["3.", "Відповідальний виконавець Програми", f"Відділ економічного розвитку {p.council}"],
        ["4.", "Термін реалізації Програми", years_text(p.year_from, p.year_to)],
        ["5.", "Джерела фінансування Програми", "Місцевий бюджет, інші джерела, не заборонені законодавством"],
        ["6.", "Загальний обсяг фінансових ресурсів, необхідних для реалізації Програми", total],
    ]
    return Table(rows, header_rows=0, widths=[1, 6, 8], ruling=p.layout["ruling"])


def passport_unit(p: Programme) -> str:
    """The passport states the total in гривнях when the table is in тис. грн, as councils often do; else in тис. грн."""
    return "грн" if p.layout["unit"] == "тис. грн" else "тис. грн"


def financing_sentences(p: Programme) -> list[Block]:
    unit = "тис. гривень"
    out = [
        Para(f"Обсяг фінансування Програми на {y} рік становить {money(p.year_total(y), 'тис. грн')} {unit}.")
        for y in p.years
    ]
    if len(p.years) > 1:
        out.append(Para(f"Загальний обсяг фінансування Програми становить {money(p.total(), 'тис. грн')} {unit}."))
    return out


def measure_list(p: Programme) -> list[Block]:
    out: list[Block] = [Para("Для досягнення мети Програми передбачається виконання таких заходів:")]
    items = [m.title for m in p.measures]
    for i, title in enumerate(items, 1):
        out.append(
            Para(f"{code(p.layout['numbering'], 1, i, flat=True)} {title}{'.' if i == len(items) else ';'}", "list")
        )
    return out


def signature() -> list[Block]:
    return [Para("Секретар ради\tІ. ПЕТРЕНКО")]


def code(numbering: str, direction: int, index: int, flat: bool = False) -> str:
    if numbering == "1.1":
        return f"{index}." if flat else f"{direction}.{index}."
    if numbering == "1)":
        return f"{index})"
    if numbering == "а)":
        return f"{LETTERS[(index - 1) % len(LETTERS)]})"
    return "–"


# ---- partners -------------------------------------------------------------------------------------------------------

KIND_WORDS = {"sister": ("місто-побратим", "побратимські"), "partner": ("місто-партнер", "партнерські")}


def partners(p: Programme) -> list[Block]:
    kind = p.layout["partners"]
    if kind == "table":
        rows = [["№ з/п", "Місто", "Країна", "Статус", "Дата підписання угоди"]]
        rows += [
            [f"{i}.", x.name, COUNTRIES[x.country][0], KIND_WORDS[x.kind][0], x.date or "–"]
            for i, x in enumerate(p.partners, 1)
        ]
        return [
            Para("Громада має таких міжнародних партнерів:"),
            Table(rows, widths=[1, 3, 3, 3, 3], ruling=p.layout["ruling"]),
        ]
    if kind == "list":
        out: list[Block] = [Para("Громада має такі міста-побратими та міста-партнери:")]
        for i, x in enumerate(p.partners, 1):
            date = f", угода від {x.date}" if x.date else ""
            end = "." if i == len(p.partners) else ";"
            out.append(Para(f"– {x.name} ({country_as_printed(x)}), {KIND_WORDS[x.kind][0]}{date}{end}", "list"))
        return out
    sentences = []
    for relation in ("sister", "partner"):
        group = [x for x in p.partners if x.kind == relation]
        if not group:
            continue
        if kind == "prose":
            names = _and([f"{x.name} ({country_as_printed(x)})" for x in group])
            noun = "містами-побратимами" if relation == "sister" else "містами-партнерами"
            sentences.append(f"Громада співпрацює з {noun} {names}.")
        else:
            sentences.append(f"Громада підтримує {KIND_WORDS[relation][1]} зв'язки з {_adjective_phrases(group)}.")
    return [Para(FILLER), *[Para(s) for s in sentences]]


def country_as_printed(x: Partner) -> str:
    short, formal, _ = COUNTRIES[x.country]
    return formal or short if sum(map(ord, x.name)) % 2 else short


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " та " + items[-1]


def _adjective_phrases(group: list[Partner]) -> str:
    """«польськими містами Тарновом і Жешувом, литовським містом Шяуляєм»."""
    phrases = []
    for country in dict.fromkeys(x.country for x in group):
        names = [instrumental(x.name) for x in group if x.country == country]
        plural = COUNTRIES[country][2]
        if len(names) == 1:
            phrases.append(f"{plural[:-1]} містом {names[0]}")
        else:
            phrases.append(f"{plural} містами {_and(names)}")
    return ", ".join(phrases)


def instrumental(name: str) -> str:
    """A city's name in the instrumental case by the regular declensions: Люблін → Любліном, Тарнів → Тарновом, Любачів → Любачевом,
    Варшава → Варшавою, Шяуляй → Шяуляєм; a name ending otherwise (Кельце, Будзинь) stays as it is, in apposition."""
    if name.endswith("ів"):
        return name[:-2] + ("евом" if name[-3] in "жчшщ" else "овом")
    if name.endswith("а"):
        return name[:-1] + "ою"
    if name.endswith("й"):
        return name[:-1] + "єм"
    if name[-1] in "бвгґджзклмнпрстфхцчшщ":
        return name + "ом"
    return name


# ---- the measures table -----------------------------------------------------------------------------------------------


def measures_annex(p: Programme) -> list[Block]:
    lay = p.layout
    landscape = lay["landscape"] == "yes"
    intro = [
        Para("Додаток до Програми", "right", page_break_before=lay["page_break"] == "none" or landscape),
        Para(
            f"Перелік заходів {p.title_wording[len('Програма ') :]} на {years_text(p.year_from, p.year_to)}", "heading"
        ),
    ]
    if lay["page_break"] != "none":
        intro.insert(1, Para(FILLER * 6))  # the table starts low on the page and runs over the break
    tables = measures_tables(p)
    for t in tables:
        t.landscape = landscape
    return [*intro, *tables]


def measures_tables(p: Programme) -> list[Table]:
    lay = p.layout
    header, header_rows, merges, widths = _header(p)
    body: list[list[str]] = []
    body_merges: list[tuple[int, int, int, int]] = []
    split_at = None
    width = len(header[0])
    for d, direction in enumerate(p.directions, 1):
        if d == 2 and lay["split_table"] == "yes":
            split_at = len(body)
        first_row = len(body)
        if lay["directions"] == "rows":
            body.append([_direction_title(lay["numbering"], d, direction.title)] + [""] * (width - 1))
            body_merges.append((len(body) - 1, 0, len(body) - 1, width - 1))
        for i, m in enumerate(direction.measures, 1):
            rows = _measure_rows(p, d, i, m)
            start = len(body)
            body += rows
            if len(rows) > 1 and lay["years"] == "rows":  # years as rows: the measure's own cells span its rows
                for c in range(_lead_len(p)):
                    if c != _direction_column(p):
                        body_merges.append((start, c, start + len(rows) - 1, c))
        if lay["directions"] == "merged_cells" and len(body) - first_row > 1:
            c = _direction_column(p)
            body_merges.append((first_row, c, len(body) - 1, c))
    body += _total_rows(p, width)
    chunks = [(0, len(body))] if split_at is None else [(0, split_at), (split_at, len(body))]
    tables = []
    for start, stop in chunks:
        rows = [list(r) for r in header] + [list(r) for r in body[start:stop]]
        m = list(merges) + [
            (a - start + header_rows, b, c - start + header_rows, e) for a, b, c, e in body_merges if start <= a < stop
        ]
        tables.append(Table(rows, header_rows, m, widths, lay["ruling"], lay["page_break"] == "repeated_header"))
    return tables


def _direction_column(p: Programme) -> int:
    return 1 if p.layout["directions"] == "merged_cells" else -1


def _lead_len(p: Programme) -> int:
    """The columns before the amounts: №, [напрям], захід, виконавці, строк, [джерела фінансування]."""
    return (4 if p.layout["directions"] == "rows" else 5) + (_sources(p) != "none")


def _sources(p: Programme) -> str:
    """The layout's column of funding sources («none» in models older than it)."""
    return p.layout.get("sources", "none")


BUDGET, OTHER_SOURCE = "Бюджет громади", "Інші джерела, не заборонені законодавством"


def _other_part(value: int | str) -> int | str:
    """The part of a year's amount another source pays, on the measure's second row: a third, in whole thousands (a
    dash where that is nothing, and for a year not stated or with no money planned)."""
    return value // 3000 * 1000 or "dash" if isinstance(value, int) else "dash"


def _budget_part(value: int | str) -> int | str:
    other = _other_part(value)
    return value - other if isinstance(value, int) and isinstance(other, int) else value


def _direction_title(numbering: str, d: int, title: str) -> str:
    if numbering == "1)":
        return f"Напрям {d}. {title}"
    if numbering == "bullets":
        return f"{ROMAN[d - 1]}. {title}"
    return f"{d}. {title}"


UNITS_IN_WORDS = {"тис. грн": "тисяч гривень", "грн": "гривень", "млн грн": "мільйонів гривень"}


def _amount_header(p: Programme) -> str:
    """The amount column's title with its unit; the councils whose titles are the third wording write the unit out."""
    unit = UNITS_IN_WORDS[p.layout["unit"]] if p.column_wording == 2 else p.layout["unit"]
    return f"{p.column_titles[5]}, {unit}"


def _header(p: Programme) -> tuple[list[list[str]], int, list[tuple[int, int, int, int]], list[float]]:
    lay = p.layout
    lead = (
        [p.column_titles[0]]
        + ([p.column_titles[1]] if lay["directions"] == "merged_cells" else [])
        + list(p.column_titles[2:5])
        + (["Джерела фінансування"] if _sources(p) != "none" else [])
    )
    lead_widths = (
        [1.0]
        + ([3.0] if lay["directions"] == "merged_cells" else [])
        + [8.0 if lay["wrapped"] == "no" else 4.0, 4.0, 2.5]
        + ([3.0] if _sources(p) != "none" else [])
    )
    amount_width = 2.2 if lay["wrapped"] == "no" else 1.3
    if lay["financing"] != "table":
        return [lead], 1, [], lead_widths
    if lay["years"] == "columns":
        years = [str(y) for y in p.years]
        if lay["total_column"] == "first":
            years = ["Всього", *years]
        elif lay["total_column"] == "last":
            years = [*years, "Всього"]
        top = lead + [_amount_header(p)] + [""] * (len(years) - 1)
        second = [""] * len(lead) + years
        merges = [(0, c, 1, c) for c in range(len(lead))]
        if len(years) > 1:
            merges.append((0, len(lead), 0, len(lead) + len(years) - 1))
        return [top, second], 2, merges, lead_widths + [amount_width] * len(years)
    if lay["years"] == "rows":
        return [[*lead, "Рік", _amount_header(p)]], 1, [], [*lead_widths, 1.5, amount_width * 1.5]
    return [[*lead, f"Обсяг фінансування за роками, {lay['unit']}"]], 1, [], [*lead_widths, 4.0]


def _measure_rows(p: Programme, d: int, i: int, m) -> list[list[str]]:
    lay = p.layout
    number = code(lay["numbering"], d, i)
    title = m.title
    if lay["numbering"] == "bullets":
        number, title = "", f"– {title}"
    lead = (
        [number]
        + ([p.directions[d - 1].title] if lay["directions"] == "merged_cells" else [])
        + [title, "Відділ економічного розвитку", years_text(p.year_from, p.year_to)]
        + ([BUDGET] if _sources(p) != "none" else [])
    )
    if lay["financing"] != "table":
        return [lead]
    unit = lay["unit"]
    total = sum(v for v in m.amounts.values() if isinstance(v, int))
    if lay["years"] == "columns":
        if _sources(p) == "rows" and i % 2 == 1:  # the odd measures take a second source, on a row of their own
            budget = Measure(m.title, {y: _budget_part(v) for y, v in m.amounts.items()})
            other = Measure(m.title, {y: _other_part(v) for y, v in m.amounts.items()})
            second = [""] * (len(lead) - 1) + [OTHER_SOURCE]
            return [lead + _year_cells(p, budget), second + _year_cells(p, other)]
        return [lead + _year_cells(p, m)]
    if lay["years"] == "rows":
        rows = [[f"{y}", cell_amount(m.amounts[y], unit)] for y in p.years]
        if lay["total_column"] == "first":
            rows.insert(0, ["Всього", money(total, unit)])
        elif lay["total_column"] == "last":
            rows.append(["Всього", money(total, unit)])
        return [lead + rows[0]] + [[""] * len(lead) + r for r in rows[1:]]
    lines = [f"{y} р. – {cell_amount(m.amounts[y], unit) or 'не визначено'}" for y in p.years]
    if lay["total_column"] == "first":
        lines.insert(0, f"Всього – {money(total, unit)}")
    elif lay["total_column"] == "last":
        lines.append(f"Всього – {money(total, unit)}")
    return [[*lead, "\n".join(lines)]]


def _year_cells(p: Programme, m: Measure) -> list[str]:
    """A measure's amounts in the year columns, with the total column where the layout has one."""
    unit = p.layout["unit"]
    total = money(sum(v for v in m.amounts.values() if isinstance(v, int)), unit)
    amounts = [cell_amount(m.amounts[y], unit) for y in p.years]
    return {"first": [total, *amounts], "last": [*amounts, total]}.get(p.layout["total_column"], amounts)


def _total_rows(p: Programme, width: int) -> list[list[str]]:
    lay = p.layout
    if lay["financing"] != "table":
        return []
    unit = lay["unit"]
    label_span = _lead_len(p)
    if lay["years"] == "columns":
        amounts = [money(p.year_total(y), unit) for y in p.years]
        if lay["total_column"] == "first":
            amounts = [money(p.total(), unit), *amounts]
        elif lay["total_column"] == "last":
            amounts = [*amounts, money(p.total(), unit)]
        return [["", "Всього по Програмі"] + [""] * (label_span - 2) + amounts]
    if lay["years"] == "rows":
        rows = [[f"{y}", money(p.year_total(y), unit)] for y in p.years]
        rows.append(["Всього", money(p.total(), unit)])
        return [["", "Всього по Програмі"] + [""] * (label_span - 2) + rows[0]] + [
            [""] * label_span + r for r in rows[1:]
        ]
    lines = [f"{y} р. – {money(p.year_total(y), unit)}" for y in p.years] + [f"Всього – {money(p.total(), unit)}"]
    return [["", "Всього по Програмі"] + [""] * (width - 3) + ["\n".join(lines)]]
