"""The Streamlit glue between ``pages/`` (which draw) and ``programme_analysis/`` (which computes, without Streamlit).

One job per module: ``state`` (choices, the URL, queries, downloads, texts), ``cache`` (figures and tables built once
per database and choice), ``notices`` (notices about the database), ``source_panel`` (the measures behind a number),
``session_upload`` and ``review_panel`` (a programme added in the browser, and its review), ``peer_data`` (the peers
page's data) and ``server`` (how the dashboard is served: ``python -m ui.server``).
"""
