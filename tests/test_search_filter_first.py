"""A search narrowed by a selective facet filter starts from the filter and checks each
candidate's own index text (``search_text``) instead of the trigram index's lists. It must
find exactly what the trigram MATCH finds: the same page, count and order, on the shipped
catalogue and on a synthetic one with many shared words. Above ``UNSCORED_ABOVE`` interventions
the same matches come unscored: name matches first, then by level and name."""

from __future__ import annotations

import itertools
import math
import random
import sqlite3

import pytest

from benchmarks import synthetic
from gala_desktop.catalogue import search as search_module
from gala_desktop.catalogue.builder import write_database
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.catalogue.source import CatalogueSource
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.themes import THEMES

FILTER_FIRST = search_module._filter_first
TEXTS = (
    "sport ouderen", "eenzaam", "eenzame ouderen", "mantelzorg ondersteuning", "buurt ontmoeten",
    "gezonde leefstijl", "taal", "vallen", "zorg", "bewegen jeugd", "armoede schulden", "opvoeden",
    "rook", "alcohol", "school", "wijk", "geen-bestaand-woord",
)


@pytest.fixture(scope="module")
def synthetic_catalogue(tmp_path_factory):
    with Catalogue.open() as real:
        corpus = synthetic.corpus_from(real.all())
        groups, checked_on = real.target_groups(), real.checked_on
    path = tmp_path_factory.mktemp("synthetic") / "catalogue.sqlite"
    write_database(CatalogueSource("Synthetisch", checked_on, groups,
                                   synthetic.generate(600, corpus)), path)
    with Catalogue.open(path) as catalogue:
        yield catalogue


@pytest.fixture(scope="module")
def shipped():
    with Catalogue.open() as catalogue:
        yield catalogue


def _filter_sets(catalogue: Catalogue) -> list[dict]:
    rng = random.Random(7)
    groups = [g.key for g in catalogue.target_groups()]
    themes = [t.key for t in THEMES]
    sets = [{"theme_keys": frozenset({t})} for t in themes]
    sets += [{"target_group_keys": frozenset({g})} for g in groups]
    sets += [{"databanks": frozenset({d})} for d in Databank]
    sets += [{"min_level": level, "include_lapsed": lapsed}
             for level in RecognitionLevel if level.rank > 0 for lapsed in (False, True)]
    for _ in range(25):
        chosen = {"theme_keys": frozenset(rng.sample(themes, rng.randint(1, 2))),
                  "databanks": frozenset(rng.sample(list(Databank), rng.randint(1, 2))),
                  "target_group_keys": frozenset(rng.sample(groups, 1)),
                  "min_level": rng.choice([None, RecognitionLevel.WELL_DESCRIBED,
                                           RecognitionLevel.WELL_FOUNDED])}
        sets.append({k: v for k, v in chosen.items() if rng.random() < 0.7} or {"databanks": frozenset(Databank)})
    return sets


def _answer(conn: sqlite3.Connection, query: SearchQuery, size: int):
    result = search_module.search(conn, query, size=size)
    return [item.key for item in result.items], result.total, result.exact


def _compare_paths(catalogue: Catalogue, monkeypatch, cap: int) -> int:
    """Every text × filter set, both ways; returns how often the filters drove."""
    monkeypatch.setattr(search_module, "RANK_CAP", cap)
    driven = []

    def counted(*args):
        found = FILTER_FIRST(*args)
        driven.append(found is not None)
        return found

    conn = catalogue._conn()
    size = catalogue.count()
    for text, filters in itertools.product(TEXTS, _filter_sets(catalogue)):
        for offset, limit in ((0, 200), (2, 3), (0, 0)):
            query = SearchQuery(text=text, offset=offset, limit=limit, **filters)
            monkeypatch.setattr(search_module, "_filter_first", counted)
            filters_first = _answer(conn, query, size)
            monkeypatch.setattr(search_module, "_filter_first", lambda *args: None)
            text_first = _answer(conn, query, size)
            assert filters_first == text_first, (text, filters, offset)
    return sum(driven)


def test_filters_first_find_what_the_trigram_index_finds_in_the_shipped_catalogue(shipped, monkeypatch):
    assert _compare_paths(shipped, monkeypatch, cap=200) > 1000


def test_filters_first_find_what_the_trigram_index_finds_in_a_synthetic_catalogue(
    synthetic_catalogue, monkeypatch
):
    # a small cap as well: more matches than it are listed unscored (name matches first)
    for cap in (200, 4):
        assert _compare_paths(synthetic_catalogue, monkeypatch, cap) > 1000


