"""The Ministry's partnership map beside the programmes' own partners.

The map (``data/reference/partnership_map_ua.csv``) lists the foreign partners each community
has now; a programme names those its council had when it adopted it. Both sides are matched by
PLACE, not by spelling:

1. a decision in ``rules/partner_matches.csv`` (community KATOTTG, programme's name, map's name,
   ``same_place`` or ``different_place``, and why) comes first;
2. ``geonames_id``: the map's name finds, in the same country, the GeoNames place the programme's
   partner was placed at (by GeoNames names and alternate names);
3. ``place_pin``: the same, but the map's name was placed through ``rules/place_pins.csv``;
4. ``geonames_alternate_name``: the map's name finds several places, one of which is the
   programme's partner (the name is among that place's alternate names);
5. ``same_name``: neither name finds a GeoNames place, and both are the same name (letter case, apostrophes and
   dashes aside) in the same country: a small place GeoNames lacks, written alike on both sides.

Fuzzy matching (rapidfuzz) only PROPOSES pairs that stay unmatched: each proposal is a data issue
asking for a row in ``rules/partner_matches.csv``. A name on either side that stays unmatched
becomes a ``programme_only`` or ``register_only`` row and a data issue; nothing is dropped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, utils
from translitua import translit

from .errors import SourceError
from .extract.common import DataIssue
from .gazetteer import PlaceNotFound, find_place, names_of
from .rules import read_rules_csv
from .source_documents import read_text

MAP_FILE = "partnership_map_ua.csv"
MAP_COLUMNS = ("katottg", "community_name_uk", "oblast_uk", "partner_order", "partner_name_uk", "partner_country")
MAP_CREDIT = "Ministry partnership map (decentralization.ua/twincities), via Hromada Strategy Collaboration Mapping (W3I) (CC BY 4.0)"
# data/reference/README.md: the map's data "as checked at the end of 2025" (no day or month is given).
MAP_CHECKED_YEAR = 2025
MAP_DATA_AS_OF = f"end of {MAP_CHECKED_YEAR}"
PIN_DECISIONS = ("same_place", "different_place")
# A proposal needs this rapidfuzz WRatio (0-100) on the Cyrillic or the transliterated names, within one country.
PROPOSAL_SCORE = 70
_COMMUNITY_TYPE = re.compile(r"\s+(міська|селищна|сільська)(?=\s+територіальна)")


def community_key(name_uk: str, oblast_uk: str) -> tuple[str, str]:
    """A community's name without its type word, for matching the map's codes that the register lacks.

    >>> community_key("Чорноморська територіальна громада", "Одеська область")
    ('чорноморська територіальна громада', 'одеська область')
    >>> community_key("Чорноморська міська територіальна громада", "Одеська область")[0]
    'чорноморська територіальна громада'
    """
    return _COMMUNITY_TYPE.sub("", name_uk).casefold().strip(), oblast_uk.casefold().strip()


def register_codes(map_rows: pd.DataFrame, register: pd.DataFrame) -> pd.Series:
    """The register's KATOTTG code for each map row: the same code, or the one community of the same
    name (type word aside) in the same oblast; NULL when neither is in the register."""
    known = set(register["katottg"])
    by_name: dict[tuple[str, str], list[str]] = {}
    for row in register.itertuples():
        by_name.setdefault(community_key(row.name_uk, row.oblast_uk), []).append(row.katottg)

    def code(row) -> str | None:
        if row.katottg in known:
            return row.katottg
        found = by_name.get(community_key(row.community_name_uk, row.oblast_uk), [])
        return found[0] if len(found) == 1 else None

    return pd.Series([code(r) for r in map_rows.itertuples()], index=map_rows.index, dtype="object")


def read_partnership_map(reference_dir: Path, register: pd.DataFrame) -> pd.DataFrame:
    """The map, one row per partner, names unescaped (``&#39;``), each partner placed in GeoNames where its
    name finds exactly one place in its country (or a pin does)."""
    path = reference_dir / MAP_FILE
    read_text(path)  # clear error for a missing, empty or mis-encoded file
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in MAP_COLUMNS if c not in frame.columns]
    if missing:
        raise SourceError(path, f"missing column(s): {', '.join(missing)}")
    frame = frame.rename(columns={"partner_country": "country_code"})
    frame["partner_name_uk"] = frame["partner_name_uk"].map(html.unescape)
    frame["partner_order"] = frame["partner_order"].astype(int)
    frame["map_row"] = range(2, len(frame) + 2)  # line in the CSV file (after the header)
    frame["register_katottg"] = register_codes(frame, register)
    places: dict[tuple[str, str], tuple] = {}
    for key in dict.fromkeys(zip(frame["partner_name_uk"], frame["country_code"], strict=True)):
        try:
            place = find_place(*key)
            places[key] = (place.geonameid, place.name_en, place.latitude, place.longitude, place.how, None)
        except PlaceNotFound as exc:
            places[key] = (None, None, None, None, None, str(exc))
    located = [places[k] for k in zip(frame["partner_name_uk"], frame["country_code"], strict=True)]
    for i, column in enumerate(
        ("geonameid", "partner_name_en", "latitude", "longitude", "place_match", "place_problem")
    ):
        frame[column] = [row[i] for row in located]
    frame["geonameid"] = frame["geonameid"].astype("Int64")
    return frame.assign(map_checked_year=MAP_CHECKED_YEAR, source=MAP_CREDIT)


@dataclass(frozen=True)
class Pin:
    katottg: str
    programme_name_uk: str
    map_name_uk: str
    decision: str
    proposed_by: str
    reason: str  # in English
    reason_uk: str = ""  # the same in Ukrainian


def read_pins(rows: list[dict[str, str]] | None = None) -> list[Pin]:
    """The decisions in ``rules/partner_matches.csv``."""
    pins = []
    for number, row in enumerate(rows if rows is not None else read_rules_csv("partner_matches.csv"), start=2):
        if row["decision"] not in PIN_DECISIONS:
            raise SourceError(
                "partner_matches.csv",
                f"decision must be one of {', '.join(PIN_DECISIONS)}, not {row['decision']!r}",
                number,
            )
        pins.append(
            Pin(
                row["katottg"],
                row["programme_name_uk"],
                row["map_name_uk"],
                row["decision"],
                row["proposed_by"],
                row["reason"],
                row.get("reason_uk") or "",
            )
        )
    return pins


def similarity(a: str, b: str) -> float:
    """How alike two names are (0-100), in Cyrillic or transliterated, whichever is higher.

    >>> similarity("Белць", "Бєльці") >= PROPOSAL_SCORE
    True
    >>> similarity("Бор", "Прага") < PROPOSAL_SCORE
    True
    """
    return max(
        fuzz.WRatio(a, b, processor=utils.default_process),
        fuzz.WRatio(translit(a), translit(b), processor=utils.default_process),
    )


@dataclass
class Comparison:
    rows: list[dict]
    issues: list[DataIssue]
    proposals: list[tuple[str, str, float]]


def _rule(programme: dict, entry: dict, pins: dict[tuple[str, str], Pin]) -> tuple[str | None, str | None]:
    """The rule that makes a programme partner and a map entry the same place, with a note; (None, None) if none does."""
    pin = pins.get((programme["partner_name_uk"], entry["partner_name_uk"]))
    if pin is not None:
        return ("match_pin", pin.reason) if pin.decision == "same_place" else ("different_place", pin.reason)
    if programme["country_code"] and entry["country_code"] != programme["country_code"]:
        return None, None
    geonameid = programme["geonameid"]
    if pd.isna(geonameid):
        if (
            programme["country_code"]
            and pd.isna(entry["geonameid"])
            and _spelling(programme["partner_name_uk"]) == _spelling(entry["partner_name_uk"])
        ):
            return "same_name", f"the same name in {programme['country_code']}"
        return None, None
    if not pd.isna(entry["geonameid"]) and int(entry["geonameid"]) == int(geonameid):
        rule = "place_pin" if entry["place_match"] == "pinned" else "geonames_id"
        return rule, f"GeoNames {int(geonameid)}"
    if pd.isna(entry["geonameid"]) and entry["partner_name_uk"].casefold() in names_of(int(geonameid)):
        return "geonames_alternate_name", f"GeoNames {int(geonameid)}"
    return None, None


RULE_ORDER = ("match_pin", "geonames_id", "place_pin", "geonames_alternate_name", "same_name")
_APOSTROPHES_AND_DASHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})


def _spelling(name: str) -> str:
    """A name as compared by ``same_name``: letter case, the apostrophe's and the dash's forms and spaces aside.

    >>> _spelling("Ньїрбогдань") == _spelling("ньїрбогдань"), _spelling("Дольний  Штал") == _spelling("Дольний Штал")
    (True, True)
    >>> _spelling("Шада") == _spelling("Шала")
    False
    """
    return " ".join(name.translate(_APOSTROPHES_AND_DASHES).casefold().split())


def compare_community(
    community_id: str,
    katottg: str | None,
    programme: pd.DataFrame | list[dict],
    map_rows: pd.DataFrame | list[dict],
    pins: list[Pin],
) -> Comparison:
    """One community's programme partners beside its map partners: one row per relationship on either side.

    ``programme`` has the columns of ``partner_relationships``; ``map_rows`` those of
    :func:`read_partnership_map`, already limited to the community (DataFrames, or their rows as
    dicts). Pure: no file or database access.
    """
    own_pins = {(p.programme_name_uk, p.map_name_uk): p for p in pins if p.katottg == katottg}
    prog = programme.to_dict("records") if isinstance(programme, pd.DataFrame) else list(programme)
    map_rows = map_rows.to_dict("records") if isinstance(map_rows, pd.DataFrame) else map_rows
    entries = sorted(map_rows, key=lambda m: m["partner_order"])  # stable, as pandas sorts a handful of rows
    candidates = []
    for i, p in enumerate(prog):
        for j, m in enumerate(entries):
            rule, note = _rule(p, m, own_pins)
            if rule in RULE_ORDER:
                candidates.append((RULE_ORDER.index(rule), i, j, rule, note))
    matched_prog: dict[int, tuple[int, str, str]] = {}
    matched_map: set[int] = set()
    for _, i, j, rule, note in sorted(candidates):
        if i not in matched_prog and j not in matched_map:
            matched_prog[i] = (j, rule, note)
            matched_map.add(j)

    issues: list[DataIssue] = []
    proposals = []
    blocked = {(p.programme_name_uk, p.map_name_uk) for p in own_pins.values() if p.decision == "different_place"}
    for i, p in enumerate(prog):
        if i in matched_prog:
            continue
        for j, m in enumerate(entries):
            if j in matched_map or (p["partner_name_uk"], m["partner_name_uk"]) in blocked:
                continue
            if p["country_code"] and m["country_code"] != p["country_code"]:
                continue
            score = similarity(p["partner_name_uk"], m["partner_name_uk"])
            if score >= PROPOSAL_SCORE:
                proposals.append((p["partner_name_uk"], m["partner_name_uk"], score))
                issues.append(
                    DataIssue(
                        "warning",
                        "partner_match_proposed",
                        f"«{p['partner_name_uk']}» (named in {p['source_file']}) may be «{m['partner_name_uk']}» on the partnership map "
                        f"(name similarity {score:.0f}/100). A person decides: add a row to loaders/rules/partner_matches.csv.",
                        p["source_line"],
                        p["programme_id"],
                        p["source_file"],
                    )
                )

    rows = []
    for i, p in enumerate(prog):
        common = {
            "community_id": community_id,
            "katottg": katottg,
            "partner_name_uk": p["partner_name_uk"],
            "partner_name_en": p["partner_name_en"],
            "country_code": p["country_code"],
            "latitude": p["latitude"],
            "longitude": p["longitude"],
            "geonameid": p["geonameid"],
            "programme_id": p["programme_id"],
            "partner_id": p["partner_id"],
            "source_file": p["source_file"],
            "source_line": p["source_line"],
        }
        if i in matched_prog:
            j, rule, note = matched_prog[i]
            m = entries[j]
            pin = own_pins.get((p["partner_name_uk"], m["partner_name_uk"]))
            # a GeoNames id reads the same in both languages
            note_uk = (pin.reason_uk or None) if rule == "match_pin" and pin else note
            rows.append(
                {
                    **common,
                    "register_status": "both",
                    "matched_partner_name_uk": m["partner_name_uk"],
                    "match_rule": rule,
                    "match_note": note,
                    "match_note_uk": note_uk,
                    "map_partner_order": m["partner_order"],
                }
            )
        else:
            rows.append(
                {
                    **common,
                    "register_status": "programme_only",
                    "matched_partner_name_uk": None,
                    "match_rule": None,
                    "match_note": None,
                    "match_note_uk": None,
                    "map_partner_order": None,
                }
            )
            issues.append(
                DataIssue(
                    "info",
                    "partner_not_on_map",
                    f"«{p['partner_name_uk']}» ({p['country_code'] or 'country not stated'}), named in {p['source_file']}, is not among the "
                    f"partners of the community on the Ministry partnership map (data as checked at the {MAP_DATA_AS_OF}).",
                    p["source_line"],
                    p["programme_id"],
                    p["source_file"],
                )
            )
    for j, m in enumerate(entries):
        if j in matched_map:
            continue
        rows.append(
            {
                "community_id": community_id,
                "katottg": katottg,
                "partner_name_uk": m["partner_name_uk"],
                "partner_name_en": m["partner_name_en"],
                "country_code": m["country_code"],
                "latitude": m["latitude"],
                "longitude": m["longitude"],
                "geonameid": m["geonameid"],
                "programme_id": None,
                "partner_id": None,
                "source_file": None,
                "source_line": None,
                "register_status": "register_only",
                "matched_partner_name_uk": None,
                "match_rule": None,
                "match_note": None,
                "match_note_uk": None,
                "map_partner_order": m["partner_order"],
            }
        )
        issues.append(
            DataIssue(
                "info",
                "partner_only_on_map",
                f"The Ministry partnership map ({MAP_DATA_AS_OF}) lists «{m['partner_name_uk']}» ({m['country_code']}) as a partner "
                f"(row {m['map_row']} of data/reference/{MAP_FILE}); the programme does not name it.",
            )
        )
        if isinstance(m["place_problem"], str):
            issues.append(
                DataIssue(
                    "warning",
                    "map_place_not_found",
                    f"«{m['partner_name_uk']}» ({m['country_code']}) on the partnership map finds no GeoNames place, or several, in its country "
                    f"({'several places' if 'places called' in m['place_problem'] else 'no place'} of that name): it is listed but not drawn on the map. "
                    "A row in loaders/rules/place_pins.csv would place it.",
                )
            )
    return Comparison(rows, issues, proposals)


REGISTER_COLUMNS = [
    "community_id", "katottg", "partner_name_uk", "partner_name_en", "country_code", "latitude", "longitude", "register_status",
    "matched_partner_name_uk", "match_rule", "match_note", "match_note_uk", "programme_id", "partner_id", "source_file", "source_line", "map_partner_order",
    "geonameid",
]  # fmt: skip


def compare_all(
    communities: pd.DataFrame,
    partners: pd.DataFrame,
    partnership_map: pd.DataFrame,
    programmes: pd.DataFrame,
    pins: list[Pin] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every loaded community beside the map, by its KATOTTG code (the map's own code or the register's).

    A community in ``communities`` without a loaded programme is not compared (a build of some of the
    documents, or an overlay, adds its rows with its programme); ``every_map_partner_compared_once`` in
    ``validate.py`` checks the same set of communities.

    Returns the comparison rows and the data issues (as ``issue_log`` rows without ids).
    """
    pins = read_pins() if pins is None else pins
    # Rows grouped once (filtering every frame for each community cost most of a national build; bench/RESULTS.md).
    map_records = partnership_map.to_dict("records")
    map_at = _positions(partnership_map["katottg"], partnership_map["register_katottg"])
    partner_records = partners.to_dict("records") if not partners.empty else []
    partners_at = _positions(partners["community_id"]) if not partners.empty else {}
    programme_records = programmes[["community_id", "year_to", "programme_id", "source_file"]].to_dict("records")
    programmes_at = _positions(programmes["community_id"])
    rows, issues = [], []
    for community in communities.itertuples():
        katottg = community.katottg if isinstance(community.katottg, str) and community.katottg else None
        on_map = [map_records[i] for i in map_at.get(katottg, [])] if katottg else []
        own = [partner_records[i] for i in partners_at.get(community.community_id, [])]
        latest = sorted(
            (programme_records[i] for i in programmes_at.get(community.community_id, [])), key=lambda p: p["year_to"]
        )
        if not latest:
            continue
        programme_id, source_file = latest[-1]["programme_id"], latest[-1]["source_file"]
        result = compare_community(community.community_id, katottg, own, on_map, pins)
        rows += result.rows
        found = list(result.issues)
        if not on_map:
            found.append(
                DataIssue(
                    "info",
                    "community_not_on_map",
                    f"The Ministry partnership map ({MAP_DATA_AS_OF}) lists no partners for this community "
                    f"(KATOTTG {katottg or 'not known'}): the partners in its programme cannot be checked against it.",
                )
            )
        for issue in found:
            on_programme_line = issue.source_line is not None
            issues.append(
                {
                    "community_id": community.community_id,
                    "programme_id": issue.programme_id or programme_id,
                    "severity": issue.severity,
                    "kind": issue.kind,
                    "message": issue.message,
                    "source_file": (issue.source_file or source_file) if on_programme_line else None,
                    "source_line": issue.source_line,
                }
            )
    frame = pd.DataFrame(rows, columns=REGISTER_COLUMNS).assign(map_checked_year=MAP_CHECKED_YEAR)
    return frame, pd.DataFrame(issues)


def _positions(*columns: pd.Series) -> dict:
    """``{value: [row positions, in order]}`` of the rows whose value in any of ``columns`` is ``value``."""
    at: dict = {}
    for values in columns:
        for position, value in enumerate(values.tolist()):
            at.setdefault(value, set()).add(position)
    return {value: sorted(positions) for value, positions in at.items()}


def partner_register_tables(tables: dict[str, pd.DataFrame], reference_dir: Path) -> list[str]:
    """Add ``partnership_map`` and ``partner_comparison`` to ``tables`` and the comparison's issues to
    ``issue_log``; return the build report's lines."""
    partnership_map = read_partnership_map(reference_dir, tables["community_register"])
    comparison, issues = compare_all(
        tables["communities"], tables["partner_relationships"], partnership_map, tables["programmes"]
    )
    tables["partnership_map"] = partnership_map
    tables["partner_comparison"] = comparison
    log = tables["issue_log"]
    if not issues.empty:
        first = int(log["issue_id"].max()) + 1 if not log.empty else 1
        tables["issue_log"] = pd.concat(
            [log, issues.assign(issue_id=range(first, first + len(issues)))], ignore_index=True
        )
    placed = partnership_map["geonameid"].notna().sum()
    lines = [
        f"Partnership map ({MAP_DATA_AS_OF}): {len(partnership_map):,} partners of {partnership_map['katottg'].nunique()} communities, "
        f"{placed:,} placed in GeoNames, {partnership_map['register_katottg'].isna().groupby(partnership_map['katottg']).first().sum()} community codes not in the register"
    ]
    for community_id, rows in comparison.groupby("community_id", sort=False):
        statuses = ", ".join(f"{s} {n}" for s, n in rows["register_status"].value_counts().items())
        rules = ", ".join(f"{r} {n}" for r, n in rows["match_rule"].value_counts().items())
        lines.append(f"  {community_id}: {statuses}" + (f" (matched by {rules})" if rules else ""))
    return lines
