"""Recognise what a programme document is, from its text alone.

:func:`detect_programme` reads the metadata a person used to type into ``documents.csv``
(title, years, the council decision, whether the programme is the city's or the
territorial community's, the community and council as printed, developer, responsible
executor, the passport's totals) and says which parts of the genre the document has. Every
wording is a row in ``rules/table_words.csv``, ``rules/passport_labels.csv`` or
``rules/column_roles.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..read.formats import format_name
from ..source_documents import SourceDocument
from . import measure_list, resource_table, spending_list, task_list
from .common import wording
from .measures_table import Columns, find_header
from .passport import Passport, read_passport
from .resource_table import ResourceTable
from .sentence_totals import sentence_totals

TITLE_SEARCH_LINES = 80
TITLE_MAX_LINES = 4
DECISION_SEARCH_LINES = 60
DECISION_MAX_LINES = 12
SIGNATORY_NAME_MAX_LENGTH = 60
ASSUMED_ADOPTED_FOR = "community"  # since the 2020 reform every council's programme covers its territorial community; a data issue says it was assumed
# the part that holds the measures, in order of preference
MAIN_PARTS = (
    "measures_table",
    "task_list",
    "spending_list",
    "measure_list",
)


@dataclass(frozen=True)
class Decision:
    """The council decision as printed: blanks (``___``) in the date or number mark a draft."""

    text: str | None = None
    date_text: str | None = None
    number_text: str | None = None
    is_draft: bool = False
    source_line: int | None = None
    end_line: int | None = None  # the stamp's last line (``8 скликання`` between them is part of it)

    @property
    def printed(self) -> bool:
        return self.text is not None


@dataclass
class Detected:
    """What :func:`detect_programme` recognised. ``None`` means not found in the document."""

    title: str | None = None
    title_line: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    years_from: str | None = None  # where the years were read: 'title', 'passport term', …, 'measures table'
    decision: Decision = field(default_factory=Decision)
    adopted_for: str | None = None  # 'city' or 'community'
    community_name_as_printed: str | None = None  # «Маківської сільської територіальної громади», «міста Ніжина»
    council_name_as_printed: str | None = None  # «Ізяславської міської ради»
    signatory: str | None = None  # «Секретар міської ради М. КРИВАК»
    developer: str | None = None
    responsible_executor: str | None = None
    funding_sources_text: str | None = None
    passport: Passport = field(default_factory=Passport)
    resource_table: ResourceTable | None = None
    measures_header: Columns | None = None
    task_list_line: int | None = None
    spending_list_line: int | None = None
    measure_list_line: int | None = None
    sentence_totals: list[dict] = field(default_factory=list)  # totals stated in sentences of the text
    recognisers: list[str] = field(default_factory=list)

    @property
    def layout(self) -> str | None:
        """The part of the document that holds its measures (the first found of :data:`MAIN_PARTS`)."""
        return next((part for part in MAIN_PARTS if part in self.recognisers), None)

    @property
    def passport_totals(self) -> list[dict]:
        return self.passport.totals

    def decision_as_printed(self) -> str:
        """The council decision for ``programmes.council_decision_as_printed``."""
        if self.decision.printed:
            note = " (draft: date and number left blank)" if self.decision.is_draft else ""
            return f"«{self.decision.text}»{note}"
        signed = f" (signed «{self.signatory}»)" if self.signatory else ""
        return f"not printed in the document{signed}"

    def metadata(self) -> dict[str, str]:
        """The detected values under the column names of ``documents.csv``."""
        return {
            "layout": self.layout or "",
            "programme_title_uk": self.title or "",
            "year_from": str(self.year_from or ""),
            "year_to": str(self.year_to or ""),
            "adopted_for": self.adopted_for or ASSUMED_ADOPTED_FOR,
            "council_decision_as_printed": self.decision_as_printed(),
        }


def detect_programme(doc: SourceDocument) -> Detected:
    """Recognise a programme's metadata and the parts of the genre it has."""
    found = Detected()
    found.passport = read_passport(doc)
    if found.passport.heading_line is not None:
        found.recognisers.append("passport")
    found.title, found.title_line = _title(doc, found.passport)
    found.year_from, found.year_to, found.years_from = _years(found.title, found.passport, doc)
    found.decision = _decision(doc)
    found.community_name_as_printed = _phrase("community_phrase", found.title or "")
    found.council_name_as_printed = _phrase("council_phrase", found.decision.text or "") or _first_in_document(
        doc, "council_phrase"
    )
    found.adopted_for = _adopted_for(found.title) or _adopted_for(found.council_name_as_printed)
    found.signatory = _signatory(doc)
    found.developer = found.passport.text("developer")
    found.responsible_executor = found.passport.text("executor")
    found.funding_sources_text = found.passport.text("funding_sources")
    if (table := resource_table.find(doc)) is not None:
        found.resource_table = table
        found.recognisers.append("resource_table")
    if (header := find_header(doc)) is not None:
        found.measures_header = header
        found.recognisers.append("measures_table")
        if found.year_from is None and header.year_columns:  # the last place a programme's years are printed
            found.year_from, found.year_to = min(header.year_columns), max(header.year_columns)
            found.years_from = "measures table"
    if (line := task_list.find(doc)) is not None:
        found.task_list_line = line
        found.recognisers.append("task_list")
    if (line := spending_list.find(doc)) is not None:
        found.spending_list_line = line
        found.recognisers.append("spending_list")
    if (line := measure_list.find(doc)) is not None:
        found.measure_list_line = line
        found.recognisers.append("measure_list")
    found.sentence_totals = sentence_totals(doc)
    return found


