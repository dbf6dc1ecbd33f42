"""The intervention catalogue: text source, SQLite storage, full-text search."""
