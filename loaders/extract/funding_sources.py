"""A measure financed from several sources, each on a row of its own under the measure's row.

The Ministry's form of a programme's measures table has a column of funding sources; a measure paid from the budget
and from other money prints its first source on its own row and every other one on a row below, with only the source
and its amounts filled in::

    1  ⇥ Прийом делегацій ⇥ Селищна рада ⇥ Бюджет громади ⇥ 80,0 ⇥ 90,0
       ⇥                  ⇥              ⇥ Інші джерела   ⇥ 20,0 ⇥ 20,0

The measure plans the sum of its sources (100,0 and 110,0), which is what the table's total adds up. The other
sources' amounts are read as parts (:func:`is_source_row` finds their rows), checked with the table's amounts (a part
whose wrapped rest was lost is a gap), and only then added (:func:`add_sources`). No one cell prints a sum, so its
``amount_text`` is empty; the data issue at the source's row names the sources. The sum is kept only where every part
is known: a part that is not stated, or not readable, leaves the year's amount not stated, said; and in a table that
prints such rows, a measure followed by a row the reader could not read may have lost a source there, so its amounts
are not taken (:func:`money_maybe_lost`).
"""

from __future__ import annotations

from decimal import Decimal

from .common import Extracted, wording, words_key

# how two parts of a year's amount make the measure's: (status of the one, status of the other) -> status of the sum
_SUMMED_STATUS = {
    ("stated", "stated"): "stated",
    ("stated", "none"): "stated",
    ("none", "stated"): "stated",
    ("none", "none"): "none",
}


def is_source_row(source: str, own_cells: list[str], had: list[str] | None) -> bool:
    """Whether a row of the measures table is another source of the measure read before it (``had``: the sources that
    measure has so far; None: no measure yet): its cell in the sources' column names a source the measure does not have
    yet, and the measure's own cells (number, name, direction) are empty. A measure's name shifted into the sources'
    column names no source, and a row of one of the measure's sources again is another measure whose name was lost:
    both stay unrecognised rows."""
    if had is None or any(own_cells) or not wording("funding_source_cell").search(source):
        return False
    return words_key(source) not in {words_key(text) for text in had}


def add_sources(out: Extracted, parts: list[dict]) -> None:
    """Add each part (an amount row of ``out.amounts``' form, with the ``funding_source`` it comes from) to its
    measure's amount for its year."""
    amounts = {(row["measure_code"], row["year"]): row for row in out.amounts}
    measures = {measure["measure_code"]: measure for measure in out.measures}
    said: set[tuple[str, int]] = set()
    for part in parts:
        code, line, source = part["measure_code"], part["source_line"], part["funding_source"]
        row = amounts.get((code, part["year"]))
        if row is None:
            continue
        statuses = (row["amount_status"], part["amount_status"])
        status = _SUMMED_STATUS.get(statuses)
        if status is None and statuses != ("not_stated", "not_stated"):  # both blank: the measure's own gap already
            out.issue(
                "warning",
                "source_part_unknown",
                f"Measure {code}, {part['year']}: the part from «{source}» or from the sources above it is not "
                "stated or not readable, so the measure's amount for that year is not known.",
                line,
            )
        parts_sum = (row["amount_thousand_uah"] or Decimal(0)) + (part["amount_thousand_uah"] or Decimal(0))
        row.update(
            amount_thousand_uah=parts_sum if status == "stated" else None,
            amount_status=status or "not_stated",
            amount_text=None,
        )
        if (code, line) not in said:
            said.add((code, line))
            _say_source(out, measures[code], source, line, parts)


def _say_source(out: Extracted, measure: dict, source: str, line: int, parts: list[dict]) -> None:
    code = measure["measure_code"]
    measure["funding_source"] = "; ".join(filter(None, [measure.get("funding_source"), source]))
    out.issue(
        "info",
        "several_sources",
        f"Measure {code} is funded from several sources, each on a row of its own («{measure['funding_source']}»); "
        "its amounts are their sum.",
        line,
    )
    stated = any(p["amount_status"] == "stated" for p in parts if p["source_line"] == line)
    if stated and wording("non_budget_source").search(source):
        out.issue(
            "warning",
            "not_only_budget_money",
            f"Measure {code} is funded from «{source}» too: its amounts are not all budget money.",
            line,
        )


def money_maybe_lost(out: Extracted, measures: list[dict], lost: list[int]) -> None:
    """The measure read last before each line of ``lost`` (a row with amounts the reader could not understand, or the
    table going on under another header where other sources stand on rows of their own) may have its money go on
    there: its amounts are not taken, said (never the first part alone, a number too small)."""
    unsure: dict[str, int] = {}
    for line in sorted(set(lost)):
        before = [m for m in measures if m["source_line"] < line]
        if before:
            unsure.setdefault(before[-1]["measure_code"], line)
    for code, line in unsure.items():
        stated = [a for a in out.amounts if a["measure_code"] == code and a["amount_status"] == "stated"]
        for amount in stated:
            amount.update(amount_thousand_uah=None, amount_status="not_stated")
        if stated:
            out.issue(
                "warning",
                "money_row_lost",
                f"Measure {code}: the row after it, with amounts, could not be read; the measure's money may go on "
                "there (another source of funding, the rest of a wrapped amount), so its amounts are not taken.",
                line,
            )
