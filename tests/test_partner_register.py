"""The programmes' partners beside the Ministry's partnership map (view partner_register).

The expected rows are in tests/golden/partner_register.csv, written by reading the documents
(data/sources/*.txt, the lines named there) and data/reference/partnership_map_ua.csv, not from
the matcher's output.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pandas as pd
import pytest

from loaders.build import DATA_DIR
from loaders.errors import SourceError
from loaders.gazetteer import find_place
from loaders.partner_register import (
    MAP_CHECKED_YEAR,
    REGISTER_COLUMNS,
    Pin,
    compare_all,
    compare_community,
    partner_register_tables,
    read_partnership_map,
    read_pins,
    register_codes,
)
from loaders.rules import RULES_DIR

GOLDEN = Path(__file__).parent / "golden" / "partner_register.csv"
MAP_CSV = DATA_DIR / "reference" / "partnership_map_ua.csv"


def golden_rows() -> list[dict[str, str]]:
    with open(GOLDEN, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def katottg_of(community_id: str) -> str:
    with open(DATA_DIR / "sources" / "communities.csv", encoding="utf-8", newline="") as handle:
        return next(r["katottg"] for r in csv.DictReader(handle) if r["community_id"] == community_id)


def _key(programme, map_name, country, status):
    return (programme or None, map_name or None, country, status)


def test_view_has_the_hand_checked_rows(con):
    expected = {}
    for row in golden_rows():
        expected.setdefault(row["community_id"], set()).add(
            _key(row["programme_name_uk"], row["map_name_uk"], row["country_code"], row["register_status"])
        )
    for community_id in ("khmelnytskyi", "oleksandriia", "zdolbuniv", "mena"):
        found = con.execute(
            """SELECT partner_name_uk, matched_partner_name_uk, country_code, register_status FROM partner_register WHERE community_id = ?""",
            [community_id],
        ).fetchall()
        got = {
            _key(None, name, country, status) if status == "register_only" else _key(name, matched, country, status)
            for name, matched, country, status in found
        }
        assert len(found) == len(got), f"{community_id}: a relationship appears twice"
        assert got == expected.get(community_id, set()), community_id


def test_golden_programme_names_are_on_their_lines():
    for row in golden_rows():
        if row["programme_name_uk"]:
            document = next((DATA_DIR / "sources").glob(f"{row['community_id']}_*.txt"))
            line = document.read_text(encoding="utf-8").splitlines()[int(row["programme_line"]) - 1]
            assert row["programme_name_uk"] in line, row


def test_golden_lists_every_map_partner_of_each_community():
    """The golden file was read from the map: each community's map names are exactly the file's."""
    map_rows = pd.read_csv(MAP_CSV, dtype=str)
    for community_id in ("khmelnytskyi", "oleksandriia", "zdolbuniv", "mena"):
        in_map = sorted(
            map_rows.loc[map_rows["katottg"] == katottg_of(community_id), "partner_name_uk"].map(html.unescape)
        )
        in_golden = sorted(
            r["map_name_uk"] for r in golden_rows() if r["community_id"] == community_id and r["map_name_uk"]
        )
        assert in_golden == in_map, community_id


def test_every_relationship_of_the_programmes_is_compared(con):
    """Nothing is dropped: every programme relationship has exactly one row."""
    assert con.execute(
        "SELECT COUNT(*) FROM partners p LEFT JOIN partner_register r USING (partner_id) WHERE r.partner_id IS NULL"
    ).fetchone() == (0,)
    assert con.execute("SELECT COUNT(*) FROM partner_register WHERE register_status <> 'register_only'").fetchone()[
        0
    ] == len([r for r in golden_rows() if r["programme_name_uk"]])


@pytest.mark.parametrize(
    ("community_id", "programme_name", "map_name", "rule"),
    [
        ("oleksandriia", "Ярочин", "Яроцин", "geonames_alternate_name"),
        ("oleksandriia", "Сінь-І", "Сіньї", "match_pin"),
        ("khmelnytskyi", "Белць", "Бєльці", "match_pin"),
        ("khmelnytskyi", "Чеханов", "Цеханув", "geonames_id"),
        ("oleksandriia", "Сант-Кугат", "Сан-Кугат-дал-Бальєс", "match_pin"),
    ],
)
def test_spelling_variant_is_matched_by_place(con, community_id, programme_name, map_name, rule):
    row = con.execute(
        "SELECT register_status, match_rule, match_note FROM partner_register WHERE community_id = ? AND partner_name_uk = ?",
        [community_id, programme_name],
    ).fetchone()
    assert row is not None
    status, found_rule, note = row
    assert (status, found_rule) == ("both", rule)
    assert note  # every match is explained: a GeoNames id or the pin's reason
    matched = con.execute(
        "SELECT matched_partner_name_uk FROM partner_register WHERE community_id = ? AND partner_name_uk = ?",
        [community_id, programme_name],
    ).fetchone()[0]
    assert matched == map_name


def _programme(*partners: tuple[str, str, int | None]) -> pd.DataFrame:
    rows = []
    for number, (name, country, geonameid) in enumerate(partners, start=1):
        rows.append(
            {
                "partner_name_uk": name,
                "partner_name_en": None,
                "country_code": country,
                "geonameid": geonameid,
                "latitude": None,
                "longitude": None,
                "programme_id": "p",
                "partner_id": number,
                "source_file": "p.txt",
                "source_line": 10 + number,
            }
        )
    return pd.DataFrame(rows)


def _map(*entries: tuple[str, str]) -> pd.DataFrame:
    rows = []
    for order, (name, country) in enumerate(entries, start=1):
        try:
            place = find_place(name, country)
            placed = (place.geonameid, place.name_en, place.latitude, place.longitude, place.how, None)
        except LookupError as exc:
            placed = (None, None, None, None, None, str(exc))
        rows.append(
            dict(
                zip(
                    ("geonameid", "partner_name_en", "latitude", "longitude", "place_match", "place_problem"),
                    placed,
                    strict=True,
                )
            )
            | {"partner_name_uk": name, "country_code": country, "partner_order": order, "map_row": order + 1}
        )
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("programme_name", "map_name", "country", "geonameid"),
    [
        ("Белць", "Бєльці", "MD", 618605),
        ("Сінь-І", "Сіньї", "CN", 1789262),
        ("Сант-Кугат", "Сан-Кугат-дал-Бальєс", "ES", 3110718),
    ],
)
def test_fuzzy_matching_only_proposes(programme_name, map_name, country, geonameid):
    """Without a pin, a similar spelling is a proposal for a person, not a match."""
    result = compare_community(
        "x", "UA0", _programme((programme_name, country, geonameid)), _map((map_name, country)), pins=[]
    )
    statuses = sorted(r["register_status"] for r in result.rows)
    assert statuses == ["programme_only", "register_only"]
    assert [(a, b) for a, b, _ in result.proposals] == [(programme_name, map_name)]
    assert any(i.kind == "partner_match_proposed" and map_name in i.message for i in result.issues)


def test_the_same_name_in_the_same_country_matches_a_place_geonames_lacks():
    """Neither side finds a GeoNames place (a village GeoNames lacks): the same spelling in the same country is a
    match by its own rule; another country, or another spelling, is not."""
    result = compare_community(
        "x",
        "UA0",
        _programme(("Дольний  Штал", "SK", None), ("Неіснуюче-Місто", "PL", None), ("Зовсім-Інше-Село", "SK", None)),
        _map(("Дольний Штал", "SK"), ("Неіснуюче-Місто", "CZ"), ("Зовсім-Інше-Місто", "SK")),
        pins=[],
    )
    matched = [(r["partner_name_uk"], r["match_rule"]) for r in result.rows if r["register_status"] == "both"]
    assert matched == [("Дольний  Штал", "same_name")]
    assert sorted(r["register_status"] for r in result.rows).count("programme_only") == 2


def test_a_pin_turns_the_proposal_into_a_match():
    pin = Pin("UA0", "Белць", "Бєльці", "same_place", "fuzzy", "the same city")
    result = compare_community("x", "UA0", _programme(("Белць", "MD", 618605)), _map(("Бєльці", "MD")), pins=[pin])
    assert [(r["register_status"], r["match_rule"], r["match_note"]) for r in result.rows] == [
        ("both", "match_pin", "the same city")
    ]
    assert result.proposals == []


def test_a_different_place_pin_blocks_the_proposal():
    pin = Pin("UA0", "Белць", "Бєльці", "different_place", "fuzzy", "checked: not the same")
    result = compare_community("x", "UA0", _programme(("Белць", "MD", 618605)), _map(("Бєльці", "MD")), pins=[pin])
    assert sorted(r["register_status"] for r in result.rows) == ["programme_only", "register_only"]
    assert result.proposals == []


def test_unmatched_names_are_reported_not_dropped():
    result = compare_community(
        "x", "UA0", _programme(("Неіснуюче-Місто", "PL", None)), _map(("Зовсім-Інше-Місто", "PL")), pins=[]
    )
    rows = {(r["partner_name_uk"], r["register_status"]) for r in result.rows}
    assert rows == {("Неіснуюче-Місто", "programme_only"), ("Зовсім-Інше-Місто", "register_only")}
    kinds = {
        (i.kind, name) for i in result.issues for name in ("Неіснуюче-Місто", "Зовсім-Інше-Місто") if name in i.message
    }
    assert ("partner_not_on_map", "Неіснуюче-Місто") in kinds
    assert ("partner_only_on_map", "Зовсім-Інше-Місто") in kinds
    assert ("map_place_not_found", "Зовсім-Інше-Місто") in kinds


def test_unmatched_rows_of_the_programmes_have_a_data_issue(con):
    rows = con.execute(
        """SELECT r.partner_name_uk, r.register_status,
                  EXISTS (SELECT 1 FROM data_issues i WHERE i.community_id = r.community_id
                          AND i.kind = CASE r.register_status WHEN 'programme_only' THEN 'partner_not_on_map' ELSE 'partner_only_on_map' END
                          AND strpos(i.message, r.partner_name_uk) > 0)
           FROM partner_register r WHERE r.register_status <> 'both'"""
    ).fetchall()
    assert rows and all(reported for _, _, reported in rows), rows


def test_community_missing_from_the_map_is_reported(con):
    """Zdolbuniv's code is not on the map (read from the map file, not assumed)."""
    on_map = set(pd.read_csv(MAP_CSV, dtype=str)["katottg"])
    absent = [c for c in ("khmelnytskyi", "oleksandriia", "zdolbuniv", "mena") if katottg_of(c) not in on_map]
    assert absent
    for community_id in absent:
        assert con.execute(
            "SELECT COUNT(*) FROM data_issues WHERE community_id = ? AND kind = 'community_not_on_map'", [community_id]
        ).fetchone() == (1,)


