"""Money views on small frames with every result worked out by hand (no database)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from programme_analysis.money_views import DENOMINATORS, VIEWS, MoneyView, Reference, Residents

# prices: 2023 amounts ×1.2 to reach 2025 prices, 2024 ×1.1, 2025 ×1; no index for 2026
# residents: Alpha 4 000 in the city, 10 000 in the community; Beta's city 500, its community unknown
POPULATION = {
    ("alpha", "city"): 4_000,
    ("alpha", "community"): 10_000,
    ("beta", "city"): 500,
    ("beta", "community"): None,
}
REFERENCE = Reference(
    factors={2023: 1.2, 2024: 1.1, 2025: 1.0},
    base_year=2025,
    residents={
        key: Residents(count, key[1], None, "cited", "https://stat.example.org/population")
        for key, count in POPULATION.items()
    },
    adopted_for={"alpha": "city", "beta": "city"},  # both programmes are for the city: "adopted" divides by the city
)


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "community_id": ["alpha", "alpha", "alpha", "beta", "beta"],
            "year": [2023, 2024, 2026, 2024, 2025],
            "amount_thousand_uah": [100.0, 300.0, 50.0, None, 20.0],
        }
    )


def _convert(view: str, denominator: str = "city", frame: pd.DataFrame | None = None, **kwargs) -> pd.DataFrame:
    return MoneyView(view, denominator, REFERENCE).apply(_frame() if frame is None else frame, **kwargs)


def _values(converted: pd.DataFrame) -> list:
    return [None if pd.isna(v) else round(float(v), 6) for v in converted["value"]]


def _gaps(converted: pd.DataFrame) -> list:
    return [None if pd.isna(g) else g for g in converted["value_gap"]]


def test_nominal_is_the_amount_and_a_missing_amount_is_not_stated():
    converted = _convert("nominal")
    assert _values(converted) == [100.0, 300.0, 50.0, None, 20.0]
    assert _gaps(converted) == [None, None, None, "not_stated", None]


def test_real_terms_multiply_by_the_price_factor_of_the_year():
    converted = _convert("real")
    # 100 × 1.2 = 120; 300 × 1.1 = 330; 2026 has no index; Beta 2024 states nothing; 20 × 1.0 = 20
    assert _values(converted) == [120.0, 330.0, None, None, 20.0]
    assert _gaps(converted) == [None, None, "no_price_index", "not_stated", None]


@pytest.mark.parametrize(
    ("denominator", "expected", "gaps"),
    [
        # thousand UAH × 1000 / residents: 100 000 / 4 000 = 25; 300 000 / 4 000 = 75; 50 000 / 4 000 = 12.5; 20 000 / 500 = 40
        ("city", [25.0, 75.0, 12.5, None, 40.0], [None, None, None, "not_stated", None]),
        # 100 000 / 10 000 = 10; 300 000 / 10 000 = 30; 50 000 / 10 000 = 5; Beta's community population is unknown
        ("community", [10.0, 30.0, 5.0, None, None], [None, None, None, "not_stated", "no_population"]),
    ],
)
def test_per_resident_divides_uah_by_the_residents_of_the_chosen_territory(denominator, expected, gaps):
    converted = _convert("per_resident", denominator)
    assert _values(converted) == expected
    assert _gaps(converted) == gaps


def test_per_resident_by_default_divides_by_the_territory_each_programme_was_adopted_for():
    reference = Reference(
        factors=REFERENCE.factors,
        base_year=2025,
        residents=REFERENCE.residents,
        adopted_for={"alpha": "community", "beta": "city"},
    )
    converted = MoneyView("per_resident", reference=reference).apply(_frame())
    # Alpha's programme is for its community: 100 000 / 10 000 = 10 … ; Beta's for its city: 20 000 / 500 = 40
    assert _values(converted) == [10.0, 30.0, 5.0, None, 40.0]
    assert list(converted["residents_of"]) == ["community", "community", "community", "city", "city"]
    assert list(converted["residents"]) == [10_000, 10_000, 10_000, 500, 500]
    # no adopted_for: unknown, not a guess
    unknown = MoneyView("per_resident", reference=Reference(residents=REFERENCE.residents)).apply(_frame())
    assert _gaps(unknown) == [*["no_population"] * 3, "not_stated", "no_population"]


def test_per_resident_in_real_terms_applies_both():
    converted = _convert("per_resident_real")
    # 100 × 1.2 × 1000 / 4 000 = 30; 300 × 1.1 × 1000 / 4 000 = 82.5; 2026 no index; 20 × 1.0 × 1000 / 500 = 40
    assert _values(converted) == [30.0, 82.5, None, None, 40.0]
    assert _gaps(converted) == [None, None, "no_price_index", "not_stated", None]


def test_the_first_missing_reason_wins():
    frame = pd.DataFrame({"community_id": ["beta", "beta"], "year": [2026, 2026], "amount_thousand_uah": [None, 10.0]})
    converted = _convert("per_resident_real", "community", frame)
    assert _gaps(converted) == ["not_stated", "no_price_index"]


def test_share_is_of_the_community_total_over_the_rows_given():
    converted = _convert("share")
    # Alpha: 100 + 300 + 50 = 450 → 22.22 %, 66.67 %, 11.11 %; Beta: 20 of 20 = 100 %, its missing row stays missing
    assert _values(converted) == [
        round(100 * 100 / 450, 6),
        round(100 * 300 / 450, 6),
        round(100 * 50 / 450, 6),
        None,
        100.0,
    ]
    assert _gaps(converted) == [None, None, None, "not_stated", None]


def test_share_within_other_groups():
    converted = _convert("share", share_within=("community_id", "year"))
    assert _values(converted) == [100.0, 100.0, 100.0, None, 100.0]
    by_year = _convert("share", share_within=("year",))
    # 2024: Alpha 300 and Beta nothing → 100 %; each other year has one row
    assert _values(by_year) == [100.0, 100.0, 100.0, None, 100.0]


def test_share_of_a_given_programme_total():
    converted = _convert("share", share_of=pd.Series({"alpha": 1000.0, "beta": 80.0}))
    assert _values(converted) == [10.0, 30.0, 5.0, None, 25.0]


def test_share_of_a_zero_or_missing_total_is_not_a_number():
    converted = _convert("share", share_of=pd.Series({"alpha": 0.0}))
    assert _values(converted) == [None] * 5


def test_amounts_given_as_decimals_or_text_columns_are_read_as_numbers():
    from decimal import Decimal

    frame = pd.DataFrame({"community_id": ["alpha"], "year": [2024], "planned": [Decimal("12.5")]})
    assert _values(MoneyView().apply(frame, amount="planned")) == [12.5]


def test_apply_leaves_the_input_frame_alone():
    frame = _frame()
    before = frame.copy()
    _convert("per_resident_real", frame=frame)
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize("view", VIEWS)
def test_sums_of_converted_rows_are_the_converted_sums(view):
    # two rows of the same community and year convert to the same total as their sum
    rows = pd.DataFrame({"community_id": ["alpha", "alpha"], "year": [2024, 2024], "amount_thousand_uah": [30.0, 70.0]})
    one = pd.DataFrame({"community_id": ["alpha"], "year": [2024], "amount_thousand_uah": [100.0]})
    if view == "share":
        assert _convert(view, frame=rows)["value"].sum() == pytest.approx(_convert(view, frame=one)["value"].sum())
    else:
        assert _convert(view, frame=rows)["value"].sum() == pytest.approx(_convert(view, frame=one)["value"].iloc[0])


def test_flags_say_which_conversions_apply():
    flags = {view: (MoneyView(view).is_real, MoneyView(view).is_per_resident) for view in VIEWS}
    assert flags == {
        "nominal": (False, False),
        "real": (True, False),
        "per_resident": (False, True),
        "per_resident_real": (True, True),
        "share": (False, False),
    }


@pytest.mark.parametrize(
    ("view", "lang", "unit"),
    [
        ("nominal", "en", "thousand UAH"),
        ("real", "en", "thousand UAH at December 2025 prices"),
        ("per_resident", "en", "UAH per resident"),
        ("per_resident_real", "en", "UAH per resident at December 2025 prices"),
        ("share", "en", "% of the programme's total"),
        ("nominal", "uk", "тис. грн"),
        ("real", "uk", "тис. грн у цінах грудня 2025 р."),
    ],
)
def test_units_name_the_base_year(view, lang, unit):
    assert MoneyView(view, reference=REFERENCE).unit(lang) == unit


def test_method_notes_say_how_each_figure_was_computed():
    from programme_analysis.texts import text

    def note(view, denominator="city"):
        return MoneyView(view, denominator, REFERENCE).method_note("en")

    assert note("nominal") == ""
    assert note("real") == text("note_real_terms", "en").format(base_year=2025)
    assert note("per_resident", "community") == text("note_per_resident_community", "en")
    assert note("per_resident") == text("note_per_resident_city", "en")
    assert note("per_resident_real") == text("note_real_terms", "en").format(base_year=2025) + "; " + text(
        "note_per_resident_city", "en"
    )
    assert note("share") == text("note_share", "en")
    assert note("per_resident", "adopted") == text("note_per_resident_adopted", "en")
    assert note("per_resident", "community_cited") == text("note_per_resident_community_cited", "en")
    assert "2025" in note("real") and "{" not in note("real")
    assert set(DENOMINATORS) == {"adopted", "city", "community", "community_cited"}
    # with the communities shown, a per-resident note names each one's figure, its date and source, or that it is unknown
    named = MoneyView("per_resident", "community", REFERENCE).method_note("en", {"alpha": "Alpha", "beta": "Beta"})
    assert named.split("; ") == [
        text("note_per_resident_community", "en"),
        "Alpha: community population 10,000, as of date not stated, stat.example.org",
        f"Beta: {text('gap_no_population', 'en')}",
    ]


@pytest.mark.parametrize(
    ("view", "value", "lang", "shown"),
    [
        ("nominal", 1840.04, "uk", "1\u00a0840,0"),
        ("nominal", 1840.06, "en", "1,840.1"),
        ("real", 2961.393, "en", "2,961.4"),
        ("per_resident", 27.434, "en", "27.43"),
        ("per_resident_real", 0.006, "en", "0.01"),
        ("share", 26.66, "uk", "26,7 %"),
        ("share", 100, "en", "100.0 %"),
        ("nominal", float("nan"), "en", "not stated"),
        ("share", None, "uk", "не зазначено"),
    ],
)
def test_format_uses_the_views_decimals_and_the_languages_marks(view, value, lang, shown):
    assert MoneyView(view).format(value, lang) == shown


def test_hover_format_matches_the_decimals():
    assert {view: MoneyView(view).hover_format() for view in VIEWS} == {
        "nominal": ",.1f",
        "real": ",.1f",
        "per_resident": ",.2f",
        "per_resident_real": ",.2f",
        "share": ",.1f",
    }


def test_a_default_view_needs_no_reference():
    view = MoneyView()
    # per resident of the territory each programme is for
    assert (view.view, view.denominator) == (
        "nominal",
        "adopted",
    )
    assert _values(view.apply(_frame())) == [100.0, 300.0, 50.0, None, 20.0]
    # no factors at all: a gap, not the nominal amount
    assert math.isnan(MoneyView("real").apply(_frame())["value"].iloc[0])


def test_a_share_of_a_small_total_is_still_a_share():
    frame = pd.DataFrame({"community_id": ["alpha", "alpha"], "year": [2024, 2025], "amount_thousand_uah": [0.2, 0.6]})
    assert _values(_convert("share", frame=frame)) == [25.0, 75.0]  # 0.8 thousand UAH in all: 200 of 800 UAH


def test_an_amount_that_is_not_a_number_is_a_gap_not_an_error():
    frame = pd.DataFrame(
        {"community_id": ["alpha", "alpha"], "year": [2024, 2025], "amount_thousand_uah": ["12,5", "7"]}
    )
    converted = _convert("nominal", frame=frame)
    assert _values(converted) == [None, 7.0]
    assert _gaps(converted) == ["not_stated", None]


def test_the_gap_column_is_text():
    assert _convert("per_resident", "community")["value_gap"].dtype == "string"


def test_a_register_figure_is_named_with_its_source_and_credited_once_and_a_cited_one_with_its_host():
    from programme_analysis.money_views import population_source
    from programme_analysis.texts import text

    register = Residents(26_463, "community", None, "register", None, "W3I register (CC BY 4.0)")
    reference = Reference(
        residents={
            ("alpha", "community"): register,
            ("beta", "community"): register,
            ("gamma", "community"): Residents(None, "community", None, "register", None, "unused"),
        },
        adopted_for={"alpha": "community"},
    )
    view = MoneyView("per_resident", "community", reference)
    assert (
        population_source(register, "en")
        == text("population_source_register", "en")
        == "register of communities, date not stated"
    )
    assert view.residents_phrase("alpha", "uk") == "населення громади — 26\u00a0463, реєстр громад, дату не зазначено"
    note = view.method_note("en", {"alpha": "Alpha", "beta": "Beta", "gamma": "Gamma"}).split("; ")
    credit = text("register_credit", "en").format(credit="W3I register (CC BY 4.0)")
    # once for the two communities with a register figure; none for the one without a count
    assert note[-2:] == credit.split("; ")
    assert note.count("Register of communities: W3I register (CC BY 4.0)") == 1 and "unused" not in "; ".join(note)
    # its programme's territory is not known
    assert MoneyView("per_resident", "adopted", reference).residents("beta") is None
    cited = Residents(500, "city", "2022-01-01", "cited", None)
    assert population_source(cited, "en") == "as of 2022-01-01, "  # no address, so no host
    assert (
        population_source(Residents(500, "city", None, "cited", "https://ukrstat.example/p"), "uk")
        == "станом на дату не зазначено, ukrstat.example"
    )


def test_every_per_resident_row_names_its_denominator():
    reference = Reference(
        residents={
            ("alpha", "city"): Residents(4_000, "city", "2022-01-01", "cited", "https://stat.example.org/p"),
            ("beta", "city"): Residents(500, "city", None, "register", None, "W3I register"),
        }
    )
    frame = pd.DataFrame(
        {"community_id": ["alpha", "beta", "gamma"], "year": [2024, 2024, 2024], "amount_thousand_uah": [4.0, 1.0, 1.0]}
    )
    out = MoneyView("per_resident", "city", reference).apply(frame)

    def listed(column):
        return [None if pd.isna(v) else v for v in out[column]]

    assert listed("residents_of") == ["city", "city", None]
    assert (
        out["residents"].tolist()[:2] == [4_000, 500]
        and pd.isna(out["residents"].iloc[2])
        and str(out["residents"].dtype) == "Int64"
    )
    assert listed("residents_date") == ["2022-01-01", None, None]
    assert listed("residents_source") == ["https://stat.example.org/p", "W3I register", None]
    assert _values(out) == [1.0, 2.0, None] and _gaps(out) == [None, None, "no_population"]
    assert "residents" not in MoneyView("nominal", reference=reference).apply(frame)
