"""What the reader made of a generated document, compared number by number with the model it was rendered from.

Every number the reader returns is one of:

- **right**: equal to the model's;
- **wrong**: any other value (an amount, a total, a year, the decision's date or number, a partner's country), or a
  number, measure or partner the model does not have;
- **missing**: the model has it and the reader returned nothing for it (a gap).

A document is read *fully right* when nothing is wrong or missing; *with gaps* when nothing is wrong, the reader
warns of something, and every missing measure or partner is named by a data issue (or, for measures, an error issue says
that none could be read); *silently short* otherwise; *wrong*
when any number is wrong; *refused* when the reader gave up on the file with a message.

A scan's measure titles are what OCR made of them: a title counts as read when its letters are at least
``SCAN_TITLE_ALIKE`` % alike the model's (spaces and signs aside: «с ф е р а х», «у.», «кбнференціях»), and its numbers
are then compared as any other's. A title of another measure, or a piece of one, is far below that, and wrong.
"""

from __future__ import annotations

import re
import resource
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rapidfuzz import fuzz

from bench.synthetic.reading import read_detected
from loaders.errors import SourceError
from loaders.extract import MEASURES_GAP_KINDS
from loaders.read import read_programme_file
from loaders.source_documents import document_of

from .model import Programme, thousand

RELATIONSHIPS = {"sister": "sister_city", "partner": "partner_city"}
OUTCOMES = ("right", "gaps", "silent", "wrong", "refused")


@dataclass
class Result:
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)  # the kinds of the reader's warnings and errors
    unannounced: list[str] = field(default_factory=list)  # a missing measure or partner that no data issue names
    refused: str | None = None
    cpu_seconds: float = 0.0  # reading and extracting, in this process
    pages: int | None = None  # a PDF's pages

    @property
    def outcome(self) -> str:
        if self.refused:
            return "refused"
        if self.wrong:
            return "wrong"
        if self.missing:
            return "gaps" if self.issues and not self.unannounced else "silent"
        return "right"

    def summary(self) -> str:
        parts = [self.outcome]
        if self.refused:
            parts.append(self.refused)
        parts += [f"wrong: {w}" for w in self.wrong[:6]] + [f"missing: {m}" for m in self.missing[:6]]
        return "\n  ".join(parts)


