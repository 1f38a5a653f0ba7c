"""Sister-city and partner relationships named in a document's text.

Three wordings are recognised (the patterns live in ``rules/table_words.csv``):

* a sentence listing sister cities as ``Модесто (США), Сілістра (Болгарія), …``;
* a sentence about a signed road map ``між містами Ізяслав та Наманган``;
* blocks under the headings ``Міста-побратими`` / ``Міста-партнери``, one per city,
  opened by a line ``Name, Country.``, with the agreement's date and a bulleted
  list of cooperation areas.

Country names are mapped to ISO codes by ``rules/countries_uk.csv``; places are placed on
the map later, by :mod:`loaders.gazetteer`.
"""

from __future__ import annotations

import datetime
import re

from ..country_names import country_code
from ..source_documents import SourceDocument
from ..ukrainian_text import ParsedDate, parse_date_uk
from .common import Extracted, wording
from .prose_partners import prose_partners

LIST_ITEM = re.compile(r"(?P<name>[^,()]+?)\s*\((?P<country>[^)]+)\)")
BULLET = re.compile(r"^\s*[-–—•]\s*(?P<text>.+?)[;.]?\s*$")
ROMAN_HEADING = re.compile(r"^[IVXLCІХ]+\.\s")  # its І or Х maybe typed in Cyrillic
HEADING_MAX_LENGTH = 100
PARTNER_COLUMNS = ("partner_table_city", "partner_table_country", "partner_table_status", "partner_table_date")


def extract_partners(doc: SourceDocument, out: Extracted, own_name_uk: str) -> None:
    _sister_city_lists(doc, out)
    _roadmaps(doc, out, own_name_uk)
    _partner_blocks(doc, out)
    _partner_tables(doc, out)
    prose_partners(doc, out, own_name_uk)  # last: the partners the wordings above did not find


def _relationship(out, name, country_text, relationship, number, date=None, areas=None, started=None):
    code = country_code(country_text) if country_text else None
    if country_text and code is None:
        out.issue(
            "warning",
            "unknown_country",
            f"{name}: the country {country_text!r} is not in rules/countries_uk.csv.",
            number,
        )
    date = date or ParsedDate(None, "not_stated", None)
    started = started or ParsedDate(None, "not_stated", None)
    out.partners.append(
        {
            "partner_name_uk": name,
            "country_text": country_text,
            "country_code": code,
            "relationship": relationship,
            "agreement_date": date.value,
            "agreement_date_text": date.text,
            "date_precision": date.precision,
            "cooperation_areas": "; ".join(areas) if areas else None,
            "started_date": started.value,
            "started_date_text": started.text,
            "started_precision": started.precision,
            "source_line": number,
            "partner_name_as_printed": name,
        }
    )


def _sister_city_lists(doc: SourceDocument, out: Extracted) -> None:
    pattern = wording("sister_city_list")
    for number, text in doc.numbered():
        match = pattern.search(text)
        if not match:
            continue
        items = LIST_ITEM.findall(text[match.end() :])
        for name, country in items:
            _relationship(out, name.strip(), country, "sister_city", number)
        if int(match.group(1)) != len(items):
            out.issue(
                "warning",
                "count_differs",
                f"The text announces {match.group(1)} sister cities but lists {len(items)}.",
                number,
            )
        out.issue(
            "info",
            "no_agreement_dates",
            f"The document lists {len(items)} sister cities without agreement dates or areas of cooperation.",
            number,
        )


def _partner_tables(doc: SourceDocument, out: Extracted) -> None:
    """A table of partners: a header with a column of cities (``Місто``) and one of countries (``Країна``), or a
    column of cities with their countries in brackets (``Місто-партнер (країна)``: «Укмерґе (Литовська Республіка)»),
    and perhaps the kind of relationship (``Статус``: місто-побратим / місто-партнер) and the agreement's date."""
    known = {p["partner_name_uk"] for p in out.partners}
    columns: dict[str, int] | None = None
    for number, text in doc.numbered():
        if "\t" not in text:
            columns = None if text.strip() else columns
            continue
        row = [c.strip() for c in text.split("\t")]
        if columns is None:
            found = {role: i for i, c in enumerate(row) for role in PARTNER_COLUMNS if c and wording(role).match(c)}
            with_country = "partner_table_country" in found or (
                "partner_table_city" in found
                and wording("partner_table_country_in_city").search(row[found["partner_table_city"]])
            )
            columns = found if "partner_table_city" in found and with_country else None
            continue
        city, country, status, dated = (
            row[columns[r]] if columns.get(r, len(row)) < len(row) else "" for r in PARTNER_COLUMNS
        )
        if "partner_table_country" not in columns and (bracketed := _CITY_AND_COUNTRY.match(city)):
            city, country = bracketed.group("city"), bracketed.group("country")
        if not city or city in known:
            continue
        # the status column says what the relationship is; without one, the agreement's cell may
        # («Угода про побратимство від …»)
        said = status if "partner_table_status" in columns else dated
        relationship = "sister_city" if wording("partner_sister_word").search(said) else "partner_city"
        if wording("memorandum_prepared").search(f"{status} {dated}"):
            relationship = "memorandum_prepared"
        date = _table_date(dated) if dated.strip(" –—-") else None
        _relationship(
            out,
            re.sub(r"^м\.\s*", "", city),
            country or None,
            relationship,
            number,
            date if date and date.value else None,
        )
        known.add(city)