def test_map_names_are_unescaped(con):
    assert con.execute("SELECT COUNT(*) FROM partnership_map WHERE partner_name_uk LIKE '%&#39;%'").fetchone() == (0,)
    assert con.execute("SELECT COUNT(*) FROM partnership_map WHERE partner_name_uk LIKE '%''%'").fetchone()[0] == 6
    assert con.execute("SELECT COUNT(*), COUNT(DISTINCT katottg) FROM partnership_map").fetchone() == (
        len(pd.read_csv(MAP_CSV)),
        288,
    )


def test_map_code_missing_from_the_register_is_matched_by_name():
    register = pd.DataFrame(
        {"katottg": ["UA1"], "name_uk": ["Чорноморська міська територіальна громада"], "oblast_uk": ["Одеська область"]}
    )
    map_rows = pd.DataFrame(
        {
            "katottg": ["UA9", "UA8"],
            "community_name_uk": ["Чорноморська територіальна громада", "Інша територіальна громада"],
            "oblast_uk": ["Одеська область", "Одеська область"],
        }
    )
    assert register_codes(map_rows, register).tolist() == ["UA1", None]


def test_any_added_community_gets_the_comparison_by_its_code():
    """A community with a KATOTTG code and a programme is compared with the map, whatever its name."""
    register = pd.read_csv(DATA_DIR / "reference" / "communities_ua.csv", dtype=str)
    partnership_map = read_partnership_map(DATA_DIR / "reference", register)
    code = partnership_map["katottg"].iloc[0]
    listed = int((partnership_map["katottg"] == code).sum())
    communities = pd.DataFrame({"community_id": ["added"], "katottg": [code]})
    programmes = pd.DataFrame(
        {"programme_id": ["added_2025"], "community_id": ["added"], "year_to": [2025], "source_file": ["added.txt"]}
    )
    rows, issues = compare_all(communities, _programme().assign(community_id=[]), partnership_map, programmes, pins=[])
    assert len(rows) == listed and set(rows["register_status"]) == {"register_only"}
    assert (issues["kind"] == "partner_only_on_map").sum() == listed


