"""Add a programme document: ``python -m loaders add PATH``.

Reads the document, recognises its community in the register, writes its rows into
``documents.csv`` (and ``communities.csv`` for a new community) and rebuilds the database. The
rebuild runs on a staged copy of ``sources/``: only when it succeeds are the document and the two
CSV files written into ``data/sources/``; otherwise nothing there (nor the database) changes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb
from filelock import FileLock
from tqdm import tqdm
from translitua import translit

from ..build import DATA_DIR, BuildReport, build, build_lock, default_database
from ..errors import SourceError
from ..gazetteer import PlaceNotFound, find_place
from ..read import DocumentText, read_programme_file
from ..read.formats import format_name
from ..read.ocr import page_bar
from ..read.text_cache import TextCache
from ..review import SUFFIX as REVIEW_SUFFIX
from ..review import read_review, review_csv, review_path
from ..review_prompt import ask_review
from ..review_questions import document_tables, questions
from ..rules import read_rules_csv
from ..source_documents import COMMUNITIES_FILE, METADATA_FILE
from ..vocabularies import labels as vocabulary_labels
from ..vocabularies import values as vocabulary_values
from .add_support import Detected, detect_programme
from .community_match import Candidate, is_unambiguous, match_community, read_register, settlement_name

MAX_UNREAD_SHOWN = 25


class AddError(Exception):
    """The document was read, but it cannot be added as it is (say why and what to do)."""


@dataclass
class AddReport:
    already_added: bool = False
    programme_id: str = ""
    community_id: str = ""
    lines: list[str] = field(default_factory=list)
    build: BuildReport | None = None

    @property
    def ok(self) -> bool:
        return self.already_added or (self.build is not None and self.build.ok)


@dataclass(frozen=True)
class CommunityChoice:
    row: dict[str, str]  # the communities.csv row
    is_new: bool
    how: str  # how the community was recognised, for the report and documents.csv


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def csv_text(fields: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def slug(text: str) -> str:
    """An id from a Ukrainian name, by the official transliteration: «Ізяслав» → ``iziaslav``.

    >>> slug("Нова Ушиця")
    'nova_ushytsia'
    """
    return re.sub(r"[^a-z0-9]+", "_", translit(text).lower().replace("'", "").replace("’", "")).strip("_")


def _unique(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    return next(f"{wanted}_{n}" for n in range(2, 10_000) if f"{wanted}_{n}" not in taken)


def _next_colour(used: set[str]) -> str:
    palette = [row["colour"] for row in read_rules_csv("palette.csv")]
    free = [c for c in palette if c.upper() not in {u.upper() for u in used}]
    return free[0] if free else palette[len(used) % len(palette)]


def _geonameid(name_uk: str) -> str:
    """The town's GeoNames id when GeoNames knows exactly one Ukrainian place of that name, else empty."""
    try:
        return str(find_place(name_uk, "UA").geonameid)
    except PlaceNotFound:
        return ""


