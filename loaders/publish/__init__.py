"""What the database gives out: the data package (``export``, its descriptor and ZIP), Parquet files, and the
descriptions of tables and columns (``schema_docs``) with the data model's generated tables (``schema_tables``)."""
