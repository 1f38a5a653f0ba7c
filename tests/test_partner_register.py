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
from loaders.gazetteer import find_place
from loaders.partner_register import (
    MAP_CHECKED_YEAR,
    Pin,
    compare_all,
    compare_community,
    read_partnership_map,
    read_pins,
    register_codes,
)
from loaders.rules import RULES_DIR
from loaders.source_documents import SourceError

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
        expected.setdefault(row["community_id"], set()).add(_key(row["programme_name_uk"], row["map_name_uk"], row["country_code"], row["register_status"]))
    for community_id in ("khmelnytskyi", "oleksandriia", "zdolbuniv", "mena"):
        found = con.execute(
            """SELECT partner_name_uk, matched_partner_name_uk, country_code, register_status FROM partner_register WHERE community_id = ?""",
            [community_id],
        ).fetchall()
        got = {
            _key(None, name, country, status) if status == "register_only" else _key(name, matched, country, status) for name, matched, country, status in found
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
        in_map = sorted(map_rows.loc[map_rows["katottg"] == katottg_of(community_id), "partner_name_uk"].map(html.unescape))
        in_golden = sorted(r["map_name_uk"] for r in golden_rows() if r["community_id"] == community_id and r["map_name_uk"])
        assert in_golden == in_map, community_id


def test_every_relationship_of_the_programmes_is_compared(con):
    """Nothing is dropped: every programme relationship has exactly one row."""
    assert con.execute("SELECT COUNT(*) FROM partners p LEFT JOIN partner_register r USING (partner_id) WHERE r.partner_id IS NULL").fetchone() == (0,)
    assert con.execute("SELECT COUNT(*) FROM partner_register WHERE register_status <> 'register_only'").fetchone()[0] == len(
        [r for r in golden_rows() if r["programme_name_uk"]]
    )


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
        "SELECT matched_partner_name_uk FROM partner_register WHERE community_id = ? AND partner_name_uk = ?", [community_id, programme_name]
    ).fetchone()[0]
    assert matched == map_name


def _programme(*partners: tuple[str, str, int | None]) -> pd.DataFrame:
    rows = []
    for number, (name, country, geonameid) in enumerate(partners, start=1):
        rows.append({"partner_name_uk": name, "partner_name_en": None, "country_code": country, "geonameid": geonameid, "latitude": None,
                     "longitude": None, "programme_id": "p", "partner_id": number, "source_file": "p.txt", "source_line": 10 + number})  # fmt: skip
    return pd.DataFrame(rows)


def _map(*entries: tuple[str, str]) -> pd.DataFrame:
    rows = []
    for order, (name, country) in enumerate(entries, start=1):
        try:
            place = find_place(name, country)
            placed = (place.geonameid, place.name_en, place.latitude, place.longitude, place.how, None)
        except LookupError as exc:
            placed = (None, None, None, None, None, str(exc))
        rows.append(dict(zip(("geonameid", "partner_name_en", "latitude", "longitude", "place_match", "place_problem"), placed, strict=True))
                    | {"partner_name_uk": name, "country_code": country, "partner_order": order, "map_row": order + 1})  # fmt: skip
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("programme_name", "map_name", "country", "geonameid"),
    [("Белць", "Бєльці", "MD", 618605), ("Сінь-І", "Сіньї", "CN", 1789262), ("Сант-Кугат", "Сан-Кугат-дал-Бальєс", "ES", 3110718)],
)
def test_fuzzy_matching_only_proposes(programme_name, map_name, country, geonameid):
    """Without a pin, a similar spelling is a proposal for a person, not a match."""
    result = compare_community("x", "UA0", _programme((programme_name, country, geonameid)), _map((map_name, country)), pins=[])
    statuses = sorted(r["register_status"] for r in result.rows)
    assert statuses == ["programme_only", "register_only"]
    assert [(a, b) for a, b, _ in result.proposals] == [(programme_name, map_name)]
    assert any(i.kind == "partner_match_proposed" and map_name in i.message for i in result.issues)


def test_a_pin_turns_the_proposal_into_a_match():
    pin = Pin("UA0", "Белць", "Бєльці", "same_place", "fuzzy", "the same city")
    result = compare_community("x", "UA0", _programme(("Белць", "MD", 618605)), _map(("Бєльці", "MD")), pins=[pin])
    assert [(r["register_status"], r["match_rule"], r["match_note"]) for r in result.rows] == [("both", "match_pin", "the same city")]
    assert result.proposals == []


def test_a_different_place_pin_blocks_the_proposal():
    pin = Pin("UA0", "Белць", "Бєльці", "different_place", "fuzzy", "checked: not the same")
    result = compare_community("x", "UA0", _programme(("Белць", "MD", 618605)), _map(("Бєльці", "MD")), pins=[pin])
    assert sorted(r["register_status"] for r in result.rows) == ["programme_only", "register_only"]
    assert result.proposals == []


