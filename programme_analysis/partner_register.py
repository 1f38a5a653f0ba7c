"""Programme partners beside the Ministry's partnership map: side-by-side lists, counts and the
national rankings of foreign partners. Pure functions on the frames that ``queries`` returns.

>>> country_name("PL", "uk"), country_name("PL", "en")
('Польща', 'Poland')
"""

from __future__ import annotations

import pandas as pd
from babel import Locale

from .formatting import format_amount
from .texts import in_language, label, text

STATUSES = ("both", "programme_only", "register_only")
# The marks the table puts before each status: the same shapes the map draws (partner_figures.STATUS_STYLE).
STATUS_MARKS = {"both": "●", "programme_only": "□", "register_only": "◆"}


def country_name(code: str | None, lang: str) -> str:
    """The country's name in the language (Babel's CLDR names); the code itself when unknown."""
    if not isinstance(code, str):
        return "—"
    return Locale.parse("uk" if lang == "uk" else "en").territories.get(code, code)


def map_date(register_or_map: pd.DataFrame, lang: str) -> str:
    """“data as checked at the end of 2025”, from the rows' ``map_checked_year``."""
    years = register_or_map["map_checked_year"].dropna().unique() if "map_checked_year" in register_or_map else []
    return text("map_as_of", lang).format(year=int(max(years))) if len(years) else ""


def map_source(register_or_map: pd.DataFrame, lang: str) -> str:
    """The map's source and date, for every place its data appears."""
    return text("source_partnership_map", lang).format(as_of=map_date(register_or_map, lang))


