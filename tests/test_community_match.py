"""A document's community is recognised in the register from its inflected council name."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from loaders.build import DATA_DIR
from loaders.intake.community_match import is_unambiguous, lemma, match_community, read_register, settlement_name

REGISTER = read_register(DATA_DIR / "reference" / "communities_ua.csv")


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / "sources" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("document", _rows("documents.csv"), ids=lambda d: d["programme_id"])
def test_each_document_names_its_own_community(document):
    katottg = {c["community_id"]: c["katottg"] for c in _rows("communities.csv")}[document["community_id"]]
    lines = (DATA_DIR / "sources" / document["source_file"]).read_text(encoding="utf-8").splitlines()
    candidates = match_community(lines, REGISTER)
    assert is_unambiguous(candidates)
    assert candidates[0].katottg == katottg
    assert candidates[0].why and "×" in candidates[0].why[0]


def _register_row(name_uk: str, oblast_uk: str) -> dict[str, str]:
    return next(r for r in REGISTER if r["name_uk"] == name_uk and r["oblast_uk"] == oblast_uk)


@pytest.mark.parametrize(
    ("printed", "name_uk"),
    [
        ("Рішення Ізяславської міської ради від 12.01.2023 № 5", "Ізяславська міська територіальна громада"),
        ("розроблено відділом Маківської сільської територіальної громади", "Маківська сільська територіальна громада"),
        ("РІШЕННЯ ІЗЯСЛАВСЬКОЇ МІСЬКОЇ РАДИ", "Ізяславська міська територіальна громада"),
        ("затверджено Ізяславською міською радою", "Ізяславська міська територіальна громада"),
        ("у Білоцерківській міській територіальній громаді", "Білоцерківська міська територіальна громада"),
    ],
)
def test_inflected_council_names_are_lemmatised(printed, name_uk):
    candidates = match_community([printed], REGISTER)
    assert [c.name_uk for c in candidates] == [r["name_uk"] for r in REGISTER if r["name_uk"] == name_uk]


def test_the_type_of_council_must_agree():
    # «Іванівської сільської ради» is not the селищна community of the same name
    types = {c.type_uk for c in match_community(["Іванівської сільської ради"], REGISTER)}
    assert types == {"сільська"}


def test_namesakes_in_several_oblasts_are_told_apart_by_the_oblast_named():
    names = Counter((r["name_uk"]) for r in REGISTER)
    namesakes = [
        r
        for r in REGISTER
        if names[r["name_uk"]] > 1
        and len({x["oblast_uk"] for x in REGISTER if x["name_uk"] == r["name_uk"]}) == names[r["name_uk"]]
    ]
    assert len(namesakes) > 20  # the register really has many
    for row in namesakes[::7]:
        adjective = row["name_uk"].split()[0]
        council = {"міська": "міської ради", "сільська": "сільської ради", "селищна": "селищної ради"}[row["type_uk"]]
        oblast = row["oblast_uk"].split()[0]
        oblast_gen = oblast[:-1] + "ої"  # «Тернопільська» → «Тернопільської»
        without = match_community([f"Рішення {adjective[:-1]}ої {council}"], REGISTER)
        assert len(without) == names[row["name_uk"]] and not is_unambiguous(without), row["name_uk"]
        with_oblast = match_community([f"Рішення {adjective[:-1]}ої {council}", f"{oblast_gen} області"], REGISTER)
        assert is_unambiguous(with_oblast), (row["name_uk"], row["oblast_uk"])
        assert with_oblast[0].katottg == row["katottg"]
        assert any(row["oblast_uk"] in why for why in with_oblast[0].why)


def test_the_rayon_separates_namesakes_in_one_oblast_too():
    row = _register_row("Іванівська сільська територіальна громада", "Тернопільська область")
    rayon_gen = row["rayon_uk"].split()[0][:-2] + "ого"  # «Тернопільський» → «Тернопільського»
    got = match_community(["Іванівської сільської ради", f"{rayon_gen} району"], REGISTER)
    assert is_unambiguous(got) and got[0].katottg == row["katottg"]


def test_words_that_are_not_names_are_ignored():
    assert (
        match_community(
            ["Секретар міської ради", "виконавчого комітету міської ради", "Депутати міської ради"], REGISTER
        )
        == []
    )


def test_the_centre_is_read_from_the_text_in_the_nominative():
    lines = ["Програма розвитку м. Ізяслава на 2024 рік", "Рішення Ізяславської міської ради"]
    assert settlement_name(lines, "Ізяславська міська територіальна громада") == "Ізяслав"
    assert settlement_name(["міста Олександрії"], "Олександрійська міська територіальна громада") == "Олександрія"
    assert settlement_name(["м. Хмельницького"], "Хмельницька міська територіальна громада") == "Хмельницький"
    assert settlement_name(["м. Києва"], "Ізяславська міська територіальна громада") is None
    # a three-letter name is long enough (Бар, Вінницька область), and the most frequent reading wins
    assert settlement_name(["Барська міська рада", "м. Бар"], "Барська міська територіальна громада") == "Бар"
    assert settlement_name(["м. Бар"], "Вінницька міська територіальна громада") is None


def test_lemmas_are_dictionary_forms():
    assert {lemma(w) for w in ("Менської", "менська", "МЕНСЬКОЮ", "Менській")} == {"менський"}