def choose_community(
    doc: DocumentText,
    communities: list[dict[str, str]],
    register: list[dict[str, str]],
    community_id: str | None,
    name_uk: str | None,
    name_en: str | None,
    katottg: str | None,
) -> CommunityChoice:
    """The community of the document: an existing row of communities.csv, or a new one from the register."""
    by_id = {row["community_id"]: row for row in communities}
    if community_id and community_id in by_id:
        return CommunityChoice(by_id[community_id], False, "given with --community-id")
    candidates = match_community(doc.lines, register)
    if katottg:
        row = next((r for r in register if r["katottg"] == katottg), None)
        if row is None:
            raise AddError(f"KATOTTG {katottg} is not in data/reference/communities_ua.csv")
        chosen = next((c for c in candidates if c.katottg == katottg), None)
        how = "given with --katottg" + (f" (the text names it: {'; '.join(chosen.why)})" if chosen else "")
        best = chosen or Candidate(
            row["katottg"], row["name_uk"], row["oblast_uk"], row["rayon_uk"], row["type_uk"], None, 0.0
        )
    elif is_unambiguous(candidates):
        best = candidates[0]
        how = "matched in the register: " + "; ".join(best.why) + f" (score {best.score:g}"
        how += (
            f", next: {candidates[1].name_uk}, {candidates[1].oblast_uk}, score {candidates[1].score:g})"
            if len(candidates) > 1
            else ")"
        )
    elif candidates:
        listed = "\n".join(
            f"  {c.katottg}  {c.name_uk}, {c.oblast_uk}, {c.rayon_uk}: score {c.score:g} ({'; '.join(c.why)})"
            for c in candidates[:10]
        )
        raise AddError(
            f"the council's name matches several communities of the register equally well:\n{listed}\nChoose one with --katottg CODE."
        )
    else:
        raise AddError(
            "no council name of the register was found in the text (such as «… міської ради» or «… сільської територіальної громади»). "
            "Give the community's code with --katottg CODE (see data/reference/communities_ua.csv)."
        )
    for row in communities:
        if row.get("katottg") == best.katottg:
            if community_id and community_id != row["community_id"]:
                raise AddError(
                    f"{best.name_uk} is already in communities.csv as {row['community_id']!r}, not {community_id!r}"
                )
            return CommunityChoice(row, False, how + f"; already in communities.csv as {row['community_id']}")
    town = name_uk or settlement_name(doc.lines, best.name_uk)
    name = town or f"{best.name_uk.split()[0]} громада"
    new_id = community_id or _unique(slug(town or best.name_uk.split()[0]), set(by_id))
    if community_id and not re.fullmatch(r"[a-z][a-z0-9_]*", community_id):
        raise AddError(
            f"--community-id {community_id!r}: use lower-case Latin letters, digits and _ (e.g. {slug(name)})"
        )
    row = {
        "community_id": new_id,
        "name_uk": name,
        "name_en": name_en or translit(name),
        "oblast_uk": best.oblast_uk,
        "oblast_en": translit(best.oblast_uk),
        "geonameid": _geonameid(town) if town else "",
        "colour": _next_colour({r["colour"] for r in communities}),
        "katottg": best.katottg,
    }
    return CommunityChoice(row, True, how)


def _programme_id(community_id: str, detected: Detected, taken: set[str]) -> str:
    years = (
        f"{detected.year_from}"
        if detected.year_from == detected.year_to
        else f"{detected.year_from}_{detected.year_to}"
    )
    return _unique(f"{community_id}_{years}", taken)


def _source_name(community_id: str, detected: Detected, suffix: str, taken: set[str]) -> str:
    years = (
        f"{detected.year_from}"
        if detected.year_from == detected.year_to
        else f"{detected.year_from}-{detected.year_to}"
    )
    stem = f"{community_id}_{years}"
    name = f"{stem}{suffix}"
    return (
        name
        if name not in taken
        else next(f"{stem}_{n}{suffix}" for n in range(2, 10_000) if f"{stem}_{n}{suffix}" not in taken)
    )


def programme_record(
    path: Path,
    detected: Detected,
    choice: CommunityChoice,
    taken_programmes: set[str],
    taken_files: set[str],
    prefix: str = "",
    read_as: str | None = None,
) -> dict[str, str]:
    """The documents.csv row of a document: what was detected, with ids that are not ``taken``; ``read_as``: how it was
    read (the reader's format, e.g. ``pdf_ocr``)."""
    cid = choice.row["community_id"]
    record = {
        "programme_id": _programme_id(prefix + cid, detected, taken_programmes),
        "community_id": cid,
        "source_file": _source_name(prefix + cid, detected, path.suffix.lower(), taken_files),
        **detected.metadata(),  # as detected, so that documents.csv records what was read
        "original_format": format_name(path.suffix, read_as=read_as),
        "community_match": choice.how,
    }
    if record["adopted_for"] not in vocabulary_values("adopted_for"):
        raise AddError(f"adopted_for {record['adopted_for']!r} is not one of {vocabulary_values('adopted_for')}")
    return record