def test_unmatched_names_are_reported_not_dropped():
    result = compare_community("x", "UA0", _programme(("Неіснуюче-Місто", "PL", None)), _map(("Зовсім-Інше-Місто", "PL")), pins=[])
    rows = {(r["partner_name_uk"], r["register_status"]) for r in result.rows}
    assert rows == {("Неіснуюче-Місто", "programme_only"), ("Зовсім-Інше-Місто", "register_only")}
    kinds = {(i.kind, name) for i in result.issues for name in ("Неіснуюче-Місто", "Зовсім-Інше-Місто") if name in i.message}
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
        assert con.execute("SELECT COUNT(*) FROM data_issues WHERE community_id = ? AND kind = 'community_not_on_map'", [community_id]).fetchone() == (1,)


def test_map_names_are_unescaped(con):
    assert con.execute("SELECT COUNT(*) FROM partnership_map WHERE partner_name_uk LIKE '%&#39;%'").fetchone() == (0,)
    assert con.execute("SELECT COUNT(*) FROM partnership_map WHERE partner_name_uk LIKE '%''%'").fetchone()[0] == 6
    assert con.execute("SELECT COUNT(*), COUNT(DISTINCT katottg) FROM partnership_map").fetchone() == (len(pd.read_csv(MAP_CSV)), 288)


def test_map_code_missing_from_the_register_is_matched_by_name():
    register = pd.DataFrame({"katottg": ["UA1"], "name_uk": ["Чорноморська міська територіальна громада"], "oblast_uk": ["Одеська область"]})
    map_rows = pd.DataFrame(
        {"katottg": ["UA9", "UA8"], "community_name_uk": ["Чорноморська територіальна громада", "Інша територіальна громада"],
         "oblast_uk": ["Одеська область", "Одеська область"]}
    )  # fmt: skip
    assert register_codes(map_rows, register).tolist() == ["UA1", None]


def test_any_added_community_gets_the_comparison_by_its_code():
    """A community with a KATOTTG code and a programme is compared with the map, whatever its name."""
    register = pd.read_csv(DATA_DIR / "reference" / "communities_ua.csv", dtype=str)
    partnership_map = read_partnership_map(DATA_DIR / "reference", register)
    code = partnership_map["katottg"].iloc[0]
    listed = int((partnership_map["katottg"] == code).sum())
    communities = pd.DataFrame({"community_id": ["added"], "katottg": [code]})
    programmes = pd.DataFrame({"programme_id": ["added_2025"], "community_id": ["added"], "year_to": [2025], "source_file": ["added.txt"]})
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
    assert con.execute("SELECT value FROM build_info WHERE key = 'partnership_map_data_as_of'").fetchone() == (f"end of {MAP_CHECKED_YEAR}",)


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
        assert {s: int(counts.loc[community_id, s]) for s in partner_register.STATUSES} == {s: expected.get(s, 0) for s in partner_register.STATUSES}


def test_takeaway_counts_the_programme_partners_still_on_the_map(database):
    from programme_analysis import queries, takeaways

    sentence = takeaways.programme_vs_map(queries.partner_register(database, ALL), "en")
    golden = _golden_counts()["khmelnytskyi"]
    named = golden["both"] + golden["programme_only"]
    assert f"Khmelnytskyi, {golden['both']} of the programme's {named} partners still listed, {golden['register_only']} new ones" in sentence
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
    assert all(note in explained for note, explained in zip(register.loc[pinned, "match_note_uk"], why[pinned], strict=True))
    # in the English interface the English reason; in the Ukrainian one the Ukrainian reason, never the English
    why_en = partner_register.side_by_side(register, "en")[text("col_match", "en")]
    assert all(note in explained for note, explained in zip(register.loc[pinned, "match_note"], why_en[pinned], strict=True))
    assert not any(note in explained for note, explained in zip(register.loc[pinned, "match_note"], why[pinned], strict=True))


def test_every_decision_in_partner_matches_gives_its_reason_in_both_languages():
    for pin in read_pins():
        assert pin.reason and pin.reason_uk and pin.reason_uk != pin.reason
        assert sum("а" <= ch.lower() <= "я" or ch in "іїєґ" for ch in pin.reason_uk) > len(pin.reason_uk) / 3  # written in Ukrainian


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
        (r["katottg"], r["programme_name_uk"], r["map_name_uk"], r["decision"], r["proposed_by"], r["reason"]) for r in rows
    ]
    good = {"katottg": "UA0", "programme_name_uk": "А", "map_name_uk": "Б", "proposed_by": "fuzzy", "reason": "checked"}
    assert [p.decision for p in read_pins([{**good, "decision": "different_place"}, {**good, "decision": "same_place"}])] == ["different_place", "same_place"]
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
