"""Transform: turn the raw rows of each document into the tables of ``schema.sql``.

Pure functions: rows in, rows and then DataFrames out, no file or database access.
"""

from __future__ import annotations

import pandas as pd

from .categories import categorise
from .extract import Detected, Extracted
from .extract.common import DataIssue
from .extract.partners import country_code
from .gazetteer import PlaceNotFound, by_geonameid, find_place
from .review_pictures import row_pictures
from .source_documents import SourceDocument

MEASURE_OPTIONAL = ("term_text", "executors", "funding_source")  # NULL when the extractor read none for a measure
TOTAL_COLUMNS = [
    "scope",
    "year",
    "section_code",
    "stated_total_thousand_uah",
    "total_text",
    "source_line",
    "stated_in",
    "programme_id",
]


def programme_rows(
    doc: SourceDocument, extracted: Extracted, detected: Detected | None = None
) -> dict[str, list[dict]]:
    """All rows of one programme, a list of rows (dicts) per table, plus the issues met on the way.

    Rows, not DataFrames: a build stacks hundreds of programmes, and :func:`concat_tables` makes
    each table's DataFrame once (building eight small DataFrames per programme cost more than
    reading the document; see bench/RESULTS.md).
    """
    meta = doc.meta
    pid, cid, file = meta["programme_id"], meta["community_id"], doc.file_name
    issues = list(extracted.issues)

    measures = []
    for row in extracted.measures:
        category_id, rule_id = categorise(row["measure_title"], row["section_title"])
        measures.append(
            {**row, "category_id": category_id, "category_rule_id": rule_id, "programme_id": pid, "source_file": file}
        )
    amounts = [{**row, "programme_id": pid} for row in extracted.amounts]
    totals = [
        {**{k: row[k] for k in TOTAL_COLUMNS if k in row}, "programme_id": pid} for row in extracted.stated_totals
    ]

    partners = []
    for row in extracted.partners:
        place = _locate(row["partner_name_uk"], row["country_code"], row["source_line"], issues)
        partners.append(
            {
                **row,
                "community_id": cid,
                "programme_id": pid,
                "country_code": row["country_code"] or (place.country_code if place else None),
                "partner_name_en": place.name_en if place else None,
                "geonameid": place.geonameid if place else None,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
                "place_match": place.how if place else None,
                "source_file": file,
            }
        )

    spending = []
    for row in extracted.partner_spending:
        code = country_code(row["country_text"])
        place = _locate(row["destination_name_uk"], code, row["source_line"], issues)
        spending.append(
            {
                **row,
                "programme_id": pid,
                "country_code": code,
                "destination_name_en": place.name_en if place else None,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
                "source_file": file,
            }
        )

    programme = {
        "programme_id": pid,
        "community_id": cid,
        "title_uk": meta["programme_title_uk"],
        "year_from": int(meta["year_from"]),
        "year_to": int(meta["year_to"]),
        "adopted_for": meta["adopted_for"],
        "council_decision_as_printed": meta["council_decision_as_printed"],
        "original_format": meta["original_format"],
        "layout": meta["layout"] or "none",
        "source_file": file,
        "source_sha256": doc.sha256,
        **_detected_columns(detected),
    }
    locators = list(doc.locators) or [f"line {n}" for n in range(1, len(doc.lines) + 1)]
    lines = [
        {"source_file": file, "source_line": n, "text": text, "locator": locator}
        for n, (text, locator) in enumerate(zip(doc.lines, locators, strict=True), start=1)
    ]
    issue_rows = [
        {
            "community_id": cid,
            "programme_id": pid,
            "severity": i.severity,
            "kind": i.kind,
            "message": i.message,
            "source_file": file,
            "source_line": i.source_line,
        }
        for i in issues
    ]
    return {
        "programmes": [programme],
        "source_lines": lines,
        "line_pictures": _ocr_line_pictures(doc, issues, locators),
        "measures": measures,
        "measure_amounts": amounts,
        "stated_totals": totals,
        "partner_relationships": partners,
        "destination_spending": spending,
        "funding_sources": [{**row, "programme_id": pid, "source_file": file} for row in extracted.funding_sources],
        "issue_log": issue_rows,
    }