def _already(path: Path, row: dict[str, str]) -> AddReport:
    return AddReport(
        already_added=True,
        programme_id=row["programme_id"],
        community_id=row["community_id"],
        lines=[
            f"{path.name}: already added, as {row['source_file']} (programme {row['programme_id']}); nothing changed."
        ],
    )


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temp, path)


def add_document(
    path: Path,
    data_dir: Path = DATA_DIR,
    database: Path | None = None,
    community_id: str | None = None,
    name_uk: str | None = None,
    name_en: str | None = None,
    katottg: str | None = None,
    progress: bool = True,
    review: bool = False,
) -> AddReport:
    """Add one document, with the decisions of ``<path>.review.csv`` beside it when there is one; ``review``: ask the
    review's questions on the terminal first (:mod:`loaders.review_prompt`). Raises :class:`SourceError` (unreadable) or :class:`AddError` (cannot be placed)."""
    database = database or default_database()
    sources = data_dir / "sources"
    path = Path(path)
    if not path.is_file():
        raise SourceError(path, "file not found")
    digest = sha256_of(path)
    for row in _read_csv(sources / METADATA_FILE)[1]:
        existing = sources / row["source_file"]
        if existing.is_file() and sha256_of(existing) == digest:
            return _already(path, row)

    with FileLock(_lock_path(data_dir)):
        return _add_locked(path, data_dir, database, community_id, name_uk, name_en, katottg, progress, digest, review)


def _lock_path(data_dir: Path) -> Path:
    """Outside data/ so that the folder stays byte-identical: one lock per data folder."""
    key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"programmes-add-{key}.lock"


def _add_locked(
    path: Path,
    data_dir: Path,
    database: Path,
    community_id: str | None,
    name_uk: str | None,
    name_en: str | None,
    katottg: str | None,
    progress: bool,
    digest: str,
    review: bool = False,
) -> AddReport:
    sources = data_dir / "sources"
    doc_fields, documents = _read_csv(sources / METADATA_FILE)
    for row in documents:
        existing = sources / row["source_file"]
        if existing.is_file() and sha256_of(existing) == digest:
            return _already(path, row)
    steps = tqdm(total=4, desc="Adding", unit="step", disable=not progress, file=sys.stderr)
    steps.set_postfix_str("reading")
    with page_bar(progress):
        doc = read_programme_file(path)
    texts = TextCache.beside(database)
    texts.prime(path, doc)  # the build below takes it, not reading the file again
    steps.update()
    steps.set_postfix_str("detecting")
    detected = detect_programme(doc, path)
    steps.update()
    steps.set_postfix_str("community")
    community_fields, communities = _read_csv(sources / COMMUNITIES_FILE)
    register = read_register(data_dir / "reference" / "communities_ua.csv")
    choice = choose_community(doc, communities, register, community_id, name_uk, name_en, katottg)
    cid = choice.row["community_id"]
    steps.update()

    record = programme_record(
        path,
        detected,
        choice,
        {row["programme_id"] for row in documents},
        {p.name for p in sources.iterdir()} | {row["source_file"] for row in documents},
        read_as=doc.format,
    )
    source_file, programme_id = record["source_file"], record["programme_id"]
    doc_fields = doc_fields + [f for f in record if f not in doc_fields]
    documents_csv = csv_text(doc_fields, [*documents, record]).encode("utf-8")
    communities_csv = csv_text(community_fields, [*communities, choice.row] if choice.is_new else communities).encode(
        "utf-8"
    )

    steps.set_postfix_str("building")
    # Built beside the database (one rename swaps it in), from a staged copy of the sources, recording the real folder
    staged_db = database.with_name(f".{database.name}.adding")
    try:
        with tempfile.TemporaryDirectory(prefix="add-") as staging_dir:
            staging = Path(staging_dir)
            shutil.copytree(sources, staging / "sources")
            (staging / "reference").symlink_to((data_dir / "reference").resolve(), target_is_directory=True)
            shutil.copyfile(path, staging / "sources" / source_file)
            (staging / "sources" / METADATA_FILE).write_bytes(documents_csv)
            (staging / "sources" / COMMUNITIES_FILE).write_bytes(communities_csv)
            staged_review = review_path(staging / "sources" / source_file)
            if review_path(path).is_file():  # decisions taken before, kept beside the file
                shutil.copyfile(review_path(path), staged_review)
            if review:
                steps.clear()
                _ask_review(staging, staged_review, programme_id, doc, detected, texts)
            report = build(staged_db, data_dir=staging, progress=False, texts=texts, origin=data_dir)
            reviewed = staged_review.read_bytes() if staged_review.is_file() else None
        steps.update()
        steps.close()
        result = AddReport(programme_id=programme_id, community_id=cid, build=report)
        if not report.ok:
            return result
        # The source file and the CSVs first, the database last: a crash in between leaves the old database, which
        # cites only files that exist (the app sees newer sources and rebuilds it).
        _write_atomically(sources / source_file, path.read_bytes())
        if reviewed is not None:
            _write_atomically(review_path(sources / source_file), reviewed)
        _write_atomically(sources / METADATA_FILE, documents_csv)
        if choice.is_new:
            _write_atomically(sources / COMMUNITIES_FILE, communities_csv)
        with build_lock(database):
            os.replace(staged_db, database)
    finally:
        staged_db.unlink(missing_ok=True)
        staged_db.with_name(f"{staged_db.name}.lock").unlink(missing_ok=True)
    os.utime(database)  # the database is as new as the files it was built from
    result.lines = describe(database, programme_id, choice, detected, doc)
    return result