def test_the_text_drives_when_the_filters_leave_many_or_the_smallest_facet_is_large(shipped, monkeypatch):
    conn = shipped._conn()
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        def drives(query: SearchQuery, cap: int, driver_cap: int) -> bool:
            monkeypatch.setattr(search_module, "FILTER_FIRST_SHARE", 0)
            monkeypatch.setattr(search_module, "FILTER_FIRST_MIN", cap)
            monkeypatch.setattr(search_module, "DRIVER_CAP", driver_cap)
            statements.clear()
            found = search_module._filter_first(conn, query, None, shipped.count())
            return found is not None

        def rows(query: SearchQuery) -> dict[str, int]:
            return {f.table: conn.execute(f.count(), f.values).fetchone()[0]
                    for f in search_module.queries.facets(search_module._filters(query))}

        one = SearchQuery(text="ouderen", databanks=frozenset({Databank.RIVM}))
        (single,) = rows(one).values()
        assert drives(one, cap=single, driver_cap=0)  # one facet: its rows are the candidates
        assert not drives(one, cap=single - 1, driver_cap=10_000)
        assert not any("DISTINCT" in s for s in statements)  # nothing read beyond the count

        two = SearchQuery(text="ouderen", databanks=frozenset({Databank.RIVM}),
                          theme_keys=frozenset({"gezonde-leefstijl"}))
        counts = rows(two)
        smallest = min(counts.values())
        assert drives(two, cap=200, driver_cap=smallest)
        # the facet with the fewest rows is the one read
        read = next(s for s in statements if "DISTINCT" in s)
        assert f"FROM {min(counts, key=counts.get)} d" in read
        assert not drives(two, cap=200, driver_cap=smallest - 1)  # too many rows to read
        # more interventions pass both filters than may be checked one by one
        passing = conn.execute(
            "SELECT count(*) FROM intervention i WHERE EXISTS (SELECT 1 FROM listing l WHERE "
            "l.intervention_id = i.id AND l.databank = 'rivm') AND EXISTS (SELECT 1 FROM "
            "intervention_theme t WHERE t.intervention_id = i.id AND t.theme_key = 'gezonde-leefstijl')"
        ).fetchone()[0]
        assert 2 <= passing < smallest
        assert drives(two, cap=passing, driver_cap=smallest)
        assert not drives(two, cap=passing - 1, driver_cap=smallest)

        # Movisie and Gezonde leefstijl: far fewer pass both (2 of 154 when written) than
        # would if the two were independent (11). Below that expectation a cap is not worth
        # reading for: nothing is read.
        rare = SearchQuery(text="ouderen", databanks=frozenset({Databank.MOVISIE}),
                           theme_keys=frozenset({"gezonde-leefstijl"}))
        size = shipped.count()
        expected = size * math.prod(count / size for count in rows(rare).values())
        both = conn.execute(
            "SELECT count(*) FROM intervention i WHERE EXISTS (SELECT 1 FROM listing l WHERE "
            "l.intervention_id = i.id AND l.databank = 'movisie') AND EXISTS (SELECT 1 FROM "
            "intervention_theme t WHERE t.intervention_id = i.id AND t.theme_key = 'gezonde-leefstijl')"
        ).fetchone()[0]
        assert both < math.ceil(expected) - 1
        assert not drives(rare, cap=math.ceil(expected) - 1, driver_cap=10_000)
        assert not any("DISTINCT" in s for s in statements)
        assert drives(rare, cap=math.ceil(expected), driver_cap=10_000)
    finally:
        conn.set_trace_callback(None)


def test_a_very_large_catalogue_lists_the_same_matches_unscored(synthetic_catalogue, monkeypatch):
    """Above ``UNSCORED_ABOVE`` a narrow result is ordered like a broad one: interventions whose
    name matches (by the word index, asked here in SQL) first, then by level, then by name."""
    conn = synthetic_catalogue._conn()
    size = synthetic_catalogue.count()
    checked = 0
    for text, filters in itertools.product(TEXTS, _filter_sets(synthetic_catalogue)[::3]):
        query = SearchQuery(text=text, **filters)
        scored = search_module.search(conn, query, size=size)
        monkeypatch.setattr(search_module, "UNSCORED_ABOVE", size - 1)
        unscored = search_module.search(conn, query, size=size)
        if unscored.exact:  # the benchmark's floor: the same page as one statement
            sql, params = search_module.page_sql(query, True, size=size)
            assert [row[0] for row in conn.execute(sql, params)] == [i.key for i in unscored.items]
        monkeypatch.undo()
        assert unscored.total == scored.total and unscored.exact == scored.exact
        assert {i.key for i in unscored.items} == {i.key for i in scored.items}
        if not scored.exact or len(scored.items) < 2:
            continue
        name_match = search_module.build_name_match(text)
        named = {row[0] for row in conn.execute(
            "SELECT i.key FROM search_words JOIN intervention i ON i.id = search_words.rowid "
            "WHERE search_words MATCH ?", (name_match,))}
        keys = [item.key for item in unscored.items]
        order = {row[0]: row[1:] for row in conn.execute(
            f"SELECT key, current_level_rank, best_level_rank, sort_name FROM intervention "
            f"WHERE key IN ({', '.join('?' * len(keys))})", keys)}
        sort_keys = [(k not in named, -order[k][0], -order[k][1], order[k][2]) for k in keys]
        assert sort_keys == sorted(sort_keys), (text, filters)
        checked += any(k in named for k in keys) and any(k not in named for k in keys)
    assert checked >= 5  # name matches and others met in one list, often enough to mean something


def test_a_synonym_too_short_for_a_trigram_counts_in_neither_path(shipped, monkeypatch):
    """``synonyms.toml`` refuses a one-letter alternative; a catalogue built before that rule
    may still hold one. In the trigram MATCH " d" matches nothing; as a plain substring it would
    match every word starting with d, and in the name index every name with such a word."""
    conn = shipped._conn()
    synonyms = {"vitamine": ("d",), "ouderen": ("d",)}
    assert search_module.build_name_match("ouderen", synonyms) == search_module.build_name_match("ouderen")
    for query in (SearchQuery(text="vitamine", databanks=frozenset({Databank.MOVISIE})),
                  SearchQuery(text="ouderen", databanks=frozenset({Databank.RIVM}), limit=5)):
        answers = []
        for filter_first in (FILTER_FIRST, lambda *args: None):
            monkeypatch.setattr(search_module, "_filter_first", filter_first)
            result = search_module.search(conn, query, size=shipped.count(), synonyms=synonyms)
            answers.append(([i.key for i in result.items], result.total, result.exact))
        assert answers[0] == answers[1], query
    assert answers[0][1] > 0
