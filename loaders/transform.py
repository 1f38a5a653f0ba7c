"""Transform: turn the raw rows of each document into the tables of ``schema.sql``.

Pure functions: rows in, DataFrames out, no file or database access.
"""

from __future__ import annotations

import pandas as pd

from .categories import categorise
from .extract import Extracted
from .extract.common import DataIssue
from .extract.partners import country_code
from .gazetteer import PlaceNotFound, by_geonameid, find_place
from .source_documents import SourceDocument


def programme_tables(doc: SourceDocument, extracted: Extracted) -> dict[str, pd.DataFrame]:
    """All rows of one programme, one DataFrame per table, plus the issues met on the way."""
    meta = doc.meta
    pid, cid, file = meta["programme_id"], meta["community_id"], doc.file_name
    issues = list(extracted.issues)

    measures = pd.DataFrame(extracted.measures)
    assigned = [categorise(t, s) for t, s in zip(measures["measure_title"], measures["section_title"], strict=True)]
    measures["category_id"] = [c for c, _ in assigned]
    measures["category_rule_id"] = [r for _, r in assigned]
    measures = measures.assign(programme_id=pid, source_file=file)

    amounts = pd.DataFrame(extracted.amounts).assign(programme_id=pid)
    totals = pd.DataFrame(extracted.stated_totals, columns=["scope", "year", "section_code", "stated_total_thousand_uah", "total_text", "source_line"])
    totals = totals.assign(programme_id=pid)

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

    programme = pd.DataFrame(
        [
            {
                "programme_id": pid,
                "community_id": cid,
                "title_uk": meta["programme_title_uk"],
                "year_from": int(meta["year_from"]),
                "year_to": int(meta["year_to"]),
                "adopted_for": meta["adopted_for"],
                "council_decision_as_printed": meta["council_decision_as_printed"],
                "original_format": meta["original_format"],
                "layout": meta["layout"],
                "source_file": file,
                "source_sha256": doc.sha256,
            }
        ]
    )
    locators = list(doc.locators) or [f"line {n}" for n in range(1, len(doc.lines) + 1)]
    lines = pd.DataFrame({"source_file": file, "source_line": range(1, len(doc.lines) + 1), "text": list(doc.lines), "locator": locators})
    issue_rows = pd.DataFrame(
        [
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
    )
    return {
        "programmes": programme,
        "source_lines": lines,
        "measures": measures,
        "measure_amounts": amounts,
        "stated_totals": totals,
        "partner_relationships": pd.DataFrame(partners),
        "destination_spending": pd.DataFrame(spending),
        "issue_log": issue_rows,
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
    keys = partners[["programme_id", "partner_name_uk", "partner_id"]].rename(columns={"partner_name_uk": "destination_name_uk"})
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


def _stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def concat_tables(per_programme: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Stack the programmes' tables and number the rows that need an id."""
    names = per_programme[0].keys()
    tables = {name: _stack([p[name] for p in per_programme]) for name in names}
    tables["partner_relationships"]["partner_id"] = range(1, len(tables["partner_relationships"]) + 1)
    tables["issue_log"]["issue_id"] = range(1, len(tables["issue_log"]) + 1)
    tables["destination_spending"] = link_destinations_to_partners(tables["destination_spending"], tables["partner_relationships"])
    return tables
