"""What a server does once, when it starts, so that its first reader does not wait for it.

``dashboard.app`` runs ``warm_up`` in a thread when the server starts (``st.App``'s lifespan), without
delaying the server: a reader who arrives before it ends is served as without it. It

- imports the modules the pages import on their first run (Plotly's figure factories, the tables,
  the pages' Streamlit glue);
- builds and serialises one figure of each kind of trace the pages draw, which loads Plotly's
  validators (they are imported lazily, on a figure's first use of each kind of trace);
- when the database is there and up to date, runs the queries the entry runs on every visit,
  through the app's own cache (``app_state.query``), so that the first visit finds them cached. A
  missing or stale database is left to the first visit, which builds it and says so on the page.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger("app_server.warm_up")


def warm_plotly() -> None:
    import plotly.graph_objects as go
    import plotly.io as pio

    figure = go.Figure(
        [go.Bar(x=["a"], y=[1], text=["1"]), go.Scatter(x=[1], y=[1], mode="lines+markers"), go.Scattergeo(lon=[30.5], lat=[50.4]),
         go.Treemap(labels=["a"], parents=[""], values=[1])],
    )  # fmt: skip
    figure.update_layout(title={"text": "a", "subtitle": {"text": "b"}}, legend={"orientation": "h"}, geo={"projection": {"type": "natural earth"}})
    pio.to_json(figure.to_dict(), validate=False)


def import_pages() -> None:
    import page_cache  # noqa: F401
    import peer_data  # noqa: F401
    import source_panel  # noqa: F401
    from programme_analysis import figures, methodology_essay, partner_figures, peer_figures, tables  # noqa: F401


def warm_entry_queries() -> None:
    from app_state import _cached
    from loaders.build import default_database, is_stale
    from programme_analysis import queries
    from programme_analysis.community_selection import default_communities

    database = default_database()
    if not database.exists() or (not database.is_dir() and is_stale(database)):
        return  # the first visit builds it, and says so
    version = (str(database), database.stat().st_mtime)

    def query(function, *args):
        return _cached(function, f"{function.__module__}.{function.__qualname__}", *version, args)

    communities = query(queries.communities)
    query(queries.reference)
    query(queries.available_years)
    default_ids = default_communities(query(queries.programmes), communities["community_id"].tolist())
    query(queries.programme_years, default_ids)


def warm_up() -> None:
    """Everything above; a failure is logged and left to the first visit, which meets it with its own message."""
    started = time.perf_counter()
    for step in (import_pages, warm_plotly, warm_entry_queries):
        try:
            step()
        except Exception:  # warming is an optimisation: the visit that needs it reports any fault
            log.warning("warm-up step %s failed; the first visit does it", step.__name__, exc_info=True)
    log.info("warmed up in %.1f s", time.perf_counter() - started)
