"""Compare one community with its peers: the figures per community, who counts as a peer, and the ranking.

The register (table ``community_register``) lists every territorial community with its oblast, type
(міська / селищна / сільська) and population; only communities with a loaded programme have figures.
A figure that cannot be computed is NaN with a reason, never zero.

Money per resident is compared as the slide compares it (``money_views.COMPARISON_VIEW``): each year's planned
total at base-year prices, per resident of the territory the programme is for, averaged over the years with a figure.

>>> from programme_analysis.money_views import MoneyView, Reference, Residents
>>> people = {("a", "city"): Residents(10_000, "city", "2022-01-01", "cited")}
>>> money = MoneyView("per_resident_real", "adopted", Reference({2024: 1.1, 2025: 1.0}, 2025, people, {"a": "city", "b": "city"}))
>>> years = pd.DataFrame({"community_id": ["a", "a", "b"], "year": [2024, 2025, 2025],
...     "planned_total_thousand_uah": [100.0, 30.0, 5.0]})
>>> per_resident_per_year(years, money).round(2).to_dict("records")
[{'community_id': 'a', 'uah_per_resident_per_year': 7.0, 'per_resident_gap': None}, {'community_id': 'b', 'uah_per_resident_per_year': nan, 'per_resident_gap': 'no_population'}]
"""

from __future__ import annotations

import math

import pandas as pd
from translitua import UkrainianKMU, translit

from .money_views import MoneyView

PEER_RULES = ("type", "oblast", "population", "all", "hand")
DEFAULT_PEER_RULE = "type"
# Similar population: within ±50% of the chosen community's population in the register.
POPULATION_BAND = 0.5
RANK_BY_FIXED = ("per_resident", "planned_per_year", "partners")
SHARE_PREFIX = "share_pct_"


def per_resident_per_year(years: pd.DataFrame, money: MoneyView) -> pd.DataFrame:
    """Per community of ``years`` (``queries.programme_years``): the mean over its programme years of the planned
    total as ``money`` shows it (UAH per resident), and why there is none (``value_gap`` of its years: a reason other
    than ``not_stated`` first, so a missing population is said even where some years state no amount)."""
    converted = money.apply(years, amount="planned_total_thousand_uah")
    by = converted.groupby("community_id", sort=False)
    value = by["value"].mean().astype(float)

    def reason(gaps: pd.Series) -> str | None:
        gaps = gaps.dropna()
        other = gaps[gaps != "not_stated"]
        return str(other.iloc[0]) if not other.empty else "not_stated" if not gaps.empty else None

    gap = by["value_gap"].agg(reason).where(value.isna()).astype(object)
    gap = gap.where(gap.notna(), None)
    return pd.DataFrame({"uah_per_resident_per_year": value, "per_resident_gap": gap}).reset_index()