def test_pins_name_real_rows_of_the_map_and_the_programmes(con):
    for pin in read_pins():
        community = con.execute("SELECT community_id FROM communities WHERE katottg = ?", [pin.katottg]).fetchone()
        assert community, pin
        row = con.execute(
            "SELECT match_rule FROM partner_register WHERE community_id = ? AND partner_name_uk = ? AND matched_partner_name_uk = ?",
            [community[0], pin.programme_name_uk, pin.map_name_uk],
        ).fetchone()
        assert (row == ("match_pin",)) == (pin.decision == "same_place"), pin


def test_map_date_is_the_one_its_readme_gives(con):
    readme = (DATA_DIR / "reference" / "README.md").read_text(encoding="utf-8")
    assert f"checked at the end of {MAP_CHECKED_YEAR}" in readme
    assert con.execute("SELECT DISTINCT map_checked_year FROM partner_register").fetchall() == [(MAP_CHECKED_YEAR,)]
    assert con.execute("SELECT value FROM build_info WHERE key = 'partnership_map_data_as_of'").fetchone() == (
        f"end of {MAP_CHECKED_YEAR}",
    )


# --- the page's computing and figures (programme_analysis) ---

ALL = ["khmelnytskyi", "oleksandriia", "zdolbuniv", "mena"]


def _golden_counts() -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for row in golden_rows():
        counts.setdefault(row["community_id"], {}).setdefault(row["register_status"], 0)
        counts[row["community_id"]][row["register_status"]] += 1
    return counts