def _title(doc: SourceDocument, passport: Passport) -> tuple[str | None, int | None]:
    """The title printed above the text (``Програма …`` up to its years), else the passport's,
    else a title printed in capitals."""
    if found := _title_block(doc, "programme_title_start"):
        return found
    if value := passport.values.get("title"):
        return _without_short_name(value.text), value.source_line
    return _title_block(doc, "programme_title_caps") or (None, None)


def _title_block(doc: SourceDocument, role: str) -> tuple[str, int] | None:
    for number, text in doc.numbered(1, min(TITLE_SEARCH_LINES, len(doc.lines)) + 1):
        if "\t" in text or not wording(role).match(text.strip()):
            continue
        parts = []
        for _, part in doc.numbered(number, min(number + TITLE_MAX_LINES, len(doc.lines) + 1)):
            if not part.strip() and len(parts) == 1 and len(parts[0].split()) <= 2:
                continue  # «ПРОГРАМА» alone, the rest of the title after a space (a PDF's spacing read as a blank line)
            if not part.strip() or "\t" in part:
                break
            parts.append(part.strip())
            if wording("title_years").search(part):
                title = " ".join(parts)
                if "(далі" not in title:
                    return title, number
                break
    return None


def _without_short_name(title: str) -> str:
    """``… на 2020 рік (далі - Програма)`` -> ``… на 2020 рік``."""
    cut = title.find("(далі")
    return title[:cut].strip() if cut >= 0 else title.strip()


def _years(title: str | None, passport: Passport, doc: SourceDocument) -> tuple[int | None, int | None, str | None]:
    if title and (match := wording("title_years").search(title)):
        start = int(match.group("from"))
        end = int(match.groupdict().get("to") or start)
        return start, end, "title"
    if (term := passport.text("term")) and (match := wording("term_years").search(term)):
        start = int(match.group("from"))
        end = int(match.groupdict().get("to") or start)
        return start, end, "passport term"
    for _, text in doc.numbered(1, min(TITLE_SEARCH_LINES, len(doc.lines)) + 1):
        if "рограм" in text.lower() and (match := wording("title_years").search(text)):
            start = int(match.group("from"))
            return start, int(match.groupdict().get("to") or start), "a line naming the programme"
    return None, None, None


