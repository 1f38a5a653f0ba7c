"""Compare one community with its peers: the figures per community, who counts as a peer, and the ranking.

The register (table ``community_register``) lists every territorial community with its oblast, type
(міська / селищна / сільська) and population; only communities with a loaded programme have figures.
A figure that cannot be computed is NaN with a reason, never zero.

>>> totals = pd.DataFrame({"community_id": ["a", "b"], "katottg": ["K1", "K2"], "register_population": [10_000, None],
...     "years_with_amount": [2, 1], "planned_total_thousand_uah": [100.0, 30.0], "partner_count": [3, 0]})
>>> figures = indicators(totals)
>>> figures["uah_per_resident_per_year"].tolist()[0]
5.0
>>> figures["per_resident_gap"].tolist()
[None, 'no_population']
"""

from __future__ import annotations

import math

import pandas as pd
from translitua import UkrainianKMU, translit

PEER_RULES = ("type", "oblast", "population", "all", "hand")
DEFAULT_PEER_RULE = "type"
# Similar population: within ±50% of the chosen community's population in the register.
POPULATION_BAND = 0.5
RANK_BY_FIXED = ("per_resident", "planned_per_year", "partners")
SHARE_PREFIX = "share_pct_"


def indicators(totals: pd.DataFrame, categories: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per loaded community with the compared figures.

    ``totals`` is ``queries.community_programme_totals``; ``categories`` is
    ``queries.community_category_totals``. Adds:

    - ``planned_per_year_thousand_uah``: planned total over the years that state an amount, divided by
      their number (NaN when no year states one: gap ``not_stated``);
    - ``uah_per_resident_per_year``: the same in UAH per resident of the register's population
      (gap ``no_population`` when the register has none, ``not_in_register`` when not linked);
    - ``share_pct_<category_id>``: each category's share of the money planned for measures, in percent
      (NaN for every category when the document states no measure amounts: gap ``no_breakdown``).
    """
    out = totals.copy()
    years = pd.to_numeric(out["years_with_amount"], errors="coerce")
    planned = pd.to_numeric(out["planned_total_thousand_uah"], errors="coerce").astype(float)
    population = pd.to_numeric(out["register_population"], errors="coerce").astype(float)
    out["planned_per_year_thousand_uah"] = (planned / years.where(years > 0)).astype(float)
    out["uah_per_resident_per_year"] = out["planned_per_year_thousand_uah"] * 1000 / population.where(population > 0)
    gaps = []
    for row_planned, row_population, katottg in zip(
        out["planned_per_year_thousand_uah"], population, out["katottg"], strict=True
    ):
        if math.isnan(row_planned):
            gaps.append("not_stated")
        elif not isinstance(katottg, str) or not katottg:
            gaps.append("not_in_register")
        elif math.isnan(row_population) or row_population <= 0:
            gaps.append("no_population")
        else:
            gaps.append(None)
    out["per_resident_gap"] = pd.Series(gaps, index=out.index, dtype=object)
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
