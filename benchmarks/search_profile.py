"""Where the time of one search goes, in SQL: ``python -m benchmarks.search_profile [SIZE]``.

``python -m benchmarks.search_profile --broad [SIZE]`` shows, for every benchmark case, the plan
and time of each step of a search: the unscored probe, a broad query's name matches, and what
scoring with bm25 would cost (its fixed cost, and the capped matches the app used to score).

``python -m benchmarks.search_profile --facets [SIZE]`` compares the facet filters as correlated
``EXISTS`` (what the app runs) with ``IN (subquery)`` (what it ran before) on the benchmark's
text + filter cases: the query plan of each (``EXPLAIN QUERY PLAN``), its median time and that
both return the same page.

Runs the app's page query and cheaper variants on a synthetic catalogue with a raw ``sqlite3``
connection and prints the median of each: ranking every match with bm25, only finding the
matching rows, the unranked first page, and the count. Used to explain the search numbers in
``docs/benchmarks.md``; it measures, it changes nothing.
"""

from __future__ import annotations

import re
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


_EXISTS = re.compile(
    r"EXISTS \(SELECT 1 FROM (\w+) f WHERE f\.intervention_id = i\.id AND f\.(\w+) IN \(([?, ]+)\)\)"
)


def as_in_subqueries(sql: str) -> str:
    """The same statement with each facet as ``i.id IN (SELECT …)`` instead of ``EXISTS``."""
    return _EXISTS.sub(r"i.id IN (SELECT intervention_id FROM \1 WHERE \2 IN (\3))", sql)


def facet_plans(size: int, repeats: int = 5, path=None) -> list[tuple[str, str, float, list[str], int]]:
    """(case, variant, median seconds, query plan lines, rows) for each filter case."""
    from benchmarks.search import FILTER_CASES
    from gala_desktop.catalogue.search import RANK_CAP, _plan
    from gala_desktop.domain.search import SearchQuery

    path = path or synthetic.cached_catalogue(size)
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    out = []
    try:
        for case in FILTER_CASES:
            query = SearchQuery(text=case.text, theme_keys=frozenset(case.themes),
                                target_group_keys=frozenset(case.groups), min_level=case.min_level,
                                databanks=frozenset(case.databanks))
            plan = _plan(query)
            params = (*plan.params, RANK_CAP + 1, RANK_CAP, 200, 0)
            pages = []
            for variant, sql in (("EXISTS", plan.ranked_page()), ("IN", as_in_subqueries(plan.ranked_page()))):
                steps = [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
                seconds, rows = _time(connection, sql, params, repeats)
                pages.append(connection.execute(sql, params).fetchall())
                out.append((case.label, variant, seconds, steps, rows))
            assert pages[0] == pages[1], f"the two forms differ for {case.label}"
    finally:
        connection.close()
    return out


def broad_plans(size: int, repeats: int = 5, path=None) -> list[tuple[str, str, float, list[str], int]]:
    """(case, step, median seconds, query plan lines, rows) for each benchmark case: the unscored
    probe, the name matches of a broad query, and what scoring costs (bm25 on one row is its
    fixed cost: a pass over the index per phrase; bm25 on the capped matches is what the app
    ranked before the cap was lowered)."""
    from benchmarks.search import FILTER_CASES, typed_cases
    from gala_desktop.catalogue.search import RANK_CAP, _name_plan, _plan
    from gala_desktop.domain.search import SearchQuery

    path = path or synthetic.cached_catalogue(size)
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    out = []
    try:
        for case in typed_cases() + list(FILTER_CASES):
            query = SearchQuery(text=case.text, theme_keys=frozenset(case.themes),
                                target_group_keys=frozenset(case.groups), min_level=case.min_level,
                                databanks=frozenset(case.databanks))
            plan, names = _plan(query), _name_plan(query)
            probe, params = plan.probe()
            steps = (
                (f"probe, first {RANK_CAP + 1} unscored", probe, (*params, RANK_CAP + 1)),
                ("name matches (word index)", names.name_first(), (*names.params, RANK_CAP)),
                ("bm25 fixed cost (one row)", f"SELECT {plan.score} FROM {plan.source}{plan.clause} LIMIT 1",
                 plan.params),
                ("bm25 on 2,001 matches (the former cap)", plan.ranked_page(),
                 (*plan.params, 2001, 2000, 200, 0)),
            )
            for step, sql, values in steps:
                lines = [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, values)]
                seconds, rows = _time(connection, sql, values, repeats)
                out.append((case.label, step, seconds, lines, rows))
    finally:
        connection.close()
    return out


PLAN_MODES = {
    "--broad": ("the steps of a search", broad_plans, 40),
    "--facets": ("facets as EXISTS vs IN", facet_plans, 6),
}


def main(argv: list[str]) -> int:
    if argv and argv[0] in PLAN_MODES:
        title, measure, width = PLAN_MODES[argv[0]]
        size = int(argv[1]) if len(argv) > 1 else 100_000
        print(f"{size:,} interventions: {title}, median of 5 runs, raw sqlite3")
        for label, variant, seconds, steps, rows in measure(size):
            print(f"  {label}: {variant:{width}} {seconds * 1000:8.1f} ms ({rows} rows)")
            for step in steps:
                print(f"      {step}")
        return 0
    size = int(argv[0]) if argv else 100_000
    print(f"{size:,} interventions: median of 5 runs, raw sqlite3")
    for text, label, seconds, rows in profile(size):
        print(f"  {text!r:16} {label:44} {seconds * 1000:8.1f} ms  ({rows} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