_CITY_AND_COUNTRY = re.compile(r"^(?P<city>[^()]+?)\s*\((?P<country>[^()]+)\)\s*$")
_YEAR_CELL = re.compile(r"(?P<year>(?:19|20)\d\d)\s*(?:р\.|рік|року)?")


def _table_date(cell: str) -> ParsedDate:
    """A partner table's date cell: a date, or a year alone («2004», the column «Рік встановлення відносин»).

    >>> _table_date("2004").precision, _table_date("12.05.2004").precision
    ('year', 'day')
    """
    if (match := _YEAR_CELL.fullmatch(cell.strip())) is not None:
        return ParsedDate(datetime.date(int(match.group("year")), 1, 1), "year", cell.strip())
    return parse_date_uk(cell)


def _roadmaps(doc: SourceDocument, out: Extracted, own_name_uk: str) -> None:
    pattern = wording("roadmap_sentence")
    for number, text in doc.numbered():
        for match in pattern.finditer(text):
            names = [match.group("a"), match.group("b")]
            others = [n for n in names if n != own_name_uk]
            if len(others) == 1:
                _relationship(out, others[0], None, "cooperation_roadmap", number)


def _partner_blocks(doc: SourceDocument, out: Extracted) -> None:
    relationship = None
    blocks: list[tuple[str, str, str, int]] = []  # name, country text, relationship, heading line
    for number, text in doc.numbered():
        stripped = text.strip()
        if wording("sister_city_heading").search(stripped):
            relationship = "sister_city"
        elif wording("partner_city_heading").search(stripped):
            relationship = "partner_city"
        elif ROMAN_HEADING.match(stripped):
            relationship = None
        elif relationship and (heading := _city_heading(stripped)):
            blocks.append((*heading, relationship, number))
    ends = [b[3] for b in blocks[1:]] + [None] if blocks else []
    for (name, country_text, relationship, start), next_block in zip(blocks, ends, strict=True):
        # a Roman section heading ends a block, even when another city's block follows later
        end = _block_end(doc, start)
        _read_block(doc, out, name, country_text, relationship, start, min(end, next_block) if next_block else end)


def _city_heading(text: str) -> tuple[str, str] | None:
    """``Ярочин, Республіка Польща.`` -> (``Ярочин``, ``Республіка Польща``) when the last part is a country."""
    if not text or len(text) > HEADING_MAX_LENGTH or "\t" in text:
        return None
    parts = [p.strip(" .") for p in text.split(",")]
    if len(parts) < 2 or country_code(parts[-1]) is None:
        return None
    name = re.sub(r"^м\.\s*", "", parts[0])
    return name, parts[-1]


def _block_end(doc: SourceDocument, start: int) -> int:
    for number, text in doc.numbered(start + 1):
        if ROMAN_HEADING.match(text.strip()):
            return number
    return len(doc.lines) + 1


def _paragraphs(doc: SourceDocument, start: int, end: int):
    """``(first line number, joined text, [(line number, text)])`` for each run of non-blank lines."""
    lines: list[tuple[int, str]] = []
    for number, text in doc.numbered(start, end):
        if text.strip():
            lines.append((number, text.strip().strip("*")))
        elif lines:
            yield lines
            lines = []
    if lines:
        yield lines


def _read_block(doc, out, name, country_text, relationship, start, end) -> None:
    """Read one city's block: a prepared (unsigned) memorandum, the first signing date,
    when the relationship began (``Партнерські відносини … започатковані у лютому 2017 року``),
    and the areas of cooperation (a bulleted list, or else a phrase in the agreement)."""
    date = started = None
    bullet_areas: list[str] = []
    phrase_areas: list[str] = []
    for lines in _paragraphs(doc, start + 1, end):
        joined = " ".join(t for _, t in lines)
        if wording("memorandum_prepared").search(joined):
            relationship = "memorandum_prepared"
        if date is None and wording("agreement_signed").search(joined):
            parsed = parse_date_uk(joined)
            if parsed.value is not None:
                date = parsed
                if phrase := wording("cooperation_area_phrase").search(joined):
                    phrase_areas = [phrase.group("area").strip()]
        if started is None and (begun := wording("relationship_started").search(joined)):
            parsed = parse_date_uk(joined[begun.start() :])
            started = parsed if parsed.value is not None else None
        intro = next((n for n, t in lines if wording("cooperation_areas_intro").search(t)), None)
        if intro is not None and not bullet_areas:
            bullet_areas = _bullets_after(doc, intro, end)
    _relationship(out, name, country_text, relationship, start, date, bullet_areas or phrase_areas, started)


def _bullets_after(doc: SourceDocument, line: int, end: int) -> list[str]:
    bullets: list[str] = []
    for _, text in doc.numbered(line + 1, end):
        if not text.strip():
            if bullets:
                break
            continue
        match = BULLET.match(text)
        if not match:
            break
        bullets.append(match.group("text").strip())
    return bullets
