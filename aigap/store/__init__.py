"""The SQLite cache of validated records and the queries over it."""