def test_status_counts_follow_the_golden_file(database):
    from programme_analysis import partner_register, queries

    counts = partner_register.status_counts(queries.partner_register(database, ALL), ALL)
    for community_id in ALL:
        expected = _golden_counts().get(community_id, {})
        assert {s: int(counts.loc[community_id, s]) for s in partner_register.STATUSES} == {
            s: expected.get(s, 0) for s in partner_register.STATUSES
        }


def test_takeaway_counts_the_programme_partners_still_on_the_map(database):
    from programme_analysis import queries, takeaways

    sentence = takeaways.programme_vs_map(queries.partner_register(database, ALL), "en")
    golden = _golden_counts()["khmelnytskyi"]
    named = golden["both"] + golden["programme_only"]
    assert (
        f"Khmelnytskyi, {golden['both']} of the programme's {named} partners still listed, {golden['register_only']} new ones"
        in sentence
    )
    assert f"end of {MAP_CHECKED_YEAR}" in sentence


def test_side_by_side_explains_every_match_with_the_map_name(database):
    from programme_analysis import partner_register, queries
    from programme_analysis.texts import text

    register = queries.partner_register(database, ALL)
    table = partner_register.side_by_side(register, "uk")
    both = register["register_status"] == "both"
    why = table[text("col_match", "uk")]
    assert why.str.len().gt(0).all()
    assert (table.loc[both, text("col_on_map", "uk")] == register.loc[both, "matched_partner_name_uk"]).all()
    pinned = register["match_rule"] == "match_pin"
    assert pinned.any()
    assert all(
        note in explained for note, explained in zip(register.loc[pinned, "match_note_uk"], why[pinned], strict=True)
    )
    # in the English interface the English reason; in the Ukrainian one the Ukrainian reason, never the English
    why_en = partner_register.side_by_side(register, "en")[text("col_match", "en")]
    assert all(
        note in explained for note, explained in zip(register.loc[pinned, "match_note"], why_en[pinned], strict=True)
    )
    assert not any(
        note in explained for note, explained in zip(register.loc[pinned, "match_note"], why[pinned], strict=True)
    )


def test_every_decision_in_partner_matches_gives_its_reason_in_both_languages():
    for pin in read_pins():
        assert pin.reason and pin.reason_uk and pin.reason_uk != pin.reason
        # written in Ukrainian
        assert sum("а" <= ch.lower() <= "я" or ch in "іїєґ" for ch in pin.reason_uk) > len(pin.reason_uk) / 3


def test_national_ranking_counts_communities_from_the_map_file(database):
    """Lublin's count is read from the map file here (distinct communities listing «Люблін» in PL)."""
    from programme_analysis import partner_register, queries

    raw = pd.read_csv(MAP_CSV, dtype=str)
    lublin = raw[(raw["partner_name_uk"] == "Люблін") & (raw["partner_country"] == "PL")]["katottg"].nunique()
    most = raw.groupby(["partner_name_uk", "partner_country"])["katottg"].nunique().max()
    places = partner_register.national_places(queries.partnership_map(database), ["khmelnytskyi"])
    top = places.iloc[0]
    assert (top["partner_name_en"], top["communities"]) == ("Lublin", lublin) and lublin == most
    assert top["chosen"] == ["khmelnytskyi"]
    countries = partner_register.national_countries(queries.partnership_map(database), ["mena"])
    poland = countries[countries["country_code"] == "PL"].iloc[0]
    assert poland["communities"] == raw[raw["partner_country"] == "PL"]["katottg"].nunique()
    assert poland["partners"] == (raw["partner_country"] == "PL").sum()
    assert poland["chosen"] == ["mena"]


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_register_map_draws_three_kinds_distinctly_and_names_its_source(database, lang):
    from programme_analysis import partner_figures, queries
    from programme_analysis.texts import label

    fig = partner_figures.register_map(queries.partner_register(database, ALL), lang)
    styles = {}
    for trace in fig.data:
        if trace.mode == "markers" and trace.legendgroup in partner_figures.STATUS_STYLE:
            styles.setdefault(trace.legendgroup, set()).add(("symbol", trace.marker.symbol))
        if trace.mode == "lines":
            styles.setdefault(trace.legendgroup, set()).add(("dash", trace.line.dash))
    assert set(styles) == {"both", "programme_only", "register_only"}
    assert len({frozenset(s) for s in styles.values()}) == 3  # no two kinds look the same
    legend = {t.name for t in fig.data if t.showlegend is not False and t.legendgroup in partner_figures.STATUS_STYLE}
    assert legend == {label("register_status", s, lang) for s in styles}
    subtitle = fig.layout.title.subtitle.text
    assert "decentralization.ua/twincities" in subtitle and str(MAP_CHECKED_YEAR) in subtitle
    assert "«Гміна Жиракув»" in subtitle  # a partner without a place is named, not silently left off


