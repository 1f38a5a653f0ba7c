"""A measure financed from several sources, each on a row of its own under the measure's row.

The Ministry's form of a programme's measures table has a column of funding sources; a measure paid from the budget
and from other money prints its first source on its own row and every other one on a row below, with only the source
and its amounts filled in::

    1  ⇥ Прийом делегацій ⇥ Селищна рада ⇥ Бюджет громади ⇥ 80,0 ⇥ 90,0
       ⇥                  ⇥              ⇥ Інші джерела   ⇥ 20,0 ⇥ 20,0

The measure plans the sum of its sources (100,0 and 110,0), which is what the table's total adds up. No one cell prints
the sum, so its ``amount_text`` is empty; the data issue at the source's row names the sources. The sum is kept only
where every part is known: a part that is not stated, or not readable, leaves the year's amount not stated, said.
"""

from __future__ import annotations

from decimal import Decimal

from .amounts import read_amount
from .common import Extracted, wording

# how two parts of a year's amount make the measure's: (status of the one, status of the other) -> status of the sum
_SUMMED_STATUS = {
    ("stated", "stated"): "stated",
    ("stated", "none"): "stated",
    ("none", "stated"): "stated",
    ("none", "none"): "none",
}


def is_source_row(labels: list[tuple[int, str]], funding_column: int | None, has_amount: bool, out: Extracted) -> bool:
    """Whether a row of the measures table holds only a source of funding and amounts, under a measure read before: its
    one cell besides the amounts stands in the sources' column and names a source (a measure's name shifted there is
    no source, and stays an unrecognised row)."""
    return (
        funding_column is not None
        and has_amount
        and bool(out.measures)
        and [index for index, _ in labels] == [funding_column]
        and bool(wording("funding_source_cell").search(labels[0][1]))
    )


def add_source(out: Extracted, source: str, amounts: dict[int, str], unit: str | None, number: int) -> None:
    """Add the amounts of another ``source`` (``year -> cell``, the row at line ``number``) to the last measure's."""
    measure = out.measures[-1]
    code = measure["measure_code"]
    own = {row["year"]: row for row in out.amounts if row["measure_code"] == code}
    unknown = []
    for year, cell in amounts.items():
        part = read_amount(cell, default_unit=unit)
        row = own.get(year)
        if row is None:
            continue
        status = _SUMMED_STATUS.get((row["amount_status"], part.status))
        if status is None:  # a part not stated or not readable: the sum is not known
            if row["amount_status"] != "not_stated" or part.status != "not_stated":
                unknown.append(year)
            row.update(amount_thousand_uah=None, amount_status="not_stated")
        elif status == "stated":
            row["amount_thousand_uah"] = (row["amount_thousand_uah"] or Decimal(0)) + (part.value or Decimal(0))
            row["amount_status"] = "stated"
        row["amount_text"] = None  # no one cell prints the sum; the issue at the source's row says how it was made
    measure["funding_source"] = "; ".join(filter(None, [measure.get("funding_source"), source]))
    out.issue(
        "info",
        "several_sources",
        f"Measure {code} is funded from several sources, each on a row of its own («{measure['funding_source']}»); "
        "its amounts are their sum.",
        number,
    )
    if unknown:
        out.issue(
            "warning",
            "source_part_unknown",
            f"Measure {code}: the part from «{source}» or from the sources above it is not stated for "
            f"{', '.join(map(str, unknown))}, so the measure's amount for that year is not known.",
            number,
        )
    if any(read_amount(cell, default_unit=unit).status == "stated" for cell in amounts.values()) and wording(
        "non_budget_source"
    ).search(source):
        out.issue(
            "warning",
            "not_only_budget_money",
            f"Measure {code} is funded from «{source}» too: its amounts are not all budget money.",
            number,
        )
