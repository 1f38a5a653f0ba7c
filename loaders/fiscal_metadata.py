"""The Fiscal Data Package (0.3) properties of the data package: what the amounts are, in budget terms.

In that standard the currency and the budget phase are properties of a measure, and the package
names its country, granularity and fiscal period.
"""

from __future__ import annotations


def fiscal_properties(first_year: int, last_year: int) -> dict:
    """The package-level properties for programmes spanning ``first_year``…``last_year``."""
    return {
        "countryCode": "UA",
        "granularity": "aggregated",
        # Ukraine's budget year is the calendar year
        "fiscalPeriod": {
            "start": f"{first_year}-01-01",
            "end": f"{last_year}-12-31",
        },
        "model": fiscal_model(),
    }


def fiscal_model() -> dict:
    """The ``model``: one measure, the planned amount in thousand UAH, and the dimensions of ``spending``."""

    def dimension(kind: str, key: str, source: str, **extra) -> dict:
        return {
            "dimensionType": kind,
            "attributes": {key: {"source": source, "resource": "spending"}},
            "primaryKey": key,
            **extra,
        }

    return {
        "measures": {
            "planned_amount": {
                "source": "amount_thousand_uah",
                "resource": "spending",
                "currency": "UAH",
                "factor": 1000,
                "direction": "expenditure",
                "phase": "approved",
            }
        },
        "dimensions": {
            "date": dimension("datetime", "year", "year"),
            "administrator": dimension("entity", "id", "community_id"),
            "program": dimension("activity", "id", "programme_id"),
            "category": dimension("classification", "code", "category_id", classificationType="functional"),
            "measure": dimension("activity", "code", "measure_code"),
        },
    }