def _cpu_seconds() -> float:
    """CPU time of this process and of the processes it waited for (a scan's OCR)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


SCAN_TITLE_ALIKE = 90


def _same_title(read: str, model: str, scanned: bool) -> bool:
    if norm(read) == norm(model):
        return True
    letters = [re.sub(r"[\W\d_]+", "", norm(t)) for t in (read, model)]
    return scanned and fuzz.ratio(*letters) >= SCAN_TITLE_ALIKE


def _said_cut_short(read: dict, model: str, issues) -> bool:
    """A name read only in its beginning, which the reader said goes on (``title_cut_short`` at its line): a gap."""
    said = any(i.kind == "title_cut_short" and i.source_line == read["source_line"] for i in issues)
    return said and norm(model).startswith(norm(read["measure_title"]).rstrip(","))


def norm(text: str) -> str:
    text = re.sub(r"^[–—•-]\s*", "", text.strip())
    return " ".join(text.replace("’", "'").split()).rstrip(";.").casefold()


def check(p: Programme, path: Path) -> Result:
    result = Result()
    started = _cpu_seconds()
    try:
        text = read_programme_file(path)
        result.pages = next(
            (int(m.group(1)) for n in text.notes if (m := re.match(r"read as a PDF: (\d+) pages", n))), None
        )
        doc = document_of(path, text)
        detected, out, doc = read_detected(doc, p.community)
    except SourceError as error:
        result.refused = str(error)
        return result
    finally:
        result.cpu_seconds = _cpu_seconds() - started
    result.issues = sorted({i.kind for i in out.issues if i.severity in ("warning", "error")})
    _compare_years(p, detected, result)
    _compare_decision(p, detected, result)
    _compare_measures(p, out, result)
    _compare_totals(p, out, result)
    _compare_partners(p, out, result)
    said = " ".join(i.message for i in out.issues)
    # every measure is a gap, and it is said
    no_measures_said = any(i.kind in MEASURES_GAP_KINDS and i.severity == "error" for i in out.issues)
    result.unannounced = [
        m
        for m in result.missing
        if (name := _named(m)) and name not in said and not (no_measures_said and m.startswith("measure "))
    ]
    return result


def _named(missing: str) -> str | None:
    """The name a missing measure or partner goes by («measure 3 «Назва…»», «partner Тарнів not found»)."""
    if match := re.match(r"measure \d+ «(.+)»$", missing):
        return match.group(1)
    if match := re.match(r"partner (.+) not found$", missing):
        return match.group(1)
    return None


def _compare_years(p, detected, result: Result) -> None:
    got = (detected.year_from, detected.year_to)
    if got != (p.year_from, p.year_to):
        (result.missing if None in got else result.wrong).append(f"years {got}, not {(p.year_from, p.year_to)}")


def _compare_decision(p, detected, result: Result) -> None:
    decision = detected.decision
    if p.layout["stamp"] == "none":
        if decision.printed and (decision.date_text or decision.number_text):
            result.wrong.append(f"a decision «{decision.text}» where none is printed")
        return
    for what, got, want in (
        ("decision date", decision.date_text, p.decision_date),
        ("decision number", decision.number_text, p.decision_number),
    ):
        if got is None:
            result.missing.append(what)
        elif got.strip(" .") != want:
            result.wrong.append(f"{what} {got!r}, not {want!r}")


def _expected(p: Programme, value) -> tuple[str, Decimal | None]:
    if p.layout["financing"] != "table" or value == "blank":
        return "not_stated", None
    if value == "dash":
        return "none", None
    return "stated", thousand(value)


def _compare_measures(p: Programme, out, result: Result) -> None:
    got = out.measures
    amounts = {(a["measure_code"], a["year"]): a for a in out.amounts}
    model = p.measures
    for i, measure in enumerate(model):
        if i >= len(got):
            result.missing.append(f"measure {i + 1} «{measure.title[:40]}»")
            continue
        read = got[i]
        if _said_cut_short(read, measure.title, out.issues):
            result.missing.append(
                f"measure {i + 1}: the rest of its name «…{measure.title[len(read['measure_title']) :][:40]}»"
            )
        elif not _same_title(read["measure_title"], measure.title, p.layout["format"] == "scan"):
            result.wrong.append(f"measure {i + 1} read as «{read['measure_title'][:60]}», not «{measure.title[:60]}»")
            continue
        for year in p.years:
            status, value = _expected(p, measure.amounts[year])
            a = amounts.get((read["measure_code"], year))
            got_status, got_value = (a["amount_status"], a["amount_thousand_uah"]) if a else ("not_stated", None)
            where = f"measure {i + 1}, {year}"
            if got_status == "stated" and (status != "stated" or got_value != value):
                result.wrong.append(
                    f"{where}: {got_value} ({a['amount_text']!r}), not {value if status == 'stated' else status}"
                )
            elif got_status == "none" and status != "none":
                result.wrong.append(
                    f"{where}: a dash read where the document has {value if status == 'stated' else 'nothing'}"
                )
            elif got_status != status:
                result.missing.append(f"{where}: {status} {value or ''} not read")
    for extra in got[len(model) :]:
        result.wrong.append(
            f"a measure the document does not have: «{extra['measure_title'][:60]}» (line {extra['source_line']})"
        )


def _compare_totals(p: Programme, out, result: Result) -> None:
    want = {("year", y): thousand(p.year_total(y)) for y in p.years}
    want[("programme", None)] = thousand(p.total())
    if len(p.years) == 1:
        want.pop(("programme", None))  # a one-year programme's total is its year's
    found = {}
    for t in out.stated_totals:
        if t["scope"] == "section":
            continue
        key = (t["scope"], t["year"])
        value = t["stated_total_thousand_uah"]
        if key == ("programme", None) and len(p.years) == 1:
            key = ("year", p.years[0])
        if key not in want:
            result.wrong.append(f"a total for {key} the document does not state: {value}")
        elif value != want[key]:
            result.wrong.append(f"total {key}: {value} ({t.get('total_text')!r}), not {want[key]}")
        found[key] = value
    for key, value in want.items():
        if key not in found:
            result.missing.append(f"total {key} ({value}) not read")


def _compare_partners(p: Programme, out, result: Result) -> None:
    model = {x.name: x for x in p.partners}
    seen = set()
    for partner in out.partners:
        name = partner["partner_name_uk"]
        x = model.get(name)
        if x is None:
            result.wrong.append(f"a partner the document does not name: {name!r}")
            continue
        seen.add(name)
        if partner["country_code"] is None:
            result.missing.append(f"{name}: country not read")
        elif partner["country_code"] != x.country:
            result.wrong.append(f"{name}: country {partner['country_code']}, not {x.country}")
        if partner["relationship"] != RELATIONSHIPS[x.kind]:
            result.wrong.append(f"{name}: {partner['relationship']}, not {RELATIONSHIPS[x.kind]}")
    for name in model:
        if name not in seen:
            result.missing.append(f"partner {name} not found")