def status_counts(register: pd.DataFrame, community_ids: list[str] | None = None) -> pd.DataFrame:
    """Relationships per community and status (communities with no row get zeros: there is nothing on either side)."""
    counts = register.groupby(["community_id", "register_status"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(STATUSES), fill_value=0)
    if community_ids is not None:
        counts = counts.reindex(community_ids, fill_value=0)
    return counts.astype(int)


def rule_counts(register: pd.DataFrame) -> pd.Series:
    """How many matches each rule made (``geonames_id``, ``place_pin``, ``geonames_alternate_name``, ``same_name``, ``match_pin``)."""
    return register.loc[register["register_status"] == "both", "match_rule"].value_counts()


def explanation(row: pd.Series, lang: str, as_of: str) -> str:
    """Why a row is what it is: the rule and the map's name for a match, or which side lacks it."""
    status = row["register_status"]
    if status == "both":
        note_uk = row.get("match_note_uk")
        note = note_uk if lang == "uk" and isinstance(note_uk, str) else row["match_note"]
        return text(f"match_rule_{row['match_rule']}", lang).format(map_name=row["matched_partner_name_uk"], note=note)
    if status == "programme_only":
        return text("explain_programme_only", lang).format(as_of=as_of)
    return text("explain_register_only", lang)


def side_by_side(register: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per relationship: the programme's name (with its line), the map's name, the status,
    why, and the money the programme ties to it. Column names are in the language."""
    as_of = map_date(register, lang)
    on_programme = register["register_status"] != "register_only"
    programme_name = register["partner_name_uk"].where(on_programme, "")
    line = (
        register["source_file"].fillna("") + ":" + register["source_line"].astype("Int64").astype("string").fillna("")
    )
    map_name = register["matched_partner_name_uk"].where(
        register["register_status"] == "both", register["partner_name_uk"].where(~on_programme, "")
    )
    english = register["partner_name_en"]
    tied = register["tied_thousand_uah"] if "tied_thousand_uah" in register else pd.Series(None, index=register.index)
    table = pd.DataFrame(
        {
            text("col_community", lang): in_language(register, "community", lang),
            text("col_in_programme", lang): programme_name,
            text("col_on_map", lang): map_name.fillna(""),
            text("col_register_status", lang): register["register_status"].map(
                lambda s: f"{STATUS_MARKS[s]} {label('register_status', s, lang)}"
            ),
            text("col_match", lang): [explanation(row, lang, as_of) for _, row in register.iterrows()],
            text("col_partner_en", lang): english.fillna(""),
            text("col_country", lang): register["country_code"].map(lambda c: country_name(c, lang)),
            text("col_programme_line", lang): line.where(on_programme, ""),
            text("col_tied_money", lang): [format_amount(v, lang) if pd.notna(v) else "" for v in tied],
        }
    )
    return table if tied.notna().any() else table.drop(columns=[text("col_tied_money", lang)])


def _place_key(frame: pd.DataFrame) -> pd.Series:
    """A GeoNames id where the name found one place; the case-folded name and country otherwise."""
    by_name = frame["partner_name_uk"].str.casefold() + "|" + frame["country_code"]
    return frame["geonameid"].astype("Int64").astype("string").fillna(by_name)


def national_places(partnership_map: pd.DataFrame, chosen: list[str], top: int = 15) -> pd.DataFrame:
    """The foreign places with the most partner communities in Ukraine, one row per place, with the
    chosen communities that have it as a partner. Places are grouped by GeoNames id where the map's
    name finds one, so «Ряшів» and «Жешув» count as one city."""
    frame = partnership_map.assign(place=_place_key(partnership_map))
    chosen_rows = frame[frame["community_id"].isin(chosen)]
    grouped = frame.groupby("place").agg(
        communities=("katottg", "nunique"),
        partner_name_uk=("partner_name_uk", lambda s: s.value_counts().index[0]),
        spellings=("partner_name_uk", lambda s: ", ".join(sorted(s.unique()))),
        partner_name_en=("partner_name_en", "first"),
        country_code=("country_code", "first"),
        latitude=("latitude", "first"),
        longitude=("longitude", "first"),
        map_checked_year=("map_checked_year", "max"),
    )
    grouped["chosen"] = [
        sorted(chosen_rows.loc[chosen_rows["place"] == place, "community_id"].unique()) for place in grouped.index
    ]
    return grouped.sort_values(["communities", "partner_name_uk"], ascending=[False, True]).head(top).reset_index()


def ties_left_out(partnership_map: pd.DataFrame, places: pd.DataFrame) -> int:
    """How many places have as many partner communities as the last one shown, but are not shown."""
    if places.empty:
        return 0
    counts = partnership_map.assign(place=_place_key(partnership_map)).groupby("place")["katottg"].nunique()
    last = int(places["communities"].iloc[-1])
    return int((counts == last).sum()) - int((places["communities"] == last).sum())


def shared_partners(register: pd.DataFrame, partnership_map: pd.DataFrame) -> pd.DataFrame:
    """For each partner of the chosen communities on the map: how many Ukrainian communities the map gives that place."""
    keyed = partnership_map.assign(place=_place_key(partnership_map))
    counts = keyed.groupby("place")["katottg"].nunique()
    spellings = keyed.groupby("place")["partner_name_uk"].agg(lambda s: ", ".join(sorted(s.unique())))
    own = keyed[keyed["community_id"].isin(register["community_id"].unique())]
    return own.assign(communities=own["place"].map(counts), spellings=own["place"].map(spellings)).sort_values(
        ["community_id", "communities", "partner_order"], ascending=[True, False, True]
    )


def national_countries(partnership_map: pd.DataFrame, chosen: list[str], top: int = 12) -> pd.DataFrame:
    """Countries by the number of Ukrainian communities with a partner there (and the number of partners)."""
    grouped = partnership_map.groupby("country_code").agg(
        communities=("katottg", "nunique"),
        partners=("partner_name_uk", "size"),
        map_checked_year=("map_checked_year", "max"),
    )
    chosen_rows = partnership_map[partnership_map["community_id"].isin(chosen)]
    grouped["chosen"] = [
        sorted(chosen_rows.loc[chosen_rows["country_code"] == code, "community_id"].unique()) for code in grouped.index
    ]
    return grouped.sort_values(["communities", "partners"], ascending=False).head(top).reset_index()


def map_totals(partnership_map: pd.DataFrame) -> dict[str, int]:
    """Size of the map: partners, communities, countries."""
    return {
        "partners": len(partnership_map),
        "communities": partnership_map["katottg"].nunique(),
        "countries": partnership_map["country_code"].nunique(),
    }