def _decision(doc: SourceDocument) -> Decision:
    """The approval stamp (``ЗАТВЕРДЖЕНО / Рішення … від … № …``), else the first decision heading."""
    headings = [
        n
        for n, t in doc.numbered(1, min(DECISION_SEARCH_LINES, len(doc.lines)) + 1)
        if (stamp := _stamp_text(t)) is not None and wording("decision_heading").match(stamp)
    ]
    stamped = [n for n in headings if any("ЗАТВЕРДЖЕНО" in doc.line(k).upper() for k in range(max(n - 2, 1), n + 1))]
    for start in stamped + headings:
        parts, last = [], start
        for number, text in doc.numbered(start, min(start + DECISION_MAX_LINES, len(doc.lines) + 1)):
            stripped = _stamp_text(text)
            if stripped == "":
                if start in stamped and parts and not _continues_decision(doc, number):
                    break
                continue
            if stripped is None or stripped.startswith("Про ") or wording("signatory").match(stripped):
                break
            parts.append(stripped)
            last = number
            so_far = " ".join(parts)
            dated = wording("decision_date").search(so_far) or wording("blank_field").search(so_far)
            if dated and wording("decision_number").search(so_far):
                break  # the decision's date (or its blank) and number are both read: what follows is not part of it
        joined = " ".join(parts)
        date = wording("decision_date").search(joined)
        number = wording("decision_number").search(joined)
        if date or number:
            date_text = date.group("date").strip() if date else None
            number_text = number.group("number").strip() if number else None
            blank = wording("blank_field")
            draft = any(t is None or blank.search(t) for t in (date_text, number_text))
            return Decision(joined, date_text, number_text, draft, start, last)
    return Decision()


def _stamp_text(text: str) -> str | None:
    r"""A line's text as a stamp prints it: the line, or the one cell that holds text where a council set the stamp in a
    table of its own at the page's top right («\tЗАТВЕРДЖЕНО рішенням … від … № …»); None for a row of several cells.

    >>> _stamp_text("\tЗАТВЕРДЖЕНО рішенням ради"), _stamp_text("Рішення сесії\tміської ради"), _stamp_text("  ")
    ('ЗАТВЕРДЖЕНО рішенням ради', None, '')
    """
    filled = [cell.strip() for cell in text.split("\t") if cell.strip()]
    return filled[0] if len(filled) == 1 else ("" if not filled else None)


def _continues_decision(doc: SourceDocument, blank: int) -> bool:
    """Whether the next line after a blank one goes on with the decision (``від …``, ``№ …``): a stamp's lines may
    stand a paragraph apart."""
    following = next(
        (t.strip() for _, t in doc.numbered(blank + 1, min(blank + 3, len(doc.lines) + 1)) if t.strip()), ""
    )
    return bool(wording("decision_continues").match(following))


def _adopted_for(text: str | None) -> str | None:
    """``community`` when the text names the territorial community (or a village or settlement
    council), ``city`` when it names the city; None when it names neither."""
    if not text:
        return None
    if wording("adopted_for_community").search(text):
        return "community"
    if wording("adopted_for_city").search(text):
        return "city"
    return None


def _phrase(role: str, text: str) -> str | None:
    match = wording(role).search(text)
    return match.group("name") if match else None


def _first_in_document(doc: SourceDocument, role: str) -> str | None:
    for _, text in doc.numbered():
        if name := _phrase(role, text):
            return name
    return None


def _signatory(doc: SourceDocument) -> str | None:
    """The council secretary (or head) who signs, with the name as printed."""
    found: list[tuple[int, str]] = []
    for number, text in doc.numbered():
        match = wording("signatory").match(text.strip())
        if not match:
            continue
        role = " ".join(match.group("role").split())
        name = (match.group("name") or "").strip()
        if not name:
            name = next(
                (t.strip() for _, t in doc.numbered(number + 1, min(number + 4, len(doc.lines) + 1)) if t.strip()), ""
            )
            if len(name) > SIGNATORY_NAME_MAX_LENGTH or wording("signatory").match(name):
                name = ""
        name = " ".join(name.strip("_ \t").split())
        if not wording("signatory_name").search(name):
            continue
        found.append((0 if role.lower().startswith("секретар") else 1, f"{role} {name}".strip()))
    return min(found)[1] if found else None


def with_detected(
    meta: dict[str, str], detected: Detected, file_name: str, read_as: str | None = None
) -> tuple[dict[str, str], list[str]]:
    """``meta`` (a row of ``documents.csv``) with every blank column filled from ``detected``.

    A value a person typed stays: it overrides the detection. Returns the merged row and the
    columns whose typed value differs from what was detected (to report, not to fail).
    """
    merged = dict(meta)
    differ = []
    for column, value in detected.metadata().items():
        given = (meta.get(column) or "").strip()
        if not given:
            merged[column] = value
        elif value and given != value and column != "council_decision_as_printed":
            differ.append(column)
    if not (merged.get("original_format") or "").strip():
        suffix = "." + file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
        merged["original_format"] = format_name(suffix, read_as=read_as)
    return merged, differ
