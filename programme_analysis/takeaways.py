"""One-sentence takeaways for the presentation slides, computed from the data (never typed in).

Each function takes the same frames the slide's chart is drawn from and returns a sentence in
the chosen language, with numbers formatted for it.
"""

from __future__ import annotations

import pandas as pd

from .formatting import format_amount, format_count, year_span
from .money_views import MoneyView
from .partner_register import map_date, status_counts
from .texts import in_language, label, text


def largest_programme(programmes: pd.DataFrame, lang: str) -> str:
    """Which programme plans the most money in total, and which state no amounts."""
    stated = programmes[programmes["planned_total_thousand_uah"].notna()]
    unstated = in_language(programmes[programmes["planned_total_thousand_uah"].isna()], "name", lang).tolist()
    if stated.empty:
        return text("takeaway_no_amounts", lang)
    top = stated.loc[stated["planned_total_thousand_uah"].astype(float).idxmax()]
    sentence = text("takeaway_glance", lang).format(
        name=top[f"name_{lang}"],
        amount=format_amount(top["planned_total_thousand_uah"], lang),
        unit=text("unit_thousand_uah", lang),
        years=year_span(top["year_from"], top["year_to"]),
        count=format_count(len(programmes), lang),
    )
    if unstated:
        sentence += " " + text("takeaway_glance_unstated", lang).format(names=", ".join(unstated))
    return sentence


def largest_year(years: pd.DataFrame, lang: str, money: MoneyView) -> str:
    """The largest yearly plan in the chosen view."""
    converted = money.apply(years, amount="planned_total_thousand_uah")
    shown = converted[converted["value"].notna()]
    if shown.empty:
        return text("takeaway_no_amounts", lang)
    top = shown.loc[shown["value"].idxmax()]
    return text("takeaway_year", lang).format(
        name=in_language(shown, "name", lang)[top.name],
        amount=money.format(top["value"], lang),
        unit=money.unit(lang),
        year=int(top["year"]),
    )


def most_per_resident(years: pd.DataFrame, lang: str, money: MoneyView) -> str:
    """Which community plans most per resident, on average over its programme years with an amount."""
    converted = money.apply(years, amount="planned_total_thousand_uah")
    averages = converted.groupby("community_id", sort=False)["value"].mean().dropna()
    if averages.empty:
        return text("takeaway_no_amounts", lang)
    names = dict(zip(converted["community_id"], in_language(converted, "name", lang), strict=False))
    top, bottom = averages.idxmax(), averages.idxmin()
    return text("takeaway_per_resident", lang).format(
        top=names[top],
        top_amount=money.format(averages[top], lang),
        bottom=names[bottom],
        bottom_amount=money.format(averages[bottom], lang),
        unit=money.unit(lang),
        denominator=label("denominator", money.denominator, lang),
        top_residents=money.residents_phrase(top, lang),
        bottom_residents=money.residents_phrase(bottom, lang),
    )


def largest_category(spending: pd.DataFrame, lang: str) -> str:
    """For each community with a breakdown, the common category with the largest share of its planned money."""
    share = MoneyView("share").apply(spending[spending["amount_status"] == "stated"])
    if share["value"].notna().sum() == 0:
        return text("takeaway_no_amounts", lang)
    share["community"] = in_language(share, "community", lang)
    share["category"] = in_language(share, "category", lang)
    by_category = share.groupby(["community", "category"], sort=False)["value"].sum().reset_index()
    parts = []
    for community, rows in by_category.groupby("community", sort=False):
        top = rows.loc[rows["value"].idxmax()]
        parts.append(
            text("takeaway_category_part", lang).format(
                name=community, category=top["category"], share=MoneyView("share").format(top["value"], lang)
            )
        )
    return text("takeaway_category", lang).format(parts="; ".join(parts))


def partner_reach(partners: pd.DataFrame, lang: str) -> str:
    """How many relationships, in how many countries, and who has most."""
    if partners.empty:
        return text("no_partners_named", lang)
    counts = partners.groupby("community_id", sort=False).size()
    names = dict(zip(partners["community_id"], in_language(partners, "community", lang), strict=False))
    top = counts.idxmax()
    return text("takeaway_partners", lang).format(
        count=format_count(len(partners), lang),
        countries=format_count(partners["country_code"].nunique(), lang),
        name=names[top],
        top_count=format_count(int(counts[top]), lang),
    )


def money_for_partners(destinations: pd.DataFrame, totals: pd.DataFrame, lang: str) -> str:
    """Which programmes tie money to named cities, how much, and what share of their planned total that is."""
    stated = destinations[destinations["amount_status"] == "stated"]
    if stated.empty:
        return text("takeaway_no_partner_money", lang)
    parts = []
    for community_id, rows in stated.groupby("community_id", sort=False):
        amount = rows["amount_thousand_uah"].astype(float).sum()
        planned = (
            totals[(totals["community_id"] == community_id) & totals["year"].isin(rows["year"])][
                "planned_total_thousand_uah"
            ]
            .astype(float)
            .sum()
        )
        parts.append(
            text("takeaway_partner_money_part", lang).format(
                name=in_language(rows, "community", lang).iloc[0],
                amount=format_amount(amount, lang),
                unit=text("unit_thousand_uah", lang),
                share=MoneyView("share").format(100 * amount / planned if planned else None, lang),
                years=year_span(int(rows["year"].min()), int(rows["year"].max())),
                cities=format_count(rows["destination_name_uk"].nunique(), lang),
                partners=format_amount(
                    rows.loc[rows["relationship"].notna(), "amount_thousand_uah"].astype(float).sum(), lang
                ),
            )
        )
    return text("takeaway_partner_money", lang).format(parts="; ".join(parts))


def data_gaps(years: pd.DataFrame, lang: str) -> str:
    """How many programme years have amounts per measure, only a stated yearly total, or no amount at all (a stated total counts as stated)."""
    from .tables import completeness

    what = years["status"].map(lambda s: completeness([s]))
    names = in_language(years, "name", lang)

    def who(kind: str) -> str:
        return ", ".join(dict.fromkeys(names[what == kind])) or "—"

    return text("takeaway_gaps", lang).format(
        total=format_count(len(years), lang),
        full=format_count(int((what == "full").sum()), lang),
        totals=format_count(int((what == "totals_only").sum()), lang),
        totals_names=who("totals_only"),
        none=format_count(int((what == "none").sum()), lang),
        none_names=who("none"),
    )


def programme_vs_map(register: pd.DataFrame, lang: str) -> str:
    """For each community on the partnership map: how many of its programme's partners the map still lists, and how many it adds."""
    if register.empty:
        return text("no_partners_named", lang)
    counts = status_counts(register)
    names = dict(zip(register["community_id"], in_language(register, "community", lang), strict=False))
    parts = [
        text(
            "takeaway_register_part" if row["both"] + row["programme_only"] else "takeaway_register_part_none", lang
        ).format(
            name=names[cid],
            both=format_count(int(row["both"]), lang),
            named=format_count(int(row["both"] + row["programme_only"]), lang),
            register_only=format_count(int(row["register_only"]), lang),
        )
        for cid, row in counts.iterrows()
    ]
    return text("takeaway_register", lang).format(as_of=map_date(register, lang), parts="; ".join(parts))
