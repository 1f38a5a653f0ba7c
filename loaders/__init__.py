"""Loaders: read the programme documents into the DuckDB database (``python -m loaders build``)."""

__version__ = "0.1.0"