def test_pins_are_read_in_file_order_and_an_unknown_decision_names_its_row():
    with open(RULES_DIR / "partner_matches.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    pins = read_pins()
    assert [(p.katottg, p.programme_name_uk, p.map_name_uk, p.decision, p.proposed_by, p.reason) for p in pins] == [
        (r["katottg"], r["programme_name_uk"], r["map_name_uk"], r["decision"], r["proposed_by"], r["reason"])
        for r in rows
    ]
    good = {"katottg": "UA0", "programme_name_uk": "А", "map_name_uk": "Б", "proposed_by": "fuzzy", "reason": "checked"}
    assert [
        p.decision for p in read_pins([{**good, "decision": "different_place"}, {**good, "decision": "same_place"}])
    ] == ["different_place", "same_place"]
    with pytest.raises(SourceError) as caught:
        read_pins([{**good, "decision": "same_place"}, {**good, "decision": "maybe"}])
    assert caught.value.line == 3 and caught.value.path.name == "partner_matches.csv"
    assert "same_place, different_place" in caught.value.message and "'maybe'" in caught.value.message


@pytest.mark.parametrize(("lang", "poland"), [("uk", "Польща"), ("en", "Poland")])
def test_national_ranking_names_countries_in_the_language_not_by_code(database, lang, poland):
    from programme_analysis import partner_figures, partner_register, queries

    places = partner_register.national_places(queries.partnership_map(database), ["khmelnytskyi"])
    fig = partner_figures.national_places_bars(places, {"khmelnytskyi": "Khmelnytskyi"}, lang)
    labels = [label for trace in fig.data for label in trace.y]
    assert len(labels) == len(places)
    assert any(label.endswith(f"({poland})") for label in labels)
    assert not [label for label in labels if re.search(r"\([A-Z]{2}\)$", label)]


# --- compare_community, compare_all and partner_register_tables row by row, without a database ---
# The places are GeoNames' (loaders.gazetteer.find_place); the expected rows follow the matching rules in
# loaders/partner_register.py's docstring: a pin first, then the same GeoNames id (place_pin when the map's
# name was pinned), then the map's name among the alternate names of the programme partner's place.


def _entry(name: str, country: str, order: int) -> dict:
    """A map row as read_partnership_map makes it (placed by find_place), at ``order`` in the community's list."""
    try:
        place = find_place(name, country)
        placed = {
            "geonameid": place.geonameid,
            "partner_name_en": place.name_en,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "place_match": place.how,
            "place_problem": None,
        }
    except LookupError as exc:
        placed = {
            "geonameid": None,
            "partner_name_en": None,
            "latitude": None,
            "longitude": None,
            "place_match": None,
            "place_problem": str(exc),
        }
    return {"partner_name_uk": name, "country_code": country, "partner_order": order, "map_row": 100 + order, **placed}


def _partner(name: str, country: str | None, line: int) -> dict:
    """A programme partner as partner_relationships holds it, placed like the build places it."""
    place = find_place(name, country) if country else None
    return {
        "partner_name_uk": name,
        "partner_name_en": place.name_en if place else None,
        "country_code": country,
        "geonameid": place.geonameid if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "programme_id": "p_2021",
        "partner_id": line,
        "source_file": "p.txt",
        "source_line": line,
    }


def _expected_row(
    community_id,
    katottg,
    side: dict,
    status,
    matched=None,
    rule=None,
    note=None,
    note_uk=None,
    order=None,
    programme=True,
) -> dict:
    keys = ("partner_name_uk", "partner_name_en", "country_code", "latitude", "longitude", "geonameid")
    return {
        "community_id": community_id,
        "katottg": katottg,
        **{k: side[k] for k in keys},
        "programme_id": side["programme_id"] if programme else None,
        "partner_id": side["partner_id"] if programme else None,
        "source_file": side["source_file"] if programme else None,
        "source_line": side["source_line"] if programme else None,
        "register_status": status,
        "matched_partner_name_uk": matched,
        "match_rule": rule,
        "match_note": note,
        "match_note_uk": note_uk,
        "map_partner_order": order,
    }


def test_compare_community_gives_every_column_of_each_relationship_and_each_rule():
    lublin, bor, jarocin = _partner("Люблін", "PL", 11), _partner("Бор", "RS", 12), _partner("Ярочин", "PL", 13)
    balti, unplaced = _partner("Белць", "MD", 14), _partner("Невідоме-Місто", None, 15)
    # the map lists its rows in another order than partner_order: the comparison follows partner_order
    varna, yarotsyn, lublin_map = _entry("Варна", "BG", 5), _entry("Яроцин", "PL", 3), _entry("Люблін", "PL", 1)
    bor_map, baltsi = _entry("Бор", "RS", 2), _entry("Бєльці", "MD", 4)
    # rules/place_pins.csv pins Бор
    assert (bor_map["place_match"], lublin_map["place_match"]) == (
        "pinned",
        "name_match",
    )
    assert yarotsyn["geonameid"] is None and "places called" in yarotsyn["place_problem"]  # two Яроцин in Poland
    pins = [
        Pin("UA1", "Белць", "Бєльці", "same_place", "fuzzy", "the same city", "те саме місто"),
        # not this community's
        Pin("UA2", "Невідоме-Місто", "Варна", "same_place", "fuzzy", "another community's decision"),
    ]
    result = compare_community(
        "a", "UA1", [lublin, bor, jarocin, balti, unplaced], [varna, yarotsyn, lublin_map, bor_map, baltsi], pins
    )
    assert result.rows == [
        _expected_row("a", "UA1", lublin, "both", "Люблін", "geonames_id", "GeoNames 765876", "GeoNames 765876", 1),
        _expected_row("a", "UA1", bor, "both", "Бор", "place_pin", "GeoNames 792456", "GeoNames 792456", 2),
        _expected_row(
            "a", "UA1", jarocin, "both", "Яроцин", "geonames_alternate_name", "GeoNames 3097528", "GeoNames 3097528", 3
        ),
        _expected_row("a", "UA1", balti, "both", "Бєльці", "match_pin", "the same city", "те саме місто", 4),
        _expected_row("a", "UA1", unplaced, "programme_only"),
        _expected_row("a", "UA1", varna | {"programme_id": None}, "register_only", order=5, programme=False),
    ]
    assert [(i.severity, i.kind, i.source_line) for i in result.issues] == [
        ("info", "partner_not_on_map", 15),
        ("info", "partner_only_on_map", None),
    ]
    not_on_map, only_on_map = (i.message for i in result.issues)
    assert "«Невідоме-Місто» (country not stated), named in p.txt," in not_on_map and "end of 2025" in not_on_map
    assert "lists «Варна» (BG) as a partner (row 105 of data/reference/partnership_map_ua.csv)" in only_on_map
    assert result.proposals == []


def test_a_pin_comes_before_a_geonames_match_and_each_side_is_matched_once():
    """Two map rows could be the programme's Люблін: the pinned one wins; the other stays on the map alone."""
    lublin = _partner("Люблін", "PL", 20)
    pin = Pin("UA1", "Люблін", "Люблін-Центр", "same_place", "person", "checked")
    entries = [_entry("Люблін", "PL", 1), _entry("Люблін-Центр", "PL", 2)]
    result = compare_community("a", "UA1", [lublin], entries, [pin])
    assert [
        (r["partner_name_uk"], r["register_status"], r["matched_partner_name_uk"], r["match_rule"], r["match_note_uk"])
        for r in result.rows
    ] == [
        ("Люблін", "both", "Люблін-Центр", "match_pin", None),  # a pin without a Ukrainian reason: no Ukrainian note
        ("Люблін", "register_only", None, None, None),
    ]
    # one map row, two programme partners with the same place: the first (in the programme's order) gets it
    twice = compare_community(
        "a", "UA1", [_partner("Люблін", "PL", 21), _partner("Люблін", "PL", 22)], [_entry("Люблін", "PL", 1)], []
    )
    assert [(r["source_line"], r["register_status"]) for r in twice.rows] == [(21, "both"), (22, "programme_only")]


def test_a_map_row_of_another_country_or_without_a_place_is_not_matched_and_says_why_it_is_not_drawn():
    kielce = _partner("Кельце", "PL", 30)
    several, none = _entry("Яроцин", "PL", 1), _entry("Неіснуюче-Місто", "PL", 2)
    # the same id, but not the same country
    other_country = _entry("Варна", "BG", 3) | {"geonameid": kielce["geonameid"]}
    result = compare_community("a", "UA1", [kielce], [several, none, other_country], [])
    assert [r["register_status"] for r in result.rows] == [
        "programme_only",
        "register_only",
        "register_only",
        "register_only",
    ]
    not_found = [i for i in result.issues if i.kind == "map_place_not_found"]
    assert [(i.severity, i.source_line) for i in not_found] == [("warning", None), ("warning", None)]
    assert (
        "«Яроцин» (PL) on the partnership map" in not_found[0].message
        and "(several places of that name)" in not_found[0].message
    )
    assert "«Неіснуюче-Місто» (PL)" in not_found[1].message and "(no place of that name)" in not_found[1].message


def test_a_proposal_names_both_lines_and_the_score():
    result = compare_community(
        "a", "UA1", [_partner("Люблін", "PL", 40) | {"geonameid": None}], [_entry("Любліна", "PL", 1)], []
    )
    ((name, map_name, score),) = result.proposals
    assert (name, map_name) == ("Люблін", "Любліна") and score >= 70
    proposed = [i for i in result.issues if i.kind == "partner_match_proposed"]
    assert [(i.severity, i.source_line) for i in proposed] == [("warning", 40)]
    assert proposed[0].message.startswith(
        "«Люблін» (named in p.txt) may be «Любліна» on the partnership map (name similarity"
    )


def _communities_frame(*rows: tuple[str, str | None]) -> pd.DataFrame:
    return pd.DataFrame({"community_id": [r[0] for r in rows], "katottg": [r[1] for r in rows]})


def test_compare_all_finds_each_community_s_map_rows_by_either_code_and_files_each_issue_under_the_programme_it_points_to():
    partnership_map = pd.DataFrame(
        [
            {"katottg": "UA1", "register_katottg": "UA1", **_entry("Люблін", "PL", 1)},
            # the map's code is not the register's
            {
                "katottg": "UA9",
                "register_katottg": "UA2",
                **_entry("Варна", "BG", 1),
            },
        ]
    )
    partners = pd.DataFrame(
        [
            _partner("Люблін", "PL", 11) | {"community_id": "a"},
            _partner("Кельце", "PL", 13) | {"community_id": "a", "programme_id": "a_2022", "source_file": "a_2022.txt"},
            _partner("Белць", "MD", 12) | {"community_id": "b", "programme_id": "b_2024", "source_file": "b.txt"},
        ]
    )
    programmes = pd.DataFrame(
        {
            "programme_id": ["a_2019", "a_2025", "a_2022", "b_2024", "c_2024"],
            "community_id": ["a", "a", "a", "b", "c"],
            "year_to": [2019, 2025, 2022, 2024, 2024],
            "source_file": ["a_2019.txt", "a_2025.txt", "a_2022.txt", "b.txt", "c.txt"],
        }
    )
    # d has no programme: not compared
    communities = _communities_frame(("a", "UA1"), ("b", "UA2"), ("c", ""), ("d", "UA3"))
    # the pins given are the ones used
    pins = [Pin("UA2", "Белць", "Варна", "same_place", "person", "a decision of this test")]
    rows, issues = compare_all(communities, partners, partnership_map, programmes, pins=pins)
    assert list(rows.columns) == [*REGISTER_COLUMNS, "map_checked_year"] and set(rows["map_checked_year"]) == {
        MAP_CHECKED_YEAR
    }
    compared = rows[["community_id", "katottg", "partner_name_uk", "register_status", "match_rule"]].astype(object)
    assert [tuple("" if pd.isna(v) else v for v in r) for r in compared.itertuples(index=False)] == [
        ("a", "UA1", "Люблін", "both", "geonames_id"),
        ("a", "UA1", "Кельце", "programme_only", ""),
        ("b", "UA2", "Белць", "both", "match_pin"),
    ]

    def found(issues: pd.DataFrame) -> list[tuple]:
        return [
            tuple(
                None if pd.isna(v) else v
                for v in (i.community_id, i.programme_id, i.kind, i.source_file, i.source_line)
            )
            for i in issues.itertuples()
        ]

    # a programme line's issue names the programme whose file holds the line (here not the latest); a map row's names the latest and no file
    assert found(issues) == [
        ("a", "a_2022", "partner_not_on_map", "a_2022.txt", 13),
        ("c", "c_2024", "community_not_on_map", None, None),
    ]
    assert issues["message"].iloc[-1] == (
        "The Ministry partnership map (end of 2025) lists no partners for this community (KATOTTG not known): "
        "the partners in its programme cannot be checked against it."
    )
    rows, issues = compare_all(communities, partners, partnership_map, programmes, pins=[])
    assert found(issues) == [
        ("a", "a_2022", "partner_not_on_map", "a_2022.txt", 13),
        ("b", "b_2024", "partner_not_on_map", "b.txt", 12),
        ("b", "b_2024", "partner_only_on_map", None, None),
        ("c", "c_2024", "community_not_on_map", None, None),
    ]


def test_partner_register_tables_adds_the_map_the_comparison_and_numbered_issues(tmp_path):
    columns = ",".join(
        ("katottg", "community_name_uk", "oblast_uk", "partner_order", "partner_name_uk", "partner_country")
    )
    (tmp_path / "partnership_map_ua.csv").write_text(
        f"{columns}\nUA1,Перша територіальна громада,Одеська область,1,Люблін,PL\nUA1,Перша територіальна громада,Одеська область,2,Варна,BG\n"
        "UA7,Сьома територіальна громада,Одеська область,1,Неіснуюче-Місто,PL\n",
        encoding="utf-8",
    )
    register = pd.DataFrame(
        {"katottg": ["UA1"], "name_uk": ["Перша міська територіальна громада"], "oblast_uk": ["Одеська область"]}
    )
    log = pd.DataFrame({"issue_id": [1, 2, 3], "community_id": ["a"] * 3, "kind": ["x"] * 3})
    tables = {
        "community_register": register,
        "communities": _communities_frame(("a", "UA1")),
        "issue_log": log,
        "partner_relationships": pd.DataFrame([_partner("Люблін", "PL", 11) | {"community_id": "a"}]),
        "programmes": pd.DataFrame(
            {"programme_id": ["a_2025"], "community_id": ["a"], "year_to": [2025], "source_file": ["a.txt"]}
        ),
    }
    lines = partner_register_tables(tables, tmp_path)
    assert list(tables["partnership_map"]["partner_name_uk"]) == ["Люблін", "Варна", "Неіснуюче-Місто"]
    assert list(tables["partner_comparison"]["register_status"]) == ["both", "register_only"]
    assert tables["issue_log"]["issue_id"].tolist() == [1, 2, 3, 4] and tables["issue_log"]["kind"].tolist() == [
        "x",
        "x",
        "x",
        "partner_only_on_map",
    ]
    assert lines == [
        "Partnership map (end of 2025): 3 partners of 2 communities, 2 placed in GeoNames, 1 community codes not in the register",
        "  a: both 1, register_only 1 (matched by geonames_id 1)",
    ]
    tables["issue_log"] = log.iloc[0:0]  # an empty log: the comparison's issues are numbered from 1
    partner_register_tables(tables, tmp_path)
    assert tables["issue_log"]["issue_id"].tolist() == [1]


def test_read_partnership_map_places_each_row_and_names_a_missing_column(tmp_path):
    columns = ("katottg", "community_name_uk", "oblast_uk", "partner_order", "partner_name_uk", "partner_country")
    (tmp_path / "partnership_map_ua.csv").write_text(
        f"{','.join(columns)}\nUA9,Перша територіальна громада,Одеська область,2,Люблін,PL\n"
        "UA9,Перша територіальна громада,Одеська область,1,Сент-Олбенс&#39;,GB\nUA8,Друга громада,Одеська область,1,Яроцин,PL\n",
        encoding="utf-8",
    )
    register = pd.DataFrame(
        {"katottg": ["UA1"], "name_uk": ["Перша міська територіальна громада"], "oblast_uk": ["Одеська область"]}
    )
    frame = read_partnership_map(tmp_path, register)
    assert frame["partner_name_uk"].tolist() == ["Люблін", "Сент-Олбенс'", "Яроцин"]
    assert frame["country_code"].tolist() == ["PL", "GB", "PL"] and "partner_country" not in frame.columns
    assert frame["partner_order"].tolist() == [2, 1, 1] and frame["map_row"].tolist() == [2, 3, 4]
    assert frame["register_katottg"].tolist() == ["UA1", "UA1", None]
    assert str(frame["geonameid"].dtype) == "Int64" and frame["geonameid"].tolist()[0] == 765876
    lublin = frame.iloc[0]
    assert (lublin["partner_name_en"], lublin["latitude"], lublin["longitude"], lublin["place_match"]) == (
        "Lublin",
        51.25058,
        22.57009,
        "name_match",
    )
    assert (
        pd.isna(frame.iloc[2]["geonameid"])
        and pd.isna(frame.iloc[2]["place_match"])
        and "places called 'Яроцин' in PL" in frame.iloc[2]["place_problem"]
    )
    assert (
        set(frame["map_checked_year"]) == {MAP_CHECKED_YEAR}
        and frame["source"].str.contains("decentralization.ua/twincities").all()
    )
    (tmp_path / "partnership_map_ua.csv").write_text(
        f"{','.join(columns[:-1])}\nUA9,Перша,Одеська область,1,Люблін\n", encoding="utf-8"
    )
    with pytest.raises(SourceError) as caught:
        read_partnership_map(tmp_path, register)
    assert (
        caught.value.path == tmp_path / "partnership_map_ua.csv"
        and caught.value.message == "missing column(s): partner_country"
    )


def test_register_codes_need_the_same_oblast_and_one_community_of_the_name():
    register = pd.DataFrame(
        {
            "katottg": ["UA1", "UA2", "UA3", "UA4"],
            "name_uk": [
                "Перша міська територіальна громада",
                "Перша сільська територіальна громада",
                "Друга селищна територіальна громада",
                "Третя територіальна громада",
            ],
            "oblast_uk": ["Одеська область", "Київська область", "Одеська область", "Одеська область"],
        }
    )
    map_rows = pd.DataFrame(
        {
            "katottg": ["UA8", "UA7", "UA3", "UA6"],
            "community_name_uk": [
                "Перша територіальна громада",
                "Друга територіальна громада",
                "Будь-яка назва",
                "Третя територіальна громада",
            ],
            "oblast_uk": ["Київська область", "Одеська область", "Одеська область", "Львівська область"],
        }
    )
    assert register_codes(map_rows, register).tolist() == ["UA2", "UA3", "UA3", None]
    # two «Перша» in Odesa oblast
    twice = pd.concat([register, register.iloc[[0]].assign(katottg="UA5")], ignore_index=True)
    assert register_codes(map_rows.iloc[[0]].assign(oblast_uk="Одеська область"), twice).tolist() == [None]
