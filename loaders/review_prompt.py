"""``loaders add FILE --review``: ask the review's questions on the terminal and return the decisions.

The same questions as the /add page (:mod:`loaders.review_questions`), answered by typing; an empty answer keeps what
the reader did. The decisions are written to ``<source>.review.csv`` by the caller, which a person may also edit.
"""

from __future__ import annotations

from collections.abc import Callable

from .review import UNITS, Decision, table_decisions, thousand_uah, today
from .review_questions import Questions, Table

MAX_ROWS_SHOWN = 6
MAX_CELL = 28


def ask_review(
    questions: Questions,
    tables: list[Table],
    years: list[int],
    ask: Callable[[str], str] = input,
    say: Callable[[str], None] = print,
) -> list[Decision]:
    """The decisions a person takes on ``questions`` (``ask`` reads an answer, ``say`` prints)."""
    decisions: list[Decision] = []
    if questions.table and tables:
        decisions += _table(questions, tables, years, ask, say)
    for name, locator, why in questions.partners:
        answer = (
            ask(f"Partner «{name}» ({locator}; {why.replace('_', ' ')}): [a]ccept, [r]eject, or Enter to keep: ")
            .strip()
            .lower()
        )
        if answer[:1] in ("a", "r"):
            decisions.append(
                Decision(
                    "partner", name, "accept" if answer[0] == "a" else "reject", f"on review of {locator}", today()
                )
            )
    for locator, year, code, text, _value in questions.amounts:
        while True:
            answer = ask(
                f"Amount of measure {code}, {year} ({locator}), read by OCR as «{text or '—'}»: thousand UAH, '-' for not stated, Enter to keep: "
            ).strip()
            if not answer or answer == "-" or thousand_uah(answer) is not None:
                break
            say(f"  {answer!r} is not a number of thousand UAH.")
        if answer:
            decisions.append(
                Decision(
                    "amount", f"{locator}; {year}", "" if answer == "-" else answer, "checked against the page", today()
                )
            )
    return decisions


def _table(questions: Questions, tables: list[Table], years: list[int], ask, say) -> list[Decision]:
    say(
        f"The reader is unsure about the measures table ({', '.join(k.replace('_', ' ') for k in questions.table)}). The document's tables:"
    )
    for table in tables:
        say(f"  [{table.number}] {table.where}, {len(table.rows)} rows, {table.width} columns")
        say("      " + " | ".join(f"{n:^{MAX_CELL}}" for n in range(1, table.width + 1)))
        for locator, cells in table.rows[:MAX_ROWS_SHOWN]:
            say(f"      {' | '.join(_short(c) for c in cells)}   ({locator})")
    chosen = _number(ask, say, f"Measures table [1–{len(tables)}], Enter to keep the reader's: ", len(tables))
    if chosen is None:
        return []
    table = tables[chosen - 1]
    for index, (locator, cells) in enumerate(table.rows, start=1):
        say(f"  row {index}: {' | '.join(_short(c) for c in cells)}   ({locator})")
    header = _number(
        ask,
        say,
        f"The row just above the first measure (the header) [1–{len(table.rows)}]: ",
        len(table.rows),
        required=True,
    )
    where = table.rows[header - 1][0]
    name = _number(ask, say, f"Column of the measures' names [1–{table.width}]: ", table.width, required=True)
    number = _number(ask, say, f"Column of the measures' numbers [1–{table.width}], Enter if none: ", table.width)
    years_named = {}
    for year in years:
        if column := _number(
            ask, say, f"Column of the amounts for {year} [1–{table.width}], Enter if none: ", table.width
        ):
            years_named[year] = column
    unit = ask(f"Unit of the amounts ({', '.join(UNITS)}), Enter to read it from the header: ").strip()
    decided = table_decisions(where, name, number, years_named, unit if unit in UNITS else None)
    return decided


def _number(ask, say, prompt: str, most: int, required: bool = False) -> int | None:
    while True:
        answer = ask(prompt).strip()
        if not answer and not required:
            return None
        if answer.isdigit() and 1 <= int(answer) <= most:
            return int(answer)
        say(f"  Give a number from 1 to {most}.")


def _short(cell: str) -> str:
    cell = " ".join(cell.split())
    return f"{cell[: MAX_CELL - 1]}…" if len(cell) > MAX_CELL else f"{cell:<{MAX_CELL}}"