def _ask_review(
    staging: Path, review_file: Path, programme_id: str, doc: DocumentText, detected: Detected, texts: TextCache
) -> None:
    """Build the staged sources once, ask the questions that reading raises, and add the answers to ``review_file``."""
    first = build(staging / "before_review.duckdb", data_dir=staging, progress=False, texts=texts)
    if not first.ok:
        return  # the build proper will report why
    asked = questions(staging / "before_review.duckdb", programme_id, doc)
    if not asked:
        print("Review: the reader is sure of what it read; nothing to ask.", file=sys.stderr)
        return
    years = list(range(int(detected.year_from or 0), int(detected.year_to or 0) + 1)) if detected.year_from else []
    decisions = ask_review(asked, document_tables(doc), years)
    if decisions:
        earlier = list(read_review(review_file.with_name(review_file.name.removesuffix(REVIEW_SUFFIX))).decisions)
        review_file.write_text(review_csv(earlier + decisions), encoding="utf-8")


def _population(con: duckdb.DuckDBPyConnection, katottg: str) -> str:
    row = con.execute(
        "SELECT name_uk, population, source FROM community_register WHERE katottg = ?", [katottg]
    ).fetchone()
    if row is None:
        return "not in the register"
    name, people, source = row
    figure = "not stated" if people is None else f"{people:,}".replace(",", " ")
    return f"{figure} ({name}, as published on decentralization.gov.ua, date not stated; {source})"


def _num(value) -> str:
    return "—" if value is None else f"{value:,.1f}".replace(",", " ")


@cache
def _unread_patterns() -> list[tuple[str, re.Pattern]]:
    return [
        (row["kind"], re.compile(row["pattern"], re.IGNORECASE)) for row in read_rules_csv("unread_row_patterns.csv")
    ]


def unread_rows(lines: list[tuple[int, str]], read: set[int]) -> list[tuple[int, str, str]]:
    """Lines that look like a measure or an amount (money, numbering) but that no row points to,
    ordered by the kinds of ``rules/unread_row_patterns.csv`` (money first), then by line.

    >>> [(n, kind) for n, kind, _ in unread_rows([(1, "1.1 Візит делегації 40,0"), (2, "1. Загальні положення"), (3, "Вступ")], read=set())]
    [(1, 'money'), (2, 'numbered_paragraph')]
    """
    kinds = [kind for kind, _ in _unread_patterns()]
    out = []
    for number, text in lines:
        if number in read:
            continue
        kind = next((kind for kind, pattern in _unread_patterns() if pattern.search(text)), None)
        if kind:
            out.append((number, kind, text))
    return sorted(out, key=lambda row: (kinds.index(row[1]), row[0]))


