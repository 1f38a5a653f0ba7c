"""Ways to show planned money fairly: as planned, at base-year prices, per resident, or as a share.

Every derived figure is computed here from stored data: the ``price_factors`` view (built from the
CPI table) and the ``population`` table. A figure that cannot be computed is NaN with a reason
(``value_gap``), never zero.

Per resident divides by the residents of the territory the programme was adopted for (``adopted``,
the default), of the city, or of the territorial community (the register of communities, or the
figures cited in population.csv).

>>> city = Residents(10_000, "city", "2022-01-01", "cited", "https://example.org")
>>> reference = Reference(factors={2024: 1.08, 2025: 1.0}, base_year=2025, residents={("alpha", "city"): city}, adopted_for={"alpha": "city"})
>>> frame = pd.DataFrame({"community_id": ["alpha", "alpha"], "year": [2024, 2025], "amount_thousand_uah": [100.0, 50.0]})
>>> MoneyView("real", reference=reference).apply(frame)["value"].round(3).tolist()
[108.0, 50.0]
>>> MoneyView("per_resident", reference=reference).apply(frame)["value"].tolist()
[10.0, 5.0]
>>> MoneyView("per_resident", "community", reference).apply(frame)["value_gap"].tolist()
['no_population', 'no_population']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

import pandas as pd

from .formatting import format_count, format_decimal_number
from .texts import text

VIEWS = ("nominal", "real", "per_resident", "per_resident_real", "share")
# adopted: the territory the programme was adopted for (programmes.adopted_for); community: the
# register of communities (one source for all); community_cited: the figures cited in population.csv.
DENOMINATORS = ("adopted", "city", "community", "community_cited")
DEFAULT_VIEW = "nominal"
DEFAULT_DENOMINATOR = "adopted"
# Communities compared per resident, the same on the peers page and the slide: at base-year prices, per resident of
# the territory each programme is for (the fair comparison; the sidebar's view may differ and says its own basis).
COMPARISON_VIEW, COMPARISON_DENOMINATOR = "per_resident_real", "adopted"


@dataclass(frozen=True)
class Residents:
    """A population figure with where it comes from."""

    count: int | None  # None when no source gives a figure
    entity: str  # city or community
    date: str | None  # the date the figure refers to, as the source gives it; None when not stated
    source: str  # "register" (table community_register) or "cited" (table population)
    source_url: str | None = None
    credit: str | None = None  # the credit the source's licence asks for


@dataclass(frozen=True)
class Reference:
    """The reference data a conversion needs, read from the database (see ``queries.reference``)."""

    factors: dict[int, float] = field(default_factory=dict)  # year -> factor to base-year prices
    base_year: int | None = None
    # (community_id, city|community|community_cited) -> figure
    residents: dict[tuple[str, str], Residents] = field(default_factory=dict)
    adopted_for: dict[str, str] = field(default_factory=dict)  # community_id -> city|community, as its programme says


@dataclass(frozen=True)
class MoneyView:
    view: str = DEFAULT_VIEW
    denominator: str = DEFAULT_DENOMINATOR
    reference: Reference = field(default_factory=Reference)

    @property
    def is_real(self) -> bool:
        return self.view in ("real", "per_resident_real")

    @property
    def is_per_resident(self) -> bool:
        return self.view in ("per_resident", "per_resident_real")

    def residents(self, community_id: str) -> Residents | None:
        """The population a per-resident figure of this community divides by, with its source."""
        basis = self.reference.adopted_for.get(community_id) if self.denominator == "adopted" else self.denominator
        return self.reference.residents.get((community_id, basis)) if basis else None

    def apply(
        self,
        frame: pd.DataFrame,
        amount: str = "amount_thousand_uah",
        share_within: tuple[str, ...] = ("community_id",),
        share_of: pd.Series | None = None,
    ) -> pd.DataFrame:
        """``frame`` with ``value`` (float, NaN where unknown) and ``value_gap`` (why it is unknown).

        Conversions are made row by row (a measure in a year, or a community-year), so that sums
        of converted rows are the converted sums. A share is of the sum over ``share_within``
        (by default the community's planned total over the rows given, i.e. the selected years),
        or of ``share_of`` (totals by community id) when the rows are only part of the programme.
        """
        out = frame.copy()
        amounts = pd.to_numeric(out[amount], errors="coerce").astype(float)
        gap = pd.Series(pd.NA, index=out.index, dtype="string").mask(amounts.isna(), "not_stated")
        value = amounts
        if self.is_real:
            factor = out["year"].map(self.reference.factors).astype(float)
            gap = gap.mask(gap.isna() & factor.isna(), "no_price_index")
            value = value * factor
        if self.is_per_resident:
            figures = out["community_id"].map(self.residents)
            residents = figures.map(lambda r: r.count if r is not None and r.count is not None else None).astype(float)
            gap = gap.mask(gap.isna() & residents.isna(), "no_population")
            value = value * 1000 / residents  # thousand UAH -> UAH per resident
            # every per-resident row names its denominator: which residents, how many, as of when, from where
            out["residents_of"] = figures.map(lambda r: r.entity if r is not None else None)
            out["residents"] = residents.astype("Int64")
            out["residents_date"] = figures.map(lambda r: r.date if r is not None else None)
            out["residents_source"] = figures.map(lambda r: (r.credit or r.source_url) if r is not None else None)
        if self.view == "share":
            totals = (
                out["community_id"].map(share_of).astype(float)
                if share_of is not None
                else value.groupby([out[c] for c in share_within]).transform("sum")
            )
            value = (100 * value / totals).where(totals > 0)
        out["value"] = value.where(gap.isna())
        out["value_gap"] = gap
        return out

    def unit(self, lang: str) -> str:
        """The unit, with the base year or the denominator where they apply."""
        key = {
            "nominal": "unit_thousand_uah",
            "real": "unit_thousand_uah_real",
            "per_resident": "unit_uah_per_resident",
            "per_resident_real": "unit_uah_per_resident_real",
            "share": "unit_percent_of_programme",
        }[self.view]
        return text(key, lang).format(base_year=self.reference.base_year)

    def residents_phrase(self, community_id: str, lang: str) -> str:
        """``26 463 residents of the territorial community (register W3I…, date not stated)``, or that it is unknown."""
        figure = self.residents(community_id)
        if figure is None or figure.count is None:
            return text("gap_no_population", lang)
        return text("residents_phrase", lang).format(
            count=format_count(figure.count, lang),
            entity=text(f"residents_of_{figure.entity}", lang),
            source=population_source(figure, lang),
        )

    def method_note(self, lang: str, names: dict[str, str] | None = None) -> str:
        """How the figure was computed, for a chart's source line; empty for amounts as planned.
        With ``names`` (community id -> name), a per-resident note names each community's population, date and source."""
        notes = []
        if self.is_real:
            notes.append(text("note_real_terms", lang).format(base_year=self.reference.base_year))
        if self.is_per_resident:
            notes.append(text(f"note_per_resident_{self.denominator}", lang))
            notes += [f"{name}: {self.residents_phrase(c, lang)}" for c, name in (names or {}).items()]
            credits = {
                f.credit
                for f in map(self.residents, names or {})
                if f is not None and f.source == "register" and f.count is not None
            }
            notes += [text("register_credit", lang).format(credit=credit) for credit in sorted(credits)]
        if self.view == "share":
            notes.append(text("note_share", lang))
        return "; ".join(notes)

    def format(self, value, lang: str) -> str:
        """A converted value as the language prints it, or the words for "not stated"."""
        if value is None or pd.isna(value):
            return text("not_stated", lang)
        digits = 2 if self.is_per_resident else 1
        number = format_decimal_number(value, lang, digits)
        return f"{number} %" if self.view == "share" else number

    def hover_format(self) -> str:
        """A Plotly d3 format for the same number of decimals as ``format``."""
        return ",.2f" if self.is_per_resident else ",.1f"


def population_source(figure: Residents, lang: str) -> str:
    """Where a population figure comes from and as of when, in words."""
    if figure.source == "register":
        return text("population_source_register", lang)
    host = urlparse(figure.source_url).netloc if figure.source_url else ""
    return text("population_source_cited", lang).format(date=figure.date or text("date_not_stated", lang), host=host)
