"""Which communities the pages show before the reader chooses: the sidebar's default.

With a few programmes loaded, the default is all of them. With many (a national database holds
hundreds), every page would draw all of them at once: hundreds of overview cards, a chart with
hundreds of colours, and a link too long for the browser. Then the default is the
``DEFAULT_COMMUNITY_LIMIT`` communities with the largest planned total (all their programmes' years,
thousand UAH as printed), and the page says so (``texts["default_selection_note"]``).

>>> import pandas as pd
>>> programmes = pd.DataFrame({"community_id": ["a", "b", "b", "c"], "planned_total_thousand_uah": [5.0, 1.0, 3.0, None]})
>>> default_communities(programmes, ["a", "b", "c"], limit=2)
['a', 'b']
>>> default_communities(programmes, ["a", "b", "c"], limit=3)
['a', 'b', 'c']
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

DEFAULT_COMMUNITY_LIMIT = 8  # all communities when at most this many are loaded; otherwise this many


def is_bounded(loaded: int, limit: int = DEFAULT_COMMUNITY_LIMIT) -> bool:
    """True when more communities are loaded than the default shows."""
    return loaded > limit


def default_communities(
    programmes: pd.DataFrame,
    community_ids: Sequence[str],
    limit: int = DEFAULT_COMMUNITY_LIMIT,
    always: Sequence[str] = (),
) -> list[str]:
    """The default choice, in the order of ``community_ids`` (the sidebar's order).

    All of ``community_ids`` when at most ``limit`` are loaded; otherwise the ``limit`` with the largest
    sum of ``planned_total_thousand_uah`` over their programmes (a community whose total is unknown comes
    last; equal totals by id), plus ``always`` (this session's own upload, so that it is never hidden).
    """
    if not is_bounded(len(community_ids), limit):
        return list(community_ids)
    totals = programmes.groupby("community_id")["planned_total_thousand_uah"].sum(min_count=1)
    ranked = totals.reindex(list(community_ids)).astype("float64").reset_index()
    ranked.columns = ["community_id", "total"]
    largest = ranked.sort_values(["total", "community_id"], ascending=[False, True], na_position="last")[
        "community_id"
    ].head(limit)
    chosen = set(largest) | set(always)
    return [c for c in community_ids if c in chosen]