def passport_lines(detected: Detected) -> set[int]:
    """The lines the passport and the decision stamp were read from (the passport's heading, every row a value or a
    total was read from, even a total the measures table's own made redundant; every line of the stamp), which are no
    measures."""
    passport = detected.passport
    heading = {passport.heading_line} if passport.heading_line else set()
    decision = detected.decision
    stamp = set(range(decision.source_line, decision.end_line + 1)) if decision.end_line else set()
    totals = {total["source_line"] for total in passport.totals}
    return heading | stamp | totals | {value.source_line for value in passport.values.values()}


def _unread(
    con: duckdb.DuckDBPyConnection, programme_id: str, doc: DocumentText, detected: Detected
) -> list[tuple[int, str, str]]:
    """The rows of ``doc`` that look like measures or amounts but that no row of the programme (nor the passport)
    points to, read on an open connection."""
    read = {
        line
        for (line,) in con.execute(
            """SELECT source_line FROM measures WHERE programme_id = $1 UNION SELECT source_line FROM measure_amounts WHERE programme_id = $1
           UNION SELECT source_line FROM stated_totals WHERE programme_id = $1 UNION SELECT source_line FROM partner_relationships WHERE programme_id = $1
           UNION SELECT source_line FROM destination_spending WHERE programme_id = $1 UNION SELECT source_line FROM funding_sources WHERE programme_id = $1
           UNION SELECT source_line FROM issue_log WHERE programme_id = $1 AND source_line IS NOT NULL""",
            [programme_id],
        ).fetchall()
    }
    # a direction's row: read as the section its measures are under (its line is kept nowhere else)
    sections = {
        title.strip()
        for (title,) in con.execute(
            "SELECT DISTINCT section_title FROM measures WHERE programme_id = $1 AND section_title IS NOT NULL",
            [programme_id],
        ).fetchall()
        if title.strip()
    }
    lines = [
        (n, text)
        for n, text in enumerate(doc.lines, start=1)
        if not any(cell.strip() in sections for cell in text.split("\t"))
    ]
    return unread_rows(lines, read | passport_lines(detected))


def unread_in(database: Path, programme_id: str, doc: DocumentText, detected: Detected) -> list[tuple[int, str, str]]:
    """The rows of ``doc`` that look like measures or amounts but that no row of the programme (nor the passport) points to."""
    with duckdb.connect(str(database), read_only=True) as con:
        return _unread(con, programme_id, doc, detected)