def table_frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """One table's DataFrame from its rows (of one programme or of all); no rows give an empty frame."""
    if not rows:
        return pd.DataFrame()
    frame = pd.DataFrame(rows, columns=TOTAL_COLUMNS if name == "stated_totals" else None)
    if name == "measures":
        for column in MEASURE_OPTIONAL:
            if column not in frame:
                frame[column] = None
    return frame


def programme_tables(
    doc: SourceDocument, extracted: Extracted, detected: Detected | None = None
) -> dict[str, pd.DataFrame]:
    """All rows of one programme, one DataFrame per table (what :func:`concat_tables` makes of one programme, before numbering)."""
    return {name: table_frame(name, rows) for name, rows in programme_rows(doc, extracted, detected).items()}


def _detected_columns(detected: Detected | None) -> dict:
    """The programme's metadata as :func:`loaders.extract.detect_programme` read it."""
    if detected is None:
        return {}
    return {
        "decision_date_text": detected.decision.date_text,
        "decision_number_text": detected.decision.number_text,
        "is_draft": detected.decision.is_draft,
        "community_name_as_printed": detected.community_name_as_printed,
        "council_name_as_printed": detected.council_name_as_printed,
        "developer_uk": detected.developer,
        "responsible_executor_uk": detected.responsible_executor,
        "recognisers": ", ".join(detected.recognisers),
    }


def _locate(name_uk: str, country_code: str | None, line: int, issues: list[DataIssue]):
    try:
        return find_place(name_uk, country_code)
    except PlaceNotFound as exc:
        issues.append(DataIssue("warning", "place_not_found", f"{name_uk}: {exc}. It is not shown on the map.", line))
        return None


def link_destinations_to_partners(destinations: pd.DataFrame, partners: pd.DataFrame) -> pd.DataFrame:
    """Give each destination the id of the same community's relationship with that city, if any."""
    if destinations.empty or partners.empty:
        return destinations.assign(partner_id=None)
    keys = partners[["programme_id", "partner_name_uk", "partner_id"]].rename(
        columns={"partner_name_uk": "destination_name_uk"}
    )
    return destinations.merge(keys, on=["programme_id", "destination_name_uk"], how="left")


def community_table(rows: list[dict[str, str]]) -> pd.DataFrame:
    out = []
    for row in rows:
        place = by_geonameid(int(row["geonameid"])) if row.get("geonameid") else None
        out.append(
            {
                **row,
                "geonameid": place.geonameid if place else None,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
            }
        )
    return pd.DataFrame(out)


def concat_tables(per_programme: list[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    """Stack the programmes' rows (:func:`programme_rows`) into one DataFrame per table and number the rows that need an id."""
    names = per_programme[0].keys()
    tables = {name: table_frame(name, [row for p in per_programme for row in p[name]]) for name in names}
    tables["partner_relationships"]["partner_id"] = range(1, len(tables["partner_relationships"]) + 1)
    tables["issue_log"]["issue_id"] = range(1, len(tables["issue_log"]) + 1)
    tables["destination_spending"] = link_destinations_to_partners(
        tables["destination_spending"], tables["partner_relationships"]
    )
    return tables


def _ocr_line_pictures(doc: SourceDocument, issues, locators: list[str]) -> list[dict]:
    """The crop of the scanned page each line with an amount read by OCR (a ``read_by_ocr`` issue) came from."""
    lines = sorted({i.source_line for i in issues if i.kind == "read_by_ocr" and i.source_line})
    if not lines or not doc.ocr_pdf:
        return []
    wanted = {locators[n - 1]: n for n in lines if 1 <= n <= len(locators)}
    pictures = row_pictures(doc.boxes, doc.ocr_pdf, list(wanted))
    return [
        {"source_file": doc.file_name, "source_line": wanted[locator], "page": dict(doc.boxes)[locator][0], "png": png}
        for locator, png in pictures.items()
    ]
