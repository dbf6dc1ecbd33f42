"""Where the time of one search goes, in SQL: ``python -m benchmarks.search_profile [SIZE]``.

Runs the app's page query and cheaper variants on a synthetic catalogue with a raw ``sqlite3``
connection and prints the median of each: ranking every match with bm25, only finding the
matching rows, the unranked first page, and the count. Used to explain the search numbers in
``docs/benchmarks.md``; it measures, it changes nothing.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time

from benchmarks import synthetic
from gala_desktop.catalogue.queries import FTS_WEIGHTS
from gala_desktop.catalogue.search import build_match

WEIGHTS = ", ".join(str(w) for w in FTS_WEIGHTS)
TRIGRAM_QUERIES = ("een", "eenzaam", "sport ouderen")
PREFIX_QUERIES = ("e", "ee")


def _variants(table: str) -> list[tuple[str, str]]:
    rank = f"bm25({table}, {WEIGHTS})"
    return [
        ("app page: bm25 over all matches, join, sort",
         f"SELECT i.id, i.key FROM {table} JOIN intervention i ON i.id = {table}.rowid "
         f"WHERE {table} MATCH ? ORDER BY {rank}, i.sort_name LIMIT 200"),
        ("bm25 top-200 on the FTS table, then join",
         f"SELECT i.id, i.key FROM (SELECT rowid AS id, {rank} AS r FROM {table} WHERE {table} MATCH ? "
         "ORDER BY r LIMIT 200) s JOIN intervention i ON i.id = s.id ORDER BY s.r, i.sort_name"),
        ("by name, no bm25",
         f"SELECT i.id, i.key FROM intervention i WHERE i.id IN (SELECT rowid FROM {table} "
         f"WHERE {table} MATCH ?) ORDER BY i.sort_name LIMIT 200"),
        ("all matching rowids, no ranking", f"SELECT rowid FROM {table} WHERE {table} MATCH ?"),
        ("first 200 matches, unranked", f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT 200"),
        ("count(*) with the join (as the app)",
         f"SELECT count(*) FROM {table} JOIN intervention i ON i.id = {table}.rowid WHERE {table} MATCH ?"),
        ("count capped at 1,001",
         f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT 1001)"),
    ]


def _time(connection: sqlite3.Connection, sql: str, params: tuple, repeats: int) -> tuple[float, int]:
    rows = connection.execute(sql, params).fetchall()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        connection.execute(sql, params).fetchall()
        times.append(time.perf_counter() - started)
    return statistics.median(times), len(rows)


def profile(size: int, repeats: int = 5) -> list[tuple[str, str, float, int]]:
    path = synthetic.cached_catalogue(size)
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    out = []
    try:
        for text in TRIGRAM_QUERIES + PREFIX_QUERIES:
            tri, words = build_match(text)
            table, expression = ("search_trigram", tri) if tri else ("search_words", words)
            for label, sql in _variants(table):
                seconds, rows = _time(connection, sql, (expression,), repeats)
                out.append((text, label, seconds, rows))
    finally:
        connection.close()
    return out


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 100_000
    print(f"{size:,} interventions: median of 5 runs, raw sqlite3")
    for text, label, seconds, rows in profile(size):
        print(f"  {text!r:16} {label:44} {seconds * 1000:8.1f} ms  ({rows} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