def describe(
    database: Path, programme_id: str, choice: CommunityChoice, detected: Detected, doc: DocumentText
) -> list[str]:
    """What was read, for the user to judge how far to trust it."""
    q: Callable = lambda sql: con.execute(sql, [programme_id]).fetchall()  # noqa: E731
    with duckdb.connect(str(database), read_only=True) as con:
        (file, title, y0, y1, adopted_for, decision, layout, fmt) = q(
            "SELECT source_file, title_uk, year_from, year_to, adopted_for, council_decision_as_printed, layout, original_format FROM programmes WHERE programme_id = $1"
        )[0]
        c = choice.row
        out = [
            f"Added {file} as programme {programme_id}",
            f"  community:  {c['community_id']} — {c['name_uk']} ({c['name_en']}), {c['oblast_uk']}"
            + ("" if choice.is_new else " (already loaded)"),
            f"  council:    {detected.council_name_as_printed or '(not found)'}",
            f"  KATOTTG:    {c['katottg']}: {choice.how}",
            f"  population: {_population(con, c['katottg'])}",
            f"  title:      {title}",
            f"  years:      {y0}" + (f"–{y1}" if y1 != y0 else "") + f", adopted for the {adopted_for}",
            f"  decision:   {decision}",
            f"  read as:    {fmt}, layout {layout}",
        ]
        measures = q("SELECT COUNT(*) FROM measures WHERE programme_id = $1")[0][0]
        sections = q("SELECT COUNT(DISTINCT section_title) FROM measures WHERE programme_id = $1")[0][0]
        out.append(f"  measures:   {measures} in {sections} section" + ("" if sections == 1 else "s"))
        overlapping = q(
            """SELECT o.programme_id, o.year_from, o.year_to FROM programmes o JOIN programmes p ON p.community_id = o.community_id
               WHERE p.programme_id = $1 AND o.programme_id <> $1 AND o.year_from <= p.year_to AND o.year_to >= p.year_from"""
        )
        out += [
            f"  WARNING:    {c['community_id']} also has programme {pid} for {y0}–{y1}: both are loaded, and sums over the community add them up"
            for pid, y0, y1 in overlapping
        ]
        by_status = dict(
            (
                (s, (n, t))
                for s, n, t in q(
                    "SELECT amount_status, COUNT(*), SUM(amount_thousand_uah) FROM measure_amounts WHERE programme_id = $1 GROUP BY amount_status"
                )
            )
        )
        label = vocabulary_labels("amount_status")
        for status in vocabulary_values("amount_status"):
            if status in by_status:
                n, total = by_status[status]
                out.append(
                    f"  amounts {status}: {n} ({label[status]['en']})"
                    + (f", {_num(total)} thousand UAH" if total is not None else "")
                )
        out.append("  reconciliation of the stated totals:")
        rows = q(
            "SELECT scope, year, section_code, stated_total_thousand_uah, computed_total_thousand_uah, computed_from, status, source_line "
            "FROM reconciliation WHERE programme_id = $1 ORDER BY scope DESC, year, section_code"
        )
        for scope, year, section, stated, computed, source, status, line in rows:
            what = {"year": f"{year} total", "programme": "programme total", "section": f"section {section} in {year}"}[
                scope
            ]
            out.append(
                f"    {what}: stated {_num(stated)} vs {source} {_num(computed)} -> {status.upper()} ({doc.locators[line - 1]})"
            )
        if not rows:
            out.append("    (the document states no totals)")
        for year, status in q(
            "SELECT year, status FROM programme_years WHERE programme_id = $1 AND status NOT IN ('reconciled', 'mismatch') ORDER BY year"
        ):
            out.append(f"    {year}: {vocabulary_labels('year_status')[status]['en']}")
        partners = q(
            "SELECT partner_name_uk, country_code, relationship, agreement_date_text, source_line FROM partner_relationships WHERE programme_id = $1 ORDER BY partner_id"
        )
        out.append(f"  partners:   {len(partners)}")
        kinds = vocabulary_labels("relationship")
        out += [
            f"    {n} ({cc or '?'}), {kinds[rel]['en']}" + (f", {d}" if d else "") + f" ({doc.locators[line - 1]})"
            for n, cc, rel, d, line in partners
        ]
        issues = q(
            "SELECT severity, kind, message, source_line FROM issue_log WHERE programme_id = $1 ORDER BY severity DESC, source_line"
        )
        out.append(f"  data issues: {len(issues)}")
        out += [
            f"    {sev} {kind}: {msg}" + (f" ({doc.locators[line - 1]})" if line else "")
            for sev, kind, msg, line in issues
        ]
        unread = _unread(con, programme_id, doc, detected)  # the same connection: the report opens the database once
    counts = Counter(kind for _, kind, _ in unread)
    out.append(
        f"  rows that look like measures or amounts but were not read: {len(unread)}"
        + (f" ({', '.join(f'{n} {k}' for k, n in counts.items())})" if unread else "")
    )
    for number, kind, text in unread[:MAX_UNREAD_SHOWN]:
        shown = " | ".join(part.strip() for part in text.split("\t") if part.strip())
        out.append(f"    {doc.locators[number - 1]} [{kind}]: {shown[:110]}{'…' if len(shown) > 110 else ''}")
    if len(unread) > MAX_UNREAD_SHOWN:
        out.append(f"    … and {len(unread) - MAX_UNREAD_SHOWN} more")
    return out