def indicators(
    totals: pd.DataFrame, categories: pd.DataFrame | None = None, per_resident: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per loaded community with the compared figures.

    ``totals`` is ``queries.community_programme_totals``; ``categories`` is
    ``queries.community_category_totals``; ``per_resident`` is :func:`per_resident_per_year`. Adds:

    - ``planned_per_year_thousand_uah``: planned total over the years that state an amount, divided by
      their number, as printed (NaN when no year states one);
    - ``uah_per_resident_per_year`` and ``per_resident_gap`` from ``per_resident`` (a community it lacks: NaN,
      ``not_stated``);
    - ``share_pct_<category_id>``: each category's share of the money planned for measures, in percent
      (NaN for every category when the document states no measure amounts: gap ``no_breakdown``).
    """
    out = totals.copy()
    years = pd.to_numeric(out["years_with_amount"], errors="coerce")
    planned = pd.to_numeric(out["planned_total_thousand_uah"], errors="coerce").astype(float)
    out["planned_per_year_thousand_uah"] = (planned / years.where(years > 0)).astype(float)
    figures = (per_resident if per_resident is not None else pd.DataFrame(columns=["community_id"])).set_index(
        "community_id"
    )
    out["uah_per_resident_per_year"] = (
        out["community_id"].map(figures.get("uah_per_resident_per_year", {})).astype(float)
    )
    out["per_resident_gap"] = [
        None if not math.isnan(v) else g if isinstance(g, str) else "not_stated"
        for v, g in zip(
            out["uah_per_resident_per_year"], out["community_id"].map(figures.get("per_resident_gap", {})), strict=True
        )
    ]
    if categories is not None and not categories.empty:
        amounts = categories.assign(
            planned=pd.to_numeric(categories["planned_thousand_uah"], errors="coerce").astype(float)
        )
        wide = amounts.pivot_table(index="community_id", columns="category_id", values="planned", aggfunc="sum")
        total = wide.sum(axis=1)
        # A category absent from a breakdown is 0% of it; a breakdown that sums to nothing has no shares.
        shares = wide.fillna(0.0).div(total.where(total > 0), axis=0).mul(100)
        shares.columns = [f"{SHARE_PREFIX}{c}" for c in shares.columns]
        out = out.merge(shares, left_on="community_id", right_index=True, how="left")
    share_columns = [c for c in out.columns if c.startswith(SHARE_PREFIX)]
    has_breakdown = out[share_columns].notna().any(axis=1) if share_columns else pd.Series(False, index=out.index)
    out["share_gap"] = has_breakdown.map(lambda ok: None if ok else "no_breakdown").astype(object)
    return out


def in_population_band(
    population: float | None, chosen_population: float | None, band: float = POPULATION_BAND
) -> bool:
    """Whether ``population`` lies within ±``band`` of ``chosen_population`` (both known).

    >>> in_population_band(14_000, 10_000), in_population_band(16_000, 10_000), in_population_band(None, 10_000)
    (True, False, False)
    """
    if population is None or chosen_population is None or pd.isna(population) or pd.isna(chosen_population):
        return False
    return chosen_population * (1 - band) <= population <= chosen_population * (1 + band)


def register_peers(register: pd.DataFrame, katottg: str, rule: str, band: float = POPULATION_BAND) -> pd.DataFrame:
    """Rows of the register that are peers of ``katottg`` by ``rule`` (``type``, ``oblast``, ``population``
    or ``all``), without the community itself. ``hand`` has no register rule: it returns no rows."""
    chosen = register[register["katottg"] == katottg]
    if chosen.empty or rule not in PEER_RULES:
        raise ValueError(f"unknown community {katottg!r} or peer rule {rule!r}")
    row = chosen.iloc[0]
    others = register[register["katottg"] != katottg]
    if rule == "type":
        return others[others["type_uk"] == row["type_uk"]]
    if rule == "oblast":
        return others[others["oblast_uk"] == row["oblast_uk"]]
    if rule == "population":
        chosen_population = None if pd.isna(row["population"]) else float(row["population"])
        return others[
            others["population"].map(
                lambda p: in_population_band(None if pd.isna(p) else float(p), chosen_population, band)
            )
        ]
    if rule == "all":
        return others
    return others.iloc[0:0]


def peer_ids(
    register: pd.DataFrame, katottg: str, rule: str, hand_ids: list[str] | None = None, band: float = POPULATION_BAND
) -> list[str]:
    """The loaded communities (``community_id``) that are peers of ``katottg``: by rule, or ``hand_ids`` for ``hand``."""
    chosen = register.loc[register["katottg"] == katottg, "community_id"]
    own = chosen.iloc[0] if not chosen.empty and isinstance(chosen.iloc[0], str) else None
    if rule == "hand":
        return [c for c in dict.fromkeys(hand_ids or []) if c != own]
    peers = register_peers(register, katottg, rule, band)
    return [c for c in peers["community_id"] if isinstance(c, str)]


def rank_column(by: str) -> str:
    """The column a ranking sorts on: ``per_resident``, ``planned_per_year``, ``partners`` or a category id."""
    return {
        "per_resident": "uah_per_resident_per_year",
        "planned_per_year": "planned_per_year_thousand_uah",
        "partners": "partner_count",
    }.get(by, f"{SHARE_PREFIX}{by}")


def ranking(figures: pd.DataFrame, community_ids: list[str], by: str = "per_resident") -> pd.DataFrame:
    """The rows of ``community_ids`` sorted by ``by`` (largest first), with ``rank`` (1 = largest; ties share
    the best rank). Rows without a figure come last and have no rank (a gap, not the bottom place)."""
    column = rank_column(by)
    rows = figures[figures["community_id"].isin(community_ids)].copy()
    if column not in rows.columns:
        rows[column] = float("nan")
    values = pd.to_numeric(rows[column], errors="coerce").astype(float)
    rows["rank"] = values.rank(method="min", ascending=False).astype("Int64")
    rows["_value"] = values
    return (
        rows.sort_values(["_value", "community_id"], ascending=[False, True], na_position="last")
        .drop(columns="_value")
        .reset_index(drop=True)
    )


def in_latin(text_uk: str | None) -> str | None:
    """A register name in Latin letters (Ukraine's official transliteration, KMU 2010), for English pages.

    >>> in_latin("Вінницька міська територіальна громада")
    'Vinnytska miska terytorialna hromada'
    """
    if text_uk is None or (isinstance(text_uk, float) and math.isnan(text_uk)):
        return None
    return translit(str(text_uk), UkrainianKMU)


def register_labels(register: pd.DataFrame, lang: str) -> dict[str, str]:
    """``{katottg: "name — oblast"}`` for the search box, in Latin letters for English."""
    names = register["name_uk"] if lang == "uk" else register["name_uk"].map(in_latin)
    oblasts = register["oblast_uk"] if lang == "uk" else register["oblast_uk"].map(in_latin)
    return {k: f"{n} — {o}" for k, n, o in zip(register["katottg"], names, oblasts, strict=True)}
