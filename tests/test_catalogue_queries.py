"""The run-time SQL (``catalogue/queries.py``, plain ``sqlite3``) and the typed ORM schema agree,
and both read paths give the same answers on the shipped catalogue."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import create_engine

from gala_desktop.catalogue import queries
from gala_desktop.catalogue.orm_reader import OrmCatalogue
from gala_desktop.catalogue.schema import Base
from gala_desktop.catalogue.search import _filters, _name_plan, _plan
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery


def orm_columns() -> dict[str, set[str]]:
    return {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}


@pytest.fixture(scope="module")
def orm_only_db(tmp_path_factory):
    """An empty database made from nothing but the ORM schema and the FTS definitions."""
    path = tmp_path_factory.mktemp("orm") / "schema.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    engine.dispose()
    conn = sqlite3.connect(path)
    for ddl in queries.FTS_DDL:
        conn.execute(ddl)
    yield conn
    conn.close()


SEARCHES = [
    SearchQuery(),
    SearchQuery(text="e"),
    SearchQuery(text="eenzaam"),
    SearchQuery(text="sport ouderen"),
    SearchQuery(text="ee jongeren"),
    SearchQuery(text="mantelzorg", target_group_keys=frozenset({"mantelzorgers"})),
    SearchQuery(theme_keys=frozenset({"sociale-basis"})),
    SearchQuery(text="buurt", theme_keys=frozenset({"eenzaamheid"}), databanks=frozenset({Databank.MOVISIE})),
    SearchQuery(min_level=RecognitionLevel.WELL_DESCRIBED),
    SearchQuery(text="ouderen", min_level=RecognitionLevel.WELL_FOUNDED),
    SearchQuery(min_level=RecognitionLevel.EFFECTIVE_FIRST, include_lapsed=True),
    SearchQuery(databanks=frozenset(Databank)),
    SearchQuery(text="gezonde leefstijl", target_group_keys=frozenset({"jongeren", "ouderen"})),
    SearchQuery(text="geen-bestaand-woord-xyz"),
    SearchQuery(text='"; DROP TABLE intervention; --'),
]


def test_every_table_and_column_the_reader_names_is_in_the_orm_schema():
    columns = orm_columns()
    assert sorted(queries.TABLES) == sorted(columns)
    assert set(queries.INTERVENTION_COLUMNS) <= columns["intervention"]
    assert set(queries.SUMMARY_COLUMNS) <= columns["intervention"]
    for table, names in queries.CHILD_COLUMNS.items():
        assert {"intervention_id", "position", *names} <= columns[table], table
    # Every child table of an intervention is read, so no field is silently dropped.
    children = {t for t, cols in columns.items() if "intervention_id" in cols}
    assert children == set(queries.CHILD_COLUMNS)
    read = set(queries.INTERVENTION_COLUMNS) | set(queries.SUMMARY_COLUMNS)
    derived = {"id", "sort_name", "best_level", "best_level_rank", "current_level_rank", "theme_keys",
               "databank_keys"}
    assert columns["intervention"] - derived <= read


def test_every_run_time_statement_compiles_against_the_orm_schema(orm_only_db):
    statements = [queries.META, queries.COUNT, queries.KEYS, queries.TARGET_GROUPS,
                  queries.DATABANKS_IN_USE, queries.ALL_INTERVENTIONS,
                  queries.interventions_by_key(3), queries.summaries_by_id(3),
                  queries.unscored_page(3), queries.texts_holding(3, [(2, 1), (1, 2)]),
                  queries.WITHOUT_SEARCH_TEXT]
    for query in SEARCHES:
        plan, names = _plan(query), _name_plan(query)
        statements += [plan.probe()[0], plan.ranked_page(), plan.scan_page(), plan.scan_page(2),
                       plan.single_statement(True), plan.single_statement(False),
                       names.name_first(), plan.broad_statement(names)]
        if plan.fts:  # a text search: its probed matches, ranked from their ids, or unscored
            statements += [plan.ranked_ids(3), plan.unscored_statement()]
        facets = queries.facets(_filters(query))  # a search the filters drive
        for i, facet in enumerate(facets):
            statements += [facet.count(), queries.filtered_ids(facet, facets[:i] + facets[i + 1:])[0]]
    for sql in statements:
        orm_only_db.execute("EXPLAIN " + sql, [None] * sql.count("?"))  # raises on any unknown name


def test_the_shipped_database_has_exactly_the_orm_tables_and_the_fts_columns(shipped_catalogue_path):
    conn = sqlite3.connect(shipped_catalogue_path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        real = {
            name: {r[1] for r in conn.execute(f"PRAGMA table_info({name})")}
            for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                         "AND sql LIKE 'CREATE TABLE%'")
            if not name.startswith(queries.FTS_TABLES)
        }
        assert real == orm_columns()
        for fts in queries.FTS_TABLES:
            assert [r[1] for r in conn.execute(f"PRAGMA table_info({fts})")] == list(queries.FTS_COLUMNS)
        version = conn.execute("SELECT value FROM catalogue_meta WHERE key = 'schema_version'").fetchone()
        assert int(version[0]) == queries.SCHEMA_VERSION
    finally:
        conn.close()


@pytest.fixture(scope="module")
def orm(shipped_catalogue_path):
    cat = OrmCatalogue.open(shipped_catalogue_path)
    yield cat
    cat.close()


def test_both_read_paths_give_every_shipped_intervention_identically(catalogue, orm):
    keys = catalogue.keys()
    assert keys == orm.keys() and len(keys) >= 48
    assert catalogue.all() == orm.all()
    assert catalogue.get_many(reversed(keys)) == orm.get_many(keys)
    assert list(catalogue.get_many(reversed(keys))) == list(reversed(keys))  # asked order
    for key in keys[:3]:
        assert catalogue.get(key) == orm.get(key)
    assert catalogue.get_many(["bestaat-niet", keys[0]]).keys() == {keys[0]}
    assert catalogue.target_groups() == orm.target_groups()
    assert catalogue.databanks_in_use() == orm.databanks_in_use()
    assert (catalogue.title, catalogue.checked_on, catalogue.count()) == (orm.title, orm.checked_on, orm.count())


@pytest.mark.parametrize("query", SEARCHES, ids=lambda q: repr(q)[:80])
def test_both_read_paths_find_the_same_interventions(catalogue, orm, query):
    expected = orm.search_keys(query)
    result = catalogue.search(SearchQuery(**{**_fields(query), "limit": 10_000}))
    assert result.exact and result.total == len(expected)
    assert [i.key for i in result.items] == expected
    for offset, limit in itertools.product((0, 3), (1, 5)):
        page = catalogue.search(SearchQuery(**{**_fields(query), "limit": limit, "offset": offset}))
        assert [i.key for i in page.items] == expected[offset : offset + limit]
        assert page.total == len(expected)


BROAD = [q for q in SEARCHES if q.text] + [
    SearchQuery(text="beweeg"), SearchQuery(text="gezond", databanks=frozenset({Databank.RIVM})),
]


@pytest.mark.parametrize("query", BROAD, ids=lambda q: repr(q)[:80])
def test_both_read_paths_list_a_broad_query_alike(catalogue, orm, query, monkeypatch):
    """Above the ranking cap: the name matches first (by level, then name), then the others in
    catalogue order — the ORM reader writes that order independently."""
    from gala_desktop.catalogue import search as search_module

    matches = len(orm.search_keys(query))
    if matches < 2:  # never broad, whatever the cap: both readers say so exactly
        result = catalogue.search(SearchQuery(**{**_fields(query), "limit": 10_000}))
        assert result.exact and result.total == matches
        return
    cap = min(6, matches - 1)  # below the number of matches, so the query is broad
    monkeypatch.setattr(search_module, "RANK_CAP", cap)
    expected = orm.broad_keys(query, cap)
    result = catalogue.search(SearchQuery(**{**_fields(query), "limit": 10_000}))
    assert not result.exact and result.total == cap
    assert [i.key for i in result.items] == expected
    for offset, limit in itertools.product((0, 3, 5, 9), (1, 4)):
        page = catalogue.search(SearchQuery(**{**_fields(query), "limit": limit, "offset": offset}))
        assert [i.key for i in page.items] == expected[offset : offset + limit], (offset, limit)


def _fields(query: SearchQuery) -> dict:
    return {name: getattr(query, name) for name in query.__slots__}


def test_the_run_time_reader_imports_no_sqlalchemy():
    code = (
        "import sys\n"
        "from gala_desktop.catalogue.repository import Catalogue\n"
        "from gala_desktop.domain.search import SearchQuery\n"
        "with Catalogue.open() as c:\n"
        "    c.search(SearchQuery(text='eenzaam ouderen'))\n"
        "    c.get_many(c.keys())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
