"""Plain package behind the dashboard: queries, figure builders, formatting and texts.

Nothing here imports Streamlit, so tests can call every function directly.
"""
